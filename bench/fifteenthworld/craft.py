"""The tools a ring uses to write its lines: shared by every scheme.

A ring's declaration is written by the same hands as an honest one (its broker's house
style, the usual port of its current front, the same packaging and money); a fraudulent
line differs only where its scheme makes it differ, and carries its truth in private
fields (scheme, variant, what was really shipped and worth) for the truth file and for
inspections that find it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from fifteenthworld import lines as L
from fifteenthworld import shipping, wording
from fifteenthworld.controls import catalogue
from fifteenthworld.goods import BY_KEY, Good, export_price
from fifteenthworld.honest import HonestTrade
from fifteenthworld.inspections import Officers
from fifteenthworld.knobs import Knobs
from fifteenthworld.licences import Licence, Licences, cite
from fifteenthworld.parties import Exporter, Foreign, Population, log_uniform
from fifteenthworld.places import HUBS
from fifteenthworld.rings import Event, Ring
from fifteenthworld.watchlist import Listed


@dataclass
class Context:
    """What the rings share while they run: the world so far and what they leave behind."""

    rng: random.Random
    pop: Population
    knobs: Knobs
    licences: Licences
    officers: Officers
    honest: HonestTrade
    listed: list[Listed]
    lines: list[dict[str, Any]] = field(default_factory=list)
    reexports: list[tuple[str, str, Good, dt.date, float, float]] = field(default_factory=list)
    leaks: list[tuple[Ring, Good, dt.date, float]] = field(default_factory=list)


def new_consignee(
    ctx: Context,
    country: str,
    role: str,
    *,
    name: str | None = None,
    incorporated: dt.date | None = None,
    address: str | None = None,
) -> Foreign:
    rng = ctx.rng
    inc = incorporated or dt.date(rng.randrange(1980, 2020), rng.randrange(1, 13), 1)
    party = ctx.pop.register.foreign_company(rng, country, inc, name)
    if address:
        party.address = address
    return Foreign(party, role, None)


def market_country(rng: random.Random, good: Good, day: dt.date | None = None) -> str:
    countries = [c for c in good.markets if c not in HUBS]
    weights = [good.markets[c] for c in countries]
    for _ in range(6):
        country = rng.choices(countries, weights=weights)[0]
        if day is None or not catalogue().denied(good.element, country, day):
            return country
    return "KR"


def ring_header(
    ctx: Context, ring: Ring, day: dt.date, customer: Foreign, mode: str, **kw: Any
) -> L.Line:
    """A declaration header from the ring's current front, at the front's usual port."""
    rng = ctx.rng
    front = ring.front
    options = shipping.ports_for(front.region, mode, customer.country)
    known = ring.state.setdefault("ports", {})
    port = known.get((id(front), mode))
    if port is None or port not in options or rng.random() < 0.15:
        used = set(known.values())
        fresh = [p for p in options if p not in used]
        port = rng.choice(fresh or options)
        known[(id(front), mode)] = port
    broker = front.brokers[0]
    return L.header(
        rng, day, front, customer, mode, port, broker=broker, declarant_id=broker.reg_id, **kw
    )


def fraud_line(
    ctx: Context,
    ring: Ring,
    event: Event,
    head: L.Line,
    true: Good,
    shown: Good,
    net: float,
    usd: float,
    *,
    true_usd: float | None = None,
    true_kg: float | None = None,
    description: str | None = None,
    spec: str | None = None,
    gross: float | None = None,
    end_user: str | None = None,
    end_use: str | None = None,
    licence: Licence | None = None,
    licence_text: str | None = None,
    found: str | None = None,
    origin: str | None = None,
) -> L.Line:
    rng = ctx.rng
    broker = head["_broker"]
    style = broker.desc_style if broker else "zh"
    spec_style = broker.spec_style if broker else "fields"
    region = origin or rng.choice(true.regions)
    line = L.goods_line(
        rng,
        head,
        true,
        net,
        usd,
        description=description or wording.description(rng, shown, style),
        specification=spec if spec is not None else wording.specification(rng, shown, spec_style),
        gross_kg=gross,
        origin=region if rng.random() < 0.9 else None,
        end_user=end_user,
        end_use=end_use,
        declared_good=shown,
    )
    line["_scheme"] = ring.scheme
    line["_variant"] = event.variant
    line["_true_usd"] = true_usd if true_usd is not None else usd
    line["_true_kg"] = true_kg if true_kg is not None else line["net_weight_kg"]
    line["_found_description"] = found
    if licence is not None:
        cite(line, licence)
    if licence_text is not None:
        line["_licence_text"] = licence_text
    return line


def companion(ctx: Context, head: L.Line, goods: list[Good], scale: float) -> L.Line:
    good = ctx.rng.choice(goods)
    return ctx.honest.line(head, good, log_uniform(ctx.rng, *good.lot) * scale)


def noise(ctx: Context) -> float:
    return ctx.rng.lognormvariate(0, 1.5 * ctx.knobs.honest_noise)


def front_licence(
    ctx: Context,
    ring: Ring,
    good: Good,
    consignee: Foreign,
    day: dt.date,
    quantity: float,
    *,
    end_user: str | None = None,
    end_use: str | None = None,
    issued: dt.date | None = None,
    days: int = 364,
) -> Licence:
    rng = ctx.rng
    assert good.effective is not None
    earliest = good.effective + dt.timedelta(days=12)
    when = issued or max(earliest, day - dt.timedelta(days=rng.randint(5, 30)))
    return ctx.licences.issue(
        issued=when,
        valid_until=when + dt.timedelta(days=days),
        exporter=ring.front,
        item=good.item,
        hs=good.hs if rng.random() < 0.6 else None,
        quantity_kg=quantity,
        consignee=consignee.name,
        country=consignee.country,
        end_user=end_user if end_user is not None else consignee.name,
        end_use=end_use or rng.choice(good.uses),
    )


def usable_licence(ctx: Context, ring: Ring, key: str, day: dt.date, net: float) -> Licence | None:
    licence = ring.state.get(key)
    if licence is None or licence.exporter is not ring.front or not licence.valid_on(day):
        return None
    if licence.drawn + net > licence.quantity_kg:
        return None
    return licence


# --- the schemes -----------------------------------------------------------------------------


def true_key(scheme: str, choice: Any) -> str:
    """The controlled good a ring really ships, from its scheme's choice of goods."""
    if scheme in {"code_swap", "grade_shave", "pocket_courier"}:
        return str(choice[0])
    if scheme in {"ballast_blend", "alloy_wash"}:
        return str(choice[1])
    return str(choice if isinstance(choice, str) else choice[0])


