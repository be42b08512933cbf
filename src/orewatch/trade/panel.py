"""Filled panels and how lumpy a flow is: what every count-style test here stands on.

Statistics offices publish only periods with trade, so a series is filled with zero
months before anything is compared; and the quasi-Poisson tests need the heading's
dispersion (about one consignment, in USD) to know how far a sum may wander by chance.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from orewatch.trade.periods import after_control

UNIT = ("country", "hs6", "grain")


def filled_panel(series: pl.DataFrame, unit: Sequence[str] = UNIT) -> pl.DataFrame:
    """Every country × every period seen for its commodity and grain; missing = zero.

    Statistics offices publish only periods with trade, so a sparse series must be
    filled before means are compared.
    """
    unit = list(unit)
    totals = series.group_by(*unit, "start", "end").agg(pl.col("value_usd").sum())
    units = totals.select(unit).unique()
    periods = totals.select("hs6", "grain", "start", "end").unique()
    return (
        units.join(periods, on=["hs6", "grain"])
        .join(totals, on=[*unit, "start", "end"], how="left")
        .with_columns(pl.col("value_usd").fill_null(0.0))
    )


def dispersion(
    series: pl.DataFrame, controls: pl.DataFrame, *, filled: bool = False
) -> pl.DataFrame:
    """hs6, grain, phi: how lumpy the heading's trade is, in USD.

    A flow made of consignments arriving at random has variance per period equal to
    its mean times ``E[size^2] / E[size]`` (a compound Poisson process), so the
    variance-to-mean ratio of a route's value per period measures the consignment
    size without seeing a consignment. The variance is taken within the periods
    before and within those after the control (a level shift is not lumpiness); the
    heading's ``phi`` is the median over its routes. ``filled``: ``series`` is
    already a :func:`filled_panel` (with or without ``control_date``).
    """
    post = after_control(pl.col("control_date"))
    value = pl.col("value_usd")
    panel = series if filled else filled_panel(series)
    if "control_date" not in panel.columns:
        panel = panel.join(controls.select("hs6", "control_date"), on="hs6")
    per = (
        panel.group_by(*UNIT, post.alias("_post"))
        .agg(pl.len().alias("n"), value.sum().alias("total"), ((value - value.mean()) ** 2).sum())
        .group_by(UNIT)
        .agg(pl.col("n", "total", "value_usd").sum(), pl.len().alias("sides"))
        .filter((pl.col("n") > pl.col("sides")) & (pl.col("total") > 0))
    )
    variance = pl.col("value_usd") / (pl.col("n") - pl.col("sides"))
    ratio = variance / (pl.col("total") / pl.col("n"))
    return per.group_by("hs6", "grain").agg(ratio.median().alias("phi"))
