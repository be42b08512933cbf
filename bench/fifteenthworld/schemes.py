"""The fourteen smuggling schemes: who runs them, what they ship, how each line lies.

Every scheme has a loud variant (careless: the lie shows on the line, in its price,
weight or paperwork) and a faint one (professional: the line looks like honest trade
and the lie shows, if at all, only across lines, in the register or in other tables).

misdeclaration
    ``code_swap``      controlled goods under an ordinary code: loud under an unrelated
                       code at the controlled good's price, faint under the neighbouring
                       code (indium for germanium, zirconia for germanium dioxide, lead-
                       antimony alloy for antimony) at the neighbour's price.
    ``thin_invoice``   licensed controlled goods invoiced far below their price (loud a
                       third, faint three quarters); the rest is paid to a hub account.
    ``grade_shave``    high-purity grades declared as the uncontrolled lower grade
                       (antimony trioxide 99.99 -> 99.5, W 97% heavy alloy -> 93%, fine
                       molybdenum powder -> coarse); loud keeps the high-grade price and use.
concealment
    ``ballast_blend``  controlled ingots or drums hidden in bulk ordinary cargo (antimony
                       in lead, gallium in aluminium); the gross weight is heavy: loud by a
                       fifth, faint by a few percent.
    ``pocket_courier`` small dense parcels and passengers' luggage declared as samples or
                       cheap goods; loud from one company to one consignee, faint through
                       mules (people, resident-id exporters) to names at one address.
    ``odd_line_out``   one controlled line inside a forwarder's consolidation of ordinary
                       goods; loud it misfits its siblings and carries its real value, faint
                       it copies a sibling's description and price.
licence fraud
    ``paper_gap``      no licence: loud none cited, faint the exporter's own licence for
                       another item.
    ``forged_permit``  loud a number the register never issued, faint someone else's real
                       licence for the same item.
    ``stale_permit``   the exporter's expired or revoked licence: loud long dead, faint by
                       days.
    ``consignee_swap`` a valid licence, another consignee: loud in another country, faint in
                       the same country with the licensed end user copied onto the line.
    ``permit_overdraw`` a valid licence drawn past its quantity across declarations (only
                       the lines past the limit are fraudulent): loud to nearly double, faint
                       by a tenth, split across ports.
transshipment
    ``hub_relay``      licensed exports to a hub consignee that re-exports to a denied
                       destination; the hub's re-exports surge in partners' statistics.
                       Loud: a new trading firm, the paying country named as trade country.
    ``shadow_buyer``   the consignee fronts for a watchlisted end user: loud its name and
                       address echo the listed one, faint only the address and a shareholding.
of our own
    ``alloy_wash``     the controlled metal alloyed into an uncontrolled carrier (antimony
                       at 45% in "lead-antimony alloy", bismuth at 90% in "solder", gallium
                       in aluminium alloy, dysprosium in neodymium metal) to be recovered
                       abroad; loud states the content and prices it, faint says nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Callable
from typing import Any

from fifteenthworld import (
    alloying,
    concealment,
    licence_fraud,
    misdeclaration,
    names,
    transshipment,
)
from fifteenthworld import lines as L
from fifteenthworld.craft import (
    Context,
    echo_name,
    market_country,
    new_consignee,
    rewrite_address,
    true_key,
)
from fifteenthworld.goods import BY_KEY
from fifteenthworld.knobs import Knobs
from fifteenthworld.parties import Foreign
from fifteenthworld.places import HUBS
from fifteenthworld.rings import Event, Ring
from fifteenthworld.timeline import DAYS, END, START, activity
from fifteenthworld.watchlist import CUSTOMS_INTEL, Listed, add_listing

__all__ = ["FAMILY", "SCHEMES", "WEIGHT", "Context", "plan", "planned_lines", "run"]

SCHEMES: tuple[str, ...] = (
    "code_swap", "thin_invoice", "grade_shave", "ballast_blend", "pocket_courier",
    "odd_line_out", "paper_gap", "forged_permit", "stale_permit", "consignee_swap",
    "permit_overdraw", "hub_relay", "shadow_buyer", "alloy_wash",
)  # fmt: skip

FAMILY: dict[str, str] = {
    "code_swap": "misdeclaration",
    "thin_invoice": "misdeclaration",
    "grade_shave": "misdeclaration",
    "ballast_blend": "concealment",
    "pocket_courier": "concealment",
    "odd_line_out": "concealment",
    "paper_gap": "licence",
    "forged_permit": "licence",
    "stale_permit": "licence",
    "consignee_swap": "licence",
    "permit_overdraw": "licence",
    "hub_relay": "transshipment",
    "shadow_buyer": "transshipment",
    "alloy_wash": "own: evasion by alloying",
}

#: Relative number of fraudulent lines of each scheme.
WEIGHT: dict[str, int] = {
    "code_swap": 200,
    "thin_invoice": 160,
    "grade_shave": 130,
    "ballast_blend": 130,
    "pocket_courier": 210,
    "odd_line_out": 110,
    "paper_gap": 160,
    "forged_permit": 130,
    "stale_permit": 110,
    "consignee_swap": 120,
    "permit_overdraw": 130,
    "hub_relay": 170,
    "shadow_buyer": 110,
    "alloy_wash": 100,
}

# true good -> (neighbouring cover, unrelated cover)

Builder = Callable[[Context, Ring, Event], list[list[L.Line]]]

#: The function that writes one planned event of each scheme.
BUILDERS: dict[str, Builder] = {
    "code_swap": misdeclaration.code_swap,
    "thin_invoice": misdeclaration.thin_invoice,
    "grade_shave": misdeclaration.grade_shave,
    "ballast_blend": concealment.ballast_blend,
    "pocket_courier": concealment.pocket_courier,
    "odd_line_out": concealment.odd_line_out,
    "paper_gap": licence_fraud.paper_gap,
    "forged_permit": licence_fraud.forged_permit,
    "stale_permit": licence_fraud.stale_permit,
    "consignee_swap": licence_fraud.consignee_swap,
    "permit_overdraw": licence_fraud.permit_overdraw,
    "hub_relay": transshipment.hub_relay,
    "shadow_buyer": transshipment.shadow_buyer,
    "alloy_wash": alloying.alloy_wash,
}

# --- planning ------------------------------------------------------------------------------


def _choose(rng: random.Random, scheme: str) -> Any:
    if scheme == "code_swap":
        key = rng.choice(sorted(misdeclaration.SWAPS))
        return (key, *misdeclaration.SWAPS[key])
    if scheme == "grade_shave":
        key = rng.choice(sorted(misdeclaration.SHAVES))
        return (key, misdeclaration.SHAVES[key])
    if scheme == "ballast_blend":
        return rng.choice(concealment.BALLAST)
    if scheme == "alloy_wash":
        return rng.choice(alloying.ALLOYS)
    if scheme == "pocket_courier":
        return tuple(rng.sample(concealment.POCKET, 2))
    pools: dict[str, tuple[str, ...]] = {
        "thin_invoice": misdeclaration.THIN,
        "odd_line_out": concealment.ODD,
        "permit_overdraw": licence_fraud.OVERDRAW,
        "hub_relay": transshipment.RELAY,
        "shadow_buyer": transshipment.SHADOW,
    }
    return rng.choice(pools.get(scheme, licence_fraud.LICENSED))


# --- planning ------------------------------------------------------------------------------


def _days(
    rng: random.Random, start: dt.date, end: dt.date, count: int, bursty: bool
) -> list[dt.date]:
    window = [d for d in DAYS if start <= d <= end] or [end]
    cum = list(itertools.accumulate(activity(d) for d in window))
    out = []
    centres = [window[rng.randrange(len(window))] for _ in range(max(1, count // 5))]
    for _ in range(count):
        if bursty and rng.random() < 0.6:
            day = rng.choice(centres) + dt.timedelta(days=rng.randint(0, 9))
            out.append(min(max(day, start), end))
        else:
            out.append(
                window[min(bisect.bisect_right(cum, rng.random() * cum[-1]), len(window) - 1)]
            )
    return sorted(out)


def _window(rng: random.Random, scheme: str, choice: Any) -> tuple[dt.date, dt.date]:
    good = BY_KEY[true_key(scheme, choice)]
    assert good.effective is not None
    delay = rng.randint(30, 110) + (150 if scheme == "stale_permit" else 0)
    start = max(START + dt.timedelta(days=20), good.effective + dt.timedelta(days=delay))
    return min(start, END - dt.timedelta(days=60)), END - dt.timedelta(days=3)


def _plan_ring(rng: random.Random, scheme: str, index: int, quota: int, loud: float) -> Ring:
    choice = _choose(rng, scheme)
    start, end = _window(rng, scheme, choice)
    events: list[Event] = []
    left = quota
    if scheme == "permit_overdraw":
        while left > 0:
            variant = "loud" if rng.random() < loud else "faint"
            over = min(left, rng.randint(2, 4) if variant == "loud" else rng.randint(1, 2))
            ok = rng.randint(2, 4)
            events.append(Event(start, variant, over, ok, {"ok": ok}))
            left -= over
        days = _days(rng, start, end - dt.timedelta(days=90), len(events), False)
    else:
        while left > 0:
            variant = "loud" if rng.random() < loud else "faint"
            companions = 0
            if scheme == "odd_line_out":
                companions = rng.randint(8, 24)
            elif scheme in {"code_swap", "ballast_blend"} and rng.random() < 0.3:
                companions = rng.randint(1, 2)
            events.append(Event(start, variant, 1, companions))
            left -= 1
        days = _days(rng, start, end, len(events), scheme == "pocket_courier")
    for event, day in zip(events, days, strict=True):
        event.day = day
    return Ring(scheme, index, loud, choice, events)


def plan(rng: random.Random, lines: int, knobs: Knobs) -> list[Ring]:
    """Every ring of the world and its planned events (line counts fixed here)."""
    total = round(lines * knobs.fraud_share)
    if total <= 0:
        return []
    weight = sum(WEIGHT.values())
    rings: list[Ring] = []
    for scheme in SCHEMES:
        quota = max(2, round(total * WEIGHT[scheme] / weight))
        count = 1 if quota < 40 else 2 if quota < 200 else 3
        shares = [quota // count + (1 if i < quota % count else 0) for i in range(count)]
        for i, share in enumerate(shares):
            loud = 0.5 if count == 1 else (0.8 if i % 2 == 0 else 0.25)
            rings.append(_plan_ring(rng, scheme, i, share, loud))
        planned = [e for r in rings if r.scheme == scheme for e in r.events]
        if planned and len({e.variant for e in planned}) == 1 and len(planned) > 1:
            planned[-1].variant = "faint" if planned[0].variant == "loud" else "loud"
    return rings


def planned_lines(rings: list[Ring]) -> int:
    return sum(e.fraud + e.companions for r in rings for e in r.events)


# --- running -------------------------------------------------------------------------------


# --- running -------------------------------------------------------------------------------


def _setup(ctx: Context, ring: Ring) -> None:
    """Choose the ring's home and consignees before its first shipment."""
    rng = ctx.rng
    true = BY_KEY[true_key(ring.scheme, ring.choice)]
    first = ring.events[0].day
    home = (
        rng.choice(true.regions)
        if rng.random() < 0.65
        else rng.choice(("310115", "440300", "330200"))
    )
    consignees: list[Foreign] = []
    scheme = ring.scheme
    if scheme == "hub_relay":
        hub = rng.choice(("VN", "MY", "TH", "AE", "KZ", "KG", "TR", "MX", "AM", "RS"))
        final = "US" if rng.random() < 0.7 else "JP"
        buyer = new_consignee(ctx, final, "maker")
        if ring.faint:
            hub_firm = new_consignee(
                ctx,
                hub,
                "front",
                incorporated=first - dt.timedelta(days=rng.randint(1500, 5000)),
                name=names.foreign_company(rng, hub).replace("Trading", "Industrial"),
            )
            ctx.pop.register.relate(buyer.party, hub_firm.party, "payer", first)
            ring.state["local_user"] = names.foreign_company(rng, hub)
        else:
            stem = names.foreign_stem(rng, hub)
            label = rng.choice(("General Trading", "Logistics", "Resources", "Global Supply"))
            hub_firm = new_consignee(
                ctx,
                hub,
                "front",
                incorporated=first - dt.timedelta(days=rng.randint(30, 330)),
                name=f"{stem} {label} {'FZE' if hub == 'AE' else 'Co., Ltd.'}",
            )
            hub_firm.party.phone = buyer.party.phone
            ctx.pop.register.relate(hub_firm.party, buyer.party, "agent", first)
        ring.state["final"] = final
        consignees = [hub_firm]
    elif scheme == "shadow_buyer":
        listed = [x for x in ctx.listed if x.listed_at <= first and x.party.kind == "company"]
        target = rng.choice(listed or ctx.listed)
        ring.state["target"] = target
        country = target.party.country if rng.random() < 0.7 else rng.choice(("HK", "SG", "AE"))
        if ring.faint:
            same = country == target.party.country
            front = new_consignee(
                ctx,
                country,
                "front",
                address=rewrite_address(rng, target.party.address or "") if same else None,
            )
            if not same:
                front.party.phone = target.party.phone
            ctx.pop.register.relate(
                target.party, front.party, "shareholder", first, round(rng.uniform(0.3, 0.7), 2)
            )
        else:
            front = new_consignee(
                ctx,
                country,
                "front",
                name=echo_name(rng, target.party.name),
                address=target.party.address,
            )
        consignees = [front]
    elif scheme == "consignee_swap":
        country = market_country(rng, true, first)
        licensed = new_consignee(ctx, country, "maker")
        elsewhere = new_consignee(ctx, rng.choice(HUBS), "distributor")
        same_market = new_consignee(ctx, country, "distributor")
        consignees = [licensed, elsewhere, same_market]
    elif scheme == "alloy_wash":
        country = rng.choice(
            ("BE", "KR", "IN", "VN", "NL") if not ring.faint else ("KR", "VN", "TH", "MY")
        )
        stem = names.foreign_stem(rng, country)
        name = (
            f"{stem} Metal Recovery" + (" NV" if country == "BE" else " Co., Ltd.")
            if not ring.faint
            else None
        )
        consignees = [
            new_consignee(ctx, country, "recycler" if not ring.faint else "distributor", name=name)
        ]
    elif scheme == "pocket_courier":
        country = rng.choice(("HK", "TW", "KR", "JP", "US", "VN"))
        consignees = [new_consignee(ctx, country, "distributor")]
        ring.state["drop"] = names.foreign_address(rng, "HK")
    elif scheme in {"paper_gap"}:
        hub_firm = new_consignee(
            ctx,
            rng.choice(HUBS),
            "distributor",
            incorporated=first - dt.timedelta(days=rng.randint(60, 700)),
        )
        consignees = [hub_firm, new_consignee(ctx, market_country(rng, true, first), "maker")]
    else:
        consignees = [
            new_consignee(
                ctx, market_country(rng, true, first), rng.choice(("maker", "distributor"))
            )
            for _ in range(rng.randint(1, 2))
        ]
    ring.consignees = consignees
    ring.start(rng, ctx.pop, home, first - dt.timedelta(days=rng.randint(3, 20)))
    ring.front.start = first


