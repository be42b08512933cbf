"""Licensing rules on hand-made lines: what a controlled line must state, and whose
licence it cites."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

import polars as pl
import pytest

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.licensing import licence_register, licensing_signals
from orewatch.screening.features import STATED_FIELDS, add_features, fit_baselines, raw_features

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]
Table = Callable[[str, list[dict[str, object]]], pl.DataFrame]
Codes = Callable[..., dict[int, set[str]]]

GALLIUM = {
    "hs_code": "8112929010",
    "description": "金属镓 gallium",
    "specification": "4N",
    "quantity": 100.0,
    "net_weight_kg": 100.0,
    "gross_weight_kg": 104.0,
    "value": 40000.0,
    "license_no": "GA-1",
    "consignee_name": "Gonsel Industries Co., Ltd.",
    "end_user_name": "Gonsel Industries Co., Ltd.",
    "end_use": "LED wafers",
}

LICENCE = {
    "license_no": "GA-1",
    "issued_at": date(2025, 1, 1),
    "valid_until": date(2025, 12, 31),
    "control_id": "CN-2023-23-GA-01",
    "hs_code": "8112929010",
    "quantity_kg": 10_000.0,
    "consignee_name": "Gonsel Ind. Co., Ltd.",
    "consignee_country": "JP",
    "end_user_name": "Gonsel Ind. Co., Ltd.",
}


@pytest.fixture
def codes(declarations: Build, contract_table: Table) -> Codes:
    """Licensing codes per line of ``rows``, against one licence held by their exporter."""

    def run(
        rows: Sequence[Mapping[str, object]],
        filled: frozenset[str] = frozenset(STATED_FIELDS),
        licensed: Mapping[str, object] = LICENCE,
    ) -> dict[int, set[str]]:
        frame = declarations(rows)
        lines = load_catalogue().evaluate_frame(add_features(frame))
        licence = {**licensed, "exporter_id": frame["exporter_id"][0]}
        items = load_catalogue().items_frame()
        register = licence_register(contract_table("licenses", [licence]), items)
        found: dict[int, set[str]] = {}
        signals = licensing_signals(lines, register, filled=filled).collect()
        for idx, code in signals.select("_idx", "code").iter_rows():
            found.setdefault(idx, set()).add(code)
        return found

    return run


def test_a_controlled_line_leaving_out_its_end_user_or_its_end_use_is_flagged(
    codes: Codes,
) -> None:
    found = codes(
        [
            GALLIUM,
            {**GALLIUM, "end_user_name": None},
            {**GALLIUM, "end_use": None},
            {**GALLIUM, "end_user_name": None, "end_use": None},
        ]
    )
    assert "CTRL_NO_END_USER" not in found.get(0, set())
    assert all("CTRL_NO_END_USER" in found[i] for i in (1, 2, 3))


def test_a_field_the_dataset_never_fills_is_not_asked_of_its_lines(codes: Codes) -> None:
    rows = [{**GALLIUM, "end_use": None}, {**GALLIUM, "end_user_name": None}]
    found = codes(rows, filled=frozenset({"end_user_name"}))
    assert "CTRL_NO_END_USER" not in found.get(0, set())  # the form has no end use
    assert "CTRL_NO_END_USER" in found[1]
    assert not any("CTRL_NO_END_USER" in c for c in codes(rows, filled=frozenset()).values())


def test_a_heading_that_may_hold_controlled_items_is_not_asked_for_an_end_user_twice(
    codes: Codes,
) -> None:
    """Under the six-digit heading 811292 a line may be gallium or not. Declared without a
    licence it is declared as the uncontrolled kind, which names no end user: that is
    LIC_MISSING_POSSIBLE, not CTRL_NO_END_USER as well. Citing a licence, it is declared
    as controlled and must say where it goes."""
    heading = {**GALLIUM, "hs_code": "811292", "end_user_name": None, "end_use": None}
    found = codes([{**heading, "license_no": None}, heading])
    assert "LIC_MISSING_POSSIBLE" in found[0]
    assert "CTRL_NO_END_USER" not in found[0]
    assert "CTRL_NO_END_USER" in found[1]


def test_the_fit_records_which_stated_fields_a_dataset_fills(declarations: Build) -> None:
    frame = declarations([{**GALLIUM, "end_use": None}] * 3)
    assert fit_baselines(raw_features(frame)).filled == frozenset({"end_user_name"})


def test_an_abbreviated_name_is_the_licensed_party_not_another(codes: Codes) -> None:
    found = codes([GALLIUM, {**GALLIUM, "consignee_name": "Gonsel Metals Co., Ltd."}])
    assert "LIC_WRONG_CONSIGNEE" not in found.get(0, set())
    assert "LIC_WRONG_END_USER" not in found.get(0, set())
    assert "LIC_WRONG_CONSIGNEE" in found[1]


def test_a_party_named_in_another_script_or_spelling_is_the_licensed_one(codes: Codes) -> None:
    """A licence drafted in Hong Kong characters; declarations in English spell the
    trade name in Cantonese (Tai Ka), pinyin (Tai Jia), or write it in simplified
    characters."""
    hong_kong = {
        **LICENCE,
        "consignee_name": "泰嘉貿易有限公司",
        "consignee_country": "HK",
        "end_user_name": "泰嘉貿易有限公司",
    }
    to_hong_kong = {**GALLIUM, "destination_country": "HK", "consignee_country": "HK"}
    found = codes(
        [
            {
                **to_hong_kong,
                "consignee_name": "TAI KA TRADING LIMITED",
                "end_user_name": "Tai Ka Trading Ltd",
            },
            {
                **to_hong_kong,
                "consignee_name": "泰嘉贸易有限公司",
                "end_user_name": "Tai Jia Trading Ltd",
            },
            {
                **to_hong_kong,
                "consignee_name": "Yam Wang Trading Limited",
                "end_user_name": "Yam Wang Trading Limited",
            },
        ],
        licensed=hong_kong,
    )
    assert not {"LIC_WRONG_CONSIGNEE", "LIC_WRONG_END_USER"} & found.get(0, set())
    assert not {"LIC_WRONG_CONSIGNEE", "LIC_WRONG_END_USER"} & found.get(1, set())
    assert {"LIC_WRONG_CONSIGNEE", "LIC_WRONG_END_USER"} <= found[2]  # 鑫宏, another company


def test_another_end_user_than_the_licensed_one_is_flagged(codes: Codes) -> None:
    found = codes([{**GALLIUM, "end_user_name": "Dunmarpol Industries Sdn. Bhd."}])
    assert "LIC_WRONG_END_USER" in found[0]


def test_a_draw_naming_no_end_user_on_a_licence_that_names_one_is_flagged(
    codes: Codes,
) -> None:
    found = codes([{**GALLIUM, "end_user_name": None}, GALLIUM])
    assert "LIC_END_USER_UNDECLARED" in found[0]
    assert "LIC_END_USER_UNDECLARED" not in found.get(1, set())
    # A dataset whose form has no end-user field is not asked for one.
    unasked = codes([{**GALLIUM, "end_user_name": None}], filled=frozenset({"end_use"}))
    assert "LIC_END_USER_UNDECLARED" not in unasked.get(0, set())


def test_a_stated_military_use_where_the_destination_bans_it_is_a_breach(codes: Codes) -> None:
    to_us = {**GALLIUM, "destination_country": "US", "consignee_country": "US"}
    found = codes(
        [
            {**to_us, "declared_at": datetime(2025, 3, 1), "end_use": "军用雷达"},
            {**to_us, "declared_at": datetime(2024, 11, 1), "end_use": "军用雷达"},
            {**to_us, "declared_at": datetime(2025, 3, 1), "end_user_name": "Apex Missile Works"},
            {**to_us, "declared_at": datetime(2025, 3, 1)},
        ]
    )
    assert "DEST_MILITARY_END_USE" in found[0]
    # Before No.46 took effect (2024-12-03) the same words break no ban.
    assert "DEST_MILITARY_END_USE" not in found[1] and "CTRL_MILITARY_END_USE" in found[1]
    assert "DEST_MILITARY_END_USE" in found[2]
    assert not {"DEST_MILITARY_END_USE", "CTRL_MILITARY_END_USE"} & found.get(3, set())


def test_a_military_use_elsewhere_asks_for_a_look_and_ordinary_goods_ask_nothing(
    codes: Codes,
) -> None:
    found = codes(
        [
            {**GALLIUM, "end_use": "defence electronics"},  # Japan before 2026-01-06
            {**GALLIUM, "end_use": "defence electronics", "declared_at": datetime(2026, 2, 1)},
            {"end_use": "defence electronics"},  # aluminium: not controlled
        ]
    )
    assert "CTRL_MILITARY_END_USE" in found[0] and "DEST_MILITARY_END_USE" not in found[0]
    assert "DEST_MILITARY_END_USE" in found[1]
    assert not {"DEST_MILITARY_END_USE", "CTRL_MILITARY_END_USE"} & found.get(2, set())


def test_a_code_banned_for_one_elements_items_is_judged_by_the_element_the_line_names(
    codes: Codes,
) -> None:
    """2931900032 holds organometallics of antimony (banned to the US from 2024-12-03),
    bismuth and indium: the line's words say which it carries."""
    organometallic = {
        **GALLIUM,
        "hs_code": "2931900032",
        "destination_country": "US",
        "consignee_country": "US",
        "declared_at": datetime(2025, 3, 1),
    }
    found = codes(
        [
            {**organometallic, "description": "三乙基铟 triethylindium"},
            {**organometallic, "description": "trimethylantimony 三甲基锑"},
            {**organometallic, "description": "organometallic compound"},
            {**organometallic, "description": "金属镓 gallium"},  # not what the code holds
        ]
    )
    assert "DEST_PROHIBITED" not in found.get(0, set())
    assert all("DEST_PROHIBITED" in found[i] for i in (1, 2, 3))


