"""The ninth independent generator writes a dataset the contract loads whole, with every
scheme in its truth, and the same seed gives the same files."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from ninthworld import DEFAULT_WEIGHTS, generate
from orewatch.contract.loader import load_dataset
from orewatch.evaluation.metrics import read_truth

LINES = 4000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("ninth") / "w", lines=LINES, seed=3)


#: The optional tables this generator fills (the chain tables it leaves out).
FILLED = ("licenses", "parties", "relations", "inspections", "trade_stats", "prices", "watchlist")


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    rejected = {name: table.rejected.height for name, table in loaded.tables.items()}
    assert rejected == dict.fromkeys(("declarations", *FILLED), 0)
    lines = loaded.tables["declarations"].frame.height
    assert LINES * 0.95 < lines < LINES * 1.05


def test_every_scheme_in_truth_and_on_real_lines(world: Path) -> None:
    truth = read_truth(world, "lines")
    assert truth is not None
    assert set(truth["scheme"]) == set(DEFAULT_WEIGHTS)
    declarations = (
        load_dataset(world)
        .tables["declarations"]
        .frame.select(pl.col("declaration_id"), pl.col("line_no").cast(pl.Int64))
    )
    keyed = truth.select("declaration_id", pl.col("line_no").cast(pl.Int64))
    assert keyed.join(declarations, on=["declaration_id", "line_no"], how="anti").height == 0


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=3)
    names = sorted(p.relative_to(world) for p in world.rglob("*.csv"))
    assert names == sorted(p.relative_to(again) for p in again.rglob("*.csv"))
    for name in names:
        assert (world / name).read_bytes() == (again / name).read_bytes(), name
