"""Inspection feedback for evaluation: what inspecting chosen lines would have found.

A screener's later learning depends on which lines it sent to inspection earlier. To
measure that loop on a generated world, the lines a run sends red are "inspected" against
the world's ground truth (``truth/lines.csv``) through the same find-probabilities the
simulator gives each inspection method (:data:`orewatch.world.inspections.DETECT`): a
check misses some fraud, as real ones do, and the missed lines are recorded as clear. The
rows come out in the contract's ``inspections`` columns, so they feed the next screening
exactly as an authority's own inspection history would.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import polars as pl

from orewatch.contract.schema import INSPECTIONS
from orewatch.world.inspections import DETECT, METHODS, WRONG_FINDING
from orewatch.world.truth import FINDING

KEYS = ["declaration_id", "line_no"]


def period_starts(declared_at: pl.Series, history_share: float, periods: int) -> list[datetime]:
    """Start of each later period and the end bound: ``periods + 1`` datetimes.

    The first ``history_share`` of lines (by declaration time) is the history; the rest
    is cut into ``periods`` parts of equal line counts. The last bound lies just past the
    newest line, so every period is ``start <= declared_at < next start``.
    """
    if not 0 < history_share < 1 or periods < 1:
        raise ValueError(f"history share {history_share} and {periods} periods do not fit")
    ordered = declared_at.drop_nulls().sort()
    n = ordered.len()
    cuts = [int(n * (history_share + (1 - history_share) * k / periods)) for k in range(periods)]
    bounds = [ordered[min(cut, n - 1)] for cut in cuts] + [
        ordered[n - 1] + timedelta(microseconds=1)
    ]
    if not all(isinstance(b, datetime) for b in bounds):
        raise TypeError(f"declared_at must hold datetimes, not {declared_at.dtype}")
    return bounds


def find_probabilities(method: str) -> pl.DataFrame:
    """``scheme, p_find, order``: the chance a check by ``method`` finds each scheme, and
    the order in which the simulator tries them (the first found names the result)."""
    column = METHODS.index(method)
    return pl.DataFrame(
        {
            "scheme": list(DETECT),
            "p_find": [DETECT[s][column] for s in DETECT],
            "finding": [FINDING[s] for s in DETECT],
            "order": list(range(len(DETECT))),
        }
    )


def draw(seed: int, *columns: str) -> pl.Expr:
    """A uniform draw in [0, 1) fixed by ``seed`` and the row's ``columns``.

    Common random numbers: a line inspected under two selection policies meets the same
    luck, so the policies' finds differ by whom they chose, not by the dice.
    """
    return pl.struct(*columns).hash(seed).cast(pl.Float64) / 2.0**64


def inspect_lines(
    picked: pl.DataFrame, truth: pl.DataFrame, method: str, seed: int
) -> pl.DataFrame:
    """Inspections of ``picked`` (``declaration_id, line_no, declared_at``) by ``method``.

    Each true scheme of a line is found with its probability; the first found in the
    simulator's order gives the result; a line where none was found is ``clear``, save a
    wrong finding now and then. The check happens 0-3 days after the declaration. The
    draws depend on ``seed`` and the line alone (see :func:`draw`).
    """
    lines = picked.select(
        pl.col("declaration_id").cast(pl.String),
        pl.col("line_no").cast(pl.Int64),
        pl.col("declared_at").cast(pl.Date).alias("_day"),
    ).unique(KEYS, maintain_order=True)
    schemes = truth.select(
        pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64), "scheme"
    ).join(lines.select(KEYS), on=KEYS, how="semi")
    found = (
        schemes.join(find_probabilities(method), on="scheme")
        .filter(draw(seed, *KEYS, "scheme") < pl.col("p_find"))
        .sort(*KEYS, "order")
        .group_by(KEYS)
        .agg(pl.col("finding").first())
    )
    wrong = draw(seed + 1, *KEYS) < WRONG_FINDING
    delay = (draw(seed + 2, *KEYS) * 4).floor().cast(pl.Int64)
    result = lines.join(found, on=KEYS, how="left", maintain_order="left").with_columns(
        pl.coalesce(
            "finding", pl.when(wrong).then(pl.lit("misdeclared")).otherwise(pl.lit("clear"))
        ).alias("result"),
        (pl.col("_day") + pl.duration(days=delay)).alias("inspected_at"),
        pl.lit(method).alias("method"),
    )
    return result.select(
        pl.col(name) if name in result.columns else pl.lit(None).alias(name)
        for name in INSPECTIONS.names
    )