def test_an_unknown_licence_number_drawn_on_again_is_told_apart_from_its_first_use(
    codes: Codes,
) -> None:
    unknown = {**GALLIUM, "license_no": "GA-UNKNOWN-7"}
    found = codes(
        [
            {**unknown, "declared_at": datetime(2025, 3, 5)},
            {**unknown, "declared_at": datetime(2025, 3, 2)},  # the first to cite it
            {**unknown, "declared_at": datetime(2025, 3, 9)},
            {**GALLIUM, "license_no": "GA-UNKNOWN-8", "declared_at": datetime(2025, 3, 9)},
        ]
    )
    assert "LIC_NOT_FOUND" in found[1] and "LIC_NOT_FOUND_REUSED" not in found[1]
    assert all(
        "LIC_NOT_FOUND_REUSED" in found[i] and "LIC_NOT_FOUND" not in found[i] for i in (0, 2)
    )
    assert "LIC_NOT_FOUND" in found[3]


def test_a_licence_number_written_another_way_is_the_registered_one(codes: Codes) -> None:
    found = codes(
        [
            {**GALLIUM, "license_no": " ga-1 "},
            {**GALLIUM, "license_no": "ＧＡ－１"},  # full-width
            {**GALLIUM, "license_no": "GA 1"},
            {**GALLIUM, "license_no": "GA-11"},
        ]
    )
    assert all("LIC_NOT_FOUND" not in found.get(i, set()) for i in (0, 1, 2))
    assert "LIC_NOT_FOUND" in found[3]


