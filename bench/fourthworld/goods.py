"""What the world ships: ordinary goods (most lines), controlled items and cover goods.

Controlled items are read from the project's control catalogue (the regulation is public
data, the same for every generator); ordinary goods, price levels, packing and the
cover goods smugglers hide controlled material behind are this generator's own.
Prices are US dollars per kilogram at the Chinese border before the controls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import yaml

CATALOGUE = (
    Path(__file__).resolve().parents[2] / "src/orewatch/controls/data/china-export-controls.yaml"
)

#: Packing (declared in Chinese, an extra column) and its gross-to-net weight ratio.
PACKING: dict[str, float] = {
    "散装": 1.0,  # bulk
    "吨袋": 1.012,  # big bags
    "编织袋": 1.02,  # woven bags
    "铁桶": 1.07,  # steel drums
    "托盘": 1.09,  # pallets
    "纸箱": 1.13,  # cartons
    "木箱": 1.18,  # wooden cases
    "其他": 1.05,
}

# hs10, zh, en, unit, usd/kg, kg per line (median), packing, parcel-able, weight
_ORDINARY: list[tuple[str, str, str, str, float, float, str, bool, float]] = [
    ("6907210000", "瓷质砖", "porcelain floor tiles", "m2", 0.45, 18000, "托盘", False, 8),
    ("7304191000", "无缝钢管", "seamless steel pipes", "t", 0.95, 24000, "散装", False, 6),
    ("7604291000", "铝合金型材", "aluminium alloy profiles", "kg", 3.1, 9000, "托盘", False, 6),
    ("7318159000", "螺栓", "bolts, steel", "kg", 1.9, 6000, "铁桶", False, 6),
    ("9405420000", "LED灯具", "LED luminaires", "pcs", 9.5, 2500, "纸箱", True, 7),
    ("3926909090", "塑料手机壳", "plastic phone cases", "pcs", 14.0, 700, "纸箱", True, 6),
    ("9503008900", "塑料玩具", "plastic toys", "pcs", 6.5, 2400, "纸箱", True, 6),
    ("8541430000", "光伏组件", "photovoltaic modules", "pcs", 4.2, 14000, "托盘", False, 7),
    ("7202210000", "硅铁", "ferrosilicon", "t", 1.3, 26000, "吨袋", False, 4),
    ("8104110000", "镁锭", "magnesium ingots", "kg", 2.6, 21000, "托盘", False, 3),
    ("7901120000", "锌锭", "zinc ingots", "kg", 2.8, 24000, "散装", False, 2),
    ("2823000000", "钛白粉", "titanium dioxide", "kg", 2.4, 20000, "吨袋", False, 4),
    ("2918140000", "柠檬酸", "citric acid", "kg", 0.9, 22000, "编织袋", False, 4),
    ("7019120000", "玻璃纤维粗纱", "glass fibre rovings", "kg", 0.8, 18000, "托盘", False, 3),
    ("3904109000", "聚氯乙烯树脂", "PVC resin", "t", 0.85, 25000, "编织袋", False, 4),
    ("6902100000", "镁质耐火砖", "magnesia refractory bricks", "kg", 0.6, 23000, "托盘", False, 3),
    ("3802100000", "活性炭", "activated carbon", "kg", 1.5, 15000, "编织袋", False, 3),
    ("2529210000", "萤石", "fluorspar, acid grade", "t", 0.42, 26000, "吨袋", False, 2),
    ("2804690000", "工业硅", "silicon metal", "kg", 1.8, 24000, "吨袋", False, 3),
    ("7410110000", "铜箔", "copper foil", "kg", 11.0, 6000, "木箱", False, 3),
    ("0902301000", "红茶", "black tea", "kg", 5.5, 4000, "纸箱", True, 2),
    ("0703200000", "鲜大蒜", "fresh garlic", "kg", 1.1, 27000, "编织袋", False, 5),
    ("8001100000", "锡锭", "tin ingots", "kg", 29.0, 5000, "托盘", False, 1),
    ("6109100021", "棉制T恤衫", "cotton T-shirts", "pcs", 8.0, 1500, "纸箱", True, 9),
    ("6404199000", "运动鞋", "sports shoes", "pcs", 9.0, 2600, "纸箱", True, 7),
    ("9403609990", "木制家具", "wooden furniture", "pcs", 2.3, 8000, "木箱", False, 6),
    ("8471300000", "笔记本电脑", "notebook computers", "pcs", 140.0, 500, "纸箱", True, 3),
    ("8517620090", "路由器", "network routers", "pcs", 60.0, 400, "纸箱", True, 3),
    ("8504409999", "电源适配器", "power adapters", "pcs", 22.0, 900, "纸箱", True, 5),
    ("7117190000", "贱金属首饰", "base metal jewellery", "kg", 35.0, 60, "纸箱", True, 3),
    (
        "8207199000",
        "硬质合金钻头",
        "cemented carbide drill bits",
        "pcs",
        55.0,
        350,
        "纸箱",
        True,
        2,
    ),
    ("8505111000", "钕铁硼永磁体", "NdFeB permanent magnets", "kg", 48.0, 1500, "木箱", True, 4),
    ("2846101000", "氧化铈", "cerium oxide", "kg", 2.2, 8000, "铁桶", False, 2),
    ("7801990000", "铅锭", "lead ingots", "kg", 2.2, 24000, "散装", False, 2),
    ("2818200000", "氧化铝", "alumina", "t", 0.45, 26000, "吨袋", False, 3),
    ("2803000000", "炭黑", "carbon black", "kg", 1.1, 18000, "编织袋", False, 2),
    (
        "2613100000",
        "焙烧钼精矿",
        "roasted molybdenum concentrate",
        "kg",
        38.0,
        9000,
        "铁桶",
        False,
        1,
    ),
    ("8548000090", "电子零件", "electronic parts", "pcs", 80.0, 120, "纸箱", True, 3),
]

#: Per element: export price (USD/kg, before controls), usual unit, packing.
_ELEMENT_TRADE: dict[str, tuple[float, str, str]] = {
    "gallium": (420.0, "kg", "铁桶"),
    "germanium": (1500.0, "kg", "木箱"),
    "antimony": (14.0, "kg", "吨袋"),
    "graphite": (1.1, "t", "吨袋"),
    "superhard_materials": (9000.0, "set", "木箱"),
    "tungsten": (42.0, "kg", "铁桶"),
    "tellurium": (85.0, "kg", "铁桶"),
    "bismuth": (11.0, "kg", "托盘"),
    "molybdenum": (65.0, "kg", "铁桶"),
    "indium": (700.0, "kg", "纸箱"),
    "samarium": (35.0, "kg", "铁桶"),
    "gadolinium": (55.0, "kg", "铁桶"),
    "terbium": (1100.0, "kg", "铁桶"),
    "dysprosium": (300.0, "kg", "铁桶"),
    "lutetium": (850.0, "kg", "铁桶"),
    "scandium": (950.0, "kg", "铁桶"),
    "yttrium": (9.0, "kg", "铁桶"),
}

#: Per element: ordinary goods (index into the ordinary table, by hs code) a smuggler
#: declares it as, and how the description may leak the truth (zh, en).
_COVERS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "gallium": (("2818200000", "8548000090", "7604291000"), "含镓", "Ga bearing"),
    "germanium": (("8548000090", "2804690000", "7117190000"), "锗", "germanium"),
    "antimony": (("7801990000", "7901120000", "2529210000"), "含锑", "Sb"),
    "graphite": (("2803000000", "3802100000", "6902100000"), "石墨", "graphite"),
    "superhard_materials": (("8207199000",), "金刚石", "diamond"),
    "tungsten": (("8207199000", "7318159000", "2613100000"), "钨", "tungsten"),
    "tellurium": (("8548000090", "7801990000"), "碲", "Te"),
    "bismuth": (("7801990000", "8001100000"), "铋", "bismuth"),
    "molybdenum": (("2613100000", "7202210000"), "钼粉", "Mo powder"),
    "indium": (("8548000090", "8001100000"), "铟", "indium"),
    "samarium": (("8505111000", "2846101000"), "钐", "Sm"),
    "gadolinium": (("2846101000", "8505111000"), "钆", "Gd"),
    "terbium": (("2846101000", "8505111000"), "氧化铽", "Tb"),
    "dysprosium": (("8505111000", "2846101000"), "镝", "Dy"),
    "lutetium": (("2846101000",), "镥", "Lu"),
    "scandium": (("2846101000", "7604291000"), "钪", "Sc"),
    "yttrium": (("2846101000", "6902100000"), "氧化钇", "yttria"),
}


@dataclass(frozen=True)
class Goods:
    """The goods of a world as columns (index = good id); controlled ones carry an item id.

    ``ordinary`` rows first, then ``controlled``; arrays are aligned on that index.
    """

    table: pl.DataFrame
    n_ordinary: int

    def col(self, name: str) -> np.ndarray:
        return self.table[name].to_numpy()


def ordinary_frame() -> pl.DataFrame:
    """The ordinary goods: what most lines carry."""
    cols = list(zip(*_ORDINARY, strict=True))
    names = ["hs", "zh", "en", "unit", "usd_kg", "kg_line", "packing", "parcel", "weight"]
    frame = pl.DataFrame(dict(zip(names, cols, strict=True)))
    return frame.with_columns(
        pl.lit(None, pl.String).alias("item_id"),
        pl.lit(None, pl.String).alias("element"),
        pl.lit(None, pl.Date).alias("effective"),
    )


def controlled_frame() -> pl.DataFrame:
    """Goods items of the catalogue in force without suspension, one row per item."""
    doc = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    rows = []
    for item in doc["items"]:
        usable = item["kind"] == "goods" and item["hs_codes"] and not item["suspended_from"]
        if not usable or item["element"] not in _ELEMENT_TRADE:
            continue
        price, unit, packing = _ELEMENT_TRADE[item["element"]]
        if "equipment" not in item["forms"] and unit == "set":
            unit, price = "g", 30000.0
        rows.append(
            {
                "hs": item["hs_codes"][0],
                "zh": item["description_zh"].split("（")[0][:24],
                "en": item["description_en"].split(" (")[0][:48],
                "unit": unit,
                "usd_kg": price,
                "kg_line": 300.0 if unit != "t" else 20000.0,
                "packing": packing,
                "parcel": False,
                "weight": 1.0,
                "item_id": item["id"],
                "element": item["element"],
                "effective": item["effective_from"],
            }
        )
    return pl.DataFrame(rows).with_columns(pl.col("effective").str.to_date())


def build_goods() -> Goods:
    """All goods of the world, ordinary first."""
    ordinary = ordinary_frame()
    controlled = controlled_frame().select(ordinary.columns)
    table = pl.concat([ordinary, controlled.cast(dict(ordinary.schema))])  # type: ignore[arg-type]
    return Goods(table.with_row_index("good"), ordinary.height)


def unit_kg(goods: Goods) -> np.ndarray:
    """Kilograms per declared unit of each good (a piece of electronics is light)."""
    per_unit = {"kg": 1.0, "t": 1000.0, "g": 0.001, "set": 450.0, "m2": 21.0}
    light = goods.col("usd_kg") > 50
    return np.array(
        [
            per_unit.get(unit, 0.3 if is_light else 1.6)
            for unit, is_light in zip(goods.col("unit"), light, strict=True)
        ]
    )


def covers_for(goods: Goods) -> dict[str, tuple[np.ndarray, str, str]]:
    """Per element: the ordinary good ids used as cover, and the leaking words (zh, en)."""
    index = {hs: i for i, hs in enumerate(goods.col("hs")[: goods.n_ordinary])}
    return {
        element: (np.array([index[h] for h in hs]), zh, en)
        for element, (hs, zh, en) in _COVERS.items()
    }
