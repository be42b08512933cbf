"""The domestic chain of custody: mines, plants, warehouses, and what moved between them.

Full-chain supervision asks every facility to report a monthly balance per material
and every transfer to carry a lot number and an invoice. Here mines ship concentrate
to producers (alumina refineries for gallium, zinc smelters for germanium, smelters,
refineries, separation plants), producers ship metal and oxides to exporters'
warehouses and to domestic processors, and exporters ship abroad what they declare.

Honest balances close within a few tenths of a per cent of weighing error, except for
the occasional stock-take loss. Smuggled goods leave traces in two ways, set by how a
ring sourced them: goods received on an exporter's books but never declared leave a
gap at that exporter ("booked"); goods sold off a producer's books never reach an
exporter's books at all and leave the gap at the producer ("off-book"), whose
organisers' relatives work there. An exporter that declares a material it never
received (holmium oxide that was really dysprosium oxide) shows a negative gap.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from sixteenthworld import names, registry
from sixteenthworld.goods import BY_KEY
from sixteenthworld.model import Exporter, Line, Relation
from sixteenthworld.parties import SECTORS, Registry
from sixteenthworld.timeline import month_of, months

#: element -> (producer kind, carrier material, kg of element material per kg of carrier)
PRODUCERS: dict[str, tuple[str, str, float]] = {
    "gallium": ("alumina_refinery", "bauxite", 7.5e-6),
    "germanium": ("zinc_smelter", "zinc_concentrate", 6e-5),
    "antimony": ("smelter", "stibnite_concentrate", 0.45),
    "tungsten": ("refinery", "tungsten_concentrate", 0.5),
    "graphite": ("processor", "graphite_ore", 0.12),
    "bismuth": ("refinery", "lead_bullion", 0.01),
    "tellurium": ("refinery", "copper_anode_slime", 0.03),
    "dysprosium": ("separation_plant", "rare_earth_concentrate", 0.03),
    "terbium": ("separation_plant", "rare_earth_concentrate", 0.006),
    "yttrium": ("separation_plant", "rare_earth_concentrate", 0.2),
    "gadolinium": ("separation_plant", "rare_earth_concentrate", 0.04),
    "holmium": ("separation_plant", "rare_earth_concentrate", 0.01),
    "erbium": ("separation_plant", "rare_earth_concentrate", 0.02),
}
_FAMILY = {
    e: "rare_earth" for e in ("dysprosium", "terbium", "yttrium", "gadolinium", "holmium", "erbium")
}
_SECTOR = {
    "gallium": "gallium",
    "germanium": "germanium",
    "antimony": "antimony",
    "tungsten": "tungsten",
    "graphite": "graphite",
    "bismuth": "minor",
    "tellurium": "minor",
    "rare_earth": "rare_earth",
}
_DOMESTIC = {
    "rare_earth": "magnet_plant",
    "graphite": "processor",
    "gallium": "processor",
    "germanium": "processor",
    "antimony": "processor",
    "tungsten": "processor",
    "bismuth": "processor",
    "tellurium": "processor",
}


@dataclass
class Facility:
    facility_id: str
    operator_id: str
    kind: str
    region: str
    materials: set[str]
    capacity: float | None = None


@dataclass
class Flows:
    """Kilograms per (exporter, material, month): shipped for real, declared, sourced off
    the books, and covered by paper receipts from a supplier that never had the goods."""

    true: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    declared: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    offbook: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    paper: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    ring_of: dict[str, int] = field(default_factory=dict)
    producer_out: dict[tuple[str, str, str], float] = field(
        default_factory=lambda: defaultdict(float)
    )
    producer_leak: dict[tuple[str, str, str], float] = field(
        default_factory=lambda: defaultdict(float)
    )
    leaky: dict[tuple[int, str], str] = field(default_factory=dict)
    paper_mill: dict[int, str] = field(default_factory=dict)


@dataclass
class ChainTables:
    facilities: list[Facility] = field(default_factory=list)
    movements: dict[str, list[object]] = field(default_factory=dict)
    production: dict[str, list[object]] = field(default_factory=dict)


def family(element: str) -> str:
    return _FAMILY.get(element, element)


def _material(key: str) -> str:
    good = BY_KEY[key]
    if ":" in good.material and good.element in PRODUCERS:
        return good.material
    return ""


class ChainBuilder:
    def __init__(self, rnd: random.Random, reg: Registry, exporters: dict[str, Exporter]) -> None:
        self.rnd = rnd
        self.reg = reg
        self.exporters = exporters
        self.t = ChainTables()
        self.t.movements = {
            k: []
            for k in (
                "movement_id",
                "moved_at",
                "from_id",
                "to_id",
                "material",
                "quantity_kg",
                "lot_id",
                "document_no",
            )
        }
        self.t.production = {
            k: []
            for k in (
                "facility_id",
                "period",
                "material",
                "opening_kg",
                "received_kg",
                "produced_kg",
                "consumed_kg",
                "shipped_kg",
                "closing_kg",
            )
        }
        self.producers: dict[str, list[Facility]] = {}
        self.domestic: dict[str, list[Facility]] = {}
        self.mines: dict[str, list[Facility]] = {}
        self.months = months()
        self.out_by: dict[tuple[str, str], float] = defaultdict(float)

    def facility(self, operator: str, kind: str, region: str, materials: set[str]) -> Facility:
        fac = Facility(f"F{len(self.t.facilities) + 1:05d}", operator, kind, region, set(materials))
        self.t.facilities.append(fac)
        return fac

    def operator(self, region: str, business: str) -> str:
        zh, en = names.chinese_company(self.rnd, region, business)
        party = self.reg.add(
            "company",
            zh,
            alt_names=[en],
            country="CN",
            address=names.chinese_address(self.rnd, region),
            registration_id=registry.uscc(self.rnd, region),
            incorporated_at=dt.date(self.rnd.randrange(1990, 2018), self.rnd.randrange(1, 13), 1),
        )
        return party.party_id

    def upstream(self, fam: str, integrated: list[Exporter]) -> None:
        """Mines, producers and domestic processors of one element family."""
        rnd = self.rnd
        sector = SECTORS[_SECTOR[fam]]
        elements = [e for e in PRODUCERS if family(e) == fam]
        kind, carrier, _ = PRODUCERS[elements[0]]
        producers = []
        for i in range(rnd.randrange(3, 6)):
            region = rnd.choice(sector.regions)
            if i < len(integrated) and rnd.random() < 0.6:
                operator = integrated[i].uscc
                region = integrated[i].region
            else:
                operator = self.operator(region, "metal" if fam != "rare_earth" else "rare_earth")
            producers.append(self.facility(operator, kind, region, set()))
        self.producers[fam] = producers
        self.mines[fam] = [
            self.facility(
                self.operator(rnd.choice(sector.regions), "metal"),
                "mine",
                rnd.choice(sector.regions),
                {carrier},
            )
            for _ in range(rnd.randrange(1, 4))
        ]
        self.domestic[fam] = [
            self.facility(
                self.operator(rnd.choice(sector.regions), "metal"),
                _DOMESTIC[fam],
                rnd.choice(sector.regions),
                set(),
            )
            for _ in range(rnd.randrange(1, 4))
        ]

    def move(self, day: dt.date, src: str, dst: str, material: str, kg: float) -> None:
        if kg <= 0.5:
            return
        rnd = self.rnd
        self.out_by[(src, month_of(day))] += kg
        lots = 1 if kg < 500 else rnd.randrange(1, 4)
        for j in range(lots):
            m = self.t.movements
            m["movement_id"].append(f"M{len(m['movement_id']) + 1:07d}")
            when = day + dt.timedelta(days=rnd.randrange(0, 27))
            m["moved_at"].append(when.isoformat())
            m["from_id"].append(src)
            m["to_id"].append(dst)
            m["material"].append(material)
            m["quantity_kg"].append(round(kg / lots, 2))
            m["lot_id"].append(f"{src[-3:]}{when:%y%m}{j + 1:02d}{rnd.randrange(100, 999)}")
            m["document_no"].append(f"INV{when:%y}{rnd.randrange(10**6, 10**7)}")

    def balance(
        self,
        fac: str,
        period: str,
        material: str,
        opening: float,
        received: float | None,
        produced: float | None,
        consumed: float | None,
        shipped: float | None,
        closing: float,
    ) -> None:
        p = self.t.production
        p["facility_id"].append(fac)
        p["period"].append(period)
        p["material"].append(material)
        for key, value in (
            ("opening_kg", opening),
            ("received_kg", received),
            ("produced_kg", produced),
            ("consumed_kg", consumed),
            ("shipped_kg", shipped),
            ("closing_kg", closing),
        ):
            p[key].append(None if value is None else round(max(value, 0.0), 2))


def build_chain(
    rnd: random.Random,
    reg: Registry,
    exporters: dict[str, Exporter],
    lines: list[Line],
    ring_links: dict[int, list[str]],
) -> ChainTables:
    """Facilities, monthly balances and movements consistent with what was exported."""
    b = ChainBuilder(rnd, reg, exporters)
    fl = Flows()
    for ln in lines:
        month = month_of(ln.day)
        t_mat = _material(ln.true_good)
        d_mat = _material(ln.good)
        if t_mat:
            fl.true[(ln.exporter_id, t_mat, month)] += ln.true_kg
        if d_mat:
            fl.declared[(ln.exporter_id, d_mat, month)] += ln.net_weight_kg
        if t_mat and ln.sourcing == "offbook":
            hidden = ln.true_kg - (ln.net_weight_kg if d_mat == t_mat else 0.0)
            fl.offbook[(ln.exporter_id, t_mat, month)] += max(hidden, 0.0)
        if d_mat and d_mat != t_mat and ln.sourcing == "offbook":
            fl.paper[(ln.exporter_id, d_mat, month)] += ln.net_weight_kg
        if ln.ring >= 0:
            fl.ring_of[ln.exporter_id] = ln.ring
    pairs = sorted({(e, m) for e, m, _ in list(fl.true) + list(fl.declared)})
    fams = sorted({family(BY_KEY_BY_MATERIAL[m]) for _, m in pairs})
    for fam in fams:
        sector = _SECTOR[fam]
        integrated = sorted(
            (e for e in exporters.values() if e.sector == sector and e.ring < 0),
            key=lambda e: -e.weight,
        )[:3]
        b.upstream(fam, integrated)
    supplier: dict[tuple[str, str], str] = {}
    own_facility: dict[str, str] = {}
    for fam in fams:
        for fac in b.producers[fam]:
            own_facility.setdefault(fac.operator_id, fac.facility_id)
    for exporter_id, material in pairs:
        fam = family(BY_KEY_BY_MATERIAL[material])
        producers = b.producers[fam]
        exp = exporters.get(exporter_id)
        if exporter_id in own_facility and rnd.random() < 0.9:
            supplier[(exporter_id, material)] = own_facility[exporter_id]
        else:
            supplier[(exporter_id, material)] = rnd.choice(producers).facility_id
        ring = fl.ring_of.get(exporter_id, -1)
        if ring >= 0 and (ring, fam) not in fl.leaky:
            fac = rnd.choice(producers)
            fl.leaky[(ring, fam)] = fac.facility_id
            operator = (
                exporters[fac.operator_id].party.party_id
                if fac.operator_id in exporters
                else fac.operator_id
            )
            for organiser in ring_links.get(ring, [])[:1]:
                b.reg.relations.append(_employee(organiser, operator))
    warehouses: dict[str, Facility] = {}
    for exporter_id, material in pairs:
        exp = exporters.get(exporter_id)
        src = supplier[(exporter_id, material)]
        own = own_facility.get(exporter_id) == src
        if own:
            dst = src
        elif exp is not None and exp.party.kind == "company":
            if exporter_id not in warehouses:
                kind = (
                    "warehouse" if exp.sector in ("trading", "base_metal", "chemical") else "trader"
                )
                warehouses[exporter_id] = b.facility(exporter_id, kind, exp.region, set())
            warehouses[exporter_id].materials.add(material)
            dst = warehouses[exporter_id].facility_id
        else:
            dst = exp.party.party_id if exp is not None else exporter_id
        _exporter_months(b, fl, exporter_id, material, src, dst, own, exp)
    for fam in fams:
        _producer_months(b, fam, fl.producer_out, fl.producer_leak)
    return b.t


def _paper_mill(b: ChainBuilder, fl: Flows, ring: int, exp: Exporter | None) -> str:
    """A trading company that invoices goods it never had (its director works for the ring)."""
    if ring not in fl.paper_mill:
        region = exp.region if exp is not None else "310000"
        operator = b.operator(region, "trade")
        fac = b.facility(operator, "trader", region, set())
        fl.paper_mill[ring] = fac.facility_id
        if exp is not None:
            nominee = b.reg.person_cn(b.rnd, region)
            b.reg.relations.append(Relation(nominee.party_id, operator, "director"))
            b.reg.relations.append(Relation(nominee.party_id, exp.party.party_id, "employee"))
    return fl.paper_mill[ring]


def _employee(person_party: str, operator_id: str) -> Relation:
    return Relation(person_party, operator_id, "employee")


def _exporter_months(
    b: ChainBuilder,
    fl: Flows,
    exporter_id: str,
    material: str,
    src: str,
    dst: str,
    own: bool,
    exp: Exporter | None,
) -> None:
    rnd = b.rnd
    active = [
        m
        for m in b.months
        if (exporter_id, material, m) in fl.true or (exporter_id, material, m) in fl.declared
    ]
    if not active:
        return
    first, last = b.months.index(active[0]), b.months.index(active[-1])
    span = b.months[first : last + 1]
    flows = [fl.true.get((exporter_id, material, m), 0.0) for m in span]
    mean = sum(flows) / len(flows)
    stock = mean * rnd.uniform(0.3, 1.0)
    fam = family(BY_KEY_BY_MATERIAL[material])
    ring = fl.ring_of.get(exporter_id, -1)
    leak_src = fl.leaky.get((ring, fam), src)
    for i, month in enumerate(span):
        key = (exporter_id, material, month)
        t = flows[i]
        off = min(fl.offbook.get(key, 0.0), t)
        d = fl.declared.get(key, 0.0)
        paper = fl.paper.get(key, 0.0)
        through = t - off  # what physically passes the exporter's books
        nxt = flows[i + 1] if i + 1 < len(flows) else 0.0
        received = max(0.0, through + 0.6 * nxt - stock)
        closing = stock + received - through
        day = dt.date(int(month[:4]), int(month[5:]), 1)
        if not own:
            b.move(day, src, dst, material, received)
            fl.producer_out[(src, material, month)] += received
        if paper > 0:
            b.move(day, _paper_mill(b, fl, ring, exp), dst, material, paper)
        if off > 0:
            fl.producer_leak[(leak_src, material, month)] += off
        if dst.startswith("F") and not own:
            measured = closing * (1 + rnd.gauss(0.0, 0.002))
            if rnd.random() < 0.03:
                measured *= rnd.uniform(0.97, 0.99)  # honest stock-take loss
            b.balance(dst, month, material, stock, received + paper, None, None, d, measured)
        elif own:
            fl.producer_out[(src, material, month)] += d  # declared exports leave the plant
            fl.producer_leak[(src, material, month)] += max(t - off - d, 0.0)
        stock = max(closing, 0.0)


def _producer_months(
    b: ChainBuilder,
    fam: str,
    producer_out: dict[tuple[str, str, str], float],
    producer_leak: dict[tuple[str, str, str], float],
) -> None:
    rnd = b.rnd
    materials = sorted(
        {
            m
            for (_, m, _) in list(producer_out) + list(producer_leak)
            if family(BY_KEY_BY_MATERIAL[m]) == fam
        }
    )
    domestic = b.domestic[fam]
    mines = b.mines[fam]
    for fac in b.producers[fam]:
        carrier_use: dict[str, float] = defaultdict(float)
        for material in materials:
            outs = [producer_out.get((fac.facility_id, material, m), 0.0) for m in b.months]
            leaks = [producer_leak.get((fac.facility_id, material, m), 0.0) for m in b.months]
            if sum(outs) + sum(leaks) <= 0:
                continue
            fac.materials.add(material)
            mean = (sum(outs) + sum(leaks)) / len(b.months)
            stock = mean * rnd.uniform(0.5, 1.5)
            home_share = rnd.uniform(0.8, 2.0)
            element = BY_KEY_BY_MATERIAL[material]
            _, carrier, yld = PRODUCERS[element]
            peak = 0.0
            for i, month in enumerate(b.months):
                day = dt.date(int(month[:4]), int(month[5:]), 1)
                home = mean * home_share * rnd.uniform(0.7, 1.3)
                for j, proc in enumerate(domestic):
                    part = home / len(domestic) * (1.2 if j == 0 else 0.9)
                    b.move(day, fac.facility_id, proc.facility_id, material, part)
                    proc.materials.add(material)
                shipped = outs[i] + home
                target = mean * (1 + home_share) * rnd.uniform(0.8, 1.2)
                produced = max(0.0, shipped + leaks[i] + target - stock)
                closing = stock + produced - shipped - leaks[i]
                measured = closing * (1 + rnd.gauss(0.0, 0.002))
                b.balance(
                    fac.facility_id, month, material, stock, None, produced, None, shipped, measured
                )
                carrier_use[month] += produced / yld
                peak = max(peak, produced)
                stock = max(closing, 0.0)
            fac.capacity = max(fac.capacity or 0.0, round(peak * 12 * 1.5, -2))
        if not carrier_use:
            continue
        _, carrier, _ = PRODUCERS[BY_KEY_BY_MATERIAL[materials[0]]]
        fac.materials.add(carrier)
        stock = sum(carrier_use.values()) / len(b.months) * 0.5
        for month in b.months:
            used = carrier_use.get(month, 0.0)
            day = dt.date(int(month[:4]), int(month[5:]), 1)
            received = used * rnd.uniform(0.95, 1.05)
            for mine in mines:
                b.move(day, mine.facility_id, fac.facility_id, carrier, received / len(mines))
            closing = stock + received - used
            b.balance(fac.facility_id, month, carrier, stock, received, None, used, None, closing)
            stock = max(closing, 0.0)
    _mine_months(b, fam)


def _mine_months(b: ChainBuilder, fam: str) -> None:
    for mine in b.mines[fam]:
        carrier = next(iter(mine.materials))
        per_month = {m: b.out_by.get((mine.facility_id, m), 0.0) for m in b.months}
        stock = max(per_month.values(), default=0.0) * 0.4
        for month in b.months:
            shipped = per_month.get(month, 0.0)
            produced = shipped * b.rnd.uniform(0.95, 1.05)
            closing = stock + produced - shipped
            b.balance(
                mine.facility_id, month, carrier, stock, None, produced, None, shipped, closing
            )
            stock = max(closing, 0.0)
        mine.capacity = round(max(per_month.values(), default=0.0) * 12 * 1.4, -3) or None


def _by_material() -> dict[str, str]:
    out: dict[str, str] = {}
    for good in BY_KEY.values():
        if ":" in good.material and good.element in PRODUCERS:
            out[good.material] = good.element
    return out


#: material code -> element (for the materials that have a chain).
BY_KEY_BY_MATERIAL: dict[str, str] = _by_material()


def facilities_table(t: ChainTables) -> dict[str, list[object]]:
    cols: dict[str, list[object]] = {
        k: []
        for k in (
            "facility_id",
            "operator_id",
            "kind",
            "region",
            "capacity_kg_per_year",
            "materials",
        )
    }
    for f in t.facilities:
        cols["facility_id"].append(f.facility_id)
        cols["operator_id"].append(f.operator_id)
        cols["kind"].append(f.kind)
        cols["region"].append(f.region)
        cols["capacity_kg_per_year"].append(f.capacity)
        cols["materials"].append(";".join(sorted(f.materials)) or None)
    return cols
