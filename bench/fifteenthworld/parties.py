"""The people and companies of the world, and the register that records them.

Honest trade is many exporters of different kinds: manufacturers (smelters, refiners,
magnet and graphite plants) that ship what they make from their home region, trading
houses in the port cities that ship several families of goods, small traders with one
or two goods (some founded during the period), all mostly lodging through customs
brokers and freight forwarders. Their customers abroad are manufacturers, distributors
and a few honest stockists in hub countries. Honest companies also share things that
look suspicious: corporate groups share a head office and telephone, small traders
register at the same business-centre address, one person directs several companies.

Every party lands in :class:`Register`, which writes the ``parties`` and ``relations``
tables; rings (:mod:`.rings`) add their bosses, nominees and fronts to the same register.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from fifteenthworld import names
from fifteenthworld.goods import GOODS, Good
from fifteenthworld.places import HOME_PORTS, REGIONS, STOCKISTS
from fifteenthworld.timeline import END, START
from fifteenthworld.wording import DESCRIPTION_STYLES, SPEC_STYLES

FAMILY_GOODS: dict[str, list[Good]] = {}
for _good in GOODS:
    FAMILY_GOODS.setdefault(_good.family, []).append(_good)

#: Manufacturers per family at 100,000 lines.
MAKERS = {
    "gallium": 5,
    "germanium": 5,
    "graphite": 8,
    "antimony": 6,
    "tungsten": 8,
    "rare_earth": 10,
    "bismuth": 3,
    "tellurium": 3,
    "indium": 3,
    "molybdenum": 3,
    "base": 45,
    "ferro": 14,
    "chemical": 35,
    "magnet": 16,
    "graphite_ord": 16,
    "ceramic": 12,
    "battery": 10,
    "hardware": 12,
}
TRADE_CITIES = (
    "310115",
    "440300",
    "330200",
    "350200",
    "430100",
    "110100",
    "120100",
    "370200",
    "440100",
    "320500",
    "360700",
    "530100",
)
BROKER_CITIES = (
    "310115",
    "330200",
    "440300",
    "370200",
    "120100",
    "350200",
    "440100",
    "450100",
    "530100",
    "650100",
    "410100",
    "210300",
)


@dataclass
class Party:
    """A row of the parties table."""

    party_id: str
    kind: str  # company or person
    name: str
    country: str
    alt_names: list[str] = field(default_factory=list)
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    registration_id: str | None = None
    incorporated_at: dt.date | None = None


@dataclass
class Foreign:
    """An overseas consignee or end user."""

    party: Party
    role: str  # maker, distributor, stockist, recycler, front
    end_use: str | None = None
    downstream: list[str] = field(default_factory=list)  # end users a distributor names

    @property
    def name(self) -> str:
        return self.party.name

    @property
    def country(self) -> str:
        return self.party.country


@dataclass
class Broker:
    """A customs broker or freight forwarder and its house style."""

    party: Party
    region: str
    desc_style: str
    spec_style: str
    time_style: str  # plain, iso_t, zoned
    licence_style: str  # as_is, dashed, lower

    @property
    def reg_id(self) -> str:
        assert self.party.registration_id is not None
        return self.party.registration_id


@dataclass
class Exporter:
    """A Chinese exporter: who it is, what it ships, to whom, through whom."""

    party: Party
    kind: str  # maker, house, small, front, person
    region: str
    goods: list[Good]
    customers: list[Foreign]
    brokers: list[Broker]
    weight: float
    start: dt.date
    name_style: str  # zh or en: how the exporter's name is written on declarations
    self_declares: float  # share of its declarations lodged without a broker
    contract_lag: int = 0  # days its contract prices lag the market
    ring: object | None = None

    @property
    def reg_id(self) -> str:
        assert self.party.registration_id is not None
        return self.party.registration_id

    @property
    def display_name(self) -> str:
        if self.name_style == "en" and self.party.alt_names:
            return self.party.alt_names[0]
        return self.party.name

    @property
    def controlled(self) -> bool:
        return any(g.controlled for g in self.goods)


class Register:
    """Every party and relation of the world, in creation order."""

    def __init__(self) -> None:
        self.parties: list[Party] = []
        self.relations: list[dict[str, object]] = []
        self._count: dict[str, int] = {}

    def new_id(self, prefix: str) -> str:
        self._count[prefix] = self._count.get(prefix, 0) + 1
        return f"{prefix}{self._count[prefix]:05d}"

    def add(self, party: Party) -> Party:
        self.parties.append(party)
        return party

    def relate(
        self,
        src: Party,
        dst: Party,
        relation: str,
        since: dt.date | None,
        share: float | None = None,
    ) -> None:
        self.relations.append(
            {
                "src_party_id": src.party_id,
                "dst_party_id": dst.party_id,
                "relation": relation,
                "share": share,
                "since": since.isoformat() if since else None,
            }
        )

    # --- makers of parties ---------------------------------------------------------------

    def chinese_company(
        self,
        rng: random.Random,
        region: str,
        trade: str,
        incorporated: dt.date,
        registration: str | None = None,
    ) -> Party:
        zh, en = names.company_name(rng, region, trade)
        return self.add(
            Party(
                party_id=self.new_id("CN-C"),
                kind="company",
                name=zh,
                country="CN",
                alt_names=[en],
                address=names.address(rng, region),
                phone=names.phone(rng, region),
                email=names.email_for(en),
                registration_id=registration or names.uscc(rng, region),
                incorporated_at=incorporated,
            )
        )

    def chinese_person(self, rng: random.Random, region: str) -> Party:
        zh, en = names.person_name(rng)
        return self.add(
            Party(
                party_id=self.new_id("CN-P"),
                kind="person",
                name=zh,
                country="CN",
                alt_names=[en],
                address=names.address(rng, region),
                phone=names.phone(rng, region, mobile=True),
                registration_id=names.resident_id(rng, region),
            )
        )

    def foreign_company(
        self,
        rng: random.Random,
        country: str,
        incorporated: dt.date | None = None,
        name: str | None = None,
    ) -> Party:
        return self.add(
            Party(
                party_id=self.new_id("F-C"),
                kind="company",
                name=name or names.foreign_company(rng, country),
                country=country,
                address=names.foreign_address(rng, country),
                phone=names.foreign_phone(rng, country),
                incorporated_at=incorporated,
            )
        )


def _scale(lines: int) -> float:
    return min(3.0, max(0.15, lines / 100_000)) ** 0.6


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


@dataclass
class Population:
    """All honest exporters, brokers and foreign customers, and the register."""

    register: Register
    exporters: list[Exporter]
    brokers: list[Broker]
    foreign: dict[str, list[Foreign]]  # by country
    persons: list[Party]
    business_centres: list[str]


class _Customers:
    """Foreign customers created as exporters need them, shared between exporters."""

    def __init__(self, rng: random.Random, register: Register) -> None:
        self.rng = rng
        self.register = register
        self.by_country: dict[str, list[Foreign]] = {}

    def make(self, country: str, role: str, use: str | None) -> Foreign:
        rng = self.rng
        incorporated = dt.date(rng.randrange(1965, 2021), rng.randrange(1, 13), 1)
        if role == "stockist":
            incorporated = dt.date(rng.randrange(1990, 2015), 6, 1)
        party = self.register.foreign_company(rng, country, incorporated)
        customer = Foreign(party, role, use)
        self.by_country.setdefault(country, []).append(customer)
        return customer

    def pick(self, country: str, use: str | None) -> Foreign:
        rng = self.rng
        pool = [c for c in self.by_country.get(country, []) if c.role in {"maker", "distributor"}]
        if pool and rng.random() < 0.55:
            return rng.choice(pool)
        role = "distributor" if rng.random() < 0.3 else "maker"
        return self.make(country, role, use)


def _brokers(rng: random.Random, register: Register, count: int) -> list[Broker]:
    brokers = []
    for i in range(count):
        region = BROKER_CITIES[i % len(BROKER_CITIES)]
        party = register.chinese_company(
            rng, region, "broker", dt.date(rng.randrange(1998, 2020), rng.randrange(1, 13), 1)
        )
        brokers.append(
            Broker(
                party=party,
                region=region,
                desc_style=rng.choices(DESCRIPTION_STYLES, weights=(40, 20, 25, 8, 7))[0],
                spec_style=rng.choices(SPEC_STYLES, weights=(45, 25, 18, 12))[0],
                time_style=rng.choices(("plain", "iso_t", "zoned"), weights=(75, 15, 10))[0],
                licence_style=rng.choices(("as_is", "dashed", "lower"), weights=(88, 8, 4))[0],
            )
        )
    return brokers


def _near_brokers(rng: random.Random, brokers: list[Broker], region: str, k: int) -> list[Broker]:
    home = HOME_PORTS.get(region[:2], HOME_PORTS["31"])["sea"][0]
    near = [b for b in brokers if HOME_PORTS.get(b.region[:2], {}).get("sea", ("",))[0] == home]
    pool = near if near and rng.random() < 0.75 else brokers
    return rng.sample(pool, min(k, len(pool)))


def _portfolio(rng: random.Random, families: list[str], size: int) -> list[Good]:
    goods: list[Good] = []
    for family in families:
        goods.extend(FAMILY_GOODS[family])
    rng.shuffle(goods)
    goods.sort(key=lambda g: -g.weight * rng.random())
    return goods[: max(1, size)]


def _customers_for(
    rng: random.Random, customers: _Customers, goods: list[Good], count: int, stockists: bool
) -> list[Foreign]:
    markets: dict[str, int] = {}
    for good in goods:
        for country, weight in good.markets.items():
            markets[country] = markets.get(country, 0) + weight
    out: list[Foreign] = []
    for _ in range(count):
        country = _weighted(rng, markets)
        use = rng.choice(rng.choice(goods).uses)
        out.append(customers.pick(country, use))
    if stockists and rng.random() < 0.45:
        country = rng.choice(STOCKISTS)
        pool = [c for c in customers.by_country.get(country, []) if c.role == "stockist"]
        out.append(
            pool[0] if pool and rng.random() < 0.6 else customers.make(country, "stockist", None)
        )
    unique: dict[str, Foreign] = {}
    for c in out:
        unique.setdefault(c.party.party_id, c)
    return list(unique.values())


def build_population(rng: random.Random, lines: int) -> Population:
    """Honest exporters, brokers and customers for a world of ``lines`` lines."""
    register = Register()
    s = _scale(lines)
    brokers = _brokers(rng, register, max(6, round(40 * s)))
    customers = _Customers(rng, register)
    exporters: list[Exporter] = []
    persons: list[Party] = []
    centres = [
        f"{REGIONS[r][0]}市{c}商务中心{rng.randrange(2, 30)}楼"
        for r, c in (
            ("310115", "陆家嘴"),
            ("440300", "福田"),
            ("330200", "鄞州"),
            ("430100", "芙蓉"),
        )
    ]

    def director(party: Party, region: str, since: dt.date) -> None:
        if persons and rng.random() < 0.12:
            person = rng.choice(persons)  # one person directs several honest companies
        else:
            person = register.chinese_person(rng, region)
            persons.append(person)
        register.relate(person, party, "director", since)
        if rng.random() < 0.6:
            register.relate(person, party, "shareholder", since, round(rng.uniform(0.2, 1.0), 2))

    def exporter(
        kind: str, region: str, goods: list[Good], trade: str, weight: float, incorporated: dt.date
    ) -> Exporter:
        registration = None
        if kind == "small" and not any(g.controlled for g in goods) and rng.random() < 0.15:
            registration = names.customs_code(rng, region)
        party = register.chinese_company(rng, region, trade, incorporated, registration)
        if kind == "small" and rng.random() < 0.25:
            party.address = rng.choice(centres) + f"{rng.randrange(1, 60):02d}室"
        director(party, region, incorporated)
        n_customers = {"maker": rng.randint(4, 14), "house": rng.randint(6, 20)}.get(
            kind, rng.randint(1, 5)
        )
        has_controlled = any(g.controlled for g in goods)
        ex = Exporter(
            party=party,
            kind=kind,
            region=region,
            goods=goods,
            customers=_customers_for(rng, customers, goods, n_customers, has_controlled),
            brokers=_near_brokers(rng, brokers, region, rng.randint(1, 3)),
            weight=weight,
            start=max(START, incorporated + dt.timedelta(days=rng.randint(20, 90))),
            name_style="en" if rng.random() < 0.3 else "zh",
            self_declares=0.25 if kind == "maker" and rng.random() < 0.4 else 0.0,
            contract_lag=rng.choice((0, 0, 0, 30, 60, 90, 120)) if has_controlled else 0,
        )
        for broker in ex.brokers:
            register.relate(broker.party, party, "agent", incorporated)
        exporters.append(ex)
        return ex

    # manufacturers, some in corporate groups sharing a head office and telephone
    for family, count in MAKERS.items():
        goods = FAMILY_GOODS[family]
        for _ in range(max(2, round(count * s))):
            region = rng.choice(rng.choice(goods).regions)
            portfolio = _portfolio(rng, [family], rng.randint(1, min(4, len(goods))))
            weight = rng.lognormvariate(0, 0.9) * 3.0
            incorporated = dt.date(rng.randrange(1995, 2019), rng.randrange(1, 13), 1)
            exporter("maker", region, portfolio, family, weight, incorporated)
    makers = [e for e in exporters if e.kind == "maker"]
    for _ in range(max(1, round(6 * s))):
        group = rng.sample(makers, min(len(makers), rng.randint(2, 4)))
        holding = register.chinese_company(
            rng, group[0].region, "base", dt.date(rng.randrange(1995, 2010), 1, 1)
        )
        for member in group:
            register.relate(
                holding,
                member.party,
                "owner",
                member.party.incorporated_at,
                round(rng.uniform(0.51, 1.0), 2),
            )
            if rng.random() < 0.6:
                member.party.phone = holding.phone
                member.party.address = holding.address
    # trading houses in the port cities; controlled families are a minority of their trade
    families = list(MAKERS)
    family_weights = [0.45 if FAMILY_GOODS[f][0].controlled else 1.0 for f in families]

    def some_families(k: int) -> list[str]:
        picked: list[str] = []
        while len(picked) < k:
            family = rng.choices(families, weights=family_weights)[0]
            if family not in picked:
                picked.append(family)
        return picked

    for _ in range(max(3, round(120 * s))):
        region = rng.choice(TRADE_CITIES)
        picked = some_families(rng.randint(2, 5))
        portfolio = _portfolio(rng, picked, rng.randint(3, 9))
        incorporated = dt.date(rng.randrange(1998, 2023), rng.randrange(1, 13), 1)
        if rng.random() < 0.12:  # founded during the period
            incorporated = START + dt.timedelta(days=rng.randrange(0, (END - START).days - 200))
        exporter(
            "house", region, portfolio, "trade", rng.lognormvariate(0, 0.8) * 2.0, incorporated
        )
    # small traders, a fifth of them new
    for _ in range(max(4, round(250 * s))):
        family = some_families(1)[0]
        good = rng.choice(FAMILY_GOODS[family])
        region = rng.choice(good.regions) if rng.random() < 0.5 else rng.choice(TRADE_CITIES)
        portfolio = _portfolio(rng, [family], rng.randint(1, 2))
        incorporated = dt.date(rng.randrange(2005, 2023), rng.randrange(1, 13), 1)
        if rng.random() < 0.2:
            incorporated = START + dt.timedelta(days=rng.randrange(0, (END - START).days - 120))
        exporter(
            "small", region, portfolio, "trade", rng.lognormvariate(0, 0.7) * 0.5, incorporated
        )
    total = sum(e.weight for e in exporters)
    for e in exporters:
        e.weight /= total
    return Population(register, exporters, brokers, customers.by_country, persons, centres)


def customers_maker(population: Population, rng: random.Random) -> _Customers:
    """A customer factory over the population's existing customers (for rings and hubs)."""
    factory = _Customers(rng, population.register)
    factory.by_country = population.foreign
    return factory


def log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))
