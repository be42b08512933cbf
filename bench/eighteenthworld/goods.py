"""The goods of the world: controlled items (tied to catalogue ids and their reference
codes) and the ordinary goods that honest trade ships and smugglers hide behind.

Ordinary goods are chosen for where they sit next to the controls: tungsten carbide
scrap and tools, lead-antimony battery alloy, flame-retardant antimony trioxide, cerium
and lanthanum oxides, NdFeB magnets, germanium infrared lenses, LED chips, solar cells,
lithium-ion batteries and diamond powder (controlled on paper but suspended), tungsten
fishing sinkers. Each ordinary good names the pools it is traded in (consolidated
shipments, Yiwu market procurement, e-commerce, scrap, alloys, devices, rare earths) and
a sibling code that a clerk might confuse it with (the housekeeping finds of inspections).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Controlled:
    """A controlled good: the catalogue item it is, its code, and how it trades."""

    key: str
    item: str
    hs: str
    element: str
    material: str
    en: str
    zh: str
    spec: str
    price: str
    factor: float
    unit: str
    kg_per_unit: float
    lot: tuple[float, float]


@dataclass(frozen=True)
class Ordinary:
    """An ordinary good: code, names, unit, value per kg and the pools it travels in."""

    key: str
    hs: str
    en: str
    zh: str
    unit: str
    kg_per_unit: float
    usd_kg: tuple[float, float]
    lot: tuple[float, float]
    pools: tuple[str, ...]
    sibling: str
    price: str = "flat"


def _c(
    key: str,
    item: str,
    hs: str,
    element: str,
    material: str,
    en: str,
    zh: str,
    spec: str,
    price: str,
    factor: float,
    unit: str,
    kg_per_unit: float,
    lot: tuple[float, float],
) -> Controlled:
    return Controlled(
        key, item, hs, element, material, en, zh, spec, price, factor, unit, kg_per_unit, lot
    )


# fmt: off
CONTROLLED: dict[str, Controlled] = {
    g.key: g
    for g in (
        _c("ga_metal", "CN-2023-23-GA-01", "8112929010", "gallium", "gallium:metal",
           "Gallium metal ingot 4N", "金属镓锭", "Ga≥99.99%;1kg ingot", "gallium", 1.0, "kg",
           1.0, (40, 800)),
        _c("ga_metal_hp", "CN-2023-23-GA-01", "8112929090", "gallium", "gallium:metal",
           "High-purity gallium 6N", "高纯镓", "Ga≥99.9999%;bottled", "gallium", 1.45, "kg", 1.0,
           (5, 150)),
        _c("ga_oxide", "CN-2023-23-GA-03", "2825909001", "gallium", "gallium:oxide",
           "Gallium oxide powder", "氧化镓粉", "Ga2O3 99.99%;powder", "gallium", 0.8, "kg", 1.0,
           (10, 300)),
        _c("gaas_wafer", "CN-2023-23-GA-05", "3818009004", "gallium", "gallium:arsenide",
           "GaAs wafer 4 inch", "砷化镓晶片", "4inch;SI;625um;epi-ready", "gallium", 6.0, "pcs",
           0.027, (5, 120)),
        _c("gan_wafer", "CN-2023-23-GA-02", "3818009001", "gallium", "gallium:nitride",
           "GaN epitaxial wafer", "氮化镓外延片", "GaN-on-SiC;4inch", "gallium", 45.0, "pcs",
           0.012, (1, 30)),
        _c("ge_ingot", "CN-2023-23-GE-02", "8112921090", "germanium", "germanium:metal",
           "Zone-refined germanium ingot", "区熔锗锭", "Ge≥99.999%;50Ω·cm", "germanium", 1.0,
           "kg", 1.0, (20, 400)),
        _c("ge_scrap", "CN-2023-23-GE-01", "8112921010", "germanium", "germanium:metal",
           "Germanium waste and scrap", "锗废碎料", "cutting scrap;Ge 90%", "germanium", 0.6,
           "kg", 1.0, (20, 300)),
        _c("ge_dioxide", "CN-2023-23-GE-05", "2825600002", "germanium", "germanium:dioxide",
           "Germanium dioxide", "二氧化锗", "GeO2 99.999%;powder", "germanium", 0.66, "kg", 1.0,
           (20, 500)),
        _c("ge_tetrachloride", "CN-2023-23-GE-06", "2827399001", "germanium",
           "germanium:tetrachloride", "Germanium tetrachloride", "四氯化锗",
           "GeCl4 6N;fibre grade", "germanium", 0.36, "l", 1.88, (50, 900)),
        _c("ge_substrate", "CN-2023-23-GE-04", "8112921090", "germanium", "germanium:metal",
           "Germanium substrate wafer", "锗衬底片", "4inch;solar cell substrate", "germanium",
           4.0, "pcs", 0.011, (5, 60)),
        _c("graphite_flake", "CN-2023-39-GR-02", "2504101000", "graphite",
           "graphite:natural_flake", "Natural flake graphite", "天然鳞片石墨",
           "FC 95%;+100 mesh", "graphite", 1.0, "t", 1000.0, (20_000, 200_000)),
        _c("graphite_spherical", "CN-2023-39-GR-02", "3801901000", "graphite",
           "graphite:spherical_graphite", "Spherical graphite", "球化石墨", "D50 15um;FC 99.95%",
           "graphite", 4.6, "t", 1000.0, (10_000, 60_000)),
        _c("graphite_hp", "CN-2023-39-GR-01", "3801100030", "graphite",
           "graphite:artificial_graphite", "High-purity isostatic graphite block",
           "高纯等静压石墨", "purity 99.99%;1.85 g/cm3;50MPa", "graphite", 20.0, "kg", 1.0,
           (500, 15_000)),
        _c("sb_ingot", "CN-2024-33-SB-02", "8110101000", "antimony", "antimony:metal",
           "Antimony ingot", "锑锭", "Sb≥99.65%;25kg ingots", "antimony", 1.0, "t", 1000.0,
           (5_000, 50_000)),
        _c("sb_oxide_hp", "CN-2024-33-SB-03", "2825800010", "antimony", "antimony:trioxide",
           "Antimony trioxide 99.99%", "高纯三氧化二锑", "Sb2O3≥99.99%", "antimony", 0.95, "kg",
           1.0, (1_000, 20_000)),
        _c("sb_concentrate", "CN-2024-33-SB-01", "2617101000", "antimony", "antimony:sulfide",
           "Antimony concentrate", "锑精矿", "Sb 50%", "antimony", 0.42, "t", 1000.0,
           (20_000, 100_000)),
        _c("w_apt", "CN-2025-10-W-01", "2841801000", "tungsten", "tungsten:apt",
           "Ammonium paratungstate (APT)", "仲钨酸铵", "WO3≥88.5%", "tungsten", 1.0, "t", 1000.0,
           (5_000, 40_000)),
        _c("w_oxide", "CN-2025-10-W-02", "2825901200", "tungsten", "tungsten:oxide",
           "Tungsten blue oxide", "蓝钨", "WO2.9", "tungsten", 1.05, "kg", 1.0, (2_000, 20_000)),
        _c("w_bar", "CN-2025-10-W-04", "8101940001", "tungsten", "tungsten:metal",
           "Unwrought tungsten bar", "钨条", "W≥99.95%;sintered bar", "tungsten", 1.75, "kg",
           1.0, (200, 5_000)),
        _c("w_heavy", "CN-2025-10-W-06", "8101991001", "tungsten", "tungsten:heavy_alloy",
           "Tungsten heavy alloy rod", "高比重钨合金棒", "W93NiFe;17.6g/cm3;φ25mm", "tungsten",
           2.1, "kg", 1.0, (100, 3_000)),
        _c("te_metal", "CN-2025-10-TE-01", "2804500001", "tellurium", "tellurium:metal",
           "Tellurium ingot 4N", "碲锭", "Te≥99.99%", "tellurium", 1.0, "kg", 1.0, (100, 3_000)),
        _c("bi_ingot", "CN-2025-10-BI-01", "8106101091", "bismuth", "bismuth:metal",
           "Bismuth ingot", "铋锭", "Bi≥99.99%", "bismuth", 1.0, "kg", 1.0, (1_000, 20_000)),
        _c("mo_powder_hp", "CN-2025-10-MO-01", "8102100001", "molybdenum", "molybdenum:powder",
           "Molybdenum powder, spherical", "球形钼粉", "Mo≥99.9%;15-45um", "molybdenum", 1.6,
           "kg", 1.0, (100, 2_000)),
        _c("inp_wafer", "CN-2025-10-IN-01", "2853904051", "indium", "indium:phosphide",
           "InP wafer 3 inch", "磷化铟晶片", "3inch;S-doped", "indium", 30.0, "pcs", 0.008,
           (2, 40)),
        _c("dy_oxide", "CN-2025-18-DY-B", "2846901500", "dysprosium", "dysprosium:oxide",
           "Dysprosium oxide", "氧化镝", "Dy2O3/TREO≥99.5%", "dysprosium", 1.0, "kg", 1.0,
           (100, 3_000)),
        _c("tb_oxide", "CN-2025-18-TB-B", "2846901600", "terbium", "terbium:oxide",
           "Terbium oxide", "氧化铽", "Tb4O7/TREO≥99.99%", "terbium", 1.0, "kg", 1.0, (20, 800)),
        _c("y_oxide", "CN-2025-18-Y-B", "2846901100", "yttrium", "yttrium:oxide",
           "Yttrium oxide", "氧化钇", "Y2O3 99.999%", "yttrium", 1.0, "kg", 1.0, (500, 10_000)),
        _c("gd_oxide", "CN-2025-18-GD-B", "2846901930", "gadolinium", "gadolinium:oxide",
           "Gadolinium oxide", "氧化钆", "Gd2O3 99.99%", "gadolinium", 1.0, "kg", 1.0,
           (200, 5_000)),
        _c("lu_oxide", "CN-2025-18-LU-B", "2846901800", "lutetium", "lutetium:oxide",
           "Lutetium oxide", "氧化镥", "Lu2O3 99.99%", "lutetium", 1.0, "kg", 1.0, (10, 300)),
        _c("sc_oxide", "CN-2025-18-SC-B", "2846901980", "scandium", "scandium:oxide",
           "Scandium oxide", "氧化钪", "Sc2O3 99.99%", "scandium", 1.0, "kg", 1.0, (10, 300)),
        _c("sm_metal", "CN-2025-18-SM-A", "2805301910", "samarium", "samarium:metal",
           "Samarium metal", "金属钐", "Sm≥99.9%", "samarium", 1.0, "kg", 1.0, (50, 1_500)),
        _c("dy_metal", "CN-2025-18-DY-A", "2805301200", "dysprosium", "dysprosium:metal",
           "Dysprosium metal", "金属镝", "Dy≥99.5%", "dysprosium", 1.3, "kg", 1.0, (20, 800)),
        _c("tb_metal", "CN-2025-18-TB-A", "2805301300", "terbium", "terbium:metal",
           "Terbium metal", "金属铽", "Tb≥99.9%", "terbium", 1.3, "kg", 1.0, (5, 300)),
    )
}
# fmt: on


def _o(
    key: str,
    hs: str,
    en: str,
    zh: str,
    unit: str,
    kg_per_unit: float,
    usd_kg: tuple[float, float],
    lot: tuple[float, float],
    pools: str,
    sibling: str,
    price: str = "flat",
) -> Ordinary:
    return Ordinary(
        key, hs, en, zh, unit, kg_per_unit, usd_kg, lot, tuple(pools.split()), sibling, price
    )


# fmt: off
ORDINARY: dict[str, Ordinary] = {
    g.key: g
    for g in (
        # consolidated general cargo
        _o("tiles", "6907210000", "Glazed porcelain floor tiles 600x600", "釉面瓷质地砖", "m2",
           22.0, (0.3, 0.6), (3_000, 24_000), "consol", "6907220000"),
        _o("tableware", "6911101900", "Porcelain tableware sets", "瓷餐具套装", "set", 4.0,
           (1.5, 3.0), (200, 4_000), "consol market", "6912001000"),
        _o("mugs", "6912001000", "Stoneware mugs", "陶瓷杯", "pcs", 0.35, (1.4, 3.0),
           (100, 3_000), "consol market ecom", "6911109000"),
        _o("bolts", "7318159090", "Steel hex bolts", "钢制六角螺栓", "kg", 1.0, (1.2, 2.5),
           (500, 12_000), "consol", "7318160000"),
        _o("steel_articles", "7326909000", "Other articles of iron or steel", "其他钢铁制品",
           "kg", 1.0, (1.5, 4.0), (300, 8_000), "consol market", "7325990000"),
        _o("valves", "8481804090", "Ball valves, brass", "黄铜球阀", "pcs", 2.5, (5, 15),
           (200, 5_000), "consol", "8481809000"),
        _o("pumps", "8413702990", "Centrifugal water pumps", "离心水泵", "set", 25.0, (4, 10),
           (500, 8_000), "consol", "8413709990"),
        _o("power_supply", "8504401400", "Switching power supplies", "开关电源", "pcs", 0.3,
           (15, 40), (50, 2_000), "consol ecom", "8504409999"),
        _o("cable", "8544492100", "Insulated copper cable", "绝缘铜电缆", "kg", 1.0, (3, 8),
           (300, 6_000), "consol", "8544499100"),
        _o("led_lamps", "8539520000", "LED lamps", "LED灯泡", "pcs", 0.1, (10, 30), (50, 2_000),
           "consol market ecom", "9405119000"),
        _o("luminaires", "9405119000", "LED ceiling luminaires", "LED吸顶灯", "pcs", 1.2,
           (8, 20), (100, 3_000), "consol", "9405490000"),
        _o("heaters", "8516109000", "Electric water heaters", "电热水器", "pcs", 4.0, (6, 12),
           (200, 4_000), "consol", "8516799000"),
        _o("laptops", "8471300000", "Laptop computers", "笔记本电脑", "pcs", 2.0, (150, 400),
           (20, 600), "consol", "8471410000"),
        _o("phones", "8517130000", "Smartphones", "智能手机", "pcs", 0.25, (300, 800), (5, 200),
           "consol ecom", "8517180000"),
        _o("li_battery", "8507600090", "Lithium-ion battery packs for e-bikes",
           "电动自行车锂离子电池组", "pcs", 3.5, (25, 60), (100, 4_000), "consol", "8507600010"),
        _o("plastic_articles", "3926909090", "Plastic articles", "塑料制品", "kg", 1.0, (2, 5),
           (100, 5_000), "consol market", "3924900000"),
        _o("pe_bags", "3923210000", "Polyethylene bags", "聚乙烯袋", "kg", 1.0, (1.5, 2.5),
           (300, 8_000), "consol market", "3923290000"),
        _o("footwear", "6402999000", "Rubber/plastic footwear", "橡胶塑料鞋", "pair", 0.6,
           (5, 12), (100, 3_000), "consol market", "6404199000"),
        _o("dresses", "6204430000", "Women's dresses, synthetic", "化纤女式连衣裙", "pcs", 0.3,
           (10, 25), (50, 1_500), "consol market ecom", "6204440000"),
        _o("tshirts", "6109100021", "Cotton T-shirts", "棉制T恤衫", "pcs", 0.2, (8, 18),
           (50, 2_000), "consol market ecom", "6109909000"),
        _o("bags", "4202920000", "Textile handbags", "纺织材料手提包", "pcs", 0.8, (6, 15),
           (50, 2_000), "consol market ecom", "4202220000"),
        _o("toys", "9503008900", "Plastic toys", "塑料玩具", "kg", 1.0, (3, 8), (100, 4_000),
           "consol market ecom", "9503009000"),
        _o("fitness", "9506911900", "Fitness equipment", "健身器材", "set", 30.0, (2, 5),
           (300, 6_000), "consol", "9506919000"),
        _o("glassware", "7013490000", "Glass tableware", "玻璃餐具", "kg", 1.0, (1.5, 4),
           (200, 5_000), "consol market", "7013370000"),
        _o("furniture_fittings", "8302420000", "Furniture fittings", "家具用五金配件", "kg", 1.0,
           (2, 5), (100, 3_000), "consol market", "8302490000"),
        _o("furniture", "9403600090", "Wooden furniture", "木制家具", "pcs", 25.0, (2, 4),
           (500, 10_000), "consol", "9403609990"),
        _o("zinc_oxide", "2817001000", "Zinc oxide", "氧化锌", "kg", 1.0, (2.5, 3.5),
           (1_000, 20_000), "consol manuf", "2817009000"),
        _o("tio2", "3206111000", "Titanium dioxide pigment", "钛白粉", "kg", 1.0, (2.5, 3.5),
           (1_000, 20_000), "consol manuf", "3206119000"),
        _o("ceramic_pigment", "3207100000", "Ceramic stains / prepared pigments", "陶瓷色料",
           "kg", 1.0, (3, 12), (200, 5_000), "consol manuf ree", "3207200000"),
        _o("caco3", "2836500000", "Calcium carbonate", "碳酸钙", "kg", 1.0, (0.2, 0.4),
           (5_000, 25_000), "consol manuf", "2517410000"),
        _o("sb2o3_fr", "2825800090", "Antimony trioxide, flame-retardant grade",
           "阻燃级三氧化二锑", "kg", 1.0, (0.7, 0.9), (1_000, 20_000), "manuf", "2825909000",
           price="antimony"),
        _o("diamond_powder", "7105102000", "Synthetic diamond micropowder", "人造金刚石微粉",
           "kg", 1.0, (300, 1_500), (5, 200), "consol ecom manuf", "7105101000"),
        _o("zirconia_beads", "6909120000", "Zirconia ceramic grinding beads", "氧化锆陶瓷珠",
           "kg", 1.0, (12, 25), (100, 3_000), "consol manuf ree", "6909190000"),
        # rare earths that are not controlled
        _o("ceria", "2846101000", "Cerium oxide polishing powder", "氧化铈抛光粉", "kg", 1.0,
           (3, 8), (200, 8_000), "consol ree manuf", "3405400000"),
        _o("la_oxide", "2846901200", "Lanthanum oxide", "氧化镧", "kg", 1.0, (1.2, 2.5),
           (500, 15_000), "ree", "2846902900"),
        _o("ndpr_oxide", "2846901910", "Praseodymium-neodymium oxide", "氧化镨钕", "kg", 1.0,
           (55, 75), (500, 8_000), "ree", "2846902900"),
        _o("ree_compounds", "2846909990", "Rare-earth compounds, other", "其他稀土化合物", "kg",
           1.0, (4, 20), (100, 5_000), "ree", "2846902900"),
        _o("magnets", "8505111000", "NdFeB permanent magnets", "钕铁硼永磁体", "kg", 1.0,
           (40, 90), (50, 6_000), "consol ree alloy ecom", "8505119000"),
        _o("ndpr_metal", "2805309000", "Praseodymium-neodymium metal", "镨钕金属", "kg", 1.0,
           (70, 95), (200, 3_000), "ree alloy", "2805301990"),
        # tungsten, molybdenum, lead and other alloys that are not controlled
        _o("carbide_tools", "8207199000", "Tungsten carbide drill bits", "硬质合金钻头", "kg",
           1.0, (60, 150), (20, 1_000), "consol ecom manuf", "8207509000"),
        _o("w_sinkers", "8101999090", "Tungsten alloy fishing sinkers W90", "钨合金钓鱼坠", "kg",
           1.0, (55, 85), (1, 200), "ecom alloy", "9507900000"),
        _o("ferro_tungsten", "7202801000", "Ferro-tungsten FeW80", "钨铁", "kg", 1.0, (1.3, 1.5),
           (2_000, 20_000), "alloy", "7202809000", price="tungsten"),
        _o("ferro_moly", "7202700000", "Ferro-molybdenum FeMo60", "钼铁", "kg", 1.0, (25, 40),
           (2_000, 20_000), "alloy", "7202999000"),
        _o("ferro_vanadium", "7202920000", "Ferro-vanadium FeV80", "钒铁", "kg", 1.0, (25, 35),
           (2_000, 20_000), "alloy", "7202999000"),
        _o("pbsb_alloy", "7801991000", "Lead-antimony alloy (Sb 2.5%)", "铅锑合金", "kg", 1.0,
           (2.2, 3.0), (10_000, 25_000), "alloy", "7801999000"),
        _o("mo_powder", "8102100090", "Molybdenum powder, general grade", "钼粉", "kg", 1.0,
           (50, 70), (200, 3_000), "alloy", "8102940000"),
        _o("mg_ingot", "8104110000", "Magnesium ingots", "镁锭", "t", 1000.0, (2.5, 3.2),
           (10_000, 25_000), "alloy", "8104190000"),
        _o("tin_ingot", "8001100000", "Tin ingots", "锡锭", "kg", 1.0, (28, 35), (1_000, 20_000),
           "alloy", "8001200000"),
        _o("al_alloy", "7601200000", "Aluminium alloy ingots", "铝合金锭", "t", 1000.0,
           (2.3, 2.8), (10_000, 25_000), "alloy", "7601100000"),
        _o("silicon_metal", "2804690000", "Silicon metal 553", "工业硅", "t", 1000.0, (1.7, 2.1),
           (20_000, 25_000), "alloy", "2804619000"),
        _o("indium_ingot", "8112923000", "Indium ingot 4N", "铟锭", "kg", 1.0, (0.95, 1.05),
           (5, 200), "alloy", "8112410000", price="indium"),
        # scrap, dross and residues
        _o("w_scrap", "8101970000", "Tungsten carbide scrap (inserts)", "废硬质合金", "kg", 1.0,
           (18, 32), (500, 10_000), "scrap", "8101999090"),
        _o("al_scrap", "7602000090", "Aluminium scrap", "铝废碎料", "t", 1000.0, (1.2, 1.8),
           (10_000, 25_000), "scrap", "7602000010"),
        _o("cu_scrap", "7404000090", "Copper scrap", "铜废碎料", "t", 1000.0, (6, 8),
           (5_000, 25_000), "scrap", "7404000010"),
        _o("ss_scrap", "7204210000", "Stainless steel scrap", "不锈钢废碎料", "t", 1000.0,
           (0.9, 1.4), (15_000, 26_000), "scrap", "7204290000"),
        _o("mo_scrap", "8102970000", "Molybdenum scrap", "钼废碎料", "kg", 1.0, (20, 35),
           (500, 8_000), "scrap", "8102990000"),
        _o("zn_dross", "2620190000", "Zinc dross and ash", "锌渣", "t", 1000.0, (0.5, 1.2),
           (10_000, 25_000), "scrap", "2620110000"),
        _o("pb_scrap", "7802000000", "Lead scrap", "铅废碎料", "t", 1000.0, (1.5, 2.0),
           (10_000, 25_000), "scrap", "7801999000"),
        _o("ti_scrap", "8108300000", "Titanium scrap", "钛废碎料", "kg", 1.0, (3, 6),
           (1_000, 15_000), "scrap", "8108909000"),
        _o("fly_ash", "2621900090", "Coal fly ash (Ge-bearing)", "含锗煤灰", "t", 1000.0,
           (0.05, 0.2), (20_000, 26_000), "scrap", "2621100000"),
        # devices, optics, semiconductors
        _o("ge_lens", "9001900090", "Germanium infrared lenses", "锗红外镜片", "pcs", 0.08,
           (3_000, 9_000), (1, 40), "device consol", "9002119090"),
        _o("ir_objective", "9002119090", "Thermal camera objective lenses", "热像仪物镜", "pcs",
           0.25, (2_000, 6_000), (1, 60), "device", "9001900090"),
        _o("led_chips", "8541410000", "LED chips", "发光二极管芯片", "pcs", 0.00002,
           (1_500, 4_000), (0.5, 20), "device consol", "8541490000"),
        _o("solar_cells", "8541420000", "Photovoltaic cells", "光伏电池片", "pcs", 0.008,
           (60, 120), (200, 8_000), "device consol", "8541430000"),
        _o("si_wafers", "3818001900", "Monocrystalline silicon wafers", "单晶硅片", "pcs", 0.012,
           (80, 250), (5, 300), "device", "3818001100"),
        _o("si_chunks", "2804619000", "Monocrystalline silicon chunks (recycled)", "单晶硅块料",
           "kg", 1.0, (8, 20), (5, 500), "device ecom", "2804690000"),
        _o("ics", "8542319000", "Integrated circuits", "集成电路", "pcs", 0.002, (2_000, 12_000),
           (0.2, 20), "device consol", "8542399000"),
        _o("graphite_electrodes", "8545110000", "Graphite electrodes UHP", "超高功率石墨电极",
           "kg", 1.0, (2, 5), (5_000, 25_000), "manuf", "8545190000"),
        _o("anode_material", "3801909090", "Artificial graphite anode material",
           "人造石墨负极材料", "t", 1000.0, (3, 6), (5_000, 25_000), "manuf", "3801100090"),
        _o("pencils", "9609101000", "Graphite pencils", "铅笔", "kg", 1.0, (3, 6), (10, 500),
           "ecom market", "9609109000"),
        # Yiwu small commodities
        _o("festive", "9505900000", "Festive articles", "节日用品", "kg", 1.0, (2, 5),
           (100, 3_000), "market", "9505100000"),
        _o("toothbrushes", "9603210000", "Toothbrushes", "牙刷", "kg", 1.0, (3, 6), (100, 2_000),
           "market", "9603290090"),
        _o("jewellery", "7117190000", "Imitation jewellery", "仿首饰", "kg", 1.0, (6, 20),
           (20, 1_000), "market ecom", "7117900000"),
        _o("plastic_tableware", "3924100000", "Plastic tableware", "塑料餐具", "kg", 1.0,
           (1.5, 3.5), (200, 4_000), "market", "3924900000"),
        _o("metal_crafts", "8306299000", "Metal crafts / ornaments", "金属工艺品", "kg", 1.0,
           (2, 6), (50, 2_000), "market", "8306210000"),
        _o("fishing_tackle", "9507900000", "Fishing tackle (sinkers, lures)", "钓具", "kg", 1.0,
           (2, 8), (50, 1_500), "market ecom", "9507300000"),
        _o("hand_tools", "8205590000", "Hand tools", "手工工具", "kg", 1.0, (2, 5), (100, 3_000),
           "market consol", "8205400000"),
        _o("hardware", "8302490000", "Hardware fittings", "五金配件", "kg", 1.0, (2, 5),
           (100, 3_000), "market consol", "8302420000"),
        _o("artificial_flowers", "6702900000", "Artificial flowers", "人造花", "kg", 1.0, (3, 7),
           (50, 1_500), "market", "6702100000"),
        _o("pens", "9608100000", "Ball-point pens", "圆珠笔", "kg", 1.0, (3, 8), (50, 1_500),
           "market", "9608200000"),
        _o("earphones", "8518300000", "Earphones", "耳机", "pcs", 0.05, (40, 120), (1, 200),
           "ecom consol", "8518290000"),
        _o("watches", "9102110000", "Wrist watches", "手表", "pcs", 0.08, (60, 250), (0.5, 50),
           "ecom", "9102190000"),
        _o("phone_cases", "3926909090", "Phone cases", "手机壳", "pcs", 0.03, (20, 60),
           (0.5, 60), "ecom market", "4202320000"),
        _o("crystal_specimens", "7116200000", "Crystal and mineral specimens", "水晶矿物标本",
           "kg", 1.0, (10, 60), (0.5, 50), "ecom", "9705100000"),
    )
}
# fmt: on


def pool(name: str) -> tuple[Ordinary, ...]:
    """The ordinary goods traded in ``name`` (consol, market, ecom, scrap, alloy, device,
    ree, manuf), in a fixed order."""
    return tuple(g for g in ORDINARY.values() if name in g.pools)
