"""What is shipped: the ordinary goods mix, the controlled goods and the covers smugglers use.

Controlled goods come from the project's control catalogue (its real item ids, commodity
codes and effective dates), so that a control starting mid-period changes what a line of
the same goods needs. Ordinary goods and covers are this generator's own list: uncontrolled
commodity codes a Chinese exporter ships every day, with a price level (USD per unit), a
typical line size and the packaging that sets gross over net weight.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import yaml

CATALOGUE = (
    Path(__file__).resolve().parents[2] / "src/orewatch/controls/data/china-export-controls.yaml"
)

#: hs, Chinese name, English name, unit, USD per unit, kg per unit, typical units per line,
#: packaging (gross/net), share of ordinary lines.
ORDINARY: tuple[tuple[str, str, str, str, float, float, float, str, float], ...] = (
    ("6109100021", "棉制针织T恤衫", "cotton knitted T-shirts", "pcs", 2.1, 0.18, 6000, "carton", 7),
    (
        "6204430090",
        "合成纤维女式连衣裙",
        "women's dresses of synthetic fibres",
        "pcs",
        6.5,
        0.35,
        2500,
        "carton",
        4,
    ),
    (
        "6403990090",
        "皮革面运动鞋",
        "leather-upper sports shoes",
        "pair",
        11.0,
        0.9,
        1800,
        "carton",
        4,
    ),
    ("9403200000", "金属框架家具", "metal furniture", "pcs", 38.0, 14.0, 300, "carton", 5),
    ("9405420000", "LED灯具", "LED luminaires", "set", 7.5, 0.8, 3000, "carton", 5),
    ("9503008900", "塑料玩具", "plastic toys", "pcs", 1.6, 0.25, 8000, "carton", 5),
    ("7306309000", "焊接钢管", "welded steel tubes", "kg", 0.85, 1.0, 22000, "bundle", 4),
    ("7318159001", "钢制螺栓", "steel bolts", "kg", 1.9, 1.0, 9000, "pallet", 4),
    ("7604291000", "铝合金型材", "aluminium alloy profiles", "kg", 3.6, 1.0, 12000, "bundle", 4),
    ("6907219000", "瓷质砖", "porcelain tiles", "m2", 6.2, 21.0, 1100, "pallet", 4),
    ("8541430000", "光伏组件", "photovoltaic modules", "pcs", 62.0, 24.0, 600, "pallet", 4),
    ("8507600090", "锂离子蓄电池", "lithium-ion batteries", "pcs", 14.0, 0.6, 4000, "carton", 2),
    ("8471300000", "便携式计算机", "portable computers", "pcs", 210.0, 2.0, 400, "carton", 3),
    ("8517130000", "智能手机", "smartphones", "pcs", 145.0, 0.3, 1200, "carton", 3),
    ("8414519900", "电风扇", "electric fans", "pcs", 9.5, 3.2, 1500, "carton", 3),
    ("8516500000", "微波炉", "microwave ovens", "pcs", 36.0, 12.0, 500, "carton", 2),
    ("8483109000", "传动轴", "transmission shafts", "pcs", 24.0, 6.5, 900, "pallet", 2),
    ("8481804090", "阀门", "valves", "pcs", 18.0, 2.4, 2000, "carton", 3),
    ("3926909090", "其他塑料制品", "other articles of plastics", "kg", 3.1, 1.0, 4000, "carton", 3),
    ("3923210000", "聚乙烯塑料袋", "polyethylene bags", "kg", 1.7, 1.0, 8000, "carton", 2),
    ("4011100000", "乘用车轮胎", "passenger car tyres", "pcs", 36.0, 9.0, 1200, "bulk", 3),
    ("8708999990", "汽车零部件", "motor vehicle parts", "kg", 5.4, 1.0, 5000, "pallet", 3),
    ("2818200000", "氧化铝", "aluminium oxide", "kg", 0.55, 1.0, 50000, "bulk_bag", 2),
    ("2804619000", "多晶硅", "polysilicon", "kg", 7.0, 1.0, 10000, "drum", 1),
    ("2846101000", "氧化铈", "cerium oxide", "kg", 2.2, 1.0, 8000, "drum", 1),
    ("2817001000", "氧化锌", "zinc oxide", "kg", 3.0, 1.0, 15000, "bag", 1),
    ("2823000000", "钛白粉", "titanium dioxide", "kg", 2.4, 1.0, 20000, "bag", 2),
    ("7202210000", "硅铁", "ferro-silicon", "kg", 1.3, 1.0, 25000, "bulk_bag", 1),
    ("8104110000", "镁锭", "magnesium ingots", "kg", 2.8, 1.0, 20000, "pallet", 1),
    ("7901110000", "锌锭", "zinc ingots", "kg", 2.9, 1.0, 25000, "pallet", 1),
    ("0703100000", "鲜洋葱", "fresh onions", "kg", 0.35, 1.0, 26000, "bag", 2),
    ("2008199990", "坚果罐头", "preserved nuts", "kg", 4.5, 1.0, 9000, "carton", 1),
    ("9018390000", "医用导管", "medical catheters", "pcs", 0.9, 0.05, 20000, "carton", 1),
    ("6302600000", "棉制毛巾", "cotton towels", "kg", 4.2, 1.0, 5000, "carton", 2),
    ("4202920000", "旅行箱包", "travel bags", "pcs", 8.0, 1.6, 2000, "carton", 2),
    ("8528720000", "彩色电视机", "colour television sets", "set", 120.0, 11.0, 400, "carton", 2),
)

#: Packaging: gross over net weight (low, high).
PACKING = {
    "carton": (1.08, 1.25),
    "pallet": (1.04, 1.10),
    "bundle": (1.01, 1.03),
    "bulk": (1.00, 1.02),
    "bulk_bag": (1.005, 1.02),
    "bag": (1.01, 1.03),
    "drum": (1.05, 1.12),
    "box": (1.10, 1.35),
}

#: Controlled goods: catalogue item id, material form used for prices, USD per kg on the
#: domestic market at the start of the period, typical kg per line.
CONTROLLED: tuple[tuple[str, str, float, float], ...] = (
    ("CN-2023-23-GA-01", "gallium:metal", 290.0, 150),
    ("CN-2023-23-GA-03", "gallium:oxide", 230.0, 80),
    ("CN-2023-23-GA-02", "gallium:nitride", 900.0, 20),
    ("CN-2023-23-GE-01", "germanium:metal", 1350.0, 60),
    ("CN-2023-23-GE-05", "germanium:dioxide", 950.0, 80),
    ("CN-2023-39-GR-02", "graphite:spherical", 3.2, 18000),
    ("CN-2023-39-GR-01", "graphite:artificial", 2.4, 20000),
    ("CN-2024-33-SB-02", "antimony:metal", 13.0, 5000),
    ("CN-2024-33-SB-03", "antimony:oxide", 15.0, 4000),
    ("CN-2024-33-SB-01", "antimony:concentrate", 7.5, 15000),
    ("CN-2025-10-W-01", "tungsten:apt", 38.0, 3000),
    ("CN-2025-10-W-02", "tungsten:oxide", 44.0, 2000),
    ("CN-2025-10-W-04", "tungsten:metal", 58.0, 1000),
    ("CN-2025-10-TE-01", "tellurium:metal", 85.0, 400),
    ("CN-2025-10-BI-01", "bismuth:metal", 11.0, 3000),
    ("CN-2025-10-MO-01", "molybdenum:powder", 55.0, 800),
    ("CN-2025-10-IN-01", "indium:phosphide", 380.0, 30),
    ("CN-2025-18-SM-A", "samarium:metal", 38.0, 300),
    ("CN-2025-18-DY-B", "dysprosium:oxide", 290.0, 200),
    ("CN-2025-18-TB-B", "terbium:oxide", 1050.0, 60),
    ("CN-2025-18-GD-B", "gadolinium:oxide", 24.0, 800),
    ("CN-2025-18-Y-B", "yttrium:oxide", 9.0, 2000),
    ("CN-2025-18-SC-B", "scandium:oxide", 950.0, 30),
    ("CN-2025-18-LU-B", "lutetium:oxide", 850.0, 30),
)

#: Covers for misdeclaration by the controlled goods' physical family: hs, Chinese,
#: English, USD per kg. Checked against the catalogue when the goods are built.
COVERS: dict[str, tuple[tuple[str, str, str, float], ...]] = {
    "metal": (
        ("7901110000", "锌锭", "zinc ingots", 2.9),
        ("8001100000", "未锻轧锡", "unwrought tin", 29.0),
        ("8104110000", "镁锭", "magnesium ingots", 2.8),
        ("7601100000", "非合金铝锭", "aluminium ingots", 2.5),
        ("8111001010", "电解锰", "electrolytic manganese", 2.2),
        ("7326909000", "其他钢铁制品", "other articles of iron or steel", 2.0),
        ("8112999090", "其他贱金属制品", "other base metal articles", 6.0),
    ),
    "chemical": (
        ("2818200000", "氧化铝", "aluminium oxide", 0.55),
        ("2823000000", "钛白粉", "titanium dioxide", 2.4),
        ("2846101000", "氧化铈", "cerium oxide", 2.2),
        ("2817001000", "氧化锌", "zinc oxide", 3.0),
        ("3824999999", "其他化学工业产品", "chemical preparations n.e.s.", 2.0),
        ("2825909090", "其他金属氧化物", "other metal oxides", 5.0),
        ("3206190000", "其他颜料", "other pigments", 3.5),
    ),
    "ore": (
        ("2620999090", "含其他金属的矿渣", "slag and ash containing metals", 0.3),
        ("2530909999", "其他矿产品", "other mineral substances", 0.2),
        ("2606000000", "铝矿砂", "aluminium ores", 0.08),
    ),
    "carbon": (
        ("6815199000", "其他非电气石墨碳制品", "other carbon articles", 2.5),
        ("3801300000", "碳糊", "carbonaceous pastes", 1.2),
        ("2803000000", "炭黑", "carbon black", 1.1),
    ),
}

FAMILY = {
    "metal": "metal",
    "apt": "chemical",
    "oxide": "chemical",
    "dioxide": "chemical",
    "nitride": "chemical",
    "phosphide": "chemical",
    "powder": "metal",
    "concentrate": "ore",
    "spherical": "carbon",
    "artificial": "carbon",
}

#: Purity or grade words a specification may carry for each controlled form.
GRADES = {
    "metal": "≥99.99%",
    "oxide": "99.999%",
    "dioxide": "5N",
    "nitride": "4N",
    "phosphide": "6N",
    "apt": "APT-0",
    "powder": "FMo-1",
    "concentrate": "Sb≥45%",
    "spherical": "D50 15μm",
    "artificial": "FC≥99.95%",
}


@dataclass(frozen=True)
class Goods:
    """The goods tables a world draws from (one row per item)."""

    ordinary: pl.DataFrame
    controlled: pl.DataFrame
    controlled_codes: frozenset[str]


def _catalogue_items() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {item["id"]: item for item in data["items"]}


def _all_codes(items: dict[str, dict[str, object]]) -> frozenset[str]:
    codes: set[str] = set()
    for item in items.values():
        codes.update(str(c) for c in item.get("hs_codes") or [])  # type: ignore[attr-defined]
    return frozenset(codes)


def _is_controlled(code: str, controlled: frozenset[str]) -> bool:
    """A code that is, or shares its 8-digit tariff line with, a catalogue code."""
    return any(code[:8] == c[:8] for c in controlled)


def load_goods() -> Goods:
    """Ordinary and controlled goods, with covers checked to be uncontrolled."""
    items = _catalogue_items()
    codes = _all_codes(items)
    for hs, *_ in ORDINARY:
        if hs != "8507600090" and _is_controlled(hs, codes):
            raise ValueError(f"ordinary goods {hs} is a controlled tariff line")
    for family in COVERS.values():
        for hs, *_ in family:
            if hs in codes:
                raise ValueError(f"cover {hs} is a controlled code")
    ordinary = pl.DataFrame(
        ORDINARY,
        schema=[
            "hs_code",
            "name_zh",
            "name_en",
            "unit",
            "usd_per_unit",
            "kg_per_unit",
            "typical_units",
            "packing",
            "share",
        ],
        orient="row",
    )
    rows = []
    for item_id, material, usd, typical in CONTROLLED:
        item = items[item_id]
        element, form = material.split(":")
        rows.append(
            (
                item_id,
                element,
                material,
                FAMILY[form],
                str(item["hs_codes"][0]),  # type: ignore[index]
                str(item["description_zh"]).split("（")[0].split("，")[0],
                str(item["description_en"]).split(" (")[0].split(";")[0],
                GRADES[form],
                usd,
                typical,
                dt.date.fromisoformat(str(item["effective_from"])),
            )
        )
    controlled = pl.DataFrame(
        rows,
        schema=[
            "control_id",
            "element",
            "material",
            "family",
            "hs_code",
            "name_zh",
            "name_en",
            "grade",
            "usd_per_kg",
            "typical_kg",
            "effective_from",
        ],
        orient="row",
    )
    return Goods(ordinary, controlled, codes)
