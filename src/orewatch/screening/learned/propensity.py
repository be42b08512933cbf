"""Selection bias: past inspections were not a random sample of lines.

Inspectors chose lines that looked risky, so the inspected lines over-represent some
kinds of goods and routes. A model trained on them alone learns "what fraud looks like
among what we chose to inspect". Weighting each inspected line by the inverse of its
estimated chance of having been inspected (a propensity model over label-free features
of every line) lets the rare inspected lines of a rarely inspected kind speak for their
kind. Weights are clipped so that no single line dominates training.

Most lines were never inspected, so the propensity model learns from every inspected
line and a random sample of the others (case-control sampling), and its odds are scaled
back by the sampling rate: the same estimate at a fraction of the cost on a million lines.
"""

from __future__ import annotations

import lightgbm as lgb
import numpy as np

from orewatch.screening.learned.parallel import in_parallel

#: Two folds: each model learns from half the sample, and both train at once on two cores
#: (three folds gave the same propensity AUC on the 1M world for twice the work).
PROPENSITY_FOLDS = 2
#: Uninspected lines kept for training: this many per inspected line, at least MIN_CONTROLS.
CONTROLS_PER_CASE = 2
MIN_CONTROLS = 30_000


def propensity_params(seed: int, threads: int) -> dict[str, object]:
    """A deliberately coarse model: a propensity that overfits says every inspected line
    was certain to be inspected, which removes the correction it is there to make."""
    return {
        "objective": "binary",
        "learning_rate": 0.1,
        "num_leaves": 15,
        "min_child_samples": 200,
        "feature_fraction": 0.8,
        "lambda_l2": 10.0,
        "verbose": -1,
        "seed": seed,
        "num_threads": threads,
        "deterministic": True,
    }


def control_rate(inspected: np.ndarray) -> float:
    """Share of uninspected lines the propensity model learns from."""
    cases = int(inspected.sum())
    controls = len(inspected) - cases
    wanted = max(MIN_CONTROLS, CONTROLS_PER_CASE * cases)
    return 1.0 if controls <= wanted else wanted / controls


def case_control_sample(inspected: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    """Every inspected line and a random share of the others: (mask, that share)."""
    rate = control_rate(inspected)
    rng = np.random.default_rng(seed)
    return (inspected > 0) | (rng.random(len(inspected)) < rate), rate


def population_probability(sampled: np.ndarray, rate: float) -> np.ndarray:
    """Undo case-control sampling: the odds learned on the sample times the control rate."""
    odds = sampled / np.clip(1.0 - sampled, 1e-12, None) * rate
    result: np.ndarray = odds / (1.0 + odds)
    return result


def inspection_propensity(
    x: np.ndarray,
    inspected: np.ndarray,
    categorical: list[int],
    seed: int,
    threads: int,
    rate: float = 1.0,
    workers: int = 1,
) -> np.ndarray:
    """Out-of-fold P(inspected | features) for each line of a case-control sample.

    ``rate`` is the share of uninspected lines the sample kept (see
    :func:`case_control_sample`); the probabilities are those of the whole population.
    The features are binned once for the whole sample (binning reads no label) and each
    fold trains on its subset; ``workers`` folds train at once.
    """
    rng = np.random.default_rng(seed)
    fold = rng.integers(0, PROPENSITY_FOLDS, size=len(inspected))
    params = propensity_params(seed, threads)
    binned = lgb.Dataset(
        x, label=inspected, categorical_feature=categorical, params=params, free_raw_data=True
    ).construct()

    def held_out(k: int) -> np.ndarray:
        train = binned.subset(np.flatnonzero(fold != k).tolist())
        booster = lgb.train(params, train, num_boost_round=150)
        return np.asarray(booster.predict(x[fold == k], num_threads=threads), dtype=np.float64)

    out = np.empty(len(inspected), dtype=np.float64)
    for k, sampled in enumerate(in_parallel(held_out, range(PROPENSITY_FOLDS), workers)):
        out[fold == k] = population_probability(sampled, rate)
    return out


def inverse_weights(propensity: np.ndarray, max_weight: float) -> np.ndarray:
    """``1 / p`` clipped to ``[1, max_weight]``, scaled to mean 1.

    The ratio of the largest to the smallest weight never exceeds ``max_weight``.
    """
    if max_weight < 1:
        raise ValueError(f"max_weight must be at least 1, got {max_weight}")
    raw = 1.0 / np.clip(propensity, 1.0 / max_weight, 1.0)
    scaled: np.ndarray = raw / raw.mean() if len(raw) else raw
    return scaled
