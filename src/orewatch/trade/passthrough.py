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

Whether the share rose is a score test of the amount sent on, in the quasi-Poisson
model trade economists use for flows with zeros (PPML, Santos Silva & Tenreyro 2006):
under no change, onward trade after the control has mean ``baseline x imports`` and
variance ``phi x mean``, plus the baseline's own uncertainty (it was estimated from the
imports before). ``phi``, the dispersion in USD (roughly the size of one consignment),
is learned from the routes that sent some on before the control. So a few percent more
of a large, steady flow is significant, and a spike on a route whose imports are a
fraction of one consignment is not: there is not enough import to judge.
"""

from __future__ import annotations

import polars as pl

from orewatch.trade.panel import UNIT, dispersion, kappa_filled, phi_filled, with_first_end
from orewatch.trade.periods import after_control

#: Onward trade above this many times the imports from the source is counted as this
#: (values are marked up on re-export and onward trade lags imports, so a share can
#: exceed 1; beyond 3 the goods come from elsewhere and say nothing about pass-through).
SHARE_CAP = 3.0
#: Smallest share used in the test's variance (0.1%): a country that never sent
#: anything on is still not infinitely sure never to.
MIN_SHARE = 1e-3

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
    "consignment": pl.Float64(),
    "z": pl.Float64(),
}
SUMS = ["inbound_before", "inbound_after", "onward_before", "onward_after"]


def _sides(series: pl.DataFrame, controls: pl.DataFrame, name: str) -> pl.DataFrame:
    """Sum of a series before and after the control per country × hs6 × grain."""
    post = after_control(pl.col("control_date"))
    return (
        series.join(controls.select("hs6", "control_date"), on="hs6")
        .group_by(list(UNIT))
        .agg(
            pl.col("value_usd").filter(~post).sum().alias(f"{name}_before"),
            pl.col("value_usd").filter(post).sum().alias(f"{name}_after"),
            pl.col("value_usd")
            .filter(~post & (pl.col("value_usd") > 0))
            .mean()
            .alias(f"_{name}_period"),
        )
    )


def _periods(series: pl.DataFrame, controls: pl.DataFrame) -> pl.DataFrame:
    """hs6, grain, _n_before, _n_after: how many periods the heading's statistics hold
    on each side of its control (at least one each)."""
    post = after_control(pl.col("control_date"))
    return (
        series.select("hs6", "grain", "end")
        .unique()
        .join(controls.select("hs6", "control_date"), on="hs6")
        .group_by("hs6", "grain")
        .agg(
            (~post).sum().clip(lower_bound=1).cast(pl.Float64).alias("_n_before"),
            post.sum().clip(lower_bound=1).cast(pl.Float64).alias("_n_after"),
        )
    )


def _shrunk(num: pl.Expr, den: pl.Expr, prior: pl.Expr, weight: pl.Expr) -> pl.Expr:
    """(num + weight x prior) / (den + weight): a share pulled towards its prior."""
    return (num + weight * prior) / (den + weight)


def _pooled_baseline(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``baseline``, the pre-control share pooled heading <- country <- dataset.

    The heading's prior weighs as much as one typical period of its imports or one
    consignment (``_phi``), whichever is more: a share seen over less than one
    consignment is no share at all (a hub that sends on a quarter of its imports has
    sent nothing on after one shipment). ``_weight`` keeps that weight.
    """
    period = pl.col("_inbound_period")
    grain_w = period.median().over("grain").fill_null(1.0)
    heading_w = pl.max_horizontal(period.median().over("hs6", "grain").fill_null(grain_w), "_phi")
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
    return frame.with_columns(
        heading.clip(0.0, SHARE_CAP).alias("baseline"), heading_w.alias("_weight")
    )


def _with_dispersion(frame: pl.DataFrame, phi: pl.DataFrame) -> pl.DataFrame:
    """Add ``_phi``: the heading's dispersion, the grain's median where the heading has
    none, and at least ``MIN_DISPERSION`` of a typical period's imports."""
    period = pl.col("_inbound_period")
    typical = period.median().over("hs6", "grain").fill_null(period.median().over("grain"))
    return frame.join(phi, on=["hs6", "grain"], how="left").with_columns(
        phi_filled(typical.fill_null(0.0)).alias("_phi")
    )


