"""Honest trade: the declarations that make up almost all of the world.

Two kinds of declaration: a shipper's own of 1-5 lines, and a forwarder's consolidation
of 30-200 lines carrying several shippers' goods under one number (each line keeps its
shipper as exporter, the forwarder lodges it). Volumes follow the Chinese calendar: a
trough around the Spring Festival, a peak before the western year-end. Mineral houses
export controlled goods under licences drawn within their quantities (``extras`` writes
those licences from the draws).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tenthworld import goods
from tenthworld.actors import END, START, Consignees, Exporters

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

PORTS: dict[str, tuple[str, ...]] = {
    "sea": ("CNNGB", "CNTAO", "CNXMN", "CNTXG", "CNDLC", "CNSHA", "CNCAN", "CNLYG", "CNFOC"),
    "air": ("CNPVG", "CNCAN", "CNCGO", "CNCTU", "CNSZX"),
    "road": ("CNPXG", "CNHKO", "CNERL"),
    "rail": ("CNAKA", "CNMZL", "CNHGS"),
    "express": ("CNSZX", "CNCGO", "CNHGH"),
    "post": ("CNHGH", "CNPVG"),
    "passenger": ("CNSZX", "CNZUH"),
}
CUSTOMS_CODE = {
    "CNNGB": "3104",
    "CNTAO": "4258",
    "CNXMN": "3715",
    "CNTXG": "0202",
    "CNDLC": "0908",
    "CNSHA": "2248",
    "CNCAN": "5141",
    "CNLYG": "2305",
    "CNFOC": "3501",
    "CNPVG": "2233",
    "CNCGO": "4601",
    "CNCTU": "7901",
    "CNSZX": "5301",
    "CNPXG": "7216",
    "CNHKO": "8609",
    "CNERL": "0711",
    "CNAKA": "9409",
    "CNMZL": "0612",
    "CNHGS": "9420",
    "CNHGH": "2901",
    "CNZUH": "5710",
}
MODES = ("sea", "air", "road", "rail", "express", "post")
MODE_W = np.array([0.6, 0.1, 0.07, 0.06, 0.12, 0.05])
# Spring Festival trough (Jan/Feb), pre-Christmas peak (Aug-Nov)
MONTH_W = np.array([0.85, 0.55, 1.0, 1.0, 1.0, 1.0, 1.05, 1.15, 1.2, 1.2, 1.15, 1.0])
CURRENCIES = ("USD", "CNY", "EUR", "HKD", "JPY")
#: units of currency a US dollar buys (this world's fixed rates)
FX = {"USD": 1.0, "CNY": 7.15, "EUR": 0.92, "HKD": 7.8, "JPY": 148.0}
COLUMNS = (
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "declarant_id",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "trade_country",
    "end_user_name",
    "end_use",
    "hs_code",
    "description",
    "specification",
    "quantity",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "value",
    "currency",
    "license_no",
    "container_ids",
    "transport_doc",
    "origin_region",
    "packages",
)
UNIFORMS = ("_u_sel", "_u_meth", "_u_conf", "_u_audit", "_u_aconf", "_u_lag")
FLOATS = ("quantity", "net_weight_kg", "gross_weight_kg", "value")
END_USES = (
    "semiconductor wafers",
    "optical fibre preform",
    "permanent magnets",
    "battery anodes",
    "flame retardant",
    "catalyst",
    "alloy additive",
    "phosphors",
)


@dataclass
class World:
    """What every flow draws from."""

    rng: np.random.Generator
    ex: Exporters
    con: Consignees
    ordinary: dict[str, np.ndarray]
    ctrl: goods.Controlled
    forwarders: np.ndarray  # exporter indices
    minerals: np.ndarray
    shippers: np.ndarray
    mineral_buyers: np.ndarray  # consignee indices
    # Set by generate after the setup (absent until then: schemes read them with defaults).
    watch_names: np.ndarray = field(init=False, repr=False, compare=False)
    watch_countries: np.ndarray = field(init=False, repr=False, compare=False)
    rings: dict[int, np.ndarray] = field(init=False, repr=False, compare=False)
    honest_licences: list[dict[str, object]] = field(init=False, repr=False, compare=False)


Block = dict[str, np.ndarray]


def empty(n: int) -> Block:
    """A block of ``n`` lines with every column missing."""
    b: Block = {
        c: np.full(n, np.nan) if c in FLOATS else np.full(n, None, dtype=object) for c in COLUMNS
    }
    b["declared_at"] = np.full(n, START, dtype="datetime64[D]")
    b["_decl"] = np.zeros(n, dtype=np.int64)
    b["_exp"] = np.zeros(n, dtype=np.int64)
    b["_scheme"] = np.full(n, "", dtype=object)
    b["_network"] = np.full(n, -1)
    b["_epoch"] = np.zeros(n, dtype=np.int64)
    b["_true_hs"] = np.full(n, None, dtype=object)
    b["_true_kg"] = np.full(n, np.nan)
    b["_true_usd"] = np.full(n, np.nan)
    b["_controlled"] = np.zeros(n, dtype=bool)
    b["_item"] = np.full(n, -1)
    b["_plan"] = np.full(n, -1)
    for u in UNIFORMS:
        b[u] = np.zeros(n)
    return b


def draw_uniforms(rng: np.random.Generator, b: Block) -> None:
    """The fixed chances that decide a line's inspections (drawn once per line)."""
    for u in UNIFORMS:
        b[u] = rng.random(len(b["_decl"]))


