"""Who trades in the sixth world: exporters, consignees, restricted parties and rings.

Built once per world with a small Python loop over parties (hundreds, never lines).
Exporters have a home port, a goods profile, regular consignees and a first day of
trading; a minority are licensed mineral traders. Restricted parties sit on two
made-up lists; some of them buy ordinary goods openly, fronts abroad share directors,
addresses or phones with them, and smuggling rings are groups of young exporters that
share a phone or an address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orewatch.contract.ids import uscc_check_char

from . import names
from .catalogue import COUNTRIES, LAND_PORT_COUNTRY, PORTS, RELAY_COUNTRIES

START = dt.date(2025, 5, 1)
END = dt.date(2026, 10, 31)
DAYS = (END - START).days + 1
PORT_SHARE = np.array([12, 10, 7, 8, 5, 8, 12, 10, 6, 4, 3, 3, 2, 2], dtype=float) / 92
USCC_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass
class Cast:
    """Every party of a world, as parallel lists (index = party number in its kind)."""

    exporters: list[dict] = field(default_factory=list)
    consignees: list[dict] = field(default_factory=list)
    watch: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    rings: list[dict] = field(default_factory=list)
    fronts: list[int] = field(default_factory=list)  # consignee indices
    detours: list[int] = field(default_factory=list)  # consignee indices
    listed_consignees: list[int] = field(default_factory=list)  # consignee indices on a list


def _uscc(rng: np.random.Generator, region: str) -> str:
    body = "91" + region + "".join(USCC_BODY[i] for i in rng.integers(len(USCC_BODY), size=9))
    return body + uscc_check_char(body)


def _exporter(rng: np.random.Generator, n_goods: int, since: dt.date, trader: bool) -> dict:
    name = names.chinese_company(rng)
    city = [c[0] for c in names.CITIES].index(name["city"])
    region = names.CITY_REGION[city]
    customs_code = rng.random() < 0.15
    eid = (
        f"{region[:4]}{rng.integers(10, 99)}{rng.integers(1000, 9999)}"
        if customs_code
        else _uscc(rng, region)
    )
    port = int(rng.choice(len(PORTS), p=PORT_SHARE))
    road = names.WORDS[rng.integers(len(names.WORDS))][0]
    goods = rng.choice(n_goods, size=int(rng.integers(2, 8)), replace=False)
    return {
        **name,
        "id": eid,
        "region": region,
        "port": port,
        "goods": goods,
        "since": since,
        "trader": trader,
        "phone": f"+86 {rng.integers(130, 199)}{rng.integers(10_000_000, 99_999_999)}",
        "address": f"{name['city']}市{road}路{rng.integers(1, 999)}号",
        "consignees": [],
    }


def _consignee(rng: np.random.Generator, country: str, kind: str, since: dt.date) -> dict:
    return {
        "name": names.foreign_company(rng, country),
        "country": country,
        "address": names.address(rng, country),
        "phone": names.phone(rng, country),
        "kind": kind,
        "since": since,
    }


def build_cast(rng: np.random.Generator, lines: int, n_goods: int) -> Cast:
    """All parties for a world of ``lines`` declaration lines."""
    cast = Cast()
    n_exp = max(120, lines // 220)
    for i in range(n_exp):
        young = rng.random() < 0.15
        since = (
            START + dt.timedelta(days=int(rng.integers(0, DAYS - 120)))
            if young
            else dt.date(2010 + int(rng.integers(0, 14)), 1 + int(rng.integers(0, 12)), 1)
        )
        cast.exporters.append(_exporter(rng, n_goods, since, trader=i < max(8, n_exp // 14)))
    codes = [c[0] for c in COUNTRIES]
    weights = np.array([c[1] for c in COUNTRIES], dtype=float)
    n_con = max(200, lines // 120)
    countries = rng.choice(codes, size=n_con, p=weights / weights.sum())
    for country in countries:
        cast.consignees.append(_consignee(rng, str(country), "regular", dt.date(2005, 1, 1)))
    _restricted(rng, cast)
    _fronts(rng, cast)
    _rings(rng, cast, n_goods)
    _link_consignees(rng, cast)
    return cast


def _restricted(rng: np.random.Generator, cast: Cast) -> None:
    """Two made-up lists of restricted parties, listed on dates inside and before the
    world's span; a fifth of them are ordinary buyers of ordinary goods."""
    for i in range(48):
        country = ("US", "US", "US", "JP", "TW", "RU", "US", "GB")[i % 8]
        listed = dt.date(2023, 1, 1) + dt.timedelta(days=int(rng.integers(0, 1300)))
        entry: dict[str, Any] = {
            "list": ("MOFCOM-UEL", "MOFCOM-ECCL")[int(rng.random() < 0.6)],
            "name": names.foreign_company(rng, country).replace("Trading", "Aerospace"),
            "country": country,
            "address": names.address(rng, country),
            "phone": names.phone(rng, country),
            "listed_at": listed,
            "kind": "company",
        }
        entry["alt"] = names.retyped(entry["name"], 1 + int(rng.integers(0, 4)))
        cast.watch.append(entry)
        if i % 5 == 0:  # also an ordinary buyer, seen on declarations
            con = _consignee(rng, country, "listed", dt.date(2008, 1, 1))
            con.update(name=entry["name"], address=entry["address"], phone=entry["phone"])
            con["watch"] = i
            cast.listed_consignees.append(len(cast.consignees))
            cast.consignees.append(con)


