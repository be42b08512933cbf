"""The records the world is made of, before they become contract tables.

Plain mutable dataclasses with slots: parties and relations as registries hold them,
exporters and consignees with the habits that drive their trade, licences as the
licensing office issues them, and declaration lines with the bookkeeping the
simulation needs (what was really shipped, which ring shipped it) that is never
written to the declarations table, only to ``truth/``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Party:
    party_id: str
    kind: str
    name: str
    alt_names: list[str] = field(default_factory=list)
    country: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    registration_id: str | None = None
    incorporated_at: dt.date | None = None


@dataclass(slots=True)
class Relation:
    src: str
    dst: str
    relation: str
    share: float | None = None
    since: dt.date | None = None


@dataclass(slots=True)
class Exporter:
    """A domestic exporter of record and the habits of its trade."""

    party: Party
    uscc: str
    name_zh: str
    name_en: str
    region: str
    province: str
    sector: str
    weight: float
    goods: list[str]
    goods_w: list[float]
    active_from: dt.date
    links: list[tuple[int, float, dt.date]] = field(
        default_factory=list
    )  # consignee, weight, since
    brokers: list[str] = field(default_factory=list)
    licensed: frozenset[str] = frozenset()
    licence_from: dict[str, dt.date] = field(default_factory=dict)
    multi: float = 0.3
    lang: str = "zh"
    spec_style: str = "pipe"
    currency: str = "USD"
    old_name: tuple[dt.date, str] | None = None  # honest rename: (day, name before it)
    ring: int = -1

    def name_on(self, day: dt.date, english: bool) -> str:
        if self.old_name is not None and day < self.old_name[0]:
            return self.old_name[1]
        return self.name_en if english else self.name_zh


@dataclass(slots=True)
class Consignee:
    idx: int
    party: Party
    name: str
    country: str
    address: str
    kind: str  # maker, distributor, hub, trader, retail, person, front
    dest: str  # where its goods are delivered
    trade_country: str | None
    new: bool = False
    end_user: str | None = None
    ring: int = -1


@dataclass(slots=True)
class Licence:
    idx: int
    issued: dt.date
    valid_until: dt.date
    exporter_id: str
    province: str
    item: str
    hs: str
    qty_kg: float
    consignee_name: str
    consignee_country: str
    end_user: str | None
    end_use: str | None
    status: str = "valid"
    status_since: dt.date | None = None
    general: bool = False
    number: str = ""
    show: int = 3  # 1: control_id only, 2: hs_code only, 3: both


@dataclass(slots=True)
class Line:
    """One goods line as declared, plus what the simulation knows about it."""

    decl: int
    day: dt.date
    stamp: str
    port: str
    mode: str
    exporter_id: str
    exporter_name: str
    declarant_id: str | None
    consignee_name: str
    consignee_address: str | None
    consignee_country: str
    destination_country: str
    trade_country: str | None
    end_user_name: str | None
    end_use: str | None
    hs_code: str
    description: str
    specification: str | None
    quantity: float
    unit: str
    net_weight_kg: float
    gross_weight_kg: float | None
    value: float
    currency: str
    container_ids: str | None
    transport_doc: str | None
    origin_region: str | None
    good: str
    true_good: str
    true_kg: float
    value_usd: float
    true_value_usd: float
    line_no: int = 1
    licence: int = -1
    licence_text: str | None = None  # a cited number that is not a register entry as issued
    licence_style: int = 0
    scheme: str = ""
    variant: str = ""
    ring: int = -1
    quirk: str = ""
    intel: float = 0.0
    new_party: bool = False
    sourcing: str = ""  # for ring lines: "booked" or "offbook" (how the goods left the chain)
    consignee: int = -1
    onward: str = ""  # where diverted goods really went (for partners' statistics)
    decl_id: str = ""
