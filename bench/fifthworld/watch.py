"""Restricted parties abroad, and the fronts that are quietly tied to them.

The watchlist is this generator's own (names in the styles of real lists, none copied):
defence and aerospace firms in the US and Japan, and traders elsewhere, listed on dates
inside and before the period. A front is a newly incorporated consignee in a transit
country that shares a director, an address or a phone with one of them.
"""

from __future__ import annotations

import numpy as np

from fifthworld import names
from fifthworld.calendar import day_index
from fifthworld.parties import Registry, new_person, phone

LISTS = (
    "MOFCOM export control list (管控名单)",
    "Unreliable Entity List (不可靠实体清单)",
    "Export control watch list (关注名单)",
)
DEFENCE = (
    "Aerospace",
    "Defense Systems",
    "Dynamics",
    "Ordnance",
    "Avionics",
    "Missile Works",
    "Armor Technologies",
    "Naval Systems",
)
COUNTRIES = ("US",) * 5 + ("JP",) * 2 + ("TW", "AE", "TR")


def build_watchlist(
    rng: np.random.Generator, reg: Registry, n: int = 40
) -> list[dict[str, object]]:
    """Watchlisted companies with listing dates from 2023 to late 2025 (day indexes)."""
    import datetime as dt

    first = day_index(dt.date(2023, 1, 1))
    out = []
    for i in range(n):
        country = COUNTRIES[int(rng.integers(len(COUNTRIES)))]
        a = names.WORD_A[int(rng.integers(len(names.WORD_A)))]
        base = f"{a} {DEFENCE[int(rng.integers(len(DEFENCE)))]}"
        name = (
            names.FORMS.get(country, ("{a} {b} Ltd.",))[0]
            .format(a=base, b="")
            .replace("  ", " ")
            .strip()
        )
        out.append(
            {
                "wid": i,
                "party_id": f"W{i + 1:04d}",
                "name": name,
                "alt": names.variant(rng, name),
                "country": country,
                "address": names.foreign_address(rng, country),
                "phone": phone(rng),
                "listed_day": int(rng.integers(first, 560)),
                "list": LISTS[i % 3],
                "director": new_person(reg, rng),
            }
        )
    return out


def link_front(
    reg: Registry, rng: np.random.Generator, front_cn: int, listed: dict[str, object]
) -> None:
    """Tie a front consignee to a watchlisted party by a director, address or phone."""
    link = int(rng.integers(3))
    cons = reg.consignees
    if link == 0:
        reg.relations.append(
            {
                "src_party_id": listed["director"],
                "dst_party_id": f"C{front_cn:05d}",
                "relation": "director",
            }
        )
    else:
        column = "address" if link == 1 else "phone"
        values = cons[column].to_list()
        values[front_cn] = listed[column]
        reg.consignees = cons.with_columns(cons[column].__class__(column, values))
    reg.relations.append(
        {
            "src_party_id": listed["director"],
            "dst_party_id": listed["party_id"],
            "relation": "director",
        }
    )
