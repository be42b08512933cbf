"""The thirteenth independent generator writes a dataset of the contract, with every
scheme in its truth, the same files for the same seed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from thirteenthworld import generate
from thirteenthworld.schemes import SCHEMES


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w13") / "a", lines=6000, seed=5)


OPTIONAL = ["licenses", "parties", "relations", "inspections", "trade_stats", "prices", "watchlist"]


def _digest(root: Path) -> str:
    """One hash over every file of the world, in name order."""
    whole = hashlib.sha256()
    for path in sorted(root.rglob("*.csv")):
        whole.update(path.relative_to(root).as_posix().encode())
        whole.update(path.read_bytes())
    return whole.hexdigest()


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    for name in OPTIONAL:
        assert loaded.frame(name).height > 0, name
    assert loaded.frame("declarations").height == 6000


def test_every_scheme_in_truth(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(truth["scheme"]) == set(SCHEMES)
    decl = pl.read_csv(world / "declarations.csv", infer_schema=False)
    joined = truth.join(decl, on=["declaration_id", "line_no"], how="inner")
    assert joined.height == truth.height  # every truth row is a declared line


def test_history_spans_the_period_and_finds_fraud(world: Path) -> None:
    inspections = pl.read_csv(world / "inspections.csv", infer_schema=False)
    years = inspections["inspected_at"].str.slice(0, 4).unique()
    assert {"2023", "2024", "2025", "2026"} <= set(years)
    assert inspections.filter(pl.col("result") != "clear").height > 0


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "b", lines=6000, seed=5)
    assert _digest(again) == _digest(world)
