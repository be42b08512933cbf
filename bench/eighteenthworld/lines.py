"""Building one goods line: quantity in its unit, weights, value in the invoice currency,
the declared name and the declared elements (申报要素), and the clerical mess of honest
paperwork (short codes, missing weights, a code a clerk confused with its sibling).

Honest families and schemes both build lines here, so that a disguised line is made of
the same parts as the honest line it imitates.
"""

from __future__ import annotations

import random
from datetime import date

from eighteenthworld import market
from eighteenthworld.goods import CONTROLLED, ORDINARY, Controlled, Ordinary
from eighteenthworld.model import Line

BRANDS = ("无品牌", "无品牌", "无品牌", "HX", "JT", "自有品牌", "OEM", "NO BRAND")
USES = {
    "gallium": "半导体材料",
    "germanium": "红外光学/光纤",
    "graphite": "耐火材料/负极",
    "antimony": "阻燃剂原料",
    "tungsten": "硬质合金原料",
    "tellurium": "光伏材料",
    "bismuth": "医药/合金添加",
    "molybdenum": "增材制造",
    "indium": "光通信器件",
    "dysprosium": "磁材添加剂",
    "terbium": "磁材添加剂",
    "yttrium": "陶瓷/荧光粉",
    "gadolinium": "磁制冷/医用",
    "lutetium": "闪烁晶体",
    "scandium": "铝钪合金",
    "samarium": "钐钴磁体",
}
END_USES = {
    "gallium": ("compound semiconductor substrates", "NdFeB magnet alloying", "LED epitaxy"),
    "germanium": (
        "infrared optics",
        "optical fibre preforms",
        "PET catalyst",
        "solar cell substrates",
    ),
    "graphite": ("lithium-ion battery anodes", "refractories", "EDM electrodes"),
    "antimony": ("flame retardant masterbatch", "lead-acid battery grids", "glass fining"),
    "tungsten": ("cemented carbide tools", "lamp filaments", "radiation shielding"),
    "tellurium": ("CdTe solar modules", "thermoelectric modules"),
    "bismuth": ("pharmaceutical bismuth salts", "low-melting alloys"),
    "molybdenum": ("additive manufacturing powder",),
    "indium": ("optical transceivers",),
    "dysprosium": ("NdFeB magnets for EV motors",),
    "terbium": ("NdFeB magnets for EV motors",),
    "yttrium": ("thermal barrier coatings", "phosphors"),
    "gadolinium": ("MRI contrast agents",),
    "lutetium": ("PET scanner scintillators",),
    "scandium": ("Al-Sc alloy wire",),
    "samarium": ("SmCo magnets for sensors",),
}


def describe(rng: random.Random, zh: str, en: str, style: str) -> str:
    if style == "zh":
        return zh
    if style == "en":
        return en
    return f"{zh}({en})" if rng.random() < 0.5 else f"{zh} {en}"


def declared_elements(rng: random.Random, spec: str, use: str) -> str:
    """申报要素 as brokers type them: status flags, the good's elements, brand."""
    return f"{rng.choice('01')}|0|{spec}|{use}|{rng.choice(BRANDS)}"


def quantity_of(
    rng: random.Random, unit: str, kg: float, kg_per_unit: float
) -> tuple[float, float]:
    """(quantity in unit, net kg) for a lot of about ``kg``."""
    if unit == "kg":
        return round(kg, 2), round(kg, 2)
    if unit == "t":
        tonnes = round(kg / 1000, 3)
        return tonnes, round(tonnes * 1000, 1)
    if unit == "g":
        grams = round(kg * 1000)
        return float(grams), round(grams / 1000, 3)
    if unit == "l":
        litres = round(kg / kg_per_unit, 1)
        return litres, round(litres * kg_per_unit, 2)
    count = max(1, round(kg / kg_per_unit))
    return float(count), round(max(0.001, count * kg_per_unit * rng.uniform(0.96, 1.04)), 3)


def gross_of(rng: random.Random, net: float, unit: str, missing: float) -> float | None:
    if rng.random() < missing:
        return None
    packing = rng.uniform(1.0, 1.012) if unit == "t" else rng.uniform(1.02, 1.09)
    return round(net * packing + (0.2 if net < 5 else 0.0), 2)


def lot(rng: random.Random, bounds: tuple[float, float], scale: float = 1.0) -> float:
    lo, hi = bounds
    return min(hi, max(lo, rng.lognormvariate(0.0, 0.6) * (lo * hi) ** 0.5)) * scale


def ordinary(
    rng: random.Random,
    good: Ordinary,
    day: date,
    currency: str,
    style: str,
    noise: float,
    kg: float | None = None,
) -> Line:
    kg = kg if kg is not None else lot(rng, good.lot)
    quantity, net = quantity_of(rng, good.unit, kg, good.kg_per_unit)
    per_kg = rng.uniform(*good.usd_kg)
    if good.price != "flat":
        per_kg *= market.export_price(good.price, day)
    usd = net * per_kg * rng.lognormvariate(0.0, 0.05 + 0.2 * noise)
    line = Line(
        hs=good.hs,
        description=describe(rng, good.zh, good.en, style),
        spec=declared_elements(rng, good.zh, "一般用途"),
        quantity=quantity,
        unit=good.unit,
        net_kg=net,
        gross_kg=gross_of(rng, net, good.unit, 0.12 + noise * 0.3),
        value=round(market.to_currency(usd, currency, day), 2),
        usd=usd,
        good=good.key,
    )
    return line


def controlled(
    rng: random.Random,
    key: str,
    day: date,
    currency: str,
    style: str,
    noise: float,
    kg: float | None = None,
    price_factor: float = 1.0,
) -> Line:
    good: Controlled = CONTROLLED[key]
    kg = kg if kg is not None else lot(rng, good.lot)
    quantity, net = quantity_of(rng, good.unit, kg, good.kg_per_unit)
    per_kg = market.honest_unit_price(rng, good.price, day, noise) * good.factor * price_factor
    usd = net * per_kg
    line = Line(
        hs=good.hs,
        description=describe(rng, good.zh, good.en, style),
        spec=declared_elements(rng, good.spec, USES.get(good.element, "工业用")),
        quantity=quantity,
        unit=good.unit,
        net_kg=net,
        gross_kg=gross_of(rng, net, good.unit, 0.08 + noise * 0.2),
        value=round(market.to_currency(usd, currency, day), 2),
        usd=usd,
        good=key,
        element=good.element,
        true_hs=good.hs,
        true_kg=net,
        true_usd=usd,
    )
    return line


def clerical(rng: random.Random, line: Line, noise: float, house: bool = True) -> Line:
    """Honest mess: a code cut to its tariff line, a missing element, a confused sibling
    code or a low invoice that a check would correct (customs housekeeping)."""
    if rng.random() < 0.25 * noise:
        line.hs = line.hs[:8]
    if rng.random() < 0.3 * noise:
        line.spec = ""
    if rng.random() < 0.2 * noise:
        line.description = line.description.replace("(", " ").replace(")", "")
    good = ORDINARY.get(line.good)
    if house and good is not None:
        r = rng.random()
        if r < 0.3 * noise:
            line.house = "class"
            line.house_hs = good.sibling
            line.house_desc = f"{good.zh}: reclassified {good.hs} -> {good.sibling}"
        elif r < 0.5 * noise:
            line.house = "value"
            line.house_value = round(line.value * rng.uniform(1.2, 1.8), 2)
            line.house_desc = f"{good.zh}: invoice value corrected"
    return line


def end_use(rng: random.Random, element: str) -> str:
    return rng.choice(END_USES.get(element, ("industrial use",)))
