"""Flow data for the workbench: a Sankey of a material's flow and a facility's balance
over time, as plain JSON-ready dictionaries (no drawing here)."""

from __future__ import annotations

from typing import Any

import polars as pl

from orewatch.chain.counterparty import movement_months
from orewatch.chain.periods import month_number, period_of
from orewatch.chain.signals import ChainFindings

#: Balance-series fields, in the order the workbench draws them.
SERIES_FIELDS = (
    "opening_kg",
    "received_kg",
    "produced_kg",
    "consumed_kg",
    "shipped_kg",
    "closing_kg",
    "balance_gap_kg",
    "allowed_kg",
    "yield",
    "expected_yield",
    "score",
)


def _window(frame: pl.DataFrame, start: str | None, end: str | None) -> pl.DataFrame:
    if start is not None:
        frame = frame.filter(pl.col("month") >= month_number(pl.lit(start)))
    if end is not None:
        frame = frame.filter(pl.col("month") <= month_number(pl.lit(end)))
    return frame


def sankey(
    movements: pl.DataFrame,
    facilities: pl.DataFrame | None,
    material: str | None = None,
    start: str | None = None,
    end: str | None = None,
    by: str = "kind",
) -> dict[str, Any]:
    """Nodes and links of the flows (``material`` may be a form like ``gallium:metal`` or
    an element prefix like ``gallium``), aggregated by facility ``kind`` (default) or by
    ``facility``; periods ``YYYY-MM`` inclusive. Links carry kilograms and lot counts."""
    if by not in ("kind", "facility"):
        raise ValueError("by must be 'kind' or 'facility'")
    mv = _window(movement_months(movements), start, end)
    if material is not None:
        mv = mv.filter(
            (pl.col("material") == material) | pl.col("material").str.starts_with(f"{material}:")
        )
    kinds = (
        facilities.select("facility_id", "kind")
        if facilities is not None
        else pl.DataFrame(schema={"facility_id": pl.String(), "kind": pl.String()})
    )
    if by == "kind":
        mv = (
            mv.join(
                kinds.rename({"facility_id": "from_id", "kind": "source"}), on="from_id", how="left"
            )
            .join(kinds.rename({"facility_id": "to_id", "kind": "target"}), on="to_id", how="left")
            .with_columns(
                pl.col("source").fill_null("unregistered"),
                pl.col("target").fill_null("unregistered"),
            )
        )
    else:
        mv = mv.with_columns(pl.col("from_id").alias("source"), pl.col("to_id").alias("target"))
    links = (
        mv.group_by("source", "target", "material")
        .agg(pl.col("quantity_kg").sum().round(1).alias("value"), pl.len().alias("lots"))
        .sort("value", descending=True)
    )
    names = pl.concat([links["source"], links["target"]]).unique().sort().to_list()
    return {
        "material": material,
        "start": start,
        "end": end,
        "by": by,
        "nodes": [{"id": n, "label": n} for n in names],
        "links": links.to_dicts(),
    }


def balance_series(
    findings: ChainFindings, facility_id: str, material: str | None = None
) -> dict[str, Any]:
    """A facility's monthly balance per material with gaps, yields and scores; raises
    ``LookupError`` when the facility reported nothing."""
    months = findings.months.filter(pl.col("facility_id") == facility_id)
    if material is not None:
        months = months.filter(pl.col("material") == material)
    if months.is_empty():
        raise LookupError(f"facility {facility_id!r} has no balance reports")
    series = []
    for (name,), part in months.sort("month").group_by("material", maintain_order=True):
        rows = part.select(
            period_of(pl.col("month")).alias("period"), *SERIES_FIELDS, "reasons", "evidence"
        )
        series.append({"material": name, "months": rows.to_dicts()})
    series.sort(key=lambda s: str(s["material"]))
    return {"facility_id": facility_id, "series": series}
