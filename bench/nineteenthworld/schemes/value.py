"""Value shaving on the China-Europe trains: licensed controlled goods in containers,
invoiced far below their worth, the balance paid offshore."""

from __future__ import annotations

import datetime as dt
import math
from typing import ClassVar

from nineteenthworld import chain, clock, geo, names
from nineteenthworld.ledger import goods_line, unit_price
from nineteenthworld.rand import pick, pick_pairs
from nineteenthworld.schemes.common import Scheme, good

SHAVED = (
    ("spherical_graphite", (18_000, 48_000)),
    ("flake_graphite", (20_000, 50_000)),
    ("tungsten_carbide", (1_000, 5_000)),
    ("apt", (5_000, 18_000)),
    ("germanium_dioxide", (30, 250)),
)
EU = (("PL", 0.4), ("DE", 0.3), ("HU", 0.15), ("CZ", 0.15))
ORIGINS = (("510100", "成都", "CNCTU"), ("610100", "西安", "CNXIY"), ("500000", "重庆", "CNCKG"))


class RailValueShaving(Scheme):
    """Licensed graphite, tungsten or germanium on the China-Europe trains, declared at a
    fraction of its value; a Hong Kong or Dubai company pays the rest.

    Loud: a quarter to under half of the going export price, and the exporter's own
    director sits on the paying company. Faint: two thirds to four fifths of it, every
    time (within the honest spread, but never above it), and the payer is tied to the
    exporter only by a "payer" relation.
    """

    name = "rail_value_shaving"
    code = "VAL"
    result = "undervalued"
    efficacy: ClassVar[dict[str, float]] = {
        "document": 0.55,
        "physical": 0.3,
        "scan": 0.1,
        "lab": 0.3,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        key, lots = pick(rng, SHAVED)
        g = good(key)
        control = g.control
        assert control is not None and g.material is not None
        division, zh, inland = pick(rng, ORIGINS)
        exporter = pop.company_cn(division, pick(rng, ("materials", "graphite", "impex")))
        country = pick_pairs(rng, EU)
        buyer = pick(rng, pop.buyers[country])
        payer_country = pick(rng, ("HK", "AE"))
        payer = pop.company_foreign(
            payer_country,
            incorporated=max(control.effective, dt.date(2023, 6, 1))
            + dt.timedelta(days=rng.randint(10, 200)),
        )
        pop.relate(payer, exporter, "payer", since=payer.incorporated_at)
        if variant == "loud":
            director = pop.person_cn(division, "inland")
            pop.relate(director, exporter, "director", since=dt.date(2018, 1, 1))
            pop.relate(director, payer, "director", since=payer.incorporated_at)
            self.role(director, ring, "director")
        n = min(quota, rng.randint(3, 8))
        days = self.days(
            n,
            self.start_after(
                max(control.effective, payer.incorporated_at or control.effective), 240
            ),
            (10, 35),
        )
        kgs = [math.exp(rng.uniform(math.log(lots[0]), math.log(lots[1]))) for _ in days]
        licence = self.ledger.licence(
            exporter,
            g.material,
            buyer.scripts["latin"],
            country,
            sum(kgs) * rng.uniform(1.1, 1.4),
            self.recent(days[0], 15, 40),
            364,
            buyer.scripts["latin"],
            "锂电池负极 battery anodes"
            if "graphite" in g.material
            else "硬质合金 cemented carbide",
        )
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.6 else None)
        producer = chain.producer_for(self.ctx, g.material, rng.randrange(9))
        wh = self.ctx.warehouse(exporter, division, [g.material])
        factor = (0.25, 0.45) if variant == "loud" else (0.66, 0.82)
        for day, kg in zip(days, kgs, strict=True):
            exit_port = pick_pairs(rng, geo.RAIL_EXITS)
            port = inland if rng.random() < 0.4 else exit_port
            currency = pick(rng, ("EUR", "USD"))
            fair = unit_price(rng, g, day, sigma=0.03)
            line = goods_line(rng, g, kg, fair * rng.uniform(*factor), day, currency, country)
            line["license_no"] = licence["license_no"]
            if g.box[1]:
                boxes = max(1, math.ceil(kg / (g.box[1] * 1000)))
                line["container_ids"] = ";".join(names.container_number(rng) for _ in range(boxes))
            rows = self.declare(
                trader,
                port,
                "rail",
                day,
                buyer,
                [line],
                currency,
                end_user_name=licence["end_user_name"],
                end_use=licence["end_use"],
                origin_region=zh,
            )
            self.fraud(rows[0], variant, ring, g, line["_kg"], fair * line["_kg"])
            self.ledger.movement(
                max(clock.START, day - dt.timedelta(days=rng.randint(3, 20))),
                producer.facility_id,
                wh.facility_id,
                g.material,
                line["_kg"],
            )
        self.role(exporter, ring, "exporter")
        self.role(payer, ring, "payer")
        return n
