"""What this world's exporters ship: ordinary goods, controlled products and their covers.

Ordinary goods are the bulk (furniture, textiles, machinery, chemicals, base metals);
controlled products are a minority shipped by a few mineral traders; covers are the
uncontrolled commodity codes a smuggler puts on a controlled product. Commodity codes of
controlled products come from the control catalogue file (controls are data), and the
date each becomes licensable is read from it too, so a new announcement moves this
world without editing this module. Prices are this generator's own round figures
(US dollars per kilogram), not market data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl
import yaml

CATALOGUE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "orewatch"
    / "controls"
    / "data"
    / "china-export-controls.yaml"
)

# hs10, Chinese name, English name, unit, kg per unit (1 for kg), USD per kg, packaging,
# sector. Sectors tie goods to the exporters that make or trade them.
_ORDINARY = [
    ("9403609990", "木制家具", "wooden furniture", "pcs", 18.0, 4.5, "carton", "furniture"),
    (
        "9401710000",
        "软垫金属框架座椅",
        "upholstered metal-frame seats",
        "pcs",
        12.0,
        6.0,
        "carton",
        "furniture",
    ),
    ("9405119000", "LED吊灯", "LED ceiling lamps", "pcs", 2.5, 11.0, "carton", "furniture"),
    (
        "6109100021",
        "棉制针织T恤衫",
        "cotton knitted T-shirts",
        "pcs",
        0.2,
        22.0,
        "carton",
        "textile",
    ),
    ("6203429049", "棉制男裤", "men's cotton trousers", "pcs", 0.5, 18.0, "carton", "textile"),
    ("6302100090", "针织床单", "knitted bed linen", "kg", 1.0, 7.5, "bale", "textile"),
    (
        "5407520000",
        "涤纶长丝染色机织物",
        "dyed polyester filament fabric",
        "kg",
        1.0,
        3.2,
        "bale",
        "textile",
    ),
    (
        "6402991900",
        "橡胶底运动鞋",
        "rubber-soled sports shoes",
        "pcs",
        0.8,
        9.0,
        "carton",
        "textile",
    ),
    ("8471300000", "便携式电脑", "portable computers", "pcs", 2.2, 160.0, "carton", "electronics"),
    ("8517130000", "智能手机", "smartphones", "pcs", 0.35, 420.0, "carton", "electronics"),
    (
        "8504403090",
        "开关电源",
        "switching power supplies",
        "pcs",
        0.4,
        25.0,
        "carton",
        "electronics",
    ),
    (
        "8544421100",
        "带接头电缆",
        "cables fitted with connectors",
        "kg",
        1.0,
        9.0,
        "carton",
        "electronics",
    ),
    ("8541430000", "光伏组件", "photovoltaic modules", "pcs", 22.0, 3.5, "pallet", "electronics"),
    (
        "8507600090",
        "锂离子蓄电池",
        "lithium-ion batteries",
        "pcs",
        1.5,
        24.0,
        "carton",
        "electronics",
    ),
    ("8481804090", "球阀", "ball valves", "pcs", 3.0, 8.0, "wooden_case", "machinery"),
    ("8413709990", "离心泵", "centrifugal pumps", "set", 45.0, 7.0, "wooden_case", "machinery"),
    (
        "8482102000",
        "深沟球轴承",
        "deep-groove ball bearings",
        "pcs",
        0.6,
        6.5,
        "carton",
        "machinery",
    ),
    ("8467210000", "电钻", "electric drills", "pcs", 1.8, 9.5, "carton", "machinery"),
    (
        "8708299000",
        "汽车车身零件",
        "motor vehicle body parts",
        "pcs",
        6.0,
        5.5,
        "pallet",
        "machinery",
    ),
    ("7318159001", "钢制螺栓", "steel bolts", "kg", 1.0, 1.6, "pallet", "steel"),
    ("7208390000", "热轧卷板", "hot-rolled steel coils", "t", 1000.0, 0.62, "bundle", "steel"),
    ("7304290000", "无缝钢管", "seamless steel pipes", "kg", 1.0, 1.1, "bundle", "steel"),
    (
        "7326909000",
        "钢铁制品",
        "other articles of iron or steel",
        "kg",
        1.0,
        2.4,
        "pallet",
        "steel",
    ),
    ("7323930000", "不锈钢厨具", "stainless steel kitchenware", "kg", 1.0, 5.0, "carton", "steel"),
    ("2905110000", "甲醇", "methanol", "t", 1000.0, 0.33, "tank", "chemical"),
    ("2915240000", "乙酸酐", "acetic anhydride", "kg", 1.0, 1.2, "drum", "chemical"),
    (
        "3907610000",
        "聚对苯二甲酸乙二酯切片",
        "PET resin chips",
        "kg",
        1.0,
        1.05,
        "jumbo_bag",
        "chemical",
    ),
    ("2836200000", "纯碱", "soda ash", "t", 1000.0, 0.28, "jumbo_bag", "chemical"),
    ("3204170000", "颜料及制品", "pigments and preparations", "kg", 1.0, 4.2, "drum", "chemical"),
    ("3105200000", "复合肥", "compound fertiliser", "t", 1000.0, 0.45, "jumbo_bag", "chemical"),
    ("6907210000", "瓷质砖", "porcelain tiles", "kg", 1.0, 0.45, "pallet", "building"),
    ("6802939000", "花岗岩石材", "worked granite", "kg", 1.0, 0.5, "pallet", "building"),
    ("7019390000", "玻璃纤维毡", "glass fibre mats", "kg", 1.0, 1.3, "pallet", "building"),
    ("9503008900", "塑料玩具", "plastic toys", "pcs", 0.4, 6.0, "carton", "consumer"),
    ("3924100000", "塑料餐具", "plastic tableware", "kg", 1.0, 2.8, "carton", "consumer"),
    ("4202920000", "纺织面料旅行包", "textile travel bags", "pcs", 0.9, 9.0, "carton", "consumer"),
    ("9506911900", "健身器材", "fitness equipment", "pcs", 25.0, 3.6, "carton", "consumer"),
    ("0307430000", "冻鱿鱼", "frozen squid", "kg", 1.0, 2.9, "carton", "food"),
    ("0703200000", "鲜大蒜", "fresh garlic", "kg", 1.0, 1.1, "carton", "food"),
    ("2008119000", "花生制品", "prepared peanuts", "kg", 1.0, 2.2, "carton", "food"),
    # uncontrolled metals and minerals: the mineral traders' ordinary trade
    ("7901110000", "锌锭", "unwrought zinc ingots", "t", 1000.0, 2.7, "bundle", "metals"),
    ("8001100000", "锡锭", "unwrought tin ingots", "kg", 1.0, 29.0, "bundle", "metals"),
    ("2804690000", "工业硅", "silicon metal", "t", 1000.0, 1.8, "jumbo_bag", "metals"),
    ("7202210000", "硅铁", "ferro-silicon", "t", 1000.0, 1.1, "jumbo_bag", "metals"),
    ("8505111000", "钕铁硼永磁体", "NdFeB permanent magnets", "kg", 1.0, 55.0, "carton", "metals"),
    ("2846101000", "氧化铈", "cerium oxide", "kg", 1.0, 1.6, "drum", "metals"),
    (
        "2613100000",
        "焙烧钼精矿",
        "roasted molybdenum concentrate",
        "kg",
        1.0,
        36.0,
        "drum",
        "metals",
    ),
    (
        "2611000000",
        "钨精矿",
        "tungsten ores and concentrates",
        "kg",
        1.0,
        19.0,
        "jumbo_bag",
        "metals",
    ),
    ("8209002900", "硬质合金刀片", "cemented carbide inserts", "kg", 1.0, 90.0, "carton", "metals"),
    ("8104110000", "镁锭", "magnesium ingots", "t", 1000.0, 2.6, "bundle", "metals"),
]

# Controlled products this world trades: catalogue item, commodity code, names, USD per
# kg, packaging, metal content by mass (what a lab would assay).
_CONTROLLED = [
    ("CN-2023-23-GA-01", "8112929010", "金属镓", "gallium metal 4N", 420.0, "drum", 1.0),
    (
        "CN-2023-23-GA-05",
        "2853909026",
        "砷化镓晶片",
        "gallium arsenide wafers",
        2600.0,
        "carton",
        0.48,
    ),
    ("CN-2023-23-GE-01", "8112921090", "锗锭", "germanium ingot", 2100.0, "wooden_case", 1.0),
    ("CN-2023-23-GE-05", "2825600002", "二氧化锗", "germanium dioxide", 1500.0, "drum", 0.69),
    ("CN-2023-39-GR-02", "2504101000", "球形石墨", "spherical graphite", 2.6, "jumbo_bag", 0.99),
    (
        "CN-2023-39-GR-01",
        "3801909010",
        "高纯石墨制品",
        "high-purity graphite blocks",
        14.0,
        "wooden_case",
        0.999,
    ),
    ("CN-2024-33-SB-02", "8110101000", "锑锭", "antimony ingots", 38.0, "bundle", 0.997),
    (
        "CN-2024-33-SB-03",
        "2825800010",
        "高纯三氧化二锑",
        "high-purity antimony trioxide",
        44.0,
        "drum",
        0.83,
    ),
    ("CN-2025-10-W-01", "2841801000", "仲钨酸铵", "ammonium paratungstate", 52.0, "drum", 0.71),
    ("CN-2025-10-W-04", "8101940001", "钨坯条", "tungsten bars", 75.0, "wooden_case", 0.99),
    ("CN-2025-10-TE-01", "2804500001", "碲锭", "tellurium ingots", 95.0, "drum", 0.999),
    ("CN-2025-10-BI-01", "8106101091", "铋锭", "bismuth ingots", 18.0, "bundle", 0.9999),
    ("CN-2025-18-DY-B", "2846901500", "氧化镝", "dysprosium oxide", 260.0, "drum", 0.87),
    ("CN-2025-18-TB-B", "2846901600", "氧化铽", "terbium oxide", 1050.0, "drum", 0.85),
    ("CN-2025-18-Y-B", "2846901100", "氧化钇", "yttrium oxide", 9.0, "drum", 0.79),
    ("CN-2025-18-SM-A", "3824999922", "钐钴合金", "samarium-cobalt alloy", 85.0, "carton", 0.35),
]

# Uncontrolled codes a smuggler declares a controlled element under, per element: hs10,
# Chinese name, English name, USD per kg of the cover.
_COVERS = {
    "gallium": [
        ("7601200090", "铝合金锭", "aluminium alloy ingots", 2.6),
        ("7901200000", "锌合金", "zinc alloy", 3.0),
    ],
    "germanium": [
        ("3818001900", "硅片", "silicon wafers", 60.0),
        ("7002200000", "光学玻璃棒", "optical glass rods", 8.0),
    ],
    "graphite": [
        ("8545110000", "石墨电极", "carbon electrodes for furnaces", 2.2),
        ("6902100000", "耐火砖", "refractory bricks", 0.7),
    ],
    "antimony": [
        ("7801100000", "精炼铅锭", "refined lead ingots", 2.3),
        ("8311300000", "焊料", "solder wire", 9.0),
    ],
    "tungsten": [
        ("7202999000", "其他铁合金", "other ferro-alloys", 3.5),
        ("7228300000", "合金钢棒材", "alloy steel bars", 1.4),
    ],
    "tellurium": [("2804909000", "硒粉", "selenium powder", 28.0)],
    "bismuth": [("8311300000", "焊料", "solder wire", 9.0)],
    "dysprosium": [
        ("3207200000", "陶瓷釉料", "ceramic glazes", 2.0),
        ("3405909000", "抛光粉", "polishing powder", 3.0),
    ],
    "terbium": [("3207200000", "陶瓷釉料", "ceramic glazes", 2.0)],
    "yttrium": [
        ("3405909000", "抛光粉", "polishing powder", 3.0),
        ("2846101000", "氧化铈", "cerium oxide", 1.6),
    ],
    "samarium": [("8505111000", "钕铁硼永磁体", "NdFeB permanent magnets", 55.0)],
}

# Kilograms of packaging per kilogram of goods: (low, high). The declared gross weight is
# the net weight plus this; a hidden load shows as a gross weight beyond it.
TARE = {
    "carton": (0.05, 0.10),
    "bale": (0.02, 0.04),
    "pallet": (0.04, 0.08),
    "wooden_case": (0.08, 0.14),
    "drum": (0.06, 0.11),
    "jumbo_bag": (0.008, 0.02),
    "bundle": (0.004, 0.012),
    "tank": (0.0, 0.0),
    "parcel": (0.08, 0.25),
}
PACKAGING_ZH = {
    "carton": "纸箱",
    "bale": "包",
    "pallet": "托盘",
    "wooden_case": "木箱",
    "drum": "铁桶",
    "jumbo_bag": "吨袋",
    "bundle": "捆",
    "tank": "罐装",
    "parcel": "快递袋",
}


@dataclass(frozen=True)
class ControlledItem:
    """One controlled product and when, per the catalogue, it needs a licence."""

    item_id: str
    element: str
    hs_code: str
    name_zh: str
    name_en: str
    usd_per_kg: float
    packaging: str
    content: float
    licensable_from: date


@cache
def catalogue_items() -> dict[str, dict[str, Any]]:
    """The catalogue's items by id (read once)."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {item["id"]: item for item in data["items"]}


