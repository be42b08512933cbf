"""Prices and exchange rates: what goods are worth on a given day, and in which money.

Controlled materials decoupled after their controls: outside prices rose far above the
domestic Chinese price (the reason smuggling pays), while licensed exporters' FOB prices
sit in between. Paths are piecewise linear through dated anchors taken from the public
picture of 2024-2026 (antimony tripling, gallium and germanium climbing, bismuth and
yttrium spiking outside China after their controls, tungsten surging late 2025). They are
the world's truth: honest declared values follow them with noise and contract lag,
undervaluation is measured against them, and the ``prices`` table publishes them.
"""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta

from eighteenthworld.calendar import END, START

_D = date

#: FOB export price paths, USD per kg, for the world's price keys.
PATHS: dict[str, tuple[tuple[date, float], ...]] = {
    "gallium": (
        (_D(2024, 6, 1), 470),
        (_D(2024, 10, 1), 520),
        (_D(2025, 1, 15), 600),
        (_D(2025, 6, 1), 700),
        (_D(2025, 10, 1), 760),
        (_D(2026, 5, 31), 690),
    ),
    "germanium": (
        (_D(2024, 6, 1), 2150),
        (_D(2024, 10, 1), 2600),
        (_D(2025, 3, 1), 3000),
        (_D(2025, 8, 1), 3500),
        (_D(2025, 12, 1), 3700),
        (_D(2026, 5, 31), 3350),
    ),
    "antimony": (
        (_D(2024, 6, 1), 22),
        (_D(2024, 9, 15), 26),
        (_D(2024, 12, 15), 36),
        (_D(2025, 3, 1), 52),
        (_D(2025, 6, 1), 58),
        (_D(2025, 10, 1), 50),
        (_D(2026, 2, 1), 42),
        (_D(2026, 5, 31), 40),
    ),
    "tungsten": (
        (_D(2024, 6, 1), 30),
        (_D(2025, 1, 15), 31),
        (_D(2025, 5, 1), 38),
        (_D(2025, 9, 1), 52),
        (_D(2025, 12, 1), 68),
        (_D(2026, 5, 31), 72),
    ),
    "bismuth": (
        (_D(2024, 6, 1), 9),
        (_D(2025, 1, 15), 10),
        (_D(2025, 4, 1), 30),
        (_D(2025, 7, 1), 45),
        (_D(2025, 12, 1), 35),
        (_D(2026, 5, 31), 30),
    ),
    "tellurium": (
        (_D(2024, 6, 1), 85),
        (_D(2025, 2, 1), 95),
        (_D(2025, 8, 1), 110),
        (_D(2026, 5, 31), 105),
    ),
    "molybdenum": ((_D(2024, 6, 1), 55), (_D(2026, 5, 31), 62)),
    "dysprosium": (
        (_D(2024, 6, 1), 255),
        (_D(2025, 3, 1), 230),
        (_D(2025, 5, 15), 420),
        (_D(2025, 9, 1), 600),
        (_D(2026, 5, 31), 520),
    ),
    "terbium": (
        (_D(2024, 6, 1), 900),
        (_D(2025, 3, 1), 850),
        (_D(2025, 6, 1), 1600),
        (_D(2025, 10, 1), 2200),
        (_D(2026, 5, 31), 1900),
    ),
    "yttrium": (
        (_D(2024, 6, 1), 7),
        (_D(2025, 3, 1), 8),
        (_D(2025, 6, 1), 25),
        (_D(2025, 11, 1), 60),
        (_D(2026, 5, 31), 45),
    ),
    "gadolinium": ((_D(2024, 6, 1), 25), (_D(2025, 4, 1), 27), (_D(2026, 5, 31), 42)),
    "samarium": (
        (_D(2024, 6, 1), 30),
        (_D(2025, 4, 1), 32),
        (_D(2025, 9, 1), 85),
        (_D(2026, 5, 31), 80),
    ),
    "lutetium": ((_D(2024, 6, 1), 750), (_D(2025, 4, 1), 760), (_D(2026, 5, 31), 1100)),
    "scandium": ((_D(2024, 6, 1), 900), (_D(2025, 4, 1), 950), (_D(2026, 5, 31), 1400)),
    "graphite": ((_D(2024, 6, 1), 0.58), (_D(2025, 6, 1), 0.52), (_D(2026, 5, 31), 0.6)),
    "indium": ((_D(2024, 6, 1), 300), (_D(2025, 6, 1), 340), (_D(2026, 5, 31), 380)),
    "flat": ((_D(2024, 6, 1), 1.0), (_D(2026, 5, 31), 1.0)),
}

#: Domestic price as a share of the export price: near one before a control, lower after.
DOMESTIC_RATIO: dict[str, tuple[tuple[date, float], ...]] = {
    "gallium": ((_D(2024, 6, 1), 0.5), (_D(2025, 6, 1), 0.36), (_D(2026, 5, 31), 0.38)),
    "germanium": ((_D(2024, 6, 1), 0.85), (_D(2025, 6, 1), 0.62), (_D(2026, 5, 31), 0.6)),
    "antimony": (
        (_D(2024, 6, 1), 0.95),
        (_D(2024, 9, 15), 0.9),
        (_D(2025, 3, 1), 0.55),
        (_D(2026, 5, 31), 0.6),
    ),
    "tungsten": ((_D(2024, 6, 1), 0.96), (_D(2026, 5, 31), 0.9)),
    "bismuth": (
        (_D(2024, 6, 1), 0.95),
        (_D(2025, 2, 4), 0.9),
        (_D(2025, 5, 1), 0.3),
        (_D(2026, 5, 31), 0.35),
    ),
    "dysprosium": (
        (_D(2024, 6, 1), 0.92),
        (_D(2025, 4, 4), 0.9),
        (_D(2025, 7, 1), 0.42),
        (_D(2026, 5, 31), 0.45),
    ),
    "terbium": (
        (_D(2024, 6, 1), 0.92),
        (_D(2025, 4, 4), 0.9),
        (_D(2025, 7, 1), 0.45),
        (_D(2026, 5, 31), 0.47),
    ),
    "yttrium": (
        (_D(2024, 6, 1), 0.9),
        (_D(2025, 4, 4), 0.85),
        (_D(2025, 8, 1), 0.15),
        (_D(2026, 5, 31), 0.2),
    ),
}

