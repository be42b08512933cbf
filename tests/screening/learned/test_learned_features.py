"""Labels from the contract's inspections; rule signals as columns; words."""

from datetime import date

import polars as pl

from orewatch.screening.learned.features import (
    credit_whole_finds,
    labels_from_inspections,
    share_whole_finds,
    signal_columns,
    words,
)


def test_labels_by_line_and_whole_declaration() -> None:
    lines = pl.DataFrame(
        {"_idx": [0, 1, 2, 3], "declaration_id": ["D1", "D1", "D2", "D3"], "line_no": [1, 2, 1, 1]}
    ).with_columns(pl.col("_idx").cast(pl.UInt32))
    inspections = pl.DataFrame(
        {
            "declaration_id": ["D1", "D2", "D2"],
            "line_no": [2, None, 1],
            "inspected_at": [date(2025, 1, 2), date(2025, 1, 3), date(2025, 1, 9)],
            "result": ["Undervalued", "clear", "concealed"],
        }
    )
    out = labels_from_inspections(lines, inspections)
    assert out.rows() == [
        (1, 1, date(2025, 1, 2), True, False),
        (2, 1, date(2025, 1, 3), True, False),  # its line's own record found it
    ]


def test_a_whole_declaration_find_is_credited_to_its_most_suspicious_lines() -> None:
    lines = pl.DataFrame(
        {
            "_idx": [0, 1, 2, 3, 4, 5],
            "declaration_id": ["D1", "D1", "D1", "D2", "D2", "D3"],
            "line_no": [1, 2, 3, 1, 2, 1],
        }
    ).with_columns(pl.col("_idx").cast(pl.UInt32))
    inspections = pl.DataFrame(
        {
            "declaration_id": ["D1", "D2", "D3"],
            "line_no": [None, None, None],
            "inspected_at": [date(2025, 1, 2)] * 3,
            "result": ["concealed", "misdeclared", "clear"],
        },
        schema_overrides={"line_no": pl.Int64},
    )
    labels = labels_from_inspections(lines, inspections)
    assert labels["whole_find"].to_list() == [True] * 5 + [False]
    scored = pl.DataFrame(
        {"_idx": [0, 1, 2, 3, 4, 5], "rule_score": [0.0, 40.0, 40.0, 0.0, 0.0, 30.0]}
    ).with_columns(pl.col("_idx").cast(pl.UInt32))
    credited = credit_whole_finds(labels, lines, scored)
    # D1: its two 40-point lines; D2: nothing raised, so both stay found; D3 was clear.
    assert credited.select("_idx", "label").rows() == [(1, 1), (2, 1), (3, 1), (4, 1), (5, 0)]
    assert "whole_find" not in credited.columns
    # The weights: one find shared by the likeliest lines, the rest inspected, none found.
    shared = share_whole_finds(labels, lines, scored)
    assert shared.select("_idx", "label").rows() == [
        (0, 0.0),
        (1, 0.5),
        (2, 0.5),
        (3, 0.5),
        (4, 0.5),
        (5, 0.0),
    ]
    assert "whole_find" not in shared.columns


def test_labels_say_whether_a_check_saw_the_goods() -> None:
    """Only a stated document check is papers alone; an unnamed method may have looked."""
    lines = pl.DataFrame(
        {"_idx": [0, 1, 2, 3], "declaration_id": ["D1", "D2", "D3", "D4"], "line_no": [1] * 4}
    ).with_columns(pl.col("_idx").cast(pl.UInt32))
    inspections = pl.DataFrame(
        {
            "declaration_id": ["D1", "D2", "D2", "D3", "D4"],
            "line_no": [1, 1, 1, 1, 1],
            "inspected_at": [date(2025, 1, 2)] * 5,
            "method": ["Document ", "document", "physical", None, "scan"],
            "result": ["clear"] * 5,
        }
    )
    out = labels_from_inspections(lines, inspections)
    assert out.select("_idx", "saw_goods").rows() == [(0, False), (1, True), (2, True), (3, True)]


def test_inspections_loaded_without_line_no_label_the_whole_declaration() -> None:
    """The loader used to default a missing inspection line to 1, so a dataset whose
    inspections name only declarations labelled the first line of each and no other."""
    from orewatch.contract.schema import INSPECTIONS
    from orewatch.contract.tables import judge

    raw = pl.DataFrame(
        {
            "_row": [1, 2],
            "declaration_id": ["D1", "D2"],
            "inspected_at": ["2025-01-02", "2025-01-03"],
            "result": ["misdeclared", "clear"],
        }
    )
    inspections = judge(raw, INSPECTIONS).frame
    lines = pl.DataFrame(
        {"_idx": [0, 1, 2], "declaration_id": ["D1", "D1", "D2"], "line_no": [1, 2, 1]}
    ).with_columns(pl.col("_idx").cast(pl.UInt32))
    out = labels_from_inspections(lines, inspections)
    assert out.select("_idx", "label").rows() == [(0, 1), (1, 1), (2, 0)]


def test_signals_pivot_to_zero_one_columns() -> None:
    signals = pl.DataFrame({"_idx": [0, 0, 2], "code": ["A", "B", "A"], "evidence": ["", "", ""]})
    out = signal_columns(signals, pl.Series("_idx", [0, 1, 2], dtype=pl.UInt32)).sort("_idx")
    assert out["sig_A"].to_list() == [1, 0, 1]
    assert out["sig_B"].to_list() == [1, 0, 0]


def test_words() -> None:
    assert words("hit_rate:exporter_id×hs4") == "exporter id × hs4 hit rate"
    assert words("sig_UNIT_VALUE_LOW") == "rule UNIT_VALUE_LOW"
    assert words("unit_value_z") == "unit value z"


def test_context_shares_describe_the_line_among_its_exporters_and_declarations() -> None:
    from orewatch.screening.learned.features import context_columns

    lines = pl.DataFrame(
        {
            "_idx": [0, 1, 2, 3],
            "exporter_id": ["E", "E", "E", "F"],
            "consignee_name": ["C", "C", "D", "C"],
            "declaration_id": ["D1", "D1", "D2", "D3"],
            "hs4": ["7601", "7601", "2825", "2825"],
            "hs2": ["76", "76", "28", "28"],
            "controlled": [False, True, True, False],
        }
    )
    out = lines.with_columns(context_columns(lines))
    assert out["exporter_chapter_share"].to_list() == [2 / 3, 2 / 3, 1 / 3, 1.0]
    assert out["declaration_chapter_share"].to_list() == [1.0, 1.0, 1.0, 1.0]
    assert out["declaration_lines"].to_list() == [2, 2, 1, 1]
    assert out["pair_controlled_share"].to_list() == [0.5, 0.5, 1.0, 0.0]
    assert context_columns(lines.select("_idx")) == []
