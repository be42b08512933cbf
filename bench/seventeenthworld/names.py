"""Names and addresses: Chinese companies in characters and pinyin, people, foreign firms.

Entity resolution is half of the analyst's job, so names come in the forms customs
really sees: a Chinese registered name, its English trading name, the same firm
written with or without "Co., Ltd.", consignees whose names drift between shipments,
and foreign firms whose names resemble listed ones without being them.
"""

from __future__ import annotations

import numpy as np

#: (characters, pinyin) pairs for brand syllables of company names.
BRANDS: tuple[tuple[str, str], ...] = (
    ("金", "Jin"),
    ("鑫", "Xin"),
    ("华", "Hua"),
    ("宏", "Hong"),
    ("盛", "Sheng"),
    ("恒", "Heng"),
    ("达", "Da"),
    ("源", "Yuan"),
    ("泰", "Tai"),
    ("信", "Xin"),
    ("安", "An"),
    ("瑞", "Rui"),
    ("博", "Bo"),
    ("丰", "Feng"),
    ("隆", "Long"),
    ("昌", "Chang"),
    ("德", "De"),
    ("祥", "Xiang"),
    ("鼎", "Ding"),
    ("嘉", "Jia"),
    ("凯", "Kai"),
    ("远", "Yuan"),
    ("中", "Zhong"),
    ("东", "Dong"),
    ("新", "Xin"),
    ("天", "Tian"),
    ("万", "Wan"),
    ("锦", "Jin"),
    ("永", "Yong"),
    ("辉", "Hui"),
    ("晶", "Jing"),
    ("科", "Ke"),
    ("创", "Chuang"),
    ("海", "Hai"),
    ("润", "Run"),
    ("正", "Zheng"),
    ("联", "Lian"),
    ("和", "He"),
    ("兴", "Xing"),
    ("利", "Li"),
    ("通", "Tong"),
    ("顺", "Shun"),
)
#: (characters, English) of the line of business, by exporter profile.
TRADES: dict[str, tuple[tuple[str, str], ...]] = {
    "maker": (
        ("实业", "Industrial"),
        ("制造", "Manufacturing"),
        ("工贸", "Industry & Trade"),
        ("家居", "Home Furnishing"),
        ("电子", "Electronics"),
        ("机械", "Machinery"),
        ("陶瓷", "Ceramics"),
        ("服饰", "Apparel"),
        ("五金", "Hardware"),
    ),
    "metals": (
        ("金属材料", "Metal Materials"),
        ("有色金属", "Non-ferrous Metals"),
        ("化工", "Chemical"),
        ("冶金", "Metallurgy"),
        ("矿业", "Mining"),
        ("合金", "Alloy"),
    ),
    "licensed": (
        ("新材料", "New Material"),
        ("稀有金属", "Rare Metals"),
        ("稀土", "Rare Earth"),
        ("半导体材料", "Semiconductor Materials"),
        ("钨业", "Tungsten"),
        ("锑业", "Antimony"),
        ("锗业", "Germanium"),
        ("材料科技", "Materials Technology"),
    ),
    "supply_chain": (
        ("供应链管理", "Supply Chain Management"),
        ("国际物流", "International Logistics"),
    ),
    "ecommerce": (("电子商务", "E-commerce"), ("网络科技", "Network Technology")),
    "trader": (
        ("进出口贸易", "Import & Export Trading"),
        ("国际贸易", "International Trading"),
        ("贸易", "Trading"),
        ("商贸", "Commerce"),
    ),
    "broker": (("报关", "Customs Brokerage"), ("国际货运代理", "International Freight Forwarding")),
    "domestic": (
        ("冶炼", "Smelting"),
        ("矿业", "Mining"),
        ("精炼", "Refining"),
        ("材料", "Materials"),
    ),
}
SUFFIXES = (
    ("有限公司", "Co., Ltd."),
    ("有限责任公司", "Co., Ltd."),
    ("股份有限公司", "Corp., Ltd."),
)

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
    ("林", "Lin"),
    ("罗", "Luo"),
    ("郑", "Zheng"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("唐", "Tang"),
    ("邓", "Deng"),
)
GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("强", "Qiang"),
    ("磊", "Lei"),
    ("军", "Jun"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("秀英", "Xiuying"),
    ("建华", "Jianhua"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("国平", "Guoping"),
    ("丽娟", "Lijuan"),
    ("小龙", "Xiaolong"),
)

ROOTS = (
    "Apex",
    "Nova",
    "Orion",
    "Summit",
    "Pacific",
    "Atlas",
    "Vertex",
    "Delta",
    "Union",
    "Global",
    "Sun",
    "Green",
    "Blue",
    "Star",
    "Prime",
    "Metro",
    "Zenith",
    "Horizon",
    "Crest",
    "Polar",
    "Eagle",
    "Harbor",
    "Silver",
    "Golden",
    "Evergreen",
    "Pioneer",
    "Northern",
    "Coastal",
    "Alpine",
    "Sterling",
    "Keystone",
    "Meridian",
    "Falcon",
    "Titan",
    "Aurora",
    "Lotus",
    "Phoenix",
    "Cobalt",
    "Granite",
    "Nordic",
    "Sapphire",
    "Emerald",
    "Liberty",
    "Crown",
    "Vanguard",
    "Keystar",
    "Bright",
)
SECTORS_BUY = (
    "Materials",
    "Metals",
    "Trading",
    "Industries",
    "Electronics",
    "Technologies",
    "Chemicals",
    "Resources",
    "Components",
    "Alloys",
    "Optics",
    "Semiconductor",
    "Supply",
    "Imports",
    "Distribution",
    "Manufacturing",
    "Engineering",
    "Commodities",
    "Ceramics",
    "Retail",
)
LEGAL: dict[str, tuple[str, ...]] = {
    "US": ("Inc.", "LLC", "Corp."),
    "JP": ("Co., Ltd.", "K.K."),
    "KR": ("Co., Ltd.", "Corp."),
    "DE": ("GmbH", "AG"),
    "NL": ("B.V.",),
    "VN": ("Company Limited", "JSC"),
    "IN": ("Pvt. Ltd.", "Ltd."),
    "TH": ("Co., Ltd.",),
    "MY": ("Sdn. Bhd.",),
    "SG": ("Pte. Ltd.",),
    "AE": ("FZE", "FZCO", "LLC"),
    "RU": ("OOO", "LLC"),
    "KZ": ("LLP", "TOO"),
    "GB": ("Ltd", "Limited"),
    "FR": ("SAS", "SARL"),
    "IT": ("S.r.l.", "S.p.A."),
    "BR": ("Ltda.",),
    "MX": ("S.A. de C.V.",),
    "AU": ("Pty Ltd",),
    "ID": ("PT",),
    "TR": ("A.S.", "Ltd. Sti."),
    "PL": ("Sp. z o.o.",),
    "HK": ("Limited", "Co., Limited"),
    "TW": ("Co., Ltd.",),
    "CA": ("Inc.", "Ltd."),
    "KG": ("LLC", "OsOO"),
    "RS": ("d.o.o.",),
}
CITIES: dict[str, tuple[str, ...]] = {
    "US": ("Houston, TX", "Newark, NJ", "Los Angeles, CA", "Pittsburgh, PA", "Phoenix, AZ"),
    "JP": ("Osaka", "Yokohama", "Nagoya", "Tokyo"),
    "KR": ("Incheon", "Busan", "Seoul", "Ulsan"),
    "DE": ("Hamburg", "Duesseldorf", "Frankfurt am Main", "Stuttgart"),
    "NL": ("Rotterdam", "Amsterdam", "Eindhoven"),
    "VN": ("Hai Phong", "Ho Chi Minh City", "Bac Ninh", "Hanoi"),
    "IN": ("Mumbai", "Chennai", "Pune", "Ahmedabad"),
    "TH": ("Bangkok", "Rayong", "Chonburi"),
    "MY": ("Port Klang", "Penang", "Johor Bahru"),
    "SG": ("Singapore",),
    "AE": ("Jebel Ali, Dubai", "Sharjah", "Dubai"),
    "RU": ("Moscow", "Yekaterinburg", "Novosibirsk"),
    "KZ": ("Almaty", "Astana", "Karaganda"),
    "HK": ("Kwun Tong, Kowloon", "Tsim Sha Tsui", "Wan Chai"),
    "TR": ("Istanbul", "Izmir", "Mersin"),
    "MX": ("Monterrey", "Tijuana", "Guadalajara"),
    "KG": ("Bishkek", "Osh"),
}
STREETS = (
    "Industrial Ave",
    "Harbour Road",
    "Commerce St",
    "Station Road",
    "Park Lane",
    "Riverside Dr",
    "Logistics Park",
    "Trade Centre",
    "Free Zone",
    "Business Bay",
    "Tech Park",
    "Main Street",
)
#: Foreign people (directors, owners of relay buyers and listed parties).
FOREIGN_PEOPLE = (
    "John Miller",
    "David Kim",
    "Nguyen Van Minh",
    "Tran Thi Lan",
    "Ahmed Al Mansouri",
    "Sergei Ivanov",
    "Aigerim Bekova",
    "Hiroshi Tanaka",
    "Rajesh Kumar",
    "Somchai Wong",
    "Lim Wei Ming",
    "Mehmet Yilmaz",
    "Carlos Herrera",
    "Elena Petrova",
    "Omar Haddad",
    "Kwok Ka Wai",
    "Chan Tai Man",
    "Yuki Sato",
    "Peter Novak",
    "Farid Rahimov",
)


def chinese_company(
    rng: np.random.Generator, city_zh: str, city_en: str, profile: str
) -> tuple[str, str]:
    """(registered Chinese name, English trading name)."""
    b1, b2 = (BRANDS[i] for i in rng.choice(len(BRANDS), 2, replace=False))
    trades = TRADES[profile]
    trade = trades[int(rng.integers(0, len(trades)))]
    suffix = SUFFIXES[int(rng.integers(0, len(SUFFIXES)))]
    city = city_zh[-2:] if len(city_zh) > 2 else city_zh
    city_en_short = city_en.split(",")[0]
    zh = f"{city}{b1[0]}{b2[0]}{trade[0]}{suffix[0]}"
    en = f"{city_en_short} {b1[1]}{b2[1].lower()} {trade[1]} {suffix[1]}"
    return zh, en


def person(rng: np.random.Generator) -> tuple[str, str]:
    s = SURNAMES[int(rng.integers(0, len(SURNAMES)))]
    g = GIVEN[int(rng.integers(0, len(GIVEN)))]
    return s[0] + g[0], f"{s[1]} {g[1]}"


def foreign_company(rng: np.random.Generator, country: str, sector: str | None = None) -> str:
    root = ROOTS[int(rng.integers(0, len(ROOTS)))]
    sec = sector or SECTORS_BUY[int(rng.integers(0, len(SECTORS_BUY)))]
    legal = LEGAL.get(country, ("Co., Ltd.", "Ltd.", "LLC"))
    form = legal[int(rng.integers(0, len(legal)))]
    if form == "PT":
        return f"PT {root} {sec} Indonesia"
    if form in ("OOO", "TOO"):
        return f'{form} "{root} {sec}"'
    return f"{root} {sec} {form}"


def foreign_address(rng: np.random.Generator, country: str) -> str:
    cities = CITIES.get(country, ("Capital City", "Port City"))
    city = cities[int(rng.integers(0, len(cities)))]
    street = STREETS[int(rng.integers(0, len(STREETS)))]
    return f"{int(rng.integers(1, 400))} {street}, {city}, {country}"


def chinese_address(rng: np.random.Generator, city_zh: str) -> str:
    roads = ("工业园区", "经济开发区", "高新区", "人民路", "建设路", "解放路", "新华路", "物流园")
    road = roads[int(rng.integers(0, len(roads)))]
    return f"{city_zh}{road}{int(rng.integers(1, 300))}号"


def phone(rng: np.random.Generator, mobile: bool = True) -> str:
    if mobile:
        return f"+86 1{int(rng.integers(30, 90))}{int(rng.integers(0, 10**8)):08d}"
    return f"+86 {int(rng.integers(20, 999)):03d} {int(rng.integers(0, 10**8)):08d}"


def name_variant(rng: np.random.Generator, name: str) -> str:
    """The same consignee written another way, as clerks and buyers' own papers do."""
    choice = int(rng.integers(0, 6))
    if choice == 0:
        return name.upper()
    if choice == 1:
        return name.replace("Co., Ltd.", "Company Limited").replace("Ltd.", "Limited")
    if choice == 2:
        return name.replace(".", "").replace(",", "")
    if choice == 3:
        return name.replace(" Inc.", ", Inc.").replace(" LLC", ", LLC")
    if choice == 4:
        return name + " "  # a trailing space, the commonest duplicate in registries
    return name.replace("and", "&")


def typo(rng: np.random.Generator, text: str) -> str:
    """One clerical slip: swapped, dropped or doubled letter, or a stray space."""
    if len(text) < 4:
        return text
    i = int(rng.integers(1, len(text) - 2))
    kind = int(rng.integers(0, 4))
    if kind == 0:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    if kind == 2:
        return text[:i] + text[i] + text[i:]
    return text[:i] + " " + text[i:]
