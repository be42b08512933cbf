"""How parties are spelt: Chinese names in characters and pinyin, Hong Kong and Taiwan
names in traditional characters with Cantonese or Wade-Giles romanisations, foreign
names in their countries' styles, and the careless variants clerks type.

Each maker returns a canonical name and a list of variants; declarations pick a variant
per line, the licence register uses the canonical form, the watchlist lists some
variants as aliases but never all of them, because real lists do not.
"""

from __future__ import annotations

import numpy as np

from orewatch.contract import ids

# simplified, traditional, pinyin, Cantonese (HK), Wade-Giles (TW)
_SYLLABLES: list[tuple[str, str, str, str, str]] = [
    ("鑫", "鑫", "Xin", "Yam", "Hsin"),
    ("华", "華", "Hua", "Wah", "Hua"),
    ("瑞", "瑞", "Rui", "Sui", "Jui"),
    ("恒", "恆", "Heng", "Hang", "Heng"),
    ("盛", "盛", "Sheng", "Shing", "Sheng"),
    ("泰", "泰", "Tai", "Tai", "Tai"),
    ("达", "達", "Da", "Tat", "Ta"),
    ("隆", "隆", "Long", "Lung", "Lung"),
    ("金", "金", "Jin", "Kam", "Chin"),
    ("宏", "宏", "Hong", "Wang", "Hung"),
    ("源", "源", "Yuan", "Yuen", "Yuan"),
    ("永", "永", "Yong", "Wing", "Yung"),
    ("利", "利", "Li", "Lee", "Li"),
    ("通", "通", "Tong", "Tung", "Tung"),
    ("德", "德", "De", "Tak", "Te"),
    ("丰", "豐", "Feng", "Fung", "Feng"),
    ("兴", "興", "Xing", "Hing", "Hsing"),
    ("发", "發", "Fa", "Fat", "Fa"),
    ("昌", "昌", "Chang", "Cheong", "Chang"),
    ("宝", "寶", "Bao", "Po", "Pao"),
    ("东", "東", "Dong", "Tung", "Tung"),
    ("嘉", "嘉", "Jia", "Ka", "Chia"),
    ("祥", "祥", "Xiang", "Cheung", "Hsiang"),
    ("伟", "偉", "Wei", "Wai", "Wei"),
    ("荣", "榮", "Rong", "Wing", "Jung"),
    ("汇", "匯", "Hui", "Wui", "Hui"),
    ("创", "創", "Chuang", "Chong", "Chuang"),
    ("凯", "凱", "Kai", "Hoi", "Kai"),
]

_PLACES: list[tuple[str, str, str]] = [
    # zh, pinyin, home region code (first digits of the credit code and port group)
    ("赣州", "Ganzhou", "36"),
    ("包头", "Baotou", "15"),
    ("株洲", "Zhuzhou", "43"),
    ("郴州", "Chenzhou", "43"),
    ("宁波", "Ningbo", "33"),
    ("厦门", "Xiamen", "35"),
    ("深圳", "Shenzhen", "44"),
    ("东莞", "Dongguan", "44"),
    ("佛山", "Foshan", "44"),
    ("义乌", "Yiwu", "33"),
    ("昆明", "Kunming", "53"),
    ("个旧", "Gejiu", "53"),
    ("洛阳", "Luoyang", "41"),
    ("淄博", "Zibo", "37"),
    ("柳州", "Liuzhou", "45"),
    ("苏州", "Suzhou", "32"),
    ("天津", "Tianjin", "12"),
    ("大连", "Dalian", "21"),
    ("成都", "Chengdu", "51"),
    ("乌鲁木齐", "Wulumuqi", "65"),
]

