"""Prices and exchange rates of the synthetic world.

Domestic (CN, CNY/kg) and overseas (Rotterdam, USD/kg; LME USD/t for base metals)
weekly prices per material. The overseas premium over the domestic price is small
before a control and widens after it (and again under the US ban); these are the
simulator's own parameters. Also owns the monthly FX table used to express values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import polars as pl

from orewatch.world.calendar import day_number
from orewatch.world.goods import (
    CONTROL_DATES,
    GOODS,
    US_BAN_ELEMENTS,
    US_BAN_FROM,
    US_BAN_SUSPENDED_FROM,
    Good,
)

#: Overseas/domestic price ratio once a control has bitten (before: ~1.08).
PREMIUM_AFTER: dict[str, float] = {
    "gallium": 2.4,
    "germanium": 1.9,
    "graphite": 1.15,
    "antimony": 2.2,
    "tungsten": 1.3,
    "tellurium": 1.6,
    "bismuth": 2.6,
    "molybdenum": 1.1,
    "indium": 1.3,
    "dysprosium": 3.0,
    "terbium": 2.8,
    "yttrium": 4.0,
    "gadolinium": 1.8,
    "samarium": 2.5,
    "scandium": 2.0,
    "lutetium": 1.8,
}
#: Extra premium under the US ban (MOFCOM 2024 No.46), eased after its suspension.
BAN_EXTRA = 1.25
#: Domestic price path anchors (date, multiplier of the 2023-01 level).
DOMESTIC_PATH: dict[str, tuple[tuple[date, float], ...]] = {
    "antimony": (
        (date(2023, 1, 1), 1.0),
        (date(2024, 6, 1), 2.0),
        (date(2025, 6, 1), 2.2),
        (date(2026, 10, 1), 1.4),
    ),
    "gallium": (
        (date(2023, 1, 1), 1.0),
        (date(2023, 9, 1), 1.2),
        (date(2024, 8, 1), 1.35),
        (date(2025, 6, 1), 1.05),
        (date(2026, 10, 1), 1.1),
    ),
    "germanium": (
        (date(2023, 1, 1), 1.0),
        (date(2024, 6, 1), 1.45),
        (date(2025, 6, 1), 1.75),
        (date(2026, 10, 1), 1.7),
    ),
    "tungsten": (
        (date(2023, 1, 1), 1.0),
        (date(2025, 1, 1), 1.1),
        (date(2025, 10, 1), 1.8),
        (date(2026, 10, 1), 2.4),
    ),
    "bismuth": ((date(2023, 1, 1), 1.0), (date(2025, 1, 1), 1.1), (date(2026, 10, 1), 1.5)),
    "dysprosium": ((date(2023, 1, 1), 1.0), (date(2024, 6, 1), 0.75), (date(2026, 10, 1), 0.85)),
    "terbium": ((date(2023, 1, 1), 1.0), (date(2024, 6, 1), 0.6), (date(2026, 10, 1), 0.75)),
}
#: USD -> currency anchors.
FX_PATH: dict[str, tuple[tuple[date, float], ...]] = {
    "USD": ((date(2022, 1, 1), 1.0), (date(2027, 12, 1), 1.0)),
    "CNY": (
        (date(2023, 1, 1), 6.85),
        (date(2023, 10, 1), 7.30),
        (date(2024, 6, 1), 7.25),
        (date(2025, 4, 1), 7.33),
        (date(2026, 10, 1), 7.10),
    ),
    "EUR": (
        (date(2023, 1, 1), 0.93),
        (date(2024, 1, 1), 0.91),
        (date(2025, 1, 1), 0.96),
        (date(2025, 8, 1), 0.86),
        (date(2026, 10, 1), 0.87),
    ),
    "JPY": (
        (date(2023, 1, 1), 130.0),
        (date(2024, 6, 1), 158.0),
        (date(2025, 1, 1), 155.0),
        (date(2025, 9, 1), 147.0),
        (date(2026, 10, 1), 150.0),
    ),
}
CURRENCIES: tuple[str, ...] = ("USD", "CNY", "EUR", "JPY")
LME_MATERIALS: dict[str, str] = {
    "aluminium:ingot": "al_ingot",
    "zinc:ingot": "zn_ingot",
    "lead:ingot": "pb_ingot",
    "tin:ingot": "sn_ingot",
}


def _path(
    anchors: tuple[tuple[date, float], ...], days: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    xs = np.array([day_number(d) for d, _ in anchors], dtype=np.float64)
    ys = np.array([v for _, v in anchors], dtype=np.float64)
    out: npt.NDArray[np.float64] = np.interp(days.astype(np.float64), xs, ys)
    return out


def premium(element: str, days: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Overseas/domestic ratio on each day for a controlled element."""
    c = day_number(CONTROL_DATES[element])
    ramp = np.clip((days - c) / 150.0, 0.0, 1.0)
    p = 1.08 + (PREMIUM_AFTER[element] - 1.08) * ramp
    if element in US_BAN_ELEMENTS:
        ban = np.clip((days - day_number(US_BAN_FROM)) / 60.0, 0.0, 1.0)
        ease = np.clip((days - day_number(US_BAN_SUSPENDED_FROM)) / 90.0, 0.0, 1.0)
        p = p * (1.0 + (BAN_EXTRA - 1.0) * ban * (1.0 - 0.8 * ease))
    out: npt.NDArray[np.float64] = p
    return out


