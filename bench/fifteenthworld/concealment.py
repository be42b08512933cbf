"""Concealment: controlled goods hidden in or among ordinary goods.

``ballast_blend`` hides them in bulk cargo, ``pocket_courier`` in small dense parcels and
luggage, ``odd_line_out`` as one line of a large consolidation."""

from __future__ import annotations

from fifteenthworld import lines as L
from fifteenthworld import names, shipping, wording
from fifteenthworld.craft import (
    Context,
    basics,
    companion,
    fraud_line,
    market_value,
    mule,
    ring_header,
)
from fifteenthworld.goods import BY_KEY, export_price
from fifteenthworld.parties import log_uniform
from fifteenthworld.rings import Event, Ring

BALLAST = (
    ("pb_ingot", "sb_ingot"),
    ("zn_ingot", "sb_ingot"),
    ("al_ingot", "ga_metal"),
    ("si_metal", "ge_metal"),
    ("amm_molybdate", "apt"),
    ("ceo2", "dy_oxide"),
    ("sn_ingot", "bi_metal"),
)
POCKET = ("ga_metal", "ge_metal", "tb_oxide", "dy_oxide", "sc_oxide", "lu_oxide", "inp", "tb_metal")
POCKET_COVER = {"metal": "solder", "oxide": "zno", "wafer": "si_wafer"}
ODD = ("ga_metal", "ge_metal", "tb_oxide", "dy_oxide", "bi_metal", "te_metal", "geo2", "tb_metal")


def ballast_blend(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Controlled ingots or drums hidden in bulk ordinary cargo: the gross weight is a
    fifth heavy (loud) or a few percent (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    carrier = BY_KEY[ring.choice[0]]
    net = log_uniform(rng, *carrier.lot)
    hidden = net * (rng.uniform(0.1, 0.22) if loud else rng.uniform(0.02, 0.05))
    hidden = min(hidden, true.lot[1] * 3)
    gross = (net + hidden) * rng.uniform(*carrier.pack)
    usd = market_value(ctx, carrier, day, net)
    mode = (
        "sea"
        if rng.random() < 0.8
        else shipping.pick_mode(rng, carrier, net, customer.country, small=False)
    )
    head = ring_header(ctx, ring, day, customer, mode)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        carrier,
        net,
        usd,
        true_usd=usd + export_price(true, day) * hidden,
        true_kg=hidden,
        gross=gross,
        found=f"{carrier.zh[0]}中夹藏{true.zh[0]}: {true.en[0]} in {carrier.en[0].lower()}",
    )
    ctx.leaks.append((ring, true, day, hidden))
    made = [line] + [companion(ctx, head, [carrier], 0.4) for _ in range(event.companions)]
    return [L.finish(rng, made)]


def pocket_courier(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Small dense parcels and luggage declared as samples or cheap goods: one company to
    one consignee (loud), or mules to names at one drop address (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    true = BY_KEY[ring.choice[rng.randrange(2)]]
    kind = (
        "wafer" if true.unit == "pcs" else "metal" if true.material.endswith("metal") else "oxide"
    )
    cover = BY_KEY[POCKET_COVER[kind]]
    if not loud and kind == "oxide" and rng.random() < 0.5:
        cover = BY_KEY["tio2"]
    net = rng.uniform(3, 15) if loud else rng.uniform(0.3, 2.5)
    if true.unit == "pcs":
        net = true.kg_per_unit * (rng.randint(40, 200) if loud else rng.randint(5, 40))
    mode = rng.choices(
        ("express", "post", "passenger"), weights=(60, 25, 15) if loud else (45, 20, 35)
    )[0]
    if loud:
        exporter, consignee = ring.front, customer
        name = consignee.name
    else:
        exporter = mule(ctx, ring, day)
        consignee = customer
        name = (
            names.person_name(rng)[1].upper()
            if rng.random() < 0.5
            else names.foreign_company(rng, customer.country)
        )
    port = rng.choice(shipping.ports_for(exporter.region, mode, consignee.country))
    broker = ring.front.brokers[0] if mode == "express" else None
    head = L.header(
        rng,
        day,
        exporter,
        consignee,
        mode,
        port,
        broker=broker,
        declarant_id=broker.reg_id if broker else None,
        use_broker=False,
        consignee_name=name,
        consignee_address=None if loud else ring.state["drop"],
    )
    extra = rng.choice(("样品", "sample", "样品 NCV")) if loud else ""
    style = broker.desc_style if broker else "zh"
    usd = rng.uniform(5, 40) if loud else market_value(ctx, cover, day, net)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        cover,
        net,
        usd,
        true_usd=export_price(true, day) * net,
        description=wording.description(rng, cover, style, extra=extra),
        gross=net * rng.uniform(1.05, 1.3),
    )
    ctx.leaks.append((ring, true, day, line["_true_kg"]))
    return [L.finish(rng, [line])]


def odd_line_out(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """One controlled line inside a consolidation of ordinary goods: misfitting and at its
    real value (loud), or copying a sibling line (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    pool = [
        BY_KEY[k]
        for k in (
            "bolts",
            "hand_tools",
            "valves",
            "ceramic_parts",
            "crucible",
            "zno",
            "tio2",
            "ferrite",
            "al_alloy",
            "sic",
            "refractory",
        )
    ]
    siblings = rng.sample(pool, rng.randint(3, 6))
    head = ring_header(ctx, ring, day, customer, "sea")
    made = [companion(ctx, head, siblings, rng.uniform(0.03, 0.2)) for _ in range(event.companions)]
    net = log_uniform(rng, *true.lot) * rng.uniform(0.2, 0.5)
    if loud:
        cover = BY_KEY[rng.choice(("sn_ingot", "in_ingot", "nd_oxide", "cr_metal"))]
        usd = export_price(true, day) * net * rng.uniform(0.8, 1.0)
    else:
        cover = rng.choice(siblings)
        usd = market_value(ctx, cover, day, net)
    line = fraud_line(
        ctx, ring, event, head, true, cover, net, usd, true_usd=export_price(true, day) * net
    )
    ctx.leaks.append((ring, true, day, line["net_weight_kg"]))
    made.insert(rng.randrange(1, len(made) + 1), line)
    return [L.finish(rng, made)]
