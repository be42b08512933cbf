"""Licences for the lines that hold one: one licence per exporter, buyer, item and
five-month window, for somewhat more than the window's draws, valid a year.

Honest lines cite their licence (a few leave the field empty and attach it on paper);
``borrowed_permit`` lines cite a licence issued to another exporter for the same item.
"""

from __future__ import annotations

import polars as pl

from . import vocab
from .lines import control_days
from .schemes import Context, licence_row

WINDOW_DAYS = 150


def issue(ctx: Context, plan: pl.DataFrame) -> pl.DataFrame:
    """Licences for every line that needs one; the lines with their numbers filled in."""
    rng = ctx.rng
    days = control_days()
    item_day = {i: days[g.item] for i, g in enumerate(vocab.GOODS) if g.item}
    names = ctx.acts.consignees["name"].to_numpy()
    keyed = plan.with_row_index("_row").with_columns(
        pl.col("cons_name").fill_null("").alias("_buyer"),
        (
            (pl.col("day") - pl.col("true_good").replace_strict(item_day, default=0)) // WINDOW_DAYS
        ).alias("_win"),
    )
    wanted = keyed.filter(pl.col("needs_licence") & (pl.col("licence") == ""))
    groups = wanted.group_by(
        "exporter", "cons", "_buyer", "true_good", "_win", maintain_order=True
    ).agg(
        pl.col("day").min().alias("first"),
        pl.col("day").max().alias("last"),
        pl.col("kg").sum(),
        pl.col("country").first(),
        pl.col("end_user").first(),
        pl.col("_row"),
    )
    numbers: list[str] = []
    for r in groups.iter_rows(named=True):
        buyer = r["_buyer"] or str(names[r["cons"]])
        issued = max(item_day[r["true_good"]] - 10, r["first"] - int(rng.integers(3, 40)))
        row = licence_row(
            ctx,
            r["exporter"],
            r["true_good"],
            buyer,
            r["country"],
            issued,
            max(issued + 364, r["last"] + 1),
            r["kg"] * rng.uniform(1.05, 1.6),
        )
        if r["end_user"]:
            row["end_user_name"] = r["end_user"]
        ctx.licences.append(row)
        numbers.append(str(row["license_no"]))
    assigned = groups.select(pl.Series("licence_new", numbers), "_row").explode("_row")
    blank = rng.random(assigned.height) < 0.02
    assigned = assigned.with_columns(
        pl.when(pl.Series(blank))
        .then(pl.lit(""))
        .otherwise(pl.col("licence_new"))
        .alias("licence_new")
    )
    out = keyed.join(assigned, on="_row", how="left").with_columns(
        pl.coalesce("licence_new", "licence").alias("licence")
    )
    return borrow(ctx, out.drop("licence_new", "_buyer", "_win", "_row"))


def borrow(ctx: Context, plan: pl.DataFrame) -> pl.DataFrame:
    """Give each ``BORROW`` line a licence of another exporter, same item where one exists."""
    rng = ctx.rng
    lic = pl.DataFrame(ctx.licences)
    ids = ctx.acts.exporters["exporter_id"].to_numpy()
    rows = plan.with_row_index("_row").filter(pl.col("licence") == "BORROW")
    chosen = []
    for r in rows.iter_rows(named=True):
        item = vocab.GOODS[r["true_good"]].item
        other = lic.filter(
            (pl.col("exporter_id") != ids[r["exporter"]]) & (pl.col("control_id") == item)
        )
        if other.height == 0:
            other = lic.filter(pl.col("exporter_id") != ids[r["exporter"]])
        chosen.append(str(other["license_no"][int(rng.integers(0, other.height))]))
    fill = rows.select("_row").with_columns(pl.Series("_borrowed", chosen, dtype=pl.String))
    return (
        plan.with_row_index("_row")
        .join(fill, on="_row", how="left")
        .with_columns(pl.coalesce("_borrowed", "licence").alias("licence"))
        .drop("_row", "_borrowed")
    )


def licence_table(ctx: Context) -> pl.DataFrame:
    """The licences table; a share leave the optional code, end user or status empty."""
    rng = ctx.rng
    lic = pl.DataFrame(ctx.licences)
    n = lic.height
    return lic.with_columns(
        pl.when(pl.Series(rng.random(n) < 0.3))
        .then(None)
        .otherwise(pl.col("hs_code"))
        .alias("hs_code"),
        pl.when(pl.Series(rng.random(n) < 0.15))
        .then(None)
        .otherwise(pl.col("end_use"))
        .alias("end_use"),
        pl.when(pl.Series(rng.random(n) < 0.4))
        .then(None)
        .otherwise(pl.col("status"))
        .alias("status"),
    ).unique("license_no", keep="first", maintain_order=True)
