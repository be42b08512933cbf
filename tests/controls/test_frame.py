"""Vectorised screening agrees with the explaining path and scales."""

from __future__ import annotations

import time
from datetime import date, datetime

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from orewatch.controls import load_catalogue
from orewatch.controls.catalogue import Catalogue
from orewatch.controls.frame import RememberedControls


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue()


def test_columns_and_reference_rows(cat: Catalogue) -> None:
    frame = pl.DataFrame(
        {
            "hs_code": ["8112929010", "8112929010", "8112929010", "7208100000", "811292"],
            "declared_at": [
                date(2025, 3, 1),
                date(2026, 1, 1),
                date(2026, 12, 1),
                date(2025, 3, 1),
                date(2025, 3, 1),
            ],
            "destination_country": ["US", "US", "US", "US", "de"],
            "extra": [1, 2, 3, 4, 5],
        }
    )
    out = cat.evaluate_frame(frame)
    assert out.columns[:4] == ["hs_code", "declared_at", "destination_country", "extra"]
    assert out["extra"].to_list() == [1, 2, 3, 4, 5]
    assert out["prohibited_destination"].to_list() == [True, False, True, False, False]
    assert out["military_end_user_banned"].to_list() == [True, True, True, False, False]
    assert out["controlled"].to_list() == [True, True, True, False, True]
    assert out["match_kind"].to_list() == ["exact", "exact", "exact", None, "declared_prefix"]
    assert out["control_ids"][0].to_list() == ["CN-2023-23-GA-01"]
    assert out["control_ids"][3].to_list() == []
    assert set(out["control_elements"][4].to_list()) == {"gallium", "germanium"}
    assert out.schema["control_ids"] == pl.List(pl.String)


def test_datetime_and_string_dates(cat: Catalogue) -> None:
    frame = pl.DataFrame({"hs": ["8112929010"], "at": [datetime(2025, 3, 1, 23, 59)], "to": ["US"]})
    out = cat.evaluate_frame(frame, hs="hs", on="at", destination="to")
    assert out["prohibited_destination"][0]
    frame = pl.DataFrame({"hs": ["8112.92.90.10"], "at": ["2025-03-01T10:00"], "to": ["US"]})
    assert cat.evaluate_frame(frame, hs="hs", on="at", destination="to")["controlled"][0]


def test_items_and_rules_frames(cat: Catalogue) -> None:
    items = cat.items_frame()
    assert items.filter(pl.col("hs_code") == "2846901993").height == 7
    rules = cat.rules_frame()
    assert rules.filter(pl.col("rule_id") == "CN-2024-46-ART1")["control_id"].n_unique() > 60


def test_one_million_rows_in_seconds(cat: Catalogue) -> None:
    n = 1_000_000
    codes = ["8112929010", "2846901993", "28053019", "811292", "7208100000", "2931900032"]
    frame = pl.DataFrame(
        {
            "hs_code": [codes[i % len(codes)] for i in range(n)],
            "declared_at": pl.date_range(date(2023, 1, 1), date(2027, 12, 31), eager=True).sample(
                n, with_replacement=True, seed=1
            ),
            "destination_country": [("US", "JP", "DE", "VN")[i % 4] for i in range(n)],
        }
    )
    start = time.perf_counter()
    out = cat.evaluate_frame(frame)
    assert time.perf_counter() - start < 10
    assert out.height == n


def test_remembered_controls_answer_as_the_query_and_skip_it_when_seen(cat: Catalogue) -> None:
    """Each combination of code, day and destination is evaluated once; a round whose
    combinations were all seen gets the query's own answer without running it."""
    frame = pl.DataFrame(
        {
            "hs_code": ["8112929010", "7208100000", "811292", "8112929010"],
            "declared_at": [
                datetime(2025, 3, 1, 9),
                datetime(2025, 3, 1, 10),
                datetime(2025, 3, 1, 11),
                datetime(2026, 12, 1, 12),
            ],
            "destination_country": ["US", "US", "de", "US"],
            "extra": [1, 2, 3, 4],
        }
    )
    evaluated: list[int] = []

    def evaluate(lines: pl.DataFrame) -> pl.DataFrame:
        evaluated.append(lines.height)
        return cat.evaluate_query(lines).collect()

    remembered = RememberedControls()
    expected = cat.evaluate_query(frame).collect()
    assert_frame_equal(remembered(frame, evaluate), expected)
    # Five minutes later on the same days: the same combinations, answered from memory.
    later = frame.with_columns(pl.col("declared_at").dt.offset_by("5m"), extra=pl.lit(9))
    assert_frame_equal(remembered(later, evaluate), cat.evaluate_query(later).collect())
    part = later.slice(1, 2)
    assert_frame_equal(remembered(part, evaluate), cat.evaluate_query(part).collect())
    assert evaluated == [4]
    # One new combination: the query runs for the round.
    remembered(frame.with_columns(destination_country=pl.lit("JP")), evaluate)
    assert evaluated == [4, 4]
