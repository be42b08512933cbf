"""Re-export surges: did a country's onward trade of a commodity rise after the control?

The test is a difference-in-differences in the quasi-Poisson model trade economists use
for flows with zeros (PPML, Santos Silva & Tenreyro 2006): under no change of its own,
a country's share of its trade that falls after the control equals every *other*
country's (the control group carries what moved the whole market: the control itself,
prices, the cycle). The score test of that share counts in USD with the heading's
dispersion (about one consignment), so zero months are zeros, not log(1) = 0 against
log(60,000): a country that sent nothing before and a few consignments after is judged
by how many consignments that is. Its one-sided p-value and the Benjamini-Hochberg
q-value across all series tested say how sure the rise is; no fixed threshold on the
size of the rise. The substitution ratio sets the rise of an indirect route against the
fall of China's direct exports.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import polars as pl
from scipy import stats

from orewatch.trade.panel import (
    UNIT,
    dispersion,
    filled_panel,
    kappa_filled,
    phi_filled,
    with_first_end,
)
from orewatch.trade.periods import after_control

#: A heading at one grain: the market every country's series is compared within.
MARKET = ["hs6", "grain"]

#: Reporters whose exports are the controlled source, not a route.
SOURCE = "CN"
#: Countries whose rise reaches this z in a first pass are left out of the control
#: group in the second (one-sided p < 0.05).
CONTROL_Z = 1.645

SURGE_SCHEMA = {
    "country": pl.String(),
    "hs6": pl.String(),
    "grain": pl.String(),
    "n_before": pl.UInt32(),
    "n_after": pl.UInt32(),
    "before_usd": pl.Float64(),
    "after_usd": pl.Float64(),
    "effect": pl.Float64(),
    "z": pl.Float64(),
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
    series: pl.DataFrame,
    controls: pl.DataFrame,
    *,
    filled: bool = False,
    coverage: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Difference-in-differences rise of each country's series after its control.

    ``series``: country, hs6, grain, start, end, value_usd (several rows per period are
    summed); ``controls``: hs6, control_date; ``coverage``: :func:`onward_coverage`
    (periods before a country's statistics start are missing, not zero; None: covered
    throughout). Returns one row per country × hs6 × grain with at least two periods
    before and one after: mean USD per period before and after, ``effect`` (log of its
    trade after over what the control group's change predicts, half a consignment
    added to both so zeros stay finite; same sign as ``z``), the score test's ``z``,
    one-sided ``p`` and BH ``q``. ``filled``: the series is already a :func:`filled_panel`.
    """
    if series.is_empty():
        return pl.DataFrame(schema=SURGE_SCHEMA)
    panel = series if filled else filled_panel(series)
    panel = _covered(panel.join(controls.select("hs6", "control_date"), on="hs6"), coverage)
    phi = dispersion(panel, controls, filled=True)
    panel = panel.with_columns(after_control(pl.col("control_date")).alias("_post"))
    own = _own_sums(panel)
    first = _with_others(own, _window_totals(panel)).join(phi, on=MARKET, how="left")
    rising = first.pipe(_score).filter(pl.col("z") >= CONTROL_Z).select(UNIT)
    control = _window_totals(panel, panel.join(rising, on=list(UNIT), how="semi"))
    side = _with_others(own, control, rising).join(phi, on=MARKET, how="left").pipe(_score)
    side = side.sort(UNIT)
    p = np.asarray(stats.norm.sf(side["z"].to_numpy()), dtype=np.float64)
    return side.with_columns(
        pl.Series("p", p, dtype=pl.Float64),
        pl.Series("q", benjamini_hochberg(p), dtype=pl.Float64),
    ).select(list(SURGE_SCHEMA))


def _own_sums(panel: pl.DataFrame) -> pl.DataFrame:
    """Per country and side of the control: periods, sum, and its first period."""
    return (
        panel.group_by(*UNIT, "_post")
        .agg(
            pl.len().cast(pl.UInt32).alias("n"),
            pl.col("value_usd").sum().alias("sum"),
            pl.col("start").min().alias("first"),
        )
        .filter(pl.col("n") >= pl.when("_post").then(1).otherwise(2))
    )


def _window_totals(panel: pl.DataFrame, left_out: pl.DataFrame | None = None) -> pl.DataFrame:
    """Per heading, side and period: the control group's trade from that period to the
    end of the side (all countries, less the rows of ``left_out``)."""
    keys = [*MARKET, "_post", "start"]
    totals = panel.group_by(keys).agg(pl.col("value_usd").sum())
    if left_out is not None and left_out.height:
        out = left_out.group_by(keys).agg(pl.col("value_usd").sum().alias("_out"))
        totals = totals.join(out, on=keys, how="left").with_columns(
            pl.col("value_usd") - pl.col("_out").fill_null(0.0)
        )
    return totals.sort(keys).select(
        *keys,
        pl.col("value_usd").cum_sum(reverse=True).over([*MARKET, "_post"]).alias("window"),
    )


