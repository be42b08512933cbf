"""The eleven ways controlled minerals leave this world's ports unlawfully.

Each scheme takes lines that were honest controlled trade (or, for the stowaway, honest
bulk cargo) after the item's control took effect, mostly from crooked exporters, and
rewrites them as the smugglers would have declared them. Every scheme leaves a trace a
careful analyst could find, some only faintly:

- ``neighbour_heading``: declared under an uncontrolled code of a look-alike good (gallium
  as tin or indium, germanium dioxide as silica, dysprosium oxide as lanthanum oxide);
  trace: the value per kg of the real goods under a cheap code (about half the lines),
  or a purity / form the cover goods never have, and the origin region.
- ``alloy_cloak``: declared as an alloy, master alloy, solder, hardmetal or polishing
  powder; trace: value per kg far above the alloy's, contents in the elements
  contradicting the description on some lines.
- ``slag_label``: declared as smelter dust, anode slime, residue or spent catalyst;
  trace: scrap code shipped by a trader, in small lots, sometimes by air, sometimes at
  the real goods' value.
- ``price_trim``: correct code and licence, value cut to a quarter to a half; trace: unit
  value far below the day's price for the item.
- ``netweight_trim``: quantity and net weight cut to 40-75 %, value cut alike, gross
  weight left true; trace: gross / net ratio.
- ``bulk_stowaway``: a dense controlled consignment hidden in a bulk line (concentrate,
  silicon, steel, aluminium) whose declaration is otherwise true; trace: gross weight
  above net plus normal tare, crooked exporter, often a fresh hub consignee.
- ``parcel_sample``: "samples" by express or post, a few kg at token value, no licence,
  some under a laboratory-reagent code; trace: value per kg, weight for a sample, the
  same consignee again and again.
- ``ghost_permit``: correct goods citing a licence number never issued (a transposed
  real number, an invented one) or none; trace: the register.
- ``stale_permit``: a real licence that does not cover the line (expired, drawn beyond
  its quantity, another exporter's, made out to another consignee); trace: the register.
- ``relay_consignee``: licensed exports to a freshly incorporated hub company that is
  tied to a watchlisted end user (shared director, shared phone, ownership); trace: the
  consignee's age, its ties, hub re-exports in the partners' statistics.
- ``ant_moving`` (蚂蚁搬家): bursts of border-resident road lines each just under the
  8,000 CNY allowance, a controlled item declared as itself without a licence or as tin /
  zinc; trace: many residents, one consignee and broker, a few days, value per kg.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import text
from .actors import Actors
from .catalogue import CONTROLLED, EFFECTIVE_DAY, INDEX, PRODUCTS, column
from .honest import PACK, UNIT, Lines, in_currency, in_force, ports_for, single_lines
from .licences import Book
from .market import Market
from .places import DAYS, LAND, PARCEL_PORTS, POST_PORTS, border_port, day_of

SCHEMES: tuple[str, ...] = (
    "neighbour_heading",
    "alloy_cloak",
    "slag_label",
    "price_trim",
    "netweight_trim",
    "bulk_stowaway",
    "parcel_sample",
    "ghost_permit",
    "stale_permit",
    "relay_consignee",
    "ant_moving",
)
WEIGHTS = np.array([0.13, 0.09, 0.08, 0.12, 0.09, 0.07, 0.09, 0.07, 0.09, 0.10, 0.07])

#: What each scheme's inspection writes when it finds the fraud.
RESULT = {
    "neighbour_heading": "misdeclared",
    "alloy_cloak": "misdeclared",
    "slag_label": "misdeclared",
    "price_trim": "undervalued",
    "netweight_trim": "misdeclared",
    "bulk_stowaway": "concealed",
    "parcel_sample": "unlicensed",
    "ghost_permit": "unlicensed",
    "stale_permit": "unlicensed",
    "relay_consignee": "diverted",
    "ant_moving": "unlicensed",
}

NEIGHBOUR = {
    "ga_metal": ("tin_ingot", "in_ingot"),
    "gaas_wafer": ("si_wafer",),
    "ge_metal": ("polysilicon", "in_ingot", "si_metal"),
    "geo2": ("silica", "tio2"),
    "inp_wafer": ("si_wafer",),
    "sb_ingot": ("tin_ingot", "lead_ingot", "zinc_ingot"),
    "sb2o3": ("zno", "tio2"),
    "sb_conc": ("zn_conc", "cu_conc"),
    "bi_ingot": ("tin_ingot", "lead_ingot"),
    "te_metal": ("se_metal",),
    "w_apt": ("amm_molybdate",),
    "wc_powder": ("mixture",),
    "mo_powder": ("femo",),
    "dy_oxide": ("la_oxide", "ce_oxide", "ndpr_oxide"),
    "tb_oxide": ("ndpr_oxide", "ce_oxide"),
    "tb_metal": ("ndfeb",),
    "y_oxide": ("la_oxide", "ce_oxide"),
    "graphite_sph": ("graphite_amorph", "anode"),
    "graphite_iso": ("electrode", "carbon_parts"),
}
ALLOY = {
    "ga_metal": "mixture",
    "ge_metal": "mixture",
    "sb_ingot": "pbsb_alloy",
    "bi_ingot": "snbi_solder",
    "te_metal": "cu_teal",
    "wc_powder": "wc_inserts",
    "w_apt": "mixture",
    "mo_powder": "femo",
    "dy_oxide": "ce_polish",
    "tb_oxide": "ce_polish",
    "y_oxide": "ce_polish",
    "graphite_sph": "carbon_parts",
    "sb2o3": "mixture",
    "geo2": "mixture",
    "graphite_iso": "carbon_parts",
    "tb_metal": "ndfeb",
}
SYMBOL = {
    "ga": "Ga",
    "ge": "Ge",
    "sb": "Sb",
    "bi": "Bi",
    "te": "Te",
    "wc": "W",
    "w": "W",
    "mo": "Mo",
    "dy": "Dy",
    "tb": "Tb",
    "y": "Y",
    "graphite": "C",
}
SLAG = (
    ("冶炼烟灰", "2620999090"),
    ("冶炼废渣", "2621900090"),
    ("阳极泥", "2620999090"),
    ("含金属废料", "3825900090"),
    ("废催化剂", "3815900000"),
    ("除尘灰 dust", "2620999090"),
)
HIDDEN = (
    "sb_ingot",
    "ge_metal",
    "ga_metal",
    "w_apt",
    "bi_ingot",
    "tb_oxide",
    "dy_oxide",
    "te_metal",
    "sb2o3",
)
BULK = ("zn_conc", "cu_conc", "si_metal", "steel_coil", "al_ingot", "fesi", "alumina", "al_alloy")
BORDER_COVER = ("tin_ingot", "zinc_ingot", "lead_ingot")
HS = column("hs")


@dataclass
class Hidden:
    """What the stowaway lines really carried besides their declared goods."""

    line: np.ndarray
    prod: np.ndarray
    kg: np.ndarray
    usd: np.ndarray


def _symbol(p: int) -> str:
    return SYMBOL.get(PRODUCTS[p].key.split("_")[0], "")


def choose(
    rng: np.random.Generator, a: Actors, L: Lines, fraud_share: float
) -> dict[str, np.ndarray]:
    """Disjoint sets of lines per scheme, drawn mostly from crooked exporters' trade."""
    n = L["prod"].size
    total = fraud_share * n
    want = {
        s: max(3, round(total * w / WEIGHTS.sum())) for s, w in zip(SCHEMES, WEIGHTS, strict=True)
    }
    taken = np.zeros(n, dtype=bool)
    taken[L["kind"] != ""] = True
    crook = np.array(a.exp_crooked)[L["exporter"]]
    weight = np.where(crook, 12.0, 1.0)
    single = np.zeros(n, dtype=bool)
    single[single_lines(L)] = True
    force = in_force(L)
    keys = np.array([p.key for p in PRODUCTS])[L["prod"]]
    bulk_ok = np.isin(keys, BULK) & (L["mode"] == "sea") & (L["day"] >= day_of("2023-08-15"))
    pools = {
        "neighbour_heading": force & np.isin(keys, list(NEIGHBOUR)),
        "alloy_cloak": force & np.isin(keys, list(ALLOY)),
        "slag_label": force & (UNIT[L["prod"]] != "pcs"),
        "price_trim": force,
        "netweight_trim": force & (UNIT[L["prod"]] == "kg"),
        "bulk_stowaway": bulk_ok & single,
        "parcel_sample": force & single & (column("air")[L["prod"]] > 0),
        "ghost_permit": force,
        "stale_permit": force,
        "relay_consignee": force & single,
        "ant_moving": force & single & (UNIT[L["prod"]] == "kg") & (column("cny")[L["prod"]] >= 50),
    }
    picked: dict[str, np.ndarray] = {}
    first = ("bulk_stowaway", "parcel_sample", "ant_moving", "relay_consignee")
    order = (*first, *(s for s in SCHEMES if s not in first))
    for s in order:
        pool = np.nonzero(pools[s] & ~taken)[0]
        k = min(want[s], pool.size)
        w = weight[pool] / weight[pool].sum()
        at = np.sort(rng.choice(pool, k, replace=False, p=w)) if k else pool[:0]
        taken[at] = True
        picked[s] = at
    return picked


