"""Pass-through: how much of what a country imports from the source it sends on.

A transit route shows in the statistics as a country that, after the control, exports
to third markets a large share of what it imports from the source, more than it used
to. Onward trade alone cannot tell an entrepôt that has always re-exported a quarter of
its imports from a new conduit, and a single heading's pre-control months are often
too few to know its usual share; so the usual share (the *baseline*) is pooled
hierarchically: the heading's own pre-control share, shrunk towards the country's
pre-control share over all headings, shrunk towards the whole dataset's. Shrinkage
weights are the median pre-control imports of a route (per heading, per dataset), so
they are in the data's own units and scale.

The excess share after the control over the baseline is calibrated as a robust z
against every route that both imports and re-exports the heading (median and
1.4826 x MAD per grain), so it is comparable with the other methods' test statistics.
"""

from __future__ import annotations

import polars as pl

from orewatch.trade.periods import after_control

#: A share above this is counted as this (values are marked up on re-export, and
#: onward trade lags imports, so a share can exceed 1; beyond 3 it says nothing more).
SHARE_CAP = 3.0
#: Smallest robust spread of the excess share (2 percentage points).
MIN_SPREAD = 0.02

PASS_SCHEMA = {
    "country": pl.String(),
    "hs6": pl.String(),
    "grain": pl.String(),
    "inbound_before": pl.Float64(),
    "inbound_after": pl.Float64(),
    "onward_before": pl.Float64(),
    "onward_after": pl.Float64(),
    "share_after": pl.Float64(),
    "baseline": pl.Float64(),
    "excess": pl.Float64(),
    "z": pl.Float64(),
}
_UNIT = ["country", "hs6", "grain"]
SUMS = ["inbound_before", "inbound_after", "onward_before", "onward_after"]


def _sides(series: pl.DataFrame, controls: pl.DataFrame, name: str) -> pl.DataFrame:
    """Sum of a series before and after the control per country × hs6 × grain."""
    post = after_control(pl.col("control_date"))
    return (
        series.join(controls.select("hs6", "control_date"), on="hs6")
        .group_by(_UNIT)
        .agg(
            pl.col("value_usd").filter(~post).sum().alias(f"{name}_before"),
            pl.col("value_usd").filter(post).sum().alias(f"{name}_after"),
            pl.col("value_usd")
            .filter(~post & (pl.col("value_usd") > 0))
            .mean()
            .alias(f"_{name}_period"),
        )
    )


def _shrunk(num: pl.Expr, den: pl.Expr, prior: pl.Expr, weight: pl.Expr) -> pl.Expr:
    """(num + weight x prior) / (den + weight): a share pulled towards its prior."""
    return (num + weight * prior) / (den + weight)


def _pooled_baseline(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``baseline``: the pre-control share, pooled heading <- country <- dataset."""
    period = pl.col("_inbound_period")
    grain_w = period.median().over("grain").fill_null(1.0)
    heading_w = period.median().over("hs6", "grain").fill_null(grain_w)
    on_all = pl.col("onward_before").sum().over("grain")
    in_all = pl.col("inbound_before").sum().over("grain")
    dataset = pl.when(in_all > 0).then(on_all / in_all).otherwise(0.0).clip(0.0, SHARE_CAP)
    country = _shrunk(
        pl.col("onward_before").sum().over("country", "grain"),
        pl.col("inbound_before").sum().over("country", "grain"),
        dataset,
        grain_w,
    )
    heading = _shrunk(pl.col("onward_before"), pl.col("inbound_before"), country, heading_w)
    return frame.with_columns(heading.clip(0.0, SHARE_CAP).alias("baseline"))


def pass_through(
    inbound: pl.DataFrame, onward: pl.DataFrame, controls: pl.DataFrame
) -> pl.DataFrame:
    """Share of imports from the source sent on to third markets, against its baseline.

    ``inbound``: :func:`~orewatch.trade.surges.inbound_flows`; ``onward``:
    :func:`~orewatch.trade.surges.onward_totals`; ``controls``: hs6, control_date.
    One row per country × hs6 × grain with imports from the source or onward trade:
    sums before and after the control, ``share_after`` (null without imports after),
    ``baseline``, ``excess`` (share after minus baseline) and its robust ``z``
    (0 where there is no share).
    """
    if inbound.is_empty() or onward.is_empty():
        return pl.DataFrame(schema=PASS_SCHEMA)
    frame = (
        _sides(inbound, controls, "inbound")
        .join(_sides(onward, controls, "onward"), on=_UNIT, how="full", coalesce=True)
        .with_columns(pl.col(SUMS).fill_null(0.0))
        .with_columns(
            pl.when(pl.col("inbound_after") > 0)
            .then((pl.col("onward_after") / pl.col("inbound_after")).clip(0.0, SHARE_CAP))
            .alias("share_after")
        )
        .pipe(_pooled_baseline)
        .with_columns((pl.col("share_after") - pl.col("baseline")).alias("excess"))
    )
    both = (pl.col("onward_after") > 0) & pl.col("excess").is_not_null()
    centre = pl.col("excess").filter(both).median().over("grain")
    spread = pl.max_horizontal(
        1.4826 * (pl.col("excess") - centre).abs().filter(both).median().over("grain"),
        pl.lit(MIN_SPREAD),
    )
    return (
        frame.with_columns(((pl.col("excess") - centre) / spread).fill_null(0.0).alias("z"))
        .select(list(PASS_SCHEMA))
        .sort(_UNIT)
    )
