"""Honest trade, family by family, in the proportions of a busy export office.

Consolidators and export agents lodge 10-60-line declarations of general cargo; Yiwu
traders lodge market-procurement declarations of small commodities; manufacturers,
scrap exporters, alloy makers, device makers and rare-earth processors ship a few
lines; e-commerce sellers send parcels; licensed producers ship controlled goods in
big lots, rushing before a control date and pausing after it until their first
licences arrive, and never to a destination whose licences are denied. Every trap
the world sets for a screening engine is honest trade and is labelled as such on the
line (``traps``), never as fraud.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from eighteenthworld import lines as mk
from eighteenthworld import market
from eighteenthworld.calendar import END, START, at_time, pick_day
from eighteenthworld.goods import CONTROLLED, ORDINARY
from eighteenthworld.logistics import PORTS, containers, ports_for, transport_doc
from eighteenthworld.model import Broker, Consignee, Declaration, Exporter, Line
from eighteenthworld.population import (
    AGENT_ADDRESSES,
    cn_name_on_paper,
    customers,
    new_consignee,
    person_buyer,
    weighted,
)
from eighteenthworld.state import World

SHARES: dict[str, float] = {
    "consolidator": 0.32,
    "market": 0.10,
    "manufacturer": 0.16,
    "ecommerce": 0.12,
    "producer": 0.09,
    "scrap": 0.07,
    "alloy": 0.05,
    "device": 0.045,
    "ree": 0.045,
}
SUPERVISION = {"consolidator": "0110", "market": "1039", "ecommerce": "9610"}
NEAR_CODE = frozenset(
    {
        "w_scrap",
        "pbsb_alloy",
        "sb2o3_fr",
        "ceria",
        "la_oxide",
        "ndpr_oxide",
        "ndpr_metal",
        "ree_compounds",
        "magnets",
        "ge_lens",
        "ir_objective",
        "led_chips",
        "solar_cells",
        "si_wafers",
        "w_sinkers",
        "anode_material",
        "indium_ingot",
        "fly_ash",
        "zn_dross",
        "carbide_tools",
        "mo_powder",
        "ferro_tungsten",
        "ceramic_pigment",
        "zirconia_beads",
        "graphite_electrodes",
        "pencils",
        "mo_scrap",
        "pb_scrap",
        "al_scrap",
        "metal_crafts",
        "fishing_tackle",
        "tin_ingot",
        "silicon_metal",
    }
)
SUSPENDED = frozenset({"li_battery", "diamond_powder"})
HUBS = frozenset({"AE", "MY", "TR", "KZ", "HK", "SG", "VN", "TH", "MX", "IN"})
ENTREPOTS: dict[str, tuple[str, ...]] = {
    "HK": ("VN", "PH", "TH", "MY"),
    "SG": ("VN", "ID", "MY", "TH", "IN"),
    "AE": ("SA", "PK", "OM", "KE", "EG"),
    "NL": ("DE", "BE", "FR", "PL"),
}
BULK = frozenset(
    {
        "graphite_flake",
        "graphite_spherical",
        "sb_ingot",
        "sb_concentrate",
        "w_apt",
        "w_oxide",
        "bi_ingot",
        "y_oxide",
        "sb_oxide_hp",
    }
)


def budgets(total: int) -> dict[str, int]:
    out = {family: int(total * share) for family, share in SHARES.items()}
    out["consolidator"] += total - sum(out.values())
    return out


def generate(world: World, total: int) -> None:
    rng = world.rng("honest")
    for exporter in world.all_exporters():
        if exporter.family != "ecommerce":
            exporter.consignees = customers(world, rng, exporter, rng.randint(2, 8))
        else:
            exporter.consignees = customers(world, rng, exporter, rng.randint(1, 3))
        if all(c.country == "US" for c in exporter.consignees):
            exporter.consignees.append(new_consignee(world, rng, "JP", exporter.family))
    world_lags = _licence_lags(world, rng)
    makers = {
        "consolidator": _consolidated,
        "market": _market,
        "manufacturer": _few,
        "ecommerce": _parcel,
        "producer": _producer,
        "scrap": _few,
        "alloy": _few,
        "device": _device,
        "ree": _few,
    }
    for family, budget in budgets(total).items():
        exporters = world.exporters[family]
        weights = [e.size for e in exporters]
        made = 0
        while made < budget:
            exporter = rng.choices(exporters, weights=weights)[0]
            decl = makers[family](world, rng, exporter, budget - made, world_lags)
            made += len(decl.lines)


def _licence_lags(world: World, rng: random.Random) -> dict[date, int]:
    """Days between a control's first day and the first licences being issued."""
    return {item.effective_from: rng.randint(30, 75) for item in world.catalogue.items}


