"""Concealment: metal hidden in ordinary cargo, in parcels, and in passengers' bags.

``cover_cargo`` hides ingots or powder in containers of tiles, castings or quartz flour;
``ant_parcels`` ("ant moving", 蚂蚁搬家) sends grams to kilos as samples and parts by
express and post through a crowd of senders; ``mule_carry`` has passengers carry metal
over the land borders declared as tea or handicrafts.
"""

from __future__ import annotations

import numpy as np

from . import goods, names
from .goods import INDEX, PRODUCTS
from .places import REGIONS
from .rings import Context, Ring, Row
from .shipping import BUYER_COUNTRIES, any_buyer, leak, pick, ring_port

COVERS = (
    "tiles",
    "stone",
    "castings",
    "refractory",
    "steel_balls",
    "quartz_powder",
    "al2o3",
    "auto_parts",
)
HIDDEN = ("sb_metal", "ga_metal", "ge_metal", "w_bar", "dy_metal", "tb_metal", "bi_metal")
PARCEL_TRUE = ("ga_metal", "ge_metal", "tb_metal", "dy_metal", "in_phosphide", "ga_arsenide")
PARCEL_COVER = ("metal_sample", "pc_parts", "metal_craft", "led_chip", "handicraft")
MULE_TRUE = ("sb_metal", "ga_metal", "ge_metal", "w_bar", "tb_metal")
MULE_COVER = ("tea", "handicraft", "garments", "cosmetics")
CROSSINGS = (
    ("VN", "CNDXG", "450600"),
    ("MM", "CNRLI", "533100"),
    ("KZ", "CNHRG", "650100"),
    ("HK", "CNSZX", "440300"),
    ("MO", "CNZUH", "440300"),
)


def setup_cover_cargo(ctx: Context, ring: Ring) -> None:
    ring.cover = INDEX[pick(ctx.rng, COVERS)]
    ring.extra["far_port"] = not ring.faint
    for _ in range(int(ctx.rng.integers(1, 3))):
        ctx.buyer(ring, pick(ctx.rng, (*BUYER_COUNTRIES, "VN", "MY", "AE")), "distributor")
    ctx.front(ring, "maker", recent=not ring.faint, day=ring.start)


