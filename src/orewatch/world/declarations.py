"""Honest export declarations, generated column-wise with numpy (no loop per line).

Owns the :class:`Decls` / :class:`Lines` arrays (true and declared values side by side)
that schemes then corrupt, and the base generation: who ships what, when, how, where to,
with seasonality and the effect of each control (licensed exports drop after the
control date; Ga/Ge/Sb to the US stop during the ban).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from orewatch.world.calendar import day_number, month_index
from orewatch.world.geo import (
    COUNTRY_BY_CODE,
    HONEST_HUBS,
    LAND_ROUTES,
    PORT_BY_CODE,
    PORTS,
)
from orewatch.world.goods import (
    CONTROL_DATES,
    GOODS,
    US_BAN_ELEMENTS,
    US_BAN_FROM,
    US_BAN_SUSPENDED_FROM,
    US_BAN_SUSPENDED_UNTIL,
)
from orewatch.world.parties import COUNTRY_CODES, COUNTRY_INDEX, END_USES, PartyBook
from orewatch.world.prices import PriceBook

IntArr = npt.NDArray[np.int64]
FloatArr = npt.NDArray[np.float64]
BoolArr = npt.NDArray[np.bool_]

MODES: tuple[str, ...] = ("sea", "air", "road", "rail", "post", "express", "passenger")
M_SEA, M_AIR, M_ROAD, M_RAIL, M_POST, M_EXPRESS, M_PASSENGER = range(7)
PORT_CODES: tuple[str, ...] = tuple(p.locode for p in PORTS)
PORT_INDEX: dict[str, int] = {p: i for i, p in enumerate(PORT_CODES)}
CURRENCY_CODES: tuple[str, ...] = ("USD", "CNY", "EUR", "JPY")

#: Pool of end uses (index 0 = none).
END_USE_POOL: tuple[str, ...] = ("", *tuple(u for uses in END_USES.values() for u in uses))
_SECTOR_OF_ELEMENT = {
    "gallium": "gallium",
    "germanium": "germanium",
    "graphite": "graphite",
    "antimony": "antimony",
    "tungsten": "tungsten",
    "tellurium": "minor",
    "bismuth": "minor",
    "molybdenum": "minor",
    "indium": "minor",
}

G = len(GOODS)
G_ELEMENT_CTRL_DAY = np.array(
    [day_number(CONTROL_DATES[g.element]) if g.element else 10**9 for g in GOODS], dtype=np.int64
)
G_CONTROLLED = np.array([g.element is not None for g in GOODS])
G_US_BAN = np.array([g.element in US_BAN_ELEMENTS for g in GOODS])
G_AIR_OK = np.array([g.air_ok for g in GOODS])
G_LOT = np.array([g.lot_kg for g in GOODS])
G_SIGMA = np.array([g.lot_sigma for g in GOODS])
G_PACK = np.array([g.pack for g in GOODS])


@dataclass
class SpecPool:
    """All specification strings; each good owns a slice, leaks are appended."""

    texts: list[str] = field(default_factory=list)
    offset: IntArr = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    count: IntArr = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def build(cls) -> SpecPool:
        texts: list[str] = [""]
        off, cnt = [], []
        for g in GOODS:
            off.append(len(texts))
            cnt.append(len(g.specs))
            texts.extend(g.specs)
        return cls(texts, np.array(off, dtype=np.int64), np.array(cnt, dtype=np.int64))

    def add(self, text: str) -> int:
        self.texts.append(text)
        return len(self.texts) - 1


@dataclass
class Decls:
    """One entry per declaration."""

    exporter: IntArr
    consignee: IntArr
    day: IntArr
    minute: IntArr
    mode: IntArr
    port: IntArr
    dest: IntArr
    currency: IntArr
    first: IntArr
    n: IntArr

    def __len__(self) -> int:
        return len(self.exporter)


@dataclass
class Lines:
    """One entry per goods line: the truth and what was declared."""

    decl: IntArr
    line_no: IntArr
    good_true: IntArr
    good_decl: IntArr
    kg_true: FloatArr
    kg_decl: FloatArr
    gross: FloatArr
    usd_true: FloatArr
    usd_decl: FloatArr
    spec: IntArr
    end_user: IntArr  # -2 none, -1 consignee itself, >=0 PartyBook.end_users
    end_use: IntArr
    licence: npt.NDArray[np.object_]  # licence number cited or None
    needs_licence: BoolArr  # declared controlled code after its control date (honest view)
    offbook: BoolArr  # material not in the exporter's books (smuggled)
    hidden_good: IntArr
    hidden_kg: FloatArr
    labels: list[tuple[IntArr, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.decl)

    def label(self, idx: IntArr, scheme: str) -> None:
        if len(idx):
            self.labels.append((np.asarray(idx, dtype=np.int64), scheme))

    def labelled(self) -> BoolArr:
        out = np.zeros(len(self), dtype=bool)
        for idx, _ in self.labels:
            out[idx] = True
        return out


def _pick_rows(rng: np.random.Generator, row: IntArr, items: IntArr, cw: FloatArr) -> IntArr:
    """For each entry choose one of its row's items by cumulative weights (vectorised)."""
    u = rng.random(len(row))
    k = (cw[row] < u[:, None]).sum(axis=1)
    k = np.minimum(k, items.shape[1] - 1)
    out: IntArr = items[row, k]
    return out


