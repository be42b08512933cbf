"""The domestic chain: facilities, their monthly balances and the transfers between them.

Owns ``facilities``, ``production`` and ``movements``. Exporters of controlled goods
either produce them (smelter, refinery, separation plant, processor) or buy them from a
producer (a movement per month). Honest balances close up to small stock-taking and
moisture differences. The metal a ring smuggles leaks from a supplier whose books
either do not close by the leaked amount or hide it as process losses (a faint
trace), and only some of the leaks are moved to the ring's front on paper.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fourteenthworld.actors import Actors
from fourteenthworld.goods import GOODS, START
from fourteenthworld.text import uscc

Rng = np.random.Generator

KIND = {
    "minor": "smelter",
    "tungsten": "refinery",
    "rare_earth": "separation_plant",
    "carbon": "processor",
    "semis": "processor",
    "chemical": "processor",
    "ferro": "smelter",
    "base": "smelter",
    "general": "trader",
}
HIDDEN_SCHEMES = (
    "ordinary_cover",
    "sibling_code",
    "alloy_disguise",
    "gross_surplus",
    "mixed_consignment",
    "parcel_swarm",
)


def _month(day: pl.Expr) -> pl.Expr:
    return (pl.lit(np.datetime64(START.isoformat())) + pl.duration(days=day)).dt.strftime("%Y-%m")


def build(
    rng: Rng, frame: pl.DataFrame, actors: Actors, ring_fronts: dict[int, str]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(facilities, production, movements) consistent with the declared exports."""
    controlled = [i for i, g in enumerate(GOODS) if g.controlled]
    mapping = {g: GOODS[g].material for g in controlled}
    lines = frame.filter(pl.col("_good").is_in(controlled)).with_columns(
        _material=pl.col("_good").replace_strict(mapping, return_dtype=pl.String),
        period=_month(pl.col("_day")),
    )
    honest = (
        lines.filter((pl.col("_scheme") == "") & (pl.col("_ring") < 0))
        .group_by("exporter_id", "_material", "period")
        .agg(pl.col("_true_kg").sum().alias("kg"))
        .sort("exporter_id", "_material", "period")
    )
    leaks = (
        lines.filter(pl.col("_scheme").is_in(list(HIDDEN_SCHEMES)))
        .group_by("_ring", "_material", "period")
        .agg(pl.col("_true_kg").sum().alias("kg"))
        .sort("_ring", "_material", "period")
    )
    family = {e.exporter_id: e.family for e in actors.exporters}
    region = {e.exporter_id: e.region for e in actors.exporters}
    facilities: list[dict[str, object]] = []
    production: list[dict[str, object]] = []
    movements: list[dict[str, object]] = []
    site: dict[str, str] = {}
    producers: dict[str, str] = {}
    for exporter_id in honest["exporter_id"].unique(maintain_order=True).to_list():
        mats = sorted(set(honest.filter(pl.col("exporter_id") == exporter_id)["_material"]))
        fam = family.get(exporter_id, "minor")
        trader = rng.random() < 0.4
        fid = f"FAC{len(facilities) + 1:05d}"
        facilities.append(
            {
                "facility_id": fid,
                "operator_id": exporter_id,
                "kind": "trader" if trader else KIND[fam],
                "region": region.get(exporter_id),
                "capacity_kg_per_year": None if trader else float(rng.integers(50, 5000) * 1000),
                "materials": ";".join(mats),
            }
        )
        site[exporter_id] = fid
        if trader:
            pid = uscc(rng, region.get(exporter_id, "430000"))
            producers[exporter_id] = f"FAC{len(facilities) + 1:05d}"
            facilities.append(
                {
                    "facility_id": producers[exporter_id],
                    "operator_id": pid,
                    "kind": KIND[fam],
                    "region": region.get(exporter_id),
                    "capacity_kg_per_year": float(rng.integers(50, 5000) * 1000),
                    "materials": ";".join(mats),
                }
            )
    stock: dict[tuple[str, str], float] = {}
    for r in honest.iter_rows(named=True):
        exporter_id, mat, period, kg = r["exporter_id"], r["_material"], r["period"], r["kg"]
        fid = site[exporter_id]
        if exporter_id in producers:
            movements.append(_move(rng, movements, period, producers[exporter_id], fid, mat, kg))
            production.append(_balance(rng, stock, fid, period, mat, kg, received=True))
        else:
            production.append(_balance(rng, stock, fid, period, mat, kg * rng.uniform(1.1, 1.8)))
    # the suppliers the rings' metal leaks from
    leaky: dict[int, tuple[str, bool]] = {}
    for ring in leaks["_ring"].unique(maintain_order=True).to_list():
        fid = f"FAC{len(facilities) + 1:05d}"
        facilities.append(
            {
                "facility_id": fid,
                "operator_id": uscc(rng, "430000"),
                "kind": "smelter" if rng.random() < 0.6 else "recycler",
                "region": "431381",
                "capacity_kg_per_year": float(rng.integers(20, 800) * 1000),
                "materials": ";".join(
                    sorted(set(leaks.filter(pl.col("_ring") == ring)["_material"]))
                ),
            }
        )
        leaky[int(ring)] = (fid, bool(rng.random() < 0.5))
    for r in leaks.iter_rows(named=True):
        fid, hide = leaky[int(r["_ring"])]
        kg = float(r["kg"])
        production.append(
            _balance(
                rng,
                stock,
                fid,
                r["period"],
                r["_material"],
                kg * rng.uniform(2, 6),
                leak=kg,
                hide=hide,
            )
        )
        front = ring_fronts.get(int(r["_ring"]))
        if front is not None and rng.random() < 0.35:
            movements.append(_move(rng, movements, r["period"], fid, front, r["_material"], kg))
    return (
        pl.DataFrame(facilities, infer_schema_length=None),
        pl.DataFrame(production, infer_schema_length=None),
        pl.DataFrame(movements, infer_schema_length=None),
    )


