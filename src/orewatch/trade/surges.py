"""Re-export surges: did a country's onward trade of a commodity rise after the control?

The test is a difference-in-differences on log monthly (or annual) values: a country's
series minus the mean of every other country's series for the same commodity (the
control group carries what moved the whole market: the control itself, prices, the
cycle), compared before and after the control with a pooled two-sample t-test. Its
one-sided p-value and the Benjamini-Hochberg q-value across all series tested say how
sure the rise is; no fixed threshold on the size of the rise. The substitution ratio
sets the rise of an indirect route against the fall of China's direct exports.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import polars as pl
from scipy import stats

from orewatch.trade.moderated import squeeze
from orewatch.trade.periods import after_control

#: Reporters whose exports are the controlled source, not a route.
SOURCE = "CN"
#: Smallest variance of the log difference series; keeps a flat series from giving an
#: infinite t (a value that never changes is still noise of at least ~3%).
MIN_VARIANCE = 1e-3
UNIT = ("country", "hs6", "grain")

SURGE_SCHEMA = {
    "country": pl.String(),
    "hs6": pl.String(),
    "grain": pl.String(),
    "n_before": pl.UInt32(),
    "n_after": pl.UInt32(),
    "before_usd": pl.Float64(),
    "after_usd": pl.Float64(),
    "effect": pl.Float64(),
    "t": pl.Float64(),
    "p": pl.Float64(),
    "q": pl.Float64(),
}


def larger_view(views: Sequence[pl.DataFrame], keys: Sequence[str]) -> pl.DataFrame:
    """One flow reported by two sides: sum each side per key, keep the larger side.

    A side that reports nothing is skipped, so the usual case (one side) costs one
    aggregation.
    """
    present = [v for v in views if v.height]
    if len(present) <= 1:
        return (
            (present[0] if present else views[0])
            .group_by(list(keys))
            .agg(pl.col("value_usd").sum())
        )
    return (
        pl.concat([v.with_columns(pl.lit(i).alias("_side")) for i, v in enumerate(present)])
        .group_by(*keys, "_side")
        .agg(pl.col("value_usd").sum())
        .group_by(list(keys))
        .agg(pl.col("value_usd").max())
    )


def onward_flows(trade: pl.DataFrame, markets: Sequence[str] | None = None) -> pl.DataFrame:
    """Each country's exports and re-exports of each commodity to third markets.

    Two views of one flow, as reported by the exporter (``export``/``re_export``) and by
    the market (``import`` from that country); per period the larger is kept, so the
    series exists when only one side reports. ``markets`` limits the destinations (e.g.
    the restricted ones); None keeps every market except the source itself.
    Returns country, market, hs6, grain, start, end, value_usd.
    """
    cols = ["hs6", "grain", "start", "end", "value_usd"]
    own = trade.filter(
        (pl.col("reporter") != SOURCE)
        & pl.col("flow").is_in(["export", "re_export"])
        & (pl.col("partner") != SOURCE)
        & (pl.col("partner") != pl.col("reporter"))
    ).select(pl.col("reporter").alias("country"), pl.col("partner").alias("market"), *cols)
    seen = trade.filter(
        (pl.col("flow") == "import")
        & (pl.col("partner") != SOURCE)
        & (pl.col("partner") != pl.col("reporter"))
    ).select(pl.col("partner").alias("country"), pl.col("reporter").alias("market"), *cols)
    if markets is not None:
        own = own.filter(pl.col("market").is_in(list(markets)))
        seen = seen.filter(pl.col("market").is_in(list(markets)))
    keys = ["country", "market", "hs6", "grain", "start", "end"]
    return larger_view([own, seen], keys)


def onward_coverage(trade: pl.DataFrame) -> pl.DataFrame:
    """country, grain, first_end: the last day of the first period for which the
    country's trade statistics speak for its onward trade at this grain.

    A statistics office that starts publishing monthly figures in 2024 has no zero
    months before: they are missing. A country is covered from the first period it
    reports any flow itself, or a market reports importing from it.
    """
    own = trade.select(pl.col("reporter").alias("country"), "grain", "end")
    seen = trade.filter((pl.col("flow") == "import") & (pl.col("reporter") != SOURCE)).select(
        pl.col("partner").alias("country"), "grain", "end"
    )
    return (
        pl.concat([own, seen])
        .group_by("country", "grain")
        .agg(pl.col("end").min().alias("first_end"))
    )


def onward_totals(onward: pl.DataFrame) -> pl.DataFrame:
    """Onward flows summed over markets: country, hs6, grain, start, end, value_usd."""
    return onward.group_by("country", "hs6", "grain", "start", "end").agg(pl.col("value_usd").sum())


def inbound_flows(trade: pl.DataFrame, direct: pl.DataFrame | None = None) -> pl.DataFrame:
    """Each country's imports of each commodity from the source, as the larger of the
    source's reported exports and the country's reported imports (CIF) per period.

    The same figures as :func:`direct_flows` seen from the other end; pass ``direct``
    when it is at hand so the large frame is read once.
    """
    direct = direct_flows(trade) if direct is None else direct
    return direct.rename({"market": "country"}).filter(pl.col("country") != SOURCE)


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


def benjamini_hochberg(p: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """False-discovery-rate q-values for a vector of p-values."""
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out: npt.NDArray[np.float64] = np.empty(n)
    out[order] = np.minimum(q, 1.0)
    return out


def did_surges(
    series: pl.DataFrame, controls: pl.DataFrame, *, filled: bool = False
) -> pl.DataFrame:
    """Difference-in-differences rise of each country's series after its control.

    ``series``: country, hs6, grain, start, end, value_usd (several rows per period are
    summed); ``controls``: hs6, control_date. Returns one row per country × hs6 × grain
    with at least two periods before and one after: mean USD per period before and
    after, ``effect`` (log points, relative to the other countries), ``t``, one-sided
    ``p`` and BH ``q``. ``filled``: the series is already a :func:`filled_panel`.
    """
    if series.is_empty():
        return pl.DataFrame(schema=SURGE_SCHEMA)
    panel = (
        (series if filled else filled_panel(series))
        .join(controls.select("hs6", "control_date"), on="hs6")
        .with_columns(pl.col("value_usd").log1p().alias("y"))
    )
    cell = ["hs6", "grain", "start"]
    panel = panel.with_columns(
        pl.col("y").sum().over(cell).alias("_sum"), pl.len().over(cell).alias("_n")
    ).with_columns(
        (
            pl.col("y")
            - pl.when(pl.col("_n") > 1)
            .then((pl.col("_sum") - pl.col("y")) / (pl.col("_n") - 1))
            .otherwise(0.0)
        ).alias("d"),
        after_control(pl.col("control_date")).alias("post"),
    )
    sides = []
    for post, tag in ((False, "before"), (True, "after")):
        d = pl.col("d").filter(pl.col("post") == post)
        sides += [
            d.len().alias(f"n_{tag}"),
            d.mean().alias(f"m_{tag}"),
            ((d - d.mean()) ** 2).sum().alias(f"ss_{tag}"),
            pl.col("value_usd").filter(pl.col("post") == post).mean().alias(f"{tag}_usd"),
        ]
    side = (
        panel.group_by(UNIT)
        .agg(sides)
        .filter((pl.col("n_before") >= 2) & (pl.col("n_after") >= 1))
        .with_columns(
            (pl.col("n_before") + pl.col("n_after") - 2).alias("df"),
            (pl.col("m_after") - pl.col("m_before")).alias("effect"),
        )
        .filter(pl.col("df") >= 1)
        .with_columns(
            pl.max_horizontal(
                (pl.col("ss_before") + pl.col("ss_after")) / pl.col("df"), pl.lit(MIN_VARIANCE)
            ).alias("s2")
        )
        .sort(UNIT)
    )
    t, df = moderated_t(side)
    p = np.asarray(stats.t.sf(t, df), dtype=np.float64)
    side = side.with_columns(pl.Series("t", t, dtype=pl.Float64))
    return side.with_columns(
        pl.Series("p", p, dtype=pl.Float64),
        pl.Series("q", benjamini_hochberg(p), dtype=pl.Float64),
    ).select(list(SURGE_SCHEMA))


def moderated_t(side: pl.DataFrame) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Two-sample t and its degrees of freedom with variances moderated per grain."""
    t = np.zeros(side.height)
    df = np.zeros(side.height)
    grains = side["grain"].to_numpy()
    s2_all = side["s2"].to_numpy().astype(np.float64)
    df_all = side["df"].to_numpy().astype(np.float64)
    scale = 1.0 / side["n_before"].cast(pl.Float64) + 1.0 / side["n_after"].cast(pl.Float64)
    effect = side["effect"].to_numpy()
    for grain in np.unique(grains):
        at = grains == grain
        s2, d = squeeze(s2_all[at], df_all[at])
        t[at] = effect[at] / np.sqrt(s2 * scale.to_numpy()[at])
        df[at] = d
    return t, df


