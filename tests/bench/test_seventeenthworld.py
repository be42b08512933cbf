"""The seventeenth world: it loads under the contract, its truth and tables hang together,
its goods follow the control catalogue, it is deterministic, and its knobs refuse nonsense."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from orewatch.contract.loader import LoadedDataset, load_dataset
from orewatch.controls.catalogue import load_catalogue
from seventeenthworld import SCHEMES, KnobError, Knobs, generate
from seventeenthworld import goods as world_goods

LINES = 5_000
TABLES = (
    "declarations",
    "licenses",
    "parties",
    "relations",
    "facilities",
    "movements",
    "production",
    "inspections",
    "trade_stats",
    "prices",
    "watchlist",
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w17") / "world", lines=LINES, seed=7)


@pytest.fixture(scope="module")
def loaded(world: Path) -> LoadedDataset:
    return load_dataset(world)


@pytest.fixture(scope="module")
def detail(world: Path) -> pl.DataFrame:
    return pl.read_csv(world / "truth" / "lines_detail.csv", infer_schema=False)


def digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_loads_without_rejections(loaded: LoadedDataset) -> None:
    assert loaded.rejected.height == 0, loaded.rejected.head(10)
    assert loaded.unknown_files == (loaded.root / "truth",)


def test_every_table_written_and_filled(loaded: LoadedDataset) -> None:
    assert set(loaded.tables) == set(TABLES)
    for name, table in loaded.tables.items():
        assert table.rows_loaded > 0, name
    decl = loaded.tables["declarations"]
    assert decl.format == "csv"
    assert 0.9 * LINES <= decl.rows_loaded <= 1.1 * LINES
    assert sum(t.format != "csv" for t in loaded.tables.values()) >= 2


def test_formats_and_moments(world: Path) -> None:
    assert (world / "parties.parquet").exists() and (world / "prices.jsonl").exists()
    raw = pl.read_csv(world / "declarations.csv", infer_schema=False)
    moments = raw["declared_at"]
    assert moments.str.contains(r"^\d{4}-\d{2}-\d{2}$").any()  # plain dates
    assert moments.str.contains(r"[+-]\d{2}:\d{2}$").any()  # with a zone offset
    assert raw["mode"].n_unique() == 7
    assert raw["currency"].n_unique() >= 5
    assert set(raw["unit"].unique()) >= {"kg", "t", "pcs"}


def test_truth_labels_declared_lines_of_every_scheme(loaded: LoadedDataset, world: Path) -> None:
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert truth.columns == ["declaration_id", "line_no", "scheme"]
    decl = loaded.frame("declarations").select("declaration_id", pl.col("line_no").cast(pl.String))
    assert truth.join(decl, on=["declaration_id", "line_no"], how="anti").height == 0
    assert set(truth["scheme"].unique()) == set(SCHEMES)
    assert 0.01 * LINES <= truth.height <= 0.04 * LINES


def test_both_variants_of_each_scheme(detail: pl.DataFrame) -> None:
    pairs = set(detail.select("scheme", "variant").unique().iter_rows())
    assert pairs == {(s, v) for s in SCHEMES for v in ("loud", "faint")}
    assert {"family", "exporter_id", "true_hs_code"} <= set(detail.columns)


def test_nothing_in_the_dataset_names_the_truth(world: Path) -> None:
    for name in TABLES:
        path = next(world.glob(f"{name}.*"))
        text = path.read_bytes()
        for scheme in SCHEMES:
            assert scheme.encode() not in text, (name, scheme)
        assert b"loud" not in text and b"faint" not in text, name


def test_inspections_span_the_period_and_find_some_fraud(
    loaded: LoadedDataset, detail: pl.DataFrame
) -> None:
    insp = loaded.frame("inspections")
    assert 0.02 * LINES <= insp.height <= 0.05 * LINES
    assert insp["inspected_at"].min() <= date(2024, 9, 1)  # type: ignore[operator]
    assert insp["inspected_at"].max() >= date(2026, 4, 30)  # type: ignore[operator]
    keyed = insp.filter(pl.col("line_no").is_not_null()).select(
        "declaration_id", pl.col("line_no").cast(pl.String), "result"
    )
    on_fraud = keyed.join(detail, on=["declaration_id", "line_no"])
    assert on_fraud.filter(pl.col("result") != "clear").height > 0
    assert on_fraud.filter(pl.col("result") == "clear").height > 0  # checks miss some
    honest = keyed.join(detail, on=["declaration_id", "line_no"], how="anti")
    assert honest.filter(pl.col("result") != "clear").height > 0  # housekeeping finds
    assert set(insp["result"].unique()) <= {
        "clear",
        "misdeclared",
        "undervalued",
        "concealed",
        "unlicensed",
        "diverted",
    }


def test_goods_follow_the_catalogue(loaded: LoadedDataset, detail: pl.DataFrame) -> None:
    catalogue = load_catalogue()
    by_id = {item.id: item for item in catalogue.items}
    listed = {code for item in catalogue.items for code in item.hs_codes}
    months = [date(2024 + (6 + k) // 12, (6 + k) % 12 + 1, 15) for k in range(24)]
    for product in world_goods.PRODUCTS:
        if product.kind in ("C", "S"):
            item = by_id[product.control]
            assert any(product.hs.startswith(code) for code in item.hs_codes), product.key
        if product.kind == "C":
            assert world_goods.CONTROL_DATES[product.control] == item.effective_from.isoformat()
        if product.kind in ("S", "L", "O"):  # never controlled in the window
            items = [
                i for i in catalogue.items if any(product.hs.startswith(c) for c in i.hs_codes)
            ]
            assert not any(i.in_force(m) for i in items for m in months), product.key
    # every smuggled line carries goods controlled on its day
    decl = loaded.frame("declarations").select(
        "declaration_id", pl.col("line_no").cast(pl.String), "declared_at"
    )
    lines = detail.join(decl, on=["declaration_id", "line_no"])
    for code, when in lines.select("true_hs_code", "declared_at").iter_rows():
        items = [i for i in catalogue.items if any(code.startswith(c) for c in i.hs_codes)]
        assert any(i.in_force(when.date()) for i in items), (code, when)
    # honest licences cite catalogue items and codes
    lic = loaded.frame("licenses")
    assert lic["control_id"].drop_nulls().is_in(list(by_id)).all()
    assert lic["hs_code"].drop_nulls().is_in(sorted(listed)).all()


def test_same_seed_same_bytes_other_seed_other_world(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=7)
    assert digest(again) == digest(world)
    other = generate(tmp_path / "other", lines=LINES, seed=8)
    assert digest(other)["declarations.csv"] != digest(world)["declarations.csv"]


@pytest.mark.parametrize(
    "knobs",
    [
        {"fraud_share": -0.01},
        {"fraud_share": 0.9},
        {"inspection_rate": 1.5},
        {"find_rate": float("nan")},
        {"honest_noise": "a lot"},
        {"inspection_bias": True},
        {"faint_share": 2},
    ],
)
def test_knobs_reject_nonsense(knobs: dict[str, object]) -> None:
    with pytest.raises(KnobError, match=next(iter(knobs))):
        Knobs(**knobs)  # type: ignore[arg-type]


def test_generate_rejects_nonsense(tmp_path: Path) -> None:
    with pytest.raises(KnobError, match="lines"):
        generate(tmp_path / "w", lines=10, seed=1)
    with pytest.raises(KnobError, match="unknown knob"):
        generate(tmp_path / "w", lines=LINES, seed=1, fraud_rate=0.1)
    with pytest.raises(KnobError, match="seed"):
        generate(tmp_path / "w", lines=LINES, seed=-3)
