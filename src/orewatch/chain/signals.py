"""The chain's findings for screening, the CLI, the API and the workbench.

:func:`chain_findings` is the one entry point: tables in (the data contract's
``facilities``, ``movements``, ``production`` and, when present, ``declarations``),
:class:`ChainFindings` out. Screening joins ``exporter_signals`` to declaration lines by
``exporter_id``; ``facilities`` is the contract's ``facilities.csv`` (every reported
facility-month, ranked; :meth:`ChainFindings.flagged` keeps those with a reason).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from orewatch.chain.balance import Tolerance, reconcile
from orewatch.chain.counterparty import booked_vs_moved, movement_months, one_sided_movements
from orewatch.chain.leakage import capacity_use, rank_facility_months
from orewatch.chain.operators import exporter_ids, with_exporter_operators
from orewatch.chain.periods import period_of
from orewatch.chain.units import line_materials, material_units
from orewatch.chain.yields import expected_yields, facility_yields
from orewatch.controls.materials import MaterialsCatalogue, load_materials

FACILITY_COLUMNS = {
    "facility_id": pl.String(),
    "period": pl.String(),
    "material": pl.String(),
    "gap_kg": pl.Float64(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}
#: ``elements``: the elements a finding is about (``;``-separated), so that screening
#: weighs it only on lines that could carry them; ``since``: the first day the finding can
#: bear on an export (material received from a leaking plant cannot leave before it came).
EXPORTER_COLUMNS = {
    "exporter_id": pl.String(),
    "code": pl.String(),
    "evidence": pl.String(),
    "elements": pl.String(),
    "since": pl.Date(),
}
MOVEMENT_COLUMNS = {
    "movement_id": pl.String(),
    "moved_at": pl.Date(),
    "from_id": pl.String(),
    "to_id": pl.String(),
    "material": pl.String(),
    "quantity_kg": pl.Float64(),
    "lot_id": pl.String(),
    "document_no": pl.String(),
}
#: Exports may exceed booked supply by this share before it counts (stock counts, dates).
EXPORT_SLACK = 0.05
#: Months after a flagged month during which its receivers count as supplied by it.
SUPPLY_WINDOW = 2


@dataclass(frozen=True)
class ChainFindings:
    """``facilities``: every reported facility-month ranked (contract columns + month);
    ``exporter_signals``: exporter_id, code, evidence; ``months``: the same months with
    every check's figures (for the CLI, API and workbench); ``one_sided``: movements no
    counterparty can have booked; ``tolerance``: what honest balances were allowed."""

    facilities: pl.DataFrame
    exporter_signals: pl.DataFrame
    months: pl.DataFrame
    one_sided: pl.DataFrame
    tolerance: Tolerance

    def flagged(self) -> pl.DataFrame:
        """Facility-months with at least one reason, ranked."""
        return self.facilities.filter(pl.col("reasons") != "")


def _frame(
    tables: Mapping[str, pl.DataFrame], name: str, schema: Mapping[str, pl.DataType]
) -> pl.DataFrame:
    frame = tables.get(name)
    if frame is None:
        return pl.DataFrame(schema=dict(schema))
    missing = [c for c in schema if c not in frame.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks column(s) {', '.join(missing)}")
    return frame.rechunk()


PRODUCTION_COLUMNS = {
    "facility_id": pl.String(),
    "period": pl.String(),
    "material": pl.String(),
    **{
        c: pl.Float64()
        for c in (
            "opening_kg",
            "received_kg",
            "produced_kg",
            "consumed_kg",
            "shipped_kg",
            "closing_kg",
        )
    },
}
FACILITY_TABLE_COLUMNS = {
    "facility_id": pl.String(),
    "operator_id": pl.String(),
    "kind": pl.String(),
    "capacity_kg_per_year": pl.Float64(),
    "materials": pl.List(pl.String()),
}


def chain_findings(
    tables: Mapping[str, pl.DataFrame], materials: MaterialsCatalogue | None = None
) -> ChainFindings:
    """Reconcile, cross-check and rank every facility-month; derive exporter signals."""
    materials = materials or load_materials()
    production = _frame(tables, "production", PRODUCTION_COLUMNS)
    movements = _frame(tables, "movements", MOVEMENT_COLUMNS)
    facilities = _frame(tables, "facilities", FACILITY_TABLE_COLUMNS)
    declarations = tables.get("declarations")
    if declarations is not None:
        declarations = declarations.rechunk()  # multi-chunk strings trip Polars' string views
    exporters = exporter_ids(tables)
    facilities = with_exporter_operators(facilities, exporters)
    rows, tolerance = reconcile(production)
    units = material_units(
        pl.concat([production["material"], movements["material"]]).unique().to_list(), materials
    )
    yields = expected_yields(facility_yields(rows, units, facilities), materials)
    exporting = _exporting_facilities(facilities, exporters)
    booked = booked_vs_moved(rows, movements, exporting)
    one_sided = one_sided_movements(movements, rows, facilities)
    months = rank_facility_months(rows, yields, booked, one_sided, capacity_use(rows, facilities))
    ranked = months.select(
        *[pl.col(c).cast(t) for c, t in FACILITY_COLUMNS.items() if c != "reasons"],
        "reasons",
        "month",
    ).select(*FACILITY_COLUMNS, "month")
    signals = pl.concat(
        [
            supplied_by_leaks(ranked, movements, facilities, exporters),
            exports_beyond_supply(rows, facilities, declarations, units, materials),
        ]
    )
    return ChainFindings(ranked, signals, months, one_sided, tolerance)


def _exporting_facilities(facilities: pl.DataFrame, exporters: pl.DataFrame) -> pl.DataFrame:
    """Facilities operated by an exporter of the declarations (``exporters``:
    :func:`~orewatch.chain.operators.exporter_ids`)."""
    operators = exporters.select(pl.col("exporter_id").alias("operator_id")).unique()
    return facilities.join(operators, on="operator_id", how="semi").select("facility_id")


def supplied_by_leaks(
    ranked: pl.DataFrame,
    movements: pl.DataFrame,
    facilities: pl.DataFrame,
    exporters: pl.DataFrame,
) -> pl.DataFrame:
    """``SUPPLIER_LEAKING``: operators of facilities that received material from a
    facility-month flagged as leaking (or in the following ``SUPPLY_WINDOW`` months), and
    exporters that received it themselves (a movement to the party, ``exporters`` being
    :func:`~orewatch.chain.operators.exporter_ids`)."""
    receivers = facilities.select(pl.col("facility_id").alias("to_id"), "operator_id")
    direct = exporters.select(
        pl.col("id").alias("to_id"), pl.col("exporter_id").alias("operator_id")
    )
    receivers = pl.concat([receivers, direct.join(receivers, on="to_id", how="anti")])
    leaking = ranked.filter(pl.col("reasons") != "").select(
        pl.col("facility_id").alias("from_id"), "material", "month", "score", "period"
    )
    moved = movement_months(movements).select(
        "from_id", "to_id", "material", "month", "quantity_kg", "moved_at"
    )
    hits = (
        moved.join(leaking, on=["from_id", "material"], how="inner", suffix="_leak")
        .filter(
            (pl.col("month") >= pl.col("month_leak"))
            & (pl.col("month") <= pl.col("month_leak") + SUPPLY_WINDOW)
        )
        .unique(["from_id", "to_id", "material", "month", "quantity_kg"])
        .join(receivers, on="to_id", how="inner")
        .group_by("operator_id", "from_id", "material")
        .agg(
            pl.col("quantity_kg").sum(),
            pl.col("period").min().alias("first"),
            pl.col("period").max().alias("last"),
            pl.col("score").max(),
            pl.col("moved_at").min(),
        )
        .with_columns(pl.col("material").str.split(":").list.first().alias("element"))
    )
    return (
        hits.rechunk()
        .sort("score", descending=True)
        .group_by("operator_id", maintain_order=True)
        .agg(
            pl.format(
                "received {} kg of {} from {} (flagged {}..{}, score {})",
                pl.col("quantity_kg").round(1),
                pl.col("material"),
                pl.col("from_id"),
                pl.col("first"),
                pl.col("last"),
                pl.col("score").round(1),
            )
            .str.join("; ")
            .alias("evidence"),
            pl.col("element").unique().sort().str.join(";").alias("elements"),
            pl.col("moved_at").min().alias("since"),
        )
        .select(
            pl.col("operator_id").alias("exporter_id"),
            pl.lit("SUPPLIER_LEAKING").alias("code"),
            "evidence",
            "elements",
            "since",
        )
        .cast(EXPORTER_COLUMNS)  # type: ignore[arg-type]
    )


def exports_beyond_supply(
    rows: pl.DataFrame,
    facilities: pl.DataFrame,
    declarations: pl.DataFrame | None,
    units: pl.DataFrame,
    materials: MaterialsCatalogue,
) -> pl.DataFrame:
    """``EXPORTS_EXCEED_SUPPLY``: an operator whose declared exports of an element (in
    contained metal, from the commodity codes) exceed everything its facilities booked
    as opening stock, received or produced of it, by more than ``EXPORT_SLACK``.
    Only operators with booked facilities are judged (an exporter may buy abroad-bound
    goods through a chain outside the data)."""
    needed = {"exporter_id", "hs_code", "description", "net_weight_kg"}
    if declarations is None or not needed <= set(declarations.columns):
        return pl.DataFrame(schema=EXPORTER_COLUMNS)
    declared = declarations.select("exporter_id", "hs_code", "description", "net_weight_kg")
    exported = (
        line_materials(declared, materials)
        .group_by("exporter_id", "element")
        .agg((pl.col("net_weight_kg") * pl.col("metal_fraction")).sum().alias("exported_kg"))
    )
    first_open = pl.col("opening_kg").sort_by("month").first()
    supply = (
        rows.group_by("facility_id", "material")
        .agg((first_open + pl.col("received_kg").sum() + pl.col("produced_kg").sum()).alias("kg"))
        .join(units.select("material", "element", "metal_fraction"), on="material", how="inner")
        .join(facilities.select("facility_id", "operator_id"), on="facility_id", how="inner")
        .group_by(pl.col("operator_id").alias("exporter_id"), "element")
        .agg((pl.col("kg") * pl.col("metal_fraction")).sum().alias("supplied_kg"))
    )
    return (
        exported.join(supply, on=["exporter_id", "element"], how="inner")
        .rechunk()
        .filter(pl.col("exported_kg") > pl.col("supplied_kg") * (1 + EXPORT_SLACK))
        .select(
            "exporter_id",
            pl.lit("EXPORTS_EXCEED_SUPPLY").alias("code"),
            pl.format(
                "declared {} kg of {} (contained) against {} kg booked into its facilities",
                pl.col("exported_kg").round(1),
                pl.col("element"),
                pl.col("supplied_kg").round(1),
            ).alias("evidence"),
            pl.col("element").alias("elements"),
            pl.lit(None, pl.Date).alias("since"),
        )
        # One row per exporter and element out of hash groups: sorted, so an exporter's
        # evidence lists its elements in the same order on every run.
        .sort("exporter_id", "elements")
        .cast(EXPORTER_COLUMNS)  # type: ignore[arg-type]
    )


__all__ = [
    "ChainFindings",
    "chain_findings",
    "exports_beyond_supply",
    "period_of",
    "supplied_by_leaks",
]
