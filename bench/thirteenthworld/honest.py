"""Honest trade: declarations and their goods lines, before any fraud is written in.

A declaration is one exporter, one day, one consignee, one way out; its one to six
lines are goods of the exporter's trade. Quantities come in the packs the goods are sold
in (25 kg bags, one-tonne ingot bundles, weighed concentrate tonnes, wafers by the
piece); values follow the day's domestic price, the grade, and, once a control bites,
part of the foreign premium. Honest oddities are written here on purpose: crated
wafers and drummed powders whose gross weight far exceeds the net, weighed rather than
rounded weights, samples by express, border residents' small road trade, returned goods
without a licence, goods to one country for a consignee in another.

Everything is held as one numpy array per column (``Lines``), one element per line;
header fields are repeated on each line of a declaration, and schemes only rewrite
headers of single-line declarations so that a declaration stays one declaration.
"""

from __future__ import annotations

import numpy as np

from . import text
from .actors import Actors
from .catalogue import CONTROLLED, EFFECTIVE_DAY, FAMILIES, INDEX, PRODUCTS, column, family_members
from .market import Market
from .places import (
    AIR_PORTS,
    DAYS,
    LAND,
    PARCEL_PORTS,
    POST_PORTS,
    RAIL_EUROPE,
    SEA_PORTS,
    border_port,
    daily_weights,
    day_of,
)
from .places import REGIONS as REGION_NAMES

Lines = dict[str, np.ndarray]

UNIT = column("unit")
LOT = column("lot").astype(float)
SIGMA = column("sigma").astype(float)
PACK = column("pack").astype(float)
PIECE = column("piece").astype(float)
AIR = column("air").astype(float)
US_BAN = (day_of("2024-12-03"), day_of("2025-11-09"))
BANNED_FOR_US = np.array(
    [
        p.material.split(":")[0] in ("gallium", "germanium", "antimony") and p.controlled
        for p in PRODUCTS
    ]
)
CURRENCIES = np.array(["USD", "CNY", "EUR", "JPY", "HKD"])


def _sizes(rng: np.random.Generator, lines: int) -> np.ndarray:
    sizes = rng.choice(np.arange(1, 7), lines, p=[0.55, 0.2, 0.12, 0.07, 0.04, 0.02])
    cut = int(np.searchsorted(np.cumsum(sizes), lines))
    sizes = sizes[: cut + 1].copy()
    sizes[-1] -= int(sizes.sum()) - lines
    return sizes[sizes > 0]


def _days(rng: np.random.Generator, lower: np.ndarray) -> np.ndarray:
    """Lodging days from the seasonal curve, none before ``lower``."""
    cdf = np.cumsum(daily_weights())
    lo = np.where(lower > 0, cdf[np.clip(lower - 1, 0, DAYS - 1)], 0.0)
    u = lo + rng.random(lower.size) * (1.0 - lo)
    return np.minimum(np.searchsorted(cdf, u), DAYS - 1)


def _headers(rng: np.random.Generator, a: Actors, n: int) -> dict[str, np.ndarray]:
    arr = a.arrays()
    vol = arr["exp_volume"]
    exporter = rng.choice(vol.size, n, p=vol / vol.sum())
    lengths = np.array([c.size for c in a.exp_customers])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.concatenate(a.exp_customers)
    consignee = flat[starts[exporter] + (rng.random(n) * lengths[exporter]).astype(np.int64)]
    lower = np.maximum(arr["exp_start"][exporter], arr["con_start"][consignee])
    day = _days(rng, lower)
    fams = np.array(a.exp_fam)
    family = np.where(
        (rng.random(n) < 0.3) & (fams[exporter, 1] >= 0), fams[exporter, 1], fams[exporter, 0]
    )
    return {"exporter": exporter, "consignee": consignee, "day": day, "family": family}


