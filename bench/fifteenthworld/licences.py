"""Export licences: issued to honest exporters for what they ship, and drawn on.

Honest licensed trade is grouped by exporter, catalogue item and consignee: a licence
is issued a few weeks before the first shipment it covers, is valid for six months or a
year, and allows a little more than will be shipped, though one in four is drawn to
within a few percent of its limit and some exactly to it. Two large rare-earth exporters
get a general licence from December 2025 (MOFCOM's facilitation), which names no single
consignee. Numbers are given in the order of issue once every licence of the world
(honest and the rings') is known, so that the register reads like a real one.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from fifteenthworld.controls import catalogue
from fifteenthworld.parties import Exporter

GENERAL_LICENCES_FROM = dt.date(2025, 12, 19)


@dataclass
class Licence:
    """One licence of the register; ``drawn`` is what declarations have cited against it."""

    key: int
    issued: dt.date
    valid_until: dt.date
    exporter: Exporter
    item: str | None
    hs: str | None
    quantity_kg: float
    consignee: str
    country: str
    end_user: str | None
    end_use: str | None
    status: str = "valid"
    status_since: dt.date | None = None
    general: bool = False
    number: str = ""
    drawn: float = 0.0
    cited_by: list[Any] = field(default_factory=list)

    def valid_on(self, day: dt.date) -> bool:
        if day < self.issued or day > self.valid_until:
            return False
        return not (self.status != "valid" and self.status_since and day >= self.status_since)


class Licences:
    """The register of every licence issued in the world."""

    def __init__(self) -> None:
        self.all: list[Licence] = []

    def issue(self, **fields: Any) -> Licence:
        licence = Licence(key=len(self.all), **fields)
        self.all.append(licence)
        return licence

    def of(self, exporter: Exporter) -> list[Licence]:
        return [lic for lic in self.all if lic.exporter is exporter]

    def number_all(self, rng: random.Random) -> None:
        """Give numbers in order of issue: ``DU<year><serial>``, ``GL<year><serial>``."""
        serial: dict[tuple[str, int], int] = {}
        for licence in sorted(self.all, key=lambda x: (x.issued, x.key)):
            prefix = "GL" if licence.general else "DU"
            key = (prefix, licence.issued.year)
            serial[key] = serial.get(key, rng.randrange(100, 400)) + rng.randint(1, 9)
            licence.number = f"{prefix}{licence.issued.year}{serial[key]:06d}"

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "license_no": x.number,
                "issued_at": x.issued.isoformat(),
                "valid_until": x.valid_until.isoformat(),
                "exporter_id": x.exporter.reg_id,
                "control_id": x.item,
                "hs_code": x.hs,
                "quantity_kg": round(x.quantity_kg, 1),
                "consignee_name": x.consignee,
                "consignee_country": x.country,
                "end_user_name": x.end_user,
                "end_use": x.end_use,
                "status": x.status,
                "status_since": x.status_since.isoformat() if x.status_since else None,
            }
            for x in sorted(self.all, key=lambda x: x.number)
        ]


def cite(line: dict[str, Any], licence: Licence) -> None:
    line["_licence"] = licence
    licence.drawn += line["net_weight_kg"]
    licence.cited_by.append(line)


def license_honest(rng: random.Random, lines: list[dict[str, Any]], register: Licences) -> None:
    """Issue and cite licences for every honest line whose good is under control."""
    cat = catalogue()
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    general: dict[str, Licence] = {}
    for line in lines:
        good = line["_good"]
        if not good.in_force(line["_day"]):
            continue
        ex: Exporter = line["_exporter"]
        key = (ex.reg_id, good.item, line["_customer"].party.party_id)
        groups.setdefault(key, []).append(line)
    # general licences for the two busiest rare-earth oxide exporters
    ree: dict[str, list[dict[str, Any]]] = {}
    for (ex_id, item, _), group in groups.items():
        if item and "-18-" in item and item.endswith("-B"):
            ree.setdefault(ex_id, []).extend(
                x for x in group if x["_day"] >= GENERAL_LICENCES_FROM + dt.timedelta(days=10)
            )
    busiest = sorted(ree.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:2]
    for ex_id, late in busiest:
        if len(late) < 3:
            continue
        ex = late[0]["_exporter"]
        countries = [x["consignee_country"] for x in late]
        issued = GENERAL_LICENCES_FROM + dt.timedelta(days=rng.randint(0, 8))
        general[ex_id] = register.issue(
            issued=issued,
            valid_until=issued + dt.timedelta(days=364),
            exporter=ex,
            item=None,
            hs="284690",
            quantity_kg=sum(x["net_weight_kg"] for x in late) * rng.uniform(1.5, 3.0),
            consignee="多个收货人 various consignees (general licence)",
            country=max(sorted(set(countries)), key=countries.count),
            end_user=None,
            end_use="民用 civil uses",
            general=True,
        )
    for key in sorted(groups, key=lambda k: groups[k][0]["_decl"]):
        group = sorted(groups[key], key=lambda x: (x["_day"], x["_decl"]))
        gl = general.get(key[0])
        if gl is not None and key[1] and key[1].endswith("-B"):
            rest = []
            for line in group:
                (cite(line, gl) if gl.valid_on(line["_day"]) else rest.append(line))
            group = rest
        effective = cat.item(key[1]).effective
        i = 0
        while i < len(group):
            first = group[i]
            issued = max(
                effective + dt.timedelta(days=rng.randint(9, 15)),
                first["_day"] - dt.timedelta(days=rng.randint(3, 40)),
            )
            issued = min(issued, first["_day"])
            valid_until = issued + dt.timedelta(days=364 if rng.random() < 0.7 else 182)
            size = rng.randint(2, 8)
            chunk: list[dict[str, Any]] = []
            while i < len(group) and len(chunk) < size and group[i]["_day"] <= valid_until:
                chunk.append(group[i])
                i += 1
            total = sum(x["net_weight_kg"] for x in chunk)
            r = rng.random()
            factor = (
                1.0 if r < 0.08 else rng.uniform(1.0, 1.04) if r < 0.28 else rng.uniform(1.08, 1.8)
            )
            customer = first["_customer"]
            licence = register.issue(
                issued=issued,
                valid_until=valid_until,
                exporter=first["_exporter"],
                item=key[1],
                hs=first["_good"].hs if rng.random() < 0.6 else None,
                quantity_kg=total * factor,
                consignee=customer.name,
                country=customer.country,
                end_user=first["end_user_name"],
                end_use=first["end_use"],
            )
            for line in chunk:
                cite(line, licence)
