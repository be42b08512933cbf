"""Who trades: exporters, their overseas customers, restricted parties and their fronts.

Exporters are Chinese companies with a unified social credit code, a sector and a size
that follows a long tail (a few big shippers, many small ones). Mineral traders hold
licences for one to three controlled products. Rogue traders run an ordinary business
as cover; some are newly set up. Consignees are foreign companies; each exporter has a
handful of regular customers. Restricted parties sit on watchlists; fronts are newly
incorporated consignees in transit countries tied to them by a director, an address or
a phone. Honest companies share secretarial addresses and directors too, so a shared
address alone proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orewatch.contract.ids import USCC_ALPHABET, resident_check_char, uscc_check_char

from . import names
from .calendar import END, START

KINDS = ("maker", "trader", "mineral", "ecommerce", "rogue")
KIND_SHARE = (0.52, 0.30, 0.06, 0.08, 0.04)
SECTORS = (
    "furniture",
    "textile",
    "electronics",
    "machinery",
    "steel",
    "chemical",
    "building",
    "consumer",
    "food",
    "metals",
)
SECTOR_SHARE = (0.1, 0.16, 0.15, 0.14, 0.1, 0.1, 0.07, 0.1, 0.05, 0.03)
DESTINATIONS = {
    "US": 14,
    "HK": 6,
    "JP": 6,
    "KR": 5,
    "DE": 4,
    "VN": 5,
    "NL": 3,
    "IN": 4,
    "GB": 3,
    "MY": 3,
    "TH": 3,
    "SG": 2,
    "AU": 2.5,
    "RU": 4,
    "MX": 2,
    "AE": 2.5,
    "ID": 2,
    "BR": 2,
    "FR": 2,
    "IT": 2,
    "TR": 1.5,
    "KZ": 1.2,
    "PH": 1.5,
    "CA": 2,
    "PL": 1,
    "SA": 1,
    "CL": 1,
    "BE": 1,
    "KG": 0.4,
    "GE": 0.3,
    "AM": 0.2,
    "RS": 0.4,
    "TW": 1.5,
}
INDUSTRIAL = {
    "JP": 6,
    "KR": 5,
    "DE": 4,
    "NL": 3,
    "BE": 2,
    "US": 5,
    "IN": 2,
    "VN": 2,
    "FR": 1,
    "GB": 1,
    "TW": 2,
}
HUBS = ("MY", "TH", "AE", "KZ", "KG", "TR", "GE", "AM", "MX", "RS")
WATCH_COUNTRIES = {"US": 0.6, "TW": 0.15, "JP": 0.05, "AE": 0.07, "TR": 0.05, "HK": 0.08}
SECRETARIAL = {  # shared registered-agent addresses honest companies use too
    "HK": [
        "Rm 1203, 12/F, Tower 2, Lippo Centre, 89 Queensway, Admiralty, Hong Kong",
        "Unit 17, 9/F, Nan Fung Tower, 88 Connaught Road C, Central, Hong Kong",
    ],
    "AE": [
        "Office 1508, JAFZA One Tower A, Jebel Ali Free Zone, Dubai",
        "Business Centre, RAKEZ Compass Building, Al Hamra, Ras Al Khaimah",
    ],
    "SG": ["80 Robinson Road #02-00, Singapore 068898"],
}


@dataclass
class Actors:
    """Everyone in the world, as parallel arrays indexed by exporter / consignee number."""

    exp_id: np.ndarray
    exp_name_zh: np.ndarray
    exp_names_en: list[list[str]]
    exp_kind: np.ndarray
    exp_sector: np.ndarray
    exp_region: np.ndarray
    exp_since: np.ndarray  # incorporation day
    exp_weight: np.ndarray  # share of honest declarations
    exp_currency: np.ndarray
    exp_english: np.ndarray  # writes goods names in English
    exp_phone: np.ndarray
    exp_address: np.ndarray
    exp_items: np.ndarray  # (n, 3) controlled items a mineral trader deals in, -1 none
    exp_person: np.ndarray  # registered under a resident identity number
    cus_start: np.ndarray  # customers of exporter e: cus_flat[cus_start[e]:cus_start[e+1]]
    cus_flat: np.ndarray
    con_name: np.ndarray
    con_country: np.ndarray
    con_address: np.ndarray
    con_phone: np.ndarray
    con_since: np.ndarray
    con_role: np.ndarray  # customer, industrial, front, magpie, barred, ring
    con_watch: np.ndarray  # watch entity a consignee is tied to (-1 none)
    watch: list[dict[str, object]] = field(default_factory=list)
    persons: list[dict[str, object]] = field(default_factory=list)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)


def uscc(rng: np.random.Generator, region: str) -> str:
    """A unified social credit code with a right check character."""
    body = "91" + region + "".join(rng.choice(list(USCC_ALPHABET[:10]), size=1))
    body += "".join(rng.choice(list(USCC_ALPHABET), size=17 - len(body)))
    return body + uscc_check_char(body)


def resident_id(rng: np.random.Generator, region: str) -> str:
    """A resident identity number (sole traders and passengers)."""
    born = np.datetime64("1965-01-01") + int(rng.integers(0, 12000))
    body = region + str(born).replace("-", "") + f"{int(rng.integers(0, 1000)):03d}"
    return body + resident_check_char(body)


def address_cn(rng: np.random.Generator, city: str) -> str:
    road = "".join(rng.choice(list("东西南北中新华兴建工业人民解放"), size=2))
    return f"{city}市{road}路{int(rng.integers(1, 900))}号{int(rng.integers(1, 30))}楼"


def address_foreign(rng: np.random.Generator, country: str) -> str:
    if country in SECRETARIAL and rng.random() < 0.3:
        return str(rng.choice(SECRETARIAL[country]))
    street = str(
        rng.choice(
            [
                "Industrial Ave",
                "Harbour Rd",
                "Jalan Perusahaan",
                "Sokak",
                "Business Park",
                "Trade St",
                "Ring Rd",
                "Dong Khoi",
            ]
        )
    )
    return f"{int(rng.integers(1, 400))} {street}, {country}"


def _days(rng: np.random.Generator, lo: np.datetime64, hi: np.datetime64, n: int) -> np.ndarray:
    return lo + (rng.random(n) * (hi - lo).astype(int)).astype(int)


def make_exporters(rng: np.random.Generator, n: int, n_items: int) -> dict[str, object]:
    """Exporters: identity, kind, sector, size, habits."""
    kind = rng.choice(KINDS, size=n, p=KIND_SHARE)
    sector = rng.choice(SECTORS, size=n, p=SECTOR_SHARE)
    sector[kind == "mineral"] = "metals"
    sector[kind == "ecommerce"] = rng.choice(
        ["consumer", "electronics", "textile"], size=(kind == "ecommerce").sum()
    )
    zh, en, region, phone, addr, ids = [], [], [], [], [], []
    for s in sector:
        name, city, brand, trade = names.chinese_company(rng, str(s))
        zh.append(name)
        en.append(names.english_variants(city, brand, trade))
        region.append(names.CITIES[city])
        phone.append(names.phone(rng, "CN"))
        addr.append(address_cn(rng, city))
        ids.append(uscc(rng, names.CITIES[city]))
    since = _days(rng, np.datetime64("1998-01-01"), START, n)
    new = (kind == "rogue") & (rng.random(n) < 0.5)
    since[new] = _days(rng, START - 120, END - 200, int(new.sum()))
    weight = rng.pareto(1.2, size=n) + 0.2
    weight[kind == "rogue"] *= 0.4
    weight[kind == "mineral"] *= 1.5
    items = np.full((n, 3), -1)
    minerals = np.flatnonzero(kind == "mineral")
    for e in minerals:
        k = int(rng.integers(1, 4))
        items[e, :k] = rng.choice(n_items, size=k, replace=False)
    currency = rng.choice(
        ["USD", "CNY", "EUR", "JPY", "HKD"], size=n, p=[0.74, 0.1, 0.08, 0.04, 0.04]
    )
    return {
        "exp_id": np.array(ids, dtype=object),
        "exp_name_zh": np.array(zh, dtype=object),
        "exp_names_en": en,
        "exp_kind": kind,
        "exp_sector": sector,
        "exp_region": np.array(region, dtype=object),
        "exp_since": since,
        "exp_weight": weight / weight.sum(),
        "exp_currency": currency,
        "exp_english": rng.random(n) < 0.25,
        "exp_phone": np.array(phone, dtype=object),
        "exp_address": np.array(addr, dtype=object),
        "exp_items": items,
        "exp_person": np.zeros(n, dtype=bool),
    }


def make_consignees(rng: np.random.Generator, n: int) -> dict[str, object]:
    """Ordinary and industrial overseas customers."""
    countries = list(DESTINATIONS)
    p = np.array(list(DESTINATIONS.values()), dtype=float)
    country = rng.choice(countries, size=n, p=p / p.sum())
    n_ind = max(20, n // 12)
    ind = list(INDUSTRIAL)
    q = np.array(list(INDUSTRIAL.values()), dtype=float)
    country[:n_ind] = rng.choice(ind, size=n_ind, p=q / q.sum())
    role = np.where(np.arange(n) < n_ind, "industrial", "customer").astype(object)
    return {
        "con_name": np.array([names.foreign_company(rng, str(c)) for c in country], dtype=object),
        "con_country": country.astype(object),
        "con_address": np.array([address_foreign(rng, str(c)) for c in country], dtype=object),
        "con_phone": np.array([names.phone(rng, str(c)) for c in country], dtype=object),
        "con_since": _days(rng, np.datetime64("1990-01-01"), START - 365, n),
        "con_role": role,
        "con_watch": np.full(n, -1),
    }


def customer_lists(
    rng: np.random.Generator, kind: np.ndarray, role: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each exporter's regular customers (flat array with start offsets)."""
    industrial = np.flatnonzero(role == "industrial")
    ordinary = np.flatnonzero(role == "customer")
    sizes = 1 + rng.poisson(3, size=kind.size)
    sizes[kind == "ecommerce"] += 12
    chunks = []
    for k, size in zip(kind, sizes, strict=True):
        pool = industrial if k == "mineral" and rng.random() < 0.8 else ordinary
        chunks.append(rng.choice(pool, size=min(size, pool.size), replace=False))
    start = np.concatenate([[0], np.cumsum([c.size for c in chunks])])
    return start, np.concatenate(chunks)


