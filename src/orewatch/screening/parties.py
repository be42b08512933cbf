"""Risky parties: shell exporters, the controllers behind them, and concentrations of risk.

Produces the ``parties.csv`` rows (party_id, name, score, reasons) and the line-level
signal for exporters that belong to a shell cluster.
"""

from __future__ import annotations

import polars as pl

from orewatch.screening.network import contact_edges
from orewatch.screening.reasons import ReasonTable

#: An exporter is "recent" when incorporated at most this many days before its first line.
RECENT_DAYS = 730
#: Controlling this many recent exporters makes a party a suspected broker.
SHELLS_PER_CONTROLLER = 3
CONTROL_RELATIONS: tuple[str, ...] = (
    "owner",
    "director",
    "shareholder",
    "legal_representative",
    "manager",
    "agent",
)
#: Party alert concentration: at least this many red lines and this share of its lines.
MIN_RED_LINES = 3
MIN_RED_SHARE = 0.2

PARTY_SCHEMA = {
    "party_id": pl.String(),
    "name": pl.String(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}


def exporter_parties(lines: pl.DataFrame, parties: pl.DataFrame) -> pl.DataFrame:
    """Exporters as parties, with their first line date and whether they are recent."""
    first = lines.group_by("exporter_id").agg(pl.col("declared_on").min().alias("first_line"))
    exporters = parties.filter(pl.col("registration_id").is_not_null()).join(
        first, left_on="registration_id", right_on="exporter_id"
    )
    return exporters.with_columns(
        (
            pl.col("incorporated_at").is_not_null()
            & ((pl.col("first_line") - pl.col("incorporated_at")).dt.total_days() <= RECENT_DAYS)
        ).alias("recent")
    )


def shell_exporters(exporters: pl.DataFrame, parties: pl.DataFrame) -> pl.DataFrame:
    """Recent exporters sharing a phone, e-mail or address with another exporter."""
    edges = contact_edges(parties)
    ids = exporters.select("party_id")
    shared = edges.join(ids, left_on="a", right_on="party_id").join(
        ids, left_on="b", right_on="party_id"
    )
    per_party = shared.group_by("a").agg(
        pl.col("b").n_unique().alias("peers"), pl.col("how").first()
    )
    return (
        exporters.filter(pl.col("recent"))
        .join(per_party, left_on="party_id", right_on="a")
        .select(
            "party_id",
            "name",
            pl.col("registration_id").alias("exporter_id"),
            pl.lit("EXPORTER_SHELL_CLUSTER").alias("code"),
            pl.format(
                "incorporated {}, first export {}, {} with {} other exporters",
                pl.col("incorporated_at"),
                pl.col("first_line"),
                pl.col("how"),
                pl.col("peers"),
            ).alias("evidence"),
        )
    )


def controllers(
    exporters: pl.DataFrame, parties: pl.DataFrame, relations: pl.DataFrame | None
) -> pl.DataFrame:
    """Parties that own or direct several recent exporters."""
    if relations is None or relations.is_empty():
        return pl.DataFrame(
            schema={
                "party_id": pl.String(),
                "name": pl.String(),
                "code": pl.String(),
                "evidence": pl.String(),
            }
        )
    recent = exporters.filter(pl.col("recent")).select(pl.col("party_id").alias("dst_party_id"))
    links = relations.filter(
        pl.col("relation").str.to_lowercase().is_in(list(CONTROL_RELATIONS))
    ).join(recent, on="dst_party_id")
    counted = links.group_by("src_party_id").agg(
        pl.col("dst_party_id").n_unique().alias("shells"),
        pl.col("dst_party_id").unique().sort().alias("ids"),
    )
    return (
        counted.filter(pl.col("shells") >= SHELLS_PER_CONTROLLER)
        .join(
            parties.select("party_id", "name"),
            left_on="src_party_id",
            right_on="party_id",
            how="left",
        )
        .select(
            pl.col("src_party_id").alias("party_id"),
            pl.col("name").fill_null(pl.col("src_party_id")),
            pl.lit("PARTY_CONTROLLER_OF_SHELLS").alias("code"),
            pl.format(
                "controls {} recent exporters: {}",
                pl.col("shells"),
                pl.col("ids").list.head(6).list.join(","),
            ).alias("evidence"),
        )
    )


def alert_concentration(alerts: pl.DataFrame, exporters: pl.DataFrame) -> pl.DataFrame:
    """Exporters with many red lines, both in count and in share."""
    per = (
        alerts.group_by("exporter_id")
        .agg((pl.col("channel") == "red").sum().alias("red"), pl.len().alias("lines"))
        .filter(
            (pl.col("red") >= MIN_RED_LINES) & (pl.col("red") / pl.col("lines") >= MIN_RED_SHARE)
        )
    )
    return per.join(
        exporters.select("party_id", "name", pl.col("registration_id").alias("exporter_id")),
        on="exporter_id",
    ).select(
        "party_id",
        "name",
        pl.lit("PARTY_ALERT_CONCENTRATION").alias("code"),
        pl.format("{} of {} lines red", pl.col("red"), pl.col("lines")).alias("evidence"),
    )


def rank_parties(signals: list[pl.DataFrame], reasons: ReasonTable) -> pl.DataFrame:
    """Combine party signals into ranked ``parties.csv`` rows."""
    frames = [s.select("party_id", "name", "code", "evidence") for s in signals if s.height]
    if not frames:
        return pl.DataFrame(schema=PARTY_SCHEMA)
    weights = reasons.frame().select("code", "weight")
    combined = pl.concat(frames).unique(["party_id", "code"]).join(weights, on="code", how="left")
    return (
        combined.sort("weight", descending=True)
        .group_by("party_id")
        .agg(
            pl.col("name").first(),
            pl.col("weight").sum().alias("score"),
            pl.col("code").str.join(";").alias("reasons"),
            pl.col("evidence").str.join(" | "),
        )
        .sort(["score", "party_id"], descending=[True, False])
    )
