"""Who trades: exporters of four kinds, customs brokers, consignees abroad and people.

Manufacturers file small declarations of their own goods; trading companies and freight
forwarders consolidate many suppliers' goods into large ones; specialists (refiners and
processors of one controlled element) are the only honest exporters of controlled goods.
Each exporter has a home port, a broker, a set of regular consignees and a director; the
parties registry lists them with Chinese names and drifting Latin spellings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fifthworld import idents, names
from fifthworld.calendar import DAYS, START

SEA_PORTS = ("CNSHA", "CNNGB", "CNYTN", "CNTAO", "CNTXG", "CNXMN", "CNNSA", "CNLYG", "CNFOC")
SEA_WEIGHTS = (0.22, 0.2, 0.16, 0.12, 0.1, 0.07, 0.07, 0.03, 0.03)
MODE_PORTS = {
    "air": ("CNPVG", "CNPEK", "CNCAN", "CNSZX", "CNCTU"),
    "express": ("CNPVG", "CNCAN", "CNSZX", "CNHGH"),
    "post": ("CNSHA", "CNCAN", "CNSZX"),
    "road": ("CNPXG", "CNHKO", "CNKHG", "CNHRG"),
    "rail": ("CNAKA", "CNERL", "CNCTU", "CNXIY"),
    "passenger": ("CNSZX", "CNZUH"),
}
#: Customs office codes (first four digits of a declaration number) by port.
OFFICES = {
    "CNSHA": "2248",
    "CNNGB": "3104",
    "CNYTN": "5316",
    "CNTAO": "4227",
    "CNTXG": "0202",
    "CNXMN": "3702",
    "CNNSA": "5141",
    "CNLYG": "2305",
    "CNFOC": "3501",
    "CNPVG": "2233",
    "CNPEK": "0101",
    "CNCAN": "5100",
    "CNSZX": "5301",
    "CNCTU": "7901",
    "CNHGH": "2901",
    "CNPXG": "7206",
    "CNHKO": "8605",
    "CNKHG": "9401",
    "CNHRG": "9411",
    "CNAKA": "9404",
    "CNERL": "0703",
    "CNXIY": "9001",
    "CNZUH": "5700",
}

#: Consignee countries of ordinary trade and their shares.
COUNTRIES = (
    "US",
    "DE",
    "NL",
    "JP",
    "KR",
    "VN",
    "MY",
    "TH",
    "HK",
    "SG",
    "IN",
    "AE",
    "RU",
    "KZ",
    "TR",
    "GB",
    "TW",
    "KG",
)
COUNTRY_SHARES = (15, 6, 5, 8, 7, 9, 4, 4, 8, 3, 5, 3, 4, 2, 2, 3, 3, 1)
#: Where controlled goods go honestly (specialists' regular buyers).
CONTROLLED_BUYERS = ("JP", "KR", "DE", "NL", "US", "TW", "VN", "MY", "IN", "GB")
#: Countries with looser controls used to re-export (where fronts are registered).
TRANSIT = ("VN", "MY", "TH", "KZ", "KG", "AE", "TR")

KIND_SHARES = {"maker": 0.55, "trader": 0.22, "forwarder": 0.08, "specialist": 0.15}


@dataclass
class Registry:
    """Every party of a world; rings and fronts append to it as they appear."""

    exporters: pl.DataFrame
    brokers: pl.DataFrame
    consignees: pl.DataFrame
    people: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)
    extra_exporters: list[dict[str, object]] = field(default_factory=list)
    extra_consignees: list[dict[str, object]] = field(default_factory=list)


def phone(rng: np.random.Generator) -> str:
    """A mainland mobile number."""
    return f"+86 1{rng.choice([3, 5, 8, 9])}{rng.integers(0, 10**9):09d}"


def address_cn(rng: np.random.Generator, city: str) -> str:
    """A Chinese street address."""
    roads = ("工业大道", "经济开发区创业路", "保税区富特北路", "高新区科技路", "物流园区", "人民路")
    return f"{city}{roads[rng.integers(len(roads))]}{rng.integers(1, 400)}号"


def new_person(reg: Registry, rng: np.random.Generator) -> str:
    """Add a person to the registry; returns the party id."""
    zh, py = names.person(rng)
    pid = f"P{len(reg.people) + 1:05d}"
    reg.people.append(
        {
            "party_id": pid,
            "kind": "person",
            "name": zh,
            "alt_names": py,
            "country": "CN",
            "phone": phone(rng),
        }
    )
    return pid


def _exporters(rng: np.random.Generator, n: int, brokers: int) -> pl.DataFrame:
    kinds = rng.choice(list(KIND_SHARES), n, p=list(KIND_SHARES.values()))
    rows = []
    for kind in KIND_SHARES:
        k = int((kinds == kind).sum())
        for zh, en, py in names.chinese_companies(rng, k, kind):
            city = zh[:2]
            reg_id = idents.credit_code(rng)
            ex_id = idents.customs_code(rng) if rng.random() < 0.12 else reg_id
            age = int(rng.integers(200, 6000))
            first = int(rng.integers(0, DAYS // 3)) if rng.random() < 0.3 else 0
            last = DAYS - int(rng.integers(0, DAYS // 3)) if rng.random() < 0.15 else DAYS
            rows.append(
                {
                    "exporter_id": ex_id,
                    "registration_id": reg_id,
                    "kind": kind,
                    "name_zh": zh,
                    "name_en": en,
                    "name_py": py,
                    "address": address_cn(rng, city),
                    "phone": phone(rng),
                    "incorporated_day": first - age,
                    "first_day": first,
                    "last_day": last,
                    "activity": float(rng.lognormal(0.0, 1.1)),
                    "broker": int(rng.integers(0, brokers)) if rng.random() < 0.9 else -1,
                    "home_port": SEA_PORTS[rng.choice(len(SEA_PORTS), p=SEA_WEIGHTS)],
                    "region": idents.DIVISIONS[rng.integers(len(idents.DIVISIONS))],
                }
            )
    return pl.DataFrame(rows).with_row_index("ex")


def _brokers(rng: np.random.Generator, n: int) -> pl.DataFrame:
    rows = [
        {"broker_id": idents.credit_code(rng), "name_zh": zh, "name_en": en}
        for zh, en, _ in names.chinese_companies(rng, n, "broker")
    ]
    return pl.DataFrame(rows).with_row_index("br")


def _consignees(rng: np.random.Generator, n: int) -> pl.DataFrame:
    shares = np.array(COUNTRY_SHARES, dtype=float)
    countries = rng.choice(COUNTRIES, n, p=shares / shares.sum())
    rows = []
    for c in countries:
        rows.append(
            {
                "country": str(c),
                "name": names.foreign_company(rng, str(c)),
                "address": names.foreign_address(rng, str(c)),
                "incorporated_day": -int(rng.integers(300, 8000)),
                "front_of": None,
                "phone": None,
            }
        )
    return pl.DataFrame(
        rows, schema_overrides={"front_of": pl.Int64, "phone": pl.String}
    ).with_row_index("cn")


def build_registry(rng: np.random.Generator, lines: int) -> Registry:
    """The honest population for a world of about ``lines`` declaration lines."""
    n_exp = max(60, lines // 45)
    n_brk = max(8, lines // 2500)
    reg = Registry(
        _exporters(rng, n_exp, n_brk), _brokers(rng, n_brk), _consignees(rng, max(120, lines // 40))
    )
    directors = [new_person(reg, rng) for _ in range(reg.exporters.height)]
    reg.exporters = reg.exporters.with_columns(pl.Series("director", directors))
    for ex_id, pid in zip(reg.exporters["exporter_id"], directors, strict=True):
        reg.relations.append({"src_party_id": pid, "dst_party_id": ex_id, "relation": "director"})
    return reg


def start_date() -> str:
    """The period's first day (for tables that date themselves)."""
    return START.isoformat()
