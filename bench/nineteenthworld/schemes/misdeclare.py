"""Schemes where the controlled good is declared as an ordinary one: antimony as lead,
rare-earth oxides as ceramic pigment, tungsten alloy as steel, graphite as electrodes
lodged by a broker for sole traders."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from nineteenthworld import chain, clock, goods
from nineteenthworld.ledger import bar_line, goods_line, unit_price
from nineteenthworld.population import Facility, Party
from nineteenthworld.rand import pick
from nineteenthworld.schemes.common import Scheme, good, log_uniform


class ProducerScheme(Scheme):
    """A scheme fed by a domestic producer: the loud variant takes the goods off the
    producer's books (a balance gap), the faint one moves them on paper to the exporter."""

    def feed(
        self,
        variant: str,
        producer: Facility,
        exporter: Party,
        material: str,
        day: dt.date,
        kg: float,
    ) -> None:
        moved = max(clock.START, day - dt.timedelta(days=self.rng.randint(4, 25)))
        if variant == "loud":
            self.ctx.hidden.append((producer.facility_id, material, moved, kg))
        else:
            self.ledger.movement(moved, producer.facility_id, exporter.party_id, material, kg)


class AntimonyAsLead(ProducerScheme):
    """Antimony ingots declared as lead-antimony battery alloy or as lead concentrate,
    after antimony came under control (2024-09-15).

    Loud: the smelter itself exports, at a value near antimony's, and half the lines
    let the antimony content slip into the specification; the smelter's balance does not
    close. Faint: a trading arm owned by the smelter, at a lead-alloy value and a lead
    alloy's specification; the ingots reach it by a recorded movement.
    """

    name = "antimony_as_lead"
    code = "SBP"
    efficacy: ClassVar[dict[str, float]] = {
        "lab": 0.95,
        "physical": 0.5,
        "scan": 0.25,
        "document": 0.15,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        true = good("antimony_ingot")
        control = true.control
        assert control is not None
        producer = chain.producer_for(self.ctx, "antimony:metal", rng.randrange(9))
        if variant == "loud":
            exporter = producer.operator
        else:
            exporter = pop.company_cn(producer.region, "commerce")
            pop.relate(
                producer.operator,
                exporter,
                "owner",
                share=round(rng.uniform(0.51, 1.0), 2),
                since=dt.date(rng.randint(2015, 2022), 1, 10),
            )
            self.role(producer.operator, ring, "producer")
        country = self.country((("VN", 0.45), ("RU", 0.3), ("KZ", 0.25)))
        buyer = (
            pop.company_foreign(country, incorporated=dt.date(2024, rng.randint(5, 9), 2))
            if variant == "loud"
            else pick(rng, pop.buyers[country])
        )
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.6 else None)
        n = min(quota, rng.randint(3, 7))
        days = self.days(n, self.start_after(control.effective, 250), (10, 40))
        for day in days:
            port, mode = self.route(country)
            cover = good("pbsb_alloy" if rng.random() < 0.6 else "lead_concentrate")
            kg = (rng.uniform(40, 65) if mode == "rail" else rng.uniform(10, 25)) * 1000
            currency = self.currency(country)
            true_value = self.value_of("antimony:metal", kg, day)
            if variant == "loud":
                price = true_value / kg * rng.uniform(0.7, 1.0)
                spec = "锑含量≥99.65% 25kg锭" if rng.random() < 0.5 else goods.fill(rng, cover.spec)
            else:
                price = unit_price(rng, cover, day) * rng.uniform(1.0, 1.25)
                spec = goods.fill(rng, cover.spec)
            line = goods_line(rng, cover, kg, price, day, currency, country, spec=spec)
            rows = self.declare(trader, port, mode, day, buyer, [line], currency)
            self.fraud(
                rows[0],
                variant,
                ring,
                true,
                line["_kg"],
                self.value_of("antimony:metal", line["_kg"], day),
            )
            self.feed(variant, producer, exporter, "antimony:metal", day, line["_kg"])
        self.role(exporter, ring, "exporter")
        self.role(buyer, ring, "consignee")
        return n


MAGNET_BUYERS = {
    "VN": (("Nam Châm Việt", "Viet Magnet"), ("Từ Tính Bắc Ninh", "Bac Ninh Magnetics")),
    "LA": (("Boten Magnetics", "Boten Magnetics"),),
    "TH": (("Siam Magnetics", "Siam Magnetics"),),
    "KZ": (("Магнит Системс", "Magnit Systems"),),
}


