"""Fraud: twelve schemes run by rings, each leaving its own (sometimes faint) traces.

Owns the fraudulent lines (and the honest cover lines travelling with them), the rings
and their successive identities, the licences the licence schemes abuse and the
parties and links the transshipment and network schemes need. Each scheme has a strong
and a faint variant; the faint one leaves little more than a statistical trace.

misdeclaration: ``ordinary_cover``, ``sibling_code``, ``alloy_disguise``, ``undervalued``;
concealment: ``gross_surplus``, ``mixed_consignment``; licences: ``forged_licence``,
``borrowed_licence``, ``overdrawn_licence``, ``stale_licence``; transshipment:
``hub_shell``; networks: ``parcel_swarm``. Adaptive rings switch to a new identity
(exporter, name, port, sometimes broker) once an inspection has caught them; that
switch is applied in :mod:`fourteenthworld.world`, after the inspection history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fourteenthworld import text
from fourteenthworld.actors import (
    AIR_PORTS,
    EXPRESS_PORTS,
    POST_PORTS,
    ROAD_PORTS,
    SEA_PORTS,
    Actors,
    Consignee,
)
from fourteenthworld.declaring import DECL_COLUMNS, describe, quantity_of, specify
from fourteenthworld.goods import DAYS, FAMILY_REGIONS, GOODS, INDEX, date_of, day_of, fx_per_usd
from fourteenthworld.honest import frame_of
from fourteenthworld.licensing import Book

Rng = np.random.Generator

#: Scheme -> share of the fraudulent lines.
WEIGHTS: dict[str, float] = {
    "ordinary_cover": 0.10,
    "sibling_code": 0.09,
    "alloy_disguise": 0.07,
    "undervalued": 0.09,
    "gross_surplus": 0.08,
    "mixed_consignment": 0.07,
    "forged_licence": 0.07,
    "borrowed_licence": 0.07,
    "overdrawn_licence": 0.08,
    "stale_licence": 0.07,
    "hub_shell": 0.10,
    "parcel_swarm": 0.11,
}
SCHEMES: tuple[str, ...] = tuple(WEIGHTS)

RESULT: dict[str, str] = {
    "ordinary_cover": "misdeclared",
    "sibling_code": "misdeclared",
    "alloy_disguise": "misdeclared",
    "undervalued": "undervalued",
    "gross_surplus": "concealed",
    "mixed_consignment": "concealed",
    "forged_licence": "unlicensed",
    "borrowed_licence": "unlicensed",
    "overdrawn_licence": "unlicensed",
    "stale_licence": "unlicensed",
    "hub_shell": "diverted",
    "parcel_swarm": "misdeclared",
}

COVER: dict[str, str] = {
    "ga_metal": "sn_ingot",
    "ge_metal": "si_metal",
    "sb_ingot": "zn_ingot",
    "bi_ingot": "pb_sb_alloy",
    "w_apt": "zno",
    "dy_oxide": "ce_oxide",
    "tb_oxide": "ce_oxide",
    "te_metal": "sn_ingot",
}
SIBLING: dict[str, str] = {
    "sb_oxide_hp": "sb_oxide_std",
    "w_rod": "w_cu_alloy",
    "ge_dioxide": "zro2",
    "dy_oxide": "nd_oxide",
    "tb_oxide": "nd_oxide",
    "gd_oxide": "la_oxide",
    "y_oxide": "la_oxide",
}
ALLOY: dict[str, tuple[str, str, str]] = {
    "sb_ingot": ("pb_sb_alloy", "含锑 Sb 55%", "Sb 55%"),
    "ga_metal": ("al_alloy", "含镓 Ga 30%", "Ga 30% master alloy"),
    "w_rod": ("fe_w", "W 96%", "W 96%"),
    "bi_ingot": ("solder", "Bi58Sn42", "Bi58Sn42 low-melting"),
    "dy_oxide": ("ndfeb_magnet", "镝铁合金 DyFe80", "DyFe 80% alloy"),
}
HIDDEN = ("ga_metal", "ge_metal", "sb_ingot", "tb_oxide", "dy_oxide", "w_apt", "sc_oxide")
SURPLUS_COVER = ("zn_ingot", "al_ingot", "fe_si", "si_metal", "ceramic", "tio2", "gr_electrode")
SMALL = ("ga_metal", "ge_metal", "tb_oxide", "sc_oxide", "lu_oxide", "inp_wafer")
LICENSED = (
    "ga_metal",
    "ge_metal",
    "ge_dioxide",
    "sb_ingot",
    "sb_oxide_hp",
    "w_apt",
    "w_oxide",
    "bi_ingot",
    "te_metal",
    "dy_oxide",
    "tb_oxide",
    "gr_spherical",
    "mo_powder",
)
DIVERTED = (
    "ga_metal",
    "ge_metal",
    "ge_dioxide",
    "sb_ingot",
    "gaas_wafer",
    "w_rod",
    "dy_oxide",
    "tb_oxide",
    "inp_wafer",
)
HUB_COUNTRIES = ("VN", "MY", "TH", "AE", "TR", "KZ", "KG", "AM")
#: The US ban in principle on Ga, Ge, Sb (2024 No.46 art.2) and its suspension.
BAN = (day_of(dt.date(2024, 12, 3)), day_of(dt.date(2025, 11, 8)))
JP_RULE = day_of(dt.date(2026, 1, 6))


@dataclass
class Identity:
    """One face of a ring: the exporter customs sees, its port and its broker."""

    exporter_id: str
    name: str
    port: str
    declarant: str
    region: str
    senders: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Ring:
    ring: int
    scheme: str
    mode: str
    identities: list[Identity]


@dataclass
class Ctx:
    rng: Rng
    actors: Actors
    fair: np.ndarray
    book: Book
    next_decl: int
    rows: list[dict[str, object]] = field(default_factory=list)
    rings: list[Ring] = field(default_factory=list)


def _ports(mode: str, country: str) -> tuple[str, ...]:
    if mode == "sea":
        return ("CNSZX", "CNXMN", "CNNGB", "CNSHA", "CNTAO", "CNCAN", "CNFCG", "CNYTN")
    if mode == "air":
        return tuple(sorted(set(AIR_PORTS.values())))
    if mode == "road":
        return ROAD_PORTS.get(country, ("CNPXG", "CNDXG"))
    if mode == "post":
        return POST_PORTS
    return EXPRESS_PORTS


def _front(
    ctx: Ctx, region: str, family: str, boss: str, phone: str, since: int
) -> tuple[str, str]:
    """A domestic front company directed by ``boss``: (exporter id, Chinese name)."""
    rng = ctx.rng
    zh, en = text.company_name(rng, region, family)
    exporter_id = text.uscc(rng, region)
    inc = date_of(since - int(rng.integers(20, 200)))
    pid = ctx.actors.registry.add(
        "company",
        zh,
        alt_names=en,
        country="CN",
        address=text.domestic_address(rng, region),
        phone=phone if rng.random() < 0.7 else text.cn_phone(rng, mobile=False),
        registration_id=exporter_id,
        incorporated_at=inc.isoformat(),
    )
    ctx.actors.registry.relate(boss, pid, "director" if rng.random() < 0.6 else "shareholder", inc)
    return exporter_id, zh


def _ring(
    ctx: Ctx, scheme: str, mode: str, good: int, since: int, n_ids: int, country: str = "HK"
) -> Ring:
    """A ring with ``n_ids`` successive identities sharing a boss and a phone."""
    rng = ctx.rng
    family = GOODS[good].family
    region = text.pick(rng, FAMILY_REGIONS[family])
    boss_zh, boss_en = text.person_name(rng)
    phone = text.cn_phone(rng, mobile=True)
    boss = ctx.actors.registry.add("person", boss_zh, alt_names=boss_en, country="CN", phone=phone)
    ports = _ports(mode, country)
    offset = int(rng.integers(len(ports)))
    identities = []
    for k in range(n_ids):
        exporter_id, name = _front(ctx, region, family, boss, phone, since)
        broker = ctx.actors.brokers[int(rng.integers(len(ctx.actors.brokers)))][0]
        identities.append(
            Identity(exporter_id, name, ports[(offset + k) % len(ports)], broker, region)
        )
    ring = Ring(len(ctx.rings), scheme, mode, identities)
    ctx.rings.append(ring)
    return ring


def _days(ctx: Ctx, good: int, n: int, lo: int | None = None, hi: int | None = None) -> np.ndarray:
    """Sorted days of a ring's activity, after the control on ``good`` took effect."""
    rng = ctx.rng
    eff = GOODS[good].effective_day
    lo = max(0, eff + 7) if lo is None else lo
    hi = DAYS - 1 if hi is None else hi
    start = int(rng.integers(lo, max(lo + 1, hi - 60)))
    span = int(rng.integers(90, 420))
    return np.sort(np.minimum(start + rng.integers(0, span, size=n), hi))


