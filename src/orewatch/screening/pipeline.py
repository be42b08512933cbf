"""The screening pipeline: tables in, ranked and explained outputs out.

One path for a batch of a million lines and for a single declaration: both call
:func:`screen`. Reading files and writing outputs are at the edges
(:func:`write_outputs`); everything in between is pure functions over frames.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orewatch.contract.schema import OUTPUT_COLUMNS
from orewatch.controls.catalogue import Catalogue
from orewatch.io.atomic import write_csv
from orewatch.screening.balances import balance_gaps
from orewatch.screening.detectors.concealment import concealment_signals
from orewatch.screening.detectors.licensing import licensing_signals
from orewatch.screening.detectors.misdeclaration import misdeclaration_signals
from orewatch.screening.detectors.transshipment import transshipment_signals
from orewatch.screening.features import add_features
from orewatch.screening.network import linked_consignees
from orewatch.screening.parties import (
    alert_concentration,
    controllers,
    exporter_parties,
    rank_parties,
    shell_exporters,
)
from orewatch.screening.reasons import ReasonTable, reason_table
from orewatch.screening.routes import diversion_routes
from orewatch.screening.selection import Capacity, assign_channels
from orewatch.screening.signals import concat_signals, signals_where

Tables = Mapping[str, pl.DataFrame]
Progress = Callable[[str], None]

#: Between the sentences of an explanation (evidence text may itself hold "; ").
EXPLANATION_SEPARATOR = " | "
#: The continuous anomaly component is capped so it orders lines within a rule score
#: band without outweighing a single rule.
ANOMALY_CAP = 6.0


@dataclass
class ScreenResult:
    """Everything screening produced. ``alerts`` has one row per line screened."""

    alerts: pl.DataFrame
    signals: pl.DataFrame
    parties: pl.DataFrame
    facilities: pl.DataFrame
    routes: pl.DataFrame
    rejected: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema=dict.fromkeys(OUTPUT_COLUMNS["rejected"], pl.String())
        )
    )


def _table(tables: Tables, name: str) -> pl.DataFrame | None:
    frame = tables.get(name)
    return frame if frame is not None and frame.height else None


def screen(
    tables: Tables,
    catalogue: Catalogue,
    capacity: Capacity | None = None,
    reasons: ReasonTable | None = None,
    progress: Progress | None = None,
) -> ScreenResult:
    """Score every declaration line, explain it, and assign a channel."""
    capacity = capacity or Capacity()
    reasons = reasons or reason_table()
    step = progress or (lambda _name: None)
    declarations = tables["declarations"].rechunk()
    parties, relations, watchlist = (
        _table(tables, "parties"),
        _table(tables, "relations"),
        _table(tables, "watchlist"),
    )

    step("features")
    lines = catalogue.evaluate_frame(add_features(declarations))

    step("routes")
    routes = diversion_routes(_table(tables, "trade_stats"), catalogue.items_frame())
    step("parties")
    linked = linked_consignees(lines["consignee_name"], parties, relations, watchlist)
    exporters = exporter_parties(lines, parties) if parties is not None else None
    shells = (
        shell_exporters(exporters, parties)
        if exporters is not None and parties is not None
        else None
    )
    bosses = (
        controllers(exporters, parties, relations)
        if exporters is not None and parties is not None
        else None
    )

    step("detectors")
    parts = [
        licensing_signals(lines, _table(tables, "licenses")),
        misdeclaration_signals(lines, catalogue.items_frame()),
        concealment_signals(lines, parties),
        transshipment_signals(
            lines,
            watchlist,
            linked,
            routes.filter(pl.col("reasons").str.contains("REEXPORT_SURGE")).with_columns(
                pl.col("evidence").alias("route_reason")
            ),
        ),
    ]
    if shells is not None and shells.height:
        joined = lines.join(shells.select("exporter_id", "evidence"), on="exporter_id")
        parts.append(
            signals_where(joined, pl.lit(True), "EXPORTER_SHELL_CLUSTER", pl.col("evidence"))
        )
    if bosses is not None and bosses.height and relations is not None and exporters is not None:
        run_by = (
            relations.join(
                bosses.select(
                    pl.col("party_id").alias("src_party_id"), pl.col("name").alias("boss")
                ),
                on="src_party_id",
            )
            .join(
                exporters.select(
                    pl.col("party_id").alias("dst_party_id"),
                    pl.col("registration_id").alias("exporter_id"),
                ),
                on="dst_party_id",
            )
            .unique("exporter_id")
        )
        joined = lines.join(run_by.select("exporter_id", "boss"), on="exporter_id")
        parts.append(
            signals_where(
                joined,
                pl.lit(True),
                "PARTY_CONTROLLER_OF_SHELLS",
                pl.format("exporter run by {}", pl.col("boss")),
            )
        )
    signals = concat_signals(parts).unique(["_idx", "code"], keep="first")
    unknown = set(signals["code"].unique()) - set(reasons.reasons)
    if unknown:
        raise KeyError(f"detectors raised unknown reason codes: {sorted(unknown)}")

    step("scoring")
    alerts = _score(lines, signals, reasons, capacity)

    step("outputs")
    party_rows = rank_parties(
        [s for s in (shells, bosses) if s is not None]
        + ([alert_concentration(alerts, exporters)] if exporters is not None else []),
        reasons,
    )
    facilities = balance_gaps(_table(tables, "production"))
    return ScreenResult(
        alerts=alerts, signals=signals, parties=party_rows, facilities=facilities, routes=routes
    )


def _score(
    lines: pl.DataFrame, signals: pl.DataFrame, reasons: ReasonTable, capacity: Capacity
) -> pl.DataFrame:
    weighted = signals.join(reasons.frame().select("code", "weight", "en"), on="code", how="left")
    per_line = (
        weighted.sort("weight", descending=True)
        .group_by("_idx")
        .agg(
            pl.col("weight").sum().alias("rule_score"),
            pl.col("code").str.join(";").alias("reasons"),
            pl.format("{} ({})", pl.col("en"), pl.col("evidence"))
            .str.join(EXPLANATION_SEPARATOR)
            .alias("explanation"),
        )
    )
    anomaly = (
        pl.col("unit_value_z").abs().fill_null(0.0).clip(0, ANOMALY_CAP) / 2
        + pl.col("gross_net_z").fill_null(0.0).clip(0, ANOMALY_CAP) / 2
    ).clip(0, ANOMALY_CAP)
    scored = (
        lines.select(
            "_idx",
            "declaration_id",
            "line_no",
            "declared_at",
            "exporter_id",
            "consignee_name",
            "destination_country",
            "hs_code",
            "description",
            "value",
            "currency",
            anomaly.alias("anomaly"),
        )
        .join(per_line, on="_idx", how="left")
        .with_columns(
            (pl.col("rule_score").fill_null(0.0) + pl.col("anomaly")).round(3).alias("score"),
            pl.col("reasons").fill_null(""),
            pl.col("explanation").fill_null(""),
        )
    )
    return assign_channels(scored, capacity).sort("_idx")


def quarantine_output(rejected: pl.DataFrame) -> pl.DataFrame:
    """The loader's quarantine in the contract's ``rejected.csv`` columns."""
    return rejected.select(
        pl.col("table"),
        pl.col("row").cast(pl.String),
        pl.col("field"),
        pl.col("value"),
        pl.col("reason"),
    )


def write_outputs(result: ScreenResult, out: Path) -> dict[str, Path]:
    """Write the contract's outputs atomically (plus explained alerts as Parquet)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    alerts = result.alerts
    written = {
        "alerts": write_csv(
            alerts.select(*OUTPUT_COLUMNS["alerts"], "channel_reason", "explanation"),
            out / "alerts.csv",
        ),
        "parties": write_csv(
            result.parties.select(*OUTPUT_COLUMNS["parties"], "evidence"), out / "parties.csv"
        ),
        "facilities": write_csv(
            result.facilities.select(*OUTPUT_COLUMNS["facilities"], "evidence"),
            out / "facilities.csv",
        ),
        "routes": write_csv(
            result.routes.select(*OUTPUT_COLUMNS["routes"], "evidence"), out / "routes.csv"
        ),
        "rejected": write_csv(
            result.rejected.select(OUTPUT_COLUMNS["rejected"]), out / "rejected.csv"
        ),
    }
    return written
