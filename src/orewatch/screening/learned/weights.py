"""Rule weights the dataset's inspections teach: what each reason code has been worth.

A rule's fixed points say how suspicious its authors thought it was. A dataset's own
inspection history says how often lines raising it turned out fraudulent. Points are read
on one scale: ``POINTS_PER_DOUBLING`` points double the odds of a find against the
inspected lines' overall odds. A code's fixed weight is its prior on that scale, worth
``smoothing`` pseudo-inspections; its inspected lines move it from there (an m-estimate,
as in the risk profiles). A rule that mostly fires on honest lines therefore loses
points, a rule whose lines are usually found fraudulent gains them, and a rule never
inspected keeps its fixed weight. Weights are never negative: a rule only adds suspicion.
"""

from __future__ import annotations

import math
from dataclasses import replace

import polars as pl

from orewatch.screening.reasons import ReasonTable

#: Points that double the odds of fraud (the scale of the fixed weights in the YAML).
POINTS_PER_DOUBLING = 10.0
#: Pseudo-inspections behind a code's fixed weight.
SMOOTHING = 20.0
#: Fewer labelled lines than this, or no fraud among them: the fixed weights stand.
MIN_LABELS = 200


def _odds(p: float) -> float:
    return p / (1.0 - p)


def code_hit_rates(signals: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    """``code, inspected, found``: labelled lines raising each code and how many were fraud."""
    return (
        signals.select("_idx", "code")
        .unique()
        .join(
            labels.select(pl.col("_idx").cast(signals.schema["_idx"]), "label"),
            on="_idx",
        )
        .group_by("code")
        .agg(pl.len().alias("inspected"), pl.col("label").cast(pl.Float64).sum().alias("found"))
    )


def taught_weight(fixed: float, inspected: float, found: float, base: float) -> float:
    """A code's weight from its fixed prior and its inspections (see the module docstring)."""
    base_odds = _odds(base)
    prior_odds = base_odds * 2.0 ** (fixed / POINTS_PER_DOUBLING)
    prior_rate = prior_odds / (1.0 + prior_odds)
    rate = (found + SMOOTHING * prior_rate) / (inspected + SMOOTHING)
    rate = min(max(rate, 1e-6), 1.0 - 1e-6)
    return max(0.0, POINTS_PER_DOUBLING * math.log2(_odds(rate) / base_odds))


def taught_reasons(
    reasons: ReasonTable, signals: pl.DataFrame, labels: pl.DataFrame | None
) -> ReasonTable:
    """``reasons`` with each weighted code's points taught by the labelled lines.

    ``labels``: ``_idx, label`` of inspected lines (see ``labels_from_inspections``). Codes
    with no fixed weight (the model's own) are left alone.
    """
    if labels is None or labels.height < MIN_LABELS:
        return reasons
    base = float(labels["label"].cast(pl.Float64).mean())  # type: ignore[arg-type]
    if not 0.0 < base < 1.0:
        return reasons
    rates = {
        row["code"]: (float(row["inspected"]), float(row["found"]))
        for row in code_hit_rates(signals, labels).iter_rows(named=True)
    }
    taught = {
        code: (
            replace(reason, weight=round(taught_weight(reason.weight, *rates[code], base), 2))
            if reason.weight > 0 and code in rates
            else reason
        )
        for code, reason in reasons.reasons.items()
    }
    return ReasonTable(taught)
