"""Domestic against overseas prices: the incentive to smuggle, month by month.

Prices come in different currencies and units (CNY/kg incl. VAT at home, USD/kg in
Rotterdam, USD/t on the LME); each is put in USD per kg, the domestic price net of VAT,
and the overseas price is divided by the domestic one for the same material and month.
A ratio of 2 means a kilogram smuggled out is worth twice what it costs at home.
"""

from __future__ import annotations

from importlib import resources

import polars as pl
import yaml

#: The domestic market's name in the ``prices`` table.
DOMESTIC = "CN"
#: Chinese domestic quotes include 13% VAT (the usual convention of the price services).
DOMESTIC_VAT = 0.13
UNITS_PER_KG = {"kg": 1.0, "t": 1000.0}

GAP_SCHEMA = {
    "material": pl.String(),
    "month": pl.Date(),
    "domestic_usd_kg": pl.Float64(),
    "overseas_usd_kg": pl.Float64(),
    "overseas_market": pl.String(),
    "gap": pl.Float64(),
}


class PriceDataError(ValueError):
    """Prices that cannot be put in USD/kg: an unknown unit or currency-year."""


def packaged_fx() -> pl.DataFrame:
    """The packaged annual FX table: currency, year, per_usd."""
    text = resources.files("orewatch.trade").joinpath("data/fx.yaml").read_text("utf-8")
    rates = yaml.safe_load(text)["rates"]
    rows = [
        {"currency": c, "year": int(y), "per_usd": float(v)}
        for c, years in rates.items()
        for y, v in years.items()
    ]
    usd = [
        {"currency": "USD", "year": r["year"], "per_usd": 1.0} for r in rows[: len(rates["CNY"])]
    ]
    return pl.DataFrame(
        [*rows, *usd], schema={"currency": pl.String, "year": pl.Int32, "per_usd": pl.Float64}
    )


def usd_per_kg(prices: pl.DataFrame, fx: pl.DataFrame) -> pl.DataFrame:
    """Add ``usd_kg`` to a ``prices`` frame; raise naming the first row that cannot be."""
    unknown_unit = prices.filter(~pl.col("unit").str.to_lowercase().is_in(list(UNITS_PER_KG)))
    if unknown_unit.height:
        row = unknown_unit.row(0, named=True)
        raise PriceDataError(
            f"prices: unit {row['unit']!r} of {row['material']} ({row['market']}, "
            f"{row['date']}) is not one of {sorted(UNITS_PER_KG)}"
        )
    per_kg = pl.col("unit").str.to_lowercase().replace_strict(UNITS_PER_KG, return_dtype=pl.Float64)
    out = prices.with_columns(pl.col("date").dt.year().cast(pl.Int32).alias("year")).join(
        fx, on=["currency", "year"], how="left"
    )
    missing = out.filter(pl.col("per_usd").is_null())
    if missing.height:
        row = missing.row(0, named=True)
        raise PriceDataError(
            f"prices: no exchange rate for {row['currency']} in {row['year']} "
            f"({row['material']}, {row['market']}); pass an fx table that covers it"
        )
    return out.with_columns((pl.col("price") / pl.col("per_usd") / per_kg).alias("usd_kg")).drop(
        "year", "per_usd"
    )


def price_gaps(
    prices: pl.DataFrame, fx: pl.DataFrame | None = None, vat: float = DOMESTIC_VAT
) -> pl.DataFrame:
    """Monthly overseas/domestic price ratio per material and overseas market.

    Returns material, month, domestic_usd_kg (net of ``vat``), overseas_usd_kg,
    overseas_market, gap. Materials quoted only at home or only abroad are left out.
    """
    if prices.is_empty():
        return pl.DataFrame(schema=GAP_SCHEMA)
    priced = usd_per_kg(prices, fx if fx is not None else packaged_fx()).with_columns(
        pl.col("date").dt.truncate("1mo").alias("month")
    )
    monthly = priced.group_by("material", "market", "month").agg(pl.col("usd_kg").mean())
    home = monthly.filter(pl.col("market") == DOMESTIC).select(
        "material", "month", (pl.col("usd_kg") / (1.0 + vat)).alias("domestic_usd_kg")
    )
    abroad = monthly.filter(pl.col("market") != DOMESTIC).select(
        "material",
        "month",
        pl.col("usd_kg").alias("overseas_usd_kg"),
        pl.col("market").alias("overseas_market"),
    )
    return (
        home.join(abroad, on=["material", "month"])
        .with_columns((pl.col("overseas_usd_kg") / pl.col("domestic_usd_kg")).alias("gap"))
        .select(list(GAP_SCHEMA))
        .sort("material", "overseas_market", "month")
    )
