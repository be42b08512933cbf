"""Market prices and official trade statistics derived from the true flows.

Prices: a domestic (CN, CNY per tonne) and a Rotterdam (USD per kg) series a month for
each controlled material; abroad the price steps up when the control starts, at home it
sags (exports are harder). Trade statistics: China's exports by partner and 6-digit code
as declared, and partners' imports (mirror) as the goods truly were, scaled to a
national total; transit countries re-export part of what the fronts received to the US.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from eleventhworld.goods import Goods
from eleventhworld.regime import Regime

SCALE = 40.0


def prices(rng: np.random.Generator, goods: Goods, regime: Regime) -> pl.DataFrame:
    """Monthly prices of each controlled product's material."""
    months = np.arange(np.datetime64("2023-06"), np.datetime64("2026-11"))
    days = months.astype("datetime64[D]")
    frames = []
    for p in goods.controlled():
        started = regime.items[str(goods.item[p])].active(days) | (
            days >= np.datetime64("2025-11-08")
        )
        usd = np.where(started, goods.usd_after[p], goods.usd_before[p]) * np.exp(
            np.cumsum(rng.normal(0, 0.03, len(days)))
        )
        material = f"{goods.element[p]}:{goods.form[p]}"
        frames.append(
            pl.DataFrame(
                {
                    "material": material,
                    "market": "Rotterdam",
                    "date": days,
                    "price": np.round(usd, 2),
                    "currency": "USD",
                    "unit": "kg",
                }
            )
        )
        cny = usd * 7.15 * 1000 * np.where(started, 0.55, 0.92)
        frames.append(
            pl.DataFrame(
                {
                    "material": material,
                    "market": "CN",
                    "date": days,
                    "price": np.round(cny, -1),
                    "currency": "CNY",
                    "unit": "t",
                }
            )
        )
    return pl.concat(frames)


def _flow(
    base: pl.DataFrame,
    hs: str,
    kg: str,
    markup: tuple[float, float],
    reporter: pl.Expr,
    partner: pl.Expr,
    flow: str,
) -> pl.DataFrame:
    """One flow's monthly totals by reporter, partner and 6-digit code, scaled to a
    national figure (``markup``: value and quantity factors, e.g. CIF over FOB)."""
    return (
        base.group_by("partner", hs, "period")
        .agg(
            (pl.col("usd").sum() * SCALE * markup[0]).round(0).alias("value_usd"),
            (pl.col(kg).sum() * SCALE * markup[1]).round(0).alias("quantity_kg"),
        )
        .select(
            reporter.alias("reporter"),
            partner.alias("partner_out"),
            pl.lit(flow).alias("flow"),
            pl.col(hs).alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
        .rename({"partner_out": "partner"})
    )


def trade_stats(
    lines: pl.DataFrame,
    true_hs: np.ndarray,
    true_kg: np.ndarray,
    usd: np.ndarray,
    front_lines: np.ndarray,
) -> pl.DataFrame:
    """Exports as declared, mirror imports as true, transit re-exports to the US."""
    base = lines.select(
        pl.col("declared_at").str.slice(0, 7).alias("period"),
        pl.col("destination_country").alias("partner"),
        pl.col("hs_code").str.slice(0, 6).alias("hs"),
        pl.col("net_weight_kg").alias("kg"),
    ).with_columns(
        pl.Series("usd", usd),
        pl.Series("true_hs", true_hs).str.slice(0, 6),
        pl.Series("true_kg", true_kg),
        pl.Series("front", front_lines),
    )
    exports = _flow(base, "hs", "kg", (1.0, 1.0), pl.lit("CN"), pl.col("partner"), "export")
    mirror = _flow(
        base, "true_hs", "true_kg", (1.08, 1.0), pl.col("partner"), pl.lit("CN"), "import"
    )
    onward = _flow(
        base.filter(pl.col("front")),
        "true_hs",
        "true_kg",
        (1.3, 0.9),
        pl.col("partner"),
        pl.lit("US"),
        "re_export",
    )
    return (
        pl.concat([exports, mirror, onward])
        .filter(pl.col("reporter") != pl.col("partner"))
        .sort("reporter", "partner", "flow", "hs_code", "period")
    )
