"""The fourteen smuggling schemes of the sixteenth world, and what each writes on a line.

Every scheme has a *loud* variant (careless: clear traces in the data) and a *faint* one
(careful: subtler traces that a patient analyst can still find). Only the fraudulent
lines are labelled (``truth/lines.csv``); the ordinary cover lines a ring puts beside
them and its legitimate shipments are honest in themselves.

Misdeclaration (伪报)
---------------------
``code_shift``
    A controlled good declared under the code and name of an ordinary look-alike:
    gallium or tellurium as tin, bismuth as tin, germanium ingot as silicon metal, APT
    as ammonium molybdate, antimony as lead, germanium dioxide as zinc oxide, gallium
    oxide as titanium dioxide, tungsten carbide as silicon carbide. Loud: the true
    composition leaks into the declared elements, or the English name is the true
    good's; the value is the controlled good's (from one and a half to hundreds of
    times the declared good's price). Faint: everything written is the look-alike's
    and the value only one and a half to two and a half times its price; but the lot
    is tiny for a bulk commodity, packed (gross over net) like the true good, often
    flown, from the true good's district.
``purity_dodge``
    Under-grading: Sb2O3 >= 99.99 % as ordinary trioxide, high-purity graphite as
    artificial graphite, W >= 97 % alloy as ordinary tungsten alloy weights. Loud: the
    declared elements mostly give the real grade, and the price is the high grade's.
    Faint: a grade just under the threshold (Sb2O3 99.9 %, C 99.8 %, W 96.5 %) that
    honest producers do not sell, always the same figure, a price a little above the
    low grade's, small lots, and end uses (optical glass, semiconductor parts,
    shielding) that need the high grade.
``vague_words``
    Description games: controlled oxides, wafers and compounds declared as "chemical
    preparations" or "inorganic compounds". Loud: "样品", "材料", "货物 goods", no
    composition, a value per kg a hundred times the code's honest lines. Faint: a
    plausible technical phrase ("陶瓷釉料添加剂", "optical coating material") whose
    composition field says "见附件" / "按合同"; lots of a few dozen kilograms in bottles,
    priced three or four times the code's usual.
``short_weight``
    A licensed exporter understates quantity and value (the licence lasts longer, the
    difference is paid offshore). Loud: a third to a half of the weight declared, a
    price per kg below the domestic price, and a gross weight (the carrier's) two to
    three times the net. Faint: a tenth to a quarter understated, the gross weight
    made to match, a price near the domestic one; the missing kilograms appear in the
    partner's import statistics and, when booked, in the exporter's stock balance.
``sister_element`` (this world's own: the suspension shield)
    Dysprosium, terbium, gadolinium and yttrium oxides (controlled since April 2025)
    declared as holmium or erbium oxide, items of 2025 No.57 that were suspended before
    they ever applied, so no licence is asked for; only an assay tells the powders
    apart. Loud: the price is the controlled oxide's (terbium at twenty times
    holmium), the declared elements or the English name give it away, and the end use
    is magnets. Faint: holmium's price, holmium's specification and holmium-sized lots;
    but the buyers are the magnet makers that bought dysprosium or terbium oxide before
    the control, the holmium on the exporter's books comes from a trading company that
    never received any, and the separation plant that really supplied the goods
    cannot account for part of its output.

Concealment (夹藏)
------------------
``cargo_cover``
    Ingots or bars of a controlled metal hidden in tiles, castings, fasteners, steel
    articles, furniture or ceramic parts, declared as the cover goods only. Loud: five
    to fifteen per cent of the weight is extra, far above what the declared goods and
    their packing weigh. Faint: one to three per cent, inside the spread of honest
    packing; but the cover goods come from a mining district, by an exporter with no
    history in them, in shipper-owned containers whose owner prefix recurs across the
    ring's declarations.
``dense_parcel``
    A few kilograms of gallium, germanium, terbium or dysprosium metal, wafers or oxides
    by courier, post or in luggage, declared as tools, fishing sinkers, plastic goods
    or samples. Loud: one sender, a burst of parcels within days to one forwarding
    warehouse, a few dollars for ten kilograms, "样品"/"礼品" and a piece count far too heavy
    per piece. Faint: a new sole trader every parcel or two, values that fit
    the declared goods, the buyer's name different each time (people "c/o" the
    forwarder, spelling variants); but one forwarding address, and the senders are
    registered as employees of the ring's company, half of them with the organiser's
    phone.

Licence fraud (无证、伪证)
-------------------------
``no_licence``
    A controlled good declared as it is, without a licence. Loud: none cited, by an
    exporter that never held one, often in the first weeks of a control. Faint: the
    exporter's own valid licence is cited, but it covers another item (a germanium
    dioxide line citing the gallium licence, tungsten oxide citing the APT licence).
``forged_licence``
    A licence number the register does not hold. Loud: impossible numbers (issued the
    year after the declaration, an office that does not exist, ``DU-2024-017``), and
    the same number used by several exporters. Faint: a well-formed number of the
    exporter's office and year, inside the range of real numbers, used a few times
    like a real licence; unlike an honest typo, it is not one wrong or swapped digit
    away from a register entry.
``stale_licence``
    The exporter's own licence, used after it expired or was revoked or suspended.
    Loud: months after the last valid day or the revocation. Faint: one to ten days
    after the last valid day, or days after a suspension took effect.
``borrowed_licence``
    Another exporter's valid licence. Loud: the holder is an unrelated licensed
    exporter, usually a client of the same broker (where the number came from); the
    consignee differs. Faint: the holder is a sister company (the organiser is a
    shareholder of both, one director sits on both boards) and the licence names the
    same buyer: only the exporter differs.
``overdraw``
    The exporter's own valid licence, drawn beyond its quantity. Loud: the total
    shipped reaches one and a half to three times the licence. Faint: five to
    twenty-five per cent over, in the last shipments.

Third-country transshipment (第三国转口)
---------------------------------------
``third_country_hop``
    Licensed exports to a buyer in Southeast or Central Asia, the Gulf, the Caucasus,
    India, Serbia or Mexico that passes them on to the United States. Loud: a buyer
    incorporated months before, "c/o" a logistics firm in a free zone, a US trading
    counterparty on the declaration, "trading/stock" as end use. Faint: a long
    established buyer and a plausible end use; but a US company pays for it and holds
    shares in it (registry), its phone is American, and the country's re-exports of
    the goods to the US rise in the partners' statistics.
``front_buyer``
    Licensed exports to a front whose real end user is a listed defence firm. Loud:
    the declared end user is one of the listed firm's other names (initials, Chinese
    rendering, short name), or the front sits at the listed firm's address. Faint: the
    front names itself or nobody as end user, but the listed firm owns most of it or
    shares its director, its e-mail domain is the listed firm's, and it was
    incorporated after the listing.

Rings run schemes in cycles, reuse their parties, and change exporter, name, front,
port or broker after an inspection catches them. Goods that leave the domestic chain
undeclared do so "booked" (loud: received on the exporter's books and never declared,
so its balance does not close) or "off-book" (faint: sold off a producer's books, whose
balance then does not close, the ring's organiser being on its staff); when the
declared look-alike is itself a chain material, the faint rings also buy paper
receipts for it.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from sixteenthworld import wording
from sixteenthworld.controls import Controls
from sixteenthworld.geography import COUNTRIES, HOP_COUNTRIES
from sixteenthworld.goods import BY_KEY, Good
from sixteenthworld.model import Line
from sixteenthworld.rings import Cycle, Header, Kit, Ring, Shipment
from sixteenthworld.timeline import END, START

SCHEMES: tuple[str, ...] = (
    "code_shift",
    "purity_dodge",
    "vague_words",
    "short_weight",
    "sister_element",
    "cargo_cover",
    "dense_parcel",
    "no_licence",
    "forged_licence",
    "stale_licence",
    "borrowed_licence",
    "overdraw",
    "third_country_hop",
    "front_buyer",
)

FAMILY: dict[str, str] = {
    "code_shift": "misdeclaration",
    "purity_dodge": "misdeclaration",
    "vague_words": "misdeclaration",
    "short_weight": "misdeclaration",
    "sister_element": "misdeclaration",
    "cargo_cover": "concealment",
    "dense_parcel": "concealment",
    "no_licence": "licence",
    "forged_licence": "licence",
    "stale_licence": "licence",
    "borrowed_licence": "licence",
    "overdraw": "licence",
    "third_country_hop": "transshipment",
    "front_buyer": "transshipment",
}

#: The family an inspector's methods see (undervaluation is found differently).
SUIT: dict[str, str] = {
    s: ("undervaluation" if s == "short_weight" else "licensing" if f == "licence" else f)
    for s, f in FAMILY.items()
}

RESULT: dict[str, str] = {
    "code_shift": "misdeclared",
    "purity_dodge": "misdeclared",
    "vague_words": "misdeclared",
    "short_weight": "undervalued",
    "sister_element": "misdeclared",
    "cargo_cover": "concealed",
    "dense_parcel": "concealed",
    "no_licence": "unlicensed",
    "forged_licence": "unlicensed",
    "stale_licence": "unlicensed",
    "borrowed_licence": "unlicensed",
    "overdraw": "unlicensed",
    "third_country_hop": "diverted",
    "front_buyer": "diverted",
}

SHARE: dict[str, float] = {
    "code_shift": 0.09,
    "purity_dodge": 0.06,
    "vague_words": 0.07,
    "short_weight": 0.07,
    "sister_element": 0.05,
    "cargo_cover": 0.07,
    "dense_parcel": 0.12,
    "no_licence": 0.08,
    "forged_licence": 0.06,
    "stale_licence": 0.05,
    "borrowed_licence": 0.06,
    "overdraw": 0.06,
    "third_country_hop": 0.09,
    "front_buyer": 0.07,
}

#: Schemes whose exporter must stay the licence holder when the ring is caught.
KEEPS_EXPORTER = frozenset(
    {
        "short_weight",
        "no_licence",
        "stale_licence",
        "borrowed_licence",
        "overdraw",
        "third_country_hop",
        "front_buyer",
    }
)

# --- what is shipped and what is declared ----------------------------------------------

SHIFT_PAIRS = (
    ("ga_metal", "sn_ingot"),
    ("ge_ingot", "si_metal"),
    ("apt", "amm_molybdate"),
    ("sb_ingot", "pb_ingot"),
    ("bi_ingot", "sn_ingot"),
    ("ge_dioxide", "zno"),
    ("ga_oxide", "tio2"),
    ("te_metal", "sn_ingot"),
    ("w_carbide", "sic"),
)
PURITY_PAIRS = (
    ("sb_trioxide_hp", "sb_trioxide_std"),
    ("graphite_hp", "art_graphite"),
    ("w_heavy", "w_alloy_std"),
)
JUST_BELOW = {"sb_trioxide_hp": "Sb2O3 99.9%", "graphite_hp": "C 99.8%", "w_heavy": "W 96.5%"}
VAGUE_TRUES = (
    "ge_dioxide",
    "ga_oxide",
    "tb_oxide",
    "dy_oxide",
    "inp",
    "cdte",
    "sc_oxide",
    "lu_oxide",
)
LOUD_WORDS = (
    ("样品", "sample"),
    ("化工原料", "chemical raw material"),
    ("粉末", "powder"),
    ("材料", "material"),
    ("货物", "goods"),
    ("原料", "raw material"),
)
FAINT_WORDS = (
    ("陶瓷釉料添加剂", "ceramic glaze additive"),
    ("白色氧化物粉末", "white oxide powder"),
    ("催化剂载体", "catalyst carrier"),
    ("电子浆料原料", "electronic paste material"),
    ("光学镀膜材料", "optical coating material"),
    ("荧光材料助剂", "phosphor auxiliary"),
)
SHORT_TRUES = (
    "sb_ingot",
    "apt",
    "bi_ingot",
    "dy_oxide",
    "tb_oxide",
    "ga_metal",
    "ge_ingot",
    "graphite_spherical",
    "w_carbide",
    "y_oxide",
)
SISTER_PAIRS = (
    ("dy_oxide", "ho_oxide"),
    ("dy_oxide", "er_oxide"),
    ("tb_oxide", "ho_oxide"),
    ("tb_oxide", "er_oxide"),
    ("gd_oxide", "er_oxide"),
    ("y_oxide", "er_oxide"),
)
HIDDEN = ("ga_metal", "ge_ingot", "tb_metal", "dy_metal", "sb_ingot", "bi_ingot", "w_heavy")
COVERS = ("tiles", "steel_articles", "machine_parts", "fasteners", "furniture", "ceramic_parts")
PARCEL_TRUES = (
    "ga_metal",
    "ge_ingot",
    "tb_metal",
    "dy_metal",
    "inp",
    "gaas_wafer",
    "ge_dioxide",
    "sc_oxide",
)
PARCEL_DECOYS = (
    "hand_tools",
    "fishing_sinkers",
    "plastic_articles",
    "machine_parts",
    "steel_articles",
    "solder_wire",
    "glass_beads",
)
LICENSED_TRUES = (
    "ga_metal",
    "ge_ingot",
    "ge_dioxide",
    "sb_ingot",
    "sb_trioxide_hp",
    "apt",
    "w_oxide",
    "w_carbide",
    "bi_ingot",
    "te_metal",
    "dy_oxide",
    "tb_oxide",
    "y_oxide",
    "gd_oxide",
    "graphite_flake",
    "graphite_hp",
    "mo_powder",
)
OTHER_ITEM = (
    ("sb_ingot", "sb_trioxide_hp"),
    ("ga_metal", "ge_dioxide"),
    ("apt", "w_oxide"),
    ("dy_oxide", "tb_oxide"),
    ("bi_ingot", "te_metal"),
    ("graphite_flake", "graphite_hp"),
    ("ge_ingot", "ga_metal"),
)
HOP_TRUES = (
    "ga_metal",
    "ge_ingot",
    "ge_dioxide",
    "sb_ingot",
    "gaas_wafer",
    "tb_oxide",
    "dy_oxide",
    "w_heavy",
    "bi_ingot",
)
FRONT_TRUES = (
    "ga_metal",
    "ge_ingot",
    "gaas_wafer",
    "w_heavy",
    "tb_metal",
    "dy_metal",
    "sc_oxide",
    "inp",
    "sm_metal",
)
MAIN_COUNTRIES = (
    "JP",
    "KR",
    "US",
    "DE",
    "NL",
    "BE",
    "IN",
    "TW",
    "VN",
    "TH",
    "MY",
    "TR",
    "AE",
    "HK",
)
LICENCE_COUNTRIES = ("JP", "KR", "DE", "NL", "BE", "IN", "TW", "VN", "TH", "MY", "TR", "FR", "GB")
PARCEL_COUNTRIES = ("US", "JP", "KR", "DE", "GB", "CA", "TW", "NL")
FRONT_COUNTRIES = {
    "US": ("CA", "MX", "DE", "NL", "SG", "KR"),
    "TW": ("HK", "SG", "MY"),
    "JP": ("KR", "SG", "TH"),
}

ELEMENT_SECTOR = {
    "gallium": "gallium",
    "germanium": "germanium",
    "antimony": "antimony",
    "tungsten": "tungsten",
    "graphite": "graphite",
    "bismuth": "minor",
    "tellurium": "minor",
    "molybdenum": "minor",
    "indium": "wafer",
    "dysprosium": "rare_earth",
    "terbium": "rare_earth",
    "yttrium": "rare_earth",
    "gadolinium": "rare_earth",
    "scandium": "rare_earth",
    "lutetium": "rare_earth",
    "samarium": "rare_earth",
}


def cover_sector(scheme: str, true: str, rnd: random.Random) -> str:
    """The line of business a ring's exporter pretends to be in."""
    if FAMILY[scheme] in ("licence", "transshipment") or scheme == "short_weight":
        return ELEMENT_SECTOR.get(BY_KEY[true].element, "trading")
    return rnd.choice(("trading", "base_metal", "chemical", "general"))


