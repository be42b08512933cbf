"""Whether the controls work: per controlled item, the figures behind the report.

Pure functions over frames: China's exports by destination before and after each
control, the licensed share of controlled declaration lines, the price gap and the
suspected diversion routes. :mod:`orewatch.trade.report` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.trade.periods import after_control, with_bounds
from orewatch.trade.surges import SOURCE

#: Destinations shown per item; the rest are summed as "other".
TOP_DESTINATIONS = 10


@dataclass(frozen=True)
class ItemFigures:
    """One controlled item (an element) with the frames the report shows."""

    element: str
    control_date: str
    headings: tuple[str, ...]
    destinations: pl.DataFrame  # destination, before_usd, after_usd, change (per period)
    monthly: pl.DataFrame  # start, destination, value_usd (China's exports, top destinations)
    grain: str  # "month" or "year": the grain of ``destinations``
    licensed: pl.DataFrame  # lines, licensed_lines, kg, licensed_kg, share_kg (after the control)
    prices: pl.DataFrame  # material, month, overseas_market, gap
    routes: pl.DataFrame  # country, hs_code, score, reasons, evidence


def items_of(controls: pl.DataFrame) -> pl.DataFrame:
    """element, control_date, headings: one row per controlled element with trade codes."""
    return (
        controls.with_columns(pl.col("elements").str.split("/"))
        .explode("elements")
        .rename({"elements": "element"})
        .filter(pl.col("element").is_not_null() & (pl.col("element") != ""))
        .group_by("element")
        .agg(pl.col("control_date").min(), pl.col("hs6").sort().alias("headings"))
        .sort("control_date", "element")
    )


def exports_by_destination(
    trade: pl.DataFrame, headings: list[str], control: pl.Expr
) -> tuple[pl.DataFrame, pl.DataFrame, str]:
    """China's exports of ``headings``: before/after means per destination, and the
    series of the top destinations (monthly if there are monthly figures, else annual)."""
    bounded = with_bounds(trade).filter(
        (pl.col("reporter") == SOURCE)
        & (pl.col("flow") == "export")
        & pl.col("hs6").is_in(headings)
        & pl.col("value_usd").is_not_null()
    )
    grain = "month" if (bounded["grain"] == "month").any() else "year"
    rows = bounded.filter(pl.col("grain") == grain)
    periods = (
        rows.select("start", "end").unique().with_columns(after_control(control).alias("post"))
    )
    n_before = periods.filter(~pl.col("post")).height
    n_after = periods.filter(pl.col("post")).height
    per = (
        rows.join(periods, on=["start", "end"])
        .group_by(pl.col("partner").alias("destination"))
        .agg(
            (pl.col("value_usd").filter(~pl.col("post")).sum() / max(n_before, 1)).alias(
                "before_usd"
            ),
            (pl.col("value_usd").filter(pl.col("post")).sum() / max(n_after, 1)).alias("after_usd"),
        )
        .with_columns(
            pl.when(pl.col("before_usd") > 0)
            .then(pl.col("after_usd") / pl.col("before_usd") - 1.0)
            .otherwise(None)
            .alias("change")
        )
        .sort(pl.col("before_usd") + pl.col("after_usd"), descending=True)
    )
    top = per.head(TOP_DESTINATIONS)["destination"]
    monthly = (
        rows.with_columns(
            pl.when(pl.col("partner").is_in(top.implode()))
            .then(pl.col("partner"))
            .otherwise(pl.lit("other"))
            .alias("destination")
        )
        .group_by("start", "destination")
        .agg(pl.col("value_usd").sum())
        .sort("start", "destination")
    )
    return per, monthly, grain


def licensed_share(
    declarations: pl.DataFrame | None, headings: list[str], control_date: object
) -> pl.DataFrame:
    """Lines of ``headings`` declared on or after the control, and how many cite a licence."""
    schema = {
        "lines": pl.UInt32,
        "licensed_lines": pl.UInt32,
        "kg": pl.Float64,
        "licensed_kg": pl.Float64,
        "share_kg": pl.Float64,
    }
    if declarations is None or declarations.is_empty():
        return pl.DataFrame(schema=schema)
    after = declarations.filter(
        pl.col("hs_code").str.slice(0, 6).is_in(headings)
        & (pl.col("declared_at").cast(pl.Date) >= pl.lit(control_date).cast(pl.Date))
    )
    cites = pl.col("license_no").is_not_null() & (pl.col("license_no") != "")
    return after.select(
        pl.len().cast(pl.UInt32).alias("lines"),
        cites.sum().cast(pl.UInt32).alias("licensed_lines"),
        pl.col("net_weight_kg").sum().alias("kg"),
        pl.col("net_weight_kg").filter(cites).sum().alias("licensed_kg"),
    ).with_columns(
        (pl.col("licensed_kg") / pl.when(pl.col("kg") > 0).then(pl.col("kg"))).alias("share_kg")
    )


def item_figures(
    trade: pl.DataFrame,
    controls: pl.DataFrame,
    routes: pl.DataFrame,
    gaps: pl.DataFrame,
    declarations: pl.DataFrame | None = None,
) -> list[ItemFigures]:
    """The report's figures for every controlled element that appears in the trade data."""
    traded = set(trade["hs_code"].str.slice(0, 6).unique().to_list())
    out = []
    for row in items_of(controls).iter_rows(named=True):
        headings = [h for h in row["headings"] if h in traded]
        if not headings:
            continue
        control = pl.lit(row["control_date"]).cast(pl.Date)
        destinations, monthly, grain = exports_by_destination(trade, headings, control)
        out.append(
            ItemFigures(
                element=row["element"],
                control_date=str(row["control_date"]),
                headings=tuple(headings),
                destinations=destinations,
                monthly=monthly,
                grain=grain,
                licensed=licensed_share(declarations, headings, row["control_date"]),
                prices=gaps.filter(
                    pl.col("material").str.split(":").list.first() == row["element"]
                ),
                routes=routes.filter(pl.col("hs_code").is_in(headings)),
            )
        )
    return out


def effectiveness_items(
    trade: pl.DataFrame,
    prices: pl.DataFrame,
    declarations: pl.DataFrame | None,
    controls: pl.DataFrame,
) -> tuple[list[ItemFigures], pl.DataFrame]:
    """Everything the report shows, from the input frames: (items, ranked routes).

    One entry point for the command-line report and the workbench view, so both show
    the same figures. Raises :class:`~orewatch.trade.prices.PriceDataError` on prices
    it cannot convert.
    """
    from orewatch.trade.prices import price_gaps
    from orewatch.trade.signals import routes_from_trade

    gaps = price_gaps(prices)
    routes = routes_from_trade(trade, controls)
    return item_figures(trade, controls, routes, gaps, declarations), routes
