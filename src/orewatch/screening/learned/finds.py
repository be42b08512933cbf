"""Finds only: learning from a history of seizures without the checks that found nothing.

Many authorities keep only what inspections found (seizure records); the checks that
found nothing leave no trace. Such a history cannot say how often an inspected line is
fraudulent, but it still says what a find looks like against the lines at large:
positive-unlabelled learning, read as a case-control study. The finds are the cases; a
random sample of every other line are the controls, counted as "not found". A few of
those controls are frauds nobody caught, but a random line is fraudulent only as often
as fraud is common (a few in a hundred), so they blur the contrast a little and do not
reverse it. What is learned is P(a line is a find | its features): fraud and the
inspectors' choice of lines together, as any history of finds teaches.

The taught weights learn from these labels (:func:`teaching_labels`: a code's points
are its finds' odds against lines at large); the model does only with
``LearnedConfig.from_finds``, off because beside those weights it moved recall at 5 %
by -0.003 on average over twelve worlds (BENCHMARKS.md, "A history of finds alone").

Controls are drawn ``CONTROLS_PER_FIND`` per find: a case-control study's efficiency
against using every line is ``c / (c + 1)`` for ``c`` controls per case (91 % at ten),
so more controls cost training time for little. At least ``min_labels`` controls are
drawn (the smallest history the two-outcome model learns from) so that a short history
still shows the model what ordinary lines look like. Because the controls are a known
share of the lines, the model's odds, scaled by that share, are the population's
(:func:`~orewatch.screening.learned.propensity.population_probability`).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from orewatch.screening.learned.config import LearnedConfig

#: Controls drawn per find (see the module docstring).
CONTROLS_PER_FIND = 10


def finds_only(labels: pl.DataFrame, min_outcomes: int) -> bool:
    """Whether ``labels`` hold enough finds but too few clear outcomes to weigh them by:
    the two-outcome model would not train, and the finds can be read against the lines."""
    found = int(labels["label"].cast(pl.Int64).sum())
    return found >= min_outcomes and labels.height - found < min_outcomes


def control_count(finds: int, others: int, min_controls: int) -> int:
    """How many of the ``others`` lines (not found) are drawn as controls."""
    return min(others, max(min_controls, CONTROLS_PER_FIND * finds))


def with_controls(
    idx: pl.Series, labels: pl.DataFrame, min_controls: int, seed: int
) -> tuple[pl.DataFrame, float]:
    """``_idx, label``: every find (1) and a random sample of the other lines (0), and
    the share of those lines the sample holds.

    ``idx``: every line's ``_idx``. A line inspected clear is drawn like any other line
    not found (its outcome is one of too few to weigh), so the controls stay a random
    sample of the lines at large.
    """
    finds = labels.filter(pl.col("label").cast(pl.Int64) > 0).select(pl.col("_idx").cast(idx.dtype))
    others = idx.filter(~idx.is_in(finds["_idx"].implode())).sort()
    n = control_count(finds.height, others.len(), min_controls)
    chosen = np.random.default_rng(seed).choice(others.len(), size=n, replace=False)
    controls = others.gather(np.sort(chosen))
    sampled = pl.concat(
        [
            finds.with_columns(pl.lit(1, pl.Int8).alias("label")),
            pl.DataFrame({"_idx": controls}).with_columns(pl.lit(0, pl.Int8).alias("label")),
        ]
    ).sort("_idx")
    return sampled, n / others.len() if others.len() else 1.0


def teaching_labels(idx: pl.Series, labels: pl.DataFrame, config: LearnedConfig) -> pl.DataFrame:
    """What the taught weights learn from: ``labels``, or when they hold finds alone
    (:func:`finds_only`), the finds and the lines drawn against them, as
    :func:`~orewatch.screening.learned.model.learn_and_score` draws them (so a model
    learned from finds and the weights read the same lines)."""
    if not finds_only(labels, config.min_positives):
        return labels
    return with_controls(idx, labels, config.min_labels, config.seed)[0]