def first_true(scheme: str, rnd: random.Random) -> str:
    """A true good of a scheme, drawn to decide where a new ring is based."""
    options: dict[str, tuple[str, ...]] = {
        "code_shift": tuple(t for t, _ in SHIFT_PAIRS),
        "purity_dodge": tuple(t for t, _ in PURITY_PAIRS),
        "vague_words": VAGUE_TRUES,
        "short_weight": SHORT_TRUES,
        "sister_element": tuple(t for t, _ in SISTER_PAIRS),
        "cargo_cover": HIDDEN,
        "dense_parcel": PARCEL_TRUES,
        "third_country_hop": HOP_TRUES,
        "front_buyer": FRONT_TRUES,
    }
    return rnd.choice(options.get(scheme, LICENSED_TRUES))


def _prefer(kit: Kit, ring: Ring, options: tuple[str, ...]) -> str:
    """Rings mostly deal in what their district produces."""
    own = [k for k in options if ELEMENT_SECTOR.get(BY_KEY[k].element) == ring.sector]
    if own and kit.rnd.random() < 0.75:
        return kit.rnd.choice(own)
    return kit.rnd.choice(options)


def _prefer_pair(
    kit: Kit, ring: Ring, pairs: tuple[tuple[str, str], ...], index: int = 0
) -> tuple[str, str]:
    key = _prefer(kit, ring, tuple(p[index] for p in pairs))
    return kit.rnd.choice([p for p in pairs if p[index] == key])