class ReeAsPigment(ProducerScheme):
    """Dysprosium and terbium oxides declared as ceramic pigment once they came under
    control (2025-04-04).

    Loud: a rare-earth firm declares "rare-earth ceramic pigment" at close to the oxide's
    value to a magnet maker; the separation plant's balance does not close. Faint: a
    pigment trader owned by the plant's operator, a pigment's description and value, an
    ordinary buyer; the oxide reaches it by a recorded movement.
    """

    name = "ree_as_pigment"
    code = "REP"
    efficacy: ClassVar[dict[str, float]] = {
        "lab": 0.95,
        "physical": 0.4,
        "scan": 0.15,
        "document": 0.1,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        true = good("dy_oxide" if rng.random() < 0.65 else "tb_oxide")
        assert true.material is not None and true.control is not None
        producer = chain.producer_for(self.ctx, true.material, rng.randrange(9))
        country = self.country((("VN", 0.6), ("LA", 0.12), ("TH", 0.13), ("KZ", 0.15)))
        if variant == "loud":
            exporter = pop.company_cn(pick(rng, ("450100", "532532", "360700")), "rare_earth")
            buyer = pop.company_foreign(country, stem=pick(rng, MAGNET_BUYERS[country]))
        else:
            exporter = pop.company_cn(pick(rng, ("450100", "360700", "530100")), "ceramics")
            pop.relate(
                producer.operator,
                exporter,
                "owner",
                share=round(rng.uniform(0.3, 0.9), 2),
                since=dt.date(rng.randint(2016, 2023), 4, 1),
            )
            buyer = pick(rng, pop.buyers[country])
            self.role(producer.operator, ring, "producer")
        cover = good("ceramic_pigment")
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.5 else None)
        n = min(quota, rng.randint(2, 6))
        days = self.days(n, self.start_after(true.control.effective, 200), (12, 45))
        lots = (100, 1500) if true.key == "dy_oxide" else (30, 400)
        for day in days:
            port, mode = self.route(country)
            kg = log_uniform(rng, *lots)
            currency = self.currency(country)
            true_value = self.value_of(true.material, kg, day)
            if variant == "loud":
                price = true_value / kg * rng.uniform(0.5, 0.9)
            else:
                price = unit_price(rng, cover, day) * rng.uniform(0.9, 1.4)
            line = goods_line(rng, cover, kg, price, day, currency, country)
            if variant == "loud":
                line["description"] = pick(
                    rng, ("稀土陶瓷色料", "稀土陶瓷色料 rare earth ceramic pigment")
                )
            rows = self.declare(trader, port, mode, day, buyer, [line], currency)
            self.fraud(
                rows[0],
                variant,
                ring,
                true,
                line["_kg"],
                self.value_of(true.material, line["_kg"], day),
            )
            self.feed(variant, producer, exporter, true.material, day, line["_kg"])
        self.role(exporter, ring, "exporter")
        self.role(buyer, ring, "consignee")
        return n


class TungstenAsSteel(ProducerScheme):
    """Tungsten heavy-alloy bars declared as alloy-steel bars or steel counterweights,
    after tungsten came under control (2025-02-04).

    Both variants declare pieces with their dimensions, so each piece weighs what a
    tungsten bar of that size weighs: more than twice a steel one. Loud: the tungsten
    processor exports them at near tungsten's value; its balance does not close. Faint: a
    steel trader sharing a director with the processor, at a special steel's value; the
    bars reach it by a recorded movement.
    """

    name = "tungsten_as_steel"
    code = "WST"
    efficacy: ClassVar[dict[str, float]] = {
        "lab": 0.9,
        "physical": 0.75,
        "scan": 0.5,
        "document": 0.1,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        true = good("tungsten_bars")
        assert true.control is not None
        producer = chain.producer_for(self.ctx, "tungsten:metal", rng.randrange(9))
        if variant == "loud":
            exporter = producer.operator
        else:
            exporter = pop.company_cn(pick(rng, ("650100", "431000", "150781")), "steel")
            director = pop.person_cn(producer.region, "inland")
            pop.relate(director, exporter, "director", since=dt.date(2021, 3, 1))
            pop.relate(director, producer.operator, "director", since=dt.date(2019, 8, 1))
            self.role(director, ring, "director")
            self.role(producer.operator, ring, "producer")
        country = self.country((("RU", 0.4), ("BY", 0.15), ("KZ", 0.25), ("KG", 0.2)))
        buyer = pick(rng, pop.buyers[country])
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.5 else None)
        n = min(quota, rng.randint(2, 6))
        days = self.days(n, self.start_after(true.control.effective, 200), (10, 40))
        for day in days:
            port, mode = self.route(country)
            cover = good("alloy_steel_bars" if rng.random() < 0.6 else "counterweights")
            kg = log_uniform(rng, 200, 3000)
            currency = self.currency(country)
            density = rng.uniform(*goods.TUNGSTEN_ALLOY_DENSITY)
            if variant == "loud":
                price = self.value_of("tungsten:metal", kg, day) / kg * rng.uniform(0.6, 1.0)
            else:
                price = unit_price(rng, cover, day) * rng.uniform(1.5, 3.0)
            line = bar_line(rng, cover, kg, price, day, currency, country, density)
            rows = self.declare(trader, port, mode, day, buyer, [line], currency)
            self.fraud(
                rows[0],
                variant,
                ring,
                true,
                line["_kg"],
                self.value_of("tungsten:metal", line["_kg"], day),
            )
            self.feed(variant, producer, exporter, "tungsten:metal", day, line["_kg"])
        self.role(exporter, ring, "exporter")
        self.role(buyer, ring, "consignee")
        return n