def test_a_draw_made_before_the_licence_was_revoked_is_not_a_breach(codes: Codes) -> None:
    draws = [
        {**GALLIUM, "declared_at": datetime(2025, 3, 2)},
        {**GALLIUM, "declared_at": datetime(2025, 7, 2)},
    ]
    dated = codes(
        draws, licensed={**LICENCE, "status": "revoked", "status_since": date(2025, 6, 1)}
    )
    undated = codes(draws, licensed={**LICENCE, "status": "suspended"})
    assert "LIC_REVOKED" not in dated.get(0, set())
    assert "LIC_REVOKED" in dated[1]
    assert all("LIC_REVOKED" in undated[i] for i in (0, 1))


def test_a_licence_for_one_element_s_item_does_not_cover_another_s_under_a_shared_code(
    codes: Codes, declarations: Build, contract_table: Table
) -> None:
    """2846.90.28 holds every listed rare earth's compound: the words say which."""
    scandium = {
        **LICENCE,
        "control_id": "CN-2025-18-SC-C",
        "hs_code": "2846904910",
    }
    compound = {
        **GALLIUM,
        "hs_code": "2846902810",
        "specification": None,
        "declared_at": datetime(2025, 6, 2),
    }
    rows = [
        {**compound, "description": "镥化合物"},  # lutetium: not the licence's item
        {**compound, "description": "scandium compound"},
        {**compound, "description": "rare earth compound"},  # names no element: its code
    ]
    found = codes(rows, licensed=scandium)
    assert ["LIC_WRONG_ITEM" in found.get(i, set()) for i in range(3)] == [True, False, False]
    frame = declarations(rows[:1])
    lines = load_catalogue().evaluate_frame(add_features(frame))
    register = licence_register(
        contract_table("licenses", [{**scandium, "exporter_id": frame["exporter_id"][0]}]),
        load_catalogue().items_frame(),
    )
    said = licensing_signals(lines, register).collect().filter(pl.col("code") == "LIC_WRONG_ITEM")
    assert said["evidence"][0] == (
        "licence covers CN-2025-18-SC-C 2846904910, declared 2846902810 naming lutetium"
    )


