"""Who trades: exporters of every size, the brokers who lodge for them, and their buyers.

Exporters belong to a line of business (a sector) that decides what they ship, where
from and to whom. Sizes are heavy-tailed: a few smelters and supply-chain companies
lodge thousands of lines, most exporters a handful. Buyers are shared: a Japanese
magnet maker buys from several Chinese separators, and a dozen hub stockists in
Rotterdam, Singapore, Dubai or Hong Kong buy from everybody. A fifth of the exporters
and a share of the buyers are newly incorporated during the period, and they are, like
most new companies, honest. Groups of companies share owners and directors; some
buyers are paid for by a parent in Hong Kong or Singapore; a few exporters change
their name. The registry (:class:`Registry`) hands out party ids and keeps every party
and relation so that the contract tables can be written from it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sixteenthworld import names, registry
from sixteenthworld.controls import Controls
from sixteenthworld.geography import HUB_COUNTRIES, REGIONS
from sixteenthworld.goods import BY_KEY, PORTFOLIOS
from sixteenthworld.model import Consignee, Exporter, Party, Relation
from sixteenthworld.timeline import END, START


@dataclass(frozen=True)
class Sector:
    count: float  # share of exporters
    lines: float  # share of honest lines
    regions: tuple[str, ...]
    business: str
    countries: tuple[tuple[str, float], ...]
    buyers: tuple[tuple[str, float], ...]  # consignee kinds
    multi: float
    precious: bool = False


_DEFAULT = (
    ("US", 10),
    ("JP", 8),
    ("KR", 7),
    ("DE", 6),
    ("NL", 4),
    ("IN", 5),
    ("VN", 5),
    ("TH", 3),
    ("MY", 3),
    ("SG", 2),
    ("ID", 3),
    ("TW", 4),
    ("HK", 3),
    ("AE", 3),
    ("TR", 3),
    ("GB", 3),
    ("IT", 2),
    ("FR", 2),
    ("ES", 1.5),
    ("PL", 1.5),
    ("BE", 2),
    ("MX", 2),
    ("BR", 2),
    ("RU", 3),
    ("KZ", 1.5),
    ("SA", 1.5),
    ("AU", 2),
    ("CA", 1.5),
    ("PH", 1),
    ("PK", 1),
    ("BD", 1),
    ("EG", 0.7),
    ("ZA", 0.7),
    ("IL", 0.5),
    ("CZ", 0.7),
    ("HU", 0.5),
    ("AT", 0.5),
    ("SE", 0.6),
    ("CH", 0.6),
    ("KG", 0.3),
    ("UZ", 0.4),
    ("MN", 0.4),
    ("LA", 0.2),
    ("MM", 0.3),
    ("RS", 0.3),
    ("GE", 0.2),
    ("AM", 0.1),
)
_SEMI = (
    ("JP", 8),
    ("KR", 6),
    ("US", 6),
    ("TW", 6),
    ("DE", 4),
    ("NL", 2),
    ("FR", 2),
    ("BE", 2),
    ("SG", 2),
    ("MY", 2),
    ("VN", 1),
    ("IN", 1),
    ("GB", 1),
    ("CA", 1),
    ("IL", 0.5),
    ("RU", 1.5),
)
_REE = (
    ("JP", 10),
    ("KR", 4),
    ("US", 4),
    ("DE", 3),
    ("VN", 2),
    ("TH", 2),
    ("MY", 2),
    ("FR", 1.5),
    ("EE", 1),
    ("AT", 1),
    ("IN", 2),
    ("NL", 1),
    ("GB", 1),
    ("TW", 1),
)
_MAGNET = (
    ("DE", 5),
    ("US", 6),
    ("JP", 3),
    ("KR", 3),
    ("MX", 2),
    ("VN", 2),
    ("TH", 2),
    ("IN", 3),
    ("TR", 2),
    ("PL", 1.5),
    ("CZ", 1),
    ("IT", 2),
    ("BR", 1),
)
_GRAPHITE = (
    ("JP", 5),
    ("KR", 6),
    ("US", 4),
    ("IN", 4),
    ("DE", 2),
    ("PL", 1.5),
    ("HU", 1),
    ("ID", 1.5),
    ("TR", 1.5),
    ("RU", 1),
    ("VN", 1),
)
_SB = (
    ("US", 3),
    ("JP", 4),
    ("KR", 3),
    ("BE", 2),
    ("NL", 2),
    ("DE", 2),
    ("IN", 4),
    ("TH", 2),
    ("VN", 2),
    ("TR", 1),
    ("MX", 1),
    ("ID", 1),
)
_W = (
    ("JP", 5),
    ("KR", 4),
    ("US", 4),
    ("DE", 4),
    ("SE", 2),
    ("AT", 2),
    ("IL", 0.7),
    ("IN", 3),
    ("VN", 1.5),
    ("TR", 1.5),
    ("RU", 1.5),
    ("GB", 1),
)
_MINOR = (
    ("JP", 3),
    ("KR", 3),
    ("US", 3),
    ("DE", 3),
    ("NL", 2),
    ("BE", 2),
    ("IN", 3),
    ("VN", 1),
    ("GB", 1),
    ("FR", 1),
)
_HARD = (
    ("IN", 4),
    ("KR", 3),
    ("JP", 2),
    ("US", 3),
    ("DE", 2),
    ("TR", 2),
    ("VN", 2),
    ("TH", 1),
    ("IT", 1),
)
_BATT = (
    ("DE", 4),
    ("US", 4),
    ("KR", 2),
    ("HU", 2),
    ("PL", 2),
    ("IN", 3),
    ("VN", 1),
    ("AU", 2),
    ("NL", 1),
)
_RETAIL = (
    ("US", 10),
    ("GB", 4),
    ("DE", 4),
    ("FR", 2),
    ("CA", 3),
    ("AU", 3),
    ("JP", 3),
    ("KR", 2),
    ("NL", 1),
    ("ES", 1),
    ("IT", 1),
)
_MAKERS = (("maker", 0.55), ("distributor", 0.3), ("trader", 0.15))
_TRADE = (("distributor", 0.45), ("trader", 0.35), ("maker", 0.2))

SECTORS: dict[str, Sector] = {
    "general": Sector(
        0.22,
        0.17,
        ("440600", "441900", "330700", "320500", "350200", "440300"),
        "general",
        _DEFAULT,
        (("retail", 0.4), ("trader", 0.4), ("distributor", 0.2)),
        1.5,
    ),
    "supply": Sector(
        0.02,
        0.08,
        ("440300", "310000", "330200", "440100"),
        "supply",
        _DEFAULT,
        (("trader", 0.5), ("retail", 0.3), ("distributor", 0.2)),
        12.0,
    ),
    "ecommerce": Sector(
        0.12,
        0.07,
        ("330700", "440300", "441900", "440100"),
        "ecommerce",
        _RETAIL,
        (("person", 0.55), ("retail", 0.45)),
        0.2,
    ),
    "base_metal": Sector(
        0.08,
        0.09,
        ("530100", "450100", "410100", "370200", "120000", "650100", "610100"),
        "trade",
        _DEFAULT,
        _TRADE,
        0.3,
    ),
    "chemical": Sector(
        0.08,
        0.09,
        ("370200", "320200", "330200", "440100", "120000"),
        "chemical",
        _DEFAULT,
        _MAKERS,
        0.8,
    ),
    "trading": Sector(
        0.08,
        0.08,
        ("310000", "440300", "430100", "110000", "330200", "120000"),
        "trade",
        _DEFAULT,
        _TRADE,
        0.6,
    ),
    "gallium": Sector(
        0.025,
        0.035,
        ("451000", "140900", "371600", "410100", "140100"),
        "metal",
        _SEMI,
        _MAKERS,
        0.4,
        True,
    ),
    "germanium": Sector(
        0.025,
        0.035,
        ("530300", "530100", "150700", "152500"),
        "germanium",
        _SEMI,
        _MAKERS,
        0.4,
        True,
    ),
    "wafer": Sector(
        0.03, 0.03, ("110000", "320500", "440300", "350200"), "wafer", _SEMI, _MAKERS, 0.6, True
    ),
    "graphite": Sector(
        0.05, 0.06, ("230400", "230300", "370200", "150200"), "graphite", _GRAPHITE, _MAKERS, 0.4
    ),
    "antimony": Sector(0.04, 0.05, ("431381", "451200", "430100"), "antimony", _SB, _MAKERS, 0.4),
    "tungsten": Sector(
        0.05, 0.06, ("360700", "431000", "430200", "350800", "410300"), "tungsten", _W, _MAKERS, 0.5
    ),
    "minor": Sector(
        0.04,
        0.04,
        ("431000", "410300", "440100", "360100", "430100"),
        "metal",
        _MINOR,
        _MAKERS,
        0.5,
        True,
    ),
    "rare_earth": Sector(
        0.05, 0.06, ("360700", "150200", "513400", "350800"), "rare_earth", _REE, _MAKERS, 0.5, True
    ),
    "magnet": Sector(
        0.035, 0.04, ("330200", "150200", "140100", "360700"), "magnet", _MAGNET, _MAKERS, 1.0
    ),
    "superhard": Sector(0.02, 0.02, ("410100", "410300"), "superhard", _HARD, _MAKERS, 0.5, True),
    "battery": Sector(0.025, 0.03, ("440300", "350900", "320400"), "battery", _BATT, _MAKERS, 0.6),
}

_BROKER_REGIONS = ("310000", "440300", "330200", "370200", "120000", "350200", "440100", "530100")


@dataclass
class Registry:
    """Every party and relation of the world, with party ids handed out in order."""

    parties: list[Party] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def add(self, kind: str, name: str, **kw: object) -> Party:
        party = Party(f"P{len(self.parties) + 1:06d}", kind, name)
        for key, value in kw.items():
            setattr(party, key, value)
        self.parties.append(party)
        return party

    def relate(
        self,
        src: Party,
        dst: Party,
        relation: str,
        share: float | None = None,
        since: dt.date | None = None,
    ) -> None:
        self.relations.append(Relation(src.party_id, dst.party_id, relation, share, since))

    def person_cn(self, rnd: random.Random, region: str) -> Party:
        zh, py = names.chinese_person(rnd)
        born = dt.date(rnd.randrange(1958, 1998), rnd.randrange(1, 13), rnd.randrange(1, 29))
        return self.add(
            "person",
            zh,
            alt_names=[py],
            country="CN",
            registration_id=registry.resident_id(rnd, region, born),
            phone=names.phone(rnd, "CN"),
        )

    def person_foreign(self, rnd: random.Random, country: str) -> Party:
        return self.add(
            "person",
            names.foreign_person(rnd, country),
            country=country,
            phone=names.phone(rnd, country),
        )


@dataclass
class Population:
    exporters: list[Exporter]
    consignees: list[Consignee]
    brokers: list[Party]
    hubs: list[int]
    registry: Registry


def _pick(rnd: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    keys = [k for k, _ in pairs]
    weights = [w for _, w in pairs]
    return rnd.choices(keys, weights)[0]


def _incorporated(rnd: random.Random, new: bool) -> dt.date:
    if new:
        span = (END - START).days - 150
        return START - dt.timedelta(days=60) + dt.timedelta(days=rnd.randrange(span))
    return dt.date(rnd.randrange(1993, 2023), rnd.randrange(1, 13), rnd.randrange(1, 29))


def new_consignee(
    reg: Registry,
    rnd: random.Random,
    consignees: list[Consignee],
    country: str,
    kind: str,
    new: bool,
    name: str | None = None,
    address: str | None = None,
) -> Consignee:
    """A foreign buyer (or a person buying online) and its registry entry."""
    incorporated = _incorporated(rnd, new)
    if kind == "person":
        party = reg.person_foreign(rnd, country)
        label = party.name
        addr = address or names.foreign_address(rnd, country)
        party.address = addr
    else:
        label = name or names.foreign_company(rnd, country, "maker" if kind == "maker" else kind)
        addr = address or names.foreign_address(rnd, country)
        party = reg.add(
            "company",
            label,
            country=country,
            address=addr,
            phone=names.phone(rnd, country),
            email=f"info@{names.email_domain(label, country)}",
            registration_id=registry.foreign_company_no(rnd, country),
            incorporated_at=incorporated,
        )
        if rnd.random() < 0.25:
            party.alt_names = names.variants(label, rnd, 2)
        if rnd.random() < 0.35:
            director = reg.person_foreign(rnd, country)
            reg.relate(director, party, "director", since=incorporated)
    dest = country
    if country in ("DE", "AT", "CH", "CZ", "HU") and rnd.random() < 0.3:
        dest = rnd.choice(("NL", "BE"))
    cons = Consignee(len(consignees), party, label, country, addr, kind, dest, None, new)
    consignees.append(cons)
    return cons


def build_population(
    rnd: random.Random, n_exporters: int, n_brokers: int, controls: Controls
) -> Population:
    reg = Registry()
    consignees: list[Consignee] = []
    brokers = _brokers(reg, rnd, n_brokers)
    hubs = [
        new_consignee(reg, rnd, consignees, country, "hub", False).idx
        for country in HUB_COUNTRIES
        for _ in range(2)
    ]
    for idx in hubs:
        consignees[idx].name = consignees[idx].party.name
    pools: dict[tuple[str, str], list[int]] = {}
    exporters: list[Exporter] = []
    sector_names = sorted(SECTORS)
    counts = [SECTORS[s].count for s in sector_names]
    for _ in range(n_exporters):
        sector = rnd.choices(sector_names, counts)[0]
        exporters.append(_exporter(reg, rnd, sector, brokers, controls))
    _normalise_weights(exporters)
    for exp in exporters:
        _link_buyers(reg, rnd, exp, consignees, pools, hubs)
    _groups(reg, rnd, exporters)
    _payers(reg, rnd, consignees)
    return Population(exporters, consignees, brokers, hubs, reg)


def _brokers(reg: Registry, rnd: random.Random, n: int) -> list[Party]:
    out = []
    for _ in range(n):
        region = rnd.choice(_BROKER_REGIONS)
        zh, en = names.chinese_company(rnd, region, "broker")
        out.append(
            reg.add(
                "company",
                zh,
                alt_names=[en],
                country="CN",
                address=names.chinese_address(rnd, region),
                phone=names.phone(rnd, "CN"),
                registration_id=registry.uscc(rnd, region),
                incorporated_at=_incorporated(rnd, False),
            )
        )
    return out


def make_exporter(
    reg: Registry,
    rnd: random.Random,
    sector: str,
    region: str,
    new: bool,
    person: bool = False,
    trade: tuple[str, str] | None = None,
) -> Exporter:
    """An exporter of record with its registry entries (company or sole trader)."""
    spec = SECTORS[sector]
    incorporated = _incorporated(rnd, new)
    if person:
        owner = reg.person_cn(rnd, region)
        uscc = owner.registration_id or ""
        zh = owner.name
        en = owner.alt_names[0]
        party = owner
        party.incorporated_at = incorporated
    else:
        zh, en = names.chinese_company(rnd, region, spec.business, trade)
        uscc = registry.uscc(rnd, region)
        party = reg.add(
            "company",
            zh,
            alt_names=[en],
            country="CN",
            address=names.chinese_address(rnd, region),
            phone=names.phone(rnd, "CN"),
            email=f"export@{names.email_domain(en, 'CN')}",
            registration_id=uscc,
            incorporated_at=incorporated,
        )
        rep = reg.person_cn(rnd, region)
        reg.relate(rep, party, "director", since=incorporated)
        if rnd.random() < 0.6:
            reg.relate(
                rep, party, "shareholder", share=round(rnd.uniform(0.3, 1.0), 2), since=incorporated
            )
    goods = [k for k, _ in PORTFOLIOS[sector]]
    weights = [w * rnd.uniform(0.3, 1.7) for _, w in PORTFOLIOS[sector]]
    if len(goods) > 3:
        drop = rnd.sample(range(len(goods)), k=rnd.randrange(0, len(goods) // 2))
        for i in drop:
            weights[i] *= 0.05
    active = incorporated + dt.timedelta(days=rnd.randrange(20, 90)) if new else START
    lang = rnd.choices(
        ("zh", "mix", "en"), (0.5, 0.3, 0.2) if sector != "ecommerce" else (0.25, 0.25, 0.5)
    )[0]
    return Exporter(
        party=party,
        uscc=uscc,
        name_zh=zh,
        name_en=en,
        region=region,
        province=REGIONS[region][0],
        sector=sector,
        weight=rnd.lognormvariate(0.0, 1.15),
        goods=goods,
        goods_w=weights,
        active_from=max(active, START),
        multi=spec.multi * rnd.uniform(0.5, 1.5),
        lang=lang,
        spec_style=rnd.choices(("pipe", "free", "none"), (0.6, 0.3, 0.1))[0],
        currency=rnd.choices(("USD", "CNY", "EUR", "HKD"), (0.8, 0.12, 0.05, 0.03))[0],
    )


def _exporter(
    reg: Registry, rnd: random.Random, sector: str, brokers: list[Party], controls: Controls
) -> Exporter:
    spec = SECTORS[sector]
    region = rnd.choice(spec.regions)
    new = rnd.random() < 0.2
    person = sector == "ecommerce" and rnd.random() < 0.35
    exp = make_exporter(reg, rnd, sector, region, new, person)
    if rnd.random() < 0.8:
        k = 1 if rnd.random() < 0.7 else 2
        weights = [1.0 / (i + 1) ** 0.9 for i in range(len(brokers))]
        chosen = rnd.choices(brokers, weights, k=k)
        exp.brokers = sorted({b.registration_id or "" for b in chosen})
        for b in chosen:
            reg.relate(b, exp.party, "agent", since=exp.active_from)
    _licensing(rnd, exp, controls)
    if not person and rnd.random() < 0.03:
        old_zh, _ = names.chinese_company(rnd, region, spec.business)
        day = START + dt.timedelta(days=rnd.randrange(60, (END - START).days - 60))
        exp.old_name = (day, old_zh)
        exp.party.alt_names.append(old_zh)
    return exp


def _licensing(rnd: random.Random, exp: Exporter, controls: Controls) -> None:
    """Which controlled elements the exporter obtains licences for, and from when."""
    elements: dict[str, dt.date] = {}
    for key in exp.goods:
        good = BY_KEY[key]
        if good.item is None or not controls.item(good.item).licence_required:
            continue
        item = controls.item(good.item)
        if item.suspended_from is not None and item.suspended_from <= item.effective_from:
            continue  # suspended before it ever applied: nobody needs a licence
        elements.setdefault(good.element, item.effective_from)
    share = 0.45 if exp.sector == "trading" else 0.78
    licensed = {e for e in elements if rnd.random() < share}
    exp.licensed = frozenset(licensed)
    for element in sorted(licensed):
        lag = dt.timedelta(days=rnd.randrange(35, 110))
        exp.licence_from[element] = max(elements[element], exp.active_from - lag) + lag


def _normalise_weights(exporters: list[Exporter]) -> None:
    by_sector: dict[str, float] = {}
    for exp in exporters:
        by_sector[exp.sector] = by_sector.get(exp.sector, 0.0) + exp.weight
    for exp in exporters:
        exp.weight = exp.weight / by_sector[exp.sector] * SECTORS[exp.sector].lines


def _link_buyers(
    reg: Registry,
    rnd: random.Random,
    exp: Exporter,
    consignees: list[Consignee],
    pools: dict[tuple[str, str], list[int]],
    hubs: list[int],
) -> None:
    spec = SECTORS[exp.sector]
    k = 1 + min(45, int(rnd.paretovariate(1.5)) + int(exp.weight * 3000) // 4)
    chosen: set[int] = set()
    for _ in range(k):
        country = _pick(rnd, spec.countries)
        kind = _pick(rnd, spec.buyers)
        pool = pools.setdefault((country, kind), [])
        if pool and rnd.random() < 0.55:
            idx = pool[min(int(rnd.paretovariate(1.2)) - 1, len(pool) - 1)]
        else:
            cons = new_consignee(reg, rnd, consignees, country, kind, rnd.random() < 0.12)
            idx = cons.idx
            pool.append(idx)
        if idx in chosen:
            continue
        chosen.add(idx)
        cons = consignees[idx]
        since = exp.active_from
        if cons.new and cons.party.incorporated_at is not None:
            since = max(
                since, cons.party.incorporated_at + dt.timedelta(days=rnd.randrange(15, 120))
            )
        exp.links.append(
            (idx, rnd.lognormvariate(0.0, 1.0), min(since, END - dt.timedelta(days=30)))
        )
    if exp.sector not in ("ecommerce", "general") and rnd.random() < 0.35:
        for idx in rnd.sample(hubs, k=rnd.randrange(1, 3)):
            exp.links.append((idx, rnd.uniform(1.0, 4.0), exp.active_from))


def _groups(reg: Registry, rnd: random.Random, exporters: list[Exporter]) -> None:
    """Groups of companies under one owner: sister companies share a parent and directors."""
    companies = [e for e in exporters if e.party.kind == "company"]
    rnd.shuffle(companies)
    n_groups = max(1, len(companies) // 40)
    for g in range(n_groups):
        members = companies[g * 3 : g * 3 + rnd.randrange(2, 4)]
        if len(members) < 2:
            continue
        region = members[0].region
        zh, en = names.chinese_company(rnd, region, "trade")
        parent = reg.add(
            "company",
            zh.replace("有限公司", "集团有限公司"),
            alt_names=[en.replace("Co., Ltd.", "Group Co., Ltd.")],
            country="CN",
            registration_id=registry.uscc(rnd, region),
            incorporated_at=_incorporated(rnd, False),
        )
        chair = reg.person_cn(rnd, region)
        reg.relate(chair, parent, "director")
        for m in members:
            reg.relate(parent, m.party, "owner", share=round(rnd.uniform(0.51, 1.0), 2))
            if rnd.random() < 0.5:
                reg.relate(chair, m.party, "director")


def _payers(reg: Registry, rnd: random.Random, consignees: list[Consignee]) -> None:
    """Honest triangular trade: a regional parent buys and pays for its subsidiary."""
    for cons in consignees:
        if cons.kind in ("person", "hub") or cons.country in ("HK", "SG", "AE"):
            continue
        if cons.country in ("KR", "VN", "IN", "TH", "MY", "ID", "PH", "BD") and rnd.random() < 0.1:
            hub_country = rnd.choice(("HK", "SG", "AE"))
            payer = reg.add(
                "company",
                names.foreign_company(rnd, hub_country, "trader"),
                country=hub_country,
                address=names.foreign_address(rnd, hub_country),
                registration_id=registry.foreign_company_no(rnd, hub_country),
                incorporated_at=_incorporated(rnd, False),
            )
            reg.relate(payer, cons.party, "payer")
            reg.relate(payer, cons.party, "shareholder", share=round(rnd.uniform(0.5, 1.0), 2))
            cons.trade_country = hub_country
