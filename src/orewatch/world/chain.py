"""The domestic chain: facilities, chain-of-custody movements and monthly production
balances, with the ``production_leak`` scheme.

Flows are derived backwards from the exporters' on-book exports: each exporter's
warehouse buys a month ahead from a producing plant (refinery, smelter, separation
plant, processor), which draws its input from mines, alumina refineries, zinc
smelters or coal-ash plants and also sells to domestic processors and magnet plants.
Balances close (opening + received + produced - consumed - shipped = closing) up to
honest rounding; a few reports are late (missing months). Leaking plants either report
their true output while the stock is gone (a gap) or under-report output while input
holds (a yield drop).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import polars as pl

from orewatch.contract.schema import FACILITIES, MOVEMENTS, PRODUCTION
from orewatch.world import names
from orewatch.world.calendar import day_number, month_index
from orewatch.world.declarations import G_CONTROLLED, BoolArr, Decls, FloatArr, IntArr, Lines
from orewatch.world.geo import CITY_BY_EN, City
from orewatch.world.goods import GOODS, SECTOR_REGIONS
from orewatch.world.parties import PartyBook

#: output material -> (kind of plant, input material, kind of feed, kg output per kg input)
RECIPES: dict[str, tuple[str, str, str, float]] = {
    "gallium:metal": ("refinery", "gallium:crude", "alumina_refinery", 0.96),
    "gallium:arsenide": ("processor", "gallium:metal", "refinery", 1.9),
    "germanium:metal": ("refinery", "germanium:dioxide", "refinery", 0.68),
    "germanium:dioxide": ("refinery", "germanium:concentrate", "zinc_smelter", 0.3),
    "graphite:flake": ("processor", "graphite:ore", "mine", 0.12),
    "graphite:spherical": ("processor", "graphite:flake", "mine", 0.5),
    "antimony:metal": ("smelter", "antimony:concentrate", "mine", 0.55),
    "antimony:oxide": ("processor", "antimony:metal", "smelter", 1.18),
    "tungsten:apt": ("smelter", "tungsten:concentrate", "mine", 0.72),
    "tungsten:metal": ("processor", "tungsten:apt", "smelter", 0.68),
    "tellurium:metal": ("refinery", "tellurium:crude", "smelter", 0.8),
    "bismuth:metal": ("refinery", "bismuth:crude", "smelter", 0.9),
    "molybdenum:powder": ("processor", "molybdenum:oxide", "smelter", 0.64),
    "indium:phosphide": ("processor", "indium:metal", "refinery", 1.25),
    "dysprosium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.004),
    "terbium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.001),
    "yttrium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.02),
    "gadolinium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.01),
    "samarium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.01),
    "scandium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.0005),
    "lutetium:oxide": ("separation_plant", "rare_earth_concentrate", "mine", 0.0005),
    "dysprosium:metal": ("smelter", "dysprosium:oxide", "separation_plant", 0.85),
    "terbium:metal": ("smelter", "terbium:oxide", "separation_plant", 0.85),
}
_SINK_KIND = {"ree": "magnet_plant"}
_GERMANIUM_FEEDS = ("zinc_smelter", "coal_ash_plant")


@dataclass
class Facility:
    fid: str
    operator: str  # registration id of the operator
    kind: str
    city: City
    materials: list[str]
    capacity: float = 0.0


@dataclass
class Balance:
    """Monthly flows of one facility and material (all arrays over months)."""

    fac: int
    material: str
    opening: FloatArr
    received: FloatArr
    produced: FloatArr
    consumed: FloatArr
    shipped: FloatArr
    reported_closing: FloatArr | None = None
    on_time: bool = False  # always reported on time (leaking plants are audited)


@dataclass
class Chain:
    facilities: list[Facility] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)
    flows: list[tuple[int, int, str, FloatArr]] = field(default_factory=list)  # from, to, material
    leaks: list[tuple[int, str, int, float]] = field(
        default_factory=list
    )  # fac, material, month, kg
    source_region: dict[tuple[int, int], str] = field(default_factory=dict)  # (exporter, good)
    leak_region: dict[str, list[str]] = field(default_factory=dict)  # material -> regions


def _sector_of(good: int) -> str:
    el = GOODS[good].element or ""
    return {"tellurium": "minor", "bismuth": "minor", "molybdenum": "minor", "indium": "minor"}.get(
        el, el if el in SECTOR_REGIONS else "ree"
    )


def _ahead(x: FloatArr, c: float) -> FloatArr:
    """Stock held = c x next month's outflow."""
    nxt = np.concatenate([x[1:], x[-1:]])
    out: FloatArr = c * nxt
    return out