def _consignee(ctx: Ctx, countries: tuple[str, ...], since: int) -> Consignee:
    """An overseas front: a newly registered trading company."""
    rng = ctx.rng
    country = text.pick(rng, countries)
    name = text.foreign_name(rng, country, text.pick(rng, ("Trading", "Metals", "Resources")))
    address = text.foreign_address(rng, country)
    pid = ctx.actors.registry.add(
        "company",
        name,
        country=country,
        address=address,
        phone=text.foreign_phone(rng, country),
        incorporated_at=date_of(since - int(rng.integers(30, 180))).isoformat(),
    )
    return Consignee(name, country, address, pid, name, (("USD", 1.0),))


def _some_consignee(ctx: Ctx) -> Consignee:
    cons = ctx.actors.consignees
    return cons[int(ctx.rng.integers(len(cons)))]


def _line(
    ctx: Ctx,
    *,
    ring: Ring,
    decl: int,
    line_no: int,
    day: int,
    sec: int,
    scheme: str,
    cons: Consignee,
    declared: int,
    kg: float,
    usd: float,
    true_good: int,
    true_kg: float,
    prefix: tuple[str, str] = ("", ""),
    extra: tuple[str, str] = ("", ""),
    gross: float | None = None,
    licence: str = "",
    cite: str | None = None,
    adaptive: bool = True,
    end_user: str | None = None,
) -> None:
    rng = ctx.rng
    g = GOODS[declared]
    ident = ring.identities[0]
    style = int(rng.integers(0, 4))
    currency = "USD" if rng.random() < 0.85 else ("CNY" if rng.random() < 0.7 else "HKD")
    fx = float(fx_per_usd(currency, np.array([day]))[0])
    if gross is None:
        gross = kg * g.pack * float(np.exp(rng.normal(0.0, 0.005)))
    row: dict[str, object] = dict.fromkeys(DECL_COLUMNS)
    row.update(
        line_no=line_no,
        port=ident.port,
        mode=ring.mode,
        exporter_id=ident.exporter_id,
        exporter_name=ident.name,
        declarant_id=ident.declarant,
        consignee_name=cons.name,
        consignee_address=cons.address,
        consignee_country=cons.country,
        destination_country=cons.country,
        trade_country=cons.country,
        end_user_name=end_user
        if end_user is not None
        else (cons.end_user if g.controlled else None),
        end_use=g.use if g.controlled else None,
        hs_code=g.hs,
        description=describe(g, style, *prefix),
        specification=specify(g, style, g.use, *extra),
        quantity=quantity_of(g, kg),
        unit=g.unit,
        net_weight_kg=round(kg, 3),
        gross_weight_kg=f"{gross:.2f}",
        value=round(usd * fx, 2),
        currency=currency,
        license_no=cite,
        origin_region=ident.region,
        _decl=decl,
        _day=int(day),
        _sec=sec,
        _scheme=scheme,
        _trap="",
        _ring=ring.ring,
        _good=true_good,
        _true_kg=round(true_kg, 3),
        _fair_usd=float(ctx.fair[true_good, day]) * true_kg,
        _result=RESULT.get(scheme, ""),
        _licence=licence,
        _adaptive=adaptive,
        _doc_decl=decl,
    )
    ctx.rows.append(row)


