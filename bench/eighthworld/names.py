"""Company, person and address names: Chinese in characters with pinyin/English spellings
that differ between tables, and foreign names in each country's own company style."""

from __future__ import annotations

import numpy as np

from orewatch.contract.ids import uscc_check_char

Rng = np.random.Generator

SYLLABLES = [
    ("鑫", "Xin"),
    ("宏", "Hong"),
    ("泰", "Tai"),
    ("华", "Hua"),
    ("金", "Jin"),
    ("盛", "Sheng"),
    ("源", "Yuan"),
    ("达", "Da"),
    ("隆", "Long"),
    ("恒", "Heng"),
    ("瑞", "Rui"),
    ("通", "Tong"),
    ("丰", "Feng"),
    ("博", "Bo"),
    ("创", "Chuang"),
    ("中", "Zhong"),
    ("科", "Ke"),
    ("海", "Hai"),
    ("星", "Xing"),
    ("辉", "Hui"),
    ("嘉", "Jia"),
    ("润", "Run"),
    ("银", "Yin"),
    ("锦", "Jin"),
    ("昌", "Chang"),
    ("永", "Yong"),
    ("翔", "Xiang"),
    ("祥", "Xiang"),
    ("新", "Xin"),
    ("亿", "Yi"),
]

#: exporter kind -> (zh, en) trades
TRADES = {
    "maker": [
        ("家居用品", "Household Products"),
        ("五金制品", "Hardware Products"),
        ("陶瓷", "Ceramics"),
        ("服饰", "Garments"),
        ("电子科技", "Electronic Technology"),
        ("进出口", "Import and Export"),
        ("机械", "Machinery"),
        ("玩具", "Toys"),
    ],
    "metal": [
        ("有色金属", "Nonferrous Metals"),
        ("稀有金属", "Rare Metals"),
        ("新材料", "New Materials"),
        ("稀土", "Rare Earth"),
        ("冶炼", "Smelting"),
        ("金属材料", "Metal Materials"),
    ],
    "down": [
        ("磁业", "Magnetics"),
        ("光电", "Optoelectronics"),
        ("半导体", "Semiconductor"),
        ("硬质合金", "Cemented Carbide"),
        ("光学", "Optics"),
    ],
    "ore": [("矿业", "Mining"), ("矿产品", "Mineral Products"), ("资源", "Resources")],
    "border": [("边贸", "Border Trade"), ("商贸", "Trading"), ("贸易商行", "Trading Firm")],
    "hub": [
        ("国际贸易", "International Trading"),
        ("供应链", "Supply Chain"),
        ("国际物流", "International Logistics"),
    ],
}

SURNAMES = [
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
]

