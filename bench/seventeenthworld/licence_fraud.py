"""Licence fraud: no licence, a forged one, another exporter's, a stale one, an overdrawn
one, or a valid one used for another buyer.
"""

from __future__ import annotations

import numpy as np

from . import goods, names
from .goods import PRODUCTS
from .licensing import end_use_for
from .rings import Context, Ring, Row
from .shipping import (
    BUYER_COUNTRIES,
    CONTROL_PRODUCT,
    allowed_modes,
    any_buyer,
    current_licence,
    licensed_front,
    licensed_line,
    mode_for,
    new_licence,
    pick,
    sector,
)
from .timeline import END_DAY

LICENCE_GOODS = (
    "ga_metal",
    "ga_oxide",
    "ge_metal",
    "ge_dioxide",
    "gr_spherical",
    "gr_hp",
    "sb_metal",
    "sb_oxide4n",
    "w_apt",
    "w_carbide",
    "w_bar",
    "te_metal",
    "bi_metal",
    "dy_oxide",
    "tb_oxide",
    "tb_metal",
    "y_oxide",
    "gd_oxide",
    "in_phosphide",
)


def setup_licence_common(ctx: Context, ring: Ring) -> None:
    ring.cover = ring.product
    ring.extra["mode"] = mode_for(ctx.rng, ring.product)
    countries = (
        BUYER_COUNTRIES
        if ring.scheme != "ghost_licence" or ring.faint
        else ("US", "US", "JP", "KR", "TW", "DE")
    )
    ctx.buyer(ring, pick(ctx.rng, countries), "end_user", sector(ring.product))
    licensed_front(
        ctx, ring, recent=not ring.faint and ring.scheme in ("ghost_licence", "borrowed_licence")
    )


