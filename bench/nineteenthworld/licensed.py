"""Honest trade in controlled goods: licensed exports, the rush before a control takes
effect, and exporters that take up a controlled good after a real expansion.

Shipments are planned first, then covered by licences: one licence per exporter, buyer
and good for each year of shipments, its quantity the planned total plus headroom (some
are drawn to the last kilogram). Each shipment is preceded by a movement from the
producer to the exporter's warehouse, so the chain of custody is complete.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass

from nineteenthworld import chain, clock, geo, goods, names
from nineteenthworld.companies import currency_for, header
from nineteenthworld.context import Context
from nineteenthworld.goods import GOODS, Good
from nineteenthworld.ledger import Row, goods_line, unit_price
from nineteenthworld.population import Party, Trader
from nineteenthworld.rand import pick, pick_pairs

FLOWS: dict[str, tuple[tuple[str, float], ...]] = {
    "gallium": (("RU", 0.4), ("KZ", 0.3), ("BY", 0.2), ("VN", 0.1)),
    "germanium_ingot": (("RU", 0.5), ("BY", 0.3), ("KZ", 0.2)),
    "germanium_dioxide": (("RU", 0.5), ("KZ", 0.3), ("DE", 0.2)),
    "antimony_ingot": (("RU", 0.35), ("KZ", 0.25), ("VN", 0.3), ("BY", 0.1)),
    "apt": (("DE", 0.4), ("RU", 0.3), ("KZ", 0.1), ("VN", 0.2)),
    "tungsten_carbide": (("DE", 0.4), ("RU", 0.3), ("PL", 0.1), ("KZ", 0.2)),
    "tungsten_bars": (("RU", 0.5), ("DE", 0.3), ("BY", 0.2)),
    "bismuth": (("RU", 0.5), ("KZ", 0.3), ("DE", 0.2)),
    "dy_oxide": (("VN", 0.5), ("DE", 0.3), ("KZ", 0.2)),
    "tb_oxide": (("VN", 0.5), ("DE", 0.4), ("KZ", 0.1)),
    "spherical_graphite": (("PL", 0.4), ("HU", 0.2), ("DE", 0.2), ("RU", 0.2)),
    "flake_graphite": (("RU", 0.4), ("PL", 0.2), ("DE", 0.2), ("KZ", 0.2)),
}
#: Shipment sizes, kg (log-uniform between the two).
LOTS = {
    "gallium": (30, 500),
    "germanium_ingot": (10, 120),
    "germanium_dioxide": (20, 300),
    "antimony_ingot": (5_000, 25_000),
    "apt": (5_000, 20_000),
    "tungsten_carbide": (500, 5_000),
    "tungsten_bars": (100, 2_000),
    "bismuth": (1_000, 10_000),
    "dy_oxide": (50, 600),
    "tb_oxide": (10, 150),
    "spherical_graphite": (18_000, 72_000),
    "flake_graphite": (20_000, 75_000),
}
END_USES = {
    "gallium:metal": ("半导体衬底制造 semiconductor substrates", "LED外延片 LED epitaxy"),
    "germanium:metal": ("红外光学镜头 infrared optics", "光纤预制棒 optical fibre preforms"),
    "germanium:dioxide": ("光纤预制棒 optical fibre preforms", "聚酯催化剂 PET catalyst"),
    "antimony:metal": ("阻燃剂生产 flame retardants", "铅酸蓄电池 lead-acid batteries"),
    "tungsten:apt": ("硬质合金生产 cemented carbide", "钨丝 tungsten wire"),
    "tungsten:carbide": ("硬质合金刀具 carbide tools",),
    "tungsten:metal": ("医疗屏蔽 radiation shielding", "配重 counterweights"),
    "bismuth:metal": ("医药原料 pharmaceuticals", "易切削钢 free-cutting steel"),
    "dysprosium:oxide": ("永磁电机 permanent-magnet motors",),
    "terbium:oxide": ("永磁电机 permanent-magnet motors", "荧光粉 phosphors"),
    "graphite:spherical": ("锂电池负极 battery anodes",),
    "graphite:flake": ("耐火材料 refractories", "锂电池负极 battery anodes"),
}
TRADE = {
    "gallium": "materials",
    "germanium_ingot": "germanium",
    "germanium_dioxide": "germanium",
    "antimony_ingot": "antimony",
    "apt": "tungsten",
    "tungsten_carbide": "tungsten",
    "tungsten_bars": "tungsten",
    "bismuth": "metallurgy",
    "dy_oxide": "rare_earth",
    "tb_oxide": "rare_earth",
    "spherical_graphite": "graphite",
    "flake_graphite": "graphite",
}
RAIL_EU = {"PL", "DE", "HU", "CZ", "NL"}
ROUTES: dict[str, tuple[tuple[str, str, float], ...]] = {
    "RU": (
        ("CNNZH", "rail", 0.5),
        ("CNSFH", "rail", 0.2),
        ("CNSFH", "road", 0.1),
        ("CNERL", "rail", 0.2),
    ),
    "KZ": (("CNHRG", "road", 0.4), ("CNHRG", "rail", 0.2), ("CNAKS", "rail", 0.4)),
    "BY": (("CNNZH", "rail", 0.5), ("CNAKS", "rail", 0.5)),
    "VN": (("CNPXG", "road", 0.5), ("CNHKO", "road", 0.3), ("CNDXG", "road", 0.2)),
}


@dataclass
class Shipment:
    trader: Trader
    good: Good
    buyer: Party
    day: dt.date
    kg: float
    supplier: str
    licence: Row | None = None
    traps: tuple[str, ...] = ()


def route(rng: random.Random, country: str) -> tuple[str, str]:
    """Port and mode for a shipment of controlled goods to ``country``."""
    if country in ROUTES:
        port, mode, _ = pick(rng, ROUTES[country], [r[2] for r in ROUTES[country]])
        return port, mode
    exit_port = pick_pairs(rng, geo.RAIL_EXITS)
    return exit_port, "rail"


class LicensedTrade:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("licensed")
        self.traders: list[Trader] = []
        self.profiles: dict[str, clock.Profile] = {}

    def profile(self, good: Good) -> clock.Profile:
        control = good.control
        assert control is not None
        if control.material not in self.profiles:
            effective = control.effective if control.effective > clock.START else None
            self.profiles[control.material] = clock.control_profile(
                effective, self.ctx.knobs.rush_factor, 0.6
            )
        return self.profiles[control.material]

    def enrol(self, target_lines: int) -> None:
        rng = self.rng
        pop = self.ctx.pop
        keys = list(FLOWS)
        count = max(len(keys), round(target_lines / 35))
        for i in range(count):
            key = keys[i % len(keys)]
            good = GOODS[key]
            material = good.material
            assert material is not None
            producer = chain.producer_for(self.ctx, material, rng.randrange(99))
            own = rng.random() < 0.45
            if own:
                party = producer.operator
            else:
                division = pick(
                    rng,
                    (
                        "650100",
                        "654004",
                        "150781",
                        "231081",
                        "450100",
                        "530100",
                        "500000",
                        "610100",
                    ),
                )
                party = pop.company_cn(division, pick(rng, (TRADE[key], "impex", "trading")))
            countries = list(dict.fromkeys(pick_pairs(rng, FLOWS[key]) for _ in range(2)))
            trader = Trader(
                party,
                "licensed",
                [key],
                [1.0],
                [],
                [],
                [],
                weight=rng.paretovariate(1.5),
                buyer_script=pick(rng, ("latin", "native", "mixed"), (0.5, 0.3, 0.2)),
            )
            trader.traits["supplier"] = {material: producer.facility_id}
            if rng.random() < 0.5:
                trader.declarant = pick(rng, pop.brokers)
            for country in countries:
                chosen, weights = pop.pick_buyers(country, rng.randint(1, 3), hub_share=0.0)
                trader.buyers.extend(chosen)
                trader.buyers_w.extend(weights)
            if key == "apt" and rng.random() < 0.5:
                trader.traits["processing"] = True
            if rng.random() < 0.2 or i == 1:  # at least one exporter expands
                self._expand(trader, producer.region)
            self.ctx.warehouse(
                party, party.division or "650100", [GOODS[k].material or "" for k in trader.goods]
            )
            self.traders.append(trader)

    def _expand(self, trader: Trader, region: str) -> None:
        """A new controlled good after a plant is built: a new facility, then shipments."""
        rng = self.rng
        options = [k for k in FLOWS if k not in trader.goods]
        key = pick(rng, options)
        material = GOODS[key].material
        assert material is not None
        start = rng.randrange(120, clock.DAYS - 150)
        since = clock.day_at(start - rng.randint(45, 90))
        kind = "alumina_refinery" if material.startswith("gallium") else "processor"
        fac = self.ctx.pop.facility(trader.party, kind, region, 0.0, [material], since)
        self.ctx.producers.setdefault(material, []).append(fac)
        supplier = trader.traits["supplier"]
        assert isinstance(supplier, dict)
        supplier[material] = fac.facility_id
        trader.goods.append(key)
        trader.goods_w.append(0.6)
        trader.traits["expansion"] = (key, start)
        for country in [pick_pairs(rng, FLOWS[key])]:
            chosen, weights = self.ctx.pop.pick_buyers(country, 1, hub_share=0.0)
            trader.buyers.extend(chosen)
            trader.buyers_w.extend(weights)

    def generate(self, target_lines: int) -> int:
        if target_lines <= 0:
            return 0
        if not self.traders:
            self.enrol(target_lines)
        rng = self.rng
        weights = [t.weight for t in self.traders]
        plan: list[Shipment] = []
        while len(plan) < target_lines:
            trader = pick(rng, self.traders, weights)
            key = pick(rng, trader.goods, trader.goods_w)
            good = GOODS[key]
            lo = trader.start
            expansion = trader.traits.get("expansion")
            if isinstance(expansion, tuple) and expansion[0] == key:
                lo = max(lo, int(expansion[1]))
            day = self.profile(good).draw(rng, lo, trader.end)
            countries = {c for c, _ in FLOWS[key]}
            pairs = [
                (b, w)
                for b, w in zip(trader.buyers, trader.buyers_w, strict=True)
                if b.country in countries
            ]
            buyer = pick(rng, [p[0] for p in pairs], [p[1] for p in pairs])
            lo_kg, hi_kg = LOTS[key]
            kg = math.exp(rng.uniform(math.log(lo_kg), math.log(hi_kg)))
            supplier = trader.traits["supplier"]
            assert isinstance(supplier, dict) and good.material is not None
            traps: list[str] = []
            if isinstance(expansion, tuple) and expansion[0] == key:
                traps.append("new_commodity")
            plan.append(
                Shipment(
                    trader, good, buyer, day, kg, str(supplier[good.material]), traps=tuple(traps)
                )
            )
        self._licences(plan)
        made = 0
        for shipment in sorted(plan, key=lambda s: (s.day, s.trader.party.party_id)):
            made += len(self._declare(shipment))
        return made

    def _licences(self, plan: list[Shipment]) -> None:
        """Cover every shipment made under control by a licence with some headroom."""
        rng = self.rng
        groups: dict[tuple[str, str, str], list[Shipment]] = defaultdict(list)
        for s in plan:
            control = s.good.control
            assert control is not None
            if s.day >= control.effective:
                groups[(s.trader.party.party_id, s.buyer.party_id, s.good.key)].append(s)
        for key in sorted(groups):
            shipments = sorted(groups[key], key=lambda s: s.day)
            while shipments:
                first = shipments[0]
                lead = rng.randint(10, 45)
                issued = first.day - dt.timedelta(days=lead)
                control = first.good.control
                assert control is not None
                if issued < control.effective - dt.timedelta(days=30):
                    issued = max(issued, control.effective - dt.timedelta(days=30))
                valid_until = issued + dt.timedelta(days=364)
                covered = [s for s in shipments if s.day <= valid_until]
                shipments = [s for s in shipments if s.day > valid_until]
                total = sum(s.kg for s in covered)
                near_full = rng.random() < 0.12
                headroom = rng.uniform(0.0, 0.015) if near_full else rng.uniform(0.08, 0.6)
                material = control.material
                end_user, end_use = self._end_user(first.buyer, material)
                status, since = None, None
                if rng.random() < 0.05 and covered[-1].day < clock.END - dt.timedelta(days=30):
                    status, since = (
                        "revoked",
                        covered[-1].day + dt.timedelta(days=rng.randint(5, 25)),
                    )
                licence = self.ctx.ledger.licence(
                    first.trader.party,
                    material,
                    first.buyer.scripts["latin"],
                    first.buyer.country,
                    total * (1 + headroom),
                    issued,
                    364,
                    end_user,
                    end_use,
                    status=status,
                    status_since=since,
                )
                for s in covered:
                    s.licence = licence
                    if near_full:
                        s.traps = (*s.traps, "licence_near_full")

    def _end_user(self, buyer: Party, material: str) -> tuple[str, str]:
        rng = self.rng
        use = pick(rng, END_USES[material])
        if rng.random() < 0.7:
            return buyer.scripts["latin"], use
        others = [b for b in self.ctx.pop.buyers.get(buyer.country, []) if b is not buyer]
        return (pick(rng, others).scripts["latin"] if others else buyer.scripts["latin"]), use

    def _declare(self, s: Shipment) -> list[Row]:
        rng = self.rng
        good = s.good
        control = good.control
        assert control is not None
        port, mode = route(rng, s.buyer.country)
        if s.buyer.country in RAIL_EU and rng.random() < 0.3:
            origin = pick(rng, geo.RAIL_ORIGINS)
            port = origin[0]
        currency = currency_for(rng, s.buyer.country)
        spec = goods.fill(rng, good.spec)
        traps = list(s.traps)
        if s.trader.traits.get("processing"):
            spec += " 进料加工:进口钨精矿(蒙古/缅甸)"
            traps.append("processing_trade")
        line = goods_line(
            rng,
            good,
            s.kg,
            unit_price(rng, good, s.day),
            s.day,
            currency,
            s.buyer.country,
            spec=spec,
        )
        if mode == "rail" and good.box[1] and s.buyer.country in RAIL_EU | {"KZ", "RU", "BY"}:
            boxes = max(1, math.ceil(s.kg / (good.box[1] * 1000)))
            line["container_ids"] = ";".join(names.container_number(rng) for _ in range(boxes))
        gap = (control.effective - s.day).days
        if 0 < gap <= clock.RUSH_DAYS:
            traps.append("pre_control_rush")
        if port in geo.INLAND:
            traps.append("inland_customs")
        line["_traps"] = traps
        line["_material"] = control.material
        end_user = end_use = None
        if s.licence is not None:
            line["license_no"] = s.licence["license_no"]
            end_user, end_use = s.licence["end_user_name"], s.licence["end_use"]
        head = header(
            rng,
            s.trader,
            port,
            mode,
            s.day,
            s.buyer,
            currency,
            end_user=end_user,
            end_use=end_use,
            origin=s.trader.party.division,
        )
        rows = self.ctx.ledger.add(head, [line])
        wh = self.ctx.warehouses[s.trader.party.party_id]
        moved = max(clock.START, s.day - dt.timedelta(days=rng.randint(3, 25)))
        self.ctx.ledger.movement(moved, s.supplier, wh.facility_id, control.material, line["_kg"])
        return rows
