"""Lineage: from a declaration or a seized lot back to the facilities it could have come
from, and from a facility forward to the exports it fed.

Tracing walks the movements graph one hop at a time over whole frames (a loop over hops,
never over rows). Going back, each facility's inbound movements of the same element (or
of an element-less feed such as a mixed concentrate) in the months before are its
candidate sources, each with the share of kilograms it supplied; confidence multiplies
along the path, so a source's confidence is the share of the traced material that can
have come from it on the books. Off-book material has no movements, so facility-months
flagged as leaking the same element shortly before are added as candidates, weighted
up when the declaration names their region as origin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from orewatch.chain.counterparty import movement_months
from orewatch.chain.operators import with_resolved_operators
from orewatch.chain.periods import date_month_number, period_of
from orewatch.chain.signals import ChainFindings
from orewatch.chain.units import line_materials, material_units
from orewatch.controls.materials import MaterialsCatalogue

#: How many months before a movement its sender's own inputs are looked for.
LOOKBACK_MONTHS = 3
#: How far a trace walks.
MAX_DEPTH = 5
#: Paths below this confidence are dropped.
MIN_CONFIDENCE = 0.001
#: Confidence given to a flagged leaking facility in the declared origin region, and to
#: one elsewhere (shared among the candidates).
LEAK_IN_REGION = 0.5
LEAK_ELSEWHERE = 0.1

TRACE_SCHEMA = {
    "facility_id": pl.String(),
    "kind": pl.String(),
    "region": pl.String(),
    "material": pl.String(),
    "depth": pl.Int32(),
    "kg": pl.Float64(),
    "confidence": pl.Float64(),
    "basis": pl.String(),
    "leak_score": pl.Float64(),
}


@dataclass(frozen=True)
class Start:
    """Where a trace starts: facilities holding ``kg`` of ``element`` in ``month``."""

    facilities: pl.DataFrame  # facility_id, kg
    element: str | None
    month: int
    region: str | None = None


def _edges(movements: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    return (
        movement_months(movements)
        .join(units.select("material", "element"), on="material", how="left")
        .group_by("from_id", "to_id", "material", "element", "month")
        .agg(pl.col("quantity_kg").sum().alias("kg"))
    )


def declaration_start(
    declaration_id: str, tables: Mapping[str, pl.DataFrame], materials: MaterialsCatalogue
) -> Start:
    """The exporter's facilities holding the declared element when the declaration was
    filed; raises ``LookupError`` naming the id when it is not in ``declarations``."""
    decl = tables.get("declarations")
    decl = None if decl is None else decl.rechunk()
    if decl is None or decl.is_empty():
        raise LookupError("no declarations table to trace from")
    lines = decl.filter(pl.col("declaration_id") == declaration_id)
    if lines.is_empty():
        raise LookupError(f"declaration {declaration_id!r} not found in declarations")
    goods = line_materials(lines, materials)
    element = (
        goods["element"].drop_nulls().mode().first()
        if goods["element"].drop_nulls().len()
        else None
    )
    kg = float(lines.select(pl.col("net_weight_kg").fill_null(0.0).sum()).item())
    month = int(lines.select(date_month_number(pl.col("declared_at").cast(pl.Date)).min()).item())
    facilities = tables.get("facilities")
    exporter = lines["exporter_id"][0]
    held = (
        facilities.filter(pl.col("operator_id") == exporter).select("facility_id")
        if facilities is not None
        else pl.DataFrame(schema={"facility_id": pl.String()})
    )
    region = lines["origin_region"][0] if "origin_region" in lines.columns else None
    share = kg / max(held.height, 1)
    return Start(
        held.with_columns(pl.lit(share).alias("kg")),
        None if element is None else str(element),
        month,
        None if region is None else str(region),
    )


def lot_start(lot_id: str, tables: Mapping[str, pl.DataFrame], units: pl.DataFrame) -> Start:
    """The sender of the movement that carried ``lot_id`` (a seized lot)."""
    mv = tables.get("movements")
    if mv is None or "lot_id" not in mv.columns:
        raise LookupError("no movements with lot ids to trace from")
    lot = movement_months(mv.filter(pl.col("lot_id") == lot_id))
    if lot.is_empty():
        raise LookupError(f"lot {lot_id!r} not found in movements")
    material = lot["material"][0]
    element = units.filter(pl.col("material") == material)["element"]
    return Start(
        lot.select(pl.col("from_id").alias("facility_id"), pl.col("quantity_kg").alias("kg")),
        element[0] if element.len() else None,
        int(lot["month"][0]),
    )


def trace_back(
    start: Start,
    tables: Mapping[str, pl.DataFrame],
    findings: ChainFindings,
    materials: MaterialsCatalogue,
) -> pl.DataFrame:
    """Candidate source facilities, with the kilograms attributable to each and the
    confidence of the path, plus flagged leaking facility-months as off-book candidates."""
    movements = tables.get("movements")
    if movements is None:
        movements = pl.DataFrame(
            schema={
                "from_id": pl.String(),
                "to_id": pl.String(),
                "material": pl.String(),
                "moved_at": pl.Date(),
                "quantity_kg": pl.Float64(),
            }
        )
    units = material_units(movements["material"].unique().to_list(), materials)
    edges = _edges(movements, units)
    if start.element is not None:
        edges = edges.filter(pl.col("element").is_null() | (pl.col("element") == start.element))
    frontier = start.facilities.select(
        "facility_id",
        pl.lit(None, pl.String()).alias("material"),
        pl.lit(start.month, pl.Int32()).alias("until"),
        pl.lit(1.0 / max(start.facilities.height, 1)).alias("confidence"),
        pl.col("kg"),
    )
    found = [frontier.with_columns(pl.lit(0, pl.Int32()).alias("depth"))]
    for depth in range(1, MAX_DEPTH + 1):
        inbound = (
            frontier.join(edges, left_on="facility_id", right_on="to_id", how="inner")
            .filter(
                (pl.col("month") <= pl.col("until"))
                & (pl.col("month") > pl.col("until") - LOOKBACK_MONTHS)
            )
            .with_columns(
                (pl.col("kg_right") / pl.col("kg_right").sum().over("facility_id")).alias("share")
            )
        )
        if inbound.is_empty():
            break
        frontier = (
            inbound.group_by(pl.col("from_id").alias("facility_id"))
            .agg(
                pl.col("material_right").first().alias("material"),
                pl.col("month").max().alias("until"),
                (pl.col("confidence") * pl.col("share")).sum().alias("confidence"),
                (pl.col("kg") * pl.col("share")).sum().alias("kg"),
            )
            .with_columns(pl.col("confidence").clip(0.0, 1.0))
            .filter(pl.col("confidence") >= MIN_CONFIDENCE)
        )
        found.append(frontier.with_columns(pl.lit(depth, pl.Int32()).alias("depth")))
    on_books = (
        pl.concat(found, how="diagonal_relaxed")
        .with_columns(pl.lit("movements").alias("basis"))
        .drop("until")
    )
    return _describe(
        pl.concat([on_books, _leak_candidates(start, findings, units)], how="diagonal_relaxed"),
        tables,
        findings,
        start,
    )


def _leak_candidates(start: Start, findings: ChainFindings, units: pl.DataFrame) -> pl.DataFrame:
    """Facility-months flagged as leaking the traced element up to ``LOOKBACK_MONTHS``
    before the start, as off-book sources."""
    if start.element is None:
        return pl.DataFrame()
    total = float(start.facilities["kg"].sum()) if start.facilities.height else 0.0
    return (
        findings.flagged()
        .join(units.select("material", "element"), on="material", how="inner")
        .filter(
            (pl.col("element") == start.element)
            & (pl.col("month") <= start.month)
            & (pl.col("month") > start.month - LOOKBACK_MONTHS - 3)
        )
        .group_by("facility_id", "material")
        .agg(pl.col("gap_kg").sum())
        .with_columns(pl.lit(-1, pl.Int32()).alias("depth"), pl.lit("leak").alias("basis"))
        .with_columns(pl.col("gap_kg").clip(0.0, total).alias("kg"))
        .drop("gap_kg")
    )


def _describe(
    found: pl.DataFrame, tables: Mapping[str, pl.DataFrame], findings: ChainFindings, start: Start
) -> pl.DataFrame:
    facilities = tables.get("facilities")
    info = (
        facilities.select("facility_id", "kind", pl.col("region").cast(pl.String))
        if facilities is not None
        else pl.DataFrame(
            schema={"facility_id": pl.String(), "kind": pl.String(), "region": pl.String()}
        )
    )
    window = (pl.col("month") <= start.month) & (
        pl.col("month") > start.month - LOOKBACK_MONTHS - 3
    )
    scores = (
        findings.facilities.filter(window)
        .group_by("facility_id")
        .agg(pl.col("score").max().alias("leak_score"))
    )
    out = found.join(info, on="facility_id", how="left").join(scores, on="facility_id", how="left")
    leak = pl.col("basis") == "leak"
    in_region = pl.col("region") == pl.lit(start.region)
    n_leaks = leak.cast(pl.Int32).sum()
    out = out.with_columns(
        pl.when(leak & in_region)
        .then(pl.lit(LEAK_IN_REGION))
        .when(leak)
        .then(pl.lit(LEAK_ELSEWHERE) / pl.max_horizontal(n_leaks, pl.lit(1)))
        .otherwise(pl.col("confidence"))
        .alias("confidence"),
        pl.col("leak_score").fill_null(0.0),
    )
    return (
        out.select(list(TRACE_SCHEMA))
        .cast(TRACE_SCHEMA)  # type: ignore[arg-type]
        .sort("depth", "confidence", descending=[False, True])
    )


FORWARD_SCHEMA = {
    "facility_id": pl.String(),
    "month": pl.Int32(),
    "share": pl.Float64(),
    "kg": pl.Float64(),
    "element": pl.String(),
    "depth": pl.Int32(),
    "kind": pl.String(),
    "operator_id": pl.String(),
}
EXPORT_SCHEMA = {
    "declaration_id": pl.String(),
    "line_no": pl.Int64(),
    "exporter_id": pl.String(),
    "declared_at": pl.String(),
    "hs_code": pl.String(),
    "net_weight_kg": pl.Float64(),
    "via": pl.String(),
    "confidence": pl.Float64(),
}


def trace_forward(
    facility_id: str,
    tables: Mapping[str, pl.DataFrame],
    materials: MaterialsCatalogue,
    since: int | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Facilities downstream of ``facility_id`` and the export lines they fed.

    The first hop takes every movement out of the facility (from month ``since``); each
    later hop takes movements out of a reached facility within ``LOOKBACK_MONTHS`` of the
    month it received. ``share`` is the part of the receiver's intake of that element in
    that month that came down this path. Export lines of the same element filed by a
    reached facility's operator within ``LOOKBACK_MONTHS`` of a receipt are returned
    with that share as ``confidence``.
    """
    movements = tables.get("movements")
    facilities = tables.get("facilities")
    if facilities is None or facilities.filter(pl.col("facility_id") == facility_id).is_empty():
        raise LookupError(f"facility {facility_id!r} not found in facilities")
    if movements is None:
        empty = pl.DataFrame(schema=FORWARD_SCHEMA)
        return _downstream(empty), pl.DataFrame(schema=EXPORT_SCHEMA)
    units = material_units(movements["material"].unique().to_list(), materials)
    edges = _edges(movements, units).rename({"month": "moved"})
    intake = edges.group_by("to_id", "element", "moved").agg(pl.col("kg").sum().alias("intake"))
    frontier = pl.DataFrame(
        {"facility_id": [facility_id], "month": [since or 0], "share": [1.0]},
        schema={"facility_id": pl.String(), "month": pl.Int32(), "share": pl.Float64()},
    )
    reached = []
    for depth in range(1, MAX_DEPTH + 1):
        horizon = 10**6 if depth == 1 else LOOKBACK_MONTHS
        out = (
            frontier.join(edges, left_on="facility_id", right_on="from_id", how="inner")
            .filter(
                (pl.col("moved") >= pl.col("month"))
                & (pl.col("moved") <= pl.col("month") + horizon)
            )
            .join(intake, on=["to_id", "element", "moved"], how="left")
            .with_columns((pl.col("share") * pl.col("kg") / pl.col("intake")).alias("share"))
        )
        if out.is_empty():
            break
        frontier = (
            out.group_by(pl.col("to_id").alias("facility_id"), pl.col("moved").alias("month"))
            .agg(pl.col("share").max(), pl.col("kg").sum(), pl.col("element").drop_nulls().first())
            .filter(pl.col("share") >= MIN_CONFIDENCE)
        )
        reached.append(frontier.with_columns(pl.lit(depth, pl.Int32()).alias("depth")))
    per_month = (
        pl.concat(reached)
        .join(facilities.select("facility_id", "kind", "operator_id"), on="facility_id", how="left")
        .select(list(FORWARD_SCHEMA))
        .cast(FORWARD_SCHEMA)  # type: ignore[arg-type]
        if reached
        else pl.DataFrame(schema=FORWARD_SCHEMA)
    )
    return _downstream(per_month), _exports_of(per_month, tables, materials)