def direct_flows(trade: pl.DataFrame) -> pl.DataFrame:
    """The source's exports to each market (the larger of the two reported views):
    market, hs6, grain, start, end, value_usd."""
    sent = trade.filter((pl.col("reporter") == SOURCE) & (pl.col("flow") == "export")).select(
        pl.col("partner").alias("market"), "hs6", "grain", "start", "end", "value_usd"
    )
    seen = trade.filter((pl.col("partner") == SOURCE) & (pl.col("flow") == "import")).select(
        pl.col("reporter").alias("market"), "hs6", "grain", "start", "end", "value_usd"
    )
    keys = ["market", "hs6", "grain", "start", "end"]
    return larger_view([sent, seen], keys)


def substitution(
    direct: pl.DataFrame, onward: pl.DataFrame, controls: pl.DataFrame
) -> pl.DataFrame:
    """Rise of each indirect route over the fall of the source's direct exports.

    ``direct``: :func:`direct_flows`; ``onward``: :func:`onward_flows` (by market). Per
    commodity and market, the direct route's fall is its mean per period before the
    control minus after; a country's rise is the same difference of its own exports to
    that market, the other way round. Summed over the markets where the direct route
    fell: ``ratio`` = rise / fall (1.0 = the indirect route replaced the direct one
    entirely). Returns country, hs6, grain, rise_usd, fall_usd, ratio, markets.
    """
    fall = (
        _change(direct, controls, ["market", "hs6", "grain"])
        .select("market", "hs6", "grain", (-pl.col("change")).alias("fall"))
        .filter(pl.col("fall") > 0)
    )
    rise = _change(
        onward.join(fall.select("market", "hs6", "grain"), on=["market", "hs6", "grain"]),
        controls,
        ["country", "market", "hs6", "grain"],
    ).select("country", "market", "hs6", "grain", pl.col("change").alias("rise"))
    return (
        rise.join(fall, on=["market", "hs6", "grain"])
        .filter(pl.col("rise") > 0)
        .group_by("country", "hs6", "grain")
        .agg(
            pl.col("rise").sum().alias("rise_usd"),
            pl.col("fall").sum().alias("fall_usd"),
            pl.col("market").sort().str.join("/").alias("markets"),
        )
        .with_columns((pl.col("rise_usd") / pl.col("fall_usd")).alias("ratio"))
        .select("country", "hs6", "grain", "rise_usd", "fall_usd", "ratio", "markets")
    )


def _change(series: pl.DataFrame, controls: pl.DataFrame, unit: list[str]) -> pl.DataFrame:
    """Mean value per period after the control minus before, per unit."""
    panel = filled_panel(series, unit).join(controls.select("hs6", "control_date"), on="hs6")
    post = after_control(pl.col("control_date"))
    return (
        panel.group_by(unit)
        .agg(
            pl.col("value_usd").filter(post).mean().alias("after"),
            pl.col("value_usd").filter(~post).mean().alias("before"),
        )
        .drop_nulls(["after", "before"])
        .with_columns((pl.col("after") - pl.col("before")).alias("change"))
    )
