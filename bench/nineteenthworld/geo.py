"""The land frontier: ports, corridors, neighbours, their cities and currencies.

Port codes are UN/LOCODE-shaped; a declaration's ``port`` is the customs office that
cleared it, which for China-Europe trains is sometimes the inland office at the origin
station (the train is sealed there) rather than the exit port.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Port:
    code: str
    en: str
    zh: str
    province: str  # Xinjiang, Inner Mongolia, Heilongjiang, Yunnan, Guangxi, inland
    customs: str  # 4-digit customs office code, the head of declaration numbers
    division: str  # 6-digit division code of the port town
    modes: tuple[tuple[str, float], ...]
    neighbours: tuple[tuple[str, float], ...]
    residents: bool = False
    zone_note: str = ""  # Xinjiang offices sometimes stamp Xinjiang time (+06:00)


PORTS: dict[str, Port] = {
    p.code: p
    for p in (
        Port(
            "CNHRG",
            "Horgos",
            "霍尔果斯",
            "Xinjiang",
            "9415",
            "654004",
            (("road", 0.55), ("rail", 0.37), ("passenger", 0.08)),
            (("KZ", 0.8), ("UZ", 0.1), ("KG", 0.05), ("RU", 0.05)),
            residents=True,
            zone_note="xinjiang",
        ),
        Port(
            "CNAKS",
            "Alashankou",
            "阿拉山口",
            "Xinjiang",
            "9406",
            "652702",
            (("rail", 0.9), ("road", 0.1)),
            (("KZ", 0.55), ("RU", 0.2), ("UZ", 0.1), ("BY", 0.05), ("PL", 0.05), ("DE", 0.05)),
            zone_note="xinjiang",
        ),
        Port(
            "CNKHG",
            "Kashgar",
            "喀什",
            "Xinjiang",
            "9421",
            "653101",
            (("road", 0.97), ("air", 0.03)),
            (("KG", 0.7), ("UZ", 0.18), ("TJ", 0.12)),
            zone_note="xinjiang",
        ),
        Port(
            "CNERL",
            "Erenhot",
            "二连浩特",
            "Inner Mongolia",
            "0701",
            "152501",
            (("rail", 0.6), ("road", 0.33), ("passenger", 0.07)),
            (("MN", 0.65), ("RU", 0.2), ("BY", 0.05), ("PL", 0.05), ("DE", 0.05)),
            residents=True,
        ),
        Port(
            "CNNZH",
            "Manzhouli",
            "满洲里",
            "Inner Mongolia",
            "0601",
            "150781",
            (("rail", 0.8), ("road", 0.16), ("passenger", 0.04)),
            (("RU", 0.85), ("BY", 0.07), ("PL", 0.04), ("DE", 0.04)),
            residents=True,
        ),
        Port(
            "CNSFH",
            "Suifenhe",
            "绥芬河",
            "Heilongjiang",
            "1903",
            "231081",
            (("rail", 0.55), ("road", 0.38), ("passenger", 0.07)),
            (("RU", 1.0),),
            residents=True,
        ),
        Port(
            "CNMHN",
            "Mohan",
            "磨憨",
            "Yunnan",
            "8612",
            "532823",
            (("road", 0.6), ("rail", 0.4)),
            (("LA", 0.7), ("TH", 0.3)),
        ),
        Port(
            "CNRLI",
            "Ruili",
            "瑞丽",
            "Yunnan",
            "8603",
            "533102",
            (("road", 0.75), ("passenger", 0.25)),
            (("MM", 1.0),),
            residents=True,
        ),
        Port(
            "CNWDG",
            "Wanding",
            "畹町",
            "Yunnan",
            "8604",
            "533102",
            (("road", 0.7), ("passenger", 0.3)),
            (("MM", 1.0),),
            residents=True,
        ),
        Port(
            "CNHKO",
            "Hekou",
            "河口",
            "Yunnan",
            "8611",
            "532532",
            (("road", 0.6), ("rail", 0.3), ("passenger", 0.1)),
            (("VN", 1.0),),
            residents=True,
        ),
        Port(
            "CNPXG",
            "Pingxiang (Youyiguan)",
            "凭祥友谊关",
            "Guangxi",
            "7211",
            "451481",
            (("road", 0.82), ("rail", 0.14), ("passenger", 0.04)),
            (("VN", 0.92), ("TH", 0.08)),
            residents=True,
        ),
        Port(
            "CNDXG",
            "Dongxing",
            "东兴",
            "Guangxi",
            "7205",
            "450681",
            (("road", 0.6), ("passenger", 0.4)),
            (("VN", 1.0),),
            residents=True,
        ),
        # Inland offices where China-Europe trains are sealed and declared.
        Port(
            "CNCKG",
            "Chongqing (Tuanjiecun)",
            "重庆团结村",
            "inland",
            "8001",
            "500000",
            (("rail", 1.0),),
            (("PL", 0.4), ("DE", 0.4), ("RU", 0.2)),
        ),
        Port(
            "CNXIY",
            "Xi'an (Xinzhu)",
            "西安新筑",
            "inland",
            "9001",
            "610100",
            (("rail", 1.0),),
            (("PL", 0.3), ("DE", 0.3), ("KZ", 0.2), ("RU", 0.2)),
        ),
        Port(
            "CNCTU",
            "Chengdu (Qingbaijiang)",
            "成都青白江",
            "inland",
            "7901",
            "510100",
            (("rail", 1.0),),
            (("PL", 0.45), ("DE", 0.35), ("NL", 0.2)),
        ),
        Port(
            "CNYIW",
            "Yiwu (Xibei)",
            "义乌西",
            "inland",
            "2981",
            "330782",
            (("rail", 1.0),),
            (("PL", 0.3), ("RU", 0.3), ("KZ", 0.2), ("DE", 0.2)),
        ),
        # The few offices that are not on the land frontier.
        Port(
            "CNURC",
            "Urumqi airport",
            "乌鲁木齐机场",
            "Xinjiang",
            "9401",
            "650100",
            (("air", 1.0),),
            (("KZ", 0.5), ("UZ", 0.3), ("RU", 0.2)),
            zone_note="xinjiang",
        ),
        Port(
            "CNFAN",
            "Fangchenggang",
            "防城港",
            "Guangxi",
            "7206",
            "450600",
            (("sea", 1.0),),
            (("VN", 1.0),),
        ),
    )
}

FRONTIER = (
    "CNHRG",
    "CNAKS",
    "CNKHG",
    "CNERL",
    "CNNZH",
    "CNSFH",
    "CNMHN",
    "CNRLI",
    "CNWDG",
    "CNHKO",
    "CNPXG",
    "CNDXG",
)
RESIDENT_PORTS = tuple(code for code in FRONTIER if PORTS[code].residents)
INLAND = ("CNCKG", "CNXIY", "CNCTU", "CNYIW")
#: Exit ports of the China-Europe trains and their share of trains.
RAIL_EXITS = (("CNAKS", 0.42), ("CNHRG", 0.2), ("CNERL", 0.15), ("CNNZH", 0.23))
#: Where China-Europe trains end, by exit port.
RAIL_DESTINATIONS = {
    "CNAKS": (
        ("PL", 0.3),
        ("DE", 0.25),
        ("RU", 0.15),
        ("KZ", 0.1),
        ("BY", 0.05),
        ("NL", 0.05),
        ("CZ", 0.04),
        ("HU", 0.04),
        ("UZ", 0.02),
    ),
    "CNHRG": (("KZ", 0.35), ("UZ", 0.2), ("PL", 0.2), ("DE", 0.15), ("IT", 0.1)),
    "CNERL": (("RU", 0.4), ("MN", 0.1), ("PL", 0.25), ("DE", 0.15), ("BY", 0.1)),
    "CNNZH": (("RU", 0.6), ("BY", 0.15), ("PL", 0.15), ("DE", 0.1)),
}
#: Origin stations of China-Europe trains: inland office, region and its division code.
RAIL_ORIGINS = (
    ("CNCKG", "重庆", "500000", 0.3),
    ("CNXIY", "西安", "610100", 0.25),
    ("CNCTU", "成都", "510100", 0.25),
    ("CNYIW", "义乌", "330782", 0.2),
)

CITIES: dict[str, tuple[tuple[str, str], ...]] = {
    # (Latin, native) city names
    "KZ": (
        ("Almaty", "Алматы"),
        ("Astana", "Астана"),
        ("Shymkent", "Шымкент"),
        ("Oskemen", "Өскемен"),
        ("Karaganda", "Караганда"),
        ("Zharkent", "Жаркент"),
        ("Aktobe", "Актобе"),
    ),
    "RU": (
        ("Moscow", "Москва"),
        ("Novosibirsk", "Новосибирск"),
        ("Yekaterinburg", "Екатеринбург"),
        ("Vladivostok", "Владивосток"),
        ("Ussuriysk", "Уссурийск"),
        ("Chita", "Чита"),
        ("Zabaykalsk", "Забайкальск"),
        ("Irkutsk", "Иркутск"),
        ("Khabarovsk", "Хабаровск"),
    ),
    "KG": (("Bishkek", "Бишкек"), ("Osh", "Ош"), ("Kara-Suu", "Кара-Суу")),
    "UZ": (("Tashkent", "Toshkent"), ("Samarkand", "Samarqand"), ("Andijan", "Andijon")),
    "TJ": (("Dushanbe", "Душанбе"), ("Khujand", "Хуҷанд")),
    "MN": (("Ulaanbaatar", "Улаанбаатар"), ("Zamyn-Uud", "Замын-Үүд"), ("Erdenet", "Эрдэнэт")),
    "BY": (("Minsk", "Минск"), ("Brest", "Брест")),
    "PL": (
        ("Malaszewicze", "Małaszewicze"),
        ("Warsaw", "Warszawa"),
        ("Lodz", "Łódź"),
        ("Wroclaw", "Wrocław"),
    ),
    "DE": (("Duisburg", "Duisburg"), ("Hamburg", "Hamburg"), ("Leipzig", "Leipzig")),
    "NL": (("Tilburg", "Tilburg"), ("Venlo", "Venlo")),
    "CZ": (("Prague", "Praha"),),
    "HU": (("Budapest", "Budapest"),),
    "IT": (("Milan", "Milano"),),
    "LA": (("Vientiane", "ວຽງຈັນ"), ("Boten", "ບໍ່ເຕັນ"), ("Luang Prabang", "ຫຼວງພະບາງ")),
    "TH": (("Bangkok", "กรุงเทพมหานคร"), ("Laem Chabang", "แหลมฉบัง")),
    "MM": (("Muse", "မူဆယ်"), ("Mandalay", "မန္တလေး"), ("Yangon", "ရန်ကုန်")),
    "VN": (
        ("Lang Son", "Lạng Sơn"),
        ("Lao Cai", "Lào Cai"),
        ("Mong Cai", "Móng Cái"),
        ("Hanoi", "Hà Nội"),
        ("Hai Phong", "Hải Phòng"),
    ),
    "AE": (("Dubai", "Dubai"),),
    "TR": (("Istanbul", "İstanbul"),),
    "HK": (("Hong Kong", "香港"),),
    "US": (("Arlington", "Arlington"), ("San Diego", "San Diego")),
}

#: Currencies a declaration to each country is invoiced in.
CURRENCIES: dict[str, tuple[tuple[str, float], ...]] = {
    "KZ": (("USD", 0.45), ("CNY", 0.35), ("KZT", 0.2)),
    "RU": (("CNY", 0.55), ("RUB", 0.3), ("USD", 0.15)),
    "KG": (("USD", 0.6), ("CNY", 0.4)),
    "UZ": (("USD", 0.8), ("CNY", 0.2)),
    "TJ": (("USD", 1.0),),
    "MN": (("USD", 0.5), ("CNY", 0.45), ("MNT", 0.05)),
    "BY": (("CNY", 0.5), ("RUB", 0.2), ("USD", 0.3)),
    "PL": (("EUR", 0.6), ("USD", 0.4)),
    "DE": (("EUR", 0.7), ("USD", 0.3)),
    "NL": (("EUR", 0.7), ("USD", 0.3)),
    "CZ": (("EUR", 0.8), ("USD", 0.2)),
    "HU": (("EUR", 0.8), ("USD", 0.2)),
    "IT": (("EUR", 1.0),),
    "LA": (("USD", 0.5), ("CNY", 0.5)),
    "TH": (("USD", 0.7), ("THB", 0.3)),
    "MM": (("USD", 0.5), ("CNY", 0.5)),
    "VN": (("USD", 0.45), ("CNY", 0.45), ("VND", 0.1)),
}

#: CNY per unit of each currency at the start, the end of 2024 and the end of 2025.
_FX_ANCHORS: dict[str, tuple[float, float, float]] = {
    "CNY": (1.0, 1.0, 1.0),
    "USD": (7.10, 7.30, 7.12),
    "EUR": (7.85, 7.60, 8.30),
    "RUB": (0.0795, 0.0690, 0.0880),
    "KZT": (0.0157, 0.0139, 0.0137),
    "MNT": (0.00209, 0.00215, 0.00199),
    "VND": (0.000292, 0.000287, 0.000270),
    "THB": (0.207, 0.214, 0.224),
}


def fx(currency: str, day: dt.date) -> float:
    """CNY per unit of ``currency`` on ``day`` (anchors joined by straight lines)."""
    start, mid, end = _FX_ANCHORS[currency]
    half = dt.date(2024, 12, 31)
    if day <= half:
        t = (day - dt.date(2024, 1, 1)).days / 365
        return start + (mid - start) * max(t, 0.0)
    t = (day - half).days / 365
    return mid + (end - mid) * min(t, 1.0)


def currency_digits(currency: str) -> int:
    """Decimals a value in ``currency`` is written with."""
    return 0 if currency in ("KZT", "RUB", "MNT", "VND") else 2
