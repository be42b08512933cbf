"""Derived columns every detector shares, computed once over the declarations frame.

Everything is learned from the dataset at hand (medians and spreads per commodity),
never from constants tuned to one simulator.
"""

from __future__ import annotations

import polars as pl

from orewatch.screening.terms import named_elements, names_purity

PARCEL_MODES: tuple[str, ...] = ("post", "express", "passenger")

#: Robust z-scores need this many peers; smaller groups borrow the parent group's spread.
MIN_GROUP = 30


def finite_log(ratio: pl.Expr) -> pl.Expr:
    """Natural log, null where the ratio is zero, negative, infinite or missing."""
    logged = ratio.log()
    return pl.when(logged.is_finite()).then(logged).otherwise(None)


def robust_z(value: pl.Expr, by: list[str], min_group: int = MIN_GROUP) -> pl.Expr:
    """(value - median) / (1.4826 * MAD) within ``by``; null where the group is too small.

    The median and MAD ignore the few outliers we are looking for, unlike a mean and
    standard deviation; the floor on the spread stops perfectly regular groups from
    turning rounding noise into huge scores.
    """
    median = value.median().over(by)
    mad = (value - median).abs().median().over(by)
    spread = pl.max_horizontal(1.4826 * mad, pl.lit(0.05))
    count = value.count().over(by)
    return pl.when(count >= min_group).then((value - median) / spread).otherwise(None)


def add_features(declarations: pl.DataFrame) -> pl.DataFrame:
    """Add ``_idx`` and the shared derived columns to the declarations frame."""
    text = pl.concat_str(
        [pl.col("description").fill_null(""), pl.col("specification").fill_null("")], separator=" "
    )
    frame = declarations.with_row_index("_idx").with_columns(
        pl.col("hs_code").str.slice(0, 6).alias("hs6"),
        pl.col("hs_code").str.slice(0, 4).alias("hs4"),
        pl.col("hs_code").str.slice(0, 2).alias("hs2"),
        pl.col("declared_at").cast(pl.Date).alias("declared_on"),
        pl.col("mode").str.to_lowercase().is_in(list(PARCEL_MODES)).alias("is_parcel"),
        named_elements(text).alias("named_elements"),
        names_purity(text).alias("names_purity"),
        finite_log(pl.col("value") / pl.col("net_weight_kg")).alias("log_unit_value"),
        finite_log(pl.col("gross_weight_kg") / pl.col("net_weight_kg")).alias("log_gross_net"),
    )
    return frame.with_columns(
        pl.coalesce(
            robust_z(pl.col("log_unit_value"), ["hs6", "currency"]),
            robust_z(pl.col("log_unit_value"), ["hs4", "currency"]),
        ).alias("unit_value_z"),
        pl.coalesce(
            robust_z(pl.col("log_gross_net"), ["hs6", "mode"]),
            robust_z(pl.col("log_gross_net"), ["hs4"]),
        ).alias("gross_net_z"),
    )
