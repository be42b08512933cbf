"""Names of companies, people and places, and the ways clerks misspell them.

Chinese companies are named the way the registry names them (place + trade name +
line of business + legal form) and carry an English name of their own choosing;
foreign companies follow their country's legal forms. ``variants`` produces the
harmless spellings a name collects across documents (punctuation, case, legal form
written out, a dropped or doubled letter), which honest and dishonest parties share.
"""

from __future__ import annotations

import random

from sixteenthworld.geography import COUNTRIES, REGIONS

TRADE_NAMES: tuple[tuple[str, str], ...] = (
    ("金鑫", "Jinxin"),
    ("华锐", "Huarui"),
    ("恒泰", "Hengtai"),
    ("鑫达", "Xinda"),
    ("瑞丰", "Ruifeng"),
    ("宏盛", "Hongsheng"),
    ("中宇", "Zhongyu"),
    ("博远", "Boyuan"),
    ("天成", "Tiancheng"),
    ("嘉和", "Jiahe"),
    ("永昌", "Yongchang"),
    ("盛世", "Shengshi"),
    ("海川", "Haichuan"),
    ("明辉", "Minghui"),
    ("东方", "Dongfang"),
    ("长城", "Changcheng"),
    ("金石", "Jinshi"),
    ("正元", "Zhengyuan"),
    ("鼎盛", "Dingsheng"),
    ("远航", "Yuanhang"),
    ("广源", "Guangyuan"),
    ("国泰", "Guotai"),
    ("晟达", "Shengda"),
    ("兴旺", "Xingwang"),
    ("汇通", "Huitong"),
    ("振华", "Zhenhua"),
    ("德润", "Derun"),
    ("泰和", "Taihe"),
    ("鹏程", "Pengcheng"),
    ("锦程", "Jincheng"),
    ("润丰", "Runfeng"),
    ("宝利", "Baoli"),
    ("万通", "Wantong"),
    ("荣昌", "Rongchang"),
    ("华信", "Huaxin"),
    ("联创", "Lianchuang"),
    ("启明", "Qiming"),
    ("昊天", "Haotian"),
    ("金阳", "Jinyang"),
    ("银河", "Yinhe"),
    ("星辰", "Xingchen"),
    ("开元", "Kaiyuan"),
    ("众诚", "Zhongcheng"),
    ("伟业", "Weiye"),
    ("安达", "Anda"),
    ("隆鑫", "Longxin"),
    ("凯瑞", "Kairui"),
    ("富源", "Fuyuan"),
    ("恒通", "Hengtong"),
    ("弘毅", "Hongyi"),
    ("新锐", "Xinrui"),
    ("利达", "Lida"),
    ("顺发", "Shunfa"),
    ("鑫源", "Xinyuan"),
    ("华星", "Huaxing"),
    ("天力", "Tianli"),
    ("九州", "Jiuzhou"),
    ("青峰", "Qingfeng"),
    ("祥云", "Xiangyun"),
    ("金桥", "Jinqiao"),
    ("宏达", "Hongda"),
    ("瑞祥", "Ruixiang"),
    ("嘉诚", "Jiacheng"),
    ("盛源", "Shengyuan"),
    ("中联", "Zhonglian"),
    ("恒昌", "Hengchang"),
    ("海纳", "Haina"),
    ("卓越", "Zhuoyue"),
    ("华拓", "Huatuo"),
    ("金泓", "Jinhong"),
    ("睿达", "Ruida"),
    ("晶科", "Jingke"),
)

