"""The tenth independent generator: its worlds load cleanly, hold every scheme, and the
same seed gives the same files."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from tenthworld import SCHEMES, generate

FILES = ("declarations.csv", "inspections.csv", "licenses.csv", "parties.csv", "truth/lines.csv")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("tenth") / "w", lines=6000, seed=3)


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    assert loaded.tables["declarations"].rows_loaded > 5000
    assert {"licenses", "parties", "relations", "inspections", "trade_stats", "watchlist"} <= set(
        loaded.tables
    )


def test_every_scheme_in_truth_and_lines_exist(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema_length=0)
    assert set(truth["scheme"]) == set(SCHEMES)
    decl = pl.read_csv(world / "declarations.csv", infer_schema_length=0)
    assert truth.join(decl, on=["declaration_id", "line_no"]).height == truth.height


def test_consolidations_and_adaptation(world: Path) -> None:
    decl = pl.read_csv(world / "declarations.csv", infer_schema_length=0)
    assert decl.group_by("declaration_id").len()["len"].max() >= 30  # type: ignore[operator]
    adapted = pl.read_csv(world / "truth" / "adapted.csv")
    assert adapted.height == pl.read_csv(world / "truth" / "lines.csv").height
    assert adapted["adapted"].any()


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=6000, seed=3)
    for name in FILES:
        assert (again / name).read_bytes() == (world / name).read_bytes(), name


def test_sparse_has_only_required_tables(tmp_path: Path) -> None:
    out = generate(tmp_path / "sparse", lines=3000, seed=2, optional="sparse")
    assert {p.name for p in out.glob("*.csv")} == {"declarations.csv", "inspections.csv"}
    assert load_dataset(out).rejected.height == 0
