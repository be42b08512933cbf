"""The honest population: exporters of every size and trade, their brokers and buyers.

Seven kinds of exporter make the untidy middle of customs data: manufacturers with one
or two products, metal and chemical traders whose antimony and tungsten become
look-alikes once those are controlled, licensed producers of controlled materials,
supply-chain companies that lodge forty-line declarations for many clients, e-commerce
sellers posting parcels, sole traders and border shopkeepers, and general trading houses
that sell through hubs. Sizes follow a Pareto law; some exporters appear mid-window (new
companies and old ones new to exporting), some stop and some fall silent for months and
come back -- all honest, all things a risk model might mistake for smuggling.
"""

from __future__ import annotations

import numpy as np

from . import goods, names
from .books import Books, Broker, Consignee, Exporter, Person
from .idents import resident_id, uscc
from .places import COUNTRIES, COUNTRY_WEIGHT, REGIONS
from .timeline import DAYS

PROFILES = ("maker", "metals", "licensed", "supply_chain", "ecommerce", "sole", "trader")
PROFILE_P = np.array([0.40, 0.15, 0.07, 0.03, 0.12, 0.10, 0.13])
#: Mode mix per profile: sea, air, road, rail, post, express, passenger.
MODE_MIX = {
    "maker": (0.72, 0.06, 0.06, 0.10, 0.01, 0.05, 0.0),
    "metals": (0.70, 0.05, 0.10, 0.13, 0.0, 0.02, 0.0),
    "licensed": (0.50, 0.25, 0.05, 0.08, 0.02, 0.10, 0.0),
    "supply_chain": (0.60, 0.15, 0.10, 0.10, 0.0, 0.05, 0.0),
    "ecommerce": (0.02, 0.08, 0.0, 0.0, 0.35, 0.55, 0.0),
    "sole": (0.05, 0.0, 0.35, 0.0, 0.10, 0.20, 0.30),
    "trader": (0.65, 0.08, 0.10, 0.10, 0.02, 0.05, 0.0),
}
HEAVY = goods.ids(
    "tiles",
    "stone",
    "castings",
    "refractory",
    "quartz_powder",
    "steel_balls",
    "furniture",
    "fertilizer",
    "tio2",
    "solar",
    "machinery",
    "pumps",
    "glassware",
    "cables",
    "screws",
    "auto_parts",
    "bicycles",
)
LIGHT = goods.ids(
    "tshirt",
    "toys",
    "plastic",
    "phones",
    "lamps",
    "garments",
    "pc_parts",
    "cosmetics",
    "handicraft",
    "tea",
    "li_cells",
)
PARCEL = goods.ids(
    "toys",
    "phones",
    "garments",
    "cosmetics",
    "pc_parts",
    "led_chip",
    "metal_sample",
    "tshirt",
    "handicraft",
    "metal_craft",
    "lamps",
)
BORDER = goods.ids(
    "tea", "garments", "handicraft", "cosmetics", "toys", "metal_craft", "tshirt", "plastic"
)
LOOKALIKE = goods.by_kind("L")
#: Controlled goods a metals trader dealt in before their controls (it turns to look-alikes).
PRE_CONTROL = goods.ids(
    "sb_metal",
    "sb_conc",
    "sb_oxide4n",
    "w_apt",
    "w_oxide",
    "w_carbide",
    "bi_metal",
    "dy_oxide",
    "y_oxide",
    "gd_oxide",
    "te_metal",
)
ELEMENT_GROUPS = tuple(goods.ELEMENT_GROUPS)
CONSIGNEE_SECTORS = {
    "gallium": "Semiconductor",
    "germanium": "Optics",
    "graphite": "Battery Materials",
    "antimony": "Chemicals",
    "tungsten": "Tooling",
    "minor": "Electronics",
    "heavy_re": "Magnetics",
    "other_re": "Ceramics",
    "superhard": "Abrasives",
}
MARKETS = {
    "ecommerce": ("US", "GB", "DE", "FR", "AU", "JP", "CA", "IT", "KR", "BR", "MX", "PL"),
    "sole": ("VN", "MM", "KZ", "HK", "MO", "RU", "KG", "MN", "LA"),
    "licensed": ("JP", "KR", "DE", "US", "NL", "IN", "TW", "FR", "GB", "VN", "MY", "TH", "IT"),
}


def region_choice(rng: np.random.Generator, profile: str) -> int:
    codes = [r.code for r in REGIONS]
    if profile in ("licensed", "metals"):
        pool = [i for i, r in enumerate(REGIONS) if r.elements]
        if rng.random() < 0.25:
            pool = list(range(len(REGIONS)))
    elif profile == "ecommerce":
        pool = [codes.index(c) for c in ("330700", "440300", "440100", "441900", "310000")]
    elif profile == "sole":
        pool = [codes.index(c) for c in ("450600", "533100", "650100", "440300", "330700")]
    else:
        pool = [i for i, r in enumerate(REGIONS) if r.code not in ("450600", "533100")]
    return int(pool[int(rng.integers(0, len(pool)))])


