"""Honest trade: most of the lines, and every innocent thing that looks suspicious.

Exporters ship from their portfolio to their regular customers. Controlled goods follow
the controls as honest firms do: shipments rush out between an announcement and its
effective date, stop while the first licences are processed, then come back smaller
and under licence, at export prices that have climbed; nothing goes to a destination
whose licences are denied. Alongside sit the traps: premium brands priced far above
the market, off-spec and clearance lots far below it, long-term contracts still priced
before a spike, free samples by courier, goods in drums and crates whose gross weight
is well above their net, forwarders' consolidations of twenty lines, new exporters,
honest stockists in hub countries, and clerical untidiness (a missing element, a
customer's name spelt another way, a licence number in another format).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random

from fifteenthworld import lines as L
from fifteenthworld import shipping, wording
from fifteenthworld.controls import catalogue
from fifteenthworld.goods import BY_KEY, Good, control_ramp, export_price
from fifteenthworld.knobs import Knobs
from fifteenthworld.names import name_variant
from fifteenthworld.parties import Exporter, Foreign, Population, log_uniform
from fifteenthworld.places import REGIONS
from fifteenthworld.timeline import DAYS, activity

HARDWARE = [BY_KEY[k] for k in ("bolts", "hand_tools", "valves", "ceramic_parts", "crucible")]
NOTES_OFFSPEC = ("等外品", "库存处理", "off-spec lot", "尾货 clearance", "次品 downgraded")
FRONT_LOAD = 2.6
NOTES_PACK = (
    "钢桶包装 steel drums",
    "木箱包装 wooden cases",
    "托盘+木箱",
    "crated, fumigated pallets",
)


def intensity(good: Good, day: dt.date) -> float:
    """How much of a controlled good honest exporters ship on ``day``, relative."""
    item_id = good.item
    if item_id is None:
        return 1.0
    item = catalogue().item(item_id)
    if not item.in_force(day):
        if item.announced < item.effective and item.announced <= day:
            return FRONT_LOAD  # front-loading between announcement and effect
        if item.effective == item.announced and 0 <= (item.effective - day).days <= 60:
            return 1.3  # rumours before an immediate control
        return 1.0
    days = (day - item.effective).days
    if days < 16:
        return 0.0  # no licence has been granted yet
    if days < 60:
        return 0.12
    return 0.12 + 0.58 * min(1.0, (days - 60) / 90)


def _customer(rng: random.Random, exporter: Exporter) -> Foreign:
    customers = exporter.customers
    weights = [1.0 / (i + 1) for i in range(len(customers))]
    return rng.choices(customers, weights=weights)[0]


def _end_user(rng: random.Random, customer: Foreign, good: Good) -> tuple[str, str]:
    use = customer.end_use if customer.end_use in good.uses else rng.choice(good.uses)
    if customer.role in {"maker", "recycler"}:
        return customer.name, use
    # distributors and stockists name their own customer
    downstream = customer.downstream
    if not downstream or rng.random() < 0.2:
        from fifteenthworld.names import foreign_company

        country = customer.country if rng.random() < 0.5 else rng.choice(list(good.markets))
        downstream.append(foreign_company(rng, country))
    return rng.choice(downstream), use


class HonestTrade:
    """Generates honest declarations until a number of lines is reached."""

    def __init__(self, rng: random.Random, population: Population, knobs: Knobs) -> None:
        self.rng = rng
        self.pop = population
        self.knobs = knobs
        self.sigma = 1.5 * knobs.honest_noise
        self.quirk = knobs.honest_noise / 2
        weights = [activity(d) for d in DAYS]
        self.day_cum = list(itertools.accumulate(weights))
        self.exp_cum = list(itertools.accumulate(e.weight for e in population.exporters))

    def day(self) -> dt.date:
        x = self.rng.random() * self.day_cum[-1]
        return DAYS[bisect.bisect_right(self.day_cum, x)]

    def exporter(self, day: dt.date) -> Exporter:
        exporters = self.pop.exporters
        for _ in range(8):
            x = self.rng.random() * self.exp_cum[-1]
            ex = exporters[min(bisect.bisect_right(self.exp_cum, x), len(exporters) - 1)]
            if ex.start <= day:
                return ex
        return ex

    def lines(self, count: int) -> list[L.Line]:
        out: list[L.Line] = []
        rng = self.rng
        while len(out) < count:
            day = self.day()
            ex = self.exporter(day)
            if ex.start > day:
                continue
            left = count - len(out)
            r = rng.random()
            if r < 0.028:
                made = self.sample(day, ex)
            elif r < 0.04 and ex.kind == "house":
                made = self.consolidation(day, ex, min(left, rng.randint(8, 28)))
            else:
                n = 1 if r < 0.74 else rng.randint(2, 4) if r < 0.95 else rng.randint(5, 8)
                made = self.ordinary(day, ex, min(left, n))
            out.extend(made[:left])
        return out

    # --- kinds of declarations ---------------------------------------------------------

    def _goods_for(
        self, day: dt.date, ex: Exporter, country: str
    ) -> tuple[list[Good], list[float], float]:
        """The exporter's goods it would ship to ``country`` on ``day``, their weights, and
        how busy it is relative to an ordinary day (the controls' pull on its trade)."""
        cat = catalogue()
        goods, weights, nominal = [], [], 0.0
        for i, good in enumerate(ex.goods):
            base = good.weight / (1 + 0.3 * i)
            nominal += base
            w = base * intensity(good, day)
            if w > 0 and good.item and cat.denied(good.element, country, day):
                w = 0.0
            if w > 0:
                goods.append(good)
                weights.append(w)
        return goods, weights, sum(weights) / nominal if nominal else 0.0

    def _busy(self, ratio: float) -> bool:
        """Accept a declaration in proportion to how busy its exporter is (front-loading
        can double it, a fresh control can stop it)."""
        return self.rng.random() * FRONT_LOAD < ratio

    def ordinary(self, day: dt.date, ex: Exporter, n: int) -> list[L.Line]:
        rng = self.rng
        customer = _customer(rng, ex)
        goods, weights, ratio = self._goods_for(day, ex, customer.country)
        if not goods or not self._busy(ratio):
            return []
        picked = [rng.choices(goods, weights=weights)[0] for _ in range(n)]
        scale = 1.0 if n == 1 else 0.45
        first = picked[0]
        net0 = log_uniform(rng, *first.lot) * scale
        mode = shipping.pick_mode(rng, first, net0, customer.country, small=False)
        port = shipping.pick_port(rng, ex.region, mode, customer.country)
        trade = None
        if customer.country not in {"HK", "SG"} and rng.random() < 0.08:
            trade = rng.choice(("HK", "SG", "HK"))
        head = L.header(rng, day, ex, customer, mode, port, trade_country=trade)
        made = []
        for i, good in enumerate(picked):
            net = net0 if i == 0 else log_uniform(rng, *good.lot) * scale
            if mode in {"air", "express"}:
                net = min(net, rng.uniform(50, 900))
            made.append(self.line(head, good, net))
        return L.finish(rng, made)

    def consolidation(self, day: dt.date, ex: Exporter, n: int) -> list[L.Line]:
        """A forwarder's consolidated declaration: many small lines of mixed goods."""
        rng = self.rng
        customer = _customer(rng, ex)
        goods, _, ratio = self._goods_for(day, ex, customer.country)
        if not self._busy(ratio):
            return []
        goods = goods + HARDWARE
        mode = "sea" if rng.random() < 0.85 else "rail"
        port = shipping.pick_port(rng, ex.region, mode, customer.country)
        head = L.header(rng, day, ex, customer, mode, port)
        made = [
            self.line(head, good, log_uniform(rng, *good.lot) * rng.uniform(0.03, 0.2))
            for good in (rng.choice(goods) for _ in range(n))
        ]
        return L.finish(rng, made)

    def sample(self, day: dt.date, ex: Exporter) -> list[L.Line]:
        """Samples by courier: tiny, cheap or free, to new and old customers alike."""
        rng = self.rng
        customer = _customer(rng, ex)
        goods, weights, ratio = self._goods_for(day, ex, customer.country)
        if not goods or not self._busy(ratio):
            return []
        good = rng.choices(goods, weights=weights)[0]
        net = rng.uniform(0.05, 3.0) if good.unit == "kg" else good.kg_per_unit * rng.randint(1, 25)
        mode = shipping.pick_mode(rng, good, net, customer.country, small=True)
        if mode == "passenger" and rng.random() < 0.7:
            mode = "express"
        port = shipping.pick_port(rng, ex.region, mode, customer.country)
        head = L.header(rng, day, ex, customer, mode, port)
        free = rng.random() < 0.4
        usd = rng.uniform(1, 30) if free else export_price(good, day) * net * rng.uniform(0.5, 1.2)
        style = head["_broker"].desc_style if head["_broker"] else "zh"
        extra = rng.choice(("样品", "sample", "样品 free of charge", "SAMPLE NCV"))
        line = self.line(
            head,
            good,
            net,
            usd=usd,
            gross=net * rng.uniform(1.3, 3.0),
            description=wording.description(rng, good, style, extra=extra),
        )
        return L.finish(rng, [line])

    # --- one line ----------------------------------------------------------------------

    def line(
        self,
        head: L.Line,
        good: Good,
        net: float,
        usd: float | None = None,
        gross: float | None = None,
        description: str | None = None,
    ) -> L.Line:
        rng = self.rng
        day: dt.date = head["_day"]
        ex: Exporter = head["_exporter"]
        customer: Foreign = head["_customer"]
        broker = head["_broker"]
        desc_style = broker.desc_style if broker else ("zh" if ex.name_style == "zh" else "both")
        spec_style = broker.spec_style if broker else "fields"
        note = None
        brand = None
        if usd is None:
            priced_at = day
            if ex.contract_lag and good.controlled and control_ramp(good, day) > 0:
                priced_at = day - dt.timedelta(days=ex.contract_lag)
            unit = export_price(good, priced_at) * rng.lognormvariate(0, self.sigma)
            r = rng.random()
            if r < 0.03 and (good.dense or good.family in {"magnet", "rare_earth", "gallium"}):
                unit *= rng.uniform(1.6, 2.6)
                brand = rng.choice(wording.PREMIUM_BRANDS)
            elif r < 0.05:
                unit *= rng.uniform(0.3, 0.65)
                note = rng.choice(NOTES_OFFSPEC)
            usd = unit * net
        if gross is None:
            gross = net * rng.uniform(*good.pack)
            if rng.random() < 0.04 and good.pack[1] < 1.2:
                gross = net * rng.uniform(1.12, 1.4)
                note = rng.choice(NOTES_PACK)
        end_user = end_use = None
        if good.in_force(day) or (good.controlled and rng.random() < 0.4):
            end_user, end_use = _end_user(rng, customer, good)
        elif rng.random() < 0.15:
            end_user, end_use = customer.name, rng.choice(good.uses)
        region = ex.region if ex.kind == "maker" and ex.region in good.regions else None
        region = region or rng.choice(good.regions)
        r = rng.random()
        origin = region if r < 0.86 else REGIONS[region][0] if r < 0.95 else None
        spec = wording.specification(rng, good, spec_style, brand=brand, note=note)
        line = L.goods_line(
            rng,
            head,
            good,
            net,
            usd,
            description=description or wording.description(rng, good, desc_style),
            specification=spec,
            gross_kg=gross,
            origin=origin,
            end_user=end_user,
            end_use=end_use,
            bulk_in_tonnes=ex.name_style == "en" and good.lot[0] >= 5000,
        )
        if rng.random() < self.quirk:
            self.untidy(line)
        return line

    def untidy(self, line: L.Line) -> None:
        """One harmless clerical quirk of the kind real declarations are full of."""
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            line["specification"] = None
        elif r < 0.4:
            line["gross_weight_kg"] = None
        elif r < 0.5:
            line["gross_weight_kg"] = line["net_weight_kg"]
        elif r < 0.75:
            line["consignee_name"] = name_variant(rng, line["consignee_name"])
        elif r < 0.85:
            line["_licence_style"] = rng.choice(("dashed", "lower", "spaced"))
        elif r < 0.95:
            line["consignee_address"] = None
        else:
            line["description"] = line["description"].replace(" ", "  ", 1) + " "
