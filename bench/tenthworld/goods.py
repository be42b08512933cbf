"""What is traded: ordinary goods (the bulk) and controlled materials from the catalogue.

Ordinary goods carry their own units (pieces, sets, litres, tonnes), packaging and a
weight per unit, so that a kilogram figure only means something with the unit beside it.
Controlled goods are read from the control catalogue (items of kind ``goods`` with
commodity codes, in force on their own dates); their prices are this world's own
levels, in US dollars a kilogram, rising after the control date because exports dry up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources

import numpy as np
import yaml

# hs code, Chinese name, English name, unit, kg per unit, USD per kg, packaging
ORDINARY: tuple[tuple[str, str, str, str, float, float, str], ...] = (
    ("6907210000", "瓷质砖", "porcelain floor tiles", "m2", 22.0, 0.45, "pallets"),
    ("9403600000", "木制家具", "wooden furniture", "pcs", 18.0, 3.2, "cartons"),
    ("8516500000", "微波炉", "microwave ovens", "pcs", 12.5, 4.8, "cartons"),
    ("6110200090", "棉制针织套衫", "cotton knitted pullovers", "pcs", 0.35, 16.0, "cartons"),
    ("6402991900", "橡胶底鞋", "rubber soled shoes", "pairs", 0.8, 9.5, "cartons"),
    ("7308900000", "钢结构件", "steel structures", "t", 1000.0, 1.3, "bundles"),
    ("7210490000", "镀锌钢板", "galvanised steel sheet", "t", 1000.0, 0.8, "coils"),
    ("3920109090", "聚乙烯薄膜", "polyethylene film", "kg", 1.0, 1.6, "rolls"),
    ("8471300000", "笔记本电脑", "laptop computers", "pcs", 2.4, 180.0, "cartons"),
    ("8517130000", "智能手机", "smartphones", "pcs", 0.45, 420.0, "cartons"),
    ("9503008900", "塑料玩具", "plastic toys", "pcs", 0.3, 7.0, "cartons"),
    ("6302600000", "棉制毛巾", "cotton towels", "pcs", 0.25, 8.0, "bales"),
    ("4202220000", "塑料面手提包", "handbags", "pcs", 0.7, 14.0, "cartons"),
    ("8414510000", "电风扇", "electric fans", "pcs", 3.2, 5.5, "cartons"),
    ("0306171900", "冻虾仁", "frozen shrimp", "kg", 1.0, 7.5, "cartons"),
    ("2005999990", "蔬菜罐头", "canned vegetables", "cartons", 12.0, 1.4, "cartons"),
    ("3402500000", "洗涤剂", "detergent", "kg", 1.0, 0.9, "drums"),
    ("2811229000", "二氧化硅", "silicon dioxide", "kg", 1.0, 1.1, "bags"),
    ("2818200000", "氧化铝", "aluminium oxide", "t", 1000.0, 0.42, "bulk bags"),
    ("7601109000", "未锻轧铝", "unwrought aluminium", "t", 1000.0, 2.4, "bundles"),
    ("8507600090", "锂离子电池", "lithium-ion cells", "pcs", 0.05, 60.0, "cartons"),
    ("8541430000", "光伏组件", "photovoltaic modules", "pcs", 24.0, 5.0, "pallets"),
    ("7326909000", "钢铁制品", "articles of iron or steel", "kg", 1.0, 2.1, "crates"),
    ("8481804090", "阀门", "valves", "sets", 6.0, 11.0, "crates"),
    ("3824999999", "化学制品", "chemical preparations", "kg", 1.0, 2.6, "drums"),
    ("2530909999", "其他矿产品", "mineral substances", "t", 1000.0, 0.3, "bulk bags"),
    ("6903900000", "耐火陶瓷制品", "refractory ceramic goods", "kg", 1.0, 1.9, "pallets"),
    ("8112990000", "其他贱金属制品", "articles of other base metals", "kg", 1.0, 25.0, "cases"),
    ("2620999000", "含金属矿渣", "metal-bearing slag", "t", 1000.0, 0.35, "bulk bags"),
    (
        "6815190090",
        "非电气用石墨制品",
        "graphite articles, non-electrical",
        "kg",
        1.0,
        3.0,
        "pallets",
    ),
)

#: Uncontrolled codes a network may declare controlled material under, per element
#: family (neighbouring headings a clerk would not question).
DECOYS: dict[str, tuple[str, ...]] = {
    "metal": ("8112990000", "7326909000", "8111009000", "7616999000"),
    "chemical": ("3824999999", "2811229000", "2818200000", "2530909999"),
    "mineral": ("2530909999", "2620999000", "6903900000", "2818200000"),
    "graphite": ("6815190090", "3801909000", "6903900000", "2530909999"),
}

# element: (English, Chinese, USD/kg before control, after control, family)
ELEMENTS: dict[str, tuple[str, str, float, float, str]] = {
    "gallium": ("gallium", "镓", 280.0, 520.0, "metal"),
    "germanium": ("germanium", "锗", 1300.0, 2600.0, "metal"),
    "graphite": ("graphite", "石墨", 0.9, 1.3, "graphite"),
    "antimony": ("antimony", "锑", 11.0, 45.0, "metal"),
    "tungsten": ("tungsten", "钨", 38.0, 60.0, "chemical"),
    "tellurium": ("tellurium", "碲", 75.0, 110.0, "metal"),
    "bismuth": ("bismuth", "铋", 8.0, 35.0, "metal"),
    "molybdenum": ("molybdenum", "钼", 48.0, 62.0, "metal"),
    "indium": ("indium", "铟", 320.0, 420.0, "chemical"),
    "samarium": ("samarium", "钐", 22.0, 60.0, "chemical"),
    "gadolinium": ("gadolinium", "钆", 26.0, 55.0, "chemical"),
    "terbium": ("terbium", "铽", 950.0, 1900.0, "chemical"),
    "dysprosium": ("dysprosium", "镝", 270.0, 600.0, "chemical"),
    "lutetium": ("lutetium", "镥", 700.0, 1100.0, "chemical"),
    "scandium": ("scandium", "钪", 900.0, 1500.0, "chemical"),
    "yttrium": ("yttrium", "钇", 8.0, 60.0, "chemical"),
}

FORM_WORDS: dict[str, tuple[str, str, float]] = {
    "metal": ("metal ingot", "锭", 1.0),
    "oxide": ("oxide powder", "氧化物", 0.8),
    "compound": ("compound", "化合物", 0.7),
    "powder": ("powder", "粉", 1.1),
    "ore": ("concentrate", "精矿", 0.15),
    "concentrate": ("concentrate", "精矿", 0.15),
    "graphite": ("graphite", "石墨", 1.0),
    "natural_flake": ("flake graphite", "鳞片石墨", 1.0),
    "spherical_graphite": ("spherical graphite", "球形石墨", 2.5),
    "alloy": ("alloy", "合金", 0.9),
    "wafer": ("wafer", "晶片", 3.0),
}


@dataclass(frozen=True)
class Controlled:
    """Controlled goods as the world trades them: one row per (item, code)."""

    item: np.ndarray  # catalogue id
    element: np.ndarray
    form: np.ndarray
    hs: np.ndarray
    since: np.ndarray  # datetime64[D], the control date
    usd_before: np.ndarray
    usd_after: np.ndarray
    en: np.ndarray
    zh: np.ndarray
    family: np.ndarray

    def __len__(self) -> int:
        return len(self.item)

    def price(self, idx: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Market USD a kilogram of goods ``idx`` on ``day`` (the control lifts it)."""
        after = day >= self.since[idx]
        return np.where(after, self.usd_after[idx], self.usd_before[idx])


