"""Official statistics and market prices.

China's own export statistics aggregate the declarations as declared (eight-digit codes,
monthly). Partners publish mirror statistics of what they imported from China at six
digits -- monthly for most, yearly for some -- valued CIF, and recording the goods as
their importers declared them: where a misdeclared cargo was declared truthfully on
arrival, or undervalued at export and valued fully on import, the mirror shows it.
Hubs publish their re-exports, which carry relayed goods to their real buyers (and, as
an honest trap, the steady and sometimes surging re-exports of honest stockists).

Prices: the domestic (CNY) and Rotterdam (USD) quotes of each controlled material, weekly,
with the domestic rise and the abroad premium the controls opened.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import goods
from .books import Books
from .places import HUBS
from .timeline import DAYS, START, as_datetime64

#: Partners that publish monthly import statistics by partner; and those only yearly.
MONTHLY_REPORTERS = (
    "US",
    "JP",
    "KR",
    "DE",
    "NL",
    "FR",
    "IT",
    "GB",
    "VN",
    "TH",
    "MY",
    "SG",
    "HK",
    "TW",
    "AU",
    "CA",
)
YEARLY_REPORTERS = ("IN", "TR", "MX", "KZ", "BR", "AE")
FINAL_MARKETS = ("US", "JP", "DE", "KR", "IN", "GB", "FR", "TW", "IT", "PL")


def _period(days: np.ndarray) -> np.ndarray:
    return as_datetime64(np.clip(days, 0, DAYS - 1)).astype("datetime64[M]").astype(str)


def trade_stats(rng: np.random.Generator, books: Books, lines: pl.DataFrame) -> pl.DataFrame:
    day = lines["day"].to_numpy().astype(np.int64)
    product = lines["product"].to_numpy()
    hs = goods.HS[product].astype(str)
    own = (
        pl.DataFrame(
            {
                "reporter": "CN",
                "partner": lines["dest"],
                "flow": "export",
                "hs_code": pl.Series(hs).str.slice(0, 8),
                "period": _period(day),
                "value_usd": lines["value_usd"],
                "quantity_kg": lines["net_kg"],
            }
        )
        .group_by("reporter", "partner", "flow", "hs_code", "period")
        .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
    )

    # mirror: what partners recorded arriving from China
    mode = lines["mode"].to_numpy()
    lag = np.where(
        mode == "sea", rng.integers(18, 40, lines.height), rng.integers(1, 6, lines.height)
    )
    mirror_p = lines["mirror"].to_numpy()
    cif = lines["true_value_usd"].to_numpy() * rng.uniform(1.04, 1.1, lines.height)
    arrived = pl.DataFrame(
        {
            "reporter": lines["dest"],
            "partner": "CN",
            "flow": "import",
            "hs_code": pl.Series(goods.HS[mirror_p].astype(str)).str.slice(0, 6),
            "day": day + lag,
            "value_usd": cif,
            "quantity_kg": lines["net_kg"].to_numpy() + lines["hidden"].to_numpy(),
        }
    ).filter(pl.col("day") < DAYS)
    monthly = arrived.filter(pl.col("reporter").is_in(MONTHLY_REPORTERS)).with_columns(
        pl.Series(
            "period",
            _period(arrived.filter(pl.col("reporter").is_in(MONTHLY_REPORTERS))["day"].to_numpy()),
        )
    )
    yearly = arrived.filter(pl.col("reporter").is_in(YEARLY_REPORTERS)).with_columns(
        (pl.lit(START.year) + ((pl.col("day") + 181) // 365)).cast(pl.String).alias("period")
    )
    mirror = (
        pl.concat([monthly, yearly])
        .group_by("reporter", "partner", "flow", "hs_code", "period")
        .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
    )

    # hub re-exports: honest stockists pass on a share of what they import, to several
    # markets; one honest stockist per run surges for a quarter
    hub_in = arrived.filter(
        pl.col("reporter").is_in(HUBS) & pl.col("hs_code").is_in(_controlled_hs6())
    )
    parts = []
    if hub_in.height:
        n = hub_in.height
        share = rng.uniform(0.05, 0.35, n)
        to = np.array(FINAL_MARKETS, dtype=object)[rng.integers(0, len(FINAL_MARKETS), n)]
        out_day = hub_in["day"].to_numpy() + rng.integers(15, 75, n)
        surge_hub = str(rng.choice(["SG", "NL", "HK"]))
        surge_start = int(rng.integers(90, DAYS - 150))
        surge = (
            (hub_in["reporter"].to_numpy() == surge_hub)
            & (out_day >= surge_start)
            & (out_day < surge_start + 90)
        )
        share = np.where(surge, share * 3.0, share)
        parts.append(
            pl.DataFrame(
                {
                    "reporter": hub_in["reporter"],
                    "partner": to.astype(str),
                    "flow": "re_export",
                    "hs_code": hub_in["hs_code"],
                    "day": out_day,
                    "value_usd": hub_in["value_usd"].to_numpy() * share * 1.15,
                    "quantity_kg": hub_in["quantity_kg"].to_numpy() * share,
                }
            )
        )
    if books.relays:
        hub, final, hs6, rday, kg, usd = zip(*books.relays, strict=True)
        parts.append(
            pl.DataFrame(
                {
                    "reporter": list(hub),
                    "partner": list(final),
                    "flow": "re_export",
                    "hs_code": list(hs6),
                    "day": np.array(rday, dtype=np.int64),
                    "value_usd": np.array(usd, dtype=float),
                    "quantity_kg": np.array(kg, dtype=float),
                }
            )
        )
    frames = [own, mirror]
    if parts:
        reex = pl.concat(parts).filter(pl.col("day") < DAYS)
        reex = reex.with_columns(pl.Series("period", _period(reex["day"].to_numpy()))).drop("day")
        frames.append(
            reex.group_by("reporter", "partner", "flow", "hs_code", "period").agg(
                pl.col("value_usd").sum(), pl.col("quantity_kg").sum()
            )
        )
    out = pl.concat(
        [
            f.select("reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg")
            for f in frames
        ]
    )
    out = out.filter(pl.col("reporter") != pl.col("partner"))
    return out.with_columns(pl.col("value_usd").round(0), pl.col("quantity_kg").round(0)).sort(
        "reporter", "partner", "flow", "hs_code", "period"
    )


def _controlled_hs6() -> list[str]:
    return sorted({p.hs[:6] for p in goods.PRODUCTS if p.kind in ("C", "L")})


#: Quote units: bulk materials by the tonne, the rest by the kilogram.
BY_TONNE = (
    "antimony:metal",
    "antimony:trioxide",
    "stibnite_concentrate",
    "graphite:spherical",
    "graphite:natural_flake",
    "graphite:synthetic",
    "tungsten:apt",
    "bismuth:metal",
)


def prices(rng: np.random.Generator) -> pl.DataFrame:
    weeks = np.arange(0, DAYS, 7)
    rows = []
    seen: set[str] = set()
    for i, p in enumerate(goods.PRODUCTS):
        if p.kind != "C" or not p.material or p.material in seen:
            continue
        seen.add(p.material)
        unit = "t" if p.material in BY_TONNE else "kg"
        scale = 1000.0 if unit == "t" else 1.0
        prod = np.full(weeks.shape, i)
        dom = goods.price_usd_kg(prod, weeks, 0.0)
        abroad = goods.price_usd_kg(prod, weeks, 1.0)
        walk_cn = np.exp(np.cumsum(rng.normal(0, 0.015, weeks.size)))
        walk_ro = np.exp(np.cumsum(rng.normal(0, 0.02, weeks.size)))
        dates = as_datetime64(weeks).astype(str)
        for d, cn, ro in zip(dates, dom * walk_cn, abroad * walk_ro, strict=True):
            rows.append((p.material, "CN", str(d), round(float(cn) * 7.2 * scale, 1), "CNY", unit))
            rows.append((p.material, "Rotterdam", str(d), round(float(ro) * scale, 2), "USD", unit))
    frame = pl.DataFrame(
        rows,
        schema={
            "material": pl.String,
            "market": pl.String,
            "date": pl.String,
            "price": pl.Float64,
            "currency": pl.String,
            "unit": pl.String,
        },
        orient="row",
    )
    return frame.sort("material", "market", "date")
