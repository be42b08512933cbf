"""When declarations are lodged: a trade year with its own rhythm.

Volume dips around the Spring Festival (February) and Golden Week (early October),
rises before Christmas shipping (November, December), is light at weekends and bunches
at month ends when exporters clear orders for their monthly figures; it grows slowly
year on year.
"""

from __future__ import annotations

import numpy as np

START = np.datetime64("2024-01-01")
END = np.datetime64("2026-09-30")
MONTH_WEIGHT = np.array([1.05, 0.62, 0.95, 1.0, 1.02, 1.0, 0.98, 1.0, 1.05, 0.8, 1.12, 1.15])
WEEKDAY_WEIGHT = np.array([1.0, 1.05, 1.05, 1.0, 1.1, 0.45, 0.2])  # Monday first
GROWTH_PER_YEAR = 0.05


def day_weights() -> tuple[np.ndarray, np.ndarray]:
    """Every day of the window and its relative chance of a declaration."""
    days = np.arange(START, END + 1)
    months = days.astype("datetime64[M]")
    month = months.astype(int) % 12
    weekday = (days.astype(int) + 3) % 7  # 1970-01-01 was a Thursday
    next_month = (months + 1).astype("datetime64[D]")
    month_end = (next_month - days).astype(int) <= 3
    years = (days - START).astype(int) / 365.25
    w = MONTH_WEIGHT[month] * WEEKDAY_WEIGHT[weekday] * np.where(month_end, 1.5, 1.0)
    w = w * (1 + GROWTH_PER_YEAR) ** years
    return days, w / w.sum()


def sample_days(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` lodging days drawn with the seasonal weights."""
    days, w = day_weights()
    return rng.choice(days, size=n, p=w)


def clamp_after(rng: np.random.Generator, days: np.ndarray, earliest: np.ndarray) -> np.ndarray:
    """Days moved into ``[earliest, END]`` where they fall before ``earliest``.

    A company cannot export before it exists: such days are redrawn uniformly over the
    part of the window it does exist in.
    """
    lo = np.maximum(earliest, START)
    span = np.maximum((END - lo).astype(int), 1)
    redrawn = lo + (rng.random(days.size) * span).astype(int)
    return np.where(days < lo, redrawn, days)
