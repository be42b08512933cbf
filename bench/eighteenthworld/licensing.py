"""Export licences for honest controlled trade, issued the way the licensing office does.

A licence names one exporter, one consignee, one controlled item and a net quantity,
and is valid for a year (some for six months); most allow several shipments ("non
one-batch-one-licence"), a few one. Honest exporters draw within the quantity: the
licence is sized to the shipments it will cover, with headroom, and some are nearly used
up. A few licences are revoked or suspended after their last honest draw, a few are
issued and never used. Draw order is date order, as customs deducts them.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from eighteenthworld import lines as mk
from eighteenthworld.calendar import END
from eighteenthworld.goods import CONTROLLED
from eighteenthworld.model import Consignee, Declaration, Exporter, Licence, Line
from eighteenthworld.names import FOREIGN
from eighteenthworld.state import World


def round_up(kg: float) -> float:
    if kg < 10:
        return math.ceil(kg * 10) / 10
    if kg < 20_000:
        return float(math.ceil(kg / 10) * 10)
    return float(math.ceil(kg / 1000) * 1000)


def issue(
    world: World,
    rng: random.Random,
    exporter: Exporter,
    consignee_name: str,
    country: str,
    good: str,
    issued: date,
    quantity_kg: float,
    end_user: str,
    end_use: str,
    months: int = 12,
) -> Licence:
    item = world.item_of(good)
    shape = rng.choices(("both", "control", "hs"), weights=(60, 25, 15))[0]
    licence = Licence(
        no=world.ids.licence(issued.year),
        issued=issued,
        valid_until=issued + timedelta(days=364 if months == 12 else 182),
        exporter=exporter,
        control_id=item.id,
        hs=CONTROLLED[good].hs,
        quantity_kg=round_up(quantity_kg),
        consignee_name=consignee_name,
        consignee_country=country,
        end_user=end_user,
        end_use=end_use,
        shape=shape,
    )
    world.licences.append(licence)
    return licence


def downstream_user(world: World, rng: random.Random, consignee: Consignee) -> str:
    """The end user a licence names: the consignee itself or its customer's factory."""
    if rng.random() < 0.6 or consignee.country not in FOREIGN:
        return consignee.name
    return world.namer.foreign(
        consignee.country, rng.choice(("Industries", "Technologies", "Components"))
    )


def cite(rng: random.Random, world: World, line: Line, licence: Licence, day: date) -> None:
    """Put the licence on a line as a clerk types it, with its end user and use."""
    number = licence.no
    noise = world.knobs.honest_noise
    if rng.random() < 0.1 * noise:
        number = number.lower() if rng.random() < 0.5 else f"{number[:4]} {number[4:]}"
    line.licence = number
    if rng.random() < 0.85:
        line.end_user = licence.end_user
    if rng.random() < 0.7:
        line.end_use = licence.end_use
    licence.used_kg += line.net_kg
    licence.last_draw = max(licence.last_draw or date.min, day)


def assign(world: World) -> None:
    """Licences for every honest controlled line that needs one."""
    rng = world.rng("licensing")
    groups: dict[tuple[str, str, str], list[tuple[Declaration, Line]]] = {}
    for decl in sorted(world.decls, key=lambda d: (d.at, d.id)):
        for line in decl.lines:
            if line.good in CONTROLLED and world.licence_needed(line.good, decl.day):
                key = (
                    decl.exporter.uscc,
                    decl.consignee.party.party_id,
                    CONTROLLED[line.good].item,
                )
                groups.setdefault(key, []).append((decl, line))
    for key in sorted(groups):
        entries = groups[key]
        current: Licence | None = None
        for i, (decl, line) in enumerate(entries):
            if (
                current is None
                or decl.day > current.valid_until
                or current.used_kg + line.net_kg > current.quantity_kg
            ):
                current = _new_for(world, rng, entries, i)
            cite(rng, world, line, current, decl.day)
    _statuses(world, rng)
    _unused(world, rng)


def _new_for(
    world: World, rng: random.Random, entries: list[tuple[Declaration, Line]], i: int
) -> Licence:
    decl, line = entries[i]
    eff = world.item_of(line.good).effective_from
    issued = decl.day - timedelta(days=rng.randint(2, 40))
    if issued < eff:
        issued = eff + (decl.day - eff) // 2
    months = 12 if rng.random() < 0.7 else 6
    until = issued + timedelta(days=364 if months == 12 else 182)
    batch = rng.choice((1, 1, 2, 3, 4, 6, 8, 12))
    covered = [ln for d, ln in entries[i : i + batch] if d.day <= until]
    headroom = rng.uniform(1.0, 1.02) if rng.random() < 0.15 else rng.uniform(1.03, 1.5)
    quantity = sum(ln.net_kg for ln in covered) * headroom
    element = CONTROLLED[line.good].element
    return issue(
        world,
        rng,
        decl.exporter,
        decl.consignee.name,
        decl.consignee.country,
        line.good,
        issued,
        quantity,
        downstream_user(world, rng, decl.consignee),
        mk.end_use(rng, element),
        months,
    )


def _statuses(world: World, rng: random.Random) -> None:
    for licence in world.licences:
        if licence.last_draw is None or rng.random() > 0.05:
            continue
        licence.status = "revoked" if rng.random() < 0.6 else "suspended"
        licence.status_since = licence.last_draw + timedelta(days=rng.randint(1, 60))


def _unused(world: World, rng: random.Random) -> None:
    """Licences applied for on contracts that fell through: issued, never drawn."""
    drawn = list(world.licences)
    for licence in drawn:
        issued = licence.issued + timedelta(days=rng.randint(10, 120))
        if rng.random() < 0.06 and issued <= END:
            issue(
                world,
                rng,
                licence.exporter,
                licence.consignee_name,
                licence.consignee_country,
                _good_of(licence),
                issued,
                licence.quantity_kg * rng.uniform(0.5, 2.0),
                licence.end_user,
                licence.end_use,
            )


def _good_of(licence: Licence) -> str:
    for key, good in CONTROLLED.items():
        if good.item == licence.control_id and good.hs == licence.hs:
            return key
    raise KeyError(licence.control_id)