# --- the declaration ---------------------------------------------------------------


def pick_port_mode(
    rng: random.Random, exporter: Exporter, modes: dict[str, float]
) -> tuple[str, str]:
    mode = weighted(rng, modes)
    home = [p for p in exporter.ports if mode in PORTS[p][1]]
    if home:
        return rng.choice(home), mode
    near = ports_for(mode)
    return rng.choice(near), mode


def broker_for(rng: random.Random, exporter: Exporter, port: str) -> Broker | None:
    serving = [b for b in exporter.brokers if port in b.ports or b.style == "utc"]
    if serving:
        return rng.choice(serving)
    return exporter.brokers[0] if exporter.brokers and rng.random() < 0.5 else None


def make_decl(
    world: World,
    rng: random.Random,
    exporter: Exporter,
    day: date,
    lines: list[Line],
    consignee: Consignee,
    family: str,
    port: str,
    mode: str,
    *,
    broker: Broker | None = None,
    use_broker: bool = True,
    late: bool = False,
    supervision: str = "0110",
    style: str | None = None,
    destination: str | None = None,
    trade_country: str | None = None,
    boxes: list[str] | None = None,
    consignee_name: str | None = None,
    exporter_name: str | None = None,
) -> Declaration:
    noise = world.knobs.honest_noise
    if use_broker and broker is None:
        broker = broker_for(rng, exporter, port)
    if style is None:
        style = broker.style if broker is not None else rng.choice(("local", "date", "cst"))
    if consignee_name is None:
        consignee_name = consignee.name
        if consignee.variants and rng.random() < 0.12 + noise * 0.6:
            consignee_name = rng.choice(consignee.variants)
    address = consignee.party.address if rng.random() > 0.1 + noise * 0.3 else ""
    if (
        destination is None
        and consignee.country in ENTREPOTS
        and rng.random() < 0.2
        and not any(line.good in CONTROLLED for line in lines)
    ):
        # an entrepot trader buys, its customer's factory receives
        destination = rng.choice(ENTREPOTS[consignee.country])
        trade_country = trade_country or consignee.country
    destination = destination or consignee.country
    if trade_country is None:
        trade_country = "" if rng.random() < 0.2 else consignee.country
    total_net = sum(line.net_kg for line in lines)
    decl = Declaration(
        id=world.ids.declaration(PORTS[port][0], day.year),
        at=at_time(rng, day, late),
        port=port,
        mode=mode,
        exporter=exporter,
        exporter_name=exporter_name or cn_name_on_paper(rng, exporter),
        broker=broker,
        consignee=consignee,
        consignee_name=consignee_name,
        consignee_address=address,
        destination=destination,
        trade_country=trade_country,
        currency=exporter.currency,
        lines=lines,
        containers=boxes if boxes is not None else containers(rng, world.ids, mode, total_net),
        transport_doc=transport_doc(rng, world.ids, mode),
        supervision=supervision,
        style=style,
        family=family,
    )
    for line in lines:
        if not line.origin and rng.random() < 0.45:
            line.origin = exporter.region
    world.decls.append(decl)
    return decl


def _day(world: World, rng: random.Random, exporter: Exporter) -> date:
    return pick_day(rng, exporter.active_from, END)


