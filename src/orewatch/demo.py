"""The end-to-end tour: generate a world, ingest it, screen it, measure what was found.

``orewatch demo`` calls :func:`run_demo`; tests call it too, on a smaller world.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import TABLES
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.report import Scorecard, scorecard
from orewatch.screening.pipeline import ScreenResult, quarantine_output, screen, write_outputs
from orewatch.screening.selection import Capacity
from orewatch.warehouse.store import IngestReport, Warehouse
from orewatch.world.generate import generate_world

Step = Callable[[str], None]


@dataclass
class DemoReport:
    world: Path
    db: Path
    out: Path
    ingest: IngestReport
    result: ScreenResult
    scorecard: Scorecard


def run_demo(
    workdir: Path,
    lines: int = 200_000,
    seed: int = 7,
    capacity: Capacity | None = None,
    step: Step | None = None,
) -> DemoReport:
    """Generate, ingest, screen from the warehouse, write outputs, score against truth."""
    step = step or (lambda _s: None)
    workdir = Path(workdir)
    world, db, out = workdir / "world", workdir / "warehouse.duckdb", workdir / "screen"
    capacity = capacity or Capacity()
    step("generate world")
    generate_world(world, seed=seed, lines=lines)
    step("load + validate")
    loaded = load_dataset(world)
    step("ingest")
    with Warehouse(db) as warehouse:
        report = warehouse.ingest(loaded)
        tables = {name: warehouse.table(name) for name in TABLES}
    step("screen")
    result = screen(tables, load_catalogue(), capacity)
    result.rejected = quarantine_output(loaded.rejected)
    write_outputs(result, out)
    step("measure")
    card = scorecard(
        world,
        result.alerts,
        result.parties,
        result.facilities,
        result.routes,
        production_rows=tables["production"].height,
        rate=capacity.red,
    )
    return DemoReport(world, db, out, report, result, card)
