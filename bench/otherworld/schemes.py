"""Smuggling schemes, each labelled with its own name on the lines it makes fraudulent.

Two kinds. *Injected* schemes lodge new declarations: the fraudulent line sits at a
random position among zero to three ordinary cover lines of the exporter's trade.
*Rewrites* alter honest lines already in the trade (a licensed line undervalued or
short-weighed, an ordinary line carrying a hidden load). Which schemes leave evidence
in the data, and what evidence, is said per scheme; some leave almost none (a licence
obtained for a front with a false end-user statement looks like any other).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from . import licensing
from .actors import HUBS, Actors, add_consignees, add_senders
from .calendar import END, START, clamp_after, sample_days
from .names import respell
from .shipments import Catalogue, assemble, typical_kg

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

US_BAN = (np.datetime64("2024-12-03"), np.datetime64("2025-11-08"))
US_BAN_ELEMENTS = ("gallium", "germanium", "antimony")
ELEMENT_ZH = {
    "gallium": "镓",
    "germanium": "锗",
    "graphite": "石墨",
    "antimony": "锑",
    "tungsten": "钨",
    "tellurium": "碲",
    "bismuth": "铋",
    "dysprosium": "镝",
    "terbium": "铽",
    "yttrium": "钇",
    "samarium": "钐",
}
SYMBOL = {
    "gallium": "Ga",
    "germanium": "Ge",
    "graphite": "C",
    "antimony": "Sb",
    "tungsten": "W",
    "tellurium": "Te",
    "bismuth": "Bi",
    "dysprosium": "Dy",
    "terbium": "Tb",
    "yttrium": "Y",
    "samarium": "Sm",
}
SAMPLE_WORDS = ("样品", "金属样品", "sample", "test pieces", "配件", "spare parts")
PARCEL_COVER_HS = ("7326909000", "8504403090", "8544421100", "3924100000")
DENSE_ELEMENTS = ("antimony", "tungsten", "bismuth", "germanium", "gallium", "tellurium")


@dataclass
class Ctx:
    """What schemes share: the world so far and counters for new numbers."""

    rng: np.random.Generator
    cat: Catalogue
    actors: Actors
    licences: pl.DataFrame
    seq: int
    extra_licences: list[pl.DataFrame] = field(default_factory=list)
    licence_seq: int = 80_000

    def by_kind(self, kind: str) -> np.ndarray:
        return np.flatnonzero(self.actors.exp_kind == kind)


def _controlled_for(ctx: Ctx, exp: np.ndarray) -> np.ndarray:
    """A controlled product per exporter: a mineral trader's own, else any."""
    rng, cat = ctx.rng, ctx.cat
    items = ctx.actors.exp_items[exp]
    has = (items >= 0).sum(axis=1)
    slot = (rng.random(exp.size) * np.maximum(has, 1)).astype(int)
    own = items[np.arange(exp.size), slot] + cat.n_ordinary
    return np.where(has > 0, own, rng.choice(cat.controlled, size=exp.size))


def _after_control(
    ctx: Ctx,
    exp: np.ndarray,
    prod: np.ndarray,
    earliest: np.ndarray | None = None,
) -> np.ndarray:
    """Days after the product became licensable and the exporter existed."""
    lo = np.maximum(ctx.cat.licensable[prod], ctx.actors.exp_since[exp] + 20)
    if earliest is not None:
        lo = np.maximum(lo, earliest)
    lo = np.minimum(lo, END - 10)
    return clamp_after(ctx.rng, sample_days(ctx.rng, exp.size), lo)


def _exporters(ctx: Ctx, n: int, shares: dict[str, float]) -> np.ndarray:
    kinds = ctx.rng.choice(list(shares), size=n, p=np.array(list(shares.values())))
    out = np.empty(n, dtype=int)
    for k in np.unique(kinds):
        pool = ctx.by_kind(str(k))
        out[kinds == k] = ctx.rng.choice(pool, size=int((kinds == k).sum()))
    return out


def _customers(ctx: Ctx, exp: np.ndarray) -> np.ndarray:
    a = ctx.actors
    k = a.cus_start[exp + 1] - a.cus_start[exp]
    return a.cus_flat[a.cus_start[exp] + (ctx.rng.random(exp.size) * k).astype(int)]