def _mark(decl: Declaration, world: World) -> None:
    """Label the honest traps a line carries (what makes it look like something else)."""
    exporter = decl.exporter
    new = (
        exporter.party.incorporated is not None
        and exporter.party.incorporated >= START - timedelta(days=180)
        and decl.day <= exporter.active_from + timedelta(days=180)
    )
    shared = exporter.party.address in world.shared_cn.get(exporter.city[0], [])
    for line in decl.lines:
        if line.good in NEAR_CODE:
            line.traps.append("near_code")
        if line.good in SUSPENDED:
            line.traps.append("suspended_control")
        if new:
            line.traps.append("new_exporter")
        if shared:
            line.traps.append("shared_address")
        if decl.consignee_address and decl.consignee_address in AGENT_ADDRESSES.values():
            line.traps.append("agent_address")
        if decl.exporter_name != exporter.cn.zh or decl.consignee_name != decl.consignee.name:
            line.traps.append("name_variant")


def _ordinary_lines(
    world: World,
    rng: random.Random,
    exporter: Exporter,
    day: date,
    keys: list[str],
    n: int,
    scale: float,
) -> list[Line]:
    noise = world.knobs.honest_noise
    out = []
    for _ in range(n):
        good = ORDINARY[rng.choice(keys)]
        kg = mk.lot(rng, good.lot, scale)
        line = mk.ordinary(rng, good, day, exporter.currency, exporter.desc_style, noise, kg)
        out.append(mk.clerical(rng, line, noise))
    return out


# --- families --------------------------------------------------------------------------


def _consolidated(
    world: World,
    rng: random.Random,
    exporter: Exporter,
    left: int,
    lags: dict[date, int],
    on: date | None = None,
) -> Declaration:
    n = rng.randint(10, 60) if rng.random() < 0.8 else rng.randint(3, 9)
    n = min(n, left)
    day = on or _day(world, rng, exporter)
    consignee = rng.choice(exporter.consignees)
    port, mode = pick_port_mode(rng, exporter, {"sea": 0.9, "rail": 0.1})
    lines = _ordinary_lines(world, rng, exporter, day, exporter.goods, n, 0.25)
    # one sailing's boxes are shared by the consolidator's declarations of that week
    week = f"{exporter.uscc}:{day.isocalendar()[1]}:{day.year}:{port}"
    boxes = world.shared_boxes.setdefault(week, [])
    if mode in ("sea", "rail") and (not boxes or rng.random() < 0.3):
        boxes.extend(containers(rng, world.ids, mode, sum(line.net_kg for line in lines)))
    chosen = rng.sample(boxes, min(len(boxes), rng.randint(1, 2))) if boxes else []
    decl = make_decl(
        world, rng, exporter, day, lines, consignee, "consolidator", port, mode, boxes=chosen
    )
    _mark(decl, world)
    return decl


def _market(
    world: World,
    rng: random.Random,
    exporter: Exporter,
    left: int,
    lags: dict[date, int],
    on: date | None = None,
) -> Declaration:
    n = min(left, rng.randint(20, 60) if rng.random() < 0.75 else rng.randint(6, 19))
    day = on or _day(world, rng, exporter)
    consignee = rng.choice(exporter.consignees)
    mode = "rail" if consignee.country in ("KZ", "RU") and rng.random() < 0.6 else "sea"
    lines = _ordinary_lines(world, rng, exporter, day, exporter.goods, n, 0.15)
    for line in lines:
        line.description = line.description.split("(")[0].split(" ")[0]  # terse names
    decl = make_decl(
        world,
        rng,
        exporter,
        day,
        lines,
        consignee,
        "market",
        "CNYIW",
        mode,
        supervision="1039",
        style="date" if rng.random() < 0.7 else None,
    )
    _mark(decl, world)
    return decl


