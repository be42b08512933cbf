"""The honest bulk: declarations and their goods lines, as columns of numpy arrays.

Every array has one value per line; ``decl`` groups lines into declarations and all
declaration-level fields (exporter, date, port, mode, consignee, currency) are drawn per
declaration and broadcast. No Python loop runs per line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from fourthworld.actors import DAYS, REGION_PORTS, START
from fourthworld.goods import PACKING, Goods, unit_kg

Lines = dict[str, np.ndarray]

#: Monthly seasonality (Jan..Dec): the spring festival dip, the pre-Christmas peak.
MONTH_WEIGHT = np.array([1.0, 0.55, 1.05, 1.0, 1.0, 0.95, 1.0, 1.05, 1.2, 1.25, 1.2, 1.1])
#: USD -> currency.
FX = {"USD": 1.0, "EUR": 0.92, "JPY": 150.0, "HKD": 7.8, "CNY": 7.15}
LAND = {"VN": "CNPXG", "KZ": "CNKHG", "KG": "CNKHG", "RU": "CNMZL"}
RAIL = {"KZ": "CNAKL", "RU": "CNMZL", "DE": "CNCGO", "NL": "CNCGO"}
OFFICES = {
    "CNSHK": "5316",
    "CNNSA": "5183",
    "CNCAN": "5141",
    "CNSHA": "2201",
    "CNXMN": "3701",
    "CNPVG": "2233",
    "CNNGB": "3104",
    "CNLYG": "2306",
    "CNTXG": "0202",
    "CNPEK": "0101",
    "CNDLC": "0901",
    "CNQZH": "7203",
    "CNKMG": "8601",
    "CNCTU": "7901",
    "CNPXG": "7221",
    "CNKHG": "9401",
    "CNMZL": "0602",
    "CNAKL": "9402",
    "CNCGO": "4601",
    "CNSZX": "5302",
    "CNZUH": "5701",
}


@dataclass(frozen=True)
class Portfolio:
    """Per exporter (rows): padded arrays of the goods and consignees it deals in."""

    ordinary: np.ndarray
    controlled: np.ndarray
    consignees: np.ndarray
    n_consignees: np.ndarray


def seasonal_days(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Days in ``[lo, hi)`` drawn by month and weekday weight (few filings on Sundays)."""
    days = np.arange(DAYS)
    dates = np.datetime64(START.isoformat()) + days
    month = dates.astype("datetime64[M]").astype(int) % 12
    weekday = (dates.astype("datetime64[D]").astype(int) + 3) % 7
    w = MONTH_WEIGHT[month] * np.where(weekday == 6, 0.25, np.where(weekday == 5, 0.6, 1.0))
    cdf = np.concatenate([[0.0], np.cumsum(w)])
    u = cdf[lo] + rng.random(lo.size) * (cdf[hi] - cdf[lo])
    return np.clip(np.searchsorted(cdf, u, side="right") - 1, lo, hi - 1)


def portfolios(
    rng: np.random.Generator, exporters: pl.DataFrame, goods: Goods, n_consignees: int
) -> Portfolio:
    """What each exporter ships and to whom: a few ordinary goods (parcel goods for
    e-commerce sellers), clustered controlled items, and a Zipf-sized customer list."""
    n = exporters.height
    parcel = np.flatnonzero(goods.col("parcel")[: goods.n_ordinary])
    weight = goods.col("weight")[: goods.n_ordinary].astype(float)
    ordinary = rng.choice(goods.n_ordinary, size=(n, 5), p=weight / weight.sum())
    ecom = (exporters["kind"] == "ecommerce").to_numpy()
    ordinary[ecom] = rng.choice(parcel, size=(int(ecom.sum()), 5))
    controlled_ids = np.arange(goods.n_ordinary, goods.table.height)
    anchor = rng.choice(controlled_ids, size=n)
    spread = rng.integers(-3, 4, size=(n, 4))
    controlled = np.clip(anchor[:, None] + spread, goods.n_ordinary, goods.table.height - 1)
    sizes = np.clip((exporters["weight"].to_numpy() * 400).astype(int), 3, 60)
    pool = rng.integers(0, n_consignees, size=(n, 60))
    return Portfolio(ordinary, controlled, pool, sizes)