def _decl(ctx: Ctx) -> int:
    ctx.next_decl += 1
    return ctx.next_decl - 1


def _sec(ctx: Ctx) -> int:
    return int(ctx.rng.integers(8 * 3600, 21 * 3600))


def _split(rng: Rng, n: int, per_ring: int) -> list[int]:
    """``n`` lines in rings of about ``per_ring``."""
    rings = max(1, round(n / per_ring))
    cuts = np.sort(rng.choice(np.arange(1, n), size=min(rings - 1, max(n - 1, 0)), replace=False))
    return [int(x) for x in np.diff(np.concatenate([[0], cuts, [n]])) if x > 0]


def _price(ctx: Ctx, good: int, day: int) -> float:
    return float(ctx.fair[good, day]) * float(np.exp(ctx.rng.normal(0.0, 0.08)))


def _kg(ctx: Ctx, good: int, scale: float = 1.0) -> float:
    g = GOODS[good]
    kg = g.median_kg * scale * float(np.exp(ctx.rng.normal(0.0, 0.6)))
    if g.unit in ("pcs", "set"):
        kg = max(1, round(kg / g.per_unit)) * g.per_unit
    if g.unit == "t":
        kg = max(round(kg / 1000.0, 3), 0.001) * 1000.0
    return kg


# --- misdeclaration ----------------------------------------------------------------------


