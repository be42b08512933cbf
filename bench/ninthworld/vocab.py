"""The ninth world's goods, places and words: what clerks export and how they write it.

Goods are rows of one table (ordinary and controlled alike), each with the ways a
declaration may name it: English, Chinese characters, toneless pinyin, and the
abbreviations or model numbers clerks type instead of a name. Controlled goods carry
the control catalogue item they fall under; their control dates are read from the
catalogue, never typed here. Prices are domestic CNY per kg in early 2023.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml

from orewatch.controls.catalogue import packaged_path

CATALOGUE = packaged_path()


@dataclass(frozen=True)
class Good:
    """One kind of goods and the words a declaration may use for it."""

    key: str
    hs: str
    names: tuple[str, ...]  # English, Chinese, pinyin, abbreviations, model numbers
    unit: str  # kg, pcs, t, set
    kg_per_unit: float  # for pcs/set: net kg a piece; 1 for kg, 1000 for t
    cny_per_kg: float
    share: float = 0.0  # weight among ordinary B2B goods
    item: str = ""  # control catalogue item id (controlled goods only)
    material: str = ""  # material code (controlled goods only)
    covers: tuple[str, ...] = ()  # ordinary goods it hides behind


ORDINARY: tuple[Good, ...] = (
    Good(
        "tshirt",
        "6109100021",
        ("cotton T-shirt", "全棉T恤", "quan mian T xu", "TEE-220G"),
        "pcs",
        0.2,
        60,
        3,
    ),
    Good(
        "phone_case",
        "3926909090",
        ("phone case", "手机壳", "shou ji ke", "TPU case iP15"),
        "pcs",
        0.05,
        200,
        3,
    ),
    Good(
        "led", "8539520000", ("LED lamp", "LED灯泡", "LED deng pao", "A60-9W"), "pcs", 0.1, 150, 3
    ),
    Good(
        "toy",
        "9503008900",
        ("plastic toy", "塑料玩具", "su liao wan ju", "toy car RC-08"),
        "pcs",
        0.3,
        60,
        3,
    ),
    Good(
        "cosmetics",
        "3304990099",
        ("cosmetics", "化妆品", "hua zhuang pin", "lip gloss LG-3"),
        "pcs",
        0.1,
        300,
        1,
    ),
    Good(
        "shoes",
        "6404199000",
        ("sport shoes", "运动鞋", "yun dong xie", "sneaker 9908"),
        "pcs",
        0.8,
        80,
        2,
    ),
    Good(
        "handbag",
        "4202220000",
        ("handbag", "手提包", "shou ti bao", "PU bag HB-2"),
        "pcs",
        0.6,
        150,
        1,
    ),
    Good(
        "phone_parts",
        "8517799000",
        ("mobile phone parts", "手机配件", "shou ji pei jian", "FPC module"),
        "pcs",
        0.05,
        2000,
        2,
    ),
    Good(
        "furniture",
        "9403609990",
        ("wooden furniture", "木制家具", "mu zhi jia ju", "sofa table"),
        "pcs",
        15,
        30,
        3,
    ),
    Good(
        "tiles", "6907220000", ("ceramic tiles", "瓷砖", "ci zhuan", "tile 600x600"), "kg", 1, 4, 4
    ),
    Good(
        "fasteners",
        "7318158001",
        ("steel bolts", "钢制螺栓", "gang zhi luo shuan", "M12 bolt 8.8"),
        "kg",
        1,
        12,
        5,
    ),
    Good(
        "al_profile",
        "7604291090",
        ("aluminium profile", "铝型材", "lv xing cai", "6063-T5"),
        "kg",
        1,
        25,
        5,
    ),
    Good(
        "ferrosilicon",
        "7202210000",
        ("ferro silicon", "硅铁", "gui tie", "FeSi75"),
        "t",
        1000,
        7,
        3,
    ),
    Good(
        "silicon",
        "2804690000",
        ("silicon metal", "金属硅", "jin shu gui", "Si 553"),
        "t",
        1000,
        14,
        3,
    ),
    Good("zinc", "7901111000", ("zinc ingot", "锌锭", "xin ding", "Zn 99.995"), "t", 1000, 22, 3),
    Good("tin", "8001100000", ("tin ingot", "锡锭", "xi ding", "Sn99.9"), "kg", 1, 250, 2),
    Good("lead", "7801991000", ("lead ingot", "铅锭", "qian ding", "Pb 1#"), "t", 1000, 16, 2),
    Good(
        "ferrotungsten", "7202800000", ("ferro tungsten", "钨铁", "wu tie", "FeW80"), "kg", 1, 90, 1
    ),
    Good(
        "magnet",
        "8505111000",
        ("NdFeB magnet", "钕铁硼磁铁", "nv tie peng ci tie", "N52 disc"),
        "kg",
        1,
        300,
        2,
    ),
    Good(
        "tio2", "3206111000", ("titanium dioxide", "钛白粉", "tai bai fen", "R-996"), "kg", 1, 16, 3
    ),
    Good(
        "alumina",
        "2818200000",
        ("aluminium oxide", "氧化铝", "yang hua lv", "Al2O3 99.5"),
        "t",
        1000,
        3,
        2,
    ),
    Good(
        "solder",
        "8311300000",
        ("solder wire", "焊锡丝", "han xi si", "Sn63Pb37 0.8mm"),
        "kg",
        1,
        180,
        2,
    ),
    Good(
        "copper_wire",
        "7408110000",
        ("copper wire", "铜线", "tong xian", "T2 Cu wire"),
        "kg",
        1,
        70,
        3,
    ),
    Good(
        "ceramic_parts",
        "6909120000",
        ("industrial ceramic parts", "工业陶瓷件", "gong ye tao ci jian", "ZrO2 ring"),
        "kg",
        1,
        80,
        2,
    ),
    Good(
        "bearings",
        "8482102000",
        ("ball bearings", "深沟球轴承", "qiu zhou cheng", "6205-2RS"),
        "kg",
        1,
        40,
        3,
    ),
    Good(
        "glassware",
        "7013370000",
        ("glassware", "玻璃器皿", "bo li qi min", "cup 350ml"),
        "kg",
        1,
        15,
        2,
    ),
    Good("fluorspar", "2529210000", ("fluorspar", "萤石", "ying shi", "CaF2 97"), "t", 1000, 3, 1),
    Good(
        "inorganic",
        "2853909090",
        ("other inorganic compound", "其他无机化合物", "wu ji hua he wu", "chem additive"),
        "kg",
        1,
        50,
        2,
    ),
    Good(
        "al_articles",
        "7616999000",
        ("aluminium articles", "铝制品", "lv zhi pin", "Al parts"),
        "kg",
        1,
        40,
        3,
    ),
    Good(
        "polish",
        "3405400000",
        ("polishing powder", "抛光粉", "pao guang fen", "CeO2 polish"),
        "kg",
        1,
        40,
        1,
    ),
    Good(
        "cerium",
        "2846101000",
        ("cerium oxide", "氧化铈", "yang hua shi", "CeO2 99.9"),
        "kg",
        1,
        25,
        1,
    ),
)

CONTROLLED: tuple[Good, ...] = (
    Good(
        "ga",
        "8112929010",
        ("gallium metal", "金属镓", "jin shu jia", "Ga 6N", "Gallium 4N ingot"),
        "kg",
        1,
        1800,
        item="CN-2023-23-GA-01",
        material="gallium:metal",
        covers=("tin", "zinc", "solder"),
    ),
    Good(
        "ge",
        "8112921090",
        ("germanium ingot", "锗锭", "zhe ding", "Ge ingot 5N", "zone refined Ge"),
        "kg",
        1,
        9500,
        item="CN-2023-23-GE-02",
        material="germanium:metal",
        covers=("silicon", "inorganic", "al_articles"),
    ),
    Good(
        "geo2",
        "2825600002",
        ("germanium dioxide", "二氧化锗", "er yang hua zhe", "GeO2 99.999"),
        "kg",
        1,
        6500,
        item="CN-2023-23-GE-05",
        material="germanium:dioxide",
        covers=("tio2", "inorganic"),
    ),
    Good(
        "graphite",
        "3801901000",
        ("spherical graphite", "球形石墨", "qiu xing shi mo", "SG-17 anode"),
        "t",
        1000,
        40,
        item="CN-2023-39-GR-02",
        material="graphite:spherical",
        covers=("ceramic_parts", "inorganic"),
    ),
    Good(
        "sb",
        "8110101000",
        ("antimony ingot", "锑锭", "ti ding", "Sb 99.65"),
        "t",
        1000,
        120,
        item="CN-2024-33-SB-02",
        material="antimony:metal",
        covers=("lead", "tin", "zinc"),
    ),
    Good(
        "sb2o3",
        "2825800010",
        ("antimony trioxide", "三氧化二锑", "san yang hua er ti", "ATO 99.8"),
        "kg",
        1,
        100,
        item="CN-2024-33-SB-03",
        material="antimony:oxide",
        covers=("tio2", "inorganic"),
    ),
    Good(
        "apt",
        "2841801000",
        ("ammonium paratungstate", "仲钨酸铵", "zhong wu suan an", "APT 88.5"),
        "kg",
        1,
        250,
        item="CN-2025-10-W-01",
        material="tungsten:apt",
        covers=("inorganic", "fluorspar"),
    ),
    Good(
        "w_bar",
        "8101991001",
        ("tungsten bar", "钨条", "wu tiao", "W rod 99.95"),
        "kg",
        1,
        420,
        item="CN-2025-10-W-04",
        material="tungsten:metal",
        covers=("ferrotungsten", "fasteners"),
    ),
    Good(
        "te",
        "2804500001",
        ("tellurium", "碲锭", "di ding", "Te 5N"),
        "kg",
        1,
        650,
        item="CN-2025-10-TE-01",
        material="tellurium:metal",
        covers=("inorganic", "zinc"),
    ),
    Good(
        "bi",
        "8106101091",
        ("bismuth ingot", "铋锭", "bi ding", "Bi 99.99"),
        "kg",
        1,
        75,
        item="CN-2025-10-BI-01",
        material="bismuth:metal",
        covers=("lead", "solder"),
    ),
    Good(
        "mo",
        "8102100001",
        ("molybdenum powder", "钼粉", "mu fen", "Mo-1 powder"),
        "kg",
        1,
        420,
        item="CN-2025-10-MO-01",
        material="molybdenum:powder",
        covers=("al_articles", "inorganic"),
    ),
    Good(
        "dy2o3",
        "2846901500",
        ("dysprosium oxide", "氧化镝", "yang hua di", "Dy2O3 99.5"),
        "kg",
        1,
        1700,
        item="CN-2025-18-DY-B",
        material="dysprosium:oxide",
        covers=("cerium", "polish"),
    ),
    Good(
        "tb4o7",
        "2846901600",
        ("terbium oxide", "氧化铽", "yang hua te", "Tb4O7 4N"),
        "kg",
        1,
        6500,
        item="CN-2025-18-TB-B",
        material="terbium:oxide",
        covers=("cerium", "polish"),
    ),
    Good(
        "dy",
        "2805301200",
        ("dysprosium metal", "金属镝", "jin shu di", "Dy metal 99.9"),
        "kg",
        1,
        2200,
        item="CN-2025-18-DY-A",
        material="dysprosium:metal",
        covers=("magnet", "al_articles"),
    ),
    Good(
        "tb",
        "2805301300",
        ("terbium metal", "金属铽", "jin shu te", "Tb 99.9"),
        "kg",
        1,
        8000,
        item="CN-2025-18-TB-A",
        material="terbium:metal",
        covers=("magnet", "al_articles"),
    ),
    Good(
        "y2o3",
        "2846901100",
        ("yttrium oxide", "氧化钇", "yang hua yi", "Y2O3 5N"),
        "kg",
        1,
        45,
        item="CN-2025-18-Y-B",
        material="yttrium:oxide",
        covers=("alumina", "cerium"),
    ),
    Good(
        "sc2o3",
        "2846901980",
        ("scandium oxide", "氧化钪", "yang hua kang", "Sc2O3 99.99"),
        "kg",
        1,
        4800,
        item="CN-2025-18-SC-B",
        material="scandium:oxide",
        covers=("alumina", "ceramic_parts"),
    ),
)

GOODS: tuple[Good, ...] = ORDINARY + CONTROLLED
INDEX: dict[str, int] = {g.key: i for i, g in enumerate(GOODS)}
B2C_GOODS = ("tshirt", "phone_case", "led", "toy", "cosmetics", "shoes", "handbag", "phone_parts")

#: Words that betray a controlled good hidden under an ordinary code (honest lines use
#: none of them); clerks who leak write one beside the cover name.
SAMPLE_WORDS = ("sample", "样品", "yang pin", "test sample", "free sample 样品", "metal sample")

COUNTRY_SHARE: dict[str, float] = {
    "US": 12,
    "JP": 8,
    "KR": 7,
    "DE": 6,
    "NL": 4,
    "VN": 7,
    "TH": 4,
    "MY": 4,
    "SG": 3,
    "IN": 6,
    "AE": 4,
    "TR": 3,
    "RU": 6,
    "KZ": 3,
    "MX": 3,
    "BR": 3,
    "GB": 3,
    "FR": 2,
    "IT": 2,
    "PL": 2,
    "ID": 3,
    "PH": 2,
    "AU": 2,
    "CA": 2,
    "HK": 5,
    "KG": 1,
    "MN": 1,
    "MM": 1,
}
TRANSIT = ("VN", "TH", "MY", "KZ", "KG", "AE", "TR", "MX", "HK")
FINAL = ("US", "JP", "KR", "DE")

SEA_PORTS = ("CNNGB", "CNLYG", "CNXMN", "CNDLC", "CNFOC", "CNZUH", "CNSHK")
AIR_PORTS = ("CNPVG", "CNCAN", "CNCTU", "CNCGO")
PARCEL_PORTS = ("CNYIW", "CNCAN", "CNCGO", "CNPVG")
ROAD_PORTS = {
    "KZ": "CNKHG",
    "KG": "CNTRT",
    "MN": "CNERL",
    "RU": "CNMZL",
    "VN": "CNPXG",
    "MM": "CNRUI",
}
RAIL_PORTS = ("CNCKG", "CNXIY")
RAIL_COUNTRIES = ("RU", "KZ", "DE", "PL")
PORT_CODE = {  # the customs district's four digits that open a declaration number
    "CNNGB": "3101",
    "CNLYG": "2306",
    "CNXMN": "3701",
    "CNDLC": "0901",
    "CNFOC": "3501",
    "CNZUH": "5701",
    "CNSHK": "5316",
    "CNPVG": "2233",
    "CNCAN": "5141",
    "CNCTU": "7901",
    "CNCGO": "4612",
    "CNYIW": "2932",
    "CNKHG": "9402",
    "CNTRT": "9410",
    "CNERL": "0702",
    "CNMZL": "0607",
    "CNPXG": "7205",
    "CNRUI": "8609",
    "CNCKG": "8013",
    "CNXIY": "9012",
}

CURRENCY_PER_USD = {"USD": 1.0, "CNY": 7.15, "EUR": 0.92, "HKD": 7.8, "JPY": 148.0}
CNY_PER_USD = CURRENCY_PER_USD["CNY"]

END_USES = (
    "semiconductor substrate",
    "光伏电池",
    "battery anode",
    "alloy additive",
    "magnet production",
    "flame retardant",
    "optical fibre",
    "thermal spray",
    "catalyst",
    "研究开发",
)
MILITARY_USES = (
    "defence electronics",
    "military radar",
    "armour piercing",
    "军工用途",
    "night vision",
)
REGIONS = (
    "450100",
    "360700",
    "431000",
    "530100",
    "150200",
    "330200",
    "320500",
    "440300",
    "350100",
    "610100",
    "520100",
    "130100",
)


@functools.cache
def control_dates() -> dict[str, str]:
    """Each catalogue item's first day in force, read from the catalogue itself."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {item["id"]: str(item["effective_from"]) for item in data["items"]}