def _set_product(
    rng: np.random.Generator,
    m: Market,
    L: Lines,
    at: np.ndarray,
    cover: np.ndarray,
    cover_value: np.ndarray,
) -> None:
    """Rewrite code, text and unit as the cover goods; value at cover price where asked."""
    L["prod"][at] = cover
    L["hs"][at] = HS[cover]
    L["desc"][at] = text.describe(rng, cover)
    nines, factor = text.grades(rng, cover)
    L["spec"][at] = text.specify(rng, cover, nines, L["style"][at])
    unit = UNIT[cover]
    L["unit"][at] = np.where(unit == "pcs", "kg", unit)
    L["qty"][at] = np.where(unit == "t", np.round(L["net"][at] / 1000.0, 3), L["net"][at])
    if unit.size and (unit == "pcs").any():
        pcs = at[unit == "pcs"]
        L["unit"][pcs] = "pcs"
        L["qty"][pcs] = np.maximum(np.round(L["net"][pcs] / column("piece")[L["prod"][pcs]]), 1)
    usd = m.usd_per_kg(cover, L["day"][at]) * factor * rng.uniform(1.0, 1.5, at.size) * L["net"][at]
    L["usd"][at] = np.where(cover_value, usd, L["usd"][at])
    L["value"][at] = in_currency(m, L["usd"][at], L["currency"][at], L["day"][at])


