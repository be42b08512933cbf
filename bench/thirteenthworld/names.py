"""Names, addresses and phones of companies and people, Chinese and foreign.

Kept apart from who the actors are (actors.py) because the same pools serve exporters,
consignees, brokers, relays and watchlisted entities, and because variant spellings are
a realistic nuisance a screener must live with.
"""

from __future__ import annotations

import numpy as np

ZH_A = "华鑫宏金恒瑞博嘉永利兴盛德泰中天宇新昌隆益广通辰明湘滇赣"
ZH_B = "鑫达泰源信丰远禾盛通昌和辉诚阳晟锐邦科润峰川海光"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦农覃"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂文华建国"
PROVINCES = (
    "内蒙古",
    "黑龙江",
    "湖南",
    "江西",
    "云南",
    "贵州",
    "广西",
    "广东",
    "上海",
    "浙江",
    "福建",
    "山东",
    "天津",
    "河南",
    "陕西",
    "河北",
    "江苏",
    "甘肃",
    "山西",
)

ZH_SUFFIX = {
    "trader": (
        "贸易有限公司",
        "进出口有限公司",
        "国际贸易有限公司",
        "供应链管理有限公司",
        "实业有限公司",
        "商贸有限公司",
    ),
    "producer": ("新材料股份有限公司", "冶炼有限责任公司", "矿业集团有限公司", "有色金属有限公司"),
    "processor": (
        "电子材料有限公司",
        "磁电科技有限公司",
        "半导体材料有限公司",
        "精密材料加工厂",
        "新材料科技有限公司",
    ),
    "bulk": ("矿业有限公司", "金属资源有限公司", "钢铁贸易有限公司", "物产有限公司"),
    "broker": ("报关有限公司", "国际货运代理有限公司", "报关行"),
}

STEMS = (
    "Sun",
    "Kita",
    "Hana",
    "Delta",
    "Apex",
    "Nova",
    "Orion",
    "Vega",
    "Tera",
    "Kumo",
    "Mira",
    "Astra",
    "Lumen",
    "Nord",
    "Baltic",
    "Crest",
    "Summit",
    "Zenith",
    "Pioneer",
    "Aurora",
    "Meridian",
    "Vertex",
    "Polaris",
    "Helix",
    "Quantum",
    "Sterling",
    "Titan",
    "Falcon",
    "Lotus",
    "Jade",
    "Golden",
    "Pacific",
    "Atlas",
    "Cobalt",
    "Everest",
    "Harbor",
    "Ion",
    "Keystone",
    "Lynx",
    "Maple",
    "Oak",
    "Prime",
    "Radiant",
    "Sigma",
    "Unity",
    "Westfield",
    "Yama",
    "Hanse",
    "Rhein",
    "Saigon",
    "Mekong",
    "Siam",
    "Anatolia",
    "Steppe",
    "Aztec",
)
TRADE_WORDS = {
    "gage": ("Semiconductor", "Photonics", "Electronic Materials", "Optics"),
    "sb": ("Metals", "Alloys", "Chemicals"),
    "bite": ("Materials", "Alloys", "Specialty Metals"),
    "wmo": ("Carbide", "Hardmetal", "Tungsten", "Refractory Metals"),
    "ree": ("Magnetics", "Rare Metals", "Magnet"),
    "graphite": ("Carbon", "Battery Materials", "Energy"),
    "bulk": ("Resources", "Steel", "Trading", "Commodities"),
    "chem": ("Chemical", "Industries", "Chemicals"),
}
FORMS = {
    "JP": "{} Co., Ltd.",
    "KR": "{} Co., Ltd.",
    "US": "{} Inc.",
    "DE": "{} GmbH",
    "NL": "{} B.V.",
    "BE": "{} N.V.",
    "TW": "{} Corp.",
    "HK": "{} (HK) Limited",
    "SG": "{} Pte. Ltd.",
    "IN": "{} Pvt. Ltd.",
    "VN": "Cong Ty TNHH {}",
    "TH": "{} (Thailand) Co., Ltd.",
    "MY": "{} Sdn. Bhd.",
    "ID": "PT {}",
    "PH": "{} Inc.",
    "AE": "{} FZE",
    "TR": "{} San. ve Tic. A.S.",
    "RU": "OOO {}",
    "KZ": "TOO {}",
    "MN": "{} LLC",
    "MM": "{} Co., Ltd.",
    "MX": "{} S.A. de C.V.",
    "BR": "{} Ltda.",
    "GB": "{} Ltd",
    "FR": "{} SAS",
    "IT": "{} S.r.l.",
    "PL": "{} Sp. z o.o.",
    "CA": "{} Inc.",
    "AU": "{} Pty Ltd",
    "SA": "{} Co.",
    "IL": "{} Ltd.",
    "CH": "{} AG",
    "RS": "{} d.o.o.",
    "LA": "{} Sole Co., Ltd.",
    "KG": "OsOO {}",
}
CITIES = {
    "JP": ("Tokyo", "Osaka", "Yokohama"),
    "KR": ("Seoul", "Incheon", "Ulsan"),
    "US": ("San Jose, CA", "Houston, TX", "Pittsburgh, PA", "Phoenix, AZ"),
    "DE": ("Hamburg", "Frankfurt", "Duesseldorf"),
    "NL": ("Rotterdam", "Eindhoven"),
    "BE": ("Antwerp",),
    "TW": ("Hsinchu", "Taipei", "Kaohsiung"),
    "HK": ("Kowloon", "Wan Chai"),
    "SG": ("Singapore",),
    "IN": ("Mumbai", "Chennai", "Pune"),
    "VN": ("Ho Chi Minh City", "Hai Phong", "Bac Ninh"),
    "TH": ("Bangkok", "Rayong"),
    "MY": ("Penang", "Johor Bahru", "Kuala Lumpur"),
    "ID": ("Jakarta", "Batam"),
    "PH": ("Manila",),
    "AE": ("Jebel Ali, Dubai", "Sharjah"),
    "TR": ("Istanbul", "Izmir"),
    "RU": ("Moscow", "Yekaterinburg"),
    "KZ": ("Almaty", "Astana"),
    "MN": ("Ulaanbaatar",),
    "MM": ("Yangon", "Muse"),
    "MX": ("Monterrey", "Tijuana"),
    "BR": ("Sao Paulo",),
    "GB": ("Birmingham", "London"),
    "FR": ("Lyon", "Paris"),
    "IT": ("Milan",),
    "PL": ("Katowice",),
    "CA": ("Toronto",),
    "AU": ("Perth",),
    "SA": ("Jubail",),
    "IL": ("Haifa",),
    "CH": ("Zug",),
    "RS": ("Belgrade",),
    "LA": ("Vientiane",),
    "KG": ("Bishkek",),
}
STREETS = (
    "Industrial Road",
    "Harbour Street",
    "Technology Park",
    "Free Zone Block",
    "Main Street",
    "Commerce Avenue",
    "Riverside Drive",
    "Logistics Park",
    "Station Road",
    "Export Zone",
)
DIAL = {
    "JP": "81",
    "KR": "82",
    "US": "1",
    "DE": "49",
    "NL": "31",
    "BE": "32",
    "TW": "886",
    "HK": "852",
    "SG": "65",
    "IN": "91",
    "VN": "84",
    "TH": "66",
    "MY": "60",
    "ID": "62",
    "PH": "63",
    "AE": "971",
    "TR": "90",
    "RU": "7",
    "KZ": "7",
    "MN": "976",
    "MM": "95",
    "MX": "52",
    "BR": "55",
    "GB": "44",
    "FR": "33",
    "IT": "39",
    "PL": "48",
    "CA": "1",
    "AU": "61",
    "SA": "966",
    "IL": "972",
    "CH": "41",
    "RS": "381",
    "LA": "856",
    "KG": "996",
    "CN": "86",
}


