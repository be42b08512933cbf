"""Who trades: exporters, brokers, border residents, consignees, relays and watchlist.

Many small trading companies, a few large producers (a large share of the volume),
processing-trade factories, bulk commodity houses; a minority of traders and processors
are crooked and carry most of the fraud. Consignees are spread over ~35 countries;
relay consignees are freshly incorporated companies in transit hubs, each tied to a
watchlisted end user by a shared director, a shared phone, or an ownership stake. Honest
life is messy too: honest new companies, honest shared free-zone addresses, directors
sitting on several honest boards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from . import names as nm
from .catalogue import FAMILIES, FAMILY_WEIGHT
from .ids import resident_id, uscc
from .places import COUNTRIES, DAYS, FINAL_USERS, HOME_PORT, PORT_CODES, REGIONS, RELAY_HUBS, START

PRODUCER_REGION = {
    "gage": ("530900", "530100", "520100"),
    "sb": ("431381", "520100"),
    "bite": ("430100", "530100"),
    "wmo": ("360700", "410300", "350200"),
    "ree": ("150200", "360700"),
    "graphite": ("230700", "150200"),
    "bulk": ("130200", "370200", "621000"),
    "chem": ("320500", "140100"),
}
TRADER_REGIONS = ("440300", "310115", "330200", "350200", "370200", "120116", "450100", "430100")
PROCESSOR_REGIONS = ("441900", "320500", "440300", "310115", "610500")
KINDS = ("producer", "processor", "bulk", "trader")


def _date(day: int) -> str:
    return (START + dt.timedelta(days=int(day))).isoformat()


@dataclass
class Actors:
    """Arrays indexed by exporter / consignee, plus the party graph as rows."""

    exp_id: list[str] = field(default_factory=list)
    exp_name: list[str] = field(default_factory=list)
    exp_kind: list[str] = field(default_factory=list)
    exp_region: list[str] = field(default_factory=list)
    exp_fam: list[tuple[int, int]] = field(default_factory=list)
    exp_port: list[int] = field(default_factory=list)
    exp_volume: list[float] = field(default_factory=list)
    exp_start: list[int] = field(default_factory=list)  # first day it may trade
    exp_crooked: list[bool] = field(default_factory=list)
    exp_cny: list[float] = field(default_factory=list)
    exp_broker: list[int] = field(default_factory=list)
    exp_customers: list[np.ndarray] = field(default_factory=list)
    residents: list[int] = field(default_factory=list)  # exporter indexes of border residents
    con_name: list[str] = field(default_factory=list)
    con_country: list[str] = field(default_factory=list)
    con_address: list[str] = field(default_factory=list)
    con_fams: list[set[int]] = field(default_factory=list)
    con_start: list[int] = field(default_factory=list)
    con_relay: list[bool] = field(default_factory=list)
    relays: list[int] = field(default_factory=list)
    broker_id: list[str] = field(default_factory=list)
    parties: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)
    watch: list[dict[str, object]] = field(default_factory=list)
    watch_users: list[str] = field(default_factory=list)  # watchlisted end-user names

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "exp_volume": np.array(self.exp_volume),
            "exp_start": np.array(self.exp_start),
            "exp_crooked": np.array(self.exp_crooked),
            "exp_cny": np.array(self.exp_cny),
            "exp_port": np.array(self.exp_port),
            "con_country": np.array(self.con_country),
            "con_start": np.array(self.con_start),
            "con_relay": np.array(self.con_relay),
        }


def _person(a: Actors, rng: np.random.Generator, country: str = "CN") -> str:
    pid = f"P{len(a.parties):06d}"
    name = (
        nm.zh_person(rng)
        if country == "CN"
        else f"{nm.pick(rng, nm.STEMS)} {nm.pick(rng, nm.STEMS)}son"
    )
    a.parties.append({"party_id": pid, "kind": "person", "name": name, "country": country})
    return pid


def _brokers(a: Actors, rng: np.random.Generator, n: int) -> None:
    for _ in range(n):
        region = nm.pick(rng, TRADER_REGIONS)
        a.broker_id.append(uscc(rng, region))


def _exporters(a: Actors, rng: np.random.Generator, n: int, noise: float) -> None:
    kinds = rng.choice(4, n, p=[0.04, 0.14, 0.09, 0.73])
    for k in kinds:
        kind = KINDS[k]
        if kind == "bulk":
            fams = (FAMILIES.index("bulk"), FAMILIES.index("chem") if rng.random() < 0.3 else -1)
        elif kind == "producer":
            f = int(rng.choice(6, p=FAMILY_WEIGHT[:6] / FAMILY_WEIGHT[:6].sum()))
            fams = (f, -1)
        elif kind == "processor":
            f = int(rng.choice([0, 2, 3, 4, 5]))
            fams = (f, -1 if rng.random() < 0.7 else FAMILIES.index("chem"))
        else:
            f1 = int(rng.choice(len(FAMILIES), p=FAMILY_WEIGHT))
            f2 = int(rng.choice(len(FAMILIES), p=FAMILY_WEIGHT)) if rng.random() < 0.5 else -1
            fams = (f1, f2 if f2 != f1 else -1)
        if kind == "producer":
            region = nm.pick(rng, PRODUCER_REGION[FAMILIES[fams[0]]])
        elif kind == "processor":
            region = nm.pick(rng, PROCESSOR_REGIONS)
        elif kind == "bulk":
            region = nm.pick(rng, PRODUCER_REGION["bulk"] + TRADER_REGIONS[:5])
        else:
            region = nm.pick(rng, TRADER_REGIONS)
        volume = rng.lognormal(0, 1.0) * {"producer": 9, "bulk": 2.5, "processor": 1.4}.get(kind, 1)
        new = kind == "trader" and rng.random() < 0.10 * noise
        start = int(rng.integers(30, DAYS - 200)) if new else 0
        incorporated = (
            _date(start - int(rng.integers(15, 120)))
            if new
            else f"{int(rng.integers(1996 if kind == 'producer' else 2003, 2023))}-"
            f"{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
        )
        crooked = kind in ("trader", "processor") and rng.random() < 0.10
        crooked = crooked or (kind == "producer" and rng.random() < 0.05)
        eid = (
            uscc(rng, region)
            if rng.random() > 0.05
            else f"{region[:4]}9{int(rng.integers(0, 10**5)):05d}"
        )
        name = nm.zh_company(rng, REGIONS[region], kind)
        a.exp_id.append(eid)
        a.exp_name.append(name)
        a.exp_kind.append(kind)
        a.exp_region.append(region)
        a.exp_fam.append(fams)
        a.exp_port.append(list(PORT_CODES).index(HOME_PORT[region]))
        a.exp_volume.append(volume)
        a.exp_start.append(start)
        a.exp_crooked.append(crooked)
        a.exp_cny.append(float(rng.choice([0.1, 0.25, 0.6], p=[0.5, 0.35, 0.15])))
        a.exp_broker.append(int(rng.integers(0, len(a.broker_id))))
        a.parties.append(
            {
                "party_id": eid,
                "kind": "company",
                "name": name,
                "country": "CN",
                "address": REGIONS[region] + f"工业园区{int(rng.integers(1, 300))}号",
                "phone": f"+86 {int(rng.integers(10**9, 10**10 - 1))}",
                "registration_id": eid,
                "incorporated_at": incorporated,
            }
        )
        boss = _person(a, rng)
        a.relations.append(
            {
                "src_party_id": boss,
                "dst_party_id": eid,
                "relation": "director",
                "since": incorporated,
            }
        )


def _residents(a: Actors, rng: np.random.Generator, n: int) -> None:
    """Border residents trading in their own name (边民互市), ids are resident numbers."""
    for _ in range(n):
        region = nm.pick(rng, ("451400", "450600", "533100", "653000"))
        rid = resident_id(rng, region)
        name = nm.zh_person(rng)
        a.residents.append(len(a.exp_id))
        a.exp_id.append(rid)
        a.exp_name.append(name)
        a.exp_kind.append("resident")
        a.exp_region.append("451400" if region.startswith("45") else "530100")
        a.exp_fam.append((FAMILIES.index("sb"), FAMILIES.index("bulk")))
        a.exp_port.append(9 if region.startswith("45") else 10)
        a.exp_volume.append(0.0)
        a.exp_start.append(0)
        a.exp_crooked.append(False)
        a.exp_cny.append(1.0)
        a.exp_broker.append(int(rng.integers(0, len(a.broker_id))))
        a.parties.append(
            {
                "party_id": rid,
                "kind": "person",
                "name": name,
                "country": "CN",
                "registration_id": rid,
            }
        )


def _consignee(
    a: Actors, rng: np.random.Generator, country: str, fams: set[int], start: int, relay: bool
) -> int:
    fam = FAMILIES[min(fams)] if fams else "bulk"
    name = nm.foreign_company(rng, country, fam)
    addr = nm.address(rng, country)
    a.con_name.append(name)
    a.con_country.append(country)
    a.con_address.append(addr)
    a.con_fams.append(fams)
    a.con_start.append(start)
    a.con_relay.append(relay)
    pid = f"C{len(a.con_name) - 1:06d}"
    inc = (
        _date(start - int(rng.integers(20, 200)))
        if start > 0
        else (f"{int(rng.integers(1978, 2022))}-{int(rng.integers(1, 13)):02d}-01")
    )
    row: dict[str, object] = {
        "party_id": pid,
        "kind": "company",
        "name": name,
        "country": country,
        "address": addr,
        "phone": nm.phone(rng, country),
        "incorporated_at": inc,
    }
    if rng.random() < 0.3:
        row["alt_names"] = nm.variant(rng, name)
    a.parties.append(row)
    return len(a.con_name) - 1


def _consignees(a: Actors, rng: np.random.Generator, n: int, noise: float) -> None:
    countries = list(COUNTRIES)
    w = np.array(list(COUNTRIES.values()))
    shared = {c: nm.address(rng, c) for c in ("AE", "SG", "HK")}  # free-zone business centres
    for _ in range(n):
        c = countries[int(rng.choice(len(countries), p=w / w.sum()))]
        k = int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))
        fams = {int(f) for f in rng.choice(len(FAMILIES), k, p=FAMILY_WEIGHT)}
        new = rng.random() < 0.08 * noise
        i = _consignee(a, rng, c, fams, int(rng.integers(30, DAYS - 150)) if new else 0, False)
        if c in shared and rng.random() < 0.4:
            a.con_address[i] = shared[c]
            a.parties[-1]["address"] = shared[c]
    people = [_person(a, rng, "SG") for _ in range(max(3, n // 60))]
    for p in people:  # directors on several honest boards
        for c in rng.choice(n, 3, replace=False):
            a.relations.append(
                {"src_party_id": p, "dst_party_id": f"C{int(c):06d}", "relation": "director"}
            )


def _watchlist(a: Actors, rng: np.random.Generator, n: int) -> list[str]:
    lists = ("出口管制管控名单", "不可靠实体清单", "关注名单")
    reasons = ("军事最终用户", "违反一个中国原则对台军售", "危害国家安全", "规避出口管制转运")
    ids: list[str] = []
    for j in range(n):
        country = nm.pick(rng, FINAL_USERS)
        name = nm.foreign_company(rng, country, nm.pick(rng, ("gage", "ree", "wmo", "bite")))
        name = name.replace("Inc.", "Defense Systems Inc.") if rng.random() < 0.3 else name
        addr = nm.address(rng, country)
        wid = f"W{j:05d}"
        ids.append(wid)
        a.watch_users.append(name)
        a.watch.append(
            {
                "list": nm.pick(rng, lists),
                "name": name,
                "alt_names": nm.variant(rng, name),
                "kind": "company",
                "country": country,
                "address": addr,
                "listed_at": _date(int(rng.integers(-500, DAYS - 100))),
                "reason": nm.pick(rng, reasons),
            }
        )
        a.parties.append(
            {
                "party_id": wid,
                "kind": "company",
                "name": name,
                "country": country,
                "address": addr,
                "phone": nm.phone(rng, country),
            }
        )
    return ids


def _relays(a: Actors, rng: np.random.Generator, n: int, watched: list[str]) -> None:
    """Fresh hub companies, each tied to a watchlisted end user one of three ways."""
    for j in range(n):
        country = nm.pick(rng, RELAY_HUBS)
        start = int(rng.integers(90, DAYS - 120))
        fams = {int(f) for f in rng.choice([0, 1, 2, 3, 4, 5], 2)}
        i = _consignee(a, rng, country, fams, start, True)
        a.relays.append(i)
        pid = f"C{i:06d}"
        target = watched[j % len(watched)]
        tie = j % 3
        if tie == 0:
            person = _person(a, rng, country)
            for dst in (pid, target):
                a.relations.append(
                    {"src_party_id": person, "dst_party_id": dst, "relation": "director"}
                )
        elif tie == 1:
            row = next(p for p in a.parties if p["party_id"] == target)
            a.parties[-1]["phone"] = row["phone"]
        else:
            a.relations.append(
                {
                    "src_party_id": target,
                    "dst_party_id": pid,
                    "relation": "shareholder",
                    "share": round(float(rng.uniform(0.3, 0.9)), 2),
                }
            )


def _customers(a: Actors, rng: np.random.Generator) -> None:
    """Each exporter's regular customers: consignees sharing one of its families."""
    by_fam: dict[int, np.ndarray] = {}
    relay = np.array(a.con_relay)
    for f in range(len(FAMILIES)):
        by_fam[f] = np.array(
            [i for i, fs in enumerate(a.con_fams) if f in fs and not relay[i]], dtype=np.int64
        )
    for e in range(len(a.exp_id)):
        f1, f2 = a.exp_fam[e]
        pool = np.concatenate([by_fam[f1], by_fam[f2] if f2 >= 0 else by_fam[f1][:0]])
        size = {"producer": 25, "bulk": 10}.get(a.exp_kind[e], 6)
        k = max(2, min(pool.size, int(rng.integers(2, size + 1))))
        chosen = rng.choice(pool, k, replace=False)
        if a.exp_crooked[e] and a.relays and rng.random() < 0.5:
            chosen = np.append(chosen, rng.choice(np.array(a.relays)))  # cover trade
        a.exp_customers.append(chosen.astype(np.int64))


def build(rng: np.random.Generator, lines: int, noise: float) -> Actors:
    a = Actors()
    _brokers(a, rng, max(12, lines // 3000))
    _exporters(a, rng, max(90, lines // 160), noise)
    _residents(a, rng, max(20, lines // 1500))
    _consignees(a, rng, max(160, lines // 90), noise)
    watched = _watchlist(a, rng, max(20, lines // 2000))
    _relays(a, rng, max(12, lines // 2500), watched)
    _customers(a, rng)
    return a


def frames(a: Actors) -> dict[str, pl.DataFrame]:
    """parties, relations and watchlist as contract tables."""
    parties = pl.DataFrame(a.parties, infer_schema_length=None)
    relations = pl.DataFrame(a.relations, infer_schema_length=None)
    watch = pl.DataFrame(a.watch, infer_schema_length=None)
    return {"parties": parties, "relations": relations, "watchlist": watch}