@dataclass(frozen=True)
class PriceBook:
    """Weekly price paths, monthly export prices per good and monthly FX."""

    weeks: npt.NDArray[np.int64]  # day numbers of Mondays
    domestic_usd: npt.NDArray[np.float64]  # goods x weeks, USD/kg at home
    overseas_usd: npt.NDArray[np.float64]  # goods x weeks, USD/kg abroad
    export_usd: npt.NDArray[np.float64]  # goods x months, USD/kg FOB
    fx: dict[str, npt.NDArray[np.float64]]  # currency -> per month, units per USD
    months: list[date]


def build_prices(rng: np.random.Generator, months: list[date], start: date, end: date) -> PriceBook:
    """Random-walk each good's price around its path; overseas = domestic x premium."""
    first = start - timedelta(days=start.weekday())
    weeks = np.arange(day_number(first), day_number(end) + 1, 7, dtype=np.int64)
    nw = len(weeks)
    dom = np.empty((len(GOODS), nw))
    ovs = np.empty((len(GOODS), nw))
    for i, g in enumerate(GOODS):
        walk = np.exp(np.cumsum(rng.normal(0.0, 0.012, nw)))
        walk /= walk[0]
        base = g.price_usd / (1.08 if g.element else 1.0)
        if g.element is not None:
            path = _path(DOMESTIC_PATH.get(g.element, ((start, 1.0), (end, 1.05))), weeks)
            dom[i] = base * path * walk
            ovs[i] = dom[i] * premium(g.element, weeks) * np.exp(rng.normal(0, 0.015, nw))
        else:
            dom[i] = base * walk
            ovs[i] = dom[i] * 1.03
    month_days = np.array([day_number(m) for m in months], dtype=np.int64)
    widx = np.clip(np.searchsorted(weeks, month_days + 14) - 1, 0, nw - 1)
    fob = np.where(np.array([g.element is not None for g in GOODS])[:, None], 0.94, 1.0)
    export = ovs[:, widx] * fob
    fx = {
        c: _path(a, month_days + 14) * np.exp(rng.normal(0, 0.004, len(months)))
        for c, a in FX_PATH.items()
    }
    fx["USD"] = np.ones(len(months))
    return PriceBook(weeks, dom, ovs, export, fx, months)


def prices_frame(book: PriceBook, start: date) -> pl.DataFrame:
    """The ``prices`` table: CN (CNY/kg) and Rotterdam (USD/kg) per controlled material,
    CN and LME (USD/t) for base metals; weekly."""
    goods = [g for g in GOODS if g.element is not None]
    idx = {g.key: i for i, g in enumerate(GOODS)}
    month_days = np.array([day_number(m) for m in book.months], dtype=np.int64)
    w_month = np.clip(
        np.searchsorted(month_days, book.weeks, side="right") - 1, 0, len(month_days) - 1
    )
    cny = book.fx["CNY"][w_month]
    dates = book.weeks.astype("datetime64[D]")
    keep = book.weeks >= day_number(start) - 7
    frames: list[pl.DataFrame] = []

    def add(
        material: str, market: str, values: npt.NDArray[np.float64], currency: str, unit: str
    ) -> None:
        frames.append(
            pl.DataFrame(
                {
                    "material": material,
                    "market": market,
                    "date": dates[keep],
                    "price": np.round(values[keep], 2),
                    "currency": currency,
                    "unit": unit,
                }
            )
        )

    for g in goods:
        i = idx[g.key]
        add(g.material, "CN", book.domestic_usd[i] * cny * 1.13, "CNY", "kg")  # incl. 13% VAT
        add(g.material, "Rotterdam", book.overseas_usd[i], "USD", "kg")
    for material, key in LME_MATERIALS.items():
        i = idx[key]
        add(material, "CN", book.domestic_usd[i] * cny * 1.13 * 1000, "CNY", "t")
        add(material, "LME", book.overseas_usd[i] * 1000, "USD", "t")
    return pl.concat(frames).with_columns(pl.col("date").cast(pl.Date))


def good_by_key(key: str) -> Good:
    for g in GOODS:
        if g.key == key:
            return g
    raise KeyError(key)
