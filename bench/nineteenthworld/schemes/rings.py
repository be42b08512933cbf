"""A ring that moves from land port to land port after each seizure."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from nineteenthworld import chain, clock, geo, names
from nineteenthworld.ledger import goods_line, unit_price
from nineteenthworld.population import Party
from nineteenthworld.rand import pick
from nineteenthworld.schemes.common import Scheme, good, log_uniform

CIRCUITS = (
    ("CNHRG", "CNKHG", "CNERL"),
    ("CNPXG", "CNHKO", "CNMHN"),
    ("CNNZH", "CNSFH", "CNERL"),
    ("CNAKS", "CNHRG", "CNKHG"),
)
GROUP_STEMS = (
    ("Алтын Жол", "Altyn Zhol"),
    ("Шелковый Путь", "Shelkovy Put"),
    ("Восток Металл", "Vostok Metall"),
    ("Бирлик", "Birlik"),
)


class PortHopping(Scheme):
    """Germanium declared as silicon metal (or gallium as aluminium ingots), by road, by
    shell exporters that are replaced, and the ring moved to another land port, weeks
    after each seizure.

    Every phase but the last ends in a seizure (an inspection that found it). Loud: the
    value per kilogram is many times silicon's, one person directs every shell, the
    shells all give the organiser's phone, one broker lodges throughout, and the buyers
    across each border share a name and a phone. Faint: a silicon price, a new broker per
    phase, each shell with its own director but the organiser as shareholder, the
    organiser's phone written differently on each shell, and buyers with different names
    that share one phone written differently.
    """

    name = "port_hopping"
    code = "HOP"
    efficacy: ClassVar[dict[str, float]] = {
        "lab": 0.9,
        "physical": 0.7,
        "scan": 0.4,
        "document": 0.1,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        circuit = pick(rng, CIRCUITS)
        phases = min(len(circuit), max(2, rng.randint(2, 3)))
        true = good("germanium_ingot" if rng.random() < 0.6 else "gallium")
        cover = good("silicon_metal" if true.key == "germanium_ingot" else "aluminium_ingots")
        assert true.material is not None
        first_port = geo.PORTS[circuit[0]]
        organiser = pop.person_cn(first_port.division, first_port.province)
        broker = pick(rng, pop.brokers)
        group_phone = names.phone(rng, "KZ")
        stem = pick(rng, GROUP_STEMS)
        producer = chain.producer_for(self.ctx, true.material, rng.randrange(9))
        index = rng.randrange(0, 200)
        made = 0
        self.role(organiser, ring, "organiser")
        for phase in range(phases):
            if made >= quota or index >= clock.DAYS - 5:
                break
            port = circuit[phase]
            info = geo.PORTS[port]
            start = clock.day_at(index)
            phone = (
                organiser.phone
                if variant == "loud"
                else (
                    names.phone_variant(organiser.phone or "")
                    if phase % 2 == 0
                    else (organiser.phone or "").replace(" ", "-")
                )
            )
            shared = [a for d, a in names.SHARED_ADDRESSES if d == info.division]
            shell = pop.company_cn(
                info.division,
                pick(rng, ("trading", "impex", "materials")),
                incorporated=self.recent(start, 20, 90),
                phone=phone,
                address=pick(rng, shared) if shared else None,
            )
            if variant == "loud":
                pop.relate(organiser, shell, "director", since=shell.incorporated_at)
                declarant = broker
            else:
                director = pop.person_cn(info.division, info.province)
                pop.relate(director, shell, "director", since=shell.incorporated_at)
                pop.relate(
                    organiser,
                    shell,
                    "shareholder",
                    share=round(rng.uniform(0.6, 0.9), 2),
                    since=shell.incorporated_at,
                )
                declarant = pick(rng, pop.brokers)
            country = pick(rng, [c for c, _ in info.neighbours if c in pop.buyers])
            buyer = self._buyer(variant, country, stem, group_phone, phase)
            trader = self.trader(shell, declarant, script="native" if phase % 2 else "latin")
            # Leave at least one shipment for each later phase.
            later = phases - phase - 1
            shipments = max(1, min(quota - made - later, rng.randint(2, 5)))
            day = start
            for s in range(shipments):
                kg = (
                    log_uniform(rng, 200, 1500)
                    if true.key == "gallium"
                    else log_uniform(rng, 80, 600)
                )
                currency = self.currency(country)
                price = (
                    rng.uniform(40, 200)
                    if variant == "loud"
                    else unit_price(rng, cover, day) * rng.uniform(1.0, 1.3)
                )
                line = goods_line(rng, cover, kg, price, day, currency, country, unit="kg")
                rows = self.declare(trader, port, "road", day, buyer, [line], currency)
                self.fraud(
                    rows[0],
                    variant,
                    ring,
                    true,
                    line["_kg"],
                    self.value_of(true.material, line["_kg"], day),
                )
                self.ledger.movement(
                    max(clock.START, day - dt.timedelta(days=rng.randint(3, 15))),
                    producer.facility_id,
                    shell.party_id,
                    true.material,
                    line["_kg"],
                )
                made += 1
                last = s == shipments - 1
                if last and phase < phases - 1:
                    method = pick(rng, ("physical", "lab"))
                    seized = day + dt.timedelta(days=rng.randint(0, 2))
                    self.ledger.seizures.append({"row": rows[0], "method": method, "day": seized})
                    index = clock.index_of(seized) + rng.randint(14, 45)
                else:
                    day += dt.timedelta(days=rng.randint(7, 25))
                    if clock.index_of(day) >= clock.DAYS:
                        break
            self.role(shell, ring, "shell_exporter")
            self.role(buyer, ring, "consignee")
            if variant == "loud":
                self.role(declarant, ring, "declarant")
        return made

    def _buyer(
        self, variant: str, country: str, stem: tuple[str, str], phone: str, phase: int
    ) -> Party:
        pop = self.pop
        if variant == "loud":
            return pop.company_foreign(
                country, stem=stem, phone=phone, suffix=("Трейд", "Trade") if phase else None
            )
        written = phone if phase % 2 == 0 else names.phone_variant(phone)
        return pop.company_foreign(country, phone=written)
