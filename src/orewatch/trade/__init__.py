"""Trade: official trade statistics and market prices, and what they say about diversion.

Owns the trade layer: mirror gaps between China's exports and partners' imports,
re-export surges after each control (difference-in-differences with significance),
imports beyond plausible domestic use, domestic against overseas price gaps, the ranked
diversion routes screening consumes, and the control-effectiveness report. It reads the
``trade_stats`` and ``prices`` tables (and ``declarations`` for licensed shares) and the
control catalogue; it must not touch declaration scoring, which lives in ``screening``.
"""

from orewatch.trade.absorption import excess_absorption
from orewatch.trade.load import TradeDataError, load_real_trade, read_trade_file
from orewatch.trade.mirror import mirror_gaps
from orewatch.trade.periods import with_bounds
from orewatch.trade.prices import price_gaps
from orewatch.trade.routes import ROUTE_COLUMNS, rank_routes
from orewatch.trade.signals import control_dates, diversion_routes
from orewatch.trade.surges import (
    did_surges,
    direct_flows,
    inbound_flows,
    onward_flows,
    onward_totals,
    substitution,
)

__all__ = [
    "ROUTE_COLUMNS",
    "TradeDataError",
    "control_dates",
    "did_surges",
    "direct_flows",
    "diversion_routes",
    "excess_absorption",
    "inbound_flows",
    "load_real_trade",
    "mirror_gaps",
    "onward_flows",
    "onward_totals",
    "price_gaps",
    "rank_routes",
    "read_trade_file",
    "substitution",
    "with_bounds",
]
