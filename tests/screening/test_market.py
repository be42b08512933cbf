"""Controlled goods against their material's market price: the dataset's usual ratio and
the lines far under it."""

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

import polars as pl
import pytest

from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.detectors.misdeclaration import (
    _priced_like_controlled,
    misdeclaration_signals,
)
from orewatch.screening.features import add_features
from orewatch.screening.fit import controlled_prices
from orewatch.screening.market import (
    USD_ONLY,
    MarketNorm,
    fit_market_norm,
    market_ratios,
    usd_shifts,
)

Build = Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]
Table = Callable[[str, list[dict[str, object]]], pl.DataFrame]

#: Gallium metal, 100 kg a line, declared in March 2025 (the fixture's dates).
GALLIUM: dict[str, object] = {
    "hs_code": "8112929010",
    "description": "金属镓 gallium",
    "net_weight_kg": 100.0,
}


def quotes(
    contract_table: Table, day: date = date(2025, 3, 3), **usd_per_kg: float
) -> pl.DataFrame:
    """One Rotterdam quote a material for ``day``'s month, through the fit's own reading."""
    rows: list[dict[str, object]] = [
        {
            "material": material.replace("_", ":"),
            "market": "Rotterdam",
            "date": day,
            "price": price,
            "currency": "USD",
            "unit": "kg",
        }
        for material, price in usd_per_kg.items()
    ]
    prices = controlled_prices(contract_table("prices", rows), load_catalogue())
    assert prices is not None
    return prices


def gallium_lines(declarations: Build, per_kg: Sequence[float]) -> pl.DataFrame:
    rows = [{**GALLIUM, "value": 100.0 * p} for p in per_kg]
    return load_catalogue().evaluate_frame(add_features(declarations(rows)))


def usual(n: int) -> list[float]:
    """Gallium at 75-85 % of a 400 USD/kg market, as honest lines declare it."""
    return [300.0 + 40.0 * (i % 5) / 4 for i in range(n)]


def test_the_usual_ratio_is_learned_from_the_dataset_s_controlled_lines(
    declarations: Build, contract_table: Table
) -> None:
    items = load_catalogue().items_frame()
    prices = quotes(contract_table, gallium_metal=400.0)
    norm = fit_market_norm(gallium_lines(declarations, usual(40)), prices, items)
    assert norm is not None
    assert math.exp(norm.centre) == pytest.approx(0.8, abs=0.01)
    assert norm.spread == pytest.approx(0.15)  # the floor: these lines barely spread
    # No quotes, or too few priced lines, teach nothing.
    assert fit_market_norm(gallium_lines(declarations, usual(40)), None, items) is None
    assert fit_market_norm(gallium_lines(declarations, usual(10)), prices, items) is None


def test_a_line_is_compared_with_the_cheapest_material_its_item_may_be(
    declarations: Build, contract_table: Table
) -> None:
    items = load_catalogue().items_frame()
    # Gallium metal's item takes the metal form: an arsenide quote is not its price.
    prices = quotes(contract_table, gallium_metal=400.0, gallium=300.0, gallium_arsenide=50.0)
    lines = gallium_lines(declarations, [320.0])
    ratios = market_ratios(lines, prices, items).collect()
    assert ratios["material"].to_list() == ["gallium"]
    assert math.exp(ratios["log_ratio"][0]) == pytest.approx(320.0 / 300.0)


def test_lines_that_only_may_be_the_item_or_are_not_in_usd_are_not_compared(
    declarations: Build, contract_table: Table
) -> None:
    rows = [
        {**GALLIUM, "value": 30000.0, "currency": "CNY"},
        {**GALLIUM, "value": 30000.0, "hs_code": "811292"},  # gallium or germanium
        {**GALLIUM, "value": 30000.0},
    ]
    lines = load_catalogue().evaluate_frame(add_features(declarations(rows)))
    prices = quotes(contract_table, gallium_metal=400.0)
    ratios = market_ratios(lines, prices, load_catalogue().items_frame()).collect()
    assert ratios["_idx"].to_list() == [2]