def ordinary_cover(ctx: Ctx, n: int) -> None:
    """Controlled metal declared as the ordinary metal it resembles, at that metal's price
    (faint) or at a price no such metal fetches (strong)."""
    rng = ctx.rng
    for size in _split(rng, n, 18):
        true = INDEX[text.pick(rng, tuple(COVER))]
        cover = INDEX[COVER[GOODS[true].key]]
        days = _days(ctx, true, size)
        ring = _ring(
            ctx, "ordinary_cover", "sea" if rng.random() < 0.8 else "air", true, int(days[0]), 4
        )
        buyers = [
            _some_consignee(ctx)
            if rng.random() < 0.6
            else _consignee(ctx, ("HK", "VN", "MY"), int(days[0]))
            for _ in range(3)
        ]
        loud = rng.random() < 0.3
        for day in days:
            kg = _kg(ctx, true, 2.0)
            price = _price(ctx, cover, int(day)) * (
                rng.uniform(3, 10) if loud else rng.uniform(0.9, 1.2)
            )
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="ordinary_cover",
                cons=buyers[int(rng.integers(3))],
                declared=cover,
                kg=kg,
                usd=price * kg,
                true_good=true,
                true_kg=kg,
            )


def sibling_code(ctx: Ctx, n: int) -> None:
    """A controlled grade declared under the uncontrolled sibling code; the strong variant
    still states the true grade in the declared elements."""
    rng = ctx.rng
    for size in _split(rng, n, 16):
        true = INDEX[text.pick(rng, tuple(SIBLING))]
        declared = INDEX[SIBLING[GOODS[true].key]]
        days = _days(ctx, true, size)
        ring = _ring(
            ctx, "sibling_code", "sea" if rng.random() < 0.6 else "air", true, int(days[0]), 3
        )
        buyers = [_some_consignee(ctx) for _ in range(2)]
        loud = rng.random() < 0.4
        spec = (GOODS[true].spec_zh, GOODS[true].spec_en) if loud else ("", "")
        for day in days:
            kg = _kg(ctx, true)
            usd = _price(ctx, declared, int(day)) * rng.uniform(1.0, 2.2) * kg
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="sibling_code",
                cons=buyers[int(rng.integers(2))],
                declared=declared,
                kg=kg,
                usd=usd,
                true_good=true,
                true_kg=kg,
                extra=spec,
            )


def alloy_disguise(ctx: Ctx, n: int) -> None:
    """The controlled metal turned into an 'alloy' of an ordinary metal, mostly itself."""
    rng = ctx.rng
    for size in _split(rng, n, 15):
        key = text.pick(rng, tuple(ALLOY))
        true = INDEX[key]
        declared_key, extra_zh, extra_en = ALLOY[key]
        declared = INDEX[declared_key]
        days = _days(ctx, true, size)
        ring = _ring(ctx, "alloy_disguise", "sea", true, int(days[0]), 3)
        buyers = [_some_consignee(ctx), _consignee(ctx, ("HK", "AE", "TR"), int(days[0]))]
        loud = rng.random() < 0.5
        for day in days:
            kg = _kg(ctx, true, 1.5)
            share = rng.uniform(0.5, 0.95)
            usd = _price(ctx, declared, int(day)) * rng.uniform(1.0, 1.8) * kg
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="alloy_disguise",
                cons=buyers[int(rng.integers(2))],
                declared=declared,
                kg=kg,
                usd=usd,
                true_good=true,
                true_kg=kg * share,
                extra=(extra_zh, extra_en) if loud else ("", ""),
            )


