"""The screening pipeline: tables in, ranked and explained outputs out.

A batch of a million lines and a single declaration go through the same
:class:`~orewatch.screening.screener.Screener`: :func:`screen` fits it on a dataset and
scores the dataset's own lines; the API scores new declarations with the fitted one.
Reading files and writing outputs are at the edges (:func:`write_outputs`); everything
in between is pure functions over frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orewatch.contract.quarantine import shown_value
from orewatch.contract.schema import OUTPUT_COLUMNS
from orewatch.controls.catalogue import Catalogue
from orewatch.io.atomic import write_csv
from orewatch.screening.fit import fit_and_screen
from orewatch.screening.reasons import ReasonTable, reason_table
from orewatch.screening.screener import (
    EXPLANATION_SEPARATOR,
    Progress,
    Screener,
    Tables,
)
from orewatch.screening.selection import Capacity

__all__ = ["EXPLANATION_SEPARATOR", "ScreenResult", "quarantine_output", "screen", "write_outputs"]


@dataclass
class ScreenResult:
    """Everything screening produced. ``alerts`` has one row per line screened."""

    alerts: pl.DataFrame
    signals: pl.DataFrame
    parties: pl.DataFrame
    facilities: pl.DataFrame
    routes: pl.DataFrame
    screener: Screener | None = None
    rejected: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema=dict.fromkeys(OUTPUT_COLUMNS["rejected"], pl.String())
        )
    )


def screen(
    tables: Tables,
    catalogue: Catalogue,
    capacity: Capacity | None = None,
    reasons: ReasonTable | None = None,
    progress: Progress | None = None,
) -> ScreenResult:
    """Score every declaration line of a dataset, explain it, and assign a channel."""
    capacity = capacity or Capacity()
    reasons = reasons or reason_table()
    step = progress or (lambda _name: None)
    fitted = fit_and_screen(tables, catalogue, capacity, reasons, step)
    step("outputs")
    return ScreenResult(
        alerts=fitted.alerts,
        signals=fitted.signals,
        parties=fitted.parties,
        facilities=fitted.facilities,
        routes=fitted.screener.routes,
        screener=fitted.screener,
    )


def quarantine_output(rejected: pl.DataFrame) -> pl.DataFrame:
    """The loader's quarantine in the contract's ``rejected.csv`` columns."""
    return rejected.select(
        pl.col("table"),
        pl.col("row").cast(pl.String),
        pl.col("field"),
        shown_value(),
        pl.col("reason"),
    )


def write_outputs(result: ScreenResult, out: Path) -> dict[str, Path]:
    """Write the contract's outputs atomically (plus explained alerts as Parquet)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    alerts = result.alerts
    written = {
        "alerts": write_csv(
            alerts.select(
                *OUTPUT_COLUMNS["alerts"],
                "noted",
                "rule_score",
                "p_fraud",
                "channel_reason",
                "explanation",
            ),
            out / "alerts.csv",
        ),
        "parties": write_csv(
            result.parties.select(*OUTPUT_COLUMNS["parties"], "evidence"), out / "parties.csv"
        ),
        "facilities": write_csv(
            result.facilities.select(*OUTPUT_COLUMNS["facilities"], "evidence"),
            out / "facilities.csv",
        ),
        "routes": write_csv(
            result.routes.select(*OUTPUT_COLUMNS["routes"], "evidence"), out / "routes.csv"
        ),
        "rejected": write_csv(
            result.rejected.select(OUTPUT_COLUMNS["rejected"]), out / "rejected.csv"
        ),
    }
    return written
