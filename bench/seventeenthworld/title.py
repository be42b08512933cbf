"""Bought header (买单出口, invented here): a ring buys the export title of a company that
stopped exporting and ships through it.

The company revives after months of silence with a new broker, a new port and new
buyers. A careless ring puts its own man in as legal representative and ships a metal
look-alike at metal prices under a tile or furniture maker's name; a careful one ships the
company's usual goods with metal inside, and only the break in the company's history and
an agency link in the registry show.
"""

from __future__ import annotations

import numpy as np

from . import goods
from .goods import INDEX, PRODUCTS
from .misdeclaration import CLOAK
from .rings import Context, Ring, Row
from .shipping import any_buyer, leak, pick, ring_port, smuggled_lot


def _dormant_exporters(ctx: Context, day: int) -> list[int]:
    return [
        i
        for i, e in enumerate(ctx.books.exporters)
        if e.ring < 0
        and e.kind == "company"
        and e.profile in ("maker", "trader", "metals")
        and e.active_to < day - 120
        and e.active_to < 600
        and i not in ctx.bought
    ]


def take_header(ctx: Context, ring: Ring, day: int) -> bool:
    books, rng = ctx.books, ctx.rng
    pool = _dormant_exporters(ctx, day)
    if not pool:
        return False
    e = pool[int(rng.integers(0, len(pool)))]
    ex = books.exporters[e]
    ctx.bought.add(e)
    ex.brokers = [ring.broker]
    party = books.party_of_exporter(e)
    if ring.faint:
        books.relate(ring.company, party, "agent", day - int(rng.integers(5, 30)))
    else:
        books.relate(
            books.person_party(ring.organiser),
            party,
            "legal_representative",
            day - int(rng.integers(3, 20)),
        )
    ring.fronts.append(e)
    return True


def setup_bought_header(ctx: Context, ring: Ring) -> None:
    rng = ctx.rng
    ring.cover = INDEX[CLOAK.get(PRODUCTS[ring.product].key, "pb_sb")]
    ring.extra["far_port"] = True
    ctx.buyer(ring, pick(rng, ("US", "VN", "MY", "AE", "TR", "KR", "NL")), "distributor")


def ship_bought_header(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    if not ring.fronts and not take_header(ctx, ring, t):
        return []
    e, c = ring.front, any_buyer(ctx, ring)
    ex = ctx.books.exporters[e]
    port = ring_port(ctx, ring, e, "sea", ctx.books.consignees[c].country)
    decl = ctx.decl()
    if ring.faint:
        own = ex.slots[0]
        if not goods.MODE_OK[own, 0]:
            own = INDEX["castings"]
        cover_net = goods.QTY[own] * float(np.exp(rng.normal(0, 0.35)))
        hidden = rng.uniform(30, 200) if PRODUCTS[p].usd > 100 else rng.uniform(300, 2000)
        honest = ctx.line(None, decl, 1, t, e, c, own, cover_net, mode="sea", port=port)
        value = float(honest["value_usd"])
        row = ctx.line(
            ring,
            decl,
            1,
            t,
            e,
            c,
            own,
            cover_net + hidden,
            mode="sea",
            port=port,
            value_usd=value,
            true_product=p,
            true_value=value + ctx.market_value(p, t, hidden),
            hidden_kg=hidden,
        )
        leak(
            ctx,
            ring,
            t - int(rng.integers(5, 25)),
            p,
            hidden,
            ctx.books.party_of_exporter(e),
            booked=True,
        )
        return [row]
    net = smuggled_lot(rng, p)
    true_value = ctx.market_value(p, t, net)
    row = ctx.line(
        ring,
        decl,
        1,
        t,
        e,
        c,
        ring.cover,
        net,
        mode="sea",
        port=port,
        value_usd=true_value * rng.uniform(0.6, 0.9),
        true_product=p,
        true_value=true_value,
    )
    leak(
        ctx,
        ring,
        t - int(rng.integers(5, 25)),
        p,
        net,
        ctx.books.party_of_exporter(e),
        booked=False,
    )
    return [row]
