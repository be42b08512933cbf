"""Reference tables: trade statistics (own exports and partners' mirror imports) and prices.

Partners' imports of controlled codes from China fall after each item's control date,
except in the relay countries, where they surge (goods re-exported onwards); the
statistics run from 2022 so the change is visible.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from .catalogue import CONTROLLED, COUNTRIES, RELAY_COUNTRIES, USD_RATE


def trade_stats(rng: np.random.Generator) -> pl.DataFrame:
    """Monthly CN exports and partner imports by 6-digit code, 2022-01..2026-09."""
    months = [f"{y}-{m:02d}" for y in range(2022, 2027) for m in range(1, 13)][:57]
    hs6 = sorted({c.hs[:6] for c in CONTROLLED})
    start = {c.hs[:6]: c.control_id for c in CONTROLLED}
    eff = {"GA": "2023-08", "GE": "2023-08", "GR": "2023-12", "SB": "2024-09"}
    partners = [c[0] for c in COUNTRIES]
    rows = []
    for h in hs6:
        code = start[h].split("-")[3]
        since = eff.get(code, "2025-02" if code in ("W", "TE", "BI", "MO", "IN") else "2025-04")
        for p in partners:
            base = rng.lognormal(11, 1.2)
            after = np.array([m >= since for m in months])
            factor = np.where(
                after, rng.uniform(2.5, 6) if p in RELAY_COUNTRIES else rng.uniform(0.2, 0.6), 1.0
            )
            value = base * factor * rng.lognormal(0, 0.25, len(months))
            kg = value / rng.uniform(20, 200)
            for flow, reporter, partner, noise in (
                ("export", "CN", p, 1.0),
                ("import", p, "CN", 1.08),
            ):
                rows.append(
                    pl.DataFrame(
                        {
                            "reporter": reporter,
                            "partner": partner,
                            "flow": flow,
                            "hs_code": h,
                            "period": months,
                            "value_usd": np.round(value * noise, 0),
                            "quantity_kg": np.round(kg * noise, 0),
                        }
                    )
                )
    return pl.concat(rows)


def prices(rng: np.random.Generator) -> pl.DataFrame:
    """Weekly domestic (CNY) and Rotterdam (USD) prices per material, 2025-01..2026-10."""
    weeks = [dt.date(2025, 1, 6) + dt.timedelta(days=7 * i) for i in range(95)]
    frames = []
    for c in CONTROLLED:
        walk = np.exp(np.cumsum(rng.normal(0, 0.02, len(weeks))))
        cn = c.usd_per_kg * 0.8 * walk * USD_RATE["CNY"]
        abroad = c.usd_per_kg * rng.uniform(1.6, 2.6) * walk
        for market, price, cur in (("CN", cn, "CNY"), ("Rotterdam", abroad, "USD")):
            frames.append(
                pl.DataFrame(
                    {
                        "material": c.material,
                        "market": market,
                        "date": [w.isoformat() for w in weeks],
                        "price": np.round(price, 2),
                        "currency": cur,
                        "unit": "kg",
                    }
                )
            )
    return pl.concat(frames)
