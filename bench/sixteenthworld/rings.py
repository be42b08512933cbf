"""Smuggling rings: the people behind the fraud, the companies they trade through.

A ring is a few organisers in a mining district with an exporter of record (a shell
bought or registered for the purpose, with an ordinary line of business as cover), a
broker or two, buyers or fronts abroad and habits: its ports, its container owner
prefix when it ships its own boxes, its forwarding address for parcels, the mules it
pays to send them. It reuses all of this from shipment to shipment, which is what
makes it findable. When an inspection catches one of its lines it changes what was
caught: a new exporter (a fresh company whose director is one of the organisers'
relatives, or the same company under a new name), a new front at a neighbouring
address, another port, another broker, and it tends to become more careful.

:class:`Kit` builds the lines a ring lodges; *what* it writes on them for each scheme
is :mod:`sixteenthworld.schemes`' business.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import string
from dataclasses import dataclass, field

from sixteenthworld import honest, market, names, registry, wording
from sixteenthworld.controls import Controls
from sixteenthworld.geography import COUNTRIES, ports_for
from sixteenthworld.goods import BY_KEY, PORTFOLIOS, Good
from sixteenthworld.honest import Clock
from sixteenthworld.knobs import Knobs
from sixteenthworld.licensing import LicenceBook
from sixteenthworld.model import Consignee, Exporter, Line, Party
from sixteenthworld.parties import Population, Registry, make_exporter, new_consignee
from sixteenthworld.timeline import START
from sixteenthworld.watchlist import Watchlist


@dataclass
class Ring:
    idx: int
    region: str
    province: str
    loud: float
    cover_sector: str
    organisers: list[Party]
    sector: str = "trading"  # the element business it knows (where it sources)
    exporters: list[Exporter] = field(default_factory=list)
    buyers: list[Consignee] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    soc_owner: str = ""
    sister: Exporter | None = None
    mules: list[Exporter] = field(default_factory=list)
    forwarder: Consignee | None = None
    fwd_names: list[str] = field(default_factory=list)
    listed: int = -1
    port_shift: int = 0
    catches: int = 0
    licences: dict[tuple[str, int, str], int] = field(default_factory=dict)

    @property
    def exporter(self) -> Exporter:
        return self.exporters[-1]

    @property
    def buyer(self) -> Consignee:
        return self.buyers[-1]


@dataclass
class Cycle:
    """One run of a scheme by a ring: a few shipments under one licence or one campaign."""

    ring: Ring
    scheme: str
    variant: str
    true: str  # what is really shipped
    decoy: str  # what is declared instead ("" if declared as it is)
    country: str
    licence_kind: str = ""  # "", own, other, sister, lazy, borrowed, forged
    lic_good: str = ""  # the good the cycle's licence is for
    issued: dt.date | None = None
    until: dt.date | None = None
    status: str = "valid"
    status_since: dt.date | None = None
    qty: float = 0.0
    exporter: Exporter | None = None
    buyer: Consignee | None = None
    licence: int = -1
    listed: int = -1
    forged_key: str = ""
    seq: int = 0
    bound_at: int = -1  # the ring's catch count when exporter and buyer were chosen


@dataclass
class Shipment:
    cycle: Cycle
    day: dt.date
    kind: str  # fraud or legit
    kgs: list[float]
    n_cover: int = 0
    mode: str = ""


@dataclass
class Header:
    """What a declaration says once, for all of its lines."""

    decl: int
    day: dt.date
    stamp: str
    port: str
    mode: str
    exporter: Exporter
    exporter_name: str
    declarant: str | None
    consignee: Consignee
    consignee_name: str
    consignee_address: str | None
    dest: str
    trade_country: str | None
    currency: str
    lang: str
    spec_style: str
    ring: int


@dataclass
class Kit:
    """Builds a ring's parties and lines; shared by every scheme writer."""

    rnd: random.Random
    controls: Controls
    knobs: Knobs
    pop: Population
    book: LicenceBook
    watch: Watchlist
    clock: Clock
    ring_brokers: list[Party] = field(default_factory=list)
    exporters_by_id: dict[str, Exporter] = field(default_factory=dict)

    @property
    def reg(self) -> Registry:
        return self.pop.registry

    # --- parties -----------------------------------------------------------------------

    def new_ring(self, idx: int, region: str, cover_sector: str, sector: str) -> Ring:
        rnd = self.rnd
        organisers = [self.reg.person_cn(rnd, region) for _ in range(rnd.randrange(1, 4))]
        ring = Ring(
            idx=idx,
            region=region,
            province=region[:2],
            loud=rnd.uniform(0.35, 0.8),
            cover_sector=cover_sector,
            organisers=organisers,
            soc_owner="".join(rnd.choice(string.ascii_uppercase) for _ in range(3)) + "U",
            sector=sector,
        )
        if rnd.random() < 0.5 and self.ring_brokers:
            broker = rnd.choice(self.ring_brokers)
        else:
            broker = rnd.choice(self.pop.brokers)
        ring.brokers = [broker.registration_id or ""]
        self.add_exporter(ring, START, fresh=rnd.random() < 0.6)
        return ring

    def add_exporter(self, ring: Ring, day: dt.date, fresh: bool) -> Exporter:
        """A company the ring exports through; ``fresh``: registered shortly before use."""
        rnd = self.rnd
        exp = make_exporter(self.reg, rnd, ring.cover_sector, ring.region, new=False)
        if fresh:
            exp.party.incorporated_at = day - dt.timedelta(days=rnd.randrange(30, 200))
        exp.active_from = START
        exp.ring = ring.idx
        boss = rnd.choice(ring.organisers)
        if not ring.exporters or rnd.random() < 0.5:
            self.reg.relate(boss, exp.party, "shareholder", share=round(rnd.uniform(0.5, 1.0), 2))
        else:
            nominee = self.reg.person_cn(rnd, ring.region)
            self.reg.relate(nominee, ring.exporter.party, "employee")
            self.reg.relate(nominee, exp.party, "director", since=exp.party.incorporated_at)
        for broker in ring.brokers:
            exp.brokers.append(broker)
        ring.exporters.append(exp)
        self.exporters_by_id[exp.uscc] = exp
        return exp

    def rename(self, ring: Ring, day: dt.date) -> None:
        """Same company, new name: the old one stays in the registry as an alias."""
        exp = ring.exporter
        zh, en = names.chinese_company(self.rnd, exp.region, "trade")
        exp.party.alt_names.append(exp.name_zh)
        exp.name_zh, exp.name_en = zh, en
        exp.party.name = zh
        exp.party.alt_names.append(en)

    def add_buyer(
        self,
        ring: Ring,
        country: str,
        new: bool,
        kind: str = "trader",
        near: Consignee | None = None,
    ) -> Consignee:
        rnd = self.rnd
        address = None
        if near is not None and near.country == country and rnd.random() < 0.6:
            address = near.address.replace("Unit ", f"Unit {rnd.randrange(1, 9)}", 1)
        cons = new_consignee(
            self.reg, rnd, self.pop.consignees, country, kind, new, address=address
        )
        cons.ring = ring.idx
        if near is not None:
            self.reg.relate(near.party, cons.party, "agent")
        ring.buyers.append(cons)
        return cons

    def switch(self, ring: Ring, day: dt.date, keep_exporter: bool) -> None:
        """A catch: the ring changes what was seen, and becomes more careful."""
        rnd = self.rnd
        ring.catches += 1
        ring.loud *= 0.6
        roll = rnd.random()
        if not keep_exporter and roll < 0.45:
            self.add_exporter(ring, day, fresh=True)
        elif roll < 0.75:
            self.rename(ring, day)
        if rnd.random() < 0.7 and ring.buyers:
            old = ring.buyer
            self.add_buyer(ring, old.country, new=True, kind=old.kind, near=old)
        if rnd.random() < 0.5:
            ring.port_shift += 1
        if rnd.random() < 0.3:
            ring.brokers = [rnd.choice(self.pop.brokers).registration_id or ""]

    # --- declarations --------------------------------------------------------------------

    def port(self, ring: Ring, mode: str, dest: str) -> str:
        if mode == "road" and COUNTRIES[dest].road_port:
            return COUNTRIES[dest].road_port
        ports = ports_for(ring.province, mode)
        return ports[ring.port_shift % len(ports)]

    def header(
        self,
        ring: Ring,
        decl: int,
        day: dt.date,
        mode: str,
        consignee: Consignee,
        exporter: Exporter | None = None,
        trade_country: str | None = None,
        consignee_name: str | None = None,
    ) -> Header:
        rnd = self.rnd
        exp = exporter or ring.exporter
        english = exp.lang == "en" or (exp.lang == "mix" and rnd.random() < 0.4)
        currency = exp.currency
        if mode in ("post", "passenger") and rnd.random() < 0.5:
            declarant = None
        else:
            declarant = (
                rnd.choice(ring.brokers)
                if ring.brokers and exp.party.kind == "company"
                else exp.uscc
            )
        return Header(
            decl=decl,
            day=day,
            stamp=self.clock.stamp(day),
            port=self.port(ring, mode, consignee.dest),
            mode=mode,
            exporter=exp,
            exporter_name=exp.name_on(day, english),
            declarant=declarant,
            consignee=consignee,
            consignee_name=consignee_name or consignee.name,
            consignee_address=consignee.address,
            dest=consignee.dest,
            trade_country=trade_country if trade_country is not None else consignee.country,
            currency=currency,
            lang=exp.lang,
            spec_style=exp.spec_style if exp.spec_style != "none" else "pipe",
            ring=ring.idx,
        )

    def line(
        self,
        h: Header,
        declared: str,
        true: str,
        declared_kg: float,
        true_kg: float,
        value_usd: float,
        true_value_usd: float,
        *,
        description: str | None = None,
        specification: str | None = None,
        spec_name: tuple[str, str] | None = None,
        grade: str | None = None,
        use: str | None = None,
        end_user: str | None = None,
        end_use: str | None = None,
        gross: float | None = None,
        origin: str | None = None,
        unit: tuple[float, str] | None = None,
    ) -> Line:
        rnd = self.rnd
        good = BY_KEY[declared]
        qty, unit_text, net = honest.pack(good, declared_kg, h.mode, rnd)
        if unit is not None:
            qty, unit_text = unit
            net = round(declared_kg, 3)
        if good.unit not in ("pcs", "set") and unit is None:
            net = round(declared_kg, 3)
            if unit_text == "t":
                qty = round(net / 1000, 3)
            elif unit_text == "g":
                qty = round(net * 1000, 1)
            else:
                qty = net
        desc = description if description is not None else wording.description(good, h.lang, rnd)
        spec = specification
        if spec is None:
            spec = wording.specification(
                good, h.spec_style, rnd, grade=grade, use=use, name=spec_name
            )
        if gross is None:
            gross = honest.gross_of(good, net, h.mode, rnd)
        line = Line(
            decl=h.decl,
            day=h.day,
            stamp=h.stamp,
            port=h.port,
            mode=h.mode,
            exporter_id=h.exporter.uscc,
            exporter_name=h.exporter_name,
            declarant_id=h.declarant,
            consignee_name=h.consignee_name,
            consignee_address=h.consignee_address if rnd.random() < 0.85 else None,
            consignee_country=h.consignee.country,
            destination_country=h.dest,
            trade_country=h.trade_country,
            end_user_name=end_user,
            end_use=end_use,
            hs_code=good.hs,
            description=desc,
            specification=spec,
            quantity=qty,
            unit=unit_text,
            net_weight_kg=net,
            gross_weight_kg=round(max(gross, net), 2),
            value=round(value_usd * market.fx(h.currency, h.day), 2),
            currency=h.currency,
            container_ids=None,
            transport_doc=None,
            origin_region=origin or h.exporter.region,
            good=declared,
            true_good=true,
            true_kg=round(true_kg, 3),
            value_usd=value_usd,
            true_value_usd=true_value_usd,
            ring=h.ring,
            consignee=h.consignee.idx,
            new_party=h.consignee.new
            or (
                h.exporter.party.incorporated_at is not None
                and (h.day - h.exporter.party.incorporated_at).days < 365
            ),
        )
        return line

    def cover_lines(self, h: Header, n: int, sector: str) -> list[Line]:
        """Ordinary goods of the ring exporter's line of business (honest in themselves)."""
        rnd = self.rnd
        out = []
        goods = [k for k, _ in PORTFOLIOS[sector] if BY_KEY[k].item is None]
        weights = [w for k, w in PORTFOLIOS[sector] if BY_KEY[k].item is None]
        for _ in range(n):
            key = rnd.choices(goods, weights)[0]
            good = BY_KEY[key]
            if good.unit == "t" and h.mode not in ("sea", "rail", "road"):
                key = "hand_tools"
                good = BY_KEY[key]
            kg = rnd.lognormvariate(math.log(good.qty), good.sigma)
            if h.mode in ("air", "express", "post", "passenger"):
                kg *= 0.05
            usd = kg * honest.export_price(self.controls, good, h.day, rnd, self.knobs.honest_noise)
            out.append(self.line(h, key, key, kg, kg, usd, usd))
        return out

    def abroad_price(self, good: Good, day: dt.date) -> float:
        return good.price * market.domestic(good.element, day) * market.premium(good.element, day)

    def home_price(self, good: Good, day: dt.date) -> float:
        return good.price * market.domestic(good.element, day)

    def fair_price(self, good: Good, day: dt.date) -> float:
        return honest.export_price(self.controls, good, day, self.rnd, self.knobs.honest_noise)

    def mule(self, ring: Ring) -> Exporter:
        """A sole trader paid to send parcels in their own name (linked to the ring)."""
        rnd = self.rnd
        exp = make_exporter(self.reg, rnd, "ecommerce", ring.region, new=True, person=True)
        exp.active_from = START
        exp.ring = ring.idx
        self.reg.relate(exp.party, ring.exporter.party, "employee")
        exp.party.phone = ring.organisers[0].phone if rnd.random() < 0.5 else exp.party.phone
        ring.mules.append(exp)
        self.exporters_by_id[exp.uscc] = exp
        return exp

    def foreign_registry_no(self, country: str) -> str:
        return registry.foreign_company_no(self.rnd, country)