def neighbour_heading(rng: np.random.Generator, m: Market, L: Lines, at: np.ndarray) -> None:
    true = L["prod"][at]
    cover = np.array([INDEX[str(rng.choice(NEIGHBOUR[PRODUCTS[p].key]))] for p in true])
    nines = np.maximum(L["nines"][at], 2)
    _set_product(rng, m, L, at, cover, rng.random(at.size) < 0.45)
    leak = rng.random(at.size) < 0.35
    L["spec"][at] = np.where(
        leak,
        np.char.add(L["spec"][at].astype(str), np.char.add(" ", text.purity(rng, nines))),
        L["spec"][at],
    )
    L["license"][at] = ""


def alloy_cloak(rng: np.random.Generator, m: Market, L: Lines, at: np.ndarray) -> None:
    true = L["prod"][at]
    cover = np.array([INDEX[ALLOY[PRODUCTS[p].key]] for p in true])
    _set_product(rng, m, L, at, cover, rng.random(at.size) < 0.35)
    sym = np.array([_symbol(p) for p in true])
    low = np.array([f"{s}{v:.1f}%" for s, v in zip(sym, rng.uniform(1.5, 8, at.size), strict=True)])
    high = np.array(
        [f"{s}{v:.1f}%" for s, v in zip(sym, rng.uniform(88, 99.5, at.size), strict=True)]
    )
    what = np.where(rng.random(at.size) < 0.35, high, low)
    L["spec"][at] = np.char.add(np.char.add(L["spec"][at].astype(str), ";成分:"), what)
    L["desc"][at] = np.where(
        rng.random(at.size) < 0.4, np.char.add(L["desc"][at].astype(str), "（合金）"), L["desc"][at]
    )
    L["license"][at] = ""


