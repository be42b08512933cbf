"""What the world trades: controlled items (real catalogue codes and dates) and look-alikes.

Owns the goods list, the period of the world and the price surface (fair USD per kg of
every good on every day). Codes of controlled goods are the control catalogue's
(``controls/data/china-export-controls.yaml``), with the item id and its effective
date; the ordinary goods are chosen to sit next to them (same heading, same metal,
sibling ten-digit suffix, uncontrolled forms), so that a code prefix or a metal's
name alone does not separate them. Must not know about parties or declarations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

START = dt.date(2024, 1, 1)
END = dt.date(2026, 6, 30)
DAYS = (END - START).days + 1


def day_of(date: dt.date) -> int:
    """Index of a date in the world's period (may fall outside 0..DAYS-1)."""
    return (date - START).days


def date_of(day: int) -> dt.date:
    return START + dt.timedelta(days=int(day))


@dataclass(frozen=True)
class Good:
    """One kind of goods line.

    price: fair export price before any control, USD per kg. premium: how many times
    that the price abroad settles at once the control is in force. per_unit: kg per
    declared unit for goods counted in pieces. pack: typical gross/net ratio.
    """

    key: str
    hs: str
    zh: str
    en: str
    alt: str
    spec_zh: str
    spec_en: str
    material: str
    family: str
    price: float
    median_kg: float
    unit: str = "kg"
    item: str = ""
    effective: dt.date | None = None
    premium: float = 1.0
    per_unit: float = 1.0
    pack: float = 1.01
    use: str = "industrial use"

    @property
    def controlled(self) -> bool:
        return self.item != ""

    @property
    def effective_day(self) -> int:
        """Day index from which the control applies (0 for ordinary goods)."""
        return 0 if self.effective is None else (self.effective - START).days


GA = dt.date(2023, 8, 1)
GR = dt.date(2023, 12, 1)
SB = dt.date(2024, 9, 15)
W5 = dt.date(2025, 2, 4)
RE = dt.date(2025, 4, 4)

