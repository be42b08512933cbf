"""The registers every part of the world writes into: exporters, people, buyers, brokers,
links between them, licences, watch-list entries and chain-of-custody traces.

Honest trade and the smuggling rings share these books on purpose: a ring's front company
is an exporter like any other, registered with a legal representative and a broker,
and only what the ring does with it differs. Everything here is plain lists so that a
ring can add a front mid-simulation; the columns turn into arrays when a stage needs
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: A line spec being built (the columns of ``honest.SPEC_SCHEMA`` plus scheme extras).
Row = dict[str, Any]


@dataclass
class Person:
    name_zh: str
    name_en: str
    rid: str  # resident id (Chinese) or passport-like number (foreign)
    country: str
    phone: str
    address: str
    party_id: str = ""


@dataclass
class Exporter:
    uscc: str
    name_zh: str
    name_en: str
    kind: str  # company, sole (individual business), person (passenger / private sender)
    region: int
    incorporated: int  # day (negative: before the window)
    phone: str
    address: str
    profile: str
    rep: int  # person index of the legal representative
    lang: str  # zh, en, mix
    currency: str
    price_factor: float
    size: float
    active_from: int
    active_to: int
    dormant: tuple[int, int] = (-1, -1)
    brokers: list[int] = field(default_factory=list)  # -1: lodges itself
    consignees: list[int] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    modes: np.ndarray = field(default_factory=lambda: np.ones(7) / 7)
    english_name: bool = False  # declares its English name
    origin_style: int = 0  # 0 division code, 1 Chinese name, 2 English name, 3 left empty
    capture: float = 0.0  # share of the abroad premium its prices capture
    old_contracts: bool = False  # keeps pre-control prices for a while after a control
    unit_t: bool = False  # writes bulk goods in tonnes
    licence_gap: int = 60  # days it waits for its first licence after a control
    word: int = 0  # the wording its clerk habitually uses for goods
    ring: int = -1  # ring that set it up (-1: honest); never written to the dataset


@dataclass
class Consignee:
    name: str
    country: str
    address: str
    incorporated: int
    sector: str
    registration: str
    kind: str  # end_user, distributor, forwarder, private, front
    party_id: str = ""
    first_day: int = 0


@dataclass
class Broker:
    uscc: str
    name_zh: str
    region: int
    rep: int


@dataclass
class Licence:
    licence_no: str
    issued: int
    valid_until: int
    exporter: int
    control: str
    hs: str
    quantity_kg: float
    consignee: int
    end_user: str
    end_use: str
    status: str = "valid"
    status_since: int = -1
    write_control: bool = True
    write_hs: bool = True


@dataclass
class Books:
    exporters: list[Exporter] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    consignees: list[Consignee] = field(default_factory=list)
    brokers: list[Broker] = field(default_factory=list)
    #: Chinese companies that only trade at home (facility operators, ring organisers).
    domestic: list[tuple[str, str, str, int, int]] = field(default_factory=list)
    #: (src party, dst party, relation, share or nan, since day)
    relations: list[tuple[str, str, str, float, int]] = field(default_factory=list)
    licences: list[Licence] = field(default_factory=list)
    #: general licences name no single consignee: the country their holder mostly sells to
    general_licence_country: dict[str, str] = field(default_factory=dict)
    #: (list, name, alt names, kind, country, address, registration, listed day, reason)
    watch: list[tuple[str, str, str, str, str, str, str, int, str]] = field(default_factory=list)
    #: chain traces: (day, material, kg, to party or facility, booked: bool, source element)
    leaks: list[tuple[int, str, float, str, bool, str]] = field(default_factory=list)
    #: facility-level oddities a ring leaves: (operator uscc, material, day, kg)
    idle_processors: list[tuple[str, str, int, float]] = field(default_factory=list)
    #: re-exports out of relay hubs: (hub, final country, hs6, day, kg, usd)
    relays: list[tuple[str, str, str, int, float, float]] = field(default_factory=list)

    def party_of_exporter(self, i: int) -> str:
        e = self.exporters[i]
        return e.uscc if e.kind != "person" else f"@{e.rep}"

    def person_party(self, i: int) -> str:
        """Placeholder id of a person; the registry gives people their party ids."""
        return f"@{i}"

    def consignee_party(self, i: int) -> str:
        """Placeholder id of a buyer abroad; the registry gives them their party ids."""
        return f"#{i}"

    def relate(
        self, src: str, dst: str, relation: str, since: int, share: float = float("nan")
    ) -> None:
        self.relations.append((src, dst, relation, share, since))