#: country -> (company forms, name stems, street template)
FOREIGN = {
    "RU": (
        ["OOO", "AO", "TD"],
        [
            "Uralmet",
            "Sibresurs",
            "Promtekh",
            "Vostok-Impex",
            "Baltsnab",
            "Tekhnoservis",
            "Metallinvest",
            "Alfa-Trade",
        ],
        "ul. Lenina {n}, Moskva",
    ),
    "KZ": (
        ["TOO", "AO"],
        ["Kazmetall", "Steppe Trade", "Altyn Resurs", "Dala Impex", "Almaty Snab", "Nur Komir"],
        "pr. Abaya {n}, Almaty",
    ),
    "KG": (
        ["OsOO"],
        ["Ala-Too Trade", "Bishkek Impex", "Tash-Kumyr", "Issyk Metall"],
        "ul. Chui {n}, Bishkek",
    ),
    "UZ": (
        ["MChJ", "OOO"],
        ["Tashkent Metall", "Samarqand Savdo", "Navoi Impex"],
        "Amir Temur ko'chasi {n}, Toshkent",
    ),
    "MN": (
        ["LLC", "XXK"],
        ["Tavan Bogd", "Erdenet Trade", "Khan Resources", "Gobi Impex"],
        "Peace Ave {n}, Ulaanbaatar",
    ),
    "VN": (
        ["Cong Ty TNHH", "Cong Ty CP"],
        ["Thuong Mai Hoang Long", "Kim Loai Viet", "Xuat Nhap Khau Lao Cai", "Dong A"],
        "{n} Tran Hung Dao, Ha Noi",
    ),
    "LA": (
        ["Sole Co., Ltd"],
        ["Boten Trading", "Vientiane Import-Export", "Lao Mining Supply"],
        "Ban Boten {n}, Luang Namtha",
    ),
    "MM": (
        ["Co., Ltd"],
        ["Shwe Trading", "Muse Border Goods", "Golden Lion Import"],
        "No.{n} Muse Road, Muse",
    ),
    "DE": (
        ["GmbH", "AG"],
        ["Rheinmetallhandel", "Nord Werkstoffe", "Hansa Rohstoffe", "Sued Technik"],
        "Industriestr. {n}, Duisburg",
    ),
    "NL": (
        ["B.V."],
        ["Maas Metals", "Europoort Commodities", "Delta Trading"],
        "Waalhaven {n}, Rotterdam",
    ),
    "PL": (
        ["Sp. z o.o."],
        ["Metal-Trans", "Wisla Handel", "Malaszewicze Logistics"],
        "ul. Kolejowa {n}, Malaszewicze",
    ),
    "IT": (["S.r.l."], ["Metalli Padana", "Tecno Leghe", "Arredo Casa"], "Via Roma {n}, Milano"),
    "FR": (
        ["SAS"],
        ["Metaux du Rhone", "Optique Atlantique", "Maison Deco"],
        "{n} rue de Lyon, Paris",
    ),
    "GB": (
        ["Ltd"],
        ["Thames Alloys", "Midlands Components", "Albion Trading"],
        "{n} Dock Road, Felixstowe",
    ),
    "US": (
        ["Inc.", "LLC", "Corp."],
        [
            "Pacific Materials",
            "Great Lakes Alloys",
            "Summit Optics",
            "Lone Star Supply",
            "Atlantic Components",
        ],
        "{n} Harbor Blvd, Long Beach, CA",
    ),
    "JP": (
        ["Co., Ltd.", "K.K."],
        ["Tokai Kinzoku", "Sakura Denshi", "Kansai Trading", "Nippon Rare Materials"],
        "{n}-chome, Minato-ku, Tokyo",
    ),
    "KR": (
        ["Co., Ltd."],
        ["Hanseong Metal", "Daehan Materials", "Busan Trading"],
        "{n} Teheran-ro, Seoul",
    ),
    "IN": (
        ["Pvt Ltd"],
        ["Shakti Metals", "Ganga Alloys", "Mumbai Traders"],
        "Plot {n}, MIDC, Mumbai",
    ),
    "TR": (
        ["A.S.", "Ltd. Sti."],
        ["Anadolu Metal", "Bosphorus Ticaret", "Mersin Kimya"],
        "Ataturk Cad. No:{n}, Istanbul",
    ),
    "AE": (
        ["FZE", "FZCO", "LLC"],
        ["Gulf Metals", "Jebel Ali Commodities", "Falcon General Trading"],
        "Office {n}, JAFZA, Dubai",
    ),
    "HK": (
        ["Limited", "Co., Limited"],
        ["Victoria Harbour Trading", "Kowloon Materials", "Pearl Delta Supply"],
        "Unit {n}, 8/F, Nathan Road, Kowloon",
    ),
    "SG": (
        ["Pte Ltd"],
        ["Lion City Metals", "Straits Commodities", "Jurong Trading"],
        "{n} Jurong East, Singapore",
    ),
    "TH": (
        ["Co., Ltd."],
        ["Siam Alloys", "Chao Phraya Trading", "Bangkok Parts"],
        "{n} Sukhumvit, Bangkok",
    ),
    "MY": (
        ["Sdn Bhd"],
        ["Klang Metals", "Penang Components", "Johor Supply"],
        "Lot {n}, Klang, Selangor",
    ),
    "BR": (["Ltda."], ["Metais Paulista", "Santos Comercio"], "Rua {n}, Sao Paulo"),
    "AU": (["Pty Ltd"], ["Southern Cross Trading", "Perth Materials"], "{n} Port Rd, Adelaide"),
    "AM": (["LLC"], ["Ararat Trade", "Yerevan Impex"], "{n} Tigran Mets Ave, Yerevan"),
    "GE": (["LLC"], ["Kartli Trade", "Poti Logistics"], "{n} Rustaveli Ave, Tbilisi"),
    "RS": (["d.o.o."], ["Dunav Metal", "Beograd Trade"], "Bulevar {n}, Beograd"),
    "ID": (["PT"], ["Nusantara Logam", "Jaya Makmur"], "Jl. Sudirman {n}, Jakarta"),
    "SA": (["Co."], ["Al Noor Trading", "Red Sea Supply"], "{n} King Fahd Rd, Jeddah"),
    "MX": (["S.A. de C.V."], ["Metales del Norte", "Comercial Bajio"], "Av. Juarez {n}, Monterrey"),
}


