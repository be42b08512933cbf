"""Parties and relations: exporters, consignees, fronts, listed parties and people.

The parties table spells exporters in pinyin/English with the Chinese name among the
alternatives, so it never matches the declarations' spelling exactly. Fronts are tied to
a listed party in one of three ways (a shared director, the same address, the same
telephone number); one front in five has no tie recorded at all. The young senders of
'ant' parcels are registered within weeks of each other and share a telephone or an
address.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from seventhworld.foreign import LISTED
from seventhworld.goods import WORLD_START

PEOPLE = [
    "Ivan Sergeyevich Morozov",
    "Иван Сергеевич Морозов",
    "Aibek Nurlanovich Dzhaksybekov",
    "Ahmad Reza Karimi",
    "Kemal Yıldız",
    "Tanaka Hiroshi",
    "Lee Jae-won",
    "Arman Petrosyan",
    "Dragan Jovanović",
    "Somchai Wongsa",
    "Nikolai Volkov",
    "Giorgi Beridze",
]


def _phone(rng: np.random.Generator, prefix: str, n: int) -> np.ndarray:
    return np.array([f"{prefix}{x}" for x in rng.integers(10**8, 10**9, n)], dtype=object)


def parties(
    rng: np.random.Generator,
    exp: pl.DataFrame,
    cons: pl.DataFrame,
    fronts: pl.DataFrame,
    front_cons: pl.DataFrame,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The parties and relations tables."""
    ne = exp.height
    e_phone = _phone(rng, "+86 ", ne)
    ant = exp["kind"].to_numpy() == "ant"
    cluster = exp["cluster"].fill_null(-1).to_numpy()
    shared = {int(k): str(_phone(rng, "+86 1", 1)[0]) for k in np.unique(cluster[ant])}
    use_shared = ant & (rng.random(ne) < 0.7)
    e_phone[use_shared] = np.array([shared[int(k)] for k in cluster[use_shared]], dtype=object)
    city_addr = exp["zh"].str.slice(0, 3).to_numpy().astype(object) + np.char.add(
        rng.integers(1, 300, ne).astype(str), "号"
    ).astype(object)
    ant_addr = np.array([f"{k % 5 + 1}号楼{k + 101}室 义乌市" for k in cluster], dtype=object)
    addr = np.where(ant & ~use_shared, ant_addr, city_addr)
    exporters = pl.DataFrame(
        {
            "party_id": np.char.add("PX", np.char.zfill(np.arange(ne).astype(str), 5)),
            "kind": "company",
            "name": exp["en"].to_numpy(),
            "alt_names": (exp["zh"] + ";" + exp["alt"]).to_numpy(),
            "country": "CN",
            "address": addr,
            "phone": e_phone,
            "registration_id": exp["exporter_id"].to_numpy(),
            "incorporated_at": [
                str(d - dt.timedelta(days=int(x)))
                for d, x in zip(
                    exp["first_export"].to_list(), rng.integers(20, 2000, ne), strict=True
                )
            ],
        },
        strict=False,
    )
    nc = cons.height
    consignees = pl.DataFrame(
        {
            "party_id": np.char.add("PC", np.char.zfill(np.arange(nc).astype(str), 5)),
            "kind": "company",
            "name": cons["name"].to_numpy(),
            "country": cons["country"].to_numpy(),
            "address": cons["address"].to_numpy(),
            "phone": _phone(rng, "+00 ", nc),
        },
        strict=False,
    )
    nl = len(LISTED)
    listed = pl.DataFrame(
        {
            "party_id": [f"PL{i:03d}" for i in range(nl)],
            "kind": "company",
            "name": [x[1][0] for x in LISTED],  # the listed party under a local spelling
            "alt_names": [x[0] for x in LISTED],
            "country": [x[2] for x in LISTED],
            "address": [f"{rng.integers(1, 90)} Industrial Street" for _ in LISTED],
            "phone": _phone(rng, "+00 ", nl),
        },
        strict=False,
    )
    rel_rows: list[dict[str, object]] = []
    front_rows: list[dict[str, object]] = []
    listed_addr = listed["address"].to_list()
    listed_phone = listed["phone"].to_list()
    person_rows: list[dict[str, object]] = []
    for row in front_cons.iter_rows(named=True):  # a few dozen fronts
        f = fronts.row(int(row["front_index"]), named=True)
        pid = f"PF{row['cons']:05d}"
        tie = rng.choice(["director", "address", "phone", "none"], p=[0.35, 0.25, 0.2, 0.2])
        address = listed_addr[f["listed"]] if tie == "address" else row["address"]
        phone = listed_phone[f["listed"]] if tie == "phone" else str(_phone(rng, "+00 ", 1)[0])
        front_rows.append(
            {
                "party_id": pid,
                "kind": "company",
                "name": row["name"],
                "country": row["country"],
                "address": address,
                "phone": phone,
                "incorporated_at": str(f["incorporated_at"]),
            }
        )
        if tie == "director":
            person = f"PP{len(person_rows):04d}"
            person_rows.append(
                {
                    "party_id": person,
                    "kind": "person",
                    "name": PEOPLE[int(rng.integers(0, len(PEOPLE)))],
                    "country": row["country"],
                }
            )
            since = str(WORLD_START - dt.timedelta(days=int(rng.integers(0, 700))))
            rel_rows += [
                {
                    "src_party_id": person,
                    "dst_party_id": pid,
                    "relation": "director",
                    "since": since,
                },
                {
                    "src_party_id": person,
                    "dst_party_id": f"PL{f['listed']:03d}",
                    "relation": "director",
                    "since": since,
                },
            ]
        if row["kind"] == "institute" and tie != "none":
            rel_rows.append(
                {
                    "src_party_id": f"PL{f['listed']:03d}",
                    "dst_party_id": pid,
                    "relation": "payer",
                    "share": None,
                    "since": None,
                }
            )
    # ordinary ownership and agency links, the background a graph must see past
    owners = rng.integers(0, ne, ne // 10)
    owned = rng.integers(0, ne, ne // 10)
    rel_rows += [
        {
            "src_party_id": f"PX{a:05d}",
            "dst_party_id": f"PX{b:05d}",
            "relation": "shareholder",
            "share": float(np.round(rng.uniform(0.1, 1.0), 2)),
            "since": "2019-06-01",
        }
        for a, b in zip(owners, owned, strict=True)
        if a != b
    ]
    agents = rng.integers(0, nc, nc // 8)
    rel_rows += [
        {
            "src_party_id": f"PC{a:05d}",
            "dst_party_id": f"PX{int(rng.integers(0, ne)):05d}",
            "relation": "agent",
            "share": None,
            "since": None,
        }
        for a in agents
    ]
    frames = [exporters, consignees, listed, pl.DataFrame(front_rows), pl.DataFrame(person_rows)]
    party = pl.concat([f for f in frames if f.height], how="diagonal_relaxed")
    relations = pl.DataFrame(
        rel_rows,
        schema={
            "src_party_id": pl.String,
            "dst_party_id": pl.String,
            "relation": pl.String,
            "share": pl.Float64,
            "since": pl.String,
        },
    )
    return party, relations
