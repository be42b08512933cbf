"""The calendar of the world: two years of trade around real control dates.

Days are integers counted from ``START`` so that whole columns of dates are numpy
arithmetic. The window (2024-07-01 .. 2026-06-30) holds the antimony and superhard
controls of 2024-09-15, the US measures of 2024-12-03 and their 2025-11-09 suspension,
the tungsten/tellurium/bismuth/molybdenum/indium items of 2025-02-04, the seven rare
earths of 2025-04-04, the October/November 2025 items that were suspended before they
took effect, the rare-earth general licences of 2025-12-19 and the Japanese end-user ban
of 2026-01-06 (all from the control catalogue). Gallium, germanium and graphite were
already controlled when the window opens.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

START = dt.date(2024, 7, 1)
DAYS = 730
END_DAY = DAYS - 1


def day(iso: str) -> int:
    """Days from START of an ISO date (negative before the window)."""
    return (dt.date.fromisoformat(iso) - START).days


def iso(d: int) -> str:
    return (START + dt.timedelta(days=int(d))).isoformat()


#: Announcement dates that move honest and dishonest trade alike.
US_MEASURES = day("2024-12-03")
US_ART2_SUSPENDED = day("2025-11-09")
RARE_EARTH_GENERAL_LICENCE = day("2025-12-19")
JAPAN_BAN = day("2026-01-06")
#: The 2025 No.55-58 items: effective 2025-11-08 but suspended from 2025-11-07, never in force.
NEVER_IN_FORCE = 10**6

_EPOCH = np.datetime64(START.isoformat(), "D")


def as_datetime64(days: np.ndarray) -> np.ndarray:
    return _EPOCH + days.astype("timedelta64[D]")


def _day_weights() -> np.ndarray:
    """Lodging intensity per day: quiet Sundays, lighter Saturdays, and the two Spring
    Festival weeks (2025-01-29, 2026-02-17) when factories close."""
    days = np.arange(DAYS)
    weekday = days % 7  # START is a Monday
    w = np.ones(DAYS)
    w[weekday == 5] = 0.45
    w[weekday == 6] = 0.15
    for festival in (day("2025-01-29"), day("2026-02-17")):
        dist = days - festival
        w[(dist >= -5) & (dist <= 9)] *= 0.2
        w[(dist > 9) & (dist <= 20)] *= 0.7
    return w


WEIGHTS = _day_weights()
_CDF = np.concatenate([[0.0], np.cumsum(WEIGHTS)])


def sample_days(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """One lodging day in [lo, hi] per element, following the weekly and festival rhythm."""
    lo = np.clip(np.asarray(lo, dtype=np.int64), 0, END_DAY)
    hi = np.clip(np.asarray(hi, dtype=np.int64), lo, END_DAY)
    u = rng.random(lo.shape[0])
    target = _CDF[lo] + u * (_CDF[hi + 1] - _CDF[lo])
    return np.clip(np.searchsorted(_CDF, target, side="right") - 1, lo, hi)


def ramp(t: np.ndarray, a: float, b: float) -> np.ndarray:
    """0 before a, 1 after b, linear between."""
    return np.clip((np.asarray(t, dtype=float) - a) / max(b - a, 1.0), 0.0, 1.0)
