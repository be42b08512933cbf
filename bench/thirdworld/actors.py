"""Who trades: exporters (a few organised networks among many ordinary firms), parcel
senders, consignees abroad, front companies in transit hubs, and the restricted parties
behind them.

Everything here is per party (hundreds to a few thousand rows), built from arrays. The
networks are the point: fraud in this world is concentrated in a handful of exporter
groups that share people, addresses and phones, and relay through young front companies
whose directors also sit on listed companies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

from orewatch.contract import ids
from thirdworld import names
from thirdworld.goods import DESTINATIONS, HUBS

START = dt.date(2024, 6, 1)
END = dt.date(2026, 9, 30)
SECTORS = (
    "metals",
    "chemicals",
    "minerals",
    "building",
    "machinery",
    "consumer",
    "electronics",
    "agro",
    "trading",
)
SECTOR_WEIGHTS = (0.10, 0.08, 0.04, 0.14, 0.15, 0.2, 0.14, 0.05, 0.10)
USCC_ORG = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@dataclass(frozen=True)
class Cast:
    """All parties of a world, as frames keyed by their own ids."""

    exporters: pl.DataFrame  # exporter_id, name_zh, name_en, sector, region, profile, network, ...
    consignees: pl.DataFrame  # consignee_key, name, country, address, phone, incorporated_at, kind
    persons: pl.DataFrame  # person_id, name_zh, name_en, phone, address
    watchlist: pl.DataFrame
    relations: pl.DataFrame


def day(value: dt.date) -> int:
    """Days since the epoch (how dates travel in arrays here)."""
    return (value - dt.date(1970, 1, 1)).days


def uscc(rng: np.random.Generator, regions: np.ndarray) -> np.ndarray:
    """Unified social credit codes with a correct check character (91 = enterprise)."""
    body = rng.integers(0, len(USCC_ORG), (len(regions), 9))
    alphabet = np.array(list(USCC_ORG))
    org = np.array(["".join(row) for row in alphabet[body]], dtype=object)
    first = names.join(np.full(len(regions), "91", dtype=object), regions.astype(object), org)
    return np.array([f + ids.uscc_check_char(f) for f in first], dtype=object)


def resident_ids(rng: np.random.Generator, regions: np.ndarray) -> np.ndarray:
    """Resident identity numbers (GB 11643) with real birth dates and check digits."""
    # numpy multiplies an integer array by a timedelta (a timedelta64 array); its types do not.
    born = dt.date(1965, 1, 1) + rng.integers(0, 12_000, len(regions)) * dt.timedelta(days=1)  # type: ignore[operator]
    seq = rng.integers(100, 999, len(regions))
    first = [f"{r}{b:%Y%m%d}{s}" for r, b, s in zip(regions, born, seq, strict=True)]
    return np.array([f + ids.resident_check_char(f) for f in first], dtype=object)


def customs_codes(rng: np.random.Generator, regions: np.ndarray) -> np.ndarray:
    """Ten-digit customs registration codes (older firms still declare under them)."""
    tail = rng.integers(0, 10**4, len(regions))
    return np.array([f"{r[:4]}96{t:04d}" for r, t in zip(regions, tail, strict=True)], dtype=object)


def unique_names(rng: np.random.Generator, sectors: np.ndarray) -> tuple[np.ndarray, ...]:
    """Chinese company names, redrawn until no two firms share one."""
    zh, en, region = names.chinese_companies(rng, sectors)
    for _ in range(20):
        dup = pl.Series(zh).is_duplicated().to_numpy()
        if not dup.any():
            break
        z2, e2, r2 = names.chinese_companies(rng, sectors[dup])
        zh[dup], en[dup], region[dup] = z2, e2, r2
    return zh, en, region


def make_exporters(rng: np.random.Generator, n: int, n_networks: int) -> pl.DataFrame:
    """Ordinary exporters plus ``n_networks`` groups of 3-5 young firms run together."""
    sizes = rng.integers(3, 6, n_networks)
    n_net = int(sizes.sum())
    sector = rng.choice(SECTORS, n, p=SECTOR_WEIGHTS).astype(object)
    network = np.full(n, -1)
    net_rows = rng.choice(n, n_net, replace=False)
    network[net_rows] = np.repeat(np.arange(n_networks), sizes)
    sector[net_rows] = rng.choice(["metals", "trading", "chemicals"], n_net).astype(object)
    zh, en, region = unique_names(rng, sector)
    profile = np.where(np.isin(sector, ["metals", "chemicals", "minerals"]), "metals", "bulk")
    profile = np.where((sector == "consumer") & (rng.random(n) < 0.35), "parcel", profile)
    profile = np.where(
        (sector == "trading"),
        rng.choice(["metals", "bulk", "parcel"], n, p=[0.3, 0.5, 0.2]),
        profile,
    )
    profile[net_rows] = "metals"
    kind = rng.choice(["uscc", "customs"], n, p=[0.88, 0.12])
    kind[net_rows] = "uscc"
    exporter_id = np.where(kind == "uscc", uscc(rng, region), customs_codes(rng, region))
    incorporated = day(dt.date(1998, 1, 1)) + rng.integers(0, 9000, n)
    incorporated[net_rows] = day(dt.date(2023, 6, 1)) + rng.integers(0, 600, n_net)
    # exporters' histories: most trade through the period, some start or stop inside it
    first = np.maximum(incorporated + 30, day(START) - 400)
    late = rng.random(n) < 0.2
    first[late] = day(START) + rng.integers(0, day(END) - day(START) - 120, int(late.sum()))
    first[net_rows] = np.maximum(
        incorporated[net_rows] + 20, day(START) + rng.integers(0, 200, n_net)
    )
    last = np.full(n, day(END))
    stop = rng.random(n) < 0.08
    last[stop] = np.maximum(first[stop] + 120, day(END) - rng.integers(60, 500, int(stop.sum())))
    activity = rng.pareto(1.3, n) + 0.2
    activity[net_rows] *= 0.6
    return pl.DataFrame(
        {
            "exporter_id": exporter_id.astype(str),
            "name_zh": zh.astype(str),
            "name_en": en.astype(str),
            "sector": sector.astype(str),
            "region": region.astype(str),
            "profile": profile.astype(str),
            "network": network,
            "incorporated": incorporated,
            "first": first,
            "last": last,
            "activity": activity,
            "fills_end_user": rng.random(n) < 0.85,
        }
    )


def make_consignees(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Ordinary buyers abroad, in proportion to trade with each country."""
    countries = np.array(list(DESTINATIONS))
    weights = np.array(list(DESTINATIONS.values()), dtype=float)
    country = rng.choice(countries, n, p=weights / weights.sum()).astype(object)
    return consignee_frame(rng, country, "buyer", day(dt.date(1990, 1, 1)), 11_000)