#: Units of the local currency per US dollar.
FX: dict[str, tuple[tuple[date, float], ...]] = {
    "USD": ((_D(2024, 6, 1), 1.0), (_D(2026, 5, 31), 1.0)),
    "CNY": (
        (_D(2024, 6, 1), 7.24),
        (_D(2024, 9, 30), 7.02),
        (_D(2025, 1, 15), 7.33),
        (_D(2025, 9, 1), 7.13),
        (_D(2026, 5, 31), 7.08),
    ),
    "EUR": (
        (_D(2024, 6, 1), 0.92),
        (_D(2025, 1, 15), 0.97),
        (_D(2025, 7, 1), 0.85),
        (_D(2026, 5, 31), 0.87),
    ),
    "JPY": (
        (_D(2024, 6, 1), 157.0),
        (_D(2024, 9, 15), 141.0),
        (_D(2025, 1, 15), 157.0),
        (_D(2025, 6, 1), 144.0),
        (_D(2026, 5, 31), 151.0),
    ),
    "HKD": ((_D(2024, 6, 1), 7.81), (_D(2026, 5, 31), 7.80)),
}


def _interp(path: tuple[tuple[date, float], ...], on: date) -> float:
    dates = [d for d, _ in path]
    i = bisect.bisect_right(dates, on)
    if i == 0:
        return path[0][1]
    if i >= len(path):
        return path[-1][1]
    (d0, v0), (d1, v1) = path[i - 1], path[i]
    t = (on - d0).days / max(1, (d1 - d0).days)
    return v0 + t * (v1 - v0)


def export_price(key: str, on: date) -> float:
    """FOB export price of the key's reference form, USD/kg."""
    return _interp(PATHS[key], on)


def domestic_ratio(key: str, on: date) -> float:
    return _interp(DOMESTIC_RATIO[key], on) if key in DOMESTIC_RATIO else 0.93


def fx(currency: str, on: date) -> float:
    return _interp(FX[currency], on)


def to_currency(usd: float, currency: str, on: date) -> float:
    return usd * fx(currency, on)


def honest_unit_price(rng: random.Random, key: str, on: date, noise: float) -> float:
    """What an honest seller invoices per kg of the reference form: the export price of a
    day up to half a year back (long-term contracts lag the market), with scatter."""
    lag = rng.choice((0, 0, 0, 30, 60, 90, 150, 180))
    price = export_price(key, max(START, on - timedelta(days=lag)))
    return price * rng.lognormvariate(0.0, 0.08 + 0.3 * noise)


#: Published series: (material code, price key, reference-form factor, unit per kg).
SERIES: tuple[tuple[str, str, float, str], ...] = (
    ("gallium:metal", "gallium", 1.0, "kg"),
    ("germanium:metal", "germanium", 1.0, "kg"),
    ("germanium:dioxide", "germanium", 0.66, "kg"),
    ("antimony:metal", "antimony", 1.0, "t"),
    ("antimony:trioxide", "antimony", 0.88, "t"),
    ("tungsten:apt", "tungsten", 1.0, "kg"),
    ("bismuth:metal", "bismuth", 1.0, "kg"),
    ("tellurium:metal", "tellurium", 1.0, "kg"),
    ("dysprosium:oxide", "dysprosium", 1.0, "kg"),
    ("terbium:oxide", "terbium", 1.0, "kg"),
    ("yttrium:oxide", "yttrium", 1.0, "kg"),
    ("gadolinium:oxide", "gadolinium", 1.0, "kg"),
    ("lutetium:oxide", "lutetium", 1.0, "kg"),
    ("scandium:oxide", "scandium", 1.0, "kg"),
    ("graphite:natural_flake", "graphite", 1.0, "t"),
    ("indium:metal", "indium", 1.0, "kg"),
)


def price_rows(rng: random.Random) -> list[dict[str, object]]:
    """Weekly quotes: the domestic market in CNY, Rotterdam in USD (per kg or per t)."""
    rows: list[dict[str, object]] = []
    day = START + timedelta(days=(7 - START.weekday()) % 7)
    while day <= END:
        for material, key, factor, unit in SERIES:
            per = 1000.0 if unit == "t" else 1.0
            export = export_price(key, day) * factor
            cn = export * domestic_ratio(key, day) * fx("CNY", day) * per
            rotterdam = export * rng.uniform(1.08, 1.25) * per
            for market, price, currency in (("CN", cn, "CNY"), ("Rotterdam", rotterdam, "USD")):
                rows.append(
                    {
                        "material": material,
                        "market": market,
                        "date": day.isoformat(),
                        "price": round(price * rng.uniform(0.985, 1.015), 2),
                        "currency": currency,
                        "unit": unit,
                    }
                )
        day += timedelta(days=7)
    return rows