# fmt: off
GOODS: tuple[Good, ...] = (
    # --- controlled (licence required from `effective`) ---------------------------------
    Good("ga_metal", "8112929010", "金属镓", "gallium metal", "Ga ingot 4N", "Ga≥99.99%|锭|1kg/锭",
         "Ga 99.99% min, ingot 1 kg", "gallium:metal", "minor", 290, 80, item="CN-2023-23-GA-01",
         effective=GA, premium=2.3, pack=1.03, use="semiconductor"),
    Good("gaas_wafer", "3818009004", "砷化镓晶片", "GaAs wafer", "gallium arsenide substrate",
         "2英寸|半绝缘|抛光", "2 inch, semi-insulating, polished", "gallium:arsenide", "semis",
         6000, 4, unit="pcs", item="CN-2023-23-GA-05", effective=GA, premium=1.4, per_unit=0.012,
         pack=2.8, use="RF devices"),
    Good("ge_metal", "8112921010", "锗锭", "germanium ingot", "zone refined Ge",
         "Ge≥99.999%|区熔锭",
         "Ge 5N, zone refined ingot", "germanium:metal", "minor", 1300, 30,
         item="CN-2023-23-GE-01", effective=GA, premium=2.0, pack=1.04, use="infrared optics"),
    Good("ge_dioxide", "2825600002", "二氧化锗", "germanium dioxide", "GeO2 powder",
         "GeO2≥99.999%|粉末|25kg/桶", "GeO2 5N powder, 25 kg drums", "germanium:dioxide", "minor",
         900, 50, item="CN-2023-23-GE-05", effective=GA, premium=1.9, pack=1.08,
         use="PET catalyst"),
    Good("gr_flake", "2504101000", "天然鳞片石墨", "natural flake graphite", "flake graphite +194",
         "C≥94%|鳞片|+100目", "C 94% min, flake +100 mesh", "graphite:flake", "carbon", 0.75,
         22000, unit="t", item="CN-2023-39-GR-02", effective=GR, premium=1.3, pack=1.02,
         use="refractories"),
    Good("gr_spherical", "3801901000", "球形石墨", "spherical graphite", "SPG 15um",
         "C≥99.95%|球形|D50 15μm", "C 99.95%, spherical, D50 15 um", "graphite:spherical",
         "carbon", 3.2, 9000, unit="t", item="CN-2023-39-GR-02", effective=GR, premium=1.4,
         pack=1.03, use="battery anode"),
    Good("gr_isostatic", "3801100030", "高纯等静压石墨", "high purity isostatic graphite",
         "isostatic graphite block", "C≥99.99%|密度1.85|块", "C 99.99%, density 1.85, blocks",
         "graphite:artificial", "carbon", 9.0, 2500, item="CN-2023-39-GR-01", effective=GR,
         premium=1.5, pack=1.05, use="EDM electrodes"),
    Good("sb_ingot", "8110101000", "锑锭", "antimony ingot", "Sb ingot 99.65",
         "Sb≥99.65%|锭|25kg/锭", "Sb 99.65% min, 25 kg ingots", "antimony:metal", "minor", 12.0,
         5000, item="CN-2024-33-SB-02", effective=SB, premium=3.2, pack=1.01,
         use="flame retardant"),
    Good("sb_oxide_hp", "2825800010", "高纯三氧化二锑", "high purity antimony trioxide",
         "Sb2O3 5N", "Sb2O3≥99.99%|粉末", "Sb2O3 99.99% powder", "antimony:oxide", "minor", 16.0,
         2000, item="CN-2024-33-SB-03", effective=SB, premium=2.8, pack=1.04, use="electronics"),
    Good("sb_ore", "2617101000", "锑精矿", "antimony concentrate", "Sb concentrate Sb50",
         "Sb 50%|精矿", "Sb 50%, concentrate", "antimony:concentrate", "minor", 5.5, 18000,
         unit="t", item="CN-2024-33-SB-01", effective=SB, premium=2.6, pack=1.02, use="smelting"),
    Good("w_apt", "2841801000", "仲钨酸铵", "ammonium paratungstate", "APT 88.5% WO3",
         "WO3≥88.5%|白色结晶", "WO3 88.5% min, white crystals", "tungsten:apt", "tungsten", 34.0,
         5000, item="CN-2025-10-W-01", effective=W5, premium=1.5, pack=1.03,
         use="tungsten powder"),
    Good("w_oxide", "2825901200", "三氧化钨", "tungsten trioxide", "yellow tungsten oxide",
         "WO3≥99.95%|黄色粉末", "WO3 99.95%, yellow powder", "tungsten:oxide", "tungsten", 33.0,
         3000, item="CN-2025-10-W-02", effective=W5, premium=1.5, pack=1.05, use="catalyst"),
    Good("w_rod", "8101940001", "钨棒", "tungsten rod", "pure tungsten bar", "W≥99.95%|棒材|Φ20mm",
         "W 99.95%, rod dia 20 mm", "tungsten:metal", "tungsten", 55.0, 600,
         item="CN-2025-10-W-04", effective=W5, premium=1.6, pack=1.06, use="furnace parts"),
    Good("te_metal", "2804500001", "碲锭", "tellurium ingot", "Te 4N", "Te≥99.99%|锭",
         "Te 99.99%, ingot", "tellurium:metal", "minor", 85.0, 200, item="CN-2025-10-TE-01",
         effective=W5, premium=1.6, pack=1.03, use="thermoelectric"),
    Good("bi_ingot", "8106101091", "铋锭", "bismuth ingot", "Bi 99.99", "Bi≥99.99%|锭",
         "Bi 99.99%, ingot", "bismuth:metal", "minor", 10.0, 2000, item="CN-2025-10-BI-01",
         effective=W5, premium=2.8, pack=1.02, use="pharmaceuticals"),
    Good("mo_powder", "8102100001", "钼粉", "molybdenum powder", "Mo powder 3um",
         "Mo≥99.95%|粉末|2-5μm", "Mo 99.95%, powder 2-5 um", "molybdenum:powder", "tungsten", 62.0,
         300, item="CN-2025-10-MO-01", effective=W5, premium=1.4, pack=1.06,
         use="sputtering targets"),
    Good("inp_wafer", "2853904051", "磷化铟晶片", "indium phosphide wafer", "InP substrate",
         "3英寸|掺铁|抛光", "3 inch, Fe-doped, polished", "indium:phosphide", "semis", 9000, 2,
         unit="pcs", item="CN-2025-10-IN-01", effective=W5, premium=1.5, per_unit=0.015,
         pack=3.0, use="optical transceivers"),
    Good("dy_oxide", "2846901500", "氧化镝", "dysprosium oxide", "Dy2O3 99.5",
         "Dy2O3/TREO≥99.5%|粉末", "Dy2O3/TREO 99.5%, powder", "dysprosium:oxide", "rare_earth",
         240.0, 200, item="CN-2025-18-DY-B", effective=RE, premium=3.0, pack=1.04,
         use="NdFeB magnets"),
    Good("tb_oxide", "2846901600", "氧化铽", "terbium oxide", "Tb4O7 99.99",
         "Tb4O7/TREO≥99.99%|粉末", "Tb4O7/TREO 99.99%, powder", "terbium:oxide", "rare_earth",
         1000.0, 50, item="CN-2025-18-TB-B", effective=RE, premium=3.0, pack=1.04,
         use="NdFeB magnets"),
    Good("y_oxide", "2846901100", "氧化钇", "yttrium oxide", "Y2O3 5N", "Y2O3/TREO≥99.999%|粉末",
         "Y2O3/TREO 99.999%, powder", "yttrium:oxide", "rare_earth", 8.0, 1000,
         item="CN-2025-18-Y-B", effective=RE, premium=4.0, pack=1.04, use="thermal spray"),
    Good("gd_oxide", "2846901930", "氧化钆", "gadolinium oxide", "Gd2O3 99.99",
         "Gd2O3/TREO≥99.99%|粉末", "Gd2O3/TREO 99.99%, powder", "gadolinium:oxide", "rare_earth",
         25.0, 500, item="CN-2025-18-GD-B", effective=RE, premium=1.6, pack=1.04,
         use="MRI contrast"),
    Good("sm_metal", "2805301910", "金属钐", "samarium metal", "Sm metal 99.9", "Sm≥99.9%|块",
         "Sm 99.9%, lumps", "samarium:metal", "rare_earth", 30.0, 200, item="CN-2025-18-SM-A",
         effective=RE, premium=1.8, pack=1.05, use="SmCo magnets"),
    Good("sc_oxide", "2846901980", "氧化钪", "scandium oxide", "Sc2O3 99.99",
         "Sc2O3≥99.99%|粉末", "Sc2O3 99.99%, powder", "scandium:oxide", "rare_earth", 800.0, 10,
         item="CN-2025-18-SC-B", effective=RE, premium=1.5, pack=1.10, use="SOFC electrolyte"),
    Good("lu_oxide", "2846901800", "氧化镥", "lutetium oxide", "Lu2O3 99.99",
         "Lu2O3≥99.99%|粉末", "Lu2O3 99.99%, powder", "lutetium:oxide", "rare_earth", 750.0, 10,
         item="CN-2025-18-LU-B", effective=RE, premium=1.5, pack=1.10, use="scintillator"),
    # --- ordinary goods, many of them next to a controlled item ------------------------
    Good("al_ingot", "7601100000", "原铝锭", "aluminium ingot", "primary aluminium A7",
         "Al≥99.7%|锭", "Al 99.7%, ingot", "aluminium:metal", "base", 2.4, 25000, unit="t"),
    Good("al_alloy", "7601200090", "铝合金锭", "aluminium alloy ingot", "ADC12 alloy ingot",
         "ADC12|锭", "ADC12, ingot", "aluminium:alloy", "base", 2.6, 20000, unit="t"),
    Good("zn_ingot", "7901111000", "锌锭", "zinc ingot", "SHG zinc 99.995", "Zn≥99.995%|锭",
         "Zn 99.995%, ingot", "zinc:metal", "base", 2.8, 25000, unit="t"),
    Good("sn_ingot", "8001100000", "锡锭", "tin ingot", "tin 99.9", "Sn≥99.9%|锭",
         "Sn 99.9%, ingot", "tin:metal", "base", 28.0, 3000),
    Good("cu_cathode", "7403111000", "阴极铜", "copper cathode", "Cu cathode grade A",
         "Cu≥99.9935%|板", "Cu 99.9935%, cathode", "copper:cathode", "base", 9.2, 25000, unit="t"),
    Good("mg_ingot", "8104110000", "镁锭", "magnesium ingot", "Mg 99.9", "Mg≥99.9%|锭",
         "Mg 99.9%, ingot", "magnesium:metal", "base", 2.6, 20000, unit="t"),
    Good("pb_sb_alloy", "7801990000", "铅合金锭", "lead alloy ingot", "Pb-Ca alloy",
         "Pb-Ca-Sn|锭", "Pb-Ca-Sn, ingot", "lead:alloy", "base", 2.3, 20000, unit="t"),
    Good("si_metal", "2804690000", "工业硅", "silicon metal", "Si 553", "Si≥98.5%|块|553",
         "Si 98.5%, lumps, grade 553", "silicon:metal", "ferro", 1.8, 25000, unit="t"),
    Good("fe_w", "7202801000", "钨铁", "ferro tungsten", "FeW 80", "W 75-80%|块",
         "W 75-80%, lumps", "tungsten:ferroalloy", "ferro", 40.0, 3000),
    Good("fe_mo", "7202700000", "钼铁", "ferro molybdenum", "FeMo 60", "Mo 60%|块",
         "Mo 60%, lumps", "molybdenum:ferroalloy", "ferro", 30.0, 5000),
    Good("fe_si", "7202210000", "硅铁", "ferro silicon", "FeSi 75", "Si 75%|块", "Si 75%, lumps",
         "silicon:ferroalloy", "ferro", 1.2, 25000, unit="t"),
    Good("w_conc", "2611000000", "钨精矿", "tungsten concentrate", "wolframite concentrate",
         "WO3 65%|精矿", "WO3 65%, concentrate", "tungsten:concentrate", "ferro", 15.0, 15000,
         unit="t"),
    Good("mo_oxide", "2825700000", "三氧化钼", "molybdenum trioxide", "MoO3 99.5",
         "MoO3≥99.5%|粉末", "MoO3 99.5%, powder", "molybdenum:oxide", "ferro", 35.0, 5000,
         pack=1.04),
    Good("w_cu_alloy", "8101991090", "钨铜合金", "tungsten copper alloy", "W70Cu30 electrode",
         "W70%Cu30%|棒", "W 70% Cu 30%, rods", "tungsten:alloy", "tungsten", 40.0, 300,
         pack=1.06),
    Good("carbide_insert", "8209002000", "硬质合金刀片", "cemented carbide inserts",
         "carbide cutting inserts", "WC-Co|刀片", "WC-Co, inserts", "tungsten:carbide_tool",
         "tungsten", 80.0, 200, pack=1.15),
    Good("in_ingot", "8112923000", "铟锭", "indium ingot", "In 99.995", "In≥99.995%|锭",
         "In 99.995%, ingot", "indium:metal", "minor", 320.0, 60, pack=1.03),
    Good("sb_oxide_std", "2825800090", "三氧化二锑", "antimony trioxide", "Sb2O3 99.8 catalyst",
         "Sb2O3 99.8%|粉末", "Sb2O3 99.8%, powder", "antimony:oxide", "chemical", 11.0, 5000,
         pack=1.04),
    Good("zro2", "2825600001", "二氧化锆", "zirconium dioxide", "ZrO2 99.5 powder",
         "ZrO2≥99.5%|粉末", "ZrO2 99.5%, powder", "zirconium:oxide", "chemical", 4.5, 3000,
         pack=1.04),
    Good("ce_oxide", "2846101000", "氧化铈", "cerium oxide", "CeO2 99.9 polishing",
         "CeO2/TREO≥99.9%|粉末", "CeO2/TREO 99.9%, powder", "cerium:oxide", "rare_earth", 2.0,
         5000, pack=1.04),
    Good("la_oxide", "2846901910", "氧化镧", "lanthanum oxide", "La2O3 99.99",
         "La2O3/TREO≥99.99%|粉末", "La2O3/TREO 99.99%, powder", "lanthanum:oxide", "rare_earth",
         1.2, 5000, pack=1.04),
    Good("nd_oxide", "2846901920", "氧化钕", "neodymium oxide", "Nd2O3 99.5",
         "Nd2O3/TREO≥99.5%|粉末", "Nd2O3/TREO 99.5%, powder", "neodymium:oxide", "rare_earth",
         62.0, 1000, pack=1.04),
    Good("prnd_metal", "2805301400", "镨钕金属", "praseodymium-neodymium metal", "PrNd metal",
         "PrNd≥99%|块", "PrNd 99%, lumps", "neodymium:metal", "rare_earth", 75.0, 1000,
         pack=1.04),
    Good("ndfeb_magnet", "8505111000", "钕铁硼磁体", "NdFeB permanent magnets",
         "sintered magnets N52",
         "N52|烧结|镀镍", "N52, sintered, Ni plated", "neodymium:magnet", "rare_earth", 50.0, 800,
         pack=1.12),
    Good("ho_oxide", "2846901991", "氧化钬", "holmium oxide", "Ho2O3 99.9",
         "Ho2O3/TREO≥99.9%|粉末", "Ho2O3/TREO 99.9%, powder", "holmium:oxide", "rare_earth", 70.0,
         100, pack=1.05),
    Good("er_oxide", "2846901992", "氧化铒", "erbium oxide", "Er2O3 99.9",
         "Er2O3/TREO≥99.9%|粉末", "Er2O3/TREO 99.9%, powder", "erbium:oxide", "rare_earth", 45.0,
         100, pack=1.05),
    Good("gr_amorphous", "2504900000", "微晶石墨", "amorphous graphite",
         "microcrystalline graphite",
         "C 80%|粉末", "C 80%, powder", "graphite:amorphous", "carbon", 0.35, 25000, unit="t"),
    Good("gr_electrode", "8545110000", "石墨电极", "graphite electrodes", "UHP electrodes 600mm",
         "UHP|Φ600mm", "UHP, dia 600 mm", "graphite:electrode", "carbon", 3.0, 18000, unit="t",
         pack=1.04),
    Good("carbon_black", "2803000000", "炭黑", "carbon black", "N330", "N330|颗粒",
         "N330, pellets", "carbon:black", "carbon", 1.1, 18000, unit="t"),
    Good("si_wafer", "3818001900", "硅晶片", "silicon wafers", "prime Si wafer 8 inch",
         "8英寸|P型|抛光", "8 inch, P type, polished", "silicon:wafer", "semis", 450.0, 6,
         unit="pcs", per_unit=0.06, pack=2.5),
    Good("zno", "2817001000", "氧化锌", "zinc oxide", "ZnO 99.7", "ZnO≥99.7%|粉末",
         "ZnO 99.7%, powder", "zinc:oxide", "chemical", 2.5, 15000, unit="t", pack=1.03),
    Good("tio2", "2823000000", "钛白粉", "titanium dioxide", "rutile TiO2", "金红石型|粉末",
         "rutile, powder", "titanium:oxide", "chemical", 2.5, 20000, unit="t", pack=1.03),
    Good("solder", "8311300000", "锡焊丝", "tin solder wire", "Sn63Pb37 wire", "Sn63Pb37|丝",
         "Sn63Pb37, wire", "tin:solder", "general", 30.0, 200, pack=1.10),
    Good("ceramic", "6911101100", "瓷餐具", "porcelain tableware", "porcelain dinner sets",
         "骨瓷|套装", "bone china, sets", "ceramic:tableware", "general", 2.0, 4000, unit="set",
         per_unit=5.0, pack=1.25),
    Good("fasteners", "7318159001", "钢制螺栓", "steel bolts", "hex bolts M12", "碳钢|M12",
         "carbon steel, M12", "steel:fasteners", "general", 1.6, 8000, pack=1.05),
    Good("bearings", "8482102000", "深沟球轴承", "deep groove ball bearings", "bearings 6204",
         "6204|开式", "6204, open", "steel:bearings", "general", 6.0, 2000, unit="pcs",
         per_unit=0.11, pack=1.08),
    Good("hardware", "7326909000", "五金配件", "hardware fittings", "metal fittings",
         "钢制|杂件", "steel, assorted", "steel:hardware", "general", 3.0, 1500, pack=1.08),
)