def consignee_frame(
    rng: np.random.Generator, country: np.ndarray, kind: str, born_from: int, born_span: int
) -> pl.DataFrame:
    """Consignees of one kind with names, addresses, phones and incorporation days."""
    n = len(country)
    return pl.DataFrame(
        {
            "name": names.foreign_companies(rng, country).astype(str),
            "country": country.astype(str),
            "address": names.addresses(rng, country).astype(str),
            "phone": names.phones(rng, country).astype(str),
            "incorporated": born_from + rng.integers(0, max(born_span, 1), n),
            "kind": np.full(n, kind),
        }
    )


def make_fronts(rng: np.random.Generator, n_networks: int) -> pl.DataFrame:
    """Two to four front consignees per network in transit hubs, incorporated lately."""
    per = rng.integers(2, 5, n_networks)
    network = np.repeat(np.arange(n_networks), per)
    country = rng.choice(HUBS, len(network)).astype(object)
    frame = consignee_frame(rng, country, "front", day(dt.date(2024, 8, 1)), 420)
    return frame.with_columns(pl.Series("network", network))


def make_watchlist(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Restricted parties (control list, unreliable entities), listed over several years."""
    country = rng.choice(["US", "US", "US", "RU", "AE", "TR", "JP", "TW", "GB", "IN"], n)
    name = names.foreign_companies(rng, country.astype(object))
    name = np.char.replace(name.astype(str), "Trading", "Defense")
    alt = names.sloppy(rng, name.astype(object), 1.0)
    listed = day(dt.date(2023, 1, 1)) + rng.integers(
        0, day(dt.date(2026, 6, 30)) - day(dt.date(2023, 1, 1)), n
    )
    lists = rng.choice(
        ["MOFCOM export control control list", "Unreliable entity list", "MOFCOM watch list"],
        n,
        p=[0.6, 0.25, 0.15],
    )
    return pl.DataFrame(
        {
            "list": lists,
            "name": name,
            "alt_names": alt.astype(str),
            "kind": "company",
            "country": country,
            "address": names.addresses(rng, country.astype(object)).astype(str),
            "listed": listed,
            "reason": np.where(
                lists == "MOFCOM watch list", "end-use not verifiable", "military end user"
            ),
        }
    )


def make_persons(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """People: legal representatives, directors, parcel senders (all with Chinese names)."""
    zh, en = names.chinese_people(rng, n)
    region = rng.choice([c[2] for c in names.CITIES], n)
    cn = np.full(n, "CN", dtype=object)
    return pl.DataFrame(
        {
            "person_id": resident_ids(rng, region).astype(str),
            "name_zh": zh.astype(str),
            "name_en": en.astype(str),
            "phone": names.phones(rng, cn).astype(str),
            "address": names.join(
                np.array([c[0] for c in names.CITIES], dtype=object)[
                    rng.integers(0, len(names.CITIES), n)
                ],
                rng.integers(1, 300, n).astype(str).astype(object),
                np.full(n, "号", dtype=object),
            ).astype(str),
        }
    )
