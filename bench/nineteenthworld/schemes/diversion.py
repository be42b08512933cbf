"""Schemes where the goods are what they say, but go where they must not or leave
without the licence they need: transit to barred end users, bonded laundering of
domestic goods as foreign ones, licences drawn beyond their quantity."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from nineteenthworld import chain, clock, geo, goods, names
from nineteenthworld.companies import BONDED_ZONES, REEXPORT_GOODS
from nineteenthworld.ledger import goods_line, unit_price
from nineteenthworld.population import Party, Trader
from nineteenthworld.rand import pick
from nineteenthworld.schemes.common import Scheme, good, log_uniform

MISMATCHED = {
    "KZ": (
        ("Медеу Косметикс", "Medeu Cosmetics"),
        ("Степной Мебельный Дом", "Steppe Furniture House"),
        ("Нур Агро Тур", "Nur Agro Tour"),
    ),
    "KG": (
        ("Ысык-Көл Туризм", "Issyk-Kul Tourism"),
        ("Бишкек Мебель Сити", "Bishkek Furniture City"),
    ),
    "RU": (("Цветочная Лавка", "Tsvetochnaya Lavka"), ("Русские Сладости", "Russkie Sladosti")),
    "UZ": (("Bukhara Gilam", "Bukhara Carpets"), ("Chorsu Kosmetika", "Chorsu Cosmetics")),
}
PLAUSIBLE = {
    "KZ": (
        ("КазОптикс Инжиниринг", "KazOptics Engineering"),
        ("Алатау Спецсплав", "Alatau Spetssplav"),
    ),
    "KG": (("Ала-Тоо Металл Процессинг", "Ala-Too Metal Processing"),),
    "RU": (
        ("Сибирь Спецматериалы", "Sibir Spetsmaterialy"),
        ("Уральская Оптика", "Uralskaya Optika"),
    ),
    "UZ": (("Navoiy Optik", "Navoi Optics"),),
}
TRANSIT_GOODS = (
    ("germanium_ingot", (20, 150)),
    ("gallium", (50, 500)),
    ("antimony_ingot", (5_000, 20_000)),
    ("tungsten_bars", (500, 3_000)),
    ("dy_oxide", (100, 800)),
)


class Transit(Scheme):
    """Controlled goods, declared and licensed truly, for a consignee in Kazakhstan,
    Kyrgyzstan, Russia or Uzbekistan that passes them on to a listed end user.

    Loud: the consignee was set up months before, its name says furniture or cosmetics,
    it shares the listed front's phone (and address where in the same country), its
    director sits on the front, and the counterparty country is the front's. Faint: an
    older consignee with a fitting name and its own phone; its director also runs a
    consultancy registered at the front's address, whose phone is the front's written
    another way; the trade country is the consignee's own.
    """

    name = "transit_kz_kg"
    code = "TRN"
    result = "diverted"
    efficacy: ClassVar[dict[str, float]] = {
        "document": 0.5,
        "physical": 0.15,
        "scan": 0.1,
        "lab": 0.1,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        key, lots = pick(rng, TRANSIT_GOODS)
        g = good(key)
        control = g.control
        assert control is not None and g.material is not None
        country = self.country((("KZ", 0.45), ("KG", 0.25), ("RU", 0.2), ("UZ", 0.1)))
        front = pick(rng, pop.fronts)
        first = self.start_after(control.effective, 240)
        n = min(quota, rng.randint(2, 6))
        days = self.days(n, first, (15, 60))
        exporter = pop.company_cn(
            pick(rng, ("650100", "654004", "231081", "150781")),
            pick(rng, ("impex", "materials", "trading")),
            incorporated=dt.date(rng.randint(2012, 2020), 5, 1),
        )
        director = pop.person_foreign(country)
        if variant == "loud":
            stem = pick(rng, MISMATCHED[country])
            since = self.recent(days[0], 30, 150)
            same_country = front.country == country
            shell = pop.company_foreign(
                country,
                stem=stem,
                incorporated=since,
                phone=front.phone,
                address=front.address if same_country else None,
            )
            pop.relate(director, front, "director", since=dt.date(2022, 6, 1))
            trade_country = front.country
        else:
            stem = pick(rng, PLAUSIBLE[country])
            shell = pop.company_foreign(
                country, stem=stem, incorporated=dt.date(rng.randint(2018, 2021), 3, 15)
            )
            cutout = pop.company_foreign(
                front.country,
                incorporated=dt.date(2022, 9, 1),
                address=front.address,
                phone=names.phone_variant(front.phone or ""),
            )
            pop.relate(director, cutout, "director", since=dt.date(2022, 9, 1))
            self.role(cutout, ring, "cutout")
            trade_country = country
        pop.relate(director, shell, "director", since=shell.incorporated_at)
        end_user = shell.scripts["latin"]
        if variant == "faint":
            end_user = pop.company_foreign(country).scripts["latin"]
        use = pick(
            rng,
            (
                "红外光学镜头 infrared optics",
                "半导体衬底 semiconductor substrates",
                "硬质合金 cemented carbide",
                "永磁电机 permanent-magnet motors",
            ),
        )
        kgs = [log_uniform(rng, *lots) for _ in days]
        licence = self.ledger.licence(
            exporter,
            g.material,
            shell.scripts["latin"],
            country,
            sum(kgs) * rng.uniform(1.05, 1.3),
            self.recent(days[0], 20, 45),
            364,
            end_user,
            use,
        )
        trader = self.trader(
            exporter, pick(rng, pop.brokers) if rng.random() < 0.5 else None, script="mixed"
        )
        producer = chain.producer_for(self.ctx, g.material, rng.randrange(9))
        wh = self.ctx.warehouse(exporter, exporter.division or "650100", [g.material])
        for day, kg in zip(days, kgs, strict=True):
            port, mode = self.route(country)
            currency = self.currency(country)
            line = goods_line(rng, g, kg, unit_price(rng, g, day), day, currency, country)
            line["license_no"] = licence["license_no"]
            rows = self.declare(
                trader,
                port,
                mode,
                day,
                shell,
                [line],
                currency,
                trade_country=trade_country,
                end_user_name=end_user,
                end_use=use,
            )
            self.fraud(rows[0], variant, ring, g, line["_kg"], line["_value_cny"], destination="US")
            self.ledger.movement(
                max(clock.START, day - dt.timedelta(days=rng.randint(3, 20))),
                producer.facility_id,
                wh.facility_id,
                g.material,
                line["_kg"],
            )
        self.role(exporter, ring, "exporter")
        self.role(shell, ring, "shell_consignee")
        self.role(director, ring, "director")
        self.role(front, ring, "listed_front")
        return n


BONDED_GOODS = (
    ("gallium", (50, 400), ("缅甸", "老挝", "蒙古"), ("哈萨克斯坦",)),
    ("germanium_ingot", (10, 100), ("越南", "老挝"), ("俄罗斯",)),
    ("dy_oxide", (100, 600), ("哈萨克斯坦", "蒙古"), ("缅甸",)),
    ("antimony_ingot", (5_000, 20_000), ("哈萨克斯坦", "蒙古"), ("缅甸", "俄罗斯")),
)


class BondedLaundering(Scheme):
    """Domestic controlled goods moved into a bonded zone and sent out as a re-export of
    foreign goods, without a licence.

    Loud: a bonded logistics firm set up months before, claiming an origin that does not
    produce the material (gallium from Myanmar), the goods moved straight from a domestic
    producer into its warehouse. Faint: an older bonded firm with real re-exports too,
    claiming a plausible origin (germanium from Russia), the goods reaching its warehouse
    through an intermediary trader.
    """

    name = "bonded_laundering"
    code = "BND"
    result = "unlicensed"
    efficacy: ClassVar[dict[str, float]] = {
        "document": 0.7,
        "physical": 0.3,
        "lab": 0.5,
        "scan": 0.2,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        division, zone, port = pick(rng, BONDED_ZONES)
        key, lots, odd, plausible = pick(rng, BONDED_GOODS)
        g = good(key)
        control = g.control
        assert control is not None and g.material is not None
        country = pop.pick_country(port)
        if country not in ("KZ", "KG", "UZ", "RU", "MN", "VN", "LA", "TH", "MM", "BY"):
            country = "KZ"
        n = min(quota, rng.randint(2, 5))
        first = self.start_after(control.effective, 200)
        days = self.days(n, first, (12, 45))
        shared = [a for d, a in names.SHARED_ADDRESSES if d == division] or [
            names.SHARED_ADDRESSES[0][1]
        ]
        incorporated = (
            self.recent(days[0], 90, 240)
            if variant == "loud"
            else dt.date(rng.randint(2016, 2021), 7, 1)
        )
        exporter = pop.company_cn(
            division, "bonded", incorporated=incorporated, address=pick(rng, shared)
        )
        buyer = pop.company_foreign(country, incorporated=self.recent(days[0], 60, 900))
        trader = self.trader(exporter, pick(rng, pop.brokers), script="latin")
        wh = pop.facility(exporter, "warehouse", division, 0.0, [g.material])
        producer = chain.producer_for(self.ctx, g.material, rng.randrange(9))
        middle = None
        if variant == "faint":
            middle = pop.company_cn(pick(rng, ("500000", "610100", "530100", "450100")), "trading")
            pop.facility(middle, "trader", middle.division or "500000", 0.0, [g.material])
            self.role(middle, ring, "intermediary")
            self._cover(trader, port, country, buyer, zone)
        origin = pick(rng, odd if variant == "loud" else plausible)
        for day in days:
            kg = log_uniform(rng, *lots)
            currency = self.currency(country)
            spec = f"{goods.fill(rng, g.spec)} 保税区出区复运出境 原产国:{origin}"
            line = goods_line(
                rng, g, kg, unit_price(rng, g, day), day, currency, country, spec=spec
            )
            line["description"] = (
                f"保税 {g.zh} 复出口" if rng.random() < 0.6 else f"{g.zh}(保税复出口)"
            )
            modes = [m for m in ("road", "rail") if m in dict(geo.PORTS[port].modes)]
            rows = self.declare(
                trader, port, pick(rng, modes), day, buyer, [line], currency, origin_region=zone
            )
            self.fraud(rows[0], variant, ring, g, line["_kg"], line["_value_cny"])
            moved = max(clock.START, day - dt.timedelta(days=rng.randint(5, 20)))
            if middle is None:
                self.ledger.movement(
                    moved, producer.facility_id, wh.facility_id, g.material, line["_kg"]
                )
            else:
                before = max(clock.START, moved - dt.timedelta(days=rng.randint(5, 20)))
                self.ledger.movement(
                    before, producer.facility_id, middle.party_id, g.material, line["_kg"]
                )
                self.ledger.movement(
                    moved, middle.party_id, wh.facility_id, g.material, line["_kg"]
                )
        self.role(exporter, ring, "bonded_exporter")
        self.role(buyer, ring, "consignee")
        return n

    def _cover(self, trader: Trader, port: str, country: str, buyer: Party, zone: str) -> None:
        """A faint ring's honest re-exports of imported goods from the same firm."""
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            g = good(pick(rng, REEXPORT_GOODS))
            day = clock.day_at(rng.randrange(clock.DAYS))
            currency = self.currency(country)
            origin = pick(rng, ("日本", "韩国", "德国"))
            spec = f"{goods.fill(rng, g.spec)} 保税区出区复运出境 原产国:{origin}"
            line = goods_line(
                rng,
                g,
                rng.uniform(*g.box) * 1000,
                unit_price(rng, g, day),
                day,
                currency,
                country,
                spec=spec,
            )
            line["_traps"] = ["bonded_reexport", "shared_ftz_address"]
            self.declare(trader, port, "road", day, buyer, [line], currency, origin_region=zone)