# fmt: on

INDEX: dict[str, int] = {g.key: i for i, g in enumerate(GOODS)}
CONTROLLED: tuple[int, ...] = tuple(i for i, g in enumerate(GOODS) if g.controlled)

# fmt: off

#: Exporters' trade families and the weights of the goods each one ships.
FAMILY_GOODS: dict[str, dict[str, float]] = {
    "base": {"al_ingot": 3, "al_alloy": 2, "zn_ingot": 3, "sn_ingot": 1, "cu_cathode": 2,
             "mg_ingot": 2, "pb_sb_alloy": 1.5, "si_metal": 1},
    "ferro": {"si_metal": 2, "fe_w": 1.5, "fe_mo": 1.5, "fe_si": 2.5, "w_conc": 1, "mo_oxide": 1.2},
    "minor": {"ga_metal": 1.2, "ge_metal": 0.9, "ge_dioxide": 0.6, "in_ingot": 1.6,
              "te_metal": 0.6, "bi_ingot": 1.0, "sb_ingot": 1.2, "sb_oxide_hp": 0.5,
              "sb_oxide_std": 1.8, "sb_ore": 0.4, "sn_ingot": 1.5},
    "tungsten": {"w_apt": 1.2, "w_oxide": 0.8, "w_rod": 0.8, "w_cu_alloy": 1.5, "fe_w": 1.5,
                 "w_conc": 1.0, "carbide_insert": 2.0, "mo_powder": 0.5, "mo_oxide": 1.0},
    "rare_earth": {"dy_oxide": 0.8, "tb_oxide": 0.5, "y_oxide": 0.7, "gd_oxide": 0.5,
                   "sm_metal": 0.4, "sc_oxide": 0.2, "lu_oxide": 0.2, "ce_oxide": 2.0,
                   "la_oxide": 2.0, "nd_oxide": 1.6, "prnd_metal": 1.2, "ndfeb_magnet": 2.5,
                   "ho_oxide": 0.4, "er_oxide": 0.4},
    "carbon": {"gr_flake": 1.2, "gr_spherical": 1.0, "gr_isostatic": 0.5, "gr_amorphous": 1.5,
               "gr_electrode": 2.0, "carbon_black": 2.0},
    "semis": {"gaas_wafer": 1.0, "inp_wafer": 0.5, "si_wafer": 3.0},
    "chemical": {"zno": 2.0, "tio2": 2.5, "sb_oxide_std": 1.5, "ce_oxide": 1.0, "mo_oxide": 0.5,
                 "zro2": 1.0},
    "general": {"ceramic": 2.0, "fasteners": 2.0, "bearings": 2.0, "hardware": 2.0,
                "solder": 1.0},
}
FAMILY_WEIGHTS: dict[str, float] = {
    "base": 0.22, "ferro": 0.11, "minor": 0.11, "tungsten": 0.09, "rare_earth": 0.11,
    "carbon": 0.10, "semis": 0.05, "chemical": 0.09, "general": 0.12,
}

