"""The domestic chain: a facility per producing exporter (smelter, processor or mine), its
suppliers, monthly material balances and the movements that feed them.

Honest facilities produce and receive a little more than they ship abroad and at home.
``chain_excess`` exporters ship abroad, in some months, more than their books say they
shipped at all (their production and receipts cover half of it): the lines beyond the
books are the fraud, and the declarations themselves look ordinary and licensed.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]

FACILITY_KIND = {"metal": "smelter", "down": "processor", "ore": "mine"}


def exports(cols: Cols, material: np.ndarray) -> pl.DataFrame:
    """Controlled goods shipped by producing exporters, by exporter, month and material."""
    keep = (material != "") & np.isin(cols["kind"], list(FACILITY_KIND))
    month = (places.START + cols["day"]).astype("datetime64[M]").astype(str)
    return pl.DataFrame(
        {
            "row": np.flatnonzero(keep),
            "exporter_id": cols["exporter_id"][keep].astype(str),
            "kind": cols["kind"][keep].astype(str),
            "region": cols["origin_region"][keep].astype(str),
            "period": month[keep],
            "material": material[keep].astype(str),
            "day": cols["day"][keep],
            "kg": cols["_true_kg"][keep],
        }
    )


def pick_excess(
    rng: Rng, shipped: pl.DataFrame, used: np.ndarray, want: int
) -> tuple[np.ndarray, dict[tuple[str, str, str], float]]:
    """Exporter-months whose books cover 40-60 % of the exports; the lines beyond them."""
    free = shipped.filter(~pl.Series(used[shipped["row"].to_numpy()]))
    months = (
        free.group_by("exporter_id", "period", "material", maintain_order=True)
        .agg(pl.len().alias("n"))
        .filter(pl.col("n") >= 2)
    )
    order = rng.permutation(months.height)
    rows, books, got = [], {}, 0
    for i in order:
        if got >= want:
            break
        e, p, m, _ = months.row(int(i))
        part = free.filter(
            (pl.col("exporter_id") == e) & (pl.col("period") == p) & (pl.col("material") == m)
        ).sort("day")
        kg = part["kg"].to_numpy()
        covered = kg.sum() * rng.uniform(0.4, 0.6)
        over = part["row"].to_numpy()[np.cumsum(kg) > covered]
        books[(e, p, m)] = covered
        rows.append(over)
        got += over.size
    return (np.concatenate(rows) if rows else np.array([], dtype=int)), books


def tables(
    rng: Rng, shipped: pl.DataFrame, books: dict[tuple[str, str, str], float]
) -> dict[str, pl.DataFrame]:
    """facilities, production and movements for the producing exporters."""
    monthly = shipped.group_by(
        "exporter_id", "kind", "region", "period", "material", maintain_order=True
    ).agg(pl.col("kg").sum().alias("exported"))
    ops = (
        monthly.unique("exporter_id", maintain_order=True)
        .select("exporter_id", "kind", "region")
        .sort("exporter_id")
    )
    fac = ops.with_columns(
        ("FAC-" + pl.col("region") + "-" + pl.col("exporter_id").str.slice(-5)).alias(
            "facility_id"
        ),
        pl.col("kind").replace_strict(FACILITY_KIND).alias("fkind"),
    )
    mats = monthly.group_by("exporter_id", maintain_order=True).agg(
        pl.col("material").unique(maintain_order=True).sort().str.join(";").alias("materials")
    )
    fac = fac.join(mats, on="exporter_id")
    annual = monthly.group_by("exporter_id", maintain_order=True).agg(
        pl.col("exported").sum() * 12 / 18
    )
    fac = fac.join(annual, on="exporter_id").with_columns(
        (pl.col("exported") * pl.Series(rng.uniform(1.6, 3.0, fac.height)))
        .round(0)
        .alias("capacity_kg_per_year")
    )
    suppliers = fac.select(
        ("SUP-" + pl.col("region") + "-" + pl.col("exporter_id").str.slice(-4)).alias(
            "facility_id"
        ),
        pl.col("exporter_id").alias("client"),
        pl.col("region"),
    )
    domestic = rng.uniform(0.1, 0.5, monthly.height)
    rows = monthly.join(fac.select("exporter_id", "facility_id"), on="exporter_id").with_columns(
        (pl.col("exported") * (1 + pl.Series(domestic))).alias("shipped"),
    )
    key = [
        f"{e}|{p}|{m}"
        for e, p, m in zip(rows["exporter_id"], rows["period"], rows["material"], strict=True)
    ]
    cover = np.array([books.get(tuple(k.split("|")), np.nan) for k in key])  # type: ignore[arg-type]
    shipped_books = np.where(np.isnan(cover), rows["shipped"].to_numpy(), cover)
    inflow = shipped_books * rng.uniform(1.0, 1.15, rows.height)
    received = np.where(
        rows["kind"].to_numpy() == "ore", 0.0, inflow * rng.uniform(0.3, 0.9, rows.height)
    )
    produced = inflow - received
    opening = rows["shipped"].to_numpy() * rng.uniform(0.2, 0.6, rows.height)
    production = rows.select("facility_id", "period", "material").with_columns(
        pl.Series("opening_kg", np.round(opening, 1)),
        pl.Series("received_kg", np.round(received, 1)),
        pl.Series("produced_kg", np.round(produced, 1)),
        pl.lit(0.0).alias("consumed_kg"),
        pl.Series("shipped_kg", np.round(shipped_books, 1)),
        pl.Series("closing_kg", np.round(opening + inflow - shipped_books, 1)),
    )
    moves = (
        rows.select("exporter_id", "facility_id", "period", "material")
        .with_columns(pl.Series("kg", received))
        .filter(pl.col("kg") > 0)
    )
    moves = moves.join(
        suppliers.rename({"facility_id": "from_id"}), left_on="exporter_id", right_on="client"
    )
    n = moves.height
    movements = moves.select(
        pl.Series("movement_id", [f"MV{i:07d}" for i in rng.permutation(n)]),
        (pl.col("period") + "-" + pl.Series(np.char.mod("%02d", rng.integers(1, 28, n)))).alias(
            "moved_at"
        ),
        "from_id",
        pl.col("facility_id").alias("to_id"),
        "material",
        pl.col("kg").round(1).alias("quantity_kg"),
        pl.Series("document_no", [f"FP{x:010d}" for x in rng.integers(0, 10**10, n)]),
    )
    facilities = pl.concat(
        [
            fac.select(
                "facility_id",
                pl.col("exporter_id").alias("operator_id"),
                pl.col("fkind").alias("kind"),
                "region",
                "capacity_kg_per_year",
                "materials",
            ),
            suppliers.select(
                "facility_id",
                pl.col("facility_id").str.replace("SUP", "OPR").alias("operator_id"),
                pl.lit("mine").alias("kind"),
                "region",
                pl.lit(None, pl.Float64).alias("capacity_kg_per_year"),
                pl.lit("").alias("materials"),
            ),
        ]
    ).unique("facility_id", keep="first", maintain_order=True)
    return {"facilities": facilities, "production": production, "movements": movements}
