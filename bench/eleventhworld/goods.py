"""What leaves the district: a mostly ordinary goods mix, a minority of controlled
strategic minerals, and the market prices they trade at.

Ordinary goods carry their own commodity codes, Chinese and English names, price per kg,
packaging (which sets the gross/net weight ratio) and share of lines. Controlled
products name a catalogue item; their code is taken from the catalogue. Prices of the
controlled minerals jump when their control starts (export scarcity abroad).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# hs, zh, en, usd/kg, unit, packaging, weight (share of ordinary lines)
ORDINARY: list[tuple[str, str, str, float, str, str, float]] = [
    ("6907210000", "陶瓷地砖", "ceramic floor tiles", 0.45, "kg", "pallet", 9),
    ("6911101000", "瓷制餐具", "porcelain tableware", 2.2, "pcs", "carton", 6),
    ("7318158000", "钢制螺栓", "steel bolts", 1.6, "kg", "carton", 8),
    ("7308900000", "钢结构件", "steel structures", 1.3, "kg", "loose", 5),
    ("8481804090", "阀门", "valves", 9.5, "set", "wooden_case", 4),
    ("8414519900", "电风扇", "electric fans", 6.0, "pcs", "carton", 5),
    ("8516603000", "电饭锅", "rice cookers", 7.5, "pcs", "carton", 4),
    ("9403609990", "木制家具", "wooden furniture", 3.1, "pcs", "carton", 6),
    ("6204430000", "女式连衣裙", "women's dresses", 18.0, "pcs", "carton", 6),
    ("6402999000", "运动鞋", "sports shoes", 11.0, "pcs", "carton", 5),
    ("3926909090", "塑料制品", "plastic articles", 3.4, "kg", "carton", 6),
    ("3920109090", "聚乙烯薄膜", "polyethylene film", 1.9, "kg", "pallet", 4),
    ("2836500000", "碳酸钙", "calcium carbonate", 0.18, "kg", "ton_bag", 3),
    ("2818200000", "氧化铝", "aluminium oxide", 0.55, "kg", "ton_bag", 3),
    ("2846101000", "氧化铈", "cerium oxide", 2.1, "kg", "drum", 2),
    ("2805301100", "金属镧", "lanthanum metal", 4.5, "kg", "drum", 1),
    ("8112690000", "镉制品", "cadmium articles", 6.0, "kg", "wooden_case", 0.5),
    ("7601100000", "未锻轧铝", "unwrought aluminium", 2.4, "kg", "loose", 3),
    ("7801990000", "未锻轧铅", "unwrought lead", 2.2, "kg", "loose", 1.5),
    ("7907009000", "锌制品", "zinc articles", 3.5, "kg", "wooden_case", 1),
    ("8105209000", "钴制品", "cobalt articles", 38.0, "kg", "drum", 0.5),
    ("7202600000", "镍铁", "ferro-nickel", 1.9, "kg", "ton_bag", 1),
    ("7117190000", "仿首饰", "imitation jewellery", 25.0, "kg", "carton", 2),
    ("8471300000", "笔记本电脑", "laptops", 160.0, "pcs", "carton", 3),
    ("8541430000", "光伏组件", "solar modules", 7.0, "pcs", "pallet", 5),
    ("8507600090", "锂电池", "lithium batteries", 16.0, "pcs", "carton", 1),
    ("9503008900", "玩具", "toys", 5.0, "pcs", "carton", 6),
    ("6109100021", "棉制T恤", "cotton T-shirts", 12.0, "pcs", "carton", 5),
    ("2008999000", "果蔬罐头", "canned fruit", 1.3, "kg", "carton", 2),
    ("0902109000", "绿茶", "green tea", 14.0, "kg", "carton", 2),
]

# catalogue item, element, form, zh, en, usd/kg before its control, after, unit, pack, share
CONTROLLED: list[tuple[str, str, str, str, str, float, float, str, str, float]] = [
    ("CN-2023-23-GA-01", "gallium", "metal", "金属镓", "gallium metal", 280, 560, "kg", "drum", 5),
    ("CN-2023-23-GA-03", "gallium", "oxide", "氧化镓", "gallium oxide", 320, 600, "kg", "drum", 2),
    (
        "CN-2023-23-GE-01",
        "germanium",
        "metal",
        "锗锭",
        "germanium ingot",
        1300,
        2600,
        "kg",
        "wooden_case",
        3,
    ),
    (
        "CN-2023-23-GE-05",
        "germanium",
        "oxide",
        "二氧化锗",
        "germanium dioxide",
        1000,
        1900,
        "kg",
        "drum",
        3,
    ),
    (
        "CN-2023-39-GR-02",
        "graphite",
        "spherical_graphite",
        "球形石墨",
        "spherical graphite",
        2.6,
        3.4,
        "t",
        "ton_bag",
        8,
    ),
    ("CN-2024-33-SB-02", "antimony", "metal", "锑锭", "antimony ingot", 12, 48, "t", "loose", 5),
    (
        "CN-2024-33-SB-03",
        "antimony",
        "oxide",
        "三氧化二锑",
        "antimony trioxide",
        11,
        40,
        "kg",
        "ton_bag",
        5,
    ),
    (
        "CN-2024-33-SB-01",
        "antimony",
        "concentrate",
        "锑精矿",
        "antimony concentrate",
        6,
        22,
        "t",
        "ton_bag",
        2,
    ),
    (
        "CN-2025-10-W-02",
        "tungsten",
        "oxide",
        "三氧化钨",
        "tungsten trioxide",
        35,
        70,
        "kg",
        "drum",
        4,
    ),
    ("CN-2025-10-W-04", "tungsten", "metal", "钨粉", "tungsten powder", 45, 90, "kg", "drum", 3),
    (
        "CN-2025-10-TE-01",
        "tellurium",
        "metal",
        "碲锭",
        "tellurium ingot",
        80,
        120,
        "kg",
        "wooden_case",
        2,
    ),
    (
        "CN-2025-10-BI-01",
        "bismuth",
        "metal",
        "铋锭",
        "bismuth ingot",
        9,
        45,
        "kg",
        "wooden_case",
        3,
    ),
    (
        "CN-2025-10-MO-01",
        "molybdenum",
        "powder",
        "钼粉",
        "molybdenum powder",
        55,
        62,
        "kg",
        "drum",
        3,
    ),
    (
        "CN-2025-10-IN-01",
        "indium",
        "compound",
        "磷化铟",
        "indium phosphide",
        600,
        750,
        "kg",
        "wooden_case",
        1,
    ),
    (
        "CN-2025-18-DY-B",
        "dysprosium",
        "oxide",
        "氧化镝",
        "dysprosium oxide",
        240,
        700,
        "kg",
        "drum",
        3,
    ),
    ("CN-2025-18-TB-B", "terbium", "oxide", "氧化铽", "terbium oxide", 950, 3000, "kg", "drum", 2),
    ("CN-2025-18-SM-A", "samarium", "metal", "金属钐", "samarium metal", 30, 90, "kg", "drum", 2),
    (
        "CN-2025-18-GD-B",
        "gadolinium",
        "oxide",
        "氧化钆",
        "gadolinium oxide",
        24,
        60,
        "kg",
        "drum",
        2,
    ),
    ("CN-2025-18-Y-B", "yttrium", "oxide", "氧化钇", "yttrium oxide", 8, 60, "kg", "drum", 3),
    (
        "CN-2025-18-SC-B",
        "scandium",
        "oxide",
        "氧化钪",
        "scandium oxide",
        900,
        1100,
        "kg",
        "drum",
        1,
    ),
    ("CN-2025-57-HO-A", "holmium", "metal", "金属钬", "holmium metal", 75, 85, "kg", "drum", 1),
]

GROSS_FACTOR = {
    "pallet": (1.03, 1.07),
    "carton": (1.04, 1.12),
    "loose": (1.0, 1.01),
    "wooden_case": (1.08, 1.2),
    "drum": (1.04, 1.09),
    "ton_bag": (1.004, 1.012),
}
PACK_ZH = {
    "pallet": "托盘",
    "carton": "纸箱",
    "loose": "散装",
    "wooden_case": "木箱",
    "drum": "铁桶",
    "ton_bag": "吨袋",
}


@dataclass(frozen=True)
class Goods:
    """Both product lists as parallel arrays, controlled ones after the ordinary."""

    hs: np.ndarray
    zh: np.ndarray
    en: np.ndarray
    usd_before: np.ndarray
    usd_after: np.ndarray
    unit: np.ndarray
    pack: np.ndarray
    item: np.ndarray
    element: np.ndarray
    form: np.ndarray
    n_ordinary: int

    def controlled(self) -> np.ndarray:
        """Indices of the controlled products."""
        return np.arange(self.n_ordinary, len(self.hs))

    def shares(self, controlled: bool) -> np.ndarray:
        """Relative line shares within the ordinary or the controlled list."""
        rows = ORDINARY if not controlled else CONTROLLED
        w = np.array([r[-1] for r in rows], dtype=float)
        return w / w.sum()


def build_goods(codes: dict[str, list[str]]) -> Goods:
    """The product table, controlled codes taken from the catalogue's first code."""
    o, c = ORDINARY, CONTROLLED
    return Goods(
        hs=np.array([r[0] for r in o] + [codes[r[0]][0] for r in c], dtype=object),
        zh=np.array([r[1] for r in o] + [r[3] for r in c], dtype=object),
        en=np.array([r[2] for r in o] + [r[4] for r in c], dtype=object),
        usd_before=np.array([r[3] for r in o] + [r[5] for r in c], dtype=float),
        usd_after=np.array([r[3] for r in o] + [r[6] for r in c], dtype=float),
        unit=np.array([r[4] for r in o] + [r[7] for r in c], dtype=object),
        pack=np.array([r[5] for r in o] + [r[8] for r in c], dtype=object),
        item=np.array([""] * len(o) + [r[0] for r in c], dtype=object),
        element=np.array([""] * len(o) + [r[1] for r in c], dtype=object),
        form=np.array([""] * len(o) + [r[2] for r in c], dtype=object),
        n_ordinary=len(o),
    )


def unit_price(goods: Goods, product: np.ndarray, started: np.ndarray) -> np.ndarray:
    """USD per kg of each line's product, before or after its control started."""
    return np.where(started, goods.usd_after[product], goods.usd_before[product])
