"""The seventh independent generator writes datasets that load whole and carry every scheme."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from seventhworld import PROFILES, generate
from seventhworld.schemes import SCHEMES

LINES = 6_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("seventh") / "w", lines=LINES, seed=1, fraud_share=0.05)


def test_loads_without_quarantine(world: Path) -> None:
    dataset = load_dataset(world)
    for name, table in dataset.tables.items():
        assert table.rows_rejected == 0, name
    assert dataset.tables["declarations"].rows_loaded == LINES
    assert {
        "licenses",
        "parties",
        "relations",
        "inspections",
        "trade_stats",
        "prices",
        "watchlist",
    } <= set(dataset.tables)


def test_every_scheme_in_truth(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(truth["scheme"].unique()) == set(SCHEMES)
    assert truth.select("declaration_id", "line_no").is_unique().all()


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", lines=2_000, seed=5, **PROFILES["lean"])
    b = generate(tmp_path / "b", lines=2_000, seed=5, **PROFILES["lean"])
    assert _digest(a) == _digest(b)
    assert not (a / "parties.csv").exists()
    assert (a / "licenses.jsonl").exists()


def test_rich_profile_loads_other_formats(tmp_path: Path) -> None:
    world = generate(tmp_path / "r", lines=2_000, seed=2, **PROFILES["rich"])
    dataset = load_dataset(world)
    assert dataset.tables["declarations"].format == "parquet"
    assert all(t.rows_rejected == 0 for t in dataset.tables.values())