def slag_label(rng: np.random.Generator, m: Market, L: Lines, at: np.ndarray) -> None:
    k = at.size
    pick = rng.integers(0, len(SLAG), k)
    L["desc"][at] = np.array([SLAG[i][0] for i in pick], dtype=object)
    L["hs"][at] = np.array([SLAG[i][1] for i in pick], dtype=object)
    grade = rng.uniform(12, 40, k)
    leak = rng.random(k) < 0.3
    sym = np.array([_symbol(p) for p in L["prod"][at]])
    L["spec"][at] = np.array(
        [
            (f"含{s} {g * 2:.0f}%" if lk else f"含锌 {g:.0f}%") + ";回收利用"
            for s, g, lk in zip(sym, grade, leak, strict=True)
        ],
        dtype=object,
    )
    scrap = rng.random(k) < 0.7
    L["usd"][at] = np.where(scrap, L["net"][at] * rng.uniform(0.2, 3.0, k), L["usd"][at])
    L["value"][at] = in_currency(m, L["usd"][at], L["currency"][at], L["day"][at])
    L["unit"][at] = "kg"
    L["qty"][at] = L["net"][at]
    L["prod"][at] = INDEX["slag"]
    L["end_use"][at] = np.where(rng.random(k) < 0.6, "回收利用", "")
    L["license"][at] = ""


def price_trim(rng: np.random.Generator, m: Market, L: Lines, at: np.ndarray, book: Book) -> None:
    cut = rng.uniform(0.25, 0.55, at.size)
    L["usd"][at] = L["usd"][at] * cut
    L["value"][at] = in_currency(m, L["usd"][at], L["currency"][at], L["day"][at])
    book.issue(L, at)


def netweight_trim(
    rng: np.random.Generator, m: Market, L: Lines, at: np.ndarray, book: Book
) -> None:
    k = at.size
    true_net = L["net"][at].copy()
    gross = np.where(
        np.isnan(L["gross"][at]), np.round(true_net * rng.uniform(1.01, 1.04, k), 1), L["gross"][at]
    )
    f = rng.uniform(0.4, 0.75, k)
    pack = PACK[L["prod"][at]]
    net = np.maximum(np.round(true_net * f / pack), 1) * pack
    L["net"][at] = net
    L["qty"][at] = net
    L["gross"][at] = gross
    L["usd"][at] = L["usd"][at] * (net / true_net) * rng.uniform(0.95, 1.05, k)
    L["value"][at] = in_currency(m, L["usd"][at], L["currency"][at], L["day"][at])
    book.issue(L, at)


def bulk_stowaway(
    rng: np.random.Generator, m: Market, a: Actors, L: Lines, at: np.ndarray
) -> Hidden:
    k = at.size
    hidden = np.array([INDEX[h] for h in HIDDEN])
    prod = np.empty(k, dtype=np.int64)
    for j, i in enumerate(at):
        ok = hidden[EFFECTIVE_DAY[hidden] <= L["day"][i]]
        prod[j] = rng.choice(ok) if ok.size else INDEX["ga_metal"]
    dense = column("cny")[prod] > 1000
    kg = np.round(np.where(dense, rng.uniform(20, 300, k), rng.uniform(800, 6000, k)), 0)
    usd = m.usd_per_kg(prod, L["day"][at]) * m.premium[prod, L["day"][at]] * kg
    gross = np.where(
        np.isnan(L["gross"][at]), L["net"][at] * rng.uniform(1.002, 1.01, k), L["gross"][at]
    )
    L["gross"][at] = np.round(gross + kg * rng.uniform(1.0, 1.06, k), 1)
    relay = rng.random(k) < 0.45
    _to_relay(rng, a, L, at[relay])
    return Hidden(at, prod, kg, usd)