LINES_OF_BUSINESS: dict[str, tuple[tuple[str, str], ...]] = {
    "metal": (
        ("有色金属", "Nonferrous Metals"),
        ("新材料", "New Materials"),
        ("稀有金属", "Rare Metals"),
        ("冶炼", "Smelting"),
        ("金属材料", "Metal Materials"),
    ),
    "antimony": (("锑业", "Antimony"), ("有色金属", "Nonferrous Metals"), ("冶炼", "Smelting")),
    "tungsten": (
        ("钨业", "Tungsten"),
        ("硬质合金", "Cemented Carbide"),
        ("稀有金属", "Rare Metals"),
    ),
    "germanium": (("锗业", "Germanium"), ("稀有金属", "Rare Metals"), ("新材料", "New Materials")),
    "rare_earth": (
        ("稀土", "Rare Earth"),
        ("稀土新材料", "Rare Earth New Materials"),
        ("稀有金属", "Rare Metals"),
    ),
    "magnet": (
        ("磁材", "Magnetics"),
        ("磁业", "Magnet"),
        ("磁电科技", "Magnetoelectric Technology"),
    ),
    "graphite": (("石墨", "Graphite"), ("碳素", "Carbon"), ("新能源材料", "New Energy Materials")),
    "wafer": (
        ("半导体", "Semiconductor"),
        ("光电", "Optoelectronics"),
        ("电子材料", "Electronic Materials"),
        ("晶体", "Crystal"),
    ),
    "trade": (
        ("进出口", "Import & Export"),
        ("国际贸易", "International Trade"),
        ("贸易", "Trading"),
        ("实业", "Industrial"),
        ("商贸", "Commerce"),
    ),
    "chemical": (("化工", "Chemical"), ("精细化工", "Fine Chemical"), ("化学", "Chemistry")),
    "superhard": (
        ("超硬材料", "Superhard Materials"),
        ("金刚石", "Diamond"),
        ("磨具", "Abrasives"),
    ),
    "battery": (("新能源", "New Energy"), ("电池", "Battery"), ("储能", "Energy Storage")),
    "general": (
        ("陶瓷", "Ceramics"),
        ("五金", "Hardware"),
        ("家居", "Home Furnishing"),
        ("服饰", "Apparel"),
        ("玩具", "Toys"),
        ("机械", "Machinery"),
        ("电子", "Electronics"),
        ("工艺品", "Crafts"),
    ),
    "supply": (
        ("供应链管理", "Supply Chain Management"),
        ("外贸综合服务", "Foreign Trade Services"),
    ),
    "broker": (
        ("报关", "Customs Brokerage"),
        ("国际货运代理", "International Freight Forwarding"),
        ("报关行", "Customs Broker"),
    ),
    "ecommerce": (
        ("电子商务", "E-commerce"),
        ("网络科技", "Network Technology"),
        ("商贸", "Trading"),
    ),
}

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
    ("高", "Gao"),
    ("郑", "Zheng"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("唐", "Tang"),
    ("邓", "Deng"),
    ("曾", "Zeng"),
    ("彭", "Peng"),
    ("肖", "Xiao"),
    ("蒋", "Jiang"),
    ("谭", "Tan"),
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
    ("霞", "Xia"),
    ("平", "Ping"),
    ("刚", "Gang"),
    ("建国", "Jianguo"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("晓东", "Xiaodong"),
    ("文华", "Wenhua"),
    ("丽华", "Lihua"),
    ("国庆", "Guoqing"),
    ("春梅", "Chunmei"),
    ("宇航", "Yuhang"),
    ("子豪", "Zihao"),
    ("雨涵", "Yuhan"),
    ("浩然", "Haoran"),
)

_FOREIGN_ROOTS: dict[str, tuple[str, ...]] = {
    "jp": (
        "Nakamura",
        "Yamato",
        "Sanwa",
        "Taiyo",
        "Kyowa",
        "Daiichi",
        "Hokuriku",
        "Tokai",
        "Mitsuwa",
        "Kansai",
        "Toyo",
        "Koyo",
        "Shinwa",
        "Chuo",
        "Heiwa",
        "Asuka",
    ),
    "kr": (
        "Hanil",
        "Daesung",
        "Samhwa",
        "Dongbang",
        "Shinwoo",
        "Haesung",
        "Jinyang",
        "Seonjin",
        "Yeonwoo",
        "Taekwang",
        "Hyunjin",
        "Gwangmyeong",
    ),
    "tw": ("Chung Hwa", "Tai Yang", "Hsin Yu", "Kuang Ming", "Yung Fu", "Chia Hsin", "Ta Tung"),
    "hk": (
        "Wing Fat",
        "Kam Lung",
        "Golden Dragon",
        "Tai Fung",
        "Pearl River",
        "Sun Wah",
        "Fortune Harvest",
        "Grand Ocean",
        "Lucky Star",
        "Winner Rich",
    ),
    "us": (
        "Summit",
        "Pioneer",
        "Atlas",
        "Liberty",
        "Keystone",
        "Great Lakes",
        "Pacific",
        "Cascade",
        "Meridian",
        "Frontier",
        "Redwood",
        "Bluewater",
        "Granite",
        "Harbor",
        "Ridgeline",
        "Lakeshore",
        "Ironwood",
        "Clearwater",
    ),
    "de": (
        "Rhein",
        "Weser",
        "Alpen",
        "Nord",
        "Hansa",
        "Brandt",
        "Keller",
        "Weber",
        "Lindner",
        "Falk",
        "Ostwald",
        "Sommer",
    ),
    "nl": ("Van Dijk", "Oranje", "Delta", "Maas", "Noordzee", "Holland", "Van Leeuwen", "Zeeland"),
    "be": ("Scheldt", "Flanders", "Ardennes", "Van Acker", "Meuse", "Brabant"),
    "fr": ("Alpine", "Lumiere", "Garonne", "Rhone", "Dupont", "Loire", "Bastide"),
    "gb": ("Thames", "Pennine", "Sheffield", "Albion", "Windsor", "Kingsway", "Mersey"),
    "it": ("Lombarda", "Padana", "Adriatica", "Rossi", "Brixia", "Tirrena"),
    "es": ("Iberica", "Levante", "Cantabrica", "Garcia", "Mediterranea"),
    "pl": ("Wisla", "Polmet", "Baltyk", "Slask", "Mazur"),
    "cz": ("Morava", "Bohemia", "Vltava", "Ostrava"),
    "hu": ("Duna", "Tisza", "Magyar", "Pannon"),
    "at": ("Tirol", "Donau", "Steiner", "Alpina"),
    "se": ("Nordic", "Svea", "Norrland", "Vasa"),
    "ch": ("Helvetia", "Jura", "Alpstein", "Limmat"),
    "ee": ("Baltic", "Viru", "Tallinna", "Peipsi"),
    "in": ("Shree", "Bharat", "Sai", "Ganesh", "Lakshmi", "Vardhman", "Navkar", "Sunrise", "Om"),
    "pk": ("Indus", "Karakoram", "Ravi", "Crescent"),
    "bd": ("Padma", "Meghna", "Bengal", "Jamuna"),
    "vn": (
        "Phu Thanh",
        "Minh Phat",
        "Hoang Long",
        "Viet Hung",
        "An Phat",
        "Dai Nam",
        "Thanh Dat",
        "Hung Thinh",
        "Tan Phu",
        "Kim Long",
        "Bao Minh",
        "Duc Tri",
    ),
    "la": ("Lao Sethakit", "Mekong Lao", "Vientiane Star", "Champa"),
    "mm": ("Golden Land", "Shwe Mandalay", "Irrawaddy", "Myat Thu"),
    "th": ("Siam", "Thai Rung", "Chao Phraya", "Sukhum", "Rattana", "Srinakarin", "Ayutthaya"),
    "my": ("Perdana", "Seri", "Cahaya", "Mutiara", "Bintang", "Jaya", "Harta", "Wawasan"),
    "sg": (
        "Lion Gate",
        "Straits",
        "Marina",
        "Orchid",
        "Harbourfront",
        "Raffles Quay",
        "Keppel Bay",
    ),
    "id": ("Sinar", "Mitra", "Karya", "Bumi", "Cahaya Abadi", "Surya"),
    "ph": ("Luzon", "Visayas", "Pacifica", "Mabuhay"),
    "ae": (
        "Al Noor",
        "Gulf Star",
        "Desert Rose",
        "Al Baraka",
        "Falcon",
        "Al Safa",
        "Oasis",
        "Silver Dune",
        "Al Mansour",
    ),
    "sa": ("Al Rashid", "Red Sea", "Najd", "Al Faisal"),
    "tr": ("Anadolu", "Bosphorus", "Ege", "Marmara", "Kartal", "Toros", "Yildiz"),
    "il": ("Carmel", "Negev", "Galil", "Arava"),
    "eg": ("Nile", "Delta Misr", "Pharaonic", "Sinai"),
    "za": ("Highveld", "Cape", "Zulu", "Drakensberg"),
    "kz": ("Steppe", "Altyn", "Nur", "Alatau", "Tengri", "Saryarka", "Jetisu"),
    "kg": ("Ala-Too", "Issyk", "Tulpar", "Manas", "Tien Shan"),
    "uz": ("Turon", "Samarkand", "Zarafshan", "Navoi"),
    "ru": ("Uralmet", "Sibir", "Volga", "Baltika", "Taiga", "Amur", "Polyus"),
    "mn": ("Gobi", "Khangai", "Tuul", "Erdene"),
    "rs": ("Dunav", "Sava", "Morava", "Zlatibor"),
    "am": ("Ararat", "Sevan", "Aragats", "Zangezur"),
    "ge": ("Kolkheti", "Mtkvari", "Kartli", "Rioni"),
    "mx": ("Azteca", "Sierra", "Del Norte", "Bajio", "Anahuac"),
    "br": ("Paulista", "Atlantico", "Cerrado", "Sul Minas"),
    "ca": ("Maple", "Laurentian", "Northern", "Prairie"),
    "au": ("Southern Cross", "Pilbara", "Murray", "Coral"),
}

_FORMS: dict[str, tuple[str, ...]] = {
    "jp": ("Co., Ltd.", "Corporation", "K.K."),
    "kr": ("Co., Ltd.", "Corp."),
    "tw": ("Co., Ltd.", "Corp."),
    "hk": ("Limited", "(HK) Co., Limited", "Trading Limited"),
    "us": ("Inc.", "LLC", "Corp."),
    "de": ("GmbH", "GmbH & Co. KG"),
    "nl": ("B.V.",),
    "be": ("NV", "BV"),
    "fr": ("SAS", "SARL"),
    "gb": ("Ltd", "Limited"),
    "it": ("S.r.l.", "S.p.A."),
    "es": ("S.L.", "S.A."),
    "pl": ("Sp. z o.o.",),
    "cz": ("s.r.o.",),
    "hu": ("Kft.",),
    "at": ("GmbH",),
    "se": ("AB",),
    "ch": ("AG", "SA"),
    "ee": ("OU", "AS"),
    "in": ("Pvt. Ltd.", "Private Limited", "LLP"),
    "pk": ("(Pvt) Ltd",),
    "bd": ("Ltd",),
    "vn": ("Co., Ltd", "Company Limited", "JSC"),
    "la": ("Sole Co., Ltd",),
    "mm": ("Co., Ltd.",),
    "th": ("Co., Ltd.", "Public Co., Ltd."),
    "my": ("Sdn. Bhd.", "Sdn Bhd"),
    "sg": ("Pte. Ltd.", "Pte Ltd"),
    "id": ("Tbk",),
    "ph": ("Inc.", "Corp."),
    "ae": ("General Trading LLC", "FZE", "FZCO", "Trading L.L.C."),
    "sa": ("Co.", "Est."),
    "tr": ("Ltd. Sti.", "A.S."),
    "il": ("Ltd.",),
    "eg": ("S.A.E.",),
    "za": ("(Pty) Ltd",),
    "kz": ("LLP",),
    "kg": ("LLC",),
    "uz": ("LLC",),
    "ru": ("LLC", "JSC"),
    "mn": ("LLC",),
    "rs": ("d.o.o.",),
    "am": ("LLC",),
    "ge": ("LLC",),
    "mx": ("S.A. de C.V.",),
    "br": ("Ltda.",),
    "ca": ("Inc.", "Ltd."),
    "au": ("Pty Ltd",),
}

INDUSTRY_WORDS: dict[str, tuple[str, ...]] = {
    "maker": (
        "Materials",
        "Electronics",
        "Optics",
        "Semiconductor",
        "Magnetics",
        "Alloys",
        "Tooling",
        "Battery",
        "Ceramics",
        "Chemicals",
        "Precision",
        "Photonics",
        "Coatings",
    ),
    "distributor": (
        "Metals",
        "Metal Trading",
        "Materials Supply",
        "Resources",
        "Chemicals",
        "Industrial Supply",
        "Alloys Trading",
    ),
    "trader": (
        "Trading",
        "International",
        "Global Trade",
        "Commodities",
        "Import Export",
        "Enterprises",
        "Ventures",
    ),
    "retail": ("Home", "Outdoor", "Fashion", "Living", "Goods", "Store", "Supplies"),
}

_STREETS = (
    "Industrial Road",
    "Harbour Street",
    "Station Road",
    "Commerce Avenue",
    "Park Lane",
    "Market Street",
    "Technology Drive",
    "Logistics Way",
    "Free Zone Road",
    "Main Street",
    "Riverside Road",
    "Central Avenue",
    "Enterprise Park",
    "Airport Road",
)
_BUILDINGS = (
    "Business Centre",
    "Trade Tower",
    "Commercial Building",
    "Plaza",
    "Office Park",
    "Logistics Hub",
)


def chinese_company(
    rnd: random.Random, region: str, business: str, trade: tuple[str, str] | None = None
) -> tuple[str, str]:
    """(Chinese name, English name) of a company registered in ``region``."""
    _, city_zh, city_py = REGIONS[region]
    trade_zh, trade_py = trade or rnd.choice(TRADE_NAMES)
    line_zh, line_en = rnd.choice(LINES_OF_BUSINESS[business])
    form = rnd.random()
    suffix_zh, suffix_en = (
        ("有限公司", "Co., Ltd.")
        if form < 0.8
        else ("有限责任公司", "Co., Ltd.")
        if form < 0.92
        else ("股份有限公司", "Joint Stock Co., Ltd.")
    )
    zh = f"{city_zh}{trade_zh}{line_zh}{suffix_zh}"
    en = f"{city_py} {trade_py} {line_en} {suffix_en}"
    return zh, en


def chinese_person(rnd: random.Random) -> tuple[str, str]:
    """(Chinese name, pinyin name as a passport writes it)."""
    s_zh, s_py = rnd.choice(SURNAMES)
    g_zh, g_py = rnd.choice(GIVEN)
    return s_zh + g_zh, f"{s_py.upper()} {g_py}"


def foreign_company(rnd: random.Random, country: str, kind: str, root: str | None = None) -> str:
    style = COUNTRIES[country].style
    base = root or rnd.choice(_FOREIGN_ROOTS[style])
    words = INDUSTRY_WORDS.get(kind, INDUSTRY_WORDS["trader"])
    form = rnd.choice(_FORMS[style])
    if style == "vn" and rnd.random() < 0.5:
        return f"Cong Ty TNHH {base} {rnd.choice(words)}"
    if style == "id":
        return f"PT {base} {rnd.choice(words)} {form}".strip()
    if style in ("kz", "kg", "uz", "ru") and rnd.random() < 0.4:
        prefix = {"kz": "TOO", "kg": "OsOO", "uz": "MChJ", "ru": "OOO"}[style]
        return f'{prefix} "{base} {rnd.choice(words)}"'
    return f"{base} {rnd.choice(words)} {form}"


def foreign_root(rnd: random.Random, country: str) -> str:
    return rnd.choice(_FOREIGN_ROOTS[COUNTRIES[country].style])


_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "anglo": (
        ("James", "Emily", "Michael", "Sarah", "David", "Laura", "Robert", "Karen", "Kevin"),
        ("Miller", "Johnson", "Brown", "Taylor", "Walker", "Harris", "Clarke", "Young", "Reed"),
    ),
    "german": (
        ("Thomas", "Andrea", "Stefan", "Katrin", "Jan", "Anke", "Lukas", "Sabine"),
        ("Muller", "Schneider", "Fischer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter"),
    ),
    "jp": (
        ("Hiroshi", "Yuki", "Takeshi", "Naoko", "Kenji", "Aiko", "Daisuke", "Emi"),
        ("Tanaka", "Suzuki", "Sato", "Watanabe", "Ito", "Yamamoto", "Kobayashi", "Kato"),
    ),
    "kr": (
        ("Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Dong-hyun", "Soo-jin"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon"),
    ),
    "vn": (
        ("Van Minh", "Thi Lan", "Duc Anh", "Thi Hoa", "Quang Huy", "Thu Trang"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"),
    ),
    "th": (
        ("Somchai", "Siriporn", "Anan", "Kanya", "Prasert", "Malee"),
        ("Srisuk", "Wongsakul", "Chaiyaphum", "Rattanakorn", "Boonmee"),
    ),
    "slavic": (
        ("Aibek", "Olga", "Dmitri", "Aigerim", "Sergei", "Nurlan", "Elena", "Timur"),
        ("Ivanov", "Petrova", "Sadykov", "Kim", "Abdullaev", "Smirnov", "Nurlanov"),
    ),
    "in": (
        ("Ravi", "Priya", "Amit", "Sunita", "Rahul", "Anjali", "Vikram"),
        ("Sharma", "Patel", "Gupta", "Reddy", "Iyer", "Mehta", "Singh"),
    ),
    "arab": (
        ("Ahmed", "Fatima", "Omar", "Layla", "Khalid", "Mariam", "Yousef"),
        ("Al Hashimi", "Haddad", "Al Mansoori", "Saleh", "Nasser", "Farouk"),
    ),
    "tr": (
        ("Mehmet", "Ayse", "Mustafa", "Elif", "Emre", "Zeynep"),
        ("Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk"),
    ),
    "chinese": (
        ("Wei", "Mei", "Chun", "Ka Ming", "Hui", "Jia Hao", "Siew Ling"),
        ("Chan", "Wong", "Lim", "Tan", "Lee", "Ng", "Ho"),
    ),
    "latin": (
        ("Carlos", "Maria", "Jose", "Ana", "Luis", "Sofia", "Pedro", "Lucia"),
        ("Garcia", "Rodriguez", "Lopez", "Martinez", "Silva", "Santos", "Rossi"),
    ),
}
_PEOPLE_OF: dict[str, str] = {
    "us": "anglo", "gb": "anglo", "ca": "anglo", "au": "anglo", "za": "anglo", "il": "anglo",
    "de": "german", "at": "german", "ch": "german", "nl": "german", "be": "german",
    "se": "german", "ee": "german", "pl": "slavic", "cz": "slavic", "hu": "german",
    "jp": "jp", "kr": "kr", "vn": "vn", "la": "th", "th": "th", "mm": "th",
    "ru": "slavic", "kz": "slavic", "kg": "slavic", "uz": "slavic", "mn": "slavic",
    "rs": "slavic", "am": "slavic", "ge": "slavic", "in": "in", "pk": "in", "bd": "in",
    "ae": "arab", "sa": "arab", "eg": "arab", "tr": "tr", "hk": "chinese", "tw": "chinese",
    "sg": "chinese", "my": "chinese", "id": "chinese", "ph": "latin", "fr": "latin",
    "it": "latin", "es": "latin", "mx": "latin", "br": "latin",
}  # fmt: skip

_TLD: dict[str, str] = {
    "JP": ".co.jp", "KR": ".co.kr", "DE": ".de", "NL": ".nl", "GB": ".co.uk", "FR": ".fr",
    "IT": ".it", "IN": ".in", "VN": ".vn", "TH": ".co.th", "MY": ".com.my", "SG": ".com.sg",
    "TW": ".com.tw", "HK": ".com.hk", "AE": ".ae", "TR": ".com.tr", "RU": ".ru", "KZ": ".kz",
    "CN": ".cn", "BE": ".be", "PL": ".pl", "BR": ".com.br", "MX": ".com.mx", "AU": ".com.au",
}  # fmt: skip


def foreign_person(rnd: random.Random, country: str) -> str:
    firsts, lasts = _PEOPLE[_PEOPLE_OF.get(COUNTRIES[country].style, "anglo")]
    return f"{rnd.choice(firsts)} {rnd.choice(lasts)}"


def foreign_address(rnd: random.Random, country: str, city: str | None = None) -> str:
    c = COUNTRIES[country]
    town = city or rnd.choice(c.cities)
    if rnd.random() < 0.3:
        unit = f"Unit {rnd.randrange(1, 40)}{rnd.choice('ABCDEF')}, "
        place = f"{rnd.choice(_BUILDINGS)} {rnd.randrange(1, 9)}"
        return f"{unit}{foreign_root(rnd, country)} {place}, {town}, {c.name}"
    return f"{rnd.randrange(1, 2000)} {rnd.choice(_STREETS)}, {town}, {c.name}"


def chinese_address(rnd: random.Random, region: str) -> str:
    _, city_zh, _ = REGIONS[region]
    road = rnd.choice(("工业园", "开发区", "高新区", "经济技术开发区", "物流园", "新材料产业园"))
    return f"{city_zh}市{road}{rnd.choice(TRADE_NAMES)[0]}路{rnd.randrange(1, 400)}号"


def phone(rnd: random.Random, country: str) -> str:
    code = "86" if country == "CN" else COUNTRIES[country].calling
    return f"+{code} {rnd.randrange(10**7, 10**9)}"


def email_domain(name: str, country: str = "") -> str:
    words = [w for w in name.lower().replace(",", " ").split() if w.isascii() and w.isalnum()]
    stem = "".join(words[:2]) or "mail"
    return stem + _TLD.get(country, ".com")


def variants(name: str, rnd: random.Random, n: int = 3) -> list[str]:
    """Harmless other spellings of a (latin-script) name, as clerks write them."""
    out: list[str] = []
    swaps = (
        ("Co., Ltd.", "CO.,LTD"),
        ("Co., Ltd.", "Co Ltd"),
        ("Co., Ltd.", "Company Limited"),
        ("Limited", "Ltd"),
        ("Inc.", "Inc"),
        ("GmbH", "Gmbh"),
        ("Pte. Ltd.", "PTE LTD"),
        ("Sdn. Bhd.", "SDN BHD"),
        ("LLC", "L.L.C."),
        ("B.V.", "BV"),
        ("&", "and"),
        ("Corporation", "Corp."),
        ("International", "Intl"),
        ("Trading", "Trdg"),
    )
    for _ in range(n * 3):
        if len(out) >= n:
            break
        choice = rnd.random()
        candidate = name
        if choice < 0.4:
            old, new = rnd.choice(swaps)
            candidate = name.replace(old, new)
        elif choice < 0.6:
            candidate = name.upper()
        elif choice < 0.8 and len(name) > 6:
            i = rnd.randrange(1, len(name) - 1)
            if name[i].isalpha():
                candidate = (
                    name[:i] + name[i] + name[i:]
                    if rnd.random() < 0.5
                    else name[:i] + name[i + 1 :]
                )
        else:
            candidate = name.replace(",", "").replace(".", "")
        if candidate != name and candidate not in out:
            out.append(candidate)
    return out
