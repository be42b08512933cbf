"""Controlled items named by the words where the code is silent (magnets under 8505.11)."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

import polars as pl

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.licensing import licence_register, licensing_signals
from orewatch.screening.features import add_features
from orewatch.screening.named_items import NAMED_IN_WORDS, with_named_items

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]
Table = Callable[[str, list[dict[str, object]]], pl.DataFrame]

MAGNET = {
    "hs_code": "8505111000",
    "description": "钕铁硼磁铁",
    "specification": "N35",
    "declared_at": datetime(2025, 6, 2),
    "destination_country": "DE",
    "value": 6000.0,
}


def controls(declarations: Build, rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    catalogue = load_catalogue()
    return with_named_items(catalogue.evaluate_frame(add_features(declarations(rows))), catalogue)


def test_a_magnet_whose_words_name_terbium_or_samarium_carries_their_item(
    declarations: Build,
) -> None:
    lines = controls(
        declarations,
        [
            {**MAGNET, "description": "含铽钕铁硼磁体", "specification": "N52SH 晶界扩散铽"},
            {**MAGNET, "description": "samarium-cobalt magnets", "destination_country": "US"},
            MAGNET,
            {**MAGNET, "specification": "N35 不含镝铽"},
            {**MAGNET, "description": "Dy-free NdFeB magnet"},
            {**MAGNET, "description": "含铽钕铁硼磁体", "declared_at": datetime(2025, 3, 1)},
        ],
    )
    assert lines["control_ids"].to_list() == [
        ["CN-2025-18-TB-A"],
        ["CN-2025-18-SM-A"],
        [],
        [],
        [],
        [],  # before 2025 No.18 took effect
    ]
    assert lines["match_kind"][0] == NAMED_IN_WORDS
    assert lines["controlled"].to_list() == [True, True, False, False, False, False]
    # The US military end-user ban covers the samarium item it now carries.
    assert lines["military_end_user_banned"].to_list()[:2] == [False, True]


def test_a_tungsten_heavy_alloy_named_under_another_code_carries_its_item(
    declarations: Build,
) -> None:
    carbide = {
        "hs_code": "8209002900",
        "description": "硬质合金刀片",
        "specification": "碳化钨 WC-Co",
        "declared_at": datetime(2025, 6, 2),
        "destination_country": "DE",
        "value": 6000.0,
    }
    lines = controls(
        declarations,
        [
            carbide,
            {**carbide, "specification": "实为 钨镍铁合金"},
            {**carbide, "description": "tungsten heavy alloy bars", "hs_code": "8101999090"},
            {**carbide, "description": "W-Ni-Cu alloy plates", "hs_code": "8101999090"},
            {**carbide, "specification": "实为 钨镍铁合金", "declared_at": datetime(2025, 1, 6)},
        ],
    )
    heavy = ["CN-2025-10-W-06"]
    # Cemented carbide names tungsten and "合金" but no heavy alloy: not the item.
    assert lines["control_ids"].to_list() == [[], heavy, heavy, heavy, []]
    assert lines["match_kind"].to_list()[1:4] == [NAMED_IN_WORDS] * 3


def test_a_line_whose_code_names_an_item_keeps_the_code_s_answer(declarations: Build) -> None:
    gallium = {
        "hs_code": "8112929010",
        "description": "金属镓 磁体",
        "declared_at": datetime(2025, 6, 2),
    }
    lines = controls(declarations, [gallium])
    assert lines["control_ids"][0].to_list() == ["CN-2023-23-GA-01"]
    assert lines["match_kind"][0] == "exact"


def test_a_named_magnet_needs_a_licence_and_one_for_its_item_is_the_right_one(
    declarations: Build, contract_table: Table
) -> None:
    terbium = {**MAGNET, "description": "含铽钕铁硼磁体", "consignee_name": "Buyer Co., Ltd."}
    lines = controls(declarations, [terbium, {**terbium, "license_no": "TB-1"}])
    licence = {
        "license_no": "TB-1",
        "issued_at": date(2025, 5, 1),
        "valid_until": date(2026, 4, 30),
        "exporter_id": lines["exporter_id"][0],
        "control_id": "CN-2025-18-TB-A",
        "quantity_kg": 10_000.0,
        "consignee_name": "Buyer Co., Ltd.",
        "consignee_country": "JP",
    }
    register = licence_register(contract_table("licenses", [licence]))
    signals = licensing_signals(lines, register).collect()
    codes = {(i, c) for i, c in signals.select("_idx", "code").iter_rows()}
    assert (0, "LIC_MISSING") in codes
    assert not any(i == 1 and c in {"LIC_MISSING", "LIC_WRONG_ITEM"} for i, c in codes)
    evidence = signals.filter(pl.col("code") == "LIC_MISSING")["evidence"][0]
    assert "named in the goods' words" in evidence
