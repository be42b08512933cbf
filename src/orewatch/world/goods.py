"""The product table of the synthetic world, as data.

Controlled goods carry their real Chinese 10-digit commodity codes and the control
catalogue id that covers them; ordinary goods are what exporters in this sector really
ship. Prices are the simulator's own parameters (USD/kg at the start of 2023, before
controls); :mod:`orewatch.world.prices` moves them over time. Nothing here is read by
detectors: they must learn prices and codes from data and the control catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Good:
    """One product: codes, descriptions, typical lots and packaging, base price."""

    key: str
    hs_code: str
    material: str  # material code (contract vocabulary), e.g. "gallium:metal"
    sector: str
    desc_zh: str
    desc_en: str
    specs: tuple[str, ...]  # declared elements (申报要素 style), chosen per line
    price_usd: float  # USD/kg, 2023-01
    lot_kg: float  # median net kg per line by sea
    lot_sigma: float
    unit: str = "kg"  # kg, t (bulk) or pcs
    kg_per_piece: float = 1.0
    air_ok: bool = False  # small, valuable: may fly
    pack: float = 1.02  # typical gross/net by sea
    element: str | None = None  # controlled element
    control_id: str | None = None


#: When each element came under licensing (control catalogue effective_from).
CONTROL_DATES: dict[str, date] = {
    "gallium": date(2023, 8, 1),
    "germanium": date(2023, 8, 1),
    "graphite": date(2023, 12, 1),
    "antimony": date(2024, 9, 15),
    "tungsten": date(2025, 2, 4),
    "tellurium": date(2025, 2, 4),
    "bismuth": date(2025, 2, 4),
    "molybdenum": date(2025, 2, 4),
    "indium": date(2025, 2, 4),
    "samarium": date(2025, 4, 4),
    "gadolinium": date(2025, 4, 4),
    "terbium": date(2025, 4, 4),
    "dysprosium": date(2025, 4, 4),
    "lutetium": date(2025, 4, 4),
    "scandium": date(2025, 4, 4),
    "yttrium": date(2025, 4, 4),
}
#: MOFCOM 2024 No.46 art.2: licences to the US denied in principle; suspended 2025-11-09.
US_BAN_ELEMENTS: tuple[str, ...] = ("gallium", "germanium", "antimony")
US_BAN_FROM = date(2024, 12, 3)
US_BAN_SUSPENDED_FROM = date(2025, 11, 9)
US_BAN_SUSPENDED_UNTIL = date(2026, 11, 27)


def _g(
    key: str,
    hs: str,
    material: str,
    sector: str,
    zh: str,
    en: str,
    specs: str,
    price: float,
    lot: float,
    sigma: float,
    *,
    unit: str = "kg",
    kg_per_piece: float = 1.0,
    air_ok: bool = False,
    pack: float = 1.02,
    element: str | None = None,
    control_id: str | None = None,
) -> Good:
    return Good(
        key,
        hs,
        material,
        sector,
        zh,
        en,
        tuple(s.strip() for s in specs.split(";;")),
        price,
        lot,
        sigma,
        unit,
        kg_per_piece,
        air_ok,
        pack,
        element,
        control_id,
    )


CONTROLLED: tuple[Good, ...] = (
    _g("ga_metal", "8112929010", "gallium:metal", "gallium", "金属镓", "gallium metal",
       "0|0|金属镓|纯度99.99%|锭状|用于半导体材料|无品牌;;0|0|高纯镓|纯度99.9999%|锭|砷化镓晶片原料|无品牌;;"
       "GALLIUM METAL 4N INGOT 1KG/PC;;0|0|镓锭|Ga≥99.99%|锭|用于磁材及合金|无品牌",
       300, 100, 0.9, air_ok=True, pack=1.08, element="gallium", control_id="CN-2023-23-GA-01"),
    _g("gaas_wafer", "2853909026", "gallium:arsenide", "gallium", "砷化镓晶片", "gallium arsenide wafers",
       "0|0|砷化镓单晶片|6英寸|半绝缘型|用于射频器件|无品牌;;GaAs WAFER 4 INCH SI TYPE",
       2500, 8, 1.0, unit="pcs", kg_per_piece=0.02, air_ok=True, pack=1.6,
       element="gallium", control_id="CN-2023-23-GA-05"),
    _g("ge_metal", "8112921090", "germanium:metal", "germanium", "区熔锗锭", "zone-refined germanium ingot",
       "0|0|区熔锗锭|纯度99.999%|锭状|用于红外光学|无品牌;;ZONE REFINED GERMANIUM INGOT 5N 50Ω·cm;;"
       "0|0|锗锭|纯度≥99.999%|锭|用于光纤|无品牌",
       1300, 50, 0.9, air_ok=True, pack=1.1, element="germanium", control_id="CN-2023-23-GE-02"),
    _g("geo2", "2825600002", "germanium:dioxide", "germanium", "二氧化锗", "germanium dioxide",
       "0|0|二氧化锗|纯度99.999%|粉末|用于光纤预制棒|无品牌;;GERMANIUM DIOXIDE GeO2 5N POWDER",
       900, 100, 0.8, air_ok=True, pack=1.08, element="germanium", control_id="CN-2023-23-GE-05"),
    _g("graphite_flake", "2504101000", "graphite:flake", "graphite", "天然鳞片石墨", "natural flake graphite",
       "0|0|天然鳞片石墨|固定碳94%|粉状|+100目|无品牌;;0|0|鳞片石墨|C≥95%|粉|用于耐火材料|无品牌",
       0.8, 20000, 0.5, pack=1.01, element="graphite", control_id="CN-2023-39-GR-02"),
    _g("graphite_spherical", "3801909010", "graphite:spherical", "graphite", "球化石墨", "spherical graphite",
       "0|0|球形石墨|固定碳99.95%|D50 15μm|用于锂电负极|无品牌;;SPHERICAL GRAPHITE 99.95% D50 17UM",
       3.0, 15000, 0.6, pack=1.02, element="graphite", control_id="CN-2023-39-GR-02"),
    _g("sb_ingot", "8110101000", "antimony:metal", "antimony", "锑锭", "antimony ingots",
       "0|0|锑锭|Sb≥99.65%|锭|用于阻燃剂|无品牌;;ANTIMONY INGOT 99.65% MIN 25KG;;0|0|精锑|纯度99.85%|锭|无品牌",
       12, 15000, 0.6, pack=1.01, element="antimony", control_id="CN-2024-33-SB-02"),
    _g("sb2o3", "2825800010", "antimony:oxide", "antimony", "三氧化二锑", "antimony trioxide",
       "0|0|三氧化二锑|纯度99.99%|粉末|用于阻燃剂|无品牌;;ANTIMONY TRIOXIDE 99.99% 4N POWDER",
       10, 10000, 0.6, pack=1.03, element="antimony", control_id="CN-2024-33-SB-03"),
    _g("apt", "2841801000", "tungsten:apt", "tungsten", "仲钨酸铵", "ammonium paratungstate",
       "0|0|仲钨酸铵|WO3≥88.5%|结晶粉末|用于硬质合金|无品牌;;APT 88.5% MIN WO3",
       35, 10000, 0.6, pack=1.02, element="tungsten", control_id="CN-2025-10-W-01"),
    _g("w_metal", "8101940001", "tungsten:metal", "tungsten", "钨条", "tungsten bars",
       "0|0|钨条|W≥99.95%|棒状|用于配重|无品牌;;TUNGSTEN HEAVY ALLOY BAR W97%",
       55, 800, 0.9, air_ok=True, pack=1.05, element="tungsten", control_id="CN-2025-10-W-04"),
    _g("te_metal", "2804500001", "tellurium:metal", "tellurium", "碲锭", "tellurium ingots",
       "0|0|碲|纯度99.99%|锭|用于碲化镉|无品牌;;TELLURIUM INGOT 4N",
       80, 400, 0.8, air_ok=True, pack=1.05, element="tellurium", control_id="CN-2025-10-TE-01"),
    _g("bi_metal", "8106101091", "bismuth:metal", "bismuth", "铋锭", "bismuth ingots",
       "0|0|铋锭|Bi≥99.99%|锭|用于低熔点合金|无品牌;;BISMUTH INGOT 99.99%",
       10, 5000, 0.7, pack=1.01, element="bismuth", control_id="CN-2025-10-BI-01"),
    _g("mo_powder", "8102100001", "molybdenum:powder", "molybdenum", "钼粉", "molybdenum powder",
       "0|0|钼粉|Mo≥99.95%|粉末|粒度3μm|无品牌;;MOLYBDENUM POWDER 99.95% FSSS 3UM",
       50, 800, 0.8, air_ok=True, pack=1.06, element="molybdenum", control_id="CN-2025-10-MO-01"),
    _g("inp", "2853904051", "indium:phosphide", "indium", "磷化铟", "indium phosphide",
       "0|0|磷化铟单晶片|3英寸|用于光通信芯片|无品牌;;InP WAFER 3 INCH",
       1500, 5, 1.0, air_ok=True, pack=1.6, element="indium", control_id="CN-2025-10-IN-01"),
    _g("dy_oxide", "2846901500", "dysprosium:oxide", "ree", "氧化镝", "dysprosium oxide",
       "0|0|氧化镝|Dy2O3/TREO≥99.5%|粉末|用于钕铁硼磁材|无品牌;;DYSPROSIUM OXIDE 99.5% MIN",
       250, 400, 0.8, air_ok=True, pack=1.04, element="dysprosium", control_id="CN-2025-18-DY-B"),
    _g("tb_oxide", "2846901600", "terbium:oxide", "ree", "氧化铽", "terbium oxide",
       "0|0|氧化铽|Tb4O7/TREO≥99.99%|粉末|用于磁材|无品牌;;TERBIUM OXIDE 99.99% MIN",
       900, 80, 0.9, air_ok=True, pack=1.04, element="terbium", control_id="CN-2025-18-TB-B"),
    _g("y_oxide", "2846901100", "yttrium:oxide", "ree", "氧化钇", "yttrium oxide",
       "0|0|氧化钇|Y2O3/TREO≥99.999%|粉末|用于陶瓷及涂层|无品牌;;YTTRIUM OXIDE 5N",
       8, 2000, 0.8, pack=1.04, element="yttrium", control_id="CN-2025-18-Y-B"),
    _g("gd_oxide", "2846901930", "gadolinium:oxide", "ree", "氧化钆", "gadolinium oxide",
       "0|0|氧化钆|Gd2O3/TREO≥99.99%|粉末|无品牌;;GADOLINIUM OXIDE 99.99%",
       25, 1000, 0.8, pack=1.04, element="gadolinium", control_id="CN-2025-18-GD-B"),
    _g("sm_oxide", "2846901940", "samarium:oxide", "ree", "氧化钐", "samarium oxide",
       "0|0|氧化钐|Sm2O3/TREO≥99.9%|粉末|用于钐钴磁体|无品牌;;SAMARIUM OXIDE 99.9%",
       3, 2000, 0.8, pack=1.04, element="samarium", control_id="CN-2025-18-SM-B"),
    _g("sc_oxide", "2846901980", "scandium:oxide", "ree", "氧化钪", "scandium oxide",
       "0|0|氧化钪|Sc2O3≥99.99%|粉末|用于铝钪合金|无品牌;;SCANDIUM OXIDE 4N",
       800, 20, 1.0, air_ok=True, pack=1.08, element="scandium", control_id="CN-2025-18-SC-B"),
    _g("lu_oxide", "2846901800", "lutetium:oxide", "ree", "氧化镥", "lutetium oxide",
       "0|0|氧化镥|Lu2O3/TREO≥99.99%|粉末|用于闪烁晶体|无品牌;;LUTETIUM OXIDE 4N",
       700, 20, 1.0, air_ok=True, pack=1.08, element="lutetium", control_id="CN-2025-18-LU-B"),
    _g("dy_metal", "2805301200", "dysprosium:metal", "ree", "金属镝", "dysprosium metal",
       "0|0|金属镝|Dy/TREM≥99.5%|块状|用于磁材添加|无品牌;;DYSPROSIUM METAL 99.5%",
       330, 100, 0.9, air_ok=True, pack=1.05, element="dysprosium", control_id="CN-2025-18-DY-A"),
    _g("tb_metal", "2805301300", "terbium:metal", "ree", "金属铽", "terbium metal",
       "0|0|金属铽|Tb/TREM≥99.9%|块状|无品牌;;TERBIUM METAL 99.9%",
       1200, 30, 0.9, air_ok=True, pack=1.05, element="terbium", control_id="CN-2025-18-TB-A"),
)  # fmt: skip

ORDINARY: tuple[Good, ...] = (
    _g("al_alloy", "7601200090", "aluminium:alloy", "aluminium", "铝合金锭", "aluminium alloy ingots",
       "0|0|铝合金锭|ADC12|锭|用于压铸|无品牌;;0|0|铝合金锭|A356.2|锭|无品牌;;ALUMINIUM ALLOY INGOT ADC12",
       2.4, 25000, 0.5, unit="t", pack=1.005),
    _g("al_ingot", "7601100090", "aluminium:ingot", "aluminium", "铝锭", "unwrought aluminium",
       "0|0|非合金铝锭|Al≥99.7%|锭|无品牌;;ALUMINIUM INGOT 99.7%", 2.3, 25000, 0.5, unit="t", pack=1.005),
    _g("alumina", "2818200000", "alumina", "aluminium", "氧化铝", "aluminium oxide",
       "0|0|氧化铝|Al2O3≥98.6%|粉末|冶金级|无品牌;;CALCINED ALUMINA 99%", 0.5, 25000, 0.5, pack=1.01),
    _g("zn_ingot", "7901110000", "zinc:ingot", "zinc", "锌锭", "zinc ingots",
       "0|0|锌锭|Zn≥99.995%|锭|无品牌;;SPECIAL HIGH GRADE ZINC 99.995%", 2.8, 25000, 0.5, unit="t", pack=1.005),
    _g("zno", "2817001000", "zinc:oxide", "zinc", "氧化锌", "zinc oxide",
       "0|0|氧化锌|ZnO≥99.7%|粉末|用于橡胶|无品牌;;ZINC OXIDE 99.7% INDIRECT PROCESS", 2.8, 10000, 0.6, pack=1.03),
    _g("zn_powder", "7903100000", "zinc:dust", "zinc", "锌粉", "zinc dust",
       "0|0|锌粉|Zn≥98%|粉末|用于涂料|无品牌", 3.5, 5000, 0.6, pack=1.04),
    _g("pb_ingot", "7801100000", "lead:ingot", "lead_tin", "精炼铅锭", "refined lead ingots",
       "0|0|精炼铅|Pb≥99.994%|锭|无品牌;;REFINED LEAD INGOT 99.994%", 2.2, 25000, 0.5, unit="t", pack=1.005),
    _g("pb_alloy", "7801910000", "lead:alloy", "lead_tin", "铅合金锭", "lead alloy ingots",
       "0|0|铅合金锭|铅钙合金|锭|用于蓄电池|无品牌;;LEAD ALLOY INGOT", 2.5, 20000, 0.5, pack=1.005),
    _g("sn_ingot", "8001100000", "tin:ingot", "lead_tin", "锡锭", "tin ingots",
       "0|0|锡锭|Sn≥99.9%|锭|无品牌;;TIN INGOT 99.9%", 27, 5000, 0.6, pack=1.01),
    _g("solder", "8311300000", "tin:solder", "lead_tin", "焊锡丝", "solder wire",
       "0|0|焊锡丝|Sn99.3Cu0.7|卷|用于电子焊接|无品牌;;LEAD-FREE SOLDER WIRE", 25, 1000, 0.8,
       air_ok=True, pack=1.08),
    _g("fesi", "7202210000", "ferrosilicon", "ferroalloy", "硅铁", "ferrosilicon",
       "0|0|硅铁|Si72%|块状|10-50mm|无品牌;;FERRO SILICON 72%", 1.4, 25000, 0.5, unit="t", pack=1.01),
    _g("femo", "7202700000", "ferromolybdenum", "ferroalloy", "钼铁", "ferromolybdenum",
       "0|0|钼铁|Mo60%|块状|无品牌;;FERRO MOLYBDENUM 60%", 30, 5000, 0.6, pack=1.01),
    _g("few", "7202800000", "ferrotungsten", "ferroalloy", "钨铁", "ferrotungsten",
       "0|0|钨铁|W70%|块状|无品牌", 30, 3000, 0.6, pack=1.01),
    _g("si_metal", "2804690000", "silicon:metal", "ferroalloy", "工业硅", "silicon metal",
       "0|0|金属硅|553|块状|无品牌;;SILICON METAL 553 10-100MM", 1.8, 25000, 0.5, unit="t", pack=1.01),
    _g("tiles", "6907210000", "ceramic:tiles", "ceramics", "陶瓷砖", "ceramic tiles",
       "0|0|瓷砖|吸水率≤0.5%|600x600mm|无品牌;;PORCELAIN TILES 600X600", 0.5, 20000, 0.5, pack=1.06),
    _g("refractory", "6902100000", "refractory", "ceramics", "镁质耐火砖", "magnesia refractory bricks",
       "0|0|耐火砖|MgO≥95%|砖|无品牌", 0.9, 20000, 0.5, pack=1.04),
    _g("pigments", "3207100000", "pigment", "ceramics", "陶瓷颜料", "prepared ceramic pigments",
       "0|0|陶瓷色料|粉末|用于釉料|无品牌;;CERAMIC PIGMENT POWDER", 3.0, 5000, 0.7, pack=1.04),
    _g("tio2", "3206111000", "titanium:dioxide", "chemicals", "钛白粉", "titanium dioxide pigment",
       "0|0|钛白粉|TiO2≥93%|金红石型|无品牌;;TITANIUM DIOXIDE RUTILE", 2.5, 20000, 0.5, pack=1.02),
    _g("carbon_black", "2803000000", "carbon_black", "chemicals", "炭黑", "carbon black",
       "0|0|炭黑|N330|颗粒|用于橡胶|无品牌", 1.2, 20000, 0.5, pack=1.02),
    _g("na2so4", "2833110000", "sodium:sulphate", "chemicals", "硫酸钠", "disodium sulphate",
       "0|0|无水硫酸钠|99%|粉末|无品牌", 0.2, 25000, 0.5, pack=1.01),
    _g("ceria", "2846101000", "cerium:oxide", "ree_ordinary", "氧化铈", "cerium oxide",
       "0|0|氧化铈|CeO2/TREO≥99.9%|粉末|用于抛光|无品牌;;CERIUM OXIDE 99.9%", 2.0, 5000, 0.6, pack=1.04),
    _g("ndfeb", "8505111000", "ndfeb:magnet", "magnets", "钕铁硼永磁体", "NdFeB permanent magnets",
       "0|0|钕铁硼磁铁|N52|方块|用于电机|无品牌;;NDFEB MAGNET N42SH NI COATED", 45, 2000, 0.8,
       unit="pcs", kg_per_piece=0.02, air_ok=True, pack=1.12),
    _g("steel_parts", "7326909000", "steel:articles", "machinery", "钢铁制品", "other articles of steel",
       "0|0|钢制支架|碳钢|用于设备|无品牌", 3.0, 5000, 0.7, pack=1.08),
    _g("mach_parts", "8479909090", "machinery:parts", "machinery", "机器零件", "machinery parts",
       "0|0|机器零件|钢制|用于压机|无品牌", 15, 500, 0.9, unit="pcs", kg_per_piece=2.0,
       air_ok=True, pack=1.15),
    _g("bearings", "8482102000", "bearings", "machinery", "深沟球轴承", "deep groove ball bearings",
       "0|0|深沟球轴承|6205|无品牌", 8, 2000, 0.7, unit="pcs", kg_per_piece=0.13, pack=1.1),
    _g("carbide_inserts", "8209009000", "cemented_carbide", "machinery", "硬质合金刀片",
       "cemented carbide inserts", "0|0|硬质合金刀片|WC-Co|用于车削|无品牌", 80, 200, 0.9,
       unit="pcs", kg_per_piece=0.01, air_ok=True, pack=1.2),
    _g("carbon_electrode", "8545110000", "graphite:electrode", "carbon", "石墨电极", "graphite electrodes",
       "0|0|石墨电极|UHP|Φ450mm|用于电弧炉|无品牌", 3.5, 20000, 0.5, pack=1.03),
    _g("optical_parts", "9001909090", "optical:elements", "optics", "光学元件", "optical elements",
       "0|0|光学镜片|已加工|用于仪器|无品牌;;OPTICAL LENS FOR INSTRUMENTS", 200, 20, 1.0,
       air_ok=True, pack=1.4),
    _g("semi_parts", "8541900000", "semiconductor:parts", "electronics", "半导体器件零件",
       "parts of semiconductor devices", "0|0|半导体器件零件|用于封装|无品牌;;SEMICONDUCTOR PARTS",
       200, 5, 1.0, air_ok=True, pack=1.5),
)  # fmt: skip

GOODS: tuple[Good, ...] = CONTROLLED + ORDINARY
GOOD_INDEX: dict[str, int] = {g.key: i for i, g in enumerate(GOODS)}

#: Ordinary goods that each controlled good is disguised as (wrong code + bland name).
DISGUISES: dict[str, tuple[str, ...]] = {
    "ga_metal": ("al_alloy", "sn_ingot", "zn_ingot", "solder"),
    "gaas_wafer": ("semi_parts",),
    "ge_metal": ("optical_parts", "si_metal", "zn_ingot"),
    "geo2": ("zno", "alumina", "tio2"),
    "graphite_flake": ("carbon_black", "refractory"),
    "graphite_spherical": ("carbon_electrode", "carbon_black"),
    "sb_ingot": ("pb_alloy", "pb_ingot", "zn_ingot", "sn_ingot"),
    "sb2o3": ("zno", "tio2", "pigments"),
    "apt": ("few", "pigments", "na2so4"),
    "w_metal": ("steel_parts", "carbide_inserts", "few"),
    "te_metal": ("si_metal", "sn_ingot"),
    "bi_metal": ("pb_ingot", "sn_ingot", "solder"),
    "mo_powder": ("femo", "steel_parts"),
    "inp": ("semi_parts",),
    "dy_oxide": ("ceria", "pigments", "alumina"),
    "tb_oxide": ("ceria", "pigments"),
    "y_oxide": ("ceria", "alumina", "pigments"),
    "gd_oxide": ("ceria", "pigments"),
    "sm_oxide": ("ceria", "pigments"),
    "sc_oxide": ("alumina", "ceria"),
    "lu_oxide": ("ceria", "alumina"),
    "dy_metal": ("ndfeb", "steel_parts"),
    "tb_metal": ("ndfeb", "steel_parts"),
}
#: Tokens that leak the truth into a disguised line's specification.
LEAKS: dict[str, tuple[str, ...]] = {
    "gallium": ("Ga≥99.99%", "含镓", "纯度99.99%"),
    "germanium": ("Ge", "纯度99.999%", "含锗"),
    "graphite": ("固定碳99.95%", "C≥99.9%"),
    "antimony": ("Sb", "含锑", "纯度99.65%"),
    "tungsten": ("WO3 88.5%", "含钨", "W≥99.9%"),
    "tellurium": ("Te 99.99%", "纯度99.99%"),
    "bismuth": ("Bi≥99.99%", "含铋"),
    "molybdenum": ("Mo≥99.95%",),
    "indium": ("InP", "含铟"),
    "dysprosium": ("Dy", "TREO≥99.5%", "含镝"),
    "terbium": ("Tb", "TREO≥99.99%"),
    "yttrium": ("Y2O3", "TREO≥99.999%"),
    "gadolinium": ("Gd", "TREO≥99.99%"),
    "samarium": ("Sm", "TREO≥99.9%"),
    "scandium": ("Sc2O3", "纯度99.99%"),
    "lutetium": ("Lu", "TREO≥99.99%"),
}

#: Which goods each exporter sector ships, with weights. Controlled sectors also ship
#: their by-products and ordinary lines.
SECTOR_GOODS: dict[str, dict[str, float]] = {
    "gallium": {"ga_metal": 5, "gaas_wafer": 1, "alumina": 3, "al_ingot": 2, "al_alloy": 2},
    "germanium": {"ge_metal": 3, "geo2": 3, "zn_ingot": 3, "zno": 2, "optical_parts": 1},
    "graphite": {"graphite_flake": 4, "graphite_spherical": 4, "carbon_electrode": 3, "refractory": 1},
    "antimony": {"sb_ingot": 5, "sb2o3": 4, "pb_ingot": 2, "pb_alloy": 2},
    "tungsten": {"apt": 4, "w_metal": 2, "few": 2, "carbide_inserts": 2},
    "minor": {"te_metal": 2, "bi_metal": 3, "mo_powder": 2, "inp": 1, "sn_ingot": 2, "femo": 2},
    "ree": {"dy_oxide": 3, "tb_oxide": 2, "y_oxide": 2, "gd_oxide": 1, "sm_oxide": 1, "sc_oxide": 0.4,
            "lu_oxide": 0.4, "dy_metal": 1, "tb_metal": 0.6, "ceria": 3, "ndfeb": 3},
    "aluminium": {"al_alloy": 5, "al_ingot": 3, "alumina": 2},
    "zinc": {"zn_ingot": 4, "zno": 3, "zn_powder": 1, "pb_ingot": 2},
    "ferroalloy": {"fesi": 4, "femo": 2, "few": 1, "si_metal": 4},
    "ceramics": {"tiles": 6, "refractory": 3, "pigments": 2},
    "chemicals": {"tio2": 4, "carbon_black": 3, "na2so4": 3, "zno": 1},
    "magnets": {"ndfeb": 6, "ceria": 1, "steel_parts": 2},
    "machinery": {"mach_parts": 4, "steel_parts": 4, "bearings": 3, "carbide_inserts": 1},
    "lead_tin": {"sn_ingot": 3, "solder": 3, "pb_ingot": 3, "pb_alloy": 1},
    "electronics": {"semi_parts": 3, "solder": 2, "optical_parts": 1, "ndfeb": 1},
}  # fmt: skip
CONTROLLED_SECTORS: tuple[str, ...] = (
    "gallium",
    "germanium",
    "graphite",
    "antimony",
    "tungsten",
    "minor",
    "ree",
)
#: Share of exporters in each sector.
SECTOR_WEIGHTS: dict[str, float] = {
    "gallium": 0.025, "germanium": 0.025, "graphite": 0.03, "antimony": 0.03, "tungsten": 0.03,
    "minor": 0.025, "ree": 0.045, "aluminium": 0.12, "zinc": 0.09, "ferroalloy": 0.09,
    "ceramics": 0.14, "chemicals": 0.11, "magnets": 0.08, "machinery": 0.09, "lead_tin": 0.04,
    "electronics": 0.03,
}  # fmt: skip
#: Where each sector's producers sit (city English names, see geo.CITIES).
SECTOR_REGIONS: dict[str, tuple[str, ...]] = {
    "gallium": ("Baise", "Guiyang", "Zunyi", "Yangquan", "Lvliang", "Sanmenxia", "Zhengzhou",
                "Binzhou", "Zibo"),
    "germanium": ("Lincang", "Qujing", "Kunming", "Xilingol", "Hulunbuir", "Shaoguan"),
    "graphite": ("Jixi", "Hegang", "Qingdao", "Baotou"),
    "antimony": ("Loudi", "Changsha", "Hechi", "Guiyang"),
    "tungsten": ("Ganzhou", "Chenzhou", "Xiamen", "Zhuzhou"),
    "minor": ("Chenzhou", "Chengdu", "Honghe", "Hechi", "Luoyang", "Weinan"),
    "ree": ("Baotou", "Ganzhou", "Liangshan", "Longyan", "Nanchang"),
    "aluminium": ("Binzhou", "Zibo", "Baise", "Zhengzhou", "Lvliang", "Ningbo", "Suzhou"),
    "zinc": ("Hechi", "Shaoguan", "Qujing", "Zhuzhou", "Hangzhou"),
    "ferroalloy": ("Ordos", "Hohhot", "Luoyang", "Xi'an", "Tianjin"),
    "ceramics": ("Guangzhou", "Xiamen", "Zibo", "Shanghai", "Hangzhou"),
    "chemicals": ("Qingdao", "Nanjing", "Shanghai", "Tianjin", "Yantai"),
    "magnets": ("Ningbo", "Baotou", "Ganzhou", "Hangzhou", "Shenzhen"),
    "machinery": ("Suzhou", "Ningbo", "Shenzhen", "Dalian", "Shanghai"),
    "lead_tin": ("Honghe", "Chenzhou", "Shenzhen", "Guangzhou"),
    "electronics": ("Shenzhen", "Suzhou", "Shanghai", "Xiamen"),
}  # fmt: skip
