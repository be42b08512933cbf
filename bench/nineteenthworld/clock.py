"""The world's calendar: 2024-01-01 to 2025-12-31, with the rhythm of land trade.

Trade slows around the Chinese New Year and on Sundays (residents' markets do not), the
China-Europe trains grow through the period, and goods about to come under control rush
out in the six weeks before the control takes effect, then thin out (licences only).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Sequence

START = dt.date(2024, 1, 1)
END = dt.date(2025, 12, 31)
DAYS = (END - START).days + 1
SPRING_FESTIVALS = (dt.date(2024, 2, 10), dt.date(2025, 1, 29))
RUSH_DAYS = 42


def day_at(index: int) -> dt.date:
    return START + dt.timedelta(days=index)


def index_of(day: dt.date) -> int:
    return (day - START).days


def months() -> list[str]:
    """Every period of the world, ``YYYY-MM``."""
    return [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def _base_weight(day: dt.date, sundays: bool, growth: float) -> float:
    weight = 1.0 + growth * index_of(day) / DAYS
    for festival in SPRING_FESTIVALS:
        gap = (day - festival).days
        if -3 <= gap <= 7:
            weight *= 0.25
        elif -14 <= gap < -3:
            weight *= 1.25  # goods leave before the holiday
    if sundays and day.weekday() == 6:
        weight *= 0.55
    return weight


class Profile:
    """A distribution of days, drawn by bisecting cumulative weights."""

    def __init__(self, weights: Sequence[float]) -> None:
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, lo: int = 0, hi: int = DAYS) -> dt.date:
        """A day in ``[lo, hi)`` (indexes), by the profile's weights."""
        lo = max(lo, 0)
        hi = min(hi, DAYS)
        if hi <= lo:
            return day_at(min(max(lo, 0), DAYS - 1))
        base = self.cum[lo - 1] if lo > 0 else 0.0
        top = self.cum[hi - 1]
        if top <= base:
            return day_at(rng.randrange(lo, hi))
        x = base + rng.random() * (top - base)
        return day_at(min(bisect.bisect_right(self.cum, x), hi - 1))


def company_profile(growth: float = 0.15) -> Profile:
    return Profile([_base_weight(day_at(i), True, growth) for i in range(DAYS)])


def resident_profile() -> Profile:
    return Profile([_base_weight(day_at(i), False, 0.05) for i in range(DAYS)])


def control_profile(effective: dt.date | None, rush_factor: float, after: float) -> Profile:
    """Days of a good that comes under control on ``effective``: rush before, fewer after."""
    weights = []
    for i in range(DAYS):
        day = day_at(i)
        w = _base_weight(day, True, 0.0)
        if effective is not None:
            gap = (effective - day).days
            if 0 < gap <= RUSH_DAYS:
                w *= rush_factor
            elif gap <= 0:
                w *= after
        weights.append(w)
    return Profile(weights)


def moment(rng: random.Random, day: dt.date, early: int = 8, late: int = 19) -> dt.datetime:
    """A lodging time on ``day`` during office hours (Beijing time)."""
    minutes = rng.randrange(early * 60, late * 60)
    return dt.datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, rng.randrange(60))