OVERDRAW_GOODS = (
    ("gallium", (50, 400)),
    ("germanium_ingot", (15, 120)),
    ("antimony_ingot", (8_000, 22_000)),
    ("flake_graphite", (20_000, 60_000)),
    ("spherical_graphite", (18_000, 48_000)),
    ("tungsten_carbide", (800, 4_000)),
    ("apt", (6_000, 18_000)),
)
OVERDRAW_COUNTRIES = (("RU", 0.35), ("KZ", 0.35), ("BY", 0.1), ("KG", 0.1), ("MN", 0.1))


class LicenceOverdraw(Scheme):
    """A real licence drawn beyond its quantity, past its validity, or for another buyer.

    Draws within the quantity are honest lines; the draw that crosses the quantity and
    every later one are the scheme's. Loud: the draws add up to two or three times the
    licence, some after it expired or for a buyer in another country. Faint: five to
    twenty-five per cent over, the draws split between two ports.
    """

    name = "licence_overdraw"
    code = "LIC"
    result = "unlicensed"
    efficacy: ClassVar[dict[str, float]] = {
        "document": 0.9,
        "physical": 0.25,
        "scan": 0.1,
        "lab": 0.2,
    }

    def ring(self, variant: str, ring: str, quota: int) -> int:
        rng = self.rng
        pop = self.pop
        key, lots = pick(rng, OVERDRAW_GOODS)
        g = good(key)
        control = g.control
        assert control is not None and g.material is not None
        country = self.country(OVERDRAW_COUNTRIES)
        producer = chain.producer_for(self.ctx, g.material, rng.randrange(9))
        exporter = (
            producer.operator
            if rng.random() < 0.5
            else pop.company_cn(
                pick(rng, ("650100", "150781", "231081", "654004")),
                pick(rng, ("impex", "materials")),
            )
        )
        buyer = pick(rng, pop.buyers[country])
        legit_n = rng.randint(2, 4)
        fraud_n = min(quota, rng.randint(2, 5) if variant == "loud" else rng.randint(1, 3))
        first = self.start_after(control.effective, 330)
        days = self.days(legit_n + fraud_n, first, (15, 50) if variant == "loud" else (20, 70))
        kgs = [log_uniform(rng, *lots) for _ in days]
        legit = sum(kgs[:legit_n])
        if variant == "loud":
            target = legit * rng.uniform(1.6, 2.6)
            quantity = legit * rng.uniform(1.02, 1.08)
        else:
            quantity = legit * rng.uniform(1.03, 1.15)
            target = quantity * rng.uniform(1.05, 1.25)
        extra = target - legit
        weights = [rng.uniform(0.7, 1.3) for _ in range(fraud_n)]
        floor = lots[0] if variant == "loud" else 1.0
        for i in range(fraud_n):
            kgs[legit_n + i] = max(extra * weights[i] / sum(weights), floor)
        issued = self.recent(days[0], 10, 40)
        valid = 364
        if variant == "loud" and rng.random() < 0.4:
            # The licence expires between the last honest draw and the first overdraw.
            last_ok = (days[legit_n - 1] - issued).days
            first_over = (days[legit_n] - issued).days
            valid = rng.randint(last_ok, max(last_ok, first_over - 1))
        use = pick(
            rng,
            (
                "阻燃剂 flame retardants",
                "光学 optics",
                "负极材料 anode materials",
                "硬质合金 cemented carbide",
            ),
        )
        licence = self.ledger.licence(
            exporter,
            g.material,
            buyer.scripts["latin"],
            country,
            quantity,
            issued,
            valid,
            buyer.scripts["latin"],
            use,
        )
        other = None
        if variant == "loud" and rng.random() < 0.5:
            other_country = pick(rng, [c for c, _ in OVERDRAW_COUNTRIES if c != country])
            other = pick(rng, pop.buyers[other_country])
            self.role(other, ring, "other_consignee")
        trader = self.trader(exporter, pick(rng, pop.brokers) if rng.random() < 0.5 else None)
        ports = [self.route(country) for _ in range(2)]
        wh = self.ctx.warehouse(exporter, exporter.division or "650100", [g.material])
        drawn = 0.0
        made = 0
        for i, (day, kg) in enumerate(zip(days, kgs, strict=True)):
            to = buyer
            if other is not None and i == len(days) - 1:
                to = other
            port, mode = ports[i % 2] if variant == "faint" else ports[0]
            if to is not buyer:
                port, mode = self.route(to.country)
            currency = self.currency(to.country)
            line = goods_line(rng, g, kg, unit_price(rng, g, day), day, currency, to.country)
            line["license_no"] = licence["license_no"]
            rows = self.declare(
                trader,
                port,
                mode,
                day,
                to,
                [line],
                currency,
                end_user_name=licence["end_user_name"],
                end_use=use,
            )
            drawn += line["_kg"]
            beyond = (
                drawn > licence["quantity_kg"] or day > licence["valid_until"] or to is not buyer
            )
            if beyond and made < fraud_n:
                self.fraud(rows[0], variant, ring, g, line["_kg"], line["_value_cny"])
                made += 1
            self.ledger.movement(
                max(clock.START, day - dt.timedelta(days=rng.randint(3, 15))),
                producer.facility_id,
                wh.facility_id,
                g.material,
                line["_kg"],
            )
        self.role(exporter, ring, "exporter")
        self.role(buyer, ring, "consignee")
        return made
