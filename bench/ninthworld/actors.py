"""Who trades: exporters (mostly trading companies and e-commerce sellers, rarely the
producer), foreign consignees, restricted parties and the people behind them.

Exporters are Chinese companies named in characters on declarations and in pinyin or
English in the registry, so a name never matches across tables without resolution.
Each exporter has a kind, a home region, the goods it trades, its regular consignees
and its own active period (new entrants appear throughout the four years).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

from orewatch.contract.ids import USCC_ALPHABET, uscc_check_char

from . import vocab

CITIES = (
    ("宁波", "Ningbo"),
    ("厦门", "Xiamen"),
    ("赣州", "Ganzhou"),
    ("株洲", "Zhuzhou"),
    ("昆明", "Kunming"),
    ("包头", "Baotou"),
    ("深圳", "Shenzhen"),
    ("义乌", "Yiwu"),
    ("广州", "Guangzhou"),
    ("郑州", "Zhengzhou"),
    ("西安", "Xi'an"),
    ("成都", "Chengdu"),
)
BRANDS = (
    ("恒昌", "Hengchang"),
    ("鑫源", "Xinyuan"),
    ("华锐", "Huarui"),
    ("金泰", "Jintai"),
    ("宏达", "Hongda"),
    ("瑞丰", "Ruifeng"),
    ("中科", "Zhongke"),
    ("永盛", "Yongsheng"),
    ("嘉禾", "Jiahe"),
    ("天翔", "Tianxiang"),
    ("博远", "Boyuan"),
    ("晶润", "Jingrun"),
    ("辰光", "Chenguang"),
    ("海通", "Haitong"),
    ("隆鑫", "Longxin"),
    ("聚力", "Juli"),
    ("兴业", "Xingye"),
    ("汇金", "Huijin"),
    ("创达", "Chuangda"),
    ("德润", "Derun"),
)
TRADES = {
    "ecom": (("电子商务", "E-commerce"), ("跨境电商", "Cross-border E-commerce")),
    "trader": (("进出口", "Import & Export"), ("贸易", "Trading"), ("供应链", "Supply Chain")),
    "producer": (("新材料", "New Materials"), ("金属", "Metals"), ("实业", "Industrial")),
    "processor": (("科技", "Technology"), ("电子", "Electronics")),
}
STEMS = (
    "Apex",
    "Nordic",
    "Sunrise",
    "Blue Ocean",
    "Meridian",
    "Keystone",
    "Orion",
    "Atlas",
    "Pioneer",
    "Summit",
    "Vertex",
    "Delta",
    "Lotus",
    "Golden Bridge",
    "Silverline",
    "Crescent",
    "Horizon",
    "Evergreen",
    "Polaris",
    "Harbor",
    "Zenith",
    "Coral",
    "Falcon",
)
LINES = (
    "Metals",
    "Trading",
    "Materials",
    "Industries",
    "Electronics",
    "Supply",
    "Resources",
    "Technologies",
    "Alloys",
    "Commodities",
    "Imports",
    "Components",
)
SUFFIX = {
    "US": "Inc.",
    "JP": "K.K.",
    "KR": "Co., Ltd.",
    "DE": "GmbH",
    "NL": "B.V.",
    "VN": "Company Limited",
    "TH": "Co., Ltd.",
    "MY": "Sdn. Bhd.",
    "SG": "Pte. Ltd.",
    "IN": "Pvt. Ltd.",
    "AE": "FZE",
    "TR": "Ltd. Sti.",
    "RU": "LLC",
    "KZ": "LLP",
    "MX": "S.A. de C.V.",
    "BR": "Ltda.",
    "GB": "Ltd",
    "FR": "SARL",
    "IT": "S.r.l.",
    "PL": "Sp. z o.o.",
    "ID": "PT",
    "PH": "Inc.",
    "AU": "Pty Ltd",
    "CA": "Inc.",
    "HK": "Limited",
    "KG": "LLC",
    "MN": "LLC",
    "MM": "Co., Ltd.",
}
STREETS = (
    "Harbour Road",
    "Industrial Ave",
    "Jalan Ampang",
    "Nguyen Hue St",
    "Al Quoz 3",
    "Leninsky Prospekt",
    "Kings Road",
    "Hauptstrasse",
    "Dostyk Ave",
    "Sukhumvit Rd",
    "Ataturk Cd.",
    "Main Street",
    "Rue de Lyon",
    "Calle Reforma",
    "Orchard Rd",
)
FIRST = (
    "John",
    "Maria",
    "Anh",
    "Somchai",
    "Ivan",
    "Aigerim",
    "Ahmed",
    "Yuki",
    "Min-jun",
    "Priya",
    "Lukas",
    "Sofia",
    "Carlos",
    "Fatma",
    "Siti",
    "James",
    "Olga",
    "Tran",
)
LAST = (
    "Smith",
    "Nguyen",
    "Ivanov",
    "Tanaka",
    "Kim",
    "Sharma",
    "Muller",
    "Garcia",
    "Yilmaz",
    "Rahman",
    "Petrov",
    "Suzuki",
    "Lopez",
    "Tan",
    "Brown",
    "Nurlanov",
    "Kowalski",
    "Silva",
)
PHONE_PREFIX = {"CN": "+86 ", "default": "+"}

START = dt.date(2023, 1, 1)
END = dt.date(2026, 6, 30)
DAYS = (END - START).days + 1


@dataclass
class Actors:
    """Exporters, consignees and restricted parties, as columns (index = id)."""

    exporters: (
        pl.DataFrame
    )  # idx, exporter_id, name_zh, name_en, kind, region, start, end, weight, controlled
    goods_of: list[np.ndarray]  # per exporter: good indices it trades
    buyers_of: list[np.ndarray]  # per exporter: consignee indices it sells to
    consignees: pl.DataFrame  # idx, name, country, address, phone, incorporated, person
    watch: pl.DataFrame  # idx, name, country, address, phone, listed_at, list, kind, reason
    parties: list[dict[str, object]]
    relations: list[dict[str, object]]


def uscc(rng: np.random.Generator, region: str) -> str:
    """A unified social credit code with a right check character (91 = enterprise)."""
    body = "91" + region + "".join(rng.choice(list(USCC_ALPHABET), 9))
    return body + uscc_check_char(body)


def customs_code(rng: np.random.Generator, region: str) -> str:
    """A ten-character customs registration code (area, type 3 = trading, serial)."""
    return region[:4] + "3" + "".join(rng.choice(list("0123456789ABCDEFGHJK"), 5))


def phone(rng: np.random.Generator, country: str) -> str:
    """A phone number written the way it is in a registry."""
    prefix = "+86 1" if country == "CN" else "+" + str(rng.integers(1, 99)) + " "
    return prefix + "".join(rng.choice(list("0123456789"), 9))


def address(rng: np.random.Generator, country: str) -> str:
    """A street address abroad (or a Chinese industrial park)."""
    if country == "CN":
        zone = rng.choice(["Hi-tech Zone", "Free Trade Zone", "Industrial Park"])
        return f"{rng.choice(CITIES)[1]} {zone} No.{rng.integers(1, 400)}"
    return f"{rng.integers(1, 999)} {rng.choice(STREETS)}, {country}"


def make_exporters(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Exporters with kinds, names in two scripts, ids, regions and active periods."""
    kinds = rng.choice(["ecom", "trader", "producer", "processor"], n, p=[0.42, 0.40, 0.08, 0.10])
    rows = []
    seen: set[str] = set()
    for i, kind in enumerate(kinds):
        region = str(rng.choice(vocab.REGIONS))
        for _ in range(20):
            city, brand, trade = (
                rng.integers(len(CITIES)),
                rng.integers(len(BRANDS)),
                rng.integers(len(TRADES[kind])),
            )
            zh = CITIES[city][0] + BRANDS[brand][0] + TRADES[kind][trade][0] + "有限公司"
            if zh not in seen:
                break
        else:
            zh = CITIES[city][0] + BRANDS[brand][0] + str(i) + TRADES[kind][trade][0] + "有限公司"
        seen.add(zh)
        en = f"{CITIES[city][1]} {BRANDS[brand][1]} {TRADES[kind][trade][1]} Co., Ltd."
        reg = uscc(rng, region) if rng.random() < 0.8 else customs_code(rng, region)
        late = rng.random() < 0.3
        start = int(rng.integers(0, DAYS - 120)) if late else 0
        end = DAYS - 1 if rng.random() < 0.9 else int(rng.integers(start + 90, DAYS))
        controlled = kind in ("trader", "producer") and rng.random() < 0.22
        rows.append(
            {
                "idx": i,
                "exporter_id": reg,
                "name_zh": zh,
                "name_en": en,
                "kind": str(kind),
                "region": region,
                "start": start,
                "end": end,
                "weight": float(rng.lognormal(0, 1.0)),
                "controlled": controlled,
                "phone": phone(rng, "CN"),
                "address": address(rng, "CN"),
                "incorporated": START
                - dt.timedelta(days=int(rng.integers(200, 6000)))
                + dt.timedelta(days=start),
            }
        )
    return pl.DataFrame(rows)


