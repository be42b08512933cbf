"""Honest trade, vectorised: declarations of every shape, and what controls do to them.

Each declaration is drawn for an exporter in proportion to its size and active time,
gets a day in the weekly and festival rhythm, a buyer, a mode the goods and the route
allow, a port, and one to forty goods lines. Then the controls act on honest trade the
way they did on real trade: a rush of antimony, tungsten and rare earths in the weeks
before each control, a licence gap after it while licences are processed, traders
switching to uncontrolled look-alikes, and licensed sellers keeping gallium, germanium
and antimony away from US buyers while licences to the US are denied in principle.

The result is a table of *line specs* (internal columns, see :data:`SPEC_SCHEMA`) that
smuggling rings also produce; :mod:`.render` turns both into contract columns the same
way, so that nothing but the substance tells them apart.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import goods
from .books import Books
from .goods import MODES
from .places import COUNTRY_INDEX, LAND, MODE_COMPAT, REGIONS
from .population import PROFILES
from .timeline import DAYS, END_DAY, US_ART2_SUSPENDED, US_MEASURES, sample_days

SPEC_SCHEMA: dict[str, pl.DataType] = {
    "decl": pl.Int64(),
    "line": pl.Int32(),
    "day": pl.Int32(),
    "minute": pl.Int32(),
    "port": pl.String(),
    "mode": pl.String(),
    "exporter": pl.Int32(),
    "broker": pl.Int32(),
    "consignee": pl.Int32(),
    "dest": pl.String(),
    "trade_country": pl.String(),
    "product": pl.Int32(),
    "word": pl.Int32(),
    "net_kg": pl.Float64(),
    "gross_kg": pl.Float64(),
    "value_usd": pl.Float64(),
    "currency": pl.String(),
    "licence": pl.String(),
    "end_user": pl.String(),
    "end_use": pl.String(),
    "desc": pl.String(),
    "spec": pl.String(),
    "pieces": pl.Float64(),
    "scheme": pl.String(),
    "variant": pl.String(),
    "true_product": pl.Int32(),
    "true_value_usd": pl.Float64(),
    "true_dest": pl.String(),
    "ring": pl.Int32(),
    "mirror": pl.Int32(),  # the goods as the importing country records them
    "hidden": pl.Float64(),  # kilograms hidden beyond the declared net weight
}

#: Mean lines per declaration, and the law that draws them, by profile.
LINES_MEAN = {
    "maker": 1.8,
    "metals": 1.35,
    "licensed": 1.45,
    "supply_chain": 12.0,
    "ecommerce": 1.1,
    "sole": 1.25,
    "trader": 2.0,
}
BIG_SEA_PORTS = np.array(["CNSHA", "CNNGB", "CNSZX", "CNTAO", "CNCAN"], dtype=object)


def _lines_per_decl(rng: np.random.Generator, profile: np.ndarray) -> np.ndarray:
    n = profile.shape[0]
    out = np.ones(n, dtype=np.int64)
    for name, mean in LINES_MEAN.items():
        sel = profile == PROFILES.index(name)
        k = int(sel.sum())
        if not k:
            continue
        if name == "supply_chain":
            out[sel] = np.clip(3 + rng.geometric(1 / (mean - 2), k) - 1, 3, 40)
        else:
            out[sel] = np.clip(rng.geometric(1 / mean, k), 1, 12)
    return out


def _pick_from_lists(
    rng: np.random.Generator, lists: list[list[int]], owner: np.ndarray, zipf: bool
) -> np.ndarray:
    """One element per row from ``lists[owner]`` (Zipf-weighted towards the first)."""
    lengths = np.array([len(x) for x in lists])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    flat = np.array([v for x in lists for v in x], dtype=np.int64)
    n = lengths[owner]
    u = rng.random(owner.shape[0])
    # zipf: a log-uniform rank, which favours the first of the list
    k = np.floor((n + 1.0) ** u if zipf else u * n + 1.0).astype(np.int64) - 1
    k = np.clip(k, 0, n - 1)
    return flat[offsets[owner] + k]


def _shift_out_of_dormancy(
    d: np.ndarray, lo: np.ndarray, hi: np.ndarray, end: np.ndarray
) -> np.ndarray:
    inside = (lo >= 0) & (d >= lo) & (d <= hi)
    after = d + (hi - lo + 1)
    return np.where(inside, np.where(after <= end, after, np.maximum(lo - 1 - (d - lo), 0)), d)


def honest_lines(rng: np.random.Generator, books: Books, target: int, noise: float) -> pl.DataFrame:
    """About ``target`` honest line specs for the exporters registered so far."""
    ex = books.exporters
    n_e = len(ex)
    size = np.array([e.size for e in ex])
    a_from = np.array([e.active_from for e in ex])
    a_to = np.array([e.active_to for e in ex])
    d_lo = np.array([e.dormant[0] for e in ex])
    d_hi = np.array([e.dormant[1] for e in ex])
    prof = np.array([PROFILES.index(e.profile) for e in ex])
    active = (a_to - a_from + 1) - np.where(d_lo >= 0, d_hi - d_lo + 1, 0)
    mean_lines = np.array([LINES_MEAN[PROFILES[p]] for p in prof])
    w = size * active / DAYS / mean_lines
    w = w / w.sum()
    expected = float((w * mean_lines).sum())
    n_decl = int(target / expected * 1.2) + 10
    owner = rng.choice(n_e, n_decl, p=w)
    n_lines = _lines_per_decl(rng, prof[owner])
    keep = int(np.searchsorted(np.cumsum(n_lines), target)) + 1
    owner, n_lines = owner[:keep], n_lines[:keep]
    n_decl = int(owner.shape[0])

    # --- declaration level -------------------------------------------------------------
    day = sample_days(rng, a_from[owner], a_to[owner])
    day = _shift_out_of_dormancy(day, d_lo[owner], d_hi[owner], a_to[owner])
    cons = _pick_from_lists(rng, [e.consignees for e in ex], owner, zipf=True)
    first_cons = np.array([e.consignees[0] for e in ex])[owner]
    first_day = np.array([c.first_day for c in books.consignees])
    cons = np.where(first_day[cons] > day, first_cons, cons)
    country = np.array([c.country for c in books.consignees], dtype=object)[cons]
    country_idx = np.array([COUNTRY_INDEX[c] for c in country])
    broker = _pick_from_lists(rng, [e.brokers for e in ex], owner, zipf=True)

    # --- lines -------------------------------------------------------------------------
    total = int(n_lines.sum())
    line_decl = np.repeat(np.arange(n_decl), n_lines)
    line_no = (np.arange(total) - np.repeat(np.cumsum(n_lines) - n_lines, n_lines) + 1).astype(
        np.int32
    )
    l_owner = owner[line_decl]
    product = _pick_from_lists(rng, [e.slots for e in ex], l_owner, zipf=True)

    # mode per declaration: exporter habit x route x what the first line's goods allow
    first_line = np.cumsum(n_lines) - n_lines
    first_prod = product[first_line]
    modes = (
        np.stack([e.modes for e in ex])[owner]
        * MODE_COMPAT[country_idx]
        * goods.MODE_OK[first_prod]
    )
    fallback = goods.MODE_OK[first_prod] * MODE_COMPAT[country_idx] + 1e-9
    modes = np.where(modes.sum(axis=1, keepdims=True) > 0, modes, fallback)
    cdf = np.cumsum(modes / modes.sum(axis=1, keepdims=True), axis=1)
    mode_idx = np.minimum((rng.random(n_decl)[:, None] > cdf).sum(axis=1), 6)
    mode = np.array(MODES, dtype=object)[mode_idx]
    l_mode_idx = mode_idx[line_decl]
    ok = goods.MODE_OK[product, l_mode_idx]
    product = np.where(ok, product, first_prod[line_decl])

    # ports
    region = np.array([e.region for e in ex])[owner]
    port = np.empty(n_decl, dtype=object)
    for m, attr in ((0, "sea"), (1, "air"), (4, "post"), (5, "express")):
        sel = mode_idx == m
        port[sel] = np.array([getattr(r, attr) for r in REGIONS], dtype=object)[region[sel]]
    big = (mode_idx == 0) & (rng.random(n_decl) < 0.2)
    port[big] = BIG_SEA_PORTS[rng.integers(0, len(BIG_SEA_PORTS), int(big.sum()))]
    for m, k in ((2, 0), (3, 1), (6, 2)):
        sel = np.flatnonzero(mode_idx == m)
        port[sel] = [LAND[c][k] for c in country[sel]]

    # --- controls acting on honest trade ---------------------------------------------------
    l_day = day[line_decl].astype(np.int64)
    licensed = prof[l_owner] == PROFILES.index("licensed")
    metals = prof[l_owner] == PROFILES.index("metals")
    eff = goods.EFFECTIVE[product]
    controlled = goods.CONTROLLED[product]
    gap = np.array([e.licence_gap for e in ex])[l_owner]
    # licensed sellers wait for licences after a control inside the window; half of what
    # they would have shipped goes out in a rush before it, the rest after the licence
    waiting = controlled & licensed & (eff > 0) & (l_day >= eff) & (l_day < eff + gap)
    rushing = (
        controlled
        & metals
        & (eff > 0)
        & (l_day >= eff)
        & (l_day < eff + 60)
        & (rng.random(total) < 0.6)
    )
    move = waiting | rushing
    decl_move = np.zeros(n_decl, dtype=bool)
    decl_move[line_decl[move]] = True
    decl_eff = np.zeros(n_decl, dtype=np.int64)
    np.maximum.at(decl_eff, line_decl[move], eff[move])
    decl_gap = np.zeros(n_decl, dtype=np.int64)
    np.maximum.at(decl_gap, line_decl[move], gap[move])
    early = rng.random(n_decl) < 0.5
    new_day = np.where(
        early,
        decl_eff - 1 - rng.integers(0, 40, n_decl),
        decl_eff + decl_gap + rng.integers(0, 30, n_decl),
    )
    day = np.where(decl_move, np.clip(new_day, 0, END_DAY), day)
    l_day = day[line_decl].astype(np.int64)
    # unlicensed traders turn to look-alikes once an element is controlled
    need = goods.in_force(product, l_day)
    product = np.where(need & ~licensed, goods.SUCCESSOR_IDX[product], product)
    # no licences for gallium, germanium, antimony, superhard to the US while denied
    need = goods.in_force(product, l_day)
    denied = (
        need
        & np.isin(goods.ELEMENT[product], goods.US_DENIED_ELEMENTS)
        & (country[line_decl] == "US")
        & (l_day >= US_MEASURES)
        & (l_day < US_ART2_SUSPENDED)
    )
    product = np.where(denied, goods.SUCCESSOR_IDX[product], product)

    # --- quantities and values -------------------------------------------------------------
    net = goods.QTY[product] * size[l_owner] ** 0.25 * np.exp(rng.normal(0, 0.7, total))
    net = np.where(l_mode_idx == 1, np.minimum(net * 0.15, 2000.0), net)
    small = np.exp(rng.normal(np.log(2.5), 0.9, total))
    net = np.where(l_mode_idx == 5, np.minimum(np.minimum(net, small), 40.0), net)
    net = np.where(l_mode_idx == 4, np.minimum(np.minimum(net, small * 0.5), 20.0), net)
    carry = np.exp(rng.normal(np.log(6.0), 0.6, total))
    net = np.where(l_mode_idx == 6, np.minimum(carry, 45.0), net)
    kpu = goods.KPU[product]
    whole = goods.UNIT[product] != "kg"
    whole &= goods.UNIT[product] != "t"
    pieces = np.where(whole, np.maximum(1.0, np.round(net / kpu)), np.nan)
    net = np.where(whole, pieces * kpu * np.exp(rng.normal(0, 0.05, total)), net)
    net = round_kg(net)

    capture = np.array([e.capture for e in ex])[l_owner]
    old = np.array([e.old_contracts for e in ex])[l_owner] & (l_day >= eff) & (l_day < eff + 150)
    capture = np.where(old | ~licensed, 0.0, capture)
    price = goods.price_usd_kg(product, l_day, capture)
    factor = np.array([e.price_factor for e in ex])[l_owner] * np.exp(rng.normal(0, 0.12, total))
    # honest outliers: off-spec lots, discounts, premiums, nominal-value samples
    odd = rng.random(total) < noise * 0.4
    factor = np.where(odd, factor * np.exp(rng.choice([-0.8, 0.6], total)), factor)
    value = net * price * factor
    sample = (goods.KEY_ARRAY[product] == "metal_sample") | (
        (l_mode_idx == 5) & (rng.random(total) < 0.04)
    )
    value = np.where(sample, np.round(rng.uniform(2, 30, total), 0), value)
    value = np.round(np.maximum(value, 1.0), 2)
    gross = net * goods.PACK[product] * np.exp(rng.normal(0, 0.03, total))
    gross = np.where(l_mode_idx >= 4, net * np.exp(rng.normal(0.1, 0.05, total)), gross)
    gross = round_kg(np.maximum(gross, net))

    cur_pref = np.array([e.currency for e in ex], dtype=object)[owner]
    local = np.array([_local_currency(c) for c in country], dtype=object)
    currency = np.where(cur_pref == "local", local, cur_pref)

    minute = _minutes(rng, mode_idx)
    habit = np.array([e.word for e in ex])[l_owner]
    word = np.where(rng.random(total) < 0.85, habit, rng.integers(0, 3, total)).astype(np.int32)

    # trade country: the buyer's, blank on many forms, a trading house in Hong Kong or
    # Singapore on triangular deals
    u = rng.random(n_decl)
    trade = np.where(u < 0.42, "", country).astype(object)
    tri = (u >= 0.42) & (u < 0.45)
    trade[tri] = np.array(["HK", "SG", "AE"], dtype=object)[rng.integers(0, 3, int(tri.sum()))]

    return pl.DataFrame(
        {
            "decl": line_decl.astype(np.int64),
            "line": line_no,
            "day": day[line_decl].astype(np.int32),
            "minute": minute[line_decl].astype(np.int32),
            "port": port[line_decl].astype(str),
            "mode": mode[line_decl].astype(str),
            "exporter": l_owner.astype(np.int32),
            "broker": broker[line_decl].astype(np.int32),
            "consignee": cons[line_decl].astype(np.int32),
            "dest": country[line_decl].astype(str),
            "trade_country": trade[line_decl].astype(str),
            "product": product.astype(np.int32),
            "word": word,
            "net_kg": net,
            "gross_kg": gross,
            "value_usd": value,
            "currency": currency[line_decl].astype(str),
            "licence": np.full(total, "", dtype=object).astype(str),
            "end_user": np.full(total, "", dtype=object).astype(str),
            "end_use": np.full(total, "", dtype=object).astype(str),
            "desc": np.full(total, "", dtype=object).astype(str),
            "spec": np.full(total, "", dtype=object).astype(str),
            "pieces": pieces,
            "scheme": np.full(total, "", dtype=object).astype(str),
            "variant": np.full(total, "", dtype=object).astype(str),
            "true_product": product.astype(np.int32),
            "true_value_usd": value,
            "true_dest": country[line_decl].astype(str),
            "ring": np.full(total, -1, dtype=np.int32),
            "mirror": product.astype(np.int32),
            "hidden": np.zeros(total),
        },
        schema=SPEC_SCHEMA,
    )


def round_kg(kg: np.ndarray) -> np.ndarray:
    """Weights as clerks write them: whole kilograms for big lots, grams for small ones."""
    kg = np.asarray(kg, dtype=float)
    return np.where(kg >= 1000, np.round(kg), np.where(kg >= 10, np.round(kg, 1), np.round(kg, 3)))


def _local_currency(country: str) -> str:
    from .places import COUNTRIES

    return COUNTRIES[COUNTRY_INDEX[country]].currency


def _minutes(rng: np.random.Generator, mode_idx: np.ndarray) -> np.ndarray:
    """Office hours for most, around the clock for express and post hubs."""
    n = mode_idx.shape[0]
    office = np.clip(rng.normal(13 * 60, 150, n), 7 * 60, 21 * 60)
    clock = rng.integers(0, 24 * 60, n)
    return np.where((mode_idx == 4) | (mode_idx == 5), clock, office).astype(np.int64)
