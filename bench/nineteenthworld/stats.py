"""Official trade statistics: China's exports as declared, and the partners' imports as
the goods really arrived (the mirror), with the partners' re-exports.

Misdeclared goods show up in the mirror under their true code; hidden goods arrive on
top of their cover; goods in transit to a barred end user are re-exported by the
country that received them. Partners report with their own lags and coverage; some
report only yearly.
"""

from __future__ import annotations

import math
from collections import defaultdict

from nineteenthworld import geo
from nineteenthworld.context import Context
from nineteenthworld.ledger import Row, Truth

MONTHLY = {"KZ", "RU", "KG", "UZ", "MN", "BY", "PL", "DE", "VN", "TH", "NL", "CZ", "HU", "IT"}
YEARLY = {"LA", "MM", "TJ"}
RAIL_LAG = {"PL", "DE", "NL", "CZ", "HU", "IT", "BY"}
RE_EXPORT_HUBS = {"KZ": ("UZ", "KG", "TJ"), "KG": ("UZ", "TJ"), "RU": ("BY",)}
TRANSIT = {"KZ", "KG", "RU", "UZ"}


def _usd(row: Row) -> float:
    return row["value"] * geo.fx(row["currency"], row["_day"]) / geo.fx("USD", row["_day"])


def _shift(period: str, months: int) -> str:
    year, month = int(period[:4]), int(period[5:])
    month += months
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"{year}-{month:02d}"


def trade_rows(ctx: Context) -> list[Row]:
    rng = ctx.rng("stats")
    exports: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    mirror: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    again: dict[tuple[str, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in ctx.ledger.rows:
        day = row["_day"]
        period = f"{day.year}-{day.month:02d}"
        partner = row["destination_country"]
        usd = _usd(row)
        kg = row["net_weight_kg"]
        cell = exports[(partner, row["hs_code"][:6], period)]
        cell[0] += usd
        cell[1] += kg
        arrived = _shift(period, 1) if partner in RAIL_LAG else period
        truth: Truth | None = row["_truth"]
        usd_per_cny = 1 / geo.fx("USD", day)
        if truth is None:
            landed = [(row["hs_code"][:6], usd, kg)]
        elif truth.result in ("misdeclared",):
            landed = [(truth.true_hs[:6], truth.true_value_cny * usd_per_cny, truth.true_kg)]
        elif truth.result == "concealed":
            folded = truth.scheme == "dense_cargo" and truth.variant == "faint"
            cover = kg - truth.true_kg if folded else kg
            landed = [
                (row["hs_code"][:6], usd, cover),
                (truth.true_hs[:6], truth.true_value_cny * usd_per_cny, truth.true_kg),
            ]
        elif truth.result == "undervalued":
            landed = [(row["hs_code"][:6], truth.true_value_cny * usd_per_cny, kg)]
        else:
            landed = [(row["hs_code"][:6], usd, kg)]
        for hs6, value, qty in landed:
            m = mirror[(partner, hs6, arrived)]
            m[0] += value
            m[1] += max(qty, 0.0)
            if truth is not None and truth.true_destination and partner in TRANSIT:
                r = again[(partner, truth.true_destination, hs6, arrived[:4])]
                r[0] += value * 1.15
                r[1] += qty
    rows: list[Row] = []
    for (partner, hs6, period), (usd, kg) in sorted(exports.items()):
        rows.append(
            {
                "reporter": "CN",
                "partner": partner,
                "flow": "export",
                "hs_code": hs6,
                "period": period,
                "value_usd": round(usd, 2),
                "quantity_kg": round(kg, 1),
            }
        )
    yearly: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for (partner, hs6, period), (usd, kg) in sorted(mirror.items()):
        if period > "2025-12":
            continue
        noise = math.exp(rng.gauss(0, 0.04))
        cif = rng.uniform(1.02, 1.08)
        if partner in YEARLY:
            y = yearly[(partner, hs6, period[:4])]
            y[0] += usd * cif * noise
            y[1] += kg * noise
            continue
        if partner not in MONTHLY:
            continue
        rows.append(
            {
                "reporter": partner,
                "partner": "CN",
                "flow": "import",
                "hs_code": hs6,
                "period": period,
                "value_usd": round(usd * cif * noise, 2),
                "quantity_kg": round(kg * noise, 1) if rng.random() > 0.05 else None,
            }
        )
        consumer = hs6[:2] in ("61", "62", "64", "95", "85", "39")
        if partner in RE_EXPORT_HUBS and consumer and rng.random() < 0.3:
            dest = RE_EXPORT_HUBS[partner][rng.randrange(len(RE_EXPORT_HUBS[partner]))]
            share = rng.uniform(0.03, 0.12)
            r = again[(partner, dest, hs6, period[:4])]
            r[0] += usd * share * 1.1
            r[1] += kg * share
    for (partner, hs6, year), (usd, kg) in sorted(yearly.items()):
        rows.append(
            {
                "reporter": partner,
                "partner": "CN",
                "flow": "import",
                "hs_code": hs6,
                "period": year,
                "value_usd": round(usd, 2),
                "quantity_kg": round(kg, 1),
            }
        )
    for (reporter, dest, hs6, year), (usd, kg) in sorted(again.items()):
        rows.append(
            {
                "reporter": reporter,
                "partner": dest,
                "flow": "re_export",
                "hs_code": hs6,
                "period": year,
                "value_usd": round(usd, 2),
                "quantity_kg": round(kg, 1),
            }
        )
    return rows
