"""The eleventh independent generator writes a dataset that loads cleanly, holds every
scheme in its truth, follows the regime for honest lines, and is reproducible."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from eleventhworld import SCHEMES, generate
from orewatch.contract.loader import load_dataset
from orewatch.evaluation.metrics import read_truth


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("eleventh") / "w", lines=6000, seed=3, fraud_share=0.06)


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_loads_without_quarantine(world: Path) -> None:
    ds = load_dataset(world)
    assert ds.rejected.height == 0
    assert {
        "declarations",
        "licenses",
        "parties",
        "relations",
        "inspections",
        "trade_stats",
        "prices",
        "watchlist",
    } <= set(ds.tables)
    assert ds.frame("declarations").height == 6000


def test_every_scheme_in_truth(world: Path) -> None:
    truth = read_truth(world, "lines")
    assert truth is not None
    assert set(truth["scheme"].unique()) == set(SCHEMES)
    decl = (
        load_dataset(world)
        .frame("declarations")
        .select(pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.String))
    )
    assert truth.join(decl, on=["declaration_id", "line_no"], how="anti").height == 0


def test_honest_lines_respect_the_us_ban(world: Path) -> None:
    """No unlabelled gallium, germanium or antimony line goes to the US in the ban."""
    truth = read_truth(world, "lines")
    assert truth is not None
    decl = (
        load_dataset(world)
        .frame("declarations")
        .with_columns(pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.String))
    )
    honest = decl.join(truth, on=["declaration_id", "line_no"], how="anti")
    banned_codes = (
        "8112929010",
        "2825909001",
        "8112921010",
        "2825600002",
        "8110101000",
        "2825800010",
        "2617101000",
    )
    day = pl.col("declared_at").cast(pl.String).str.slice(0, 10)
    hits = honest.filter(
        pl.col("hs_code").is_in(banned_codes)
        & (pl.col("destination_country") == "US")
        & (day >= "2024-12-03")
        & (day <= "2025-11-08")
    )
    assert hits.height == 0


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", lines=2000, seed=5)
    b = generate(tmp_path / "b", lines=2000, seed=5)
    assert _digest(a) == _digest(b)


def test_one_exporter_consignee_day_and_mode_a_declaration(world: Path) -> None:
    """Schemes rewrite whole declarations, never one line of a shipment."""
    decl = load_dataset(world).frame("declarations")
    per = decl.group_by("declaration_id").agg(
        pl.col("exporter_id").n_unique().alias("exporters"),
        pl.col("consignee_name").n_unique().alias("consignees"),
        pl.col("destination_country").n_unique().alias("destinations"),
        pl.col("mode").n_unique().alias("modes"),
        pl.col("declared_at").cast(pl.String).str.slice(0, 10).n_unique().alias("days"),
    )
    assert per.select(pl.exclude("declaration_id").max()).row(0) == (1, 1, 1, 1, 1)
