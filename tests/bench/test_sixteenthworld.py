"""The sixteenth world loads under the contract, labels every scheme and is reproducible."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import LoadedDataset, load_dataset
from orewatch.contract.schema import TABLES
from sixteenthworld import SCHEMES, Knobs, generate
from sixteenthworld.controls import Controls
from sixteenthworld.goods import GOODS
from sixteenthworld.timeline import END, START

LINES = 5_000
SEED = 5


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w16") / "world", lines=LINES, seed=SEED)


@pytest.fixture(scope="module")
def loaded(world: Path) -> LoadedDataset:
    return load_dataset(world)


@pytest.fixture(scope="module")
def truth(world: Path) -> pl.DataFrame:
    return pl.read_csv(
        world / "truth" / "lines.csv", schema_overrides={"declaration_id": pl.String}
    )


@pytest.fixture(scope="module")
def detail(world: Path) -> pl.DataFrame:
    return pl.read_csv(
        world / "truth" / "lines_detail.csv",
        schema_overrides={
            "declaration_id": pl.String,
            "exporter_id": pl.String,
            "true_hs_code": pl.String,
        },
    )


def test_loads_without_rejections(loaded: LoadedDataset) -> None:
    assert loaded.rejected.height == 0
    assert loaded.frame("declarations").height == LINES


def test_every_contract_table_is_filled(loaded: LoadedDataset) -> None:
    for name in TABLES:
        assert loaded.frame(name).height > 0, name


def test_truth_labels_declared_lines_of_every_scheme(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    assert truth.columns == ["declaration_id", "line_no", "scheme"]
    assert set(truth["scheme"]) == set(SCHEMES)
    assert 12 <= len(SCHEMES) <= 14
    declared = loaded.frame("declarations").select("declaration_id", "line_no")
    assert truth.join(declared, on=["declaration_id", "line_no"], how="anti").height == 0
    assert truth.select("declaration_id", "line_no").is_unique().all()
    assert 0.012 < truth.height / LINES < 0.03


def test_detail_matches_truth_and_has_both_variants(
    truth: pl.DataFrame, detail: pl.DataFrame
) -> None:
    assert detail.columns == [
        "declaration_id",
        "line_no",
        "scheme",
        "variant",
        "family",
        "exporter_id",
        "true_hs_code",
    ]
    assert detail.select("declaration_id", "line_no", "scheme").equals(truth)
    variants = detail.group_by("scheme").agg(pl.col("variant").unique().sort())
    assert variants.height == len(SCHEMES)
    for row in variants.iter_rows(named=True):
        assert row["variant"] == ["faint", "loud"], row["scheme"]


def test_inspections_span_the_period_and_find_some_fraud(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    inspections = loaded.frame("inspections")
    first, last = inspections["inspected_at"].min(), inspections["inspected_at"].max()
    assert isinstance(first, dt.date) and isinstance(last, dt.date)
    assert first <= START + dt.timedelta(days=45)
    assert last >= END - dt.timedelta(days=45)
    assert 0.015 < inspections.height / LINES < 0.06
    found = inspections.filter(pl.col("result") != "clear").join(
        truth, on=["declaration_id", "line_no"], how="inner"
    )
    missed = inspections.filter(pl.col("result") == "clear").join(
        truth, on=["declaration_id", "line_no"], how="inner"
    )
    assert found.height > 0
    assert missed.height > 0  # imperfect checks
    assert (inspections["result"] == "clear").sum() > 5 * found.height


def test_goods_follow_the_catalogue(loaded: LoadedDataset) -> None:
    """Listed goods carry their item's codes and need licences unless suspended throughout;
    unlisted goods never need one."""
    controls = Controls.load()
    days = [START + dt.timedelta(days=d) for d in range(0, (END - START).days + 1, 15)]
    for good in GOODS:
        needs = any(controls.controlled_on(good.hs, day) for day in days)
        if good.item is None:
            assert not needs, good.key
            continue
        item = controls.item(good.item)
        assert not item.hs_codes or any(good.hs.startswith(code) for code in item.hs_codes)
        assert needs == (item.suspended_from is None), good.key
    lines = loaded.frame("declarations").select("hs_code", "declared_at")
    controlled = sum(controls.controlled_on(hs, at.date()) for hs, at in lines.iter_rows())
    assert 0.04 < controlled / LINES < 0.3


def test_honest_controlled_lines_cite_licences(loaded: LoadedDataset, truth: pl.DataFrame) -> None:
    controls = Controls.load()
    honest = loaded.frame("declarations").join(truth, on=["declaration_id", "line_no"], how="anti")
    unlicensed = [
        (hs, at)
        for hs, at, licence in honest.select("hs_code", "declared_at", "license_no").iter_rows()
        if licence is None and controls.controlled_on(hs, at.date())
    ]
    assert not unlicensed


def test_same_seed_same_bytes(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=SEED)
    files = sorted(p.relative_to(world) for p in world.rglob("*.csv"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.csv"))
    for name in files:
        assert (world / name).read_bytes() == (again / name).read_bytes(), name


def test_another_seed_another_world(world: Path, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", lines=LINES, seed=SEED + 1)
    for name in ("declarations.csv", "truth/lines.csv", "parties.csv"):
        assert (world / name).read_bytes() != (other / name).read_bytes(), name


def test_knobs_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        Knobs(fraud_share=1.5)
    with pytest.raises(TypeError):
        generate(Path("unused"), lines=1_000, seed=1, fraud_rate=0.1)
