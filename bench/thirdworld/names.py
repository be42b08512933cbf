"""Names as they appear in real paperwork: Chinese companies in characters and pinyin,
foreign consignees in their local company forms, and the sloppy variants clerks type.

Vectorised over numpy index arrays: a name is built from parts picked by index, so
thousands of parties are named without a loop per party.
"""

from __future__ import annotations

import numpy as np

CITIES: tuple[tuple[str, str, str], ...] = (
    ("赣州", "Ganzhou", "360700"),
    ("株洲", "Zhuzhou", "430200"),
    ("包头", "Baotou", "150200"),
    ("昆明", "Kunming", "530100"),
    ("南宁", "Nanning", "450100"),
    ("长沙", "Changsha", "430100"),
    ("郴州", "Chenzhou", "431000"),
    ("广州", "Guangzhou", "440100"),
    ("深圳", "Shenzhen", "440300"),
    ("宁波", "Ningbo", "330200"),
    ("义乌", "Yiwu", "330782"),
    ("厦门", "Xiamen", "350200"),
    ("天津", "Tianjin", "120000"),
    ("连云港", "Lianyungang", "320700"),
    ("保定", "Baoding", "130600"),
    ("佛山", "Foshan", "440600"),
    ("临沂", "Linyi", "371300"),
    ("呼和浩特", "Hohhot", "150100"),
    ("乌鲁木齐", "Urumqi", "650100"),
    ("成都", "Chengdu", "510100"),
    ("锡林郭勒", "Xilingol", "152500"),
    ("龙岩", "Longyan", "350800"),
    ("冷水江", "Lengshuijiang", "431381"),
    ("晋江", "Jinjiang", "350582"),
)
TRADE_NAMES: tuple[tuple[str, str], ...] = (
    ("恒鑫", "Hengxin"),
    ("瑞达", "Ruida"),
    ("金源", "Jinyuan"),
    ("华泰", "Huatai"),
    ("鼎盛", "Dingsheng"),
    ("宏远", "Hongyuan"),
    ("永利", "Yongli"),
    ("盛世", "Shengshi"),
    ("博远", "Boyuan"),
    ("中科", "Zhongke"),
    ("信达", "Xinda"),
    ("佳利", "Jiali"),
    ("星辰", "Xingchen"),
    ("东升", "Dongsheng"),
    ("腾飞", "Tengfei"),
    ("润峰", "Runfeng"),
    ("中联", "Zhonglian"),
    ("凯德", "Kaide"),
    ("金鹏", "Jinpeng"),
    ("天工", "Tiangong"),
    ("嘉禾", "Jiahe"),
    ("瑞丰", "Ruifeng"),
    ("利达", "Lida"),
    ("通宝", "Tongbao"),
    ("海纳", "Haina"),
    ("锦程", "Jincheng"),
    ("华晟", "Huasheng"),
    ("宇航", "Yuhang"),
    ("新韵", "Xinyun"),
    ("安泰", "Antai"),
    ("银河", "Yinhe"),
    ("富源", "Fuyuan"),
)
INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "metals": (
        ("新材料", "New Material"),
        ("稀有金属", "Rare Metals"),
        ("稀土", "Rare Earth"),
        ("有色金属", "Nonferrous Metals"),
        ("冶金", "Metallurgy"),
    ),
    "chemicals": (("化工", "Chemical"), ("新材料", "New Material"), ("精细化工", "Fine Chemical")),
    "minerals": (("矿业", "Mining"), ("矿产", "Minerals")),
    "building": (("陶瓷", "Ceramics"), ("建材", "Building Materials"), ("钢管", "Steel Pipe")),
    "machinery": (("机械", "Machinery"), ("五金", "Hardware"), ("泵阀", "Pump & Valve")),
    "consumer": (
        ("服饰", "Apparel"),
        ("玩具", "Toys"),
        ("家居", "Home Furnishing"),
        ("鞋业", "Footwear"),
    ),
    "electronics": (("电子", "Electronics"), ("光电", "Optoelectronics"), ("科技", "Technology")),
    "agro": (("农产品", "Agricultural Products"), ("茶业", "Tea")),
    "trading": (
        ("进出口", "Import & Export"),
        ("贸易", "Trading"),
        ("供应链", "Supply Chain"),
        ("国际贸易", "International Trade"),
    ),
}
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("有限公司", "Co., Ltd."),
    ("有限责任公司", "Co., Ltd"),
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
    ("晓东", "Xiaodong"),
)
FOREIGN_ROOTS: tuple[str, ...] = (
    "Nordvik",
    "Altamira",
    "Kestrel",
    "Orion",
    "Zenith",
    "Borealis",
    "Meridian",
    "Vantage",
    "Cobalt Ridge",
    "Silverline",
    "Tasman",
    "Anvil",
    "Helix",
    "Sable",
    "Granite Bay",
    "Pioneer",
    "Aurum",
    "Keystone",
    "Lumen",
    "Vector",
    "Atlas",
    "Crescent",
    "Falcon",
    "Redwood",
    "Summit",
    "Polaris",
    "Ironbridge",
    "Bluewater",
    "Sakura",
    "Hanbit",
    "Daewon",
    "Asahi",
    "Minh Phat",
    "Thai Siam",
    "Kaspi",
    "Alatau",
    "Tien Shan",
    "Gulf Star",
    "Ararat",
    "Danube",
    "Sierra",
)
FOREIGN_TRADES: tuple[str, ...] = (
    "Metals",
    "Materials",
    "Trading",
    "Industries",
    "Resources",
    "Alloys",
    "Technologies",
    "Components",
    "Supply",
    "Electronics",
    "Commodities",
    "Chemicals",
)
FORMS: dict[str, tuple[str, ...]] = {
    "US": ("Inc.", "LLC", "Corp."),
    "GB": ("Ltd", "Limited"),
    "DE": ("GmbH", "AG"),
    "NL": ("B.V.",),
    "FR": ("SAS", "SARL"),
    "IT": ("S.r.l.", "S.p.A."),
    "PL": ("Sp. z o.o.",),
    "JP": ("Co., Ltd.", "K.K."),
    "KR": ("Co., Ltd.", "Corporation"),
    "VN": ("Co., Ltd", "JSC"),
    "TH": ("Co., Ltd.", "Public Co."),
    "MY": ("Sdn. Bhd.",),
    "SG": ("Pte. Ltd.",),
    "ID": ("PT",),
    "IN": ("Pvt. Ltd.",),
    "RU": ("OOO", "AO"),
    "KZ": ("TOO", "LLP"),
    "KG": ("OsOO", "LLC"),
    "AE": ("FZE", "FZCO", "LLC"),
    "TR": ("A.S.", "Ltd. Sti."),
    "MX": ("S.A. de C.V.",),
    "BR": ("Ltda.",),
    "AU": ("Pty Ltd",),
    "HK": ("Limited", "Co., Limited"),
    "SA": ("Co.",),
    "AM": ("LLC", "CJSC"),
    "RS": ("d.o.o.",),
    "MN": ("LLC",),
    "MM": ("Co., Ltd.",),
}
PHONE_CC: dict[str, str] = {
    "US": "+1",
    "GB": "+44",
    "DE": "+49",
    "NL": "+31",
    "FR": "+33",
    "IT": "+39",
    "PL": "+48",
    "JP": "+81",
    "KR": "+82",
    "VN": "+84",
    "TH": "+66",
    "MY": "+60",
    "SG": "+65",
    "ID": "+62",
    "IN": "+91",
    "RU": "+7",
    "KZ": "+7",
    "KG": "+996",
    "AE": "+971",
    "TR": "+90",
    "MX": "+52",
    "BR": "+55",
    "AU": "+61",
    "HK": "+852",
    "SA": "+966",
    "AM": "+374",
    "RS": "+381",
    "MN": "+976",
    "MM": "+95",
    "CN": "+86",
}
STREETS: tuple[str, ...] = (
    "Industrial Road",
    "Harbour Street",
    "Free Zone Block",
    "Business Park",
    "Trade Avenue",
    "Logistics Hub",
    "Technopark",
    "Central Plaza",
    "Riverside Drive",
    "Station Road",
)