def make_watch(rng: np.random.Generator, n: int) -> list[dict[str, object]]:
    """Restricted parties: defence-linked companies and procurement agents."""
    out = []
    countries = list(WATCH_COUNTRIES)
    p = np.array(list(WATCH_COUNTRIES.values()))
    for i in range(n):
        country = str(rng.choice(countries, p=p))
        stem = names.foreign_company(rng, country)
        name = stem.replace("Trading", "Defense").replace("Supply", "Aerospace")
        listed = np.datetime64("2022-06-01") + int(rng.integers(0, 1400))
        out.append(
            {
                "idx": i,
                "name": name,
                "alt": [names.respell(rng, name)],
                "country": country,
                "address": address_foreign(rng, country),
                "phone": names.phone(rng, country),
                "listed_at": listed,
                "list": str(
                    rng.choice(
                        [
                            "出口管制管控名单 Export Control Control List",
                            "不可靠实体清单 Unreliable Entity List",
                        ]
                    )
                ),
                "reason": str(
                    rng.choice(
                        [
                            "arms sales to Taiwan",
                            "military end use",
                            "procurement for a listed military end user",
                        ]
                    )
                ),
            }
        )
    return out


def add_consignees(
    actors: dict[str, object],
    rng: np.random.Generator,
    countries: np.ndarray,
    role: str,
    since: np.ndarray,
) -> np.ndarray:
    """Append consignees of one role; returns their indices."""
    start = len(actors["con_name"])  # type: ignore[arg-type]
    new = {
        "con_name": np.array([names.foreign_company(rng, str(c)) for c in countries], dtype=object),
        "con_country": countries.astype(object),
        "con_address": np.array([address_foreign(rng, str(c)) for c in countries], dtype=object),
        "con_phone": np.array([names.phone(rng, str(c)) for c in countries], dtype=object),
        "con_since": since,
        "con_role": np.full(countries.size, role, dtype=object),
        "con_watch": np.full(countries.size, -1),
    }
    for key, value in new.items():
        actors[key] = np.concatenate([actors[key], value])  # type: ignore[list-item]
    return np.arange(start, start + countries.size)


