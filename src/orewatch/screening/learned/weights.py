"""Rule weights the dataset's inspections teach: what each reason code has been worth.

A rule's fixed points say how suspicious its authors thought it was. A dataset's own
inspection history says how often lines raising it turned out fraudulent. Points are read
on one scale: ``POINTS_PER_DOUBLING`` points double the odds of a find against the
inspected lines' overall odds. A code's fixed weight is its prior on that scale, worth
``smoothing`` pseudo-inspections; its inspected lines move it from there (an m-estimate,
as in the risk profiles). A rule that mostly fires on honest lines therefore loses
points, a rule whose lines are usually found fraudulent gains them, and a rule never
inspected keeps its fixed weight. Weights are never negative: a rule only adds suspicion.
A check that read only the papers and found nothing does not count for a code that
suspects the goods themselves (``Reason.seen_by``: goods): it could not have seen them;
and no check at the border teaches a code that suspects where the goods go after they
leave (``seen_by: none``): it keeps its fixed weight.

Whether a code is a reason at all is judged on another reference: a line checked at
random (:func:`reference_rate`). Inspectors mostly check lines that raised something, so
the inspected lines are found fraudulent far more often than lines in general; against
their rate, a code whose lines are found many times as often as ordinary lines, but less
often than the licence rules' lines that fill the inspection lists, is worth no points.
For ranking that is right (on our worlds' default, rare-fraud and few-inspection variants
it ranks better than the lower reference), but such a code still tells an analyst
something, so it is shown as a reason; only a code no better than a check at random is
merely noted (:func:`noted_below`).
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
#: Worth under which what a line raised is only noted, not a reason: odds of a find
#: under 1.23 times a line checked at random (see :func:`noted_below`).
NOTED_BELOW = 3.0


def _odds(p: float) -> float:
    return p / (1.0 - p)


def telling_labels(signals: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    """``_idx, label, saw_goods`` of the labelled lines, keyed like ``signals``.

    ``saw_goods`` (see ``labels_from_inspections``) is true where labels lack it: finds
    drawn against random lines, or a history that names no methods.
    """
    seen = pl.col("saw_goods") if "saw_goods" in labels.columns else pl.lit(True)
    return labels.select(
        pl.col("_idx").cast(signals.schema["_idx"]), "label", seen.alias("saw_goods")
    )


def cleared_unseen(goods_codes: frozenset[str], code: pl.Expr) -> pl.Expr:
    """An inspection that says nothing of ``code``'s suspicion: it found nothing, it saw only
    the papers, and the suspicion is about the goods (``Reason.seen_by``). A find
    stands whatever the method: the check found something (a share of one, where a
    whole declaration's find is shared among its lines)."""
    return (
        code.is_in(list(goods_codes))
        & (pl.col("label").cast(pl.Float64) == 0)
        & ~pl.col("saw_goods")
    )


def code_hit_rates(
    signals: pl.DataFrame, labels: pl.DataFrame, goods_codes: frozenset[str] = frozenset()
) -> pl.DataFrame:
    """``code, inspected, found``: labelled lines raising each code and how many were fraud.

    A check of the papers that found nothing does not count for a ``goods_codes`` code
    (:func:`cleared_unseen`): a document check clears a licence, not a container.
    """
    return (
        signals.select("_idx", "code")
        .unique()
        .join(telling_labels(signals, labels), on="_idx")
        .filter(~cleared_unseen(goods_codes, pl.col("code")))
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


def reference_rate(
    signals: pl.DataFrame, labels: pl.DataFrame | None, lines: int | None
) -> float | None:
    """The share of lines a check at random would find fraudulent, on the finds' scale.

    The inspected lines' own rate overstates it, as most checks went to lines that
    raised something. Lines that raised a code and lines that raised none are two
    strata: each stratum's inspected rate (shrunk toward the inspected lines' rate by
    ``SMOOTHING`` pseudo-inspections) counts by its share of the dataset's ``lines``.
    Without ``lines``, the inspected lines' rate. None when :func:`base_rate` is.
    """
    base = base_rate(labels)
    if base is None or labels is None or not lines:
        return base
    coded = signals.select(pl.col("_idx").cast(pl.UInt32)).unique()
    strata = (
        labels.select(pl.col("_idx").cast(pl.UInt32), pl.col("label").cast(pl.Float64))
        .with_columns(pl.col("_idx").is_in(coded["_idx"].implode()).alias("coded"))
        .group_by("coded")
        .agg(pl.len().alias("inspected"), pl.col("label").sum().alias("found"))
    )
    counts = {row[0]: (row[1], row[2]) for row in strata.iter_rows()}
    share_coded = min(coded.height / lines, 1.0)
    rate = 0.0
    for is_coded, share in ((True, share_coded), (False, 1.0 - share_coded)):
        inspected, found = counts.get(is_coded, (0, 0.0))
        rate += share * (found + SMOOTHING * base) / (inspected + SMOOTHING)
    return min(max(rate, 1e-6), 1.0 - 1e-6)


def base_rate(labels: pl.DataFrame | None) -> float | None:
    """The inspected lines' share found fraudulent, when there are enough to teach from
    and both outcomes occur (else nothing can be weighed against it)."""
    if labels is None or labels.height < MIN_LABELS:
        return None
    base = float(labels["label"].cast(pl.Float64).mean())  # type: ignore[arg-type]
    return base if 0.0 < base < 1.0 else None


def noted_below(labels: pl.DataFrame | None) -> float:
    """The points under which a code, or a line's whole set of codes, is context.

    A code whose points against a line checked at random (its *worth*:
    :func:`taught_reasons` with the :func:`reference_rate`) fall under ``NOTED_BELOW``
    has been found, on this dataset's own inspections, hardly more often than such a
    line, and the m-estimate's prior (worth ``SMOOTHING`` inspections at the code's
    fixed weight) keeps a code with few inspections from falling there. Such a code is
    shown as "also noted" beside a line's reasons, and a line whose codes together are
    worth less (its set's worth, ``set_worth``) raises no reason: it is not checked on
    risk. Without
    enough labels nothing was taught, and the floor is 0 (everything is a reason).
    """
    return NOTED_BELOW if base_rate(labels) is not None else 0.0


def taught_reasons(
    reasons: ReasonTable,
    signals: pl.DataFrame,
    labels: pl.DataFrame | None,
    base: float | None = None,
) -> ReasonTable:
    """``reasons`` with each weighted code's points taught by the labelled lines.

    ``labels``: ``_idx, label`` of inspected lines (see ``labels_from_inspections``);
    ``base``: the rate points are read against (default: the inspected lines', see
    :func:`reference_rate` for the other). Codes with no fixed weight (the model's own)
    are left alone.
    """
    inspected_rate = base_rate(labels)
    if labels is None or inspected_rate is None:
        return reasons
    base = inspected_rate if base is None else base
    rates = {
        row["code"]: (float(row["inspected"]), float(row["found"]))
        for row in code_hit_rates(signals, labels, reasons.seen_by("goods")).iter_rows(named=True)
    }
    taught = {
        code: (
            replace(reason, weight=round(taught_weight(reason.weight, *rates[code], base), 2))
            if reason.weight > 0 and code in rates and reason.seen_by != "none"
            else reason
        )
        for code, reason in reasons.reasons.items()
    }
    return ReasonTable(taught)


def reason_set(code: pl.Expr) -> pl.Expr:
    """The key of a line's set of codes (aggregation over its signals' ``code``)."""
    return code.unique().sort().str.join(";")


def taught_sets(
    reasons: ReasonTable,
    signals: pl.DataFrame,
    labels: pl.DataFrame | None,
    base: float | None = None,
) -> pl.DataFrame | None:
    """``reason_set, set_points``: what each inspected combination of codes is worth.

    Points add up, but evidence does not always: a consignee collecting several
    controlled elements, or a risky route, may say little alone and much together
    (a collector on a diversion route), and a code's lines can be found fraudulent
    mostly because of the other codes they raise. Each set of codes that inspections
    met is read as one profile: the sum of its codes' (taught) weights is its prior,
    worth ``smoothing`` inspections, and its inspected lines move it, on the same
    scale (``base`` as in :func:`taught_reasons`). Sets never inspected keep the sum.
    None below ``MIN_LABELS`` labels.
    """
    inspected_rate = base_rate(labels)
    if labels is None or inspected_rate is None:
        return None
    base = inspected_rate if base is None else base
    weights = reasons.frame().select("code", "weight")
    per_line = (
        signals.select("_idx", "code")
        .unique()
        .join(weights, on="code", how="left")
        .join(telling_labels(signals, labels), on="_idx")
        .group_by("_idx")
        .agg(
            reason_set(pl.col("code")).alias("reason_set"),
            pl.col("weight").sum(),
            pl.col("label").first(),
            # A set holding a suspicion about the goods is not cleared by the papers,
            # and one holding a suspicion no border check sees is not taught at all.
            (
                cleared_unseen(reasons.seen_by("goods"), pl.col("code"))
                | pl.col("code").is_in(list(reasons.seen_by("none")))
            )
            .any()
            .alias("_unseen"),
        )
        .filter(~pl.col("_unseen"))
    )
    sets = per_line.group_by("reason_set").agg(
        pl.col("weight").first().alias("prior"),
        pl.len().alias("inspected"),
        pl.col("label").cast(pl.Float64).sum().alias("found"),
    )
    points = [
        round(taught_weight(prior, inspected, found, base), 2)
        for prior, inspected, found in sets.select("prior", "inspected", "found").iter_rows()
    ]
    return sets.select("reason_set", pl.Series("set_points", points, dtype=pl.Float64))


def set_points_and_worth(
    points: pl.DataFrame | None, worth: pl.DataFrame | None
) -> pl.DataFrame | None:
    """``reason_set, set_points, set_worth``: what each inspected set scores and what it
    is worth as a reason (:func:`taught_sets` on the two references)."""
    if points is None or worth is None:  # both come from the same labels: None together
        return points
    return points.join(
        worth.select("reason_set", pl.col("set_points").alias("set_worth")),
        on="reason_set",
        how="left",
    )
