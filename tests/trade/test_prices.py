from datetime import date

import polars as pl
import pytest

from orewatch.trade.prices import PriceDataError, packaged_fx, price_gaps


def _prices(rows: list[tuple[str, str, date, float, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema=["material", "market", "date", "price", "currency", "unit"],
        orient="row",
    )


def test_gap_is_overseas_over_domestic_net_of_vat_in_usd_per_kg() -> None:
    fx = pl.DataFrame(
        {"currency": ["CNY", "USD"], "year": [2024, 2024], "per_usd": [7.0, 1.0]},
        schema={"currency": pl.String, "year": pl.Int32, "per_usd": pl.Float64},
    )
    prices = _prices(
        [
            ("gallium:metal", "CN", date(2024, 3, 4), 2260.0, "CNY", "kg"),  # 2000 net, 285.7 USD
            ("gallium:metal", "CN", date(2024, 3, 11), 2260.0, "CNY", "kg"),
            ("gallium:metal", "Rotterdam", date(2024, 3, 5), 600.0, "USD", "kg"),
            ("gallium:metal", "Rotterdam", date(2024, 3, 12), 400_000.0, "USD", "t"),
        ]
    )
    gap = price_gaps(prices, fx, vat=0.13).row(0, named=True)
    assert gap["month"] == date(2024, 3, 1)
    assert gap["domestic_usd_kg"] == pytest.approx(2000 / 7)
    assert gap["overseas_usd_kg"] == pytest.approx(500.0)
    assert gap["gap"] == pytest.approx(500 / (2000 / 7))


def test_an_unknown_unit_is_named() -> None:
    prices = _prices([("antimony:metal", "CN", date(2024, 1, 1), 1.0, "CNY", "lb")])
    with pytest.raises(PriceDataError, match="unit 'lb' of antimony:metal"):
        price_gaps(prices)


def test_a_missing_exchange_rate_is_named() -> None:
    prices = _prices([("antimony:metal", "CN", date(1999, 1, 1), 1.0, "CNY", "kg")])
    with pytest.raises(PriceDataError, match="no exchange rate for CNY in 1999"):
        price_gaps(prices)


def test_packaged_fx_covers_the_currencies_of_the_prices_table() -> None:
    fx = packaged_fx()
    assert set(fx["currency"]) == {"CNY", "EUR", "JPY", "USD"}
    assert fx.filter(pl.col("currency") == "USD")["per_usd"].unique().to_list() == [1.0]