def build_chain(
    rng: np.random.Generator,
    book: PartyBook,
    decls: Decls,
    lines: Lines,
    months: list[date],
    start: date,
    leak_share: float,
) -> Chain:
    ch = Chain()
    nm = len(months)
    # on-book controlled exports per exporter and good per month
    d = lines.decl
    onbook = G_CONTROLLED[lines.good_decl] & ~lines.offbook
    kinds = np.array([e.kind for e in book.exporters])
    onbook &= np.isin(kinds[decls.exporter[d]], ("producer", "trader"))
    idx = np.flatnonzero(onbook)
    mon = np.clip(month_index(decls.day[d[idx]], start), 0, nm - 1)
    ex = (
        pl.DataFrame(
            {
                "e": decls.exporter[d[idx]],
                "g": lines.good_decl[idx],
                "m": mon,
                "kg": np.round(lines.kg_decl[idx] * 1000).astype(np.int64),
            }
        )
        .group_by(["e", "g", "m"])
        .agg(pl.col("kg").sum())
        .with_columns(pl.col("kg") / 1000.0)
        .sort(["e", "g", "m"])
    )

    def new_facility(
        kind: str, city: City, materials: list[str], operator: str | None = None
    ) -> int:
        if operator is None:
            zh, en = names.cn_company(
                rng, city, "trade" if kind == "trader" else "minor", rng.random() < 0.3
            )
            operator = book.new_uscc(city)
            book.add_party(
                "company",
                zh,
                alt_names=[en],
                country="CN",
                address=names.cn_address(rng, city),
                phone=names.cn_phone(rng, city),
                registration_id=operator,
                incorporated_at=book.random_past(3, 30),
            )
        ch.facilities.append(
            Facility(f"F{len(ch.facilities) + 1:05d}", operator, kind, city, materials)
        )
        return len(ch.facilities) - 1

    # exporter warehouses, grouped by good
    pairs: dict[int, list[tuple[int, FloatArr]]] = {}
    exp_fac: dict[int, int] = {}
    for (e, g), grp in ex.group_by(["e", "g"], maintain_order=True):
        series = np.zeros(nm)
        series[grp["m"].to_numpy()] = grp["kg"].to_numpy()
        e, g = int(str(e)), int(str(g))
        exp = book.exporters[e]
        if e not in exp_fac:
            kind = "trader" if exp.kind == "trader" else "warehouse"
            exp_fac[e] = new_facility(kind, exp.city, [], exp.uscc)
        ch.facilities[exp_fac[e]].materials.append(GOODS[g].material)
        pairs.setdefault(g, []).append((e, series))

    for g, customers in sorted(pairs.items()):
        material = GOODS[g].material
        kind, in_mat, feed_kind, yld = RECIPES[material]
        sector = _sector_of(g)
        regions = [CITY_BY_EN[c] for c in SECTOR_REGIONS[sector]]
        n_src = int(np.clip(len(customers) // 4, 2, 8))
        producers = [e for e in book.exporters if e.kind == "producer" and e.sector == sector]
        srcs = []
        for _ in range(n_src):
            if producers and rng.random() < 0.5:
                op = producers[int(rng.integers(len(producers)))]
                srcs.append(new_facility(kind, op.city, [material, in_mat], op.uscc))
            else:
                srcs.append(
                    new_facility(kind, regions[int(rng.integers(len(regions)))], [material, in_mat])
                )
        sinks = [
            new_facility(
                _SINK_KIND.get(sector, "processor"),
                regions[int(rng.integers(len(regions)))],
                [material],
            )
            for _ in range(int(rng.integers(1, 3)))
        ]
        src_ship = {s: np.zeros(nm) for s in srcs}
        # exporters' warehouses buy a month ahead
        for e, series in customers:
            s = srcs[int(rng.integers(len(srcs)))]
            ch.source_region[(e, g)] = ch.facilities[s].city.code
            received = _ahead(series, 1.0) * rng.uniform(1.0, 1.12, nm)
            opening = np.concatenate([[series[0]], np.zeros(nm - 1)])
            closing = opening[0] + np.cumsum(received - series)
            opening[1:] = closing[:-1]
            z = np.zeros(nm)
            ch.balances.append(Balance(exp_fac[e], material, opening, received, z, z, series))
            ch.flows.append((s, exp_fac[e], material, received))
            src_ship[s] += received
        scale = max(float(np.mean([c[1].mean() for c in customers])), 1.0)
        for k in sinks:
            dom = scale * rng.uniform(0.5, 3.0) * np.exp(rng.normal(0, 0.15, nm))
            s = srcs[int(rng.integers(len(srcs)))]
            src_ship[s] += dom
            ch.flows.append((s, k, material, dom))
            stock = np.full(nm, float(dom.mean()))
            ch.balances.append(Balance(k, material, stock, dom, np.zeros(nm), dom, np.zeros(nm)))
        # plants: produce to ship, hold half a month of stock; input a month ahead
        feeds = []
        for _ in range(int(rng.integers(1, 3))):
            fk = (
                str(rng.choice(_GERMANIUM_FEEDS))
                if in_mat == "germanium:concentrate"
                else feed_kind
            )
            feeds.append(new_facility(fk, regions[int(rng.integers(len(regions)))], [in_mat]))
        feed_ship = {f: np.zeros(nm) for f in feeds}
        for s in srcs:
            shipped = src_ship[s]
            closing = _ahead(shipped, 0.5)
            opening = np.concatenate([[0.5 * shipped[0]], closing[:-1]])
            produced = shipped + closing - opening
            leak = np.zeros(nm)
            variant = ""
            if rng.random() < leak_share and nm > 8:
                a = int(rng.integers(nm // 3, nm - 4))
                b = min(nm, a + int(rng.integers(3, 9)))
                leak[a:b] = produced[a:b] * rng.uniform(0.1, 0.35, b - a)
                leak = np.where(leak >= 2.0, np.round(leak, 1), 0.0)
                variant = "gap" if rng.random() < 0.5 else "yield"
                for t in np.flatnonzero(leak):
                    ch.leaks.append((s, material, int(t), float(leak[t])))
                if leak.any():
                    ch.leak_region.setdefault(material, []).append(ch.facilities[s].city.code)
                else:
                    variant = ""
            true_out = produced + leak
            consumed_in = true_out / yld
            in_closing = _ahead(consumed_in, 1.0)
            in_opening = np.concatenate([[consumed_in[0]], in_closing[:-1]])
            in_received = consumed_in + in_closing - in_opening
            reported_prod = true_out if variant == "gap" else produced
            bal = Balance(s, material, opening, np.zeros(nm), reported_prod, np.zeros(nm), shipped)
            if variant == "gap":
                bal.reported_closing = closing
            bal.on_time = bool(variant)
            ch.balances.append(bal)
            ch.balances.append(
                Balance(s, in_mat, in_opening, in_received, np.zeros(nm), consumed_in, np.zeros(nm))
            )
            f = feeds[int(rng.integers(len(feeds)))]
            feed_ship[f] += in_received
            ch.flows.append((f, s, in_mat, in_received))
        for f in feeds:
            shipped = feed_ship[f]
            closing = _ahead(shipped, 0.3)
            opening = np.concatenate([[0.3 * shipped[0]], closing[:-1]])
            ch.balances.append(
                Balance(
                    f,
                    in_mat,
                    opening,
                    np.zeros(nm),
                    shipped + closing - opening,
                    np.zeros(nm),
                    shipped,
                )
            )
    for bal in ch.balances:
        fac = ch.facilities[bal.fac]
        peak = float(max(bal.produced.max(), bal.received.max()))
        fac.capacity = max(fac.capacity, peak * 12 * 1.4)
    return ch


def _rounding(x: FloatArr, big: bool) -> FloatArr:
    out: FloatArr = np.round(x, 0) if big else np.round(x, 1)
    return out


def _merged(x: FloatArr, late: BoolArr, keep: BoolArr) -> FloatArr:
    """A late month's flows are reported with the following month."""
    out = x.copy()
    for t in np.flatnonzero(late):
        out[t + 1] += out[t]
    res: FloatArr = out[keep]
    return res


def chain_frames(
    rng: np.random.Generator, ch: Chain, months: list[date]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """facilities, movements, production tables and truth/facilities rows."""
    nm = len(months)
    periods = [f"{m.year:04d}-{m.month:02d}" for m in months]
    fac = pl.DataFrame(
        {
            "facility_id": [f.fid for f in ch.facilities],
            "operator_id": [f.operator for f in ch.facilities],
            "kind": [f.kind for f in ch.facilities],
            "region": [f.city.code for f in ch.facilities],
            "capacity_kg_per_year": [float(np.round(f.capacity, -2)) for f in ch.facilities],
            "materials": [";".join(dict.fromkeys(f.materials)) for f in ch.facilities],
        }
    ).select(FACILITIES.names)

    # production: one row per balance-month, rounded; late reports merged into the next
    prod_parts: list[pl.DataFrame] = []
    for b in ch.balances:
        closing = b.opening + b.received + b.produced - b.consumed - b.shipped
        if b.reported_closing is not None:
            closing = b.reported_closing
        big = float(np.max(b.shipped + b.received + b.produced)) > 20000
        late = rng.random(nm) < 0.02
        late[-1] = False
        if b.on_time:
            late[:] = False
        flows = b.opening + b.received + b.produced + b.consumed + b.shipped
        active = np.cumsum(flows > 0.05) > 0  # no reports before the first activity
        keep = ~late & active

        # a late month's flows are reported with the following month
        opening = b.opening.copy()
        for t in np.flatnonzero(late):
            opening[t + 1] = opening[t]
        unreported_tail = rng.random() < 0.08 and not b.on_time
        frame = pl.DataFrame(
            {
                "facility_id": ch.facilities[b.fac].fid,
                "period": np.array(periods)[keep],
                "material": b.material,
                "opening_kg": _rounding(opening[keep], big),
                "received_kg": _rounding(_merged(b.received, late, keep), big),
                "produced_kg": _rounding(_merged(b.produced, late, keep), big),
                "consumed_kg": _rounding(_merged(b.consumed, late, keep), big),
                "shipped_kg": _rounding(_merged(b.shipped, late, keep), big),
                "closing_kg": _rounding(closing[keep], big),
            }
        )
        if unreported_tail:
            frame = frame.head(max(frame.height - 1, 0))
        prod_parts.append(frame)
    production = pl.concat(prod_parts).select(PRODUCTION.names)

    # movements: each monthly flow in 1-3 lots on working days
    rows_from: list[str] = []
    rows_to: list[str] = []
    rows_mat: list[str] = []
    rows_day: list[int] = []
    rows_kg: list[float] = []
    for src, dst, material, q in ch.flows:
        nlots = rng.integers(1, 4, nm)
        for t in np.flatnonzero(q > 0.05):
            k = int(nlots[t])
            parts = rng.dirichlet(np.ones(k)) * q[t]
            d0 = day_number(months[t])
            for p in parts:
                rows_from.append(ch.facilities[src].fid)
                rows_to.append(ch.facilities[dst].fid)
                rows_mat.append(material)
                rows_day.append(d0 + int(rng.integers(0, 27)))
                rows_kg.append(float(p))
    n = len(rows_kg)
    mv = pl.DataFrame(
        {
            "moved_at": np.array(rows_day, dtype=np.int64).astype("datetime64[D]"),
            "from_id": rows_from,
            "to_id": rows_to,
            "material": rows_mat,
            "quantity_kg": np.round(np.array(rows_kg), 1),
            "lot_id": [f"L{int(x):09d}" for x in rng.choice(10**9, n, replace=False)] if n else [],
            "document_no": [f"{int(x):020d}" for x in rng.integers(10**18, 9 * 10**18, n)]
            if n
            else [],
        }
    ).sort(["moved_at", "from_id", "to_id", "lot_id"])
    mv = mv.with_columns(
        pl.format("M{}", (pl.int_range(1, pl.len() + 1)).cast(pl.String).str.zfill(8)).alias(
            "movement_id"
        ),
        pl.col("moved_at").cast(pl.Date),
    ).select(MOVEMENTS.names)

    truth = pl.DataFrame(
        {
            "facility_id": [ch.facilities[f].fid for f, _, _, _ in ch.leaks],
            "period": [periods[t] for _, _, t, _ in ch.leaks],
            "material": [m for _, m, _, _ in ch.leaks],
            "scheme": ["production_leak"] * len(ch.leaks),
            "gap_kg": [round(kg, 1) for _, _, _, kg in ch.leaks],
        },
        schema={
            "facility_id": pl.String,
            "period": pl.String,
            "material": pl.String,
            "scheme": pl.String,
            "gap_kg": pl.Float64,
        },
    )
    return fac, mv, production, truth


def origin_regions(
    rng: np.random.Generator, ch: Chain, book: PartyBook, decls: Decls, lines: Lines
) -> list[str]:
    """Domestic origin (division code) per line: the supplying plant's region for on-book
    controlled goods, sometimes a leaking plant's region for smuggled ones, otherwise the
    producer's own city or a region of the sector."""
    n = len(lines)
    exp = decls.exporter[lines.decl]
    out = np.empty(n, dtype=object)
    exporters = book.exporters
    city_code = np.array([e.city.code for e in exporters], dtype=object)
    producer = np.array([e.kind == "producer" for e in exporters])
    sector_pool: dict[str, list[str]] = {
        s: [CITY_BY_EN[c].code for c in cities] for s, cities in SECTOR_REGIONS.items()
    }
    good_sector = [
        _sector_of(g) if GOODS[g].element else GOODS[g].sector for g in range(len(GOODS))
    ]
    gt = lines.good_true
    pick = rng.random(n)
    # default: a region of the goods' sector (traders) or the producer's city
    for g in range(len(GOODS)):
        m = gt == g
        if not m.any():
            continue
        pool = sector_pool.get(good_sector[g]) or sector_pool["machinery"]
        out[m] = np.array(pool, dtype=object)[(pick[m] * len(pool)).astype(int)]
    own = producer[exp]
    out[own] = city_code[exp[own]]
    for (e, g), region in ch.source_region.items():
        m = (exp == e) & (lines.good_decl == g) & ~lines.offbook
        out[m] = region
    for material, regions in ch.leak_region.items():
        goods = [i for i, gd in enumerate(GOODS) if gd.material == material]
        m = lines.offbook & np.isin(gt, goods) & (rng.random(n) < 0.5)
        out[m] = np.array(regions, dtype=object)[rng.integers(0, len(regions), int(m.sum()))]
    return [str(x) for x in out]


__all__ = ["Chain", "IntArr", "build_chain", "chain_frames", "origin_regions"]
