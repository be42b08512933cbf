"""Fixtures for the world tests: one small generated world shared by the session."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from orewatch.world import WorldSummary, generate_world

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


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    out = tmp_path_factory.mktemp("world") / "w"
    t0 = time.perf_counter()
    summary = generate_world(out, seed=11, lines=SMALL_LINES)
    return World(out, summary, time.perf_counter() - t0)
