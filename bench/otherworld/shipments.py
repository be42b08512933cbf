"""Declarations and their goods lines, assembled column by column.

:func:`assemble` turns declaration-level choices (who, to whom, when, how) and
line-level choices (which product, how many kilograms) into every contract column:
port, declaration number, goods names in Chinese or English, declared elements,
packaging and gross weight, value in the exporter's currency, containers and transport
documents. :func:`honest_plan` draws those choices for the ordinary trade. Everything is
numpy over whole columns; hidden columns (prefixed ``_``) carry the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from . import goods
from .actors import Actors
from .calendar import clamp_after, sample_days
from .names import CITIES

#: An object array's null as ``np.where``'s ``x`` or ``y`` or ``np.select``'s default
#: (numpy's types take no None).
NULL: Any = None

FX = {"USD": 1.0, "CNY": 7.18, "EUR": 0.92, "JPY": 150.0, "HKD": 7.8}
SEA_BY_CITY = {
    "宁波": "CNNGB",
    "义乌": "CNNGB",
    "上海": "CNSHA",
    "苏州": "CNSHA",
    "成都": "CNSHA",
    "深圳": "CNYTN",
    "东莞": "CNYTN",
    "广州": "CNNSA",
    "郴州": "CNNSA",
    "长沙": "CNNSA",
    "株洲": "CNNSA",
    "冷水江": "CNNSA",
    "厦门": "CNXMN",
    "赣州": "CNXMN",
    "青岛": "CNTAO",
    "天津": "CNTXG",
    "包头": "CNTXG",
    "连云港": "CNLYG",
    "乌鲁木齐": "CNLYG",
    "南宁": "CNQZH",
    "昆明": "CNQZH",
    "个旧": "CNQZH",
}
SEA = ("CNNGB", "CNSHA", "CNYTN", "CNNSA", "CNXMN", "CNTAO", "CNTXG", "CNLYG", "CNQZH")
AIR = ("CNPVG", "CNCAN", "CNSZX", "CNCTU", "CNKMG")
RAIL = ("CNAKA", "CNHGS", "CNERL")
ROAD = {"VN": "CNPXG", "KZ": "CNHGS", "KG": "CNHGS", "RU": "CNNZH"}
PARCEL = ("CNSZX", "CNCAN", "CNYIW", "CNPVG")
PASSENGER = ("CNZUH", "CNSZX")
REGION_CITY = {code: city for city, code in CITIES.items()}
DISTRICT = {
    "CNNGB": "3104",
    "CNSHA": "2201",
    "CNYTN": "5316",
    "CNNSA": "5141",
    "CNXMN": "3701",
    "CNTAO": "4218",
    "CNTXG": "0202",
    "CNLYG": "2305",
    "CNQZH": "7206",
    "CNPVG": "2233",
    "CNCAN": "5101",
    "CNSZX": "5300",
    "CNCTU": "7901",
    "CNKMG": "8601",
    "CNAKA": "9401",
    "CNHGS": "9402",
    "CNERL": "0702",
    "CNPXG": "7201",
    "CNNZH": "0601",
    "CNYIW": "2920",
    "CNZUH": "5700",
}
TIMED_MODES = ("air", "express", "post", "passenger")  # lodged with a time of day
NEIGHBOURS = ("VN", "KZ", "KG", "RU")
EUROPE = ("DE", "NL", "BE", "PL", "FR", "IT", "RS")
CONTAINER_OWNERS = ("MSCU", "CMAU", "OOLU", "COSU", "EGHU", "TCNU", "HLXU", "SEGU", "TGBU")
USES = {
    "gallium": ("半导体衬底", "semiconductor substrates"),
    "germanium": ("红外光学", "infrared optics"),
    "graphite": ("锂电池负极材料", "battery anode material"),
    "antimony": ("阻燃剂", "flame retardants"),
    "tungsten": ("硬质合金原料", "hard-metal feedstock"),
    "tellurium": ("光伏薄膜", "thin-film photovoltaics"),
    "bismuth": ("低熔点合金", "low-melting alloys"),
    "dysprosium": ("永磁材料", "permanent magnets"),
    "terbium": ("荧光材料", "phosphors"),
    "yttrium": ("陶瓷涂层", "ceramic coatings"),
    "samarium": ("永磁材料", "permanent magnets"),
}


@dataclass(frozen=True)
class Catalogue:
    """All products as parallel arrays; controlled ones last."""

    hs: np.ndarray
    zh: np.ndarray
    en: np.ndarray
    unit: np.ndarray
    kg_per_unit: np.ndarray
    usd: np.ndarray
    pack: np.ndarray
    sector: np.ndarray
    element: np.ndarray  # controlled element, "" for ordinary goods
    item: np.ndarray  # catalogue item id, "" for ordinary goods
    content: np.ndarray
    licensable: np.ndarray  # day from which a licence is needed (far future if never)
    n_ordinary: int

    @property
    def controlled(self) -> np.ndarray:
        return np.arange(self.n_ordinary, self.hs.size)


COVER_SECTOR = {
    "3818001900": "electronics",
    "7002200000": "electronics",
    "8545110000": "building",
    "6902100000": "building",
    "3207200000": "chemical",
    "3405909000": "chemical",
    "7228300000": "steel",
}


def catalogue() -> Catalogue:
    """Ordinary goods (with the cover goods honest traders also ship), then controlled."""
    ordinary = goods.ordinary_goods()
    cov = goods.covers().unique("hs_code", keep="first", maintain_order=True)
    cov = cov.filter(~pl.col("hs_code").is_in(ordinary["hs_code"].to_list()))
    cover_rows = cov.select(
        "hs_code",
        "name_zh",
        "name_en",
        pl.lit("kg").alias("unit"),
        pl.lit(1.0).alias("kg_per_unit"),
        "usd_per_kg",
        pl.lit("pallet").alias("packaging"),
        pl.col("hs_code").replace_strict(COVER_SECTOR, default="metals").alias("sector"),
    )
    plain = pl.concat([ordinary, cover_rows])
    ctrl = goods.controlled_goods()
    n = plain.height
    never = np.datetime64("2100-01-01")
    return Catalogue(
        hs=np.array(plain["hs_code"].to_list() + ctrl["hs_code"].to_list(), dtype=object),
        zh=np.array(plain["name_zh"].to_list() + ctrl["name_zh"].to_list(), dtype=object),
        en=np.array(plain["name_en"].to_list() + ctrl["name_en"].to_list(), dtype=object),
        unit=np.array(plain["unit"].to_list() + ["kg"] * ctrl.height, dtype=object),
        kg_per_unit=np.array(plain["kg_per_unit"].to_list() + [1.0] * ctrl.height),
        usd=np.array(plain["usd_per_kg"].to_list() + ctrl["usd_per_kg"].to_list()),
        pack=np.array(plain["packaging"].to_list() + ctrl["packaging"].to_list(), dtype=object),
        sector=np.array(plain["sector"].to_list() + ["controlled"] * ctrl.height, dtype=object),
        element=np.array([""] * n + ctrl["element"].to_list(), dtype=object),
        item=np.array([""] * n + ctrl["item_id"].to_list(), dtype=object),
        content=np.array([0.0] * n + ctrl["content"].to_list()),
        licensable=np.concatenate(
            [np.full(n, never), ctrl["licensable_from"].to_numpy().astype("datetime64[D]")]
        ),
        n_ordinary=n,
    )


def typical_kg(cat: Catalogue, prod: np.ndarray) -> np.ndarray:
    """Median net kilograms of a line of each product (by unit and price)."""
    base = np.where(
        cat.unit[prod] == "t", 60_000.0, np.where(cat.unit[prod] == "kg", 3_000.0, 1_500.0)
    )
    usd = cat.usd[prod]
    return np.where(usd > 500, 40.0, np.where(usd > 30, np.minimum(base, 800.0), base))


def choose_ports(
    rng: np.random.Generator, actors: Actors, exp: np.ndarray, mode: np.ndarray, dest: np.ndarray
) -> np.ndarray:
    """Port of exit: nearest seaport mostly, airports, border crossings, parcel hubs."""
    n = exp.size
    sea = np.array(
        [SEA_BY_CITY.get(REGION_CITY.get(r, ""), "CNSHA") for r in actors.exp_region[exp]],
        dtype=object,
    )
    sea = np.where(rng.random(n) < 0.25, rng.choice(SEA, size=n), sea)
    road = np.array([ROAD.get(d, "CNPXG") for d in dest], dtype=object)
    ports = np.select(
        [
            mode == "sea",
            mode == "air",
            mode == "rail",
            mode == "road",
            np.isin(mode, ["express", "post"]),
        ],
        [sea, rng.choice(AIR, size=n), rng.choice(RAIL, size=n), road, rng.choice(PARCEL, size=n)],
        default=rng.choice(PASSENGER, size=n),
    )
    return ports.astype(object)


def _iso6346(owner: str, serial: int) -> str:
    """A container number with its ISO 6346 check digit."""
    code = f"{owner}U{serial:06d}"[:4] + f"{serial:06d}"
    values = {
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
    total = sum((values[ch] if ch.isalpha() else int(ch)) * 2**i for i, ch in enumerate(code))
    return code + str(total % 11 % 10)


def containers(rng: np.random.Generator, mode: np.ndarray, kg: np.ndarray) -> np.ndarray:
    """Per declaration: ``;``-joined container numbers for sea and rail, else None."""
    count = np.clip(np.ceil(kg / 21_000), 1, 6).astype(int)
    out = np.full(mode.size, None, dtype=object)
    boxed = np.flatnonzero(np.isin(mode, ["sea", "rail"]))
    owners = rng.choice(CONTAINER_OWNERS, size=boxed.size)
    serials = rng.integers(0, 999_000, size=boxed.size)
    for i, d in enumerate(boxed):  # one per declaration, not per line
        out[d] = ";".join(_iso6346(str(owners[i]), int(serials[i]) + k) for k in range(count[d]))
    return out


def transport_docs(rng: np.random.Generator, mode: np.ndarray, ports: np.ndarray) -> np.ndarray:
    """Bill of lading, air waybill or parcel number per declaration."""
    n = mode.size
    digits = rng.integers(10**9, 10**10, size=n).astype(str).astype(object)
    port3 = np.array([p[2:] for p in ports], dtype=object)
    return np.select(
        [
            np.isin(mode, ["sea", "rail"]),
            mode == "air",
            mode == "express",
            mode == "post",
            mode == "road",
        ],
        [
            port3 + digits,
            "784-" + digits.astype(str).astype(object),
            "SF" + digits + "03",
            "EA" + np.char.zfill(digits.astype(str), 9).astype(object) + "CN",
            "TIR" + digits,
        ],
        default=NULL,
    ).astype(object)


def assemble(
    rng: np.random.Generator,
    cat: Catalogue,
    actors: Actors,
    exp: np.ndarray,
    con: np.ndarray,
    day: np.ndarray,
    mode: np.ndarray,
    nlines: np.ndarray,
    prod: np.ndarray,
    kg: np.ndarray,
    seq_start: int,
) -> dict[str, np.ndarray]:
    """Every column of the lines of ``exp.size`` declarations (see module docstring)."""
    d = exp.size
    rep = np.repeat(np.arange(d), nlines)
    line_no = np.arange(rep.size) - np.repeat(np.cumsum(nlines) - nlines, nlines) + 1
    dest = actors.con_country[con]
    ports = choose_ports(rng, actors, exp, mode, dest)
    year = day.astype("datetime64[Y]").astype(int) + 1970
    seq = seq_start + np.arange(d)
    decl_id = np.array(
        [f"{DISTRICT[p]}{y}1{s:09d}" for p, y, s in zip(ports, year, seq, strict=True)],
        dtype=object,
    )
    seconds = rng.integers(8 * 3600, 22 * 3600, size=d)
    currency = actors.exp_currency[exp].astype(object)
    currency = np.where((dest == "JP") & (rng.random(d) < 0.4), "JPY", currency)
    currency = np.where(np.isin(dest, EUROPE) & (rng.random(d) < 0.3), "EUR", currency)
    english = actors.exp_english[exp][rep]
    n = rep.size
    fx = np.array([FX[c] for c in currency])[rep]
    markup = np.exp(0.25 * ((exp * 2654435761 % 1000) / 1000 - 0.5))[rep]  # exporter's own
    after = day[rep] >= cat.licensable[prod]
    price = cat.usd[prod] * np.exp(rng.normal(0, 0.18, size=n)) * markup
    price = np.where(after, price * 1.2, price)  # export prices firm once licensing starts
    value_usd = kg * price
    unit = cat.unit[prod]
    per = cat.kg_per_unit[prod]
    quantity = np.where(
        unit == "kg", kg, np.where(unit == "t", kg / 1000, np.maximum(1, np.round(kg / per)))
    )
    pack = np.where(np.isin(mode[rep], ["express", "post", "passenger"]), "parcel", cat.pack[prod])
    lo = np.array([goods.TARE[p][0] for p in pack])
    hi = np.array([goods.TARE[p][1] for p in pack])
    gross = kg * (1 + lo + (hi - lo) * rng.random(n))
    desc = np.where(english, cat.en[prod], cat.zh[prod])
    spec = _specification(rng, cat, prod, pack)
    decl_kg = np.bincount(rep, weights=gross, minlength=d)
    decl_money = np.round(value_usd * fx, 2)
    return {
        "declaration_id": decl_id[rep],
        "line_no": line_no,
        "_day": day[rep],
        "_seconds": seconds[rep],
        "port": ports[rep],
        "mode": mode[rep],
        "exporter_id": actors.exp_id[exp][rep],
        "exporter_name": _exporter_names(rng, actors, exp)[rep],
        "declarant_id": _brokers(rng, ports)[rep],
        "consignee_name": actors.con_name[con][rep],
        "consignee_address": np.where(rng.random(d) < 0.8, actors.con_address[con], NULL)[rep],
        "consignee_country": dest[rep],
        "destination_country": dest[rep].copy(),
        "trade_country": np.where(rng.random(d) < 0.7, dest, NULL)[rep],
        "end_user_name": np.full(n, None, dtype=object),
        "end_use": np.full(n, None, dtype=object),
        "hs_code": cat.hs[prod].copy(),
        "description": desc.astype(object),
        "specification": spec,
        "quantity": np.round(quantity, 3),
        "unit": unit.copy(),
        "net_weight_kg": np.round(kg, 3),
        "gross_weight_kg": np.round(gross, 2),
        "value": np.where(np.isin(currency[rep], ["JPY"]), np.round(decl_money), decl_money),
        "currency": currency[rep],
        "license_no": np.full(n, None, dtype=object),
        "container_ids": containers(rng, mode, decl_kg)[rep],
        "transport_doc": transport_docs(rng, mode, ports)[rep],
        "origin_region": np.where(rng.random(d) < 0.85, actors.exp_region[exp], NULL)[rep],
        "_exp": exp[rep],
        "_con": con[rep],
        "_prod": prod.copy(),
        "_true_prod": prod.copy(),
        "_true_kg": kg.copy(),
        "_value_usd": value_usd,
        "_fx": fx,
        "_scheme": np.full(n, None, dtype=object),
    }


def _exporter_names(rng: np.random.Generator, actors: Actors, exp: np.ndarray) -> np.ndarray:
    """Chinese name mostly; an English rendering (any of its spellings) otherwise."""
    english = rng.random(exp.size) < 0.3
    pick = rng.integers(0, 4, size=exp.size)
    out = actors.exp_name_zh[exp].copy()
    for i in np.flatnonzero(english):
        variants = actors.exp_names_en[exp[i]]
        out[i] = variants[pick[i] % len(variants)]
    return out


def _brokers(rng: np.random.Generator, ports: np.ndarray) -> np.ndarray:
    """A customs broker per declaration (a few per port), or None when self-lodged."""
    slot = rng.integers(0, 6, size=ports.size)
    ids = np.array(
        [f"{DISTRICT[p]}98{s:04d}" for p, s in zip(ports, slot, strict=True)], dtype=object
    )
    return np.where(rng.random(ports.size) < 0.75, ids, NULL)


def _specification(
    rng: np.random.Generator, cat: Catalogue, prod: np.ndarray, pack: np.ndarray
) -> np.ndarray:
    """Declared elements (申报要素): use, packaging, brand, grade."""
    n = prod.size
    controlled = cat.element[prod] != ""
    grade = np.where(
        controlled,
        "纯度:" + rng.choice(["99.99%", "99.999%", "99.9%"], size=n).astype(object),
        "规格:" + rng.choice(["A级", "标准", "常规", "出口型"], size=n).astype(object),
    )
    pack_zh = np.array([goods.PACKAGING_ZH[p] for p in pack], dtype=object)
    brand = rng.choice(["无品牌", "境内自主品牌", "境外品牌(其他)"], size=n).astype(object)
    spec = "用途:工业用|包装:" + pack_zh + "|品牌:" + brand + "|" + grade
    return np.where(rng.random(n) < 0.9, spec, NULL)


def honest_plan(
    rng: np.random.Generator,
    cat: Catalogue,
    actors: Actors,
    lines: int,
    us_ban: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Declaration and line choices of the ordinary trade, about ``lines`` lines."""
    n_exp = actors.exp_weight.size
    d = int(lines / 2.4) + 50
    exp = rng.choice(n_exp, size=d, p=actors.exp_weight)
    kind = actors.exp_kind[exp]
    k = actors.cus_start[exp + 1] - actors.cus_start[exp]
    con = actors.cus_flat[actors.cus_start[exp] + (rng.random(d) * k).astype(int)]
    dest = actors.con_country[con]
    day = clamp_after(rng, sample_days(rng, d), actors.exp_since[exp] + 20)
    u = rng.random(d)
    mode = np.where(
        np.isin(dest, NEIGHBOURS) & (u < 0.3),
        "road",
        np.where(np.isin(dest, NEIGHBOURS + EUROPE) & (u > 0.9), "rail", "sea"),
    )
    air_share = np.where(actors.exp_sector[exp] == "electronics", 0.25, 0.05)
    mode = np.where(rng.random(d) < air_share, "air", mode)
    mode = np.where(kind == "ecommerce", np.where(rng.random(d) < 0.7, "express", "post"), mode)
    nlines = np.where(rng.random(d) < 0.4, 1, 1 + np.minimum(rng.geometric(0.3, size=d), 29))
    nlines = np.where(np.isin(mode, ["express", "post"]), 1, nlines)
    keep = np.searchsorted(np.cumsum(nlines), lines) + 1
    exp, con, day, mode, nlines = exp[:keep], con[:keep], day[:keep], mode[:keep], nlines[:keep]
    nlines[-1] -= max(0, int(nlines.sum()) - lines)
    prod = _honest_products(
        rng,
        cat,
        actors,
        exp,
        day,
        np.repeat(np.arange(keep), nlines),
        actors.con_country[con],
        us_ban,
    )
    kg = typical_kg(cat, prod) * np.exp(rng.normal(0, 1.0, size=prod.size))
    kg = np.where(np.isin(np.repeat(mode, nlines), ["air"]), kg * 0.05, kg)
    kg = np.where(
        np.isin(np.repeat(mode, nlines), ["express", "post"]),
        rng.uniform(0.3, 15, size=prod.size),
        kg,
    )
    return exp, con, day, mode.astype(object), nlines, prod, np.round(kg, 2)


