"""Diversion and undervaluation: relay buyers in hubs, and licensed goods declared cheap.

``hub_relay`` sends licensed goods to a relay buyer in a hub for US or Japanese end
users, the re-exports showing in the hub's statistics; ``price_shave`` declares licensed
goods below value and has the rest paid offshore.
"""

from __future__ import annotations

import numpy as np

from . import goods
from .goods import PRODUCTS
from .places import RELAY_HUBS
from .rings import Context, Ring, Row
from .shipping import (
    BUYER_COUNTRIES,
    current_licence,
    licensed_front,
    licensed_line,
    mode_for,
    pick,
    sector,
)
from .timeline import JAPAN_BAN


def setup_hub_relay(ctx: Context, ring: Ring) -> None:
    books, rng = ctx.books, ctx.rng
    ring.cover = ring.product
    ring.extra["mode"] = mode_for(rng, ring.product)
    hub = pick(rng, RELAY_HUBS)
    listed = [i for i, c in enumerate(books.consignees) if c.kind == "listed"]
    boss = listed[int(rng.integers(0, len(listed)))]
    if ring.faint:
        c = ctx.buyer(
            ring, hub, "distributor", "Trading", incorporated=-int(rng.integers(800, 5000))
        )
        mid = ctx.buyer(ring, pick(rng, ("HK", "SG", "AE")), "distributor", "Holdings")
        ring.consignees.remove(mid)
        books.relate(
            books.consignee_party(mid),
            books.consignee_party(c),
            "payer",
            ring.start - int(rng.integers(10, 90)),
        )
        books.relate(
            books.consignee_party(boss),
            books.consignee_party(mid),
            "shareholder",
            -int(rng.integers(100, 2000)),
            float(np.round(rng.uniform(0.2, 0.6), 2)),
        )
    else:
        inc = ring.start - int(rng.integers(30, 120))
        c = ctx.buyer(
            ring,
            hub,
            "distributor",
            "Trading",
            incorporated=inc,
            address=books.consignees[boss].address,
        )
        books.relate(books.consignee_party(boss), books.consignee_party(c), "owner", inc, 1.0)
    ring.extra["final"] = "JP" if ring.start >= JAPAN_BAN and rng.random() < 0.4 else "US"
    licensed_front(ctx, ring, recent=not ring.faint)


def ship_hub_relay(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    c = ring.consignees[0]
    net = (
        goods.QTY[p]
        * float(np.exp(rng.normal(0, 0.5)))
        * (0.4 if ring.extra["mode"] == "air" else 1.0)
    )
    lic = current_licence(ctx, ring, t, c, net)
    final = str(ring.extra["final"])
    row = licensed_line(ctx, ring, t, ring.front, c, net, lic, True, true_dest=final)
    if not ring.faint and rng.random() < 0.4:
        row["trade_country"] = final
    hub = ctx.books.consignees[c].country
    share = 1.0 if not ring.faint else rng.uniform(0.5, 0.8)
    ctx.books.relays.append(
        (
            hub,
            final,
            PRODUCTS[p].hs[:6],
            t + int(rng.integers(20, 60)),
            net * share,
            float(row["value_usd"]) * 1.35 * share,
        )
    )
    return [row]


# --- undervaluation ------------------------------------------------------------------------------


def setup_price_shave(ctx: Context, ring: Ring) -> None:
    books, rng = ctx.books, ctx.rng
    ring.cover = ring.product
    ring.extra["mode"] = mode_for(rng, ring.product)
    c = ctx.buyer(ring, pick(rng, BUYER_COUNTRIES), "end_user", sector(ring.product))
    if ring.faint:
        payer = ctx.buyer(ring, pick(rng, ("HK", "SG", "AE")), "distributor", "Holdings")
        ring.consignees.remove(payer)
        books.relate(
            books.consignee_party(payer),
            books.consignee_party(c),
            "payer",
            ring.start - int(rng.integers(5, 60)),
        )
    licensed_front(ctx, ring, recent=False)


def ship_price_shave(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    c = ring.consignees[0]
    net = (
        goods.QTY[p]
        * float(np.exp(rng.normal(0, 0.5)))
        * (0.4 if ring.extra["mode"] == "air" else 1.0)
    )
    true_value = ctx.market_value(p, t, net)
    domestic = float(goods.price_usd_kg(np.array([p]), np.array([t]), 0.0)[0]) * net
    value = domestic * (rng.uniform(0.95, 1.08) if ring.faint else rng.uniform(0.3, 0.5))
    lic = current_licence(ctx, ring, t, c, net)
    return [
        licensed_line(
            ctx, ring, t, ring.front, c, net, lic, True, value_usd=value, true_value=true_value
        )
    ]
