"""What every scheme needs to ship: buyers, ports, lots, licences and leaks.

Shared by the scheme modules so that smuggled lines are made the way honest ones are
(same prices, packing, wording, licence habits) and differ only where a scheme makes
them differ.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import goods, names
from .books import Licence
from .goods import PRODUCTS
from .licensing import end_use_for
from .places import REGIONS
from .rings import Context, Ring, Row

BUYER_COUNTRIES = ("US", "JP", "KR", "DE", "NL", "TW", "IN", "GB", "FR")
SECTOR = {
    "gallium": "Semiconductor",
    "germanium": "Optics",
    "antimony": "Chemicals",
    "tungsten": "Tooling",
    "graphite": "Battery Materials",
    "dysprosium": "Magnetics",
    "terbium": "Magnetics",
    "bismuth": "Electronics",
    "tellurium": "Solar",
    "indium": "Photonics",
    "yttrium": "Ceramics",
    "gadolinium": "Ceramics",
}
CONTROL_PRODUCT = {p.control: i for i, p in enumerate(PRODUCTS) if p.kind == "C"}
GROUP_OF = {k: g for g, keys in goods.ELEMENT_GROUPS.items() for k in keys}


def pick(rng: np.random.Generator, seq: tuple[str, ...] | list[str]) -> str:
    return seq[int(rng.integers(0, len(seq)))]


def home_region(rng: np.random.Generator, product: int) -> int:
    group = GROUP_OF.get(PRODUCTS[product].key, "")
    pool = [i for i, r in enumerate(REGIONS) if group in r.elements] or list(range(len(REGIONS)))
    return int(pool[int(rng.integers(0, len(pool)))])


def sector(product: int) -> str:
    return SECTOR.get(PRODUCTS[product].element, "Materials")


def mode_for(rng: np.random.Generator, product: int) -> str:
    if PRODUCTS[product].usd > 150 and rng.random() < 0.6:
        return "air"
    return "sea"


def smuggled_lot(rng: np.random.Generator, product: int) -> float:
    """A misdeclared lot: precious metals by the hundred kilograms, bulk by the tonne."""
    if PRODUCTS[product].usd > 100:
        return float(goods.QTY[product] * rng.uniform(3.0, 10.0))
    return float(goods.QTY[product] * float(np.exp(rng.normal(0, 0.5))))


def leak(
    ctx: Context, ring: Ring, day: int, product: int, kg: float, to: str, booked: bool
) -> None:
    material = PRODUCTS[product].material or f"{PRODUCTS[product].element}:metal"
    ctx.books.leaks.append(
        (max(0, day), material, float(kg), to, booked, PRODUCTS[product].element)
    )


def shuffle_lines(ctx: Context, rows: list[Row]) -> list[Row]:
    """Line numbers of one declaration in no telling order."""
    order = ctx.rng.permutation(len(rows))
    for r, k in zip(rows, order, strict=True):
        r["line"] = int(k) + 1
    return rows


def ring_port(ctx: Context, ring: Ring, exporter: int, mode: str, country: str) -> str:
    if ring.extra.get("far_port") and mode == "sea":
        home = REGIONS[ctx.books.exporters[exporter].region].sea
        far = [
            p for p in ("CNSHA", "CNNGB", "CNTAO", "CNTXG", "CNXMN", "CNDLC", "CNLYG") if p != home
        ]
        if not ring.port:
            ring.port = pick(ctx.rng, far)
        return ring.port
    return ctx.port_for(exporter, mode, country)


def any_buyer(ctx: Context, ring: Ring) -> int:
    return ring.consignees[int(ctx.rng.integers(0, len(ring.consignees)))]


def licensed_front(ctx: Context, ring: Ring, recent: bool) -> int:
    e = ctx.front(ring, "licensed", recent=recent, day=ring.start)
    ctx.books.exporters[e].slots = [ring.product]
    return e


def new_licence(
    ctx: Context,
    ring: Ring,
    exporter: int,
    consignee: int,
    issued: int,
    valid: int,
    qty: float,
    product: int | None = None,
) -> int:
    prod = PRODUCTS[ring.product if product is None else product]
    cons = ctx.books.consignees[consignee]
    issued = max(issued, prod.effective + 1)  # no licence before its item was controlled
    valid = max(valid, issued + 30)
    lic = Licence(
        licence_no=ctx.serials.new(issued, ctx.books.exporters[exporter].region),
        issued=issued,
        valid_until=valid,
        exporter=exporter,
        control=prod.control,
        hs=prod.hs,
        quantity_kg=float(np.ceil(qty / 10) * 10),
        consignee=consignee,
        end_user=cons.name
        if ctx.rng.random() < 0.5
        else names.foreign_company(ctx.rng, cons.country, cons.sector or None),
        end_use=end_use_for(prod.element, ctx.rng),
    )
    u = ctx.rng.random()
    lic.write_control, lic.write_hs = (
        (True, True) if u < 0.7 else ((False, True) if u < 0.9 else (True, False))
    )
    ctx.books.licences.append(lic)
    ring.licences.append(len(ctx.books.licences) - 1)
    return len(ctx.books.licences) - 1


def licensed_line(
    ctx: Context,
    ring: Ring,
    t: int,
    e: int,
    c: int,
    net: float,
    lic: int | None,
    fraud: bool,
    licence_text: str | None = None,
    *,
    mode: str | None = None,
    port: str | None = None,
    **extra: Any,
) -> Row:
    mode = mode or str(ring.extra.get("mode", "sea"))
    if port is None:
        port = (
            ring.port
            if ring.port and mode == "sea"
            else ctx.port_for(e, mode, ctx.books.consignees[c].country)
        )
    row = ctx.line(
        ring, ctx.decl(), 1, t, e, c, ring.product, net, mode=mode, port=port, fraud=fraud, **extra
    )
    if lic is not None:
        L = ctx.books.licences[lic]
        row["licence"] = L.licence_no if licence_text is None else licence_text
        row["end_user"] = L.end_user if ctx.rng.random() < 0.8 else ""
        row["end_use"] = L.end_use if ctx.rng.random() < 0.7 else ""
    elif licence_text:
        row["licence"] = licence_text
    return row


def allowed_modes(product: int, country: str) -> list[str]:
    """Modes the goods travel by that reach the country (as honest trade would use)."""
    from .places import COUNTRY_INDEX, MODE_COMPAT

    ok = goods.MODE_OK[product] & MODE_COMPAT[COUNTRY_INDEX[country]]
    return [
        m for m, flag in zip(goods.MODES, ok, strict=True) if flag and m not in ("post", "express")
    ] or ["sea"]


def current_licence(ctx: Context, ring: Ring, t: int, consignee: int, need: float) -> int:
    books = ctx.books
    lic = ring.extra.get("lic")
    if isinstance(lic, int):
        L = books.licences[lic]
        used = float(ring.extra.get("used", 0.0))
        fits = L.issued <= t <= L.valid_until and used + need <= L.quantity_kg
        if fits and L.status == "valid" and L.exporter == ring.front:
            ring.extra["used"] = used + need
            return lic
    lic = new_licence(
        ctx,
        ring,
        ring.front,
        consignee,
        t - int(ctx.rng.integers(10, 40)),
        t + 330,
        need * ctx.rng.uniform(6, 15),
    )
    ring.extra["lic"], ring.extra["used"] = lic, need
    return lic
