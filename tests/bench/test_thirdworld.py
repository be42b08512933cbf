"""The third independent generator writes a dataset that loads whole, with every scheme."""

import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from orewatch.evaluation.metrics import read_truth
from thirdworld import generate
from thirdworld.schemes import DEFAULT_WEIGHTS


def test_small_world_loads_without_quarantine_and_has_every_scheme(tmp_path: Path) -> None:
    world = generate(tmp_path / "w", lines=6000, seed=3, fraud_share=0.05)
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    assert loaded.frame("declarations").height == 6000
    for name in ("licenses", "inspections", "parties", "relations", "watchlist", "trade_stats"):
        assert loaded.frame(name).height > 0, name
    truth = read_truth(world, "lines")
    assert truth is not None
    assert set(truth["scheme"].unique()) == set(DEFAULT_WEIGHTS)
    keys = loaded.frame("declarations").select("declaration_id", pl.col("line_no").cast(pl.String))
    assert truth.join(keys, on=["declaration_id", "line_no"], how="anti").height == 0


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", lines=2000, seed=7)
    b = generate(tmp_path / "b", lines=2000, seed=7)
    files = sorted(p.relative_to(a) for p in a.rglob("*.csv"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.csv"))
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
