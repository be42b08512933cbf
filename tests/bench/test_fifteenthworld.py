"""The fifteenth world loads under the contract, labels every scheme and is reproducible."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from fifteenthworld import SCHEMES, Knobs, generate
from fifteenthworld.controls import catalogue
from fifteenthworld.goods import GOODS
from fifteenthworld.timeline import END, START
from orewatch.contract.loader import LoadedDataset, load_dataset
from orewatch.contract.schema import TABLES

LINES = 5_000
SEED = 5


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w15") / "world", lines=LINES, seed=SEED)


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
        world / "truth" / "lines_detail.csv", schema_overrides={"declaration_id": pl.String}
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
    assert 12 <= len(SCHEMES) <= 14
    declared = loaded.frame("declarations").select("declaration_id", "line_no")
    assert truth.join(declared, on=["declaration_id", "line_no"], how="anti").height == 0
    assert truth.select("declaration_id", "line_no").is_unique().all()
    assert 0.01 < truth.height / LINES < 0.04


def test_both_variants_of_every_scheme(detail: pl.DataFrame) -> None:
    variants = detail.group_by("scheme").agg(pl.col("variant").n_unique())
    assert variants.height == len(SCHEMES)
    assert (variants["variant"] == 2).all()


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
    cat = catalogue()
    for good in GOODS:
        if good.controlled:
            assert good.item is not None
            assert good.hs in cat.item(good.item).codes, good.key
        else:
            assert good.hs not in cat.all_codes, good.key
    lines = loaded.frame("declarations")
    controlled = lines["hs_code"].is_in(sorted(cat.all_codes)).cast(pl.Float64).mean()
    assert isinstance(controlled, float) and 0.05 < controlled < 0.4


def test_honest_licensed_trade_follows_the_controls(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    """Honest lines of a good under control cite a licence, and licences exist for them."""
    cat = catalogue()
    in_force = {g.hs: cat.item(g.item) for g in GOODS if g.item is not None}
    honest = loaded.frame("declarations").join(truth, on=["declaration_id", "line_no"], how="anti")
    unlicensed = [
        row
        for row in honest.filter(pl.col("license_no").is_null()).iter_rows(named=True)
        if row["hs_code"] in in_force
        and in_force[row["hs_code"]].in_force(row["declared_at"].date())
    ]
    assert not unlicensed
    assert loaded.frame("licenses").height > 0


def test_same_seed_same_bytes(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=SEED)
    files = sorted(p.relative_to(world) for p in world.rglob("*.csv"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.csv"))
    for name in files:
        assert (world / name).read_bytes() == (again / name).read_bytes(), name


def test_another_seed_another_world(world: Path, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", lines=LINES, seed=SEED + 1)
    for name in ("declarations.csv", "truth/lines.csv"):
        assert (world / name).read_bytes() != (other / name).read_bytes(), name


def test_knobs_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        Knobs(fraud_share=1.5)
    with pytest.raises(TypeError):
        generate(Path("unused"), lines=10, seed=1, fraud_rate=0.1)
