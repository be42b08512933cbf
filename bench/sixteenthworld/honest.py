"""Honest trade: the declarations that make up almost all of the data.

Each declaration is drawn the way business happens: a day (weighted by the customs
calendar), an exporter (heavy-tailed sizes), one of its buyers, goods from its line of
business, a mode that suits the goods and the destination, a port its province uses, a
broker or the exporter itself. Controls shape honest trade without any fraud in it:
an exporter ships a controlled item only once it holds licences for that element (so
exports dip for a couple of months after a control takes effect), never to the US while
licences there are denied, and rushes antimony out between the announcement and the
effective date. Prices of controlled goods jump with the premium abroad; some lines are
still priced on contracts signed months earlier. Samples go by courier at nominal value,
consolidators lodge declarations of up to forty lines of mixed goods from all over the
country, and a share of lines carries clerical quirks (another spelling, a licence
number written differently, a gross weight left out, a neighbouring code).
"""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from sixteenthworld import market, names, shipping, wording
from sixteenthworld.controls import Controls
from sixteenthworld.geography import COUNTRIES, REGIONS, ports_for
from sixteenthworld.goods import BY_KEY, Good
from sixteenthworld.knobs import Knobs
from sixteenthworld.model import Consignee, Exporter, Line
from sixteenthworld.parties import Population
from sixteenthworld.timeline import ANNOUNCED, N_DAYS, day_of, day_weights

_BULK_MODES = ("sea", "rail", "road")
_SMALL_MODES = {"air": 0.25, "express": 0.03, "post": 0.015, "passenger": 0.01}
_CODE_QUIRKS = {
    "tiles": "6907220000",
    "fasteners": "7318158000",
    "zno": "2817001090",
    "hand_tools": "8205590000",
    "steel_articles": "7326199000",
    "plastic_articles": "3926909000",
    "machine_parts": "8487109000",
    "sic": "2849209000",
    "furniture": "9403609990",
}


@dataclass
class Clock:
    """Draws lodging days and times of day."""

    rnd: random.Random
    cum: list[float]

    @classmethod
    def make(cls, rnd: random.Random) -> Clock:
        return cls(rnd, list(accumulate(float(w) for w in day_weights())))

    def day(self) -> dt.date:
        i = bisect_right(self.cum, self.rnd.random() * self.cum[-1])
        return day_of(min(i, N_DAYS - 1))

    def stamp(self, day: dt.date) -> str:
        rnd = self.rnd
        hour = rnd.choices(range(24), _HOURS)[0]
        text = f"{day.isoformat()} {hour:02d}:{rnd.randrange(60):02d}:{rnd.randrange(60):02d}"
        if rnd.random() < 0.04:
            return text.replace(" ", "T") + "+08:00"
        return text


_HOURS = (
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.5,
    4,
    7,
    8,
    7,
    4,
    5,
    7,
    7,
    6,
    5,
    3,
    2,
    1.2,
    0.8,
    0.5,
    0.3,
)


def in_force(controls: Controls, good: Good, day: dt.date) -> bool:
    return good.item is not None and controls.in_force(good.item, day)


def export_price(
    controls: Controls, good: Good, day: dt.date, rnd: random.Random, noise: float
) -> float:
    """US dollars per kg an honest exporter invoices on ``day``."""
    priced = day
    if in_force(controls, good, day) and rnd.random() < 0.12:
        priced = day - dt.timedelta(days=rnd.randrange(90, 270))  # an older contract
    home = good.price * market.domestic(good.element, priced)
    prem = market.premium(good.element, priced)
    if in_force(controls, good, priced):
        price = home * (1.0 + (prem - 1.0) * rnd.uniform(0.55, 0.95))
    elif good.item is None and good.element in market.PREMIUM:
        price = home * (1.0 + (prem - 1.0) * rnd.uniform(0.1, 0.35))
    else:
        price = home * min(prem, 1.1) * rnd.uniform(0.97, 1.06)
    return price * math.exp(rnd.gauss(0.0, 1.5 * noise))


