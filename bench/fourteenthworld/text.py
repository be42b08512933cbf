"""Names, addresses, phone numbers and identifiers in the styles the world uses.

Owns the spelling of everything a person typed: Chinese company names and their pinyin
renderings, foreign company names with their local legal forms, addresses, phones,
registration ids (unified social credit codes and resident ids with right check
characters), container numbers (ISO 6346 check digit), waybills and licence numbers.
Pure functions of a numpy generator; no knowledge of schemes or declarations.
"""

from __future__ import annotations

import numpy as np

from orewatch.contract.ids import USCC_ALPHABET, resident_check_char, uscc_check_char

Rng = np.random.Generator


def pick(rng: Rng, options: tuple[str, ...] | list[str]) -> str:
    return options[int(rng.integers(len(options)))]


# --- registration ids ----------------------------------------------------------------


def uscc(rng: Rng, region: str) -> str:
    """A unified social credit code of a company registered in ``region`` (6 digits)."""
    org = "".join(pick(rng, tuple(USCC_ALPHABET)) for _ in range(9))
    body = "91" + region[:6] + org
    return body + uscc_check_char(body)


def resident_id(rng: Rng, region: str) -> str:
    """A resident identity number (sole traders register under it)."""
    year = int(rng.integers(1965, 2001))
    month = int(rng.integers(1, 13))
    day = int(rng.integers(1, 29))
    serial = int(rng.integers(100, 999))
    body = f"{region[:6]}{year:04d}{month:02d}{day:02d}{serial:03d}"
    return body + resident_check_char(body)


def customs_code(rng: Rng, region: str) -> str:
    """A 10-digit customs registration code (brokers and some exporters use it)."""
    return f"{region[:4]}{int(rng.integers(9, 10))}{int(rng.integers(0, 100000)):05d}"


# --- Chinese companies and people ------------------------------------------------------

BRANDS: tuple[tuple[str, str], ...] = (
    ("鑫", "Xin"),
    ("华", "Hua"),
    ("泰", "Tai"),
    ("源", "Yuan"),
    ("金", "Jin"),
    ("恒", "Heng"),
    ("盛", "Sheng"),
    ("达", "Da"),
    ("宏", "Hong"),
    ("安", "An"),
    ("瑞", "Rui"),
    ("峰", "Feng"),
    ("晟", "Sheng"),
    ("隆", "Long"),
    ("汇", "Hui"),
    ("丰", "Feng"),
    ("远", "Yuan"),
    ("诚", "Cheng"),
    ("创", "Chuang"),
    ("宇", "Yu"),
    ("晶", "Jing"),
    ("锐", "Rui"),
    ("博", "Bo"),
    ("通", "Tong"),
    ("嘉", "Jia"),
    ("德", "De"),
    ("鼎", "Ding"),
    ("凯", "Kai"),
    ("腾", "Teng"),
    ("拓", "Tuo"),
    ("海", "Hai"),
    ("辰", "Chen"),
    ("弘", "Hong"),
    ("启", "Qi"),
    ("明", "Ming"),
)

PROVINCES: dict[str, tuple[str, str]] = {
    "11": ("北京", "Beijing"),
    "14": ("山西", "Shanxi"),
    "15": ("内蒙古", "Inner Mongolia"),
    "23": ("黑龙江", "Heilongjiang"),
    "31": ("上海", "Shanghai"),
    "32": ("江苏", "Jiangsu"),
    "33": ("浙江", "Zhejiang"),
    "35": ("福建", "Fujian"),
    "36": ("江西", "Jiangxi"),
    "37": ("山东", "Shandong"),
    "41": ("河南", "Henan"),
    "43": ("湖南", "Hunan"),
    "44": ("广东", "Guangdong"),
    "45": ("广西", "Guangxi"),
    "51": ("四川", "Sichuan"),
    "53": ("云南", "Yunnan"),
    "62": ("甘肃", "Gansu"),
    "64": ("宁夏", "Ningxia"),
    "65": ("新疆", "Xinjiang"),
}

