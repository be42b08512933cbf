"""Smuggling rings: a boss, the companies that front for him, and how they change skin.

A ring is run by a boss with one or two aides. It ships through a front company; when
an inspection catches the front, the ring waits a few weeks and comes back as a new
company (new name, often a new region and so a new port, sometimes a new broker), and
the licensing authority revokes the old front's licences. Loud rings are careless: the
fronts are new companies that share the boss's mobile number and address and name him
as shareholder. Faint rings are professional: shelf companies bought years after their
incorporation, nominee directors whose only link to the boss is an employment record,
business-centre addresses shared with honest small traders, different telephones.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from fifteenthworld import names
from fifteenthworld.goods import Good
from fifteenthworld.parties import Broker, Exporter, Foreign, Party, Population
from fifteenthworld.places import REGIONS


@dataclass
class Event:
    """One planned shipment of a ring (how many lines is fixed when planned)."""

    day: dt.date
    variant: str  # loud or faint
    fraud: int  # fraudulent lines
    companions: int  # honest lines in the same declaration(s)
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Ring:
    scheme: str
    index: int
    loud_share: float
    choice: Any  # the scheme's pick of goods for this ring
    events: list[Event]
    region: str = ""
    boss: Party | None = None
    aides: list[Party] = field(default_factory=list)
    phone: str = ""
    address: str = ""
    fronts: list[Exporter] = field(default_factory=list)
    front_since: dt.date | None = None
    caught_at: dt.date | None = None
    broker: Broker | None = None
    consignees: list[Foreign] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    ports: list[str] = field(default_factory=list)

    @property
    def front(self) -> Exporter:
        return self.fronts[-1]

    @property
    def faint(self) -> bool:
        return self.loud_share < 0.5

    def start(self, rng: random.Random, pop: Population, region: str, day: dt.date) -> None:
        """Create the boss, aides and first front."""
        reg = pop.register
        self.region = region
        self.boss = reg.chinese_person(rng, region)
        self.phone = self.boss.phone or names.phone(rng, region, mobile=True)
        self.address = names.address(rng, region)
        self.aides = [reg.chinese_person(rng, region) for _ in range(rng.randint(1, 2))]
        for aide in self.aides:
            reg.relate(self.boss, aide, "employer" if self.faint else "associate", None)
            if not self.faint:
                aide.phone = self.phone
        self.broker = rng.choice(pop.brokers)
        self.new_front(rng, pop, day, region)

    def new_front(self, rng: random.Random, pop: Population, day: dt.date, region: str) -> Exporter:
        reg = pop.register
        assert self.boss is not None
        trade = rng.choice(("trade", "base", "trade"))
        if self.faint and rng.random() < 0.7:
            incorporated = day - dt.timedelta(days=rng.randint(900, 4000))  # a shelf company
        else:
            incorporated = day - dt.timedelta(days=rng.randint(25, 160))
        party = reg.chinese_company(rng, region, trade, incorporated)
        if self.faint:
            nominee = reg.chinese_person(rng, region)
            reg.relate(nominee, party, "director", day - dt.timedelta(days=rng.randint(5, 60)))
            reg.relate(
                nominee, party, "shareholder", day - dt.timedelta(days=rng.randint(5, 60)), 1.0
            )
            aide = rng.choice(self.aides)
            reg.relate(aide, nominee, "employer", None)
            if rng.random() < 0.5:
                party.address = rng.choice(pop.business_centres) + f"{rng.randrange(1, 60):02d}室"
            if self.fronts and rng.random() < 0.5:
                party.email = self.fronts[-1].party.email  # the same mailbox, a new company
        else:
            party.phone = self.phone
            party.address = self.address if rng.random() < 0.7 else party.address
            reg.relate(
                self.boss, party, "shareholder", incorporated, round(rng.uniform(0.5, 1.0), 2)
            )
            reg.relate(rng.choice(self.aides), party, "director", incorporated)
        if self.fronts:
            reg.relate(
                self.fronts[-1].party, party, "payer", day
            )  # old front paid the new one's fees
        if rng.random() < 0.4:
            self.broker = rng.choice(pop.brokers)
        assert self.broker is not None
        front = Exporter(
            party=party,
            kind="front",
            region=region,
            goods=[],
            customers=list(self.consignees),
            brokers=[self.broker],
            weight=0.0,
            start=day,
            name_style="zh" if rng.random() < 0.6 else "en",
            self_declares=0.0,
            ring=self,
        )
        reg.relate(self.broker.party, party, "agent", day)
        self.fronts.append(front)
        self.front_since = day
        return front

    def switch(self, rng: random.Random, pop: Population, day: dt.date, good: Good) -> Exporter:
        """Come back as a new company, usually in another province and so another port."""
        options = [
            r for r in (*good.regions, "310115", "440300", "330200", "350200") if r in REGIONS
        ]
        other = [r for r in options if r[:2] != self.region[:2]]
        self.region = rng.choice(other or options)
        return self.new_front(rng, pop, day, self.region)
