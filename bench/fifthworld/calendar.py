"""Time, money and prices: the season, exchange rates and price levels that drift.

The period runs two years from March 2024, so the antimony (2024-09-15), tungsten-group
(2025-02-04), rare-earth (2025-04-04) and Japan (2026-01-06) controls all start inside it.
Trade dips around Chinese New Year and rushes before it and before the Western holidays;
weekends are quiet. Exchange rates walk around plausible levels; export prices of
controlled goods abroad climb after their control starts while domestic prices stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

START = dt.date(2024, 3, 1)
DAYS = 730
CURRENCIES = ("USD", "EUR", "HKD", "CNY", "JPY")
#: Units of each currency per USD at the start, and the daily volatility of its walk.
FX_START = {
    "USD": (1.0, 0.0),
    "EUR": (0.92, 0.004),
    "HKD": (7.81, 0.0003),
    "CNY": (7.19, 0.0015),
    "JPY": (149.0, 0.005),
}
#: Chinese New Year days in the period (the dip spans about two weeks from them).
NEW_YEARS = (dt.date(2025, 1, 29), dt.date(2026, 2, 17))


def day_index(day: dt.date) -> int:
    """Days since the period start."""
    return (day - START).days


@dataclass(frozen=True)
class Calendar:
    """Per-day season weights, exchange rates, and the cumulative weights used to draw dates."""

    weights: np.ndarray
    cumulative: np.ndarray
    fx: dict[str, np.ndarray]

    def draw_days(self, rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """One day per row in ``[lo, hi)`` (day indexes), following the season."""
        c = self.cumulative
        lo_c, hi_c = c[lo], c[np.maximum(hi, lo + 1) - 1]
        target = lo_c + rng.random(lo.shape[0]) * (hi_c - lo_c)
        return np.clip(np.searchsorted(c, target), lo, np.maximum(hi - 1, lo))


def season(days: np.ndarray) -> np.ndarray:
    """Relative trade volume of each day: weekday, month, New Year dip and rushes."""
    dates = np.datetime64(START.isoformat()) + days.astype("timedelta64[D]")
    weekday = (dates.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
    w = np.where(weekday < 5, 1.0, np.where(weekday == 5, 0.35, 0.1))
    month = dates.astype("datetime64[M]").astype(int) % 12 + 1
    w *= np.array([1.1, 0.75, 1.0, 1.0, 1.05, 1.0, 1.0, 1.1, 1.2, 1.2, 1.15, 1.05])[month - 1]
    for ny in NEW_YEARS:
        k = days - day_index(ny)
        w *= np.where((k >= -3) & (k < 12), 0.25, 1.0) * np.where((k >= -25) & (k < -3), 1.3, 1.0)
    return w


def build_calendar(rng: np.random.Generator) -> Calendar:
    """The period's season weights and exchange-rate walks."""
    days = np.arange(DAYS)
    w = season(days)
    fx = {}
    for code, (level, vol) in FX_START.items():
        walk = np.cumsum(rng.normal(0.0, vol, DAYS))
        fx[code] = level * np.exp(walk - walk.mean() * 0.2)
    return Calendar(w, np.cumsum(w) / w.sum(), fx)


def export_premium(days: np.ndarray, effective: np.ndarray, jump: np.ndarray) -> np.ndarray:
    """Price abroad over the domestic price: 1 before the control, rising to ``jump`` over
    about four months after it (scarcity outside China)."""
    since = np.clip((days - effective) / 120.0, 0.0, 1.0)
    return 1.0 + (jump - 1.0) * since


def drift(days: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """A slow price trend: ``rate`` per year, compounding."""
    return np.exp(rate * days / 365.0)
