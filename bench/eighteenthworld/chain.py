"""The domestic chain behind the exports: mines and carrier plants, the producers'
refineries and smelters, recyclers, downstream processors; monthly balances and the
movements between them.

Honest balances close: what a producer exported (its declarations), sold at home (its
movements) and kept in stock adds up to what it made. Where a ring's goods came from,
one facility leaks: its books record production and booked shipments, but its stock
count is short by what left unbooked, so its balance does not close by that gap. Some
leaked lots are even booked as one-sided movements to a ring's shell; most are not.
"""

from __future__ import annotations

from collections import defaultdict

from eighteenthworld.calendar import months
from eighteenthworld.goods import CONTROLLED
from eighteenthworld.model import Exporter, Party
from eighteenthworld.state import World

#: element -> (facility kind, upstream kind, carrier material)
KINDS: dict[str, tuple[str, str, str]] = {
    "gallium": ("refinery", "alumina_refinery", "bayer_liquor"),
    "germanium": ("refinery", "zinc_smelter", "zinc_residue"),
    "antimony": ("smelter", "mine", "stibnite_concentrate"),
    "tungsten": ("smelter", "mine", "tungsten_concentrate"),
    "graphite": ("processor", "mine", "graphite:ore"),
    "bismuth": ("smelter", "mine", "bismuth_concentrate"),
    "tellurium": ("refinery", "smelter", "copper_anode_slime"),
    "molybdenum": ("processor", "mine", "molybdenum_concentrate"),
    "indium": ("processor", "zinc_smelter", "zinc_residue"),
    "dysprosium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "terbium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "yttrium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "gadolinium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "lutetium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "scandium": ("separation_plant", "mine", "rare_earth_concentrate"),
    "samarium": ("separation_plant", "mine", "rare_earth_concentrate"),
}


