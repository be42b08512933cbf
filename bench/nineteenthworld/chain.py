"""The domestic chain: producers of the controlled materials, exporters' warehouses,
movements between them, and each producer's monthly balance.

An honest producer's balance closes: opening + received + produced - consumed - shipped
= closing, where shipped is exactly what its movements carried out. Material that a
scheme took out of a producer without a movement stays out of ``shipped`` but is gone
from ``closing``: the balance leaves a gap equal to it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from nineteenthworld import clock
from nineteenthworld.context import Context
from nineteenthworld.ledger import Row
from nineteenthworld.population import Facility, Party

#: Where each controlled material is made: (division, facility kind, materials, trade).
PRODUCERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("140000", "alumina_refinery", ("gallium:metal",), "materials"),
    ("410000", "alumina_refinery", ("gallium:metal",), "materials"),
    ("451000", "alumina_refinery", ("gallium:metal",), "materials"),
    ("530900", "refinery", ("germanium:metal", "germanium:dioxide"), "germanium"),
    ("530326", "zinc_smelter", ("germanium:dioxide",), "zinc"),
    ("152502", "refinery", ("germanium:metal", "germanium:dioxide"), "germanium"),
    ("431381", "smelter", ("antimony:metal",), "antimony"),
    ("451200", "smelter", ("antimony:metal",), "antimony"),
    ("532600", "smelter", ("antimony:metal",), "antimony"),
    ("360700", "processor", ("tungsten:apt", "tungsten:carbide", "tungsten:metal"), "tungsten"),
    ("431000", "processor", ("tungsten:apt", "tungsten:carbide", "tungsten:metal"), "tungsten"),
    ("431000", "refinery", ("bismuth:metal",), "metallurgy"),
    ("150200", "separation_plant", ("dysprosium:oxide", "terbium:oxide"), "rare_earth"),
    ("360700", "separation_plant", ("dysprosium:oxide", "terbium:oxide"), "rare_earth"),
    ("230300", "processor", ("graphite:flake", "graphite:spherical"), "graphite"),
    ("230421", "processor", ("graphite:flake",), "graphite"),
    ("150924", "processor", ("graphite:flake", "graphite:spherical"), "graphite"),
)

#: Typical monthly output of one producer, kg, by material.
MONTHLY_KG = {
    "gallium:metal": 4_000,
    "germanium:metal": 900,
    "germanium:dioxide": 1_200,
    "antimony:metal": 250_000,
    "tungsten:apt": 300_000,
    "tungsten:carbide": 60_000,
    "tungsten:metal": 20_000,
    "bismuth:metal": 40_000,
    "dysprosium:oxide": 6_000,
    "terbium:oxide": 1_500,
    "graphite:flake": 1_500_000,
    "graphite:spherical": 400_000,
}


def build_producers(ctx: Context) -> None:
    pop = ctx.pop
    for division, kind, materials, trade in PRODUCERS:
        operator = pop.company_cn(division, trade)
        fac = pop.facility(operator, kind, division, 0.0, list(materials))
        for m in materials:
            ctx.producers.setdefault(m, []).append(fac)


def producer_for(ctx: Context, material: str, index: int) -> Facility:
    options = ctx.producers[material]
    return options[index % len(options)]


def _period(day: dt.date) -> str:
    return clock.month_of(day)


def production_rows(ctx: Context) -> list[Row]:
    """Monthly balances of every producer and material, with domestic sales to close them."""
    rng = ctx.rng("production")
    pop = ctx.pop
    months = clock.months()
    out: dict[tuple[str, str, str], float] = defaultdict(float)
    for mv in ctx.ledger.movements:
        out[(mv["from_id"], mv["material"], _period(mv["moved_at"]))] += mv["quantity_kg"]
    hidden: dict[tuple[str, str, str], float] = defaultdict(float)
    for fid, material, day, kg in ctx.hidden:
        hidden[(fid, material, _period(day))] += kg
    buyers: dict[str, list[Party]] = {}
    rows: list[Row] = []
    seen: set[str] = set()
    producers = sorted(
        {f.facility_id: f for fs in ctx.producers.values() for f in fs}.values(),
        key=lambda f: f.facility_id,
    )
    for fac in producers:
        if fac.facility_id in seen:
            continue
        seen.add(fac.facility_id)
        yearly = 0.0
        for material in fac.materials:
            leaving = [
                out[(fac.facility_id, material, p)] + hidden[(fac.facility_id, material, p)]
                for p in months
            ]
            base = max(MONTHLY_KG[material] * rng.uniform(0.6, 1.4), 1.3 * max(leaving))
            if material not in buyers:
                buyers[material] = [
                    pop.company_cn(
                        rng.choice(("500000", "610100", "510100", "330782", "450100", "530100")),
                        rng.choice(("materials", "industrial", "chemical")),
                    )
                    for _ in range(2)
                ]
            stock = round(base * rng.uniform(0.3, 0.8), 1)
            produced_year = 0.0
            for period in months:
                if fac.since is not None and period < clock.month_of(fac.since):
                    continue
                exported = out[(fac.facility_id, material, period)]
                gone = hidden[(fac.facility_id, material, period)]
                produced = round(base * rng.uniform(0.8, 1.1), 1)
                sales = round(produced * rng.uniform(0.3, 0.6), 1)
                year, month = int(period[:4]), int(period[5:])
                if sales > 0:
                    pieces = rng.randint(1, 2)
                    for k in range(pieces):
                        day = dt.date(year, month, rng.randint(1, 28))
                        ctx.ledger.movement(
                            day,
                            fac.facility_id,
                            buyers[material][k % 2].party_id,
                            material,
                            sales / pieces,
                        )
                    sales = round(
                        sum(mv["quantity_kg"] for mv in ctx.ledger.movements[-pieces:]), 1
                    )
                shipped = round(exported + sales, 1)
                closing = round(stock + produced - shipped - gone, 1)
                floor = round(base * 0.1, 1)
                if closing < floor:
                    produced = round(produced + floor - closing, 1)
                    closing = round(stock + produced - shipped - gone, 1)
                rows.append(
                    {
                        "facility_id": fac.facility_id,
                        "period": period,
                        "material": material,
                        "opening_kg": stock,
                        "received_kg": 0.0,
                        "produced_kg": produced,
                        "consumed_kg": 0.0,
                        "shipped_kg": shipped,
                        "closing_kg": closing,
                    }
                )
                produced_year += produced
                stock = closing
            yearly = max(yearly, produced_year / 2)
        fac.capacity_kg = round(yearly * rng.uniform(1.15, 1.4), -3)
    return rows


def facility_rows(ctx: Context) -> list[Row]:
    rows = []
    for fac in ctx.pop.facilities:
        rows.append(
            {
                "facility_id": fac.facility_id,
                "operator_id": fac.operator.party_id,
                "kind": fac.kind,
                "region": fac.region,
                "capacity_kg_per_year": fac.capacity_kg or None,
                "materials": list(fac.materials) or None,
            }
        )
    return rows
