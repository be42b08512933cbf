"""Fitting: what the batch's channels and prices leave for the single-declaration door."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.fit import controlled_prices, thresholds_of


def test_thresholds_are_the_lowest_scores_channelled_on_risk() -> None:
    channelled = pl.DataFrame(
        {
            "score": [9.0, 7.0, 1.0, 5.0, 4.0, 0.5],
            "channel": ["red", "red", "red", "yellow", "yellow", "green"],
            "channel_reason": [
                "risk rank 1",
                "risk rank 2",
                "random control share",  # a random pick says nothing of the threshold
                "risk rank 3",
                "risk rank 4",
                "no reason",
            ],
        }
    )
    thresholds = thresholds_of(channelled)
    assert thresholds.red == 7.0
    assert thresholds.yellow == 4.0


def test_no_line_red_on_risk_leaves_the_door_nothing_to_reach() -> None:
    channelled = pl.DataFrame(
        {"score": [3.0], "channel": ["green"], "channel_reason": ["no reason"]}
    )
    thresholds = thresholds_of(channelled)
    assert thresholds.red == float("inf")
    assert thresholds.yellow == float("inf")


def test_controlled_prices_keep_usd_quotes_of_catalogued_materials_per_kg() -> None:
    catalogue = load_catalogue()
    element = catalogue.items_frame()["element"][0]
    prices = pl.DataFrame(
        {
            "material": [element, element, f"{element}:99.99", element, "soybeans"],
            "market": ["Rotterdam", "Rotterdam", "Rotterdam", "CN", "Chicago"],
            "date": [date(2024, 3, 1), date(2024, 3, 20), date(2024, 3, 5), date(2024, 3, 1),
                     date(2024, 3, 1)],
            "price": [300_000.0, 500.0, 200.0, 2_000.0, 400.0],
            "currency": ["USD", "USD", "USD", "CNY", "USD"],
            "unit": ["t", "kg", "KG", "kg", "t"],
        }
    )  # fmt: skip
    found = controlled_prices(prices, catalogue)
    assert found is not None
    per_material = dict(zip(found["material"], found["usd_per_kg"], strict=True))
    # The tonne quote is read per kg and averaged with the kg quote of the same month;
    # the CNY quote and the uncatalogued material are left out.
    assert per_material[element] == pytest.approx((300.0 + 500.0) / 2)
    assert per_material[f"{element}:99.99"] == pytest.approx(200.0)
    assert "soybeans" not in per_material


def test_no_prices_no_controlled_prices() -> None:
    assert controlled_prices(None, load_catalogue()) is None


def test_a_month_without_a_quote_between_close_quotes_is_interpolated() -> None:
    catalogue = load_catalogue()
    element = catalogue.items_frame()["element"][0]
    months = [date(2024, 1, 1), date(2024, 3, 1), date(2024, 8, 1)]
    prices = pl.DataFrame(
        {
            "material": [element] * 3,
            "market": ["Rotterdam"] * 3,
            "date": months,
            "price": [100.0, 400.0, 50.0],
            "currency": ["USD"] * 3,
            "unit": ["kg"] * 3,
        }
    )
    found = controlled_prices(prices, catalogue)
    assert found is not None
    by_month = dict(zip(found["month"], found["usd_per_kg"], strict=True))
    # February lies between quotes two months apart: the geometric middle of 100 and 400.
    assert by_month[date(2024, 2, 1)] == pytest.approx(200.0)
    # April to July lie in a five-month silence: not guessed.
    assert set(by_month) == {*months, date(2024, 2, 1)}
    assert by_month[date(2024, 3, 1)] == pytest.approx(400.0)
