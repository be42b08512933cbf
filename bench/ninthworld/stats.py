"""Trade statistics and market prices.

China reports its exports as declared (codes and values on the declarations); partners
report their imports from China as they arrived (the true goods, CIF, a month later by
sea). Transit hubs report re-exports: a small honest share of what they import, plus
most of what ``relay_route`` and ``fresh_front`` carried, a month later, to the final
buyers' countries. So a relay shows mainly as a hub importing a controlled code China
never recorded exporting to it, and re-exporting it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from . import vocab
from .actors import START
from .lines import control_days

HS6 = {i: g.hs[:6] for i, g in enumerate(vocab.GOODS)}


def month(day: pl.Expr) -> pl.Expr:
    return (pl.lit(START) + pl.duration(days=day)).dt.strftime("%Y-%m")


def trade_stats(rng: np.random.Generator, lines: pl.DataFrame) -> pl.DataFrame:
    """Own exports, partners' imports and hubs' re-exports, monthly, by six-digit code."""
    exports = (
        lines.group_by(
            pl.col("destination_country").alias("partner"),
            pl.col("good").replace_strict(HS6).alias("hs_code"),
            month(pl.col("day")).alias("period"),
        )
        .agg(pl.col("usd").sum().alias("value_usd"), pl.col("kg").sum().alias("quantity_kg"))
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    lag = pl.when(pl.col("mode") == "sea").then(25).otherwise(3)
    imports = (
        lines.group_by(
            pl.col("destination_country").alias("reporter"),
            pl.col("true_good").replace_strict(HS6).alias("hs_code"),
            month(pl.col("day") + lag).alias("period"),
        )
        .agg(
            (pl.col("true_usd") * 1.07).sum().alias("value_usd"),
            (pl.col("true_kg") + pl.col("hidden_kg")).sum().alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    relayed = pl.col("scheme").is_in(["relay_route", "fresh_front"])
    share = pl.when(relayed).then(0.85).otherwise(0.04)
    final = pl.Series("final", rng.choice(vocab.FINAL, lines.height, p=[0.5, 0.25, 0.15, 0.1]))
    re_exports = (
        lines.with_columns(final)
        .filter(
            pl.col("destination_country").is_in(vocab.TRANSIT)
            & pl.col("true_good").is_in([i for i, g in enumerate(vocab.GOODS) if g.item])
        )
        .group_by(
            pl.col("destination_country").alias("reporter"),
            pl.col("final").alias("partner"),
            pl.col("true_good").replace_strict(HS6).alias("hs_code"),
            month(pl.col("day") + 35).alias("period"),
        )
        .agg(
            (pl.col("true_usd") * 1.25 * share).sum().alias("value_usd"),
            (pl.col("true_kg") * share).sum().alias("quantity_kg"),
        )
        .with_columns(pl.lit("re_export").alias("flow"))
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    out = pl.concat([f.select(cols) for f in (exports, imports, re_exports)]).sort(cols[:5])
    noise = pl.Series(rng.lognormal(0, 0.04, out.height))
    return (
        out.with_columns((pl.col("value_usd") * noise).round(0), pl.col("quantity_kg").round(1))
        .filter(pl.col("period") <= "2026-06")
        .sort("reporter", "partner", "flow", "hs_code", "period")
    )


def prices(rng: np.random.Generator) -> pl.DataFrame:
    """Monthly domestic (CNY) and Rotterdam (USD) prices of each controlled material."""
    days = control_days()
    rows = []
    for g in vocab.CONTROLLED:
        level = 1.0
        for m in range(42):
            date = dt.date(2023 + m // 12, m % 12 + 1, 1)
            day = (date - START).days
            level *= float(rng.lognormal(0, 0.03))
            since = min(max(day - days[g.item], 0), 180) / 180
            controlled = day >= days[g.item]
            home = g.cny_per_kg * level * (0.9 if controlled else 1.0)
            abroad = (
                g.cny_per_kg
                * level
                / vocab.CNY_PER_USD
                * (1.15 + (1.15 * since if controlled else 0))
            )
            rows.append(
                {
                    "material": g.material,
                    "market": "CN",
                    "date": date,
                    "price": round(home, 2),
                    "currency": "CNY",
                    "unit": "kg",
                }
            )
            rows.append(
                {
                    "material": g.material,
                    "market": "Rotterdam",
                    "date": date,
                    "price": round(abroad, 2),
                    "currency": "USD",
                    "unit": "kg",
                }
            )
    return pl.DataFrame(rows)