def concat(blocks: list[Block]) -> Block:
    """Blocks one after another; declaration keys stay distinct (callers offset them)."""
    return {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}


def days(
    rng: np.random.Generator, n: int, start: np.datetime64 = START, end: np.datetime64 = END
) -> np.ndarray:
    """``n`` dates between ``start`` and ``end``, seasonal and growing ~8 % a year."""
    span = int((end - start).astype(int)) + 1
    d = start + np.arange(span)
    month = d.astype("datetime64[M]").astype(int) % 12
    w = MONTH_W[month] * (1 + 0.08 * np.arange(span) / 365)
    return rng.choice(d, n, p=w / w.sum())


def sizes(rng: np.random.Generator, n_lines: int, consolidated_share: float) -> np.ndarray:
    """Lines per declaration: 1-5 for own declarations, 30-200 for consolidations."""
    out: list[int] = []
    total = 0
    while total < n_lines:
        if rng.random() < consolidated_share / 40:
            k = int(rng.integers(30, 201))
        else:
            k = int(rng.choice([1, 2, 3, 4, 5], p=[0.45, 0.22, 0.15, 0.1, 0.08]))
        out.append(min(k, n_lines - total))
        total += out[-1]
    return np.array(out)


def header(w: World, size: np.ndarray, first_key: int) -> Block:
    """Declaration-level fields, repeated onto lines."""
    rng = w.rng
    nd = len(size)
    consol = size >= 30
    mode = rng.choice(np.array(MODES, dtype=object), nd, p=MODE_W)
    mode[consol] = np.where(rng.random(consol.sum()) < 0.8, "sea", "air")
    port = np.array([PORTS[m][rng.integers(0, len(PORTS[m]))] for m in mode], dtype=object)
    p = w.ex.weight[w.shippers] / w.ex.weight[w.shippers].sum()
    exp = rng.choice(w.shippers, nd, p=p)
    exp[consol] = rng.choice(w.forwarders, consol.sum())
    con = rng.integers(0, len(w.con.name), nd)
    lines = np.repeat(np.arange(nd), size)
    b = empty(int(size.sum()))
    b["_decl"] = first_key + lines
    b["declared_at"] = days(rng, nd)[lines]
    b["mode"] = mode[lines]
    b["port"] = port[lines]
    b["_exp"] = exp[lines]
    broker = rng.choice(w.forwarders, nd)
    b["declarant_id"] = np.where(consol, w.ex.id[exp], w.ex.id[broker])[lines]
    ci = con[lines]
    b["consignee_name"] = w.con.name[ci]
    b["consignee_address"] = w.con.address[ci]
    b["consignee_country"] = w.con.country[ci]
    b["destination_country"] = w.con.country[ci]
    cur = rng.choice(np.array(CURRENCIES, dtype=object), nd, p=[0.68, 0.14, 0.08, 0.04, 0.06])
    b["currency"] = cur[lines]
    doc = np.array(
        [
            f"{'BL' if m == 'sea' else 'AWB' if m == 'air' else 'WB'}{x:010d}"
            for m, x in zip(mode, rng.integers(0, 10**10, nd), strict=True)
        ],
        dtype=object,
    )
    b["transport_doc"] = doc[lines]
    box = np.array(
        [
            f"{o}U{x:06d}{x % 7}"
            for o, x in zip(
                rng.choice(np.array(["MSK", "CSQ", "OOL", "EGH", "TGH"]), nd),
                rng.integers(0, 10**6, nd),
                strict=True,
            )
        ],
        dtype=object,
    )
    b["container_ids"] = np.where(mode == "sea", box, NULL)[lines]
    if consol.any():
        shipper = rng.choice(w.shippers, len(lines))
        inside = consol[lines]
        b["_exp"] = np.where(inside, shipper, b["_exp"])
    return b