def load_controlled() -> Controlled:
    """The catalogue's goods items with commodity codes, not suspended before they
    start, whose element this world prices (equipment and diamonds are left out)."""
    text = (resources.files("orewatch.controls") / "data" / "china-export-controls.yaml").read_text(
        encoding="utf-8"
    )
    rows = []
    for it in yaml.safe_load(text)["items"]:
        el = it.get("element")
        if it.get("kind") != "goods" or el not in ELEMENTS or it.get("suspended_from"):
            continue
        forms = [f for f in it.get("forms") or [] if f in FORM_WORDS] or ["compound"]
        form = forms[0]
        en, zh, before, after, family = ELEMENTS[el]
        f_en, f_zh, f_mult = FORM_WORDS[form]
        since = dt.date.fromisoformat(str(it["effective_from"]))
        for hs in it.get("hs_codes") or []:
            rows.append(
                (
                    it["id"],
                    el,
                    form,
                    str(hs),
                    since,
                    before * f_mult,
                    after * f_mult,
                    en if f_en == en else f"{en} {f_en}",
                    zh if f_zh == zh else f"{zh}{f_zh}",
                    family,
                )
            )
    cols = list(zip(*rows, strict=True))
    return Controlled(
        item=np.array(cols[0], dtype=object),
        element=np.array(cols[1], dtype=object),
        form=np.array(cols[2], dtype=object),
        hs=np.array(cols[3], dtype=object),
        since=np.array(cols[4], dtype="datetime64[D]"),
        usd_before=np.array(cols[5], dtype=float),
        usd_after=np.array(cols[6], dtype=float),
        en=np.array(cols[7], dtype=object),
        zh=np.array(cols[8], dtype=object),
        family=np.array(cols[9], dtype=object),
    )


def ordinary_columns() -> dict[str, np.ndarray]:
    """The ordinary goods as columns, for vectorised lookups by index."""
    cols = list(zip(*ORDINARY, strict=True))
    names = ("hs", "zh", "en", "unit", "kg_per_unit", "usd_per_kg", "packaging")
    return {
        n: np.array(c, dtype=float if n in ("kg_per_unit", "usd_per_kg") else object)
        for n, c in zip(names, cols, strict=True)
    }
