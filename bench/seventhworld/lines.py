"""Honest declaration lines, vectorised: declarations first, then their goods lines.

Dates follow the export calendar (a trough around the Spring Festival, a dip in Golden
Week, an autumn peak before Western holidays). Controlled items that take effect during
the period draw a rush of honest shipments in the three weeks before their effective
date (some lodged in the last minutes before midnight, legal then) and almost none in
the six weeks after it, while exporters wait for licences.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from seventhworld.goods import WORLD_END, WORLD_START, goods_frame

MODES = np.array(["sea", "air", "road", "rail", "express", "post", "passenger"])
MODE_P = np.array([0.62, 0.08, 0.07, 0.05, 0.12, 0.04, 0.02])
PORTS = {
    "sea": ["CNNGB", "CNTAO", "CNXMN", "CNTXG", "CNLYG", "CNFOC", "CNHUA", "CNDLC"],
    "air": ["CNPVG", "CNCAN", "CNCGO", "CNPEK"],
    "road": ["CNPXG", "CNERL", "CNKHG", "CNRLI"],
    "rail": ["CNALA", "CNMZH", "CNKHG"],
    "express": ["CNSZX", "CNCAN", "CNPVG"],
    "post": ["CNPEK", "CNSHA"],
    "passenger": ["CNZUH", "CNSZX"],
}
#: Customs office code (4 digits) of each port, the head of its declaration numbers.
OFFICE = {
    "CNNGB": "3104",
    "CNTAO": "4227",
    "CNXMN": "3715",
    "CNTXG": "0202",
    "CNLYG": "2305",
    "CNFOC": "3501",
    "CNHUA": "5201",
    "CNDLC": "0902",
    "CNPVG": "2233",
    "CNCAN": "5141",
    "CNCGO": "4618",
    "CNPEK": "0101",
    "CNPXG": "7216",
    "CNERL": "0705",
    "CNKHG": "9406",
    "CNRLI": "8606",
    "CNALA": "9403",
    "CNMZH": "0612",
    "CNSZX": "5316",
    "CNSHA": "2244",
    "CNZUH": "5701",
}
#: Ports whose system stamps the lodging time in UTC; sea ports write +08:00, land ports no zone.
UTC_PORTS = {"CNPVG", "CNCAN", "CNCGO", "CNPEK", "CNSZX", "CNSHA"}
SMALL_MODES = {"express", "post", "passenger"}
FX = {"USD": 1.0, "EUR": 0.92, "JPY": 150.0, "HKD": 7.8, "CNY": 7.15}


def _season(days: np.ndarray) -> np.ndarray:
    """Relative daily export volume."""
    dates = np.datetime64(WORLD_START.isoformat()) + days
    month = (dates.astype("datetime64[M]").astype(int) % 12) + 1
    dom = (dates - dates.astype("datetime64[M]")).astype(int) + 1
    w = 1.0 + 0.25 * np.isin(month, [9, 10, 11]) - 0.1 * np.isin(month, [6, 7])
    w = w - 0.55 * ((month == 2) & (dom < 20)) - 0.45 * ((month == 10) & (dom < 8))
    weekday = (dates.astype("datetime64[D]").astype(int) + 3) % 7  # 0 = Monday
    return w * np.where(weekday == 6, 0.3, np.where(weekday == 5, 0.6, 1.0))


def declarations(rng: np.random.Generator, exp: pl.DataFrame, n_lines: int) -> pl.DataFrame:
    """Declaration headers (one row each) with enough lines in total for ``n_lines``."""
    n = int(n_lines / 1.8) + 50
    span = (WORLD_END - WORLD_START).days + 1
    days = np.arange(span)
    season = _season(days)
    day = rng.choice(days, n, p=season / season.sum())
    size = exp["size"].to_numpy()
    e = rng.choice(len(size), n, p=size / size.sum())
    first = (
        exp["first_export"].to_numpy().astype("datetime64[D]")
        - np.datetime64(WORLD_START.isoformat())
    ).astype(int)
    late = day < first[e]
    day[late] = first[e][late] + rng.integers(0, np.maximum(span - first[e][late], 1))
    day = np.minimum(day, span - 1)
    mode = rng.choice(MODES, n, p=MODE_P)
    small = np.isin(mode, list(SMALL_MODES))
    lines = np.where(small, 1 + (rng.random(n) < 0.15), 1 + rng.negative_binomial(1, 0.42, n))
    lines = np.minimum(lines, 40)
    port = np.empty(n, dtype=object)
    for m, ports in PORTS.items():  # per mode, not per line
        sel = mode == m
        port[sel] = np.array(ports, dtype=object)[rng.integers(0, len(ports), int(sel.sum()))]
    slot = rng.integers(0, 1 << 20, n) % exp["n_customers"].to_numpy()[e]
    cons = exp["customers"].to_numpy()[e, slot]
    minute = rng.normal(13 * 60, 150, n).clip(7 * 60, 22 * 60 + 50).astype(np.int64)
    return pl.DataFrame(
        {
            "d": np.arange(n),
            "exp": e,
            "day": day,
            "mode": mode,
            "port": port,
            "n_lines": lines,
            "cons": cons,
            "minute": minute,
        }
    )


def explode(
    rng: np.random.Generator, decl: pl.DataFrame, exp: pl.DataFrame, n_lines: int
) -> pl.DataFrame:
    """One row per goods line (a good from its exporter's focus), truncated to ``n_lines``."""
    counts = decl["n_lines"].to_numpy()
    d = np.repeat(decl["d"].to_numpy(), counts)[:n_lines]
    line_no = (np.arange(len(d)) - np.repeat(np.cumsum(counts) - counts, counts)[: len(d)]) + 1
    e = decl["exp"].to_numpy()[d]
    slot = rng.integers(0, 1 << 20, len(d)) % exp["n_focus"].to_numpy()[e]
    g = exp["focus"].to_numpy()[e, slot]
    return pl.DataFrame({"d": d, "line_no": line_no, "g": g})


def rush(rng: np.random.Generator, decl: pl.DataFrame, lines: pl.DataFrame) -> pl.DataFrame:
    """Move declarations of goods newly controlled in the period around their effective date."""
    goods = goods_frame().select("g", "effective_date")
    start = pl.lit(WORLD_START)
    eff = (
        lines.join(goods, on="g")
        .filter(pl.col("effective_date") > start)
        .group_by("d")
        .agg(((pl.col("effective_date").min() - start).dt.total_days()).alias("eff_day"))
    )
    decl = decl.join(eff, on="d", how="left")
    n = decl.height
    u = rng.random(n)
    rel = decl["day"].to_numpy() - decl["eff_day"].fill_null(-10_000).to_numpy()
    eff_day = decl["eff_day"].fill_null(0).to_numpy()
    near = (rel >= -40) & (rel < 45)
    before = near & (u < 0.6)
    new_day = np.where(before, eff_day - rng.integers(1, 22, n), decl["day"].to_numpy())
    after = near & ~before
    new_day = np.where(after, eff_day + rng.integers(45, 100, n), new_day)
    eve = before & (u < 0.12)
    new_day = np.where(eve, eff_day - 1, new_day)
    minute = np.where(eve, 23 * 60 + rng.integers(20, 60, n), decl["minute"].to_numpy())
    span = (WORLD_END - WORLD_START).days
    return decl.with_columns(
        pl.Series("day", np.clip(new_day, 0, span)), pl.Series("minute", minute)
    ).drop("eff_day")


def quantities(rng: np.random.Generator, lines: pl.DataFrame) -> pl.DataFrame:
    """Quantity, unit, net and gross weight and USD value of each line's goods."""
    goods = goods_frame()
    g = lines["g"].to_numpy()
    lot = goods["lot_kg"].to_numpy()[g]
    small = lines["mode"].is_in(list(SMALL_MODES)).to_numpy()
    air = (lines["mode"] == "air").to_numpy()
    kg = lot * rng.lognormal(0, 0.7, len(g))
    kg = np.where(small, np.minimum(kg, rng.uniform(0.3, 25, len(g))), kg)
    kg = np.where(air, np.minimum(kg, rng.uniform(20, 800, len(g))), kg)
    per = goods["kg_per_unit"].to_numpy()[g]
    unit = goods["unit"].to_numpy()[g]
    qty = kg / per
    counted = np.isin(unit, ["pcs", "set"])
    qty = np.where(counted, np.maximum(np.round(qty), 1), np.round(qty, 3))
    qty = np.where(unit == "t", np.maximum(qty, 0.001), qty)
    net = np.round(np.where(counted, qty * per * rng.lognormal(0, 0.05, len(g)), qty * per), 3)
    net = np.maximum(net, 0.001)
    pack = goods["pack"].to_numpy()[g]
    gross = np.round(net * (pack + np.abs(rng.normal(0, 0.02, len(g)))), 2)
    effective = goods["effective_date"].to_numpy().astype("datetime64[D]")[g]
    date = lines["date"].to_numpy().astype("datetime64[D]")
    controlled_price = goods["controlled"].to_numpy()[g] & (date >= effective)
    usd_kg = goods["usd_per_kg"].to_numpy()[g] * np.where(controlled_price, 1.3, 1.0)
    usd = np.round(net * usd_kg * rng.lognormal(0, 0.15, len(g)), 2)
    return lines.with_columns(
        pl.Series("quantity", qty),
        pl.Series("unit", unit),
        pl.Series("net_weight_kg", net),
        pl.Series("gross_weight_kg", gross),
        pl.Series("usd", usd),
    )
