"""Names and identifiers in this world's own styles.

Chinese exporters are named in characters (城市 + 字号 + 行业 + 有限公司) and, in other
tables, in pinyin English whose spelling drifts (``Xinhai`` / ``Xin Hai``, ``Co., Ltd.`` /
``CO LTD`` / ``Company Limited``), as they do between a customs entry, a licence
application and a registry. Ids follow the national formats with real check characters
(unified social credit codes, resident identity numbers for sole traders and passengers,
18-digit customs declaration numbers) so the loader's checks pass.
"""

from __future__ import annotations

import numpy as np

from orewatch.contract.ids import USCC_ALPHABET, resident_check_char, uscc_check_char

CITIES = (
    ("赣州", "Ganzhou", "360700"),
    ("包头", "Baotou", "150200"),
    ("郴州", "Chenzhou", "431000"),
    ("株洲", "Zhuzhou", "430200"),
    ("昆明", "Kunming", "530100"),
    ("宁波", "Ningbo", "330200"),
    ("厦门", "Xiamen", "350200"),
    ("深圳", "Shenzhen", "440300"),
    ("义乌", "Yiwu", "330782"),
    ("青岛", "Qingdao", "370200"),
    ("天津", "Tianjin", "120100"),
    ("鹰潭", "Yingtan", "360600"),
    ("柳州", "Liuzhou", "450200"),
    ("锦州", "Jinzhou", "210700"),
    ("洛阳", "Luoyang", "410300"),
    ("苏州", "Suzhou", "320500"),
    ("东莞", "Dongguan", "441900"),
    ("南宁", "Nanning", "450100"),
)
BRANDS = (
    ("鑫海", "Xinhai"),
    ("恒达", "Hengda"),
    ("华锐", "Huarui"),
    ("金瑞", "Jinrui"),
    ("远航", "Yuanhang"),
    ("盛源", "Shengyuan"),
    ("宏泰", "Hongtai"),
    ("嘉禾", "Jiahe"),
    ("众诚", "Zhongcheng"),
    ("瑞丰", "Ruifeng"),
    ("天润", "Tianrun"),
    ("博远", "Boyuan"),
    ("永昌", "Yongchang"),
    ("隆鑫", "Longxin"),
    ("中拓", "Zhongtuo"),
    ("汇通", "Huitong"),
    ("正泰", "Zhengtai"),
    ("新锐", "Xinrui"),
    ("佳美", "Jiamei"),
    ("广源", "Guangyuan"),
    ("銮峰", "Luanfeng"),
    ("德润", "Derun"),
    ("凯越", "Kaiyue"),
    ("锦程", "Jincheng"),
)
TRADES = (
    ("进出口", "Import & Export"),
    ("国际贸易", "International Trade"),
    ("新材料", "New Materials"),
    ("有色金属", "Non-Ferrous Metals"),
    ("科技", "Technology"),
    ("实业", "Industrial"),
    ("供应链", "Supply Chain"),
    ("电子", "Electronics"),
)
SUFFIXES = ("Co., Ltd.", "CO.,LTD", "Co Ltd", "Company Limited", "Co., Limited")
SURNAMES = (
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
)
GIVEN = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("军", "Jun"),
    ("磊", "Lei"),
    ("静", "Jing"),
    ("强", "Qiang"),
    ("晓明", "Xiaoming"),
    ("建华", "Jianhua"),
    ("丽娟", "Lijuan"),
)

FOREIGN_STEMS = (
    "Nordvik",
    "Altamira",
    "Kestrel",
    "Meridia",
    "Vostok",
    "Pelagia",
    "Corvana",
    "Tamsin",
    "Halden",
    "Orsolya",
    "Brightwater",
    "Sakura",
    "Hanbit",
    "Anatolia",
    "Selangor",
    "Mekong",
    "Lumen",
    "Ardent",
    "Zephyr",
    "Calder",
    "Quillon",
    "Rhenus",
)
FOREIGN_TAILS = (
    "Advanced Materials",
    "Metals Trading",
    "Industrial Supply",
    "Components",
    "Technologies",
    "Resources",
    "Electronics",
    "Alloys",
    "Chemicals",
)
FORMS_BY_COUNTRY = {
    "DE": "GmbH",
    "NL": "B.V.",
    "JP": "K.K.",
    "KR": "Co., Ltd.",
    "US": "Inc.",
    "AE": "FZE",
    "MY": "Sdn. Bhd.",
    "TR": "A.S.",
    "TH": "Co., Ltd.",
    "VN": "JSC",
    "KZ": "LLP",
    "IN": "Pvt. Ltd.",
    "MX": "S.A. de C.V.",
    "RS": "d.o.o.",
    "BE": "NV",
    "FR": "SAS",
    "GB": "Ltd",
    "TW": "Corp.",
    "RU": "OOO",
    "GE": "LLC",
    "SG": "Pte. Ltd.",
}


def pick(rng: np.random.Generator, options: tuple[object, ...], n: int) -> np.ndarray:
    """``n`` draws (with replacement) from ``options``, as an object array."""
    out = np.empty(n, dtype=object)
    out[:] = [options[i] for i in rng.integers(0, len(options), n)]
    return out


