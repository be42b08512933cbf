"""The fourth independent generator writes a dataset that loads whole, names every scheme
in its truth, and is reproducible from its seed."""

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fourthworld import SCHEMES, generate
from fourthworld.goods import build_goods, covers_for
from orewatch.contract.loader import load_dataset


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("fw") / "a", lines=3000, seed=7, fraud_share=0.06)


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    assert loaded.tables["declarations"].rows_loaded == 3000
    for name in ("licenses", "parties", "relations", "inspections", "watchlist", "trade_stats"):
        assert loaded.tables[name].rows_loaded > 0, name


def test_every_scheme_in_truth(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(truth["scheme"]) == set(SCHEMES)
    declarations = pl.read_csv(world / "declarations.csv", infer_schema=False)
    keyed = truth.join(declarations, on=["declaration_id", "line_no"], how="inner")
    assert keyed.height == truth.height  # every truth row names a real line


def test_sparse_columns_left_out(world: Path) -> None:
    header = (world / "declarations.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for absent in ("specification", "origin_region", "container_ids"):
        assert absent not in header


def test_cover_goods_are_not_controlled_codes() -> None:
    goods = build_goods()
    controlled = set(goods.table.filter(pl.col("item_id").is_not_null())["hs"])
    cover_hs = {goods.col("hs")[i] for ids, _, _ in covers_for(goods).values() for i in ids}
    assert not cover_hs & controlled


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "b", lines=3000, seed=7, fraud_share=0.06)
    files = sorted(p.relative_to(world) for p in world.rglob("*.csv"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.csv"))
    for rel in files:
        assert (world / rel).read_bytes() == (again / rel).read_bytes(), rel