def _with_others(
    own: pl.DataFrame, totals: pl.DataFrame, rising: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One row per country with both sides: its sums and the control group's over the
    same periods (its own covered ones; itself left out unless ``rising`` already
    left it out of the control group, where a first pass found it rising: one large
    diverter's surge is not the market's change)."""
    joined = own.join(totals.rename({"start": "first"}), on=[*MARKET, "_post", "first"], how="left")
    if rising is not None and rising.height:
        joined = joined.join(
            rising.with_columns(pl.lit(True).alias("_rising")), on=list(UNIT), how="left"
        )
    else:
        joined = joined.with_columns(pl.lit(None, dtype=pl.Boolean).alias("_rising"))
    others = pl.col("window").fill_null(0.0) - pl.when(pl.col("_rising").fill_null(False)).then(
        0.0
    ).otherwise(pl.col("sum"))
    post = pl.col("_post")
    return (
        joined.with_columns(others.alias("_others"))
        .group_by(UNIT)
        .agg(
            pl.col("n").filter(~post).sum().alias("n_before"),
            pl.col("n").filter(post).sum().alias("n_after"),
            pl.col("sum").filter(~post).sum().alias("_before"),
            pl.col("sum").filter(post).sum().alias("_after"),
            pl.col("_others").filter(~post).sum().alias("_others_before"),
            pl.col("_others").filter(post).sum().alias("_others_after"),
            pl.len().alias("_sides"),
        )
        .filter(pl.col("_sides") == 2)
        .drop("_sides")
    )


def _covered(panel: pl.DataFrame, coverage: pl.DataFrame | None) -> pl.DataFrame:
    """Drop the periods before the country's statistics start at that grain."""
    if coverage is None:
        return panel
    return (
        with_first_end(panel, coverage)
        .filter(pl.col("first_end").is_null() | (pl.col("end") >= pl.col("first_end")))
        .drop("first_end")
    )


def _score(side: pl.DataFrame) -> pl.DataFrame:
    """Add the before/after means, ``effect`` and the quasi-Poisson score ``z``.

    Per country, the share ``p`` of the control group's trade (over the country's own
    periods) that falls after the control is the expected share of its own (where no
    other country trades: the share of periods after). With its total ``R``, the sum
    after is ``O ~ R p`` with variance ``phi R p (1 - p) (1 + R / R_others)``; the
    last factor is the error of ``p`` itself; plus ``kappa (R p (1 - p))^2 (1/n_before
    + 1/n_after)``, the flow's swings in proportion to its size over that many periods.
    ``phi`` and ``kappa`` are the heading's :func:`~orewatch.trade.panel.dispersion`,
    ``phi`` at least ``MIN_DISPERSION`` of its median route's value per period
    (:func:`~orewatch.trade.panel.phi_filled`).
    """
    market = MARKET
    total = pl.col("_before") + pl.col("_after")
    others = pl.col("_others_before") + pl.col("_others_after")
    others_after = pl.col("_others_after")
    n = (pl.col("n_before") + pl.col("n_after")).cast(pl.Float64)
    periods = pl.col("n_after") / n
    share = pl.when(others > 0).then(others_after / others).otherwise(periods)
    share = share.clip(0.5 / n, 1.0 - 0.5 / n)
    typical = (total / n).filter(total > 0).median().over(market)
    phi = phi_filled(typical)
    moved = total * share * (1.0 - share)
    sampling = pl.when(others > 0).then(1.0 + total / others.clip(lower_bound=1e-9)).otherwise(1.0)
    periods_inv = 1.0 / pl.col("n_before") + 1.0 / pl.col("n_after")
    kappa = kappa_filled()
    spread = phi * moved * sampling + kappa * moved**2 * periods_inv
    expected = total * share
    half = phi / 2.0
    return side.with_columns(
        (pl.col("_before") / pl.col("n_before")).alias("before_usd"),
        (pl.col("_after") / pl.col("n_after")).alias("after_usd"),
        ((pl.col("_after") + half) / (expected + half)).log().alias("effect"),
        pl.when(total > 0)
        .then((pl.col("_after") - expected) / spread.sqrt())
        .otherwise(0.0)
        .fill_nan(0.0)
        .alias("z"),
    )


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
