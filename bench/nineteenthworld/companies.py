"""Honest company trade: China-Europe containers, wagons and trucks of industrial goods,
bonded re-exports and processing trade, and the odd air or sea shipment.

Traders keep habits: a few goods, one or two ports, a handful of buyers (the big
wholesalers of Almaty, Moscow, Bishkek and Tashkent buy from hundreds of them), the
script they write their buyers' names in, whether a broker lodges for them.
"""

from __future__ import annotations

import datetime as dt
import random

from nineteenthworld import clock, geo, goods, names
from nineteenthworld.context import Context
from nineteenthworld.goods import GOODS, Good
from nineteenthworld.ledger import Row, bar_line, goods_line, stamp, unit_price
from nineteenthworld.population import Party, Trader
from nineteenthworld.rand import pick, pick_pairs

RAIL_GOODS = {
    "330782": ("plush_toys", "plastic_ware", "christmas", "garments", "shoes", "down_jackets"),
    "500000": ("laptops", "monitors", "auto_parts", "ebikes", "appliances", "tyres"),
    "610100": ("excavator_parts", "auto_parts", "solar_modules", "appliances", "diamond_powder"),
    "510100": ("furniture", "monitors", "tyres", "li_batteries", "shoes", "tiles", "magnets_ndfeb"),
}
LUXURY = ("instruments", "watches")

#: Industrial regions: (division, province, goods, ports)
REGIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "654002",
        (
            "ferrosilicon",
            "silicon_metal",
            "pvc",
            "caustic_soda",
            "tiles",
            "garments",
            "shoes",
            "appliances",
            "apples",
        ),
        ("CNHRG", "CNAKS"),
    ),
    (
        "653101",
        (
            "garments",
            "shoes",
            "household",
            "appliances",
            "tiles",
            "cement",
            "rebar",
            "apples",
            "monitors",
        ),
        ("CNKHG",),
    ),
    (
        "650100",
        (
            "pvc",
            "caustic_soda",
            "rebar",
            "steel_pipes",
            "graphite_electrodes",
            "ferrosilicon",
            "alloy_steel_bars",
        ),
        ("CNAKS", "CNHRG", "CNKHG"),
    ),
    (
        "152502",
        (
            "zinc_concentrate",
            "zinc_fume",
            "ferrotungsten",
            "ferrosilicon",
            "coke",
            "urea",
            "cement",
            "rebar",
        ),
        ("CNERL",),
    ),
    (
        "150200",
        (
            "ferrosilicon",
            "ferromanganese",
            "rebar",
            "steel_pipes",
            "magnets_ndfeb",
            "aluminium_ingots",
        ),
        ("CNERL", "CNNZH"),
    ),
    ("150781", ("apples", "garlic", "rebar", "tiles", "furniture", "pvc", "urea"), ("CNNZH",)),
    (
        "231081",
        ("graphite_electrodes", "electrode_paste", "urea", "coke", "furniture", "apples", "tiles"),
        ("CNSFH", "CNNZH"),
    ),
    (
        "530100",
        (
            "zinc_concentrate",
            "zinc_fume",
            "lead_concentrate",
            "tin_ingots",
            "pbsb_alloy",
            "sb_trioxide",
            "silicon_metal",
            "urea",
            "cement",
            "rebar",
            "oranges",
        ),
        ("CNMHN", "CNHKO", "CNRLI", "CNWDG"),
    ),
    (
        "450100",
        (
            "pbsb_alloy",
            "sb_trioxide",
            "ferromanganese",
            "aluminium_ingots",
            "ceramic_pigment",
            "solder_wire",
            "oranges",
            "garments",
            "appliances",
            "moto_parts",
        ),
        ("CNPXG", "CNDXG", "CNHKO"),
    ),
    (
        "431381",
        ("sb_trioxide", "pbsb_alloy", "ferrotungsten", "alloy_steel_bars", "counterweights"),
        ("CNPXG", "CNHRG", "CNNZH"),
    ),
    (
        "360700",
        ("ferrotungsten", "magnets_ndfeb", "ceramic_pigment", "counterweights"),
        ("CNPXG", "CNAKS", "CNNZH"),
    ),
)
TRADE_FOR = {
    "ferrosilicon": "metallurgy",
    "silicon_metal": "materials",
    "pvc": "chemical",
    "caustic_soda": "chemical",
    "zinc_concentrate": "mining",
    "zinc_fume": "zinc",
    "lead_concentrate": "mining",
    "ferrotungsten": "metallurgy",
    "pbsb_alloy": "metallurgy",
    "sb_trioxide": "chemical",
    "graphite_electrodes": "materials",
    "electrode_paste": "materials",
    "rebar": "steel",
    "steel_pipes": "steel",
    "alloy_steel_bars": "steel",
    "counterweights": "steel",
    "ceramic_pigment": "ceramics",
    "tin_ingots": "metallurgy",
}
WAGON_GOODS = {
    "ferrosilicon",
    "ferromanganese",
    "silicon_metal",
    "zinc_concentrate",
    "zinc_fume",
    "lead_concentrate",
    "coke",
    "urea",
    "caustic_soda",
    "pvc",
    "cement",
    "rebar",
    "steel_pipes",
    "aluminium_ingots",
    "pbsb_alloy",
    "graphite_electrodes",
    "electrode_paste",
}
SMALL_LOTS = {
    "ferrotungsten": (3, 20),
    "tin_ingots": (5, 25),
    "sb_trioxide": (5, 25),
    "ceramic_pigment": (0.5, 12),
    "solder_wire": (0.3, 5),
    "magnets_ndfeb": (0.5, 8),
    "alloy_steel_bars": (2, 20),
    "counterweights": (1, 12),
}
BONDED_ZONES = (
    ("654004", "霍尔果斯综合保税区", "CNHRG"),
    ("653101", "喀什综合保税区", "CNKHG"),
    ("652702", "阿拉山口综合保税区", "CNAKS"),
    ("451481", "凭祥综合保税区", "CNPXG"),
    ("150781", "满洲里综合保税区", "CNNZH"),
    ("152501", "二连浩特保税物流中心", "CNERL"),
    ("532823", "磨憨跨境电商保税仓", "CNMHN"),
)
REEXPORT_GOODS = ("auto_parts", "monitors", "instruments", "excavator_parts", "tyres", "laptops")
PROCESSING_GOODS = ("tin_ingots", "ferrotungsten", "copper_wire")
RAIL_CONTAINER_MODES = ("rail",)