def company_name(rng: np.random.Generator, country: str) -> str:
    """A foreign company name in its country's style."""
    return f"{rng.choice(STEMS)} {rng.choice(LINES)} {vocab_suffix(country)}"


def vocab_suffix(country: str) -> str:
    return SUFFIX.get(country, "Ltd")


def person_name(rng: np.random.Generator) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def make_consignees(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Foreign consignees across the world's trading partners (long-established mostly)."""
    countries = list(vocab.COUNTRY_SHARE)
    share = np.array([vocab.COUNTRY_SHARE[c] for c in countries], float)
    picks = rng.choice(countries, n, p=share / share.sum())
    rows = []
    seen: set[str] = set()
    for i, c in enumerate(picks):
        name = company_name(rng, str(c))
        if name in seen:
            name = name.replace(
                " ", f" {rng.choice(['Global', 'Asia', 'Int', 'United', 'First'])} ", 1
            )
        seen.add(name)
        rows.append(
            {
                "idx": i,
                "name": name,
                "country": str(c),
                "address": address(rng, str(c)),
                "phone": phone(rng, str(c)),
                "incorporated": START - dt.timedelta(days=int(rng.integers(300, 9000))),
                "front_of": -1,
            }
        )
    return pl.DataFrame(rows)


WATCH_STEMS = (
    "Volga",
    "Ural",
    "Redstone",
    "Eagle",
    "Kestrel",
    "Taiga",
    "Sable",
    "Borealis",
    "Granite",
    "Onyx",
    "Steppe",
    "Caspian",
    "Vanguard",
    "Ironclad",
    "Skyforge",
)
WATCH_LINES = (
    "Aerotech",
    "Defense Systems",
    "Precision Instruments",
    "Radar Works",
    "Munitions",
    "Optics",
    "Avionics",
    "Special Alloys",
    "Microelectronics",
)
WATCH_LISTS = ("cn_unreliable_entities", "cn_export_control_list", "customs_intel")


def make_watch(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Restricted parties (own inventions, not copied from any list) with listing dates."""
    countries = ("US", "RU", "US", "JP", "AE", "TR", "HK", "KZ", "US", "RU")
    rows = []
    seen: set[str] = set()
    for i in range(n):
        c = str(countries[i % len(countries)])
        name = f"{rng.choice(WATCH_STEMS)} {rng.choice(WATCH_LINES)} {vocab_suffix(c)}"
        if name in seen:
            stem = f"{rng.choice(WATCH_STEMS)}-{rng.choice(WATCH_STEMS)}"
            name = f"{stem} {rng.choice(WATCH_LINES)} {vocab_suffix(c)}"
        seen.add(name)
        listed = dt.date(2022, 6, 1) + dt.timedelta(days=int(rng.integers(0, 1300)))
        rows.append(
            {
                "idx": i,
                "name": name,
                "country": c,
                "address": address(rng, c),
                "phone": phone(rng, c),
                "listed_at": listed,
                "list": str(rng.choice(WATCH_LISTS)),
                "reason": str(
                    rng.choice(
                        [
                            "military end user",
                            "procurement for weapons programme",
                            "diversion of controlled items",
                        ]
                    )
                ),
            }
        )
    return pl.DataFrame(rows)


def trade_links(
    rng: np.random.Generator, exporters: pl.DataFrame, consignees: pl.DataFrame
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Goods each exporter trades and the consignees it regularly sells to."""
    ordinary = [vocab.INDEX[g.key] for g in vocab.ORDINARY]
    share = np.array([g.share for g in vocab.ORDINARY], float)
    controlled = [vocab.INDEX[g.key] for g in vocab.CONTROLLED]
    b2c = [vocab.INDEX[k] for k in vocab.B2C_GOODS]
    goods_of, buyers_of = [], []
    n_cons = consignees.height
    for kind, is_ctrl in zip(exporters["kind"], exporters["controlled"], strict=True):
        if kind == "ecom":
            goods = rng.choice(b2c, int(rng.integers(2, 6)), replace=False)
        else:
            goods = rng.choice(
                ordinary, int(rng.integers(2, 7)), replace=False, p=share / share.sum()
            )
            if is_ctrl:
                own = rng.choice(controlled, int(rng.integers(1, 5)), replace=False)
                covers = [vocab.INDEX[c] for k in own for c in vocab.GOODS[k].covers[:1]]
                goods = np.unique(np.concatenate([goods, own, covers]))
        goods_of.append(np.asarray(goods, np.int64))
        buyers_of.append(rng.choice(n_cons, int(rng.integers(3, 14)), replace=False))
    return goods_of, buyers_of


def registry(
    exporters: pl.DataFrame, consignees: pl.DataFrame, watch: pl.DataFrame, rng: np.random.Generator
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The parties and relations tables: exporters under their English names (Chinese as
    alt name), consignees, restricted parties, and a director for each company."""
    parties: list[dict[str, object]] = []
    relations: list[dict[str, object]] = []
    for r in exporters.iter_rows(named=True):
        pid = f"CNE{r['idx']:05d}"
        parties.append(
            {
                "party_id": pid,
                "kind": "company",
                "name": r["name_en"],
                "alt_names": r["name_zh"],
                "country": "CN",
                "address": r["address"],
                "phone": r["phone"],
                "registration_id": r["exporter_id"],
                "incorporated_at": r["incorporated"],
            }
        )
        boss = f"CNP{r['idx']:05d}"
        parties.append(
            {"party_id": boss, "kind": "person", "name": person_name_cn(rng), "country": "CN"}
        )
        relations.append(
            {
                "src_party_id": boss,
                "dst_party_id": pid,
                "relation": "owner",
                "share": round(float(rng.uniform(0.3, 1.0)), 2),
            }
        )
    for prefix, frame in (("F", consignees), ("W", watch)):
        for r in frame.iter_rows(named=True):
            foreign_company(rng, prefix, r, parties, relations)
    return parties, relations


def foreign_company(
    rng: np.random.Generator,
    prefix: str,
    r: dict[str, object],
    parties: list[dict[str, object]],
    relations: list[dict[str, object]],
) -> None:
    """A foreign company's registry row and its director's (``F``: consignee, ``W``:
    restricted party; only consignees carry an incorporation date)."""
    width = 5 if prefix == "F" else 4
    pid = f"{prefix}{'C' if prefix == 'F' else 'L'}{r['idx']:0{width}d}"
    row = {
        "party_id": pid,
        "kind": "company",
        "name": r["name"],
        "country": r["country"],
        "address": r["address"],
        "phone": r["phone"],
    }
    if prefix == "F":
        row["incorporated_at"] = r["incorporated"]
    parties.append(row)
    boss = f"{prefix}P{r['idx']:0{width}d}"
    parties.append(
        {"party_id": boss, "kind": "person", "name": person_name(rng), "country": r["country"]}
    )
    relations.append({"src_party_id": boss, "dst_party_id": pid, "relation": "director"})


SURNAMES = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("周", "Zhou"),
    ("吴", "Wu"),
)
GIVEN = ("Wei", "Fang", "Jun", "Lei", "Min", "Jing", "Hao", "Yan", "Qiang", "Li")


def person_name_cn(rng: np.random.Generator) -> str:
    return f"{rng.choice(SURNAMES)[1]} {rng.choice(GIVEN)}"


def make_actors(rng: np.random.Generator, lines: int) -> Actors:
    """Everyone in the world, sized to the number of declaration lines."""
    exporters = make_exporters(rng, max(120, lines // 80))
    consignees = make_consignees(rng, max(200, lines // 40))
    watch = make_watch(rng, max(40, min(160, lines // 600)))
    goods_of, buyers_of = trade_links(rng, exporters, consignees)
    parties, relations = registry(exporters, consignees, watch, rng)
    return Actors(exporters, goods_of, buyers_of, consignees, watch, parties, relations)