def _products(rng: np.random.Generator, family: np.ndarray) -> np.ndarray:
    prod = np.zeros(family.size, dtype=np.int64)
    for f in range(len(FAMILIES)):
        at = np.nonzero(family == f)[0]
        members, w = family_members(FAMILIES[f])
        prod[at] = rng.choice(members, at.size, p=w)
    return prod


def uncontrolled_twin(rng: np.random.Generator, prod: np.ndarray) -> np.ndarray:
    """An uncontrolled product of the same family for each product."""
    out = prod.copy()
    for p in np.unique(prod):
        members, w = family_members(PRODUCTS[p].family)
        keep = ~CONTROLLED[members]
        at = np.nonzero(prod == p)[0]
        out[at] = rng.choice(members[keep], at.size, p=w[keep] / w[keep].sum())
    return out


def _modes(rng: np.random.Generator, prod: np.ndarray, country: np.ndarray) -> np.ndarray:
    roll = rng.random(prod.size)
    mode = np.where(roll < AIR[prod], "air", "sea").astype(object)
    land = np.isin(country, LAND)
    mode = np.where(land & (rng.random(prod.size) < 0.6), "road", mode)
    rail = np.isin(country, ("RU", "KZ", "KG")) & (rng.random(prod.size) < 0.35)
    rail |= np.isin(country, RAIL_EUROPE) & (rng.random(prod.size) < 0.06) & (AIR[prod] < 0.3)
    mode = np.where(rail, "rail", mode)
    small = (AIR[prod] > 0) & (rng.random(prod.size) < 0.03)
    return np.where(small, "express", mode)


def ports_for(
    rng: np.random.Generator, mode: np.ndarray, country: np.ndarray, home: np.ndarray
) -> np.ndarray:
    """Exit office of each shipment from its mode, destination and exporter's home port."""
    n = mode.size
    port = np.where(rng.random(n) < 0.75, home, rng.choice(SEA_PORTS, n))
    port = np.where(mode == "air", rng.choice(AIR_PORTS, n), port)
    port = np.where(mode == "express", rng.choice(PARCEL_PORTS, n), port)
    port = np.where(mode == "post", rng.choice(POST_PORTS, n), port)
    border = np.array([border_port(c) for c in country])
    port = np.where((mode == "road") & (border >= 0), border, port)
    rail = np.where(
        np.isin(country, ("KZ", "KG")), 11, np.where(np.isin(country, ("RU", "MN")), 12, 13)
    )
    return np.where(mode == "rail", rail, port)


