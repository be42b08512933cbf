"""The goods that cross the border, and what they cost on each day.

Controlled goods carry a catalogue item and one of its real commodity codes; their
effective date comes from the catalogue (:mod:`.controls`). Ordinary goods are the
look-alikes that dominate real trade: base metals, ferro-alloys, oxides, chemicals,
magnets without heavy rare earths, graphite products outside the control, and goods of
suspended items (batteries, holmium, diamond powder) that never needed a licence in the
period. Several ordinary goods sit on purpose next to a controlled one (same heading,
same look, same region): they are the covers that smugglers borrow.

Prices are USD per kg at the start of the period. After a control takes effect, prices
abroad climb toward ``spike`` times the old level within five months and ease a little
after a year, while domestic prices sag: the export price spike honest licensed trade
shows is real, not fraud.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from dataclasses import dataclass

from fifteenthworld.controls import catalogue
from fifteenthworld.timeline import START

GA = {"JP": 30, "DE": 15, "KR": 12, "US": 15, "NL": 8, "TW": 10, "SG": 3, "GB": 4, "CA": 3}
GE = {"US": 18, "JP": 20, "DE": 14, "BE": 10, "FR": 10, "RU": 8, "KR": 8, "GB": 5, "CA": 4}
SB = {"US": 14, "JP": 18, "KR": 12, "IN": 10, "NL": 8, "BE": 8, "VN": 6, "DE": 8, "TH": 5}
W = {"JP": 22, "US": 15, "DE": 15, "KR": 12, "NL": 6, "SE": 6, "AT": 6, "IN": 6, "GB": 5}
RE = {"JP": 28, "US": 15, "KR": 12, "DE": 10, "NL": 6, "VN": 8, "TH": 5, "IN": 5, "TW": 6}
GR = {"KR": 25, "JP": 20, "US": 12, "IN": 10, "PL": 6, "DE": 6, "ID": 6, "TR": 3, "VN": 4}
BI = {"JP": 22, "KR": 18, "NL": 15, "US": 12, "DE": 10, "TW": 8, "IN": 6, "BE": 5, "VN": 4}
TE = {"US": 25, "MY": 20, "VN": 15, "DE": 10, "JP": 12, "KR": 8, "IN": 5, "TW": 5}
IN_ = {"US": 25, "JP": 25, "TW": 20, "KR": 15, "DE": 8, "GB": 4, "FR": 3}
MO = {"JP": 20, "KR": 18, "US": 15, "DE": 12, "NL": 10, "IN": 10, "TW": 5, "IT": 5}
BASE = {
    "KR": 12,
    "JP": 12,
    "VN": 12,
    "IN": 10,
    "TH": 8,
    "MY": 7,
    "ID": 6,
    "TR": 5,
    "US": 6,
    "NL": 5,
    "DE": 5,
    "AE": 4,
    "SA": 3,
    "BR": 3,
    "MX": 3,
    "PH": 3,
    "PK": 3,
    "BD": 2,
    "RU": 5,
    "KZ": 3,
    "TW": 4,
    "HK": 3,
    "IT": 2,
    "PL": 2,
}
BATT = {
    "US": 15,
    "DE": 15,
    "NL": 8,
    "KR": 6,
    "JP": 6,
    "IN": 10,
    "VN": 6,
    "TR": 4,
    "AE": 4,
    "AU": 6,
    "BR": 5,
    "MX": 5,
    "PL": 5,
    "HU": 5,
}


@dataclass(frozen=True)
class Good:
    """A kind of goods as exporters declare it."""

    key: str
    hs: str
    item: str | None  # catalogue item id when the good is controlled
    material: str  # contract material code
    family: str  # portfolio family: which exporters make or trade it
    zh: tuple[str, ...]
    en: tuple[str, ...]
    short: str
    grades: tuple[str, ...]
    forms: tuple[str, ...]
    uses: tuple[str, ...]
    price: float  # USD per kg at START
    lot: tuple[float, float]  # net kg per line, low and high (log-uniform)
    pack: tuple[float, float]  # gross / net
    regions: tuple[str, ...]  # division codes it comes from
    markets: dict[str, int]
    weight: float  # share of honest lines, relative
    spike: float = 1.0  # price abroad after the control, relative
    unit: str = "kg"
    kg_per_unit: float = 1.0

    @property
    def controlled(self) -> bool:
        return self.item is not None

    @property
    def element(self) -> str:
        return self.material.split(":")[0]

    @property
    def effective(self) -> dt.date | None:
        return catalogue().item(self.item).effective if self.item else None

    def in_force(self, day: dt.date) -> bool:
        return self.item is not None and catalogue().item(self.item).in_force(day)

    @property
    def dense(self) -> bool:
        """Worth flying: high value for its weight."""
        return self.price >= 150


def _g(
    key: str,
    hs: str,
    item: str | None,
    material: str,
    family: str,
    zh: tuple[str, ...],
    en: tuple[str, ...],
    short: str,
    grades: tuple[str, ...],
    forms: tuple[str, ...],
    uses: tuple[str, ...],
    price: float,
    lot: tuple[float, float],
    pack: tuple[float, float],
    regions: tuple[str, ...],
    markets: dict[str, int],
    weight: float,
    spike: float = 1.0,
    unit: str = "kg",
    kg_per_unit: float = 1.0,
) -> Good:
    return Good(
        key,
        hs,
        item,
        material,
        family,
        zh,
        en,
        short,
        grades,
        forms,
        uses,
        price,
        lot,
        pack,
        regions,
        markets,
        weight,
        spike,
        unit,
        kg_per_unit,
    )


P = "CN-2023-23-"
GOODS: tuple[Good, ...] = (
    # --- gallium and germanium (2023 No.23, from 2023-08-01) ---
    _g("ga_metal", "8112929010", P + "GA-01", "gallium:metal", "gallium",
       ("金属镓", "镓锭", "高纯镓"), ("Gallium metal", "Gallium ingot", "High purity gallium"),
       "Ga ingot", ("99.99%", "4N", "99.999%", "5N", "6N", "99.9999%"),
       ("锭", "ingot 1kg", "bottle 1kg"),
       ("半导体材料", "semiconductor", "GaAs substrate", "磁性材料"), 330, (10, 800), (1.03, 1.09),
       ("370300", "410100", "451000", "140100", "520100"), GA, 2.2, spike=2.3),
    _g("gaas_wafer", "3818009004", P + "GA-05", "gallium:wafer", "gallium",
       ("砷化镓晶片", "砷化镓衬底片"), ("GaAs wafer", "Gallium arsenide substrate"), "GaAs wafer",
       ("4 inch", "6 inch", "2 inch SI", "4\" N-type"), ("wafer", "抛光片", "epi-ready"),
       ("射频器件", "LED", "RF devices", "laser diodes"), 3200, (2, 150), (2.0, 3.6),
       ("110100", "530100", "441900"), GA, 0.8, spike=1.3, unit="pcs", kg_per_unit=0.027),
    _g("ge_metal", "8112921010", P + "GE-01", "germanium:metal", "germanium",
       ("锗锭", "区熔锗锭", "金属锗"),
       ("Germanium ingot", "Zone refined germanium", "Germanium metal"), "Ge ingot",
       ("50Ω·cm", "99.999%", "5N", "13N zone refined", "6N"), ("锭", "ingot", "bar"),
       ("红外光学", "infrared optics", "光纤", "detector"), 1350, (5, 300), (1.04, 1.12),
       ("530900", "530100", "152500", "440200"), GE, 1.8, spike=2.1),
    _g("geo2", "2825600002", P + "GE-05", "germanium:dioxide", "germanium",
       ("二氧化锗", "高纯二氧化锗"), ("Germanium dioxide", "GeO2 powder"), "GeO2",
       ("99.999%", "5N", "99.99%"), ("粉末", "powder"), ("PET催化剂", "optical fibre", "catalyst"),
       1000, (10, 400), (1.05, 1.12), ("530900", "530100", "152500"), GE, 1.2, spike=1.9),
    _g("gecl4", "2827399001", P + "GE-06", "germanium:tetrachloride", "germanium", ("四氯化锗",),
       ("Germanium tetrachloride", "GeCl4"), "GeCl4", ("99.9999%", "6N", "fibre grade"),
       ("液体", "liquid in steel drum"), ("光纤预制棒", "fibre optics"), 800, (40, 600),
       (1.22, 1.38), ("530100", "440200"), GE, 0.6, spike=1.7),
    # --- graphite (2023 No.39, from 2023-12-01) ---
    _g("flake_graphite", "2504101000", "CN-2023-39-GR-02", "graphite:flake", "graphite",
       ("鳞片石墨", "天然鳞片石墨"), ("Natural flake graphite", "Flake graphite"), "flake graphite",
       ("+100目 94%C", "-100目 95%C", "+50 mesh 94-95%C", "-195 mesh 90%C"), ("鳞片", "flake"),
       ("耐火材料", "refractory", "电池", "expandable graphite"), 0.75, (10000, 120000),
       (1.004, 1.015), ("230300", "230400", "150900", "370200"), GR, 2.5, spike=1.15),
    _g("spherical_graphite", "3801901000", "CN-2023-39-GR-02", "graphite:spherical", "graphite",
       ("球形石墨", "天然球形石墨"), ("Spherical graphite", "Spheroidized graphite"), "SG",
       ("SG15 99.95%C", "SG18", "D50 17um 99.95%", "SG10"), ("粉末", "powder"),
       ("锂电池负极", "Li-ion anode"), 2.8, (3000, 40000), (1.01, 1.03),
       ("230300", "230400", "360100"), GR, 1.4, spike=1.2),
    _g("hp_graphite", "3801100030", "CN-2023-39-GR-01", "graphite:artificial", "graphite",
       ("高纯石墨", "等静压石墨"), ("Isostatic graphite block", "High purity graphite"),
       "iso graphite", ("99.995%C 1.85g/cm3", "ash<50ppm", "1.82 g/cm3 60MPa"),
       ("块", "block", "rod"), ("半导体", "EDM", "光伏热场"), 12, (300, 8000), (1.08, 1.22),
       ("511100", "410400"), GR, 0.9, spike=1.3),
    # --- antimony (2024 No.33, from 2024-09-15) ---
    _g("sb_ore", "2617101000", "CN-2024-33-SB-01", "antimony:concentrate", "antimony",
       ("锑精矿", "锑矿砂"), ("Antimony concentrate", "Antimony ore"), "Sb conc.",
       ("Sb 45%", "Sb 55%", "Sb 60%"), ("精矿", "concentrate"), ("冶炼", "smelting"), 6,
       (5000, 40000), (1.004, 1.012), ("431300", "451200", "433100"), SB, 0.3, spike=1.9),
    _g("sb_ingot", "8110101000", "CN-2024-33-SB-02", "antimony:metal", "antimony", ("锑锭", "精锑"),
       ("Antimony ingot", "Antimony metal"), "Sb ingot", ("99.65%", "99.85%", "99.90%", "2#"),
       ("锭", "ingot 25kg"), ("阻燃剂", "lead alloy", "flame retardant"), 12, (1000, 24000),
       (1.01, 1.03), ("431300", "451200", "433100", "520100"), SB, 1.8, spike=2.4),
    _g("sb_oxide_hp", "2825800010", "CN-2024-33-SB-03", "antimony:oxide", "antimony",
       ("高纯三氧化二锑", "三氧化二锑(99.99%)"),
       ("Antimony trioxide 99.99%", "High purity antimony trioxide"), "Sb2O3 4N",
       ("99.99%", "4N", "99.995%"), ("粉末", "powder"), ("PET催化剂", "catalyst", "电子"), 15,
       (500, 16000), (1.01, 1.04), ("431300", "451200"), SB, 0.7, spike=2.3),
    # --- tungsten, tellurium, bismuth, molybdenum, indium (2025 No.10, from 2025-02-04) ---
    _g("apt", "2841801000", "CN-2025-10-W-01", "tungsten:apt", "tungsten", ("仲钨酸铵", "APT"),
       ("Ammonium paratungstate", "APT"), "APT", ("WO3 88.5%", "0级 GB/T 10116", "88.5% min"),
       ("粉末", "powder", "crystal"), ("硬质合金", "cemented carbide", "钨粉"), 28, (1000, 20000),
       (1.03, 1.06), ("360700", "431000", "350200"), W, 1.5, spike=1.7),
    _g("wo3", "2825901200", "CN-2025-10-W-02", "tungsten:oxide", "tungsten",
       ("三氧化钨", "蓝钨", "氧化钨"),
       ("Tungsten oxide", "Tungsten trioxide", "Blue tungsten oxide"), "WO3", ("99.95%", "99.9%"),
       ("粉末", "powder"), ("钨粉", "catalyst"), 33, (500, 10000), (1.03, 1.06),
       ("360700", "350200"), W, 0.6, spike=1.7),
    _g("wc", "2849902000", "CN-2025-10-W-03", "tungsten:carbide", "tungsten",
       ("碳化钨粉", "碳化钨"), ("Tungsten carbide powder", "WC powder"), "WC powder",
       ("Fsss 0.8um", "Fsss 2.0um", "total C 6.13%"), ("粉末", "powder"),
       ("硬质合金", "cutting tools"), 45, (200, 8000), (1.03, 1.07), ("360700", "430200", "350200"),
       W, 1.1, spike=1.6),
    _g("w_heavy", "8101940001", "CN-2025-10-W-06", "tungsten:heavy_alloy", "tungsten",
       ("高比重钨合金", "钨镍铁合金棒"), ("Tungsten heavy alloy", "W-Ni-Fe alloy bar"), "WHA bar",
       ("W 97%", "W97NiFe", "W 97.5% 18.5g/cc"), ("棒", "bar", "block"),
       ("配重", "radiation shielding"), 80, (50, 2000), (1.1, 1.25), ("360700", "430200"), W, 0.5,
       spike=1.5),
    _g("te_metal", "2804500001", "CN-2025-10-TE-01", "tellurium:metal", "tellurium",
       ("碲锭", "高纯碲"), ("Tellurium ingot", "Tellurium metal"), "Te ingot",
       ("99.99%", "5N", "4N"), ("锭", "ingot", "lump"), ("太阳能薄膜", "thermoelectric", "CdTe"),
       80, (50, 2000), (1.03, 1.06), ("511800", "441800", "360100"), TE, 0.6, spike=1.5),
    _g("cdte", "2842902000", "CN-2025-10-TE-02", "tellurium:cdte", "tellurium",
       ("碲化镉", "碲化镉晶体"), ("Cadmium telluride", "CdTe crystal"), "CdTe", ("5N", "99.999%"),
       ("颗粒", "granules", "crystal"), ("光伏", "detectors"), 300, (10, 400), (1.05, 1.15),
       ("441800", "511800"), TE, 0.3, spike=1.4),
    _g("bi_metal", "8106101091", "CN-2025-10-BI-01", "bismuth:metal", "bismuth", ("铋锭", "精铋"),
       ("Bismuth ingot", "Bismuth metal"), "Bi ingot", ("99.99%", "4N", "Bi 99.997%"),
       ("锭", "ingot 10kg", "needle"), ("医药", "低熔合金", "pharmaceutical", "alloys"), 9,
       (500, 16000), (1.01, 1.03), ("431000", "360700"), BI, 0.9, spike=3.5),
    _g("mo_powder", "8102100001", "CN-2025-10-MO-01", "molybdenum:powder", "molybdenum",
       ("钼粉", "细钼粉"), ("Molybdenum powder", "Fine Mo powder"), "Mo powder",
       ("Mo 99.95% Fsss 3um", "D50 <50um", "Mo≥99.9% 2.5um"), ("粉末", "powder"),
       ("喷涂", "thermal spray", "sputtering"), 60, (100, 4000), (1.04, 1.08), ("410300", "610500"),
       MO, 0.5, spike=1.2),
    _g("inp", "2853904051", "CN-2025-10-IN-01", "indium:phosphide", "indium",
       ("磷化铟晶片", "磷化铟衬底"), ("InP wafer", "Indium phosphide substrate"), "InP wafer",
       ("2 inch", "3 inch", "4 inch S-doped"), ("wafer", "抛光片"), ("光通信", "photonics"), 8000,
       (0.5, 40), (2.2, 3.8), ("110100", "441900"), IN_, 0.3, spike=1.3, unit="pcs",
       kg_per_unit=0.02),
    _g("tmin", "2931900032", "CN-2025-10-IN-02", "indium:trimethyl", "indium",
       ("三甲基铟", "三甲基铟(MO源)"), ("Trimethylindium", "TMIn MO source"), "TMIn",
       ("6N", "99.9999%", "electronic grade"), ("液/固", "in bubbler"), ("MOCVD", "LED外延"), 6000,
       (0.5, 15), (6.0, 14.0), ("320500", "120100"), IN_, 0.2, spike=1.3),
    # --- rare earths (2025 No.18, from 2025-04-04) ---
    _g("dy_oxide", "2846901500", "CN-2025-18-DY-B", "dysprosium:oxide", "rare_earth", ("氧化镝",),
       ("Dysprosium oxide", "Dy2O3"), "Dy2O3", ("99.5%", "Dy2O3/TREO 99.5%", "3N"),
       ("粉末", "powder"), ("钕铁硼磁体", "NdFeB magnets"), 330, (50, 2000), (1.02, 1.05),
       ("360700", "350800", "150200"), RE, 1.2, spike=2.8),
    _g("tb_oxide", "2846901600", "CN-2025-18-TB-B", "terbium:oxide", "rare_earth", ("氧化铽",),
       ("Terbium oxide", "Tb4O7"), "Tb4O7", ("99.99%", "4N", "Tb4O7/TREO 99.99%"),
       ("粉末", "powder"), ("磁材", "phosphors", "magnets"), 1100, (20, 600), (1.02, 1.05),
       ("360700", "350800"), RE, 0.8, spike=2.8),
    _g("dy_metal", "2805301200", "CN-2025-18-DY-A", "dysprosium:metal", "rare_earth", ("金属镝",),
       ("Dysprosium metal",), "Dy metal", ("99.5%", "RE 99.5% Dy/RE 99.9%"),
       ("块", "lump", "ingot"), ("磁材添加", "magnet alloying"), 420, (20, 800), (1.03, 1.08),
       ("360700", "150200"), RE, 0.5, spike=2.6),
    _g("tb_metal", "2805301300", "CN-2025-18-TB-A", "terbium:metal", "rare_earth", ("金属铽",),
       ("Terbium metal",), "Tb metal", ("99.9%", "Tb/RE 99.99%"), ("块", "lump"),
       ("磁材添加", "magnetostrictive"), 1400, (10, 300), (1.03, 1.08), ("360700", "150200"), RE,
       0.3, spike=2.6),
    _g("y_oxide", "2846901100", "CN-2025-18-Y-B", "yttrium:oxide", "rare_earth", ("氧化钇",),
       ("Yttrium oxide", "Y2O3"), "Y2O3", ("99.999%", "5N", "99.99%"), ("粉末", "powder"),
       ("热喷涂", "ceramics", "YSZ"), 6, (500, 10000), (1.02, 1.05), ("360700", "350800", "320500"),
       RE, 0.9, spike=6.0),
    _g("sm_metal", "2805301910", "CN-2025-18-SM-A", "samarium:metal", "rare_earth", ("金属钐",),
       ("Samarium metal",), "Sm metal", ("99.9%", "Sm/RE 99.9%"), ("块", "lump"),
       ("钐钴磁体", "SmCo magnets"), 14, (100, 3000), (1.03, 1.08), ("150200", "360700"), RE, 0.4,
       spike=3.0),
    _g("gd_oxide", "2846901930", "CN-2025-18-GD-B", "gadolinium:oxide", "rare_earth", ("氧化钆",),
       ("Gadolinium oxide", "Gd2O3"), "Gd2O3", ("99.99%", "4N"), ("粉末", "powder"),
       ("磁材", "MRI contrast", "ceramics"), 25, (200, 5000), (1.02, 1.05), ("360700", "150200"),
       RE, 0.4, spike=2.5),
    _g("sc_oxide", "2846901980", "CN-2025-18-SC-B", "scandium:oxide", "rare_earth", ("氧化钪",),
       ("Scandium oxide", "Sc2O3"), "Sc2O3", ("99.99%", "99.999%"), ("粉末", "powder"),
       ("SOFC", "Al-Sc alloy"), 900, (2, 80), (1.05, 1.12), ("360700", "450000"), RE, 0.2,
       spike=2.0),
    _g("lu_oxide", "2846901800", "CN-2025-18-LU-B", "lutetium:oxide", "rare_earth", ("氧化镥",),
       ("Lutetium oxide", "Lu2O3"), "Lu2O3", ("99.99%", "99.995%"), ("粉末", "powder"),
       ("闪烁晶体", "LYSO crystals"), 800, (2, 100), (1.05, 1.12), ("360700", "350800"), RE, 0.15,
       spike=2.2),
    # --- ordinary look-alikes: base metals and ferro-alloys ---
    _g("al_ingot", "7601100000", None, "aluminium:ingot", "base", ("铝锭", "原铝锭"),
       ("Aluminium ingot", "Primary aluminum ingot"), "Al ingot", ("A00 99.70%", "99.7%", "P1020"),
       ("锭", "ingot"), ("铸造", "casting"), 2.3, (20000, 100000), (1.003, 1.01),
       ("371600", "652300", "410100"), BASE, 4.0),
    _g("al_alloy", "7601200090", None, "aluminium:alloy", "base", ("铝合金锭", "ADC12铝合金锭"),
       ("Aluminium alloy ingot", "ADC12 ingot"), "Al alloy", ("ADC12", "A356.2", "AlSi10Mg"),
       ("锭", "ingot"), ("压铸", "die casting"), 2.5, (15000, 80000), (1.003, 1.012),
       ("371600", "441900", "330200"), BASE, 3.0),
    _g("zn_ingot", "7901110000", None, "zinc:ingot", "base", ("锌锭",), ("Zinc ingot", "SHG zinc"),
       "Zn ingot", ("99.995%", "Zn99.995", "SHG"), ("锭", "ingot 25kg"), ("镀锌", "galvanizing"),
       2.7, (20000, 100000), (1.003, 1.01), ("430200", "530100", "451200"), BASE, 2.2),
    _g("sn_ingot", "8001100000", None, "tin:ingot", "base", ("锡锭", "精锡"),
       ("Tin ingot", "Refined tin"), "Sn ingot", ("99.9%", "Sn99.95", "YT 99.99%"), ("锭", "ingot"),
       ("焊料", "solder", "tinplate"), 26, (1000, 25000), (1.005, 1.02), ("532500", "451200"), BASE,
       1.5),
    _g("solder", "8003000000", None, "tin:solder", "base", ("锡条", "焊锡条", "锡铋焊料"),
       ("Solder bar", "Tin solder bar", "Sn-Bi solder"), "solder bar",
       ("Sn63Pb37", "SAC305", "Sn42Bi58"), ("条", "bar"), ("电子焊接", "soldering"), 22,
       (200, 5000), (1.02, 1.06), ("440300", "320500", "532500"), BASE, 1.2),
    _g("pb_ingot", "7801100000", None, "lead:ingot", "base", ("铅锭", "电解铅"),
       ("Lead ingot", "Refined lead"), "Pb ingot", ("99.994%", "Pb99.994"), ("锭", "ingot"),
       ("蓄电池", "batteries"), 2.2, (20000, 100000), (1.003, 1.01), ("419001", "431000"), BASE,
       1.4),
    _g("pbsb_alloy", "7801910000", None, "lead:antimony_alloy", "base", ("铅锑合金", "铅锑合金锭"),
       ("Lead antimony alloy", "Hard lead ingot"), "PbSb alloy", ("Sb 2.5%", "Sb 4%", "PbSb3"),
       ("锭", "ingot"), ("蓄电池板栅", "battery grids"), 2.6, (10000, 60000), (1.003, 1.012),
       ("419001", "431000", "431300"), BASE, 1.3),
    _g("si_metal", "2804690000", None, "silicon:metal", "base", ("工业硅", "金属硅"),
       ("Silicon metal", "Metallurgical silicon"), "Si metal", ("553", "441", "3303", "Si 98.5%"),
       ("块", "lump 10-100mm"), ("铝合金", "aluminium alloys", "silicones"), 2.0, (20000, 100000),
       (1.004, 1.015), ("652300", "530600", "511100"), BASE, 2.5),
    _g("si_wafer", "3818001900", None, "silicon:wafer", "base", ("单晶硅片", "硅片"),
       ("Silicon wafer", "Monocrystalline silicon wafer"), "Si wafer",
       ("182mm N-type", "210mm", "8 inch"), ("wafer", "切片"),
       ("光伏", "solar cells", "semiconductor"), 25, (50, 3000), (1.3, 1.8),
       ("320500", "640100", "150100"), BASE, 1.8, unit="pcs", kg_per_unit=0.012),
    _g("mg_ingot", "8104110000", None, "magnesium:ingot", "base", ("镁锭",), ("Magnesium ingot",),
       "Mg ingot", ("99.9%", "Mg9990"), ("锭", "ingot 7.5kg"), ("铝合金", "alloying"), 3.0,
       (10000, 50000), (1.005, 1.015), ("610800", "140900"), BASE, 1.5),
    _g("ti_sponge", "8108202100", None, "titanium:sponge", "base", ("海绵钛",),
       ("Titanium sponge",), "Ti sponge", ("MHT-110", "0级", "Ti 99.7%"), ("颗粒", "granules"),
       ("钛材", "titanium ingots"), 7, (2000, 20000), (1.02, 1.05), ("211300", "210300"), BASE,
       0.8),
    _g("ni_cathode", "7502100000", None, "nickel:cathode", "base", ("电解镍", "镍板"),
       ("Nickel cathode", "Electrolytic nickel"), "Ni cathode", ("Ni9996", "99.96%"),
       ("板", "cathode"), ("不锈钢", "plating"), 18, (5000, 30000), (1.003, 1.01), ("620300",),
       BASE, 1.0),
    _g("co_metal", "8105209000", None, "cobalt:metal", "base", ("电解钴", "钴板"),
       ("Cobalt cathode",), "Co cathode", ("99.8%", "Co9998"), ("板", "cathode"),
       ("合金", "superalloys"), 35, (500, 10000), (1.01, 1.03), ("620300", "320500"), BASE, 0.6),
    _g("mn_flake", "8111001010", None, "manganese:metal", "base", ("电解锰", "电解金属锰"),
       ("Electrolytic manganese", "Manganese flakes"), "EMM", ("99.7%", "Mn99.7"), ("片", "flake"),
       ("不锈钢", "steel"), 2.0, (10000, 50000), (1.005, 1.02), ("640100", "451200", "433100"),
       BASE, 1.2),
    _g("cr_metal", "8112210000", None, "chromium:metal", "base", ("金属铬",), ("Chromium metal",),
       "Cr metal", ("99.2%", "JCr99.2"), ("块", "lump"), ("高温合金", "superalloys"), 10,
       (1000, 10000), (1.02, 1.05), ("150200", "211300"), BASE, 0.5),
    _g("in_ingot", "8112923000", None, "indium:metal", "base", ("铟锭", "精铟"),
       ("Indium ingot", "Indium metal"), "In ingot", ("99.995%", "4N5", "99.99%"),
       ("锭", "ingot 500g"), ("ITO靶材", "ITO targets", "solder"), 310, (20, 800), (1.03, 1.08),
       ("451200", "530100"), BASE, 0.7),
    _g("ferro_w", "7202800000", None, "tungsten:ferro", "ferro", ("钨铁", "钨铁合金"),
       ("Ferro tungsten",), "FeW80", ("W 80%", "FeW80-A", "W 75%"), ("块", "lump 10-100mm"),
       ("炼钢", "steelmaking"), 35, (1000, 20000), (1.01, 1.03), ("360700", "431000"), BASE, 0.8),
    _g("ferro_mo", "7202700000", None, "molybdenum:ferro", "ferro", ("钼铁",),
       ("Ferro molybdenum",), "FeMo60", ("Mo 60%", "FeMo60-A"), ("块", "lump"),
       ("炼钢", "steelmaking"), 30, (1000, 20000), (1.01, 1.03), ("410300", "610500"), BASE, 0.9),
    _g("mo_oxide", "2613100000", None, "molybdenum:roasted", "ferro", ("焙烧钼精矿", "氧化钼"),
       ("Roasted molybdenum concentrate", "Technical molybdenum oxide"), "TMO",
       ("Mo 57%", "Mo≥55%"), ("粉末", "powder"), ("钼铁", "ferromolybdenum"), 25, (5000, 30000),
       (1.005, 1.02), ("410300", "610500"), BASE, 0.6),
    _g("mo_coarse", "8102100090", None, "molybdenum:powder_coarse", "ferro", ("钼粉",),
       ("Molybdenum powder",), "Mo powder", ("Fsss 6um D50 75um", "-100 mesh", "Mo 99.9% D50 80um"),
       ("粉末", "powder"), ("压制烧结", "pressing and sintering"), 50, (200, 5000), (1.04, 1.08),
       ("410300", "610500"), BASE, 0.5),
    _g("mo_wire", "8102960000", None, "molybdenum:wire", "ferro", ("钼丝",), ("Molybdenum wire",),
       "Mo wire", ("0.18mm", "0.25mm EDM"), ("丝", "wire spool"), ("线切割", "EDM cutting"), 60,
       (100, 3000), (1.1, 1.25), ("410300",), BASE, 0.6),
    _g("w_wire", "8101960000", None, "tungsten:wire", "ferro", ("钨丝",), ("Tungsten wire",),
       "W wire", ("0.03mm", "0.5mm"), ("丝", "wire spool"), ("照明", "heating elements"), 70,
       (20, 1500), (1.15, 1.3), ("350200", "360700"), BASE, 0.5),
    _g("w_products", "8101999090", None, "tungsten:products", "ferro", ("钨制品", "钨合金制品"),
       ("Tungsten products", "Tungsten alloy parts"), "W parts", ("W 90%", "W93NiFe", "W 92.5%"),
       ("件", "parts", "plates"), ("配重", "counterweights", "fishing weights"), 55, (50, 2000),
       (1.1, 1.25), ("360700", "350200"), BASE, 0.6),
    # --- ordinary look-alikes: oxides and chemicals ---
    _g("sb_oxide_std", "2825800090", None, "antimony:oxide_fr", "chemical",
       ("三氧化二锑", "氧化锑"), ("Antimony trioxide", "Antimony oxide"), "Sb2O3",
       ("99.5%", "99.8%", "Sb2O3 99.5% min"), ("粉末", "powder"), ("阻燃剂", "flame retardant"), 12,
       (1000, 20000), (1.01, 1.04), ("431300", "451200"), BASE, 1.5),
    _g("na_antimonate", "2841900090", None, "antimony:sodium_antimonate", "chemical", ("焦锑酸钠",),
       ("Sodium antimonate",), "NaSbO3", ("Sb 48%", "Sb2O5 64%"), ("粉末", "powder"),
       ("玻璃澄清剂", "glass fining"), 14, (1000, 16000), (1.01, 1.04), ("431300",), BASE, 0.5),
    _g("sic", "2849200000", None, "silicon:carbide", "chemical", ("碳化硅", "黑碳化硅"),
       ("Silicon carbide", "Black silicon carbide"), "SiC", ("SiC 98%", "F36", "F220"),
       ("颗粒", "grit", "powder"), ("磨料", "abrasives", "refractory"), 1.2, (10000, 50000),
       (1.005, 1.02), ("640100", "620900"), BASE, 1.6),
    _g("amm_molybdate", "2841709000", None, "molybdenum:ammonium_molybdate", "chemical",
       ("钼酸铵", "四钼酸铵"), ("Ammonium molybdate", "Ammonium tetramolybdate"), "ADM",
       ("Mo 56%", "Mo≥56.0%"), ("粉末", "powder"), ("催化剂", "catalyst"), 32, (1000, 16000),
       (1.03, 1.06), ("410300", "610500"), BASE, 0.7),
    _g("zro2", "2825600090", None, "zirconium:oxide", "chemical", ("二氧化锆", "氧化锆"),
       ("Zirconium dioxide", "Zirconia powder"), "ZrO2", ("99.5%", "3Y-TZP", "ZrO2+HfO2 99.5%"),
       ("粉末", "powder"), ("陶瓷", "ceramics"), 6, (500, 16000), (1.02, 1.05),
       ("370300", "441900", "350200"), BASE, 1.2),
    _g("tio2", "2823000000", None, "titanium:dioxide", "chemical", ("钛白粉", "二氧化钛"),
       ("Titanium dioxide", "TiO2 rutile"), "TiO2", ("R-996", "rutile 94%", "anatase"),
       ("粉末", "powder"), ("涂料", "coatings"), 2.5, (10000, 50000), (1.005, 1.02),
       ("510400", "530100", "370700"), BASE, 2.0),
    _g("zno", "2817001000", None, "zinc:oxide", "chemical", ("氧化锌",), ("Zinc oxide",), "ZnO",
       ("99.7%", "ZnO 99.5%"), ("粉末", "powder"), ("橡胶", "rubber", "ceramics"), 2.8,
       (5000, 40000), (1.01, 1.03), ("430200", "130100"), BASE, 1.2),
    _g("alumina", "2818200000", None, "alumina", "chemical", ("氧化铝", "煅烧氧化铝"),
       ("Aluminium oxide", "Calcined alumina"), "Al2O3", ("Al2O3 99.6%", "alpha 99.5%"),
       ("粉末", "powder"), ("耐火材料", "refractories", "ceramics"), 0.5, (20000, 100000),
       (1.004, 1.012), ("370300", "410100", "140100"), BASE, 1.5),
    _g("ceo2", "2846101000", None, "cerium:oxide", "chemical", ("氧化铈", "抛光粉氧化铈"),
       ("Cerium oxide", "CeO2"), "CeO2", ("99.9%", "99.99%", "CeO2/TREO 99.95%"),
       ("粉末", "powder"), ("抛光", "polishing", "catalyst"), 2.0, (500, 16000), (1.02, 1.05),
       ("150200", "360700", "513400"), BASE, 1.2),
    _g("la2o3", "2846901910", None, "lanthanum:oxide", "chemical", ("氧化镧",),
       ("Lanthanum oxide",), "La2O3", ("99.99%", "99.9%"), ("粉末", "powder"),
       ("催化剂", "FCC catalyst", "glass"), 1.0, (1000, 20000), (1.02, 1.05), ("150200", "513400"),
       BASE, 0.8),
    _g("nd_oxide", "2846901920", None, "neodymium:oxide", "chemical", ("氧化钕", "氧化镨钕"),
       ("Neodymium oxide", "Praseodymium-neodymium oxide"), "Nd2O3", ("99.5%", "PrNd 75/25"),
       ("粉末", "powder"), ("钕铁硼", "NdFeB magnets"), 70, (200, 5000), (1.02, 1.05),
       ("150200", "360700", "513400"), BASE, 1.1),
    _g("nd_metal", "2805301100", None, "neodymium:metal", "chemical", ("金属钕", "镨钕金属"),
       ("Neodymium metal", "PrNd metal"), "Nd metal", ("99.5%", "TREM 99%"), ("块", "lump"),
       ("钕铁硼", "NdFeB"), 85, (200, 4000), (1.03, 1.08), ("150200", "360700"), BASE, 0.7),
    _g("na_sulfate", "2833110000", None, "sodium:sulfate", "chemical", ("无水硫酸钠", "元明粉"),
       ("Sodium sulphate anhydrous",), "Na2SO4", ("99%",), ("粉末", "powder"),
       ("洗涤剂", "detergents"), 0.15, (20000, 100000), (1.005, 1.015), ("510100", "320800"), BASE,
       0.7),
    # --- magnets, graphite products and ceramics outside the controls ---
    _g("ndfeb", "8505111000", None, "neodymium:magnet", "magnet",
       ("钕铁硼永磁体", "烧结钕铁硼磁钢"), ("NdFeB magnet", "Sintered neodymium magnets"), "NdFeB",
       ("N52", "N42", "N35 Ni-Cu-Ni"), ("block", "ring", "arc"), ("电机", "motors", "speakers"), 50,
       (100, 8000), (1.05, 1.15), ("330200", "150200", "360700"), BASE, 2.5),
    _g("ferrite", "8505190000", None, "ferrite:magnet", "magnet", ("铁氧体磁铁",),
       ("Ferrite magnet",), "ferrite", ("Y30", "Y35"), ("瓦形", "arc segment"), ("电机", "motors"),
       2.5, (2000, 20000), (1.05, 1.12), ("330700", "440600"), BASE, 1.0),
    _g("amorph_graphite", "2504900000", None, "graphite:amorphous", "graphite_ord",
       ("微晶石墨", "土状石墨"), ("Amorphous graphite", "Microcrystalline graphite"),
       "amorph graphite", ("C 80%", "C 85%", "-200目 FC80"), ("粉末", "powder", "lump"),
       ("铸造", "foundry", "炼钢增碳"), 0.35, (10000, 80000), (1.004, 1.015), ("431000", "220200"),
       BASE, 1.2),
    _g("graphite_electrode", "8545110000", None, "graphite:electrode", "graphite_ord",
       ("石墨电极", "超高功率石墨电极"), ("Graphite electrode", "UHP graphite electrode"),
       "UHP electrode", ("UHP 450mm", "HP 350mm", "RP 300mm"), ("支", "pcs with nipples"),
       ("电弧炉", "EAF steelmaking"), 4.5, (5000, 60000), (1.08, 1.18),
       ("410400", "220200", "140400"), BASE, 1.8),
    _g("graphite_sheet", "6815190090", None, "graphite:products", "graphite_ord",
       ("柔性石墨板", "石墨垫片", "石墨制品"),
       ("Flexible graphite sheet", "Graphite gasket", "Graphite products"), "graphite sheet",
       ("C 99%", "C 98% 1.0g/cm3"), ("卷", "roll", "sheet"), ("密封", "sealing"), 8, (200, 6000),
       (1.06, 1.16), ("370200", "230300"), BASE, 0.8),
    _g("anode_material", "3801909090", None, "graphite:anode", "graphite_ord",
       ("人造石墨负极材料", "石墨负极材料"),
       ("Artificial graphite anode material", "Graphite anode powder"), "anode",
       ("350mAh/g", "D50 15um 355mAh/g"), ("粉末", "powder"), ("锂电池", "Li-ion batteries"), 4,
       (5000, 40000), (1.01, 1.03), ("440300", "360100", "150900"), BASE, 1.3),
    _g("crucible", "6903100000", None, "graphite:crucible", "graphite_ord",
       ("石墨坩埚", "粘土石墨坩埚"), ("Graphite crucible", "Clay graphite crucible"), "crucible",
       ("#100", "#300"), ("件", "pcs"), ("熔炼", "melting"), 5, (300, 6000), (1.15, 1.35),
       ("370200", "320200"), BASE, 0.5),
    _g("ceramic_parts", "6909120000", None, "alumina:ceramic", "ceramic",
       ("氧化铝陶瓷件", "耐磨陶瓷"), ("Alumina ceramic parts", "Wear resistant ceramic"),
       "ceramic parts", ("Al2O3 95%", "99%"), ("件", "pcs"), ("耐磨", "wear lining"), 6,
       (300, 10000), (1.12, 1.3), ("370300", "360900"), BASE, 0.9),
    _g("refractory", "6902100000", None, "magnesia:brick", "ceramic", ("镁铬砖", "镁碳砖"),
       ("Magnesia chrome brick", "Magnesia carbon brick"), "MgO-C brick",
       ("MgO 80%", "MgO 76% C 14%"), ("砖", "bricks on pallets"), ("钢包", "ladles"), 0.8,
       (10000, 40000), (1.03, 1.08), ("210800", "410100"), BASE, 1.0),
    _g("fluorspar", "2529210000", None, "fluorspar", "ceramic", ("萤石", "酸级萤石粉"),
       ("Fluorspar", "Acid grade fluorspar"), "CaF2", ("CaF2 97%", "CaF2 85%"),
       ("粉末", "lump/powder"), ("氢氟酸", "hydrofluoric acid"), 0.45, (20000, 100000),
       (1.004, 1.012), ("330700", "150200"), BASE, 0.8),
    # --- goods of the suspended 2025 Nos.55-58 items: no licence needed in the period ---
    _g("li_cells", "8507600090", None, "lithium_battery:cell", "battery",
       ("锂离子电池", "磷酸铁锂电芯"), ("Lithium-ion battery", "LFP cells"), "LFP cell",
       ("3.2V 280Ah", "3.2V 100Ah 165Wh/kg"), ("电芯", "cells"), ("储能", "energy storage", "EV"),
       11, (2000, 20000), (1.1, 1.22), ("350900", "440300", "320400"), BATT, 2.2, unit="pcs",
       kg_per_unit=5.4),
    _g("ho_metal", "2805301990", None, "holmium:metal", "chemical", ("金属钬",), ("Holmium metal",),
       "Ho metal", ("99.5%",), ("块", "lump"), ("合金", "alloys"), 90, (20, 500), (1.03, 1.08),
       ("360700",), BASE, 0.15),
    _g("diamond_powder", "7105102000", None, "diamond:micropowder", "chemical", ("人造金刚石微粉",),
       ("Synthetic diamond micropowder", "Diamond powder"), "diamond powder",
       ("W5", "W10", "D50 3um"), ("微粉", "powder"), ("研磨抛光", "polishing"), 120, (5, 300),
       (1.05, 1.15), ("410100", "410200"), BASE, 0.5),
    # --- hardware that fills trading houses' consolidations ---
    _g("bolts", "7318159001", None, "steel:fasteners", "hardware", ("不锈钢螺栓", "螺栓"),
       ("Stainless steel bolts", "Hex bolts"), "bolts", ("A2-70 M12", "8.8 grade M16"),
       ("件", "pcs"), ("紧固", "fastening"), 3.5, (200, 8000), (1.03, 1.08), ("330400", "320500"),
       BASE, 1.0),
    _g("hand_tools", "8205590000", None, "steel:tools", "hardware", ("手工具", "五金工具"),
       ("Hand tools", "Hardware tools"), "tools", ("CRV", "carbon steel"), ("套", "sets"),
       ("维修", "repair"), 5, (100, 4000), (1.1, 1.3), ("330700", "330400"), BASE, 0.8),
    _g("valves", "8481804090", None, "steel:valves", "hardware", ("阀门", "球阀"),
       ("Valves", "Ball valves"), "valves", ("DN50 PN16", "DN100"), ("件", "pcs"),
       ("管道", "pipelines"), 9, (100, 4000), (1.1, 1.25), ("330300", "120100"), BASE, 0.8),
)  # fmt: skip

BY_KEY: dict[str, Good] = {g.key: g for g in GOODS}


def _wobble(key: str, day: dt.date, amplitude: float) -> float:
    """A smooth, deterministic wander of a price around its trend."""
    phase = (zlib.crc32(key.encode()) % 1000) / 1000 * 2 * math.pi
    t = (day - START).days / 365.25
    return 1.0 + amplitude * (
        0.6 * math.sin(2 * math.pi * t * 0.9 + phase)
        + 0.4 * math.sin(2 * math.pi * t * 2.3 + 2 * phase)
    )


def _trend(good: Good, day: dt.date) -> float:
    """Market moves not caused by the controls (antimony was already climbing in 2024)."""
    years = (day - START).days / 365.25
    if good.element == "antimony":
        return 1.0 + 0.7 * min(years, 1.2)
    if good.key in {"in_ingot", "sn_ingot"}:
        return 1.0 + 0.08 * years
    return 1.0


def control_ramp(good: Good, day: dt.date) -> float:
    """0 before the control, rising to 1 five months after it, easing to 0.85 later."""
    effective = good.effective
    if effective is None or day < effective:
        return 0.0
    days = (day - effective).days
    rise = min(1.0, days / 150)
    return rise * (1.0 - 0.15 * min(1.0, max(0.0, (days - 365) / 200)))


_PRICES: dict[tuple[str, dt.date], float] = {}


def export_price(good: Good, day: dt.date) -> float:
    """The price a foreign buyer pays, USD per kg (the honest declared unit value)."""
    key = (good.key, day)
    price = _PRICES.get(key)
    if price is None:
        base = good.price * _trend(good, day) * _wobble(good.key, day, 0.07)
        price = _PRICES[key] = base * (1.0 + (good.spike - 1.0) * control_ramp(good, day))
    return price


def domestic_price(good: Good, day: dt.date) -> float:
    """The price inside China, USD per kg: it sags once exports need a licence."""
    base = good.price * _trend(good, day) * _wobble(good.key, day, 0.07)
    return base * 0.93 * (1.0 - 0.12 * control_ramp(good, day))


def controlled_goods() -> list[Good]:
    return [g for g in GOODS if g.controlled]
