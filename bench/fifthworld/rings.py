"""Smuggling rings: who they are, what they ship, and how they change after being caught.

A ring is a group of exporters (trading firms, shells or a refiner's side business), a
partly complicit customs broker and its buyers abroad. It starts after the control on its
element takes effect, works one scheme at a time, switches scheme (and often route) after
its current one has been caught ``adapt_after`` times, and after ``phoenix_after`` catches
reappears under newly registered exporters that share a director, address or phone with
the burnt ones (the "phoenix" pattern).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import polars as pl

from fifthworld import idents, names
from fifthworld.parties import TRANSIT, Registry, address_cn, new_person, phone

#: Schemes by family; a ring's repertoire is its family.
FAMILIES: dict[str, tuple[str, ...]] = {
    "permit": (
        "no_permit",
        "phantom_permit",
        "stale_permit",
        "borrowed_permit",
        "overdrawn_permit",
        "cheap_invoice",
        "light_weight",
    ),
    "disguise": ("false_code", "stowaway", "light_weight"),
    "parcel": ("courier_samples", "ant_army"),
    "diversion": ("detour", "barred_recipient", "blank_end_user", "false_code"),
}
SCHEMES: tuple[str, ...] = (
    "no_permit",
    "phantom_permit",
    "stale_permit",
    "borrowed_permit",
    "overdrawn_permit",
    "barred_recipient",
    "blank_end_user",
    "false_code",
    "cheap_invoice",
    "light_weight",
    "stowaway",
    "courier_samples",
    "ant_army",
    "detour",
)
#: Fraudulent lines per shipment (mean) by scheme, to turn a line rate into shipments.
LINES_PER_SHIPMENT = {s: 1.3 for s in SCHEMES} | {
    "stowaway": 1.0,
    "false_code": 1.6,
    "ant_army": 1.0,
    "courier_samples": 1.0,
}
RING_KIND = {"permit": "trader", "disguise": "forwarder", "parcel": "maker", "diversion": "trader"}


@dataclass
class Ring:
    """One ring's state as the weeks go by."""

    rid: int
    family: str
    scheme: str
    element_goods: np.ndarray
    start_day: int
    rate: float  # fraudulent lines per week
    exporters: list[int] = field(default_factory=list)  # registry row indexes
    broker: int = -1
    buyers: list[int] = field(default_factory=list)  # consignee row indexes
    front: int = -1
    caught_scheme: int = 0
    caught_identity: int = 0
    generation: int = 0
    history: list[tuple[int, str]] = field(default_factory=list)
    drawn: dict[str, float] = field(default_factory=dict)


def new_exporters(
    reg: Registry,
    rng: np.random.Generator,
    kind: str,
    k: int,
    day: int,
    like: list[int] | None = None,
) -> list[int]:
    """Register ``k`` new exporters (phoenix ones share a director, address or phone with
    ``like``); returns their registry row indexes."""
    rows: list[dict[str, object]] = []
    if k <= 0:
        return []
    ex = reg.exporters
    start = ex.height
    for i, (zh, en, py) in enumerate(names.chinese_companies(rng, k, kind)):
        reg_id = idents.credit_code(rng)
        row = {
            "ex": start + i,
            "exporter_id": reg_id,
            "registration_id": reg_id,
            "kind": kind,
            "name_zh": zh,
            "name_en": en,
            "name_py": py,
            "address": address_cn(rng, zh[:2]),
            "phone": phone(rng),
            "incorporated_day": day - int(rng.integers(20, 120)),
            "first_day": day,
            "last_day": 730,
            "activity": 0.0,
            "broker": -1,
            "home_port": ex["home_port"][int(rng.integers(ex.height))],
            "region": idents.DIVISIONS[rng.integers(len(idents.DIVISIONS))],
        }
        director = new_person(reg, rng)
        if like:
            old = ex.row(like[int(rng.integers(len(like)))], named=True)
            link = rng.integers(3)
            if link == 0:
                director = old["director"]
            elif link == 1:
                row["address"] = old["address"]
            else:
                row["phone"] = old["phone"]
        row["director"] = director
        reg.relations.append(
            {"src_party_id": director, "dst_party_id": reg_id, "relation": "director"}
        )
        rows.append(row)
    reg.exporters = pl.concat([ex, pl.DataFrame(rows, schema=ex.schema)])
    return list(range(start, start + k))