def make_person(rng: np.random.Generator, books: Books, region: str, country: str = "CN") -> int:
    if country == "CN":
        zh, en = names.person(rng)
        rid = resident_id(rng, region)
        ph = names.phone(rng)
        home = next((r for r in REGIONS if r.code == region), REGIONS[0])
        addr = names.chinese_address(rng, home.zh)
    else:
        en = names.FOREIGN_PEOPLE[int(rng.integers(0, len(names.FOREIGN_PEOPLE)))]
        zh = en
        rid = f"{country}{int(rng.integers(0, 10**8)):08d}"
        ph = f"+{int(rng.integers(1, 99))} {int(rng.integers(0, 10**9)):09d}"
        addr = names.foreign_address(rng, country)
    books.persons.append(Person(zh, en, rid, country, ph, addr))
    return len(books.persons) - 1


def make_consignee(
    rng: np.random.Generator,
    books: Books,
    country: str,
    kind: str,
    sector: str | None = None,
    incorporated: int | None = None,
    name: str | None = None,
    address: str | None = None,
) -> int:
    if incorporated is None:
        incorporated = -int(rng.integers(200, 9000))
    if name is None:
        if kind == "forwarder":
            name = names.foreign_company(rng, country, "Logistics")
        elif kind == "private":
            name = names.FOREIGN_PEOPLE[int(rng.integers(0, len(names.FOREIGN_PEOPLE)))]
            name = f"{name} {chr(65 + int(rng.integers(0, 26)))}."
        else:
            name = names.foreign_company(rng, country, sector)
    reg = f"{country}-{int(rng.integers(0, 10**9)):09d}" if kind != "private" else ""
    books.consignees.append(
        Consignee(
            name=name,
            country=country,
            address=address or names.foreign_address(rng, country),
            incorporated=incorporated,
            sector=sector or "",
            registration=reg,
            kind=kind,
            first_day=max(0, incorporated + int(rng.integers(5, 60))) if incorporated > 0 else 0,
        )
    )
    return len(books.consignees) - 1


def make_exporter(
    rng: np.random.Generator,
    books: Books,
    profile: str,
    region: int,
    *,
    kind: str = "company",
    incorporated: int | None = None,
    active: tuple[int, int] = (0, DAYS - 1),
    size: float = 1.0,
) -> int:
    """Register an exporter (company, sole trader or private person) with its legal
    representative; the caller fills its trade (slots, buyers, brokers)."""
    reg = REGIONS[region]
    rep = make_person(rng, books, reg.code)
    if kind == "person":
        p = books.persons[rep]
        code, zh, en = p.rid, p.name_zh, p.name_en
    else:
        code = uscc(rng, reg.code, sole_trader=kind == "sole")
        if kind == "sole":
            pz, pe = books.persons[rep].name_zh, books.persons[rep].name_en
            zh = f"{reg.zh[-2:]}市{pz}商行"
            en = f"{reg.en.split(',')[0]} {pe} Trading Firm"
        else:
            trade_profile = profile if profile in names.TRADES else "trader"
            zh, en = names.chinese_company(rng, reg.zh, reg.en, trade_profile)
    if incorporated is None:
        incorporated = -int(rng.integers(300, 8000))
    lang = ("zh", "en", "mix")[int(rng.choice(3, p=[0.5, 0.2, 0.3]))]
    currency = str(
        rng.choice(["USD", "CNY", "EUR", "HKD", "local"], p=[0.68, 0.08, 0.04, 0.04, 0.16])
    )
    books.exporters.append(
        Exporter(
            uscc=code,
            name_zh=zh,
            name_en=en,
            kind=kind,
            region=region,
            incorporated=incorporated,
            phone=names.phone(rng, mobile=kind != "company"),
            address=names.chinese_address(rng, reg.zh),
            profile=profile,
            rep=rep,
            lang=lang,
            currency=currency,
            price_factor=float(np.exp(rng.normal(0, 0.12))),
            size=size,
            active_from=active[0],
            active_to=active[1],
            modes=np.array(MODE_MIX.get(profile, MODE_MIX["trader"])),
            english_name=bool(rng.random() < 0.12),
            origin_style=int(rng.choice(4, p=[0.45, 0.3, 0.1, 0.15])),
            capture=float(rng.uniform(0.45, 0.95)),
            old_contracts=bool(rng.random() < 0.35),
            unit_t=bool(rng.random() < 0.35),
            licence_gap=int(rng.integers(40, 95)),
            word=int(rng.integers(0, 3)),
        )
    )
    i = len(books.exporters) - 1
    party = books.party_of_exporter(i)
    if kind != "person":
        books.relate(books.person_party(rep), party, "legal_representative", incorporated)
    return i


