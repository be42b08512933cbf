"""Official trade statistics: China's own export figures (built from what was declared)
and partners' mirror figures (built from what arrived), plus hub re-exports.

The two disagree where goods were misdeclared (a buyer declares the germanium it
received as germanium), and hubs re-export what rings sent them to the real end user's
country. Entrepôts re-export honestly too (Hong Kong and Singapore traders), and some
partners publish only yearly figures; the contract allows both periods.
"""

from __future__ import annotations

from collections import defaultdict

from eighteenthworld.goods import CONTROLLED, ORDINARY
from eighteenthworld.state import World

_POOLS = ("scrap", "alloy", "device", "ree")
YEARLY_REPORTERS = frozenset({"AE", "KZ"})
DISGUISES = frozenset(
    {"structuring", "scrap_cover", "alloy_cover", "device_cover", "ree_mislabel", "market_bundle"}
)


def _codes() -> set[str]:
    codes = {g.hs[:6] for g in CONTROLLED.values()}
    codes |= {g.hs[:6] for g in ORDINARY.values() if set(g.pools) & set(_POOLS)}
    codes |= {
        ORDINARY[k].hs[:6]
        for k in (
            "metal_crafts",
            "fishing_tackle",
            "hardware",
            "hand_tools",
            "ceramic_pigment",
            "zirconia_beads",
        )
    }
    return codes


def build(world: World) -> list[dict[str, object]]:
    rng = world.rng("stats")
    codes = _codes()
    cells: dict[tuple[str, str, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])

    def add(
        reporter: str,
        partner: str,
        flow: str,
        hs6: str,
        year: int,
        month: int,
        usd: float,
        kg: float,
    ) -> None:
        if month > 12:
            year, month = year + 1, month - 12
        period = f"{year:04d}" if reporter in YEARLY_REPORTERS else f"{year:04d}-{month:02d}"
        cell = cells[(reporter, partner, flow, hs6, period)]
        cell[0] += usd
        cell[1] += kg

    for decl in sorted(world.decls, key=lambda d: d.id):
        y, m = decl.day.year, decl.day.month
        lag = 1 if decl.mode in ("sea", "rail") and rng.random() < 0.6 else 0
        for line in decl.lines:
            declared = line.hs[:6]
            if declared in codes:
                add("CN", decl.destination, "export", declared, y, m, line.usd, line.net_kg)
            true6 = (line.true_hs or line.hs)[:6]
            if line.scheme in DISGUISES and rng.random() < 0.6:
                mirror_code, usd, kg = true6, line.true_usd, line.true_kg
            else:
                mirror_code, usd, kg = declared, line.usd, line.net_kg
            if mirror_code in codes and rng.random() > 0.05:
                add(
                    decl.destination,
                    "CN",
                    "import",
                    mirror_code,
                    y,
                    m + lag,
                    usd * rng.uniform(1.03, 1.1),
                    kg * rng.uniform(0.97, 1.03),
                )
            if line.scheme == "hub_reexport" and true6 in codes:
                target = (
                    decl.trade_country if decl.trade_country not in ("", decl.destination) else "US"
                )
                add(
                    decl.destination,
                    target,
                    "re_export",
                    true6,
                    y,
                    m + lag + rng.randint(1, 2),
                    line.true_usd * rng.uniform(1.2, 1.6),
                    line.true_kg,
                )
            elif (
                decl.destination in ("HK", "SG")
                and true6 in codes
                and line.element
                and rng.random() < 0.5
            ):
                target = rng.choice(("JP", "KR", "US", "DE", "TW", "VN"))
                add(
                    decl.destination,
                    target,
                    "re_export",
                    true6,
                    y,
                    m + lag + rng.randint(0, 2),
                    line.usd * rng.uniform(1.05, 1.2),
                    line.net_kg,
                )
    rows = []
    for (reporter, partner, flow, hs6, period), (usd, kg) in sorted(cells.items()):
        rows.append(
            {
                "reporter": reporter,
                "partner": partner,
                "flow": flow,
                "hs_code": hs6,
                "period": period,
                "value_usd": round(usd, 2),
                "quantity_kg": round(kg, 1),
            }
        )
    return rows