def _few(
    world: World, rng: random.Random, exporter: Exporter, left: int, lags: dict[date, int]
) -> Declaration:
    family = exporter.family
    n = min(
        left,
        rng.choice((1, 1, 1, 2, 2, 3, 4, 6))
        if family == "manufacturer"
        else rng.choice((1, 1, 2, 3)),
    )
    day = _day(world, rng, exporter)
    consignee = rng.choice(exporter.consignees)
    modes = {
        "scrap": {"sea": 1.0},
        "alloy": {"sea": 0.9, "rail": 0.1},
        "ree": {"sea": 0.6, "air": 0.4},
    }.get(family, {"sea": 0.8, "air": 0.2})
    port, mode = pick_port_mode(rng, exporter, modes)
    scale = 0.3 if mode == "air" else 1.0
    lines = _ordinary_lines(world, rng, exporter, day, exporter.goods, n, scale)
    supervision = "0214" if family == "manufacturer" and rng.random() < 0.15 else "0110"
    decl = make_decl(
        world, rng, exporter, day, lines, consignee, family, port, mode, supervision=supervision
    )
    _mark(decl, world)
    return decl


def _parcel(
    world: World, rng: random.Random, exporter: Exporter, left: int, lags: dict[date, int]
) -> Declaration:
    noise = world.knobs.honest_noise
    n = min(left, rng.choice((1, 1, 1, 1, 2, 3)))
    day = _day(world, rng, exporter)
    b2b = rng.random() < 0.35
    consignee = (
        rng.choice(exporter.consignees)
        if b2b
        else person_buyer(
            rng,
            world,
            weighted(
                rng,
                {
                    "US": 35,
                    "GB": 10,
                    "DE": 10,
                    "FR": 7,
                    "CA": 7,
                    "AU": 7,
                    "JP": 6,
                    "KR": 4,
                    "BR": 5,
                    "MX": 4,
                    "IT": 5,
                },
            ),
        )
    )
    port, mode = pick_port_mode(rng, exporter, {"express": 0.7, "post": 0.3})
    lines = []
    for _ in range(n):
        good = ORDINARY[rng.choice(exporter.goods)]
        kg = rng.uniform(0.05, 3.0) if not b2b else rng.uniform(1.0, 40.0)
        line = mk.ordinary(rng, good, day, "USD", exporter.desc_style, noise, kg)
        if good.unit == "kg" and kg < 1.0 and rng.random() < 0.5:
            line.unit, line.quantity = "g", float(round(line.net_kg * 1000))
        lines.append(mk.clerical(rng, line, noise, house=False))
    decl = make_decl(
        world,
        rng,
        exporter,
        day,
        lines,
        consignee,
        "ecommerce",
        port,
        mode,
        supervision="9710" if b2b else "9610",
    )
    decl.currency = "USD"
    decl.blank_line_no = n == 1 and rng.random() < 0.25
    _mark(decl, world)
    return decl


def _device(
    world: World, rng: random.Random, exporter: Exporter, left: int, lags: dict[date, int]
) -> Declaration:
    if all(g in CONTROLLED for g in exporter.goods):
        return _producer(world, rng, exporter, left, lags)
    n = min(left, rng.choice((1, 1, 2, 3)))
    day = _day(world, rng, exporter)
    consignee = rng.choice(exporter.consignees)
    port, mode = pick_port_mode(rng, exporter, {"air": 0.7, "express": 0.3})
    lines = _ordinary_lines(world, rng, exporter, day, exporter.goods, n, 1.0)
    supervision = "0214" if rng.random() < 0.3 else "0110"
    decl = make_decl(
        world, rng, exporter, day, lines, consignee, "device", port, mode, supervision=supervision
    )
    _mark(decl, world)
    return decl