def ship_cover_cargo(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    e, c = ring.front, any_buyer(ctx, ring)
    port = ring_port(ctx, ring, e, "sea", ctx.books.consignees[c].country)
    decl = ctx.decl()
    n = int(rng.integers(1, 4))
    hot = int(rng.integers(0, n))
    rows = []
    for k in range(n):
        cover_net = goods.QTY[ring.cover] * float(np.exp(rng.normal(0, 0.35)))
        if k != hot:
            rows.append(
                ctx.line(
                    ring,
                    decl,
                    k + 1,
                    t,
                    e,
                    c,
                    ring.cover,
                    cover_net,
                    mode="sea",
                    port=port,
                    fraud=False,
                )
            )
            continue
        if PRODUCTS[p].usd > 100:  # precious metal: a smaller box of cover goods
            cover_net = float(rng.uniform(2000, 6000))
        # a careless ring loads a tenth to a third of the box's weight in metal; a careful
        # one a few per cent, and declares fewer tiles so that the weights add up
        share = rng.uniform(0.12, 0.3) if not ring.faint else rng.uniform(0.02, 0.08)
        hidden = cover_net * share
        honest = ctx.line(None, decl, k + 1, t, e, c, ring.cover, cover_net, mode="sea", port=port)
        cover_value = float(honest["value_usd"])
        true_value = cover_value + ctx.market_value(p, t, hidden)
        if ring.faint:
            net = cover_net + hidden  # the weights add up: fewer tiles, same tonnage
            gross = None
        else:
            net = cover_net
            gross = cover_net * goods.PACK[ring.cover] + hidden
        rows.append(
            ctx.line(
                ring,
                decl,
                k + 1,
                t,
                e,
                c,
                ring.cover,
                net,
                mode="sea",
                port=port,
                value_usd=cover_value,
                gross_kg=gross,
                true_product=p,
                true_value=true_value,
                hidden_kg=hidden,
            )
        )
        leak(
            ctx,
            ring,
            t - int(rng.integers(5, 30)),
            p,
            hidden,
            ctx.books.party_of_exporter(e),
            booked=ring.faint,
        )
    return rows


def setup_ant_parcels(ctx: Context, ring: Ring) -> None:
    rng = ctx.rng
    # careless rings post "parts" and "crafts" worth something at nominal values; careful
    # ones also use the samples honest sellers post at nominal value
    covers = PARCEL_COVER if ring.faint else tuple(c for c in PARCEL_COVER if c != "metal_sample")
    ring.cover = INDEX[pick(rng, covers)]
    ring.region = [r.code for r in REGIONS].index(
        pick(rng, ("440300", "440100", "441900", "330700"))
    )
    country = pick(rng, ("US", "JP", "NL", "DE", "KR", "GB"))
    if ring.faint:
        address = names.foreign_address(rng, country)
        base = names.FOREIGN_PEOPLE[int(rng.integers(0, len(names.FOREIGN_PEOPLE)))]
        for k in range(int(rng.integers(4, 9))):
            who = (
                names.FOREIGN_PEOPLE[int(rng.integers(0, len(names.FOREIGN_PEOPLE)))] if k else base
            )
            ctx.buyer(ring, country, "private", name=f"{who} {chr(65 + k)}.", address=address)
    else:
        for _ in range(int(rng.integers(1, 3))):
            ctx.buyer(ring, country, "private")
    for _ in range(int(rng.integers(2, 4)) if not ring.faint else 3):
        ctx.courier(ring, "ecommerce", ring.region, ring.start)


def ship_ant_parcels(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    rows = []
    for _ in range(int(rng.integers(1, 4))):
        if ring.faint and rng.random() < 0.35:
            ctx.courier(ring, "ecommerce", ring.region, t)
        pool = [
            k for k in (ring.couriers if ring.faint else ring.couriers[-3:]) if k not in ctx.burned
        ]
        if not pool:
            pool = [ctx.courier(ring, "ecommerce", ring.region, t)]
        e = pool[int(rng.integers(0, len(pool)))]
        c = any_buyer(ctx, ring)
        mode = "express" if rng.random() < 0.7 else "post"
        port = ctx.port_for(e, mode, ctx.books.consignees[c].country)
        net = rng.uniform(0.3, 1.2) if ring.faint else rng.uniform(3.0, 8.0)
        value = rng.uniform(15, 60) if ring.faint else rng.uniform(5, 15)
        rows.append(
            ctx.line(
                ring,
                ctx.decl(),
                1,
                t,
                e,
                c,
                ring.cover,
                net,
                mode=mode,
                port=port,
                value_usd=round(value, 0),
                true_product=p,
                true_value=ctx.market_value(p, t, net),
            )
        )
        if not ring.faint:
            leak(
                ctx,
                ring,
                t - int(rng.integers(2, 15)),
                p,
                net,
                ctx.books.party_of_exporter(e),
                booked=False,
            )
    return rows


def setup_mule_carry(ctx: Context, ring: Ring) -> None:
    rng = ctx.rng
    country, port, region = CROSSINGS[int(rng.integers(0, len(CROSSINGS)))]
    ring.region = [r.code for r in REGIONS].index(region)
    ring.port = port
    ring.cover = INDEX[pick(rng, MULE_COVER)]
    ctx.buyer(ring, country, "distributor", "Retail")
    for _ in range(int(rng.integers(5, 11)) if ring.faint else int(rng.integers(1, 3))):
        ctx.courier(ring, "sole", ring.region, ring.start)


def ship_mule_carry(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    if not ring.port:  # after a seizure the ring moved to another crossing and shop
        country, ring.port, _ = CROSSINGS[int(rng.integers(0, len(CROSSINGS)))]
        ctx.buyer(ring, country, "distributor", "Retail")
    rows = []
    for _ in range(int(rng.integers(1, 3))):
        pool = [
            k for k in (ring.couriers if ring.faint else ring.couriers[-2:]) if k not in ctx.burned
        ]
        if not pool:
            pool = [ctx.courier(ring, "sole", ring.region, t)]
        e = pool[int(rng.integers(0, len(pool)))]
        c = ring.consignees[-1]
        net = rng.uniform(3, 8) if ring.faint else rng.uniform(15, 40)
        if ring.faint:
            value = (
                float(goods.price_usd_kg(np.array([ring.cover]), np.array([t]), 0.0)[0])
                * net
                * rng.uniform(0.8, 1.2)
            )
        else:
            value = rng.uniform(30, 150)
        rows.append(
            ctx.line(
                ring,
                ctx.decl(),
                1,
                t,
                e,
                c,
                ring.cover,
                net,
                mode="passenger",
                port=ring.port,
                value_usd=value,
                true_product=p,
                true_value=ctx.market_value(p, t, net),
            )
        )
    return rows
