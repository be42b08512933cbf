"""The honest bulk: declarations and their goods lines, vectorised over all lines.

Declarations carry the exporter, consignee, port, mode, day and currency; lines carry the
goods. Seasonality: the Spring Festival dip in February, the October holidays, and the
year-end rush; lodging happens in office hours, Sundays are quiet. Honest exporters
follow the regime: no gallium, germanium or antimony to the US while the ban holds
(their buyers move to other markets) and nothing to military end users.
"""

from __future__ import annotations

import numpy as np

from eleventhworld.goods import GROSS_FACTOR, PACK_ZH, Goods, unit_price
from eleventhworld.population import Population
from eleventhworld.regime import Regime

START = np.datetime64("2023-06-01")
END = np.datetime64("2026-10-31")
MODES = np.array(["sea", "air", "road", "rail", "express", "post", "passenger"])
MODE_W = np.array([62, 10, 8, 5, 10, 4, 1], dtype=float)
PORTS = {
    "sea": ["CNNGB", "CNTAO", "CNXMN", "CNTXG", "CNSHK", "CNFOC"],
    "air": ["CNPVG", "CNCAN", "CNCSX", "CNKMG"],
    "road": ["CNPXA", "CNRUI", "CNHKG"],
    "rail": ["CNCGO", "CNMZH", "CNAKA"],
    "express": ["CNSZX", "CNCAN", "CNHGH"],
    "post": ["CNBJS", "CNSHA"],
    "passenger": ["CNSZX", "CNZUH"],
}
CUSTOMS = {
    "CNNGB": "3101",
    "CNTAO": "4201",
    "CNXMN": "3702",
    "CNTXG": "0202",
    "CNSHK": "5316",
    "CNFOC": "3501",
    "CNPVG": "2233",
    "CNCAN": "5141",
    "CNCSX": "4901",
    "CNKMG": "8601",
    "CNPXA": "7201",
    "CNRUI": "8606",
    "CNHKG": "5301",
    "CNCGO": "4605",
    "CNMZH": "0601",
    "CNAKA": "9401",
    "CNSZX": "5305",
    "CNHGH": "2901",
    "CNBJS": "0101",
    "CNSHA": "2201",
    "CNZUH": "5701",
}
MEDIAN_KG = {
    "sea": 9000,
    "air": 180,
    "road": 5000,
    "rail": 14000,
    "express": 9,
    "post": 3,
    "passenger": 2,
}
CURRENCIES = np.array(["USD", "CNY", "EUR", "HKD", "JPY"])
CUR_W = np.array([75, 12, 6, 4, 3], dtype=float)
USD_PER = {"USD": 1.0, "CNY": 1 / 7.15, "EUR": 1.09, "HKD": 1 / 7.8, "JPY": 1 / 148.0}
MONTH_W = np.array([1.05, 0.6, 0.95, 1.0, 1.0, 1.0, 1.02, 1.05, 1.1, 0.82, 1.15, 1.2])
DOW_W = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.55, 0.25])  # Monday first
END_USES = np.array(
    [
        "electronics",
        "optical fibre",
        "alloy additive",
        "flame retardant",
        "battery anode",
        "permanent magnets",
        "cemented carbide",
    ],
    dtype=object,
)


def typical_kg(rng: np.random.Generator, mode: np.ndarray, usd_per_kg: np.ndarray) -> np.ndarray:
    """Line weights by mode, smaller for dearer goods."""
    median = np.array([MEDIAN_KG[str(m)] for m in mode], dtype=float)
    median = median / np.clip(usd_per_kg / 20, 1, 400) ** 0.75
    return np.round(median * rng.lognormal(0, 0.8, len(mode)), 2) + 0.1