def tie_fronts(
    actors: dict[str, object],
    rng: np.random.Generator,
    fronts: np.ndarray,
    watch: list[dict[str, object]],
    persons: list[dict[str, object]],
    relations: list[tuple[str, str, str, str]],
) -> None:
    """Tie each front to a watchlisted party by a director, an address or a phone."""
    for f in fronts:
        w = watch[int(rng.integers(0, len(watch)))]
        actors["con_watch"][f] = w["idx"]  # type: ignore[index]
        link = rng.choice(["director", "address", "phone"], p=[0.5, 0.25, 0.25])
        if link == "address":
            actors["con_address"][f] = str(w["address"]).upper()  # type: ignore[index]
        elif link == "phone":
            actors["con_phone"][f] = str(w["phone"]).replace(" ", "")  # type: ignore[index]
        else:
            pid = f"P{len(persons):05d}"
            persons.append({"party_id": pid, "name": names.person_foreign(rng)})
            relations.append((pid, f"W{w['idx']:04d}", "director", str(w["listed_at"])))
            relations.append((pid, f"C{int(f):05d}", "director", ""))


def honest_ties(
    actors: dict[str, object],
    rng: np.random.Generator,
    n: int,
    persons: list[dict[str, object]],
    relations: list[tuple[str, str, str, str]],
) -> None:
    """Directors who sit on two honest consignees (groups, nominee directors)."""
    pool = np.flatnonzero(np.isin(actors["con_role"], ["customer", "industrial"]))  # type: ignore[arg-type]
    for _ in range(n):
        a, b = rng.choice(pool, size=2, replace=False)
        pid = f"P{len(persons):05d}"
        persons.append({"party_id": pid, "name": names.person_foreign(rng)})
        relations.append((pid, f"C{int(a):05d}", "director", ""))
        relations.append((pid, f"C{int(b):05d}", "director", ""))