def undervalued(ctx: Ctx, n: int) -> None:
    """Right goods, right code, own valid licence; the value a fraction of the market's
    (strong) or about the domestic price (faint)."""
    rng = ctx.rng
    for size in _split(rng, n, 16):
        true = INDEX[text.pick(rng, LICENSED)]
        days = _days(ctx, true, size)
        ring = _ring(
            ctx, "undervalued", "sea" if rng.random() < 0.7 else "air", true, int(days[0]), 1
        )
        buyers = [_some_consignee(ctx) for _ in range(2)]
        low, high = (0.2, 0.55) if rng.random() < 0.6 else (0.6, 0.8)
        for day in days:
            kg = _kg(ctx, true)
            usd = _price(ctx, true, int(day)) * rng.uniform(low, high) * kg
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="undervalued",
                cons=buyers[int(rng.integers(2))],
                declared=true,
                kg=kg,
                usd=usd,
                true_good=true,
                true_kg=kg,
                licence="own",
                adaptive=False,
            )


# --- concealment ---------------------------------------------------------------------------


def gross_surplus(ctx: Ctx, n: int) -> None:
    """Controlled metal hidden under a container of ordinary goods: the gross weight
    carries the surplus (3-15 %, or 1.5-4 % in the faint variant)."""
    rng = ctx.rng
    for size in _split(rng, n, 14):
        true = INDEX[text.pick(rng, HIDDEN)]
        cover = INDEX[text.pick(rng, SURPLUS_COVER)]
        days = _days(ctx, true, size)
        ring = _ring(ctx, "gross_surplus", "sea", true, int(days[0]), 3)
        buyers = [_some_consignee(ctx), _consignee(ctx, ("HK", "VN", "MY", "TH"), int(days[0]))]
        low, high = (0.03, 0.15) if rng.random() < 0.6 else (0.015, 0.04)
        for day in days:
            kg = _kg(ctx, cover, 0.8)
            hidden = kg * rng.uniform(low, high)
            gross = kg * GOODS[cover].pack * float(np.exp(rng.normal(0.0, 0.005))) + hidden
            usd = _price(ctx, cover, int(day)) * kg
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="gross_surplus",
                cons=buyers[int(rng.integers(2))],
                declared=cover,
                kg=kg,
                usd=usd,
                true_good=true,
                true_kg=hidden,
                gross=gross,
            )


def mixed_consignment(ctx: Ctx, n: int) -> None:
    """One line of a forwarder's mixed consignment is controlled metal declared as
    hardware; the other lines are what they say."""
    rng = ctx.rng
    general = ("ceramic", "fasteners", "bearings", "hardware", "solder", "tio2", "zno")
    for size in _split(rng, n, 12):
        true = INDEX[text.pick(rng, (*SMALL[:4], "ge_metal"))]
        days = _days(ctx, true, size)
        ring = _ring(
            ctx,
            "mixed_consignment",
            "sea" if rng.random() < 0.7 else "rail",
            true,
            int(days[0]),
            3,
            "DE",
        )
        buyers = [_consignee(ctx, ("HK", "VN", "AE", "KG"), int(days[0])), _some_consignee(ctx)]
        for day in days:
            decl = _decl(ctx)
            sec = _sec(ctx)
            cons = buyers[int(rng.integers(2))]
            n_lines = int(rng.integers(4, 13))
            hidden_at = int(rng.integers(1, n_lines + 1))
            for no in range(1, n_lines + 1):
                if no == hidden_at:
                    declared = INDEX[text.pick(rng, ("hardware", "fasteners", "bearings"))]
                    kg = _kg(ctx, true, 1.5)
                    usd = _price(ctx, declared, int(day)) * kg
                    _line(
                        ctx,
                        ring=ring,
                        decl=decl,
                        line_no=no,
                        day=int(day),
                        sec=sec,
                        scheme="mixed_consignment",
                        cons=cons,
                        declared=declared,
                        kg=kg,
                        usd=usd,
                        true_good=true,
                        true_kg=kg,
                    )
                else:
                    g = INDEX[text.pick(rng, general)]
                    kg = _kg(ctx, g, 0.3)
                    _line(
                        ctx,
                        ring=ring,
                        decl=decl,
                        line_no=no,
                        day=int(day),
                        sec=sec,
                        scheme="",
                        cons=cons,
                        declared=g,
                        kg=kg,
                        usd=_price(ctx, g, int(day)) * kg,
                        true_good=g,
                        true_kg=kg,
                    )


# --- licences ------------------------------------------------------------------------------


