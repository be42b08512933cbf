"""The nineteenth world (the land frontier): a dataset the contract's loader takes whole,
truth that matches it, schemes whose loud and faint variants leave the traces designed,
honest traps that stay honest, an inspection history with its designed biases, and knobs
that refuse nonsense."""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from nineteenthworld import SCHEMES, KnobError, Knobs, generate
from nineteenthworld.geo import fx
from nineteenthworld.goods import STEEL_DENSITY, bar_kg
from orewatch.contract.loader import load_dataset

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT.parent / "shared" / "data" / "controls" / "china-export-controls.yaml"
LINES = 4000
NUMBERS = ("quantity", "net_weight_kg", "gross_weight_kg", "value")


# --- worlds ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w19") / "world", lines=LINES, seed=7)


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("w19twin") / "world", lines=LINES, seed=7)


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Much fraud, a fifth of all declarations inspected, every method at full strength:
    enough inspections to see the history's biases."""
    return generate(
        tmp_path_factory.mktemp("w19busy") / "world",
        lines=8000,
        seed=11,
        fraud_share=0.2,
        inspection_rate=0.2,
        find_rate=1.0,
    )


@pytest.fixture(scope="module")
def markets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mostly border residents' trade, inspected at the usual rate."""
    return generate(
        tmp_path_factory.mktemp("w19markets") / "world", lines=5000, seed=13, resident_share=0.9
    )


@pytest.fixture(scope="module")
def faint_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(
        tmp_path_factory.mktemp("w19faint") / "world",
        lines=1500,
        seed=5,
        fraud_share=0.05,
        faint_share=1.0,
    )


def declarations(root: Path) -> pl.DataFrame:
    frame = pl.read_csv(root / "declarations.csv", infer_schema_length=0)
    return frame.with_columns(
        pl.col("line_no").cast(pl.Int64),
        *(pl.col(c).cast(pl.Float64) for c in NUMBERS),
        pl.col("declared_at").str.slice(0, 10).str.to_date().alias("day"),
    )


def detail(root: Path) -> pl.DataFrame:
    frame = pl.read_csv(root / "truth" / "lines_detail.csv", infer_schema_length=0)
    return frame.with_columns(
        pl.col("line_no").cast(pl.Int64),
        *(
            pl.col(c).cast(pl.Float64)
            for c in ("declared_kg", "true_kg", "declared_value_cny", "true_value_cny")
        ),
    )


def with_cny(frame: pl.DataFrame) -> pl.DataFrame:
    """The declared value in CNY, per kilogram too."""
    rates = [fx(c, d) for c, d in zip(frame["currency"], frame["day"], strict=True)]
    cny = frame["value"] * pl.Series(rates)
    return frame.with_columns(cny.alias("cny"), (cny / frame["net_weight_kg"]).alias("cny_kg"))


@pytest.fixture(scope="module")
def decl(world: Path) -> pl.DataFrame:
    return declarations(world)


@pytest.fixture(scope="module")
def truth(world: Path) -> pl.DataFrame:
    return detail(world)


@pytest.fixture(scope="module")
def joined(decl: pl.DataFrame, truth: pl.DataFrame) -> pl.DataFrame:
    keys = ["declaration_id", "line_no"]
    return with_cny(decl).join(truth.drop("port", "mode"), on=keys, how="left")


# --- the dataset under the contract -----------------------------------------------------


