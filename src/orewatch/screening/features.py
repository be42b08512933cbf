"""Derived columns every detector shares, computed once over the declarations frame.

Everything is learned from the dataset at hand (medians and spreads per commodity),
never from constants tuned to one simulator.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.screening.terms import named_elements, names_purity

PARCEL_MODES: tuple[str, ...] = ("post", "express", "passenger")

#: Robust z-scores need this many peers; smaller groups borrow the parent group's spread.
MIN_GROUP = 30


def finite_log(ratio: pl.Expr) -> pl.Expr:
    """Natural log, null where the ratio is zero, negative, infinite or missing."""
    logged = ratio.log()
    return pl.when(logged.is_finite()).then(logged).otherwise(None)


@dataclass(frozen=True)
class Baselines:
    """What each commodity usually looks like, learned from a set of lines.

    Fitted once (on the dataset being screened, or on the warehouse's history) and then
    applied to any lines, so one declaration is judged against the same norms as a
    million.
    """

    #: (hs_code, currency, quarter), (hs_code, currency), (hs6, currency, quarter),
    #: (hs6, currency), (hs4, currency): the finest level with enough peers speaks.
    unit_value: tuple[pl.DataFrame, ...]
    #: (hs_code, mode), then (hs_code | hs6 | hs2 | nothing, packing).
    gross_net: tuple[pl.DataFrame, ...]
    vocabulary: pl.DataFrame  # hs6, element, share of the heading's lines naming it
    modes: pl.DataFrame  # hs4, mode, share of the chapter's lines by that mode, chapter lines


#: Floors on the robust spread (natural-log units): below them, differences are rounding.
UNIT_VALUE_FLOOR = 0.05
GROSS_NET_FLOOR = 0.01


def group_stats(frame: pl.DataFrame, value: str, by: list[str], floor: float) -> pl.DataFrame:
    """Median, robust spread (1.4826 x MAD, floored) and count of ``value`` per group.

    The median and MAD ignore the few outliers we are looking for, unlike a mean and a
    standard deviation; the floor stops perfectly regular groups from turning rounding
    noise into huge scores. Groups smaller than ``MIN_GROUP`` are dropped, so a parent
    level speaks for them.
    """
    return (
        frame.drop_nulls([value, *by])
        .group_by(by)
        .agg(
            pl.col(value).median().alias("median"),
            (pl.col(value) - pl.col(value).median()).abs().median().alias("mad"),
            pl.len().alias("n"),
        )
        .filter(pl.col("n") >= MIN_GROUP)
        .select(
            *by, "median", pl.max_horizontal(1.4826 * pl.col("mad"), pl.lit(floor)).alias("spread")
        )
    )


def _z_from(
    frame: pl.DataFrame, value: str, levels: tuple[pl.DataFrame, ...], name: str
) -> pl.DataFrame:
    """Robust z of ``value`` against the first level that has stats for the line."""
    out = frame
    zs = []
    for i, stats in enumerate(levels):
        keys = [c for c in stats.columns if c not in ("median", "spread")]
        renamed = stats.rename({"median": f"_m{i}", "spread": f"_s{i}"})
        out = out.join(renamed, on=keys, how="left", nulls_equal=False)
        zs.append((pl.col(value) - pl.col(f"_m{i}")) / pl.col(f"_s{i}"))
    drop = [f"_{k}{i}" for i in range(len(levels)) for k in ("m", "s")]
    return out.with_columns(pl.coalesce(zs).alias(name)).drop(drop)


def fit_baselines(raw: pl.DataFrame) -> Baselines:
    """Learn the norms from lines carrying the raw features (see :func:`raw_features`)."""
    lines_per_hs6 = raw.group_by("hs6").agg(pl.len().alias("_lines"))
    vocabulary = (
        raw.select("hs6", pl.col("named_elements").alias("element"))
        .explode("element")
        .drop_nulls("element")
        .group_by("hs6", "element")
        .agg(pl.len().alias("_naming"))
        .join(lines_per_hs6, on="hs6")
        .select("hs6", "element", (pl.col("_naming") / pl.col("_lines")).alias("share"))
    )
    per_hs4 = raw.group_by("hs4").agg(pl.len().alias("hs4_lines"))
    modes = (
        raw.group_by("hs4", "mode")
        .agg(pl.len().alias("_n"))
        .join(per_hs4, on="hs4")
        .select("hs4", "mode", (pl.col("_n") / pl.col("hs4_lines")).alias("share"), "hs4_lines")
    )
    return Baselines(
        modes=modes,
        # The full tariff line first: one hs6 heading can hold goods whose prices or
        # packing differ several-fold (a metal and its alloy), which widens the spread
        # enough to hide a declared value at a third of the truth.
        unit_value=(
            # Prices move (controlled metals doubled abroad): compare within the quarter first.
            group_stats(
                raw, "log_unit_value", ["hs_code", "currency", "quarter"], UNIT_VALUE_FLOOR
            ),
            group_stats(raw, "log_unit_value", ["hs_code", "currency"], UNIT_VALUE_FLOOR),
            group_stats(raw, "log_unit_value", ["hs6", "currency", "quarter"], UNIT_VALUE_FLOOR),
            group_stats(raw, "log_unit_value", ["hs6", "currency"], UNIT_VALUE_FLOOR),
            group_stats(raw, "log_unit_value", ["hs4", "currency"], UNIT_VALUE_FLOOR),
        ),
        gross_net=(
            # A parcel's box weighs more than a freight lot's share of its pallet, so every
            # level keeps the packing (each parcel mode, or freight); a freight mode rare for
            # the goods is judged by the goods' freight packing.
            group_stats(raw, "log_gross_net", ["hs_code", "mode"], GROSS_NET_FLOOR),
            group_stats(raw, "log_gross_net", ["hs_code", "packing"], GROSS_NET_FLOOR),
            group_stats(raw, "log_gross_net", ["hs6", "packing"], GROSS_NET_FLOOR),
            group_stats(raw, "log_gross_net", ["hs2", "packing"], GROSS_NET_FLOOR),
            group_stats(raw, "log_gross_net", ["packing"], GROSS_NET_FLOOR),
        ),
        vocabulary=vocabulary,
    )


def text_features(declarations: pl.DataFrame) -> pl.DataFrame:
    """``named_elements`` and ``names_purity`` per line, in the lines' order.

    The word patterns are the costly part of the features, and goods texts repeat
    (a million lines hold far fewer distinct descriptions), so each distinct text is
    read once and the answers joined back.
    """
    text = pl.concat_str(
        [pl.col("description").fill_null(""), pl.col("specification").fill_null("")], separator=" "
    ).alias("_text")
    per_line = declarations.select(text)
    distinct = per_line.unique("_text").with_columns(
        named_elements(pl.col("_text")).alias("named_elements"),
        names_purity(pl.col("_text")).alias("names_purity"),
    )
    return per_line.join(distinct, on="_text", how="left", maintain_order="left").drop("_text")


def raw_features(declarations: pl.DataFrame) -> pl.DataFrame:
    """Add ``_idx`` and the per-line derived columns (no comparison with other lines)."""
    return pl.concat(
        [declarations.with_row_index("_idx"), text_features(declarations)], how="horizontal"
    ).with_columns(
        pl.col("hs_code").str.slice(0, 6).alias("hs6"),
        pl.col("hs_code").str.slice(0, 4).alias("hs4"),
        pl.col("hs_code").str.slice(0, 2).alias("hs2"),
        pl.col("declared_at").cast(pl.Date).alias("declared_on"),
        pl.col("declared_at").dt.truncate("1q").cast(pl.Date).alias("quarter"),
        pl.col("mode").str.to_lowercase().alias("mode"),
        pl.col("mode").str.to_lowercase().is_in(list(PARCEL_MODES)).alias("is_parcel"),
        pl.when(pl.col("mode").str.to_lowercase().is_in(list(PARCEL_MODES)))
        .then(pl.col("mode").str.to_lowercase())
        .otherwise(pl.lit("freight"))
        .alias("packing"),
        finite_log(pl.col("value") / pl.col("net_weight_kg")).alias("log_unit_value"),
        finite_log(pl.col("gross_weight_kg") / pl.col("net_weight_kg")).alias("log_gross_net"),
    )


def apply_baselines(raw: pl.DataFrame, baselines: Baselines) -> pl.DataFrame:
    """Add ``unit_value_z`` and ``gross_net_z``; the row order of ``raw`` is kept."""
    scored = _z_from(raw, "log_unit_value", baselines.unit_value, "unit_value_z")
    scored = _z_from(scored, "log_gross_net", baselines.gross_net, "gross_net_z")
    return scored.sort("_idx")


def add_features(declarations: pl.DataFrame, baselines: Baselines | None = None) -> pl.DataFrame:
    """Derived columns for screening; norms from ``baselines`` or from the lines themselves."""
    raw = raw_features(declarations)
    return apply_baselines(raw, baselines or fit_baselines(raw))
