"""Scorecards for a screened world: lines per scheme, parties, facility-months, routes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from orewatch.evaluation.metrics import line_recall, read_truth, recall_in_top, top_share

#: Share of facility-months an inspector can audit (the chain issue's target unit).
FACILITY_RATE = 0.05
#: Parties a person can look into.
TOP_PARTIES = 20
#: Routes reviewed: this many times the number of true routes.
ROUTE_FACTOR = 1.5


@dataclass(frozen=True)
class Scorecard:
    lines: pl.DataFrame  # per scheme recall at the inspection rate, with precision row
    other: pl.DataFrame  # one row per non-line measure: what, found, of, recall


def scorecard(
    world: Path,
    alerts: pl.DataFrame,
    parties: pl.DataFrame,
    facilities: pl.DataFrame,
    routes: pl.DataFrame,
    production_rows: int,
    rate: float = 0.05,
) -> Scorecard:
    """Measure the outputs against ``world/truth``."""
    truth_lines = read_truth(world, "lines")
    lines = line_recall(alerts, truth_lines, rate) if truth_lines is not None else pl.DataFrame()
    rows: list[dict[str, object]] = []
    truth_parties = read_truth(world, "parties")
    if truth_parties is not None:
        brokers = truth_parties.filter(pl.col("role") == "broker")["party_id"]
        rows.append(
            _row(f"brokers in top {TOP_PARTIES} parties", parties["party_id"], brokers, TOP_PARTIES)
        )
    truth_fac = read_truth(world, "facilities")
    if truth_fac is not None and production_rows:
        k = max(1, round(production_rows * FACILITY_RATE))
        ranked = top_share(
            facilities.select(
                pl.format("{}|{}|{}", "facility_id", "period", "material").alias("id"), "score"
            ),
            1.0,
        )
        wanted = truth_fac.select(
            pl.format("{}|{}|{}", "facility_id", "period", "material").alias("id")
        )["id"]
        rows.append(
            _row(f"leaking facility-months in top {FACILITY_RATE:.0%}", ranked["id"], wanted, k)
        )
    truth_routes = read_truth(world, "routes")
    if truth_routes is not None:
        wanted = truth_routes.select(
            pl.format("{}|{}", "country", pl.col("hs_code").str.slice(0, 6)).alias("id")
        )["id"].unique()
        ranked_routes = routes.select(pl.format("{}|{}", "country", "hs_code").alias("id"))["id"]
        k = max(1, round(wanted.len() * ROUTE_FACTOR))
        rows.append(_row(f"diversion routes in top {ROUTE_FACTOR}x", ranked_routes, wanted, k))
    return Scorecard(lines=lines, other=pl.DataFrame(rows) if rows else pl.DataFrame())


def _row(what: str, ranked: pl.Series, wanted: pl.Series, k: int) -> dict[str, object]:
    wanted = wanted.unique()
    recall = recall_in_top(ranked, wanted, k)
    return {
        "measure": what,
        "true": wanted.len(),
        "found": round(recall * wanted.len()),
        "recall": recall,
    }