# --- planning -------------------------------------------------------------------------


def _after(controls: Controls, key: str, delay: int) -> dt.date:
    item = BY_KEY[key].item
    assert item is not None
    return max(START + dt.timedelta(days=5), controls.effective(item) + dt.timedelta(days=delay))


def _spread(rnd: random.Random, start: dt.date, n: int, span: int) -> list[dt.date]:
    days = sorted(start + dt.timedelta(days=rnd.randrange(0, max(1, span))) for _ in range(n))
    return [min(d, END) for d in days]


def _kg(rnd: random.Random, good: Good, scale: float = 1.0) -> float:
    return max(0.5, rnd.lognormvariate(math.log(good.qty * scale), 0.5))


def _window(rnd: random.Random, earliest: dt.date, needed: int) -> dt.date | None:
    latest = END - dt.timedelta(days=needed)
    if earliest > latest:
        return None
    return earliest + dt.timedelta(days=rnd.randrange((latest - earliest).days + 1))


def plan_cycle(
    kit: Kit, ring: Ring, scheme: str, n: int, loud: bool
) -> tuple[Cycle, list[Shipment]] | None:
    """Choose goods, dates and licence arrangements for ``n`` fraudulent lines."""
    variant = "loud" if loud else "faint"
    for _ in range(12):
        made = _PLANNERS[scheme](kit, ring, scheme, variant, n)
        if made is not None:
            return made
    return None