def quantities(
    rng: np.random.Generator, prod: np.ndarray, mode: np.ndarray, odd: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(quantity in unit, net kg, unit) of each line."""
    scale = np.select(
        [mode == "air", mode == "road", mode == "express", mode == "post"],
        [0.2, 0.5, 0.02, 0.01],
        1.0,
    )
    raw = np.exp(rng.normal(np.log(LOT[prod] * scale), SIGMA[prod]))
    pack = PACK[prod]
    net = np.maximum(np.round(raw / pack), 1) * pack
    unit = UNIT[prod].astype(object)
    weighed = (unit == "t") | odd
    net = np.where(weighed, np.round(raw * rng.uniform(0.97, 1.03, prod.size), 1), net)
    net = np.maximum(net, 0.1)
    pcs = unit == "pcs"
    pieces = np.maximum(np.round(raw / np.where(pcs, PIECE[prod], 1.0)), 1)
    net = np.where(pcs, np.round(pieces * PIECE[prod], 2), net)
    qty = np.select([unit == "t", pcs], [np.round(net / 1000.0, 3), pieces], net)
    return qty, net, unit


def gross_of(
    rng: np.random.Generator, prod: np.ndarray, net: np.ndarray, noise: float
) -> np.ndarray:
    """Gross weight with the packaging the goods travel in; NaN where not declared."""
    n = net.size
    tare = np.where(net > 5000, rng.uniform(0.002, 0.02, n), rng.uniform(0.01, 0.05, n))
    tare = np.where(net < 100, rng.uniform(0.05, 0.3, n), tare)
    tare = np.where(UNIT[prod] == "pcs", rng.uniform(1.2, 3.5, n), tare)  # cassettes, boxes
    crated = (rng.random(n) < 0.015 * noise) & (net < 5000)  # steel drums, wooden crates
    tare = np.where(crated, rng.uniform(0.3, 0.9, n), tare)
    gross = np.round(net * (1 + tare), 1)
    return np.where(rng.random(n) < 0.08, np.nan, gross)


def price_usd(
    rng: np.random.Generator, m: Market, prod: np.ndarray, day: np.ndarray, factor: np.ndarray
) -> np.ndarray:
    """Honest USD per kg: domestic price, grade, and part of the premium once controlled."""
    base = m.usd_per_kg(prod, day) * factor * rng.lognormal(0.0, 0.08, prod.size)
    in_force = CONTROLLED[prod] & (day >= EFFECTIVE_DAY[prod])
    share = rng.uniform(0.35, 0.9, prod.size)
    markup = np.where(
        in_force, 1 + (m.premium[prod, day] - 1) * share, rng.uniform(1.0, 1.1, prod.size)
    )
    return base * markup


def currencies(rng: np.random.Generator, cny_pref: np.ndarray, country: np.ndarray) -> np.ndarray:
    r = rng.random(country.size)
    cur = np.where(r < cny_pref, "CNY", "USD").astype(object)
    r2 = rng.random(country.size)
    cur = np.where(np.isin(country, ("DE", "FR", "IT", "NL", "BE", "PL")) & (r2 < 0.3), "EUR", cur)
    cur = np.where((country == "JP") & (r2 < 0.15), "JPY", cur)
    return np.where((country == "HK") & (r2 < 0.2), "HKD", cur)


def in_currency(m: Market, usd: np.ndarray, cur: np.ndarray, day: np.ndarray) -> np.ndarray:
    """USD amounts converted to each line's currency on its day."""
    rate = np.ones(usd.size)
    for c in np.unique(cur):
        at = cur == c
        rate[at] = m.fx_usd[day[at]] / m.fx[str(c)][day[at]]
    return np.round(usd * rate, 2)


def generate(rng: np.random.Generator, a: Actors, m: Market, lines: int, noise: float) -> Lines:
    sizes = _sizes(rng, lines)
    h = _headers(rng, a, sizes.size)
    decl = np.repeat(np.arange(sizes.size), sizes)
    line_no = np.arange(lines) - np.repeat(np.cumsum(sizes) - sizes, sizes) + 1
    L: Lines = {"decl": decl, "line_no": line_no}
    for k in ("exporter", "consignee", "day", "family"):
        L[k] = h[k][decl]
    arr = a.arrays()
    con_country = arr["con_country"][L["consignee"]]
    prod = _products(rng, L["family"])
    ban = (
        BANNED_FOR_US[prod]
        & (con_country == "US")
        & (L["day"] >= US_BAN[0])
        & (L["day"] < US_BAN[1])
    )
    relay = arr["con_relay"][L["consignee"]] & CONTROLLED[prod]
    prod = np.where(ban | relay, uncontrolled_twin(rng, prod), prod)
    first = np.cumsum(sizes) - sizes
    dest = con_country.copy()
    hop = (rng.random(sizes.size) < 0.05 * noise) & np.isin(con_country[first], ("HK", "SG", "NL"))
    swap = {"HK": ("VN", "MY", "TH", "ID"), "SG": ("MY", "ID", "VN"), "NL": ("DE", "BE", "PL")}
    for i in np.nonzero(hop)[0]:
        dest[decl == i] = rng.choice(swap[str(con_country[first[i]])])
    mode = _modes(rng, prod[first], dest[first])[decl]
    port = ports_for(rng, mode[first], dest[first], arr["exp_port"][L["exporter"][first]])[decl]
    odd = rng.random(lines) < 0.03 * noise
    qty, net, unit = quantities(rng, prod, mode, odd)
    nines, factor = text.grades(rng, prod)
    usd = price_usd(rng, m, prod, L["day"], factor) * net
    cur = currencies(rng, arr["exp_cny"][L["exporter"][first]], con_country[first])[decl]
    style = np.array(a.exp_broker)[L["exporter"]] % text.STYLES
    L.update(
        prod=prod,
        con_country=con_country,
        dest=dest,
        mode=mode.astype(object),
        port=port,
        qty=qty,
        unit=unit,
        net=net,
        gross=gross_of(rng, prod, net, noise),
        usd=usd,
        currency=cur,
        value=in_currency(m, usd, cur, L["day"]),
        nines=nines,
        style=style,
        desc=text.describe(rng, prod),
        spec=text.specify(rng, prod, nines, style),
        hs=column("hs")[prod].astype(object),
        end_use=np.full(lines, "", dtype=object),
        kind=np.full(lines, "", dtype=object),
    )
    L["spec"] = np.where(rng.random(lines) < 0.07, "", L["spec"])
    broker = np.array(a.exp_broker)[L["exporter"][first]]
    broker = np.where(
        rng.random(first.size) < 0.05, rng.integers(0, len(a.broker_id), first.size), broker
    )
    L["broker"] = np.where(rng.random(first.size) < 0.1, -1, broker)[decl]
    _samples(rng, a, m, L, sizes, noise)
    _border_trade(rng, a, m, L, sizes, noise)
    _returned(rng, L, noise)
    _paperwork(rng, a, L)
    return L


def single_lines(L: Lines) -> np.ndarray:
    """Indexes of lines that are alone in their declaration."""
    counts = np.bincount(L["decl"])
    return np.nonzero(counts[L["decl"]] == 1)[0]


def _samples(
    rng: np.random.Generator, a: Actors, m: Market, L: Lines, sizes: np.ndarray, noise: float
) -> None:
    """Honest samples by express: uncontrolled goods, tiny weights, token values."""
    pool = single_lines(L)
    pool = pool[~CONTROLLED[L["prod"][pool]] & (L["kind"][pool] == "")]
    k = min(pool.size, int(0.012 * noise * L["prod"].size))
    at = rng.choice(pool, k, replace=False)
    L["mode"][at] = "express"
    L["port"][at] = rng.choice(PARCEL_PORTS, k)
    net = np.round(rng.uniform(0.05, 1.5, k), 2)
    L["net"][at] = net
    L["qty"][at] = np.where(
        L["unit"][at] == "t",
        np.round(net / 1000, 4),
        np.where(
            L["unit"][at] == "pcs",
            np.maximum(1, np.round(net / np.maximum(PIECE[L["prod"][at]], 0.01))),
            net,
        ),
    )
    L["gross"][at] = np.round(net * rng.uniform(1.2, 2.5, k), 2)
    L["usd"][at] = rng.uniform(3, 80, k)
    L["currency"][at] = "USD"
    L["value"][at] = np.round(L["usd"][at], 2)
    L["desc"][at] = np.char.add(
        rng.choice(np.array(["样品 ", "样品-", "Sample: "]), k), L["desc"][at].astype(str)
    )
    L["end_use"][at] = rng.choice(np.array(["样品测试", "客户验货", "sample for testing"]), k)
    L["kind"][at] = "sample"


def _border_trade(
    rng: np.random.Generator, a: Actors, m: Market, L: Lines, sizes: np.ndarray, noise: float
) -> None:
    """Border residents' small road trade (边民互市): under the 8,000 CNY daily allowance."""
    arr = a.arrays()
    near = np.nonzero(np.isin(arr["con_country"], ("VN", "MM", "LA")) & ~arr["con_relay"])[0]
    pool = single_lines(L)
    pool = pool[L["kind"][pool] == ""]
    if near.size == 0 or not a.residents:
        return
    k = min(pool.size // 4, int(0.01 * noise * L["prod"].size))
    at = rng.choice(pool, k, replace=False)
    goods = np.array(
        [
            INDEX[g]
            for g in (
                "tin_ingot",
                "zinc_ingot",
                "lead_ingot",
                "zno",
                "fesi",
                "si_metal",
                "ce_oxide",
            )
        ]
    )
    prod = rng.choice(goods, k)
    L["prod"][at] = prod
    L["hs"][at] = column("hs")[prod]
    L["exporter"][at] = rng.choice(np.array(a.residents), k)
    L["consignee"][at] = rng.choice(near, k)
    L["con_country"][at] = arr["con_country"][L["consignee"][at]]
    L["dest"][at] = L["con_country"][at]
    L["mode"][at] = "road"
    L["port"][at] = np.array([border_port(c) for c in L["dest"][at]])
    cny = np.round(rng.uniform(800, 7990, k), 0)
    price = m.domestic[prod, L["day"][at]]
    net = np.round(cny / price, 1)
    L["net"][at] = np.maximum(net, 0.5)
    L["unit"][at] = "kg"
    L["qty"][at] = L["net"][at]
    L["gross"][at] = np.round(L["net"][at] * rng.uniform(1.0, 1.05, k), 1)
    L["currency"][at] = "CNY"
    L["value"][at] = cny
    L["usd"][at] = cny / m.fx_usd[L["day"][at]]
    L["nines"][at] = 2
    L["desc"][at] = text.describe(rng, prod)
    L["kind"][at] = "border"
    L["spec"][at] = np.char.add(
        "边民互市 ", text.specify(rng, prod, L["nines"][at], L["style"][at]).astype(str)
    )


def _returned(rng: np.random.Generator, L: Lines, noise: float) -> None:
    """Foreign-origin controlled goods going back to their supplier: no licence cited."""
    pool = np.nonzero(
        CONTROLLED[L["prod"]] & (L["day"] >= EFFECTIVE_DAY[L["prod"]]) & (L["kind"] == "")
    )[0]
    k = min(pool.size, int(0.002 * noise * L["prod"].size))
    at = rng.choice(pool, k, replace=False)
    L["kind"][at] = "returned"
    L["end_use"][at] = "退运货物（原进口复运出境）"


def in_force(L: Lines) -> np.ndarray:
    """Lines of a controlled product lodged on or after its control took effect."""
    return CONTROLLED[L["prod"]] & (L["day"] >= EFFECTIVE_DAY[L["prod"]])


def _paperwork(rng: np.random.Generator, a: Actors, L: Lines) -> None:
    """End user, end use and origin: filled for licensed goods, patchy for the rest."""
    n = L["prod"].size
    names = np.array(a.con_name, dtype=object)
    country = np.array(a.con_country)
    ctrl = in_force(L)
    other = L["consignee"].copy()
    for c in np.unique(L["con_country"]):
        at = np.nonzero(L["con_country"] == c)[0]
        same = np.nonzero((country == c) & ~np.array(a.con_relay))[0]
        if same.size:
            other[at] = rng.choice(same, at.size)
    user = np.where(rng.random(n) < 0.6, names[L["consignee"]], names[other])
    keep = np.where(ctrl, rng.random(n) < 0.93, rng.random(n) < 0.1)
    L["end_user"] = np.where(keep, user, "").astype(object)
    uses = np.empty(n, dtype=object)
    for p in np.unique(L["prod"]):
        at = np.nonzero(L["prod"] == p)[0]
        uses[at] = rng.choice(np.array(PRODUCTS[p].uses), at.size)
    fill = (L["end_use"] == "") & np.where(ctrl, rng.random(n) < 0.95, rng.random(n) < 0.3)
    L["end_use"] = np.where(fill, uses, L["end_use"]).astype(object)
    region = np.array(a.exp_region, dtype=object)[L["exporter"]]
    named = np.array([REGION_NAMES[r] for r in region], dtype=object)
    roll = rng.random(n)
    L["origin"] = np.where(roll < 0.6, region, np.where(roll < 0.82, named, "")).astype(object)
