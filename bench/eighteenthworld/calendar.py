"""Time in the world: the window, the working rhythm of a customs office, and how
declaration systems write a moment.

The window runs two years across the announcements that matter here (antimony in
September 2024, the US measures of December 2024, tungsten/bismuth/tellurium/indium/
molybdenum in February 2025, medium and heavy rare earths in April 2025, the November
2025 suspension, Japan in January 2026), so that honest rushes before a control date
and the licence gap after it are part of the data. Trade slows over the Chinese New
Year and on Sundays. Different lodging systems write ``declared_at`` differently (date
only, local time, +08:00, UTC): all forms the contract allows.
"""

from __future__ import annotations

import bisect
import random
from datetime import date, datetime, timedelta

START = date(2024, 6, 1)
END = date(2026, 5, 31)
DAYS: tuple[date, ...] = tuple(START + timedelta(days=i) for i in range((END - START).days + 1))
#: Chinese New Year holidays: customs works, factories and forwarders mostly do not.
_HOLIDAYS = (
    (date(2025, 1, 28), date(2025, 2, 4)),
    (date(2026, 2, 15), date(2026, 2, 23)),
    (date(2024, 10, 1), date(2024, 10, 7)),
    (date(2025, 10, 1), date(2025, 10, 8)),
)
LOCAL_OFFSET = timedelta(hours=8)


def _day_weight(d: date) -> float:
    weight = 0.35 if d.weekday() == 6 else (0.8 if d.weekday() == 5 else 1.0)
    for lo, hi in _HOLIDAYS:
        if lo <= d <= hi:
            weight *= 0.15
    return weight


_CUMULATIVE: list[float] = []
_total = 0.0
for _d in DAYS:
    _total += _day_weight(_d)
    _CUMULATIVE.append(_total)


def day_index(d: date) -> int:
    return (d - START).days


def clamp(d: date) -> date:
    return min(max(d, START), END)


def pick_day(rng: random.Random, lo: date = START, hi: date = END) -> date:
    """A working-rhythm-weighted day in ``[lo, hi]`` (clamped to the window)."""
    lo, hi = clamp(lo), clamp(hi)
    if hi < lo:
        lo, hi = hi, lo
    i0, i1 = day_index(lo), day_index(hi)
    base = _CUMULATIVE[i0 - 1] if i0 > 0 else 0.0
    u = base + rng.random() * (_CUMULATIVE[i1] - base)
    return DAYS[min(bisect.bisect_left(_CUMULATIVE, u, i0, i1 + 1), i1)]


def at_time(rng: random.Random, d: date, late: bool = False) -> datetime:
    """A lodging moment on day ``d`` in port-local time: office hours, some evenings."""
    hour = rng.choice((21, 22, 23, 23)) if late else min(23, max(0, int(rng.gauss(13.5, 3.2))))
    return datetime(d.year, d.month, d.day, hour, rng.randrange(60), rng.randrange(60))


#: How a lodging system writes a moment (all ISO 8601 forms the contract accepts).
STYLES = ("local", "date", "cst", "utc")


def fmt_moment(moment: datetime, style: str) -> str:
    if style == "date":
        return moment.date().isoformat()
    if style == "cst":
        return moment.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
    if style == "utc":
        return (moment - LOCAL_OFFSET).strftime("%Y-%m-%dT%H:%M:%SZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def month_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def months() -> list[str]:
    out: list[str] = []
    for d in DAYS:
        m = month_of(d)
        if not out or out[-1] != m:
            out.append(m)
    return out
