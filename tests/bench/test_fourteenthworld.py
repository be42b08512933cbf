"""The fourteenth world loads under the contract, labels every scheme and is reproducible."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import polars as pl
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fourteenthworld import SCHEMES, Knobs, generate
from fourteenthworld.goods import END, GOODS, START
from orewatch.contract.loader import LoadedDataset, load_dataset
from orewatch.contract.schema import TABLES

LINES = 6_000
SEED = 5
CATALOGUE = (
    Path(__file__).resolve().parents[2] / "src/orewatch/controls/data/china-export-controls.yaml"
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w14") / "world", lines=LINES, seed=SEED)


@pytest.fixture(scope="module")
def loaded(world: Path) -> LoadedDataset:
    return load_dataset(world)


@pytest.fixture(scope="module")
def truth(world: Path) -> pl.DataFrame:
    return pl.read_csv(
        world / "truth" / "lines.csv", schema_overrides={"declaration_id": pl.String}
    )


def test_loads_without_rejections(loaded: LoadedDataset) -> None:
    assert loaded.rejected.height == 0
    assert loaded.frame("declarations").height == LINES


def test_every_optional_table_is_filled(loaded: LoadedDataset) -> None:
    for name in TABLES:
        assert loaded.frame(name).height > 0, name


def test_every_scheme_is_labelled_on_declared_lines(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    assert truth.columns == ["declaration_id", "line_no", "scheme"]
    assert set(truth["scheme"]) == set(SCHEMES)
    declared = loaded.frame("declarations").select("declaration_id", "line_no")
    assert truth.join(declared, on=["declaration_id", "line_no"], how="anti").height == 0
    assert truth.select("declaration_id", "line_no").is_unique().all()
    assert 0.01 < truth.height / LINES < 0.04


def test_inspections_span_the_period_and_find_fraud(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    inspections = loaded.frame("inspections")
    first, last = inspections["inspected_at"].min(), inspections["inspected_at"].max()
    assert isinstance(first, dt.date) and isinstance(last, dt.date)
    assert first <= START + dt.timedelta(days=60)
    assert last >= END - dt.timedelta(days=60)
    assert 0.015 < inspections.height / LINES < 0.06
    found = inspections.filter(pl.col("result") != "clear").join(
        truth, on=["declaration_id", "line_no"], how="inner"
    )
    assert found.height > 0
    assert (inspections["result"] == "clear").sum() > found.height


def test_controlled_codes_are_the_catalogues(loaded: LoadedDataset) -> None:
    items = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["items"]
    codes = {item["id"]: set(item["hs_codes"] or []) for item in items}
    start = {item["id"]: dt.date.fromisoformat(str(item["effective_from"])) for item in items}
    every_code = set().union(*codes.values())
    for good in GOODS:
        if good.controlled:
            assert good.hs in codes[good.item], good.key
            assert good.effective == start[good.item], good.key
        else:
            assert good.hs not in every_code, good.key
    lines = loaded.frame("declarations")
    controlled = lines["hs_code"].is_in(sorted(every_code)).cast(pl.Float64).mean()
    assert isinstance(controlled, float) and 0.05 < controlled < 0.4


def test_same_seed_same_bytes(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=SEED)
    files = sorted(p.relative_to(world) for p in world.rglob("*.csv"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.csv"))
    for name in files:
        assert (world / name).read_bytes() == (again / name).read_bytes(), name


def test_knobs_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        Knobs(fraud_share=1.5)