def _downstream(per_month: pl.DataFrame) -> pl.DataFrame:
    """One row per reached facility: first hop depth, months reached, kg, mean share."""
    return (
        per_month.group_by("facility_id", "kind", "operator_id", "element")
        .agg(
            pl.col("depth").min(),
            period_of(pl.col("month").min()).alias("first_period"),
            period_of(pl.col("month").max()).alias("last_period"),
            pl.col("kg").sum(),
            ((pl.col("share") * pl.col("kg")).sum() / pl.col("kg").sum()).alias("share"),
        )
        .sort("depth", "kg", "facility_id", descending=[False, True, False])
    )


def _exports_of(
    per_month: pl.DataFrame, tables: Mapping[str, pl.DataFrame], materials: MaterialsCatalogue
) -> pl.DataFrame:
    decl = tables.get("declarations")
    decl = None if decl is None else decl.rechunk()
    if decl is None or per_month.is_empty():
        return pl.DataFrame(schema=EXPORT_SCHEMA)
    lines = line_materials(
        decl.select(
            "declaration_id",
            "line_no",
            "exporter_id",
            "declared_at",
            "hs_code",
            "description",
            "net_weight_kg",
        ),
        materials,
    ).with_columns(
        date_month_number(pl.col("declared_at").cast(pl.Date)).alias("month"),
    )
    receipts = per_month.select(
        pl.col("operator_id").alias("exporter_id"),
        pl.col("facility_id").alias("via"),
        "element",
        pl.col("month").alias("received"),
        pl.col("share").alias("confidence"),
    )
    return (
        lines.join(receipts, on=["exporter_id", "element"], how="inner")
        .filter(
            (pl.col("month") >= pl.col("received"))
            & (pl.col("month") <= pl.col("received") + LOOKBACK_MONTHS)
        )
        .sort("confidence", descending=True)
        .unique(["declaration_id", "line_no"], keep="first")
        .with_columns(pl.col("declared_at").cast(pl.Date).cast(pl.String))
        .select(list(EXPORT_SCHEMA))
        .cast(EXPORT_SCHEMA)  # type: ignore[arg-type]
        .sort("confidence", "declaration_id", "line_no", descending=[True, False, False])
    )