def basics(
    ctx: Context, ring: Ring, event: Event
) -> tuple[random.Random, dt.date, bool, Good, Foreign]:
    """What every scheme starts from: the generator, the day, loud or not, the good
    really shipped and the ring's first consignee."""
    true = BY_KEY[true_key(ring.scheme, ring.choice)]
    return ctx.rng, event.day, event.variant == "loud", true, ring.consignees[0]


def echo_name(rng: random.Random, name: str) -> str:
    """A consignee name that echoes a listed one."""
    words = name.replace(",", "").split()
    stem = " ".join(words[:2])
    return rng.choice(
        (
            f"{stem} Trading Co., Ltd.",
            f"{stem} International Ltd",
            f"{words[0]} Adv. Systems Supply",
            f"{stem} (Asia) Limited",
        )
    )


def rewrite_address(rng: random.Random, address: str) -> str:
    """The same address written another way (abbreviations, order, unit)."""
    parts = address.split(", ")
    number_street = parts[0].replace("Road", "Rd.").replace("Street", "St.").replace("Drive", "Dr.")
    return f"Unit {rng.randrange(1, 30)}, {number_street}, {', '.join(parts[1:])}".rstrip(", ")


def market_value(ctx: Context, good: Good, day: dt.date, net: float) -> float:
    return export_price(good, day) * net * noise(ctx)


def mule(ctx: Context, ring: Ring, day: dt.date) -> Exporter:
    """A person who carries or posts parcels for the ring, used one to four times."""
    rng = ctx.rng
    mules: list[Exporter] = ring.state.setdefault("mules", [])
    if mules and ring.state["mule_uses"] < ring.state["mule_limit"]:
        ring.state["mule_uses"] += 1
        return mules[-1]
    region = rng.choice(("440300", "440100", "530100", "350200", "310115"))
    person = ctx.pop.register.chinese_person(rng, region)
    ctx.pop.register.relate(
        rng.choice(ring.aides), person, "employer", day - dt.timedelta(days=rng.randint(5, 90))
    )
    mule = Exporter(person, "person", region, [], [], [], 0.0, day, "zh", 0.0, ring=ring)
    mules.append(mule)
    ring.state["mule_uses"], ring.state["mule_limit"] = 1, rng.randint(1, 4)
    return mule


def forged_number(rng: random.Random, day: dt.date) -> str:
    year = day.year - (1 if rng.random() < 0.3 else 0)
    form = rng.random()
    if form < 0.5:
        return f"DU{year}{rng.randrange(900000, 999999):06d}"
    if form < 0.75:
        return f"DU-{year}-{rng.randrange(1000, 9999)}{rng.choice('ABX')}"
    return f"{year}DU{rng.randrange(10000, 99999)}"


def stale_licence(
    ctx: Context, ring: Ring, good: Good, customer: Foreign, day: dt.date, net: float, loud: bool
) -> Licence:
    rng = ctx.rng
    assert good.effective is not None
    earliest = good.effective + dt.timedelta(days=12)
    gap = rng.randint(60, 300) if loud else rng.randint(1, 12)
    expiry = day - dt.timedelta(days=gap)
    if rng.random() < 0.55 and expiry - dt.timedelta(days=182) >= earliest:
        return front_licence(
            ctx,
            ring,
            good,
            customer,
            day,
            net * rng.uniform(2, 5),
            issued=expiry - dt.timedelta(days=182),
            days=182,
        )
    issued = max(earliest, day - dt.timedelta(days=rng.randint(90, 240)))
    licence = front_licence(ctx, ring, good, customer, day, net * rng.uniform(2, 5), issued=issued)
    since = day - dt.timedelta(days=rng.randint(30, 120) if loud else rng.randint(2, 20))
    licence.status = rng.choice(("revoked", "revoked", "suspended"))
    licence.status_since = max(since, issued + dt.timedelta(days=1))
    return licence