def _honest_products(
    rng: np.random.Generator,
    cat: Catalogue,
    actors: Actors,
    exp: np.ndarray,
    day: np.ndarray,
    rep: np.ndarray,
    dest: np.ndarray,
    us_ban: np.ndarray,
) -> np.ndarray:
    """Products per line: the exporter's sector mostly; a mineral trader's own items."""
    n = rep.size
    sectors = actors.exp_sector[exp][rep]
    any_sector = rng.random(n) < 0.15
    ordinary = np.arange(cat.n_ordinary)
    prod = rng.choice(ordinary, size=n)
    for s in np.unique(sectors):
        pool = ordinary[cat.sector[: cat.n_ordinary] == s]
        rows = np.flatnonzero((sectors == s) & ~any_sector)
        if pool.size and rows.size:
            prod[rows] = rng.choice(pool, size=rows.size)
    items = actors.exp_items[exp][rep]
    has = (items >= 0).sum(axis=1)
    mineral = (has > 0) & (rng.random(n) < 0.4)
    slot = (rng.random(n) * np.maximum(has, 1)).astype(int)
    chosen = items[np.arange(n), slot] + cat.n_ordinary
    prod = np.where(mineral, chosen, prod)
    banned = us_ban[np.clip(prod - cat.n_ordinary, 0, None)] & (prod >= cat.n_ordinary)
    in_window = (day[rep] >= np.datetime64("2024-12-03")) & (
        day[rep] <= np.datetime64("2025-11-08")
    )
    honest_stop = banned & (dest[rep] == "US") & in_window
    metals = ordinary[cat.sector[: cat.n_ordinary] == "metals"]
    prod[honest_stop] = rng.choice(metals, size=int(honest_stop.sum()))
    return prod