def _fronts(rng: np.random.Generator, cast: Cast) -> None:
    """Young consignees in relay countries tied to restricted parties (a shared director,
    address or phone), and consignees in hubs that share an address with one."""
    for i in range(14):
        country = RELAY_COUNTRIES[i % len(RELAY_COUNTRIES)]
        inc = dt.date(2024, 10, 1) + dt.timedelta(days=int(rng.integers(0, 330)))
        con = _consignee(rng, country, "front", inc)
        w = int(rng.integers(len(cast.watch)))
        con["watch"] = w
        link = i % 3
        if link == 0:  # shared director
            pid = len(cast.persons)
            cast.persons.append({"name": names.person(rng), "country": country})
            cast.relations.append(
                {"src": ("person", pid), "dst": ("watch", w), "relation": "director"}
            )
            cast.relations.append(
                {
                    "src": ("person", pid),
                    "dst": ("consignee", len(cast.consignees)),
                    "relation": "director",
                }
            )
        elif link == 1:
            con["phone"] = cast.watch[w]["phone"]
        else:
            con["address"] = cast.watch[w]["address"]
        cast.fronts.append(len(cast.consignees))
        cast.consignees.append(con)
    for i in range(10):
        real = ("US", "RU", "JP", "TW", "RU")[i % 5]
        con = _consignee(rng, real, "detour", dt.date(2019, 1, 1))
        w = int(rng.integers(len(cast.watch)))
        con["watch"] = w
        if i % 2 == 0:
            con["address"] = cast.watch[w]["address"]
        else:
            con["phone"] = cast.watch[w]["phone"]
        cast.detours.append(len(cast.consignees))
        cast.consignees.append(con)


def _rings(rng: np.random.Generator, cast: Cast, n_goods: int) -> None:
    """Smuggling rings: 3-5 young exporters sharing a phone or an address, shipping to a
    consignee group (one address, several names) in a relay country."""
    for _ in range(4):
        since = START + dt.timedelta(days=int(rng.integers(0, 200)))
        members = []
        shared_phone = f"+86 {rng.integers(130, 199)}{rng.integers(10_000_000, 99_999_999)}"
        shared_addr = None
        for k in range(int(rng.integers(3, 6))):
            exp = _exporter(
                rng, n_goods, since + dt.timedelta(days=int(rng.integers(0, 40))), False
            )
            if k % 2 == 0:
                exp["phone"] = shared_phone
            else:
                shared_addr = shared_addr or exp["address"]
                exp["address"] = shared_addr
            members.append(len(cast.exporters))
            cast.exporters.append(exp)
        country = RELAY_COUNTRIES[int(rng.integers(len(RELAY_COUNTRIES)))]
        base = _consignee(rng, country, "ring", since)
        group = []
        for k in range(int(rng.integers(2, 4))):
            con = dict(base)
            if k:
                con["name"] = names.foreign_company(rng, country)
            group.append(len(cast.consignees))
            cast.consignees.append(con)
        cast.rings.append({"exporters": members, "consignees": group, "since": since})


def _link_consignees(rng: np.random.Generator, cast: Cast) -> None:
    """Each exporter's regular consignees (land ports mostly serve their neighbour)."""
    regular = [i for i, c in enumerate(cast.consignees) if c["kind"] in ("regular", "listed")]
    by_country: dict[str, list[int]] = {}
    for i in regular:
        by_country.setdefault(cast.consignees[i]["country"], []).append(i)
    for exp in cast.exporters:
        port = PORTS[exp["port"]][0]
        pool = by_country.get(LAND_PORT_COUNTRY.get(port, ""), regular)
        k = min(len(pool), int(rng.integers(2, 9)))
        exp["consignees"] = list(rng.choice(pool, size=k, replace=False))