def ordinary_goods(w: World, b: Block, rows: np.ndarray) -> None:
    """Fill ``rows`` of ``b`` with ordinary goods, their units, weights and values."""
    rng = w.rng
    og = w.ordinary
    g = rng.integers(0, len(og["hs"]), len(rows))
    unit = og["unit"][g]
    kg_unit = og["kg_per_unit"][g]
    net = np.exp(rng.normal(6.5, 1.4, len(rows)))
    qty = np.maximum(np.round(net / kg_unit, 3), 0.001)
    counted = np.isin(unit, ["pcs", "pairs", "sets", "cartons", "m2"])
    qty[counted] = np.maximum(np.round(qty[counted]), 1)
    net = qty * kg_unit
    # the same tonnes written in kg by some shippers
    in_kg = (unit == "t") & (rng.random(len(rows)) < 0.35)
    unit = unit.copy()
    unit[in_kg] = "kg"
    qty[in_kg] = net[in_kg]
    usd = net * og["usd_per_kg"][g] * np.exp(rng.normal(0, 0.25, len(rows)))
    fill(w, b, rows, og["hs"][g], og["zh"][g], og["en"][g], qty, unit, net, usd, og["packaging"][g])


def fill(
    w: World,
    b: Block,
    rows: np.ndarray,
    hs: np.ndarray,
    zh: np.ndarray,
    en: np.ndarray,
    qty: np.ndarray,
    unit: np.ndarray,
    net: np.ndarray,
    usd: np.ndarray,
    pack: np.ndarray,
) -> None:
    """Write goods fields; Chinese or English description, value in the line's currency."""
    rng = w.rng
    n = len(rows)
    b["hs_code"][rows] = hs
    b["_true_hs"][rows] = hs
    b["description"][rows] = np.where(rng.random(n) < 0.6, zh, en)
    b["quantity"][rows] = np.round(qty, 3)
    b["unit"][rows] = unit
    b["net_weight_kg"][rows] = np.round(net, 3)
    b["_true_kg"][rows] = net
    b["gross_weight_kg"][rows] = np.round(net * rng.uniform(1.02, 1.12, n) + 2, 2)
    fx = np.array([FX[c] for c in b["currency"][rows]])
    b["value"][rows] = np.round(usd * fx, 2)
    b["_true_usd"][rows] = usd
    count = np.maximum(1, np.round(net / rng.uniform(15, 600, n))).astype(int)
    style = rng.integers(0, 3, n)
    b["packages"][rows] = np.array(
        [
            f"{k} {p}" if s == 0 else f"{k}{p[:3].upper()}S" if s == 1 else f"{k}件"
            for k, p, s in zip(count, pack, style, strict=True)
        ],
        dtype=object,
    )
    b["origin_region"][rows] = w.ex.division[b["_exp"][rows]]


def names_of(w: World, b: Block) -> None:
    """Exporter id and name from ``_exp``: Chinese on most lines, pinyin on the rest."""
    e = b["_exp"]
    b["exporter_id"] = w.ex.id[e]
    b["exporter_name"] = np.where(w.rng.random(len(e)) < 0.7, w.ex.zh[e], w.ex.en[e])


def honest_ordinary(w: World, n_lines: int, consolidated_share: float, first_key: int) -> Block:
    """Ordinary goods in own and consolidated declarations."""
    b = header(w, sizes(w.rng, n_lines, consolidated_share), first_key)
    ordinary_goods(w, b, np.arange(len(b["_decl"])))
    return b


