"""The domestic chain behind the exports: mines and smelters, what moves, what balances.

Each manufacturer of a controlled family runs a plant that takes a feed (gallium-bearing
crude from an alumina refinery, germanium concentrate from a zinc smelter, tungsten
concentrate from a mine, rare-earth concentrate, graphite ore...) from upstream
facilities and makes what it exports; trading houses hold their controlled stock in a
trader's warehouse filled from the plants. Monthly balances close (up to rounding, and
yields wander a little; some months a plant is down for maintenance).

Rings that ship controlled goods they do not declare buy them from a leaking plant.
With a loud ring the plant books the sale: a movement of the controlled material to a
company that never exports it under its own name. With a faint ring nothing is booked:
the plant reports less output than its feed should have given (a yield that dips in
exactly the months the ring ships).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from fifteenthworld.goods import Good
from fifteenthworld.knobs import Knobs
from fifteenthworld.parties import Population
from fifteenthworld.rings import Ring
from fifteenthworld.timeline import MONTHS, month_of, month_start

#: family -> (feed material, output kg per feed kg, upstream kind, plant kind)
FEEDS: dict[str, tuple[str, float, str, str]] = {
    "gallium": ("gallium:crude", 0.95, "alumina_refinery", "refinery"),
    "germanium": ("germanium:concentrate", 0.22, "zinc_smelter", "refinery"),
    "antimony": ("antimony:ore", 0.3, "mine", "smelter"),
    "tungsten": ("tungsten:concentrate", 0.8, "mine", "smelter"),
    "rare_earth": ("rare_earth_concentrate", 0.06, "mine", "separation_plant"),
    "graphite": ("graphite:ore", 0.11, "mine", "processor"),
    "bismuth": ("lead:anode_slime", 0.16, "smelter", "refinery"),
    "tellurium": ("copper:anode_slime", 0.05, "smelter", "refinery"),
    "indium": ("zinc:residue", 0.012, "zinc_smelter", "refinery"),
    "molybdenum": ("molybdenum:concentrate", 0.5, "mine", "processor"),
}


@dataclass
class Facility:
    facility_id: str
    operator_id: str
    kind: str
    region: str
    family: str
    materials: list[str]
    feed: str | None = None
    yield_: float = 1.0
    flows: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)

    def add(self, month: str, material: str, column: str, kg: float) -> None:
        cell = self.flows.setdefault((month, material), {})
        cell[column] = cell.get(column, 0.0) + kg


class Chain:
    def __init__(self, rng: random.Random, pop: Population, knobs: Knobs) -> None:
        self.rng = rng
        self.pop = pop
        self.knobs = knobs
        self.facilities: list[Facility] = []
        self.movements: list[dict[str, Any]] = []
        self.by_exporter: dict[str, Facility] = {}
        self.upstream: dict[str, list[Facility]] = {}
        self.leaky: dict[int, Facility] = {}

    def facility(
        self, operator: str, kind: str, region: str, family: str, materials: list[str]
    ) -> Facility:
        fac = Facility(
            f"FAC{len(self.facilities) + 1:05d}", operator, kind, region, family, materials
        )
        feed = FEEDS.get(family)
        if feed and kind == feed[3]:
            fac.feed, fac.yield_ = feed[0], feed[1]
        self.facilities.append(fac)
        return fac

    def move(self, day: dt.date, src: str, dst: str, material: str, kg: float) -> None:
        rng = self.rng
        self.movements.append(
            {
                "movement_id": f"MV{len(self.movements) + 1:07d}",
                "moved_at": day.isoformat(),
                "from_id": src,
                "to_id": dst,
                "material": material,
                "quantity_kg": round(kg, 1),
                "lot_id": f"L{day:%y%m}{rng.randrange(1000, 9999)}"
                if rng.random() < 0.85
                else None,
                "document_no": f"INV{rng.randrange(10**8, 10**9)}" if rng.random() < 0.9 else None,
            }
        )

    def build(
        self,
        lines: list[dict[str, Any]],
        rings: list[Ring],
        leaks: list[tuple[Ring, Good, dt.date, float]],
    ) -> None:
        rng = self.rng
        register = self.pop.register
        # plants of the manufacturers and warehouses of the trading houses
        for ex in self.pop.exporters:
            families = sorted({g.family for g in ex.goods if g.controlled})
            if not families:
                continue
            materials = sorted({g.material for g in ex.goods if g.controlled})
            kind = FEEDS[families[0]][3] if ex.kind == "maker" else "trader"
            self.by_exporter[ex.reg_id] = self.facility(
                ex.reg_id, kind, ex.region, families[0], materials
            )
        for family, (feed, _, kind, _) in FEEDS.items():
            regions = sorted({f.region for f in self.facilities if f.family == family}) or [
                "360700"
            ]
            ups = []
            for _ in range(rng.randint(2, 4)):
                region = rng.choice(regions)
                operator = register.chinese_company(
                    rng,
                    region,
                    family if family != "rare_earth" else "rare_earth",
                    dt.date(rng.randrange(1990, 2015), 1, 1),
                )
                ups.append(self.facility(operator.party_id, kind, region, family, [feed]))
            self.upstream[family] = ups
        # exports per facility, month and material (honest lines only: rings' goods leak)
        exports: dict[tuple[str, str, str], float] = {}
        for line in lines:
            good = line["_good"]
            if (
                line["_scheme"] is None
                and good.controlled
                and line["exporter_id"] in self.by_exporter
            ):
                key = (line["exporter_id"], month_of(line["_day"]), good.material)
                exports[key] = exports.get(key, 0.0) + line["net_weight_kg"]
        plants = [f for f in self.facilities if f.kind not in {"trader"} and f.feed]
        for (exporter_id, month, material), kg in sorted(exports.items()):
            fac = self.by_exporter[exporter_id]
            fac.add(month, material, "exported", kg)
            if fac.kind == "trader":
                sources = [p for p in plants if material in p.materials] or [
                    p for p in plants if p.family == fac.family
                ]
                if not sources:
                    continue
                src = sources[hash_pick(exporter_id, material, len(sources))]
                day = month_start(month) + dt.timedelta(days=rng.randint(0, 20))
                self.move(
                    day, src.facility_id, fac.facility_id, material, kg * rng.uniform(0.98, 1.06)
                )
                src.add(month, material, "moved_out", self.movements[-1]["quantity_kg"])
                fac.add(month, material, "received", self.movements[-1]["quantity_kg"])
        # rings' leaks
        for ring, good, day, kg in leaks:
            fac = self._leaky(ring, good)
            month = month_of(day)
            fac.add(month, good.material, "leaked", kg)
            if not ring.faint:
                when = max(day - dt.timedelta(days=rng.randint(3, 25)), month_start(month))
                self.move(when, fac.facility_id, ring.front.party.party_id, good.material, kg)
                fac.add(month, good.material, "moved_out", kg)
                fac.add(month, good.material, "leak_booked", kg)

    def _leaky(self, ring: Ring, good: Good) -> Facility:
        key = id(ring)
        if key not in self.leaky:
            plants = [f for f in self.facilities if f.feed and good.material in f.materials]
            if plants:
                self.leaky[key] = self.rng.choice(plants)
            else:
                operator = self.pop.register.chinese_company(
                    self.rng, good.regions[0], good.family, dt.date(2008, 1, 1)
                )
                fac = self.facility(
                    operator.party_id,
                    FEEDS[good.family][3],
                    good.regions[0],
                    good.family,
                    [good.material],
                )
                self.leaky[key] = fac
            fac = self.leaky[key]
            if good.material not in fac.materials:
                fac.materials.append(good.material)
        return self.leaky[key]

    def balances(self) -> list[dict[str, Any]]:
        """Monthly balances; feed arrives from upstream as movements."""
        rng = self.rng
        rows: list[dict[str, Any]] = []
        noise = self.knobs.honest_noise
        for fac in sorted(self.facilities, key=lambda f: f.facility_id):
            if fac.kind == "trader":
                rows.extend(self._trader_rows(fac))
                continue
            if fac.feed is None:
                continue
            stock = {m: rng.uniform(500, 5000) for m in fac.materials}
            feed_stock = rng.uniform(5000, 40000)
            for month in MONTHS:
                consumed_feed = 0.0
                down = rng.random() < 0.03
                for material in fac.materials:
                    flow = fac.flows.get((month, material), {})
                    shipped_true = flow.get("exported", 0.0) + flow.get("moved_out", 0.0)
                    domestic = shipped_true * rng.uniform(0.2, 0.8) + rng.uniform(50, 800)
                    leaked = flow.get("leaked", 0.0)
                    booked_leak = flow.get("leak_booked", 0.0)
                    shipped = shipped_true + domestic
                    closing = stock[material] * rng.uniform(0.85, 1.15)
                    reported = shipped + closing - stock[material]
                    if reported < 0:
                        reported, closing = 0.0, stock[material] - shipped
                    produced_true = reported + (leaked - booked_leak)
                    yield_ = (
                        fac.yield_
                        * rng.uniform(1 - 0.6 * noise, 1 + 0.6 * noise)
                        * (0.7 if down else 1.0)
                    )
                    consumed_feed += produced_true / yield_
                    rows.append(
                        {
                            "facility_id": fac.facility_id,
                            "period": month,
                            "material": material,
                            "opening_kg": round(stock[material], 1),
                            "received_kg": 0.0,
                            "produced_kg": round(reported, 1),
                            "consumed_kg": 0.0,
                            "shipped_kg": round(shipped, 1),
                            "closing_kg": round(closing * (1 + rng.gauss(0, 0.002)), 1),
                        }
                    )
                    stock[material] = closing
                received = consumed_feed * rng.uniform(0.92, 1.1) if consumed_feed else 0.0
                if feed_stock + received < consumed_feed:  # buy in before the feed runs out
                    received = consumed_feed - feed_stock + consumed_feed * rng.uniform(0.05, 0.2)
                if received:
                    self._supply(fac, month, received)
                closing_feed = max(0.0, feed_stock + received - consumed_feed)
                rows.append(
                    {
                        "facility_id": fac.facility_id,
                        "period": month,
                        "material": fac.feed,
                        "opening_kg": round(feed_stock, 1),
                        "received_kg": round(received, 1),
                        "produced_kg": 0.0,
                        "consumed_kg": round(min(consumed_feed, feed_stock + received), 1),
                        "shipped_kg": 0.0,
                        "closing_kg": round(closing_feed, 1),
                    }
                )
                feed_stock = closing_feed
        rows.extend(self._upstream_rows())
        return rows

    def _supply(self, fac: Facility, month: str, kg: float) -> None:
        rng = self.rng
        sources = self.upstream.get(fac.family) or []
        if not sources:
            return
        parts = rng.randint(1, 3)
        for _ in range(parts):
            src = rng.choice(sources)
            day = month_start(month) + dt.timedelta(days=rng.randint(0, 25))
            self.move(day, src.facility_id, fac.facility_id, fac.feed or "", kg / parts)
            src.add(month, fac.feed or "", "moved_out", kg / parts)

    def _trader_rows(self, fac: Facility) -> list[dict[str, Any]]:
        rows = []
        for material in fac.materials:
            stock = self.rng.uniform(0, 2000)
            for month in MONTHS:
                flow = fac.flows.get((month, material), {})
                received = flow.get("received", 0.0)
                shipped = flow.get("exported", 0.0)
                if not received and not shipped and stock < 1:
                    continue
                closing = max(0.0, stock + received - shipped)
                rows.append(
                    {
                        "facility_id": fac.facility_id,
                        "period": month,
                        "material": material,
                        "opening_kg": round(stock, 1),
                        "received_kg": round(received, 1),
                        "produced_kg": 0.0,
                        "consumed_kg": 0.0,
                        "shipped_kg": round(shipped, 1),
                        "closing_kg": round(closing, 1),
                    }
                )
                stock = closing
        return rows

    def _upstream_rows(self) -> list[dict[str, Any]]:
        rows = []
        for ups in self.upstream.values():
            for fac in ups:
                material = fac.materials[0]
                stock = self.rng.uniform(20000, 200000)
                for month in MONTHS:
                    shipped = fac.flows.get((month, material), {}).get("moved_out", 0.0)
                    closing = stock * self.rng.uniform(0.9, 1.1)
                    produced = max(0.0, shipped + closing - stock)
                    closing = stock + produced - shipped
                    rows.append(
                        {
                            "facility_id": fac.facility_id,
                            "period": month,
                            "material": material,
                            "opening_kg": round(stock, 1),
                            "received_kg": 0.0,
                            "produced_kg": round(produced, 1),
                            "consumed_kg": 0.0,
                            "shipped_kg": round(shipped, 1),
                            "closing_kg": round(closing, 1),
                        }
                    )
                    stock = closing
        return rows

    def facility_rows(self) -> list[dict[str, Any]]:
        out = []
        for fac in self.facilities:
            produced = sum(
                v.get("exported", 0.0) + v.get("moved_out", 0.0) for v in fac.flows.values()
            )
            years = len(MONTHS) / 12
            capacity = max(1000.0, produced / years * self.rng.uniform(1.8, 3.0))
            out.append(
                {
                    "facility_id": fac.facility_id,
                    "operator_id": fac.operator_id,
                    "kind": fac.kind,
                    "region": fac.region,
                    "capacity_kg_per_year": round(capacity, -2),
                    "materials": ";".join(fac.materials + ([fac.feed] if fac.feed else [])),
                }
            )
        return out


def hash_pick(a: str, b: str, n: int) -> int:
    """A stable choice among ``n`` for a pair of names (no Python hash randomisation)."""
    total = 0
    for ch in a + "|" + b:
        total = (total * 131 + ord(ch)) % 1_000_003
    return total % n