def _modes(ctx: Ctx, prod: np.ndarray, con: np.ndarray) -> np.ndarray:
    expensive = ctx.cat.usd[prod] > 300
    mode = np.where(expensive & (ctx.rng.random(prod.size) < 0.6), "air", "sea")
    road = np.isin(ctx.actors.con_country[con], ["VN", "KZ", "KG", "RU"])
    return np.where(road & (ctx.rng.random(prod.size) < 0.4), "road", mode).astype(object)


def inject(
    ctx: Ctx,
    scheme: str,
    exp: np.ndarray,
    con: np.ndarray,
    day: np.ndarray,
    mode: np.ndarray,
    prod: np.ndarray,
    kg: np.ndarray,
    covers: bool = True,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """New declarations, one fraudulent line each among cover lines; returns lines and the
    positions of the fraudulent lines."""
    rng, cat = ctx.rng, ctx.cat
    n = exp.size
    ncover = rng.choice(4, size=n, p=[0.45, 0.25, 0.2, 0.1]) if covers else np.zeros(n, int)
    ncover = np.where(np.isin(mode, ["express", "post", "passenger"]), 0, ncover)
    nlines = ncover + 1
    pos = (rng.random(n) * nlines).astype(int)
    rep = np.repeat(np.arange(n), nlines)
    offset = np.arange(rep.size) - np.repeat(np.cumsum(nlines) - nlines, nlines)
    fraud = offset == pos[rep]
    sector = ctx.actors.exp_sector[exp][rep]
    ordinary = np.arange(cat.n_ordinary)
    cover = rng.choice(ordinary, size=rep.size)
    for s in np.unique(sector):
        pool = ordinary[cat.sector[: cat.n_ordinary] == s]
        rows = np.flatnonzero(sector == s)
        if pool.size:
            cover[rows] = rng.choice(pool, size=rows.size)
    line_prod = np.where(fraud, prod[rep], cover)
    cover_kg = typical_kg(cat, cover) * np.exp(rng.normal(0, 1.0, size=rep.size))
    line_kg = np.round(np.where(fraud, kg[rep], cover_kg), 2)
    lines = assemble(rng, cat, ctx.actors, exp, con, day, mode, nlines, line_prod, line_kg, ctx.seq)
    ctx.seq += n
    where = np.flatnonzero(fraud)
    lines["_scheme"][where] = scheme
    ctrl = line_prod[where] >= cat.n_ordinary
    english = ctx.actors.exp_english[exp]
    lines["end_use"][where] = np.where(
        ctrl, licensing.end_uses(cat, line_prod[where], english), NULL
    )
    lines["end_user_name"][where] = np.where(ctrl, lines["consignee_name"][where], NULL)
    return lines, where


def _new_licences(
    ctx: Ctx, exp: np.ndarray, prod: np.ndarray, con: np.ndarray, issued: np.ndarray, kg: np.ndarray
) -> np.ndarray:
    """Licences (looking proper) for these flows; returns their numbers."""
    numbers = licensing.licence_numbers(
        ctx.rng, issued, ctx.actors.exp_region[exp], ctx.licence_seq
    )
    ctx.licence_seq += exp.size
    quantity = np.ceil(kg * ctx.rng.uniform(1.2, 3.0, size=exp.size) / 100) * 100
    ctx.extra_licences.append(
        licensing.frame(
            ctx.rng,
            ctx.cat,
            ctx.actors,
            numbers,
            issued,
            issued + 364,
            exp,
            prod,
            con,
            quantity,
            ctx.actors.con_name[con],
            kg,
        )
    )
    return numbers


def _cite_new_licences(
    ctx: Ctx,
    lines: dict[str, np.ndarray],
    where: np.ndarray,
    licensed: np.ndarray,
    exp: np.ndarray,
    prod: np.ndarray,
    con: np.ndarray,
    issued: np.ndarray,
) -> None:
    """Issue proper-looking licences for the ``licensed`` fraudulent lines and cite them."""
    lines["license_no"][where[licensed]] = _new_licences(
        ctx,
        exp[licensed],
        prod[licensed],
        con[licensed],
        issued[licensed],
        lines["net_weight_kg"][where][licensed],
    )


def _controlled_kg(ctx: Ctx, prod: np.ndarray) -> np.ndarray:
    return typical_kg(ctx.cat, prod) * np.exp(ctx.rng.normal(0, 0.8, size=prod.size))


# --- licence fraud ---------------------------------------------------------------------


def unlicensed(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Controlled goods correctly declared, no licence cited. Evidence: the code itself."""
    exp = _exporters(ctx, n, {"rogue": 0.6, "mineral": 0.4})
    prod = _controlled_for(ctx, exp)
    con = _customers(ctx, exp)
    lines, _ = inject(
        ctx,
        "unlicensed",
        exp,
        con,
        _after_control(ctx, exp, prod),
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    return lines


def forged_licence(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """A licence number nobody issued: mostly the right form, some malformed."""
    exp = _exporters(ctx, n, {"rogue": 0.6, "mineral": 0.4})
    prod = _controlled_for(ctx, exp)
    con = _customers(ctx, exp)
    day = _after_control(ctx, exp, prod)
    lines, where = inject(
        ctx,
        "forged_licence",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    proper = licensing.licence_numbers(
        ctx.rng, lines["_day"][where], ctx.actors.exp_region[lines["_exp"][where]], 90_000
    )
    odd = np.array([s.replace("-", "").replace("DU", "DUL") for s in proper], dtype=object)
    lines["license_no"][where] = np.where(ctx.rng.random(where.size) < 0.7, proper, odd)
    return lines


def _pick_licences(ctx: Ctx, n: int) -> pl.DataFrame:
    used = ctx.licences.filter(pl.col("_drawn_kg") > 0)
    return used[ctx.rng.integers(0, used.height, size=n).tolist()]


def _within(day: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    ok = (day >= START) & (day <= END)
    return np.where(ok, day, fallback)


def stale_licence(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """A real licence of the exporter for this flow, cited after it expired (or before it
    was valid). Evidence: licence dates against the declaration date."""
    lic = _pick_licences(ctx, n)
    valid, issued = lic["valid_until"].to_numpy(), lic["issued_at"].to_numpy()
    late = valid + ctx.rng.integers(5, 150, size=n)
    early = issued - ctx.rng.integers(5, 60, size=n)
    day = np.where(ctx.rng.random(n) < 0.75, late, early)
    day = _within(day, _within(late, _within(early, valid + 1)))
    exp, prod, con = (lic[c].to_numpy() for c in ("_exp", "_prod", "_con"))
    day = np.where((day < START) | (day > END), np.clip(day, START, END), day)
    lines, where = inject(
        ctx, "stale_licence", exp, con, day, _modes(ctx, prod, con), prod, _controlled_kg(ctx, prod)
    )
    lines["license_no"][where] = lic["license_no"].to_numpy()
    return lines


def borrowed_licence(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """A real licence cited for a flow it does not cover: another exporter's, another
    product, or another consignee (often in a transit country)."""
    rng, cat = ctx.rng, ctx.cat
    lic = _pick_licences(ctx, n)
    exp, prod, con = (lic[c].to_numpy().copy() for c in ("_exp", "_prod", "_con"))
    kind = rng.choice(3, size=n, p=[0.4, 0.3, 0.3])
    exp = np.where(kind == 0, rng.choice(ctx.by_kind("rogue"), size=n), exp)
    other = rng.choice(cat.controlled, size=n)
    same = cat.element[other] == cat.element[prod]
    other = np.where(same, rng.choice(cat.controlled, size=n), other)
    prod = np.where(kind == 1, other, prod)
    hubs = np.flatnonzero(
        np.isin(ctx.actors.con_country, HUBS) & (ctx.actors.con_role == "customer")
    )
    con = np.where(kind == 2, rng.choice(hubs, size=n), con)
    issued, valid = lic["issued_at"].to_numpy(), lic["valid_until"].to_numpy()
    span = np.maximum((np.minimum(valid, END) - issued).astype(int), 1)
    day = np.clip(issued + (rng.random(n) * span).astype(int), START, END)
    day = np.maximum(day, ctx.actors.exp_since[exp] + 20)
    lines, where = inject(
        ctx,
        "borrowed_licence",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    lines["license_no"][where] = lic["license_no"].to_numpy()
    return lines


def overdrawn_licence(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Draws after a licence's quantity is used up. Evidence: cumulative declared kilograms
    against the licensed quantity."""
    lic = _pick_licences(ctx, n)
    exp, prod, con = (lic[c].to_numpy() for c in ("_exp", "_prod", "_con"))
    last, valid = lic["_last_day"].to_numpy(), lic["valid_until"].to_numpy()
    top = np.minimum(valid, END)
    span = np.maximum((top - last).astype(int), 1)
    day = np.clip(last + 1 + (ctx.rng.random(n) * span).astype(int), START, END)
    q, drawn = lic["quantity_kg"].to_numpy(), lic["_drawn_kg"].to_numpy()
    kg = (q - drawn) + ctx.rng.uniform(0.2, 0.6, size=n) * q
    lines, where = inject(ctx, "overdrawn_licence", exp, con, day, _modes(ctx, prod, con), prod, kg)
    lines["license_no"][where] = lic["license_no"].to_numpy()
    return lines


def no_end_user(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """A valid licence cited but the end user left blank (the goods go elsewhere).
    Evidence: the missing field on a controlled line."""
    lic = _pick_licences(ctx, n)
    exp, prod, con = (lic[c].to_numpy() for c in ("_exp", "_prod", "_con"))
    issued, valid = lic["issued_at"].to_numpy(), lic["valid_until"].to_numpy()
    span = np.maximum((np.minimum(valid, END) - issued).astype(int), 1)
    day = np.clip(issued + (ctx.rng.random(n) * span).astype(int), START, END)
    lines, where = inject(
        ctx,
        "no_end_user",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod) * 0.5,
    )
    lines["license_no"][where] = lic["license_no"].to_numpy()
    lines["end_user_name"][where] = None
    lines["end_use"][where] = np.where(
        ctx.rng.random(where.size) < 0.5, NULL, lines["end_use"][where]
    )
    return lines


# --- end use ---------------------------------------------------------------------------


def barred_end_user(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Controlled goods to a watchlisted party after its listing (its name respelled), or
    gallium, germanium, antimony to the US while that was banned. Some cite a licence
    issued before the party was listed."""
    rng, a = ctx.rng, ctx.actors
    watch = a.watch
    pick = rng.integers(0, len(watch), size=n)
    countries = np.array([watch[i]["country"] for i in pick], dtype=object)
    con = add_consignees(a.__dict__, rng, countries, "barred", np.full(n, START - 900))
    for c, i in zip(con, pick, strict=True):
        a.con_name[c] = respell(rng, str(watch[i]["name"]))
        a.con_address[c] = watch[i]["address"]
        a.con_watch[c] = i
    listed = np.array([watch[i]["listed_at"] for i in pick]).astype("datetime64[D]")
    exp = _exporters(ctx, n, {"mineral": 0.5, "rogue": 0.5})
    prod = _controlled_for(ctx, exp)
    day = _after_control(ctx, exp, prod, listed + rng.integers(10, 300, size=n))
    us = rng.random(n) < 0.3
    ga = np.flatnonzero(np.isin(ctx.cat.element[ctx.cat.controlled], US_BAN_ELEMENTS))
    prod = np.where(us, ctx.cat.controlled[rng.choice(ga, size=n)], prod)
    us_con = np.flatnonzero((a.con_country == "US") & (a.con_role == "industrial"))
    con = np.where(us, rng.choice(us_con, size=n), con)
    ban_span = (US_BAN[1] - US_BAN[0]).astype(int)
    day = np.where(us, US_BAN[0] + (rng.random(n) * ban_span).astype(int), day)
    day = np.maximum(day, a.exp_since[exp] + 20)
    lines, where = inject(
        ctx,
        "barred_end_user",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    licensed = (rng.random(n) < 0.4) & (a.exp_kind[exp] == "mineral")
    issued = np.where(us, US_BAN[0], listed) - rng.integers(20, 120, size=n)
    _cite_new_licences(ctx, lines, where, licensed, exp, prod, con, issued)
    return lines


# --- misdeclaration --------------------------------------------------------------------


def false_code(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Controlled material declared under an uncontrolled code. The description leaks the
    element in a quarter of cases; half declare the cover's price, half the true value."""
    rng, cat = ctx.rng, ctx.cat
    exp = _exporters(ctx, n, {"rogue": 0.5, "mineral": 0.3, "trader": 0.2})
    true = _controlled_for(ctx, exp)
    cover = _cover_for(ctx, true)
    hubs = np.flatnonzero(np.isin(ctx.actors.con_country, HUBS))
    con = np.where(rng.random(n) < 0.6, _customers(ctx, exp), rng.choice(hubs, size=n))
    day = _after_control(ctx, exp, true)
    kg = _controlled_kg(ctx, true) * 2
    lines, where = inject(ctx, "false_code", exp, con, day, _modes(ctx, cover, con), cover, kg)
    lines["_true_prod"][where] = true
    lines["end_use"][where] = None
    lines["end_user_name"][where] = None
    true_price = cat.usd[true] * 1.2 * np.exp(rng.normal(0, 0.15, size=n))
    at_true = rng.random(n) < 0.5
    lines["value"][where] = np.where(
        at_true, np.round(kg * true_price * lines["_fx"][where], 2), lines["value"][where]
    )
    lines["_value_usd"][where] = kg * true_price
    element = cat.element[true]
    leak = rng.random(n) < 0.25
    zh = np.array([f"(含{ELEMENT_ZH[e]})" for e in element], dtype=object)
    en = np.array([f", {SYMBOL[e]} 99.99%" for e in element], dtype=object)
    tail = np.where(rng.random(n) < 0.5, zh, en)
    lines["description"][where] = np.where(
        leak, lines["description"][where] + tail, lines["description"][where]
    )
    purity = rng.random(n) < 0.15
    spec = lines["specification"][where]
    lines["specification"][where] = np.where(purity, "纯度:99.99%|包装:铁桶", spec)
    return lines


def _cover_for(ctx: Ctx, true: np.ndarray) -> np.ndarray:
    """An uncontrolled product of the catalogue to declare each controlled one as."""
    from .goods import covers

    table = covers()
    index = {h: i for i, h in enumerate(ctx.cat.hs[: ctx.cat.n_ordinary])}
    out = np.empty(true.size, dtype=int)
    for i, e in enumerate(ctx.cat.element[true]):
        options = table.filter(pl.col("element") == e)["hs_code"].to_list()
        out[i] = index[options[int(ctx.rng.integers(0, len(options)))]]
    return out


def undervalued(lines: dict[str, np.ndarray], ctx: Ctx, n: int) -> None:
    """Licensed controlled lines declared at 15-45 % of their value (proceeds kept abroad).
    Evidence: unit value against the product's and the market's."""
    rows = _honest_licensed(lines, ctx, n)
    lines["value"][rows] = np.round(
        lines["value"][rows] * ctx.rng.uniform(0.15, 0.45, size=rows.size), 2
    )
    lines["_scheme"][rows] = "undervalued"


def short_weight(lines: dict[str, np.ndarray], ctx: Ctx, n: int) -> None:
    """Licensed controlled lines declaring 30-65 % of the weight shipped (the licence then
    stretches further). Half keep the true gross weight, so gross/net is off; value is
    declared for the declared weight."""
    rows = _honest_licensed(lines, ctx, n)
    f = ctx.rng.uniform(0.3, 0.65, size=rows.size)
    for col in ("net_weight_kg", "quantity", "value"):
        lines[col][rows] = np.round(lines[col][rows] * f, 3)
    keep_gross = ctx.rng.random(rows.size) < 0.5
    lines["gross_weight_kg"][rows] = np.where(
        keep_gross, lines["gross_weight_kg"][rows], np.round(lines["gross_weight_kg"][rows] * f, 2)
    )
    lines["_scheme"][rows] = "short_weight"


def _honest_licensed(lines: dict[str, np.ndarray], ctx: Ctx, n: int) -> np.ndarray:
    pool = np.flatnonzero((lines["license_no"] != None) & (lines["_scheme"] == None))  # noqa: E711
    return ctx.rng.choice(pool, size=min(n, pool.size), replace=False)


# --- concealment -----------------------------------------------------------------------


def hidden_load(lines: dict[str, np.ndarray], ctx: Ctx, n: int) -> None:
    """Dense controlled metal hidden in an ordinary containerised or trucked line.

    The weighbridge gross weight includes it: 60 % declare only the cover goods' net
    weight (gross/net off); 40 % add it to the net weight (value per kilogram too low).
    Rogue traders do most of it.
    """
    rng, cat, a = ctx.rng, ctx.cat, ctx.actors
    eligible = (
        np.isin(lines["mode"], ["sea", "rail", "road"])
        & (lines["_scheme"] == None)  # noqa: E711
        & (lines["_prod"] < cat.n_ordinary)
    )
    rogue = eligible & (a.exp_kind[lines["_exp"]] == "rogue")
    n_rogue = min(int(n * 0.7), int(rogue.sum()))
    rows = np.concatenate(
        [
            rng.choice(np.flatnonzero(rogue), size=n_rogue, replace=False),
            rng.choice(np.flatnonzero(eligible & ~rogue), size=n - n_rogue, replace=False),
        ]
    )
    dense = np.flatnonzero(np.isin(cat.element[cat.controlled], DENSE_ELEMENTS))
    true = cat.controlled[rng.choice(dense, size=rows.size)]
    net = lines["net_weight_kg"][rows]
    hidden = np.minimum(net * rng.uniform(0.05, 0.5, size=rows.size), 5000.0)
    tare = lines["gross_weight_kg"][rows] / np.maximum(net, 1e-6)
    into_net = rng.random(rows.size) < 0.4
    lines["gross_weight_kg"][rows] = np.round((net + hidden) * tare, 2)
    lines["net_weight_kg"][rows] = np.round(np.where(into_net, net + hidden, net), 3)
    kg_unit = lines["unit"][rows] == "kg"
    lines["quantity"][rows] = np.where(
        into_net & kg_unit, lines["net_weight_kg"][rows], lines["quantity"][rows]
    )
    lines["_true_prod"][rows] = true
    lines["_true_kg"][rows] = hidden
    lines["_scheme"][rows] = "hidden_load"


def courier_samples(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Small dense lots of costly elements sent as "samples" or parts by express, post or
    in passengers' luggage, by individuals and small shells. Evidence: value and weight
    patterns of the sender, words, the consignee; little else."""
    rng, cat, a = ctx.rng, ctx.cat, ctx.actors
    senders = add_senders(a, rng, max(3, n // 3), person_share=0.6)
    exp = rng.choice(senders, size=n)
    costly = cat.controlled[cat.usd[cat.controlled] > 200]
    true = rng.choice(costly, size=n)
    pool = np.flatnonzero(np.isin(a.con_country, ["HK", "KR", "JP", "US", "TW", *HUBS]))
    con = rng.choice(pool, size=n)
    mode = rng.choice(["express", "post", "passenger"], size=n, p=[0.5, 0.3, 0.2]).astype(object)
    declared = _by_hs(ctx, rng.choice(PARCEL_COVER_HS, size=n))
    day = _after_control(ctx, exp, true)
    kg = np.round(rng.uniform(0.3, 12, size=n), 2)
    lines, where = inject(ctx, "courier_samples", exp, con, day, mode, declared, kg, covers=False)
    words = rng.choice(SAMPLE_WORDS, size=n).astype(object)
    lines["description"][where] = np.where(rng.random(n) < 0.6, words, lines["description"][where])
    _disguise(lines, where, true, kg, rng.uniform(5, 80, size=n))
    return lines


def parcel_ring(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Many small parcels to one consignee from senders who share a phone and address.
    Evidence: the senders' shared contacts in the parties table and the consignee's
    many senders."""
    rng, cat, a = ctx.rng, ctx.cat, ctx.actors
    rings = np.flatnonzero(a.con_role == "ring")
    ring_of = rng.choice(rings.size, size=n)
    exp = np.empty(n, dtype=int)
    for r in range(rings.size):
        members = add_senders(
            a,
            rng,
            int(rng.integers(3, 7)),
            person_share=0.4,
            phone=f"+86 1{int(rng.integers(3_000_000_000, 9_000_000_000))}",
            address=f"深圳市宝安区福永街道{int(rng.integers(1, 300))}号",
        )
        rows = np.flatnonzero(ring_of == r)
        exp[rows] = rng.choice(members, size=rows.size)
    con = rings[ring_of]
    start = np.maximum(START, a.exp_since[exp] + 20)
    span = np.maximum((END - start).astype(int), 1)
    day = start + (rng.random(n) * span).astype(int)
    true = rng.choice(cat.controlled[cat.usd[cat.controlled] > 80], size=n)
    day = np.maximum(day, cat.licensable[true])
    day = np.minimum(day, END)
    mode = rng.choice(["express", "post"], size=n, p=[0.7, 0.3]).astype(object)
    declared = _by_hs(ctx, rng.choice(PARCEL_COVER_HS, size=n))
    kg = np.round(rng.uniform(1, 20, size=n), 2)
    lines, where = inject(ctx, "parcel_ring", exp, con, day, mode, declared, kg, covers=False)
    _disguise(lines, where, true, kg, kg * rng.uniform(3, 15, size=n))
    return lines


def _by_hs(ctx: Ctx, codes: np.ndarray) -> np.ndarray:
    index = {h: i for i, h in enumerate(ctx.cat.hs[: ctx.cat.n_ordinary])}
    return np.array([index[c] for c in codes])


def _disguise(
    lines: dict[str, np.ndarray],
    where: np.ndarray,
    true: np.ndarray,
    kg: np.ndarray,
    usd: np.ndarray,
) -> None:
    """Small parcels: the true content, a token declared value, no end use."""
    lines["_true_prod"][where] = true
    lines["_true_kg"][where] = kg
    lines["value"][where] = np.round(usd * lines["_fx"][where], 2)
    lines["end_use"][where] = None
    lines["end_user_name"][where] = None


# --- transshipment ---------------------------------------------------------------------


def front_transship(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """Controlled goods to a newly incorporated consignee in a transit country, tied to a
    watchlisted party. Mineral traders hold a proper licence naming the front (obtained
    on a false end-user statement); rogue traders ship without. Evidence: the network and
    the route, not the declaration."""
    rng, a = ctx.rng, ctx.actors
    fronts = np.flatnonzero(a.con_role == "front")
    con = rng.choice(fronts, size=n)
    exp = _exporters(ctx, n, {"mineral": 0.6, "rogue": 0.4})
    prod = _controlled_for(ctx, exp)
    day = _after_control(ctx, exp, prod, a.con_since[con] + rng.integers(10, 200, size=n))
    lines, where = inject(
        ctx,
        "front_transship",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    licensed = a.exp_kind[exp] == "mineral"
    issued = day - rng.integers(5, 40, size=n)
    _cite_new_licences(ctx, lines, where, licensed, exp, prod, con, issued)
    return lines


def magpie_consignee(ctx: Ctx, n: int) -> dict[str, np.ndarray]:
    """A transit-country consignee buying unrelated controlled products from many
    exporters (gallium from one, antimony from another, terbium from a third), mostly
    licensed. Evidence: the consignee's breadth of controlled products and suppliers."""
    rng, a = ctx.rng, ctx.actors
    magpies = np.flatnonzero(a.con_role == "magpie")
    con = rng.choice(magpies, size=n)
    exp = _exporters(ctx, n, {"mineral": 0.8, "rogue": 0.2})
    prod = _controlled_for(ctx, exp)
    day = _after_control(ctx, exp, prod)
    lines, where = inject(
        ctx,
        "magpie_consignee",
        exp,
        con,
        day,
        _modes(ctx, prod, con),
        prod,
        _controlled_kg(ctx, prod),
    )
    licensed = (rng.random(n) < 0.7) & (a.exp_kind[exp] == "mineral")
    issued = day - rng.integers(5, 40, size=n)
    _cite_new_licences(ctx, lines, where, licensed, exp, prod, con, issued)
    return lines


INJECTED: dict[str, Callable[[Ctx, int], dict[str, np.ndarray]]] = {
    "unlicensed": unlicensed,
    "forged_licence": forged_licence,
    "stale_licence": stale_licence,
    "borrowed_licence": borrowed_licence,
    "overdrawn_licence": overdrawn_licence,
    "no_end_user": no_end_user,
    "barred_end_user": barred_end_user,
    "false_code": false_code,
    "courier_samples": courier_samples,
    "parcel_ring": parcel_ring,
    "front_transship": front_transship,
    "magpie_consignee": magpie_consignee,
}
REWRITES: dict[str, Callable[[dict[str, np.ndarray], Ctx, int], None]] = {
    "undervalued": undervalued,
    "short_weight": short_weight,
    "hidden_load": hidden_load,
}
DEFAULT_WEIGHTS = {
    "unlicensed": 1.0,
    "forged_licence": 0.6,
    "stale_licence": 0.5,
    "borrowed_licence": 0.6,
    "overdrawn_licence": 0.5,
    "no_end_user": 0.4,
    "barred_end_user": 0.6,
    "false_code": 1.5,
    "undervalued": 0.8,
    "short_weight": 0.8,
    "hidden_load": 1.2,
    "courier_samples": 0.8,
    "parcel_ring": 0.8,
    "front_transship": 1.0,
    "magpie_consignee": 0.6,
}
