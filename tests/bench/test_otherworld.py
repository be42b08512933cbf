"""The independent generator writes datasets the contract loader takes whole, with every
scheme labelled, and the same seed writes the same files."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import load_dataset
from otherworld import SCHEMES, generate
from otherworld.goods import controlled_codes, covers, ordinary_goods

LINES = 4_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("ow") / "w", lines=LINES, seed=7)


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.csv"))
    }


def test_loads_without_quarantine(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0
    for name in (
        "declarations",
        "licenses",
        "parties",
        "relations",
        "inspections",
        "trade_stats",
        "prices",
        "watchlist",
    ):
        assert loaded.tables[name].rows_loaded > 0, name
    assert abs(loaded.tables["declarations"].rows_loaded - LINES) < LINES * 0.05


def test_every_scheme_in_truth_and_on_real_lines(world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert set(truth["scheme"]) == set(SCHEMES)
    lines = pl.read_csv(world / "declarations.csv", infer_schema=False)
    matched = truth.join(lines, on=["declaration_id", "line_no"], how="inner")
    assert matched.height == truth.height
    assert truth.unique(["declaration_id", "line_no"]).height == truth.height


def test_same_seed_same_files(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=7)
    assert digests(again) == digests(world)
    other = generate(tmp_path / "other", lines=LINES, seed=8)
    assert digests(other)["declarations.csv"] != digests(world)["declarations.csv"]


def test_ordinary_and_cover_goods_are_not_controlled_codes() -> None:
    controlled = controlled_codes()
    plain = set(ordinary_goods()["hs_code"]) | set(covers()["hs_code"])
    assert not plain & controlled


def test_controlled_goods_are_a_minority(world: Path) -> None:
    lines = pl.read_csv(world / "declarations.csv", infer_schema=False)
    share = lines["hs_code"].is_in(sorted(controlled_codes())).mean()
    assert share is not None and 0.01 < float(share) < 0.15