def build_actors(rng: np.random.Generator, lines: int, n_items: int) -> Actors:
    """The whole cast for a world of ``lines`` declaration lines."""
    n_exp = max(120, lines // 70)
    n_con = max(200, lines // 25)
    parts: dict[str, Any] = make_exporters(rng, n_exp, n_items)
    parts.update(make_consignees(rng, n_con))
    start, flat = customer_lists(rng, parts["exp_kind"], parts["con_role"])
    watch = make_watch(rng, max(60, lines // 1500))
    persons: list[dict[str, object]] = []
    relations: list[tuple[str, str, str, str]] = []
    n_front = max(8, lines // 6000)
    front_since = _days(rng, START - 60, END - 240, n_front)
    fronts = add_consignees(parts, rng, rng.choice(HUBS, size=n_front), "front", front_since)
    tie_fronts(parts, rng, fronts, watch, persons, relations)
    n_mag = max(3, lines // 30000)
    add_consignees(
        parts, rng, rng.choice(HUBS, size=n_mag), "magpie", _days(rng, START - 700, START, n_mag)
    )
    n_ring = max(3, lines // 25000)
    add_consignees(
        parts,
        rng,
        rng.choice(["HK", "KR", "JP", "US", "AE", "TH"], size=n_ring),
        "ring",
        _days(rng, START - 3000, START, n_ring),
    )
    honest_ties(parts, rng, max(10, n_con // 40), persons, relations)
    return Actors(
        cus_start=start, cus_flat=flat, watch=watch, persons=persons, relations=relations, **parts
    )


def add_senders(
    actors: Actors,
    rng: np.random.Generator,
    n: int,
    person_share: float,
    phone: str | None = None,
    address: str | None = None,
) -> np.ndarray:
    """Append small senders (sole traders, individuals, shells); returns their indices.

    Senders of one ring share ``phone`` and ``address`` (the organiser's), which is what
    ties them together in the parties table.
    """
    start = actors.exp_id.size
    ids, zh, en, region, phones, addrs = [], [], [], [], [], []
    person = rng.random(n) < person_share
    for is_person in person:
        city = str(rng.choice(["深圳", "广州", "东莞", "义乌", "赣州", "郴州"]))
        code = names.CITIES[city]
        if is_person:
            name, latin = names.person_zh(rng)
            ids.append(resident_id(rng, code))
            zh.append(name)
            en.append([latin])
        else:
            name, city, brand, trade = names.chinese_company(rng, "consumer")
            ids.append(uscc(rng, code))
            zh.append(name)
            en.append(names.english_variants(city, brand, trade))
        region.append(code)
        phones.append(phone or names.phone(rng, "CN"))
        addrs.append(address or address_cn(rng, city))
    since = _days(rng, START - 400, END - 150, n)
    actors.exp_id = np.concatenate([actors.exp_id, np.array(ids, dtype=object)])
    actors.exp_name_zh = np.concatenate([actors.exp_name_zh, np.array(zh, dtype=object)])
    actors.exp_names_en.extend(en)
    actors.exp_kind = np.concatenate([actors.exp_kind, np.full(n, "sender", dtype=object)])
    actors.exp_sector = np.concatenate([actors.exp_sector, np.full(n, "consumer", dtype=object)])
    actors.exp_region = np.concatenate([actors.exp_region, np.array(region, dtype=object)])
    actors.exp_since = np.concatenate([actors.exp_since, since])
    actors.exp_weight = np.concatenate([actors.exp_weight, np.zeros(n)])
    actors.exp_currency = np.concatenate([actors.exp_currency, np.full(n, "CNY", dtype=object)])
    actors.exp_english = np.concatenate([actors.exp_english, np.zeros(n, dtype=bool)])
    actors.exp_phone = np.concatenate([actors.exp_phone, np.array(phones, dtype=object)])
    actors.exp_address = np.concatenate([actors.exp_address, np.array(addrs, dtype=object)])
    actors.exp_items = np.concatenate([actors.exp_items, np.full((n, 3), -1)])
    actors.exp_person = np.concatenate([actors.exp_person, person])
    return np.arange(start, start + n)
