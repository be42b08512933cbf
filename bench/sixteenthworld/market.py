"""Prices at home and abroad, and how controls pull them apart.

Each element has a domestic path (what a ton costs in China) and a premium path (how
much more it fetches abroad). Before an element is controlled the premium is freight
and margin; once licences are needed, supply abroad tightens and the premium climbs
over a few months to two, three or, for yttrium oxide, a dozen times the domestic price.
That gap is why smuggling pays and also why honest licensed export prices jump: a price
that doubled after a control is not by itself a sign of anything.

``prices_table`` writes what a market-data subscription would show: weekly Chinese
domestic quotes in yuan and Rotterdam quotes in dollars (LME-style dollars per ton for
the base metals), with the week-to-week wobble such quotes have.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

import numpy as np

from sixteenthworld.geography import FX
from sixteenthworld.goods import GOODS
from sixteenthworld.timeline import END, START

D = dt.date
Knots = tuple[tuple[dt.date, float], ...]

DOMESTIC: dict[str, Knots] = {
    "gallium": (
        (START, 1.0),
        (D(2024, 10, 1), 1.3),
        (D(2025, 3, 1), 1.25),
        (D(2025, 9, 1), 1.1),
        (END, 1.05),
    ),
    "germanium": ((START, 1.0), (D(2024, 10, 1), 1.8), (D(2025, 4, 1), 1.7), (END, 1.5)),
    "antimony": (
        (START, 1.0),
        (D(2024, 9, 1), 1.3),
        (D(2025, 2, 1), 1.8),
        (D(2025, 7, 1), 1.5),
        (END, 1.2),
    ),
    "tungsten": (
        (START, 1.0),
        (D(2025, 2, 1), 1.1),
        (D(2025, 8, 1), 1.5),
        (D(2026, 2, 1), 2.2),
        (END, 2.4),
    ),
    "bismuth": ((START, 1.0), (D(2025, 2, 1), 1.2), (D(2025, 5, 1), 1.6), (END, 1.4)),
    "tellurium": ((START, 1.0), (END, 1.1)),
    "molybdenum": ((START, 1.0), (END, 1.15)),
    "indium": ((START, 1.0), (END, 1.2)),
    "dysprosium": ((START, 1.0), (D(2025, 4, 1), 0.95), (D(2025, 10, 1), 1.1), (END, 1.15)),
    "terbium": ((START, 1.0), (D(2025, 4, 1), 0.9), (D(2025, 10, 1), 1.05), (END, 1.1)),
    "yttrium": ((START, 1.0), (END, 1.3)),
    "graphite": ((START, 1.0), (END, 0.9)),
    "tin": ((START, 1.0), (D(2025, 1, 1), 1.1), (END, 1.2)),
    "copper": ((START, 1.0), (END, 1.12)),
}

PREMIUM: dict[str, Knots] = {
    "gallium": ((START, 1.9), (D(2025, 6, 1), 2.5), (END, 2.3)),
    "germanium": ((START, 1.5), (D(2024, 12, 3), 1.7), (D(2025, 6, 1), 2.1), (END, 1.9)),
    "graphite": ((START, 1.12), (END, 1.15)),
    "antimony": (
        (START, 1.08),
        (D(2024, 9, 14), 1.12),
        (D(2025, 1, 15), 2.9),
        (D(2025, 11, 9), 2.6),
        (END, 2.4),
    ),
    "tungsten": ((START, 1.05), (D(2025, 2, 3), 1.06), (D(2025, 5, 1), 1.45), (END, 1.5)),
    "bismuth": (
        (START, 1.05),
        (D(2025, 2, 3), 1.06),
        (D(2025, 5, 1), 4.0),
        (D(2025, 12, 1), 3.0),
        (END, 2.8),
    ),
    "tellurium": ((START, 1.05), (D(2025, 2, 3), 1.05), (D(2025, 5, 1), 1.5), (END, 1.45)),
    "molybdenum": ((START, 1.04), (D(2025, 2, 3), 1.04), (D(2025, 5, 1), 1.3), (END, 1.25)),
    "indium": ((START, 1.05), (D(2025, 2, 3), 1.05), (D(2025, 5, 1), 1.4), (END, 1.35)),
    "dysprosium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 3.0), (END, 2.6)),
    "terbium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 2.8), (END, 2.4)),
    "yttrium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 9, 1), 12.0), (END, 8.0)),
    "gadolinium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 2.0), (END, 1.9)),
    "scandium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 2.2), (END, 2.0)),
    "lutetium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 1.8), (END, 1.7)),
    "samarium": ((START, 1.05), (D(2025, 4, 3), 1.06), (D(2025, 7, 1), 2.5), (END, 2.2)),
}

_FLAT: Knots = ((START, 1.0), (END, 1.03))
_FLAT_PREMIUM: Knots = ((START, 1.06), (END, 1.08))


def _interp(knots: Knots, day: dt.date) -> float:
    days = [k[0] for k in knots]
    i = bisect_right(days, day)
    if i == 0:
        return knots[0][1]
    if i == len(knots):
        return knots[-1][1]
    (d0, v0), (d1, v1) = knots[i - 1], knots[i]
    span = (d1 - d0).days or 1
    return v0 + (v1 - v0) * (day - d0).days / span


def domestic(element: str, day: dt.date) -> float:
    """Domestic price multiplier of ``element`` relative to the start of the period."""
    return _interp(DOMESTIC.get(element, _FLAT), day)


def premium(element: str, day: dt.date) -> float:
    """How much more than at home the element fetches abroad on ``day``."""
    return _interp(PREMIUM.get(element, _FLAT_PREMIUM), day)


def fx(currency: str, day: dt.date) -> float:
    """Units of ``currency`` per US dollar on ``day``."""
    rate, drift = FX[currency]
    return rate + drift * ((day - START).days / 365.0)


def prices_table(rng: np.random.Generator) -> dict[str, list[object]]:
    """Weekly domestic and Rotterdam quotes for every material the world trades."""
    materials: dict[str, tuple[float, str]] = {}
    for good in GOODS:
        if good.material and ":" in good.material and good.material not in materials:
            materials[good.material] = (good.price, good.element)
    bulk = {"zinc": 2.8, "aluminium": 2.4, "lead": 2.2, "copper": 9.3, "tin": 30.0}
    cols: dict[str, list[object]] = {
        k: [] for k in ("material", "market", "date", "price", "currency", "unit")
    }
    mondays = []
    day = START + dt.timedelta(days=(7 - START.weekday()) % 7)
    while day <= END:
        mondays.append(day)
        day += dt.timedelta(days=7)
    for material in sorted(materials):
        base, element = materials[material]
        walk = np.exp(np.cumsum(rng.normal(0.0, 0.012, len(mondays))))
        for j, monday in enumerate(mondays):
            home = base * domestic(element, monday) * walk[j]
            _add(cols, material, "CN", monday, home * fx("CNY", monday), "CNY", "kg")
            abroad = home * premium(element, monday) * float(np.exp(rng.normal(0, 0.02)))
            _add(cols, material, "Rotterdam", monday, abroad, "USD", "kg")
    for metal in sorted(bulk):
        walk = np.exp(np.cumsum(rng.normal(0.0, 0.015, len(mondays))))
        for j, monday in enumerate(mondays):
            usd_t = bulk[metal] * 1000 * domestic(metal, monday) * walk[j]
            _add(cols, metal, "LME", monday, usd_t, "USD", "t")
            _add(cols, metal, "CN", monday, usd_t * fx("CNY", monday) * 1.02, "CNY", "t")
    return cols


def _add(
    cols: dict[str, list[object]],
    material: str,
    market: str,
    day: dt.date,
    price: float,
    currency: str,
    unit: str,
) -> None:
    cols["material"].append(material)
    cols["market"].append(market)
    cols["date"].append(day.isoformat())
    cols["price"].append(round(float(price), 2))
    cols["currency"].append(currency)
    cols["unit"].append(unit)