def run(ctx: Context, rings: list[Ring]) -> None:
    """Run every ring through its events, inspecting as officers go; a caught ring lies
    low for a few weeks and comes back as a new front."""
    rng = ctx.rng
    for ring in rings:
        _setup(ctx, ring)
        true = BY_KEY[true_key(ring.scheme, ring.choice)]
        for index in range(len(ring.events)):
            assert ring.front_since is not None
            recent = ring.caught_at is not None and ring.caught_at >= ring.front_since
            if (
                recent
                and ring.caught_at is not None
                and ring.caught_at - ring.front_since > dt.timedelta(days=10)
            ):
                # lie low for a few weeks (less when the period is nearly over), then resume
                floor = ring.caught_at + dt.timedelta(days=rng.randint(12, 45))
                if floor > END - dt.timedelta(days=5):
                    floor = START  # no time left to lie low: carry on under a new name
                room = max(0, min(20, (END - floor).days))
                for later in ring.events[index:]:
                    if later.day < floor:
                        later.day = floor + dt.timedelta(days=rng.randint(0, room))
                ring.events[index:] = sorted(ring.events[index:], key=lambda e: e.day)
                _revoke(ctx, ring)
                ring.switch(rng, ctx.pop, ring.events[index].day, true)
                _after_catch(ctx, ring, ring.events[index].day)
            event = ring.events[index]
            for declaration in BUILDERS[ring.scheme](ctx, ring, event):
                ctx.lines.extend(declaration)
                for line in declaration:
                    record = ctx.officers.consider(line)
                    if record is None or record.result == "clear" or not line["_scheme"]:
                        continue
                    if ring.caught_at is None or ring.caught_at < ring.front_since:
                        ring.caught_at = record.inspected_at