def _to_relay(rng: np.random.Generator, a: Actors, L: Lines, at: np.ndarray) -> None:
    """Send lines to relay consignees that already exist on their day."""
    relays = np.array(a.relays)
    start = np.array(a.con_start)[relays]
    for i in at:
        ok = relays[start <= L["day"][i]]
        if ok.size == 0:
            j = relays[int(np.argmin(start))]
            L["day"][i] = min(DAYS - 1, int(start.min()) + int(rng.integers(10, 60)))
        else:
            j = int(rng.choice(ok))
        L["consignee"][i] = j
        L["con_country"][i] = a.con_country[j]
        L["dest"][i] = a.con_country[j]


def parcel_sample(rng: np.random.Generator, a: Actors, L: Lines, at: np.ndarray) -> None:
    k = at.size
    post = rng.random(k) < 0.3
    L["mode"][at] = np.where(post, "post", "express")
    L["port"][at] = np.where(post, rng.choice(POST_PORTS, k), rng.choice(PARCEL_PORTS, k))
    first: dict[int, int] = {}
    for i in at:  # one exporter keeps sending to the same addressee
        e = int(L["exporter"][i])
        if e in first and rng.random() < 0.8:
            L["consignee"][i] = first[e]
        first.setdefault(e, int(L["consignee"][i]))
    L["con_country"][at] = np.array(a.con_country)[L["consignee"][at]]
    L["dest"][at] = L["con_country"][at]
    net = np.round(rng.uniform(0.3, 6.0, k), 2)
    L["net"][at] = net
    pcs = UNIT[L["prod"][at]] == "pcs"
    L["qty"][at] = np.where(
        pcs, np.maximum(np.round(net / np.maximum(column("piece")[L["prod"][at]], 0.01)), 1), net
    )
    L["gross"][at] = np.round(net * rng.uniform(1.1, 1.6, k), 2)
    L["usd"][at] = rng.uniform(5, 60, k)
    L["currency"][at] = "USD"
    L["value"][at] = np.round(L["usd"][at], 2)
    reagent = rng.random(k) < 0.5
    L["hs"][at] = np.where(reagent, "3822900000", L["hs"][at])
    lab = rng.choice(np.array(["实验试剂 样品", "测试样品", "sample, no commercial value"]), k)
    L["desc"][at] = np.where(reagent, lab, np.char.add("样品 ", L["desc"][at].astype(str)))
    L["spec"][at] = np.where(rng.random(k) < 0.5, "无商业价值 free of charge", L["spec"][at])
    L["end_use"][at] = rng.choice(np.array(["样品测试", "sample for testing", ""]), k)
    L["license"][at] = ""


def relay_consignee(
    rng: np.random.Generator, a: Actors, L: Lines, at: np.ndarray, book: Book
) -> None:
    _to_relay(rng, a, L, at)
    air = L["mode"][at] == "air"
    land = np.isin(L["dest"][at], LAND) & (rng.random(at.size) < 0.6)
    mode = np.where(land, "road", np.where(air, "air", "sea"))
    L["mode"][at] = mode
    home = np.array(a.exp_port)[L["exporter"][at]]
    L["port"][at] = ports_for(rng, mode, L["dest"][at], home)
    names = np.array(a.con_name, dtype=object)
    L["end_user"][at] = np.where(rng.random(at.size) < 0.7, names[L["consignee"][at]], "")
    L["end_use"][at] = rng.choice(
        np.array(["本地生产", "电池材料生产", "合金生产", "电子元件制造"]), at.size
    )
    book.issue(L, at)