def judged() -> pl.Expr:
    """Whether the statistics can tell a share sent on at all.

    Not when the country's statistics at this grain start after the control
    (``first_end``: missing months are not zero months), nor when less than one
    consignment was imported after it while more was sent on than those imports could
    supply (the onward trade comes from elsewhere).
    """
    reported = pl.col("first_end").is_null() | (pl.col("first_end") < pl.col("control_date"))
    imports = pl.col("inbound_after")
    too_little = (imports < pl.col("_phi")) & (pl.col("onward_after") > SHARE_CAP * imports)
    return reported & (imports > 0) & ~too_little


def _score_test(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``z``: the quasi-Poisson score test of onward trade after the control (0
    where it cannot be :func:`judged`).

    Residual ``onward - baseline x imports`` over ``sqrt(phi x baseline x imports x
    (1 + imports / (imports before + weight)) + kappa x (baseline x imports)^2 x
    (1/n_before + 1/n_after))``: the baseline's own sampling variance, and the flow's
    swings in proportion to its size over the heading's periods before and after.
    """
    imports = pl.col("inbound_after")
    sent = pl.min_horizontal("onward_after", SHARE_CAP * imports)
    share = pl.max_horizontal("baseline", pl.lit(MIN_SHARE))
    expected = share * imports
    periods_inv = 1.0 / pl.col("_n_before") + 1.0 / pl.col("_n_after")
    kappa = kappa_filled()
    variance = (
        pl.col("_phi") * expected * (1.0 + imports / (pl.col("inbound_before") + pl.col("_weight")))
        + kappa * expected**2 * periods_inv
    )
    residual = (sent - pl.col("baseline") * imports) / variance.sqrt()
    return frame.with_columns(
        pl.when(judged()).then(residual).otherwise(0.0).fill_nan(0.0).alias("z")
    )


def _with_coverage(frame: pl.DataFrame, coverage: pl.DataFrame | None) -> pl.DataFrame:
    """Add ``first_end`` (null: covered throughout)."""
    if coverage is None:
        return frame.with_columns(pl.lit(None, dtype=pl.Date).alias("first_end"))
    return with_first_end(frame, coverage)


def pass_through(
    inbound: pl.DataFrame,
    onward: pl.DataFrame,
    controls: pl.DataFrame,
    coverage: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Share of imports from the source sent on to third markets, against its baseline.

    ``inbound``: :func:`~orewatch.trade.surges.inbound_flows`; ``onward``:
    :func:`~orewatch.trade.surges.onward_totals`; ``controls``: hs6, control_date;
    ``coverage``: :func:`~orewatch.trade.surges.onward_coverage` (None: every
    country's statistics cover the whole span). One row per country × hs6 × grain
    with imports from the source or onward trade: sums before and after the control,
    ``share_after`` (onward over imports after, shrunk towards the baseline by one
    typical period of imports, so tiny imports show the baseline; null without
    imports after), ``baseline``, ``excess`` (share after minus baseline),
    ``consignment`` (the heading's dispersion in USD, about one consignment) and the
    score test's ``z`` (0 where it cannot be :func:`judged`).
    """
    if inbound.is_empty() or onward.is_empty():
        return pl.DataFrame(schema=PASS_SCHEMA)
    frame = (
        _sides(inbound, controls, "inbound")
        .join(_sides(onward, controls, "onward"), on=list(UNIT), how="full", coalesce=True)
        .with_columns(pl.col(SUMS).fill_null(0.0))
        .join(controls.select("hs6", "control_date"), on="hs6")
        .pipe(_with_coverage, coverage)
        .pipe(_with_dispersion, dispersion(inbound, controls))
        .join(_periods(inbound, controls), on=["hs6", "grain"], how="left")
        .pipe(_pooled_baseline)
        .with_columns(
            pl.when(pl.col("inbound_after") > 0)
            .then(
                _shrunk(
                    pl.min_horizontal("onward_after", SHARE_CAP * pl.col("inbound_after")),
                    pl.col("inbound_after"),
                    pl.col("baseline"),
                    pl.col("_weight"),
                )
            )
            .alias("share_after")
        )
        .with_columns((pl.col("share_after") - pl.col("baseline")).alias("excess"))
        .pipe(_score_test)
    )
    return frame.rename({"_phi": "consignment"}).select(list(PASS_SCHEMA)).sort(list(UNIT))