#: Where each family's goods come from (administrative division codes).
FAMILY_REGIONS: dict[str, tuple[str, ...]] = {
    "base": ("370000", "410000", "450000", "620000", "650000"),
    "ferro": ("150000", "410000", "640000", "360000"),
    "minor": ("430000", "530000", "450000", "140000", "530900"),
    "tungsten": ("360700", "430000", "350000", "440200"),
    "rare_earth": ("150200", "360700", "510000", "350000"),
    "carbon": ("230300", "150000", "370000", "410000"),
    "semis": ("320500", "110000", "310000", "440300"),
    "chemical": ("320000", "330000", "370000", "510000"),
    "general": ("330700", "440000", "350000", "330200"),
}
# fmt: on


def control_ramp(good: Good, days: np.ndarray) -> np.ndarray:
    """Multiplier of the price abroad: 1 until shortly before the control takes effect,
    then rising (buyers stock up on the announcement) to ``premium`` two months in."""
    if good.effective is None or good.premium == 1.0:
        return np.ones_like(days, dtype=np.float64)
    eff = day_of(good.effective)
    x = np.clip((days - (eff - 30)) / 90.0, 0.0, 1.0)
    return 1.0 + (good.premium - 1.0) * x


def price_surface(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Fair export price (USD/kg) and domestic price (USD/kg) of every good on every day.

    Each good follows its own slow random walk (monthly steps, interpolated); controlled
    goods also follow their control ramp abroad while the domestic price sags.
    """
    days = np.arange(DAYS)
    months = DAYS // 30 + 2
    steps = rng.normal(0.0, 0.035, size=(len(GOODS), months))
    walk = np.exp(np.cumsum(steps, axis=1))
    walk /= walk[:, :1]
    fair = np.empty((len(GOODS), DAYS))
    home = np.empty((len(GOODS), DAYS))
    for g, good in enumerate(GOODS):
        level = np.interp(days / 30.0, np.arange(months), walk[g]) * good.price
        ramp = control_ramp(good, days)
        fair[g] = level * ramp
        sag = 1.0 - 0.12 * np.clip((ramp - 1.0) / max(good.premium - 1.0, 1e-9), 0.0, 1.0)
        home[g] = level * (sag if good.controlled else 1.0) / 1.03
    return fair, home


def fx_per_usd(currency: str, day: np.ndarray) -> np.ndarray:
    """Units of ``currency`` per US dollar on each day (a smooth, fixed path)."""
    base = {"USD": 1.0, "CNY": 7.18, "EUR": 0.92, "JPY": 150.0, "HKD": 7.8, "KRW": 1360.0}
    t = np.asarray(day, dtype=np.float64) / DAYS
    wobble = {"USD": 0.0, "CNY": 0.015, "EUR": 0.04, "JPY": 0.05, "HKD": 0.002, "KRW": 0.04}
    return base[currency] * (
        1.0 + wobble[currency] * np.sin(2.0 * np.pi * (t * 1.7 + len(currency)))
    )
