from datetime import date, datetime, timedelta
from itertools import pairwise

import polars as pl
import pytest

from orewatch.contract.schema import INSPECTIONS
from orewatch.evaluation.feedback import (
    WRONG_FINDING,
    find_probabilities,
    inspect_lines,
    period_starts,
)
from orewatch.screening.learned.features import labels_from_inspections
from orewatch.world.inspections import DETECT


def picked(n: int) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "declaration_id": [f"D{i}" for i in range(n)],
            "line_no": [1] * n,
            "declared_at": [datetime(2025, 1, 1, 9) + timedelta(hours=i) for i in range(n)],
        }
    )


def test_periods_cut_the_later_lines_into_equal_parts() -> None:
    times = pl.Series([datetime(2024, 1, 1) + timedelta(days=i) for i in range(100)])
    bounds = period_starts(times, history_share=0.6, periods=4)
    assert len(bounds) == 5
    counts = [int(((times >= a) & (times < b)).sum()) for a, b in pairwise(bounds)]
    assert counts == [10, 10, 10, 10]
    assert int((times < bounds[0]).sum()) == 60


def test_periods_reject_an_empty_history_or_no_period() -> None:
    times = pl.Series([datetime(2024, 1, 1)])
    with pytest.raises(ValueError):
        period_starts(times, history_share=0.0, periods=2)
    with pytest.raises(ValueError):
        period_starts(times, history_share=0.5, periods=0)


def test_find_probabilities_are_the_simulators_for_the_method() -> None:
    table = find_probabilities("physical")
    by = dict(zip(table["scheme"], table["p_find"], strict=True))
    assert by == {scheme: p[2] for scheme, p in DETECT.items()}


def test_a_sure_find_is_found_and_honest_lines_are_mostly_clear() -> None:
    lines = picked(2000)
    # licence_missing is found by a physical check 95 % of the time; no line is honest.
    truth = lines.select("declaration_id", "line_no").with_columns(
        pl.lit("licence_missing").alias("scheme")
    )
    found = inspect_lines(lines, truth, "physical", 0)
    assert found.columns == list(INSPECTIONS.names)
    share = (found["result"] == "unlicensed").mean()
    assert share == pytest.approx(0.95, abs=0.02)
    honest = inspect_lines(lines, truth.head(0), "physical", 0)
    wrong = (honest["result"] != "clear").mean()
    assert wrong is not None and wrong < 5 * WRONG_FINDING
    assert set(honest["method"]) == {"physical"}


def test_a_line_with_two_schemes_is_found_by_either() -> None:
    lines = picked(4000)
    both = pl.concat(
        [
            lines.select("declaration_id", "line_no").with_columns(pl.lit(s).alias("scheme"))
            for s in ("transshipment", "undervalued")
        ]
    )
    found = inspect_lines(lines, both, "physical", 1)
    p = 1 - (1 - DETECT["transshipment"][2]) * (1 - DETECT["undervalued"][2])
    hit = found["result"] != "clear"
    assert hit.mean() == pytest.approx(p, abs=0.03)
    # transshipment comes first in the simulator's order, so it names the finding.
    assert set(found.filter(hit)["result"]) <= {"diverted", "undervalued", "misdeclared"}


def test_inspections_become_labels_a_few_days_after_the_declaration() -> None:
    lines = picked(50)
    truth = (
        lines.head(10)
        .select("declaration_id", "line_no")
        .with_columns(pl.lit("licence_expired").alias("scheme"))
    )
    found = inspect_lines(lines, truth, "physical", 2)
    joined = found.join(lines, on=["declaration_id", "line_no"])
    days = (joined["inspected_at"] - joined["declared_at"].dt.date()).dt.total_days()
    assert days.min() >= 0 and days.max() <= 3
    keyed = lines.with_row_index("_idx")
    labels = labels_from_inspections(keyed, found)
    assert labels.height == 50
    assert labels["label"].sum() >= 5
    assert labels["inspected_at"].min() >= date(2025, 1, 1)


def test_the_same_line_meets_the_same_luck_whoever_picked_it() -> None:
    lines = picked(400)
    truth = lines.select("declaration_id", "line_no").with_columns(
        pl.lit("concealment").alias("scheme")
    )
    alone = inspect_lines(lines.head(100), truth, "physical", 7)
    among = inspect_lines(lines, truth, "physical", 7).head(100)
    assert alone.equals(among)
    other = inspect_lines(lines, truth, "physical", 8)
    assert not other["result"].equals(inspect_lines(lines, truth, "physical", 7)["result"])