TRADES: dict[str, tuple[tuple[str, str], ...]] = {
    "base": (
        ("有色金属", "Nonferrous Metals"),
        ("金属材料", "Metal Materials"),
        ("铝业", "Aluminium"),
    ),
    "ferro": (("铁合金", "Ferroalloy"), ("冶金", "Metallurgy"), ("硅业", "Silicon")),
    "minor": (
        ("稀有金属", "Rare Metals"),
        ("有色金属", "Nonferrous Metals"),
        ("新材料", "New Materials"),
        ("锑业", "Antimony"),
    ),
    "tungsten": (
        ("钨业", "Tungsten"),
        ("硬质合金", "Cemented Carbide"),
        ("钨钼材料", "Tungsten Molybdenum Materials"),
    ),
    "rare_earth": (
        ("稀土", "Rare Earth"),
        ("稀土新材料", "Rare Earth New Materials"),
        ("磁材", "Magnetics"),
    ),
    "carbon": (("石墨", "Graphite"), ("炭素", "Carbon"), ("新能源材料", "New Energy Materials")),
    "semis": (
        ("半导体", "Semiconductor"),
        ("晶体材料", "Crystal Materials"),
        ("光电科技", "Optoelectronics"),
    ),
    "chemical": (("化工", "Chemical"), ("精细化工", "Fine Chemical")),
    "general": (
        ("进出口", "Import and Export"),
        ("国际贸易", "International Trade"),
        ("供应链", "Supply Chain"),
    ),
}


def company_name(rng: Rng, region: str, family: str) -> tuple[str, str]:
    """(Chinese name, English rendering) of a domestic company."""
    zh_prov, en_prov = PROVINCES.get(region[:2], ("广东", "Guangdong"))
    b1, b2 = BRANDS[int(rng.integers(len(BRANDS)))], BRANDS[int(rng.integers(len(BRANDS)))]
    trade_zh, trade_en = TRADES[family][int(rng.integers(len(TRADES[family])))]
    form_zh, form_en = (
        ("股份有限公司", "Co., Ltd.") if rng.random() < 0.15 else ("有限公司", "Co., Ltd.")
    )
    zh = f"{zh_prov}{b1[0]}{b2[0]}{trade_zh}{form_zh}"
    en = f"{en_prov} {b1[1]}{b2[1].lower()} {trade_en} {form_en}"
    return zh, en


SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("罗", "Luo"),
)
GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("磊", "Lei"),
    ("军", "Jun"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("平", "Ping"),
    ("刚", "Gang"),
    ("辉", "Hui"),
    ("鹏", "Peng"),
    ("华", "Hua"),
)


def person_name(rng: Rng) -> tuple[str, str]:
    s = SURNAMES[int(rng.integers(len(SURNAMES)))]
    g1 = GIVEN[int(rng.integers(len(GIVEN)))]
    if rng.random() < 0.6:
        g2 = GIVEN[int(rng.integers(len(GIVEN)))]
        return s[0] + g1[0] + g2[0], f"{s[1]} {g1[1]}{g2[1].lower()}"
    return s[0] + g1[0], f"{s[1]} {g1[1]}"


STREETS_ZH = (
    "工业大道",
    "经济开发区创业路",
    "高新区科技路",
    "解放路",
    "人民路",
    "滨江路",
    "建设路",
)
CITIES_ZH: dict[str, str] = {
    "11": "北京市",
    "14": "太原市",
    "15": "包头市",
    "23": "鸡西市",
    "31": "上海市",
    "32": "苏州市",
    "33": "宁波市",
    "35": "厦门市",
    "36": "赣州市",
    "37": "青岛市",
    "41": "郑州市",
    "43": "冷水江市",
    "44": "深圳市",
    "45": "南宁市",
    "51": "成都市",
    "53": "临沧市",
    "62": "兰州市",
    "64": "石嘴山市",
    "65": "乌鲁木齐市",
}


def domestic_address(rng: Rng, region: str) -> str:
    city = CITIES_ZH.get(region[:2], "深圳市")
    return f"{city}{pick(rng, STREETS_ZH)}{int(rng.integers(1, 999))}号"


def cn_phone(rng: Rng, mobile: bool) -> str:
    if mobile:
        head, mid, tail = (
            int(rng.integers(lo, hi)) for lo, hi in ((30, 99), (0, 10**4), (0, 10**4))
        )
        return f"+86 1{head} {mid:04d} {tail:04d}"
    return f"+86-{int(rng.integers(20, 999))}-{int(rng.integers(2000000, 89999999))}"


# --- foreign parties -------------------------------------------------------------------

