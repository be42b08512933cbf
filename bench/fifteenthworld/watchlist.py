"""Restricted parties: who is on the lists, and honest names that look like them.

The lists hold (fictional) defence-linked end users in the United States, Japan (listed
when the 2026 No.1 ban starts) and Taiwan, intermediaries already known to customs, and
people. Every watchlisted company is also a party, so that relations can tie a front
consignee to it. Honest decoys share a word of a listed name or an office building with
a listed company: name screening that only matches words will flag them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from fifteenthworld.parties import Party, Population

EXPORT_CONTROL_LIST = "MOFCOM export control control list (出口管制管控名单)"
UNRELIABLE = "MOFCOM unreliable entity list (不可靠实体清单)"
CUSTOMS_INTEL = "GACC anti-smuggling watch (海关缉私情报)"

#: (name, alternative names, country, list, listed at, reason)
LISTED: tuple[tuple[str, tuple[str, ...], str, str, str, str], ...] = (
    (
        "Raytek Advanced Systems Inc.",
        ("Raytek Adv. Systems", "雷泰克先进系统公司"),
        "US",
        EXPORT_CONTROL_LIST,
        "2024-12-03",
        "military end user (missiles)",
    ),
    (
        "Northstar Defense Technologies Inc.",
        ("Northstar Defence Tech", "北极星防务技术"),
        "US",
        UNRELIABLE,
        "2023-10-09",
        "arms sales to Taiwan",
    ),
    (
        "Aegis Hypersonics LLC",
        ("Aegis Hypersonic", "宙斯盾高超音速"),
        "US",
        EXPORT_CONTROL_LIST,
        "2025-01-02",
        "military end user",
    ),
    (
        "Vanguard Ordnance Systems Corp.",
        ("Vanguard Ordnance", "先锋军械系统"),
        "US",
        EXPORT_CONTROL_LIST,
        "2025-01-02",
        "munitions (antimony)",
    ),
    (
        "Sentinel Optronics Inc.",
        ("Sentinel Optronic", "哨兵光电"),
        "US",
        UNRELIABLE,
        "2024-10-10",
        "military infrared optics",
    ),
    (
        "Blue Ridge Armor Materials LLC",
        ("Blue Ridge Armour", "蓝岭装甲材料"),
        "US",
        EXPORT_CONTROL_LIST,
        "2025-04-09",
        "armour (tungsten)",
    ),
    (
        "Kitano Heavy Defense Industries K.K.",
        ("Kitano Heavy Defence", "北野重工防卫"),
        "JP",
        EXPORT_CONTROL_LIST,
        "2026-01-06",
        "enhances military strength",
    ),
    (
        "Tokai Aerospace Systems Corporation",
        ("Tokai Aero Systems", "东海航空宇宙系统"),
        "JP",
        EXPORT_CONTROL_LIST,
        "2026-01-06",
        "military end user",
    ),
    (
        "Formosa Aero Defense Corp.",
        ("Formosa Aerodefense", "福尔摩沙航空防务"),
        "TW",
        UNRELIABLE,
        "2024-05-20",
        "arms to Taiwan region",
    ),
    (
        "Chang Hong Missile Components Co., Ltd.",
        ("Changhong Missile Parts", "长鸿导弹组件"),
        "TW",
        EXPORT_CONTROL_LIST,
        "2025-01-02",
        "military end user",
    ),
    (
        "Al Safa Strategic Metals FZE",
        ("Alsafa Strategic Metals", "萨法战略金属"),
        "AE",
        CUSTOMS_INTEL,
        "2024-06-15",
        "re-export of controlled metals",
    ),
    (
        "Steppe Rare Metals LLP",
        ("TOO Steppe Rare Metals", "草原稀有金属"),
        "KZ",
        CUSTOMS_INTEL,
        "2024-11-20",
        "transshipment hub",
    ),
)


@dataclass
class Listed:
    party: Party
    alt_names: tuple[str, ...]
    list_name: str
    listed_at: dt.date
    reason: str


def build(rng: random.Random, population: Population, lines: int) -> list[Listed]:
    """Listed companies (also as parties) and a few honest decoys among the customers."""
    register = population.register
    out = []
    count = max(6, min(len(LISTED), round(len(LISTED) * min(1.0, lines / 30_000) + 4)))
    for name, alts, country, list_name, listed_at, reason in LISTED[:count]:
        party = register.foreign_company(
            rng, country, dt.date(rng.randrange(1975, 2012), 3, 1), name
        )
        party.alt_names = list(alts)
        out.append(Listed(party, alts, list_name, dt.date.fromisoformat(listed_at), reason))
    # honest decoys: customers that share a word or a building with a listed company
    for listed in out:
        pool = population.foreign.get(listed.party.country, [])
        if not pool:
            continue
        decoy = rng.choice(pool)
        word = listed.party.name.split()[0]
        if rng.random() < 0.6:
            decoy.party.name = f"{word} {decoy.party.name.split(' ', 1)[-1]}"
        elif listed.party.address:
            decoy.party.address = f"Suite {rng.randrange(2, 40)}, {listed.party.address}"
    return out


def add_listing(
    out: list[Listed], party: Party, list_name: str, listed_at: dt.date, reason: str
) -> None:
    out.append(Listed(party, tuple(party.alt_names), list_name, listed_at, reason))


def rows(listed: list[Listed]) -> list[dict[str, object]]:
    return [
        {
            "list": x.list_name,
            "name": x.party.name,
            "alt_names": ";".join(x.alt_names) if x.alt_names else None,
            "kind": x.party.kind,
            "country": x.party.country,
            "address": x.party.address,
            "registration_id": x.party.registration_id,
            "listed_at": x.listed_at.isoformat(),
            "reason": x.reason,
        }
        for x in listed
    ]