def _move(
    rng: Rng,
    movements: list[dict[str, object]],
    period: str,
    src: str,
    dst: str,
    mat: str,
    kg: float,
) -> dict[str, object]:
    day = int(rng.integers(1, 28))
    return {
        "movement_id": f"MV{len(movements) + 1:07d}",
        "moved_at": f"{period}-{day:02d}",
        "from_id": src,
        "to_id": dst,
        "material": mat,
        "quantity_kg": round(kg * rng.uniform(1.0, 1.15), 1),
        "lot_id": f"LOT{period.replace('-', '')}{int(rng.integers(0, 10**5)):05d}",
        "document_no": f"FP{int(rng.integers(10**9, 10**10))}",
    }


def _balance(
    rng: Rng,
    stock: dict[tuple[str, str], float],
    fid: str,
    period: str,
    mat: str,
    shipped: float,
    received: bool = False,
    leak: float = 0.0,
    hide: bool = False,
) -> dict[str, object]:
    """One month's balance; it closes up to honest noise unless metal leaked unrecorded."""
    opening = stock.get((fid, mat), float(rng.uniform(0.2, 1.0)) * shipped)
    inflow = shipped * rng.uniform(0.9, 1.15) + leak
    consumed = leak if hide else 0.0
    closing = opening + inflow - shipped - leak
    if rng.random() < 0.1:
        closing *= rng.uniform(0.995, 1.005)  # stock-taking and moisture
    closing = max(closing, 0.0)
    stock[(fid, mat)] = closing
    row: dict[str, object] = {
        "facility_id": fid,
        "period": period,
        "material": mat,
        "opening_kg": round(opening, 1),
        "received_kg": round(inflow, 1) if received else 0.0,
        "produced_kg": 0.0 if received else round(inflow, 1),
        "consumed_kg": round(consumed, 1),
        "shipped_kg": round(shipped, 1),
        "closing_kg": round(closing, 1),
    }
    return row
