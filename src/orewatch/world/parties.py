"""The parties of the synthetic world: exporters, customs brokers, consignees, end users,
the people behind them, and the relations between them.

:class:`PartyBook` is the registry every stage adds to (schemes add shells, fronts and
senders); it renders the ``parties`` and ``relations`` tables. Honest noise lives here
too: legitimate groups sharing an owner, firms sharing a building, new companies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import polars as pl

from orewatch.contract.schema import PARTIES, RELATIONS
from orewatch.world import names
from orewatch.world.geo import (
    CITIES,
    CITY_BY_EN,
    CONTROLLED_DESTINATIONS,
    COUNTRIES,
    COUNTRY_BY_CODE,
    ORDINARY_DESTINATIONS,
    TRADE_HUBS,
    City,
)
from orewatch.world.goods import (
    CONTROLLED_SECTORS,
    GOOD_INDEX,
    GOODS,
    SECTOR_GOODS,
    SECTOR_REGIONS,
    SECTOR_WEIGHTS,
)
from orewatch.world.ids import make_uscc

COUNTRY_CODES: tuple[str, ...] = tuple(c.code for c in COUNTRIES)
COUNTRY_INDEX: dict[str, int] = {c: i for i, c in enumerate(COUNTRY_CODES)}

END_USES: dict[str, tuple[str, ...]] = {
    "gallium": ("semiconductor wafers", "RF devices", "LED epitaxy", "NdFeB magnet additive"),
    "germanium": ("infrared optics", "optical fibre", "solar cells (space)", "PET catalyst"),
    "graphite": ("lithium-ion battery anodes", "refractories", "brake linings"),
    "antimony": ("flame retardants", "lead-acid batteries", "PET catalyst", "glass fining"),
    "tungsten": ("cemented carbide tools", "counterweights", "lighting filaments"),
    "minor": (
        "thermoelectric modules",
        "low-melting alloys",
        "optical transceivers",
        "pharmaceuticals",
    ),
    "ree": (
        "permanent magnets for EV motors",
        "phosphors",
        "ceramic capacitors",
        "scintillation crystals",
        "thermal barrier coatings",
    ),
}


@dataclass
class Exporter:
    idx: int
    party_id: str
    uscc: str
    name: str
    name_en: str
    sector: str
    kind: str  # producer, trader, shell, sender
    city: City
    incorporated: date
    active_from: date
    weight: float
    broker: int
    address: str
    phone: str
    goods: list[tuple[int, float]] = field(default_factory=list)
    customers: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class Consignee:
    idx: int
    party_id: str
    name: str
    country: str
    address: str
    phone: str
    end_user: int = -1  # index into PartyBook.end_users, -1: the consignee itself
    role: str = "customer"


@dataclass
class EndUser:
    idx: int
    party_id: str
    name: str
    country: str
    military: bool
    use: str


@dataclass
class Broker:
    idx: int
    party_id: str
    uscc: str
    name: str


@dataclass
class PartyBook:
    """Registry of all parties and relations; stages append, ``frames`` renders."""

    rng: np.random.Generator
    start: date
    end: date
    rows: list[dict[str, str | None]] = field(default_factory=list)
    relations: list[dict[str, str | float | None]] = field(default_factory=list)
    exporters: list[Exporter] = field(default_factory=list)
    consignees: list[Consignee] = field(default_factory=list)
    end_users: list[EndUser] = field(default_factory=list)
    brokers: list[Broker] = field(default_factory=list)
    used_uscc: set[str] = field(default_factory=set)

    # --- primitives ---------------------------------------------------------------------

    def _next_id(self) -> str:
        return f"P{len(self.rows) + 1:06d}"

    def add_party(
        self,
        kind: str,
        name: str,
        *,
        alt_names: list[str] | None = None,
        country: str | None = None,
        address: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        registration_id: str | None = None,
        incorporated_at: date | None = None,
    ) -> str:
        pid = self._next_id()
        self.rows.append(
            {
                "party_id": pid,
                "kind": kind,
                "name": name,
                "alt_names": ";".join(alt_names) if alt_names else None,
                "country": country,
                "address": address,
                "phone": phone,
                "email": email,
                "registration_id": registration_id,
                "incorporated_at": incorporated_at.isoformat() if incorporated_at else None,
            }
        )
        return pid

    def relate(
        self,
        src: str,
        dst: str,
        relation: str,
        share: float | None = None,
        since: date | None = None,
    ) -> None:
        self.relations.append(
            {
                "src_party_id": src,
                "dst_party_id": dst,
                "relation": relation,
                "share": share,
                "since": since.isoformat() if since else None,
            }
        )

    def new_uscc(self, city: City, kind: str = "91") -> str:
        while True:
            code = make_uscc(self.rng, city.code, kind)
            if code not in self.used_uscc:
                self.used_uscc.add(code)
                return code

    def cn_person(self, city: City) -> str:
        zh, en = names.cn_person(self.rng)
        return self.add_party(
            "person", zh, alt_names=[en], country="CN", address=names.cn_address(self.rng, city)
        )

    def foreign_person(self, country: str) -> str:
        c = COUNTRY_BY_CODE[country]
        return self.add_party(
            "person",
            names.foreign_person(self.rng, c),
            country=country,
            address=names.foreign_address(self.rng, c),
        )

    def random_past(self, lo_years: float, hi_years: float) -> date:
        days = int(self.rng.uniform(lo_years * 365, hi_years * 365))
        return self.start - timedelta(days=days)

    # --- domestic ----------------------------------------------------------------------

    def add_exporter(
        self,
        sector: str,
        kind: str,
        city: City,
        incorporated: date,
        weight: float,
        broker: int,
        *,
        address: str | None = None,
        phone: str | None = None,
        uscc_kind: str = "91",
        name: tuple[str, str] | None = None,
    ) -> Exporter:
        rng = self.rng
        zh, en = name or names.cn_company(
            rng,
            city,
            "trade" if kind in ("trader", "shell", "sender") else sector,
            rng.random() < 0.15,
        )
        uscc = self.new_uscc(city, uscc_kind)
        address = address or names.cn_address(rng, city)
        phone = phone or names.cn_phone(rng, city)
        pid = self.add_party(
            "company",
            zh,
            alt_names=[en],
            country="CN",
            address=address,
            phone=phone,
            email=names.cn_email(rng, en.split(" ")[1] if " " in en else en),
            registration_id=uscc,
            incorporated_at=incorporated,
        )
        active = max(self.start, incorporated + timedelta(days=int(rng.integers(20, 120))))
        exp = Exporter(
            len(self.exporters),
            pid,
            uscc,
            zh,
            en,
            sector,
            kind,
            city,
            incorporated,
            active,
            weight,
            broker,
            address,
            phone,
        )
        self.exporters.append(exp)
        return exp

    def add_broker(self, city: City) -> Broker:
        zh, en = names.cn_company(self.rng, city, "broker")
        uscc = self.new_uscc(city)
        pid = self.add_party(
            "company",
            zh,
            alt_names=[en],
            country="CN",
            address=names.cn_address(self.rng, city),
            phone=names.cn_phone(self.rng, city, mobile=False),
            registration_id=uscc,
            incorporated_at=self.random_past(3, 20),
        )
        b = Broker(len(self.brokers), pid, uscc, zh)
        self.brokers.append(b)
        return b

    # --- foreign -----------------------------------------------------------------------

    def add_consignee(
        self,
        country: str,
        *,
        name: str | None = None,
        address: str | None = None,
        phone: str | None = None,
        incorporated: date | None = None,
        role: str = "customer",
    ) -> Consignee:
        rng = self.rng
        c = COUNTRY_BY_CODE[country]
        name = name or names.foreign_company(rng, c, rng.choice(names.FOREIGN_SECTOR_WORDS))
        address = address or names.foreign_address(rng, c)
        phone = phone or names.foreign_phone(rng, c)
        pid = self.add_party(
            "company",
            name,
            country=country,
            address=address,
            phone=phone,
            email=names.foreign_email(rng, name),
            registration_id=names.foreign_registration(rng, c),
            incorporated_at=incorporated or self.random_past(2, 30),
        )
        con = Consignee(len(self.consignees), pid, name, country, address, phone, role=role)
        self.consignees.append(con)
        return con

    def add_end_user(
        self, country: str, use: str, military: bool = False, name: str | None = None
    ) -> EndUser:
        rng = self.rng
        c = COUNTRY_BY_CODE[country]
        word = rng.choice(
            (
                "Defense Systems",
                "Aerospace",
                "Electronics",
                "Photonics",
                "Motors",
                "Semiconductor",
                "Optics",
                "Energy Systems",
            )
        )
        if not military:
            word = rng.choice(
                (
                    "Electronics",
                    "Photonics",
                    "Motors",
                    "Semiconductor",
                    "Optics",
                    "Battery",
                    "Ceramics",
                    "Components",
                )
            )
        name = name or names.foreign_company(rng, c, str(word))
        pid = self.add_party(
            "company",
            name,
            country=country,
            address=names.foreign_address(rng, c),
            phone=names.foreign_phone(rng, c),
            registration_id=names.foreign_registration(rng, c),
            incorporated_at=self.random_past(5, 40),
        )
        eu = EndUser(len(self.end_users), pid, name, country, military, use)
        self.end_users.append(eu)
        return eu

    # --- output ------------------------------------------------------------------------

    def frames(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        parties = pl.DataFrame(
            self.rows, schema={c: pl.String for c in PARTIES.names}, orient="row"
        )
        rel_schema = {c: pl.String for c in RELATIONS.names} | {"share": pl.Float64}
        relations = pl.DataFrame(self.relations, schema=rel_schema, orient="row")
        return parties, relations


def _weighted(rng: np.random.Generator, weights: dict[str, float]) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=np.float64)
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def build_base(book: PartyBook, n_exporters: int) -> None:
    """Brokers, exporters (with goods profiles and people), consignees and end users."""
    rng = book.rng
    hubs = [CITY_BY_EN[n] for n, _ in TRADE_HUBS]
    hub_p = np.array([w for _, w in TRADE_HUBS])
    hub_p /= hub_p.sum()
    for _ in range(max(6, n_exporters // 15)):
        book.add_broker(hubs[int(rng.choice(len(hubs), p=hub_p))])

    # consignees first: exporters pick customers among them
    n_cons = int(n_exporters * 1.6)
    both = {
        k: ORDINARY_DESTINATIONS.get(k, 0) + CONTROLLED_DESTINATIONS.get(k, 0)
        for k in COUNTRY_CODES
    }
    for _ in range(n_cons):
        book.add_consignee(_weighted(rng, both))
    by_country: dict[str, list[int]] = {}
    for con in book.consignees:
        by_country.setdefault(con.country, []).append(con.idx)
    # a few consignees have directors on file; distributors of controlled goods name end users
    for con in book.consignees:
        if rng.random() < 0.4:
            book.relate(
                book.foreign_person(con.country),
                con.party_id,
                "director",
                since=book.random_past(1, 15),
            )
    for con in book.consignees:
        if rng.random() < 0.3:
            sector = str(rng.choice(list(END_USES)))
            eu = book.add_end_user(con.country, str(rng.choice(END_USES[sector])))
            con.end_user = eu.idx

    owners: list[str] = []
    shared_addresses: list[tuple[str, str, City]] = []
    for _ in range(n_exporters):
        sector = _weighted(rng, SECTOR_WEIGHTS)
        controlled = sector in CONTROLLED_SECTORS
        producer = rng.random() < (0.45 if controlled else 0.65)
        if producer:
            city = CITY_BY_EN[str(rng.choice(SECTOR_REGIONS[sector]))]
        else:
            city = hubs[int(rng.choice(len(hubs), p=hub_p))]
        new = rng.random() < 0.07  # new legitimate companies
        incorporated = (
            book.start
            + timedelta(days=int(rng.integers(0, max(1, (book.end - book.start).days - 200))))
            if new
            else book.random_past(1.5, 28)
        )
        weight = float(rng.pareto(1.3) + 0.2) * (1.6 if controlled else 1.0)
        broker = int(rng.integers(len(book.brokers)))
        address = phone = None
        if shared_addresses and rng.random() < 0.03:  # honest: several firms in one building
            address, phone, city = shared_addresses[int(rng.integers(len(shared_addresses)))]
            phone = names.cn_phone(rng, city)
        exp = book.add_exporter(
            sector,
            "producer" if producer else "trader",
            city,
            incorporated,
            weight,
            broker,
            address=address,
            phone=phone,
        )
        shared_addresses.append((exp.address, exp.phone, city))
        _profile(rng, exp)
        _customers(rng, exp, by_country, book)
        # people: legal representative (director) and owner; honest groups share owners
        if owners and rng.random() < 0.06:
            owner = owners[int(rng.integers(len(owners)))]
        else:
            owner = book.cn_person(city)
            owners.append(owner)
        book.relate(
            owner,
            exp.party_id,
            "owner",
            share=round(float(rng.uniform(0.3, 1.0)), 2),
            since=incorporated,
        )
        director = owner if rng.random() < 0.5 else book.cn_person(city)
        book.relate(director, exp.party_id, "director", since=incorporated)


def _profile(rng: np.random.Generator, exp: Exporter) -> None:
    weights = dict(SECTOR_GOODS[exp.sector])
    if exp.kind == "trader":
        other = str(rng.choice(list(SECTOR_GOODS)))
        for k, w in SECTOR_GOODS[other].items():
            weights[k] = weights.get(k, 0.0) + 0.4 * w
    keys = list(weights)
    wk = np.array([weights[k] for k in keys]) * rng.gamma(1.5, 1.0, len(keys))
    order = np.argsort(-wk, kind="stable")[:6]
    picked = [(GOOD_INDEX[keys[i]], float(wk[i])) for i in order]
    if all(GOODS[g].element is not None for g, _ in picked):
        picked.append((GOOD_INDEX["zn_ingot"], 0.5))
    exp.goods = picked


def _customers(
    rng: np.random.Generator, exp: Exporter, by_country: dict[str, list[int]], book: PartyBook
) -> None:
    dest = CONTROLLED_DESTINATIONS if exp.sector in CONTROLLED_SECTORS else ORDINARY_DESTINATIONS
    n = int(rng.integers(2, 13))
    chosen: list[int] = []
    for _ in range(n):
        country = _weighted(rng, dest)
        pool = by_country.get(country)
        if not pool:
            continue
        c = pool[int(rng.integers(len(pool)))]
        if c not in chosen:
            chosen.append(c)
    if not chosen:
        chosen = [int(rng.integers(len(book.consignees)))]
    w = rng.pareto(1.0, len(chosen)) + 0.3
    exp.customers = [(c, float(x)) for c, x in zip(chosen, w, strict=True)]


def city_of(code: str) -> City:
    for c in CITIES:
        if c.code == code:
            return c
    raise KeyError(code)
