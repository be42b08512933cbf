"""Running the rings through the period: plan their cycles, then live them day by day.

Planning splits the fraudulent lines among the schemes (every scheme gets some of
both variants), hands each scheme to one or more rings (some rings run two schemes
with the same parties) and lets the scheme choose goods, dates and licences. The plan
fixes how many lines the rings will lodge, so honest trade can fill the rest.

Living it is sequential: shipments are lodged in date order, officers decide on each
line with the same selector as for honest lines, and a catch makes the ring change
exporter, name, front, port or broker before its next shipment. Licences a ring holds
are issued when its cycle starts, to whoever is its exporter and buyer at that moment.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sixteenthworld import honest, names, schemes
from sixteenthworld.goods import BY_KEY
from sixteenthworld.inspections import Inspection, Selector, inspect, perceived_risk
from sixteenthworld.model import Consignee, Exporter, Line
from sixteenthworld.parties import SECTORS, make_exporter, new_consignee
from sixteenthworld.rings import Cycle, Kit, Ring, Shipment
from sixteenthworld.schemes import SCHEMES, SHARE

_CYCLE_N: dict[str, tuple[int, int]] = {
    "code_shift": (1, 4),
    "purity_dodge": (1, 4),
    "vague_words": (1, 4),
    "short_weight": (2, 5),
    "sister_element": (1, 4),
    "cargo_cover": (1, 3),
    "dense_parcel": (2, 7),
    "no_licence": (1, 4),
    "forged_licence": (1, 4),
    "stale_licence": (1, 3),
    "borrowed_licence": (1, 3),
    "overdraw": (1, 3),
    "third_country_hop": (2, 5),
    "front_buyer": (2, 5),
}
_HEAVY_RARE = ("dy_oxide", "tb_oxide", "gd_oxide", "y_oxide")


@dataclass
class Plan:
    rings: list[Ring]
    cycles: list[Cycle]
    shipments: list[Shipment]

    @property
    def n_lines(self) -> int:
        return sum(len(s.kgs) + s.n_cover for s in self.shipments)

    @property
    def n_fraud(self) -> int:
        return sum(len(s.kgs) for s in self.shipments if s.kind == "fraud")


@dataclass
class Outcome:
    lines: list[Line] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)


def budgets(n_fraud: int, rnd: random.Random) -> dict[str, int]:
    """Fraudulent lines per scheme: at least two each (one loud, one faint)."""
    out = dict.fromkeys(SCHEMES, 2)
    rest = max(0, n_fraud - 2 * len(SCHEMES))
    total = sum(SHARE.values())
    for scheme in SCHEMES:
        out[scheme] += int(rest * SHARE[scheme] / total)
    short = n_fraud - sum(out.values())
    order = sorted(SCHEMES, key=lambda s: (-SHARE[s], s))
    i = 0
    while short > 0:
        out[order[i % len(order)]] += 1
        short -= 1
        i += 1
    return out


def plan(kit: Kit, n_fraud: int) -> Plan:
    rnd = kit.rnd
    per_scheme = budgets(n_fraud, rnd)
    n_rings = max(len(SCHEMES), round(n_fraud / 75))
    rings: list[Ring] = []
    ops: list[tuple[Ring, str]] = []
    for scheme in SCHEMES:
        ring = _ring(kit, len(rings), scheme)
        rings.append(ring)
        ops.append((ring, scheme))
    weights = [SHARE[s] for s in SCHEMES]
    while len(rings) < n_rings:
        scheme = rnd.choices(SCHEMES, weights)[0]
        ring = _ring(kit, len(rings), scheme)
        rings.append(ring)
        ops.append((ring, scheme))
    for ring in list(rings):
        if rnd.random() < 0.3:
            family = schemes.FAMILY[ops[ring.idx][1]]
            related = [s for s in SCHEMES if schemes.FAMILY[s] == family and s != ops[ring.idx][1]]
            second = rnd.choice(related or list(SCHEMES))
            ops.append((ring, second))
    share_of: dict[str, list[float]] = {s: [] for s in SCHEMES}
    for _, scheme in ops:
        share_of[scheme].append(rnd.uniform(0.5, 1.5))
    cycles: list[Cycle] = []
    shipments: list[Shipment] = []
    seen: dict[str, int] = {}
    for ring, scheme in ops:
        weights_s = share_of[scheme]
        k = seen.get(scheme, 0)
        seen[scheme] = k + 1
        budget = per_scheme[scheme] * weights_s[k] / sum(weights_s)
        first = k == 0
        n_op = round(budget) if not first else max(2, round(budget))
        _plan_op(kit, ring, scheme, n_op, first, cycles, shipments)
    _trim(
        plan_fraud=sum(len(s.kgs) for s in shipments if s.kind == "fraud"),
        target=n_fraud,
        shipments=shipments,
        cycles=cycles,
    )
    return Plan(rings, cycles, shipments)


def _ring(kit: Kit, idx: int, scheme: str) -> Ring:
    rnd = kit.rnd
    true = schemes.first_true(scheme, rnd)
    sector = schemes.ELEMENT_SECTOR.get(BY_KEY[true].element, "trading")
    region = rnd.choice(SECTORS[sector].regions)
    return kit.new_ring(idx, region, schemes.cover_sector(scheme, true, rnd), sector)


def _plan_op(
    kit: Kit,
    ring: Ring,
    scheme: str,
    n: int,
    first: bool,
    cycles: list[Cycle],
    shipments: list[Shipment],
) -> None:
    rnd = kit.rnd
    low, high = _CYCLE_N[scheme]
    left = n
    made_cycles = 0
    expected = max(1, n // ((low + high) // 2 or 1))
    while left > 0:
        size = min(left, rnd.randint(low, high))
        if first and made_cycles == 0 and left >= 2:
            size, loud = min(size, left - 1), True  # every scheme shows both variants
        elif first and made_cycles == 1:
            loud = False
        else:
            progress = made_cycles / expected
            loud = rnd.random() < ring.loud * (1.0 - 0.35 * min(progress, 1.0))
        made = schemes.plan_cycle(kit, ring, scheme, size, loud)
        if made is None:
            made = schemes.plan_cycle(kit, ring, scheme, size, not loud)
        if made is None:
            left -= size
            continue
        cyc, ships = made
        cyc.seq = len(cycles)
        cycles.append(cyc)
        shipments.extend(ships)
        left -= sum(len(s.kgs) for s in ships if s.kind == "fraud")
        made_cycles += 1


def _trim(plan_fraud: int, target: int, shipments: list[Shipment], cycles: list[Cycle]) -> None:
    """Drop fraud shipments of the largest cycles if planning overshot the target."""
    over = plan_fraud - target
    if over <= 0:
        return
    by_cycle: dict[int, list[Shipment]] = {}
    for ship in shipments:
        if ship.kind == "fraud":
            by_cycle.setdefault(ship.cycle.seq, []).append(ship)
    for seq in sorted(by_cycle, key=lambda s: -len(by_cycle[s])):
        ships = by_cycle[seq]
        while over > 0 and len(ships) > 1:
            victim = ships.pop()
            shipments.remove(victim)
            over -= len(victim.kgs)
        if over <= 0:
            return


# --- living the plan --------------------------------------------------------------------


def run(
    kit: Kit,
    the_plan: Plan,
    selector: Selector,
    first_decl: int,
    honest_lines: list[Line],
) -> Outcome:
    rnd = kit.rnd
    out = Outcome()
    re_buyers = sorted(
        {
            ln.consignee
            for ln in honest_lines
            if ln.good in _HEAVY_RARE and ln.day < dt.date(2025, 4, 4)
        }
    )
    order = sorted(
        the_plan.shipments,
        key=lambda s: (s.day, s.cycle.ring.idx, s.cycle.seq, 0 if s.kind == "legit" else 1),
    )
    decl = first_decl
    for ship in order:
        cyc = ship.cycle
        ring = cyc.ring
        exporter = _bind(kit, cyc, ship, re_buyers)
        buyer = cyc.buyer if cyc.buyer is not None else ring.buyer
        if cyc.licence_kind in ("own", "sister", "lazy") and cyc.licence < 0:
            _issue(kit, cyc, ship, the_plan)
        mode = ship.mode or _mode_for(kit, cyc, ship, buyer)
        trade_country = (
            "US" if cyc.scheme == "third_country_hop" and cyc.variant == "loud" else None
        )
        name = None
        if cyc.scheme == "dense_parcel" and cyc.variant == "faint" and ring.fwd_names:
            name = rnd.choice(ring.fwd_names)
        h = kit.header(ring, decl, ship.day, mode, buyer, exporter, trade_country, name)
        if ship.kind == "fraud":
            lines = schemes.write_fraud(kit, ship, h)
        else:
            lines = schemes.write_legit(kit, ship, h)
        soc = ring.soc_owner if cyc.scheme == "cargo_cover" and cyc.variant == "faint" else None
        honest.finish(lines, rnd, soc)
        decl += 1
        caught = False
        for line in lines:
            risk = perceived_risk(line, kit.controls, rnd)
            if not selector.chosen(risk, rnd):
                continue
            family = schemes.SUIT[line.scheme] if line.scheme else ""
            result = schemes.RESULT[line.scheme] if line.scheme else ""
            found = inspect(line, rnd, kit.knobs, family, result, whole_ok=False)
            out.inspections.append(found)
            caught = caught or (bool(line.scheme) and found.result != "clear")
        out.lines.extend(lines)
        if caught:
            kit.switch(ring, ship.day, keep_exporter=cyc.scheme in schemes.KEEPS_EXPORTER)
    return out


def _bind(kit: Kit, cyc: Cycle, ship: Shipment, re_buyers: list[int]) -> Exporter:
    """Who lodges this shipment, and (once per licence cycle) who buys."""
    rnd = kit.rnd
    ring = cyc.ring
    fixed = cyc.licence_kind in ("own", "sister", "lazy")
    if cyc.buyer is None or (not fixed and cyc.bound_at != ring.catches):
        cyc.buyer = _buyer(kit, cyc, ship, re_buyers)
        cyc.exporter = ring.exporter
        cyc.bound_at = ring.catches
    if cyc.scheme == "dense_parcel" and cyc.variant == "faint":
        if not ring.mules or rnd.random() < 0.6:
            return kit.mule(ring)
        return ring.mules[-1]
    if cyc.scheme == "dense_parcel" and ship.mode == "passenger":
        return ring.mules[-1] if ring.mules else kit.mule(ring)
    if cyc.licence_kind == "sister" and ship.kind == "legit":
        return _sister(kit, ring)
    return cyc.exporter or ring.exporter


def _sister(kit: Kit, ring: Ring) -> Exporter:
    if ring.sister is None:
        rnd = kit.rnd
        sister = make_exporter(kit.reg, rnd, ring.cover_sector, ring.region, new=False)
        sister.ring = ring.idx
        boss = ring.organisers[0]
        kit.reg.relate(boss, sister.party, "shareholder", share=round(rnd.uniform(0.3, 0.7), 2))
        director = rnd.choice(ring.organisers)
        kit.reg.relate(director, sister.party, "director")
        kit.reg.relate(director, ring.exporter.party, "director")
        sister.brokers = list(ring.brokers)
        ring.sister = sister
        kit.exporters_by_id[sister.uscc] = sister
    return ring.sister


def _buyer(kit: Kit, cyc: Cycle, ship: Shipment, re_buyers: list[int]) -> Consignee:
    rnd = kit.rnd
    ring = cyc.ring
    cons = kit.pop.consignees
    if cyc.scheme == "dense_parcel":
        return _forwarder(kit, ring, cyc.country)
    if cyc.scheme == "third_country_hop":
        if ring.buyers and ring.buyer.kind == "front" and ring.buyer.country == cyc.country:
            return ring.buyer
        return _hop_front(kit, ring, cyc, ship.day)
    if cyc.scheme == "front_buyer":
        if ring.buyers and ring.buyer.kind == "front" and ring.buyer.end_user == str(cyc.listed):
            return ring.buyer
        return _listed_front(kit, ring, cyc, ship.day)
    if cyc.scheme == "sister_element" and cyc.variant == "faint" and re_buyers:
        return cons[rnd.choice(re_buyers)]
    if ring.buyers and ring.buyer.country == cyc.country and ring.buyer.kind != "front":
        return ring.buyer
    known = [b for b in ring.buyers if b.country == cyc.country and b.kind != "front"]
    if known and rnd.random() < 0.8:
        return known[-1]
    kind = rnd.choice(("trader", "maker", "distributor"))
    return kit.add_buyer(ring, cyc.country, new=rnd.random() < 0.5, kind=kind)


def _forwarder(kit: Kit, ring: Ring, country: str) -> Consignee:
    rnd = kit.rnd
    if ring.forwarder is not None and ring.forwarder.country == country:
        return ring.forwarder
    root = names.foreign_root(rnd, country)
    label = f"{root} Freight & Fulfillment {rnd.choice(('LLC', 'Inc.', 'Ltd', 'Co., Ltd.'))}"
    fwd = new_consignee(kit.reg, rnd, kit.pop.consignees, country, "trader", False, name=label)
    fwd.ring = ring.idx
    ring.forwarder = fwd
    short = root
    ring.fwd_names = [f"{names.foreign_person(rnd, country)}" for _ in range(4)]
    ring.fwd_names += [f"{p} c/o {short}" for p in ring.fwd_names[:2]] + names.variants(
        label, rnd, 2
    )
    return fwd


def _hop_front(kit: Kit, ring: Ring, cyc: Cycle, day: dt.date) -> Consignee:
    rnd = kit.rnd
    loud = cyc.variant == "loud"
    front = kit.add_buyer(ring, cyc.country, new=loud, kind="front")
    if loud:
        front.party.incorporated_at = day - dt.timedelta(days=rnd.randrange(60, 180))
        front.address = (
            f"c/o {names.foreign_root(rnd, cyc.country)} Logistics, "
            f"Free Zone {rnd.randrange(1, 40)}, {front.address.split(', ')[-1]}"
        )
        front.party.address = front.address
    else:
        front.party.phone = names.phone(rnd, "US")
    payer = kit.reg.add(
        "company",
        names.foreign_company(rnd, "US", "trader"),
        country="US",
        address=names.foreign_address(rnd, "US"),
        registration_id=kit.foreign_registry_no("US"),
    )
    kit.reg.relate(payer, front.party, "payer")
    kit.reg.relate(payer, front.party, "shareholder", share=round(rnd.uniform(0.3, 0.7), 2))
    front.trade_country = "US" if loud else None
    return front


def _listed_front(kit: Kit, ring: Ring, cyc: Cycle, day: dt.date) -> Consignee:
    rnd = kit.rnd
    entry = kit.watch.entries[cyc.listed]
    front = kit.add_buyer(ring, cyc.country, new=True, kind="front")
    front.end_user = str(cyc.listed)
    low = entry.listed_at + dt.timedelta(days=10)
    high = max(low, day - dt.timedelta(days=20))
    front.party.incorporated_at = low + dt.timedelta(days=rnd.randrange((high - low).days + 1))
    if cyc.variant == "loud":
        if rnd.random() < 0.5 and entry.party.address:
            front.address = entry.party.address
            front.party.address = entry.party.address
    else:
        if rnd.random() < 0.6:
            kit.reg.relate(
                entry.party, front.party, "owner", share=round(rnd.uniform(0.51, 0.9), 2)
            )
        else:
            director = kit.reg.person_foreign(rnd, entry.party.country or "US")
            kit.reg.relate(director, entry.party, "director")
            kit.reg.relate(director, front.party, "director")
        if entry.party.email:
            front.party.email = "sales@" + entry.party.email.split("@")[1]
    return front


def _issue(kit: Kit, cyc: Cycle, ship: Shipment, the_plan: Plan) -> None:
    """The licence a cycle runs on, issued to its exporter (or the sister) and buyer."""
    rnd = kit.rnd
    ring = cyc.ring
    holder = _sister(kit, ring) if cyc.licence_kind == "sister" else cyc.exporter
    assert holder is not None and cyc.buyer is not None
    good = BY_KEY[cyc.lic_good]
    assert good.item is not None
    mine = [s for s in the_plan.shipments if s.cycle is cyc]
    legit = sum(sum(s.kgs) for s in mine if s.kind == "legit")
    fraud = sum(sum(s.kgs) for s in mine if s.kind == "fraud")
    effective = kit.controls.effective(good.item)
    issued = cyc.issued or max(effective, ship.day - dt.timedelta(days=rnd.randrange(10, 60)))
    until = cyc.until or issued + dt.timedelta(days=364)
    if cyc.scheme == "overdraw":
        qty = cyc.qty
    elif cyc.scheme in ("stale_licence", "no_licence"):
        qty = legit * rnd.uniform(1.15, 1.6)
    elif cyc.scheme == "borrowed_licence":
        qty = (legit + fraud) * rnd.uniform(1.1, 1.4)
    else:
        qty = fraud * rnd.uniform(1.1, 1.4) * (0.8 if cyc.scheme == "short_weight" else 1.0)
    use = rnd.choice(good.uses)
    lic = kit.book.add(
        issued=min(issued, ship.day),
        valid_until=until,
        exporter_id=holder.uscc,
        province=holder.province,
        item=good.item,
        hs=good.hs,
        qty_kg=round(max(qty, 1.0), 1),
        consignee_name=cyc.buyer.name,
        consignee_country=cyc.buyer.country,
        end_user=cyc.buyer.name,
        end_use=use.partition(" ")[0],
        show=rnd.choices((1, 2, 3), (0.2, 0.15, 0.65))[0],
    )
    lic.status = cyc.status
    lic.status_since = cyc.status_since
    cyc.licence = lic.idx


def _mode_for(kit: Kit, cyc: Cycle, ship: Shipment, buyer: Consignee) -> str:
    good = (
        BY_KEY[cyc.decoy or cyc.true] if ship.kind == "fraud" else BY_KEY[cyc.lic_good or "tiles"]
    )
    if cyc.scheme == "cargo_cover":
        return schemes.mode_for_goods(kit, BY_KEY["zn_ingot"], buyer.dest, 0.0)
    air = 0.0
    true = BY_KEY[cyc.true]
    if true.price > 100 and good.unit != "t":
        air = 0.6 if cyc.variant == "faint" and cyc.scheme == "code_shift" else 0.4
    return schemes.mode_for_goods(kit, good, buyer.dest, air)