_TRADES: list[tuple[str, str, str]] = [
    ("稀有金属", "Xiyou Jinshu", "Rare Metals"),
    ("新材料", "Xin Cailiao", "New Materials"),
    ("进出口", "Jinchukou", "Import & Export"),
    ("贸易", "Maoyi", "Trading"),
    ("矿业", "Kuangye", "Mining"),
    ("化工", "Huagong", "Chemical"),
    ("电子", "Dianzi", "Electronics"),
    ("陶瓷", "Taoci", "Ceramics"),
    ("五金", "Wujin", "Hardware"),
    ("纺织", "Fangzhi", "Textile"),
    ("光电", "Guangdian", "Optoelectronics"),
    ("实业", "Shiye", "Industrial"),
    ("科技", "Keji", "Technology"),
    ("有色金属", "Youse Jinshu", "Nonferrous Metals"),
]

_WEST_A = (
    "Atlas",
    "Meridian",
    "Northgate",
    "Crescent",
    "Pinnacle",
    "Summit",
    "Horizon",
    "Keystone",
    "Redwood",
    "Silverline",
    "Vanguard",
    "Bluewater",
    "Ironbridge",
    "Falcon",
    "Orion",
    "Sterling",
    "Apex",
    "Cobalt",
    "Evergreen",
    "Harbor",
    "Lakeside",
    "Granite",
    "Beacon",
    "Aurora",
    "Westfield",
    "Clearwater",
    "Highland",
    "Eastwood",
    "Polaris",
    "Tristar",
)
_WEST_B = (
    "Materials",
    "Metals",
    "Technologies",
    "Industries",
    "Trading",
    "Components",
    "Alloys",
    "Photonics",
    "Systems",
    "Resources",
    "Dynamics",
    "Supply",
    "Semiconductor",
    "Optics",
    "Minerals",
    "Engineering",
)
_COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("{a} {b} Inc.", "{a} {b} LLC", "{a} {b} Corp."),
    "DE": ("{a} {b} GmbH", "{a} {b} AG"),
    "NL": ("{a} {b} B.V.",),
    "GB": ("{a} {b} Ltd", "{a} {b} plc"),
    "FR": ("{a} {b} SAS",),
    "IT": ("{a} {b} S.p.A.",),
    "JP": ("{a} {b} Co., Ltd.", "{a} Shoji K.K."),
    "KR": ("{a} {b} Co., Ltd.",),
    "VN": ("Cong Ty TNHH {a} {b}",),
    "TH": ("{a} {b} (Thailand) Co., Ltd.",),
    "MY": ("{a} {b} Sdn. Bhd.",),
    "SG": ("{a} {b} Pte. Ltd.",),
    "ID": ("PT {a} {b}",),
    "IN": ("{a} {b} Pvt. Ltd.",),
    "AE": ("{a} {b} FZE", "{a} {b} FZCO"),
    "TR": ("{a} {b} A.S.",),
    "KZ": ("TOO {a} {b}",),
    "KG": ("OsOO {a} {b}",),
    "RU": ("OOO {a} {b}",),
    "BR": ("{a} {b} Ltda.",),
    "MX": ("{a} {b} S.A. de C.V.",),
    "AU": ("{a} {b} Pty Ltd",),
    "RS": ("{a} {b} d.o.o.",),
}

