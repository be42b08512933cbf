"""Time in the synthetic world: the day grid, seasonality and months.

Owns the daily activity weights (weekends, Chinese New Year dip, Golden Week,
quarter-end rush, slow growth). No other module decides when trade happens.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

#: Chinese New Year's day per year (the dip is centred on it).
CNY: dict[int, date] = {
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
}

EPOCH = date(1970, 1, 1)


def day_number(d: date) -> int:
    """Days since 1970-01-01 (numpy datetime64[D] integer)."""
    return (d - EPOCH).days


def day_weights(start: date, end: date) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Day numbers from ``start`` to ``end`` inclusive and their activity weights."""
    n = (end - start).days + 1
    days = np.arange(day_number(start), day_number(start) + n, dtype=np.int64)
    dt = days.astype("datetime64[D]")
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday -> Monday = 0
    w = np.ones(n)
    w[weekday == 5] = 0.55
    w[weekday == 6] = 0.3
    years = dt.astype("datetime64[Y]").astype(int) + 1970
    months = dt.astype("datetime64[M]").astype(int) % 12 + 1
    dom = (dt - dt.astype("datetime64[M]")).astype(int) + 1
    for year, cny in CNY.items():
        c = day_number(cny)
        rel = days - c
        w[(rel >= -7) & (rel <= 10)] *= 0.22
        w[(rel >= -25) & (rel < -7)] *= 1.15
        gw = day_number(date(year, 10, 1))
        w[(days >= gw) & (days < gw + 7)] *= 0.4
    quarter_end = np.isin(months, (3, 6, 9, 12)) & (dom >= 21)
    w[quarter_end] *= 1.2
    w *= 1.0 + 0.04 * (years - 2023 + (months - 1) / 12.0)
    return days, w / w.sum()


def month_starts(start: date, end: date) -> list[date]:
    """First day of every month touching [start, end]."""
    out: list[date] = []
    y, m = start.year, start.month
    while date(y, m, 1) <= end:
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_index(days: npt.NDArray[np.int64], start: date) -> npt.NDArray[np.int64]:
    """Index of each day's month counted from ``start``'s month."""
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    base = (start.year - 1970) * 12 + start.month - 1
    out: npt.NDArray[np.int64] = months - base
    return out


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)
