"""Restricted parties: MOFCOM's export-control control list, its watch list and the
unreliable entity list, with the people behind them.

All names are invented. They are built from the same stems as honest foreign companies
("Atlas Defense Systems Inc." is listed, "Atlas Materials Inc." is an honest buyer), some
sit at the registered-agent addresses many honest consignees also use, and each has
Chinese and abbreviated alternative names as real lists carry them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from eighteenthworld.model import Party
from eighteenthworld.population import AGENT_ADDRESSES
from eighteenthworld.state import World

CONTROL_LIST = "MOFCOM export control control list (出口管制管控名单)"
WATCH_LIST = "MOFCOM export control watch list (关注名单)"
UNRELIABLE = "Unreliable entity list (不可靠实体清单)"

US_STEMS = (
    "Redstone",
    "Bluecrest",
    "Ironclad",
    "Kestrel",
    "Northgate",
    "Harrier",
    "Sentinel",
    "Atlas",
    "Summit",
    "Liberty",
    "Frontier",
    "Keystone",
    "Cascade",
    "Apex",
)
US_TAILS = (
    "Defense Systems Inc.",
    "Aerospace Corp.",
    "Ordnance LLC",
    "Armor Technologies Inc.",
    "Munitions Co.",
    "Missile Components Inc.",
    "Tactical Materials LLC",
)
ZH_TAILS = {
    "Defense Systems Inc.": "防务系统公司",
    "Aerospace Corp.": "航空航天公司",
    "Ordnance LLC": "军械有限责任公司",
    "Armor Technologies Inc.": "装甲技术公司",
    "Munitions Co.": "弹药公司",
    "Missile Components Inc.": "导弹部件公司",
    "Tactical Materials LLC": "战术材料有限责任公司",
}
ZH_STEMS = {
    "Redstone": "红石",
    "Bluecrest": "蓝峰",
    "Ironclad": "铁甲",
    "Kestrel": "红隼",
    "Northgate": "北门",
    "Harrier": "鹞式",
    "Sentinel": "哨兵",
    "Atlas": "阿特拉斯",
    "Summit": "峰会",
    "Liberty": "自由",
    "Frontier": "边疆",
    "Keystone": "基石",
    "Cascade": "瀑布",
    "Apex": "顶点",
}
JP_STEMS = ("Sakura", "Tsurugi", "Kongo", "Hayabusa")
HUB_COUNTRIES = ("AE", "TR", "HK", "KZ", "MY")


def _abbreviation(name: str) -> str:
    words = [w for w in name.replace(".", "").split() if w[0].isupper()]
    return "".join(w[0] for w in words[:-1]) + " " + words[-1] if len(words) > 2 else name.upper()


def build(world: World) -> None:
    rng = world.rng("watchlist")
    n_us = world.count(14, 8)
    stems = list(US_STEMS)
    rng.shuffle(stems)
    for i in range(n_us):
        stem = stems[i % len(stems)]
        tail = rng.choice(US_TAILS)
        name = f"{stem} {tail}" if i < len(stems) else f"{stem} {i} {tail}"
        listed_at = date(2024, 10, 9) + timedelta(days=rng.randrange(0, 420))
        alt = [f"{ZH_STEMS[stem]}{ZH_TAILS[tail]}", _abbreviation(name)]
        address = (
            AGENT_ADDRESSES["US"] if rng.random() < 0.25 else world.namer.foreign_address("US")
        )
        _listed(
            world,
            rng,
            name,
            alt,
            "US",
            address,
            listed_at,
            rng.choice((CONTROL_LIST, CONTROL_LIST, UNRELIABLE)),
            "arms sales / military end user; dual-use items prohibited",
        )
    for stem in JP_STEMS[: world.count(3, 2)]:
        name = f"{stem} Defense Industries K.K."
        _listed(
            world,
            rng,
            name,
            [f"{stem.upper()} DEFENSE IND", f"{stem}防卫工业株式会社"],
            "JP",
            world.namer.foreign_address("JP"),
            date(2026, 1, 6),
            CONTROL_LIST,
            "military end user (2026 No.1)",
        )
    for _ in range(world.count(8, 4)):
        country = rng.choice(HUB_COUNTRIES)
        name = world.namer.foreign(country, "Trading")
        address = (
            AGENT_ADDRESSES[country]
            if country in AGENT_ADDRESSES and rng.random() < 0.6
            else world.namer.foreign_address(country)
        )
        _listed(
            world,
            rng,
            name,
            [name.upper().replace(".", "")],
            country,
            address,
            date(2025, 1, 2) + timedelta(days=rng.randrange(0, 400)),
            WATCH_LIST,
            "end use and end user could not be verified",
        )


def _listed(
    world: World,
    rng: random.Random,
    name: str,
    alt: list[str],
    country: str,
    address: str,
    listed_at: date,
    list_name: str,
    reason: str,
) -> Party:
    party = world.add_party(
        Party(
            world.ids.party("L"),
            "company",
            name,
            country,
            address,
            alt,
            registration_id=f"{country}{rng.randrange(10**6, 10**8)}",
            incorporated=date(1970, 1, 1) + timedelta(days=rng.randrange(18000)),
        )
    )
    world.listed.append(party)
    world.watchlist.append(
        {
            "list": list_name,
            "name": name,
            "alt_names": alt,
            "kind": "company",
            "country": country,
            "address": address if rng.random() < 0.8 else "",
            "listed_at": listed_at,
            "reason": reason,
        }
    )
    for _ in range(rng.randint(1, 2)):
        person = world.add_party(
            Party(world.ids.party("P"), "person", world.namer.foreign_person(), country)
        )
        world.persons.append(person)
        world.relate(person.party_id, party.party_id, "director")
    return party


def directors_of(world: World, party: Party) -> list[str]:
    return sorted(
        str(r["src_party_id"])
        for r in world.relations
        if r["dst_party_id"] == party.party_id and r["relation"] == "director"
    )


def listed_at(world: World, party: Party) -> date:
    for row in world.watchlist:
        if row["name"] == party.name:
            value = row["listed_at"]
            assert isinstance(value, date)
            return value
    raise KeyError(party.name)


def military(world: World, country: str | None = None) -> list[Party]:
    """Listed military end users (US, and Japan's from 2026)."""
    return [
        p
        for p in world.listed
        if p.country in ("US", "JP") and (country is None or p.country == country)
    ]