def pack(good: Good, kg: float, mode: str, rnd: random.Random) -> tuple[float, str, float]:
    """(quantity, unit, net kg) for ``kg`` of ``good`` as the line will state it."""
    step = good.step if mode in _BULK_MODES else min(good.step, 1.0)
    if good.unit in ("pcs", "set"):
        qty = max(1.0, float(round(kg / good.kg_per_unit)))
        return qty, good.unit, round(qty * good.kg_per_unit, 3)
    if kg >= step:
        kg = round(kg / step) * step
    kg = max(round(kg, 3), 0.05)
    if good.unit == "t" and mode in _BULK_MODES and kg >= 1000:
        return round(kg / 1000, 3), "t", kg
    if kg < 1.0 and good.price > 100 and rnd.random() < 0.5:
        return round(kg * 1000, 1), "g", kg
    return kg, "kg", kg


def gross_of(good: Good, net: float, mode: str, rnd: random.Random) -> float:
    low, high = good.tare
    gross = net * (1.0 + rnd.uniform(low, high))
    if rnd.random() < 0.12:
        gross += net * rnd.uniform(0.0, 0.06)  # crates, dunnage, a heavier pallet
    if mode in ("express", "post", "passenger"):
        gross += rnd.uniform(0.2, 1.5)
    return round(gross, 2)