def credit_codes(rng: np.random.Generator, divisions: np.ndarray) -> np.ndarray:
    """Unified social credit codes (``91`` + division + organisation code + check)."""
    alphabet = np.array(list(USCC_ALPHABET))
    body = rng.choice(alphabet, size=(len(divisions), 9))
    out = np.empty(len(divisions), dtype=object)
    for i, (div, org) in enumerate(zip(divisions, body, strict=True)):
        first = "91" + div + "".join(org)
        out[i] = first + uscc_check_char(first)
    return out


def resident_ids(rng: np.random.Generator, divisions: np.ndarray) -> np.ndarray:
    """Resident identity numbers with real birth dates and check digits."""
    born = np.datetime64("1960-01-01") + rng.integers(0, 14_000, len(divisions))
    seq = rng.integers(0, 1000, len(divisions))
    out = np.empty(len(divisions), dtype=object)
    for i, (div, day, s) in enumerate(zip(divisions, born, seq, strict=True)):
        first = f"{div}{str(day).replace('-', '')}{s:03d}"
        out[i] = first + resident_check_char(first)
    return out


def company_names(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Chinese company names in characters and pinyin English, with a city and division."""
    city = rng.integers(0, len(CITIES), n)
    brand = rng.integers(0, len(BRANDS), n)
    trade = rng.integers(0, len(TRADES), n)
    zh = np.empty(n, dtype=object)
    en = np.empty(n, dtype=object)
    for i in range(n):
        c, b, t = CITIES[city[i]], BRANDS[brand[i]], TRADES[trade[i]]
        zh[i] = f"{c[0]}市{b[0]}{t[0]}有限公司"
        en[i] = f"{c[1]} {b[1]} {t[1]} Co., Ltd."
    division = np.array([CITIES[c][2] for c in city], dtype=object)
    return {"zh": zh, "en": en, "division": division}


def drift(rng: np.random.Generator, en: np.ndarray) -> np.ndarray:
    """Other spellings of pinyin English names: split syllables, another suffix, case."""
    out = np.empty(len(en), dtype=object)
    how = rng.integers(0, 4, len(en))
    suffix = rng.integers(0, len(SUFFIXES), len(en))
    for i, name in enumerate(en):
        base = name.replace(" Co., Ltd.", "")
        if how[i] == 0:
            base = base.upper()
        elif how[i] == 1:
            words = base.split(" ")
            w = words[1]
            cut = next(
                (
                    k
                    for k in range(2, len(w) - 1)
                    if w[k].lower() not in "aeiou" and w[k - 1].lower() in "aeioun"
                ),
                0,
            )
            if cut:
                words[1] = w[:cut] + " " + w[cut].upper() + w[cut + 1 :]
            base = " ".join(words)
        elif how[i] == 2:
            base = base.replace("Import & Export", "Imp. & Exp.").replace("International", "Intl")
        out[i] = f"{base} {SUFFIXES[suffix[i]]}"
    return out


def people(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """People's names in characters and pinyin (directors, passengers, sole traders)."""
    s = rng.integers(0, len(SURNAMES), n)
    g = rng.integers(0, len(GIVEN), n)
    zh = np.array([SURNAMES[a][0] + GIVEN[b][0] for a, b in zip(s, g, strict=True)], dtype=object)
    en = np.array(
        [f"{SURNAMES[a][1].upper()} {GIVEN[b][1]}" for a, b in zip(s, g, strict=True)], dtype=object
    )
    return {"zh": zh, "en": en}


def foreign_names(rng: np.random.Generator, countries: np.ndarray) -> np.ndarray:
    """Overseas company names with their country's legal form."""
    stem = pick(rng, FOREIGN_STEMS, len(countries))
    tail = pick(rng, FOREIGN_TAILS, len(countries))
    num = rng.integers(0, 100, len(countries))
    return np.array(
        [
            f"{s}{'' if k > 30 else ' ' + str(k)} {t} {FORMS_BY_COUNTRY.get(c, 'Ltd')}".replace(
                "  ", " "
            )
            for s, t, k, c in zip(stem, tail, num, countries, strict=True)
        ],
        dtype=object,
    )


def phones(rng: np.random.Generator, n: int) -> np.ndarray:
    """Mainland mobile numbers in +86 form."""
    return np.array(
        [
            f"+86 1{p:02d} {a:04d} {b:04d}"
            for p, a, b in zip(
                rng.integers(30, 99, n),
                rng.integers(0, 10_000, n),
                rng.integers(0, 10_000, n),
                strict=True,
            )
        ],
        dtype=object,
    )


def addresses(rng: np.random.Generator, cities: np.ndarray) -> np.ndarray:
    """Domestic street addresses in characters."""
    roads = ("工业大道", "人民路", "建设路", "科技园路", "滨江大道", "开发区纬二路")
    road = pick(rng, roads, len(cities))
    no = rng.integers(1, 999, len(cities))
    return np.array(
        [f"{c}{r}{k}号" for c, r, k in zip(cities, road, no, strict=True)], dtype=object
    )
