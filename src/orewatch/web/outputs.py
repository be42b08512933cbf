"""Screening outputs and their dataset, read from files into Polars frames once.

The workbench shows what ``orewatch screen`` / the demo wrote (``DIR/alerts.csv`` …)
and, where the dataset folder is known, the declarations, licences, parties,
relations, facilities and movements behind them. Missing files give empty frames so
the pages say "nothing loaded" rather than fail. All queries are pure frame ops.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

ALERT_SCHEMA: dict[str, pl.DataType] = {
    "declaration_id": pl.String(),
    "line_no": pl.Int64(),
    "score": pl.Float64(),
    "channel": pl.String(),
    "reasons": pl.String(),
    "channel_reason": pl.String(),
    "explanation": pl.String(),
}


#: Columns the pages use, per file (an absent file reads as empty with these).
COLUMNS: dict[str, tuple[str, ...]] = {
    "alerts": tuple(ALERT_SCHEMA),
    "parties": ("party_id", "name", "score", "reasons", "evidence"),
    "facilities": ("facility_id", "period", "material", "gap_kg", "score", "reasons", "evidence"),
    "routes": ("country", "hs_code", "score", "reasons", "evidence"),
    "declarations": ("declaration_id", "line_no", "exporter_id", "license_no"),
    "licenses": ("license_no",),
    "party_records": ("party_id", "name", "registration_id"),
    "relations": ("src_party_id", "dst_party_id", "relation"),
    "facility_records": ("facility_id",),
    "movements": ("moved_at", "from_id", "to_id", "material", "quantity_kg"),
}


def _read(path: Path, table: str, overrides: dict[str, pl.DataType] | None = None) -> pl.DataFrame:
    """A CSV as strings plus typed ``overrides``; empty with the known columns if absent."""
    overrides = overrides or {}
    if path.exists():
        frame = pl.read_csv(path, infer_schema=False)
    else:
        frame = pl.DataFrame(schema=dict.fromkeys(COLUMNS[table], pl.String()))
    casts = [pl.col(c).cast(t, strict=False) for c, t in overrides.items() if c in frame.columns]
    return frame.with_columns(casts).rechunk()


@dataclass(frozen=True)
class Outputs:
    """Screening outputs plus the dataset tables the pages draw on."""

    alerts: pl.DataFrame
    parties: pl.DataFrame
    facilities: pl.DataFrame
    routes: pl.DataFrame
    declarations: pl.DataFrame
    licenses: pl.DataFrame
    party_records: pl.DataFrame
    relations: pl.DataFrame
    facility_records: pl.DataFrame
    movements: pl.DataFrame
    source: str
    world_source: str
    reasons: tuple[tuple[str, int], ...] = ()

    @classmethod
    def load(cls, screen_dir: Path, world_dir: Path | None = None) -> Outputs:
        """Read ``screen_dir`` (screening outputs) and ``world_dir`` (the dataset)."""
        world = world_dir or Path("/nonexistent")
        alerts = _read(screen_dir / "alerts.csv", "alerts", ALERT_SCHEMA).sort(
            ["score", "declaration_id", "line_no"], descending=[True, False, False]
        )
        return cls(
            alerts=alerts,
            parties=_read(screen_dir / "parties.csv", "parties", {"score": pl.Float64()}),
            facilities=_read(
                screen_dir / "facilities.csv",
                "facilities",
                {"score": pl.Float64(), "gap_kg": pl.Float64()},
            ),
            routes=_read(screen_dir / "routes.csv", "routes", {"score": pl.Float64()}),
            declarations=_read(world / "declarations.csv", "declarations", {"line_no": pl.Int64()}),
            licenses=_read(world / "licenses.csv", "licenses"),
            party_records=_read(world / "parties.csv", "party_records"),
            relations=_read(world / "relations.csv", "relations"),
            facility_records=_read(world / "facilities.csv", "facility_records"),
            movements=_read(world / "movements.csv", "movements", {"quantity_kg": pl.Float64()}),
            source=str(screen_dir),
            world_source=str(world_dir or ""),
            reasons=tuple(reason_counts(alerts)),
        )


def alert_queue(
    alerts: pl.DataFrame,
    channel: str = "",
    reason: str = "",
    query: str = "",
    limit: int = 50,
    offset: int = 0,
) -> tuple[pl.DataFrame, int]:
    """Alerts filtered by channel, reason code and declaration-id prefix; (page, total)."""
    frame = alerts
    if channel:
        frame = frame.filter(pl.col("channel") == channel)
    if reason:
        frame = frame.filter(pl.col("reasons").fill_null("").str.contains(reason, literal=True))
    if query:
        frame = frame.filter(pl.col("declaration_id").str.starts_with(query))
    return frame.slice(offset, limit), frame.height


def reason_counts(alerts: pl.DataFrame) -> list[tuple[str, int]]:
    """How often each reason code appears among the alerts, most frequent first."""
    if alerts.is_empty():
        return []
    counts = (
        alerts.select(pl.col("reasons").fill_null("").str.split(";").alias("r"))
        .explode("r")
        .filter(pl.col("r") != "")
        .group_by("r")
        .len()
        .sort(["len", "r"], descending=[True, False])
    )
    return [(str(r), int(n)) for r, n in counts.iter_rows()]


def declaration_lines(outputs: Outputs, declaration_id: str) -> pl.DataFrame:
    """The declaration's lines joined to their alerts (score, channel, reasons)."""
    alerts = outputs.alerts.filter(pl.col("declaration_id") == declaration_id)
    lines = outputs.declarations.filter(pl.col("declaration_id") == declaration_id)
    if lines.is_empty():
        return alerts
    return lines.join(alerts, on=["declaration_id", "line_no"], how="left")