def test_controlled_goods_far_under_the_usual_ratio_are_flagged_with_the_market_price(
    declarations: Build, contract_table: Table
) -> None:
    catalogue = load_catalogue()
    lines = gallium_lines(declarations, [*usual(40), 100.0, 250.0])
    prices = quotes(contract_table, gallium_metal=400.0)
    norm = fit_market_norm(lines, prices, catalogue.items_frame())
    signals = misdeclaration_signals(
        lines, catalogue.items_frame(), controlled_prices=prices, market=norm
    ).collect()
    below = signals.filter(pl.col("code") == "UNIT_VALUE_BELOW_MARKET")
    # A quarter of the market is far under the usual 80 %; 62 % is within its spread.
    assert below["_idx"].to_list() == [40]
    assert below["evidence"][0] == (
        "USD 100.0/kg, 25% of gallium:metal at USD 400.0/kg that month; this dataset's "
        "controlled lines declare 80% of the market as a rule"
    )
    # Without a learned ratio, nothing is compared.
    none = misdeclaration_signals(lines, catalogue.items_frame(), controlled_prices=prices)
    assert "UNIT_VALUE_BELOW_MARKET" not in none.collect()["code"].to_list()


def test_the_norm_s_z_is_in_spreads_of_the_log_ratio() -> None:
    norm = MarketNorm(centre=math.log(0.8), spread=0.2)
    z = pl.select(norm.z(pl.lit(math.log(0.4)))).item()
    assert z == pytest.approx(math.log(0.5) / 0.2)


def test_where_a_code_holds_several_elements_the_words_say_which_material_is_compared(
    declarations: Build, contract_table: Table
) -> None:
    """3824.99.99.22 holds every listed rare earth's mixtures: dysprosium named, dysprosium
    priced; nothing named, the cheapest of them."""
    mixture = {
        "hs_code": "3824999922",
        "net_weight_kg": 100.0,
        "value": 2000.0,
        "declared_at": datetime(2025, 6, 2),  # 2025 No.18 in force
    }
    rows = [
        {**mixture, "description": "氧化镝混合物 dysprosium oxide mixture"},
        {**mixture, "description": "rare earth oxide mixture"},
    ]
    lines = load_catalogue().evaluate_frame(add_features(declarations(rows)))
    june = date(2025, 6, 2)
    prices = quotes(contract_table, june, dysprosium_oxide=200.0, yttrium_oxide=8.0)
    ratios = market_ratios(lines, prices, load_catalogue().items_frame()).collect().sort("_idx")
    assert ratios["material"].to_list() == ["dysprosium:oxide", "yttrium:oxide"]
    assert [round(math.exp(r), 2) for r in ratios["log_ratio"]] == [0.1, 2.5]


def test_lines_in_other_currencies_are_put_in_usd_at_the_dataset_s_implied_rate(
    declarations: Build, contract_table: Table
) -> None:
    # The dataset's offsets: CNY is its reference currency, USD 7.1 times fewer units.
    offsets = pl.DataFrame({"currency": ["CNY", "USD", "EUR"], "offset": [0.0, -1.96, -2.03]})
    shifts = usd_shifts(offsets)
    assert dict(shifts.iter_rows()) == pytest.approx({"CNY": 1.96, "USD": 0.0, "EUR": -0.07})
    # No rate for USD: only USD lines can be put in USD.
    assert usd_shifts(offsets.filter(pl.col("currency") != "USD")).equals(USD_ONLY)
    rows = [{**GALLIUM, "value": 30000.0 * math.exp(1.96), "currency": "CNY"}]
    lines = load_catalogue().evaluate_frame(add_features(declarations(rows)))
    prices = quotes(contract_table, gallium_metal=400.0)
    ratios = market_ratios(lines, prices, load_catalogue().items_frame(), shifts).collect()
    assert ratios["currency"].to_list() == ["CNY"]
    assert math.exp(ratios["log_ratio"][0]) == pytest.approx(300.0 / 400.0)


def test_dear_ordinary_goods_in_another_currency_meet_the_usd_quotes_at_its_rate(
    contract_table: Table,
) -> None:
    """Bauxite at CNY 2,840/kg is USD 400/kg at the dataset's rate: gallium's price."""
    prices = quotes(contract_table, gallium_metal=400.0)
    lines = pl.DataFrame(
        {
            "_idx": [0, 1],
            "month": [date(2025, 3, 1)] * 2,
            "hs6": ["260600"] * 2,
            "currency": ["CNY", "JPY"],  # no rate for JPY: not compared
            "log_unit_value": [math.log(400.0) + 1.96] * 2,
            "unit_value_z": [6.0] * 2,
            "controlled": [False] * 2,
        }
    )
    shifts = pl.DataFrame({"currency": ["USD", "CNY"], "shift": [0.0, 1.96]})
    found = _priced_like_controlled(lines, prices, shifts).collect()
    assert found["_idx"].to_list() == [0]
    assert found["evidence"][0] == (
        "USD 400.0/kg (invoiced in CNY, at the dataset's implied rate) under 260600, "
        "near gallium:metal at USD 400.0/kg"
    )
