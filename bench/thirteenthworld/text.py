"""How goods are written down: descriptions and declared elements, mostly in Chinese.

Each broker has a habit (customs 申报要素 pipes, key-value Chinese, English prose, terse
shorthand); purity appears as 5N, 99.999%, ≥99.999% or 纯度99.999%; forms as 锭, 粒,
粉, 片, 靶材, 晶圆... About one description in six is English, one in ten bilingual,
and some honest lines leave the elements empty. Scheme code reuses these writers so a
disguised line reads like any other line of its cover goods.
"""

from __future__ import annotations

import numpy as np

from .catalogue import PRODUCTS

FORM_EN = {
    "锭": "ingot",
    "粒": "granules",
    "粉": "powder",
    "片": "pieces",
    "靶材": "target",
    "晶圆": "wafer",
    "块": "lumps",
    "瓶装液态": "liquid, bottled",
    "晶体": "crystal",
    "结晶": "crystals",
    "粉矿": "fines",
    "块矿": "lump ore",
    "条": "bar",
    "丝": "wire",
    "棒": "rod",
    "卷": "coil",
    "板": "plate",
    "刀片": "inserts",
    "环": "rings",
    "毡": "felt",
    "颗粒": "pellets",
    "料": "chunks",
    "针状": "needles",
}
CONTENT = {
    "sb_conc": (45, 62),
    "pbsb_alloy": (1.5, 4.5),
    "snbi_solder": (35, 58),
    "cu_teal": (0.3, 0.8),
    "w_conc": (55, 72),
    "femo": (58, 66),
    "mo_conc": (45, 57),
    "cu_conc": (18, 30),
    "zn_conc": (44, 55),
    "al_alloy": (9, 12),
    "fesi": (72, 76),
    "fluorspar": (97, 98),
    "graphite_amorph": (78, 90),
    "ce_polish": (50, 65),
    "slag": (18, 42),
}
STYLES = 4


def purity(rng: np.random.Generator, nines: np.ndarray) -> np.ndarray:
    """Purity written one of the ways declarants write it."""
    pct = np.array(["99" + ("." + "9" * (n - 2) if n > 2 else "") + "%" for n in nines])
    how = rng.integers(0, 5, nines.size)
    out = np.where(how == 0, np.char.add(nines.astype(str), "N"), pct)
    out = np.where(how == 2, np.char.add("≥", pct), out)
    out = np.where(how == 3, np.char.add("纯度", pct), out)
    return np.where(how == 4, np.char.add("min ", pct), out)


def describe(rng: np.random.Generator, prod: np.ndarray) -> np.ndarray:
    """Goods descriptions of products: Chinese mostly, some English, some both."""
    out = np.empty(prod.size, dtype=object)
    lang = rng.random(prod.size)
    for p in np.unique(prod):
        at = np.nonzero(prod == p)[0]
        g = PRODUCTS[p]
        zh = rng.choice(np.array(g.zh), at.size)
        en = rng.choice(np.array(g.en), at.size)
        both = np.char.add(np.char.add(zh, " "), en)
        out[at] = np.where(lang[at] < 0.16, en, np.where(lang[at] < 0.26, both, zh))
    return out


def grades(rng: np.random.Generator, prod: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nines of purity per line (0 where not a purity grade) and the price factor."""
    nines = np.zeros(prod.size, dtype=np.int64)
    factor = np.ones(prod.size)
    for p in np.unique(prod):
        g = PRODUCTS[p]
        if not g.nines:
            continue
        at = np.nonzero(prod == p)[0]
        choice = rng.choice(np.array(g.nines), at.size, p=_grade_weights(len(g.nines)))
        nines[at] = choice
        factor[at] = 1.0 + 0.22 * (choice - min(g.nines))
    return nines, factor


def _grade_weights(k: int) -> np.ndarray:
    w = np.array([3.0, 2.5, 1.2, 0.5][:k])
    return w / w.sum()


def specify(
    rng: np.random.Generator, prod: np.ndarray, nines: np.ndarray, style: np.ndarray
) -> np.ndarray:
    """Declared elements in each line's broker style."""
    out = np.empty(prod.size, dtype=object)
    for p in np.unique(prod):
        at = np.nonzero(prod == p)[0]
        g = PRODUCTS[p]
        form = rng.choice(np.array(g.forms), at.size)
        use = rng.choice(np.array(g.uses), at.size)
        if g.nines:
            grade = purity(rng, np.maximum(nines[at], 2))
        elif g.key in CONTENT:
            lo, hi = CONTENT[g.key]
            grade = np.array([g.content.format(f"{v:.1f}") for v in rng.uniform(lo, hi, at.size)])
        else:
            grade = np.full(at.size, "")
        name = rng.choice(np.array(g.zh), at.size)
        st = style[at]
        cells = []
        for i in range(at.size):
            s, f, u, q = st[i], form[i], use[i], grade[i]
            if s == 0:
                cells.append(f"0|0|{name[i]}|{q or '无'}|{f}|{u}|无品牌|无型号")
            elif s == 1:
                label = "纯度" if g.nines else "含量"
                cells.append(f"{label}:{q};形态:{f};用途:{u}" if q else f"形态:{f};用途:{u}")
            elif s == 2:
                cells.append(f"{q + ', ' if q else ''}{FORM_EN.get(f, f)}, brand: none")
            else:
                cells.append(f"{q} {f}".strip())
        out[at] = cells
    return out
