"""The learned risk model: what past inspections of this dataset teach about fraud.

Owns: risk profiles (out-of-fold smoothed hit rates), the LightGBM model with its folds,
early stopping, calibration and selection-bias weights, per-line explanations, and the
adapter for the public KCS customs fraud benchmark. It runs beside the rules and never
replaces their reason codes; it must not touch detectors or reason tables.
"""

from orewatch.screening.learned.config import (
    MODEL_SHOWN_FROM_P,
    Key,
    LearnedConfig,
    default_config,
)
from orewatch.screening.learned.features import (
    credit_whole_finds,
    labels_from_inspections,
    screening_frame,
    share_whole_finds,
)
from orewatch.screening.learned.model import LearnedScores, learn_and_score

__all__ = [
    "MODEL_SHOWN_FROM_P",
    "Key",
    "LearnedConfig",
    "LearnedScores",
    "credit_whole_finds",
    "default_config",
    "labels_from_inspections",
    "learn_and_score",
    "screening_frame",
    "share_whole_finds",
]