def new_consignee(
    reg: Registry, rng: np.random.Generator, country: str, day: int, front_of: int | None = None
) -> int:
    """Register a consignee abroad (a newly incorporated front when ``front_of`` names the
    watchlisted party it is linked to); returns its row index."""
    cons = reg.consignees
    row: dict[str, Any] = {
        "cn": cons.height,
        "country": country,
        "name": names.foreign_company(rng, country),
        "address": names.foreign_address(rng, country),
        "incorporated_day": day - int(rng.integers(25, 200)),
        "front_of": front_of,
        "phone": None,
    }
    reg.consignees = pl.concat([cons, pl.DataFrame([row], schema=cons.schema)])
    return int(row["cn"])


def make_rings(
    rng: np.random.Generator,
    reg: Registry,
    goods: pl.DataFrame,
    n: int,
    fraud_lines: float,
    brokers: int,
) -> list[Ring]:
    """``n`` rings, their first schemes cycling through every scheme so each appears."""
    ctrl = goods.filter(pl.col("controlled"))
    elements = ctrl["element"].unique(maintain_order=True).to_list()
    rings = []
    for i in range(n):
        scheme = SCHEMES[i % len(SCHEMES)]
        family = next(f for f, s in FAMILIES.items() if scheme in s)
        el = elements[rng.integers(len(elements))]
        items = ctrl.filter(pl.col("element") == el)
        eff = int(cast(int, items["effective_day"].max()))
        start = max(0, eff) + int(rng.integers(0, 100))
        start = min(start, 600)
        ring = Ring(
            i, family, scheme, items["g"].to_numpy(), start, 0.0, broker=int(rng.integers(brokers))
        )
        k = 8 if family == "parcel" else int(rng.integers(1, 3))
        ring.exporters = new_exporters(reg, rng, RING_KIND[family], 1, start)
        # the other senders share a director, address or phone with the first (shells)
        ring.exporters += new_exporters(
            reg, rng, RING_KIND[family], k - 1, start, like=ring.exporters
        )
        rings.append(ring)
    weeks = sum(max(1.0, (730 - r.start_day) / 7) for r in rings)
    for r in rings:
        r.rate = fraud_lines / weeks * float(rng.uniform(0.6, 1.4))
    return rings


def on_caught(
    ring: Ring,
    reg: Registry,
    rng: np.random.Generator,
    day: int,
    adapt_after: int,
    phoenix_after: int,
) -> None:
    """After a find: count it; switch scheme and route, or reappear under new names."""
    ring.caught_scheme += 1
    ring.caught_identity += 1
    if ring.caught_scheme >= adapt_after:
        options = [s for s in FAMILIES[ring.family] if s != ring.scheme]
        ring.scheme = options[int(rng.integers(len(options)))]
        ring.caught_scheme = 0
        ring.buyers = []
        ring.front = -1
        ring.history.append((day, ring.scheme))
    if ring.caught_identity >= phoenix_after:
        kind = RING_KIND[ring.family]
        ring.exporters = new_exporters(
            reg, rng, kind, len(ring.exporters), day + 14, like=ring.exporters
        )
        ring.caught_identity = 0
        ring.generation += 1
        if rng.random() < 0.4:
            ring.broker = int(rng.integers(reg.brokers.height))


def transit_country(rng: np.random.Generator) -> str:
    """A country with looser controls to route through."""
    return TRANSIT[int(rng.integers(len(TRANSIT)))]