FORMS: dict[str, tuple[str, ...]] = {
    "JP": ("{} Co., Ltd.", "{} K.K.", "{} Shoji Co., Ltd."),
    "KR": ("{} Co., Ltd.", "{} Corp."),
    "US": ("{} Inc.", "{} LLC", "{} Corp."),
    "DE": ("{} GmbH", "{} GmbH & Co. KG"),
    "NL": ("{} B.V.",),
    "BE": ("{} NV", "{} SA"),
    "GB": ("{} Ltd",),
    "FR": ("{} SAS",),
    "IT": ("{} S.r.l.",),
    "PL": ("{} Sp. z o.o.",),
    "VN": ("Cong ty TNHH {}", "{} Co., Ltd"),
    "MY": ("{} Sdn. Bhd.",),
    "TH": ("{} Co., Ltd.",),
    "SG": ("{} Pte. Ltd.",),
    "AE": ("{} FZE", "{} FZCO", "{} General Trading LLC"),
    "TR": ("{} A.S.", "{} Ltd. Sti."),
    "KZ": ("TOO {}", "{} LLP"),
    "KG": ("OsOO {}", "{} LLC"),
    "RU": ("OOO {}", "{} LLC"),
    "IN": ("{} Pvt. Ltd.",),
    "HK": ("{} Limited", "{} (HK) Co., Limited"),
    "TW": ("{} Co., Ltd.",),
    "ID": ("PT {}",),
    "MX": ("{} S.A. de C.V.",),
    "BR": ("{} Ltda.",),
    "AM": ("{} LLC",),
    "MN": ("{} LLC",),
}
STEMS: dict[str, tuple[str, ...]] = {
    "JP": ("Sanwa", "Daiko", "Hokuto", "Marusho", "Kyoei", "Toyo", "Nisshin", "Asahi", "Meiwa"),
    "KR": ("Hanil", "Daesung", "Samhwa", "Kumho", "Dongyang", "Sejin", "Hyosung"),
    "US": ("Keystone", "Lakeshore", "Pioneer", "Summit", "Redwood", "Granite", "Bayview"),
    "DE": ("Hansa", "Kessler", "Nordwerk", "Brenner", "Lindemann", "Falkenberg"),
    "NL": ("Van Dijk", "Maasvlakte", "Oranje", "De Vries"),
    "BE": ("Scheldt", "Brabant"),
    "GB": ("Thames", "Pennine", "Ashford"),
    "FR": ("Rhone", "Lumiere"),
    "IT": ("Adriatica",),
    "PL": ("Wisla", "Silesia"),
    "VN": ("Minh Phat", "Hoang Long", "Thanh Dat", "Viet Hung"),
    "MY": ("Sinar Jaya", "Mega Bumi", "Kinta", "Perak Emas"),
    "TH": ("Siam", "Chao Phraya", "Rattana"),
    "SG": ("Straits", "Lion City", "Marina"),
    "AE": ("Gulf Crest", "Al Noor", "Desert Star", "Jebel"),
    "TR": ("Anatolia", "Bosphorus"),
    "KZ": ("Altyn", "Steppe", "Irtysh"),
    "KG": ("Ala-Too", "Issyk"),
    "RU": ("Uralmet", "Sibir", "Volga"),
    "IN": ("Shree", "Bharat", "Sunrise"),
    "HK": ("Wing Fat", "Golden Harbour", "Kowloon", "Victoria"),
    "TW": ("Hsinchu", "Formosa"),
    "ID": ("Sumber", "Nusantara"),
    "MX": ("Norte",),
    "BR": ("Paulista",),
    "AM": ("Ararat",),
    "MN": ("Tavan",),
}
WORDS = (
    "Metals",
    "Trading",
    "Materials",
    "Industries",
    "Resources",
    "Alloys",
    "Chemicals",
    "Electronics",
    "Technology",
    "Commodities",
    "Advanced Materials",
)
CITIES: dict[str, tuple[str, ...]] = {
    "JP": ("Osaka", "Tokyo", "Nagoya"),
    "KR": ("Seoul", "Incheon", "Busan"),
    "US": ("Houston, TX", "Pittsburgh, PA", "Cleveland, OH"),
    "DE": ("Hamburg", "Duisburg"),
    "NL": ("Rotterdam", "Amsterdam"),
    "BE": ("Antwerp",),
    "GB": ("Birmingham", "London"),
    "FR": ("Lyon",),
    "IT": ("Milan",),
    "PL": ("Gdansk",),
    "VN": ("Hai Phong", "Ho Chi Minh City"),
    "MY": ("Port Klang", "Penang"),
    "TH": ("Bangkok", "Laem Chabang"),
    "SG": ("Singapore",),
    "AE": ("Dubai", "Sharjah"),
    "TR": ("Istanbul", "Mersin"),
    "KZ": ("Almaty", "Astana"),
    "KG": ("Bishkek",),
    "RU": ("Moscow", "Yekaterinburg"),
    "IN": ("Mumbai", "Chennai"),
    "HK": ("Kwun Tong, Kowloon", "Sheung Wan"),
    "TW": ("Taoyuan", "Hsinchu"),
    "ID": ("Jakarta",),
    "MX": ("Monterrey",),
    "BR": ("Sao Paulo",),
    "AM": ("Yerevan",),
    "MN": ("Ulaanbaatar",),
}
DIAL: dict[str, str] = {
    "JP": "81",
    "KR": "82",
    "US": "1",
    "DE": "49",
    "NL": "31",
    "BE": "32",
    "GB": "44",
    "FR": "33",
    "IT": "39",
    "PL": "48",
    "VN": "84",
    "MY": "60",
    "TH": "66",
    "SG": "65",
    "AE": "971",
    "TR": "90",
    "KZ": "7",
    "KG": "996",
    "RU": "7",
    "IN": "91",
    "HK": "852",
    "TW": "886",
    "ID": "62",
    "MX": "52",
    "BR": "55",
    "AM": "374",
    "MN": "976",
}