@dataclass
class HonestTrade:
    controls: Controls
    knobs: Knobs
    pop: Population
    rnd: random.Random

    def __post_init__(self) -> None:
        self.clock = Clock.make(self.rnd)
        self.cum_exporters = list(accumulate(e.weight for e in self.pop.exporters))

    # --- choices -------------------------------------------------------------------------

    def good_weight(self, exp: Exporter, key: str, day: dt.date, cons: Consignee) -> float:
        good = BY_KEY[key]
        if good.item is not None and good.element in ANNOUNCED:
            eff = self.controls.effective(good.item)
            if ANNOUNCED[good.element] <= day < eff:
                return 2.5  # rush out before the licence requirement
        if not in_force(self.controls, good, day):
            return 1.0
        assert good.item is not None
        if good.element not in exp.licensed:
            return 0.0
        start = exp.licence_from[good.element]
        if day < start:
            return 0.0
        if cons.country == "US" and self.controls.us_denied(good.item, day):
            return 0.0
        return 0.6 if (day - start).days < 120 else 1.0

    def pick_good(
        self, exp: Exporter, day: dt.date, cons: Consignee, mode: str | None
    ) -> str | None:
        weights = []
        for key, w in zip(exp.goods, exp.goods_w, strict=True):
            if mode is not None and mode not in _BULK_MODES and BY_KEY[key].unit == "t":
                weights.append(0.0)
                continue
            weights.append(w * self.good_weight(exp, key, day, cons))
        if sum(weights) <= 0:
            return None
        return self.rnd.choices(exp.goods, weights)[0]

    def pick_mode(self, exp: Exporter, good: Good, cons: Consignee) -> str:
        rnd = self.rnd
        country = COUNTRIES[cons.dest]
        if rnd.random() < 0.0015:
            return "passenger"
        mix: tuple[tuple[str, float], ...]
        if exp.sector == "ecommerce":
            mix = (("express", 0.55), ("post", 0.38), ("air", 0.07))
        elif good.unit == "t":
            mix = (("sea", 0.85), ("rail", 0.08), ("road", 0.07))
        elif good.price > 100 or exp.sector in ("wafer", "gallium", "germanium"):
            mix = (("air", 0.42), ("sea", 0.35), ("express", 0.13), ("road", 0.05), ("rail", 0.05))
        else:
            mix = (("sea", 0.84), ("rail", 0.05), ("road", 0.04), ("air", 0.05), ("express", 0.02))
        options = [
            (m, w)
            for m, w in mix
            if (m != "sea" or country.sea)
            and (m != "road" or country.road)
            and (m != "rail" or country.rail)
        ]
        if not options:
            options = [("air", 1.0)] if good.unit != "t" else [("rail", 1.0)]
            if good.unit == "t" and not country.rail:
                options = [("sea", 1.0)]
        return rnd.choices([m for m, _ in options], [w for _, w in options])[0]

    def pick_port(self, exp: Exporter, mode: str, cons: Consignee) -> str:
        if mode == "road":
            port = COUNTRIES[cons.dest].road_port
            if port:
                return port
        ports = ports_for(exp.province, mode)
        if self.rnd.random() < 0.75:
            return ports[0]
        return self.rnd.choice(ports)

    # --- declarations ----------------------------------------------------------------------

    def generate(self, n_lines: int, first_decl: int) -> list[Line]:
        lines: list[Line] = []
        decl = first_decl
        guard = 0
        while len(lines) < n_lines and guard < n_lines * 50:
            guard += 1
            made = self.declaration(decl, n_lines - len(lines))
            if made:
                lines.extend(made)
                decl += 1
        return lines

    def declaration(self, decl: int, room: int) -> list[Line]:
        rnd = self.rnd
        day = self.clock.day()
        for _ in range(8):  # somebody lodges on this day: draw exporters until one can
            i = bisect_right(self.cum_exporters, rnd.random() * self.cum_exporters[-1])
            exp = self.pop.exporters[min(i, len(self.pop.exporters) - 1)]
            if exp.active_from > day:
                continue
            links = [(c, w) for c, w, since in exp.links if since <= day]
            if not links:
                continue
            cons = self.pop.consignees[rnd.choices([c for c, _ in links], [w for _, w in links])[0]]
            first = self.pick_good(exp, day, cons, None)
            if first is not None:
                break
        else:
            return []
        sample = rnd.random() < (
            0.035 if exp.sector not in ("general", "supply", "ecommerce") else 0.005
        )
        mode = "express" if sample else self.pick_mode(exp, BY_KEY[first], cons)
        if BY_KEY[first].unit == "t" and mode not in _BULK_MODES:
            mode = "sea" if COUNTRIES[cons.dest].sea else "rail"
        if sample or mode in ("post", "passenger"):
            n = 1
        elif exp.sector == "supply":
            n = min(40, 4 + int(rnd.expovariate(1 / 9)))
        else:
            n = 1 + min(25, int(rnd.expovariate(1 / exp.multi))) if rnd.random() < 0.6 else 1
        n = min(n, room)
        keys = [first]
        for _ in range(n - 1):
            key = self.pick_good(exp, day, cons, mode)
            if key is not None:
                keys.append(key)
        return self.write(decl, day, exp, cons, mode, keys, sample)

    def write(
        self,
        decl: int,
        day: dt.date,
        exp: Exporter,
        cons: Consignee,
        mode: str,
        keys: list[str],
        sample: bool,
    ) -> list[Line]:
        rnd = self.rnd
        noise = self.knobs.honest_noise
        english = exp.lang == "en" or (exp.lang == "mix" and rnd.random() < 0.4)
        exp_name = exp.name_on(day, english)
        cons_name = cons.name
        currency = exp.currency
        if currency == "USD" and rnd.random() < 0.35:
            local = COUNTRIES[cons.country].currency
            if local in ("JPY", "EUR", "HKD", "GBP", "SGD"):
                currency = local
        if mode in ("passenger", "post") and rnd.random() < 0.5:
            declarant = None
        else:
            declarant = rnd.choice(exp.brokers) if exp.brokers else exp.uscc
        port = self.pick_port(exp, mode, cons)
        stamp = self.clock.stamp(day)
        new_party = (day - exp.active_from).days < 120 or cons.new
        trade = cons.trade_country or cons.country
        lines: list[Line] = []
        for key in keys:
            good = BY_KEY[key]
            kg = rnd.lognormvariate(math.log(good.qty), good.sigma)
            if mode in _SMALL_MODES:
                kg *= _SMALL_MODES[mode]
            if exp.sector == "ecommerce" and mode in ("post", "express"):
                kg = rnd.lognormvariate(math.log(1.5), 0.9)
            if sample:
                kg = rnd.uniform(0.05, 2.0)
            qty, unit, net = pack(good, kg, mode, rnd)
            usd = net * export_price(self.controls, good, day, rnd, noise)
            if sample:
                usd = min(usd, rnd.uniform(5.0, 80.0))
            controlled = in_force(self.controls, good, day)
            use = rnd.choice(good.uses)
            desc = wording.description(good, exp.lang, rnd)
            if sample:
                zh, en = wording.sample_words(exp.lang)
                desc = f"{zh} {desc}" if exp.lang != "en" else f"{en} {desc}"
            spec = wording.specification(good, exp.spec_style, rnd, use=use)
            end_user = end_use = None
            if controlled:
                end_user = cons.end_user or cons.name
                end_use = wording.split_use(use)[0 if exp.lang == "zh" else 1]
            elif rnd.random() < 0.2:
                end_use = wording.split_use(use)[0]
            origin = exp.region
            if exp.sector == "supply":
                origin = rnd.choice(sorted(REGIONS))
            line = Line(
                decl=decl,
                day=day,
                stamp=stamp,
                port=port,
                mode=mode,
                exporter_id=exp.uscc,
                exporter_name=exp_name,
                declarant_id=declarant,
                consignee_name=cons_name,
                consignee_address=cons.address if rnd.random() < 0.8 else None,
                consignee_country=cons.country,
                destination_country=cons.dest,
                trade_country=trade if rnd.random() < 0.85 else None,
                end_user_name=end_user,
                end_use=end_use,
                hs_code=good.hs,
                description=desc,
                specification=spec,
                quantity=qty,
                unit=unit,
                net_weight_kg=net,
                gross_weight_kg=gross_of(good, net, mode, rnd),
                value=0.0,
                currency=currency,
                container_ids=None,
                transport_doc=None,
                origin_region=origin,
                good=key,
                true_good=key,
                true_kg=net,
                value_usd=usd,
                true_value_usd=usd,
                new_party=new_party,
                consignee=cons.idx,
            )
            line.value = round(usd * market.fx(currency, day), 2)
            if rnd.random() < noise / 2:
                self.quirk(line, exp, cons, good)
            lines.append(line)
        finish(lines, rnd)
        return lines

    def quirk(self, line: Line, exp: Exporter, cons: Consignee, good: Good) -> None:
        """A harmless clerical deviation, the kind every real declaration file has."""
        rnd = self.rnd
        kind = rnd.choice(("name", "name", "gross", "code", "unit", "origin", "licence", "licence"))
        line.quirk = kind
        if kind == "name":
            if rnd.random() < 0.5:
                spelled = names.variants(exp.name_en, rnd, 1)
                line.exporter_name = spelled[0] if spelled else exp.name_en
            else:
                spelled = names.variants(cons.name, rnd, 1)
                line.consignee_name = spelled[0] if spelled else cons.name
        elif kind == "gross":
            line.gross_weight_kg = None if rnd.random() < 0.6 else line.net_weight_kg
        elif kind == "code" and good.key in _CODE_QUIRKS:
            line.hs_code = _CODE_QUIRKS[good.key]
        elif kind == "unit" and line.unit == "kg":
            line.unit = rnd.choice(("KGS", "千克", "Kg"))
        elif kind == "origin" and line.origin_region:
            _, city, pinyin = REGIONS[line.origin_region]
            line.origin_region = city if rnd.random() < 0.5 else pinyin
        else:
            line.quirk = "licence" if kind == "licence" else ""


def finish(lines: list[Line], rnd: random.Random, soc_owner: str | None = None) -> None:
    """Number the lines of one declaration and give it containers and a transport document."""
    if not lines:
        return
    gross = sum(ln.gross_weight_kg or ln.net_weight_kg for ln in lines)
    containers, doc = shipping.documents(rnd, lines[0].mode, gross, soc_owner)
    for i, ln in enumerate(lines, start=1):
        ln.line_no = i
        ln.container_ids = containers
        ln.transport_doc = doc
