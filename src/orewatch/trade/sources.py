"""Where the trade layer's input comes from: a contract dataset or the public files.

Both give the same three frames (trade statistics, prices, declarations), so every
command and report runs the same code on synthetic worlds and on real numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import PRICES
from orewatch.contract.tables import empty_frame
from orewatch.trade.load import load_real_trade

#: Notes shown with results computed on the public reference files.
PUBLIC_NOTES: tuple[str, ...] = (
    "Sources: UN Comtrade (China's monthly exports by partner, 2017-2024, via "
    "qennis/ChinaCriticalMineralComtrade) and CEPII BACI V202601 bilateral flows 2018-2024 "
    "with partial monthly national statistics 2024-2026 (via Varcolacus/critical-materials-atlas).",
    "HS 811292 is a basket (unwrought Ga, Ge, In, Nb, V...): at six digits gallium and "
    "germanium cannot be told apart. BACI top-edge files keep only each country's main "
    "partners, so small flows are missing (read as zero).",
)


@dataclass(frozen=True)
class TradeInput:
    """The frames the trade layer reads, and what they are."""

    trade: pl.DataFrame
    prices: pl.DataFrame
    declarations: pl.DataFrame | None
    label: str
    notes: tuple[str, ...]
    rejected: int


def from_dataset(path: Path) -> TradeInput:
    """A contract dataset folder (its quarantined rows are counted, never used)."""
    loaded = load_dataset(Path(path), ["declarations", "trade_stats", "prices"])
    return TradeInput(
        trade=loaded.frame("trade_stats").rechunk(),
        prices=loaded.frame("prices").rechunk(),
        declarations=loaded.frame("declarations").rechunk(),
        label=str(path),
        notes=(),
        rejected=loaded.rejected.height,
    )


def from_public(root: Path) -> TradeInput:
    """The public reference files under ``root`` (no prices or declarations there)."""
    return TradeInput(
        trade=load_real_trade(Path(root)),
        prices=empty_frame(PRICES),
        declarations=None,
        label=f"public trade statistics ({root})",
        notes=PUBLIC_NOTES,
        rejected=0,
    )
