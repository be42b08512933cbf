"""Who trades: exporters (a few state groups and traders ship most lines, then a long
tail), overseas consignees, watchlisted parties, transit fronts and parcel senders.

Everything here is small (hundreds to a few thousand parties), so it is built with plain
Python per party; the per-line work in :mod:`.shipments` is vectorised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fourthworld import names

START = dt.date(2024, 1, 1)
DAYS = 912  # to 2026-06-30

#: Consignee countries and their weight in ordinary trade.
COUNTRIES: dict[str, float] = {
    "US": 14,
    "JP": 10,
    "KR": 9,
    "DE": 7,
    "NL": 5,
    "VN": 7,
    "TH": 4,
    "MY": 4,
    "IN": 6,
    "SG": 3,
    "HK": 6,
    "TW": 3,
    "AE": 3,
    "TR": 2,
    "RU": 4,
    "KZ": 2,
    "BR": 3,
    "MX": 3,
    "AU": 3,
    "GB": 3,
    "FR": 2,
    "IT": 2,
    "ID": 3,
    "KG": 1,
    "RS": 1,
}
#: Where controlled goods are moved on from (imports surged after the controls).
TRANSIT = ("TH", "VN", "MY", "AE", "TR", "KZ", "KG", "RS", "IN")

#: Region code -> (sea ports, airport).
REGION_PORTS: dict[str, tuple[tuple[str, ...], str]] = {
    "44": (("CNSHK", "CNNSA"), "CNCAN"),
    "43": (("CNSHA", "CNNSA"), "CNCAN"),
    "36": (("CNXMN", "CNSHK"), "CNCAN"),
    "35": (("CNXMN",), "CNPVG"),
    "33": (("CNNGB", "CNSHA"), "CNPVG"),
    "32": (("CNSHA", "CNLYG"), "CNPVG"),
    "12": (("CNTXG",), "CNPEK"),
    "15": (("CNTXG",), "CNPEK"),
    "37": (("CNTXG", "CNLYG"), "CNPEK"),
    "41": (("CNLYG", "CNTXG"), "CNPEK"),
    "21": (("CNDLC",), "CNPEK"),
    "45": (("CNQZH",), "CNKMG"),
    "53": (("CNQZH",), "CNKMG"),
    "51": (("CNSHA",), "CNCTU"),
    "65": (("CNLYG",), "CNCTU"),
}


@dataclass
class Parties:
    """Every party of the world and the rows the parties/relations tables will hold."""

    exporters: pl.DataFrame
    consignees: pl.DataFrame
    watchlist: pl.DataFrame
    party_rows: list[dict[str, object]] = field(default_factory=list)
    relation_rows: list[dict[str, object]] = field(default_factory=list)
    next_id: int = 0

    def new_party(self, kind: str, **row: object) -> str:
        """Add a row to the parties table; its id in this world's own format."""
        self.next_id += 1
        party_id = f"{'QY' if kind == 'company' else 'ZR'}{self.next_id:08d}"
        self.party_rows.append({"party_id": party_id, "kind": kind, **row})
        return party_id

    def relate(self, src: str, dst: str, relation: str, since: dt.date | None = None) -> None:
        self.relation_rows.append(
            {"src_party_id": src, "dst_party_id": dst, "relation": relation, "since": since}
        )


def _phone(rng: np.random.Generator, country: str) -> str:
    prefix = {"CN": "+86 1", "HK": "+852 ", "TW": "+886 9", "US": "+1 "}.get(country, "+")
    return f"{prefix}{rng.integers(10**8, 10**9 - 1)}"


def _address(rng: np.random.Generator, country: str) -> str:
    streets = (
        "Industrial Rd",
        "Harbour Rd",
        "Sukhumvit Rd",
        "Jalan Ampang",
        "Sheikh Zayed Rd",
        "Abay Ave",
        "Nguyen Van Linh",
        "Main St",
        "Ring Rd",
        "Free Zone Blvd",
    )
    return f"No.{rng.integers(1, 400)} {streets[rng.integers(len(streets))]}, {country}"