def trace_report(
    tables: Mapping[str, pl.DataFrame],
    findings: ChainFindings,
    materials: MaterialsCatalogue,
    *,
    declaration_id: str | None = None,
    lot_id: str | None = None,
    facility_id: str | None = None,
) -> dict[str, Any]:
    """One trace as a JSON-ready dictionary, for the CLI and the API alike. Exactly one
    of ``declaration_id`` (back), ``lot_id`` (back) or ``facility_id`` (forward) is
    given; an unknown id raises ``LookupError`` naming it."""
    given = [x for x in (declaration_id, lot_id, facility_id) if x is not None]
    if len(given) != 1:
        raise ValueError("give exactly one of declaration_id, lot_id or facility_id")
    tables = with_resolved_operators(tables)
    if facility_id is not None:
        downstream, exports = trace_forward(facility_id, tables, materials)
        return {
            "direction": "forward",
            "facility_id": facility_id,
            "downstream": downstream.to_dicts(),
            "exports": exports.to_dicts(),
        }
    if declaration_id is not None:
        start = declaration_start(declaration_id, tables, materials)
    else:
        mv = tables.get("movements")
        units = material_units([] if mv is None else mv["material"].unique().to_list(), materials)
        start = lot_start(str(lot_id), tables, units)
    sources = trace_back(start, tables, findings, materials)
    return {
        "direction": "back",
        "declaration_id": declaration_id,
        "lot_id": lot_id,
        "element": start.element,
        "period": f"{start.month // 12:04d}-{start.month % 12 + 1:02d}",
        "kg": float(start.facilities["kg"].sum()) if start.facilities.height else 0.0,
        "sources": sources.to_dicts(),
    }
