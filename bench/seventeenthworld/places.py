"""Where goods come from and leave by, where they go, and in what money.

Regions are where exporters sit and where the controlled elements are mined and refined
(antimony in Lengshuijiang and Hechi, tungsten and heavy rare earths in Ganzhou,
germanium in Lincang, gallium at the alumina refineries of Shanxi and Shandong, graphite
in Jixi...). Ports carry their own habits: the express hubs stamp lodging times with a
``+08:00`` offset, one airport's system writes UTC, the Xinjiang land ports write
``+06:00`` (local solar time), inland and border offices write a local time without a
zone and the big sea ports write a plain date -- all allowed by the contract.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Region:
    code: str  # administrative division code
    zh: str
    en: str
    sea: str
    air: str
    express: str
    post: str
    elements: tuple[str, ...] = ()


REGIONS: tuple[Region, ...] = (
    Region(
        "431300",
        "湖南娄底冷水江",
        "Lengshuijiang, Hunan",
        "CNCAN",
        "CNCSX",
        "CNCAN",
        "CNCSX",
        ("antimony",),
    ),
    Region(
        "431000",
        "湖南郴州",
        "Chenzhou, Hunan",
        "CNCAN",
        "CNCSX",
        "CNCAN",
        "CNCSX",
        ("tungsten", "minor"),
    ),
    Region(
        "430100", "湖南长沙", "Changsha, Hunan", "CNSHA", "CNCSX", "CNCAN", "CNCSX", ("antimony",)
    ),
    Region(
        "451200",
        "广西河池",
        "Hechi, Guangxi",
        "CNFAN",
        "CNNNG",
        "CNCAN",
        "CNNNG",
        ("antimony", "minor"),
    ),
    Region("450100", "广西南宁", "Nanning, Guangxi", "CNFAN", "CNNNG", "CNCAN", "CNNNG"),
    Region(
        "360700",
        "江西赣州",
        "Ganzhou, Jiangxi",
        "CNXMN",
        "CNKHN",
        "CNCAN",
        "CNKHN",
        ("tungsten", "heavy_re"),
    ),
    Region("360100", "江西南昌", "Nanchang, Jiangxi", "CNSHA", "CNKHN", "CNHGH", "CNKHN"),
    Region(
        "530900", "云南临沧", "Lincang, Yunnan", "CNCAN", "CNKMG", "CNCAN", "CNKMG", ("germanium",)
    ),
    Region(
        "530100",
        "云南昆明",
        "Kunming, Yunnan",
        "CNCAN",
        "CNKMG",
        "CNCAN",
        "CNKMG",
        ("germanium", "minor"),
    ),
    Region(
        "150200",
        "内蒙古包头",
        "Baotou, Inner Mongolia",
        "CNTXG",
        "CNPEK",
        "CNPEK",
        "CNPEK",
        ("other_re",),
    ),
    Region(
        "140100", "山西太原", "Taiyuan, Shanxi", "CNTXG", "CNPEK", "CNCGO", "CNPEK", ("gallium",)
    ),
    Region(
        "370300", "山东淄博", "Zibo, Shandong", "CNTAO", "CNTAO", "CNTAO", "CNTAO", ("gallium",)
    ),
    Region("410300", "河南洛阳", "Luoyang, Henan", "CNLYG", "CNCGO", "CNCGO", "CNCGO", ("minor",)),
    Region(
        "230300",
        "黑龙江鸡西",
        "Jixi, Heilongjiang",
        "CNDLC",
        "CNDLC",
        "CNPEK",
        "CNDLC",
        ("graphite",),
    ),
    Region(
        "350100", "福建福州", "Fuzhou, Fujian", "CNFOC", "CNXMN", "CNXMN", "CNXMN", ("heavy_re",)
    ),
    Region("350200", "福建厦门", "Xiamen, Fujian", "CNXMN", "CNXMN", "CNXMN", "CNXMN"),
    Region("440300", "广东深圳", "Shenzhen, Guangdong", "CNSZX", "CNSZX", "CNSZX", "CNSZX"),
    Region("440100", "广东广州", "Guangzhou, Guangdong", "CNCAN", "CNCAN", "CNCAN", "CNCAN"),
    Region("441900", "广东东莞", "Dongguan, Guangdong", "CNSZX", "CNSZX", "CNSZX", "CNCAN"),
    Region("320500", "江苏苏州", "Suzhou, Jiangsu", "CNSHA", "CNPVG", "CNPVG", "CNSHA"),
    Region("330200", "浙江宁波", "Ningbo, Zhejiang", "CNNGB", "CNPVG", "CNHGH", "CNNGB"),
    Region("330700", "浙江金华义乌", "Yiwu, Zhejiang", "CNNGB", "CNHGH", "CNHGH", "CNHGH"),
    Region("310000", "上海", "Shanghai", "CNSHA", "CNPVG", "CNPVG", "CNSHA"),
    Region("120000", "天津", "Tianjin", "CNTXG", "CNPEK", "CNPEK", "CNTSN"),
    Region("370200", "山东青岛", "Qingdao, Shandong", "CNTAO", "CNTAO", "CNTAO", "CNTAO"),
    Region("210200", "辽宁大连", "Dalian, Liaoning", "CNDLC", "CNDLC", "CNPEK", "CNDLC"),
    Region("500000", "重庆", "Chongqing", "CNSHA", "CNCKG", "CNCKG", "CNCKG"),
    Region(
        "510100", "四川成都", "Chengdu, Sichuan", "CNSHA", "CNCTU", "CNCTU", "CNCTU", ("other_re",)
    ),
    Region("610100", "陕西西安", "Xi'an, Shaanxi", "CNTXG", "CNXIY", "CNCGO", "CNXIY", ("minor",)),
    Region("650100", "新疆乌鲁木齐", "Urumqi, Xinjiang", "CNTXG", "CNURC", "CNURC", "CNURC"),
    Region("450600", "广西防城港东兴", "Dongxing, Guangxi", "CNFAN", "CNNNG", "CNCAN", "CNNNG"),
    Region("533100", "云南德宏瑞丽", "Ruili, Yunnan", "CNCAN", "CNKMG", "CNCAN", "CNKMG"),
)
REGION_INDEX = {r.code: i for i, r in enumerate(REGIONS)}

#: Land routes by destination: (road port, rail port, passenger port); "" where none.
LAND: dict[str, tuple[str, str, str]] = {
    "VN": ("CNPXG", "CNPXG", "CNDXG"),
    "MM": ("CNRLI", "", "CNRLI"),
    "LA": ("CNMHN", "CNMHN", ""),
    "KZ": ("CNHRG", "CNAKA", "CNHRG"),
    "KG": ("CNTRT", "", ""),
    "UZ": ("", "CNAKA", ""),
    "RU": ("CNSFH", "CNMZL", ""),
    "MN": ("CNERL", "CNERL", ""),
    "HK": ("CNSZX", "", "CNSZX"),
    "MO": ("", "", "CNZUH"),
    "DE": ("", "CNXIY", ""),
    "PL": ("", "CNCGO", ""),
    "NL": ("", "CNCKG", ""),
}

#: How each port's system writes the lodging moment.
#: date: 2025-03-04; zoned: 2025-03-04T13:22:10+08:00; utc: 2025-03-04T05:22:10Z;
#: local: 2025-03-04 13:22:10; west: 2025-03-04T11:22:10+06:00.
PORT_STYLE: dict[str, str] = {
    "CNSZX": "zoned",
    "CNPVG": "zoned",
    "CNHGH": "zoned",
    "CNCGO": "zoned",
    "CNPEK": "utc",
    "CNCTU": "local",
    "CNCKG": "local",
    "CNXIY": "local",
    "CNKMG": "local",
    "CNNNG": "local",
    "CNCSX": "local",
    "CNKHN": "local",
    "CNPXG": "local",
    "CNDXG": "local",
    "CNRLI": "local",
    "CNMHN": "local",
    "CNZUH": "local",
    "CNERL": "local",
    "CNMZL": "local",
    "CNSFH": "local",
    "CNURC": "west",
    "CNHRG": "west",
    "CNAKA": "west",
    "CNTRT": "west",
}


def office(port: str) -> str:
    """A stable four-digit customs office code per port (opens its declaration numbers)."""
    return f"{sum((i + 7) * ord(c) for i, c in enumerate(port)) % 9000 + 1000:04d}"


@dataclass(frozen=True)
class Country:
    code: str
    weight: float  # share of honest buyers
    currency: str  # local invoicing currency
    hub: bool = False  # re-export hub / looser controls


COUNTRIES: tuple[Country, ...] = (
    Country("US", 13, "USD"),
    Country("JP", 8, "JPY"),
    Country("KR", 8, "KRW"),
    Country("DE", 6, "EUR"),
    Country("NL", 5, "EUR", hub=True),
    Country("VN", 7, "USD", hub=True),
    Country("IN", 6, "USD"),
    Country("TH", 4, "USD", hub=True),
    Country("MY", 4, "USD", hub=True),
    Country("SG", 3, "SGD", hub=True),
    Country("AE", 3, "USD", hub=True),
    Country("RU", 5, "CNY"),
    Country("KZ", 2, "USD", hub=True),
    Country("GB", 3, "GBP"),
    Country("FR", 2, "EUR"),
    Country("IT", 2, "EUR"),
    Country("BR", 3, "USD"),
    Country("MX", 3, "USD", hub=True),
    Country("AU", 2, "AUD"),
    Country("ID", 3, "USD"),
    Country("TR", 2, "USD", hub=True),
    Country("PL", 1, "EUR"),
    Country("HK", 5, "HKD", hub=True),
    Country("TW", 3, "USD"),
    Country("CA", 2, "USD"),
    Country("SA", 1, "USD"),
    Country("PK", 1, "USD"),
    Country("BD", 1, "USD"),
    Country("MM", 1, "USD"),
    Country("KG", 1, "USD", hub=True),
    Country("UZ", 1, "USD"),
    Country("MN", 1, "USD"),
    Country("LA", 1, "USD"),
    Country("MO", 0.5, "HKD"),
    Country("CL", 1, "USD"),
    Country("ZA", 1, "USD"),
    Country("EG", 1, "USD"),
    Country("RS", 0.5, "EUR", hub=True),
)
COUNTRY_CODES = np.array([c.code for c in COUNTRIES], dtype=object)
COUNTRY_INDEX = {c.code: i for i, c in enumerate(COUNTRIES)}
COUNTRY_WEIGHT = np.array([c.weight for c in COUNTRIES])
HUBS = tuple(c.code for c in COUNTRIES if c.hub)
#: Hubs a relay ring would use (looser controls, short hops to the real buyers).
RELAY_HUBS = ("VN", "MY", "TH", "AE", "KZ", "KG", "TR", "MX", "RS")

#: Units of currency per US dollar, and a gentle yearly swing around it.
FX: dict[str, float] = {
    "USD": 1.0,
    "CNY": 7.2,
    "EUR": 0.92,
    "HKD": 7.8,
    "JPY": 150.0,
    "KRW": 1370.0,
    "GBP": 0.79,
    "SGD": 1.34,
    "AUD": 1.52,
}
CURRENCIES = tuple(FX)


def fx(currency: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Units of ``currency`` per dollar on each day (a few per cent of drift a year)."""
    cur = np.asarray(currency, dtype=object)
    uniq, inv = np.unique(cur.astype(str), return_inverse=True)
    base = np.array([FX[c] for c in uniq])[inv]
    phase = np.array([CURRENCIES.index(c) for c in uniq], dtype=float)[inv]
    swing = 1.0 + 0.03 * np.sin(np.asarray(days, dtype=float) / 365.0 * 2 * np.pi + phase)
    return np.where(cur == "USD", 1.0, base * swing)


def mode_compatible(country: str) -> np.ndarray:
    """Which of the seven modes can reach a country (sea, air, post, express everywhere)."""
    road, rail, passenger = LAND.get(country, ("", "", ""))
    return np.array([True, True, bool(road), bool(rail), True, True, bool(passenger)])


MODE_COMPAT = np.array([mode_compatible(c.code) for c in COUNTRIES])
