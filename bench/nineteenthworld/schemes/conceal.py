"""Schemes that hide the controlled good: germanium dioxide inside a wagon of zinc
concentrate, metal under light consumer goods in a China-Europe container, gallium and
germanium carried in tiny lots by border residents."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from nineteenthworld import chain, clock, geo, goods, names
from nineteenthworld.companies import currency_for
from nineteenthworld.ledger import goods_line, unit_price
from nineteenthworld.population import Party
from nineteenthworld.rand import pick, pick_pairs
from nineteenthworld.residents import ACROSS, border_buyers, resident_header
from nineteenthworld.schemes.common import Scheme, good, log_uniform


class GermaniumInZinc(Scheme):
    """Drums of germanium dioxide loaded into wagons of zinc concentrate.

    Loud: a zinc trader set up months before, the concentrate valued at two or three
    times its price, the specification silent on germanium, the gross weight a few
    hundred kilograms to over a tonne above the net (bulk concentrate has no packing);
    the germanium producer's balance does not close. Faint: an older zinc trader that
    also ships real concentrate, a usual value and specification, the gross only the
    hidden drums above the net; the dioxide reaches the trader by a recorded movement.
    """

    name = "germanium_in_zinc"
    code = "GEZ"
    result = "concealed"
    efficacy: ClassVar[dict[str, float]] = {
        "scan": 0.7,
        "physical": 0.6,
        "lab": 0.8,
        "document": 0.05,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        true = good("germanium_dioxide")
        producer = chain.producer_for(self.ctx, "germanium:dioxide", rng.randrange(9))
        country = self.country((("KZ", 0.5), ("RU", 0.3), ("MN", 0.2)))
        n = min(quota, rng.randint(2, 5))
        first = rng.randrange(0, clock.DAYS - 200)
        days = self.days(n, first, (15, 45))
        division = pick(rng, ("530100", "152502", "530900"))
        if variant == "loud":
            exporter = pop.company_cn(
                division, pick(rng, ("zinc", "mining")), incorporated=self.recent(days[0], 120, 300)
            )
            buyer = pop.company_foreign(country, incorporated=self.recent(days[0], 60, 400))
        else:
            exporter = pop.company_cn(
                division,
                pick(rng, ("zinc", "mining")),
                incorporated=dt.date(rng.randint(2010, 2019), 6, 1),
            )
            buyer = pick(rng, pop.buyers[country])
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.5 else None)
        if variant == "faint":
            self._cover(trader, country, buyer)
        for day in days:
            port, _ = self.route(country)
            cover = good("zinc_concentrate" if rng.random() < 0.7 else "zinc_fume")
            wagons = rng.randint(1, 3)
            kg = sum(rng.uniform(60, 68) for _ in range(wagons)) * 1000
            hidden = rng.uniform(200, 800) if variant == "loud" else rng.uniform(60, 250)
            currency = self.currency(country)
            price = unit_price(rng, cover, day)
            if variant == "loud":
                price *= rng.uniform(1.6, 3.0)
                spec = f"Zn {rng.randint(45, 52)}% 散装"
            else:
                spec = goods.fill(rng, cover.spec)
            line = goods_line(rng, cover, kg, price, day, currency, country, spec=spec)
            packing = hidden * 0.3 + rng.uniform(500, 1500) if variant == "loud" else hidden * 0.05
            line["gross_weight_kg"] = round(
                line["net_weight_kg"] * rng.uniform(1.0, 1.002) + hidden + packing, 1
            )
            rows = self.declare(trader, port, "rail", day, buyer, [line], currency)
            self.fraud(
                rows[0],
                variant,
                ring,
                true,
                hidden,
                self.value_of("germanium:dioxide", hidden, day),
            )
            moved = max(clock.START, day - dt.timedelta(days=rng.randint(4, 20)))
            if variant == "loud":
                self.ctx.hidden.append((producer.facility_id, "germanium:dioxide", moved, hidden))
            else:
                self.ledger.movement(
                    moved, producer.facility_id, exporter.party_id, "germanium:dioxide", hidden
                )
        self.role(exporter, ring, "exporter")
        self.role(buyer, ring, "consignee")
        return n

    def _cover(self, trader, country: str, buyer: Party) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            day = clock.day_at(rng.randrange(clock.DAYS))
            port, _ = self.route(country)
            cover = good("zinc_concentrate")
            kg = sum(rng.uniform(60, 68) for _ in range(rng.randint(1, 3))) * 1000
            currency = self.currency(country)
            line = goods_line(rng, cover, kg, unit_price(rng, cover, day), day, currency, country)
            line["_traps"] = ["uncontrolled_lookalike"]
            self.declare(trader, port, "rail", day, buyer, [line], currency)


LIGHT = ("plush_toys", "garments", "plastic_ware", "shoes", "down_jackets", "christmas")
HIDDEN = (
    ("antimony_ingot", (3_000, 12_000)),
    ("tungsten_bars", (2_000, 8_000)),
    ("bismuth", (3_000, 12_000)),
)


class DenseCargo(Scheme):
    """Metal hidden under light consumer goods in a China-Europe container: a box of plush
    toys that weighs like a box of ingots.

    Loud: the declared net weight is the toys' alone, the gross weight the toys' plus the
    metal (two or three times the net), from a small-goods trader set up months before.
    Faint: the metal's weight is folded into the net weight of the goods, so the gross
    follows the net, but each declared piece weighs two or three times what such a piece
    weighs and the value per kilogram is low; an established trader, with honest boxes
    too, and the metal reaches it by a recorded movement.
    """

    name = "dense_cargo"
    code = "DNS"
    result = "concealed"
    efficacy: ClassVar[dict[str, float]] = {
        "scan": 0.85,
        "physical": 0.8,
        "lab": 0.2,
        "document": 0.05,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        key, lots = pick(rng, HIDDEN)
        true = good(key)
        assert true.control is not None and true.material is not None
        division = pick(rng, ("330782", "500000"))
        zh = "义乌" if division == "330782" else "重庆"
        inland = "CNYIW" if division == "330782" else "CNCKG"
        n = min(quota, rng.randint(2, 5))
        days = self.days(n, self.start_after(true.control.effective, 220), (12, 40))
        if variant == "loud":
            exporter = pop.company_cn(
                division,
                pick(rng, ("small_goods", "toys")),
                incorporated=self.recent(days[0], 60, 180),
            )
        else:
            exporter = pop.company_cn(
                division,
                pick(rng, ("small_goods", "toys", "trading")),
                incorporated=dt.date(rng.randint(2012, 2020), 9, 1),
            )
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.6 else None)
        exit_port = pick_pairs(rng, geo.RAIL_EXITS)
        country = pick_pairs(rng, geo.RAIL_DESTINATIONS[exit_port])
        buyer = pick(rng, pop.buyers[country])
        producer = chain.producer_for(self.ctx, true.material, rng.randrange(9))
        if variant == "faint":
            for _ in range(rng.randint(1, 2)):
                self._honest_box(trader, exit_port, buyer, zh)
        for day in days:
            hidden = log_uniform(rng, *lots)
            cover = good(pick(rng, LIGHT))
            currency = self.currency(country)
            cover_kg = rng.uniform(*cover.box) * 1000
            price = unit_price(rng, cover, day)
            pieces = max(1, round(cover_kg / cover.kg_per_unit))
            if variant == "loud":
                line = goods_line(rng, cover, cover_kg, price, day, currency, country)
                line["gross_weight_kg"] = round(
                    line["net_weight_kg"] * rng.uniform(1.08, 1.15) + hidden * 1.02, 1
                )
            else:
                line = goods_line(
                    rng,
                    cover,
                    cover_kg + hidden,
                    1.0,
                    day,
                    currency,
                    country,
                    kg_per_unit=(cover_kg + hidden) / pieces,
                )
                value_cny = cover_kg * price
                line["value"] = round(
                    value_cny / geo.fx(currency, day), geo.currency_digits(currency)
                )
                line["_value_cny"] = value_cny
            line["container_ids"] = names.container_number(rng)
            lines = [line]
            if rng.random() < 0.4:
                extra = good(pick(rng, [k for k in LIGHT if k != cover.key]))
                other = goods_line(
                    rng,
                    extra,
                    rng.uniform(*extra.box) * 1000,
                    unit_price(rng, extra, day),
                    day,
                    currency,
                    country,
                )
                other["container_ids"] = names.container_number(rng)
                other["_traps"] = []
                lines.append(other)
            port = inland if rng.random() < 0.3 else exit_port
            rows = self.declare(trader, port, "rail", day, buyer, lines, currency, origin_region=zh)
            self.fraud(
                rows[0], variant, ring, true, hidden, self.value_of(true.material, hidden, day)
            )
            if variant == "faint":
                moved = max(clock.START, day - dt.timedelta(days=rng.randint(5, 25)))
                self.ledger.movement(
                    moved, producer.facility_id, exporter.party_id, true.material, hidden
                )
        self.role(exporter, ring, "exporter")
        return n

    def _honest_box(self, trader, exit_port: str, buyer: Party, zh: str) -> None:
        rng = self.rng
        day = clock.day_at(rng.randrange(clock.DAYS))
        cover = good(pick(rng, LIGHT))
        currency = self.currency(buyer.country)
        line = goods_line(
            rng,
            cover,
            rng.uniform(*cover.box) * 1000,
            unit_price(rng, cover, day),
            day,
            currency,
            buyer.country,
        )
        line["container_ids"] = names.container_number(rng)
        line["_traps"] = []
        self.declare(trader, exit_port, "rail", day, buyer, [line], currency, origin_region=zh)


RING_PORTS = (
    ("CNHRG", 0.25),
    ("CNDXG", 0.2),
    ("CNPXG", 0.15),
    ("CNHKO", 0.1),
    ("CNRLI", 0.15),
    ("CNERL", 0.1),
    ("CNNZH", 0.05),
)
CAP = 8000.0


class ResidentStructuring(Scheme):
    """Gallium or germanium carried across by border residents a few kilograms at a time,
    declared as household hardware, each declaration within the residents' daily cap.

    Loud: a dozen new residents declare on the same days, the same weight each, values
    just under the cap for two kilograms of "solder wire"; they share the organiser's
    phone and a dormitory address, a cooperative set up for them lodges for all, one
    buyer across the border; the gallium leaves its refinery off the books. Faint: the
    residents go one at a time on different days, at a hardware price, through an
    ordinary cooperative, to two or three buyers; their phones are the organiser's
    written another way or their own, they are the trading firm's employees, and the
    metal reaches the firm by a recorded movement.
    """

    name = "resident_structuring"
    code = "RES"
    efficacy: ClassVar[dict[str, float]] = {
        "physical": 0.9,
        "scan": 0.6,
        "document": 0.1,
        "lab": 0.9,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        port = pick_pairs(rng, RING_PORTS)
        info = geo.PORTS[port]
        country = ACROSS[port][0]
        true = good("gallium" if rng.random() < 0.65 else "germanium_ingot")
        assert true.material is not None
        lots = (1.0, 4.0) if true.key == "gallium" else (0.5, 1.5)
        firm = pop.company_cn(info.division, pick(rng, ("hardware", "trading", "commerce")))
        boss = pop.person_cn(info.division, info.province)
        pop.relate(boss, firm, "director", since=firm.incorporated_at)
        producer = chain.producer_for(self.ctx, true.material, rng.randrange(9))
        k = rng.randint(6, 14) if variant == "loud" else rng.randint(5, 10)
        dorm = names.village_address(rng, info.division)
        residents: list[Party] = []
        for i in range(k):
            if variant == "loud":
                person = pop.person_cn(info.division, info.province, phone=boss.phone, address=dorm)
            else:
                phone = names.phone_variant(boss.phone or "") if i % 2 == 0 else None
                person = pop.person_cn(info.division, info.province, phone=phone)
            pop.relate(person, firm, "employee")
            residents.append(person)
        if variant == "loud":
            coop = pop.company_cn(
                info.division,
                "cooperative",
                kind="93",
                incorporated=dt.date(2023, rng.randint(6, 12), 1),
            )
            buyers = border_buyers(pop, port, rng, 1)
            covers: tuple[str, ...] = ("solder_wire", "cookware")
        else:
            coop = pick(rng, pop.cooperatives[port])
            buyers = border_buyers(pop, port, rng, rng.randint(2, 3))
            covers = ("hand_tools", "hardware", "cookware", "solder_wire")
        made = 0
        quota = min(quota, rng.randint(20, 45))
        index = rng.randrange(0, clock.DAYS - 150)
        while made < quota and index < clock.DAYS:
            day = clock.day_at(index)
            if variant == "loud":
                batch = rng.sample(residents, min(len(residents), rng.randint(4, 10), quota - made))
                lot = round(rng.uniform(*lots), 1)
                cover = good(pick(rng, covers))
                kg_out = lot * len(batch)
                for person in batch:
                    value = rng.uniform(7500, 7990)
                    made += self._line(
                        variant,
                        ring,
                        port,
                        country,
                        day,
                        person,
                        coop,
                        pick(rng, buyers),
                        cover,
                        true,
                        lot,
                        lot,
                        value,
                    )
                index += rng.randint(5, 20)
            else:
                person = pick(rng, residents)
                cover = good(pick(rng, covers))
                true_kg = rng.uniform(*lots)
                declared = true_kg * rng.uniform(1.0, 1.08)
                value = unit_price(rng, cover, day) * declared * rng.uniform(0.9, 1.2)
                made += self._line(
                    variant,
                    ring,
                    port,
                    country,
                    day,
                    person,
                    coop,
                    pick(rng, buyers),
                    cover,
                    true,
                    declared,
                    true_kg,
                    value,
                )
                kg_out = true_kg
                index += rng.randint(1, 3)
            moved = max(clock.START, day - dt.timedelta(days=rng.randint(2, 10)))
            if variant == "loud":
                self.ctx.hidden.append((producer.facility_id, true.material, moved, kg_out))
            else:
                self.ledger.movement(
                    moved, producer.facility_id, firm.party_id, true.material, kg_out
                )
        self.role(firm, ring, "organiser")
        self.role(boss, ring, "organiser")
        for person in residents:
            self.role(person, ring, "resident_front")
        if variant == "loud":
            self.role(coop, ring, "declarant")
        for buyer in buyers:
            self.role(buyer, ring, "consignee")
        return made

    def _line(
        self,
        variant: str,
        ring: str,
        port: str,
        country: str,
        day: dt.date,
        person: Party,
        coop: Party,
        buyer: Party,
        cover,
        true,
        declared_kg: float,
        true_kg: float,
        value_cny: float,
    ) -> int:
        rng = self.rng
        currency = "CNY" if rng.random() < 0.9 else currency_for(rng, country)
        value_cny = min(value_cny, CAP - 1)
        line = goods_line(rng, cover, declared_kg, value_cny / declared_kg, day, currency, country)
        header = resident_header(rng, person, port, country, day, currency, coop, buyer)
        header["_seg"] = "scheme"
        line["_traps"] = []
        rows = self.ledger.add(header, [line])
        self.fraud(
            rows[0], variant, ring, true, true_kg, self.value_of(true.material or "", true_kg, day)
        )
        return 1
