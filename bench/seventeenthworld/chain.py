"""The domestic chain of custody: mines, smelters and refineries, transfers, monthly books.

Each controlled element has sources (mines, alumina refineries for gallium, zinc smelters
for germanium) feeding refineries that make the controlled forms; licensed exporters get
their material from those refineries, into their own warehouse when they have one and
to their own name when they do not (a transfer nobody books on the receiving side --
honest, and common). Monthly balances close, bar small stock-take differences.

Smuggling leaves three kinds of trace here: a booked transfer of controlled metal to a
company or person that never exports it declared as such; a refinery month whose books
do not close by the amount that walked out; and a "processor" that receives metal and
ships it out again without consuming or producing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import numpy as np
import polars as pl

from . import goods, names
from .books import Books
from .idents import uscc
from .places import REGIONS
from .timeline import DAYS, START, iso

SOURCES = {
    "gallium": ("alumina_refinery", "bauxite", 0.00005),
    "germanium": ("zinc_smelter", "zinc_concentrate", 0.0002),
    "graphite": ("mine", "graphite_ore", 0.12),
    "antimony": ("mine", "stibnite_concentrate", 0.45),
    "tungsten": ("mine", "tungsten_concentrate", 0.5),
    "minor": ("smelter", "copper_anode_slime", 0.05),
    "heavy_re": ("mine", "rare_earth_concentrate", 0.002),
    "other_re": ("mine", "rare_earth_concentrate", 0.01),
}
MIDSTREAM = {
    "gallium": "refinery",
    "germanium": "refinery",
    "graphite": "processor",
    "antimony": "smelter",
    "tungsten": "refinery",
    "minor": "refinery",
    "heavy_re": "separation_plant",
    "other_re": "separation_plant",
}


def _month(day: np.ndarray | int) -> np.ndarray:
    d = np.datetime64(START.isoformat(), "D") + np.asarray(day).astype("timedelta64[D]")
    return d.astype("datetime64[M]").astype(str)


def _group(material: str) -> str:
    element = material.split(":")[0]
    for g, keys in goods.ELEMENT_GROUPS.items():
        for k in keys:
            p = goods.PRODUCTS[goods.INDEX[k]]
            if p.element == element or p.material == material:
                return g
    return "minor"


class Chain:
    def __init__(self, rng: np.random.Generator, books: Books) -> None:
        self.rng, self.books = rng, books
        self.facilities: list[dict[str, object]] = []
        self.moves: list[tuple[int, str, str, str, float]] = []  # day, from, to, material, kg
        #: facility -> material -> month -> [received, produced, consumed, shipped, loss]
        self.book: dict[str, dict[str, dict[str, list[float]]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        self.midstream: dict[str, list[str]] = {}
        self.source: dict[str, list[str]] = {}
        self.warehouse: dict[str, str] = {}
        ids = rng.permutation(9000) + 10000
        self._ids = iter(int(x) for x in ids)

    def _facility(
        self, operator: str, kind: str, region: int, materials: list[str], capacity: float
    ) -> str:
        fid = f"FAC{next(self._ids)}"
        self.facilities.append(
            {
                "facility_id": fid,
                "operator_id": operator,
                "kind": kind,
                "region": REGIONS[region].code if self.rng.random() < 0.6 else REGIONS[region].zh,
                "capacity_kg_per_year": float(np.round(capacity, -2)) if capacity > 0 else None,
                "materials": ";".join(sorted(set(materials))),
            }
        )
        return fid

    def _operator(self, region: int) -> str:
        rng, books = self.rng, self.books
        code = uscc(rng, REGIONS[region].code)
        zh, en = names.chinese_company(rng, REGIONS[region].zh, REGIONS[region].en, "domestic")
        books.domestic.append((code, zh, en, region, -int(rng.integers(1000, 9000))))
        return code

    def build(self, lines: pl.DataFrame, resolve: Callable[[str], str]) -> None:
        """Facilities and honest flows for the exports of controlled materials."""
        rng, books = self.rng, self.books
        honest = lines.filter((pl.col("scheme") == "") & (pl.col("ring") < 0))
        product = honest["product"].to_numpy()
        mat = goods.MATERIAL[product]
        sel = (goods.KIND[product] == "C") & (mat != "")
        flows = pl.DataFrame(
            {
                "exporter": honest["exporter"].to_numpy()[sel],
                "material": mat[sel].astype(str),
                "month": _month(honest["day"].to_numpy()[sel]),
                "day": honest["day"].to_numpy()[sel],
                "kg": honest["net_kg"].to_numpy()[sel],
            }
        )
        groups_used = sorted(
            {_group(m) for m in flows["material"].unique().to_list()} | set(SOURCES)
        )
        for g in groups_used:
            regions = [i for i, r in enumerate(REGIONS) if g in r.elements] or [0]
            materials = sorted(
                {
                    goods.PRODUCTS[goods.INDEX[k]].material
                    for k in goods.ELEMENT_GROUPS.get(g, ())
                    if goods.PRODUCTS[goods.INDEX[k]].kind == "C"
                    and goods.PRODUCTS[goods.INDEX[k]].material
                }
            )
            kind, carrier, _ = SOURCES.get(g, ("mine", "ore", 0.1))
            self.source[g] = [
                self._facility(
                    self._operator(regions[k % len(regions)]),
                    kind,
                    regions[k % len(regions)],
                    [carrier],
                    0,
                )
                for k in range(2)
            ]
            self.midstream[g] = [
                self._facility(
                    self._operator(regions[k % len(regions)]),
                    MIDSTREAM.get(g, "refinery"),
                    regions[k % len(regions)],
                    [*materials, carrier],
                    0,
                )
                for k in range(int(rng.integers(2, 4)))
            ]
        # honest processors that really process: lens makers, carbide toolmakers, magnet
        # plants take controlled metal in and turn it into uncontrolled goods
        for g, material, made in (
            ("germanium", "germanium:metal", "germanium:lens"),
            ("tungsten", "tungsten:carbide", "tungsten:hardmetal"),
            ("heavy_re", "dysprosium:metal", "neodymium:ndfeb_magnet"),
        ):
            if g not in self.midstream:
                continue
            r = next(i for i, reg in enumerate(REGIONS) if g in reg.elements)
            kind = "magnet_plant" if g == "heavy_re" else "processor"
            fid = self._facility(self._operator(r), kind, r, [material, made], 0)
            base = float(rng.uniform(200, 2000))
            for k, month in enumerate(np.unique(_month(np.arange(0, DAYS, 30)))):
                kg = float(np.round(base * rng.uniform(0.7, 1.3)))
                self._move(
                    min(DAYS - 1, k * 30 + int(rng.integers(1, 20))),
                    self.midstream[g][0],
                    fid,
                    material,
                    kg,
                )
                self._post(fid, material, str(month), consumed=kg)
                self._post(fid, made, str(month), produced=kg * 1.4, shipped=kg * 1.4)
        # recyclers and traders handling look-alikes: honest facilities outside the flows
        for _ in range(3):
            r = int(rng.integers(0, len(REGIONS)))
            self._facility(
                self._operator(r),
                str(rng.choice(["recycler", "trader"])),
                r,
                ["tungsten:scrap", "antimony:lead_alloy"],
                0,
            )
        # licensed exporters: own warehouse if large, else receive in their own name
        monthly = (
            flows.group_by("exporter", "material", "month")
            .agg(pl.col("kg").sum(), pl.col("day").min())
            .sort("exporter", "material", "month")
        )
        for row in monthly.iter_rows(named=True):
            e, m, month, kg, first = (
                int(row["exporter"]),
                str(row["material"]),
                row["month"],
                float(row["kg"]),
                int(row["day"]),
            )
            ex = books.exporters[e]
            party = resolve(books.party_of_exporter(e))
            to = party
            if ex.size > 2.5:
                if party not in self.warehouse:
                    self.warehouse[party] = self._facility(party, "warehouse", ex.region, [m], 0)
                to = self.warehouse[party]
                self._add_material(to, m)
                self._post(to, m, month, shipped=kg)
            g = _group(m)
            src = self.midstream[g][hash_index(party + m, len(self.midstream[g]))]
            qty = float(np.round(kg * rng.uniform(1.0, 1.2)))
            when = max(0, first - int(rng.integers(3, 25)))
            self._move(when, src, to, m, qty)

    def _add_material(self, fid: str, material: str) -> None:
        for f in self.facilities:
            if f["facility_id"] == fid:
                mats = set(str(f["materials"]).split(";")) | {material}
                f["materials"] = ";".join(sorted(mats))
                return

    def _post(
        self,
        fid: str,
        material: str,
        month: str,
        *,
        received: float = 0.0,
        produced: float = 0.0,
        consumed: float = 0.0,
        shipped: float = 0.0,
        loss: float = 0.0,
    ) -> None:
        cell = self.book[fid][material].setdefault(month, [0.0, 0.0, 0.0, 0.0, 0.0])
        for k, v in enumerate((received, produced, consumed, shipped, loss)):
            cell[k] += v

    def _move(self, day: int, src: str, dst: str, material: str, kg: float) -> None:
        self.moves.append((day, src, dst, material, kg))
        month = str(_month(day))
        if src.startswith("FAC"):
            self._post(src, material, month, shipped=kg)
        if dst.startswith("FAC"):
            self._post(dst, material, month, received=kg)

    def traces(self, resolve: Callable[[str], str]) -> None:
        """Rings' leaks and idle workshops (party ids already final)."""
        rng, books = self.rng, self.books
        for day, material, kg, to, booked, element in books.leaks:
            g = _group(material if ":" in material else f"{element}:metal")
            mids = self.midstream.get(g) or next(iter(self.midstream.values()))
            src = mids[int(rng.integers(0, len(mids)))]
            self._add_material(src, material)
            qty = float(np.round(kg * rng.uniform(1.0, 1.1), 1))
            if booked:
                self._move(day, src, resolve(to), material, qty)
            else:
                self._post(src, material, str(_month(day)), loss=qty)
        region_of = {e.uscc: e.region for e in books.exporters}
        for operator, material, day, kg in books.idle_processors:
            op = resolve(operator)
            fid = self.warehouse.get("idle:" + op)
            if fid is None:
                fid = self._facility(op, "processor", region_of.get(op, 0), [material], kg * 40)
                self.warehouse["idle:" + op] = fid
            g = _group(material)
            src = self.midstream[g][int(rng.integers(0, len(self.midstream[g])))]
            self._move(day, src, fid, material, float(np.round(kg, 1)))
            self._post(fid, material, str(_month(day + 10)), shipped=float(np.round(kg, 1)))

    def balances(self, noise: float) -> pl.DataFrame:
        """Monthly books: midstream produces what it ships (plus stock), sources feed it."""
        rng = self.rng
        months = [str(m) for m in np.unique(_month(np.arange(DAYS)))]
        mids = {f for g in self.midstream.values() for f in g}
        # midstream output is produced from the group's carrier, delivered by the sources
        for g, facs in self.midstream.items():
            _, carrier, grade = SOURCES.get(g, ("mine", "ore", 0.1))
            for fid in facs:
                for material, cells in list(self.book[fid].items()):
                    if material == carrier:
                        continue
                    for month, cell in cells.items():
                        out = cell[3] + cell[4]
                        cell[1] += out * rng.uniform(1.0, 1.08)
                        feed = cell[1] / max(grade, 1e-6) if grade < 0.2 else cell[1] / grade
                        feed = min(feed, cell[1] * 2000)
                        self._post(
                            fid,
                            carrier,
                            month,
                            consumed=feed,
                            received=feed * rng.uniform(1.0, 1.04),
                        )
                        src = self.source[g][hash_index(fid + month, len(self.source[g]))]
                        self._post(src, carrier, month, produced=feed * 1.01)
                        d = int(np.searchsorted(np.array(months), month)) * 30 + int(
                            rng.integers(1, 25)
                        )
                        self.moves.append(
                            (min(d, DAYS - 1), src, fid, carrier, float(np.round(feed, 0)))
                        )
                        self._post(src, carrier, month, shipped=float(np.round(feed, 0)))
        rows = []
        for fid in sorted(self.book):
            for material in sorted(self.book[fid]):
                cells = self.book[fid][material]
                stock = float(
                    np.round(
                        rng.uniform(0.5, 2.0) * max((c[3] for c in cells.values()), default=0.0), 0
                    )
                )
                for month in months:
                    if month not in cells and stock <= 0:
                        continue
                    rec, prod, cons, ship, loss = cells.get(month, [0.0, 0.0, 0.0, 0.0, 0.0])
                    if fid in mids and ship > 0 and rng.random() < noise * 0.3:
                        loss += ship * rng.uniform(0.001, 0.01)  # honest stock-take difference
                    opening = stock
                    # what walked out unbooked is produced but neither shipped nor in stock
                    closing = max(0.0, opening + rec + prod - cons - ship - loss)
                    stock = closing
                    rows.append((fid, month, material, opening, rec, prod, cons, ship, closing))
        frame = pl.DataFrame(
            rows,
            schema={
                "facility_id": pl.String,
                "period": pl.String,
                "material": pl.String,
                **{
                    c: pl.Float64
                    for c in (
                        "opening_kg",
                        "received_kg",
                        "produced_kg",
                        "consumed_kg",
                        "shipped_kg",
                        "closing_kg",
                    )
                },
            },
            orient="row",
        )
        return frame.with_columns(pl.col(c).round(1) for c in frame.columns[3:]).sort(
            "facility_id", "period", "material"
        )

    def movements(self) -> pl.DataFrame:
        rng = self.rng
        order = sorted(self.moves, key=lambda m: (m[0], m[1], m[2], m[3], m[4]))
        ids = rng.permutation(len(order)) + 100000
        rows = []
        for k, (day, src, dst, material, kg) in enumerate(order):
            doc = f"FP{int(rng.integers(10**9, 10**10))}" if rng.random() < 0.8 else ""
            lot = (
                f"LOT{iso(day)[2:4]}{int(rng.integers(0, 10**6)):06d}" if rng.random() < 0.6 else ""
            )
            rows.append(
                (f"MV{ids[k]}", iso(day), src, dst, material, float(np.round(kg, 1)), lot, doc)
            )
        frame = pl.DataFrame(
            rows,
            schema={
                "movement_id": pl.String,
                "moved_at": pl.String,
                "from_id": pl.String,
                "to_id": pl.String,
                "material": pl.String,
                "quantity_kg": pl.Float64,
                "lot_id": pl.String,
                "document_no": pl.String,
            },
            orient="row",
        )
        return frame.sort("movement_id")

    def facilities_table(self) -> pl.DataFrame:
        return pl.DataFrame(
            self.facilities,
            schema={
                "facility_id": pl.String,
                "operator_id": pl.String,
                "kind": pl.String,
                "region": pl.String,
                "capacity_kg_per_year": pl.Float64,
                "materials": pl.String,
            },
        ).sort("facility_id")


def hash_index(text: str, n: int) -> int:
    """A stable small hash (Python's str hash is salted per process)."""
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1_000_003
    return h % max(n, 1)