class Chain:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng("chain")
        self.by_element: dict[str, list[str]] = defaultdict(list)
        self.operator: dict[str, Exporter | Party] = {}
        self.materials: dict[str, list[str]] = {}
        self.upstream: dict[str, str] = {}
        self.downstream: list[str] = []
        self.counter = 0
        self.inflow: dict[tuple[str, str, str], float] = defaultdict(float)
        self.outflow: dict[tuple[str, str, str], float] = defaultdict(float)

    def _id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter:05d}"

    def _facility(
        self, operator: str, kind: str, region: str, materials: list[str], capacity: float
    ) -> str:
        fid = self._id("FAC")
        self.world.facilities.append(
            {
                "facility_id": fid,
                "operator_id": operator,
                "kind": kind,
                "region": region,
                "capacity_kg_per_year": round(capacity, -2),
                "materials": materials,
            }
        )
        self.materials[fid] = materials
        return fid

    def _company(self, city_tag: str, industry: str) -> Party:
        city = self.world.namer.city(city_tag)
        name = self.world.namer.chinese(city, industry)
        return self.world.add_party(
            Party(
                self.world.ids.party("M"),
                "company",
                name.zh,
                "CN",
                self.world.namer.chinese_address(city),
                [name.en],
                registration_id=self.world.ids.uscc(city[3]),
            )
        )

    def build(self, flows: list[tuple[str, str, str, float]]) -> None:
        rng = self.rng
        exports = self._exports()
        for exporter in self.world.exporters.get("producer", []) + [
            e
            for e in self.world.exporters.get("device", [])
            if all(g in CONTROLLED for g in e.goods)
        ]:
            materials = sorted({CONTROLLED[g].material for g in exporter.goods if g in CONTROLLED})
            element = CONTROLLED[exporter.goods[0]].element
            kind, up_kind, carrier = KINDS.get(element, ("processor", "mine", "ore"))
            yearly = sum(v for (f, _, _), v in exports.items() if f == exporter.uscc) / 2
            fid = self._facility(
                exporter.uscc,
                kind,
                exporter.region,
                materials,
                max(10_000.0, yearly * rng.uniform(1.6, 3.0)),
            )
            for material in materials:
                self.by_element[material.split(":")[0]].append(fid)
            self.operator[fid] = exporter
            if rng.random() < 0.8:
                supplier = self._company(element, "metals")
                up = self._facility(
                    supplier.party_id, up_kind, exporter.region, [carrier], yearly * 40 + 100_000
                )
                self.upstream[fid] = up
        for exporter in self.world.exporters.get("scrap", []):
            self._facility(
                exporter.uscc,
                "recycler",
                exporter.region,
                ["tungsten:scrap", "aluminium:scrap"],
                2_000_000,
            )
        for tag, industry, kind, material in (
            ("ree", "magnetics", "magnet_plant", "dysprosium:oxide"),
            ("tungsten", "alloy", "processor", "tungsten:apt"),
            ("germanium", "optics", "processor", "germanium:metal"),
            ("gallium", "semiconductor", "processor", "gallium:metal"),
            ("antimony", "chemical", "processor", "antimony:metal"),
        ):
            company = self._company(tag, industry)
            self.downstream.append(
                self._facility(company.party_id, kind, company.address[:2], [material], 500_000)
            )
        self._balances(exports, self._leaks(flows))

    def _exports(self) -> dict[tuple[str, str, str], float]:
        """Net kg each exporter declared per material and month (booked shipments)."""
        out: dict[tuple[str, str, str], float] = defaultdict(float)
        for decl in self.world.decls:
            for line in decl.lines:
                if line.good in CONTROLLED and not (line.scheme and line.true_hs != line.hs):
                    material = CONTROLLED[line.good].material
                    month = f"{decl.day.year:04d}-{decl.day.month:02d}"
                    out[(decl.exporter.uscc, material, month)] += line.net_kg
        return out

    def _leaks(self, flows: list[tuple[str, str, str, float]]) -> dict[tuple[str, str, str], float]:
        """Which facility each ring's goods leaked from: (facility, material, month) -> kg."""
        rng = self.rng
        source: dict[tuple[str, str], str] = {}
        leaks: dict[tuple[str, str, str], float] = defaultdict(float)
        for ring, material, month, kg in sorted(flows):
            element = material.split(":")[0]
            key = (ring, element)
            if key not in source:
                candidates = sorted(self.by_element.get(element, []))
                if candidates:
                    source[key] = rng.choice(candidates)
                else:
                    dark = self._company(element, "metals")
                    kind = KINDS.get(element, ("smelter", "", ""))[0]
                    fid = self._facility(dark.party_id, kind, dark.address[:2], [material], 200_000)
                    self.by_element[element].append(fid)
                    self.operator[fid] = dark
                    source[key] = fid
            fid = source[key]
            if material not in self.materials[fid]:
                self.materials[fid].append(material)
            leaks[(fid, material, month)] += kg
            if rng.random() < 0.15:
                self._move(
                    f"{month}-{rng.randint(1, 28):02d}",
                    fid,
                    self._ring_party(ring),
                    material,
                    kg * rng.uniform(0.3, 1.0),
                )
        for (fid, material, month), kg in sorted(leaks.items()):
            self.world.truth_facilities.append(
                {
                    "facility_id": fid,
                    "period": month,
                    "material": material,
                    "gap_kg": round(kg, 1),
                    "ring": next(
                        r
                        for (r, e), f in sorted(source.items())
                        if f == fid and e == material.split(":")[0]
                    ),
                }
            )
        return leaks

    def _ring_party(self, ring: str) -> str:
        for row in self.world.truth_parties:
            if row["ring"] == ring and row["role"] == "exporter":
                return str(row["party_id"])
        return "UNKNOWN-TRADER"

    def _move(self, day: str, src: str, dst: str, material: str, kg: float) -> None:
        rng = self.rng
        kg = round(kg, 1)
        self.outflow[(src, material, day[:7])] += kg
        self.inflow[(dst, material, day[:7])] += kg
        self.world.movements.append(
            {
                "movement_id": self._id("MV"),
                "moved_at": day,
                "from_id": src,
                "to_id": dst,
                "material": material,
                "quantity_kg": round(kg, 1),
                "lot_id": f"L{rng.randrange(10**6, 10**7)}",
                "document_no": f"FP{rng.randrange(10**9, 10**10)}",
            }
        )

    def _balances(
        self, exports: dict[tuple[str, str, str], float], leaks: dict[tuple[str, str, str], float]
    ) -> None:
        rng = self.rng
        for fid in sorted(self.materials):
            operator = self.operator.get(fid)
            if operator is None:
                continue
            uscc = operator.uscc if isinstance(operator, Exporter) else ""
            for material in sorted(self.materials[fid]):
                stock = round(
                    rng.uniform(500, 20_000)
                    if material.split(":")[0]
                    not in ("germanium", "gallium", "terbium", "lutetium", "scandium")
                    else rng.uniform(20, 800),
                    1,
                )
                for month in months():
                    exported = round(exports.get((uscc, material, month), 0.0), 1)
                    leaked = round(leaks.get((fid, material, month), 0.0), 1)
                    if not exported and not leaked and rng.random() < 0.5:
                        continue
                    domestic = round(
                        exported * rng.uniform(0.2, 0.8) if exported else rng.uniform(0, 300), 1
                    )
                    if domestic > 0 and self.downstream:
                        self._move(
                            f"{month}-{rng.randint(1, 28):02d}",
                            fid,
                            rng.choice(self.downstream),
                            material,
                            domestic,
                        )
                    change = round(rng.uniform(-0.2, 0.2) * stock, 1)
                    produced = round(max(0.0, exported + domestic + leaked + change), 1)
                    shipped = round(exported + domestic, 1)
                    booked_closing = round(stock + produced - shipped - leaked, 1)
                    up = self.upstream.get(fid)
                    if up is not None:
                        self._move(
                            f"{month}-{rng.randint(1, 28):02d}",
                            up,
                            fid,
                            self.materials[up][0],
                            produced * rng.uniform(8, 30),
                        )
                    self.world.production.append(
                        {
                            "facility_id": fid,
                            "period": month,
                            "material": material,
                            "opening_kg": stock,
                            "received_kg": 0.0,
                            "produced_kg": produced,
                            "consumed_kg": 0.0,
                            "shipped_kg": shipped,
                            "closing_kg": booked_closing,
                        }
                    )
                    stock = booked_closing
        self._flows_booked()

    def _flows_booked(self) -> None:
        """Carrier plants book what they ship, processors what they receive; producers
        book the carrier they receive and consume."""
        ups = set(self.upstream.values())
        producers = set(self.upstream)
        downs = set(self.downstream)
        rows: dict[tuple[str, str, str], dict[str, float]] = {}
        for (fid, material, month), kg in sorted(self.outflow.items()):
            if fid in ups:
                rows[(fid, month, material)] = {"produced_kg": kg, "shipped_kg": kg}
        for (fid, material, month), kg in sorted(self.inflow.items()):
            if fid in downs or (
                fid in producers and material == self.materials[self.upstream[fid]][0]
            ):
                rows[(fid, month, material)] = {"received_kg": kg, "consumed_kg": kg}
        booked = {
            (str(r["facility_id"]), str(r["period"]), str(r["material"]))
            for r in self.world.production
        }
        for (fid, month, material), values in sorted(rows.items()):
            if (fid, month, material) in booked:
                continue
            row: dict[str, object] = {
                "facility_id": fid,
                "period": month,
                "material": material,
                "opening_kg": 0.0,
                "received_kg": 0.0,
                "produced_kg": 0.0,
                "consumed_kg": 0.0,
                "shipped_kg": 0.0,
                "closing_kg": 0.0,
            }
            row.update({k: round(v, 1) for k, v in values.items()})
            self.world.production.append(row)


def build(world: World, flows: list[tuple[str, str, str, float]]) -> None:
    Chain(world).build(flows)
