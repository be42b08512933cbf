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
#: Routes carrying at least this many consignments (``phi``) per period show the flow's
#: proportional swings (``kappa``) rather than its lumpiness.
LARGE_FLOW = 10.0
#: Smallest dispersion, as a share of a typical period's flow: flows that match their
#: baseline exactly (rounded or modelled figures) are not infinitely sure.
MIN_DISPERSION = 0.01


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
    """hs6, grain, phi, kappa: how lumpy and how volatile the heading's trade is.

    A flow made of consignments arriving at random has variance per period equal to
    its mean times ``E[size^2] / E[size]`` (a compound Poisson process), so the
    variance-to-mean ratio of a route's value per period measures the consignment
    size in USD without seeing a consignment: ``phi``, the median over the heading's
    routes. Large flows of many consignments also swing in proportion to their size
    (prices, the cycle, one buyer's year): ``kappa`` is the squared coefficient of
    variation per period beyond the consignments' own, ``variance = phi m + kappa m^2``
    (the median of ``(variance / m - phi) / m`` over the routes that carry at least
    ``LARGE_FLOW`` consignments a period, where the swings, not the consignments,
    dominate; at least 0, and 0 without such routes). Without it a
    few per cent more of a large annual flow reads as dozens of standard errors. The
    variance is taken within the periods before and within those after the control (a
    level shift is not noise). ``filled``: ``series`` is already a
    :func:`filled_panel` (with or without ``control_date``).
    """
    panel = series if filled else filled_panel(series)
    if "control_date" not in panel.columns:
        panel = panel.join(controls.select("hs6", "control_date"), on="hs6")
    post = after_control(pl.col("control_date"))
    value = pl.col("value_usd")
    per = (
        panel.group_by(*UNIT, post.alias("_post"))
        .agg(pl.len().alias("n"), value.sum().alias("total"), ((value - value.mean()) ** 2).sum())
        .group_by(UNIT)
        .agg(pl.col("n", "total", "value_usd").sum(), pl.len().alias("sides"))
        .filter((pl.col("n") > pl.col("sides")) & (pl.col("total") > 0))
    )
    mean = pl.col("total") / pl.col("n")
    ratio = pl.col("value_usd") / (pl.col("n") - pl.col("sides")) / mean
    return (
        per.with_columns(ratio.alias("_vmr"), mean.alias("_mean"))
        .group_by("hs6", "grain")
        .agg(
            pl.col("_vmr").median().alias("phi"),
            ((pl.col("_vmr") - pl.col("_vmr").median()) / pl.col("_mean"))
            .filter(pl.col("_mean") >= LARGE_FLOW * pl.col("_vmr").median())
            .median()
            .clip(lower_bound=0.0)
            .fill_null(0.0)
            .alias("kappa"),
        )
    )


def phi_filled(typical: pl.Expr) -> pl.Expr:
    """The heading's ``phi``; the grain's median where the heading has none; at least
    ``MIN_DISPERSION`` of a ``typical`` period's flow (flows that never vary are not
    infinitely sure)."""
    return pl.max_horizontal(
        pl.col("phi").fill_null(pl.col("phi").median().over("grain")), MIN_DISPERSION * typical
    )


def kappa_filled() -> pl.Expr:
    """The heading's ``kappa``; the grain's median where the heading has none, else 0."""
    return pl.col("kappa").fill_null(pl.col("kappa").median().over("grain")).fill_null(0.0)


def with_first_end(frame: pl.DataFrame, coverage: pl.DataFrame) -> pl.DataFrame:
    """Add ``first_end``: where the country's statistics start at that grain (null: covered
    throughout); ``coverage`` is :func:`~orewatch.trade.surges.onward_coverage`."""
    keys = coverage.select(pl.col("country").cast(frame.schema["country"]), "grain", "first_end")
    return frame.join(keys, on=["country", "grain"], how="left")
