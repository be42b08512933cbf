"""Company and person names, spelt the way different tables spell them.

A Chinese exporter is registered under its name in characters; a broker types it in
pinyin, the English website translates it, and a Hong Kong agent romanises it in
Cantonese or Wade-Giles. Foreign consignees are retyped by hand on each declaration.
Every spelling of one party is built from the same parts, so they stay the same party.
"""

from __future__ import annotations

import numpy as np

# (characters, pinyin, Hong Kong / Wade-Giles romanisation)
CITIES = (
    ("宁波", "Ningbo", "Ningpo"),
    ("青岛", "Qingdao", "Tsingtao"),
    ("厦门", "Xiamen", "Amoy"),
    ("赣州", "Ganzhou", "Kanchow"),
    ("株洲", "Zhuzhou", "Chuchow"),
    ("郴州", "Chenzhou", "Chenchow"),
    ("包头", "Baotou", "Paotow"),
    ("昆明", "Kunming", "Kunming"),
    ("深圳", "Shenzhen", "Shumchun"),
    ("义乌", "Yiwu", "Yiwu"),
    ("天津", "Tianjin", "Tientsin"),
    ("广州", "Guangzhou", "Canton"),
    ("长沙", "Changsha", "Changsha"),
    ("南昌", "Nanchang", "Nanchang"),
    ("柳州", "Liuzhou", "Liuchow"),
    ("苏州", "Suzhou", "Soochow"),
    ("东莞", "Dongguan", "Tungkun"),
    ("锦州", "Jinzhou", "Chinchow"),
)
CITY_REGION = (
    "330200",
    "370200",
    "350200",
    "360700",
    "430200",
    "431000",
    "150200",
    "530100",
    "440300",
    "330782",
    "120000",
    "440100",
    "430100",
    "360100",
    "450200",
    "320500",
    "441900",
    "210700",
)
WORDS = (
    ("鑫", "Xin", "Hsin", "Prosper"),
    ("华", "Hua", "Wah", "China"),
    ("盛", "Sheng", "Shing", "Grand"),
    ("泰", "Tai", "Tai", "Peace"),
    ("恒", "Heng", "Hang", "Constant"),
    ("瑞", "Rui", "Jui", "Lucky"),
    ("宏", "Hong", "Wang", "Vast"),
    ("金", "Jin", "Kam", "Gold"),
    ("达", "Da", "Tat", "Reach"),
    ("源", "Yuan", "Yuen", "Source"),
    ("利", "Li", "Lee", "Profit"),
    ("通", "Tong", "Tung", "Link"),
    ("丰", "Feng", "Fung", "Rich"),
    ("隆", "Long", "Lung", "Thrive"),
    ("德", "De", "Tak", "Virtue"),
    ("永", "Yong", "Wing", "Ever"),
    ("兴", "Xing", "Hing", "Rise"),
    ("海", "Hai", "Hoi", "Ocean"),
)
TRADES = (
    ("贸易", "Maoyi", "Trading"),
    ("进出口", "Jinchukou", "Import & Export"),
    ("实业", "Shiye", "Industrial"),
    ("新材料", "Xincailiao", "New Materials"),
    ("金属材料", "Jinshu Cailiao", "Metal Materials"),
    ("科技", "Keji", "Technology"),
    ("稀有金属", "Xiyou Jinshu", "Rare Metals"),
    ("矿业", "Kuangye", "Mining"),
    ("供应链", "Gongyinglian", "Supply Chain"),
    ("电子", "Dianzi", "Electronics"),
)

