"""The honest trade: declarations and their goods lines, as columns of numpy arrays.

Each exporter has a handful of regular consignees and two or three products it
specialises in; declarations are drawn with the world's seasonality, and each carries one
to fifteen lines depending on its mode (a container of mixed goods, a truck lot, a parcel).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]

#: exporter kind -> share of lines by product family
FAMILY_MIX = {
    "maker": {"plain": 0.97, "down": 0.03},
    "metal": {"ctrl": 0.62, "plain": 0.3, "ore": 0.08},
    "down": {"down": 0.72, "ctrl": 0.14, "plain": 0.14},
    "ore": {"ore": 0.78, "ctrl": 0.22},
    "border": {"plain": 0.86, "ore": 0.08, "ctrl": 0.06},
    "hub": {"plain": 0.62, "ctrl": 0.22, "down": 0.16},
    "lab": {"lab": 0.7, "ctrl": 0.3},
}
METAL_PLAIN = ["zinc_ingot", "silicon", "magnesium", "ferrosilicon", "lead_alloy", "tin_solder"]
END_USES = {
    "gallium": "半导体制造 semiconductor manufacturing",
    "germanium": "红外光学 infrared optics",
    "graphite": "锂电池负极 battery anode",
    "antimony": "阻燃剂 flame retardant",
    "tungsten": "硬质合金 cemented carbide",
    "tellurium": "太阳能电池 solar cells",
    "bismuth": "医药化工 pharmaceuticals",
    "molybdenum": "热喷涂 thermal spraying",
    "indium": "光通信器件 optical communication",
    "dysprosium": "永磁材料 magnet production",
    "terbium": "永磁材料 magnet production",
    "yttrium": "陶瓷 ceramics",
    "samarium": "电机 motors",
}


def specialties(rng: Rng, exporters: pl.DataFrame, goods: pl.DataFrame) -> np.ndarray:
    """Three product indices per exporter, drawn from the families its kind trades."""
    kinds = exporters["kind"].to_numpy()
    family = goods["family"].to_numpy()
    share = goods["share"].to_numpy()
    out = np.zeros((kinds.size, 3), dtype=np.int64)
    for kind, mix in FAMILY_MIX.items():
        rows = np.flatnonzero(kinds == kind)
        fams = np.array(list(mix))
        chosen = rng.choice(fams, (rows.size, 3), p=np.array(list(mix.values())))
        for fam in fams:
            pool = np.flatnonzero(family == fam)
            if fam == "plain" and kind == "metal":
                pool = np.flatnonzero(goods["key"].is_in(METAL_PLAIN).to_numpy())
            p = share[pool] / share[pool].sum()
            sel = chosen == fam
            out[rows[:, None].repeat(3, 1)[sel], np.nonzero(sel)[1]] = rng.choice(
                pool, int(sel.sum()), p=p
            )
    return out


def declarations(rng: Rng, n_lines: int, exporters: pl.DataFrame, consignees: pl.DataFrame) -> Cols:
    """Declaration-level columns for enough declarations to hold ``n_lines`` lines."""
    n = int(n_lines / 2.0) + 50
    size = exporters["size"].to_numpy()
    exp = rng.choice(size.size, n, p=size / size.sum())
    day = rng.choice(places.DAYS, n, p=places.day_weights())
    start = exporters["start_day"].to_numpy()[exp]
    day = np.where(day < start, start + day % np.maximum(places.DAYS - start, 1), day)
    n_cons = consignees.height
    regular = rng.geometric(0.45, n)
    cons = (exp.astype(np.int64) * 7919 + regular * 104_729) % n_cons
    country = consignees["consignee_country"].to_numpy()[cons]
    kind = exporters["kind"].to_numpy()[exp]
    mode = places.modes(rng, country, kind)
    port = places.ports(rng, mode, country)
    geo = {"sea": 0.33, "rail": 0.4, "road": 0.6, "air": 0.6}
    p = np.array([geo.get(m, 1.0) for m in mode])
    lines = np.minimum(rng.geometric(p), 15)
    lines = np.where(np.isin(mode, ["express", "post", "passenger"]), 1, lines)
    return {
        "exp": exp,
        "day": day,
        "cons": cons,
        "country": country,
        "mode": mode,
        "port": port,
        "n_lines": lines,
        "currency": places.currencies(rng, country, mode),
        "doc": places.transport_docs(rng, mode),
    }


def lines(
    rng: Rng, n_lines: int, exporters: pl.DataFrame, consignees: pl.DataFrame, goods: pl.DataFrame
) -> Cols:
    """The honest lines: one row per goods line with every declaration column."""
    d = declarations(rng, n_lines, exporters, consignees)
    decl = np.repeat(np.arange(d["exp"].size), d["n_lines"])[:n_lines]
    first = np.r_[True, decl[1:] != decl[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(decl.size), 0))
    line_no = np.arange(decl.size) - start + 1
    cols: Cols = {k: v[decl] for k, v in d.items() if k != "n_lines"}
    cols["decl"] = decl
    cols["line_no"] = line_no
    spec = specialties(rng, exporters, goods)[cols["exp"]]
    pick = spec[np.arange(decl.size), rng.integers(0, 3, decl.size)]
    kinds = exporters["kind"].to_numpy()[cols["exp"]]
    stray = (rng.random(decl.size) < 0.06) & (kinds == "maker")
    plain = np.flatnonzero(goods["family"].to_numpy() == "plain")
    pick[stray] = rng.choice(plain, int(stray.sum()))
    cols["product"] = pick
    cols["kg"] = quantities(rng, goods["lot_kg"].to_numpy()[pick], cols["mode"], kinds)
    cols["usd"] = cols["kg"] * goods["usd_kg"].to_numpy()[pick] * rng.lognormal(0, 0.2, decl.size)
    ctrl = goods["family"].to_numpy()[pick] == "ctrl"
    cols["usd"] = np.where(ctrl, cols["usd"] * (1 + 0.35 * cols["day"] / places.DAYS), cols["usd"])
    cols["gross_factor"] = 1.0 + rng.uniform(0.015, 0.09, decl.size)
    return cols


def quantities(rng: Rng, lot: np.ndarray, mode: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """Net kg per line: product lot sizes, small lots for trucks at small crossings, parcels
    and hand luggage, and research samples of grams to a few kilograms."""
    kg = lot * rng.lognormal(0, 0.7, lot.size)
    kg = np.where(mode == "road", kg * rng.uniform(0.1, 0.6, lot.size), kg)
    small = np.isin(mode, ["express", "post", "passenger"])
    kg = np.where(small, np.minimum(kg, rng.lognormal(1.6, 0.9, lot.size)), kg)
    kg = np.where(mode == "air", np.minimum(kg, rng.lognormal(4.5, 1.0, lot.size)), kg)
    kg = np.where(kinds == "lab", rng.lognormal(-0.7, 0.9, lot.size), kg)
    return np.round(np.maximum(kg, 0.05), 3)