def _padded(lists: list[list[tuple[int, float]]]) -> tuple[IntArr, FloatArr]:
    width = max(len(x) for x in lists)
    items = np.zeros((len(lists), width), dtype=np.int64)
    cw = np.ones((len(lists), width))
    for i, lst in enumerate(lists):
        w = np.array([x[1] for x in lst], dtype=np.float64)
        items[i, : len(lst)] = [x[0] for x in lst]
        items[i, len(lst) :] = lst[-1][0]
        cw[i, : len(lst)] = np.cumsum(w) / w.sum()
    return items, cw


def lines_per_declaration(rng: np.random.Generator, n_lines: int) -> IntArr:
    """Sizes of declarations adding up exactly to ``n_lines``."""
    p = np.array([0.5, 0.2, 0.12, 0.07, 0.04, 0.025, 0.02, 0.01, 0.01, 0.005])
    sizes = rng.choice(np.arange(1, 11), size=n_lines // 2 + 10, p=p / p.sum())
    csum = np.cumsum(sizes)
    k = int(np.searchsorted(csum, n_lines))
    sizes = sizes[: k + 1].copy()
    sizes[-1] -= int(csum[k] - n_lines)
    out: IntArr = sizes[sizes > 0].astype(np.int64)
    return out


def generate_base(
    rng: np.random.Generator,
    book: PartyBook,
    prices: PriceBook,
    n_lines: int,
    start: date,
    end: date,
    days: IntArr,
    day_p: FloatArr,
    specs: SpecPool,
) -> tuple[Decls, Lines]:
    """The honest world's declarations and lines."""
    exps = book.exporters
    sizes = lines_per_declaration(rng, n_lines)
    nd = len(sizes)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    decl_of_line = np.repeat(np.arange(nd, dtype=np.int64), sizes)
    line_no = (np.arange(n_lines, dtype=np.int64) - first[decl_of_line] + 1).astype(np.int64)

    # who and when
    w = np.array([e.weight for e in exps])
    exporter = rng.choice(len(exps), size=nd, p=w / w.sum()).astype(np.int64)
    d0, d1 = day_number(start), day_number(end)
    day = rng.choice(days, size=nd, p=day_p).astype(np.int64)
    active = np.array([day_number(e.active_from) for e in exps], dtype=np.int64)[exporter]
    late = day < active
    span = np.maximum(d1 - active, 1)
    day = np.where(late, active + ((day - d0) * span) // max(d1 - d0, 1), day)
    minute = rng.integers(8 * 60, 20 * 60, size=nd).astype(np.int64)

    cons_items, cons_cw = _padded([e.customers for e in exps])
    consignee = _pick_rows(rng, exporter, cons_items, cons_cw)
    cons_country = np.array([COUNTRY_INDEX[c.country] for c in book.consignees], dtype=np.int64)
    dest = cons_country[consignee]
    # honest triangular trade: HK/SG traders buy for Southeast Asian plants
    hub_idx = np.array([COUNTRY_INDEX[h] for h in HONEST_HUBS if h in ("HK", "SG")])
    tri = np.isin(dest, hub_idx) & (rng.random(nd) < 0.12)
    sea_asia = np.array([COUNTRY_INDEX[c] for c in ("VN", "MY", "TH", "ID")])
    dest = np.where(tri, sea_asia[rng.integers(0, len(sea_asia), nd)], dest)

    # what: goods per line from the exporter's profile
    goods_items, goods_cw = _padded([e.goods for e in exps])
    line_exp = exporter[decl_of_line]
    good = _pick_rows(rng, line_exp, goods_items, goods_cw)
    line_day = day[decl_of_line]
    line_dest = dest[decl_of_line]
    fallback = np.array(
        [next((g for g, _ in e.goods if GOODS[g].element is None), e.goods[0][0]) for e in exps],
        dtype=np.int64,
    )
    main_ctrl = np.array(
        [next((g for g, _ in e.goods if GOODS[g].element is not None), -1) for e in exps],
        dtype=np.int64,
    )
    # front-loading before a control: more controlled exports in the six weeks before it
    mc = main_ctrl[line_exp]
    mc_day = np.where(mc >= 0, G_ELEMENT_CTRL_DAY[np.maximum(mc, 0)], 10**9)
    rush = (mc >= 0) & ~G_CONTROLLED[good] & (line_day >= mc_day - 45) & (line_day < mc_day)
    rush &= rng.random(n_lines) < 0.35
    good = np.where(rush, mc, good)
    # controls bite: many controlled lines are no longer shipped (licences slow, refused)
    ctrl_day = G_ELEMENT_CTRL_DAY[good]
    after = G_CONTROLLED[good] & (line_day >= ctrl_day)
    keep_p = np.where(line_day < ctrl_day + 75, 0.15, 0.55)
    us = line_dest == COUNTRY_INDEX["US"]
    ban = (
        us
        & G_US_BAN[good]
        & (line_day >= day_number(US_BAN_FROM))
        & ~(
            (line_day >= day_number(US_BAN_SUSPENDED_FROM))
            & (line_day <= day_number(US_BAN_SUSPENDED_UNTIL))
        )
    )
    keep_p = np.where(ban, 0.0, keep_p)
    graphite_us = us & (np.array([g.element == "graphite" for g in GOODS])[good])
    keep_p = np.where(graphite_us & (line_day >= day_number(US_BAN_FROM)), keep_p * 0.5, keep_p)
    drop = after & (rng.random(n_lines) >= keep_p)
    good = np.where(drop, fallback[line_exp], good)

    # how: mode by the first line's good and the destination
    first_good = good[first]
    u = rng.random(nd)
    air_ok = G_AIR_OK[first_good]
    mode = np.full(nd, M_SEA, dtype=np.int64)
    mode[air_ok & (u < 0.42)] = M_AIR
    mode[air_ok & (u >= 0.42) & (u < 0.46)] = M_EXPRESS
    mode[~air_ok & (u < 0.012)] = M_EXPRESS  # honest samples
    mode[~air_ok & (u >= 0.012) & (u < 0.014)] = M_POST
    mode[(u >= 0.9985)] = M_PASSENGER
    port = np.zeros(nd, dtype=np.int64)
    city_sea1 = np.array([PORT_INDEX[e.city.sea_ports[0]] for e in exps], dtype=np.int64)
    city_sea2 = np.array([PORT_INDEX[e.city.sea_ports[-1]] for e in exps], dtype=np.int64)
    city_air = np.array([PORT_INDEX[e.city.air_port] for e in exps], dtype=np.int64)
    pu = rng.random(nd)
    port = np.where(pu < 0.8, city_sea1[exporter], city_sea2[exporter])
    # land routes to neighbours
    v = rng.random(nd)
    for country, routes in LAND_ROUTES.items():
        share = 0.1 if country in ("DE", "NL") else 0.35
        m = (dest == COUNTRY_INDEX[country]) & (mode == M_SEA) & (v < share)
        k = rng.integers(0, len(routes), m.sum())
        mode[m] = np.array([MODES.index(r[0]) for r in routes])[k]
        port[m] = np.array([PORT_INDEX[r[1]] for r in routes])[k]
    air_like = np.isin(mode, (M_AIR, M_EXPRESS, M_POST, M_PASSENGER))
    ports_for = {
        M_AIR: [PORT_INDEX[p] for p in ("CNPVG", "CNPEK", "CNSZX", "CNCAN")],
        M_EXPRESS: [PORT_INDEX[p] for p in ("CNSZX", "CNPVG", "CNCAN", "CNPEK", "CNSHA")],
        M_POST: [PORT_INDEX[p] for p in ("CNSHA", "CNSZX", "CNCAN", "CNPEK")],
        M_PASSENGER: [PORT_INDEX[p] for p in ("CNSZX", "CNCAN", "CNPVG", "CNPEK")],
    }
    for m_code, options in ports_for.items():
        m = mode == m_code
        own = city_air[exporter]
        own_ok = np.array(
            [MODES[m_code] in PORT_BY_CODE[PORT_CODES[p]].modes for p in range(len(PORTS))]
        )
        alt = np.array(options)[rng.integers(0, len(options), nd)]
        port = np.where(m, np.where(own_ok[own] & (rng.random(nd) < 0.7), own, alt), port)
    # air declarations carry only goods that fly
    line_mode = mode[decl_of_line]
    bulky = (line_mode == M_AIR) & ~G_AIR_OK[good]
    good = np.where(bulky, first_good[decl_of_line], good)

    # how much
    kg = G_LOT[good] * np.exp(rng.normal(0.0, 1.0, n_lines) * G_SIGMA[good])
    kg = np.where(line_mode == M_AIR, np.minimum(kg, 2500.0), kg)
    small = np.isin(line_mode, (M_EXPRESS, M_POST, M_PASSENGER))
    kg = np.where(line_mode == M_EXPRESS, rng.uniform(0.3, 30.0, n_lines), kg)
    kg = np.where(line_mode == M_POST, rng.uniform(0.1, 8.0, n_lines), kg)
    kg = np.where(line_mode == M_PASSENGER, rng.uniform(0.2, 5.0, n_lines), kg)
    kg = round_lot(kg, small)
    pack = G_PACK[good] * rng.uniform(0.995, 1.02, n_lines)
    pack = np.where(air_like[decl_of_line], pack * rng.uniform(1.03, 1.15, n_lines), pack)
    pack = np.where(small, rng.uniform(1.1, 1.5, n_lines), pack)
    gross = np.round(kg * pack, 2)

    # value at the month's export price, noisy; some honest cheap lots
    mon = np.clip(month_index(line_day, start), 0, prices.export_usd.shape[1] - 1)
    unit_usd = prices.export_usd[good, mon] * np.exp(rng.normal(0.0, 0.12, n_lines))
    cheap = rng.random(n_lines) < 0.015
    unit_usd = np.where(cheap, unit_usd * rng.uniform(0.45, 0.7, n_lines), unit_usd)
    usd = np.round(kg * unit_usd, 2)

    # currency per declaration
    cu = rng.random(nd)
    eur = np.isin(dest, [COUNTRY_INDEX[c] for c in ("DE", "NL", "BE", "FR", "IT")])
    currency = np.zeros(nd, dtype=np.int64)
    currency[eur & (cu < 0.3)] = 2
    currency[(dest == COUNTRY_INDEX["JP"]) & (cu < 0.25)] = 3
    currency[cu > 0.93] = 1

    # declared end user / end use on controlled lines
    ctrl = G_CONTROLLED[good]
    cons_eu = np.array([c.end_user for c in book.consignees], dtype=np.int64)
    end_user = np.where(ctrl, cons_eu[consignee[decl_of_line]], -2)
    end_use = np.zeros(n_lines, dtype=np.int64)
    sector_uses = {
        s: np.array([END_USE_POOL.index(u) for u in uses]) for s, uses in END_USES.items()
    }
    g_sector = np.array(
        [_SECTOR_OF_ELEMENT.get(g.element or "", "ree" if g.element else "") for g in GOODS]
    )
    for s, pool in sector_uses.items():
        m = ctrl & (g_sector[good] == s)
        end_use[m] = pool[rng.integers(0, len(pool), m.sum())]

    spec = specs.offset[good] + (rng.random(n_lines) * specs.count[good]).astype(np.int64)
    needs = ctrl & (line_day >= G_ELEMENT_CTRL_DAY[good])

    decls = Decls(exporter, consignee, day, minute, mode, port, dest, currency, first, sizes)
    lines = Lines(
        decl=decl_of_line,
        line_no=line_no,
        good_true=good.astype(np.int64),
        good_decl=good.astype(np.int64).copy(),
        kg_true=kg,
        kg_decl=kg.copy(),
        gross=gross,
        usd_true=usd,
        usd_decl=usd.copy(),
        spec=spec,
        end_user=end_user.astype(np.int64),
        end_use=end_use,
        licence=np.full(n_lines, None, dtype=object),
        needs_licence=needs,
        offbook=np.zeros(n_lines, dtype=bool),
        hidden_good=np.full(n_lines, -1, dtype=np.int64),
        hidden_kg=np.zeros(n_lines),
    )
    return decls, lines


def round_lot(kg: FloatArr, small: BoolArr) -> FloatArr:
    """Lots come in bags and pallets: bulk to 500 kg, drums to 25 kg, small to 0.1 kg."""
    out = np.where(kg >= 5000, np.maximum(np.round(kg / 500) * 500, 500), kg)
    out = np.where((kg >= 250) & (kg < 5000), np.round(kg / 25) * 25, out)
    out = np.where(kg < 250, np.maximum(np.round(kg, 1), 0.1), out)
    out = np.where(small, np.maximum(np.round(kg, 2), 0.05), out)
    res: FloatArr = out.astype(np.float64)
    return res


def country_code(i: int) -> str:
    return COUNTRY_CODES[i]


def is_country(code: str) -> bool:
    return code in COUNTRY_BY_CODE
