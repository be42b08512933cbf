"""The truth folder: consistent with the tables and with the configured scheme shares."""

from __future__ import annotations

import polars as pl
from world_support import SMALL_LINES, World

from orewatch.world.generate import WorldConfig
from orewatch.world.truth import (
    LINE_SCHEMES,
    ROLES,
    SCHEMES,
    TRUTH_FACILITIES_COLUMNS,
    TRUTH_LINES_COLUMNS,
    TRUTH_PARTIES_COLUMNS,
    TRUTH_ROUTES_COLUMNS,
)


def test_truth_columns(world: World) -> None:
    assert world.truth("lines").columns == list(TRUTH_LINES_COLUMNS)
    assert world.truth("parties").columns == list(TRUTH_PARTIES_COLUMNS)
    assert world.truth("facilities").columns == list(TRUTH_FACILITIES_COLUMNS)
    assert world.truth("routes").columns == list(TRUTH_ROUTES_COLUMNS)
    assert world.truth("schemes")["scheme"].to_list() == list(SCHEMES)


def test_every_truth_line_exists(world: World) -> None:
    lines = world.truth("lines")
    d = world.table("declarations").select("declaration_id", "line_no")
    assert lines.join(d, on=["declaration_id", "line_no"], how="anti").height == 0
    assert set(lines["scheme"]) <= set(LINE_SCHEMES)
    assert lines.is_duplicated().sum() == 0


def test_scheme_shares_near_configured(world: World) -> None:
    targets = WorldConfig(seed=11, lines=SMALL_LINES).targets()
    counts = dict(world.truth("lines").group_by("scheme").len().iter_rows())
    for scheme, target in targets.items():
        got = counts.get(scheme, 0)
        assert 0.7 * target <= got <= 1.3 * target + 2, (scheme, got, target)
    fraudulent = world.truth("lines").select("declaration_id", "line_no").unique().height
    assert 0.01 <= fraudulent / SMALL_LINES <= 0.03


def test_truth_parties_exist(world: World) -> None:
    tp = world.truth("parties")
    assert set(tp["party_id"]) <= set(world.table("parties")["party_id"])
    assert set(tp["role"]) <= set(ROLES)
    assert {"broker", "shell", "front_consignee", "end_user", "sender"} <= set(tp["role"])


def test_truth_facilities_exist_in_production(world: World) -> None:
    tf = world.truth("facilities")
    assert tf.height > 0
    assert (tf["scheme"] == "production_leak").all()
    prod = world.table("production").select("facility_id", "period", "material")
    assert tf.join(prod, on=["facility_id", "period", "material"], how="anti").height == 0
    assert (tf["gap_kg"].cast(pl.Float64) > 0).all()


def test_truth_routes(world: World) -> None:
    routes = world.truth("routes")
    assert routes.height > 0
    assert routes["hs_code"].str.contains(r"^\d{6}$").all()
    assert set(routes["country"]) <= {"VN", "TH", "MY", "KZ", "AE", "TR", "IN", "MX"}


def test_shells_are_young_and_share_contacts(world: World) -> None:
    tp = world.truth("parties")
    shells = tp.filter(pl.col("role") == "shell")["party_id"]
    parties = world.table("parties").filter(pl.col("party_id").is_in(shells.implode()))
    assert str(parties["incorporated_at"].min()) >= "2021-01-01"
    # shells of one network share phones: fewer distinct phones than shells
    assert parties["phone"].n_unique() < parties.height
