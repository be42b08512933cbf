"""Border residents' trade (边民互市): many tiny declarations under residents' own names.

Each resident of a frontier county may take goods worth up to 8,000 CNY a day across
the border. Residents are organised in mutual-aid cooperatives that lodge their
declarations and truck their goods, so hundreds of residents share one declarant; a
resident who trades often packs the day's goods up to just under the cap.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from nineteenthworld import clock, geo
from nineteenthworld.context import Context
from nineteenthworld.goods import GOODS
from nineteenthworld.ledger import Row, goods_line, stamp, unit_price
from nineteenthworld.population import Party
from nineteenthworld.rand import around, pick

DAILY_CAP_CNY = 8_000.0

#: Share of resident trade by port.
PORT_WEIGHTS = {
    "CNHRG": 0.2,
    "CNDXG": 0.18,
    "CNPXG": 0.13,
    "CNHKO": 0.1,
    "CNRLI": 0.14,
    "CNWDG": 0.06,
    "CNERL": 0.09,
    "CNNZH": 0.05,
    "CNSFH": 0.05,
}
#: What residents carry, by the country across the border.
GOODS_BY_COUNTRY = {
    "VN": (
        "apples",
        "oranges",
        "garlic",
        "household",
        "cookware",
        "tshirts",
        "moto_parts",
        "noodles",
        "blankets",
        "phones",
        "hand_tools",
    ),
    "MM": (
        "household",
        "cookware",
        "hand_tools",
        "tshirts",
        "noodles",
        "blankets",
        "phones",
        "moto_parts",
        "hardware",
    ),
    "KZ": ("tshirts", "blankets", "household", "tea", "cookware", "phones", "apples", "hardware"),
    "MN": ("apples", "garlic", "noodles", "household", "blankets", "tshirts", "hand_tools"),
    "RU": ("apples", "oranges", "garlic", "tshirts", "household", "hand_tools", "blankets"),
}
LOCAL_CURRENCY = {"VN": "VND", "MN": "MNT", "RU": "RUB", "KZ": "KZT"}
#: The country across the border from each residents' market, and its border towns.
ACROSS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "CNHRG": ("KZ", (("Zharkent", "Жаркент"), ("Nurkent", "Нуркент"))),
    "CNERL": ("MN", (("Zamyn-Uud", "Замын-Үүд"),)),
    "CNNZH": ("RU", (("Zabaykalsk", "Забайкальск"),)),
    "CNSFH": ("RU", (("Pogranichny", "Пограничный"), ("Ussuriysk", "Уссурийск"))),
    "CNRLI": ("MM", (("Muse", "မူဆယ်"),)),
    "CNWDG": ("MM", (("Muse", "မူဆယ်"), ("Namkham", "နမ့်ခမ်း"))),
    "CNHKO": ("VN", (("Lao Cai", "Lào Cai"),)),
    "CNPXG": ("VN", (("Lang Son", "Lạng Sơn"), ("Dong Dang", "Đồng Đăng"))),
    "CNDXG": ("VN", (("Mong Cai", "Móng Cái"),)),
}


def border_buyers(pop, port: str, rng: random.Random, count: int) -> list[Party]:
    """Small traders in the border towns across from ``port``."""
    country, towns = ACROSS[port]
    return [pop.company_foreign(country, city=pick(rng, towns)) for _ in range(count)]


@dataclass
class Resident:
    person: Party
    port: str
    country: str
    cooperative: Party | None
    buyers: list[Party]
    weight: float
    start: int
    goods: tuple[str, ...]


class ResidentTrade:
    """The residents of the frontier counties and their daily declarations."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rng = ctx.rng("residents")
        self.residents: list[Resident] = []
        self.spent: dict[tuple[str, dt.date], float] = {}

    def enrol(self, target_lines: int) -> None:
        rng = self.rng
        pop = self.ctx.pop
        count = max(30, round(target_lines / 13))
        ports = list(PORT_WEIGHTS)
        markets = {
            port: border_buyers(pop, port, rng, max(3, round(count * PORT_WEIGHTS[port] / 8)))
            for port in ports
        }
        for _ in range(count):
            port = pick(rng, ports, [PORT_WEIGHTS[p] for p in ports])
            info = geo.PORTS[port]
            country = ACROSS[port][0]
            person = pop.person_cn(info.division, info.province)
            coop = pick(rng, pop.cooperatives[port]) if rng.random() < 0.9 else None
            market = markets[port]
            buyers = rng.sample(market, min(len(market), rng.randint(1, 3)))
            start = 0 if rng.random() < 0.8 else rng.randrange(clock.DAYS - 60)
            self.residents.append(
                Resident(
                    person,
                    port,
                    country,
                    coop,
                    buyers,
                    rng.paretovariate(1.6),
                    start,
                    GOODS_BY_COUNTRY.get(country, GOODS_BY_COUNTRY["VN"]),
                )
            )

    def room(self, resident: Party, day: dt.date) -> float:
        return DAILY_CAP_CNY - self.spent.get((resident.party_id, day), 0.0)

    def spend(self, resident: Party, day: dt.date, value_cny: float) -> None:
        key = (resident.party_id, day)
        self.spent[key] = self.spent.get(key, 0.0) + value_cny

    def generate(self, target_lines: int) -> int:
        """Add resident declarations until ``target_lines`` lines exist; returns lines made."""
        if target_lines <= 0:
            return 0
        if not self.residents:
            self.enrol(target_lines)
        rng = self.rng
        weights = [r.weight for r in self.residents]
        made = 0
        while made < target_lines:
            resident = pick(rng, self.residents, weights)
            day = self.ctx.residents.draw(rng, resident.start)
            room = self.room(resident.person, day)
            if room < 300:
                continue
            n = 1 if rng.random() < 0.8 or target_lines - made < 2 else 2
            rows = self.declaration(resident, day, n, room)
            made += len(rows)
        return made

    def declaration(self, resident: Resident, day: dt.date, n: int, room: float) -> list[Row]:
        rng = self.rng
        near_cap = rng.random() < 0.3
        total = rng.uniform(7000, 7990) if near_cap else min(around(rng, 2200, 0.7), 7990)
        total = min(total, room - 1)
        currency = "CNY"
        if rng.random() < 0.15 and resident.country in LOCAL_CURRENCY:
            currency = LOCAL_CURRENCY[resident.country]
        lines: list[Row] = []
        keys = rng.sample(resident.goods, n)
        for i, key in enumerate(keys):
            good = GOODS[key]
            share = total / n if i < n - 1 else total - sum(r["_value_cny"] for r in lines)
            price = unit_price(rng, good, day)
            kg = max(share / price, 0.2)
            if good.unit == "pcs":
                kg = max(kg, good.kg_per_unit)
            line = goods_line(rng, good, kg, price, day, currency, resident.country)
            if line["_value_cny"] > room - sum(r["_value_cny"] for r in lines):
                continue
            line["_traps"] = []
            if near_cap:
                line["_traps"].append("near_cap")
            if resident.cooperative is not None:
                line["_traps"].append("resident_cooperative")
            lines.append(line)
        if not lines:
            return []
        self.spend(resident.person, day, sum(r["_value_cny"] for r in lines))
        header = resident_header(
            rng,
            resident.person,
            resident.port,
            resident.country,
            day,
            currency,
            resident.cooperative,
            pick(rng, resident.buyers),
        )
        return self.ctx.ledger.add(header, lines)