def seasonal_days(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` days drawn with month, weekday and slow growth weights."""
    days = np.arange(START, END + 1)
    months = days.astype("datetime64[M]").astype(int) % 12
    dow = (days.astype(int) + 3) % 7
    growth = 1 + 0.08 * (days - START).astype(int) / 365
    w = MONTH_W[months] * DOW_W[dow] * growth
    return rng.choice(days, n, p=w / w.sum())


def iso6346(rng: np.random.Generator, n: int) -> np.ndarray:
    """Container numbers with a valid check digit."""
    owners = np.array(["CSQU", "OOLU", "TGHU", "MSKU", "CMAU", "EISU", "SEGU", "TCNU"])
    letters = {
        c: v
        for c, v in zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                10,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                23,
                24,
                25,
                26,
                27,
                28,
                29,
                30,
                31,
                32,
                34,
                35,
                36,
                37,
                38,
            ],
            strict=True,
        )
    }
    ov = np.array([[letters[c] for c in o] for o in owners])
    pick = rng.integers(0, len(owners), n)
    digits = rng.integers(0, 10, (n, 6))
    vals = np.concatenate([ov[pick], digits], axis=1)
    check = (vals * (2 ** np.arange(10))).sum(axis=1) % 11 % 10
    serial = np.char.zfill((digits * 10 ** np.arange(5, -1, -1)).sum(axis=1).astype(str), 6)
    return np.char.add(np.char.add(owners[pick], serial), check.astype(str)).astype(object)


def _declarations(rng: np.random.Generator, pop: Population, lines: int) -> dict[str, np.ndarray]:
    n = int(lines / 2.0) + 50
    mode = rng.choice(MODES, n, p=MODE_W / MODE_W.sum())
    single = np.isin(mode, ["express", "post", "passenger"]) | (rng.random(n) < 0.45)
    count = np.where(single, 1, 2 + rng.geometric(0.28, n))
    count = np.minimum(count, 35)
    keep = np.cumsum(count) - count < lines
    mode, count = mode[keep], count[keep]
    count[-1] -= max(0, int(count.sum()) - lines)
    n = len(mode)
    regular = len(pop.book)
    w = pop.exp_weight[:regular]
    exporter = rng.choice(regular, n, p=w / w.sum())
    book_len = np.array([len(b) for b in pop.book])
    book_off = np.concatenate([[0], np.cumsum(book_len)[:-1]])
    flat = np.concatenate(pop.book)
    consignee = flat[book_off[exporter] + (rng.random(n) * book_len[exporter]).astype(int)]
    day = seasonal_days(rng, n)
    late = day < pop.exp_since[exporter]
    day[late] = np.minimum(pop.exp_since[exporter][late] + rng.integers(0, 90, late.sum()), END)
    port = np.empty(n, dtype=object)
    for m, ports in PORTS.items():
        rows = mode == m
        port[rows] = rng.choice(np.array(ports), rows.sum())
    return {
        "mode": mode.astype(object),
        "count": count,
        "exporter": exporter,
        "consignee": consignee,
        "day": day,
        "port": port,
        "currency": rng.choice(CURRENCIES, n, p=CUR_W / CUR_W.sum()).astype(object),
        "minute": np.clip(rng.normal(11.5 * 60, 150, n), 7 * 60, 21 * 60).astype(int),
        "broker": np.where(rng.random(n) < 0.7, rng.integers(0, 40, n), -1),
    }


def declaration_ids(rng: np.random.Generator, port: np.ndarray, day: np.ndarray) -> np.ndarray:
    """18-digit numbers: customs code, year, export flag 0, 9-digit serial."""
    code = np.array([CUSTOMS[p] for p in np.unique(port)], dtype=object)
    lookup = dict(zip(np.unique(port), code, strict=True))
    head = np.array([lookup[p] for p in port], dtype=str)
    year = day.astype("datetime64[Y]").astype(int) + 1970
    serial = np.char.zfill(rng.permutation(10**6 * 9)[: len(port)].astype(str), 9)
    return np.char.add(np.char.add(np.char.add(head, year.astype(str)), "0"), serial).astype(object)


def build_lines(
    rng: np.random.Generator, pop: Population, goods: Goods, regime: Regime, lines: int
) -> dict[str, np.ndarray]:
    """The honest lines, as parallel arrays (one entry a line)."""
    d = _declarations(rng, pop, lines)
    d["declaration_id"] = declaration_ids(rng, d["port"], d["day"])
    idx = np.repeat(np.arange(len(d["mode"])), d["count"])
    starts = np.cumsum(d["count"]) - d["count"]
    cols: dict[str, np.ndarray] = {k: v[idx] for k, v in d.items() if k != "count"}
    cols["line_no"] = np.arange(len(idx)) - starts[idx] + 1
    cols["decl"] = idx
    n = len(idx)
    bulk = np.isin(cols["mode"], ["sea", "air", "road", "rail"])
    p_ctrl = np.where(pop.exp_controlled[cols["exporter"]], 0.14, 0.003) * bulk
    ctrl = rng.random(n) < p_ctrl
    product = rng.choice(goods.n_ordinary, n, p=goods.shares(False))
    product[ctrl] = rng.choice(goods.controlled(), ctrl.sum(), p=goods.shares(True))
    cols["product"] = product
    cols["kg"] = typical_kg(rng, cols["mode"], goods.usd_after[product])
    _follow_rules(rng, cols, pop, goods, regime)
    return cols


def _follow_rules(
    rng: np.random.Generator,
    cols: dict[str, np.ndarray],
    pop: Population,
    goods: Goods,
    regime: Regime,
) -> None:
    """Honest exporters do not ship banned elements to the US while the ban holds: the
    whole shipment goes to a consignee in another market instead."""
    element = goods.element[cols["product"]]
    us = pop.con_onward[cols["consignee"]] == "US"
    banned = us & regime.us_denied(element, cols["day"])
    others = np.flatnonzero(
        np.isin(pop.con_country[: pop.n_regular_con], ["DE", "NL", "KR", "JP", "BE", "FR"])
    )
    decl = cols["decl"]
    new = rng.choice(others, int(decl.max()) + 1)
    moved = np.isin(decl, decl[banned])
    cols["consignee"][moved] = new[decl[moved]]


def dress(
    rng: np.random.Generator,
    cols: dict[str, np.ndarray],
    pop: Population,
    goods: Goods,
    regime: Regime,
) -> None:
    """Fill the declared columns from the true ones (run after the schemes, which change
    what is declared through the ``decl_*`` overrides they set)."""
    n = len(cols["product"])
    product = cols["decl_product"]
    kg = cols["decl_kg"]
    unit = goods.unit[product]
    piece = 0.4 + (product % 7) * 1.3
    qty = np.where(
        unit == "t", kg / 1000, np.where(np.isin(unit, ["pcs", "set"]), np.ceil(kg / piece), kg)
    )
    cols["quantity"] = np.round(qty, 3)
    cols["unit"] = unit
    cols["net_weight_kg"] = np.round(kg, 2)
    pack = goods.pack[cols["product"]]
    lo = np.array([GROSS_FACTOR[p][0] for p in pack])
    hi = np.array([GROSS_FACTOR[p][1] for p in pack])
    gross = cols["true_kg"] * rng.uniform(lo, hi) + cols["hidden_kg"]
    cols["gross_weight_kg"] = np.round(gross, 2)
    started = regime.licence_needed(goods.item[cols["product"]], cols["day"]) | (
        cols["day"] > np.datetime64("2025-06-01")
    )
    usd = unit_price(goods, cols["product"], started) * cols["true_kg"] * rng.lognormal(0, 0.15, n)
    usd = usd * cols["value_factor"]
    rate = np.array([USD_PER[c] for c in cols["currency"]])
    cols["value"] = np.round(usd / rate, 2)
    lang = cols["exporter"] % 3
    zh, en = goods.zh[product], goods.en[product]
    desc = np.where(
        lang == 0,
        zh,
        np.where(
            lang == 1,
            en,
            np.char.add(np.char.add(zh.astype(str), " "), en.astype(str)).astype(object),
        ),
    )
    cols["description"] = np.where(cols["decl_description"] != "", cols["decl_description"], desc)
    spec = np.char.add("包装:", np.array([PACK_ZH[p] for p in pack], dtype=str))
    ctrl = goods.item[product] != ""
    purity = np.where(
        ctrl,
        np.char.add("|纯度:", rng.choice(np.array(["99.99%", "99.999%", "99.9%", "4N5"]), n)),
        "",
    )
    cols["specification"] = np.char.add(
        np.char.add(spec, purity), cols["spec_extra"].astype(str)
    ).astype(object)
