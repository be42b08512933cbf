"""Official statistics and market prices around the declarations.

China's own export statistics are what was declared; partners' mirror imports are what
really arrived (true goods and weights), so a relay through a hub shows as a surge of
hub imports of controlled codes that Chinese exports under those codes do not explain.
Prices: domestic (CNY/kg) and Rotterdam (USD/kg), whose premium opens once an element is
controlled.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from thirdworld.actors import END, START, day
from thirdworld.goods import CNY_PER, CONTROL_FROM, CONTROLLED
from thirdworld.lines import Lines, as_date


def trade_stats(rng: np.random.Generator, lines: Lines, goods: pl.DataFrame) -> pl.DataFrame:
    """CN exports (declared) and partners' imports from CN (true), monthly, HS6."""
    rate = np.array([CNY_PER[c] for c in lines["currency"]])
    period = pl.Series(as_date(lines["day"])).dt.strftime("%Y-%m")
    ctrl_hs6 = {c.hs[:6] for c in CONTROLLED}
    declared = pl.DataFrame(
        {
            "partner": lines["destination_country"].tolist(),
            "hs_code": pl.Series(lines["hs_code"]).str.slice(0, 6),
            "period": period,
            "value_usd": lines["value"] * rate / CNY_PER["USD"],
            "quantity_kg": lines["net_weight_kg"],
        }
    )
    true = pl.DataFrame(
        {
            "reporter": lines["destination_country"].tolist(),
            "hs_code": pl.Series(goods["hs"].to_numpy()[lines["true_g"]]).str.slice(0, 6),
            "period": period,
            "value_usd": lines["true_value_cny"] / CNY_PER["USD"] * 1.08,
            "quantity_kg": lines["true_kg"],
        }
    )
    cn = (
        declared.filter(pl.col("hs_code").is_in(ctrl_hs6))
        .group_by("partner", "hs_code", "period", maintain_order=True)
        .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    mirror = (
        true.filter(pl.col("hs_code").is_in(ctrl_hs6))
        .group_by("reporter", "hs_code", "period", maintain_order=True)
        .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    noise = rng.lognormal(0, 0.08, mirror.height)
    mirror = mirror.with_columns(pl.col("value_usd") * noise, pl.col("quantity_kg") * noise)
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return (
        pl.concat([cn.select(cols), mirror.select(cols)])
        .with_columns(pl.col("value_usd").round(0), pl.col("quantity_kg").round(1))
        .sort("reporter", "partner", "hs_code", "period")
    )


def prices(rng: np.random.Generator) -> pl.DataFrame:
    """Monthly domestic and Rotterdam prices of each controlled material."""
    months = pl.date_range(START, END, "1mo", eager=True).to_numpy()
    days = (months - np.datetime64("1970-01-01")).astype("timedelta64[D]").astype(np.int64)
    frames = []
    for c in CONTROLLED:  # per material (nineteen)
        walk = np.exp(np.cumsum(rng.normal(0.004, 0.04, days.size)))
        domestic = c.cny_per_kg * walk
        since = day(CONTROL_FROM[c.element])
        ramp = np.clip((days - since) / 180, 0, 1)
        abroad = domestic / CNY_PER["USD"] * (1.05 + (c.premium - 1.05) * ramp)
        frames.append(
            pl.DataFrame(
                {
                    "material": c.material,
                    "market": "CN",
                    "date": months,
                    "price": np.round(domestic, 2),
                    "currency": "CNY",
                    "unit": "kg",
                }
            )
        )
        frames.append(
            pl.DataFrame(
                {
                    "material": c.material,
                    "market": "Rotterdam",
                    "date": months,
                    "price": np.round(abroad, 2),
                    "currency": "USD",
                    "unit": "kg",
                }
            )
        )
    return pl.concat(frames).unique(["material", "market", "date"], maintain_order=True)


__all__ = ["dt", "prices", "trade_stats"]