class GraphiteMules(Scheme):
    """Natural flake or spherical graphite (controlled since 2023-12-01) declared as
    graphite electrodes or electrode paste, under the names of sole traders for whom one
    broker lodges every declaration.

    Loud: "graphite electrodes" by the kilogram as a powder in bags; the sole traders were
    registered weeks before, at the broker's address and phone, and all ship to one buyer.
    Faint: "electrode paste" in blocks; older sole traders with their own addresses and
    an ordinary broker; flake graphite reaches them by recorded movements from a graphite
    processor.
    """

    name = "graphite_mules"
    code = "GRM"
    efficacy: ClassVar[dict[str, float]] = {
        "lab": 0.9,
        "physical": 0.6,
        "scan": 0.2,
        "document": 0.2,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        division = pick(rng, ("230300", "231081", "230421", "150781"))
        country = self.country((("RU", 0.7), ("KZ", 0.3)))
        if variant == "loud":
            broker = pop.company_cn(
                pick(rng, ("231081", "150781", "652702")),
                "broker",
                incorporated=dt.date(2023, rng.randint(1, 12), 5),
            )
            buyers = [pop.company_foreign(country, incorporated=dt.date(2023, 11, 20))]
            cover = good("graphite_electrodes")
        else:
            broker = pick(rng, pop.brokers)
            buyers = rng.sample(pop.buyers[country], 2)
            cover = good("electrode_paste")
        source = rng.randrange(9)
        k = rng.randint(3, 8)
        first = rng.randrange(0, clock.DAYS - 120)
        made = 0
        for _ in range(k):
            if made >= quota:
                break
            shipments = min(quota - made, rng.randint(1, 3))
            days = self.days(shipments, first + rng.randint(0, 60), (7, 30))
            if variant == "loud":
                mule = pop.company_cn(
                    division,
                    pick(rng, ("trading", "commerce", "materials")),
                    kind="92",
                    incorporated=self.recent(days[0], 10, 90),
                    address=broker.address,
                    phone=broker.phone,
                )
            else:
                mule = pop.company_cn(
                    division,
                    pick(rng, ("trading", "commerce", "materials")),
                    kind="92",
                    incorporated=dt.date(rng.randint(2020, 2022), rng.randint(1, 12), 9),
                )
            pop.relate(broker, mule, "agent", since=mule.incorporated_at)
            trader = self.trader(mule, broker)
            for day in days:
                true = good("flake_graphite" if rng.random() < 0.7 else "spherical_graphite")
                assert true.material is not None
                port, mode = self.route(country)
                kg = (rng.uniform(55, 65) if mode == "rail" else rng.uniform(15, 25)) * 1000
                currency = self.currency(country)
                if variant == "loud":
                    line = goods_line(
                        rng,
                        cover,
                        kg,
                        unit_price(rng, cover, day),
                        day,
                        currency,
                        country,
                        unit="kg",
                        spec="粉状 -100目 25kg袋装",
                    )
                else:
                    line = goods_line(
                        rng, cover, kg, unit_price(rng, cover, day), day, currency, country
                    )
                rows = self.declare(trader, port, mode, day, pick(rng, buyers), [line], currency)
                self.fraud(
                    rows[0],
                    variant,
                    ring,
                    true,
                    line["_kg"],
                    self.value_of(true.material, line["_kg"], day),
                )
                if variant == "faint":
                    producer = chain.producer_for(self.ctx, true.material, source)
                    moved = max(clock.START, day - dt.timedelta(days=rng.randint(5, 20)))
                    self.ledger.movement(
                        moved, producer.facility_id, mule.party_id, true.material, line["_kg"]
                    )
                made += 1
            self.role(mule, ring, "mule_exporter")
        if variant == "loud":
            self.role(broker, ring, "broker")
        for buyer in buyers:
            self.role(buyer, ring, "consignee")
        return made