def currency_for(rng: random.Random, country: str) -> str:
    return pick_pairs(rng, geo.CURRENCIES.get(country, (("USD", 1.0),)))


def header(
    rng: random.Random,
    trader: Trader,
    port: str,
    mode: str,
    day: dt.date,
    buyer: Party,
    currency: str,
    *,
    destination: str | None = None,
    origin: str | None = None,
    declarant: Party | None = None,
    end_user: str | None = None,
    end_use: str | None = None,
) -> Row:
    """The fields a declaration's lines share."""
    at = clock.moment(rng, day)
    declarant = declarant if declarant is not None else trader.declarant
    country = buyer.country
    return {
        "_day": day,
        "_at": at,
        "_seg": trader.segment,
        "_exporter": trader.party.party_id,
        "_exporter_scripts": trader.party.scripts,
        "_buyer": buyer.party_id,
        "declared_at": stamp(rng, at, port),
        "port": port,
        "mode": mode,
        "exporter_id": trader.party.registration_id,
        "exporter_name": trader.party.name,
        "declarant_id": declarant.registration_id if declarant is not None else None,
        "consignee_name": buyer.written(rng, trader.buyer_script),
        "consignee_address": buyer.address if rng.random() < 0.7 else None,
        "consignee_country": country,
        "destination_country": destination or country,
        "trade_country": country if rng.random() < 0.85 else None,
        "end_user_name": end_user,
        "end_use": end_use,
        "currency": currency,
        "license_no": None,
        "container_ids": None,
        "transport_doc": names.transport_doc(rng, mode),
        "origin_region": origin,
    }