def _revoke(ctx: Context, ring: Ring) -> None:
    """The licensing authority revokes a caught front's licences."""
    assert ring.caught_at is not None
    for licence in ctx.licences.of(ring.front):
        if licence.status == "valid" and licence.valid_until > ring.caught_at:
            licence.status = "revoked"
            licence.status_since = ring.caught_at + dt.timedelta(days=ctx.rng.randint(7, 30))


def _after_catch(ctx: Context, ring: Ring, day: dt.date) -> None:
    """Customs intelligence may list a caught consignee; the ring finds another, and
    parcel rings move to another drop address."""
    rng = ctx.rng
    if ring.scheme == "pocket_courier":
        ring.state["drop"] = names.foreign_address(rng, "HK")
        ring.state.pop("mules", None)
        return
    if ring.scheme not in {"hub_relay", "shadow_buyer"}:
        return
    old = ring.consignees[0]
    listed_at = ring.caught_at + dt.timedelta(days=rng.randint(20, 80)) if ring.caught_at else END
    known = {x.party.party_id for x in ctx.listed}
    if rng.random() < 0.6 and listed_at <= END and old.party.party_id not in known:
        add_listing(
            ctx.listed, old.party, CUSTOMS_INTEL, listed_at, "consignee caught in a diversion"
        )
    renamed = new_consignee(
        ctx,
        old.country,
        "front",
        incorporated=day - dt.timedelta(days=rng.randint(20, 200)),
        address=old.party.address if not ring.faint else None,
    )
    for _ in range(5):
        if renamed.party.name != old.party.name:
            break
        renamed.party.name = names.foreign_company(rng, old.country)
    ctx.pop.register.relate(old.party, renamed.party, "payer", day)
    if ring.scheme == "shadow_buyer":
        target: Listed = ring.state["target"]
        ctx.pop.register.relate(
            target.party, renamed.party, "shareholder", day, round(rng.uniform(0.3, 0.7), 2)
        )
    ring.consignees[0] = renamed
    ring.state.pop("licence", None)
