"""Overseas parties: consignees, end users, the watchlist and the fronts that hide it.

Consignees are named in their own script or a transliteration (Japanese, Korean,
Russian, German, English, Vietnamese, Arabic-market English). Listed parties carry
alternative spellings in other scripts, and the declarations that reach them use one of
those spellings, never the listed one verbatim. Fronts are young companies in transit
countries tied to a listed party by a shared director, address or telephone number.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from seventhworld.names import cat, pick

#: country, weight among ordinary consignees, name stems, legal forms, currency
MARKETS: dict[str, tuple[float, list[str], list[str], str]] = {
    "US": (
        14,
        ["Pacific Rim", "Keystone", "Bluegrass", "Summit", "Harbor Point"],
        [" Inc.", " LLC", " Corp."],
        "USD",
    ),
    "DE": (
        6,
        ["Rheinmetallhandel", "Nordstern", "Alpenland", "Hanse Werkstoff"],
        [" GmbH", " AG", " GmbH & Co. KG"],
        "EUR",
    ),
    "NL": (4, ["Maasvlakte", "Oranje", "Delta Metals"], [" B.V."], "EUR"),
    "JP": (
        9,
        ["東邦", "大和", "三協", "日新", "北斗"],
        ["商事株式会社", "金属株式会社", "化学工業株式会社"],
        "JPY",
    ),
    "KR": (7, ["대한", "한빛", "세진", "동양"], ["상사(주)", "소재 주식회사", "금속(주)"], "USD"),
    "VN": (6, ["Hoang Long", "Minh Phat", "Thanh Cong"], [" Co., Ltd", " JSC"], "USD"),
    "MY": (3, ["Sinar", "Bintang", "Maju Jaya"], [" Sdn. Bhd."], "USD"),
    "TH": (3, ["Siam", "Chao Phraya", "Rattana"], [" Co., Ltd."], "USD"),
    "IN": (5, ["Shree Ganesh", "Bharat", "Sai Krupa"], [" Pvt. Ltd."], "USD"),
    "RU": (5, ["Уралмет", "Сибирь", "Восток", "Балтика"], [" ООО", " АО"], "USD"),
    "KZ": (2, ["Altyn", "Steppe", "Kazmetal"], [" LLP", " ТОО"], "USD"),
    "AE": (3, ["Al Noor", "Gulf Star", "Jebel"], [" General Trading LLC", " FZE", " DMCC"], "USD"),
    "TR": (2, ["Anadolu", "Bosphorus", "Ege"], [" A.Ş.", " Ltd. Şti."], "EUR"),
    "HK": (
        5,
        ["Wing Fat", "Golden Harvest", "Victoria"],
        [" Trading Limited", " (HK) Limited"],
        "HKD",
    ),
    "SG": (3, ["Lion City", "Straits", "Marina"], [" Pte. Ltd."], "USD"),
    "BR": (2, ["Paulista", "Amazonas"], [" Ltda."], "USD"),
    "MX": (2, ["Monterrey", "Azteca"], [" S.A. de C.V."], "USD"),
    "GB": (3, ["Thames", "Pennine"], [" Ltd"], "USD"),
    "FR": (2, ["Lumière", "Rhône"], [" SAS", " SARL"], "EUR"),
    "AU": (2, ["Southern Cross", "Outback"], [" Pty Ltd"], "USD"),
}
COUNTRIES = np.array(list(MARKETS))
HUBS = np.array(["AE", "TR", "KZ", "KG", "AM", "RS", "TH", "MY", "GE"])
SEP = {"JP": "", "KR": "", "RU": " "}
MIDDLE = {
    "*": np.array(
        [
            "Global",
            "United",
            "Prime",
            "Allied",
            "Crown",
            "Apex",
            "Union",
            "Northern",
            "Eastern",
            "General",
            "First",
            "Royal",
            "Central",
            "Western",
            "Star",
            "Golden",
        ]
    ),
    "JP": np.array(["精工", "物産", "電材", "産業", "興業", "化成", "工機", "通商"]),
    "KR": np.array(["산업", "무역", "테크", "소재", "실업", "정밀", "글로벌", "케미칼"]),
    "RU": np.array(["Металл", "Ресурс", "Снаб", "Торг", "Пром", "Техно", "Импекс", "Сплав"]),
}
CITY_OF = {
    "US": "Houston, TX",
    "DE": "Duisburg",
    "NL": "Rotterdam",
    "JP": "大阪市",
    "KR": "인천",
    "VN": "Hai Phong",
    "MY": "Klang",
    "TH": "Bangkok",
    "IN": "Mumbai",
    "RU": "Новосибирск",
    "KZ": "Almaty",
    "AE": "Dubai",
    "TR": "Istanbul",
    "HK": "Kwun Tong",
    "SG": "Jurong",
    "BR": "Santos",
    "MX": "Monterrey",
    "GB": "Sheffield",
    "FR": "Lyon",
    "AU": "Perth",
    "KG": "Bishkek",
    "AM": "Yerevan",
    "RS": "Belgrade",
    "GE": "Tbilisi",
}

#: Honest end users and uses of controlled goods, by country (names in the buyer's script).
END_USERS: dict[str, list[tuple[str, str]]] = {
    "JP": [
        ("東北大学 金属材料研究所", "研究開発用 (半導体材料の評価)"),
        ("日亜化学工業株式会社", "LED用基板の製造"),
    ],
    "KR": [("한국재료연구원", "영구자석 연구용"), ("삼성전기 주식회사", "적층세라믹콘덴서 제조용")],
    "DE": [
        ("Fraunhofer-Institut für Angewandte Festkörperphysik", "Forschung und Entwicklung"),
        ("Vacuumschmelze GmbH & Co. KG", "Herstellung von Permanentmagneten"),
    ],
    "US": [
        ("Massachusetts Institute of Technology", "university research, civil"),
        ("Keystone Solar Wafers Inc.", "manufacture of solar cells"),
    ],
    "RU": [
        ("Институт физики твердого тела РАН", "научные исследования"),
        ("АО Уральский завод керамики", "производство огнеупоров"),
    ],
    "IN": [
        ("Indian Institute of Science", "academic research"),
        ("Bharat Alloys Pvt. Ltd.", "steel alloying"),
    ],
    "VN": [
        ("Đại học Bách khoa Hà Nội", "nghiên cứu khoa học"),
        ("Minh Phat Electronics JSC", "sản xuất linh kiện"),
    ],
}
DEFAULT_USES = [
    "用于生产",
    "for manufacturing of electronic components",
    "industrial use, civil",
    "研发用途",
    "для промышленного производства",
    "民用 工业生产",
]


def consignees(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """``n`` ordinary consignees with country, name, address and preferred currency.

    Names are distinct within a market and addresses distinct within a city: two
    companies of one name would look like one buyer with many addresses.
    """
    weights = np.array([MARKETS[c][0] for c in COUNTRIES], dtype=float)
    counts = rng.multinomial(n, weights / weights.sum())
    parts = []
    kinds = np.array(["Metals", "Materials", "Industries", "Supply", "Tech", "Trading"])
    for c, m in zip(COUNTRIES, counts, strict=True):
        stems, forms, cur = MARKETS[c][1], MARKETS[c][2], MARKETS[c][3]
        k = 4 * m + 20
        middle = MIDDLE.get(c, MIDDLE["*"])
        core = cat(pick(rng, np.array(stems), k), SEP.get(c, " "), pick(rng, middle, k))
        if c not in ("JP", "KR", "RU"):
            core = cat(core, " ", pick(rng, kinds, k))
        full = pl.Series(cat(core, pick(rng, np.array(forms), k)).astype(str))
        names = full.unique(maintain_order=True).head(m)
        m = names.len()
        street = rng.permutation(np.arange(1, 20 * m + 400))[:m]
        parts.append(
            pl.DataFrame(
                {
                    "name": names,
                    "country": np.full(m, c, dtype=object),
                    "address": cat(street.astype(str), " ", CITY_OF[c]),
                    "currency": np.full(m, cur, dtype=object),
                },
                schema={
                    "name": pl.String,
                    "country": pl.String,
                    "address": pl.String,
                    "currency": pl.String,
                },
            )
        )
    frame = pl.concat(parts).sample(fraction=1.0, shuffle=True, seed=int(rng.integers(1 << 31)))
    return frame.with_row_index("cons").with_columns(pl.col("cons").cast(pl.Int64))


LISTED = [
    # name, alt names (other scripts), country, list, listed_at
    (
        "Joint Stock Company Radiozavod Vostok",
        ["АО Радиозавод Восток", "Radiozavod Vostok JSC"],
        "RU",
        "MOFCOM-ECCL",
        "2025-01-02",
    ),
    (
        "Sibirskie Spetsmaterialy LLC",
        ["ООО Сибирские спецматериалы", "Siberian Special Materials"],
        "RU",
        "MOFCOM-ECCL",
        "2025-06-15",
    ),
    (
        "Keystone Defense Systems Inc.",
        ["Keystone Defence Systems", "基斯通防务系统公司"],
        "US",
        "MOFCOM-UEL",
        "2025-02-04",
    ),
    (
        "Harbor Point Aerospace LLC",
        ["HPA Aerospace", "港点航空航天"],
        "US",
        "MOFCOM-UEL",
        "2025-10-09",
    ),
    (
        "Tokai Bouei Gijutsu K.K.",
        ["東海防衛技術株式会社", "Tokai Defense Technology"],
        "JP",
        "MOFCOM-ECCL",
        "2026-01-06",
    ),
    (
        "Hokuto Kogyo Seimitsu Co., Ltd.",
        ["北斗工業精密株式会社"],
        "JP",
        "MOFCOM-ECCL",
        "2026-01-06",
    ),
    (
        "Shahab Advanced Materials FZE",
        ["شهاب للمواد المتقدمة", "Shahab Adv. Materials"],
        "AE",
        "MOFCOM-ECCL",
        "2025-03-01",
    ),
    (
        "Aurora Photonics Ltd",
        ["Аврора Фотоникс", "Aurora Photonix"],
        "GB",
        "MOFCOM-UEL",
        "2025-04-04",
    ),
    (
        "Donghae Gukbang Sojae Co.",
        ["동해국방소재(주)", "Donghae Defense Materials"],
        "KR",
        "MOFCOM-ECCL",
        "2025-09-01",
    ),
    ("Taurus Ballistics A.S.", ["Toros Balistik A.Ş."], "TR", "MOFCOM-ECCL", "2025-05-20"),
    (
        "Nevsky Optical Works",
        ["Невский оптический завод", "Nevskiy Optika"],
        "RU",
        "MOFCOM-ECCL",
        "2025-01-02",
    ),
    (
        "Pacific Rim Guidance Corp.",
        ["PRG Corp", "环太平洋制导公司"],
        "US",
        "MOFCOM-UEL",
        "2025-01-02",
    ),
]

FRONT_STEMS = [
    "Silk Road",
    "Caspian",
    "Tien Shan",
    "Ararat",
    "Danube",
    "Andaman",
    "Gulf Horizon",
    "Anatolian",
    "Kolkhida",
    "Malacca",
]
FRONT_FORMS = {
    "AE": " FZCO",
    "TR": " Dış Ticaret Ltd. Şti.",
    "KZ": " LLP",
    "KG": " LLC",
    "AM": " LLC",
    "RS": " d.o.o.",
    "TH": " Co., Ltd.",
    "MY": " Sdn. Bhd.",
    "GE": " LLC",
}
INSTITUTES = [
    "Novosibirsk Applied Crystal Research Center",
    "Институт прикладных материалов Алатау",
    "Caspian Polytechnic Research Institute",
    "Yerevan Materials Science Laboratory",
    "Bishkek Scientific Instruments Institute",
    "Anatolian Advanced Ceramics Institute",
]


def watchlist(rng: np.random.Generator) -> pl.DataFrame:
    """The listed parties (the contract's watchlist table), invented in the lists' style."""
    return pl.DataFrame(
        {
            "list": [x[3] for x in LISTED],
            "name": [x[0] for x in LISTED],
            "alt_names": [";".join(x[1]) for x in LISTED],
            "kind": ["company"] * len(LISTED),
            "country": [x[2] for x in LISTED],
            "address": [f"{rng.integers(1, 90)} {CITY_OF[x[2]]}" for x in LISTED],
            "listed_at": [x[4] for x in LISTED],
            "reason": [
                "military end user" if i % 2 == 0 else "diversion of dual-use items"
                for i in range(len(LISTED))
            ],
        }
    )


def fronts(rng: np.random.Generator, n: int, start: dt.date) -> pl.DataFrame:
    """``n`` young companies in transit countries, each tied to one listed party."""
    country = pick(rng, HUBS, n)
    stem = pick(rng, np.array(FRONT_STEMS), n)
    name = cat(
        stem,
        " ",
        pick(rng, np.array(["Metals", "Resources", "Tech Supply", "Industrial"]), n),
        np.array([FRONT_FORMS[c] for c in country], dtype=object),
    )
    listed = rng.integers(0, len(LISTED), n)
    days = rng.integers(-200, 300, n)
    inc = [start + dt.timedelta(days=int(d)) for d in days]
    return pl.DataFrame(
        {
            "front": np.arange(n),
            "name": name,
            "country": country,
            "address": cat(
                rng.integers(1, 60, n).astype(str),
                " Free Zone Office ",
                np.array([CITY_OF[c] for c in country], dtype=object),
            ),
            "listed": listed,
            "incorporated_at": inc,
            "institute": pick(rng, np.array(INSTITUTES), n),
        }
    )
