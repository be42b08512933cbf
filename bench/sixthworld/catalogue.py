"""What the sixth world trades: ordinary goods, controlled items, their look-alikes, ports.

Prices are this generator's own levels (USD per kg, or per piece for ``pcs``/``set``
goods); they are plausible orders of magnitude, not quotes. Controlled items carry the
project catalogue's control ids and commodity codes, so a dataset made here can be
screened against the real catalogue; every other choice (which goods, which ports, how
they are described) is this generator's own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Good:
    """An ordinary (uncontrolled) good: code, names, price and the size of a usual line."""

    hs: str
    zh: str
    en: str
    usd_per_kg: float
    line_kg: float  # median net kg on one declaration line
    unit: str = "kg"  # kg, t, pcs or set
    kg_per_piece: float = 1.0
    pack: float = 1.08  # gross / net of its usual packing


ORDINARY: tuple[Good, ...] = (
    Good("6403990000", "皮面运动鞋", "leather upper sports shoes", 18.0, 900, "pcs", 0.9, 1.25),
    Good("6110200000", "棉制针织套头衫", "cotton knitted pullovers", 14.0, 1200, "pcs", 0.4, 1.12),
    Good("9403609990", "木制家具", "wooden furniture", 3.5, 4000, "set", 35.0, 1.3),
    Good("9405119000", "LED灯具", "LED luminaires", 9.0, 1500, "pcs", 1.2, 1.35),
    Good("6907210000", "瓷质砖", "porcelain tiles", 0.35, 22000, "kg", 1.0, 1.06),
    Good("7318150000", "钢制螺栓", "steel bolts", 1.6, 9000),
    Good("7604291000", "铝合金型材", "aluminium alloy profiles", 3.6, 12000),
    Good("0902301000", "红茶", "black tea", 6.5, 3000, "kg", 1.0, 1.1),
    Good("0703200000", "鲜大蒜", "fresh garlic", 0.9, 26000, "t", 1.0, 1.04),
    Good("3904100000", "聚氯乙烯树脂", "PVC resin", 0.85, 25000, "t", 1.0, 1.01),
    Good("4011100000", "小客车轮胎", "passenger car tyres", 3.2, 10000, "pcs", 9.0, 1.02),
    Good("8541430000", "光伏组件", "photovoltaic modules", 3.0, 15000, "pcs", 28.0, 1.15),
    Good("9503008900", "塑料玩具", "plastic toys", 6.0, 2500, "pcs", 0.3, 1.4),
    Good("8413709990", "离心泵", "centrifugal pumps", 7.5, 3000, "set", 45.0, 1.2),
    Good("8544492100", "电缆", "electric cables", 5.5, 6000),
    Good("8516500000", "微波炉", "microwave ovens", 4.8, 5000, "set", 14.0, 1.2),
    Good("3923210000", "塑料袋", "plastic bags", 2.2, 8000),
    Good("7005290000", "浮法玻璃", "float glass", 0.45, 24000, "kg", 1.0, 1.08),
    Good("6802930000", "花岗岩板材", "granite slabs", 0.3, 25000, "t", 1.0, 1.03),
    Good("8471300000", "笔记本电脑", "notebook computers", 180.0, 400, "pcs", 2.0, 1.3),
    Good("8517130000", "智能手机", "smartphones", 450.0, 150, "pcs", 0.3, 1.35),
    Good("2836500000", "碳酸钙", "calcium carbonate", 0.12, 26000, "t", 1.0, 1.01),
    Good("3102100000", "尿素", "urea", 0.35, 27000, "t", 1.0, 1.01),
    Good("7308900000", "钢结构件", "steel structures", 1.3, 18000),
    Good("8708299000", "汽车车身零件", "motor vehicle body parts", 5.0, 5000),
    Good("6307900000", "纺织制品", "made-up textile articles", 7.0, 2000, "pcs", 0.5, 1.15),
    Good("4819100000", "瓦楞纸箱", "corrugated cartons", 1.1, 7000),
    Good("9018390000", "医用针头", "medical needles", 40.0, 300, "pcs", 0.01, 1.5),
    Good("8481804090", "阀门", "valves", 9.0, 2500, "pcs", 3.0, 1.15),
    Good("8504401400", "逆变器", "inverters", 16.0, 1200, "pcs", 6.0, 1.25),
)

# Ordinary goods that look like minerals: honest trade uses them too, and the
# misdeclaration schemes hide controlled material under them.
LOOKALIKE: tuple[Good, ...] = (
    Good("8001100000", "未锻轧非合金锡", "unwrought tin, not alloyed", 30.0, 5000),
    Good("7801991000", "精炼铅锭", "refined lead ingots", 2.2, 20000, "t"),
    Good("7601100000", "未锻轧非合金铝", "unwrought aluminium", 2.4, 22000, "t"),
    Good("2818200000", "氧化铝", "aluminium oxide", 0.5, 25000, "t"),
    Good("6815190000", "碳素制品", "carbon articles", 4.0, 3000),
    Good("8209001000", "硬质合金刀片", "cemented carbide inserts", 60.0, 200, "pcs", 0.01, 1.2),
    Good(
        "2620999000",
        "含金属的矿渣及残渣",
        "slag, ash and residues containing metals",
        0.6,
        20000,
        "t",
    ),
    Good("2621900090", "其他矿渣及矿灰", "other slag and ash", 0.1, 25000, "t"),
    Good("7602000090", "铝废碎料", "aluminium waste and scrap", 1.6, 18000, "t"),
    Good("7204490090", "钢铁废碎料", "ferrous waste and scrap", 0.35, 25000, "t"),
    Good("7326909000", "其他钢铁制品", "other articles of iron or steel", 3.0, 4000),
    Good("7616999000", "其他铝制品", "other articles of aluminium", 5.0, 3000),
    Good("7403290000", "铜合金", "copper alloys, unwrought", 8.5, 8000),
    Good("7901120000", "未锻轧非合金锌", "unwrought zinc", 2.8, 20000, "t"),
    Good("3824999999", "化学工业品", "chemical preparations n.e.s.", 3.0, 5000),
    Good("9001909000", "光学元件", "optical elements", 80.0, 60, "pcs", 0.05, 1.3),
    Good("2530909999", "其他矿产品", "other mineral substances", 0.4, 20000, "t"),
)


@dataclass(frozen=True)
class Controlled:
    """A controlled item as traded: control id, code, names, spec and price."""

    control_id: str
    hs: str
    material: str  # material code of the contract (element:form)
    zh: str
    en: str
    spec: str  # declared elements: grade, purity, form
    usd_per_kg: float
    line_kg: float
    covers: tuple[int, ...]  # LOOKALIKE indices it is passed off as


CONTROLLED: tuple[Controlled, ...] = (
    Controlled(
        "CN-2023-23-GA-01",
        "8112929010",
        "gallium:metal",
        "金属镓",
        "gallium metal",
        "4N-6N 镓锭 ingot",
        310.0,
        120,
        (0, 2, 12),
    ),
    Controlled(
        "CN-2023-23-GA-03",
        "2825909001",
        "gallium:oxide",
        "氧化镓",
        "gallium oxide",
        "Ga2O3 99.99% 粉末",
        240.0,
        50,
        (3, 14),
    ),
    Controlled(
        "CN-2023-23-GE-01",
        "8112921010",
        "germanium:metal",
        "锗锭",
        "germanium ingot",
        "区熔锗 zone refined 50Ω",
        1850.0,
        30,
        (15, 10, 0),
    ),
    Controlled(
        "CN-2023-23-GE-05",
        "2825600002",
        "germanium:dioxide",
        "二氧化锗",
        "germanium dioxide",
        "GeO2 99.999%",
        1250.0,
        25,
        (14, 16),
    ),
    Controlled(
        "CN-2023-39-GR-02",
        "2504101000",
        "graphite:spherical",
        "球形石墨",
        "spherical graphite",
        "SG-17 99.95% C",
        3.8,
        18000,
        (4, 16),
    ),
    Controlled(
        "CN-2024-33-SB-02",
        "8110101000",
        "antimony:metal",
        "锑锭",
        "antimony ingot",
        "Sb 99.65% 锭",
        48.0,
        8000,
        (1, 13, 6),
    ),
    Controlled(
        "CN-2024-33-SB-03",
        "2825800010",
        "antimony:oxide",
        "三氧化二锑",
        "antimony trioxide",
        "Sb2O3 99.8%",
        40.0,
        10000,
        (3, 14, 7),
    ),
    Controlled(
        "CN-2025-10-W-04",
        "8101940001",
        "tungsten:metal",
        "钨条",
        "tungsten bars",
        "W 99.95% 未锻轧",
        75.0,
        1500,
        (5, 10, 11),
    ),
    Controlled(
        "CN-2025-10-W-02",
        "2825901200",
        "tungsten:oxide",
        "氧化钨",
        "tungsten oxide",
        "WO3 黄钨",
        46.0,
        3000,
        (14, 6),
    ),
    Controlled(
        "CN-2025-10-TE-01",
        "2804500001",
        "tellurium:metal",
        "碲锭",
        "tellurium ingot",
        "Te 4N 锭",
        115.0,
        400,
        (0, 12),
    ),
    Controlled(
        "CN-2025-10-BI-01",
        "8106101091",
        "bismuth:metal",
        "铋锭",
        "bismuth ingot",
        "Bi 99.99%",
        15.0,
        4000,
        (1, 12, 13),
    ),
    Controlled(
        "CN-2025-10-MO-01",
        "8102100001",
        "molybdenum:powder",
        "钼粉",
        "molybdenum powder",
        "Mo 99.9% 粉末 3-5μm",
        66.0,
        1000,
        (10, 14),
    ),
    Controlled(
        "CN-2025-10-IN-01",
        "2853904051",
        "indium:phosphide",
        "磷化铟",
        "indium phosphide",
        "InP 晶片 wafer",
        900.0,
        8,
        (15, 14),
    ),
    Controlled(
        "CN-2025-18-DY-B",
        "2846901500",
        "dysprosium:oxide",
        "氧化镝",
        "dysprosium oxide",
        "Dy2O3 99.5%",
        265.0,
        300,
        (3, 16, 6),
    ),
    Controlled(
        "CN-2025-18-TB-B",
        "2846901600",
        "terbium:oxide",
        "氧化铽",
        "terbium oxide",
        "Tb4O7 99.99%",
        1100.0,
        60,
        (3, 14),
    ),
    Controlled(
        "CN-2025-18-Y-B",
        "2846901100",
        "yttrium:oxide",
        "氧化钇",
        "yttrium oxide",
        "Y2O3 5N 粉",
        9.0,
        3000,
        (3, 16),
    ),
    Controlled(
        "CN-2025-18-SM-A",
        "2805301910",
        "samarium:metal",
        "金属钐",
        "samarium metal",
        "Sm ≥99.5% 块",
        36.0,
        800,
        (12, 10),
    ),
    Controlled(
        "CN-2025-18-SC-B",
        "2846901980",
        "scandium:oxide",
        "氧化钪",
        "scandium oxide",
        "Sc2O3 99.99%",
        760.0,
        40,
        (3, 14),
    ),
)

# Scrap, waste, residue, alloy and "other articles" codes a controlled metal is passed
# off as (indices into LOOKALIKE), with how the description names it.
ELEMENT_ZH = {
    "gallium": "镓",
    "germanium": "锗",
    "graphite": "石墨",
    "antimony": "锑",
    "tungsten": "钨",
    "tellurium": "碲",
    "bismuth": "铋",
    "molybdenum": "钼",
    "indium": "铟",
    "dysprosium": "镝",
    "terbium": "铽",
    "yttrium": "钇",
    "samarium": "钐",
    "scandium": "钪",
}
SCRAP_COVERS: tuple[int, ...] = (6, 7, 8, 9, 10, 11, 12, 13)
SCRAP_WORDS_ZH: tuple[str, ...] = ("废料", "冶炼渣", "残渣", "烟灰", "合金", "边角料", "杂料")
SCRAP_WORDS_EN: tuple[str, ...] = (
    "scrap",
    "slag",
    "residue",
    "flue dust",
    "alloy",
    "off-cuts",
    "mixed lots",
)
GRADE_WORDS: tuple[str, ...] = (
    "99.99%",
    "4N",
    "5N",
    "ingot 锭",
    "powder 粉",
    "块状 lumps",
    "Purity>99%",
)

# Ports: (code, customs district prefix for declaration numbers, mode weights in MODES order)
PORTS: tuple[tuple[str, str, tuple[float, ...]], ...] = (
    ("CNNGB", "3101", (0.95, 0, 0, 0, 0.05, 0, 0)),
    ("CNTAO", "4201", (0.93, 0, 0, 0.03, 0.04, 0, 0)),
    ("CNXMN", "3701", (0.92, 0, 0, 0, 0.06, 0.02, 0)),
    ("CNTXG", "0202", (0.9, 0, 0, 0.1, 0, 0, 0)),
    ("CNDLC", "0901", (0.9, 0, 0, 0.1, 0, 0, 0)),
    ("CNCAN", "5141", (0.7, 0, 0, 0, 0.2, 0.05, 0.05)),
    ("CNSHA", "2201", (0.97, 0, 0, 0, 0.03, 0, 0)),
    ("CNSZX", "5316", (0.55, 0, 0.1, 0, 0.25, 0.05, 0.05)),
    ("CNPVG", "2233", (0, 0.75, 0, 0, 0.15, 0.05, 0.05)),
    ("CNCTU", "7901", (0, 0.6, 0, 0.3, 0.1, 0, 0)),
    ("CNPXG", "7202", (0, 0, 0.9, 0.1, 0, 0, 0)),  # Pingxiang, to Viet Nam by road
    ("CNAKA", "9402", (0, 0, 0.3, 0.7, 0, 0, 0)),  # Alashankou, rail to Kazakhstan
    ("CNERL", "0703", (0, 0, 0.4, 0.6, 0, 0, 0)),  # Erenhot, to Mongolia
    ("CNKHG", "9501", (0, 0, 0.8, 0, 0, 0, 0.2)),  # Kashgar / Irkeshtam, road to Kyrgyzstan
)
MODES: tuple[str, ...] = ("sea", "air", "road", "rail", "express", "post", "passenger")
LAND_PORT_COUNTRY = {"CNPXG": "VN", "CNAKA": "KZ", "CNERL": "MN", "CNKHG": "KG"}

# Countries goods go to, their share of ordinary trade and the currency they pay in.
COUNTRIES: tuple[tuple[str, float, str], ...] = (
    ("US", 14, "USD"),
    ("DE", 6, "EUR"),
    ("JP", 6, "JPY"),
    ("KR", 5, "USD"),
    ("NL", 4, "EUR"),
    ("VN", 6, "USD"),
    ("IN", 5, "USD"),
    ("TH", 3, "USD"),
    ("MY", 3, "USD"),
    ("SG", 2, "USD"),
    ("AE", 3, "USD"),
    ("RU", 5, "CNY"),
    ("KZ", 2, "CNY"),
    ("KG", 1, "CNY"),
    ("MN", 1, "CNY"),
    ("TR", 2, "USD"),
    ("BR", 3, "USD"),
    ("MX", 3, "USD"),
    ("GB", 3, "USD"),
    ("IT", 2, "EUR"),
    ("FR", 2, "EUR"),
    ("ID", 3, "USD"),
    ("PH", 2, "USD"),
    ("AU", 3, "USD"),
    ("PL", 1, "EUR"),
    ("HK", 5, "HKD"),
    ("TW", 2, "USD"),
    ("AM", 0.3, "USD"),
    ("GE", 0.3, "USD"),
    ("RS", 0.4, "EUR"),
)
USD_RATE = {"USD": 1.0, "CNY": 7.18, "EUR": 0.92, "JPY": 151.0, "HKD": 7.81}
# Third countries goods are re-exported through, and free-trade hubs goods are "declared to".
RELAY_COUNTRIES: tuple[str, ...] = ("KZ", "KG", "AE", "TR", "AM", "GE", "MY", "TH", "VN", "RS")
HUB_COUNTRIES: tuple[str, ...] = ("HK", "AE", "SG", "MN", "KZ", "MY")
REAL_END_COUNTRIES: tuple[str, ...] = ("US", "RU", "JP", "TW", "KR", "DE")
