"""Helpers shared by the world tests (imported by name: keep the module name unique)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from orewatch.world import WorldSummary

SMALL_LINES = 20_000


@dataclass(frozen=True)
class World:
    path: Path
    summary: WorldSummary
    seconds: float

    def table(self, name: str) -> pl.DataFrame:
        """A table as strings, exactly as written."""
        return pl.read_csv(self.path / f"{name}.csv", infer_schema_length=0)

    def truth(self, name: str) -> pl.DataFrame:
        return pl.read_csv(self.path / "truth" / f"{name}.csv", infer_schema_length=0)
