"""Every table follows the data contract, with valid values."""

from __future__ import annotations

import re

import polars as pl
import pycountry
from world_support import World

from orewatch.contract import ids as contract_ids
from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import CLOSED_VOCABULARIES, TABLES, VOCABULARIES
from orewatch.world.ids import iso6346_check_digit

COUNTRIES = {c.alpha_2 for c in pycountry.countries}
CURRENCIES = {c.alpha_3 for c in pycountry.currencies}


def test_headers_are_the_contract_columns(world: World) -> None:
    for name, table in TABLES.items():
        assert world.table(name).columns == list(table.names), name


def test_required_columns_filled(world: World) -> None:
    for name, table in TABLES.items():
        frame = world.table(name)
        for col in table.required:
            assert frame[col].null_count() == 0, f"{name}.{col}"


def test_contract_loader_rejects_nothing(world: World) -> None:
    loaded = load_dataset(world.path)
    assert loaded.rejected.height == 0, loaded.rejected.head(5)
    assert loaded.tables["declarations"].rows_loaded == world.summary.lines


def test_typed_values(world: World) -> None:
    for name, table in TABLES.items():
        frame = world.table(name)
        for col in table.columns:
            values = frame[col.name].drop_nulls()
            if col.type == "country":
                assert set(values.unique()) <= COUNTRIES, f"{name}.{col.name}"
            elif col.type == "currency":
                assert set(values.unique()) <= CURRENCIES, f"{name}.{col.name}"
            elif col.type == "hs":
                assert values.str.contains(r"^\d{6,10}$").all(), f"{name}.{col.name}"
            elif col.type == "float":
                assert (values.cast(pl.Float64) >= 0).all(), f"{name}.{col.name}"
            elif col.type == "date":
                assert values.str.contains(r"^\d{4}-\d{2}-\d{2}$").all(), f"{name}.{col.name}"
            elif col.type == "period":
                assert values.str.contains(r"^\d{4}(-\d{2})?$").all(), f"{name}.{col.name}"


def test_closed_vocabularies(world: World) -> None:
    for (name, col), allowed in VOCABULARIES.items():
        values = set(world.table(name)[col].drop_nulls().unique())
        if (name, col) in CLOSED_VOCABULARIES:
            assert values <= allowed, f"{name}.{col}: {values - allowed}"


def test_declaration_key_unique(world: World) -> None:
    d = world.table("declarations")
    assert d.select("declaration_id", "line_no").is_duplicated().sum() == 0
    assert d["declaration_id"].str.contains(r"^\d{18}$").all()
    assert d["declared_at"].str.contains(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$").all()
    assert str(d["declared_at"].min()) >= "2023-01-01"
    assert str(d["declared_at"].max()) < "2026-11-01"


def test_weights_consistent(world: World) -> None:
    d = world.table("declarations").with_columns(
        pl.col("net_weight_kg").cast(pl.Float64), pl.col("gross_weight_kg").cast(pl.Float64)
    )
    assert (d["net_weight_kg"] > 0).all()
    assert (d["gross_weight_kg"] >= d["net_weight_kg"]).all()


def test_credit_codes_valid(world: World) -> None:
    d = world.table("declarations")
    for col in ("exporter_id", "declarant_id"):
        codes = d[col].unique().to_list()
        assert all(contract_ids.is_valid_uscc(c) for c in codes), col
    parties = world.table("parties")
    cn = parties.filter((pl.col("country") == "CN") & (pl.col("kind") == "company"))
    assert cn["registration_id"].null_count() == 0
    assert all(contract_ids.is_valid_uscc(c) for c in cn["registration_id"])
    # foreign registry numbers never look like credit codes
    foreign = parties.filter(pl.col("country") != "CN")["registration_id"].drop_nulls()
    assert not any(contract_ids.looks_like_uscc(c) for c in foreign)
    # division codes inside the credit codes are the region's
    assert all(re.match(r"^9[12]\d{6}", c) for c in codes)


def test_every_exporter_is_a_party(world: World) -> None:
    exporters = set(world.table("declarations")["exporter_id"].unique())
    registered = set(world.table("parties")["registration_id"].drop_nulls())
    assert exporters <= registered
    assert set(world.table("licenses")["exporter_id"]) <= registered


def test_containers_valid(world: World) -> None:
    d = world.table("declarations")
    sea = d.filter(pl.col("mode") == "sea")
    assert sea["container_ids"].null_count() == 0
    boxes = d["container_ids"].drop_nulls().str.split(";").explode().unique().to_list()
    assert boxes
    for box in boxes:
        assert re.match(r"^[A-Z]{3}U\d{7}$", box), box
        assert iso6346_check_digit(box[:10]) == int(box[10]), box
    assert (
        d.filter(pl.col("mode") == "air")["container_ids"].null_count()
        == d.filter(pl.col("mode") == "air").height
    )


def test_relations_and_facilities_refer_to_known_ids(world: World) -> None:
    parties = set(world.table("parties")["party_id"])
    rel = world.table("relations")
    assert set(rel["src_party_id"]) <= parties
    assert set(rel["dst_party_id"]) <= parties
    fac = world.table("facilities")
    registered = set(world.table("parties")["registration_id"].drop_nulls())
    assert set(fac["operator_id"]) <= registered
    mv = world.table("movements")
    assert set(mv["from_id"]) | set(mv["to_id"]) <= set(fac["facility_id"])
    assert mv["movement_id"].is_unique().all()
    prod = world.table("production")
    assert prod.select("facility_id", "period", "material").is_duplicated().sum() == 0


def test_inspections_refer_to_lines(world: World) -> None:
    d = world.table("declarations").select("declaration_id", "line_no")
    ins = world.table("inspections")
    assert ins.join(d, on=["declaration_id", "line_no"], how="anti").height == 0
    share = ins.height / d.height
    assert 0.01 < share < 0.1