def resident_header(
    rng: random.Random,
    person: Party,
    port: str,
    country: str,
    day: dt.date,
    currency: str,
    cooperative: Party | None,
    buyer: Party,
) -> Row:
    at = clock.moment(rng, day, 9, 18)
    passenger_share = dict(geo.PORTS[port].modes).get("passenger", 0.0)
    mode = "passenger" if rng.random() < min(0.7, 0.2 + 2 * passenger_share) else "road"
    declared = stamp(rng, at, port)
    if rng.random() < 0.05:
        declared = at.strftime("%Y-%m-%d")
    return {
        "_day": day,
        "_at": at,
        "_seg": "resident",
        "_exporter": person.party_id,
        "_exporter_scripts": person.scripts,
        "_buyer": buyer.party_id,
        "declared_at": declared,
        "port": port,
        "mode": mode,
        "exporter_id": person.registration_id,
        "exporter_name": person.name,
        "declarant_id": cooperative.registration_id if cooperative else None,
        "consignee_name": buyer.written(rng, "mixed" if rng.random() < 0.3 else "latin"),
        "consignee_address": None,
        "consignee_country": country,
        "destination_country": country,
        "trade_country": country,
        "end_user_name": None,
        "end_use": None,
        "currency": currency,
        "license_no": None,
        "container_ids": None,
        "transport_doc": None,
        "origin_region": geo.PORTS[port].division if rng.random() < 0.5 else None,
    }