def _slots(rng: np.random.Generator, profile: str) -> list[int]:
    def pick(pool: list[int], k: int) -> list[int]:
        k = min(k, len(pool))
        return [int(x) for x in rng.choice(pool, k, replace=False)]

    if profile == "maker":
        pool = HEAVY if rng.random() < 0.6 else LIGHT
        return pick(pool, int(rng.integers(1, 5)))
    if profile == "metals":
        out = pick(LOOKALIKE, int(rng.integers(1, 4)))
        return out + pick(PRE_CONTROL, int(rng.integers(1, 3)))
    if profile == "licensed":
        groups = rng.choice(len(ELEMENT_GROUPS), int(rng.integers(1, 3)), replace=False)
        pool = sorted(
            {goods.INDEX[k] for g in groups for k in goods.ELEMENT_GROUPS[ELEMENT_GROUPS[g]]}
        )
        return pick(pool, int(rng.integers(2, 6)))
    if profile == "supply_chain":
        return pick(HEAVY + LIGHT, 5) + pick(LOOKALIKE, 2)
    if profile == "ecommerce":
        return pick(PARCEL, int(rng.integers(2, 6)))
    if profile == "sole":
        return pick(BORDER, int(rng.integers(1, 4)))
    return pick(HEAVY + LIGHT, int(rng.integers(1, 4))) + pick(LOOKALIKE, int(rng.integers(1, 3)))


def _licensed_element(slots: list[int]) -> str:
    for s in slots:
        for g, keys in goods.ELEMENT_GROUPS.items():
            if goods.PRODUCTS[s].key in keys and goods.PRODUCTS[s].kind == "C":
                return g
    return "minor"