def declarations(rng: np.random.Generator, exporters: pl.DataFrame, lines: int) -> Lines:
    """Declaration-level draws and their line counts, trimmed to exactly ``lines`` lines."""
    n_decl = int(lines / 2.2) + 50
    weight = exporters["weight"].to_numpy()
    exporter = rng.choice(exporters.height, size=n_decl, p=weight / weight.sum())
    single = rng.random(n_decl) < 0.45
    count = np.where(single, 1, 1 + np.minimum(rng.geometric(0.28, n_decl), 24))
    ends = np.cumsum(count)
    keep = np.searchsorted(ends, lines, side="left") + 1
    count, exporter = count[:keep], exporter[:keep]
    count[-1] -= ends[keep - 1] - lines
    start = exporters["start_day"].to_numpy()[exporter]
    day = seasonal_days(rng, start, np.full(keep, DAYS))
    return {"exporter": exporter, "count": count, "day": day}


def _modes(rng: np.random.Generator, kind: np.ndarray, country: np.ndarray) -> np.ndarray:
    u = rng.random(kind.size)
    land = np.isin(country, list(LAND))
    rail = np.isin(country, list(RAIL))
    mode = np.where(u < 0.08, "air", "sea").astype(object)
    mode = np.where(land & (u > 0.6), "road", mode)
    mode = np.where(rail & (u > 0.5) & (u < 0.6), "rail", mode)
    ecom = kind == "ecommerce"
    return np.where(ecom, np.where(u < 0.6, "express", np.where(u < 0.9, "post", "air")), mode)


def lookup(keys: np.ndarray, table: dict[str, str], default: str) -> np.ndarray:
    """``table[key]`` for each key, looked up once per distinct key."""
    uniq, inverse = np.unique(keys.astype(str), return_inverse=True)
    return np.array([table.get(k, default) for k in uniq], dtype=object)[inverse]


def ports_for(
    rng: np.random.Generator, mode: np.ndarray, region: np.ndarray, country: np.ndarray
) -> np.ndarray:
    """Port of exit by mode: the exporter's region's seaports (one of two at random) or
    airport, the land crossing or railhead towards the consignee's country, the courier
    hub, the postal hub, the passenger crossing."""
    first = {r: ports[0][0] for r, ports in REGION_PORTS.items()}
    second = {r: ports[0][-1] for r, ports in REGION_PORTS.items()}
    sea = np.where(
        rng.random(mode.size) < 0.6, lookup(region, first, "CNSHA"), lookup(region, second, "CNSHA")
    )
    by_mode = {
        "sea": sea,
        "air": lookup(region, {r: p[1] for r, p in REGION_PORTS.items()}, "CNPVG"),
        "road": lookup(country, LAND, "CNPXG"),
        "rail": lookup(country, RAIL, "CNCGO"),
        "post": np.full(mode.size, "CNCAN", dtype=object),
        "passenger": np.full(mode.size, "CNZUH", dtype=object),
    }
    port = np.full(mode.size, "CNSZX", dtype=object)
    for name, choice in by_mode.items():
        port = np.where(mode == name, choice, port)
    return port


def currency_of(rng: np.random.Generator, country: np.ndarray) -> np.ndarray:
    """Invoice currency: mostly dollars, euros in the euro area, yen half the time to
    Japan, Hong Kong dollars sometimes to Hong Kong, renminbi now and then."""
    u = rng.random(country.size)
    cur = np.full(country.size, "USD", dtype=object)
    cur = np.where(np.isin(country, ["DE", "NL", "FR", "IT"]) & (u < 0.6), "EUR", cur)
    cur = np.where((country == "JP") & (u < 0.5), "JPY", cur)
    cur = np.where((country == "HK") & (u < 0.3), "HKD", cur)
    return np.where(u > 0.95, "CNY", cur)


