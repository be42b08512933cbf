"""Restricted parties: the lists MOFCOM keeps, and the innocent names that resemble them.

Entries are foreign defence and aerospace firms (fictional names), listed on the
unreliable entity list, the export-control control list or the watch list at dates
before and during the period; Japanese military end users only appear in 2026. Each
entry has the other spellings an analyst meets: initials, a Chinese rendering, a
shortened name. Listed firms are also parties in the registry, because fronts are
owned by them or share their directors.

Innocent look-alikes are made on purpose: ordinary buyers that share a distinctive word
with a listed firm, and buyers whose office is in the same business centre as one.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sixteenthworld import names, registry
from sixteenthworld.model import Consignee, Party
from sixteenthworld.parties import Registry

D = dt.date
_DEFENCE = (
    ("Aerospace Systems", "航天系统"),
    ("Defense Technologies", "防务技术"),
    ("Dynamics", "动力"),
    ("Missile Systems", "导弹系统"),
    ("Advanced Research", "先进研究"),
    ("Tactical Solutions", "战术方案"),
    ("Armament", "军械"),
    ("Avionics", "航电"),
    ("Guidance Systems", "制导系统"),
    ("Naval Systems", "海军系统"),
    ("Precision Strike", "精确打击"),
    ("Space Technologies", "空间技术"),
)
_LISTS = (
    (
        "MOFCOM unreliable entity list",
        (
            D(2023, 2, 16),
            D(2024, 5, 20),
            D(2024, 10, 10),
            D(2025, 1, 2),
            D(2025, 2, 4),
            D(2025, 4, 9),
        ),
    ),
    (
        "MOFCOM export control control list",
        (D(2025, 1, 2), D(2025, 3, 4), D(2025, 4, 9), D(2025, 10, 9)),
    ),
    ("MOFCOM export control watch list", (D(2025, 10, 9), D(2026, 2, 24))),
)
_REASONS = (
    "arms sales to Taiwan region",
    "military end use",
    "cooperation with military end users",
    "enhancing military capability",
    "suspected diversion of dual-use items",
)
_HONEST_WORDS = ("Outdoor Living", "Home Supplies", "Ceramics", "Garden Tools", "Foods", "Textiles")


@dataclass
class Listed:
    party: Party
    list_name: str
    alt_names: list[str]
    listed_at: dt.date
    reason: str
    root: str


@dataclass
class Watchlist:
    entries: list[Listed]

    def table(self) -> dict[str, list[object]]:
        cols: dict[str, list[object]] = {
            k: []
            for k in (
                "list",
                "name",
                "alt_names",
                "kind",
                "country",
                "address",
                "registration_id",
                "listed_at",
                "reason",
            )
        }
        for e in self.entries:
            cols["list"].append(e.list_name)
            cols["name"].append(e.party.name)
            cols["alt_names"].append(";".join(e.alt_names) or None)
            cols["kind"].append(e.party.kind)
            cols["country"].append(e.party.country)
            cols["address"].append(e.party.address)
            cols["registration_id"].append(e.party.registration_id)
            cols["listed_at"].append(e.listed_at.isoformat())
            cols["reason"].append(e.reason)
        return cols

    def listed_in(self, countries: tuple[str, ...], before: dt.date) -> list[int]:
        return [
            i
            for i, e in enumerate(self.entries)
            if e.party.country in countries and e.listed_at <= before and e.party.kind == "company"
        ]


def build_watchlist(
    reg: Registry, rnd: random.Random, consignees: list[Consignee], n: int
) -> Watchlist:
    entries: list[Listed] = []
    for i in range(n):
        country = "JP" if i % 11 == 10 else "TW" if i % 7 == 6 else "US"
        list_name, dates = rnd.choice(_LISTS)
        listed_at = rnd.choice(dates)
        if country == "JP":
            list_name, listed_at = "MOFCOM export control control list", D(2026, 1, 6)
        word, word_zh = rnd.choice(_DEFENCE)
        root = names.foreign_root(rnd, country)
        form = {"US": "Inc.", "TW": "Co., Ltd.", "JP": "Co., Ltd."}[country]
        name = f"{root} {word} {form}"
        initials = "".join(w[0] for w in f"{root} {word}".split() if w[0].isupper())
        alt = [f"{initials} {form}", f"{root}{word_zh}公司", f"{root} {word.split()[0]}"]
        if rnd.random() < 0.5:
            alt.append(name.upper().replace(",", ""))
        party = reg.add(
            "company",
            name,
            alt_names=list(alt),
            country=country,
            address=names.foreign_address(rnd, country),
            phone=names.phone(rnd, country),
            email=f"contact@{names.email_domain(name, country)}",
            registration_id=registry.foreign_company_no(rnd, country),
            incorporated_at=D(
                rnd.randrange(1950, 2015), rnd.randrange(1, 13), rnd.randrange(1, 29)
            ),
        )
        entries.append(Listed(party, list_name, alt, listed_at, rnd.choice(_REASONS), root))
        if rnd.random() < 0.25:
            person = reg.person_foreign(rnd, country)
            reg.relate(person, party, "director")
            entries.append(
                Listed(
                    person,
                    list_name,
                    [person.name.upper()],
                    listed_at,
                    "senior executive of listed entity",
                    root,
                )
            )
    _look_alikes(rnd, entries, consignees)
    return Watchlist(entries)


def _look_alikes(rnd: random.Random, entries: list[Listed], consignees: list[Consignee]) -> None:
    """Honest buyers that share a word or a building with a listed firm."""
    companies = [e for e in entries if e.party.kind == "company"]
    candidates = [c for c in consignees if c.kind in ("maker", "distributor", "trader")]
    if not companies or not candidates:
        return
    for entry in rnd.sample(companies, k=min(8, len(companies))):
        same = [c for c in candidates if c.country == entry.party.country] or candidates
        cons = rnd.choice(same)
        form = cons.name.split()[-1]
        cons.name = f"{entry.root} {rnd.choice(_HONEST_WORDS)} {form}"
        cons.party.name = cons.name
    for entry in rnd.sample(companies, k=min(5, len(companies))):
        same = [c for c in candidates if c.country == entry.party.country]
        if not same or not entry.party.address:
            continue
        cons = rnd.choice(same)
        address = entry.party.address
        cons.address = f"Suite {rnd.randrange(100, 990)}, {address.split(', ', 1)[-1]}"
        cons.party.address = cons.address
