"""Who trades: exporters (with their home region, trade, start date and size), customs
brokers (a few complicit), overseas consignees, research institutes, restricted parties
and the front companies linked to them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from . import names

Rng = np.random.Generator

#: division code, city (zh, pinyin), exporter kinds it breeds
REGIONS = [
    (360700, ("赣州", "Ganzhou"), ("metal", "down")),
    (150200, ("包头", "Baotou"), ("metal", "down")),
    (430200, ("株洲", "Zhuzhou"), ("metal", "down")),
    (431381, ("冷水江", "Lengshuijiang"), ("metal", "ore")),
    (451200, ("河池", "Hechi"), ("metal", "ore")),
    (530900, ("临沧", "Lincang"), ("metal",)),
    (530100, ("昆明", "Kunming"), ("metal", "border", "maker")),
    (350200, ("厦门", "Xiamen"), ("metal", "maker", "hub")),
    (230300, ("鸡西", "Jixi"), ("metal", "ore")),
    (410300, ("洛阳", "Luoyang"), ("metal", "down")),
    (440300, ("深圳", "Shenzhen"), ("maker", "down", "hub")),
    (330782, ("义乌", "Yiwu"), ("maker", "hub")),
    (440600, ("佛山", "Foshan"), ("maker",)),
    (330200, ("宁波", "Ningbo"), ("maker", "hub")),
    (320500, ("苏州", "Suzhou"), ("maker", "down")),
    (370200, ("青岛", "Qingdao"), ("maker", "metal")),
    (650100, ("乌鲁木齐", "Urumqi"), ("border", "maker", "hub")),
    (231100, ("黑河", "Heihe"), ("border",)),
    (451481, ("凭祥", "Pingxiang"), ("border",)),
    (150100, ("呼和浩特", "Hohhot"), ("border", "maker")),
    (610100, ("西安", "Xi'an"), ("maker", "down")),
    (500000, ("重庆", "Chongqing"), ("maker",)),
    (510100, ("成都", "Chengdu"), ("maker", "down")),
]

KINDS = ("maker", "metal", "down", "ore", "border", "hub")
KIND_SHARE = np.array([0.62, 0.12, 0.07, 0.04, 0.08, 0.07])

#: destination country and weight of ordinary trade
DESTINATIONS = {
    "US": 9,
    "DE": 6,
    "NL": 5,
    "JP": 6,
    "KR": 5,
    "IN": 4,
    "VN": 6,
    "RU": 7,
    "KZ": 5,
    "MN": 2,
    "TH": 3,
    "MY": 3,
    "SG": 2,
    "HK": 5,
    "AE": 3,
    "TR": 2,
    "GB": 3,
    "IT": 2,
    "FR": 2,
    "PL": 2,
    "BR": 2,
    "AU": 2,
    "ID": 2,
    "LA": 1,
    "MM": 1,
    "KG": 1,
    "UZ": 1,
    "SA": 1,
    "MX": 2,
}
#: third countries used as relays after the controls
RELAYS = ("KZ", "KG", "AE", "TR", "AM", "GE", "RS", "VN", "TH", "MY")
HUBS = ("HK", "SG", "AE")


@dataclass
class Actors:
    """Every party of the world, as frames keyed by ids."""

    exporters: pl.DataFrame
    brokers: pl.DataFrame
    consignees: pl.DataFrame
    labs: pl.DataFrame
    listed: pl.DataFrame
    people: pl.DataFrame


def exporters(rng: Rng, n: int, days: int) -> pl.DataFrame:
    """Exporters: kind, home region, customs code, credit code, names, start day and size.

    A fifth of them start during the period (new exporters, honest ones included) and
    sizes follow a heavy tail so that a few exporters lodge much of the trade.
    """
    kind = rng.choice(KINDS, n, p=KIND_SHARE)
    region_idx = np.empty(n, dtype=np.int64)
    for k in KINDS:
        fits = [i for i, r in enumerate(REGIONS) if k in r[2]]
        sel = kind == k
        region_idx[sel] = rng.choice(fits, int(sel.sum()))
    codes = np.array([REGIONS[i][0] for i in region_idx])
    cities = [REGIONS[i][1] for i in region_idx]
    zh, en, alt = names.chinese_company(rng, n, kind, cities)
    customs = [
        f"{int(c) // 100:04d}{int(t)}{int(s):05d}"
        for c, t, s in zip(codes, rng.choice([1, 3, 9], n), rng.integers(0, 99_999, n), strict=True)
    ]
    start = np.where(rng.random(n) < 0.2, rng.integers(30, days - 20, n), 0)
    return pl.DataFrame(
        {
            "exporter_id": customs,
            "uscc": names.uscc(rng, n, codes),
            "name_zh": zh,
            "name_en": en,
            "name_alt": alt,
            "kind": kind,
            "region": codes.astype(str),
            "start_day": start,
            "size": rng.pareto(1.3, n) + 0.2,
            "phone": names.phones(rng, n),
            "address": [
                f"{c[0]}市工业园区{int(x)}号"
                for c, x in zip(cities, rng.integers(1, 300, n), strict=True)
            ],
        }
    ).unique("exporter_id", keep="first", maintain_order=True)


def brokers(rng: Rng, n: int, complicit: int) -> pl.DataFrame:
    """Customs brokers; the first ``complicit`` of them file fraud for many exporters."""
    codes = [
        f"{int(a):04d}98{int(b):04d}"
        for a, b in zip(rng.integers(1000, 9999, n), rng.integers(0, 9999, n), strict=True)
    ]
    return pl.DataFrame({"declarant_id": codes, "complicit": np.arange(n) < complicit}).unique(
        "declarant_id", keep="first", maintain_order=True
    )


def consignees(rng: Rng, n: int) -> pl.DataFrame:
    """Ordinary overseas consignees by destination weight, with addresses and phones."""
    countries = np.array(list(DESTINATIONS))
    weights = np.array(list(DESTINATIONS.values()), dtype=float)
    country = rng.choice(countries, n, p=weights / weights.sum())
    name, address = names.foreign_company(rng, country)
    return pl.DataFrame(
        {
            "consignee_name": name,
            "consignee_address": address,
            "consignee_country": country,
            "phone": names.phones(rng, n, "+0 "),
            "role": "ordinary",
            "incorporated_at_day": rng.integers(-6000, -400, n),
        }
    ).unique("consignee_name", keep="first", maintain_order=True)


def labs(rng: Rng) -> pl.DataFrame:
    """Universities and institutes that send research samples by air and courier."""
    rows = [
        ("中国科学院半导体材料研究所", "Institute of Semiconductor Materials, CAS", "110108"),
        ("北方理工大学材料学院", "School of Materials, Northern Polytechnic University", "110108"),
        (
            "华中工业大学光电实验室",
            "Optoelectronics Lab, Central China University of Technology",
            "420100",
        ),
        (
            "南方科技学院稀土研究中心",
            "Rare Earth Research Centre, Southern Institute of Technology",
            "360700",
        ),
        ("西部交通大学化学系", "Dept. of Chemistry, Western Jiaotong University", "610100"),
        ("合肥先进材料研究院", "Hefei Institute of Advanced Materials", "340100"),
        (
            "长江理工大学冶金学院",
            "School of Metallurgy, Changjiang University of Science and Technology",
            "430200",
        ),
        ("东海大学物理系", "Dept. of Physics, Donghai University", "320500"),
    ]
    n = len(rows)
    region = np.array([r[2] for r in rows])
    return pl.DataFrame(
        {
            "exporter_id": [
                f"{int(r) // 100:04d}6{int(x):05d}"
                for r, x in zip(region, rng.integers(0, 99_999, n), strict=True)
            ],
            "uscc": names.uscc(rng, n, region.astype(int), prefix="12"),
            "name_zh": [r[0] for r in rows],
            "name_en": [r[1] for r in rows],
            "name_alt": [r[1].upper().replace(",", "") for r in rows],
            "kind": "lab",
            "region": region,
            "start_day": 0,
            "size": 0.5,
            "phone": names.phones(rng, n),
            "address": [r[0] + "科研楼" for r in rows],
        }
    )


def listed_parties(rng: Rng, n: int) -> pl.DataFrame:
    """Restricted parties of this world's own lists: foreign defence and dual-use buyers.

    Names are made up in the style of such lists (no real list rows are copied).
    """
    stems = [
        "Aegis",
        "Trident",
        "Kestrel",
        "Orion",
        "Sentinel",
        "Vanguard",
        "Halberd",
        "Cobalt Ridge",
        "Ironclad",
        "Polaris",
        "Talon",
        "Bastion",
    ]
    trades = [
        "Defense Systems",
        "Aerospace",
        "Missile Technologies",
        "Advanced Optics",
        "Tactical Electronics",
        "Armor Materials",
    ]
    country = rng.choice(["US", "JP", "US", "GB", "US", "KR"], n)
    forms = {"US": "Inc.", "JP": "Co., Ltd.", "GB": "Ltd", "KR": "Co., Ltd."}
    base = [
        f"{stems[rng.integers(len(stems))]} {trades[rng.integers(len(trades))]}" for _ in range(n)
    ]
    name = [f"{b} {forms[str(c)]}" for b, c in zip(base, country, strict=True)]
    alias = [f"{b.upper()};{b.split()[0]} {''.join(w[0] for w in b.split()[1:])}" for b in base]
    _, address = names.foreign_company(rng, country)
    lists = rng.choice(
        ["出口管制管控名单 (export control list)", "不可靠实体清单 (unreliable entity list)"], n
    )
    return pl.DataFrame(
        {
            "party_id": [f"WL{i:04d}" for i in range(n)],
            "name": name,
            "alias": alias,
            "country": country,
            "address": address,
            "phone": names.phones(rng, n, "+1 "),
            "list": lists,
            "listed_day": rng.integers(-900, 200, n),
        }
    ).unique("name", keep="first", maintain_order=True)