FOREIGN_SYLLABLES = (
    "al",
    "ver",
    "tan",
    "mor",
    "ex",
    "sol",
    "cor",
    "lin",
    "dra",
    "pol",
    "vek",
    "ar",
    "tis",
    "nor",
    "bel",
    "kan",
    "rio",
    "ste",
    "mar",
    "zen",
    "ol",
    "vi",
    "tro",
    "gal",
)
FOREIGN_SUFFIX = {
    "US": ("Inc.", "LLC", "Corp."),
    "DE": ("GmbH", "GmbH & Co. KG"),
    "JP": ("Co., Ltd.", "K.K."),
    "KR": ("Co., Ltd.",),
    "NL": ("B.V.",),
    "VN": ("Co., Ltd", "JSC"),
    "IN": ("Pvt. Ltd.",),
    "TH": ("Co., Ltd.",),
    "MY": ("Sdn. Bhd.",),
    "SG": ("Pte. Ltd.",),
    "AE": ("FZE", "FZCO", "LLC"),
    "RU": ("OOO", "AO"),
    "KZ": ("TOO",),
    "KG": ("OsOO",),
    "MN": ("LLC",),
    "TR": ("A.S.", "Ltd. Sti."),
    "BR": ("Ltda.",),
    "MX": ("S.A. de C.V.",),
    "GB": ("Ltd",),
    "IT": ("S.r.l.",),
    "FR": ("SAS",),
    "ID": ("PT",),
    "PH": ("Inc.",),
    "AU": ("Pty Ltd",),
    "PL": ("Sp. z o.o.",),
    "HK": ("Limited",),
    "TW": ("Co., Ltd.",),
    "AM": ("LLC",),
    "GE": ("LLC",),
    "RS": ("d.o.o.",),
}
FOREIGN_KIND = (
    "Trading",
    "Metals",
    "Industries",
    "Materials",
    "Technologies",
    "Resources",
    "Global",
    "Alloys",
    "Components",
    "Supply",
    "Import Export",
    "Holdings",
)
STREETS = (
    "Industrial Ave",
    "Harbour Rd",
    "Free Zone Blk",
    "Main St",
    "Ring Rd",
    "Business Park",
    "Logistics Cluster",
    "Tech Park",
    "Market St",
    "Station Rd",
)
PHONE_CODE = {
    "US": "1",
    "DE": "49",
    "JP": "81",
    "KR": "82",
    "NL": "31",
    "VN": "84",
    "IN": "91",
    "TH": "66",
    "MY": "60",
    "SG": "65",
    "AE": "971",
    "RU": "7",
    "KZ": "7",
    "KG": "996",
    "MN": "976",
    "TR": "90",
    "BR": "55",
    "MX": "52",
    "GB": "44",
    "IT": "39",
    "FR": "33",
    "ID": "62",
    "PH": "63",
    "AU": "61",
    "PL": "48",
    "HK": "852",
    "TW": "886",
    "AM": "374",
    "GE": "995",
    "RS": "381",
    "CN": "86",
}


def chinese_company(rng: np.random.Generator) -> dict[str, str]:
    """One Chinese company's name in characters, pinyin, English and a HK romanisation."""
    c = CITIES[rng.integers(len(CITIES))]
    w1, w2 = (WORDS[i] for i in rng.choice(len(WORDS), 2, replace=False))
    t = TRADES[rng.integers(len(TRADES))]
    zh = f"{c[0]}{w1[0]}{w2[0]}{t[0]}有限公司"
    pinyin = f"{c[1]} {w1[1]}{w2[1].lower()} {t[1]} Youxian Gongsi"
    english = f"{c[1]} {w1[1]}{w2[1].lower()} {t[2]} Co., Ltd."
    hk = f"{c[2].upper()} {w1[2].upper()} {w2[2].upper()} {t[2].upper()} CO LTD"
    return {"zh": zh, "pinyin": pinyin, "en": english, "hk": hk, "city": c[0]}


def foreign_company(rng: np.random.Generator, country: str) -> str:
    """A made-up foreign company name in the style of ``country``."""
    n = int(rng.integers(2, 4))
    stem = "".join(FOREIGN_SYLLABLES[i] for i in rng.integers(len(FOREIGN_SYLLABLES), size=n))
    kind = FOREIGN_KIND[rng.integers(len(FOREIGN_KIND))]
    suffixes = FOREIGN_SUFFIX.get(country, ("Ltd.",))
    suffix = suffixes[rng.integers(len(suffixes))]
    return f"PT {stem.title()} {kind}" if suffix == "PT" else f"{stem.title()} {kind} {suffix}"


def person(rng: np.random.Generator) -> str:
    """A person's name (romanised), for directors and passengers."""
    first = "".join(FOREIGN_SYLLABLES[i] for i in rng.integers(len(FOREIGN_SYLLABLES), size=2))
    last = "".join(FOREIGN_SYLLABLES[i] for i in rng.integers(len(FOREIGN_SYLLABLES), size=3))
    return f"{first.title()} {last.title()}"


def address(rng: np.random.Generator, country: str) -> str:
    """A street address abroad."""
    street = STREETS[rng.integers(len(STREETS))]
    return f"{rng.integers(1, 400)} {street}, {country}-{rng.integers(10000, 99999)}"


def phone(rng: np.random.Generator, country: str) -> str:
    """An international phone number."""
    return f"+{PHONE_CODE.get(country, '1')} {rng.integers(10_000_000, 99_999_999)}"


def retyped(name: str, how: int) -> str:
    """A hand-retyped spelling of a foreign name: ``how`` picks case, punctuation and
    legal-form variants (0 keeps the name)."""
    if how == 1:
        return name.upper()
    if how == 2:
        return name.replace(".", "").replace(",", "")
    if how == 3:
        return name.replace("Co., Ltd.", "Company Limited").replace("Ltd", "Limited")
    if how == 4:
        return name.split(" ")[0] + " " + " ".join(name.split(" ")[1:]).lower()
    return name
