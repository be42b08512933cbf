"""Names of companies and people, and the ways clerks spell them differently.

A Chinese exporter is registered under its Chinese name; its declarations, invoices and
foreign records carry a pinyin or English rendering that nobody keeps consistent
("IMP. & EXP.", "Import and Export", the city moved into brackets, syllables split).
Foreign consignees get a legal-form suffix of their country. Names are built per
entity (thousands), never per declaration line.
"""

from __future__ import annotations

import numpy as np
from pypinyin import lazy_pinyin

CITIES = {
    "宁波": "330200",
    "上海": "310000",
    "深圳": "440300",
    "广州": "440100",
    "厦门": "350200",
    "青岛": "370200",
    "天津": "120000",
    "义乌": "330782",
    "东莞": "440900",
    "苏州": "320500",
    "赣州": "360700",
    "包头": "150200",
    "郴州": "431000",
    "昆明": "530100",
    "长沙": "430100",
    "株洲": "430200",
    "南宁": "450100",
    "乌鲁木齐": "650100",
    "冷水江": "431381",
    "个旧": "532501",
    "成都": "510100",
    "连云港": "320700",
}
BRAND_CHARS = "恒泰鑫盛华源达宏利金瑞丰通德隆昌兴嘉永海天博创远佳润晟铭宇锦辉凯森弘祥"
TRADES = {
    "furniture": ("家具", "Furniture"),
    "textile": ("纺织品", "Textiles"),
    "electronics": ("电子科技", "Electronic Technology"),
    "machinery": ("机械设备", "Machinery & Equipment"),
    "steel": ("钢铁", "Steel"),
    "chemical": ("化工", "Chemical"),
    "building": ("建材", "Building Materials"),
    "consumer": ("日用品", "Daily Products"),
    "food": ("食品", "Foodstuffs"),
    "metals": ("新材料科技", "New Material Technology"),
    "trade": ("进出口", "Import & Export"),
    "mining": ("矿业", "Mining"),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红"

FOREIGN_SYLLABLES = [
    "kor",
    "van",
    "tel",
    "mar",
    "ax",
    "ion",
    "sel",
    "dra",
    "qu",
    "est",
    "lum",
    "ner",
    "tak",
    "bri",
    "gon",
    "vex",
    "ara",
    "pol",
    "dun",
    "rix",
    "sol",
    "ten",
    "mir",
    "cas",
]
FOREIGN_WORDS = [
    "Metals",
    "Materials",
    "Trading",
    "Industries",
    "Technologies",
    "Resources",
    "Alloys",
    "Supply",
    "Components",
    "Commodities",
    "Holdings",
    "Electronics",
]
LEGAL_FORM = {
    "US": ["Inc.", "LLC", "Corp."],
    "DE": ["GmbH", "AG"],
    "NL": ["B.V."],
    "BE": ["NV", "BV"],
    "JP": ["K.K.", "Co., Ltd."],
    "KR": ["Co., Ltd."],
    "GB": ["Ltd", "Limited"],
    "FR": ["SAS", "S.A."],
    "IT": ["S.r.l.", "S.p.A."],
    "VN": ["Co., Ltd", "JSC"],
    "MY": ["Sdn. Bhd."],
    "TH": ["Co., Ltd."],
    "SG": ["Pte. Ltd."],
    "AE": ["FZE", "LLC", "FZCO"],
    "TR": ["A.S.", "Ltd. Sti."],
    "KZ": ["LLP", "TOO"],
    "KG": ["LLC", "OsOO"],
    "RU": ["OOO", "AO"],
    "IN": ["Pvt. Ltd."],
    "MX": ["S.A. de C.V."],
    "HK": ["Limited", "(HK) Co., Limited"],
    "AU": ["Pty Ltd"],
    "BR": ["Ltda."],
    "CA": ["Inc.", "Ltd."],
    "PL": ["Sp. z o.o."],
    "ID": ["PT"],
    "PH": ["Inc."],
    "SA": ["Co."],
    "TW": ["Co., Ltd."],
    "GE": ["LLC"],
    "AM": ["LLC", "CJSC"],
    "RS": ["d.o.o."],
    "CL": ["SpA"],
}
FIRST_NAMES = [
    "James",
    "Anna",
    "Sergei",
    "Olga",
    "Ahmed",
    "Mehmet",
    "Nguyen Van",
    "Kenji",
    "Min-jun",
    "Rahul",
    "Carlos",
    "Elena",
    "Timur",
    "Aigerim",
    "David",
    "Li Wei",
]
LAST_NAMES = [
    "Morrison",
    "Petrov",
    "Kaya",
    "Tran",
    "Sato",
    "Kim",
    "Sharma",
    "Garcia",
    "Novak",
    "Abenov",
    "Hassan",
    "Fischer",
    "Rossi",
    "Ivanova",
    "Ong",
    "Halim",
]


def pinyin_title(text: str) -> str:
    """``宁波`` -> ``Ningbo`` (syllables joined, first letter capitalised)."""
    return "".join(lazy_pinyin(text)).capitalize()


def pinyin_split(text: str) -> str:
    """``恒泰`` -> ``Heng Tai`` (the other way clerks write it)."""
    return " ".join(s.capitalize() for s in lazy_pinyin(text))


def chinese_company(rng: np.random.Generator, sector: str) -> tuple[str, str, str, str]:
    """``(Chinese name, city, brand, trade)`` of a new domestic company."""
    city = str(rng.choice(list(CITIES)))
    brand = "".join(rng.choice(list(BRAND_CHARS), size=2, replace=False))
    trade_zh = TRADES[sector][0] if rng.random() < 0.6 else TRADES["trade"][0]
    suffix = "有限公司" if rng.random() < 0.85 else "股份有限公司"
    return f"{city}{brand}{trade_zh}{suffix}", city, brand, trade_zh


def english_variants(city: str, brand: str, trade_zh: str) -> list[str]:
    """The English renderings of one Chinese company name found across documents."""
    trade_en = next((en for zh, en in TRADES.values() if zh == trade_zh), "Trading")
    c, b, bs = pinyin_title(city), pinyin_title(brand), pinyin_split(brand)
    short = trade_en.replace("Import & Export", "Imp. & Exp.").replace("Technology", "Tech.")
    return [
        f"{c} {b} {trade_en} Co., Ltd.",
        f"{c.upper()} {b.upper()} {short.upper()} CO., LTD",
        f"{c} {bs} {trade_en.replace('&', 'and')} Co Ltd",
        f"{b.upper()} ({c.upper()}) {trade_en.upper()} CO LIMITED",
    ]


def person_zh(rng: np.random.Generator) -> tuple[str, str]:
    """``(Chinese name, pinyin name)`` of a person, surname first."""
    name = str(rng.choice(list(SURNAMES))) + "".join(rng.choice(list(GIVEN), size=2))
    parts = lazy_pinyin(name)
    return name, f"{parts[0].upper()} {''.join(parts[1:]).capitalize()}"


def person_foreign(rng: np.random.Generator) -> str:
    """A foreign person's name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def foreign_company(rng: np.random.Generator, country: str) -> str:
    """A foreign company name with its country's legal form."""
    n = int(rng.integers(2, 4))
    stem = "".join(rng.choice(FOREIGN_SYLLABLES, size=n)).capitalize()
    word = str(rng.choice(FOREIGN_WORDS))
    form = str(rng.choice(LEGAL_FORM.get(country, ["Ltd."])))
    if country == "VN":
        return f"Cong Ty TNHH {stem} {word}"
    if country in ("RU", "KZ") and form in ("OOO", "TOO", "AO"):
        return f'{form} "{stem} {word}"'
    if country == "ID":
        return f"PT {stem} {word}"
    return f"{stem} {word} {form}"


def respell(rng: np.random.Generator, name: str) -> str:
    """Another spelling of a foreign name: case, punctuation or legal form changed."""
    pick = rng.integers(0, 4)
    if pick == 0:
        return name.upper()
    if pick == 1:
        return name.replace(".", "").replace(",", "")
    if pick == 2:
        return name.replace(" Co., Ltd.", " Company Limited").replace(" Ltd", " Limited")
    return name.replace("Technologies", "Tech").replace("Industries", "Ind.") + " "


def phone(rng: np.random.Generator, country: str) -> str:
    """A phone number in the country's style (digits only after the prefix)."""
    prefix = {"CN": "+86 1", "HK": "+852 ", "AE": "+971 5", "TR": "+90 5", "KZ": "+7 7"}
    return prefix.get(country, "+1 ") + "".join(rng.choice(list("0123456789"), size=9))