def chinese_company(
    rng: Rng, n: int, kinds: np.ndarray, cities: list[tuple[str, str]]
) -> tuple[list[str], list[str], list[str]]:
    """``n`` Chinese company names: characters, one English form and a second spelling."""
    zh, en, alt = [], [], []
    for i in range(n):
        city = cities[i]
        a, b = rng.choice(len(SYLLABLES), 2, replace=False)
        trades = TRADES[str(kinds[i])]
        t = trades[rng.integers(len(trades))]
        joint = rng.random() < 0.15
        s1, s2 = SYLLABLES[a], SYLLABLES[b]
        zh.append(f"{city[0]}{s1[0]}{s2[0]}{t[0]}{'股份' if joint else ''}有限公司")
        en.append(f"{city[1]} {s1[1]}{s2[1].lower()} {t[1]} Co., Ltd.")
        style = rng.integers(3)
        if style == 0:
            alt.append(f"{city[1].upper()} {s1[1].upper()} {s2[1].upper()} {t[1].upper()} CO LTD")
        elif style == 1:
            alt.append(
                f"{s1[1]}{s2[1].lower()} {t[1].replace(' and ', ' & ')} Company Limited ({city[1]})"
            )
        else:
            alt.append(f"{city[1]} {s1[1]}-{s2[1]} {t[1]} Co.,Ltd")
    return zh, en, alt


def foreign_company(rng: Rng, countries: np.ndarray) -> tuple[list[str], list[str]]:
    """A company name and street address in each country's style."""
    names, addresses = [], []
    for country in countries:
        forms, stems, street = FOREIGN[str(country)]
        stem = stems[rng.integers(len(stems))]
        form = forms[rng.integers(len(forms))]
        tag = SYLLABLES[rng.integers(len(SYLLABLES))][1]
        pre = form in {
            "OOO",
            "AO",
            "TD",
            "TOO",
            "OsOO",
            "MChJ",
            "XXK",
            "Cong Ty TNHH",
            "Cong Ty CP",
            "PT",
        }
        core = f"{stem} {tag}" if rng.random() < 0.6 else stem
        names.append(
            f'{form} "{core}"'
            if pre and country in {"RU", "KZ", "KG", "UZ"}
            else (f"{form} {core}" if pre else f"{core} {form}")
        )
        addresses.append(street.format(n=int(rng.integers(1, 400))))
    return names, addresses


def person(rng: Rng, n: int) -> tuple[list[str], list[str]]:
    """Chinese person names in characters and pinyin."""
    zh, py = [], []
    for _ in range(n):
        s = SURNAMES[rng.integers(len(SURNAMES))]
        g = SYLLABLES[rng.integers(len(SYLLABLES))]
        zh.append(f"{s[0]}{g[0]}")
        py.append(f"{s[1].upper()} {g[1]}")
    return zh, py


def uscc(rng: Rng, n: int, region_codes: np.ndarray, prefix: str = "91") -> list[str]:
    """Unified social credit codes with right check characters (``91`` companies,
    ``12`` public institutions)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    out = []
    for i in range(n):
        body = "".join(alphabet[k] for k in rng.integers(0, 31, 9))
        first17 = f"{prefix}{int(region_codes[i]):06d}{body}"
        out.append(first17 + uscc_check_char(first17))
    return out


def phones(rng: Rng, n: int, prefix: str = "+86 ") -> list[str]:
    """Phone numbers (mobile style)."""
    return [
        f"{prefix}1{int(x):010d}"[: len(prefix) + 11]
        for x in rng.integers(3_000_000_000, 9_999_999_999, n)
    ]