def licence(outputs: Outputs, licence_no: str) -> dict[str, str] | None:
    """The licence row, if the dataset has it."""
    rows = outputs.licenses.filter(pl.col("license_no") == licence_no) if licence_no else None
    return None if rows is None or rows.is_empty() else rows.row(0, named=True)


def party(outputs: Outputs, party_id: str) -> tuple[dict[str, str] | None, pl.DataFrame]:
    """The party's record and its screening rows (either may be missing)."""
    record = outputs.party_records.filter(pl.col("party_id") == party_id)
    scored = outputs.parties.filter(pl.col("party_id") == party_id)
    return (None if record.is_empty() else record.row(0, named=True)), scored


def party_of_registration(outputs: Outputs, registration_id: str) -> str | None:
    """The party id whose registration number this is (declarations name exporters so)."""
    rows = outputs.party_records.filter(pl.col("registration_id") == registration_id)
    return None if rows.is_empty() else str(rows["party_id"][0])


def party_alerts(outputs: Outputs, registration_id: str, limit: int = 50) -> pl.DataFrame:
    """The top alerts of lines this party exported (matched by registration number)."""
    if not registration_id or outputs.declarations.is_empty():
        return outputs.alerts.head(0)
    keys = outputs.declarations.filter(pl.col("exporter_id") == registration_id).select(
        "declaration_id", "line_no"
    )
    return outputs.alerts.join(keys, on=["declaration_id", "line_no"]).head(limit)


def neighbourhood(
    relations: pl.DataFrame, party_id: str, hops: int = 2, cap: int = 150
) -> pl.DataFrame:
    """Relation edges within ``hops`` of ``party_id`` (at most ``cap`` nodes reached)."""
    if relations.is_empty():
        return relations
    reached = {party_id}
    frontier = {party_id}
    for _ in range(hops):
        touching = relations.filter(
            pl.col("src_party_id").is_in(frontier) | pl.col("dst_party_id").is_in(frontier)
        )
        found = set(touching["src_party_id"].to_list()) | set(touching["dst_party_id"].to_list())
        frontier = found - reached
        reached |= set(sorted(frontier)[: max(0, cap - len(reached))])
        if not frontier:
            break
    return relations.filter(
        pl.col("src_party_id").is_in(reached) & pl.col("dst_party_id").is_in(reached)
    )


def facility(outputs: Outputs, facility_id: str) -> tuple[dict[str, str] | None, pl.DataFrame]:
    """The facility's record and its balance findings."""
    record = outputs.facility_records.filter(pl.col("facility_id") == facility_id)
    gaps = outputs.facilities.filter(pl.col("facility_id") == facility_id).sort("period")
    return (None if record.is_empty() else record.row(0, named=True)), gaps


def facility_flows(movements: pl.DataFrame, facility_id: str) -> pl.DataFrame:
    """Monthly kilograms in and out of the facility, per material."""
    if movements.is_empty():
        return pl.DataFrame(
            schema={
                "period": pl.String,
                "material": pl.String,
                "in_kg": pl.Float64(),
                "out_kg": pl.Float64(),
            }
        )
    month = pl.col("moved_at").str.slice(0, 7).alias("period")
    inflow = (
        movements.filter(pl.col("to_id") == facility_id)
        .group_by(month, "material")
        .agg(pl.col("quantity_kg").sum().alias("in_kg"))
    )
    outflow = (
        movements.filter(pl.col("from_id") == facility_id)
        .group_by(month, "material")
        .agg(pl.col("quantity_kg").sum().alias("out_kg"))
    )
    return (
        inflow.join(outflow, on=["period", "material"], how="full", coalesce=True)
        .fill_null(0.0)
        .sort("period", "material")
    )


def materials(movements: pl.DataFrame) -> list[str]:
    """Materials that move in the dataset, by name."""
    if movements.is_empty():
        return []
    return sorted(movements["material"].drop_nulls().unique().to_list())


def material_flow(movements: pl.DataFrame, material: str, top: int = 60) -> pl.DataFrame:
    """The heaviest ``top`` facility-to-facility flows of a material (prefix match)."""
    if movements.is_empty():
        return pl.DataFrame(schema={"from_id": pl.String, "to_id": pl.String, "kg": pl.Float64()})
    return (
        movements.filter(pl.col("material").str.starts_with(material))
        .group_by("from_id", "to_id")
        .agg(pl.col("quantity_kg").sum().alias("kg"))
        .sort("kg", descending=True)
        .head(top)
    )