def honest_lines(
    rng: np.random.Generator,
    exporters: pl.DataFrame,
    consignees: pl.DataFrame,
    goods: Goods,
    lines: int,
) -> Lines:
    """The honest world: every line a plausible shipment by its exporter."""
    book = portfolios(rng, exporters, goods, consignees.height)
    d = declarations(rng, exporters, lines)
    ex = d["exporter"]
    pick = np.minimum(rng.zipf(1.6, ex.size) - 1, book.n_consignees[ex] - 1)
    consignee = book.consignees[ex, pick]
    country = consignees["country"].to_numpy()[consignee]
    kind = exporters["kind"].to_numpy()[ex]
    mode = _modes(rng, kind, country)
    region = exporters["region"].to_numpy()[ex]
    decl_cols: Lines = {
        "exporter": ex,
        "consignee": consignee,
        "day": d["day"],
        "mode": mode,
        "port": ports_for(rng, mode, region, country),
        "currency": currency_of(rng, country),
        "second": rng.integers(8 * 3600, 20 * 3600, ex.size),
        "style": rng.integers(0, 3, ex.size),
    }
    decl = np.repeat(np.arange(ex.size), d["count"])
    out: Lines = {k: v[decl] for k, v in decl_cols.items()}
    out["decl"] = decl
    out["line_no"] = _line_numbers(d["count"])
    share = exporters["controlled_share"].to_numpy()[out["exporter"]]
    parcel_mode = np.isin(out["mode"], ["express", "post", "passenger"])
    controlled = (rng.random(decl.size) < share) & ~parcel_mode
    slot = rng.integers(0, 5, decl.size)
    good = np.where(
        controlled,
        book.controlled[out["exporter"], slot % 4],
        book.ordinary[out["exporter"], slot],
    )
    good = lawful(
        goods,
        good,
        book.ordinary[out["exporter"], slot],
        out["day"],
        consignees["country"].to_numpy()[out["consignee"]],
    )
    out["good"] = good
    kg = goods.col("kg_line")[good] * rng.lognormal(0.0, 0.8, decl.size)
    out["kg"] = np.where(parcel_mode, rng.lognormal(np.log(6.0), 0.8, decl.size), kg)
    out["usd"] = (
        out["kg"] * price_per_kg(goods, good, out["day"]) * rng.lognormal(0, 0.18, decl.size)
    )
    out["gross_ratio"] = np.array([PACKING[p] for p in goods.col("packing")])[good] * rng.uniform(
        0.995, 1.03, decl.size
    )
    out["scheme"] = np.full(decl.size, "", dtype=object)
    return out


#: Elements whose licences to the US are denied in principle, and the days (from START)
#: of that denial (MOFCOM 2024 No.46 art.2, 2024-12-03, suspended from 2025-11-09).
DENIED_TO_US = ("gallium", "germanium", "antimony", "superhard_materials")
DENIAL_DAYS = (337, 678)


def lawful(
    goods: Goods, good: np.ndarray, fallback: np.ndarray, day: np.ndarray, country: np.ndarray
) -> np.ndarray:
    """Honest trade obeys the bans: an honest line of an element denied to the US in the
    denial window carries one of the exporter's ordinary goods instead."""
    denied = (
        np.isin(goods.col("element")[good], DENIED_TO_US)
        & (country == "US")
        & (day >= DENIAL_DAYS[0])
        & (day < DENIAL_DAYS[1])
    )
    return np.where(denied, fallback, good)


def _line_numbers(count: np.ndarray) -> np.ndarray:
    starts = np.repeat(np.cumsum(count) - count, count)
    return np.arange(count.sum()) - starts + 1


def price_per_kg(goods: Goods, good: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Export price: the good's level, rising up to 1.9 times over the eight months after
    its control takes effect (the gap between domestic and foreign prices widens)."""
    base = goods.col("usd_kg")[good].astype(float)
    effective = goods.table["effective"].to_numpy()[good]
    eff_day = (effective - np.datetime64(START.isoformat())).astype("timedelta64[D]")
    since = np.where(np.isnat(eff_day), -1.0, day - eff_day.astype(float))
    return base * (1 + 0.9 * np.clip(since / 240.0, 0.0, 1.0))


def kg_per_unit(goods: Goods, good: np.ndarray) -> np.ndarray:
    """Kilograms one declared unit of each line's good weighs."""
    return unit_kg(goods)[good]
