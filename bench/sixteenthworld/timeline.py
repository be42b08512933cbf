"""The thirty months the world covers, and how busy each day of them is.

April 2024 to September 2026: the antimony controls (2024 No.33, announced a month
ahead), the US measures of 2024 No.46 and their suspension, the 2025 No.10 and No.18
items, the No.70 suspension of the October 2025 items and the Japanese end-user ban of
2026 No.1 all fall inside, so honest trade has to live through each of them. Volumes
follow the customs calendar: weekends, the Spring Festival and the October Golden Week
are quiet, the run-up to Christmas is busy, and trade grows a little every year.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

START = dt.date(2024, 4, 1)
END = dt.date(2026, 9, 30)
N_DAYS = (END - START).days + 1

#: Announcement days of controls that were published ahead of their effective date
#: (the weeks between are when honest exporters rush out what they can).
ANNOUNCED: dict[str, dt.date] = {
    "antimony": dt.date(2024, 8, 15),
    "superhard_materials": dt.date(2024, 8, 15),
}

_SPRING_FESTIVALS = (dt.date(2025, 1, 29), dt.date(2026, 2, 17))
_WEEKDAY = (1.0, 1.02, 1.03, 1.0, 0.97, 0.42, 0.18)
_MONTH = (0.92, 0.85, 1.0, 1.0, 1.02, 1.0, 0.96, 0.95, 1.03, 0.97, 1.08, 1.12)


def day_of(index: int) -> dt.date:
    return START + dt.timedelta(days=index)


def index_of(day: dt.date) -> int:
    return (day - START).days


def months() -> list[str]:
    """Every ``YYYY-MM`` of the period, in order."""
    out: list[str] = []
    y, m = START.year, START.month
    while (y, m) <= (END.year, END.month):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def day_weights() -> np.ndarray:
    """Relative lodging volume of every day of the period."""
    weights = np.empty(N_DAYS)
    for i in range(N_DAYS):
        day = day_of(i)
        w = _WEEKDAY[day.weekday()] * _MONTH[day.month - 1]
        w *= 1.0 + 0.03 * (i / 365.0)
        for festival in _SPRING_FESTIVALS:
            offset = (day - festival).days
            if -8 <= offset <= 12:
                w *= 0.2 if -2 <= offset <= 6 else 0.55
        if day.month == 10 and day.day <= 7:
            w *= 0.35
        weights[i] = w
    normalised: np.ndarray = weights / weights.sum()
    return normalised


def clamp(day: dt.date) -> dt.date:
    return min(max(day, START), END)
