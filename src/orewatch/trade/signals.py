"""Integration with screening: ranked diversion routes from a dataset's tables.

``diversion_routes(tables, catalogue)`` is what the screening engine calls; it needs
only ``trade_stats`` (other tables are ignored) and the control catalogue, which gives
each controlled 6-digit heading the date its control first took effect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from orewatch.contract.schema import TRADE_STATS
from orewatch.controls import Catalogue
from orewatch.trade.absorption import excess_absorption
from orewatch.trade.mirror import mirror_gaps
from orewatch.trade.passthrough import pass_through
from orewatch.trade.periods import with_bounds
from orewatch.trade.routes import empty_routes, rank_routes
from orewatch.trade.surges import (
    did_surges,
    direct_flows,
    inbound_flows,
    onward_coverage,
    onward_flows,
    onward_totals,
    substitution,
)

TRADE_COLUMNS = TRADE_STATS.names


def control_dates(catalogue: Catalogue) -> pl.DataFrame:
    """hs6, control_date (earliest), element(s): one row per controlled 6-digit heading."""
    items = catalogue.items_frame()
    return (
        items.filter(pl.col("hs_code").is_not_null() & (pl.col("hs_code").str.len_chars() >= 6))
        .group_by(pl.col("hs_code").str.slice(0, 6).alias("hs6"))
        .agg(
            pl.col("effective_from").cast(pl.Date).min().alias("control_date"),
            pl.col("element").drop_nulls().unique().sort().str.join("/").alias("elements"),
        )
        .sort("hs6")
    )


def controlled_trade(trade: pl.DataFrame, controls: pl.DataFrame) -> pl.DataFrame:
    """Rows of controlled headings with period bounds; rows without a value dropped.

    Country and flow codes become categoricals: every method groups and joins on them,
    and on millions of rows integer keys cost much less than strings.
    """
    keep = trade.rechunk().filter(
        pl.col("hs_code").str.slice(0, 6).is_in(controls["hs6"].implode())
        & pl.col("value_usd").is_not_null()
    )
    return with_bounds(keep.select(*TRADE_COLUMNS)).with_columns(
        pl.col("reporter", "partner", "flow").cast(pl.Categorical)
    )


def routes_from_trade(
    trade: pl.DataFrame, controls: pl.DataFrame, markets: Sequence[str] | None = None
) -> pl.DataFrame:
    """Every method on one ``trade_stats`` frame, combined into ranked routes."""
    ctrade = controlled_trade(trade, controls)
    if ctrade.is_empty():
        return empty_routes()
    by_market = onward_flows(ctrade, markets)
    onward = onward_totals(by_market)
    everywhere = direct_flows(ctrade)
    inbound = inbound_flows(ctrade, everywhere)
    direct = everywhere
    if markets is not None:
        direct = everywhere.filter(pl.col("market").is_in(list(markets)))
    return rank_routes(
        did_surges(onward, controls),
        excess_absorption(inbound, onward, controls),
        mirror_gaps(ctrade),
        substitution(direct, by_market, controls),
        pass_through(inbound, onward, controls, onward_coverage(ctrade)),
    )


def diversion_routes(tables: Mapping[str, pl.DataFrame], catalogue: Catalogue) -> pl.DataFrame:
    """Ranked routes: country, hs_code (6 digits), score, reasons, evidence."""
    trade = tables.get("trade_stats")
    if trade is None or trade.is_empty():
        return empty_routes()
    return routes_from_trade(trade, control_dates(catalogue))