def populate(rng: np.random.Generator, books: Books, lines: int) -> None:
    """Register the honest exporters, brokers and buyers for a world of ``lines`` lines."""
    n_exp = max(60, lines // 40)
    n_brokers = max(12, n_exp // 30)
    for _ in range(n_brokers):
        region = region_choice(rng, "trader")
        rep = make_person(rng, books, REGIONS[region].code)
        code = uscc(rng, REGIONS[region].code)
        b1, b2 = (names.BRANDS[i] for i in rng.choice(len(names.BRANDS), 2, replace=False))
        broker_kind = names.TRADES["broker"][int(rng.integers(0, 2))][0]
        books.brokers.append(
            Broker(
                code, f"{REGIONS[region].zh[-2:]}{b1[0]}{b2[0]}{broker_kind}有限公司", region, rep
            )
        )
    broker_regions = np.array([b.region for b in books.brokers])

    # a shared pool of buyers abroad, by country (buyers import from several exporters)
    n_cons = max(80, int(n_exp * 1.2))
    pool_country = rng.choice(len(COUNTRIES), n_cons, p=COUNTRY_WEIGHT / COUNTRY_WEIGHT.sum())
    pool_by_country: dict[str, list[int]] = {}
    for c in pool_country:
        country = COUNTRIES[int(c)].code
        kind = str(rng.choice(["end_user", "distributor", "forwarder"], p=[0.55, 0.35, 0.10]))
        recent = rng.random() < 0.06
        inc = int(rng.integers(0, DAYS - 120)) if recent else None
        sector = names.SECTORS_BUY[int(rng.integers(0, len(names.SECTORS_BUY)))]
        idx = make_consignee(rng, books, country, kind, sector, inc)
        pool_by_country.setdefault(country, []).append(idx)
    privates = {
        c: [make_consignee(rng, books, c, "private") for _ in range(max(3, n_exp // 60))]
        for c in MARKETS["ecommerce"]
    }

    profiles = rng.choice(len(PROFILES), n_exp, p=PROFILE_P)
    sizes = np.minimum(rng.pareto(1.3, n_exp) + 1.0, 150.0)
    groups: list[int] = []  # licensed exporters, some grouped under one owner
    for k in range(n_exp):
        profile = PROFILES[int(profiles[k])]
        region = region_choice(rng, profile)
        u_kind = rng.random()
        kind = "company"
        if profile == "sole":  # border residents carry and post under their own id cards
            kind = "person" if u_kind < 0.4 else ("sole" if u_kind < 0.85 else "company")
        elif profile == "ecommerce":
            kind = "person" if u_kind < 0.15 else ("sole" if u_kind < 0.3 else "company")
        u = rng.random()
        active = (0, DAYS - 1)
        incorporated = None
        dormant = (-1, -1)
        if u < 0.10:  # new to exporting mid-window
            start = int(rng.integers(40, DAYS - 60))
            active = (start, DAYS - 1)
            if rng.random() < 0.5:
                incorporated = start - int(rng.integers(10, 200))
        elif u < 0.15:  # stops exporting (closed, or sold its export business)
            active = (0, int(rng.integers(120, DAYS - 150)))
        elif u < 0.19:  # falls silent for months, then comes back
            lo = int(rng.integers(60, DAYS - 330))
            dormant = (lo, lo + int(rng.integers(150, 300)))
        size = float(sizes[k]) * (6.0 if profile == "supply_chain" else 1.0)
        i = make_exporter(
            rng,
            books,
            profile,
            region,
            kind=kind,
            incorporated=incorporated,
            active=active,
            size=size,
        )
        e = books.exporters[i]
        e.dormant = dormant
        e.slots = _slots(rng, profile)
        # brokers: mostly one near home, some two, some lodge themselves
        near = np.flatnonzero(broker_regions == region)
        first = (
            int(rng.choice(near))
            if near.size and rng.random() < 0.7
            else int(rng.integers(0, n_brokers))
        )
        e.brokers = [first]
        if rng.random() < 0.3:
            e.brokers.append(int(rng.integers(0, n_brokers)))
        if rng.random() < 0.1:
            e.brokers = [-1]
        # buyers
        n_buy = int(np.clip(1 + rng.poisson(1.0 + np.log1p(size)), 1, 9))
        if profile == "ecommerce":
            markets = [m for m in MARKETS["ecommerce"] if rng.random() < 0.4] or ["US"]
            e.consignees = [int(x) for m in markets for x in privates[m]]
            continue
        if profile == "sole":
            market_pool = MARKETS["sole"]
        elif profile == "licensed":
            market_pool = MARKETS["licensed"]
            sector = CONSIGNEE_SECTORS[_licensed_element(e.slots)]
            e.consignees = []
            for _ in range(n_buy):
                country = market_pool[int(rng.integers(0, len(market_pool)))]
                if rng.random() < 0.5 and pool_by_country.get(country):
                    cands = pool_by_country[country]
                    e.consignees.append(int(cands[int(rng.integers(0, len(cands)))]))
                else:
                    e.consignees.append(make_consignee(rng, books, country, "end_user", sector))
            groups.append(i)
            continue
        else:
            market_pool = tuple(pool_by_country)
        chosen: list[int] = []
        for _ in range(n_buy):
            country = market_pool[int(rng.integers(0, len(market_pool)))]
            cands = pool_by_country.get(country, [])
            if not cands:
                cands = pool_by_country.setdefault(
                    country, [make_consignee(rng, books, country, "distributor")]
                )
            chosen.append(int(cands[int(rng.integers(0, len(cands)))]))
        # the first buyer is an old one (a new buyer cannot be the exporter's only buyer)
        chosen.sort(key=lambda c: books.consignees[c].first_day)
        e.consignees = chosen
    # parcel sellers and border traders registered through one agency share its phone
    small = [
        i
        for i in range(n_exp)
        if books.exporters[i].profile in ("ecommerce", "sole")
        and books.exporters[i].kind in ("person", "sole")
    ]
    rng.shuffle(small)
    for start in range(0, int(len(small) * 0.2), 4):
        agency_phone = names.phone(rng, mobile=False)
        for member in small[start : start + int(rng.integers(3, 7))]:
            books.persons[books.exporters[member].rep].phone = agency_phone
    # fulfilment warehouses abroad receive from many small sellers
    centres = [
        make_consignee(rng, books, c, "forwarder", "Fulfillment Center")
        for c in ("US", "GB", "DE", "JP", "US")
    ]
    for i in range(n_exp):
        e = books.exporters[i]
        if e.profile == "ecommerce" and rng.random() < 0.35:
            e.consignees.insert(0, centres[int(rng.integers(0, len(centres)))])
    # licensed producers selling to their own subsidiary abroad at transfer prices
    for i in groups:
        e = books.exporters[i]
        if rng.random() < 0.12:
            e.capture, e.old_contracts = float(rng.uniform(0.0, 0.15)), False
            books.relate(
                books.party_of_exporter(i),
                books.consignee_party(e.consignees[0]),
                "owner",
                -int(rng.integers(300, 3000)),
                1.0,
            )
    # honest groups: one owner holds two or three licensed exporters (sister companies)
    rng.shuffle(groups)
    for start in range(0, len(groups) - 2, 7):
        owner = make_person(rng, books, REGIONS[books.exporters[groups[start]].region].code)
        for member in groups[start : start + int(rng.integers(2, 4))]:
            books.relate(
                f"@{owner}",
                books.party_of_exporter(member),
                "shareholder",
                -400,
                float(np.round(rng.uniform(0.3, 0.9), 2)),
            )