_SURNAMES = [
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
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("胡", "Hu"),
    ("朱", "Zhu"),
    ("高", "Gao"),
]
_GIVEN = [
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("军", "Jun"),
    ("磊", "Lei"),
    ("静", "Jing"),
    ("强", "Qiang"),
    ("敏", "Min"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("娟", "Juan"),
    ("建国", "Jianguo"),
    ("海燕", "Haiyan"),
    ("志强", "Zhiqiang"),
    ("秀英", "Xiuying"),
]


def _two(rng: np.random.Generator) -> list[tuple[str, str, str, str, str]]:
    picks = rng.choice(len(_SYLLABLES), size=2, replace=False)
    return [_SYLLABLES[i] for i in picks]


def chinese_company(rng: np.random.Generator, big: bool) -> tuple[str, list[str], str]:
    """A mainland company: canonical Chinese name, variants, and its home region code."""
    place_zh, place_py, region = _PLACES[rng.integers(len(_PLACES))]
    brand = _two(rng)
    trade_zh, trade_py, trade_en = _TRADES[rng.integers(len(_TRADES))]
    brand_zh = "".join(s[0] for s in brand)
    brand_py = "".join(s[2] for s in brand)
    suffix_zh, suffix_en = ("集团有限公司", "Group Co., Ltd.") if big else ("有限公司", "Co., Ltd.")
    canonical = f"{place_zh}{brand_zh}{trade_zh}{suffix_zh}"
    variants = [
        canonical,
        f"{place_zh}市{brand_zh}{trade_zh}{suffix_zh}",
        f"{place_py} {brand_py} {trade_en} {suffix_en}",
        f"{place_py.upper()} {' '.join(s[2].upper() for s in brand)} {trade_en.upper()} CO LTD",
        f"{brand_py} {trade_en} ({place_py}) {suffix_en}",
        f"{place_py} {brand_py} {trade_py} Youxian Gongsi",
    ]
    return canonical, variants, region


def greater_china_company(rng: np.random.Generator, where: str) -> tuple[str, list[str], list[str]]:
    """A Hong Kong or Taiwan company: canonical (traditional characters), the variants a
    mainland clerk types (simplified, romanised), and the aliases a list would record."""
    brand = _two(rng)
    trad = "".join(s[1] for s in brand)
    simp = "".join(s[0] for s in brand)
    roman = " ".join(s[3 if where == "HK" else 4] for s in brand)
    pinyin = " ".join(s[2] for s in brand)
    if where == "HK":
        canonical = f"{trad}貿易有限公司"
        english = f"{roman} Trading Limited"
        variants = [
            canonical,
            f"{simp}贸易有限公司",
            english,
            f"{pinyin} Trading Ltd",
            english.upper(),
        ]
    else:
        canonical = f"{trad}科技股份有限公司"
        english = f"{roman} Technology Co., Ltd."
        variants = [canonical, f"{simp}科技股份有限公司", english, f"{pinyin} Tech Co Ltd"]
    aliases = [english, canonical]
    return canonical, variants, aliases


def foreign_company(rng: np.random.Generator, country: str) -> tuple[str, list[str]]:
    """A company of ``country`` in that country's style, with typing variants."""
    forms = _COUNTRY_FORMS.get(country, ("{a} {b} Co.",))
    a, b = _WEST_A[rng.integers(len(_WEST_A))], _WEST_B[rng.integers(len(_WEST_B))]
    canonical = forms[rng.integers(len(forms))].format(a=a, b=b)
    bare = canonical.replace(",", "").replace(".", "")
    variants = [canonical, canonical.upper(), bare, f"{a.upper()} {b.upper()}"]
    return canonical, variants


def person(rng: np.random.Generator) -> tuple[str, str]:
    """A mainland person: name in characters and in pinyin."""
    s = _SURNAMES[rng.integers(len(_SURNAMES))]
    g = _GIVEN[rng.integers(len(_GIVEN))]
    return s[0] + g[0], f"{s[1].upper()} {g[1]}"


def resident_id(rng: np.random.Generator, region: str) -> str:
    """An 18-digit resident identity number with a real birth date and check digit
    (sole traders and individual senders are registered under it)."""
    year, month, day = rng.integers(1960, 2002), rng.integers(1, 13), rng.integers(1, 29)
    area = f"{region}{rng.integers(100, 9999):04d}"
    first = f"{area}{year}{month:02d}{day:02d}{rng.integers(0, 999):03d}"
    return first + ids.resident_check_char(first)


def credit_code(rng: np.random.Generator, region: str) -> str:
    """A unified social credit code (GB 32100) with its check character."""
    body = "".join(ids.USCC_ALPHABET[i] for i in rng.integers(0, 31, size=9))
    first = f"91{region}{rng.integers(0, 9999):04d}{body}"
    return first + ids.uscc_check_char(first)


def customs_code(rng: np.random.Generator, region: str) -> str:
    """A 10-character customs registration code (older exporters are known by it)."""
    return f"{region}{rng.integers(10, 99)}{rng.integers(1, 9)}{rng.integers(0, 99999):05d}"
