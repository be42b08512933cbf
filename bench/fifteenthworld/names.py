"""Names, numbers and addresses, written the way real registers and documents write them.

Chinese companies get a unified social credit code with a correct check character, a
name in Chinese and its pinyin/English rendering, a street address and a telephone with
the city's area code; people get resident identity numbers with correct check digits.
Foreign companies get names in their country's style. Containers, bills of lading, air
waybills and postal items get numbers with their real check digits, so that a bad check
digit is never an accident of the generator.
"""

from __future__ import annotations

import datetime as dt
import random

from fifteenthworld.places import REGIONS

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def uscc(rng: random.Random, region: str, kind: str = "91") -> str:
    """A unified social credit code (GB 32100) registered in ``region``."""
    body = (
        kind + region + "".join(rng.choice(USCC_ALPHABET[:10] + "ABCDEFGHJKLMN") for _ in range(9))
    )
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id(rng: random.Random, region: str) -> str:
    """A resident identity number (GB 11643) of someone born in ``region``."""
    born = dt.date(1958, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 42))
    body = f"{region}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
    total = sum(int(c) * w for c, w in zip(body, RESIDENT_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def customs_code(rng: random.Random, region: str) -> str:
    """A ten-character customs registration code (exporters registered before the USCC)."""
    return f"{region[:4]}{rng.choice('369')}{rng.randrange(10000, 99999)}"


# --- containers and transport documents --------------------------------------------------

_OWNERS = ("CSNU", "CBHU", "OOLU", "MSCU", "MAEU", "TGHU", "TCNU", "EISU", "HLXU", "ONEU", "SEGU")


def _iso6346_values() -> dict[str, int]:
    """Letter values of ISO 6346: from 10 upward, skipping multiples of 11."""
    values = {str(d): d for d in range(10)}
    value = 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    return values


_ISO6346 = _iso6346_values()


def container(rng: random.Random, owner: str | None = None) -> str:
    """An ISO 6346 container number with its check digit."""
    body = (owner or rng.choice(_OWNERS)) + f"{rng.randrange(0, 1_000_000):06d}"
    total = sum(_ISO6346[c] << i for i, c in enumerate(body))
    return body + str(total % 11 % 10)


_LINES = ("COSU", "OOLU", "MEDU", "MAEU", "EGLV", "ONEY", "HLCU", "CMDU", "YMLU", "SITC")
_AIRLINES = ("999", "781", "784", "880", "160", "112", "297", "618")


def bill_of_lading(rng: random.Random) -> str:
    return f"{rng.choice(_LINES)}{rng.randrange(10**9, 10**10)}"


def air_waybill(rng: random.Random) -> str:
    serial = rng.randrange(1_000_000, 9_999_999)
    return f"{rng.choice(_AIRLINES)}-{serial}{serial % 7}"


def postal_item(rng: random.Random, service: str) -> str:
    """A UPU S10 item number (EMS ``E?``, registered ``R?``, parcel ``C?``)."""
    digits = f"{rng.randrange(0, 10**8):08d}"
    total = sum(int(d) * w for d, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{service}{rng.choice('ABCDEFGHJKLMNPQRTUVWXYZ')}{digits}{check}CN"


def express_waybill(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return f"SF{rng.randrange(10**12, 10**13)}"
    if kind < 0.75:
        return f"{rng.randrange(10**9, 10**10)}"  # DHL
    if kind < 0.9:
        return f"{rng.randrange(10**11, 10**12)}"  # FedEx
    return f"1Z{rng.randrange(10**15, 10**16):X}"[:18]  # UPS


def transport_doc(rng: random.Random, mode: str) -> str | None:
    if mode == "sea":
        return bill_of_lading(rng)
    if mode == "air":
        return air_waybill(rng)
    if mode == "express":
        return express_waybill(rng)
    if mode == "post":
        return postal_item(rng, rng.choice("ERC"))
    if mode == "rail":
        return f"SMGS{rng.randrange(10**7, 10**8)}"
    if mode == "road":
        return f"CMR{rng.randrange(10**6, 10**7)}"
    flight = rng.choice(("CZ", "MU", "CA", "HX", "NX", "VN", "KE"))
    return f"{flight}{rng.randrange(100, 9999)}" if rng.random() < 0.7 else None


# --- Chinese companies and people ----------------------------------------------------------

_BRANDS = (
    ("华锐", "Huarui"), ("金泰", "Jintai"), ("鑫源", "Xinyuan"), ("恒达", "Hengda"),
    ("中诚", "Zhongcheng"), ("瑞丰", "Ruifeng"), ("宏晟", "Hongsheng"), ("天合", "Tianhe"),
    ("永昌", "Yongchang"), ("博远", "Boyuan"), ("嘉德", "Jiade"), ("盛唐", "Shengtang"),
    ("新锐", "Xinrui"), ("正元", "Zhengyuan"), ("国泰", "Guotai"), ("东方", "Dongfang"),
    ("海川", "Haichuan"), ("宝丰", "Baofeng"), ("德盛", "Desheng"), ("长青", "Changqing"),
    ("紫晨", "Zichen"), ("峰锐", "Fengrui"), ("恒信", "Hengxin"), ("万通", "Wantong"),
    ("昊天", "Haotian"), ("汇金", "Huijin"), ("鼎鑫", "Dingxin"), ("弘业", "Hongye"),
    ("联创", "Lianchuang"), ("晶华", "Jinghua"), ("通达", "Tongda"), ("广源", "Guangyuan"),
    ("志诚", "Zhicheng"), ("明远", "Mingyuan"), ("安泰", "Antai"), ("隆基", "Longji"),
    ("凯盛", "Kaisheng"), ("华星", "Huaxing"), ("锦程", "Jincheng"), ("祥和", "Xianghe"),
    ("腾飞", "Tengfei"), ("晟达", "Shengda"), ("佳利", "Jiali"), ("荣鑫", "Rongxin"),
    ("聚源", "Juyuan"), ("富邦", "Fubang"), ("科润", "Kerun"), ("银河", "Yinhe"),
)  # fmt: skip

_TRADES: dict[str, tuple[tuple[str, str], ...]] = {
    "gallium": (
        ("稀有金属", "Rare Metals"),
        ("镓业", "Gallium"),
        ("半导体材料", "Semiconductor Materials"),
    ),
    "germanium": (
        ("锗业", "Germanium"),
        ("光电材料", "Optoelectronic Materials"),
        ("稀有金属", "Rare Metals"),
    ),
    "graphite": (("石墨", "Graphite"), ("碳素", "Carbon"), ("新材料", "New Materials")),
    "antimony": (("锑业", "Antimony"), ("有色金属", "Non-ferrous Metals"), ("冶炼", "Smelting")),
    "tungsten": (
        ("钨业", "Tungsten"),
        ("硬质合金", "Cemented Carbide"),
        ("钨钼", "Tungsten & Molybdenum"),
    ),
    "rare_earth": (
        ("稀土", "Rare Earth"),
        ("稀土新材料", "Rare Earth Materials"),
        ("磁材", "Magnetic Materials"),
    ),
    "bismuth": (("铋业", "Bismuth"), ("有色金属", "Non-ferrous Metals")),
    "tellurium": (("碲业", "Tellurium"), ("光伏材料", "PV Materials")),
    "indium": (("铟业", "Indium"), ("电子材料", "Electronic Materials")),
    "molybdenum": (("钼业", "Molybdenum"), ("钨钼", "Tungsten & Molybdenum")),
    "base": (("金属", "Metals"), ("有色金属", "Non-ferrous Metals"), ("冶金", "Metallurgy")),
    "trade": (
        ("进出口", "Import & Export"),
        ("国际贸易", "International Trading"),
        ("贸易", "Trading"),
        ("实业", "Industrial"),
        ("供应链", "Supply Chain"),
        ("商贸", "Commerce & Trade"),
    ),
    "broker": (
        ("报关", "Customs Brokerage"),
        ("国际货运代理", "International Freight Forwarding"),
        ("供应链管理", "Supply Chain Management"),
        ("物流", "Logistics"),
    ),
}

_ROADS = (
    ("工业大道", "Gongye Avenue"), ("人民路", "Renmin Road"), ("解放路", "Jiefang Road"),
    ("建设路", "Jianshe Road"), ("开发区大道", "Kaifaqu Avenue"), ("科技路", "Keji Road"),
    ("滨江路", "Binjiang Road"), ("创业路", "Chuangye Road"), ("金融街", "Jinrong Street"),
    ("世纪大道", "Shiji Avenue"), ("高新路", "Gaoxin Road"), ("长江路", "Changjiang Road"),
)  # fmt: skip

SURNAMES = (
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("罗", "Luo"), ("高", "Gao"), ("梁", "Liang"), ("郑", "Zheng"), ("谢", "Xie"), ("邓", "Deng"),
)  # fmt: skip
GIVEN = (
    ("伟", "Wei"), ("芳", "Fang"), ("军", "Jun"), ("磊", "Lei"), ("静", "Jing"), ("强", "Qiang"),
    ("敏", "Min"), ("建华", "Jianhua"), ("晓东", "Xiaodong"), ("海燕", "Haiyan"),
    ("志刚", "Zhigang"), ("丽娟", "Lijuan"), ("国平", "Guoping"), ("文斌", "Wenbin"),
    ("玉兰", "Yulan"), ("俊杰", "Junjie"), ("春生", "Chunsheng"), ("红梅", "Hongmei"),
    ("振宇", "Zhenyu"), ("永强", "Yongqiang"),
)  # fmt: skip


def person_name(rng: random.Random) -> tuple[str, str]:
    surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
    return surname[0] + given[0], f"{surname[1]} {given[1]}"


def company_name(rng: random.Random, region: str, trade: str) -> tuple[str, str]:
    """(Chinese name, English name) of a company in ``region`` in ``trade``."""
    city_zh, city_en, _ = REGIONS[region]
    brand = rng.choice(_BRANDS)
    line = rng.choice(_TRADES.get(trade, _TRADES["trade"]))
    form = rng.random()
    if form < 0.75:
        zh, en = "有限公司", "Co., Ltd."
    elif form < 0.9:
        zh, en = "股份有限公司", "Co., Ltd."
    else:
        zh, en = "有限责任公司", "Co., Ltd."
    city_zh = city_zh.replace("上海浦东", "上海")
    city_en = city_en.replace("Shanghai Pudong", "Shanghai")
    return f"{city_zh}{brand[0]}{line[0]}{zh}", f"{city_en} {brand[1]} {line[1]} {en}"


def address(rng: random.Random, region: str) -> str:
    city = REGIONS[region][0].replace("上海浦东", "上海浦东新区")
    road = rng.choice(_ROADS)[0]
    return f"{city}市{road}{rng.randrange(1, 999)}号"


def phone(rng: random.Random, region: str, mobile: bool = False) -> str:
    if mobile:
        return f"+86-1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}"
    area = REGIONS[region][2]
    digits = 8 if len(area) <= 3 else 7
    return f"+86-{area}-{rng.randrange(10 ** (digits - 1) * 2, 10**digits)}"


def email_for(english: str, domain_hint: str | None = None) -> str:
    words = [w for w in english.replace(",", "").replace(".", "").split() if w.isalpha()]
    stem = "".join(w.lower() for w in words[1:3]) or "info"
    domain = domain_hint or f"{stem}.com.cn"
    return f"sales@{domain}"


# --- foreign companies -------------------------------------------------------------------

_FOREIGN_STEMS: dict[str, tuple[str, ...]] = {
    "JP": (
        "Tokai",
        "Sanwa",
        "Kyowa",
        "Daiichi",
        "Hoshino",
        "Nissho",
        "Yamato",
        "Chuo",
        "Shinko",
        "Toyo",
        "Heiwa",
        "Kansai",
        "Fuji",
        "Kitano",
        "Meiwa",
        "Taisei",
    ),
    "KR": (
        "Hanil",
        "Daesung",
        "Sejin",
        "Woojin",
        "Samhwa",
        "Kumho",
        "Dongyang",
        "Hyosan",
        "Seoul",
        "Shinhan",
        "Korea Zinc-Tech",
        "Poongsan-Tech",
    ),
    "TW": ("Formosa", "Hsin", "Chang Hong", "Tai-Yi", "Hua Mei", "Kuo Yang", "Sheng Da"),
    "US": (
        "Atlantic",
        "Pioneer",
        "Summit",
        "Keystone",
        "Liberty",
        "Frontier",
        "Cascade",
        "Great Lakes",
        "Evergreen",
        "Redwood",
        "Patriot",
        "Lone Star",
    ),
    "DE": ("Rhein", "Hansa", "Nord", "Sued", "Elbe", "Berg", "Ruhr", "Weser", "Alpen", "Main"),
    "NL": ("Maas", "Delta", "Holland", "Oranje", "Rijn", "Zeeland", "Noord"),
    "BE": ("Schelde", "Antwerp", "Flanders", "Brabant", "Meuse"),
    "FR": ("Loire", "Alsace", "Rhone", "Provence", "Normandie"),
    "GB": ("Albion", "Thames", "Midland", "Pennine", "Severn", "Sheffield"),
    "IT": ("Padana", "Lombarda", "Adriatica", "Tirrena"),
    "SE": ("Norrland", "Svea", "Bergslagen"),
    "AT": ("Tirol", "Donau", "Steirische"),
    "PL": ("Wisla", "Slask", "Mazowsze"),
    "HU": ("Duna", "Pannon"),
    "VN": ("Hoang Long", "Minh Phat", "Thanh Cong", "An Phu", "Viet Tin", "Phuc Hung", "Tan Dai"),
    "TH": ("Siam", "Chao Phraya", "Thai Rung", "Rattana", "Lanna"),
    "MY": ("Perdana", "Sinar", "Maju", "Permata", "Cahaya", "Bintang"),
    "ID": ("Nusantara", "Sinar Mas", "Jaya", "Mitra"),
    "PH": ("Luzon", "Mindanao", "Visayas"),
    "SG": ("Lion City", "Straits", "Marina", "Raffles", "Temasek"),
    "HK": ("Kowloon", "Victoria", "Harbour", "Pearl", "Oriental", "Golden Bridge", "Wing Fat"),
    "AE": ("Gulf", "Emirates", "Al Noor", "Falcon", "Desert Rose", "Jebel", "Al Safa"),
    "TR": ("Anadolu", "Marmara", "Ege", "Bosphorus", "Kartal"),
    "IN": ("Bharat", "Shree", "Ganga", "Deccan", "Sagar", "Maruti"),
    "RU": ("Ural", "Sibir", "Volga", "Baikal", "Neva"),
    "KZ": ("Altyn", "Steppe", "Astana", "Irtysh"),
    "KG": ("Ala-Too", "Issyk", "Tengri"),
    "UZ": ("Turon", "Samarkand"),
    "AM": ("Ararat", "Sevan"),
    "RS": ("Dunav", "Morava"),
    "MX": ("Azteca", "Del Norte", "Bajio", "Sierra"),
    "BR": ("Paulista", "Amazonia", "Cerrado"),
    "CA": ("Maple", "Laurentian", "Northern"),
    "AU": ("Southern Cross", "Pilbara", "Coral"),
    "SA": ("Al Rajhi", "Najd"),
    "PK": ("Indus", "Punjab"),
    "BD": ("Padma", "Meghna"),
    "IL": ("Negev", "Carmel"),
    "MN": ("Altai",),
    "MO": ("Lotus",),
}

_FOREIGN_FORMS: dict[str, tuple[str, ...]] = {
    "JP": ("{s} Corporation", "{s} Kinzoku K.K.", "{s} Shoji Co., Ltd.", "{s} Materials Co., Ltd."),
    "KR": ("{s} Co., Ltd.", "{s} Materials Co., Ltd.", "{s} Metal Corp."),
    "TW": ("{s} Co., Ltd.", "{s} Technology Corp.", "{s} Materials Inc."),
    "US": (
        "{s} Materials Inc.",
        "{s} Metals LLC",
        "{s} Alloys Corp.",
        "{s} Advanced Materials Inc.",
    ),
    "DE": ("{s} Metallhandel GmbH", "{s} Werkstoffe GmbH", "{s} Metall AG"),
    "NL": ("{s} Metals B.V.", "{s} Trading B.V.", "{s} Chemicals B.V."),
    "BE": ("{s} Metals NV", "{s} Trading BV"),
    "FR": ("{s} Métaux SAS", "{s} Matériaux SA"),
    "GB": ("{s} Metals Ltd", "{s} Alloys Limited"),
    "IT": ("{s} Metalli S.r.l.",),
    "SE": ("{s} Metall AB",),
    "AT": ("{s} Metall GmbH",),
    "PL": ("{s} Metale Sp. z o.o.",),
    "HU": ("{s} Fém Kft.",),
    "VN": ("Cong Ty TNHH {s}", "{s} Trading Co., Ltd", "{s} JSC"),
    "TH": ("{s} (Thailand) Co., Ltd.", "{s} Metal Co., Ltd."),
    "MY": ("{s} Sdn. Bhd.", "{s} Metals Sdn Bhd"),
    "ID": ("PT {s} Logam", "PT {s} Indonesia"),
    "PH": ("{s} Industrial Corp.",),
    "SG": ("{s} Pte. Ltd.", "{s} Resources Pte Ltd"),
    "HK": ("{s} (HK) Limited", "{s} International Trading Limited"),
    "AE": ("{s} General Trading LLC", "{s} FZE", "{s} Metals FZCO"),
    "TR": ("{s} Metal San. ve Tic. A.Ş.",),
    "IN": ("{s} Alloys Pvt. Ltd.", "{s} Metals Pvt Ltd"),
    "RU": ("OOO {s}", "AO {s} Metall"),
    "KZ": ("TOO {s}", "{s} LLP"),
    "KG": ("OsOO {s}",),
    "UZ": ("{s} MChJ",),
    "AM": ("{s} LLC",),
    "RS": ("{s} d.o.o.",),
    "MX": ("{s} S.A. de C.V.",),
    "BR": ("{s} Metais Ltda.",),
    "CA": ("{s} Materials Inc.",),
    "AU": ("{s} Pty Ltd",),
    "SA": ("{s} Trading Est.",),
    "PK": ("{s} (Pvt) Ltd",),
    "BD": ("{s} Ltd.",),
    "IL": ("{s} Ltd.",),
    "MN": ("{s} LLC",),
    "MO": ("{s} Limitada",),
}

_CITIES: dict[str, tuple[str, ...]] = {
    "JP": ("Tokyo", "Osaka", "Nagoya", "Yokohama", "Kitakyushu"),
    "KR": ("Seoul", "Incheon", "Ulsan", "Busan"),
    "TW": ("Taipei", "Hsinchu", "Taichung", "Kaohsiung"),
    "US": ("Houston", "Pittsburgh", "Cleveland", "Phoenix", "Boston", "Newark"),
    "DE": ("Hamburg", "Düsseldorf", "Frankfurt", "Munich"),
    "NL": ("Rotterdam", "Amsterdam", "Eindhoven"),
    "BE": ("Antwerp", "Brussels", "Olen"),
    "FR": ("Lyon", "Paris", "Grenoble"),
    "GB": ("London", "Sheffield", "Birmingham"),
    "IT": ("Milan", "Turin"),
    "SE": ("Stockholm", "Sandviken"),
    "AT": ("Vienna", "Reutte"),
    "PL": ("Warsaw", "Wroclaw"),
    "HU": ("Budapest", "Debrecen"),
    "VN": ("Hai Phong", "Ho Chi Minh City", "Bac Ninh", "Hanoi"),
    "TH": ("Bangkok", "Rayong", "Chonburi"),
    "MY": ("Penang", "Kuala Lumpur", "Johor Bahru"),
    "ID": ("Jakarta", "Surabaya", "Morowali"),
    "PH": ("Manila", "Cebu"),
    "SG": ("Singapore",),
    "HK": ("Kowloon", "Kwun Tong", "Tsim Sha Tsui", "Wan Chai"),
    "AE": ("Dubai", "Sharjah", "Jebel Ali"),
    "TR": ("Istanbul", "Izmir", "Bursa"),
    "IN": ("Mumbai", "Chennai", "Pune", "Ahmedabad"),
    "RU": ("Moscow", "Yekaterinburg", "Novosibirsk"),
    "KZ": ("Almaty", "Astana"),
    "KG": ("Bishkek",),
    "UZ": ("Tashkent",),
    "AM": ("Yerevan",),
    "RS": ("Belgrade",),
    "MX": ("Monterrey", "Querétaro"),
    "BR": ("São Paulo",),
    "CA": ("Toronto", "Vancouver"),
    "AU": ("Perth", "Sydney"),
    "SA": ("Riyadh", "Jeddah"),
    "PK": ("Karachi", "Lahore"),
    "BD": ("Dhaka",),
    "IL": ("Haifa",),
    "MN": ("Ulaanbaatar",),
    "MO": ("Macau",),
}

_STREETS = (
    "Industrial Park Rd",
    "Harbour Road",
    "Commerce Street",
    "Technology Drive",
    "Free Zone Block",
    "Business Center",
    "Logistics Park",
    "Main Street",
    "Trade Tower",
    "Enterprise Way",
)


def foreign_company(rng: random.Random, country: str, stem: str | None = None) -> str:
    stem = stem or rng.choice(_FOREIGN_STEMS.get(country, ("Global",)))
    form = rng.choice(_FOREIGN_FORMS.get(country, ("{s} Ltd.",)))
    return form.format(s=stem)


def foreign_stem(rng: random.Random, country: str) -> str:
    return rng.choice(_FOREIGN_STEMS.get(country, ("Global",)))


def foreign_address(rng: random.Random, country: str) -> str:
    city = rng.choice(_CITIES.get(country, ("Capital",)))
    street = rng.choice(_STREETS)
    return f"{rng.randrange(1, 400)} {street}, {city}"


def foreign_phone(rng: random.Random, country: str) -> str:
    codes = {
        "JP": "81",
        "KR": "82",
        "TW": "886",
        "US": "1",
        "DE": "49",
        "NL": "31",
        "VN": "84",
        "MY": "60",
        "TH": "66",
        "AE": "971",
        "HK": "852",
        "SG": "65",
        "KZ": "7",
        "RU": "7",
        "TR": "90",
        "IN": "91",
        "KG": "996",
        "MX": "52",
        "GB": "44",
        "BE": "32",
        "FR": "33",
    }
    return f"+{codes.get(country, '44')}-{rng.randrange(10**7, 10**9)}"


def name_variant(rng: random.Random, name: str) -> str:
    """The same company written another way: case, punctuation, legal form abbreviated."""
    choice = rng.random()
    if choice < 0.3:
        return name.upper()
    if choice < 0.5:
        return name.replace(",", "").replace(".", "")
    if choice < 0.7:
        for long, short in (
            ("Co., Ltd.", "Co Ltd"),
            ("Corporation", "Corp."),
            ("Limited", "Ltd"),
            ("Kinzoku K.K.", "Kinzoku Kabushiki Kaisha"),
            ("Sdn. Bhd.", "Sdn Bhd"),
            ("General Trading LLC", "Gen. Trading L.L.C."),
            ("Pte. Ltd.", "Pte Ltd"),
        ):
            if long in name:
                return name.replace(long, short)
        return name + " "
    if choice < 0.85:
        return "  ".join(name.split(" ", 1)) if " " in name else name.lower()
    return name.title()
