"""Reading trade statistics: contract datasets and the public reference files.

The public files (UN Comtrade and CEPII BACI extracts recast in ``trade_stats`` form)
live outside the repository; they are read where they are, through the contract's own
table reader so that country codes like Namibia's ``NA`` stay codes, never nulls, and a
bad row is named by file, row and field.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from orewatch.contract.loader import load_table
from orewatch.contract.schema import PRICES, TRADE_STATS, Table

#: The reference files, relative to the trade data folder, best source first: when
#: two sources give the same flow and period, the first one listed is kept.
REAL_FILES: tuple[str, ...] = (
    "comtrade_china_exports_monthly/trade_stats.csv",
    "critical_materials_atlas/trade_stats.csv",
    "critical_materials_atlas/baci_top_edges_2018_2024.csv",
)
KEY = ("reporter", "partner", "flow", "hs_code", "period")


class TradeDataError(Exception):
    """A trade file cannot be used: missing, or rows that do not satisfy the contract."""


def _read(path: Path, table: Table) -> pl.DataFrame:
    if not path.is_file():
        raise TradeDataError(f"{path}: no such file")
    loaded = load_table(path, table)
    if loaded.rejected.height:
        first = loaded.rejected.row(0, named=True)
        raise TradeDataError(
            f"{path}: {loaded.rejected.height} row(s) rejected; first: row {first['row']}, "
            f"field {first['field']!r}, value {first['value']!r}: {first['reason']}"
        )
    return loaded.frame.drop("_row", strict=False)


def read_trade_file(path: Path) -> pl.DataFrame:
    """One ``trade_stats`` file (CSV, JSONL or Parquet), all rows valid or an error.

    Extra columns (``source``, ``material``...) are kept; ``source`` defaults to the
    file name.
    """
    frame = _read(Path(path), TRADE_STATS)
    if "source" not in frame.columns:
        frame = frame.with_columns(pl.lit(Path(path).name).alias("source"))
    return frame.select(*TRADE_STATS.names, pl.col("source").cast(pl.String))


def read_prices_file(path: Path) -> pl.DataFrame:
    """One ``prices`` file, all rows valid or an error."""
    return _read(Path(path), PRICES).select(PRICES.names)


def load_real_trade(root: Path) -> pl.DataFrame:
    """The public reference files under ``root`` as one ``trade_stats`` frame.

    The sources overlap (BACI 2024 appears in three files); one row per flow and period
    is kept, from the first source in :data:`REAL_FILES` order.
    """
    frames = [read_trade_file(Path(root) / name) for name in REAL_FILES]
    ranked = [f.with_columns(pl.lit(i).alias("_rank")) for i, f in enumerate(frames)]
    return (
        pl.concat(ranked)
        .sort([*KEY, "_rank"])
        .unique(list(KEY), keep="first", maintain_order=True)
        .drop("_rank")
    )