class CompanyTrade:
    """Traders of one segment and their declarations."""

    def __init__(self, ctx: Context, segment: str) -> None:
        self.ctx = ctx
        self.segment = segment
        self.rng = ctx.rng(f"companies:{segment}")
        self.traders: list[Trader] = []
        self.forwarders: dict[str, list[Party]] = {}

    # --- traders ---------------------------------------------------------------------

    def _buyers(self, trader: Trader, countries: list[str], per_country: tuple[int, int]) -> None:
        rng = self.rng
        for country in countries:
            chosen, weights = self.ctx.pop.pick_buyers(country, rng.randint(*per_country))
            trader.buyers.extend(chosen)
            trader.buyers_w.extend(weights)

    def _new_trader(
        self,
        division: str,
        trade: str,
        goods_: list[str],
        ports: list[str],
        countries: list[str],
        shared_address: bool = False,
    ) -> Trader:
        rng = self.rng
        pop = self.ctx.pop
        address = None
        if shared_address:
            matching = [a for d, a in names.SHARED_ADDRESSES if d == division]
            address = pick(rng, matching or [a for _, a in names.SHARED_ADDRESSES])
        party = pop.company_cn(division, trade, address=address)
        start = 0 if rng.random() < 0.85 else rng.randrange(clock.DAYS - 90)
        trader = Trader(
            party,
            self.segment,
            goods_,
            [rng.uniform(0.5, 2) for _ in goods_],
            ports,
            [],
            [],
            start=start,
            weight=rng.paretovariate(1.3),
            buyer_script=pick(rng, ("latin", "native", "mixed"), (0.5, 0.3, 0.2)),
        )
        if rng.random() < 0.6:
            trader.declarant = pick(rng, pop.brokers)
        if shared_address:
            trader.traits["ftz"] = True
        self._buyers(trader, countries, (2, 5))
        self.traders.append(trader)
        return trader

    def enrol_rail(self, target_lines: int) -> None:
        rng = self.rng
        for _code, _zh, division, _share in geo.RAIL_ORIGINS:
            self.forwarders[division] = [
                self.ctx.pop.company_cn(division, "forwarding") for _ in range(2)
            ]
        count = max(8, round(target_lines / 40))
        for _ in range(count):
            code, zh, division, _w = pick(rng, geo.RAIL_ORIGINS, [o[3] for o in geo.RAIL_ORIGINS])
            pool = list(RAIL_GOODS[division])
            chosen = rng.sample(pool, rng.randint(2, 4))
            if rng.random() < 0.1:
                chosen.append(pick(rng, LUXURY))
            exits = [pick_pairs(rng, geo.RAIL_EXITS) for _ in range(rng.randint(1, 2))]
            exits = list(dict.fromkeys(exits))
            countries = list(
                dict.fromkeys(
                    pick_pairs(rng, geo.RAIL_DESTINATIONS[e]) for e in exits for _ in range(2)
                )
            )
            trade = pick(rng, ("small_goods", "electronics", "impex", "trading", "supply_chain"))
            trader = self._new_trader(division, trade, chosen, exits, countries)
            trader.origin = zh
            if rng.random() < 0.7:
                trader.declarant = pick(rng, self.forwarders[division])
            trader.traits["inland"] = code

    def enrol_industry(self, target_lines: int) -> None:
        rng = self.rng
        count = max(10, round(target_lines / 30))
        for _ in range(count):
            division, pool, ports = pick(rng, REGIONS)
            chosen = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
            trade = TRADE_FOR.get(chosen[0], pick(rng, ("trading", "impex", "commerce")))
            used_ports = rng.sample(ports, min(len(ports), rng.randint(1, 2)))
            countries = list(
                dict.fromkeys(
                    c for p in used_ports for c in (self.ctx.pop.pick_country(p) for _ in range(2))
                )
            )
            self._new_trader(
                division,
                trade,
                chosen,
                used_ports,
                countries,
                shared_address=rng.random() < 0.12
                and division in {d for d, _ in names.SHARED_ADDRESSES},
            )

    def enrol_bonded(self, target_lines: int) -> None:
        rng = self.rng
        count = max(4, round(target_lines / 35))
        for _ in range(count):
            division, zone, port = pick(rng, BONDED_ZONES)
            processing = rng.random() < 0.35
            pool = PROCESSING_GOODS if processing else REEXPORT_GOODS
            chosen = rng.sample(pool, rng.randint(1, 2))
            countries = list(dict.fromkeys(self.ctx.pop.pick_country(port) for _ in range(2)))
            trader = self._new_trader(
                division,
                "bonded" if not processing else "metallurgy",
                chosen,
                [port],
                countries,
                shared_address=not processing,
            )
            trader.origin = zone
            trader.traits["processing"] = processing

    def enrol_misc(self, target_lines: int) -> None:
        rng = self.rng
        for _ in range(max(2, round(target_lines / 25))):
            if rng.random() < 0.6:
                self._new_trader(
                    "650100",
                    "electronics",
                    ["phones", "instruments", "watches", "laptops"],
                    ["CNURC"],
                    ["KZ", "UZ", "RU"],
                )
            else:
                self._new_trader("450600", "steel", ["rebar", "cement", "urea"], ["CNFAN"], ["VN"])

    # --- declarations ----------------------------------------------------------------

    def generate(self, target_lines: int) -> int:
        if target_lines <= 0:
            return 0
        if not self.traders:
            {
                "rail_container": self.enrol_rail,
                "industry": self.enrol_industry,
                "bonded": self.enrol_bonded,
                "misc": self.enrol_misc,
            }[self.segment](target_lines)
        rng = self.rng
        weights = [t.weight for t in self.traders]
        made = 0
        make = {
            "rail_container": self.rail_declaration,
            "industry": self.industry_declaration,
            "bonded": self.bonded_declaration,
            "misc": self.misc_declaration,
        }[self.segment]
        while made < target_lines:
            trader = pick(rng, self.traders, weights)
            day = self.ctx.company.draw(rng, trader.start, trader.end)
            made += len(make(trader, day, target_lines - made))
        return made

    def _buyer(self, trader: Trader, countries: set[str] | None = None) -> Party:
        rng = self.rng
        pairs = [
            (b, w)
            for b, w in zip(trader.buyers, trader.buyers_w, strict=True)
            if countries is None or b.country in countries
        ]
        if not pairs:
            pairs = list(zip(trader.buyers, trader.buyers_w, strict=True))
        return pick(rng, [p[0] for p in pairs], [p[1] for p in pairs])

    def _goods(self, trader: Trader, n: int) -> list[Good]:
        rng = self.rng
        keys: list[str] = []
        for _ in range(n):
            key = pick(rng, trader.goods, trader.goods_w)
            if key not in keys:
                keys.append(key)
        return [GOODS[k] for k in keys]

    def rail_declaration(self, trader: Trader, day: dt.date, room: int) -> list[Row]:
        rng = self.rng
        exit_port = pick(rng, trader.ports)
        countries = {c for c, _ in geo.RAIL_DESTINATIONS[exit_port]}
        buyer = self._buyer(trader, countries)
        n = min(room, pick(rng, (1, 2, 3, 4, 5), (0.5, 0.25, 0.12, 0.08, 0.05)))
        lines_goods = self._goods(trader, n)
        currency = currency_for(rng, buyer.country)
        inland = str(trader.traits["inland"])
        port = inland if rng.random() < 0.3 else exit_port
        lcl = len(lines_goods) > 1 and rng.random() < 0.25
        shared_box = [names.container_number(rng)] if lcl else []
        lines = []
        for good in lines_goods:
            lo, hi = good.box
            if lcl:
                boxes = shared_box
                kg = rng.uniform(lo, hi) * 1000 / len(lines_goods)
            else:
                count = 1 if hi < 20 else pick(rng, (1, 2, 3), (0.6, 0.3, 0.1))
                boxes = [names.container_number(rng) for _ in range(count)]
                kg = sum(rng.uniform(lo, hi) for _ in boxes) * 1000
            line = goods_line(
                rng, good, kg, unit_price(rng, good, day), day, currency, buyer.country
            )
            line["container_ids"] = ";".join(boxes)
            line["_traps"] = goods_traps(good, day, line, per_box=kg / len(boxes))
            lines.append(line)
        head = header(rng, trader, port, "rail", day, buyer, currency, origin=trader.origin)
        if port in geo.INLAND:
            for line in lines:
                line["_traps"].append("inland_customs")
        return self.ctx.ledger.add(head, lines)

    def industry_declaration(self, trader: Trader, day: dt.date, room: int) -> list[Row]:
        rng = self.rng
        port = pick(rng, trader.ports)
        modes = [(m, w) for m, w in geo.PORTS[port].modes if m in ("rail", "road")]
        mode = pick_pairs(rng, modes)
        countries = {c for c, _ in geo.PORTS[port].neighbours}
        buyer = self._buyer(trader, countries)
        n = min(room, 1 if rng.random() < 0.75 else pick(rng, (2, 3)))
        currency = currency_for(rng, buyer.country)
        lines = []
        for good in self._goods(trader, n):
            lines.append(self.industry_line(good, mode, day, currency, buyer.country))
        head = header(rng, trader, port, mode, day, buyer, currency)
        return self.ctx.ledger.add(head, lines)

    def industry_line(
        self, good: Good, mode: str, day: dt.date, currency: str, country: str
    ) -> Row:
        rng = self.rng
        price = unit_price(rng, good, day)
        wagons = 0
        if good.key in SMALL_LOTS:
            kg = rng.uniform(*SMALL_LOTS[good.key]) * 1000
        elif mode == "rail" and good.key in WAGON_GOODS:
            wagons = max(1, min(50, round(rng.lognormvariate(1.4, 0.9))))
            kg = sum(rng.uniform(55, 69) for _ in range(wagons)) * 1000
        elif good.unit == "t":
            kg = rng.uniform(15, 32) * 1000 * pick(rng, (1, 2, 3), (0.7, 0.2, 0.1))
        else:
            kg = rng.uniform(2, 12) * 1000
        if good.key in ("alloy_steel_bars", "counterweights"):
            line = bar_line(rng, good, kg, price, day, currency, country, goods.STEEL_DENSITY)
        elif wagons and rng.random() < 0.1:
            line = goods_line(
                rng, good, kg, price, day, currency, country, unit="pcs", kg_per_unit=kg / wagons
            )
            line["_wagon_pieces"] = True
        else:
            line = goods_line(rng, good, kg, price, day, currency, country)
        line["_traps"] = goods_traps(good, day, line, per_box=None)
        if line.get("_wagon_pieces"):
            line["_traps"].append("wagon_pieces")
        return line

    def bonded_declaration(self, trader: Trader, day: dt.date, room: int) -> list[Row]:
        rng = self.rng
        port = trader.ports[0]
        modes = [(m, w) for m, w in geo.PORTS[port].modes if m in ("rail", "road")]
        mode = pick_pairs(rng, modes)
        buyer = self._buyer(trader)
        currency = currency_for(rng, buyer.country)
        n = min(room, 1 if rng.random() < 0.7 else 2)
        lines = []
        for good in self._goods(trader, n):
            if trader.traits.get("processing"):
                line = self.industry_line(good, mode, day, currency, buyer.country)
                if "processing_trade" not in line["_traps"]:
                    line["_traps"].append("processing_trade")
            else:
                kg = rng.uniform(*good.box) * 1000 if good.box[1] else rng.uniform(1, 10) * 1000
                spec = (
                    f"{goods.fill(rng, good.spec)} 保税区出区复运出境 原产国:"
                    f"{pick(rng, ('日本', '韩国', '德国', '泰国', '马来西亚'))}"
                )
                line = goods_line(
                    rng,
                    good,
                    kg,
                    unit_price(rng, good, day),
                    day,
                    currency,
                    buyer.country,
                    spec=spec,
                )
                if rng.random() < 0.5:
                    line["description"] = "保税 " + line["description"]
                line["_traps"] = [*goods_traps(good, day, line, None), "bonded_reexport"]
            lines.append(line)
        head = header(rng, trader, port, mode, day, buyer, currency, origin=trader.origin)
        return self.ctx.ledger.add(head, lines)

    def misc_declaration(self, trader: Trader, day: dt.date, room: int) -> list[Row]:
        rng = self.rng
        port = trader.ports[0]
        mode = geo.PORTS[port].modes[0][0]
        buyer = self._buyer(trader)
        currency = currency_for(rng, buyer.country)
        good = self._goods(trader, 1)[0]
        kg = rng.uniform(20, 800) if mode == "air" else rng.uniform(500, 3000) * 1000
        line = goods_line(rng, good, kg, unit_price(rng, good, day), day, currency, buyer.country)
        line["_traps"] = goods_traps(good, day, line, None)
        head = header(rng, trader, port, mode, day, buyer, currency)
        return self.ctx.ledger.add(head, [line])


def goods_traps(good: Good, day: dt.date, line: Row, per_box: float | None) -> list[str]:
    """The honest traps a goods line carries because of what it is."""
    traps = []
    for trap in good.traps:
        if trap == "suspended_control":
            if day >= goods.SUSPENDED_FROM:
                traps.append(trap)
        elif trap == "heavy_lot":
            if per_box is not None and per_box >= 22_000:
                traps.append(trap)
        else:
            traps.append(trap)
    if "heavy_lot" not in traps and (
        line["net_weight_kg"] >= 1_000_000 or (per_box is not None and per_box >= 22_000)
    ):
        traps.append("heavy_lot")
    return traps
