"""Prices and trade statistics: the world seen from markets and from partners' customs.

Prices are weekly: the domestic Chinese price in yuan and, for controlled materials, the
Rotterdam free-market price in dollars, which is where the post-control spike shows;
base metals also have an LME-style dollar-per-tonne quote.

Trade statistics come in three kinds. China's own exports are the declarations added
up as declared. Partners' imports from China are what really arrived (importers declare
the true goods to clear them), so a code swap or hidden cargo shows as a mirror gap. Hub
countries report re-exports: honest stockists re-export steadily (a little more after a
control, as buyers hedge), and routes that carry a ring's diverted goods surge a month
or two after its shipments, both in the hub's re-exports and the final country's imports.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from fifteenthworld.goods import GOODS, Good, domestic_price, export_price
from fifteenthworld.places import STOCKISTS, usd_per
from fifteenthworld.timeline import DAYS, month_of

BASE_METALS = {"al_ingot", "zn_ingot", "sn_ingot", "pb_ingot", "ni_cathode", "co_metal"}


def prices() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    mondays = [d for d in DAYS if d.weekday() == 0]
    for good in GOODS:
        bulk = good.price < 5
        for day in mondays:
            cny = domestic_price(good, day) / usd_per("CNY", day)
            rows.append(
                {
                    "material": good.material,
                    "market": "CN",
                    "date": day.isoformat(),
                    "price": round(cny * 1000 if bulk else cny, 2),
                    "currency": "CNY",
                    "unit": "t" if bulk else "kg",
                }
            )
            if good.controlled:
                rows.append(
                    {
                        "material": good.material,
                        "market": "Rotterdam",
                        "date": day.isoformat(),
                        "price": round(export_price(good, day) * 1.04, 2),
                        "currency": "USD",
                        "unit": "kg",
                    }
                )
            elif good.key in BASE_METALS:
                rows.append(
                    {
                        "material": good.material,
                        "market": "LME",
                        "date": day.isoformat(),
                        "price": round(export_price(good, day) * 1000, 0),
                        "currency": "USD",
                        "unit": "t",
                    }
                )
    return rows


def _shift(month: str, months: int) -> str:
    year, mon = int(month[:4]), int(month[5:])
    mon += months
    year += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    return f"{year:04d}-{mon:02d}"


def _add(
    table: dict[tuple[str, str, str, str, str], list[float]],
    key: tuple[str, str, str, str, str],
    usd: float,
    kg: float,
) -> None:
    cell = table.setdefault(key, [0.0, 0.0])
    cell[0] += usd
    cell[1] += kg


def trade_stats(
    rng: random.Random,
    lines: list[dict[str, Any]],
    reexports: list[tuple[str, str, Good, dt.date, float, float]],
) -> list[dict[str, Any]]:
    table: dict[tuple[str, str, str, str, str], list[float]] = {}
    last = month_of(DAYS[-1])
    for line in lines:
        month = month_of(line["_day"])
        dest = line["destination_country"]
        _add(
            table,
            ("CN", dest, "export", line["hs_code"][:8], month),
            line["_usd"],
            line["net_weight_kg"],
        )
        good: Good = line["_good"]
        arrive = _shift(month, 1 if line["mode"] in {"sea", "rail"} and rng.random() < 0.6 else 0)
        if arrive <= last:
            cif = rng.uniform(1.04, 1.12)
            _add(
                table,
                (dest, "CN", "import", good.hs[:6], arrive),
                line["_true_usd"] * cif,
                line["_true_kg"]
                if line["_scheme"] in {"ballast_blend", "alloy_wash"}
                else line["net_weight_kg"],
            )
            if line["_scheme"] in {"ballast_blend", "alloy_wash"}:
                carrier: Good = line["_declared_good"]
                _add(
                    table,
                    (dest, "CN", "import", carrier.hs[:6], arrive),
                    line["_usd"] * cif,
                    line["net_weight_kg"],
                )
    # honest stockists' steady re-exports of controlled goods, and a noisy baseline on hub routes
    months = sorted({month_of(d) for d in DAYS})
    controlled = [g for g in GOODS if g.controlled]
    for hub in (*STOCKISTS, "VN", "MY", "TH", "AE", "KZ", "TR", "MX", "IN"):
        for good in rng.sample(controlled, 8):
            for final in ("US", "JP", "DE", "KR"):
                if rng.random() < 0.4:
                    continue
                base_kg = rng.uniform(50, 800) * (4 if hub in STOCKISTS else 1)
                for month in months:
                    if rng.random() < 0.35:
                        continue
                    day = dt.date(int(month[:4]), int(month[5:]), 15)
                    lift = 1.5 if good.in_force(day) and hub in STOCKISTS else 1.0
                    kg = base_kg * lift * rng.lognormvariate(0, 0.35)
                    usd = kg * export_price(good, day) * 1.15
                    _add(
                        table,
                        (
                            hub,
                            final,
                            "re_export" if hub in STOCKISTS else "export",
                            good.hs[:6],
                            month,
                        ),
                        usd,
                        kg,
                    )
                    _add(table, (final, hub, "import", good.hs[:6], month), usd * 1.05, kg)
    # diverted goods leave the hub a month or two later, with a mark-up
    for hub, final, good, day, kg, usd in reexports:
        month = _shift(month_of(day), rng.randint(1, 2))
        if month > last:
            continue
        flow = "re_export" if hub in STOCKISTS or hub in {"AE", "MY"} else "export"
        markup = rng.uniform(1.2, 1.5)
        _add(table, (hub, final, flow, good.hs[:6], month), usd * markup, kg)
        _add(table, (final, hub, "import", good.hs[:6], month), usd * markup * 1.05, kg)
    rows = []
    for (reporter, partner, flow, hs, period), (usd, kg) in sorted(table.items()):
        if reporter == partner:
            continue
        rows.append(
            {
                "reporter": reporter,
                "partner": partner,
                "flow": flow,
                "hs_code": hs,
                "period": period,
                "value_usd": round(usd * rng.uniform(0.98, 1.02), 0),
                "quantity_kg": round(kg * rng.uniform(0.98, 1.02), 1),
            }
        )
    return rows