def test_dataset_loads_whole_under_the_contract(world: Path) -> None:
    loaded = load_dataset(world)
    assert loaded.rejected.height == 0, loaded.rejected.head(5)
    expected = {
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
    assert set(loaded.tables) == expected
    for table in loaded.tables.values():
        assert table.rows_read == table.rows_loaded > 0, table.name
    assert loaded.tables["declarations"].rows_loaded == LINES
    assert [p.name for p in loaded.unknown_files] == ["truth"]


def test_formats_and_clock_stamps_vary(world: Path, decl: pl.DataFrame) -> None:
    formats = {t.format for t in load_dataset(world).tables.values()}
    assert formats == {"csv", "jsonl", "parquet"}
    assert (world / "movements.csv.gz").exists() and (world / "trade_stats.csv.gz").exists()
    stamps = decl["declared_at"]
    assert stamps.str.ends_with("+06:00").any(), "Xinjiang-time stamps"
    assert stamps.str.contains(r"^\d{4}-\d{2}-\d{2} \d").any(), "space-separated times"
    assert stamps.str.contains(r"^\d{4}-\d{2}-\d{2}$").any(), "dates without time"
    assert set(decl["mode"]) >= {"rail", "road", "passenger"}
    assert set(decl["currency"]) >= {"CNY", "USD", "RUB", "KZT", "EUR"}
    land = decl.filter(pl.col("mode").is_in(["rail", "road", "passenger"])).height
    assert land / decl.height > 0.97


# --- truth ------------------------------------------------------------------------------


def test_every_scheme_appears_loud_and_faint(truth: pl.DataFrame) -> None:
    seen = truth.group_by("scheme").agg(pl.col("variant").unique().sort())
    variants = {row["scheme"]: tuple(row["variant"]) for row in seen.iter_rows(named=True)}
    assert set(variants) == set(SCHEMES)
    assert len(SCHEMES) == 12
    for scheme, pair in variants.items():
        assert pair == ("faint", "loud"), scheme


def test_truth_lines_exist_with_their_declared_codes(
    world: Path, joined: pl.DataFrame, truth: pl.DataFrame
) -> None:
    keys = ["declaration_id", "line_no"]
    lines = pl.read_csv(world / "truth" / "lines.csv", infer_schema_length=0).with_columns(
        pl.col("line_no").cast(pl.Int64)
    )
    assert lines.columns == ["declaration_id", "line_no", "scheme"]
    assert lines.sort(keys).equals(truth.select(*keys, "scheme").sort(keys))
    assert lines.select(keys).is_duplicated().sum() == 0
    found = joined.filter(pl.col("scheme").is_not_null())
    assert found.height == truth.height
    assert (found["hs_code"] == found["declared_hs"]).all()
    assert (found["net_weight_kg"] == found["declared_kg"]).all()
    share = truth.height / LINES
    assert 0.015 <= share <= 0.03


def test_same_seed_gives_the_same_bytes(world: Path, twin: Path) -> None:
    files = sorted(p.relative_to(world) for p in world.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(twin) for p in twin.rglob("*") if p.is_file())
    for name in files:
        assert (world / name).read_bytes() == (twin / name).read_bytes(), name


def test_another_seed_gives_another_world(world: Path, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", lines=1000, seed=8)
    mine = generate(tmp_path / "mine", lines=1000, seed=7)
    assert (other / "declarations.csv").read_bytes() != (mine / "declarations.csv").read_bytes()
    assert (other / "truth" / "lines.csv").read_bytes() != (
        mine / "truth" / "lines.csv"
    ).read_bytes()


def test_truth_parties_exist_and_world_is_described(world: Path) -> None:
    parties = pl.read_parquet(world / "parties.parquet")
    roles = pl.read_csv(world / "truth" / "parties.csv", infer_schema_length=0)
    assert roles.columns == ["party_id", "scheme", "ring", "role"]
    assert set(roles["party_id"]) <= set(parties["party_id"])
    assert set(roles["scheme"]) == set(SCHEMES)
    assert {"shell_consignee", "listed_front", "resident_front", "mule_exporter", "payer"} <= set(
        roles["role"]
    )
    meta = json.loads((world / "truth" / "world.json").read_text(encoding="utf-8"))
    assert meta["generator"] == "nineteenthworld"
    assert meta["lines"] == LINES and meta["seed"] == 7
    assert meta["knobs"] == Knobs().as_dict()


def test_a_world_without_fraud_has_empty_truth(tmp_path: Path) -> None:
    root = generate(tmp_path / "clean", lines=800, seed=2, fraud_share=0.0)
    assert pl.read_csv(root / "truth" / "lines.csv").height == 0
    assert pl.read_csv(root / "truth" / "parties.csv").height == 0
    assert declarations(root).height == 800
    assert load_dataset(root).rejected.height == 0


# --- knobs ------------------------------------------------------------------------------


NONSENSE: tuple[dict[str, object], ...] = (
    {"fraud_share": -0.01},
    {"fraud_share": 0.7},
    {"faint_share": 1.5},
    {"inspection_rate": -1.0},
    {"find_rate": 2.0},
    {"honest_noise": float("nan")},
    {"resident_share": float("inf")},
    {"rush_factor": 0.5},
    {"rush_factor": 50.0},
    {"faint_share": "half"},
)


def test_knobs_refuse_nonsense() -> None:
    for knobs in NONSENSE:
        with pytest.raises(KnobError, match=next(iter(knobs))):
            Knobs(**knobs)  # type: ignore[arg-type]
    assert Knobs(fraud_share=0.0, faint_share=1.0, rush_factor=1.0).rush_factor == 1.0


def test_generate_refuses_unknown_knobs_and_bad_sizes(tmp_path: Path) -> None:
    with pytest.raises(KnobError, match="unknown knob"):
        generate(tmp_path / "x", lines=1000, seed=1, fraud_rate=0.1)
    with pytest.raises(KnobError, match="at least"):
        generate(tmp_path / "x", lines=10, seed=1)
    with pytest.raises(KnobError, match="seed"):
        generate(tmp_path / "x", lines=1000, seed="one")  # type: ignore[arg-type]
    assert not (tmp_path / "x").exists()


def test_bench_script_offers_every_knob() -> None:
    source = (ROOT / "bench" / "bench_nineteenthworld.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    knobs = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "KNOBS"
    )
    names = tuple(ast.literal_eval(knobs))
    assert names == tuple(Knobs().as_dict())
    doc = ast.get_docstring(tree) or ""
    assert "Usage:" in doc
    for name in names:
        assert "--" + name.replace("_", "-") in doc


# --- honest traps -----------------------------------------------------------------------


def test_honest_traps_exist_and_stay_honest(world: Path, truth: pl.DataFrame) -> None:
    traps = pl.read_csv(world / "truth" / "traps.csv", infer_schema_length=0)
    kinds = set(traps["traps"].str.split(";").explode())
    assert kinds >= {
        "heavy_lot",
        "luxury_price",
        "new_commodity",
        "pre_control_rush",
        "hub_consignee",
        "shared_ftz_address",
        "multi_script_name",
        "uncontrolled_lookalike",
        "resident_cooperative",
        "near_cap",
        "exotic_currency",
        "xinjiang_time",
        "inland_customs",
        "bonded_reexport",
        "processing_trade",
        "wagon_pieces",
        "watchlist_lookalike",
        "noise:hs_slip",
        "noise:price_outlier",
    }
    keys = ["declaration_id", "line_no"]
    trapped = traps.with_columns(pl.col("line_no").cast(pl.Int64)).select(keys)
    assert trapped.join(truth.select(keys), on=keys).height == 0


def test_honest_controlled_goods_carry_licences(joined: pl.DataFrame) -> None:
    """Every honest line under a control in force (as the catalogue says, suspensions
    included) cites a licence; lines under a suspended control cite none."""
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    rules = []
    for item in catalogue["items"]:
        for code in item["hs_codes"]:
            suspended = item.get("suspended_from"), item.get("suspended_until")
            rules.append(
                (
                    str(code),
                    dt.date.fromisoformat(str(item["effective_from"])),
                    *(dt.date.fromisoformat(str(s)) if s else None for s in suspended),
                )
            )

    def state(hs: str, day: dt.date) -> str:
        for code, effective, s_from, s_until in rules:
            if hs.startswith(code) and day >= effective:
                if s_from and s_until and s_from <= day <= s_until:
                    return "suspended"
                return "controlled"
        return "free"

    honest = joined.filter(pl.col("scheme").is_null())
    states = [state(h, d) for h, d in zip(honest["hs_code"], honest["day"], strict=True)]
    honest = honest.with_columns(pl.Series("state", states))
    controlled = honest.filter(pl.col("state") == "controlled")
    assert controlled.height > 50
    assert controlled["license_no"].null_count() == 0
    suspended = honest.filter(pl.col("state") == "suspended")
    assert suspended["license_no"].null_count() == suspended.height


def test_residents_stay_under_their_daily_cap(joined: pl.DataFrame) -> None:
    residents = joined.filter(~pl.col("exporter_id").str.slice(0, 2).is_in(["91", "92", "93"]))
    assert residents.height > 500
    daily = residents.group_by("exporter_id", "day").agg(pl.col("cny").sum())
    assert daily["cny"].max() < 8000 * 1.001
    assert residents["declarant_id"].str.starts_with("93").mean() > 0.7  # cooperatives lodge


def test_goods_rush_out_before_a_control_takes_effect(joined: pl.DataFrame, busy: Path) -> None:
    effective_on = {
        "8110101000": dt.date(2024, 9, 15),
        "2841801000": dt.date(2025, 2, 4),
        "8101991001": dt.date(2025, 2, 4),
        "8106101091": dt.date(2025, 2, 4),
        "2849902000": dt.date(2025, 2, 4),
        "2846901500": dt.date(2025, 4, 4),
        "2846901600": dt.date(2025, 4, 4),
    }
    both = pl.concat(
        [
            joined.select("scheme", "hs_code", "day"),
            declarations(busy)
            .join(
                detail(busy).select("declaration_id", "line_no", "scheme"),
                on=["declaration_id", "line_no"],
                how="left",
            )
            .select("scheme", "hs_code", "day"),
        ]
    )
    honest = both.filter(pl.col("scheme").is_null() & pl.col("hs_code").is_in(list(effective_on)))
    rush = calm = calm_days = 0
    for hs, effective in effective_on.items():
        days = honest.filter(pl.col("hs_code") == hs)["day"].to_list()
        rush += sum(1 for d in days if 0 < (effective - d).days <= 42)
        calm += sum(1 for d in days if (effective - d).days > 42)
        calm_days += (effective - dt.date(2024, 1, 1)).days - 42
    assert rush / (42 * len(effective_on)) > 1.4 * calm / calm_days


# --- schemes: what the loud and the faint leave -------------------------------------------


def _against_market(world: Path, joined: pl.DataFrame, scheme: str, material: str) -> dict:
    """Median declared value per kg against the domestic market price of ``material``,
    by variant."""
    prices = pl.read_parquet(world / "prices.parquet").filter(
        (pl.col("material") == material) & (pl.col("market") == "CN")
    )
    per_kg = prices.with_columns(
        pl.when(pl.col("unit") == "t").then(pl.col("price") / 1000).otherwise(pl.col("price"))
    )["price"].median()
    lines = joined.filter(pl.col("scheme") == scheme)
    out = lines.group_by("variant").agg((pl.col("cny_kg") / per_kg).median().alias("r"))
    return dict(out.iter_rows())


def test_misdeclared_values_loud_and_faint(world: Path, joined: pl.DataFrame) -> None:
    lead = _against_market(world, joined, "antimony_as_lead", "lead:alloy")
    assert lead["loud"] > 3 and lead["faint"] < 1.8
    pigment = _against_market(world, joined, "ree_as_pigment", "pigment:ceramic")
    assert pigment["loud"] > 10 and pigment["faint"] < 3
    hop = joined.filter(pl.col("scheme") == "port_hopping")
    # silicon or aluminium is worth 10 to 25 CNY a kilogram; germanium and gallium far more
    assert hop.filter(pl.col("variant") == "loud")["cny_kg"].min() > 35
    assert hop.filter(pl.col("variant") == "faint")["cny_kg"].max() < 35
    shaved = joined.filter(pl.col("scheme") == "rail_value_shaving")
    ratio = shaved["declared_value_cny"] / shaved["true_value_cny"]
    shaved = shaved.with_columns(ratio.alias("ratio"))
    loud = shaved.filter(pl.col("variant") == "loud")["ratio"]
    faint = shaved.filter(pl.col("variant") == "faint")["ratio"]
    assert loud.max() < 0.5 and faint.min() > 0.6 and faint.max() < 0.9


def test_residents_structuring_loud_near_cap_faint_cheap(joined: pl.DataFrame) -> None:
    lines = joined.filter(pl.col("scheme") == "resident_structuring")
    loud = lines.filter(pl.col("variant") == "loud")
    faint = lines.filter(pl.col("variant") == "faint")
    assert loud["cny"].min() > 7400 and loud["cny"].max() < 8000
    assert faint["cny"].median() < 2000
    # loud residents go in batches: several on one day at one port
    batch = loud.group_by("day", "port").len()["len"].max()
    assert batch is not None and batch >= 3
    assert faint.group_by("day", "port").len()["len"].max() <= 2


def test_weights_betray_hidden_metal(joined: pl.DataFrame) -> None:
    dense = joined.filter(pl.col("scheme") == "dense_cargo").with_columns(
        (pl.col("gross_weight_kg") / pl.col("net_weight_kg")).alias("gn"),
        (pl.col("net_weight_kg") / pl.col("quantity")).alias("per_piece"),
    )
    honest_piece = (
        joined.filter(pl.col("scheme").is_null() & (pl.col("unit") == "pcs"))
        .group_by("hs_code")
        .agg((pl.col("net_weight_kg") / pl.col("quantity")).median().alias("norm"))
    )
    dense = dense.join(honest_piece, on="hs_code")
    loud = dense.filter(pl.col("variant") == "loud")
    faint = dense.filter(pl.col("variant") == "faint")
    assert loud["gn"].min() > 1.4
    assert faint["gn"].max() < 1.3
    assert (faint["per_piece"] / faint["norm"]).min() > 1.3
    zinc = joined.filter(pl.col("scheme") == "germanium_in_zinc").with_columns(
        (pl.col("gross_weight_kg") - pl.col("net_weight_kg")).alias("extra")
    )
    extra = dict(zinc.group_by("variant").agg(pl.col("extra").median()).iter_rows())
    assert extra["loud"] > 2 * extra["faint"] > 0
    # Tungsten bars as steel: both variants give dimensions, and each piece weighs over
    # twice a steel bar of that size.
    lines = joined.filter(pl.col("scheme") == "tungsten_as_steel")
    honest = joined.filter(
        pl.col("scheme").is_null()
        & pl.col("hs_code").is_in(["7228300000", "7326909000"])
        & (pl.col("unit") == "pcs")
        & pl.col("specification").is_not_null()
    )
    assert lines.height and honest.height

    def ratios(frame: pl.DataFrame) -> list[float]:
        out = []
        for spec, kg, pieces in frame.select("specification", "net_weight_kg", "quantity").rows():
            d, length = map(int, re.search(r"Φ(\d+)×(\d+)mm", spec).groups())  # type: ignore[union-attr]
            out.append(kg / pieces / bar_kg(d, length, STEEL_DENSITY))
        return out

    assert min(ratios(lines)) > 2.0
    assert max(ratios(honest)) < 1.3  # steel, give or take a rounded weight
    assert set(lines["variant"]) == {"loud", "faint"}


def test_transit_consignees_lead_to_listed_fronts(world: Path, truth: pl.DataFrame) -> None:
    parties = pl.read_parquet(world / "parties.parquet")
    relations = pl.read_csv(world / "relations.csv", infer_schema_length=0)
    watch = pl.read_ndjson(world / "watchlist.jsonl")
    roles = pl.read_csv(world / "truth" / "parties.csv", infer_schema_length=0)
    phone = dict(zip(parties["party_id"], parties["phone"], strict=True))
    address = dict(zip(parties["party_id"], parties["address"], strict=True))
    listed_phones = {phone[p] for p in roles.filter(pl.col("role") == "listed_front")["party_id"]}
    listed_addresses = set(watch["address"].drop_nulls())
    directors = defaultdict(set)
    for src, dst, rel in relations.select("src_party_id", "dst_party_id", "relation").rows():
        if rel == "director":
            directors[src].add(dst)
    transit = roles.filter(pl.col("scheme") == "transit_kz_kg")
    ring_variant = dict(truth.select("ring", "variant").unique().rows())
    for ring, group in transit.group_by("ring"):
        shell = group.filter(pl.col("role") == "shell_consignee")["party_id"][0]
        if ring_variant[ring[0]] == "loud":
            assert phone[shell] in listed_phones
        else:
            assert phone[shell] not in listed_phones
            director = group.filter(pl.col("role") == "director")["party_id"][0]
            companies = directors[director] - {shell}
            assert any(address[c] in listed_addresses for c in companies)


def test_port_hopping_moves_only_after_a_seizure(world: Path, truth: pl.DataFrame) -> None:
    found = pl.read_csv(world / "inspections.csv", infer_schema_length=0).filter(
        pl.col("result") != "clear"
    )
    seized = set(found["declaration_id"])
    rings = truth.filter(pl.col("scheme") == "port_hopping").sort("declared_on")
    moves = 0
    for _, ring in rings.group_by("ring"):
        rows = ring.sort("declared_on").select("declaration_id", "port", "declared_on").rows()
        for (decl_a, port_a, _), (_, port_b, _) in itertools.pairwise(rows):
            if port_b != port_a:
                moves += 1
                assert decl_a in seized
    assert moves >= 1


def test_overdrawn_licences_are_overdrawn(
    world: Path, decl: pl.DataFrame, truth: pl.DataFrame
) -> None:
    licences = pl.read_ndjson(world / "licenses.jsonl")
    quantity = dict(zip(licences["license_no"], licences["quantity_kg"], strict=True))
    until = dict(zip(licences["license_no"], licences["valid_until"], strict=True))
    country = dict(zip(licences["license_no"], licences["consignee_country"], strict=True))
    keys = ["declaration_id", "line_no"]
    lines = decl.join(
        truth.filter(pl.col("scheme") == "licence_overdraw").select(*keys, "variant"), on=keys
    )
    assert lines["license_no"].null_count() == 0
    drawn = decl.group_by("license_no").agg(pl.col("net_weight_kg").sum())
    total = dict(drawn.rows())
    for number, day, to in lines.select("license_no", "day", "consignee_country").rows():
        over = total[number] > quantity[number]
        late = day > dt.date.fromisoformat(until[number])
        assert over or late or to != country[number], number
    over = {
        v: max(total[n] / quantity[n] for n in g["license_no"])
        for (v,), g in lines.group_by("variant")
    }
    assert over["loud"] > 1.4 and 1.0 < over["faint"] < 1.5


def test_producer_balances_close_but_for_loud_diversions(world: Path, faint_only: Path) -> None:
    def gaps(root: Path) -> pl.DataFrame:
        production = pl.read_parquet(root / "production.parquet")
        gap = (
            pl.col("opening_kg")
            + pl.col("received_kg")
            + pl.col("produced_kg")
            - pl.col("consumed_kg")
            - pl.col("shipped_kg")
            - pl.col("closing_kg")
        )
        return production.with_columns(gap.alias("gap"))

    mine = gaps(world)
    assert mine["gap"].min() > -0.5
    assert (mine["gap"] > 1).sum() > 0, "loud diversions leave producers' books open"
    assert (gaps(faint_only)["gap"].abs() < 0.5).all(), "faint ones move goods on paper"
    movements = pl.read_csv(world / "movements.csv.gz", infer_schema_length=0).with_columns(
        pl.col("quantity_kg").cast(pl.Float64), pl.col("moved_at").str.slice(0, 7).alias("period")
    )
    out = movements.group_by(pl.col("from_id").alias("facility_id"), "period", "material").agg(
        pl.col("quantity_kg").sum().alias("moved")
    )
    check = mine.join(out, on=["facility_id", "period", "material"], how="left").with_columns(
        pl.col("moved").fill_null(0.0)
    )
    assert ((check["shipped_kg"] - check["moved"]).abs() < 1).all()
    # A faint scheme's exporter receives the controlled material by a recorded movement
    # though it declares only ordinary goods.
    movements = pl.read_csv(faint_only / "movements.csv.gz", infer_schema_length=0)
    roles = pl.read_csv(faint_only / "truth" / "parties.csv", infer_schema_length=0)
    fed = roles.filter(
        pl.col("scheme").is_in(
            ["ree_as_pigment", "graphite_mules", "dense_cargo", "germanium_in_zinc"]
        )
        & pl.col("role").is_in(["exporter", "mule_exporter"])
    )
    received = movements.filter(pl.col("to_id").is_in(fed["party_id"].implode()))
    assert set(received["to_id"]) == set(fed["party_id"])
    assert received["material"].str.contains(":").all()


# --- the inspection history -------------------------------------------------------------


@pytest.fixture(scope="module")
def busy_lines(busy: Path) -> pl.DataFrame:
    lines = declarations(busy)
    inspected = pl.read_csv(busy / "inspections.csv", infer_schema_length=0)
    keys = ["declaration_id", "line_no"]
    truth = detail(busy).select(*keys, "scheme", "variant", "found", "true_hs")
    return lines.with_columns(
        pl.col("declaration_id").is_in(inspected["declaration_id"].implode()).alias("inspected")
    ).join(truth, on=keys, how="left")


def test_inspections_favour_southern_roads_over_trains(busy_lines: pl.DataFrame) -> None:
    decls = busy_lines.unique("declaration_id")
    south = decls.filter(
        pl.col("port").is_in(["CNRLI", "CNWDG", "CNHKO", "CNMHN", "CNPXG", "CNDXG"])
        & (pl.col("mode") == "road")
    )
    trains = decls.filter((pl.col("mode") == "rail") & pl.col("container_ids").is_not_null())
    assert south["inspected"].mean() > 2 * trains["inspected"].mean()  # type: ignore[operator]
    companies = decls.filter(pl.col("exporter_id").str.slice(0, 2).is_in(["91", "92", "93"]))
    residents = decls.filter(~pl.col("exporter_id").str.slice(0, 2).is_in(["91", "92", "93"]))
    road = companies.filter(pl.col("mode") == "road")
    assert residents["inspected"].mean() < road["inspected"].mean()  # type: ignore[operator]


def test_residents_are_inspected_in_campaign_weeks(markets: Path) -> None:
    """Residents' declarations are checked in a few campaign weeks a year at each market,
    so the inspected ones bunch in a few (market, week) cells."""
    lines = declarations(markets)
    inspected = pl.read_csv(markets / "inspections.csv", infer_schema_length=0)
    decls = lines.unique("declaration_id").with_columns(
        pl.col("declaration_id").is_in(inspected["declaration_id"].implode()).alias("inspected")
    )
    residents = decls.filter(~pl.col("exporter_id").str.slice(0, 2).is_in(["91", "92", "93"]))
    week = pl.col("day").dt.strftime("%G-%V")
    hit = residents.filter(pl.col("inspected")).group_by("port", week).len()
    assert hit["len"].sum() > 40
    # spread evenly over some 900 market-weeks, hardly any two would share one
    assert hit.filter(pl.col("len") >= 2)["len"].sum() > 0.4 * hit["len"].sum()


def test_faint_lines_are_found_less_often(busy_lines: pl.DataFrame) -> None:
    fraud = busy_lines.filter(pl.col("scheme").is_not_null() & pl.col("inspected"))
    rate = dict(
        fraud.group_by("variant").agg((pl.col("found") == "true").mean().alias("r")).iter_rows()
    )
    assert rate["faint"] < 0.85 * rate["loud"]
    missed = fraud.filter(pl.col("found") == "false")
    assert missed.height > 0, "inspections miss some fraud"


def test_findings_match_the_truth(busy: Path, busy_lines: pl.DataFrame) -> None:
    found = pl.read_csv(busy / "inspections.csv", infer_schema_length=0)
    results = {"clear", "misdeclared", "concealed", "unlicensed", "undervalued", "diverted"}
    assert {"clear", "misdeclared", "unlicensed", "undervalued"} <= set(found["result"]) <= results
    assert found["line_no"].null_count() > 0, "some findings name no line"
    lines = busy_lines.with_columns(pl.col("line_no").cast(pl.String))
    named = found.filter(pl.col("line_no").is_not_null()).join(
        lines, on=["declaration_id", "line_no"]
    )
    fraud = named.filter(pl.col("scheme").is_not_null() & pl.col("found_hs_code").is_not_null())
    assert fraud.height > 0
    assert (fraud["found_hs_code"] == fraud["true_hs"]).all()
    honest = named.filter(pl.col("scheme").is_null() & (pl.col("result") != "clear"))
    assert honest.height > 0, "housekeeping finds on honest lines"
    assert set(honest["result"]) <= {"misdeclared", "undervalued"}
    traps = pl.read_csv(busy / "truth" / "traps.csv", infer_schema_length=0)
    noisy = traps.filter(pl.col("traps").str.contains("noise:|housekeeping_find"))
    keyed = set(zip(noisy["declaration_id"], noisy["line_no"], strict=True))
    assert all(k in keyed for k in zip(honest["declaration_id"], honest["line_no"], strict=True))


def test_mirror_statistics_see_what_really_left(world: Path, truth: pl.DataFrame) -> None:
    stats = pl.read_csv(world / "trade_stats.csv.gz", infer_schema_length=0)
    assert set(stats["flow"]) == {"export", "import", "re_export"}
    exports = stats.filter(pl.col("flow") == "export")
    assert (exports["reporter"] == "CN").all()
    assert stats.filter((pl.col("flow") == "re_export") & (pl.col("partner") == "US")).height > 0
    hidden = set(truth.filter(pl.col("result") == "concealed")["true_hs"].str.slice(0, 6))
    mirrored = set(stats.filter(pl.col("flow") == "import")["hs_code"])
    assert hidden <= mirrored
    assert all(math.isfinite(float(v)) for v in stats["value_usd"])