def ant_moving(rng: np.random.Generator, m: Market, a: Actors, L: Lines, at: np.ndarray) -> None:
    """Bursts of 3-9 lines: one consignee over the border, one broker, a few days."""
    arr = a.arrays()
    neighbours = np.nonzero(np.isin(arr["con_country"], ("VN", "MM", "KZ", "LA", "KG")))[0]
    residents = np.array(a.residents)
    j = 0
    while j < at.size:
        size = min(int(rng.integers(3, 10)), at.size - j)
        burst = at[j : j + size]
        j += size
        con = int(rng.choice(neighbours))
        country = a.con_country[con]
        prod = int(L["prod"][burst[0]])
        base = int(L["day"][burst[0]])
        L["prod"][burst] = prod
        L["day"][burst] = np.minimum(base + rng.integers(0, 5, size), DAYS - 1)
        L["consignee"][burst] = con
        L["con_country"][burst] = country
        L["dest"][burst] = country
        L["mode"][burst] = "road"
        L["port"][burst] = border_port(country)
        crew = (
            rng.choice(residents, size)
            if rng.random() < 0.7
            else np.full(size, L["exporter"][burst[0]])
        )
        L["exporter"][burst] = crew
        L["broker"][burst] = int(rng.integers(0, len(a.broker_id)))
        cny = np.round(rng.uniform(6200, 7990, size), 0)
        net = np.maximum(
            np.round(cny / (m.domestic[prod, L["day"][burst]] * rng.uniform(1.0, 1.3, size)), 1),
            0.2,
        )
        L["net"][burst] = net
        L["qty"][burst] = net
        L["unit"][burst] = "kg"
        L["gross"][burst] = np.round(net * rng.uniform(1.01, 1.08, size), 1)
        L["currency"][burst] = "CNY"
        L["value"][burst] = cny
        L["usd"][burst] = cny / m.fx_usd[L["day"][burst]]
        cover = rng.random() < 0.5
        shown = np.full(size, INDEX[str(rng.choice(BORDER_COVER))] if cover else prod)
        L["hs"][burst] = HS[shown]
        L["desc"][burst] = text.describe(rng, shown)
        L["spec"][burst] = np.char.add(
            "边民互市 ",
            text.specify(rng, shown, np.maximum(L["nines"][burst], 2), L["style"][burst]).astype(
                str
            ),
        )
        L["end_user"][burst] = ""
        L["license"][burst] = ""
        L["true_prod"][burst] = prod
        L["true_net"][burst] = net
        L["true_usd"][burst] = (
            m.usd_per_kg(L["prod"][burst], L["day"][burst]) * m.premium[prod, L["day"][burst]] * net
        )


def apply(
    rng: np.random.Generator,
    m: Market,
    a: Actors,
    L: Lines,
    picked: dict[str, np.ndarray],
    book: Book,
) -> Hidden:
    """Rewrite the picked lines; the true product, weight and value are kept in L."""
    names = np.array(a.con_name, dtype=object)
    neighbour_heading(rng, m, L, picked["neighbour_heading"])
    alloy_cloak(rng, m, L, picked["alloy_cloak"])
    slag_label(rng, m, L, picked["slag_label"])
    price_trim(rng, m, L, picked["price_trim"], book)
    netweight_trim(rng, m, L, picked["netweight_trim"], book)
    hidden = bulk_stowaway(rng, m, a, L, picked["bulk_stowaway"])
    parcel_sample(rng, a, L, picked["parcel_sample"])
    book.forged(L, picked["ghost_permit"])
    stale = picked["stale_permit"]
    other = rng.integers(0, names.size, stale.size)
    book.stale(L, stale, other)
    relay_consignee(rng, a, L, picked["relay_consignee"], book)
    ant_moving(rng, m, a, L, picked["ant_moving"])
    assert not CONTROLLED[L["prod"][picked["slag_label"]]].any()
    return hidden