def forged_licence(ctx: Ctx, n: int) -> None:
    """Controlled goods, honestly described, citing a licence number nobody issued."""
    rng = ctx.rng
    for size in _split(rng, n, 14):
        true = INDEX[text.pick(rng, LICENSED)]
        days = _days(ctx, true, size)
        ring = _ring(
            ctx, "forged_licence", "sea" if rng.random() < 0.6 else "air", true, int(days[0]), 3
        )
        buyers = [_some_consignee(ctx), _consignee(ctx, HUB_COUNTRIES, int(days[0]))]
        numbers = [
            ctx.book.number(int(days[0]) - int(rng.integers(5, 90)), ring.identities[0].region)
            for _ in range(2)
        ]
        for day in days:
            kg = _kg(ctx, true)
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="forged_licence",
                cons=buyers[int(rng.integers(2))],
                declared=true,
                kg=kg,
                usd=_price(ctx, true, int(day)) * kg,
                true_good=true,
                true_kg=kg,
                licence="set",
                cite=numbers[int(rng.integers(2))],
            )


def borrowed_licence(ctx: Ctx, n: int) -> None:
    """A real licence cited for what it does not cover: another exporter's, or the
    ring's own for another item or another consignee."""
    rng = ctx.rng
    exporters = ctx.actors.exporters
    for size in _split(rng, n, 12):
        true = INDEX[text.pick(rng, LICENSED)]
        days = _days(ctx, true, size)
        ring = _ring(ctx, "borrowed_licence", "sea", true, int(days[0]), 1)
        ident = ring.identities[0]
        cons = _consignee(ctx, HUB_COUNTRIES, int(days[0]))
        variant = rng.random()
        issued = int(days[0]) - int(rng.integers(10, 60))
        total = 0.0
        kgs = [_kg(ctx, true) for _ in days]
        total = sum(kgs) * rng.uniform(1.3, 2.5)
        if variant < 0.4:  # another exporter's licence
            lender = exporters[int(rng.integers(len(exporters)))]
            other = _some_consignee(ctx)
            number = ctx.book.issue(
                exporter_id=lender.exporter_id,
                region=lender.region,
                good=true,
                quantity_kg=total,
                consignee=other.name,
                country=other.country,
                end_user=other.end_user,
                issued_day=issued,
                valid_day=issued + 364,
            )
        elif variant < 0.7:  # own licence for another item
            item = INDEX[text.pick(rng, tuple(k for k in LICENSED if k != GOODS[true].key))]
            number = ctx.book.issue(
                exporter_id=ident.exporter_id,
                region=ident.region,
                good=item,
                quantity_kg=total,
                consignee=cons.name,
                country=cons.country,
                end_user=cons.end_user,
                issued_day=issued,
                valid_day=issued + 364,
            )
        else:  # own licence for another consignee
            other = _some_consignee(ctx)
            number = ctx.book.issue(
                exporter_id=ident.exporter_id,
                region=ident.region,
                good=true,
                quantity_kg=total,
                consignee=other.name,
                country=other.country,
                end_user=other.end_user,
                issued_day=issued,
                valid_day=issued + 364,
            )
        for day, kg in zip(days, kgs, strict=True):
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="borrowed_licence",
                cons=cons,
                declared=true,
                kg=kg,
                usd=_price(ctx, true, int(day)) * kg,
                true_good=true,
                true_kg=kg,
                licence="set",
                cite=number,
                adaptive=False,
            )