def ship_ghost_licence(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    e, c = ring.front, any_buyer(ctx, ring)
    net = (
        goods.QTY[p]
        * float(np.exp(rng.normal(0, 0.5)))
        * (0.4 if ring.extra["mode"] == "air" else 1.0)
    )
    text = None
    if ring.faint:
        real = [
            lic.licence_no
            for lic in ctx.books.licences
            if lic.control == PRODUCTS[p].control and lic.licence_no.startswith("LY")
        ]
        base = (
            real[int(rng.integers(0, len(real)))]
            if real
            else ctx.serials.new(t - 60, ctx.books.exporters[e].region)
        )
        text = _forge(rng, base, ctx.serials.used)
    row = licensed_line(ctx, ring, t, e, c, net, None, True, text)
    if ring.faint:
        row["end_use"] = end_use_for(PRODUCTS[p].element, rng)
    return [row]


def _forge(rng: np.random.Generator, base: str, used: set[str]) -> str:
    chars = list(base)
    while True:
        for _ in range(int(rng.integers(1, 3))):
            k = int(rng.integers(len(chars) - 6, len(chars)))
            chars[k] = str(int(rng.integers(0, 10)))
        forged = "".join(chars)
        if forged not in used:
            return forged


def setup_borrowed_licence(ctx: Context, ring: Ring) -> None:
    books, rng = ctx.books, ctx.rng
    ring.extra["mode"] = mode_for(rng, ring.product)
    ring.cover = ring.product
    pool = [
        i
        for i, lic in enumerate(books.licences)
        if lic.consignee >= 0
        and books.exporters[lic.exporter].ring < 0
        and lic.valid_until > ring.start + 30
    ]
    ring.extra["pool"] = pool
    if ring.faint and pool:
        lic = books.licences[pool[int(rng.integers(0, len(pool)))]]
        ring.product = CONTROL_PRODUCT[lic.control]
        ring.consignees = [lic.consignee]
        e = licensed_front(ctx, ring, recent=False)
        holder = books.exporters[lic.exporter]
        books.relate(
            books.person_party(holder.rep),
            books.party_of_exporter(e),
            "shareholder",
            ring.start - int(rng.integers(100, 900)),
            float(np.round(rng.uniform(0.3, 0.7), 2)),
        )
        ring.extra["holder"] = lic.exporter
    else:
        ctx.buyer(
            ring,
            pick(rng, (*BUYER_COUNTRIES, "AE", "TR", "VN")),
            "distributor",
            sector(ring.product),
        )
        licensed_front(ctx, ring, recent=True)


def ship_borrowed_licence(ctx: Context, ring: Ring, t: int) -> list[Row]:
    books, rng = ctx.books, ctx.rng
    pool = ring.extra.get("pool", [])
    assert isinstance(pool, list)
    holder = ring.extra.get("holder")
    valid = [
        i
        for i in pool
        if books.licences[i].issued <= t <= books.licences[i].valid_until
        and books.licences[i].status == "valid"
        and (holder is None or books.licences[i].exporter == holder)
    ]
    if not valid:
        valid = [
            i
            for i in pool
            if books.licences[i].issued <= t <= books.licences[i].valid_until
            and books.licences[i].status == "valid"
        ]
    if not valid:
        return []
    lic = valid[int(rng.integers(0, len(valid)))]
    L = books.licences[lic]
    ring.product = CONTROL_PRODUCT[L.control]
    c = L.consignee if ring.faint else any_buyer(ctx, ring)
    net = min(goods.QTY[ring.product] * float(np.exp(rng.normal(-0.5, 0.4))), 0.3 * L.quantity_kg)
    row = licensed_line(ctx, ring, t, ring.front, c, max(net, 1.0), lic, True)
    if not ring.faint:
        row["end_user"] = ""
    return [row]


def ship_stale_licence(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng = ctx.rng
    e, c = ring.front, any_buyer(ctx, ring)
    net = (
        goods.QTY[ring.product]
        * float(np.exp(rng.normal(0, 0.4)))
        * (0.4 if ring.extra["mode"] == "air" else 1.0)
    )
    revoked = rng.random() < 0.3
    if ring.faint:
        valid = t - int(rng.integers(1, 13))
        issued = valid - int(rng.integers(150, 330))
    else:
        valid = t - int(rng.integers(45, 200))
        issued = valid - int(rng.integers(150, 300))
    since = -1
    if revoked:
        since = t - (int(rng.integers(2, 16)) if ring.faint else int(rng.integers(40, 150)))
        valid = t + int(rng.integers(30, 200))
    lic = new_licence(ctx, ring, e, c, issued, valid, net * rng.uniform(2.0, 3.5))
    L = ctx.books.licences[lic]
    if not revoked and L.valid_until >= t:  # the control is too young to outstay a licence
        revoked, since = True, t - int(rng.integers(1, 16))
    if revoked:
        since = min(max(since, L.issued + 15), t - 1)
    rows = []
    legit_end = since - 1 if revoked else L.valid_until
    for _ in range(int(rng.integers(1, 3))):
        d = int(rng.integers(L.issued + 5, max(L.issued + 6, legit_end)))
        if 0 <= d <= END_DAY and d < t:
            rows.append(licensed_line(ctx, ring, d, e, c, net * rng.uniform(0.3, 0.6), lic, False))
    if revoked:
        L.status, L.status_since = "revoked", since
    rows.append(licensed_line(ctx, ring, t, e, c, net, lic, True))
    return rows


def ship_overdraw(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng = ctx.rng
    e, c = ring.front, any_buyer(ctx, ring)
    unit = goods.QTY[ring.product] * (0.4 if ring.extra["mode"] == "air" else 1.0)
    q = unit * rng.uniform(2.0, 8.0)
    lic = new_licence(ctx, ring, e, c, t - int(rng.integers(10, 40)), t + 300, q)
    q = ctx.books.licences[lic].quantity_kg
    rows = []
    drawn, d = 0.0, t
    if ring.faint:
        goal = q * rng.uniform(1.08, 1.25)
        country = ctx.books.consignees[c].country
        modes = allowed_modes(ring.product, country)
        while drawn < goal and d <= END_DAY:
            net = q * rng.uniform(0.15, 0.28)
            fraud = drawn + net > q
            mode = pick(rng, modes)
            port = None
            if mode == "sea" and rng.random() < 0.5:
                port = pick(rng, ("CNSHA", "CNNGB", "CNTAO", "CNSZX", "CNXMN"))
            rows.append(licensed_line(ctx, ring, d, e, c, net, lic, fraud, mode=mode, port=port))
            drawn += net
            d += int(rng.integers(5, 21))
    else:
        for _ in range(int(rng.integers(1, 3))):
            net = q * rng.uniform(0.25, 0.4)
            rows.append(licensed_line(ctx, ring, d, e, c, net, lic, False))
            drawn += net
            d += int(rng.integers(10, 40))
        for _ in range(int(rng.integers(1, 3))):
            if d > END_DAY:
                break
            net = q * rng.uniform(0.6, 1.0)
            rows.append(licensed_line(ctx, ring, d, e, c, net, lic, True))
            d += int(rng.integers(10, 30))
    return [r for r in rows if int(r["day"]) <= END_DAY]


def setup_end_user_swap(ctx: Context, ring: Ring) -> None:
    rng = ctx.rng
    ring.cover = ring.product
    ring.extra["mode"] = mode_for(rng, ring.product)
    home = pick(rng, ("DE", "JP", "KR", "NL", "FR", "GB", "IT"))
    root = pick(rng, names.ROOTS)
    legal = names.LEGAL.get(home, ("Ltd.",))[0]
    a = ctx.buyer(ring, home, "end_user", name=f"{root} {sector(ring.product)} {legal}")
    if ring.faint:
        b = ctx.buyer(
            ring,
            home,
            "distributor",
            name=f"{root} {pick(rng, ('Materials', 'Trading', 'Metals'))} {legal}",
        )
    else:
        b = ctx.buyer(ring, pick(rng, ("AE", "TR", "RU", "US", "HK", "KZ", "IN")), "distributor")
    ring.extra["licensed_to"], ring.extra["ships_to"] = a, b
    licensed_front(ctx, ring, recent=False)


def ship_end_user_swap(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng = ctx.rng
    a, b = int(ring.extra["licensed_to"]), int(ring.extra["ships_to"])
    net = (
        goods.QTY[ring.product]
        * float(np.exp(rng.normal(-0.3, 0.4)))
        * (0.4 if ring.extra["mode"] == "air" else 1.0)
    )
    lic = current_licence(ctx, ring, t, a, net)
    row = licensed_line(ctx, ring, t, ring.front, b, net, lic, True)
    row["end_user"] = (
        names.foreign_company(rng, ctx.books.consignees[b].country, sector(ring.product))
        if ring.faint
        else ctx.books.consignees[b].name
    )
    return [row]
