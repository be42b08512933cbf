"""Who trades: exporters, brokers, overseas consignees, end users and the watchlist.

Owns the honest population and the party registry (the ``parties`` and ``relations``
tables), including the honest look-alikes of network fraud: new exporters, small
firms registered at one incubator address with one agency phone, overseas
distributors in re-export hubs owned by their Chinese suppliers. Fraud rings add their
own parties through :class:`Registry`; this module must not know about schemes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from fourteenthworld import text
from fourteenthworld.goods import DAYS, FAMILY_REGIONS, FAMILY_WEIGHTS, START, date_of

Rng = np.random.Generator

#: Where honest consignees are, by weight.
COUNTRY_WEIGHTS: dict[str, float] = {
    "JP": 14,
    "KR": 10,
    "US": 9,
    "DE": 7,
    "NL": 5,
    "IN": 6,
    "VN": 5,
    "TW": 4,
    "MY": 4,
    "TH": 4,
    "SG": 3,
    "HK": 5,
    "AE": 3,
    "TR": 3,
    "BE": 2,
    "GB": 2,
    "FR": 2,
    "IT": 2,
    "PL": 2,
    "ID": 2,
    "RU": 3,
    "KZ": 2,
    "MX": 1,
    "BR": 1,
}
#: Countries through which goods are re-exported (honestly by distributors, or not).
HUBS: tuple[str, ...] = ("SG", "NL", "HK", "AE", "MY", "BE", "VN", "TH", "TR", "KZ", "KG", "AM")
CURRENCY: dict[str, tuple[tuple[str, float], ...]] = {
    "JP": (("USD", 0.65), ("JPY", 0.3), ("CNY", 0.05)),
    "KR": (("USD", 0.9), ("KRW", 0.05), ("CNY", 0.05)),
    "DE": (("USD", 0.55), ("EUR", 0.45)),
    "NL": (("USD", 0.5), ("EUR", 0.5)),
    "BE": (("USD", 0.5), ("EUR", 0.5)),
    "FR": (("EUR", 0.6), ("USD", 0.4)),
    "IT": (("EUR", 0.6), ("USD", 0.4)),
    "PL": (("EUR", 0.5), ("USD", 0.5)),
    "HK": (("USD", 0.7), ("HKD", 0.2), ("CNY", 0.1)),
    "RU": (("CNY", 0.7), ("USD", 0.3)),
    "KZ": (("CNY", 0.5), ("USD", 0.5)),
    "KG": (("CNY", 0.5), ("USD", 0.5)),
}

SEA_PORTS: dict[str, tuple[str, ...]] = {
    "11": ("CNTXG",),
    "14": ("CNTXG", "CNTAO"),
    "15": ("CNTXG",),
    "23": ("CNDLC",),
    "31": ("CNSHA",),
    "32": ("CNSHA", "CNLYG"),
    "33": ("CNNGB",),
    "35": ("CNXMN",),
    "36": ("CNXMN", "CNSZX"),
    "37": ("CNTAO",),
    "41": ("CNTAO", "CNLYG"),
    "43": ("CNCAN", "CNSZX"),
    "44": ("CNSZX", "CNYTN"),
    "45": ("CNFCG",),
    "51": ("CNSHA",),
    "53": ("CNSZX",),
    "62": ("CNTXG",),
    "64": ("CNTXG",),
    "65": ("CNTAO",),
}
AIR_PORTS: dict[str, str] = {
    "11": "CNPEK",
    "14": "CNPEK",
    "15": "CNPEK",
    "23": "CNPEK",
    "31": "CNPVG",
    "32": "CNPVG",
    "33": "CNPVG",
    "35": "CNCAN",
    "36": "CNCAN",
    "37": "CNPEK",
    "41": "CNCGO",
    "43": "CNCAN",
    "44": "CNCAN",
    "45": "CNCAN",
    "51": "CNCTU",
    "53": "CNKMG",
    "62": "CNCTU",
    "64": "CNCTU",
    "65": "CNCTU",
}
ROAD_PORTS: dict[str, tuple[str, ...]] = {
    "VN": ("CNPXG", "CNDXG"),
    "KZ": ("CNKHG",),
    "KG": ("CNTRT",),
    "MN": ("CNERL",),
    "RU": ("CNMZH",),
}
RAIL_PORTS = ("CNCGO", "CNXIY", "CNCKG")
EXPRESS_PORTS = ("CNSZX", "CNCAN", "CNHGH", "CNYIW")
POST_PORTS = ("CNSHA", "CNCAN", "CNPEK")
PASSENGER_PORTS = ("CNSZX", "CNZUH")
RAIL_COUNTRIES = frozenset({"DE", "PL", "NL", "RU", "KZ", "IT"})

USES: dict[str, tuple[str, ...]] = {
    "base": ("die casting", "galvanising", "alloy production"),
    "ferro": ("steelmaking", "alloy production"),
    "minor": ("semiconductor", "solder", "flame retardant", "optics"),
    "tungsten": ("cutting tools", "hardfacing", "lighting"),
    "rare_earth": ("magnets", "phosphors", "polishing", "catalysts"),
    "carbon": ("refractories", "battery anode", "steelmaking"),
    "semis": ("RF devices", "photonics", "power devices"),
    "chemical": ("pigments", "plastics", "ceramics"),
    "general": ("resale", "retail"),
}


@dataclass
class Registry:
    """The party registry being built: rows of ``parties`` and ``relations``."""

    parties: list[dict[str, object]] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)

    def add(self, kind: str, name: str, **fields: object) -> str:
        party_id = f"PTY{len(self.parties) + 1:06d}"
        self.parties.append({"party_id": party_id, "kind": kind, "name": name, **fields})
        return party_id

    def relate(
        self, src: str, dst: str, relation: str, since: dt.date, share: float | None = None
    ) -> None:
        self.relations.append(
            {
                "src_party_id": src,
                "dst_party_id": dst,
                "relation": relation,
                "share": share,
                "since": since.isoformat(),
            }
        )


@dataclass
class Exporter:
    """A domestic exporter as customs knows it."""

    exporter_id: str
    name: str
    region: str
    family: str
    start_day: int
    weight: float
    broker: str
    broker_style: int
    customers: list[int]
    party_id: str
    new: bool = False


@dataclass
class Consignee:
    """An overseas consignee (and, where declared, its end user)."""

    name: str
    country: str
    address: str
    party_id: str
    end_user: str
    currency: tuple[tuple[str, float], ...]
    hub: bool = False


@dataclass
class WatchEntry:
    """A restricted party: its list row, and its party id when it is also in the registry."""

    name: str
    alt_names: list[str]
    country: str
    party_id: str


@dataclass
class Actors:
    """The honest population, the watchlist and the registry everyone adds to."""

    registry: Registry
    exporters: list[Exporter]
    consignees: list[Consignee]
    brokers: list[tuple[str, int]]
    watch: list[WatchEntry]
    watchlist_rows: list[dict[str, object]]


def _incorporated(rng: Rng, new: bool) -> dt.date:
    if new:
        return date_of(int(rng.integers(0, DAYS - 120)))
    return START - dt.timedelta(days=int(rng.integers(200, 9000)))


def _currency_of(country: str) -> tuple[tuple[str, float], ...]:
    return CURRENCY.get(country, (("USD", 0.92), ("CNY", 0.08)))


QUALIFIERS = (
    "International",
    "Global",
    "Asia",
    "Europe",
    "Group",
    "Partners",
    "Supply",
    "Trade",
    "Holding",
    "Solutions",
)


def _consignees(rng: Rng, registry: Registry, n: int) -> list[Consignee]:
    countries = list(COUNTRY_WEIGHTS)
    weights = np.array(list(COUNTRY_WEIGHTS.values()), dtype=float)
    picks = rng.choice(len(countries), size=n, p=weights / weights.sum())
    seen: set[str] = set()
    out: list[Consignee] = []
    for k in picks:
        country = countries[int(k)]
        name = text.foreign_name(rng, country)
        tries = 0
        while name in seen:
            tries += 1
            word = (
                f"{text.pick(rng, text.WORDS)} {text.pick(rng, QUALIFIERS)}" if tries > 4 else None
            )
            name = text.foreign_name(rng, country, word)
            if tries > 12:
                name = f"{name} {tries}"
        seen.add(name)
        address = text.foreign_address(rng, country)
        hub = country in ("SG", "NL", "HK", "AE", "MY", "BE") and rng.random() < 0.5
        pid = registry.add(
            "company",
            name,
            country=country,
            address=address,
            phone=text.foreign_phone(rng, country),
            incorporated_at=_incorporated(rng, False).isoformat(),
        )
        end_user = name if rng.random() < 0.7 else text.foreign_name(rng, country, "Manufacturing")
        out.append(Consignee(name, country, address, pid, end_user, _currency_of(country), hub))
    return out


# Fictional restricted parties: defence and dual-use users abroad (MOFCOM lists).
WATCH: tuple[tuple[str, str, str, str], ...] = (
    ("Aldren Ballistics Inc.", "Aldren Ballistic Systems", "US", "出口管制管控名单"),
    ("Northpoint Optronics LLC", "North Point Opto-Electronics", "US", "出口管制管控名单"),
    ("Keystone Infrared Systems Corp.", "Keystone IR Systems", "US", "出口管制管控名单"),
    ("Hollis Microwave Devices Inc.", "Hollis Microwave", "US", "不可靠实体清单"),
    ("Vantor Aerospace Components LLC", "Vantor Aero Components", "US", "不可靠实体清单"),
    ("Crestline Munitions Corp.", "Crest Line Munitions", "US", "出口管制管控名单"),
    ("Sable Ridge Defense Technologies Inc.", "SableRidge Defense", "US", "出口管制管控名单"),
    ("Meridian Guidance Systems LLC", "Meridian Guidance", "US", "不可靠实体清单"),
    ("Kuroshio Boei Seimitsu K.K.", "黒潮防衛精密株式会社", "JP", "出口管制管控名单"),
    ("Tsurugi Heavy Ordnance Co., Ltd.", "剣重工兵器株式会社", "JP", "出口管制管控名单"),
)


def _watchlist(rng: Rng, registry: Registry) -> tuple[list[WatchEntry], list[dict[str, object]]]:
    entries: list[WatchEntry] = []
    rows: list[dict[str, object]] = []
    for name, alt, country, list_name in WATCH:
        listed = dt.date(2024, 10, 9) + dt.timedelta(days=int(rng.integers(0, 420)))
        if country == "JP":
            listed = dt.date(2026, 1, 6) + dt.timedelta(days=int(rng.integers(0, 60)))
        address = text.foreign_address(rng, country)
        pid = registry.add(
            "company",
            name,
            alt_names=alt,
            country=country,
            address=address,
            incorporated_at=(START - dt.timedelta(days=int(rng.integers(3000, 15000)))).isoformat(),
        )
        entries.append(WatchEntry(name, [alt, name.upper().replace(".", "")], country, pid))
        rows.append(
            {
                "list": list_name,
                "name": name,
                "alt_names": f"{alt};{name.upper().replace('.', '')}",
                "kind": "company",
                "country": country,
                "address": address,
                "listed_at": listed.isoformat(),
                "reason": "military end user; 2024 No.46 / 2026 No.1 restrictions",
            }
        )
    return entries, rows


def build(rng: Rng, lines: int, honest_noise: float) -> Actors:
    """The honest population for a world of ``lines`` declaration lines."""
    registry = Registry()
    watch, watch_rows = _watchlist(rng, registry)
    n_exporters = max(40, lines // 220)
    n_consignees = max(60, lines // 110)
    consignees = _consignees(rng, registry, n_consignees)
    brokers = [
        (text.customs_code(rng, pick_region(rng, "general")), int(rng.integers(0, 4)))
        for _ in range(max(12, n_exporters // 10))
    ]
    for code, _ in brokers:
        registry.add("company", f"报关行{code[-4:]}", registration_id=code, country="CN")
    families = list(FAMILY_WEIGHTS)
    fam_w = np.array(list(FAMILY_WEIGHTS.values()))
    fam_pick = rng.choice(len(families), size=n_exporters, p=fam_w / fam_w.sum())
    incubator = text.domestic_address(rng, "440300")
    agency_phone = text.cn_phone(rng, mobile=False)
    p_new = min(0.5, 1.5 * honest_noise)
    p_shared = min(0.4, honest_noise)
    holdings: list[str] = []
    exporters: list[Exporter] = []
    for k in range(n_exporters):
        family = families[int(fam_pick[k])]
        region = pick_region(rng, family)
        new = bool(rng.random() < p_new)
        incorporated = _incorporated(rng, new)
        start_day = max(0, (incorporated - START).days + int(rng.integers(20, 90)))
        start_day = min(start_day, DAYS - 60)
        zh, en = text.company_name(rng, region, family)
        sole = rng.random() < 0.04
        exporter_id = text.resident_id(rng, region) if sole else text.uscc(rng, region)
        if rng.random() < 0.06 and not sole:
            exporter_id = text.customs_code(rng, region)
        shared = bool(rng.random() < p_shared) and family in ("general", "minor", "chemical")
        pid = registry.add(
            "company",
            zh,
            alt_names=en,
            country="CN",
            address=incubator if shared else text.domestic_address(rng, region),
            phone=agency_phone if shared else text.cn_phone(rng, mobile=False),
            registration_id=exporter_id,
            incorporated_at=incorporated.isoformat(),
        )
        boss_zh, boss_en = text.person_name(rng)
        boss = registry.add(
            "person",
            boss_zh,
            alt_names=boss_en,
            country="CN",
            phone=text.cn_phone(rng, mobile=True),
        )
        registry.relate(boss, pid, "director", incorporated)
        if rng.random() < 0.25:
            if not holdings or rng.random() < 0.3:
                hz, he = text.company_name(rng, region, "general")
                holdings.append(
                    registry.add(
                        "company", hz.replace("进出口", "控股"), alt_names=he, country="CN"
                    )
                )
            registry.relate(
                holdings[-1],
                pid,
                "shareholder",
                incorporated,
                share=round(float(rng.uniform(0.3, 1.0)), 2),
            )
        n_cust = int(rng.integers(3, 13))
        customers = [int(c) for c in rng.choice(len(consignees), size=n_cust, replace=False)]
        broker, style = brokers[int(rng.integers(len(brokers)))]
        if rng.random() < 0.3:
            style = int(rng.integers(0, 4))
        weight = float(np.exp(rng.normal(0.0, 0.9)))
        exporters.append(
            Exporter(
                exporter_id,
                zh,
                region,
                family,
                start_day,
                weight,
                broker,
                style,
                customers,
                pid,
                new,
            )
        )
        # honest hub distributor owned by its Chinese supplier
        if rng.random() < 0.05 and family != "general":
            for c in customers:
                if consignees[c].hub:
                    registry.relate(pid, consignees[c].party_id, "owner", incorporated, share=1.0)
                    break
    return Actors(registry, exporters, consignees, brokers, watch, watch_rows)


def pick_region(rng: Rng, family: str) -> str:
    return text.pick(rng, FAMILY_REGIONS[family])


def sea_port(region: str, k: int = 0) -> str:
    ports = SEA_PORTS.get(region[:2], ("CNSHA",))
    return ports[k % len(ports)]


def port_for(rng: Rng, mode: str, region: str, country: str) -> str:
    if mode == "sea":
        return sea_port(region, int(rng.integers(0, 2)))
    if mode == "air":
        return AIR_PORTS.get(region[:2], "CNPVG")
    if mode == "road":
        return text.pick(rng, ROAD_PORTS.get(country, ("CNPXG",)))
    if mode == "rail":
        return text.pick(rng, RAIL_PORTS)
    if mode == "express":
        return text.pick(rng, EXPRESS_PORTS)
    if mode == "post":
        return text.pick(rng, POST_PORTS)
    return text.pick(rng, PASSENGER_PORTS)
