"""Smuggling rings: who runs a scheme, with which fronts, and how they adapt when caught.

A ring is an organiser (a person with a small domestic trading company), the fronts and
couriers it registers or hires, a broker, a port, buyers abroad and a way of wording
goods. It ships on its own rhythm until it has moved its quota of smuggled lines. Every
smuggled line meets the inspection history as it is lodged: if an inspection finds it,
the seizure is entered on the customs credit list, the front's licences are revoked, and
after a pause the ring changes what got it caught -- a new front company (often with the
same people behind it), a new port, a new broker, new wording, new buyers. Careful
(faint) rings change more at once than careless (loud) ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from . import goods, names
from .books import Books, Row
from .idents import uscc
from .inspections import Inspector
from .licensing import Serials
from .places import REGIONS
from .population import make_consignee, make_exporter, make_person
from .timeline import END_DAY

if TYPE_CHECKING:
    from .knobs import Knobs

DECL_BASE = 50_000_000


@dataclass
class Ring:
    id: int
    scheme: str
    variant: str
    quota: int
    start: int
    product: int  # the controlled goods really shipped
    cover: int  # what the lines say (scheme-specific)
    region: int
    organiser: int  # person index
    company: str  # organiser's domestic company (party id)
    fronts: list[int] = field(default_factory=list)
    couriers: list[int] = field(default_factory=list)
    consignees: list[int] = field(default_factory=list)
    licences: list[int] = field(default_factory=list)
    broker: int = 0
    port: str = ""
    word: int = 0
    done: int = 0
    seizures: int = 0
    cadence: float = 10.0
    extra: Row = field(default_factory=dict)

    @property
    def faint(self) -> bool:
        return self.variant == "faint"

    @property
    def front(self) -> int:
        return self.fronts[-1]


@dataclass
class Context:
    """What a scheme needs while it ships: the books, randomness, licence serials, the
    inspection service, and the lines and inspections gathered so far."""

    rng: np.random.Generator
    books: Books
    knobs: Knobs
    serials: Serials
    inspector: Inspector
    lines: list[Row] = field(default_factory=list)
    next_decl: int = DECL_BASE
    bought: set[int] = field(default_factory=set)  # dormant exporters whose title a ring bought
    burned: set[int] = field(default_factory=set)  # couriers and fronts caught

    def decl(self) -> int:
        self.next_decl += 1
        return self.next_decl

    # --- people and companies a ring sets up ---------------------------------------------

    def organiser(self, region: int) -> tuple[int, str]:
        rng, books = self.rng, self.books
        person = make_person(rng, books, REGIONS[region].code)
        code = uscc(rng, REGIONS[region].code)
        zh, en = names.chinese_company(rng, REGIONS[region].zh, REGIONS[region].en, "trader")
        books.domestic.append((code, zh, en, region, -int(rng.integers(300, 4000))))
        books.relate(books.person_party(person), code, "legal_representative", -300)
        return person, code

    def front(
        self, ring: Ring, profile: str, *, recent: bool, region: int | None = None, day: int = 0
    ) -> int:
        """A company the ring exports through. Loud rings own theirs openly; faint ones
        put a nominee in front who shares the organiser's phone or office."""
        rng, books = self.rng, self.books
        region = ring.region if region is None else region
        inc = day - int(rng.integers(25, 150)) if recent else -int(rng.integers(400, 4000))
        e = make_exporter(rng, books, profile, region, incorporated=inc, active=(day, END_DAY))
        ex = books.exporters[e]
        ex.ring = ring.id
        ex.brokers = [ring.broker]
        ex.slots = [ring.cover]
        ex.consignees = list(ring.consignees)
        party = books.party_of_exporter(e)
        boss = books.person_party(ring.organiser)
        if ring.faint:
            nominee = books.persons[ex.rep]
            if rng.random() < 0.5:
                nominee.phone = books.persons[ring.organiser].phone
            else:
                ex.address = books.persons[ring.organiser].address
            books.relate(ring.company, party, "payer", day - int(rng.integers(5, 40)))
        else:
            books.relate(boss, party, "owner", inc, 1.0)
        for old in ring.fronts:
            if ring.faint:
                continue
            books.relate(boss, books.party_of_exporter(old), "director", inc)
        ring.fronts.append(e)
        return e

    def courier(self, ring: Ring, profile: str, region: int, day: int) -> int:
        """A private person who carries or posts for the ring."""
        rng, books = self.rng, self.books
        e = make_exporter(rng, books, profile, region, kind="person", active=(day, END_DAY))
        ex = books.exporters[e]
        ex.ring = ring.id
        ex.brokers = [ring.broker]
        p = books.persons[ex.rep]
        if ring.faint:
            p.phone = books.persons[ring.organiser].phone
            books.relate(
                books.person_party(ex.rep),
                ring.company,
                "employee",
                day - int(rng.integers(10, 200)),
            )
        ring.couriers.append(e)
        return e

    def buyer(
        self,
        ring: Ring,
        country: str,
        kind: str = "distributor",
        sector: str | None = None,
        incorporated: int | None = None,
        name: str | None = None,
        address: str | None = None,
    ) -> int:
        c = make_consignee(self.rng, self.books, country, kind, sector, incorporated, name, address)
        ring.consignees.append(c)
        return c

    # --- lines ----------------------------------------------------------------------------

    def line(
        self,
        ring: Ring | None,
        decl: int,
        line_no: int,
        day: int,
        exporter: int,
        consignee: int,
        product: int,
        net_kg: float,
        *,
        mode: str,
        port: str,
        value_usd: float | None = None,
        gross_kg: float | None = None,
        fraud: bool = True,
        true_product: int | None = None,
        true_value: float | None = None,
        **extra: Any,
    ) -> Row:
        """A line spec as honest trade writes it, with the ring's changes on top."""
        rng, books = self.rng, self.books
        ex = books.exporters[exporter]
        cons = books.consignees[consignee]
        prod = goods.PRODUCTS[product]
        pieces = float("nan")
        if prod.unit not in ("kg", "t"):  # as honest trade writes them: so many pieces of so much
            pieces = float(max(1.0, round(net_kg / prod.kpu)))
            net_kg = pieces * prod.kpu * float(np.exp(rng.normal(0, 0.05)))
        net = float(round_kg(net_kg))
        price = float(goods.price_usd_kg(np.array([product]), np.array([day]), ex.capture)[0])
        if value_usd is None:
            value_usd = net * price * ex.price_factor * float(np.exp(rng.normal(0, 0.12)))
        if gross_kg is None:
            gross_kg = net * prod.pack * float(np.exp(rng.normal(0, 0.03)))
            if mode in ("post", "express", "passenger"):
                gross_kg = net * float(np.exp(rng.normal(0.1, 0.05)))
        currency = ex.currency if ex.currency != "local" else _local(cons.country)
        broker = ring.broker if ring is not None else (ex.brokers[0] if ex.brokers else -1)
        row: Row = {
            "decl": decl,
            "line": line_no,
            "day": int(day),
            "minute": int(np.clip(rng.normal(13 * 60, 150), 7 * 60, 21 * 60))
            if mode not in ("post", "express")
            else int(rng.integers(0, 24 * 60)),
            "port": port,
            "mode": mode,
            "exporter": exporter,
            "broker": broker,
            "consignee": consignee,
            "dest": cons.country,
            "trade_country": _trade_country(rng, cons.country),
            "product": product,
            "word": ring.word
            if ring is not None and rng.random() < 0.85
            else (ex.word if rng.random() < 0.85 else int(rng.integers(0, 3))),
            "net_kg": net,
            "gross_kg": float(round_kg(max(gross_kg, net))),
            "value_usd": round(max(float(value_usd), 1.0), 2),
            "currency": currency,
            "licence": "",
            "end_user": "",
            "end_use": "",
            "desc": "",
            "spec": "",
            "pieces": pieces,
            "scheme": ring.scheme if (ring is not None and fraud) else "",
            "variant": ring.variant if (ring is not None and fraud) else "",
            "true_product": product if true_product is None else true_product,
            "true_value_usd": float(
                true_value if true_value is not None else round(max(float(value_usd), 1.0), 2)
            ),
            "true_dest": cons.country,
            "ring": ring.id if ring is not None else -1,
            "mirror": product,
            "hidden": 0.0,
        }
        row.update(extra)
        if "hidden_kg" in extra and gross_kg is not None:
            row["hidden"] = float(extra["hidden_kg"])
        return row

    def market_value(self, product: int, day: int, net: float, capture: float = 0.85) -> float:
        """What the goods are really worth abroad on that day."""
        return float(goods.price_usd_kg(np.array([product]), np.array([day]), capture)[0]) * net

    def port_for(self, exporter: int, mode: str, country: str) -> str:
        from .places import LAND

        reg = REGIONS[self.books.exporters[exporter].region]
        if mode in ("road", "rail", "passenger"):
            return LAND[country][("road", "rail", "passenger").index(mode)]
        return {"sea": reg.sea, "air": reg.air, "express": reg.express, "post": reg.post}[mode]

    # --- the seizure and what follows ------------------------------------------------------

    def seized(self, ring: Ring, exporter: int, day: int, result: str) -> None:
        rng, books = self.rng, self.books
        ring.seizures += 1
        self.burned.add(exporter)
        ex = books.exporters[exporter]
        listed = min(END_DAY, day + int(rng.integers(10, 45)))
        kind = "person" if ex.kind == "person" else "company"
        books.watch.append(
            (
                "GACC customs credit: dishonest enterprises (海关失信企业名单)",
                ex.name_zh,
                ex.name_en if kind == "company" else "",
                kind,
                "CN",
                ex.address,
                ex.uscc,
                listed,
                f"smuggling ({result}) found at inspection",
            )
        )
        for lic in books.licences:
            if lic.exporter == exporter and lic.status == "valid" and lic.valid_until >= day:
                lic.status, lic.status_since = (
                    "revoked",
                    min(END_DAY, day + int(rng.integers(3, 20))),
                )


