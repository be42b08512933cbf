"""The world's records while it is being made: parties, declarations, lines, licences.

Mutable dataclasses on purpose: rings insert lines into honest consolidated
declarations, inspections mark what they decided, and the writer reads the result.
Truth travels on the records (``Line.scheme`` and friends) and is split off only when
the tables are written, so a table can never disagree with its truth file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from eighteenthworld.names import CnName


@dataclass
class Party:
    """Anyone in the parties table: company or person, domestic or foreign."""

    party_id: str
    kind: str
    name: str
    country: str
    address: str = ""
    alt_names: list[str] = field(default_factory=list)
    phone: str = ""
    email: str = ""
    registration_id: str = ""
    incorporated: date | None = None


@dataclass
class Broker:
    """A customs broker: who lodges, from which ports, and how its system writes time."""

    party: Party
    code: str
    style: str
    ports: tuple[str, ...]


@dataclass
class Consignee:
    party: Party
    role: str
    variants: list[str] = field(default_factory=list)

    @property
    def country(self) -> str:
        return self.party.country

    @property
    def name(self) -> str:
        return self.party.name


@dataclass
class Exporter:
    """A domestic exporter of record and the habits that shape its declarations."""

    party: Party
    uscc: str
    cn: CnName
    family: str
    city: tuple[str, str, str, str, str]
    ports: list[str]
    brokers: list[Broker]
    currency: str
    goods: list[str]
    consignees: list[Consignee]
    size: float
    name_style: float
    desc_style: str
    active_from: date
    elements: list[str] = field(default_factory=list)

    @property
    def region(self) -> str:
        return self.city[3]


@dataclass
class Line:
    """One goods line as declared, plus the truth about it (never written to the table)."""

    hs: str
    description: str
    spec: str
    quantity: float
    unit: str
    net_kg: float
    gross_kg: float | None
    value: float
    usd: float
    licence: str = ""
    end_user: str = ""
    end_use: str = ""
    origin: str = ""
    good: str = ""
    # truth
    scheme: str = ""
    variant: str = ""
    ring: str = ""
    phase: int = 0
    family: str = ""
    true_hs: str = ""
    true_desc: str = ""
    true_kg: float = 0.0
    true_usd: float = 0.0
    element: str = ""
    traps: list[str] = field(default_factory=list)
    house: str = ""
    house_hs: str = ""
    house_desc: str = ""
    house_value: float = 0.0
    line_no: int = 0


@dataclass
class Declaration:
    id: str
    at: datetime
    port: str
    mode: str
    exporter: Exporter
    exporter_name: str
    broker: Broker | None
    consignee: Consignee
    consignee_name: str
    consignee_address: str
    destination: str
    trade_country: str
    currency: str
    lines: list[Line]
    containers: list[str]
    transport_doc: str
    supervision: str
    style: str
    family: str
    blank_line_no: bool = False
    decided: bool = False
    hosted: bool = False

    @property
    def day(self) -> date:
        return self.at.date()

    def number(self) -> None:
        for i, line in enumerate(self.lines, start=1):
            line.line_no = i

    @property
    def carries_fraud(self) -> bool:
        return any(line.scheme for line in self.lines)


@dataclass
class Licence:
    no: str
    issued: date
    valid_until: date
    exporter: Exporter
    control_id: str
    hs: str
    quantity_kg: float
    consignee_name: str
    consignee_country: str
    end_user: str
    end_use: str
    status: str = "valid"
    status_since: date | None = None
    used_kg: float = 0.0
    last_draw: date | None = None
    shape: str = "both"


@dataclass
class Inspection:
    declaration_id: str
    line_no: int | None
    at: date
    method: str
    result: str
    found_hs: str = ""
    found_desc: str = ""
    found_kg: float | None = None
    found_value: float | None = None
