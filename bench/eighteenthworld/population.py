"""Who trades: brokers, domestic exporters of every honest family, their foreign
customers, the people behind them, and the restricted parties of the watchlist.

Honest structure that looks suspicious on purpose: companies that share one building in
an industrial park, consignees registered at the same agent's suite in Dubai or Hong
Kong as a listed party, family groups whose one legal representative signs for three
exporters, brokers who act as agents for many small exporters, new companies, and
foreign names that resemble listed ones.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta

from eighteenthworld.calendar import START
from eighteenthworld.goods import pool
from eighteenthworld.model import Broker, Consignee, Exporter, Party
from eighteenthworld.names import CnName, respell
from eighteenthworld.state import World

#: family -> (base count at 100k lines, minimum, city tag, industries, goods)
FAMILIES: dict[str, tuple[int, int, str | None, tuple[str, ...]]] = {
    "consolidator": (30, 4, "trade", ("supply", "logistics", "impex", "trade")),
    "market": (18, 3, "market", ("trade", "impex", "supply")),
    "manufacturer": (
        160,
        20,
        None,
        ("chemical", "materials", "hardware", "ceramics", "electronics"),
    ),
    "ecommerce": (70, 10, "ecom", ("ecom", "trade", "electronics")),
    "producer": (45, 14, None, ()),
    "scrap": (30, 5, "scrap", ("recycling", "metals")),
    "alloy": (22, 5, "alloy", ("alloy", "metals", "materials", "magnetics")),
    "device": (20, 5, "device", ("optics", "semiconductor", "electronics")),
    "ree": (18, 4, "ree", ("ree", "materials", "magnetics")),
}

#: Licensed producers by element: city tag, industry, the controlled goods they ship.
PRODUCERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("gallium", "gallium", ("ga_metal", "ga_metal_hp", "ga_oxide")),
    ("germanium", "germanium", ("ge_ingot", "ge_dioxide", "ge_tetrachloride", "ge_scrap")),
    ("graphite", "graphite", ("graphite_flake", "graphite_spherical", "graphite_hp")),
    ("antimony", "antimony", ("sb_ingot", "sb_oxide_hp", "sb_concentrate")),
    ("tungsten", "tungsten", ("w_apt", "w_oxide", "w_bar", "w_heavy")),
    ("ree", "ree", ("dy_oxide", "tb_oxide", "y_oxide", "gd_oxide")),
    ("ree", "ree", ("lu_oxide", "sc_oxide", "sm_metal", "dy_metal", "tb_metal")),
    ("bismuth", "metals", ("bi_ingot", "te_metal", "mo_powder_hp")),
)
WAFER_GOODS = ("gaas_wafer", "gan_wafer", "inp_wafer", "ge_substrate")

#: family -> destination countries and weights
MARKETS: dict[str, dict[str, float]] = {
    "producer": {
        "JP": 18,
        "KR": 14,
        "DE": 10,
        "NL": 7,
        "BE": 5,
        "US": 10,
        "IN": 6,
        "VN": 5,
        "MY": 4,
        "TH": 3,
        "TW": 5,
        "SG": 3,
        "AE": 2,
        "TR": 3,
        "GB": 2,
        "FR": 2,
    },
    "consolidator": {
        "US": 20,
        "DE": 7,
        "GB": 5,
        "FR": 4,
        "NL": 4,
        "AE": 6,
        "IN": 5,
        "VN": 5,
        "MY": 4,
        "TH": 4,
        "ID": 4,
        "BR": 4,
        "MX": 5,
        "RU": 6,
        "KZ": 3,
        "TR": 4,
        "AU": 4,
        "CA": 4,
        "JP": 4,
        "KR": 4,
    },
    "market": {
        "AE": 15,
        "RU": 10,
        "KZ": 8,
        "TR": 7,
        "IN": 6,
        "BR": 6,
        "MX": 6,
        "VN": 5,
        "ID": 6,
        "TH": 4,
        "MY": 4,
        "US": 8,
        "DE": 3,
        "GB": 3,
        "AU": 3,
    },
    "ecommerce": {
        "US": 35,
        "GB": 10,
        "DE": 10,
        "FR": 7,
        "CA": 7,
        "AU": 7,
        "JP": 6,
        "KR": 4,
        "BR": 5,
        "MX": 4,
        "IT": 5,
    },
    "scrap": {
        "IN": 20,
        "JP": 12,
        "KR": 15,
        "DE": 8,
        "NL": 5,
        "BE": 5,
        "US": 8,
        "VN": 7,
        "MY": 8,
        "TH": 6,
        "TR": 6,
    },
    "alloy": {
        "JP": 14,
        "KR": 12,
        "DE": 10,
        "US": 10,
        "IN": 10,
        "NL": 6,
        "TR": 6,
        "VN": 6,
        "TH": 5,
        "MY": 5,
        "IT": 4,
        "PL": 4,
        "RU": 4,
        "MX": 4,
    },
    "device": {
        "US": 15,
        "DE": 10,
        "JP": 12,
        "KR": 12,
        "TW": 10,
        "SG": 6,
        "NL": 5,
        "IN": 6,
        "VN": 8,
        "MY": 6,
        "TH": 5,
        "FR": 5,
    },
    "manufacturer": {
        "US": 14,
        "DE": 8,
        "JP": 8,
        "KR": 8,
        "IN": 8,
        "VN": 6,
        "TH": 5,
        "MY": 5,
        "ID": 5,
        "TR": 5,
        "BR": 5,
        "MX": 5,
        "RU": 5,
        "AE": 4,
        "GB": 4,
        "IT": 3,
        "PL": 3,
        "CA": 3,
    },
    "ree": {
        "JP": 20,
        "KR": 12,
        "DE": 10,
        "US": 10,
        "VN": 10,
        "IN": 8,
        "TH": 6,
        "MY": 6,
        "NL": 6,
        "IT": 4,
    },
}
#: Registered-agent addresses shared by many honest consignees (and, later, listed ones).
AGENT_ADDRESSES: dict[str, str] = {
    "AE": "Suite 1205, Business Bay Tower A, Business Bay, Dubai",
    "HK": "Room 1502, 15/F, Kwun Tong Commercial Centre, Kwun Tong, Kowloon",
    "SG": "10 Anson Road #26-04, International Plaza, Singapore 079903",
    "US": "8 The Green, Suite B, Dover, DE 19901",
    "TR": "Maslak Mah. Büyükdere Cad. No:255 Kat:9, Sarıyer, Istanbul",
    "MY": "Level 15, Menara Prestige, Jalan Pinang, Kuala Lumpur",
    "KZ": "Office 305, 77/7 Al-Farabi Ave, Almaty",
}
CURRENCIES = (("USD", 72), ("CNY", 10), ("EUR", 8), ("JPY", 5), ("HKD", 5))


def weighted(rng: random.Random, table: Mapping[str, float]) -> str:
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def build(world: World) -> None:
    """Every honest party of the world, in a fixed order."""
    rng = world.rng("population")
    _brokers(world, rng)
    _parks(world, rng)
    for family, (base, minimum, tag, industries) in FAMILIES.items():
        world.exporters[family] = []
        for i in range(world.count(base, minimum)):
            if family == "producer":
                city_tag, industry, goods = PRODUCERS[i % len(PRODUCERS)]
                exporter = new_exporter(world, rng, family, city_tag, industry)
                k = rng.randint(1, min(3, len(goods)))
                exporter.goods = sorted(rng.sample(list(goods), k))
            else:
                industry = rng.choice(industries)
                exporter = new_exporter(world, rng, family, tag, industry)
                exporter.goods = _family_goods(rng, family, i)
            world.exporters[family].append(exporter)
    _groups(world, rng)


def _brokers(world: World, rng: random.Random) -> None:
    styles = {"local": 50, "cst": 15, "utc": 8, "date": 27}
    from eighteenthworld.logistics import PORTS

    ports = sorted(PORTS)
    for _ in range(world.count(26, 8)):
        city = world.namer.city("trade")
        name = world.namer.chinese(city, "customs")
        party = world.add_party(
            Party(
                world.ids.party("B"),
                "company",
                name.zh,
                "CN",
                world.namer.chinese_address(city),
                [name.en],
                registration_id=world.ids.uscc(city[3]),
                incorporated=date(2005, 1, 1) + timedelta(days=rng.randrange(5000)),
            )
        )
        code = world.ids.broker_code(city[3])
        world.brokers.append(
            Broker(party, code, weighted(rng, styles), tuple(rng.sample(ports, rng.randint(2, 4))))
        )
    # express platforms write UTC from their own systems
    for port in ("CNSZX", "CNCAN", "CNPVG", "CNHGH", "CNXMN"):
        city = world.namer.city("ecom")
        name = world.namer.chinese(city, "logistics")
        party = world.add_party(
            Party(
                world.ids.party("B"),
                "company",
                name.zh,
                "CN",
                world.namer.chinese_address(city),
                [name.en],
                registration_id=world.ids.uscc(city[3]),
                incorporated=date(2012, 3, 1),
            )
        )
        world.brokers.append(Broker(party, world.ids.broker_code(city[3]), "utc", (port,)))


def _parks(world: World, rng: random.Random) -> None:
    """A few buildings in industrial parks that several companies call home."""
    from eighteenthworld.names import CITIES

    for city in CITIES:
        if rng.random() < 0.55:
            world.shared_cn[city[0]] = [
                world.namer.chinese_address(city) for _ in range(rng.randint(1, 2))
            ]


def _family_goods(rng: random.Random, family: str, i: int) -> list[str]:
    name = {
        "consolidator": "consol",
        "market": "market",
        "ecommerce": "ecom",
        "scrap": "scrap",
        "alloy": "alloy",
        "device": "device",
        "ree": "ree",
        "manufacturer": "manuf",
    }[family]
    goods = [g.key for g in pool(name)]
    if family == "device" and i % 3 == 0:
        return sorted(rng.sample(WAFER_GOODS, rng.randint(1, 2)))
    if family in ("consolidator", "market"):
        return goods
    if family == "manufacturer":
        goods += [g.key for g in pool("consol")]
    return sorted(rng.sample(goods, min(len(goods), rng.randint(1, 4))))


def new_exporter(
    world: World,
    rng: random.Random,
    family: str,
    city_tag: str | None,
    industry: str,
    incorporated: date | None = None,
    shared_share: float = 0.2,
) -> Exporter:
    city = world.namer.city(city_tag)
    name = world.namer.chinese(city, industry)
    is_new = incorporated is not None or (family not in ("producer",) and rng.random() < 0.12)
    if incorporated is None:
        incorporated = (
            START + timedelta(days=rng.randrange(0, 420))
            if is_new
            else date(1998, 1, 1) + timedelta(days=rng.randrange(0, 8000))
        )
    parks = world.shared_cn.get(city[0])
    address = (
        rng.choice(parks)
        if parks and rng.random() < shared_share
        else world.namer.chinese_address(city)
    )
    uscc = world.ids.uscc(city[3])
    party = world.add_party(
        Party(
            world.ids.party("E"),
            "company",
            name.zh,
            "CN",
            address,
            [name.en, name.py.upper()],
            f"0{city[3][:3]}-{rng.randrange(10**7, 10**8)}",
            f"export@{name.py.split()[1].lower()}{rng.randrange(10, 99)}.com.cn",
            uscc,
            incorporated,
        )
    )
    ports = _home_ports(rng, family, city[0])
    brokers = [b for b in world.brokers if set(b.ports) & set(ports) and b.style != "utc"]
    if family == "ecommerce":
        brokers = [b for b in world.brokers if b.style == "utc"] or brokers
    chosen = rng.sample(brokers, min(len(brokers), rng.randint(1, 2))) if brokers else []
    if rng.random() < 0.15 and family not in ("ecommerce",):
        chosen = []
    active = max(START, incorporated + timedelta(days=rng.randint(20, 90)))
    exporter = Exporter(
        party=party,
        uscc=uscc,
        cn=name,
        family=family,
        city=city,
        ports=ports,
        brokers=chosen,
        currency=weighted(rng, dict(CURRENCIES)),
        goods=[],
        consignees=[],
        size=rng.paretovariate(1.3),
        name_style=min(0.9, 0.03 + rng.random() * 0.2 + world.knobs.honest_noise * 0.3),
        desc_style=weighted(rng, {"zh": 55, "zh_en": 30, "en": 15}),
        active_from=active,
    )
    person_zh, person_py = world.namer.chinese_person()
    person = world.add_party(
        Party(world.ids.party("P"), "person", person_zh, "CN", address, [person_py])
    )
    world.persons.append(person)
    world.relate(person.party_id, party.party_id, "legal_representative", incorporated)
    if family in ("manufacturer", "ecommerce", "consolidator") and chosen and rng.random() < 0.3:
        world.relate(chosen[0].party.party_id, party.party_id, "agent", active)
    return exporter


def _home_ports(rng: random.Random, family: str, city: str) -> list[str]:
    south = {"深圳", "东莞", "广州", "佛山", "潮州", "清远", "百色", "南宁"}
    east = {"宁波", "义乌", "上海", "杭州", "苏州", "台州", "永康", "赣州", "厦门", "龙岩"}
    north = {"天津", "青岛", "包头", "鸡西", "鹤岗", "乌鲁木齐"}
    if family == "market":
        return ["CNYIW"]
    if family == "ecommerce":
        return rng.sample(["CNSZX", "CNCAN", "CNPVG", "CNHGH", "CNXMN"], 2)
    if city in south:
        sea = ["CNSZX", "CNCAN"]
    elif city in north:
        sea = ["CNTSN", "CNTAO", "CNDLC"]
    elif city in east:
        sea = ["CNNGB", "CNSHA", "CNXMN"]
    else:
        sea = ["CNSHA", "CNCAN", "CNTSN", "CNKMG"]
    ports = rng.sample(sea, min(len(sea), rng.randint(1, 2)))
    if family in ("producer", "device", "ree") and rng.random() < 0.7:
        ports.append(rng.choice(["CNPVG", "CNSZX", "CNCAN"]))
    if family in ("consolidator",) and rng.random() < 0.3:
        ports.append(rng.choice(["CNURC", "CNNGB"]))
    return sorted(set(ports))


def _groups(world: World, rng: random.Random) -> None:
    """Honest company groups: a parent owns two or three exporters (sister companies)."""
    pool_ = [
        e
        for e in world.all_exporters()
        if e.family in ("producer", "alloy", "scrap", "manufacturer", "ree")
    ]
    rng.shuffle(pool_)
    for i in range(0, min(len(pool_), world.count(30, 6)), 3):
        members = pool_[i : i + rng.randint(2, 3)]
        if len(members) < 2:
            continue
        parent = members[0]
        for child in members[1:]:
            world.relate(
                parent.party.party_id,
                child.party.party_id,
                "owner",
                child.party.incorporated,
                round(rng.uniform(0.51, 1.0), 2),
            )
            # one person signs for the group
            world.relate(_legal_rep(world, parent), child.party.party_id, "director")


def _legal_rep(world: World, exporter: Exporter) -> str:
    for rel in world.relations:
        if (
            rel["dst_party_id"] == exporter.party.party_id
            and rel["relation"] == "legal_representative"
        ):
            return str(rel["src_party_id"])
    raise KeyError(exporter.party.party_id)


def new_consignee(
    world: World,
    rng: random.Random,
    country: str,
    role: str,
    tail: str | None = None,
    incorporated: date | None = None,
    agent_share: float = 0.3,
) -> Consignee:
    name = world.namer.foreign(country, tail)
    address = (
        AGENT_ADDRESSES[country]
        if country in AGENT_ADDRESSES and rng.random() < agent_share
        else world.namer.foreign_address(country)
    )
    variants = sorted({respell(rng, name) for _ in range(4)} - {name})
    party = world.add_party(
        Party(
            world.ids.party("C"),
            "company",
            name,
            country,
            address,
            variants[:3],
            registration_id=f"{country}{rng.randrange(10**6, 10**8)}",
            incorporated=incorporated or date(1985, 1, 1) + timedelta(days=rng.randrange(12000)),
        )
    )
    consignee = Consignee(party, role, variants)
    world.consignees.setdefault(role, []).append(consignee)
    return consignee


def customers(world: World, rng: random.Random, exporter: Exporter, n: int) -> list[Consignee]:
    """The exporter's regular customers: some shared with other exporters of its family."""
    market = MARKETS[exporter.family]
    out: list[Consignee] = []
    for _ in range(n):
        existing = [c for c in world.consignees.get(exporter.family, []) if c not in out]
        if existing and rng.random() < 0.35:
            out.append(rng.choice(existing))
        else:
            out.append(new_consignee(world, rng, weighted(rng, market), exporter.family))
    return out


def person_buyer(rng: random.Random, world: World, country: str) -> Consignee:
    """An e-commerce buyer: a person, not in the parties table."""
    name = world.namer.foreign_person()
    party = Party(
        f"X{rng.randrange(10**8)}", "person", name, country, world.namer.foreign_address(country)
    )
    return Consignee(party, "buyer", [name.upper()])


def cn_name_on_paper(rng: random.Random, exporter: Exporter) -> str:
    """The exporter name a declaration carries: mostly Chinese, sometimes not."""
    if rng.random() >= exporter.name_style:
        return exporter.cn.zh
    return rng.choice(CnName.variants(exporter.cn)[1:])