def _simple(
    kit: Kit,
    ring: Ring,
    scheme: str,
    variant: str,
    n: int,
    true: str,
    decoy: str,
    country: str,
    delay: int = 20,
    span: int = 45,
    per: int = 1,
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    start = _window(rnd, _after(kit.controls, true, delay), span + 5)
    if start is None:
        return None
    cyc = Cycle(ring, scheme, variant, true, decoy, country)
    ships: list[Shipment] = []
    left = n
    days = _spread(rnd, start, n, span)
    i = 0
    while left > 0:
        k = min(left, per if rnd.random() < 0.25 else 1)
        ships.append(Shipment(cyc, days[i], "fraud", [_kg(rnd, BY_KEY[true]) for _ in range(k)]))
        left -= k
        i += k
    for _ in range(rnd.randrange(0, 3)):
        day = min(END, start + dt.timedelta(days=rnd.randrange(-60, span + 60)))
        ships.append(Shipment(cyc, max(START, day), "legit", [1.0] * rnd.randrange(1, 3)))
    return cyc, ships


def _plan_code_shift(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true, decoy = _prefer_pair(kit, ring, SHIFT_PAIRS)
    made = _simple(
        kit, ring, scheme, variant, n, true, decoy, _country(kit, ring, MAIN_COUNTRIES), per=2
    )
    if made is not None:
        for ship in made[1]:
            if ship.kind == "fraud":
                ship.n_cover = kit.rnd.randrange(0, 3)
    return made


def _plan_purity(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true, decoy = _prefer_pair(kit, ring, PURITY_PAIRS)
    return _simple(kit, ring, scheme, variant, n, true, decoy, _country(kit, ring, MAIN_COUNTRIES))


def _plan_vague(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true = _prefer(kit, ring, VAGUE_TRUES)
    decoy = "chem_nes" if kit.rnd.random() < 0.6 else "inorganic_nes"
    return _simple(
        kit, ring, scheme, variant, n, true, decoy, _country(kit, ring, MAIN_COUNTRIES), per=2
    )


def _plan_sister(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true, decoy = _prefer_pair(kit, ring, SISTER_PAIRS)
    countries = ("JP", "KR", "DE", "VN", "TH", "US", "IN")
    made = _simple(
        kit, ring, scheme, variant, n, true, decoy, _country(kit, ring, countries), span=60, per=2
    )
    if made is not None and variant == "faint":
        for ship in made[1]:
            if ship.kind == "fraud":
                ship.kgs = [_kg(kit.rnd, BY_KEY[decoy]) for _ in ship.kgs]
    return made


def _plan_cargo(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, HIDDEN)
    made = _simple(
        kit,
        ring,
        scheme,
        variant,
        n,
        true,
        rnd.choice(COVERS),
        _country(kit, ring, MAIN_COUNTRIES),
        span=70,
    )
    if made is not None:
        for ship in made[1]:
            if ship.kind == "fraud":
                ship.n_cover = rnd.randrange(1, 5)
                ship.kgs = [max(5.0, min(k, 600.0)) for k in ship.kgs]
    return made


def _plan_parcel(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, PARCEL_TRUES)
    start = _window(rnd, _after(kit.controls, true, 10), 70)
    if start is None:
        return None
    cyc = Cycle(
        ring,
        scheme,
        variant,
        true,
        rnd.choice(PARCEL_DECOYS),
        _country(kit, ring, PARCEL_COUNTRIES),
    )
    span = rnd.randrange(3, 10) if variant == "loud" else rnd.randrange(20, 60)
    ships = []
    for day in _spread(rnd, start, n, span):
        kg = rnd.uniform(3.0, 20.0) if variant == "loud" else rnd.uniform(0.8, 5.0)
        ships.append(
            Shipment(
                cyc,
                day,
                "fraud",
                [round(kg, 2)],
                mode=rnd.choices(("express", "post", "passenger"), (0.6, 0.3, 0.1))[0],
            )
        )
    return cyc, ships


def _licence_cycle(
    kit: Kit,
    ring: Ring,
    scheme: str,
    variant: str,
    n: int,
    true: str,
    lic_good: str,
    country: str,
    legit: int,
    before: int,
    after: int,
) -> tuple[Cycle, list[Shipment]] | None:
    """A licence issued, drawn ``legit`` times honestly, then abused ``n`` times."""
    rnd = kit.rnd
    months = 6 if rnd.random() < 0.4 else 12
    validity = 30 * months + (5 if months == 12 else 0) - 1
    earliest = max(
        _after(kit.controls, lic_good, rnd.randrange(10, 120)), _after(kit.controls, true, 10)
    )
    issued = _window(rnd, earliest, validity + after if after else before + 20)
    if issued is None:
        return None
    until = issued + dt.timedelta(days=validity)
    cyc = Cycle(ring, scheme, variant, true, "", country, licence_kind="own", lic_good=lic_good)
    cyc.issued, cyc.until = issued, until
    good = BY_KEY[lic_good]
    span = min(before, validity - 10)
    legit_days = _spread(rnd, issued + dt.timedelta(days=5), legit, max(10, span))
    ships = [Shipment(cyc, d, "legit", [_kg(rnd, good, 0.6)]) for d in legit_days]
    return cyc, ships


def _plan_no_licence(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    country = _country(kit, ring, LICENCE_COUNTRIES)
    if variant == "loud":
        true = _prefer(kit, ring, LICENSED_TRUES)
        return _simple(
            kit, ring, scheme, variant, n, true, "", country, delay=rnd.randrange(0, 90), span=60
        )
    lic_good, true = _prefer_pair(kit, ring, OTHER_ITEM, 1)
    made = _licence_cycle(
        kit, ring, scheme, variant, n, true, lic_good, country, rnd.randrange(1, 4), 150, 0
    )
    if made is None:
        return None
    cyc, ships = made
    assert cyc.issued is not None and cyc.until is not None
    first = max(cyc.issued + dt.timedelta(days=20), _after(kit.controls, true, 5))
    span = (cyc.until - first).days - 5
    if span < 10:
        return None
    for day in _spread(rnd, first, n, span):
        ships.append(Shipment(cyc, day, "fraud", [_kg(rnd, BY_KEY[true], 0.6)]))
    return cyc, ships


def _plan_forged(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true = _prefer(kit, ring, LICENSED_TRUES)
    made = _simple(
        kit, ring, scheme, variant, n, true, "", _country(kit, ring, LICENCE_COUNTRIES), span=90
    )
    if made is not None:
        made[0].licence_kind = "forged"
        made[0].forged_key = f"{ring.idx}-{kit.rnd.randrange(10**6)}"
    return made


def _plan_stale(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, LICENSED_TRUES)
    gap = (60, 200) if variant == "loud" else (1, 10)
    made = _licence_cycle(
        kit,
        ring,
        scheme,
        variant,
        n,
        true,
        true,
        _country(kit, ring, LICENCE_COUNTRIES),
        rnd.randrange(1, 4),
        120,
        gap[1] + 15,
    )
    if made is None:
        return None
    cyc, ships = made
    assert cyc.until is not None and cyc.issued is not None
    last_legit = max(s.day for s in ships)
    if rnd.random() < 0.5:
        base = cyc.until
    else:
        cyc.status = "revoked" if variant == "loud" else "suspended"
        base = last_legit + dt.timedelta(days=rnd.randrange(5, 40))
        cyc.status_since = base
    for j in range(n):
        day = base + dt.timedelta(
            days=rnd.randrange(gap[0], gap[1] + 1) + (j * 7 if variant == "loud" else 0)
        )
        if day > END:
            return None
        ships.append(Shipment(cyc, day, "fraud", [_kg(rnd, BY_KEY[true], 0.6)]))
    return cyc, ships


def _plan_borrowed(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, LICENSED_TRUES)
    country = _country(kit, ring, LICENCE_COUNTRIES)
    if variant == "loud":
        made = _simple(kit, ring, scheme, variant, n, true, "", country, span=80)
        if made is not None:
            made[0].licence_kind = "borrowed"
        return made
    made = _licence_cycle(
        kit, ring, scheme, variant, n, true, true, country, rnd.randrange(1, 3), 100, 0
    )
    if made is None:
        return None
    cyc, ships = made
    assert cyc.issued is not None and cyc.until is not None
    cyc.licence_kind = "sister"
    span = (cyc.until - cyc.issued).days - 40
    for day in _spread(rnd, cyc.issued + dt.timedelta(days=30), n, max(10, span)):
        ships.append(Shipment(cyc, day, "fraud", [_kg(rnd, BY_KEY[true], 0.6)]))
    return cyc, ships


def _plan_overdraw(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, LICENSED_TRUES)
    made = _licence_cycle(
        kit,
        ring,
        scheme,
        variant,
        n,
        true,
        true,
        _country(kit, ring, LICENCE_COUNTRIES),
        rnd.randrange(2, 5),
        150,
        0,
    )
    if made is None:
        return None
    cyc, ships = made
    assert cyc.until is not None
    drawn = sum(s.kgs[0] for s in ships)
    cyc.qty = round(drawn * rnd.uniform(1.0, 1.06), 1)
    room = cyc.qty - drawn
    excess = drawn * (rnd.uniform(0.5, 2.0) if variant == "loud" else rnd.uniform(0.05, 0.25))
    first = max(s.day for s in ships) + dt.timedelta(days=5)
    span = (cyc.until - first).days
    if span < 5:
        return None
    share = [rnd.uniform(0.5, 1.5) for _ in range(n)]
    total = room + excess
    kgs = [max(total * s / sum(share), 1.0) for s in share]
    kgs[0] = max(kgs[0], room * 1.05 + 1.0)
    for day, kg in zip(_spread(rnd, first, n, span), kgs, strict=True):
        ships.append(Shipment(cyc, day, "fraud", [round(kg, 1)]))
    return cyc, ships


def _plan_short(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    true = _prefer(kit, ring, SHORT_TRUES)
    made = _simple(
        kit, ring, scheme, variant, n, true, "", _country(kit, ring, LICENCE_COUNTRIES), span=150
    )
    if made is not None:
        made[0].licence_kind = "lazy"
        made[0].lic_good = true
        made[1][:] = [s for s in made[1] if s.kind == "fraud"]
    return made


def _plan_hop(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, HOP_TRUES)
    made = _simple(
        kit, ring, scheme, variant, n, true, "", rnd.choice(HOP_COUNTRIES), delay=30, span=150
    )
    if made is not None:
        made[0].licence_kind = "lazy"
        made[0].lic_good = true
        made[1][:] = [s for s in made[1] if s.kind == "fraud"]
    return made


def _plan_front(
    kit: Kit, ring: Ring, scheme: str, variant: str, n: int
) -> tuple[Cycle, list[Shipment]] | None:
    rnd = kit.rnd
    true = _prefer(kit, ring, FRONT_TRUES)
    start = _after(kit.controls, true, 30)
    candidates = kit.watch.listed_in(("US", "TW", "JP"), END - dt.timedelta(days=120))
    candidates = [
        i for i in candidates if kit.watch.entries[i].listed_at <= END - dt.timedelta(days=150)
    ]
    if not candidates:
        return None
    listed = rnd.choice(candidates)
    entry = kit.watch.entries[listed]
    earliest = max(start, entry.listed_at + dt.timedelta(days=30))
    country = rnd.choice(FRONT_COUNTRIES[entry.party.country or "US"])
    begin = _window(rnd, earliest, 150)
    if begin is None:
        return None
    cyc = Cycle(
        ring, scheme, variant, true, "", country, licence_kind="lazy", lic_good=true, listed=listed
    )
    ships = [
        Shipment(cyc, d, "fraud", [_kg(rnd, BY_KEY[true], 0.5)])
        for d in _spread(rnd, begin, n, 140)
    ]
    return cyc, ships


def _country(kit: Kit, ring: Ring, options: tuple[str, ...]) -> str:
    if ring.buyers and ring.buyer.country in options and kit.rnd.random() < 0.7:
        return ring.buyer.country
    return kit.rnd.choice(options)


_PLANNERS = {
    "code_shift": _plan_code_shift,
    "purity_dodge": _plan_purity,
    "vague_words": _plan_vague,
    "short_weight": _plan_short,
    "sister_element": _plan_sister,
    "cargo_cover": _plan_cargo,
    "dense_parcel": _plan_parcel,
    "no_licence": _plan_no_licence,
    "forged_licence": _plan_forged,
    "stale_licence": _plan_stale,
    "borrowed_licence": _plan_borrowed,
    "overdraw": _plan_overdraw,
    "third_country_hop": _plan_hop,
    "front_buyer": _plan_front,
}


# --- writing ---------------------------------------------------------------------------


def mode_for_goods(kit: Kit, good: Good, dest: str, air_share: float) -> str:
    country = COUNTRIES[dest]
    if good.unit != "t" and kit.rnd.random() < air_share:
        return "air"
    if country.sea:
        return "sea"
    return "rail" if country.rail else "road" if country.road else "air"


def write_fraud(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    """The lines of one fraudulent shipment (fraud lines first, cover lines after)."""
    cyc = ship.cycle
    lines = _WRITERS[cyc.scheme](kit, ship, h)
    for line in lines:
        line.scheme = cyc.scheme
        line.variant = cyc.variant
        line.intel = 1.2 if cyc.variant == "loud" else 0.3
        if not line.sourcing:
            line.sourcing = "booked" if cyc.variant == "loud" else "offbook"
    covers = kit.cover_lines(h, ship.n_cover, cyc.ring.cover_sector)
    out = lines + covers
    kit.rnd.shuffle(out)
    return out


def _value(kit: Kit, good: Good, day: dt.date, kg: float) -> float:
    return kg * kit.fair_price(good, day)


def _code_shift(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, decoy = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    out = []
    for kg in ship.kgs:
        true_usd = kg * kit.abroad_price(true, h.day)
        if cyc.variant == "loud":
            usd = true_usd * rnd.uniform(0.6, 1.0)
            if rnd.random() < 0.6:
                spec = wording.specification(
                    decoy, "pipe", rnd, grade=f"{true.en} {rnd.choice(true.grades)}"
                )
                line = kit.line(h, decoy.key, true.key, kg, kg, usd, true_usd, specification=spec)
            else:
                desc = f"{decoy.zh} {true.en}"
                line = kit.line(h, decoy.key, true.key, kg, kg, usd, true_usd, description=desc)
        else:
            usd = kg * kit.fair_price(decoy, h.day) * rnd.uniform(1.3, 2.5)
            gross = kg * (1 + rnd.uniform(*true.tare))
            line = kit.line(
                h, decoy.key, true.key, kg, kg, usd, true_usd, gross=gross, origin=cyc.ring.region
            )
        out.append(line)
    return out


def _purity(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, decoy = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    out = []
    for kg in ship.kgs:
        true_usd = kg * kit.abroad_price(true, h.day)
        use = rnd.choice(true.uses)
        end_use = wording.split_use(use)[0]
        if cyc.variant == "loud":
            grade = rnd.choice(true.grades) if rnd.random() < 0.7 else None
            usd = true_usd * rnd.uniform(0.8, 1.0)
            line = kit.line(
                h, decoy.key, true.key, kg, kg, usd, true_usd, grade=grade, use=use, end_use=end_use
            )
        else:
            usd = _value(kit, decoy, h.day, kg) * rnd.uniform(1.15, 1.35)
            line = kit.line(
                h,
                decoy.key,
                true.key,
                kg,
                kg,
                usd,
                true_usd,
                grade=JUST_BELOW[true.key],
                use=use,
                end_use=end_use if rnd.random() < 0.7 else None,
            )
        out.append(line)
    return out


def _vague(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, decoy = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    out = []
    for raw in ship.kgs:
        kg = min(raw, 60.0) if cyc.variant == "faint" else raw
        true_usd = kg * kit.abroad_price(true, h.day)
        gross = kg * (1 + rnd.uniform(*true.tare))
        if cyc.variant == "loud":
            zh, en = rnd.choice(LOUD_WORDS)
            desc = zh if h.lang == "zh" else en.upper() if h.lang == "en" else f"{zh} {en}"
            spec = rnd.choice((None, "无", "见发票", "0|3|" + zh))
            usd = true_usd * rnd.uniform(0.4, 0.9)
            line = kit.line(
                h, decoy.key, true.key, kg, kg, usd, true_usd, description=desc, gross=gross
            )
            line.specification = spec
        else:
            zh, en = rnd.choice(FAINT_WORDS)
            desc = zh if h.lang == "zh" else en if h.lang == "en" else f"{zh} {en}"
            grade = rnd.choice(("见附件", "按合同", "混合物", "see attachment"))
            usd = _value(kit, decoy, h.day, kg) * rnd.uniform(2.0, 5.0)
            line = kit.line(
                h,
                decoy.key,
                true.key,
                kg,
                kg,
                usd,
                true_usd,
                description=desc,
                gross=gross,
                spec_name=(zh, en),
                grade=grade,
            )
        out.append(line)
    return out


def _short(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true = BY_KEY[cyc.true]
    out = []
    for kg in ship.kgs:
        true_usd = kg * kit.fair_price(true, h.day)
        home = kit.home_price(true, h.day)
        use = rnd.choice(true.uses)
        if cyc.variant == "loud":
            declared = kg * rnd.uniform(0.35, 0.55)
            usd = declared * home * rnd.uniform(0.4, 0.75)
            gross = kg * (1 + rnd.uniform(*true.tare))
        else:
            declared = kg * rnd.uniform(0.75, 0.9)
            prem = kit.abroad_price(true, h.day) / home
            usd = declared * home * (1 + (prem - 1) * rnd.uniform(0.0, 0.3))
            gross = None
        line = kit.line(
            h,
            true.key,
            true.key,
            declared,
            kg,
            usd,
            true_usd,
            use=use,
            gross=gross,
            end_user=h.consignee_name,
            end_use=wording.split_use(use)[0],
        )
        line.licence = cyc.licence
        out.append(line)
    return out


def _sister(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, decoy = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    out = []
    for kg in ship.kgs:
        true_usd = kg * kit.abroad_price(true, h.day)
        use = rnd.choice(true.uses)
        if cyc.variant == "loud":
            usd = true_usd * rnd.uniform(0.6, 1.0)
            if rnd.random() < 0.6:
                line = kit.line(
                    h,
                    decoy.key,
                    true.key,
                    kg,
                    kg,
                    usd,
                    true_usd,
                    grade=rnd.choice(true.grades),
                    use=use,
                    end_use=wording.split_use(use)[0],
                )
            else:
                line = kit.line(
                    h,
                    decoy.key,
                    true.key,
                    kg,
                    kg,
                    usd,
                    true_usd,
                    description=f"{decoy.zh} {true.en}",
                    use=use,
                    end_use=wording.split_use(use)[0],
                )
        else:
            usd = _value(kit, decoy, h.day, kg) * rnd.uniform(1.0, 1.4)
            line = kit.line(
                h,
                decoy.key,
                true.key,
                kg,
                kg,
                usd,
                true_usd,
                origin=cyc.ring.region,
                end_use=wording.split_use(use)[0] if rnd.random() < 0.5 else None,
            )
        out.append(line)
    return out


def _cargo(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, cover = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    out = []
    for _ in ship.kgs:
        share = rnd.uniform(0.05, 0.15) if cyc.variant == "loud" else rnd.uniform(0.01, 0.03)
        net = round(rnd.lognormvariate(math.log(cover.qty), 0.4) / cover.step) * cover.step
        if net * share > 800.0:  # a few hundred kilograms is what one box can hide
            net = round(800.0 / share / cover.step) * cover.step
        hidden = round(net * share, 1)
        usd = _value(kit, cover, h.day, net)
        true_usd = usd + hidden * kit.abroad_price(true, h.day)
        gross = net * (1 + rnd.uniform(*cover.tare)) + hidden * 1.04
        origin = cyc.ring.region if cyc.variant == "faint" else None
        line = kit.line(
            h, cover.key, true.key, net, hidden, usd, true_usd, gross=gross, origin=origin
        )
        out.append(line)
    return out


def _parcel(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    rnd = kit.rnd
    cyc = ship.cycle
    true, decoy = BY_KEY[cyc.true], BY_KEY[cyc.decoy]
    kg = ship.kgs[0]
    true_usd = kg * kit.abroad_price(true, h.day)
    if cyc.variant == "loud":
        usd = rnd.uniform(5.0, 40.0)
        word = rnd.choice(("样品", "礼品 gift", "金属配件 metal parts", "SAMPLE"))
        pcs = float(rnd.randrange(2, 20))
        line = kit.line(
            h, decoy.key, true.key, kg, kg, usd, true_usd, description=word, unit=(pcs, "pcs")
        )
    else:
        usd = kg * kit.fair_price(decoy, h.day) * rnd.uniform(0.8, 1.3)
        line = kit.line(h, decoy.key, true.key, kg, kg, usd, true_usd)
    return [line]


def _licensed(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    """Licence fraud and transshipment: the goods are declared as they are."""
    rnd = kit.rnd
    cyc = ship.cycle
    true = BY_KEY[cyc.true]
    out = []
    for kg in ship.kgs:
        price = kit.abroad_price(true, h.day) * rnd.uniform(0.7, 1.0)
        use = rnd.choice(true.uses)
        end_user: str | None = h.consignee_name
        end_use: str | None = wording.split_use(use)[0 if h.lang == "zh" else 1]
        if cyc.scheme == "third_country_hop" and cyc.variant == "loud":
            end_use = rnd.choice(("贸易", "trading", "再销售 resale", "库存 stock"))
        if cyc.scheme == "front_buyer":
            entry = kit.watch.entries[cyc.listed]
            if cyc.variant == "loud":
                end_user = rnd.choice([*entry.alt_names, entry.party.name])
            elif rnd.random() < 0.5:
                end_user = None
        usd = kg * price
        line = kit.line(
            h, true.key, true.key, kg, kg, usd, usd, use=use, end_user=end_user, end_use=end_use
        )
        line.licence = cyc.licence
        if cyc.licence_kind == "forged":
            line.licence = -1
            line.licence_text = (
                f"FORGED|{cyc.variant}|{cyc.forged_key}|{h.exporter.province}|{h.day.year}"
            )
        if cyc.licence_kind == "borrowed":
            line.licence = borrow(kit, true, h.day, h.exporter.uscc)
        if cyc.scheme == "no_licence" and cyc.variant == "loud":
            line.licence = -1
        line.sourcing = "booked"
        if cyc.scheme in ("third_country_hop", "front_buyer"):
            line.onward = "US" if cyc.scheme == "third_country_hop" else _listed_country(kit, cyc)
        out.append(line)
    return out


def _listed_country(kit: Kit, cyc: Cycle) -> str:
    return kit.watch.entries[cyc.listed].party.country or "US"


def borrow(kit: Kit, good: Good, day: dt.date, exporter_id: str) -> int:
    """A valid licence of another exporter: for the same item if possible, and preferably
    one held by a client of a broker the ring uses (that is where the number came from)."""
    valid = [
        lic
        for lic in kit.book.licences
        if lic.issued <= day <= lic.valid_until
        and lic.exporter_id != exporter_id
        and lic.status == "valid"
        and not lic.general
    ]
    same = [lic for lic in valid if lic.item == good.item]
    pool = same or valid
    if not pool:
        return -1
    ours = (
        set(kit.exporters_by_id[exporter_id].brokers)
        if exporter_id in kit.exporters_by_id
        else set()
    )
    clients = {e.uscc for e in kit.pop.exporters if ours & set(e.brokers)}
    near = [lic for lic in pool if lic.exporter_id in clients]
    if near and kit.rnd.random() < 0.7:
        pool = near
    return kit.rnd.choice(pool).idx


_WRITERS = {
    "code_shift": _code_shift,
    "purity_dodge": _purity,
    "vague_words": _vague,
    "short_weight": _short,
    "sister_element": _sister,
    "cargo_cover": _cargo,
    "dense_parcel": _parcel,
    "no_licence": _licensed,
    "forged_licence": _licensed,
    "stale_licence": _licensed,
    "borrowed_licence": _licensed,
    "overdraw": _licensed,
    "third_country_hop": _licensed,
    "front_buyer": _licensed,
}


def write_legit(kit: Kit, ship: Shipment, h: Header) -> list[Line]:
    """A ring's legitimate shipment: licensed draws or ordinary goods."""
    cyc = ship.cycle
    if not cyc.lic_good or cyc.licence < 0:
        return kit.cover_lines(h, len(ship.kgs), cyc.ring.cover_sector)
    good = BY_KEY[cyc.lic_good]
    out = []
    for kg in ship.kgs:
        usd = _value(kit, good, h.day, kg)
        use = kit.rnd.choice(good.uses)
        line = kit.line(
            h,
            good.key,
            good.key,
            kg,
            kg,
            usd,
            usd,
            use=use,
            end_user=h.consignee_name,
            end_use=wording.split_use(use)[0],
        )
        line.licence = cyc.licence
        out.append(line)
    return out


def forged_numbers(
    lines: list[Line], series: dict[tuple[str, str], list[int]], rnd: random.Random
) -> None:
    """Turn forged-licence placeholders into the numbers the rings wrote."""
    used = {f"{yy}DU{office}{seq:05d}" for (yy, office), seqs in series.items() for seq in seqs}
    typos = _near_copies(used)
    made: dict[str, str] = {}
    shared_loud: list[str] = []
    for line in lines:
        text = line.licence_text
        if text is None or not text.startswith("FORGED|"):
            continue
        _, variant, key, province, year = text.split("|")
        if key in made and rnd.random() < 0.8:
            line.licence_text = made[key]
            continue
        yy = f"{int(year) % 100:02d}"
        if variant == "loud":
            number = ""
            for _ in range(40):
                number = _impossible(rnd, shared_loud, yy, province, int(year))
                if number not in used:
                    break
            shared_loud.append(number)
        else:
            seqs = sorted(series.get((yy, province), [])) or [rnd.randrange(100, 900)]
            low, high = seqs[0], max(seqs[-1], seqs[0] + 20)
            number = ""
            for _ in range(50):
                seq = rnd.randrange(low, high + 1)
                candidate = f"{yy}DU{province}{seq:05d}"
                if candidate not in used and candidate not in typos:
                    number = candidate
                    break
            number = number or f"{yy}DU{province}{high + rnd.randrange(3, 40):05d}"
        made[key] = number
        line.licence_text = number


def _impossible(rnd: random.Random, shared: list[str], yy: str, province: str, year: int) -> str:
    """A licence number no office could have issued for this declaration."""
    roll = rnd.random()
    if shared and roll < 0.3:
        return rnd.choice(shared)
    if roll < 0.55:
        return f"{(year + 1) % 100:02d}DU{province}{rnd.randrange(1, 999):05d}"
    if roll < 0.8:
        return f"{yy}DU{rnd.choice(('00', '99', '70'))}{rnd.randrange(1, 99999):05d}"
    return f"DU-{year}-{rnd.randrange(1, 999):03d}"


def _near_copies(numbers: set[str]) -> set[str]:
    """Every number one swapped pair or one wrong digit away from a register entry."""
    out: set[str] = set()
    for number in numbers:
        for i in range(6, len(number)):
            for digit in "0123456789":
                out.add(number[:i] + digit + number[i + 1 :])
            if i + 1 < len(number):
                out.add(number[:i] + number[i + 1] + number[i] + number[i + 2 :])
    return out
