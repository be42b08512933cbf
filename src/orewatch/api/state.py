"""What the API serves from: a screener fitted on the warehouse at start-up."""

from __future__ import annotations

from pathlib import Path

from orewatch.contract.schema import TABLES
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.fit import fit_and_screen
from orewatch.screening.reasons import reason_table
from orewatch.screening.screener import Screener
from orewatch.screening.selection import Capacity
from orewatch.warehouse.store import Warehouse


def fit_from_warehouse(db: Path, capacity: Capacity | None = None) -> Screener | None:
    """Fit a screener on everything the warehouse holds; None when it holds no lines."""
    if not Path(db).exists():
        return None
    with Warehouse(db, read_only=True) as warehouse:
        tables = {name: warehouse.table(name) for name in TABLES}
    if tables["declarations"].is_empty():
        return None
    return fit_and_screen(tables, load_catalogue(), capacity or Capacity(), reason_table()).screener