@cache
def controlled_codes() -> frozenset[str]:
    """Every commodity code the catalogue lists for goods (to keep covers uncontrolled)."""
    return frozenset(
        str(code) for item in catalogue_items().values() for code in item.get("hs_codes") or []
    )


def controlled_items() -> list[ControlledItem]:
    """The controlled products, each with its element and licensing date from the catalogue."""
    items = catalogue_items()
    out = []
    for item_id, hs, zh, en, usd, pack, content in _CONTROLLED:
        entry = items[item_id]
        codes = [str(c) for c in entry["hs_codes"]]
        if hs not in codes:
            raise ValueError(f"{hs} is not a code of {item_id} in the catalogue")
        out.append(
            ControlledItem(
                item_id,
                str(entry["element"]),
                hs,
                zh,
                en,
                usd,
                pack,
                content,
                date.fromisoformat(str(entry["effective_from"])),
            )
        )
    return out


def ordinary_goods() -> pl.DataFrame:
    """The ordinary goods table, one row per product."""
    cols = list(zip(*_ORDINARY, strict=True))
    names = [
        "hs_code",
        "name_zh",
        "name_en",
        "unit",
        "kg_per_unit",
        "usd_per_kg",
        "packaging",
        "sector",
    ]
    return pl.DataFrame(dict(zip(names, cols, strict=True)))


def controlled_goods() -> pl.DataFrame:
    """The controlled products as a table (index = position in :func:`controlled_items`)."""
    items = controlled_items()
    return pl.DataFrame(
        {
            "item_id": [i.item_id for i in items],
            "element": [i.element for i in items],
            "hs_code": [i.hs_code for i in items],
            "name_zh": [i.name_zh for i in items],
            "name_en": [i.name_en for i in items],
            "usd_per_kg": [i.usd_per_kg for i in items],
            "packaging": [i.packaging for i in items],
            "content": [i.content for i in items],
            "licensable_from": [i.licensable_from for i in items],
        }
    )


def covers() -> pl.DataFrame:
    """Cover codes by element: ``element, hs_code, name_zh, name_en, usd_per_kg``."""
    rows = [(el, *c) for el, options in _COVERS.items() for c in options]
    return pl.DataFrame(
        rows, schema=["element", "hs_code", "name_zh", "name_en", "usd_per_kg"], orient="row"
    )
