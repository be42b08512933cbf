"""The people and firms of the world, and how they are linked.

Every party goes into the ``parties`` table (companies and persons, with names in the
scripts they are known by, phones, addresses, registry numbers); links go into
``relations``; restricted parties go into ``watchlist``. Exporters, consignees and
declarants carry world-internal habits (goods, ports, buyers, the script their
consignee's name is written in) that the trade modules read.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from nineteenthworld import clock, geo, names
from nineteenthworld.rand import pick, pick_pairs


@dataclass
class Party:
    party_id: str
    kind: str  # company or person
    name: str
    country: str
    scripts: dict[str, str]  # zh/en/ru for Chinese parties, native/latin for foreign ones
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    registration_id: str | None = None
    incorporated_at: dt.date | None = None
    division: str | None = None
    city: tuple[str, str] | None = None
    listed: bool = False  # on the watchlist
    in_table: bool = True

    def alt_names(self) -> list[str]:
        return [v for v in dict.fromkeys(self.scripts.values()) if v != self.name]

    def written(self, rng: random.Random, habit: str) -> str:
        """The name as a clerk writes it: ``native``, ``latin`` or ``mixed``."""
        if habit == "mixed":
            habit = "native" if rng.random() < 0.5 else "latin"
        return self.scripts.get(habit, self.name)


@dataclass
class Trader:
    """A party that exports, with its habits."""

    party: Party
    segment: str
    goods: list[str]
    goods_w: list[float]
    ports: list[str]
    buyers: list[Party]
    buyers_w: list[float]
    start: int = 0
    end: int = clock.DAYS
    declarant: Party | None = None
    weight: float = 1.0
    buyer_script: str = "latin"
    origin: str | None = None
    traits: dict[str, object] = field(default_factory=dict)


@dataclass
class Facility:
    facility_id: str
    operator: Party
    kind: str
    region: str
    capacity_kg: float
    materials: list[str]
    since: dt.date | None = None


class Population:
    """Registry of parties, relations, watchlist entries and facilities."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.parties: list[Party] = []
        self.relations: list[dict[str, object]] = []
        self.watchlist: list[dict[str, object]] = []
        self.facilities: list[Facility] = []
        self.used_names: set[str] = set()
        self.used_ids: set[str] = set()
        self.buyers: dict[str, list[Party]] = {}
        self.hubs: dict[str, list[Party]] = {}
        self.brokers: list[Party] = []
        self.cooperatives: dict[str, list[Party]] = {}
        self.listed: list[Party] = []
        self.fronts: list[Party] = []

    # --- parties ---------------------------------------------------------------------

    def _pid(self) -> str:
        return f"P{len(self.parties) + 1:06d}"

    def _unique(self, make: object) -> str:
        assert callable(make)
        for _ in range(100):
            value = make()
            if value not in self.used_ids:
                self.used_ids.add(value)
                return str(value)
        raise RuntimeError("could not draw a unique identifier")  # pragma: no cover

    def company_cn(
        self,
        division: str,
        trade: str,
        *,
        kind: str = "91",
        incorporated: dt.date | None = None,
        address: str | None = None,
        phone: str | None = None,
    ) -> Party:
        rng = self.rng
        zh, en, ru = names.company_cn(rng, division, trade, self.used_names)
        regid = self._unique(lambda: names.uscc(rng, division, kind))
        if incorporated is None:
            incorporated = dt.date(rng.randint(2003, 2022), rng.randint(1, 12), rng.randint(1, 28))
        party = Party(
            self._pid(),
            "company",
            zh,
            "CN",
            {"zh": zh, "en": en, "ru": ru},
            address=address or names.address_cn(rng, division),
            phone=phone or names.phone(rng, "CN"),
            email=f"{en.split()[1].lower().replace(chr(39), '')}{rng.randint(1, 999)}@163.com"
            if rng.random() < 0.7
            else None,
            registration_id=regid,
            incorporated_at=incorporated,
            division=division,
        )
        self.parties.append(party)
        return party

    def person_cn(
        self, division: str, province: str, *, phone: str | None = None, address: str | None = None
    ) -> Party:
        rng = self.rng
        zh, latin, cyr = names.person_cn(rng, province)
        regid = self._unique(lambda: names.resident_id(rng, division))
        party = Party(
            self._pid(),
            "person",
            zh,
            "CN",
            {"zh": zh, "en": latin, "ru": cyr},
            address=address or names.village_address(rng, division),
            phone=phone or names.phone(rng, "CN"),
            registration_id=regid,
            division=division,
        )
        self.parties.append(party)
        return party

    def company_foreign(
        self,
        country: str,
        *,
        city: tuple[str, str] | None = None,
        stem: tuple[str, str] | None = None,
        suffix: tuple[str, str] | None = None,
        incorporated: dt.date | None = None,
        address: str | None = None,
        phone: str | None = None,
    ) -> Party:
        rng = self.rng
        native, latin = names.company_foreign(rng, country, self.used_names, stem, suffix)
        city = city or pick(rng, geo.CITIES.get(country, (("Capital", "Capital"),)))
        if incorporated is None:
            incorporated = dt.date(rng.randint(1998, 2021), rng.randint(1, 12), rng.randint(1, 28))
        party = Party(
            self._pid(),
            "company",
            latin if rng.random() < 0.5 else native,
            country,
            {"native": native, "latin": latin},
            address=address or names.address_foreign(rng, country, city),
            phone=phone or names.phone(rng, country),
            registration_id=self._unique(lambda: names.foreign_registration(rng, country)),
            incorporated_at=incorporated,
            city=city,
        )
        self.parties.append(party)
        return party

    def person_foreign(self, country: str, *, phone: str | None = None) -> Party:
        rng = self.rng
        native, latin = names.person_foreign(rng, country)
        party = Party(
            self._pid(),
            "person",
            native,
            country,
            {"native": native, "latin": latin},
            phone=phone or names.phone(rng, country),
        )
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
        self.relations.append(
            {
                "src_party_id": src.party_id,
                "dst_party_id": dst.party_id,
                "relation": relation,
                "share": share,
                "since": since,
            }
        )

    def list_party(
        self,
        party: Party,
        list_name: str,
        listed_at: dt.date,
        reason: str,
        address: str | None = None,
    ) -> None:
        party.listed = True
        self.watchlist.append(
            {
                "list": list_name,
                "name": party.scripts.get("latin", party.name),
                "alt_names": party.alt_names() or None,
                "kind": party.kind,
                "country": party.country,
                "address": address if address is not None else party.address,
                "registration_id": party.registration_id,
                "listed_at": listed_at,
                "reason": reason,
            }
        )

    def facility(
        self,
        operator: Party,
        kind: str,
        region: str,
        capacity_kg: float,
        materials: list[str],
        since: dt.date | None = None,
    ) -> Facility:
        fac = Facility(
            f"F{len(self.facilities) + 1:05d}",
            operator,
            kind,
            region,
            capacity_kg,
            materials,
            since,
        )
        self.facilities.append(fac)
        return fac

    # --- the standing population ------------------------------------------------------

    def build(self, lines: int) -> None:
        """Brokers, cooperatives, buyers abroad (with hubs) and the restricted parties."""
        rng = self.rng
        scale = lines / 100_000
        for _ in range(max(6, round(40 * scale**0.7))):
            port = pick(rng, geo.FRONTIER)
            trade = pick(rng, ("broker", "forwarding", "logistics"))
            self.brokers.append(self.company_cn(geo.PORTS[port].division, trade))
        for port in geo.RESIDENT_PORTS:
            division = geo.PORTS[port].division
            self.cooperatives[port] = [
                self.company_cn(division, "cooperative", kind="93")
                for _ in range(rng.randint(2, 4))
            ]
        weights = {
            "KZ": 18,
            "RU": 20,
            "KG": 6,
            "UZ": 6,
            "TJ": 2,
            "MN": 6,
            "BY": 4,
            "PL": 8,
            "DE": 7,
            "NL": 2,
            "CZ": 2,
            "HU": 2,
            "IT": 1,
            "LA": 4,
            "TH": 3,
            "MM": 5,
            "VN": 12,
        }
        total = sum(weights.values())
        n_buyers = max(60, round(1100 * scale**0.8))
        for country, w in weights.items():
            count = max(3, round(n_buyers * w / total))
            self.buyers[country] = [self.company_foreign(country) for _ in range(count)]
        hubs = (
            ("KZ", ("Евразия Дистрибьюшн", "Eurasia Distribution"), ("Almaty", "Алматы")),
            ("KZ", ("Жетысу Оптовый Рынок", "Zhetysu Wholesale Market"), ("Almaty", "Алматы")),
            ("RU", ("Сибирский Торговый Дом", "Sibirsky Torgovy Dom"), ("Moscow", "Москва")),
            ("RU", ("ЕвроАзия Маркет", "EvroAziya Market"), ("Moscow", "Москва")),
            ("KG", ("Дордой Оптом", "Dordoi Optom"), ("Bishkek", "Бишкек")),
            ("UZ", ("Toshkent Ulgurji", "Tashkent Wholesale"), ("Tashkent", "Toshkent")),
        )
        for country, stem, city in hubs:
            hub = self.company_foreign(
                country, city=city, stem=stem, suffix=None, incorporated=dt.date(2009, 5, 12)
            )
            self.hubs.setdefault(country, []).append(hub)
            self.buyers[country].append(hub)
        self._restricted()

    def _restricted(self) -> None:
        """Listed end users abroad, their listed fronts, and honest names that look alike."""
        ec_list = "MOFCOM export control control list (出口管制管控名单)"
        ue_list = "MOFCOM unreliable entity list (不可靠实体清单)"
        ends = (
            ("US", ("Aster Defense Systems", "Aster Defense Systems")),
            ("US", ("Northgate Aerospace", "Northgate Aerospace")),
            ("US", ("Halcyon Optronics", "Halcyon Optronics")),
            ("US", ("Vantor Guidance Technologies", "Vantor Guidance Technologies")),
        )
        for i, (country, stem) in enumerate(ends):
            party = self.company_foreign(country, stem=stem, suffix=None)
            self.list_party(
                party,
                ec_list if i % 2 == 0 else ue_list,
                dt.date(2024, 10 + i % 3, 9 + i),
                "military end user (US), 2024 No.46",
            )
            self.listed.append(party)
        fronts = (
            ("AE", ("Meridian Advanced Materials", "Meridian Advanced Materials")),
            ("TR", ("Boğaziçi Teknik Dış Ticaret", "Bogazici Teknik Dis Ticaret")),
            ("HK", ("九龍稀有金屬貿易", "Kowloon Rare Metals Trading")),
            ("KG", ("Тянь-Шань Стратегическое Снабжение", "Tien Shan Strategic Supply")),
            ("KZ", ("Технополис Импорт", "Technopolis Import")),
        )
        for i, (country, stem) in enumerate(fronts):
            party = self.company_foreign(
                country, stem=stem, suffix=None, incorporated=dt.date(2021 + i % 3, 3, 1)
            )
            self.list_party(
                party,
                ec_list,
                dt.date(2024, 12, 3 + i),
                "procures controlled items for listed US military end users",
            )
            self.listed.append(party)
            self.fronts.append(party)
            self.relate(party, self.listed[i % 4], "agent", since=dt.date(2022, 1, 1))
        person = self.person_foreign("AE")
        self.list_party(
            person, ec_list, dt.date(2025, 2, 10), "procurement agent of a listed party"
        )
        self.listed.append(person)
        # Honest firms whose names sound like listed ones.
        for country, stem in (
            ("KZ", ("Астер Трейдинг", "Aster Trading")),
            ("PL", ("Meridian Logistics", "Meridian Logistics")),
            ("RU", ("Нортгейт Мебель", "Northgate Mebel")),
            ("KG", ("Тянь-Шань Агро", "Tien Shan Agro")),
        ):
            self.buyers[country].append(self.company_foreign(country, stem=stem, suffix=None))

    def lookalike_names(self) -> set[str]:
        keys = ("Aster Trading", "Meridian Logistics", "Northgate Mebel", "Tien Shan Agro")
        out: set[str] = set()
        for buyers in self.buyers.values():
            for p in buyers:
                if any(p.scripts.get("latin", "").startswith(k) for k in keys):
                    out.update(p.scripts.values())
        return out

    def pick_buyers(
        self, country: str, n: int, hub_share: float = 0.3
    ) -> tuple[list[Party], list[float]]:
        """``n`` buyers in ``country`` with selection weights; hubs weigh heavily."""
        rng = self.rng
        pool = self.buyers.get(country) or self.buyers["KZ"]
        chosen = rng.sample(pool, min(n, len(pool)))
        weights = [rng.uniform(0.5, 2.0) for _ in chosen]
        for hub in self.hubs.get(country, []):
            if rng.random() < hub_share and hub not in chosen:
                chosen.append(hub)
                weights.append(rng.uniform(2.0, 5.0))
        return chosen, weights

    def pick_country(self, port: str) -> str:
        return pick_pairs(self.rng, geo.PORTS[port].neighbours)