def _producer(
    world: World, rng: random.Random, exporter: Exporter, left: int, lags: dict[date, int]
) -> Declaration:
    """Licensed goods: rushes before a control, a pause until licences, no denied places."""
    noise = world.knobs.honest_noise
    key = rng.choice(exporter.goods)
    item = world.item_of(key)
    eff = item.effective_from
    rush = START < eff <= END and rng.random() < 0.12
    for _ in range(40):
        if rush:
            day = pick_day(
                rng, max(exporter.active_from, eff - timedelta(days=25)), eff - timedelta(days=1)
            )
        else:
            day = pick_day(rng, exporter.active_from, END)
        if eff <= day < eff + timedelta(days=lags[eff]):
            continue
        consignee = rng.choice(exporter.consignees)
        if world.blocked(key, consignee.country, day):
            fine = [c for c in exporter.consignees if not world.blocked(key, c.country, day)]
            if not fine:
                continue
            consignee = rng.choice(fine)
        break
    else:
        rush = False
        day = pick_day(rng, max(exporter.active_from, eff + timedelta(days=lags[eff])), END)
        fine = [c for c in exporter.consignees if not world.blocked(key, c.country, day)]
        consignee = rng.choice(fine or exporter.consignees)
    good = CONTROLLED[key]
    bulk = key in BULK
    modes = {"sea": 1.0} if bulk else {"air": 0.6, "sea": 0.4}
    if exporter.family == "device":
        modes = {"air": 0.8, "express": 0.2}
    port, mode = pick_port_mode(rng, exporter, modes)
    n = min(left, rng.choice((1, 1, 1, 2, 3)))
    lines = []
    for _ in range(n):
        scale = 1.5 if rush else (0.4 if mode in ("air", "express") and bulk else 1.0)
        line = mk.controlled(
            rng,
            key,
            day,
            exporter.currency,
            exporter.desc_style,
            noise,
            mk.lot(rng, good.lot, scale),
        )
        line = mk.clerical(rng, line, noise, house=False)
        line.origin = exporter.region
        if rush:
            line.traps.append("control_rush")
        if (
            line.usd / max(line.net_kg, 1e-9)
            < 0.75 * market.export_price(good.price, day) * good.factor
        ):
            line.traps.append("price_swing")
        if consignee.country in HUBS and world.licence_needed(key, day):
            line.traps.append("hub_trade")
        if consignee.country == "US" and world.licence_needed(key, day):
            line.traps.append("us_licensed")
        if line.net_kg >= 10_000:
            line.traps.append("big_lot")
        lines.append(line)
    late = rush and day == eff - timedelta(days=1) and rng.random() < 0.5
    decl = make_decl(
        world, rng, exporter, day, lines, consignee, exporter.family, port, mode, late=late
    )
    _mark(decl, world)
    return decl


def settle(world: World, lines: int) -> None:
    """Exactly ``lines`` lines: honest manufacturers' lines for whatever the rings did
    not lodge, or honest lines taken off undecided declarations where rings lodged more
    (their declarations carry honest lines beside the fraudulent ones)."""
    total = sum(len(d.lines) for d in world.decls)
    if total < lines:
        top_up(world, lines - total)
        return
    excess = total - lines
    for decl in reversed(list(world.decls)):
        if excess <= 0:
            break
        if decl.decided or decl.hosted or decl.family == "ring" or decl.carries_fraud:
            continue
        while excess > 0 and len(decl.lines) > 1:
            decl.lines.pop()
            excess -= 1
        if excess > 0 and len(decl.lines) == 1:
            world.decls.remove(decl)
            excess -= 1


def top_up(world: World, count: int) -> None:
    """Honest manufacturers' lines until ``count`` more lines are lodged."""
    rng = world.rng("top-up")
    exporters = world.exporters["manufacturer"]
    made = 0
    while made < count:
        exporter = rng.choice(exporters)
        decl = _few(world, rng, exporter, count - made, {})
        made += len(decl.lines)


def host_declaration(world: World, rng: random.Random, family: str, day: date) -> Declaration:
    """A further honest consolidated or market-procurement declaration on ``day`` (for
    worlds whose rings outnumber the honest ones to hide in)."""
    exporter = rng.choice(world.exporters[family])
    maker = _consolidated if family == "consolidator" else _market
    return maker(world, rng, exporter, rng.randint(4, 14), {}, max(day, exporter.active_from))
