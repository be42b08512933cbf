"""An exporter's goods whose lines raise reasons again and again: the rest of them too.

A ring that ships controlled metal under one cover (the same exporter, the same tariff
line, lot after lot) makes most lots look like the cover, but not all: some are priced
like the metal, weigh wrong or say too much, and those are flagged on their own
evidence. An honest exporter's lines of one kind of goods raise reasons now and then, a
few in a hundred; when a quarter or more of them do, over several declarations, the
lane itself is the pattern, and its quiet lots are the same goods as its loud ones.

The lanes are learned at fit from the lines' points on the fixed weights (no label has
seen them), and held by the screener, so one new declaration in such a lane is judged at
the door as the batch's lines were.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.screening.signals import Lines, concat_signals, empty_signals, signals_where

#: The dataset's highest rule scores, this share of its lines, count as flagged.
FLAGGED_SHARE = 0.02
#: A lane is hot from this many declarations with a flagged line of it ...
MIN_FLAGGED_DECLARATIONS = 3
#: ... where at least this share of its lines are flagged.
MIN_FLAGGED_SHARE = 0.25
CODE = "LANE_OFTEN_FLAGGED"


@dataclass(frozen=True)
class FlaggedLanes:
    """Exporters' tariff lines whose lines are flagged far more often than lines are."""

    #: exporter_id, hs_code, lane_lines, lane_flagged, lane_declarations (with a flagged
    #: line), lane_code (the code most of the flagged lines raise)
    lanes: pl.DataFrame
    #: code, weight: the fixed (untaught) points a line's codes are summed on.
    weights: pl.DataFrame
    #: A line is flagged from these points on (the top :data:`FLAGGED_SHARE` of lines).
    cut: float

    @classmethod
    def fit(cls, lines: pl.DataFrame, signals: pl.DataFrame, weights: pl.DataFrame) -> FlaggedLanes:
        """``signals``: the lines' other signals; ``weights``: the fixed points of codes
        (no label has taught them)."""
        points = _points(signals, weights).collect()
        cut = _flagged_cut(points["points"], lines.height)
        flagged = points.filter(pl.col("points") >= cut).select(
            "_idx", pl.lit(True).alias("_flagged")
        )
        marked = (
            lines.select("_idx", "declaration_id", "exporter_id", "hs_code")
            .join(flagged, on="_idx", how="left")
            .with_columns(pl.col("_flagged").fill_null(False))
        )
        lanes = (
            marked.group_by("exporter_id", "hs_code")
            .agg(
                pl.len().alias("lane_lines"),
                pl.col("_flagged").sum().alias("lane_flagged"),
                pl.col("declaration_id")
                .filter(pl.col("_flagged"))
                .n_unique()
                .alias("lane_declarations"),
            )
            .filter(
                (pl.col("lane_declarations") >= MIN_FLAGGED_DECLARATIONS)
                & (pl.col("lane_flagged") >= MIN_FLAGGED_SHARE * pl.col("lane_lines"))
            )
        )
        usual = _usual_code(marked, signals)
        return cls(lanes.join(usual, on=["exporter_id", "hs_code"]), weights, cut)

    def signals(self, lines: Lines, signals: Lines) -> pl.LazyFrame:
        """The lines of a hot lane that are not flagged themselves (``signals``: their
        other signals): a flagged line has its own reasons, and the lane's are the same."""
        if self.lanes.is_empty():
            return empty_signals()
        flagged = _points(signals, self.weights).filter(pl.col("points") >= self.cut)
        quiet = (
            lines.lazy()
            .join(self.lanes.lazy(), on=["exporter_id", "hs_code"])
            .join(flagged, on="_idx", how="anti")
        )
        return signals_where(
            quiet,
            pl.lit(True),
            CODE,
            pl.format(
                "{} of this exporter's {} lines of {} raised reasons of their own, in {} "
                "declarations; most often {}",
                "lane_flagged",
                "lane_lines",
                "hs_code",
                "lane_declarations",
                "lane_code",
            ),
        )


def with_lane_signals(
    signals: pl.LazyFrame, lines: Lines, lanes: FlaggedLanes | None
) -> pl.LazyFrame:
    """``signals`` and the lane signals they make (none without ``lanes``), in line and
    code order."""
    if lanes is None or lanes.lanes.is_empty():
        return signals
    signals = signals.cache()
    return concat_signals([signals, lanes.signals(lines, signals)]).sort("_idx", "code")


def _points(signals: Lines, weights: pl.DataFrame) -> pl.LazyFrame:
    """``_idx, points``: each signalled line's codes' fixed points, summed."""
    return (
        signals.lazy()
        .join(weights.lazy(), on="code")
        .group_by("_idx")
        .agg(pl.col("weight").sum().alias("points"))
    )


def _flagged_cut(points: pl.Series, lines: int) -> float:
    """The lowest points among the top :data:`FLAGGED_SHARE` of ``lines`` lines (only
    lines with some points count)."""
    positive = points.filter(points > 0).sort(descending=True)
    if positive.is_empty():
        return float("inf")
    top = max(1, int(FLAGGED_SHARE * lines))
    return float(positive[min(top, positive.len()) - 1])


def _usual_code(marked: pl.DataFrame, signals: pl.DataFrame) -> pl.DataFrame:
    """Per lane, the reason code its flagged lines raise most often (ties by name)."""
    return (
        marked.filter(pl.col("_flagged"))
        .join(signals.select("_idx", "code"), on="_idx")
        .group_by("exporter_id", "hs_code", "code")
        .agg(pl.len().alias("_n"))
        .sort(["exporter_id", "hs_code", "_n", "code"], descending=[False, False, True, False])
        .unique(["exporter_id", "hs_code"], keep="first", maintain_order=True)
        .select("exporter_id", "hs_code", pl.col("code").alias("lane_code"))
    )