def overdrawn_licence(ctx: Ctx, n: int) -> None:
    """The ring's own valid licence drawn beyond its quantity across declarations: only
    the lines past the limit are fraudulent."""
    rng = ctx.rng
    for size in _split(rng, n, 10):
        true = INDEX[text.pick(rng, LICENSED)]
        covered = int(rng.integers(max(2, size // 2), size + 3))
        total_lines = size + covered
        days = _days(ctx, true, total_lines)
        days = np.minimum(days, days[0] + 300)
        ring = _ring(
            ctx, "overdrawn_licence", "sea" if rng.random() < 0.7 else "air", true, int(days[0]), 1
        )
        ident = ring.identities[0]
        cons = (
            _some_consignee(ctx)
            if rng.random() < 0.6
            else _consignee(ctx, HUB_COUNTRIES, int(days[0]))
        )
        kgs = [_kg(ctx, true) for _ in days]
        cum = np.cumsum(kgs)
        quantity = float(cum[covered - 1]) * rng.uniform(1.0, 1.03)
        issued = int(days[0]) - int(rng.integers(3, 30))
        number = ctx.book.issue(
            exporter_id=ident.exporter_id,
            region=ident.region,
            good=true,
            quantity_kg=quantity,
            consignee=cons.name,
            country=cons.country,
            end_user=cons.end_user,
            issued_day=issued,
            valid_day=issued + 364,
        )
        for k, (day, kg) in enumerate(zip(days, kgs, strict=True)):
            over = cum[k] > quantity
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="overdrawn_licence" if over else "",
                cons=cons,
                declared=true,
                kg=kg,
                usd=_price(ctx, true, int(day)) * kg,
                true_good=true,
                true_kg=kg,
                licence="set",
                cite=number,
                adaptive=False,
            )


def stale_licence(ctx: Ctx, n: int) -> None:
    """The ring keeps shipping on its own licence after it expired or was revoked."""
    rng = ctx.rng
    for size in _split(rng, n, 10):
        true = INDEX[text.pick(rng, LICENSED)]
        eff = GOODS[true].effective_day
        legit = int(rng.integers(1, 6))
        last_expiring = DAYS - 160 - 364
        revoked = eff > last_expiring - 20 or rng.random() < 0.4
        top = DAYS - 260 if revoked else last_expiring
        issued = int(rng.integers(max(eff, -300), max(max(eff, -300) + 1, top)))
        ring = _ring(ctx, "stale_licence", "sea", true, max(issued, 0), 1)
        ident = ring.identities[0]
        cons = _some_consignee(ctx)
        valid = issued + 364
        cutoff = min(issued + int(rng.integers(60, 200)), DAYS - 160) if revoked else valid
        first = max(issued + 3, 0)
        before = np.sort(rng.integers(first, max(first + 1, cutoff), size=legit))
        after = np.sort(cutoff + rng.integers(3, 150, size=size))
        after = after[after < DAYS]
        kgs_after = [_kg(ctx, true) for _ in after]
        kgs_before = [_kg(ctx, true) for _ in before]
        quantity = (sum(kgs_before) + sum(kgs_after)) * rng.uniform(1.2, 2.0)
        number = ctx.book.issue(
            exporter_id=ident.exporter_id,
            region=ident.region,
            good=true,
            quantity_kg=quantity,
            consignee=cons.name,
            country=cons.country,
            end_user=cons.end_user,
            issued_day=issued,
            valid_day=valid,
            status="revoked" if revoked else "valid",
            status_day=cutoff if revoked else None,
        )
        for day, kg, scheme in [
            *((d, k, "") for d, k in zip(before, kgs_before, strict=True) if d >= 0),
            *((d, k, "stale_licence") for d, k in zip(after, kgs_after, strict=True)),
        ]:
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme=scheme,
                cons=cons,
                declared=true,
                kg=kg,
                usd=_price(ctx, true, int(day)) * kg,
                true_good=true,
                true_kg=kg,
                licence="set",
                cite=number,
                adaptive=False,
            )


# --- transshipment and networks --------------------------------------------------------------


def hub_shell(ctx: Ctx, n: int) -> None:
    """Licensed exports to a trading company newly set up in a third country, linked
    through people, payments or an address to a restricted end user abroad."""
    rng = ctx.rng
    registry = ctx.actors.registry
    watch = ctx.actors.watch
    for size in _split(rng, n, 14):
        true = INDEX[text.pick(rng, DIVERTED)]
        element = GOODS[true].material.split(":")[0]
        lo = hi = None
        if element in ("gallium", "germanium", "antimony") and rng.random() < 0.7:
            lo, hi = BAN
        days = _days(ctx, true, size, lo, hi)
        target = watch[int(rng.integers(len(watch)))]
        if target.country == "JP":
            days = np.maximum(days, JP_RULE)
        ring = _ring(
            ctx, "hub_shell", "sea" if rng.random() < 0.6 else "air", true, int(days[0]), 2
        )
        shells = [
            _consignee(ctx, HUB_COUNTRIES, int(days[0])) for _ in range(int(rng.integers(1, 3)))
        ]
        link = rng.random()
        since = date_of(int(days[0]) - int(rng.integers(10, 120)))
        for shell in shells:
            if link < 0.4:  # a shared director
                pz, pe = text.person_name(rng)
                person = registry.add("person", pe, alt_names=pz, country=shell.country)
                registry.relate(person, shell.party_id, "director", since)
                registry.relate(person, target.party_id, "employee", since)
            elif link < 0.7:  # payments by the end user
                registry.relate(target.party_id, shell.party_id, "payer", since)
            else:  # two hops: an agent between them
                agent = registry.add(
                    "company",
                    text.foreign_name(rng, "HK", "Holdings"),
                    country="HK",
                    address=text.foreign_address(rng, "HK"),
                )
                registry.relate(agent, shell.party_id, "shareholder", since, share=0.9)
                registry.relate(target.party_id, agent, "agent", since)
        loud = rng.random() < 0.25
        for day in days:
            kg = _kg(ctx, true)
            shell = shells[int(rng.integers(len(shells)))]
            end_user = text.pick(rng, tuple(target.alt_names)) if loud else shell.end_user
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="hub_shell",
                cons=shell,
                declared=true,
                kg=kg,
                usd=_price(ctx, true, int(day)) * kg,
                true_good=true,
                true_kg=kg,
                licence="own",
                end_user=end_user,
            )