def foreign_name(rng: Rng, country: str, word: str | None = None) -> str:
    stem = pick(rng, STEMS[country])
    form = pick(rng, FORMS[country])
    return form.format(f"{stem} {word or pick(rng, WORDS)}")


def foreign_address(rng: Rng, country: str) -> str:
    city = pick(rng, CITIES[country])
    street = pick(
        rng,
        (
            "Industrial Road",
            "Harbour Street",
            "Free Zone Block",
            "Trade Avenue",
            "Logistics Park",
            "Commerce Street",
        ),
    )
    unit = f"Unit {int(rng.integers(1, 40))}{pick(rng, ('A', 'B', 'C', ''))}, "
    return f"{unit}{int(rng.integers(1, 400))} {street}, {city}"


def foreign_phone(rng: Rng, country: str) -> str:
    return f"+{DIAL[country]} {int(rng.integers(10, 99))} {int(rng.integers(1000000, 9999999))}"


# --- transport and licence documents ------------------------------------------------------

_CONTAINER_VALUES = {
    ch: v
    for ch, v in zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
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
        ),
        strict=True,
    )
}
OWNERS = ("COS", "MSC", "MSK", "CMA", "OOL", "EMC", "HLX", "ONE", "TGH", "TCL", "SEG")


def container_no(rng: Rng) -> str:
    """An ISO 6346 container number with its check digit."""
    owner = pick(rng, OWNERS) + "U"
    serial = f"{int(rng.integers(0, 1000000)):06d}"
    total = sum(_CONTAINER_VALUES[c] * 2**i for i, c in enumerate(owner))
    total += sum(int(c) * 2 ** (i + 4) for i, c in enumerate(serial))
    return f"{owner}{serial}{total % 11 % 10}"


def transport_doc(rng: Rng, mode: str) -> str:
    if mode in ("sea", "rail"):
        prefix = pick(rng, ("COSU", "MEDU", "MAEU", "CMDU", "OOLU", "EGLV", "ONEY"))
        return f"{prefix}{int(rng.integers(10**9, 10**10))}"
    if mode == "air":
        serial = int(rng.integers(1000000, 9999999))
        return f"{pick(rng, ('784', '999', '781', '880', '112'))}-{serial}{serial % 7}"
    if mode == "post":
        digits = [int(d) for d in f"{int(rng.integers(10**7, 10**8)):08d}"]
        check = 11 - sum(d * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True)) % 11
        check = 5 if check == 11 else 0 if check == 10 else check
        return f"{pick(rng, ('EE', 'EA', 'LZ', 'RR'))}{''.join(map(str, digits))}{check}CN"
    if mode == "express":
        return f"{pick(rng, ('SF', 'JD', 'YT'))}{int(rng.integers(10**12, 10**13))}"
    if mode == "road":
        return f"CMR{int(rng.integers(10**6, 10**7))}"
    return f"PAX{int(rng.integers(10**5, 10**6))}"


def licence_no(year: int, province: str, serial: int) -> str:
    """Licence numbers of this world: LY + year + province + serial, e.g. LY2025-43-004512."""
    return f"LY{year}-{province[:2]}-{serial:06d}"
