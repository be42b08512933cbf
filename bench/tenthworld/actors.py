"""Who trades: exporters with histories, overseas consignees, forwarders and the
smuggling networks with their phoenix firms.

A network runs one scheme through a front company. Each time it is caught it dissolves
the front and opens another (a phoenix) with a new name and id that shares a director,
a phone, an address or a bank account with the old one, and changes its playbook: port,
decoy commodity code, transit country, consignee. Playbooks are drawn up front for
``EPOCHS`` generations; ``adapt`` decides which generation each line belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tenthworld import names

EPOCHS = 4
START = np.datetime64("2023-07-01")
END = np.datetime64("2026-09-30")

LEGIT_DEST = (
    "US",
    "JP",
    "KR",
    "DE",
    "NL",
    "GB",
    "FR",
    "IN",
    "VN",
    "TH",
    "MY",
    "AE",
    "BR",
    "AU",
    "MX",
    "TR",
    "SG",
    "ID",
    "PL",
    "RU",
    "SA",
    "ZA",
    "IT",
    "ES",
    "CA",
    "TW",
)
LEGIT_W = np.array(
    [14, 9, 8, 6, 5, 4, 3, 5, 6, 3, 3, 3, 3, 3, 3, 2, 3, 3, 2, 4, 2, 1, 2, 2, 3, 2], dtype=float
)
MINERAL_DEST = ("JP", "KR", "DE", "NL", "US", "IN", "BE", "TW", "FR", "GB")
TRANSIT = ("AE", "MY", "TH", "VN", "MX", "KZ", "TR", "RS", "GE", "SG")


@dataclass
class Exporters:
    """Domestic exporters (honest and fronts): one entry per firm."""

    id: np.ndarray
    zh: np.ndarray
    en: np.ndarray
    alt: np.ndarray
    division: np.ndarray
    city: np.ndarray
    phone: np.ndarray
    address: np.ndarray
    bank: np.ndarray
    director: np.ndarray  # index into people
    founded: np.ndarray
    kind: np.ndarray  # maker, trader, mineral, forwarder, sole, front
    weight: np.ndarray
    parent: np.ndarray  # the firm a phoenix replaces (-1 none)
    shared: np.ndarray  # what the phoenix shares with it


def make_exporters(rng: np.random.Generator, n: int, n_people: int) -> Exporters:
    """Honest exporters: makers, traders, mineral houses, forwarders and sole traders."""
    kind = rng.choice(
        np.array(["maker", "trader", "mineral", "forwarder", "sole"], dtype=object),
        n,
        p=[0.5, 0.3, 0.1, 0.04, 0.06],
    )
    co = names.company_names(rng, n)
    person = names.people(rng, n)
    ids = names.credit_codes(rng, co["division"])
    sole = kind == "sole"
    ids[sole] = names.resident_ids(rng, co["division"][sole])
    zh = co["zh"].copy()
    en = co["en"].copy()
    zh[sole] = np.array([f"{z}（个体工商户）" for z in person["zh"][sole]], dtype=object)
    en[sole] = person["en"][sole]
    city = np.array([c[0] for c in names.CITIES], dtype=object)[
        [next(k for k, c in enumerate(names.CITIES) if c[2] == d) for d in co["division"]]
    ]
    return Exporters(
        id=ids,
        zh=zh,
        en=en,
        alt=names.drift(rng, en),
        division=co["division"],
        city=city,
        phone=names.phones(rng, n),
        address=names.addresses(rng, city),
        bank=np.array([f"6222{x:012d}" for x in rng.integers(0, 10**12, n)], dtype=object),
        director=rng.integers(0, n_people, n),
        founded=START - rng.integers(200, 7000, n),
        kind=kind,
        weight=rng.pareto(1.2, n) + 0.2,
        parent=np.full(n, -1),
        shared=np.full(n, "", dtype=object),
    )


def add_fronts(
    rng: np.random.Generator, ex: Exporters, n_networks: int, n_people: int
) -> np.ndarray:
    """Front companies for each network and generation; the fronts of generation e > 0
    are phoenixes of generation e - 1. Returns an (n_networks, EPOCHS) index array."""
    n = n_networks * EPOCHS
    new = make_exporters(rng, n, n_people)
    new.kind[:] = "front"
    grid = np.arange(n).reshape(n_networks, EPOCHS) + len(ex.id)
    parent = np.full(n, -1)
    shared = np.full(n, "", dtype=object)
    how = names.pick(rng, ("director", "phone", "address", "bank"), n)
    for k in range(n):
        net, e = divmod(k, EPOCHS)
        if e == 0:
            continue
        p = k - 1
        parent[k] = grid[net, e - 1]
        shared[k] = how[k]
        if how[k] == "director":
            new.director[k] = new.director[p]
        elif how[k] == "phone":
            new.phone[k] = new.phone[p]
        elif how[k] == "address":
            new.address[k] = new.address[p]
        else:
            new.bank[k] = new.bank[p]
    new.parent, new.shared = parent, shared
    for f in ex.__dataclass_fields__:
        setattr(ex, f, np.concatenate([getattr(ex, f), getattr(new, f)]))
    return grid


@dataclass
class Consignees:
    """Overseas consignees: name, country, address, when incorporated, watch link."""

    name: np.ndarray
    country: np.ndarray
    address: np.ndarray
    incorporated: np.ndarray
    watch: np.ndarray  # index of a watchlisted party it is linked to (-1 none)
    link: np.ndarray  # director, address, phone


def make_consignees(rng: np.random.Generator, countries: np.ndarray) -> Consignees:
    """Consignees in the given countries, mostly long established."""
    n = len(countries)
    name = names.foreign_names(rng, countries)
    streets = (
        "Harbour Road",
        "Industriestrasse",
        "Jalan Perusahaan",
        "Avenida Central",
        "Business Bay Tower",
        "Chome Kita",
        "Free Zone Block",
        "Logistics Park",
    )
    street = names.pick(rng, streets, n)
    addr = np.array(
        [
            f"{k} {s}, {c}"
            for k, s, c in zip(rng.integers(1, 400, n), street, countries, strict=True)
        ],
        dtype=object,
    )
    return Consignees(
        name=name,
        country=countries.astype(object),
        address=addr,
        incorporated=START - rng.integers(300, 9000, n),
        watch=np.full(n, -1),
        link=np.full(n, "", dtype=object),
    )


def append_consignees(base: Consignees, extra: Consignees) -> np.ndarray:
    """Add ``extra`` to ``base`` in place; the indices they got."""
    start = len(base.name)
    for f in base.__dataclass_fields__:
        setattr(base, f, np.concatenate([getattr(base, f), getattr(extra, f)]))
    return np.arange(start, len(base.name))
