"""The fifth independent generator writes a dataset that loads whole, labels every scheme
and is reproducible from its seed."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fifthworld import SCHEMES, generate
from orewatch.contract.loader import load_dataset
from orewatch.evaluation.metrics import read_truth


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fifth") / "w"
    generate(out, lines=4000, seed=2, fraud_share=0.06)
    return out


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    for name in (
        "declarations",
        "licenses",
        "parties",
        "relations",
        "inspections",
        "watchlist",
        "trade_stats",
        "prices",
    ):
        assert loaded.tables[name].rows_loaded > 0, name


def test_every_scheme_in_truth_and_truth_lines_exist(world: Path) -> None:
    truth = read_truth(world, "lines")
    assert truth is not None
    assert set(truth["scheme"].unique()) == set(SCHEMES)
    decl = pl.read_csv(world / "declarations.csv", infer_schema=False)
    missing = truth.join(decl, on=["declaration_id", "line_no"], how="anti")
    assert missing.height == 0


def test_consolidated_declarations_and_declaration_level_checks(world: Path) -> None:
    decl = pl.read_csv(world / "declarations.csv", infer_schema=False)
    sizes = decl.group_by("declaration_id").len()["len"]
    assert sizes.max() >= 30 and (sizes == 1).sum() > sizes.len() / 3
    checks = pl.read_csv(world / "inspections.csv", infer_schema=False)
    assert checks["line_no"].null_count() > 0 and checks["line_no"].drop_nulls().len() > 0


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, lines=4000, seed=2, fraud_share=0.06)
    for file in sorted(world.rglob("*.csv")):
        assert (again / file.relative_to(world)).read_bytes() == file.read_bytes(), file.name
