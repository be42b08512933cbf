"""Company and person names, with the inconsistent spellings real tables carry.

Chinese exporters are named in characters (营业执照 form) and in English, and the
English form is spelt one way in declarations and another (upper case, no punctuation,
province moved) in licences and registries. Foreign consignees take their country's
legal-form suffix.
"""

from __future__ import annotations

import numpy as np

PLACES = [
    ("湖南", "Hunan"),
    ("郴州", "Chenzhou"),
    ("赣州", "Ganzhou"),
    ("包头", "Baotou"),
    ("云南", "Yunnan"),
    ("广西", "Guangxi"),
    ("宁波", "Ningbo"),
    ("厦门", "Xiamen"),
    ("深圳", "Shenzhen"),
    ("青岛", "Qingdao"),
    ("株洲", "Zhuzhou"),
    ("冷水江", "Lengshuijiang"),
    ("韶关", "Shaoguan"),
    ("江西", "Jiangxi"),
    ("四川", "Sichuan"),
    ("义乌", "Yiwu"),
]
BRANDS = [
    ("鑫源", "Xinyuan"),
    ("恒达", "Hengda"),
    ("华锐", "Huarui"),
    ("金鹏", "Jinpeng"),
    ("瑞丰", "Ruifeng"),
    ("宏远", "Hongyuan"),
    ("中科", "Zhongke"),
    ("天宇", "Tianyu"),
    ("永盛", "Yongsheng"),
    ("博越", "Boyue"),
    ("晶合", "Jinghe"),
    ("汇通", "Huitong"),
    ("东盛", "Dongsheng"),
    ("锦程", "Jincheng"),
    ("凯丰", "Kaifeng"),
    ("星辰", "Xingchen"),
    ("佳美", "Jiamei"),
    ("长兴", "Changxing"),
    ("海纳", "Haina"),
    ("润泽", "Runze"),
]
TRADES = [
    ("有色金属", "Nonferrous Metals"),
    ("新材料", "New Materials"),
    ("进出口贸易", "Import and Export Trading"),
    ("稀土", "Rare Earth"),
    ("化工", "Chemical"),
    ("陶瓷", "Ceramics"),
    ("电器", "Electric Appliance"),
    ("实业", "Industrial"),
    ("供应链管理", "Supply Chain Management"),
    ("科技", "Technology"),
]
SURNAMES = [
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
]
GIVEN = [
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("建国", "Jianguo"),
    ("丽娟", "Lijuan"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("磊", "Lei"),
    ("晓东", "Xiaodong"),
    ("秀英", "Xiuying"),
    ("军", "Jun"),
]
FOREIGN_CORE = [
    "Nordhavn",
    "Kestrel",
    "Meridian",
    "Aurum",
    "Bluewater",
    "Sakura",
    "Hanbit",
    "Lotus",
    "Orion",
    "Tamarind",
    "Cedar",
    "Polaris",
    "Garnet",
    "Harbor",
    "Summit",
    "Vantage",
    "Crescent",
    "Falcon",
    "Ironbridge",
    "Saffron",
    "Kinetic",
    "Zenith",
    "Atlas",
    "Cobalt Bay",
]
FOREIGN_TRADE = [
    "Metals",
    "Materials",
    "Trading",
    "Alloys",
    "Chemicals",
    "Industries",
    "Resources",
    "Supply",
    "Commodities",
    "Electronics",
    "Components",
    "Import Export",
]
SUFFIX = {
    "US": "Inc.",
    "JP": "K.K.",
    "KR": "Co., Ltd.",
    "DE": "GmbH",
    "NL": "B.V.",
    "VN": "JSC",
    "MY": "Sdn. Bhd.",
    "TH": "Co., Ltd.",
    "IN": "Pvt. Ltd.",
    "SG": "Pte. Ltd.",
    "AE": "FZE",
    "HK": "Limited",
    "RU": "OOO",
    "BR": "Ltda.",
    "MX": "S.A. de C.V.",
    "TR": "A.S.",
    "AU": "Pty Ltd",
    "GB": "Ltd",
    "FR": "SAS",
    "IT": "S.r.l.",
    "ID": "PT",
    "CA": "Corp.",
    "KZ": "LLP",
    "BE": "NV",
}
DEFENCE = [
    "Ordnance Systems",
    "Aerospace Dynamics",
    "Defense Electronics",
    "Missile Technologies",
    "Tactical Sensors",
    "Naval Systems",
    "Armor Works",
    "Guidance Labs",
    "Radar Integration",
    "Space Propulsion",
    "Munitions Research",
    "Infrared Optics",
]


def _pick(rng: np.random.Generator, table: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    return [table[i] for i in rng.integers(0, len(table), n)]


def chinese_companies(rng: np.random.Generator, n: int) -> dict[str, list[str]]:
    """``n`` distinct exporters: characters, declared English, registry upper-case spelling."""
    zh: list[str] = []
    en: list[str] = []
    up: list[str] = []
    seen: set[str] = set()
    while len(zh) < n:
        (pz, pe), (bz, be), (tz, te) = (
            _pick(rng, PLACES, 1)[0],
            _pick(rng, BRANDS, 1)[0],
            _pick(rng, TRADES, 1)[0],
        )
        tag = int(rng.integers(0, 4))
        name = f"{pz}{bz}{tz}{'股份' if tag == 0 else ''}有限公司"
        if name in seen:
            name = f"{pz}市{bz}{tz}有限公司"
            if name in seen:
                continue
        seen.add(name)
        zh.append(name)
        en.append(f"{pe} {be} {te} Co., Ltd.")
        up.append(f"{be} {te} ({pe}) CO LTD".upper())
    return {"zh": zh, "en": en, "up": up}


def person_names(rng: np.random.Generator, n: int) -> dict[str, list[str]]:
    """Chinese persons in characters and pinyin (family name first and last)."""
    s = _pick(rng, SURNAMES, n)
    g = _pick(rng, GIVEN, n)
    return {
        "zh": [a[0] + b[0] for a, b in zip(s, g, strict=True)],
        "en": [f"{a[1]} {b[1]}" for a, b in zip(s, g, strict=True)],
        "alt": [f"{b[1]} {a[1].upper()}" for a, b in zip(s, g, strict=True)],
    }


def foreign_companies(
    rng: np.random.Generator, countries: np.ndarray, words: list[str] | None = None
) -> list[str]:
    """One company name a country, in that country's legal form; unique by a serial."""
    trades = words or FOREIGN_TRADE
    core = rng.integers(0, len(FOREIGN_CORE), len(countries))
    trade = rng.integers(0, len(trades), len(countries))
    out = []
    for i, c in enumerate(countries):
        suffix = SUFFIX.get(str(c), "Ltd.")
        base = f"{FOREIGN_CORE[core[i]]} {trades[trade[i]]}"
        if suffix == "PT":
            out.append(f"PT {base} {i:02d}" if i % 7 == 0 else f"PT {base}")
        else:
            out.append(f"{base} {suffix}")
    # same-name clashes get a number, as registries do
    counts: dict[str, int] = {}
    for i, name in enumerate(out):
        k = counts.get(name, 0)
        counts[name] = k + 1
        if k:
            out[i] = name.replace(" ", f" {k + 1} ", 1)
    return out


def variant(names: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Another spelling of each name: upper case, punctuation dropped, or as is."""
    how = rng.integers(0, 3, len(names))
    out = names.astype(object).copy()
    up = np.array([str(n).upper().replace(",", "").replace(".", "") for n in names], dtype=object)
    out[how == 1] = up[how == 1]
    low = np.array([str(n).replace(" Co., Ltd.", " Company Limited") for n in names], dtype=object)
    out[how == 2] = low[how == 2]
    return out
