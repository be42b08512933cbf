"""Licence fraud: controlled goods correctly declared, on the wrong paper.

``paper_gap`` has no licence, ``forged_permit`` a forged one or someone else's,
``stale_permit`` an expired or revoked one, ``consignee_swap`` a valid one for another
consignee, ``permit_overdraw`` a valid one drawn past its quantity."""

from __future__ import annotations

import datetime as dt

from fifteenthworld import lines as L
from fifteenthworld import shipping
from fifteenthworld.craft import (
    Context,
    basics,
    forged_number,
    fraud_line,
    front_licence,
    market_value,
    ring_header,
    stale_licence,
    usable_licence,
)
from fifteenthworld.goods import BY_KEY
from fifteenthworld.licences import cite
from fifteenthworld.parties import log_uniform
from fifteenthworld.rings import Event, Ring
from fifteenthworld.timeline import END

LICENSED = (
    "ga_metal",
    "ge_metal",
    "geo2",
    "gecl4",
    "sb_ingot",
    "sb_oxide_hp",
    "apt",
    "wc",
    "wo3",
    "bi_metal",
    "te_metal",
    "dy_oxide",
    "tb_oxide",
    "y_oxide",
    "gd_oxide",
    "spherical_graphite",
    "flake_graphite",
    "mo_powder",
    "gaas_wafer",
)
OVERDRAW = (
    "sb_ingot",
    "apt",
    "flake_graphite",
    "spherical_graphite",
    "wc",
    "bi_metal",
    "ga_metal",
    "ge_metal",
    "dy_oxide",
    "y_oxide",
)


def paper_gap(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Controlled goods under their own code without a licence (loud), or citing the
    exporter's own licence for another item (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot)
    if loud:
        customer = ring.consignees[0]
        licence = None
    else:
        customer = ring.consignees[1]
        licence = ring.state.get("other")
        if licence is None or not licence.valid_on(day):
            other = BY_KEY[
                rng.choice(
                    [k for k in LICENSED if BY_KEY[k].item != true.item and BY_KEY[k].in_force(day)]
                )
            ]
            licence = front_licence(
                ctx, ring, other, customer, day, log_uniform(rng, *other.lot) * 6
            )
            ring.state["other"] = licence
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        market_value(ctx, true, day, net),
        licence=licence,
        end_user=customer.name if not loud else None,
    )
    ctx.leaks.append((ring, true, day, line["net_weight_kg"]))
    return [L.finish(rng, [line])]


def forged_permit(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """A licence number the register never issued (loud), or another exporter's real
    licence for the same item (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot)
    licence, text = None, None
    if not loud:
        pool = [
            x
            for x in ctx.licences.all
            if x.item == true.item and x.exporter.ring is None and x.valid_on(day) and not x.general
        ]
        pool = pool or [
            x
            for x in ctx.licences.all
            if x.exporter.ring is None and x.valid_on(day) and not x.general
        ]
        if pool:
            same = [x for x in pool if x.country == customer.country]
            licence = rng.choice(same or pool)
    if licence is None:
        text = forged_number(rng, day)
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    end_user = licence.end_user if licence is not None else customer.name
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        market_value(ctx, true, day, net),
        licence=licence,
        licence_text=text,
        end_user=end_user,
    )
    return [L.finish(rng, [line])]


def stale_permit(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """The front's own licence, expired or revoked long ago (loud) or days ago (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot)
    licence = ring.state.get("stale")
    uses = ring.state.get("stale_uses", 0)
    if (
        licence is None
        or licence.exporter is not ring.front
        or uses >= rng.randint(1, 3)
        or licence.valid_on(day)
    ):
        licence = stale_licence(ctx, ring, true, customer, day, net, loud)
        ring.state["stale"], ring.state["stale_uses"] = licence, 0
    ring.state["stale_uses"] = ring.state.get("stale_uses", 0) + 1
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        market_value(ctx, true, day, net),
        licence=licence,
        end_user=licence.end_user,
        end_use=licence.end_use,
    )
    return [L.finish(rng, [line])]


def consignee_swap(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """A valid licence used for another consignee: in another country (loud), or in the
    same country with the licensed end user copied onto the line (faint)."""
    rng, day, loud, true, _customer = basics(ctx, ring, event)
    licensed, elsewhere, same = ring.consignees
    net = log_uniform(rng, *true.lot)
    licence = usable_licence(ctx, ring, "licence", day, net)
    if licence is None:
        licence = front_licence(ctx, ring, true, licensed, day, net * rng.uniform(5, 9))
        ring.state["licence"] = licence
    target = elsewhere if loud else same
    mode = shipping.pick_mode(rng, true, net, target.country, small=False)
    head = ring_header(ctx, ring, day, target, mode)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        market_value(ctx, true, day, net),
        licence=licence,
        end_user=None if loud else licence.end_user,
        end_use=licence.end_use,
    )
    return [L.finish(rng, [line])]


def permit_overdraw(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """A valid licence drawn past its quantity over several declarations; only the lines
    past the limit are fraudulent (to nearly double, loud; by a tenth across ports, faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    base = log_uniform(rng, *true.lot)
    quantity = base * rng.uniform(3, 5)
    licence = front_licence(ctx, ring, true, customer, day, quantity)
    ok = event.params["ok"]
    shares = [rng.random() + 0.3 for _ in range(ok)]
    scale = quantity * rng.uniform(0.86, 0.97) / sum(shares)
    draws = [(s * scale, False) for s in shares]
    if loud:
        draws += [(quantity * rng.uniform(0.2, 0.35), True) for _ in range(event.fraud)]
    else:
        extra = quantity * rng.uniform(0.1, 0.2)
        draws += [(extra / event.fraud, True) for _ in range(event.fraud)]
    out = []
    when = max(day, licence.issued + dt.timedelta(days=rng.randint(3, 20)))
    last = min(END, licence.valid_until)
    step = max(1, min(35, (last - when).days // max(1, len(draws))))
    for kg, fraudulent in draws:
        when = min(when, END, licence.valid_until)
        mode = shipping.pick_mode(rng, true, kg, customer.country, small=False)
        head = ring_header(ctx, ring, when, customer, mode)
        if not loud and fraudulent:
            head["port"] = rng.choice(
                [p for p in ("CNSHA", "CNNGB", "CNTAO", "CNYTN", "CNXMN") if p != head["port"]]
            )
        usd = market_value(ctx, true, when, kg)
        if fraudulent:
            line = fraud_line(
                ctx,
                ring,
                event,
                head,
                true,
                true,
                kg,
                usd,
                licence=licence,
                end_user=licence.end_user,
                end_use=licence.end_use,
            )
        else:
            line = ctx.honest.line(head, true, kg, usd=usd)
            cite(line, licence)
            line["end_user_name"], line["end_use"] = licence.end_user, licence.end_use
        out.append(L.finish(rng, [line]))
        when = when + dt.timedelta(days=rng.randint(max(1, step // 4), step))
    return out