def make_exporters(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Exporters ranked by size: weights fall as rank^-1.25, so a handful ship most lines.

    Each has a kind, a home region (its ports), a day it starts trading, whether it
    handles controlled goods and how large a share of its lines they are.
    """
    rows = []
    for rank in range(n):
        big = rank < 6
        canonical, variants, region = names.chinese_company(rng, big)
        if rank < 3:
            kind = "state_group"
        elif rank < 12 or rng.random() < 0.1:
            kind = "trader"
        elif rng.random() < 0.12:
            kind = "ecommerce"
        else:
            kind = "maker"
        controlled = kind in ("state_group", "trader") or rng.random() < 0.18
        use_uscc = rank < 40 or rng.random() < 0.6
        rows.append(
            {
                "exporter_id": (names.credit_code if use_uscc else names.customs_code)(rng, region),
                "name": canonical,
                "variants": variants,
                "region": region,
                "kind": kind,
                "weight": (rank + 1) ** -1.25,
                "start_day": 0
                if rank < 30 or rng.random() < 0.7
                else int(rng.integers(0, DAYS - 90)),
                "controlled_share": float(rng.uniform(0.08, 0.4)) if controlled else 0.0,
                "incorporated_at": START - dt.timedelta(days=int(rng.integers(400, 9000))),
            }
        )
    return pl.DataFrame(rows).unique("exporter_id", maintain_order=True).with_row_index("exporter")


def make_consignees(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Overseas consignees of ordinary trade, weighted by country."""
    countries = list(COUNTRIES)
    p = np.array(list(COUNTRIES.values()), dtype=float)
    picks = rng.choice(len(countries), size=n, p=p / p.sum())
    rows = []
    for i in picks:
        country = countries[i]
        if country in ("HK", "TW"):
            canonical, variants, _ = names.greater_china_company(rng, country)
        else:
            canonical, variants = names.foreign_company(rng, country)
        rows.append(
            {
                "name": canonical,
                "variants": variants,
                "country": country,
                "address": _address(rng, country),
                "front": False,
                "incorporated_at": START - dt.timedelta(days=int(rng.integers(200, 8000))),
            }
        )
    return pl.DataFrame(rows).with_row_index("consignee")


def make_watchlist(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Restricted parties: US and Japanese military end users, Taiwan defence suppliers,
    Hong Kong and third-country procurement fronts. Aliases cover some spellings only."""
    rows = []
    for k in range(n):
        where = ("US", "US", "US", "JP", "TW", "TW", "HK", "AE", "TR", "RU")[k % 10]
        if where in ("HK", "TW"):
            canonical, variants, aliases = names.greater_china_company(rng, where)
        else:
            canonical, variants = names.foreign_company(rng, where)
            aliases = variants[2:3]
        listed = START + dt.timedelta(days=int(rng.integers(-700, DAYS - 120)))
        rows.append(
            {
                "list": ("出口管制管控名单", "不可靠实体清单", "内部风险名单")[k % 3],
                "name": canonical,
                "alt_names": ";".join(aliases),
                "variants": variants,
                "kind": "company",
                "country": where,
                "listed_at": listed,
                "military": where in ("US", "JP"),
                "reason": "军事最终用户" if where in ("US", "JP") else "参与转运受控物项",
            }
        )
    return pl.DataFrame(rows).with_row_index("listed")


def register_exporters(parties: Parties, rng: np.random.Generator) -> None:
    """The parties table knows the big exporters and a minority of the rest, often under
    another spelling than the declarations use; some group companies share a phone."""
    shared_phone = _phone(rng, "CN")
    for row in parties.exporters.iter_rows(named=True):
        if row["exporter"] >= 15 and rng.random() > 0.3:
            continue
        variants = row["variants"]
        parties.new_party(
            "company",
            name=variants[int(rng.integers(len(variants)))],
            alt_names=";".join(variants[2:4]),
            country="CN",
            phone=shared_phone if row["kind"] == "state_group" else _phone(rng, "CN"),
            registration_id=row["exporter_id"],
            incorporated_at=row["incorporated_at"],
        )


def register_watchlisted(parties: Parties, rng: np.random.Generator) -> dict[int, dict[str, str]]:
    """Watchlisted companies as parties, each with a director, phone and address that a
    front may share; returns per listed index the ids and contact details."""
    links: dict[int, dict[str, str]] = {}
    for row in parties.watchlist.iter_rows(named=True):
        phone, address = _phone(rng, row["country"]), _address(rng, row["country"])
        company = parties.new_party(
            "company",
            name=row["variants"][0],
            country=row["country"],
            phone=phone,
            address=address,
        )
        zh, latin = names.person(rng)
        director = parties.new_party("person", name=latin, alt_names=zh, country=row["country"])
        parties.relate(director, company, "director")
        links[row["listed"]] = {
            "company": company,
            "director": director,
            "phone": phone,
            "address": address,
        }
    return links


def make_fronts(
    rng: np.random.Generator, parties: Parties, n: int, links: dict[int, dict[str, str]]
) -> pl.DataFrame:
    """Newly incorporated consignees in transit countries, tied to a watchlisted party by
    a shared director, address or phone (recorded in parties/relations only)."""
    rows = []
    listed = list(links)
    for k in range(n):
        country = TRANSIT[k % len(TRANSIT)]
        canonical, variants = names.foreign_company(rng, country)
        first_day = int(rng.integers(200, DAYS - 60))
        incorporated = START + dt.timedelta(days=first_day - int(rng.integers(30, 240)))
        link = links[listed[int(rng.integers(len(listed)))]]
        how = ("director", "address", "phone")[k % 3]
        party = parties.new_party(
            "company",
            name=variants[int(rng.integers(len(variants)))],
            country=country,
            incorporated_at=incorporated,
            address=link["address"] if how == "address" else _address(rng, country),
            phone=link["phone"] if how == "phone" else _phone(rng, country),
        )
        if how == "director":
            parties.relate(link["director"], party, "director", incorporated)
        rows.append(
            {
                "name": canonical,
                "variants": variants,
                "country": country,
                "address": _address(rng, country),
                "front": True,
                "incorporated_at": incorporated,
                "first_day": first_day,
            }
        )
    return pl.DataFrame(rows)


def register_honest_foreign(parties: Parties, rng: np.random.Generator, share: float) -> None:
    """Some honest consignees in the parties table too, a few newly incorporated, with
    directors of their own (so a new company with a director is not proof of anything)."""
    for row in parties.consignees.iter_rows(named=True):
        if rng.random() > share:
            continue
        party = parties.new_party(
            "company",
            name=row["variants"][int(rng.integers(len(row["variants"])))],
            country=row["country"],
            address=row["address"],
            phone=_phone(rng, row["country"]),
            incorporated_at=row["incorporated_at"],
        )
        if rng.random() < 0.5:
            zh, latin = names.person(rng)
            director = parties.new_party("person", name=latin, alt_names=zh)
            parties.relate(director, party, "director")


def make_senders(rng: np.random.Generator, parties: Parties, groups: int) -> pl.DataFrame:
    """Individuals who send parcels, in groups of eight sharing a phone and an address
    (in the parties table only); they are exporters registered under resident ids."""
    rows = []
    for g in range(groups):
        phone, address = _phone(rng, "CN"), f"深圳市龙岗区{rng.integers(1, 300)}号"
        for _ in range(8):
            zh, latin = names.person(rng)
            region = "44"
            rid = names.resident_id(rng, region)
            parties.new_party(
                "person",
                name=zh,
                alt_names=latin,
                country="CN",
                registration_id=rid,
                phone=phone if rng.random() < 0.8 else _phone(rng, "CN"),
                address=address if rng.random() < 0.7 else None,
            )
            rows.append(
                {
                    "exporter_id": rid,
                    "name": zh,
                    "variants": [zh, latin, zh],
                    "region": region,
                    "kind": "individual",
                    "weight": 0.0,
                    "start_day": 0,
                    "controlled_share": 0.0,
                    "incorporated_at": None,
                    "group": g,
                }
            )
    return pl.DataFrame(rows)