def _trade_country(rng: np.random.Generator, country: str) -> str:
    u = rng.random()
    if u < 0.42:
        return ""
    if u < 0.45:
        return ("HK", "SG", "AE")[int(rng.integers(0, 3))]
    return country


def round_kg(kg: float) -> float:
    if kg >= 1000:
        return float(round(kg))
    if kg >= 10:
        return round(kg, 1)
    return round(kg, 3)


def _local(country: str) -> str:
    from .places import COUNTRIES, COUNTRY_INDEX

    return COUNTRIES[COUNTRY_INDEX[country]].currency


def adapt(ctx: Context, ring: Ring, day: int, caught: int) -> None:
    """After a seizure: change one thing (loud) or several (faint). A careful ring never
    ships again through the front that was caught; a careless one mostly does not."""
    rng = ctx.rng
    options = ["port", "broker", "wording", "buyer"]
    k = int(rng.integers(1, 3)) if ring.faint else int(rng.integers(0, 2))
    chosen = [options[i] for i in sorted(rng.choice(len(options), k, replace=False))]
    if (ring.fronts and caught == ring.front and (ring.faint or rng.random() < 0.6)) or (
        not ring.fronts and (ring.faint or rng.random() < 0.5)
    ):
        chosen.insert(0, "front")
    if not chosen:
        chosen = ["wording"]
    for change in chosen:
        if change == "front" and not ring.fronts and ring.couriers:
            profile = ctx.books.exporters[ring.couriers[-1]].profile
            for _ in range(int(rng.integers(1, 4))):
                ctx.courier(ring, profile, ring.region, day)
        elif change == "front" and ring.fronts:
            profile = ctx.books.exporters[ring.front].profile
            ctx.front(ring, profile, recent=True, day=day)
        elif change == "port":
            ring.extra["far_port"] = bool(rng.random() < 0.7)
            ring.port = ""
        elif change == "broker":
            ring.broker = int(rng.integers(0, len(ctx.books.brokers)))
            for e in ring.fronts + ring.couriers:
                ctx.books.exporters[e].brokers = [ring.broker]
        elif change == "wording":
            ring.word = (ring.word + 1) % 3
            ring.extra["wording"] = int(ring.extra.get("wording", 0)) + 1
        elif change == "buyer" and ring.consignees:
            old = ctx.books.consignees[ring.consignees[-1]]
            ctx.buyer(
                ring,
                old.country,
                old.kind if old.kind != "private" else "private",
                old.sector or None,
            )
