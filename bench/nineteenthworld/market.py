"""Market prices: the domestic price of each material and the premium abroad.

Prices move between three anchors (January 2024, December 2024, December 2025). Once a
material is under control the price abroad pulls away from the domestic one: that gap
is why goods are smuggled, and honest licensed exports sell somewhere between the two.
"""

from __future__ import annotations

import datetime as dt

from nineteenthworld import clock, geo
from nineteenthworld.goods import CONTROLS

#: CNY per kg at the anchors, and the premium abroad (abroad / domestic) at the anchors.
_ANCHORS: dict[str, tuple[tuple[float, float, float], tuple[float, float, float]]] = {
    "gallium:metal": ((1750, 2300, 1750), (1.9, 2.8, 2.6)),
    "germanium:metal": ((9800, 15000, 14500), (1.4, 1.9, 2.0)),
    "germanium:dioxide": ((7500, 11000, 10500), (1.4, 1.8, 1.9)),
    "antimony:metal": ((85, 140, 165), (1.05, 2.4, 2.7)),
    "tungsten:apt": ((180, 210, 480), (1.05, 1.05, 1.5)),
    "tungsten:carbide": ((290, 330, 650), (1.05, 1.05, 1.5)),
    "tungsten:metal": ((420, 470, 900), (1.05, 1.08, 1.5)),
    "tungsten:ferro": ((260, 300, 620), (1.05, 1.05, 1.3)),
    "bismuth:metal": ((55, 75, 160), (1.0, 1.02, 3.0)),
    "dysprosium:oxide": ((2200, 1650, 1500), (1.0, 1.05, 3.0)),
    "terbium:oxide": ((7600, 5800, 6700), (1.0, 1.05, 2.8)),
    "graphite:spherical": ((28, 24, 22), (1.15, 1.2, 1.25)),
    "graphite:flake": ((4.6, 4.2, 4.0), (1.1, 1.15, 1.2)),
    "silicon:metal": ((13.5, 11.0, 9.0), (1.1, 1.1, 1.1)),
    "zinc_concentrate": ((5.8, 7.0, 6.5), (1.05, 1.05, 1.05)),
    "lead:alloy": ((18.0, 19.0, 19.0), (1.05, 1.05, 1.05)),
    "lead:concentrate": ((12.0, 13.0, 13.0), (1.05, 1.05, 1.05)),
    "steel:alloy_bar": ((6.0, 5.6, 5.3), (1.1, 1.1, 1.1)),
    "pigment:ceramic": ((26.0, 26.0, 25.0), (1.2, 1.2, 1.2)),
}
MATERIALS = tuple(_ANCHORS)
#: Materials whose price abroad is published (Rotterdam, USD per kg).
ABROAD = tuple(m for m in MATERIALS if m in CONTROLS or m in ("tungsten:ferro",))


def _interp(anchors: tuple[float, float, float], day: dt.date) -> float:
    start, mid, end = anchors
    half = dt.date(2024, 12, 31)
    if day <= half:
        t = max((day - clock.START).days, 0) / 365
        return start + (mid - start) * t
    t = min((day - half).days / 365, 1.0)
    return mid + (end - mid) * t


def domestic(material: str, day: dt.date) -> float:
    """Domestic price, CNY per kg."""
    return _interp(_ANCHORS[material][0], day)


def premium(material: str, day: dt.date) -> float:
    """Price abroad over price at home (1 while no control bites)."""
    control = CONTROLS.get(material)
    value = _interp(_ANCHORS[material][1], day)
    if control is not None and day < control.effective:
        # Before the control, the gap is only freight and margin.
        return min(value, 1.08)
    return value


def abroad(material: str, day: dt.date) -> float:
    """Price abroad, CNY per kg."""
    return domestic(material, day) * premium(material, day)


def export_price(material: str, day: dt.date) -> float:
    """What an honest licensed exporter charges, CNY per kg: between home and abroad."""
    return domestic(material, day) * (1 + 0.5 * (premium(material, day) - 1))


def price_rows() -> list[dict[str, object]]:
    """The ``prices`` table: monthly domestic (CNY/kg or t) and Rotterdam (USD/kg)."""
    rows: list[dict[str, object]] = []
    for period in clock.months():
        year, month = int(period[:4]), int(period[5:])
        day = dt.date(year, month, 1)
        for material in MATERIALS:
            price = domestic(material, day)
            bulk = price < 30
            rows.append(
                {
                    "material": material,
                    "market": "CN",
                    "date": day,
                    "price": round(price * 1000, 0) if bulk else round(price, 2),
                    "currency": "CNY",
                    "unit": "t" if bulk else "kg",
                }
            )
            if material in ABROAD:
                rows.append(
                    {
                        "material": material,
                        "market": "Rotterdam",
                        "date": day,
                        "price": round(abroad(material, day) / geo.fx("USD", day), 2),
                        "currency": "USD",
                        "unit": "kg",
                    }
                )
    return rows