def test_a_buyer_or_consignee_in_a_barred_country_is_found_behind_an_allowed_destination(
    declarations: Build,
) -> None:
    """Gallium may not go to the US from 2024-12-03 until the ban's suspension on
    2025-11-09; declaring Canada while the buyer or consignee is in the US gets round it."""
    to_canada = {
        **GALLIUM,
        "destination_country": "CA",
        "consignee_country": "CA",
        "trade_country": "CA",
        "declared_at": datetime(2025, 3, 1),
    }
    rows = [
        {**to_canada, "trade_country": "US"},
        {**to_canada, "consignee_country": "US"},
        {**to_canada, "destination_country": "US", "trade_country": "US"},  # plainly banned
        {**to_canada, "trade_country": "US", "declared_at": datetime(2026, 1, 15)},  # suspended
        {**to_canada, "trade_country": "US", "hs_code": "2931900032",
         "description": "三乙基铟 triethylindium"},  # indium may go to the US
        {**to_canada},
    ]  # fmt: skip
    catalogue = load_catalogue()
    lines = catalogue.evaluate_frame(add_features(declarations(rows)))
    signals = licensing_signals(lines, None, catalogue=catalogue).collect()
    buyer = signals.filter(pl.col("code") == "BUYER_COUNTRY_PROHIBITED").sort("_idx")
    assert buyer["_idx"].to_list() == [0, 1]
    assert buyer["evidence"].to_list() == [
        "CN-2023-23-GA-01 declared to CA; the trading counterparty is in US, where gallium "
        "may not go",
        "CN-2023-23-GA-01 declared to CA; the consignee is in US, where gallium may not go",
    ]
    assert signals.filter(pl.col("code") == "DEST_PROHIBITED")["_idx"].to_list() == [2]
    # Without the catalogue, only the declared destination is read.
    alone = licensing_signals(lines, None).collect()
    assert "BUYER_COUNTRY_PROHIBITED" not in alone["code"].to_list()
