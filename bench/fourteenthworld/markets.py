"""Prices and trade statistics: what the markets and the statisticians saw.

Owns ``prices`` (weekly, domestic in CNY and Rotterdam in USD, per kg or per tonne) and
``trade_stats`` (monthly): China's exports as declared; partners' imports from China
as they arrived (so that goods declared as something else show up under their true
code abroad: a mirror gap); and re-exports from hubs, where honest distributors pass on
part of what they import and diverted goods move on to the restricted end user's
country, so hub re-exports surge after controls for both reasons. Must not know
which line belongs to which scheme beyond what arrived where.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fourteenthworld.actors import HUBS
from fourteenthworld.goods import DAYS, GOODS, START, fx_per_usd

Rng = np.random.Generator

REPORTING_PARTNERS = (
    "JP",
    "KR",
    "US",
    "DE",
    "NL",
    "VN",
    "MY",
    "TH",
    "IN",
    "SG",
    "TR",
    "BE",
    "GB",
    "FR",
    "IT",
    "PL",
    "AE",
    "KZ",
    "HK",
    "TW",
    "ID",
    "MX",
    "BR",
)
ONWARD = ("DE", "US", "JP", "KR", "FR", "GB", "IN")


def prices(fair: np.ndarray, home: np.ndarray) -> pl.DataFrame:
    """Weekly domestic (CN, CNY) and Rotterdam (USD) prices per material."""
    days = np.arange(0, DAYS, 7)
    cny = fx_per_usd("CNY", days)
    seen: set[str] = set()
    parts = []
    date_text = pl.Series(
        "date", (np.datetime64(START.isoformat()) + days.astype("timedelta64[D]")).astype(str)
    )
    for g, good in enumerate(GOODS):
        if good.material in seen:
            continue
        seen.add(good.material)
        scale = 1000.0 if good.unit == "t" else 1.0
        unit = "t" if good.unit == "t" else "kg"
        for market, series, currency in (
            ("CN", home[g, days] * cny * scale, "CNY"),
            ("Rotterdam", fair[g, days] * 1.05 * scale, "USD"),
        ):
            parts.append(
                pl.DataFrame(
                    {
                        "material": [good.material] * days.size,
                        "market": [market] * days.size,
                        "date": date_text,
                        "price": np.round(series, 2),
                        "currency": [currency] * days.size,
                        "unit": [unit] * days.size,
                    }
                )
            )
    return pl.concat(parts)


def _month(day: pl.Expr) -> pl.Expr:
    return (pl.lit(np.datetime64(START.isoformat())) + pl.duration(days=day)).dt.strftime("%Y-%m")


def trade_stats(rng: Rng, frame: pl.DataFrame, usd: np.ndarray) -> pl.DataFrame:
    """Monthly exports (declared), mirror imports (as arrived) and hub re-exports."""
    hs_true = pl.Series([GOODS[g].hs[:6] for g in frame["_good"].to_list()])
    base = frame.select(
        "destination_country",
        "hs_code",
        "net_weight_kg",
        "_day",
        "_scheme",
        "_true_kg",
        "_fair_usd",
        "_good",
    ).with_columns(
        _usd=pl.Series(usd),
        _hs_true=hs_true,
        _hs6=pl.col("hs_code").str.slice(0, 6),
    )
    exports = (
        base.group_by("destination_country", "_hs6", _month(pl.col("_day")).alias("period"))
        .agg(
            pl.col("_usd").sum().round(0).alias("value_usd"),
            pl.col("net_weight_kg").sum().round(1).alias("quantity_kg"),
        )
        .select(
            pl.lit("CN").alias("reporter"),
            pl.col("destination_country").alias("partner"),
            pl.lit("export").alias("flow"),
            pl.col("_hs6").alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
    )
    lag = pl.Series(rng.integers(5, 36, size=frame.height))
    arrived = base.with_columns(_arr=pl.col("_day") + lag)
    cover = arrived.filter(pl.col("_scheme") == "gross_surplus").with_columns(
        _hs_true=pl.col("_hs6"), _true_kg=pl.col("net_weight_kg"), _fair_usd=pl.col("_usd")
    )
    arrived = pl.concat([arrived, cover]).filter(
        pl.col("destination_country").is_in(list(REPORTING_PARTNERS))
    )
    noise = pl.Series(rng.uniform(0.97, 1.03, size=arrived.height))
    imports = (
        arrived.with_columns(_cif=pl.col("_fair_usd") * 1.06 * noise)
        .group_by("destination_country", "_hs_true", _month(pl.col("_arr")).alias("period"))
        .agg(
            pl.col("_cif").sum().round(0).alias("value_usd"),
            pl.col("_true_kg").sum().round(1).alias("quantity_kg"),
        )
        .select(
            pl.col("destination_country").alias("reporter"),
            pl.lit("CN").alias("partner"),
            pl.lit("import").alias("flow"),
            pl.col("_hs_true").alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
    )
    controlled = [i for i, g in enumerate(GOODS) if g.controlled]
    hub = arrived.filter(
        pl.col("destination_country").is_in(list(HUBS)) & pl.col("_good").is_in(controlled)
    )
    fraud = (hub["_scheme"] != "").to_numpy()
    share = np.where(fraud, 0.9, rng.uniform(0.1, 0.5, size=hub.height))
    onward = np.where(
        fraud & (rng.random(hub.height) < 0.85),
        "US",
        np.array(ONWARD)[rng.integers(0, len(ONWARD), size=hub.height)],
    )
    re_exports = (
        hub.with_columns(
            _share=pl.Series(share),
            _to=pl.Series(onward),
            _out=pl.col("_arr") + pl.Series(rng.integers(15, 75, size=hub.height)),
        )
        .filter(pl.col("_out") < DAYS + 60)
        .group_by("destination_country", "_to", "_hs_true", _month(pl.col("_out")).alias("period"))
        .agg(
            (pl.col("_fair_usd") * 1.15 * pl.col("_share")).sum().round(0).alias("value_usd"),
            (pl.col("_true_kg") * pl.col("_share")).sum().round(1).alias("quantity_kg"),
        )
        .select(
            pl.col("destination_country").alias("reporter"),
            pl.col("_to").alias("partner"),
            pl.lit("re_export").alias("flow"),
            pl.col("_hs_true").alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
    )
    return pl.concat([exports, imports, re_exports]).sort(
        "flow", "reporter", "partner", "hs_code", "period"
    )
