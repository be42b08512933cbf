"""Calibration: turn the model's raw scores into probabilities that mean what they say.

A boosted model ranks well but its scores are not probabilities (more so with weighted
training). Calibration is fitted on out-of-fold scores only, so it corrects the model as
it behaves on lines it has not seen. Isotonic regression needs many labels; with few, a
two-parameter logistic (Platt) fit is steadier.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

from orewatch.screening.learned.propensity import population_probability

#: Isotonic calibration only with at least this many labelled lines and positives.
ISOTONIC_MIN_LABELS = 1000
ISOTONIC_MIN_POSITIVES = 50
#: Scale of the tie-break inside isotonic plateaus: orders lines, changes no shown digit.
PLATEAU_TIE_BREAK = 1e-6


def _sigmoid(raw: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(raw, -30.0, 30.0))), dtype=np.float64)


@dataclass(frozen=True)
class Calibrator:
    """A fitted map from raw scores to probabilities.

    ``odds_scale``: the share of the population's negatives the labels sampled (1: all
    of them); the fitted odds times it are the population's (see :mod:`.finds`).
    """

    method: str
    isotonic: IsotonicRegression | None = None
    platt: LogisticRegression | None = None
    odds_scale: float = 1.0

    def __call__(self, raw: np.ndarray) -> np.ndarray:
        if raw.size == 0:  # every line labelled: none left to score (scikit-learn refuses)
            return np.empty(0, dtype=np.float64)
        p = self._fitted(raw)
        return p if self.odds_scale == 1.0 else population_probability(p, self.odds_scale)

    def scaled(self, odds_scale: float) -> Calibrator:
        """This calibrator for labels whose negatives are ``odds_scale`` of the population's."""
        return replace(self, odds_scale=odds_scale)

    def _fitted(self, raw: np.ndarray) -> np.ndarray:
        if self.isotonic is not None:
            stepped = np.asarray(self.isotonic.predict(raw), dtype=np.float64)
            # A plateau of the isotonic fit says the labels cannot tell its lines apart,
            # not that the model cannot: a tie-break far below any shown digit keeps the
            # model's own order inside it (most lines share the lowest plateau).
            return np.clip(stepped + PLATEAU_TIE_BREAK * _sigmoid(raw), 0.0, 1.0)
        if self.platt is not None:
            return np.asarray(self.platt.predict_proba(raw.reshape(-1, 1))[:, 1], dtype=np.float64)
        raise ValueError("calibrator was not fitted")


def fit_calibrator(
    raw: np.ndarray, label: np.ndarray, weight: np.ndarray | None = None
) -> Calibrator:
    """Isotonic when labels are plentiful, Platt otherwise."""
    positives = int(label.sum())
    if len(label) >= ISOTONIC_MIN_LABELS and positives >= ISOTONIC_MIN_POSITIVES:
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
        iso.fit(raw, label, sample_weight=weight)
        return Calibrator("isotonic", isotonic=iso)
    platt = LogisticRegression(C=1e6)
    platt.fit(raw.reshape(-1, 1), label, sample_weight=weight)
    return Calibrator("platt", platt=platt)


def brier(probability: np.ndarray, label: np.ndarray) -> float:
    """Mean squared error of probabilities (lower is better)."""
    return float(np.mean((probability - label) ** 2))
