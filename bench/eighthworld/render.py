"""Turn the honest lines' numbers into declaration columns: ids, names as the declarant
spelled them, goods descriptions in Chinese and/or English, specifications with grades
and packing, end users for controlled and downstream goods, containers and documents."""

from __future__ import annotations

import numpy as np
import polars as pl

from . import places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]

PACKING = np.array(
    [
        "吨袋 jumbo bags",
        "铁桶 steel drums",
        "木箱 wooden cases",
        "纸箱 cartons",
        "托盘 pallets",
        "编织袋 woven bags",
    ],
    dtype=object,
)
PURITY = np.array(
    ["纯度 99.99%", "purity 4N", "99.995%", "5N", "≥99.9%", "纯度99.999%"], dtype=object
)
SPEC_BY_KEY = {
    "sb_conc": "Sb {g}%",
    "lead_conc": "Pb {g}%, Sb {s}%",
    "zinc_conc": "Zn {g}%",
    "w_conc": "WO3 {g}%",
    "mn_ore": "Mn {g}%",
    "fluorspar": "CaF2 {g}%",
    "flake_graphite": "C {g}%, +100目 mesh",
    "sph_graphite": "D50 15μm, C 99.95%",
    "ndfeb": "N42 镀镍 Ni-coated",
    "tb_ndfeb": "N52SH 晶界扩散铽 Tb GBD",
    "smco": "Sm2Co17",
    "led_chips": "InGaN blue chips on sapphire",
    "lens_blanks": "光学玻璃 H-K9L",
    "wc_tools": "YG8 WC-Co inserts",
    "mo_wire": "0.18mm EDM wire",
    "semi_devices": "引线框架 lead frames",
    "gaas_wafer": "4英寸 4 inch, SI GaAs",
    "gan_wafer": "2 inch GaN-on-sapphire",
    "ge_substrate": "4 inch Ge(100) substrate",
}
#: grade ranges (low, high) in per cent of the main metal, by product key
GRADE = {
    "sb_conc": (42, 62),
    "lead_conc": (45, 65),
    "zinc_conc": (42, 55),
    "w_conc": (55, 70),
    "mn_ore": (28, 45),
    "fluorspar": (95, 98),
    "flake_graphite": (90, 96),
}


def declaration_ids(rng: Rng, cols: Cols) -> np.ndarray:
    """18 digits: customs office, year, 0 for export, a nine-digit serial."""
    n_decl = int(cols["decl"].max()) + 1
    serial = rng.choice(900_000_000, n_decl, replace=False) + 100_000_000
    year = (places.START + cols["day"]).astype("datetime64[Y]").astype(int) + 1970
    office = np.array([places.OFFICE[p] for p in cols["port"]], dtype=object)
    return (
        office
        + year.astype(str).astype(object)
        + "0"
        + serial[cols["decl"]].astype(str).astype(object)
    )


def timestamps(rng: Rng, cols: Cols) -> np.ndarray:
    """Lodging time (port local time, no zone), office hours mostly; one per declaration."""
    n_decl = int(cols["decl"].max()) + 1
    minutes = rng.normal(13 * 60, 150, n_decl).clip(6 * 60, 23 * 60).astype(int)
    moment = (places.START + cols["day"]).astype("datetime64[m]") + minutes[cols["decl"]]
    return np.datetime_as_string(moment, unit="s").astype(object)


def per_declaration(
    rng: Rng, cols: Cols, values: np.ndarray, p: np.ndarray | None = None
) -> np.ndarray:
    """One random choice of ``values`` per declaration, repeated on its lines."""
    n_decl = int(cols["decl"].max()) + 1
    return rng.choice(values, n_decl, p=p)[cols["decl"]]


def descriptions(rng: Rng, keys: np.ndarray, zh: np.ndarray, en: np.ndarray) -> np.ndarray:
    """Goods names: Chinese, English or both, as different declarants write them."""
    u = rng.random(keys.size)
    return np.where(u < 0.55, zh, np.where(u < 0.85, en, zh + " " + en)).astype(object)


