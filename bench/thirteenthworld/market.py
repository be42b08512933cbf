"""Prices and exchange rates: what a kilogram is worth, at home and abroad, each day.

Domestic prices drift (log trend plus a random walk) from their 2023-06 level. Abroad,
a controlled material trades near the domestic price until its control takes effect;
then the gap opens over a few months to ``premium`` times the domestic price. That gap
is the smugglers' margin and also what honest licensed exports are priced between.
The ``prices`` table publishes the domestic series (CN, CNY) weekly and the foreign one
(Rotterdam, USD) for the minor metals and rare earths.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .catalogue import EFFECTIVE_DAY, PRODUCTS
from .places import DAYS, iso_days


class Market:
    """Daily domestic CNY/kg, foreign USD/kg per product, and CNY per currency unit."""

    def __init__(self, rng: np.random.Generator) -> None:
        t = np.arange(DAYS) / 365.0
        self.fx_usd = self._fx(rng, 7.15, 0.018, 7.0, 7.35)
        self.fx = {
            "USD": self.fx_usd,
            "EUR": self.fx_usd * self._fx(rng, 1.08, 0.02, 1.02, 1.17),
            "JPY": self.fx_usd / self._fx(rng, 148.0, 0.03, 138.0, 160.0),
            "HKD": self.fx_usd / 7.81,
            "CNY": np.ones(DAYS),
        }
        n = len(PRODUCTS)
        self.domestic = np.empty((n, DAYS))
        self.premium = np.empty((n, DAYS))
        days = np.arange(DAYS)
        for i, p in enumerate(PRODUCTS):
            walk = np.cumsum(rng.normal(0.0, 0.011, DAYS))
            walk -= np.linspace(0, walk[-1], DAYS) * 0.5  # keep the walk from running away
            self.domestic[i] = p.cny * np.exp(p.drift * t + walk)
            ramp = 1.0 / (1.0 + np.exp(-(days - EFFECTIVE_DAY[i] - 60) / 25.0))
            self.premium[i] = 1.04 + (p.premium - 1.04) * ramp * (1 + 0.08 * np.sin(t * 5.0))

    @staticmethod
    def _fx(rng: np.random.Generator, mid: float, vol: float, lo: float, hi: float) -> np.ndarray:
        steps = rng.normal(0.0, vol / np.sqrt(250), DAYS)
        path = mid * np.exp(np.cumsum(steps))
        return np.clip(path, lo, hi)

    def usd_per_kg(self, product: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Domestic price in USD/kg of each product on each day."""
        return self.domestic[product, day] / self.fx_usd[day]

    def table(self, rng: np.random.Generator) -> pl.DataFrame:
        """Weekly quotes: CN domestic for every material, Rotterdam for the minor ones."""
        fridays = np.arange(1, DAYS, 7)
        rows: list[pl.DataFrame] = []
        seen: set[str] = set()
        for i, p in enumerate(PRODUCTS):
            if p.material in seen:
                continue
            seen.add(p.material)
            keep = fridays[rng.random(fridays.size) > 0.06]  # holidays, missed quotes
            per_t = p.unit == "t" or p.cny < 25
            scale = 1000.0 if per_t else 1.0
            rows.append(
                pl.DataFrame(
                    {
                        "material": p.material,
                        "market": "CN",
                        "date": iso_days(keep),
                        "price": np.round(self.domestic[i, keep] * scale, 2),
                        "currency": "CNY",
                        "unit": "t" if per_t else "kg",
                    }
                )
            )
            if p.controlled or p.cny >= 100:
                abroad = self.domestic[i, keep] * self.premium[i, keep] / self.fx_usd[keep]
                rows.append(
                    pl.DataFrame(
                        {
                            "material": p.material,
                            "market": "Rotterdam",
                            "date": iso_days(keep),
                            "price": np.round(abroad * rng.lognormal(0, 0.02, keep.size), 2),
                            "currency": "USD",
                            "unit": "kg",
                        }
                    )
                )
        return pl.concat(rows)
