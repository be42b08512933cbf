"""Misdeclaration: controlled goods under another code, a shaved grade, or a crude article.

(The traces each variant leaves are listed in :mod:`.schemes`.)

``code_cloak`` declares controlled metal or compound under a neighbouring uncontrolled
code; ``grade_shave`` shaves purity or form under the control threshold; and
``crude_article`` (invented here) casts the metal into a crude "finished article" of an
uncontrolled heading -- germanium ingots as lens blanks, terbium as magnets, tungsten as
fishing sinkers, antimony and bismuth as ornaments.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import goods
from .goods import INDEX, PRODUCTS
from .rings import Context, Ring, Row
from .shipping import BUYER_COUNTRIES, any_buyer, leak, pick, ring_port, shuffle_lines, smuggled_lot

CLOAK = {
    "ga_metal": "sn_ingot",
    "ge_metal": "si_metal",
    "ge_dioxide": "silica",
    "sb_metal": "pb_sb",
    "sb_oxide4n": "zno",
    "dy_oxide": "prnd_oxide",
    "tb_oxide": "prnd_oxide",
    "tb_metal": "nd_metal",
    "dy_metal": "nd_metal",
    "w_apt": "na_tungstate",
    "w_bar": "fe_w",
    "gr_spherical": "graphite_lump",
    "bi_metal": "sn_ingot",
}
#: true -> (declared, loud spec, faint spec), specs as 'zh~en'
GRADE = {
    "sb_oxide4n": (
        "sb_oxide_fr",
        "纯度:99.98%|电子级~99.98%, electronic grade",
        "纯度:99.5%~99.5%",
    ),
    "w_bar": ("w_alloy", "W 96.8%|棒材~W 96.8% bars", "W 93%|NiFe~W 93% NiFe"),
    "ge_metal": ("ge_residue", "Ge 45%|块状~Ge 45% lumps", "Ge 2%~Ge 2%"),
}
HIGH_TECH_USES = (
    "半导体衬底 semiconductor substrates",
    "红外制导光学 infrared seeker optics",
    "航空航天 aerospace components",
    "穿甲弹芯 penetrator cores",
)
ARTICLE = {
    "ge_metal": "ge_lens",
    "tb_metal": "ndfeb",
    "dy_metal": "ndfeb",
    "w_bar": "sinkers",
    "sb_metal": "metal_craft",
    "bi_metal": "metal_craft",
}


def setup_code_cloak(ctx: Context, ring: Ring) -> None:
    ring.cover = INDEX[CLOAK[PRODUCTS[ring.product].key]]
    ring.extra["mode"] = "air" if PRODUCTS[ring.product].usd > 150 else "sea"
    for _ in range(int(ctx.rng.integers(1, 3))):
        ctx.buyer(ring, pick(ctx.rng, BUYER_COUNTRIES), "distributor", "Metals")
    ctx.front(ring, "metals", recent=not ring.faint, day=ring.start)


def ship_code_cloak(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    e, c = ring.front, any_buyer(ctx, ring)
    mode = str(ring.extra["mode"])
    country = ctx.books.consignees[c].country
    port = ring_port(ctx, ring, e, mode, country)
    decl = ctx.decl()
    net = smuggled_lot(rng, p)
    true_value = ctx.market_value(p, t, net)
    if ring.faint:
        value = (
            float(goods.price_usd_kg(np.array([ring.cover]), np.array([t]), 0.0)[0])
            * net
            * rng.uniform(1.6, 3.0)
        )
    else:
        value = true_value * rng.uniform(0.7, 0.95)
    rows = [
        ctx.line(
            ring,
            decl,
            1,
            t,
            e,
            c,
            ring.cover,
            net,
            mode=mode,
            port=port,
            value_usd=value,
            true_product=p,
            true_value=true_value,
            mirror=p if not ring.faint else ring.cover,
        )
    ]
    if rng.random() < 0.35:
        honest_net = goods.QTY[ring.cover] * float(np.exp(rng.normal(0, 0.4)))
        rows.append(
            ctx.line(
                ring, decl, 2, t, e, c, ring.cover, honest_net, mode=mode, port=port, fraud=False
            )
        )
    leak(
        ctx,
        ring,
        t - int(rng.integers(3, 20)),
        p,
        net,
        ctx.books.party_of_exporter(e),
        booked=ring.faint,
    )
    return shuffle_lines(ctx, rows)


def setup_grade_shave(ctx: Context, ring: Ring) -> None:
    ring.cover = INDEX[GRADE[PRODUCTS[ring.product].key][0]]
    sec = {"antimony": "Semiconductor", "tungsten": "Aerospace", "germanium": "Optics"}[
        PRODUCTS[ring.product].element
    ]
    for _ in range(int(ctx.rng.integers(1, 3))):
        ctx.buyer(ring, pick(ctx.rng, BUYER_COUNTRIES), "end_user", sec)
    ctx.front(ring, "metals", recent=not ring.faint, day=ring.start)


def ship_grade_shave(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p = ctx.rng, ring.product
    e, c = ring.front, any_buyer(ctx, ring)
    mode = "sea" if PRODUCTS[p].usd < 100 else "air"
    port = ring_port(ctx, ring, e, mode, ctx.books.consignees[c].country)
    net = goods.QTY[p] * float(np.exp(rng.normal(0, 0.4))) * (0.4 if mode == "air" else 1.0)
    true_value = ctx.market_value(p, t, net)
    _, loud_spec, faint_spec = GRADE[PRODUCTS[p].key]
    if ring.faint:
        value = (
            float(goods.price_usd_kg(np.array([ring.cover]), np.array([t]), 0.0)[0])
            * net
            * rng.uniform(1.05, 1.4)
        )
        extra: dict[str, Any] = {"spec": faint_spec, "end_use": pick(rng, HIGH_TECH_USES)}
        leak(
            ctx,
            ring,
            t - int(rng.integers(3, 25)),
            p,
            net,
            ctx.books.party_of_exporter(e),
            booked=True,
        )
    else:
        value = true_value * rng.uniform(0.75, 0.95)
        extra = {"spec": loud_spec}
    decl = ctx.decl()
    return [
        ctx.line(
            ring,
            decl,
            1,
            t,
            e,
            c,
            ring.cover,
            net,
            mode=mode,
            port=port,
            value_usd=value,
            true_product=p,
            true_value=true_value,
            **extra,
        )
    ]


def setup_crude_article(ctx: Context, ring: Ring) -> None:
    rng = ctx.rng
    ring.cover = INDEX[ARTICLE[PRODUCTS[ring.product].key]]
    ring.extra["mode"] = "air" if PRODUCTS[ring.product].usd > 150 else "sea"
    if ring.faint:
        ctx.buyer(ring, pick(rng, BUYER_COUNTRIES), "distributor")
    else:
        ctx.buyer(ring, pick(rng, BUYER_COUNTRIES), "end_user", "Metals Refining")
    ctx.front(ring, "maker", recent=not ring.faint, day=ring.start)


def ship_crude_article(ctx: Context, ring: Ring, t: int) -> list[Row]:
    rng, p, cover = ctx.rng, ring.product, ring.cover
    e, c = ring.front, any_buyer(ctx, ring)
    mode = str(ring.extra["mode"])
    port = ring_port(ctx, ring, e, mode, ctx.books.consignees[c].country)
    net = goods.QTY[p] * float(np.exp(rng.normal(0, 0.4))) * (0.5 if mode == "air" else 0.3)
    true_value = ctx.market_value(p, t, net)
    cover_price = float(goods.price_usd_kg(np.array([cover]), np.array([t]), 0.0)[0])
    unit = PRODUCTS[cover].unit
    pieces = float("nan")
    if ring.faint:
        value = cover_price * net * rng.uniform(1.4, 2.2)
        if unit not in ("kg", "t"):
            pieces = float(max(1, round(net / (goods.KPU[cover] * rng.uniform(1.4, 2.2)))))
        ctx.books.idle_processors.append(
            (
                ctx.books.party_of_exporter(e),
                PRODUCTS[p].material,
                t - int(rng.integers(5, 20)),
                net,
            )
        )
    else:
        value = max(true_value * rng.uniform(0.6, 0.9), cover_price * net * 5)
        if unit not in ("kg", "t"):
            pieces = float(max(1, round(net / (goods.KPU[cover] * rng.uniform(15, 40)))))
        leak(
            ctx,
            ring,
            t - int(rng.integers(3, 20)),
            p,
            net,
            ctx.books.party_of_exporter(e),
            booked=False,
        )
    row = ctx.line(
        ring,
        ctx.decl(),
        1,
        t,
        e,
        c,
        cover,
        net,
        mode=mode,
        port=port,
        value_usd=value,
        true_product=p,
        true_value=true_value,
    )
    if unit not in ("kg", "t"):
        row["pieces"] = pieces
    return [row]
