"""The eighth independent generator writes a dataset that loads cleanly, holds every
scheme, and is the same for the same seed."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from eighthworld import generate
from eighthworld.schemes import WEIGHTS
from orewatch.contract.loader import load_dataset


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w8") / "a", lines=4000, seed=3, fraud_share=0.06)


def digest(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.csv"))}


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    names = set(loaded.tables)
    assert {"declarations", "licenses", "parties", "relations", "inspections", "watchlist"} <= names
    assert {"trade_stats", "prices", "facilities", "production", "movements"} <= names
    assert loaded.tables["declarations"].frame.height == 4000


def test_every_scheme_in_truth(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(truth["scheme"]) == set(WEIGHTS)
    assert truth.select("declaration_id", "line_no").is_unique().all()
    lines = pl.read_csv(world / "declarations.csv", infer_schema=False).select(
        "declaration_id", "line_no"
    )
    assert truth.join(lines, on=["declaration_id", "line_no"]).height == truth.height


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "b", lines=4000, seed=3, fraud_share=0.06)
    assert digest(again) == digest(world)