def parcel_swarm(ctx: Ctx, n: int) -> None:
    """Many small parcels from senders sharing a phone and an address, each declared as
    solder, tin or hardware samples of trifling value."""
    rng = ctx.rng
    registry = ctx.actors.registry
    for size in _split(rng, n, 25):
        true = INDEX[text.pick(rng, SMALL)]
        mode = text.pick(rng, ("express", "express", "post", "passenger"))
        days = _days(ctx, true, size)
        ring = _ring(ctx, "parcel_swarm", mode, true, int(days[0]), 3)
        region = ring.identities[0].region
        phone = text.cn_phone(rng, mobile=True)
        address = text.domestic_address(rng, "440300")
        for ident in ring.identities:
            cohort: list[tuple[str, str]] = []
            for _ in range(int(rng.integers(4, 10))):
                zh, en = text.person_name(rng)
                rid = text.resident_id(rng, region)
                registry.add(
                    "person",
                    zh,
                    alt_names=en,
                    country="CN",
                    registration_id=rid,
                    phone=phone if rng.random() < 0.8 else text.cn_phone(rng, True),
                    address=address if rng.random() < 0.7 else text.domestic_address(rng, region),
                )
                cohort.append((rid, zh))
            ident.senders = cohort
        buyers = [_consignee(ctx, ("HK", "VN", "MY", "KR", "US"), int(days[0])) for _ in range(2)]
        for day in days:
            declared = INDEX[text.pick(rng, ("solder", "sn_ingot", "hardware"))]
            kg = float(rng.uniform(0.5, 25.0))
            if GOODS[true].unit == "pcs":
                kg = max(1, round(kg / 10.0 / GOODS[true].per_unit)) * GOODS[true].per_unit
            usd = float(rng.uniform(20.0, 300.0))
            _line(
                ctx,
                ring=ring,
                decl=_decl(ctx),
                line_no=1,
                day=int(day),
                sec=_sec(ctx),
                scheme="parcel_swarm",
                cons=buyers[int(rng.integers(2))],
                declared=declared,
                kg=kg,
                usd=usd,
                true_good=true,
                true_kg=kg,
                prefix=("样品", "sample ") if rng.random() < 0.5 else ("", ""),
            )


RUN = {
    "ordinary_cover": ordinary_cover,
    "sibling_code": sibling_code,
    "alloy_disguise": alloy_disguise,
    "undervalued": undervalued,
    "gross_surplus": gross_surplus,
    "mixed_consignment": mixed_consignment,
    "forged_licence": forged_licence,
    "borrowed_licence": borrowed_licence,
    "overdrawn_licence": overdrawn_licence,
    "stale_licence": stale_licence,
    "hub_shell": hub_shell,
    "parcel_swarm": parcel_swarm,
}


def build(ctx: Ctx, n_fraud: int) -> pl.DataFrame:
    """About ``n_fraud`` fraudulent lines (at least three per scheme), with their cover."""
    for scheme, weight in WEIGHTS.items():
        RUN[scheme](ctx, max(3, round(n_fraud * weight)))
    columns = {c: [r[c] for r in ctx.rows] for c in ctx.rows[0]}
    return frame_of(columns)


def sea_ports_of(region: str) -> tuple[str, ...]:
    return SEA_PORTS.get(region[:2], ("CNSHA",))
