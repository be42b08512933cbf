"""Schemes that lie about the goods: what is declared is not what is shipped.

``structuring`` (controlled metal split into express parcels by sister shells),
``scrap_cover``, ``alloy_cover``, ``device_cover`` and ``ree_mislabel`` (controlled goods
under an ordinary neighbour's name and code), ``concealment`` (hidden in the boxes of an
ordinary line of a consolidator's declaration) and ``market_bundle`` (ingots as "metal
crafts" in a Yiwu market-procurement declaration). Loud forms give themselves away on
paper (a value per kg no scrap fetches, a declared purity, kilos per "lens", a gross
weight far above the net); faint forms are priced and weighed like the goods they claim
to be.
"""

from __future__ import annotations

from datetime import date, timedelta

from eighteenthworld import lines as mk
from eighteenthworld import market
from eighteenthworld.calendar import END, START, pick_day
from eighteenthworld.goods import CONTROLLED, ORDINARY
from eighteenthworld.honest import make_decl
from eighteenthworld.logistics import PORTS, ports_for
from eighteenthworld.model import Line
from eighteenthworld.population import new_consignee
from eighteenthworld.rings import FRAUD_LOT, Ring, RingBase, Touched

#: Ordinary goods each ring's goods are declared as, in the order rings reword them.
DECOYS: dict[str, dict[str, tuple[str, ...]]] = {
    "structuring": {
        "ga_metal": ("indium_ingot",),
        "ge_ingot": ("si_chunks",),
        "bi_ingot": ("tin_ingot",),
    },
    "scrap_cover": {
        "ga_metal": ("al_scrap", "zn_dross"),
        "ge_ingot": ("zn_dross", "al_scrap", "fly_ash"),
        "ge_scrap": ("zn_dross", "al_scrap"),
        "sb_ingot": ("pb_scrap", "zn_dross"),
        "bi_ingot": ("pb_scrap",),
        "w_bar": ("w_scrap", "mo_scrap"),
    },
    "alloy_cover": {
        "sb_ingot": ("pbsb_alloy",),
        "w_bar": ("ferro_tungsten",),
        "w_heavy": ("ferro_tungsten", "w_sinkers"),
        "tb_metal": ("ndpr_metal",),
        "dy_metal": ("ndpr_metal",),
        "mo_powder_hp": ("mo_powder",),
        "bi_ingot": ("tin_ingot",),
    },
    "device_cover": {
        "ge_ingot": ("ge_lens", "ir_objective"),
        "ge_substrate": ("si_wafers", "solar_cells"),
        "gaas_wafer": ("led_chips", "si_wafers"),
        "gan_wafer": ("led_chips", "ics"),
        "inp_wafer": ("si_wafers", "led_chips"),
    },
    "ree_mislabel": {
        k: ("ceria", "ree_compounds", "la_oxide", "ceramic_pigment", "zirconia_beads")
        for k in ("dy_oxide", "tb_oxide", "y_oxide", "gd_oxide", "lu_oxide", "sc_oxide")
    },
    "market_bundle": {
        k: ("metal_crafts", "fishing_tackle", "hardware", "hand_tools")
        for k in ("sb_ingot", "bi_ingot", "w_bar", "te_metal")
    },
}
COVERS = (
    "tiles",
    "bolts",
    "pumps",
    "furniture",
    "caco3",
    "steel_articles",
    "fitness",
    "heaters",
    "glassware",
)
HIDDEN = ("ge_ingot", "ga_metal", "sb_ingot", "bi_ingot", "tb_oxide", "dy_oxide", "w_bar")


