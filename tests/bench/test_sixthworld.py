"""The sixth independent generator writes a dataset that loads whole and is reproducible."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from sixthworld import generate
from sixthworld.schemes import WEIGHTS

LINES = 10_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("sixth") / "w", lines=LINES, seed=7, fraud_share=0.03)


def test_loads_without_quarantine(world: Path) -> None:
    dataset = load_dataset(world)
    assert dataset.rejected.height == 0
    assert dataset.tables["declarations"].frame.height == LINES
    for table in (
        "licenses",
        "parties",
        "relations",
        "inspections",
        "trade_stats",
        "prices",
        "watchlist",
    ):
        assert dataset.tables[table].frame.height > 0, table


def test_every_scheme_in_truth(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(WEIGHTS) | {"price_padding"} <= set(truth["scheme"])
    declared = pl.read_csv(world / "declarations.csv", infer_schema=False)
    assert truth.join(declared, on=["declaration_id", "line_no"], how="anti").height == 0


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=7, fraud_share=0.03)
    for file in sorted(world.rglob("*.csv")):
        assert file.read_bytes() == (again / file.relative_to(world)).read_bytes(), file.name