def specifications(
    rng: Rng, keys: np.ndarray, family: np.ndarray, kg: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Declared elements (grade, purity, form, packing) and the true grade where one applies."""
    n = keys.size
    spec = np.full(n, "", dtype=object)
    grade = np.full(n, np.nan)
    for key, template in SPEC_BY_KEY.items():
        sel = keys == key
        if not sel.any():
            continue
        lo, hi = GRADE.get(key, (0, 0))
        g = np.round(rng.uniform(lo, hi, int(sel.sum())), 1)
        s = np.round(rng.uniform(0.3, 3.0, int(sel.sum())), 1)
        grade[sel] = g
        spec[sel] = [template.format(g=a, s=b) for a, b in zip(g, s, strict=True)]
    ctrl = (family == "ctrl") & (spec == "")
    spec[ctrl] = PURITY[rng.integers(0, PURITY.size, int(ctrl.sum()))]
    plain = (family == "plain") & (rng.random(n) < 0.5)
    spec[plain] = np.where(
        rng.random(int(plain.sum())) < 0.5, "无品牌 no brand", "用途: 民用 civil use"
    )
    pack = PACKING[rng.integers(0, PACKING.size, n)]
    small = (kg < 300) & np.isin(pack, ["吨袋 jumbo bags", "编织袋 woven bags", "托盘 pallets"])
    pack[small] = np.where(rng.random(int(small.sum())) < 0.5, "纸箱 cartons", "木箱 wooden cases")
    spec = np.where(spec == "", "包装: " + pack, spec + "; " + pack).astype(object)
    return spec, grade


def goods_columns(rng: Rng, cols: Cols, goods: pl.DataFrame) -> None:
    """hs_code, description, specification, unit, quantity, weights and value of each line."""
    g = {c: goods[c].to_numpy() for c in ("key", "family", "hs", "zh", "en", "unit", "kg_per_unit")}
    p = cols["product"]
    keys = g["key"][p]
    cols["hs_code"] = g["hs"][p].astype(object)
    cols["description"] = descriptions(
        rng, keys, g["zh"][p].astype(object), g["en"][p].astype(object)
    )
    cols["specification"], cols["grade"] = specifications(rng, keys, g["family"][p], cols["kg"])
    unit = g["unit"][p].astype(object)
    qty = np.where(unit == "t", np.round(cols["kg"] / 1000, 3), cols["kg"])
    qty = np.where(unit == "pcs", np.maximum(np.round(cols["kg"] / g["kg_per_unit"][p]), 1), qty)
    cols["unit"] = unit
    cols["quantity"] = qty
    cols["net_weight_kg"] = cols["kg"].copy()
    cols["gross_weight_kg"] = np.round(cols["kg"] * cols["gross_factor"], 2)
    fx = np.array([places.FX[c] for c in cols["currency"]])
    cols["value"] = np.round(cols["usd"] * fx, 2)


def party_columns(
    rng: Rng, cols: Cols, exporters: pl.DataFrame, consignees: pl.DataFrame, brokers: pl.DataFrame
) -> None:
    """Exporter, broker, consignee and end-user columns as lodged."""
    e = cols["exp"]
    style = per_declaration(rng, cols, np.array([0, 1, 2]), np.array([0.55, 0.3, 0.15]))
    names = np.where(
        style == 0,
        exporters["name_zh"].to_numpy()[e],
        np.where(
            style == 1, exporters["name_en"].to_numpy()[e], exporters["name_alt"].to_numpy()[e]
        ),
    )
    cols["exporter_id"] = exporters["exporter_id"].to_numpy()[e].astype(object)
    cols["exporter_name"] = names.astype(object)
    honest = brokers.filter(~pl.col("complicit"))["declarant_id"].to_numpy()
    every = brokers["declarant_id"].to_numpy()
    usual = honest[(e * 31) % honest.size]
    other = per_declaration(rng, cols, every)
    cols["declarant_id"] = np.where(
        per_declaration(rng, cols, np.array([0, 1]), np.array([0.9, 0.1])) == 0, usual, other
    ).astype(object)
    c = cols["cons"]
    cols["consignee_name"] = consignees["consignee_name"].to_numpy()[c].astype(object)
    cols["consignee_address"] = consignees["consignee_address"].to_numpy()[c].astype(object)
    cols["consignee_country"] = cols["country"].astype(object)
    cols["destination_country"] = cols["country"].astype(object)
    via_hk = per_declaration(rng, cols, np.array([0, 1]), np.array([0.95, 0.05])) == 1
    cols["trade_country"] = np.where(via_hk, "HK", cols["country"]).astype(object)
    cols["origin_region"] = exporters["region"].to_numpy()[e].astype(object)


def end_users(rng: Rng, cols: Cols, goods: pl.DataFrame) -> None:
    """End user and use: filled for controlled lines (the licence names them), often for
    downstream goods, rarely for ordinary goods."""
    family = goods["family"].to_numpy()[cols["product"]]
    material = goods["material"].to_numpy()[cols["product"]]
    element = np.array([m.split(":")[0] for m in material], dtype=object)
    use = np.array([places_use(x) for x in element], dtype=object)
    n = family.size
    fill = (
        (family == "ctrl") | ((family == "down") & (rng.random(n) < 0.6)) | (rng.random(n) < 0.05)
    )
    cols["end_user_name"] = np.where(fill, cols["consignee_name"], "").astype(object)
    cols["end_use"] = np.where(
        fill & (use != ""), use, np.where(fill, "生产 production", "")
    ).astype(object)


def places_use(element: str) -> str:
    """The usual end use of a controlled element's products."""
    from .trade import END_USES

    return END_USES.get(element, "")


def transport(rng: Rng, cols: Cols) -> None:
    """Container numbers (sea and rail declarations) and transport documents."""
    n_decl = int(cols["decl"].max()) + 1
    first = places.containers(rng, n_decl)
    second = places.containers(rng, n_decl)
    two = rng.random(n_decl) < 0.3
    both = np.where(two, first + ";" + second, first)
    boxed = np.isin(cols["mode"], ["sea", "rail"])
    cols["container_ids"] = np.where(boxed, both[cols["decl"]], "").astype(object)
    cols["transport_doc"] = cols["doc"]