class Disguises(RingBase):
    """Rings whose goods are declared as something else."""

    def _ring_structuring(self, i: int) -> Ring:
        rng = self.rng
        day0 = pick_day(rng, START, START + timedelta(days=120))
        consignees = [
            new_consignee(
                self.world,
                rng,
                rng.choice(("HK", "KR", "US", "DE", "JP", "TW", "SG", "NL")),
                "ring",
            )
            for _ in range(rng.randint(1, 2))
        ]
        ring = self._ring(
            "structuring",
            i,
            [],
            consignees,
            ["CNSZX", "CNCAN", "CNPVG", "CNHGH", "CNXMN"],
            ["ga_metal", "ge_ingot", "bi_ingot"],
            utc=True,
        )
        for _ in range(rng.randint(3, 4)):
            ring.exporters.append(
                self._shell(ring, "ecom", day0, rng.choice(("ecom", "trade", "electronics")))
            )
        return ring

    def _event_structuring(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        rng = self.rng
        goods = self._goods_on(ring, day)
        if not goods:
            return []
        good = rng.choice(goods)
        loud = variant == "loud"
        k = min(left, rng.randint(6, 14) if loud else rng.randint(8, 20))
        total = rng.uniform(20, 150) if loud else rng.uniform(10, 80)
        span = rng.randint(1, 3) if loud else rng.randint(7, 25)
        active = ring.exporters[-3:]
        touched = []
        for _ in range(k):
            d = min(END, day + timedelta(days=rng.randint(0, span)))
            exporter = ring.exporter if loud and rng.random() < 0.8 else rng.choice(active)
            consignee = ring.consignees[0] if loud else rng.choice(ring.consignees)
            kg = total / k * rng.uniform(0.7, 1.3)
            if loud:
                line = mk.controlled(rng, good, d, "USD", exporter.desc_style, 0.0, kg)
                line.true_desc = f"{CONTROLLED[good].en} exported without a licence"
            else:
                decoys = DECOYS["structuring"][good]
                line = self._disguised(
                    good,
                    decoys[ring.wording % len(decoys)],
                    d,
                    "USD",
                    exporter.desc_style,
                    kg,
                    variant,
                )
                self._money(line, "USD", d)
                if line.net_kg < 2 and rng.random() < 0.5:
                    line.unit, line.quantity = "g", float(round(line.net_kg * 1000))
            self._fraud(line, ring, variant)
            mode = "express" if loud or rng.random() < 0.6 else "post"
            port = ring.port if mode in ("express",) else rng.choice(("CNPVG", "CNCAN", "CNHGH"))
            name = consignee.name if loud else rng.choice(consignee.variants or [consignee.name])
            decl = make_decl(
                self.world,
                rng,
                exporter,
                d,
                [line],
                consignee,
                "ring",
                port,
                mode,
                broker=ring.broker,
                use_broker=ring.broker is not None,
                supervision="9610" if rng.random() < 0.5 else "0110",
                consignee_name=name,
                trade_country=consignee.country,
            )
            decl.blank_line_no = rng.random() < 0.2
            touched.append((decl, [line]))
        return touched

    def _own_ring(
        self,
        scheme: str,
        i: int,
        tag: str,
        industry: str,
        ports: list[str],
        countries: tuple[str, ...],
    ) -> Ring:
        rng = self.rng
        goods = sorted(DECOYS[scheme])
        day0 = pick_day(rng, START, START + timedelta(days=200))
        consignees = [
            new_consignee(self.world, rng, rng.choice(countries), "ring")
            for _ in range(rng.randint(1, 3))
        ]
        ring = self._ring(scheme, i, [], consignees, ports, rng.sample(goods, min(3, len(goods))))
        ring.exporters.append(self._shell(ring, tag, day0, industry))
        return ring

    def _ring_scrap_cover(self, i: int) -> Ring:
        return self._own_ring(
            "scrap_cover",
            i,
            "scrap",
            "recycling",
            ["CNNGB", "CNTSN", "CNSHA", "CNCAN", "CNXMN"],
            ("IN", "KR", "JP", "NL", "BE", "VN", "MY", "TR", "AE"),
        )

    def _ring_alloy_cover(self, i: int) -> Ring:
        return self._own_ring(
            "alloy_cover",
            i,
            "alloy",
            "alloy",
            ["CNSHA", "CNNGB", "CNXMN", "CNTSN", "CNCAN"],
            ("JP", "KR", "DE", "IN", "TR", "NL", "US", "VN"),
        )

    def _ring_device_cover(self, i: int) -> Ring:
        return self._own_ring(
            "device_cover",
            i,
            "device",
            "optics",
            ["CNSZX", "CNPVG", "CNCAN", "CNHGH"],
            ("US", "DE", "KR", "TW", "SG", "NL", "JP", "IN"),
        )

    def _ring_ree_mislabel(self, i: int) -> Ring:
        return self._own_ring(
            "ree_mislabel",
            i,
            "ree",
            "chemical",
            ["CNSHA", "CNNGB", "CNTSN", "CNXMN", "CNCAN", "CNPVG"],
            ("JP", "KR", "DE", "US", "VN", "IN", "NL", "TH"),
        )

    def _own_event(
        self,
        ring: Ring,
        day: date,
        variant: str,
        *,
        reveal: bool,
        modes_loud: dict[str, float],
        modes_faint: dict[str, float],
        honest_pool: tuple[str, ...] = (),
        host_family: str | None = None,
        host_share: float = 0.0,
    ) -> Touched:
        rng = self.rng
        goods = self._goods_on(ring, day)
        if not goods:
            return []
        good = rng.choice(goods)
        decoys = DECOYS[ring.scheme][good]
        decoy = decoys[ring.wording % len(decoys)]
        exporter = ring.exporter
        kg = self._kg(good)
        if host_family and rng.random() < host_share:
            host = self._host(ring, host_family, day, ("sea", "rail"))
            if host is not None:
                line = self._disguised(
                    good,
                    decoy,
                    host.day,
                    host.currency,
                    host.exporter.desc_style,
                    kg * 0.5,
                    variant,
                    reveal and variant == "loud",
                )
                self._money(line, host.currency, host.day)
                self._fraud(line, ring, variant)
                self._device_count(line, good, variant)
                self._insert(host, line)
                return [(host, [line])]
        line = self._disguised(
            good,
            decoy,
            day,
            exporter.currency,
            exporter.desc_style,
            kg,
            variant,
            reveal and variant == "loud",
        )
        self._money(line, exporter.currency, day)
        self._fraud(line, ring, variant)
        self._device_count(line, good, variant)
        lines = [line]
        if variant == "faint" and honest_pool:
            for _ in range(rng.randint(0, 2)):
                cover = ORDINARY[rng.choice(honest_pool)]
                lines.append(
                    mk.ordinary(rng, cover, day, exporter.currency, exporter.desc_style, 0.05)
                )
            rng.shuffle(lines)
        modes = modes_loud if variant == "loud" else modes_faint
        mode = rng.choices(list(modes), weights=list(modes.values()))[0]
        port = ring.port
        if mode not in PORTS[port][1]:
            port = sorted(ports_for(mode))[ring.generation % len(ports_for(mode))]
        consignee = rng.choice(ring.consignees)
        decl = make_decl(
            self.world,
            rng,
            exporter,
            day,
            lines,
            consignee,
            "ring",
            port,
            mode,
            broker=ring.broker,
            use_broker=ring.broker is not None,
        )
        return [(decl, [line])]

    def _device_count(self, line: Line, good: str, variant: str) -> None:
        """Loud device covers give themselves away by weight per piece."""
        if line.unit != "pcs" or variant != "loud":
            return
        true = CONTROLLED[good]
        per = true.kg_per_unit if true.unit == "pcs" else self.rng.uniform(0.8, 3.0)
        line.quantity = float(max(1, round(line.net_kg / per)))

    def _event_scrap_cover(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        return self._own_event(
            ring,
            day,
            variant,
            reveal=False,
            modes_loud={"sea": 0.6, "air": 0.4},
            modes_faint={"sea": 1.0},
            honest_pool=("al_scrap", "cu_scrap", "ss_scrap", "zn_dross", "pb_scrap", "w_scrap"),
        )

    def _event_alloy_cover(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        return self._own_event(
            ring,
            day,
            variant,
            reveal=True,
            modes_loud={"sea": 0.7, "air": 0.3},
            modes_faint={"sea": 1.0},
            honest_pool=("ferro_moly", "ferro_vanadium", "tin_ingot", "mg_ingot"),
        )

    def _event_device_cover(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        return self._own_event(
            ring,
            day,
            variant,
            reveal=False,
            modes_loud={"air": 0.7, "express": 0.3},
            modes_faint={"air": 0.6, "express": 0.4},
            honest_pool=("led_chips", "ics", "solar_cells"),
            host_family="consolidator",
            host_share=0.5,
        )

    def _event_ree_mislabel(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        return self._own_event(
            ring,
            day,
            variant,
            reveal=True,
            modes_loud={"sea": 0.5, "air": 0.5},
            modes_faint={"sea": 0.7, "air": 0.3},
            honest_pool=("ceria", "la_oxide", "ceramic_pigment"),
            host_family="consolidator",
            host_share=0.55,
        )

    # --- hidden in other people's declarations -----------------------------------------

    def _ring_concealment(self, i: int) -> Ring:
        ring = self._ring("concealment", i, [], [], ["-"], list(HIDDEN))
        return ring

    def _event_concealment(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        rng = self.rng
        goods = self._goods_on(ring, day)
        host = self._host(ring, "consolidator", day, ("sea", "rail"))
        if not goods or host is None:
            return []
        good = rng.choice(goods)
        cover = ORDINARY[COVERS[(ring.wording + rng.randrange(3)) % len(COVERS)]]
        line = mk.ordinary(
            rng,
            cover,
            host.day,
            host.currency,
            host.exporter.desc_style,
            0.0,
            mk.lot(rng, cover.lot, 0.3),
        )
        share = rng.uniform(0.05, 0.25) if variant == "loud" else rng.uniform(0.01, 0.05)
        hidden = max(20.0 if variant == "loud" else 5.0, line.net_kg * share)
        hidden = min(hidden, FRAUD_LOT.get(good, (0, 2000))[1])
        true = CONTROLLED[good]
        if variant == "loud":
            line.gross_kg = round((line.net_kg + hidden) * rng.uniform(1.03, 1.07), 2)
        else:
            line.net_kg = round(line.net_kg + hidden, 2)
            if cover.unit == "kg":
                line.quantity = line.net_kg
            line.gross_kg = round(line.net_kg * rng.uniform(1.02, 1.06), 2)
        line.element = true.element
        line.true_hs = true.hs
        line.true_kg = round(hidden, 2)
        line.true_usd = hidden * market.export_price(true.price, host.day) * true.factor
        line.true_desc = f"{true.en} ({true.zh}) concealed in {cover.en}"
        self._fraud(line, ring, variant)
        self._insert(host, line)
        return [(host, [line])]

    def _ring_market_bundle(self, i: int) -> Ring:
        return self._ring("market_bundle", i, [], [], ["CNYIW"], sorted(DECOYS["market_bundle"]))

    def _event_market_bundle(self, ring: Ring, day: date, variant: str, left: int) -> Touched:
        rng = self.rng
        goods = self._goods_on(ring, day)
        host = self._host(ring, "market", day, ("sea", "rail"))
        if not goods or host is None:
            return []
        good = rng.choice(goods)
        decoys = DECOYS["market_bundle"][good]
        decoy = decoys[ring.wording % len(decoys)]
        loud = variant == "loud"
        kg = rng.uniform(1_000, 4_000) if loud else rng.uniform(150, 600)
        if good == "te_metal":
            kg *= 0.25
        line = self._disguised(good, decoy, host.day, host.currency, "zh", kg, variant)
        if loud:
            line.description = f"{ORDINARY[decoy].zh}(锭)"
        self._money(line, host.currency, host.day)
        self._fraud(line, ring, variant)
        self._insert(host, line)
        return [(host, [line])]