def controlled_goods(w: World, b: Block, rows: np.ndarray, item: np.ndarray) -> None:
    """Controlled goods (catalogue item rows ``item``) at market prices, in kg, g or t."""
    rng = w.rng
    c = w.ctrl
    n = len(rows)
    bulky = np.isin(c.family[item], ["graphite"]) | np.isin(c.form[item], ["ore", "concentrate"])
    dear = c.usd_after[item] > 200
    net = np.where(
        bulky,
        np.exp(rng.normal(9.5, 0.8, n)),
        np.where(dear, np.exp(rng.normal(3.5, 1.0, n)), np.exp(rng.normal(6.0, 1.0, n))),
    )
    unit = np.where(bulky, "t", np.where(dear & (net < 5), "g", "kg")).astype(object)
    qty = np.where(unit == "t", net / 1000, np.where(unit == "g", net * 1000, net))
    usd = net * c.price(item, b["declared_at"][rows]) * np.exp(rng.normal(0, 0.12, n))
    pack = np.where(bulky, "bulk bags", "drums").astype(object)
    fill(w, b, rows, c.hs[item], c.zh[item], c.en[item], qty, unit, net, usd, pack)
    b["_controlled"][rows] = True
    spec = np.array(
        [
            f"纯度{p}%|{f}|用途:{u}"
            for p, f, u in zip(
                rng.choice(["99.99", "99.999", "99.9999", "99.5"], n),
                c.form[item],
                rng.choice(np.array(END_USES), n),
                strict=True,
            )
        ],
        dtype=object,
    )
    b["specification"][rows] = spec


def honest_controlled(w: World, n_lines: int, first_key: int) -> Block:
    """Mineral houses' controlled exports to established buyers, licensed after the
    control date, with the end user declared (licences come from these draws)."""
    rng = w.rng
    nd = max(1, n_lines // 2)
    size = rng.choice([1, 2, 3, 4], nd, p=[0.4, 0.3, 0.2, 0.1])
    lines = np.repeat(np.arange(nd), size)[:n_lines]
    n = len(lines)
    b = empty(n)
    b["_decl"] = first_key + lines
    b["declared_at"] = days(rng, nd)[lines]
    mode = rng.choice(
        np.array(["sea", "air", "express", "rail"], dtype=object), nd, p=[0.55, 0.3, 0.1, 0.05]
    )[lines]
    b["mode"] = mode
    b["port"] = np.array([PORTS[m][rng.integers(0, len(PORTS[m]))] for m in mode], dtype=object)
    exp = rng.choice(w.minerals, nd)[lines]
    b["_exp"] = exp
    buyer = rng.choice(w.mineral_buyers, nd)[lines]
    # buyers in the US are dropped once the US ban takes hold
    us = (w.con.country[buyer] == "US") & (b["declared_at"] >= np.datetime64("2024-12-03"))
    others = w.mineral_buyers[w.con.country[w.mineral_buyers] != "US"]
    buyer[us] = rng.choice(others, us.sum())
    b["consignee_name"] = w.con.name[buyer]
    b["consignee_address"] = w.con.address[buyer]
    b["consignee_country"] = w.con.country[buyer]
    b["destination_country"] = w.con.country[buyer]
    b["end_user_name"] = w.con.name[buyer]
    b["end_use"] = rng.choice(np.array(END_USES, dtype=object), nd)[lines]
    b["currency"] = rng.choice(
        np.array(["USD", "CNY", "EUR", "JPY"], dtype=object), nd, p=[0.7, 0.15, 0.08, 0.07]
    )[lines]
    b["declarant_id"] = w.ex.id[rng.choice(w.forwarders, nd)][lines]
    b["transport_doc"] = np.array([f"MX{x:09d}" for x in rng.integers(0, 10**9, nd)], dtype=object)[
        lines
    ]
    # each mineral house ships a few items: item depends on (exporter, line slot)
    item = (exp * 7 + rng.integers(0, 3, n)) % len(w.ctrl)
    controlled_goods(w, b, np.arange(n), item)
    b["_item"] = item
    return b
