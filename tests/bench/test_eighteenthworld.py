"""The eighteenth world generator: a dataset under the contract, truth that matches it,
schemes and traps as designed, and knobs that refuse nonsense."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import polars as pl
import pytest

from eighteenthworld import SCHEMES, KnobError, Knobs, generate
from eighteenthworld.goods import CONTROLLED, ORDINARY
from orewatch.contract.loader import LoadedDataset, load_dataset
from orewatch.controls import Catalogue, load_catalogue

LINES = 5_000
MISDECLARED = (
    "structuring",
    "scrap_cover",
    "alloy_cover",
    "device_cover",
    "ree_mislabel",
    "concealment",
    "market_bundle",
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w18") / "world", lines=LINES, seed=11)


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small world whose legacy system inspects half of everything."""
    return generate(
        tmp_path_factory.mktemp("w18w") / "world", lines=2_000, seed=5, inspection_rate=0.5
    )


@pytest.fixture(scope="module")
def loaded(world: Path) -> LoadedDataset:
    return load_dataset(world)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def truth(world: Path) -> pl.DataFrame:
    return pl.read_csv(world / "truth" / "lines_detail.csv", infer_schema=False).with_columns(
        pl.col("line_no").cast(pl.Int64)
    )


def _evaluated(loaded: LoadedDataset, truth: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    lines = loaded.frame("declarations").join(
        truth.select("declaration_id", "line_no", "scheme"),
        on=["declaration_id", "line_no"],
        how="left",
    )
    return catalogue.evaluate_frame(
        lines.with_columns(pl.col("declared_at").dt.date().alias("d")), on="d"
    )


def _digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        sha.update(path.relative_to(root).as_posix().encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def test_world_loads_under_the_contract_with_nothing_rejected(loaded: LoadedDataset) -> None:
    assert loaded.rejected.height == 0
    assert set(loaded.tables) == {
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
    }
    assert loaded.frame("declarations").height == LINES
    assert all(t.rows_loaded > 0 for t in loaded.tables.values())


def test_formats_and_moments_vary_as_the_contract_allows(world: Path) -> None:
    formats = {p.name for p in world.iterdir() if p.is_file()}
    assert {
        "parties.parquet",
        "movements.parquet",
        "licenses.jsonl",
        "trade_stats.jsonl",
        "declarations.csv",
    } <= formats
    raw = pl.read_csv(world / "declarations.csv", infer_schema=False)
    moments = raw["declared_at"]
    assert moments.str.ends_with("Z").any() and moments.str.contains(r"\+08:00").any()
    assert (moments.str.len_chars() == 10).any()
    assert raw["line_no"].is_null().any()  # single-line e-commerce manifests omit it
    assert {"kg", "t", "g", "pcs", "set"} <= set(raw["unit"].unique())
    assert raw["currency"].n_unique() >= 4


def test_truth_lines_exist_in_declarations(
    world: Path, loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    lines = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    assert lines.columns == ["declaration_id", "line_no", "scheme"]
    keys = lines.with_columns(pl.col("line_no").cast(pl.Int64))
    assert keys.unique(["declaration_id", "line_no"]).height == keys.height
    declared = loaded.frame("declarations").select("declaration_id", "line_no")
    assert keys.join(declared, on=["declaration_id", "line_no"], how="anti").height == 0
    assert truth.height == lines.height
    assert 0.01 < lines.height / LINES < 0.04


def test_every_scheme_is_present_loud_and_faint(truth: pl.DataFrame) -> None:
    assert set(truth["scheme"]) == set(SCHEMES)
    assert len(SCHEMES) == 13
    assert set(truth["variant"]) == {"loud", "faint"}
    per = truth.group_by("scheme").len()
    assert per["len"].min() >= 3


def test_goods_follow_the_catalogue(catalogue: Catalogue) -> None:
    items = {i.id: i for i in catalogue.items}
    for good in CONTROLLED.values():
        assert good.hs in items[good.item].hs_codes, good.key
        assert items[good.item].element == good.element
    for good in ORDINARY.values():
        decision = catalogue.check(good.hs, "DE", items["CN-2025-18-DY-B"].effective_from)
        assert not decision.licence_required, good.key


def test_honest_lines_that_need_a_licence_cite_one(
    loaded: LoadedDataset, truth: pl.DataFrame, catalogue: Catalogue
) -> None:
    lines = _evaluated(loaded, truth, catalogue).filter(pl.col("scheme").is_null())
    full = lines.filter(pl.col("hs_code").str.len_chars() == 10)
    assert full.filter(pl.col("licence_required")).height > 100
    assert full.filter(pl.col("licence_required") & pl.col("license_no").is_null()).height == 0
    assert full.filter(pl.col("prohibited_destination")).height == 0


def test_disguised_lines_declare_ordinary_codes_for_controlled_goods(
    loaded: LoadedDataset, truth: pl.DataFrame, catalogue: Catalogue
) -> None:
    lines = _evaluated(loaded, truth, catalogue)
    hidden = lines.join(
        truth.select("declaration_id", "line_no", "variant", "true_hs"),
        on=["declaration_id", "line_no"],
    ).filter(
        pl.col("scheme").is_in(MISDECLARED)
        & ~((pl.col("scheme") == "structuring") & (pl.col("variant") == "loud"))
    )
    assert hidden.height > 0
    assert not hidden["controlled"].any()
    controlled_codes = {code for i in catalogue.items for code in i.hs_codes}
    assert set(hidden["true_hs"]) <= controlled_codes


def test_licence_draws_only_overrun_on_fraudulent_lines(
    loaded: LoadedDataset, truth: pl.DataFrame
) -> None:
    licences = loaded.frame("licenses").select("license_no", "quantity_kg")
    draws = (
        loaded.frame("declarations")
        .filter(pl.col("license_no").is_not_null())
        .join(licences, on="license_no")
        .sort("declared_at", "declaration_id", "line_no")
        .with_columns(pl.col("net_weight_kg").cum_sum().over("license_no").alias("drawn"))
        .join(
            truth.select("declaration_id", "line_no", "scheme"),
            on=["declaration_id", "line_no"],
            how="left",
        )
    )
    over = draws.filter(pl.col("drawn") > pl.col("quantity_kg") + 1e-6)
    assert over.height > 0
    assert over["scheme"].is_not_null().all()
    overdraw = draws.filter(pl.col("scheme") == "licence_overdraw")
    assert (overdraw["drawn"] > overdraw["quantity_kg"]).all()


def test_inspections_reference_real_lines_and_mostly_whole_declarations(
    loaded: LoadedDataset,
) -> None:
    ins = loaded.frame("inspections")
    lines = loaded.frame("declarations")
    assert ins.height > 0
    assert (
        ins.join(lines.select("declaration_id").unique(), on="declaration_id", how="anti").height
        == 0
    )
    named = ins.filter(pl.col("line_no").is_not_null())
    assert (
        named.join(
            lines.select("declaration_id", "line_no"), on=["declaration_id", "line_no"], how="anti"
        ).height
        == 0
    )
    sizes = lines.group_by("declaration_id").len()
    assert sizes.filter(pl.col("len") >= 10).height > 20
    multi = ins.join(sizes.filter(pl.col("len") > 1), on="declaration_id")
    assert multi["line_no"].is_null().mean() > 0.5  # type: ignore[operator]


def test_inspection_history_has_misses_housekeeping_and_method_limits(watched: Path) -> None:
    data = load_dataset(watched)
    ins = data.frame("inspections")
    truth = pl.read_csv(watched / "truth" / "lines_detail.csv", infer_schema=False)
    assert set(ins["result"]) <= {
        "clear",
        "misdeclared",
        "undervalued",
        "concealed",
        "unlicensed",
        "diverted",
    }
    assert (truth["inspected"] == "True").any() and (truth["found"] == "False").any()
    assert (
        ins.filter((pl.col("method") == "document") & (pl.col("result") == "concealed")).height == 0
    )
    fraud_decls = set(truth["declaration_id"])
    housekeeping = ins.filter(
        ~pl.col("declaration_id").is_in(list(fraud_decls)) & (pl.col("result") != "clear")
    )
    assert housekeeping.height > 0
    catalogue = load_catalogue()
    for code in housekeeping["found_hs_code"].drop_nulls():
        assert not catalogue.check(code, "DE", date(2025, 6, 1)).controlled


def test_rings_adapt_after_seizures(watched: Path) -> None:
    truth = pl.read_csv(watched / "truth" / "lines_detail.csv", infer_schema=False)
    lines = pl.read_csv(watched / "declarations.csv", infer_schema=False)
    habits = (
        truth.join(lines, on=["declaration_id", "line_no"])
        .group_by("ring", "phase")
        .agg(pl.col("exporter_id", "port", "declarant_id", "declared_hs").sort().first())
    )
    adapted = habits.filter(pl.col("phase") != "0")
    assert adapted.height > 0  # some rings were caught and carried on
    for ring in adapted["ring"].unique():
        phases = habits.filter(pl.col("ring") == ring).drop("ring", "phase")
        assert phases.unique().height > 1, ring  # port, broker, wording or front changed


def test_chain_balances_close_except_where_goods_leaked(world: Path, loaded: LoadedDataset) -> None:
    rows = loaded.frame("production").with_columns(
        (
            pl.col("opening_kg")
            + pl.col("received_kg")
            + pl.col("produced_kg")
            - pl.col("consumed_kg")
            - pl.col("shipped_kg")
            - pl.col("closing_kg")
        ).alias("gap")
    )
    leaks = pl.read_csv(world / "truth" / "facilities.csv", infer_schema=False).with_columns(
        pl.col("gap_kg").cast(pl.Float64)
    )
    gaps = rows.filter(pl.col("gap").abs() > 0.5)
    assert gaps.height > 0
    joined = gaps.join(leaks, on=["facility_id", "period", "material"], how="left")
    assert joined["gap_kg"].is_not_null().all()
    assert ((joined["gap"] - joined["gap_kg"]).abs() < 0.5).all()


def test_same_seed_same_bytes_other_seed_other_world(world: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", lines=LINES, seed=11)
    assert _digest(again) == _digest(world)
    other = generate(tmp_path / "other", lines=LINES, seed=12)
    assert _digest(other) != _digest(world)


@pytest.mark.parametrize(
    "knobs",
    [
        {"fraud_share": 0.0},
        {"fraud_share": -0.1},
        {"fraud_share": 0.9},
        {"fraud_share": float("nan")},
        {"faint_share": 1.5},
        {"inspection_rate": -0.01},
        {"find_rate": 2.0},
        {"honest_noise": float("inf")},
        {"inspection_bias": 0.0},
        {"legacy_skew": -1.0},
        {"fraud_share": "0.02"},
        {"no_such_knob": 1.0},
    ],
)
def test_knobs_refuse_nonsense(knobs: dict[str, object], tmp_path: Path) -> None:
    with pytest.raises(KnobError):
        generate(tmp_path / "bad", lines=LINES, seed=1, **knobs)  # type: ignore[arg-type]
    assert not (tmp_path / "bad").exists()


def test_line_count_is_checked_and_bench_knobs_exist(tmp_path: Path) -> None:
    with pytest.raises(KnobError):
        generate(tmp_path / "tiny", lines=10, seed=1)
    from bench_eighteenthworld import KNOBS

    defaults = Knobs()
    assert all(isinstance(getattr(defaults, k), float) for k in KNOBS)
    assert defaults.fraud_share == 0.02 and defaults.faint_share == 0.5
