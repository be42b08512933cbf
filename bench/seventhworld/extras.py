"""Trade statistics and market prices around the world's lines.

China's reported exports are the declared lines scaled to a national total; partners'
imports (the mirror) count what really arrived, so goods hidden or miscoded in China
show up in the partner's imports under their true code. Transit countries' imports of
controlled goods from China surge after each control, and they re-export to Russia and
the US. Prices: a domestic Chinese price and a Rotterdam price per material; after a
control the Rotterdam premium widens.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from seventhworld.assemble import Lines
from seventhworld.foreign import HUBS
from seventhworld.goods import WORLD_END, WORLD_START, goods_frame

FORM = {
    "ga": "metal",
    "ge": "metal",
    "geo2": "dioxide",
    "gaas": "arsenide",
    "sb": "metal",
    "sb2o3_hp": "trioxide",
    "flake": "flake",
    "graph_iso": "isostatic",
    "apt": "apt",
    "w_hi": "alloy",
    "te": "metal",
    "bi": "metal",
    "mo_fine": "powder",
    "inp": "phosphide",
    "dy2o3": "oxide",
    "tb": "metal",
    "y2o3": "oxide",
    "ndfeb_dy": "magnet",
}
SCALE = 40.0  # the sample's share of national trade, inverted


def trade_stats(rng: np.random.Generator, lines: Lines) -> pl.DataFrame:
    c = lines.cols
    period = c["date"].astype("datetime64[M]").astype(str)
    f = pl.DataFrame(
        {
            "partner": c["destination_country"].astype(str),
            "hs": c["hs_code"].astype(str),
            "true_hs": c["true_hs"].astype(str),
            "period": period,
            "usd": c["usd"].astype(float),
            "kg": c["net_weight_kg"].astype(float),
            "true_kg": c["true_kg"].astype(float),
        }
    )
    exports = (
        f.group_by("partner", pl.col("hs").str.slice(0, 6).alias("hs_code"), "period")
        .agg(
            (pl.col("usd").sum() * SCALE).round(0).alias("value_usd"),
            (pl.col("kg").sum() * SCALE).round(0).alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    imports = (
        f.group_by(
            pl.col("partner").alias("reporter"),
            pl.col("true_hs").str.slice(0, 6).alias("hs_code"),
            "period",
        )
        .agg(
            (pl.col("usd").sum() * SCALE * rng.uniform(1.05, 1.12)).round(0).alias("value_usd"),
            (pl.col("true_kg").sum() * SCALE).round(0).alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    controlled6 = (
        goods_frame().filter(pl.col("controlled"))["hs"].str.slice(0, 6).unique().to_list()
    )
    hub_imports = imports.filter(
        pl.col("reporter").is_in(list(HUBS)) & pl.col("hs_code").is_in(controlled6)
    )
    re_exports = hub_imports.with_columns(
        pl.col("reporter"),
        pl.lit("RU").alias("partner"),
        pl.lit("re_export").alias("flow"),
        (pl.col("value_usd") * 0.7).round(0),
        (pl.col("quantity_kg") * 0.7).round(0),
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return pl.concat([exports.select(cols), imports.select(cols), re_exports.select(cols)]).sort(
        cols[:5]
    )


def prices(rng: np.random.Generator) -> pl.DataFrame:
    goods = goods_frame().filter(pl.col("controlled"))
    months = np.arange(
        np.datetime64(WORLD_START.isoformat(), "M"), np.datetime64(WORLD_END.isoformat(), "M") + 1
    )
    rows = []
    for row in goods.iter_rows(named=True):  # per material
        eff = np.datetime64(row["effective_date"].isoformat(), "M")
        walk = np.exp(np.cumsum(rng.normal(0, 0.04, len(months))))
        cn = row["usd_per_kg"] * 7.15 * walk
        premium = np.where(months >= eff, 1.6, 1.1)
        out = row["usd_per_kg"] * walk * premium
        material = f"{row['element']}:{FORM[row['key']]}"
        for m, a, b in zip(months, cn, out, strict=True):
            day = str(m) + "-15"
            rows.append(
                {
                    "material": material,
                    "market": "CN",
                    "date": day,
                    "price": round(float(a), 2),
                    "currency": "CNY",
                    "unit": "kg",
                }
            )
            rows.append(
                {
                    "material": material,
                    "market": "Rotterdam",
                    "date": day,
                    "price": round(float(b) * 1000, 0),
                    "currency": "USD",
                    "unit": "t",
                }
            )
    return pl.DataFrame(rows)
