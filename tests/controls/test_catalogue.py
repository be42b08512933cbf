"""The packaged catalogue: loads, is consistent, and answers the reference questions."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from orewatch.controls import CatalogueError, load_catalogue
from orewatch.controls.catalogue import Catalogue, packaged_path

GALLIUM = "8112929010"

HEADINGS = {  # element -> 4/6-digit headings its reference codes may sit under
    "gallium": ("811292", "811299", "2850", "3818", "3825", "2825", "2853", "2842"),
    "germanium": ("811292", "811299", "2853", "3818", "3825", "282560", "2827"),
    "antimony": ("2617", "8110", "282580", "2830", "2931", "2850", "2853"),
    "dysprosium": ("280530", "2846", "3824", "8486"),
    "terbium": ("280530", "2846", "3824", "8486"),
}


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def test_packaged_catalogue_loads_with_version_and_changes(cat: Catalogue) -> None:
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", cat.version)
    assert len(cat.items) == 99
    assert len(cat.changes) >= 10


def test_codes_are_8_or_10_digits_and_ids_unique(cat: Catalogue) -> None:
    ids = [i.id for i in cat.items] + [r.id for r in cat.rules]
    assert len(ids) == len(set(ids))
    for item in cat.items:
        for code in item.hs_codes:
            assert re.fullmatch(r"\d{8}|\d{10}", code), (item.id, code)


@pytest.mark.parametrize("element", sorted(HEADINGS))
def test_codes_sit_under_headings_of_their_element(cat: Catalogue, element: str) -> None:
    for item in cat.items:
        if item.element == element:
            for code in item.hs_codes:
                assert code.startswith(HEADINGS[element]), (item.id, code)


def test_element_matches_id(cat: Catalogue) -> None:
    tags = {"GA": "gallium", "GE": "germanium", "SB": "antimony", "GR": "graphite",
            "W": "tungsten", "TE": "tellurium", "BI": "bismuth", "MO": "molybdenum",
            "IN": "indium", "DY": "dysprosium", "TB": "terbium", "SM": "samarium",
            "SH": "superhard_materials", "LI": "lithium_battery"}  # fmt: skip
    for item in cat.items:
        tag = item.id.split("-")[3]
        if tag in tags:
            assert item.element == tags[tag], item.id


def test_technology_items_have_no_codes(cat: Catalogue) -> None:
    tech = [i for i in cat.items if i.kind == "technology"]
    assert tech and all(not i.hs_codes for i in tech)


def test_gallium_to_us_reference_answers(cat: Catalogue) -> None:
    d = cat.check(GALLIUM, "US", date(2025, 3, 1))
    assert d.controlled and d.licence_required and d.prohibited
    assert d.control_ids == ("CN-2023-23-GA-01",)
    assert d.items[0].match_kind == "exact"
    assert d.end_user_restrictions
    assert any("2023 No.23" in r for r in d.reasons)
    assert any("No.46 art.2" in r for r in d.reasons)

    d = cat.check(GALLIUM, "US", date(2026, 1, 1))
    assert d.controlled and d.licence_required and not d.prohibited
    assert d.end_user_restrictions  # art.1 still in force
    assert any("suspended 2025-11-09..2026-11-27" in c for c in d.caveats)

    d = cat.check(GALLIUM, "US", date(2026, 12, 1))
    assert d.prohibited
    assert any("not found" in c or "verify" in c for c in d.caveats)


def test_suspension_bounds_are_inclusive(cat: Catalogue) -> None:
    assert not cat.check(GALLIUM, "US", date(2025, 11, 9)).prohibited
    assert cat.check(GALLIUM, "US", date(2025, 11, 8)).prohibited
    assert not cat.check(GALLIUM, "US", date(2026, 11, 27)).prohibited
    assert cat.check(GALLIUM, "US", date(2026, 11, 28)).prohibited


def test_military_end_user_makes_it_prohibited(cat: Catalogue) -> None:
    d = cat.check(GALLIUM, "US", date(2026, 1, 1), end_user="US Army Research Laboratory")
    assert d.prohibited
    d = cat.check(GALLIUM, "US", date(2026, 1, 1), end_user="Acme LED Ltd")
    assert not d.prohibited


def test_art1_covers_items_listed_later(cat: Catalogue) -> None:
    apt = cat.check("2841801000", "US", date(2025, 3, 1))
    assert apt.controlled and apt.end_user_restrictions and not apt.prohibited
    before = cat.check("2841801000", "US", date(2025, 2, 3))
    assert not before.controlled and not before.end_user_restrictions


def test_japan_rule_from_2026_01_06(cat: Catalogue) -> None:
    assert not cat.check("2846901500", "JP", date(2026, 1, 5)).end_user_restrictions
    d = cat.check("2846901500", "JP", date(2026, 1, 6))
    assert d.controlled and d.end_user_restrictions and not d.prohibited
    assert cat.check("2846901500", "JP", date(2026, 1, 6), end_use="defence radar").prohibited


def test_shared_codes_return_every_item(cat: Catalogue) -> None:
    d = cat.check("2931900032", "DE", date(2025, 6, 1))
    assert {m.element for m in d.items} == {"antimony", "bismuth", "indium"}
    d = cat.check("2846901993", "DE", date(2025, 6, 1))
    assert len(d.items) == 7


def test_suspended_items_are_caveated_not_controlled(cat: Catalogue) -> None:
    d = cat.check("71051020", "DE", date(2026, 1, 1))
    assert not d.controlled
    assert any("2025-11-07..2026-11-10" in c and "not in force" in c for c in d.caveats)
    after = cat.check("71051020", "DE", date(2026, 11, 11))
    assert after.controlled
    assert any("verify" in c for c in after.caveats)


def test_general_licence_never_blocks(cat: Catalogue) -> None:
    d = cat.check("2846901500", "DE", date(2026, 2, 1))
    assert d.licence_required and not d.prohibited
    assert any(r.kind == "general_licence" for r in d.rules)


def _write(tmp_path: Path, mutate: object) -> Path:
    raw = yaml.safe_load(packaged_path().read_text(encoding="utf-8"))
    mutate(raw)  # type: ignore[operator]
    target = tmp_path / "cat.yaml"
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return target


def test_bad_code_error_names_item_and_field(tmp_path: Path) -> None:
    def bad(raw: dict) -> None:  # type: ignore[type-arg]
        raw["items"][0]["hs_codes"][0] = "8112.92"

    with pytest.raises(CatalogueError, match=r"CN-2023-23-GA-01 field 'hs_codes'"):
        load_catalogue(_write(tmp_path, bad))


def test_bad_date_error_names_rule_and_field(tmp_path: Path) -> None:
    def bad(raw: dict) -> None:  # type: ignore[type-arg]
        raw["rules"][0]["effective_from"] = "2024-13-03"

    with pytest.raises(CatalogueError, match=r"CN-2024-46-ART1 field 'effective_from'"):
        load_catalogue(_write(tmp_path, bad))


def test_unknown_rule_scope_is_an_error(tmp_path: Path) -> None:
    def bad(raw: dict) -> None:  # type: ignore[type-arg]
        raw["rules"][1]["applies_to"] = {"elements": ["galium"]}

    with pytest.raises(CatalogueError, match="galium"):
        load_catalogue(_write(tmp_path, bad))


def test_new_announcement_is_a_data_change(tmp_path: Path) -> None:
    def add(raw: dict) -> None:  # type: ignore[type-arg]
        item = dict(raw["items"][0])
        item.update(id="CN-2027-1-XX-01", element="hafnium", hs_codes=["8112310000"],
                    effective_from="2027-03-01", announcement="MOFCOM/GAC 2027 No.1")  # fmt: skip
        raw["items"].append(item)

    cat = load_catalogue(_write(tmp_path, add))
    d = cat.check("8112310000", "US", date(2027, 3, 1))
    assert d.controlled and d.end_user_restrictions  # art.1 covers it automatically
    assert not cat.check("8112310000", "US", date(2027, 2, 28)).controlled
