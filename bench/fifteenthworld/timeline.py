"""The period of the world and how busy each day of it is.

July 2023 to March 2026: the gallium/germanium control (2023-08-01) takes effect a month
in, graphite, antimony, the 2025 No.10 metals and the seven rare earths follow inside
the period, and the suspended 2025 Nos.55-58 items never come into force in it. Customs
work follows the week and the Chinese New Year, and trade grows slowly.
"""

from __future__ import annotations

import datetime as dt
import math

START = dt.date(2023, 7, 1)
END = dt.date(2026, 3, 31)
DAYS: tuple[dt.date, ...] = tuple(
    START + dt.timedelta(days=i) for i in range((END - START).days + 1)
)

#: First day of each Chinese New Year in the period: the fortnight after is quiet and
#: the week before is busy (exporters ship before the factories close).
NEW_YEARS = (dt.date(2024, 2, 10), dt.date(2025, 1, 29), dt.date(2026, 2, 17))

WEEKDAY = (1.0, 1.05, 1.05, 1.0, 0.95, 0.3, 0.12)


def activity(day: dt.date) -> float:
    """Relative number of declarations lodged on ``day`` (about 1 on a weekday)."""
    weight = WEEKDAY[day.weekday()]
    for new_year in NEW_YEARS:
        delta = (day - new_year).days
        if -9 <= delta < -1:
            weight *= 1.25
        elif -1 <= delta < 8:
            weight *= 0.15
        elif 8 <= delta < 18:
            weight *= 0.6
    years = (day - START).days / 365.25
    return weight * (1.0 + 0.06 * years) * (1.0 + 0.05 * math.sin(2 * math.pi * day.month / 12))


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


MONTHS: tuple[str, ...] = tuple(dict.fromkeys(month_of(d) for d in DAYS))


def month_start(month: str) -> dt.date:
    year, mon = month.split("-")
    return dt.date(int(year), int(mon), 1)


def clamp(day: dt.date) -> dt.date:
    return min(max(day, START), END)