def pick(rng: np.random.Generator, pool: tuple[str, ...] | str) -> str:
    return str(pool[int(rng.integers(0, len(pool)))])


def zh_company(rng: np.random.Generator, place: str, kind: str) -> str:
    """e.g. 冷水江宏达冶炼有限责任公司, 深圳华鑫贸易有限公司."""
    for prov in PROVINCES:
        if place.startswith(prov) and len(place) > len(prov):
            place = place[len(prov) :]
            break
    return place + pick(rng, ZH_A) + pick(rng, ZH_B) + pick(rng, ZH_SUFFIX[kind])


def zh_person(rng: np.random.Generator) -> str:
    given = pick(rng, GIVEN) + (pick(rng, GIVEN) if rng.random() < 0.7 else "")
    return pick(rng, SURNAMES) + given


def foreign_company(rng: np.random.Generator, country: str, family: str) -> str:
    core = pick(rng, STEMS) + (pick(rng, STEMS).lower() if rng.random() < 0.3 else "")
    return FORMS.get(country, "{} Ltd.").format(f"{core} {pick(rng, TRADE_WORDS[family])}")


def address(rng: np.random.Generator, country: str) -> str:
    city = pick(rng, CITIES.get(country, ("Capital City",)))
    return f"{int(rng.integers(1, 400))} {pick(rng, STREETS)}, {city}"


def phone(rng: np.random.Generator, country: str) -> str:
    return f"+{DIAL.get(country, '1')} {int(rng.integers(10_000_000, 99_999_999))}"


def variant(rng: np.random.Generator, name: str) -> str:
    """A spelling a clerk might type for the same company (case, punctuation, suffix)."""
    roll = rng.random()
    if roll < 0.35:
        return name.upper()
    if roll < 0.6:
        return name.replace(".", "").replace(",", "")
    if roll < 0.8:
        return name.replace("Co., Ltd.", "CO LTD").replace("Limited", "Ltd")
    return name.replace(" ", "  ", 1)