def pick(rng: np.random.Generator, options: tuple[object, ...], n: int) -> np.ndarray:
    """``n`` indexes into ``options``, uniform."""
    return rng.integers(0, len(options), n)


def join(*parts: np.ndarray) -> np.ndarray:
    """Element-wise string concatenation of object arrays."""
    out = parts[0].astype(object)
    for part in parts[1:]:
        out = out + part.astype(object)
    return out


def chinese_companies(
    rng: np.random.Generator, sectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Names of Chinese companies in characters and in pinyin English, with their region code."""
    n = len(sectors)
    city = pick(rng, CITIES, n)
    trade = pick(rng, TRADE_NAMES, n)
    suffix = rng.choice(len(SUFFIXES), n, p=[0.7, 0.2, 0.1])
    zh = np.empty(n, dtype=object)
    en = np.empty(n, dtype=object)
    for sector in np.unique(sectors):
        rows = np.flatnonzero(sectors == sector)
        inds = INDUSTRIES[str(sector)]
        which = rng.integers(0, len(inds), rows.size)
        zh[rows] = np.array([inds[i][0] for i in which], dtype=object)
        en[rows] = np.array([inds[i][1] for i in which], dtype=object)
    city_zh = np.array([c[0] for c in CITIES], dtype=object)[city]
    city_en = np.array([c[1] for c in CITIES], dtype=object)[city]
    region = np.array([c[2] for c in CITIES], dtype=object)[city]
    name_zh = join(
        city_zh,
        np.array([t[0] for t in TRADE_NAMES], dtype=object)[trade],
        zh,
        np.array([s[0] for s in SUFFIXES], dtype=object)[suffix],
    )
    name_en = join(
        city_en,
        np.full(n, " ", dtype=object),
        np.array([t[1] for t in TRADE_NAMES], dtype=object)[trade],
        np.full(n, " ", dtype=object),
        en,
        np.full(n, " ", dtype=object),
        np.array([s[1] for s in SUFFIXES], dtype=object)[suffix],
    )
    return name_zh, name_en, region


def chinese_people(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Personal names in characters and pinyin (surname first, as on Chinese documents)."""
    s = pick(rng, SURNAMES, n)
    g = pick(rng, GIVEN, n)
    zh = join(
        np.array([x[0] for x in SURNAMES], dtype=object)[s],
        np.array([x[0] for x in GIVEN], dtype=object)[g],
    )
    en = join(
        np.array([x[1].upper() for x in SURNAMES], dtype=object)[s],
        np.full(n, " ", dtype=object),
        np.array([x[1] for x in GIVEN], dtype=object)[g],
    )
    return zh, en


def foreign_companies(rng: np.random.Generator, countries: np.ndarray) -> np.ndarray:
    """Consignee names in the company form of their country."""
    n = len(countries)
    root = np.array(FOREIGN_ROOTS, dtype=object)[pick(rng, FOREIGN_ROOTS, n)]
    trade = np.array(FOREIGN_TRADES, dtype=object)[pick(rng, FOREIGN_TRADES, n)]
    form = np.empty(n, dtype=object)
    for country in np.unique(countries):
        rows = np.flatnonzero(countries == country)
        forms = FORMS.get(str(country), ("Ltd.",))
        form[rows] = np.array(forms, dtype=object)[rng.integers(0, len(forms), rows.size)]
    prefix_form = np.isin(form, ["PT", "OOO", "AO", "TOO", "OsOO"])
    plain = join(root, np.full(n, " ", dtype=object), trade)
    out = join(plain, np.full(n, " ", dtype=object), form)
    out[prefix_form] = join(
        form[prefix_form], np.full(int(prefix_form.sum()), " ", dtype=object), plain[prefix_form]
    )
    return out


def addresses(rng: np.random.Generator, countries: np.ndarray) -> np.ndarray:
    """Street addresses: number, street, country code (a postal line, not geocoded)."""
    n = len(countries)
    num = rng.integers(1, 400, n).astype(str).astype(object)
    street = np.array(STREETS, dtype=object)[pick(rng, STREETS, n)]
    return join(
        num,
        np.full(n, " ", dtype=object),
        street,
        np.full(n, ", ", dtype=object),
        countries.astype(object),
    )


def phones(rng: np.random.Generator, countries: np.ndarray) -> np.ndarray:
    """International phone numbers in the country's calling code."""
    n = len(countries)
    cc = np.array([PHONE_CC.get(str(c), "+1") for c in countries], dtype=object)
    body = rng.integers(10_000_000, 99_999_999, n).astype(str).astype(object)
    return join(cc, np.full(n, " ", dtype=object), body)


def sloppy(rng: np.random.Generator, names: np.ndarray, share: float) -> np.ndarray:
    """The same names as some clerks type them: upper case, punctuation dropped, forms cut."""
    out = names.astype(object).copy()
    hit = np.flatnonzero(rng.random(len(out)) < share)
    if hit.size == 0:
        return out
    style = rng.integers(0, 3, hit.size)
    s = out[hit].astype(str)
    upper = np.char.upper(s)
    nopunct = np.char.replace(np.char.replace(s, ",", ""), ".", "")
    cut = np.char.replace(np.char.replace(s, "Co., Ltd.", "Co Ltd"), "Limited", "Ltd")
    out[hit] = np.where(style == 0, upper, np.where(style == 1, nopunct, cut)).astype(object)
    return out
