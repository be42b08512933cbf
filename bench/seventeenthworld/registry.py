"""Parties, relations and the watch list, from the books.

The listed parties are seeded before any ring runs (relay rings recruit them), with the
honest traps around them: buyers whose names echo a listed firm, and buyers in the same
office building. After the rings have run, every person, company and buyer becomes a
party with a party id in no telling order (Chinese companies keep their credit code as
id, people and foreign firms get shuffled numbers), so that neither an id's size nor its
position says when or why it was registered.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import names
from .books import Books
from .idents import uscc
from .places import REGIONS
from .population import make_consignee, make_person
from .timeline import DAYS, day, iso

CONTROL_LIST = "MOFCOM export control control list (出口管制管控名单)"
UNRELIABLE = "MOFCOM unreliable entity list (不可靠实体清单)"
CREDIT_LIST = "GACC customs credit: dishonest enterprises (海关失信企业名单)"
LISTING_DATES = (
    "2023-02-16",
    "2024-10-09",
    "2025-01-02",
    "2025-02-04",
    "2025-03-04",
    "2025-04-09",
    "2025-10-09",
    "2026-01-06",
)
LISTED_SECTORS = (
    "Defense Systems",
    "Aerospace",
    "Dynamics",
    "Ordnance",
    "Missile Technologies",
    "Tactical Systems",
    "Avionics",
    "Armaments",
)


def seed_watchlist(rng: np.random.Generator, books: Books, scale: int) -> None:
    """Foreign listed parties (and people behind them), with look-alike honest buyers."""
    n = max(12, min(60, scale // 2000 + 12))
    listed: list[int] = []
    for k in range(n):
        country = str(rng.choice(["US", "US", "US", "TW", "JP", "GB", "IL"]))
        sec = LISTED_SECTORS[int(rng.integers(0, len(LISTED_SECTORS)))]
        when = day(LISTING_DATES[int(rng.integers(0, len(LISTING_DATES)))])
        if country == "JP":
            when = day("2026-01-06")
        c = make_consignee(
            rng, books, country, "listed", sec, incorporated=-int(rng.integers(2000, 12000))
        )
        cons = books.consignees[c]
        listed.append(c)
        alt = [
            cons.name.upper(),
            cons.name.replace(" Inc.", " Incorporated").replace(" Ltd.", " Limited"),
        ]
        books.watch.append(
            (
                UNRELIABLE if k % 3 == 0 else CONTROL_LIST,
                cons.name,
                ";".join(sorted(set(a for a in alt if a != cons.name))),
                "company",
                country,
                cons.address,
                cons.registration,
                when,
                "military end user; dual-use items",
            )
        )
        if k % 4 == 0:
            p = make_person(rng, books, "", country)
            person = books.persons[p]
            books.relate(books.person_party(p), books.consignee_party(c), "director", -1000)
            books.watch.append(
                (
                    CONTROL_LIST,
                    person.name_en,
                    "",
                    "person",
                    country,
                    person.address,
                    "",
                    when,
                    "director of a listed military end user",
                )
            )
    # honest traps: civilian affiliates of listed firms buying ordinary goods, echoes of
    # listed names, and neighbours in the same building
    licensed_buyers = {c for e in books.exporters if e.profile == "licensed" for c in e.consignees}
    buyers = [
        i
        for i, c in enumerate(books.consignees)
        if c.kind in ("end_user", "distributor") and i not in licensed_buyers
    ]
    for k in range(min(len(buyers), max(3, n // 5))):
        affiliate = buyers[int(rng.integers(0, len(buyers)))]
        books.relate(
            books.consignee_party(listed[k % len(listed)]),
            books.consignee_party(affiliate),
            str(rng.choice(["shareholder", "owner"])),
            -int(rng.integers(200, 4000)),
            float(np.round(rng.uniform(0.2, 1.0), 2)),
        )
    for k in range(min(len(buyers), max(4, n // 3))):
        victim = books.consignees[buyers[int(rng.integers(0, len(buyers)))]]
        model = books.consignees[listed[k % len(listed)]]
        root = model.name.split(" ")[0]
        if k % 2 == 0:
            sec = names.SECTORS_BUY[int(rng.integers(0, len(names.SECTORS_BUY)))]
            victim.name = f"{root} {sec} {victim.name.split(' ')[-1]}"
        elif victim.country == model.country:
            victim.address = model.address
        else:
            victim.address = names.foreign_address(rng, victim.country)


def credit_list_honest(rng: np.random.Generator, books: Books) -> None:
    """A few honest exporters are on the customs credit list for ordinary customs
    offences (late duties, repeated ordinary misdeclaration): nothing to do with controls."""
    honest = [i for i, e in enumerate(books.exporters) if e.ring < 0 and e.kind == "company"]
    for i in rng.choice(len(honest), max(2, len(honest) // 250), replace=False):
        e = books.exporters[honest[int(i)]]
        books.watch.append(
            (
                CREDIT_LIST,
                e.name_zh,
                e.name_en,
                "company",
                "CN",
                e.address,
                e.uscc,
                int(rng.integers(-300, DAYS - 10)),
                str(
                    rng.choice(
                        [
                            "逾期缴纳税款 overdue duties",
                            "多次申报不实 repeated misdeclaration of ordinary goods",
                        ]
                    )
                ),
            )
        )


def honest_relations(rng: np.random.Generator, books: Books) -> None:
    """The registry around honest trade: owners and directors, changes of legal
    representative, brokers acting for exporters, export agents and group treasuries,
    border residents in mutual-aid groups, parents owning and paying for buyers abroad."""
    honest = [i for i, e in enumerate(books.exporters) if e.ring < 0]
    for i in honest:
        e = books.exporters[i]
        party = books.party_of_exporter(i)
        if e.kind == "person":
            continue
        u = rng.random()
        if u < 0.3:  # the legal representative owns the company
            share = float(np.round(rng.uniform(0.5, 1.0), 2))
            books.relate(books.person_party(e.rep), party, "owner", e.incorporated, share)
        elif u < 0.4:
            director = make_person(rng, books, REGIONS[e.region].code)
            books.relate(books.person_party(director), party, "director", e.incorporated + 30)
        elif u < 0.44:  # a new legal representative took over during the window
            successor = make_person(rng, books, REGIONS[e.region].code)
            books.relate(
                books.person_party(successor),
                party,
                "legal_representative",
                int(rng.integers(0, DAYS - 30)),
            )
        if e.brokers and e.brokers[0] >= 0 and rng.random() < 0.25:
            b = books.brokers[e.brokers[0]]
            books.relate(b.uscc, party, "agent", max(e.incorporated, -200))
    # domestic export agents (外贸代理) and group treasuries that pay for exporters
    for _ in range(max(3, len(honest) // 50)):
        region = int(rng.integers(0, len(REGIONS)))
        code = uscc(rng, REGIONS[region].code)
        zh, en = names.chinese_company(rng, REGIONS[region].zh, REGIONS[region].en, "trader")
        books.domestic.append((code, zh, en, region, -int(rng.integers(300, 5000))))
        rep = make_person(rng, books, REGIONS[region].code)
        books.relate(books.person_party(rep), code, "legal_representative", -300)
        for k in rng.choice(len(honest), int(rng.integers(1, 5)), replace=False):
            e = books.exporters[honest[int(k)]]
            rel = str(rng.choice(["agent", "payer", "shareholder"]))
            share = (
                float(np.round(rng.uniform(0.1, 0.6), 2)) if rel == "shareholder" else float("nan")
            )
            books.relate(
                code,
                books.party_of_exporter(honest[int(k)]),
                rel,
                max(e.incorporated, -400) + int(rng.integers(0, 300)),
                share,
            )
    # border residents carrying goods belong to mutual-aid groups (边民互助组) run by a
    # local trading company
    border = [i for i in honest if books.exporters[i].kind == "person"]
    rng.shuffle(border)
    for start in range(0, len(border) // 2, 6):
        region = books.exporters[border[start]].region
        code = uscc(rng, REGIONS[region].code)
        zh, en = names.chinese_company(rng, REGIONS[region].zh, REGIONS[region].en, "trader")
        books.domestic.append((code, zh, en, region, -int(rng.integers(300, 3000))))
        for member in border[start : start + 6]:
            rep = books.exporters[member].rep
            books.relate(books.person_party(rep), code, "employee", -int(rng.integers(10, 600)))
    buyers = [i for i, c in enumerate(books.consignees) if c.kind in ("end_user", "distributor")]
    for _ in range(max(3, len(buyers) // 25)):
        child = buyers[int(rng.integers(0, len(buyers)))]
        country = str(rng.choice(["US", "JP", "DE", "HK", "SG", "KR", "GB"]))
        parent = make_consignee(rng, books, country, "parent", "Holdings")
        since = -int(rng.integers(100, 3000))
        books.relate(
            books.consignee_party(parent),
            books.consignee_party(child),
            "owner",
            since,
            float(np.round(rng.uniform(0.51, 1.0), 2)),
        )
        if rng.random() < 0.6:
            books.relate(
                books.consignee_party(parent), books.consignee_party(child), "payer", since
            )


class Resolver:
    """Final party ids for the placeholders used while building (``@person``, ``#buyer``)."""

    def __init__(self, rng: np.random.Generator, books: Books) -> None:
        people = rng.permutation(len(books.persons)) + 1_000_001
        buyers = rng.permutation(len(books.consignees)) + 2_000_001
        for i, p in enumerate(books.persons):
            p.party_id = f"H{people[i]}"
        for i, c in enumerate(books.consignees):
            c.party_id = f"F{buyers[i]}"
        self.books = books

    def __call__(self, pid: str) -> str:
        if pid.startswith("@"):
            return self.books.persons[int(pid[1:])].party_id
        if pid.startswith("#"):
            return self.books.consignees[int(pid[1:])].party_id
        return pid


def _email(name_en: str, rng: np.random.Generator) -> str:
    word = "".join(ch for ch in name_en.split(" ")[0].lower() if ch.isalpha())[:12] or "info"
    box = ("sales", "info", "export", "trade")[int(rng.integers(0, 4))]
    return f"{box}@{word}{int(rng.integers(1, 99))}.com"


def parties_table(
    rng: np.random.Generator, books: Books, resolve: Resolver, noise: float
) -> pl.DataFrame:
    rows: list[tuple[str, str, str, str, str, str, str, str, str, str]] = []
    seen: set[str] = set()

    def add(
        pid: str,
        kind: str,
        name: str,
        alt: str,
        country: str,
        address: str,
        phone: str,
        email: str,
        reg: str,
        inc: int | None,
    ) -> None:
        if pid in seen:
            return
        seen.add(pid)
        rows.append(
            (
                pid,
                kind,
                name,
                alt,
                country,
                address,
                phone,
                email,
                reg,
                iso(inc) if inc is not None else "",
            )
        )

    for e in books.exporters:
        if e.kind == "person":
            continue
        alt = e.name_en if rng.random() > noise * 0.5 else ""
        add(
            e.uscc,
            "company",
            e.name_zh,
            alt,
            "CN",
            e.address,
            e.phone,
            _email(e.name_en, rng),
            e.uscc,
            e.incorporated,
        )
    for b in books.brokers:
        add(
            b.uscc,
            "company",
            b.name_zh,
            "",
            "CN",
            "",
            "",
            "",
            b.uscc,
            -int(rng.integers(500, 6000)),
        )
    for code, zh, en, _region, inc in books.domestic:
        add(code, "company", zh, en, "CN", "", "", "", code, inc)
    for p in books.persons:
        alt = p.name_en if p.country == "CN" else ""
        add(
            p.party_id,
            "person",
            p.name_zh if p.country == "CN" else p.name_en,
            alt,
            p.country,
            p.address,
            p.phone,
            "",
            p.rid if p.country == "CN" else "",
            None,
        )
    for c in books.consignees:
        kind = "person" if c.kind == "private" else "company"
        alt = names.name_variant(rng, c.name) if rng.random() < 0.2 else ""
        add(
            c.party_id,
            kind,
            c.name,
            alt if alt != c.name else "",
            c.country,
            c.address,
            "",
            "",
            c.registration,
            c.incorporated if kind == "company" else None,
        )
    frame = pl.DataFrame(
        rows,
        schema=[
            "party_id",
            "kind",
            "name",
            "alt_names",
            "country",
            "address",
            "phone",
            "email",
            "registration_id",
            "incorporated_at",
        ],
        orient="row",
    )
    return frame.sort("party_id")


def relations_table(books: Books, resolve: Resolver) -> pl.DataFrame:
    rows = []
    for src, dst, rel, share, since in books.relations:
        rows.append(
            (resolve(src), resolve(dst), rel, None if np.isnan(share) else float(share), iso(since))
        )
    frame = pl.DataFrame(
        rows,
        schema={
            "src_party_id": pl.String,
            "dst_party_id": pl.String,
            "relation": pl.String,
            "share": pl.Float64,
            "since": pl.String,
        },
        orient="row",
        infer_schema_length=None,
    )
    return frame.unique(maintain_order=True).sort(
        "src_party_id", "dst_party_id", "relation", "since"
    )


def watchlist_table(books: Books) -> pl.DataFrame:
    rows = [
        (lst, name, alt, kind, country, address, reg, iso(listed), reason)
        for lst, name, alt, kind, country, address, reg, listed, reason in books.watch
    ]
    frame = pl.DataFrame(
        rows,
        schema=[
            "list",
            "name",
            "alt_names",
            "kind",
            "country",
            "address",
            "registration_id",
            "listed_at",
            "reason",
        ],
        orient="row",
    )
    return frame.sort("list", "listed_at", "name")
