"""The learned model on a small synthetic problem with a planted signal."""

import os

import numpy as np
import polars as pl
import pytest
from sklearn.metrics import roc_auc_score

from orewatch.screening.learned import LearnedConfig, LearnedScores, learn_and_score
from orewatch.screening.learned.config import usable_cores

LINES = 3000


def planted(seed: int = 0) -> tuple[pl.DataFrame, pl.DataFrame, np.ndarray, np.ndarray]:
    """Rogue exporters and a low unit value raise fraud; inspectors favour parcels."""
    rng = np.random.default_rng(seed)
    exporter = rng.integers(0, 60, LINES)
    rogue = rng.random(60) < 0.15
    z = rng.normal(size=LINES)
    parcel = rng.random(LINES) < 0.3
    p = 1 / (1 + np.exp(-(-2.8 + 2.8 * rogue[exporter] - 1.2 * z)))
    fraud = (rng.random(LINES) < p).astype(int)
    inspected = rng.random(LINES) < np.where(parcel, 0.7, 0.3)
    idx = np.arange(LINES, dtype=np.uint32)
    lines = pl.DataFrame(
        {
            "_idx": idx,
            "declaration_id": [f"D{i // 2}" for i in range(LINES)],
            "exporter_id": [f"E{e}" for e in exporter],
            "unit_value_z": z,
            "is_parcel": parcel,
            "mode": np.where(parcel, "post", "sea"),
            "sig_NOISE": (rng.random(LINES) < 0.1).astype(np.int8),
        }
    )
    labels = pl.DataFrame({"_idx": idx[inspected], "label": fraud[inspected]}).with_columns(
        pl.lit(None, pl.Date).alias("inspected_at")
    )
    return lines, labels, fraud, inspected


CONFIG = LearnedConfig(
    keys=("exporter_id", ("exporter_id", "mode"), "not_a_column"),
    numeric=("unit_value_z", "is_parcel", "absent"),
    categorical=("mode",),
    prefixes=("sig_",),
    group="declaration_id",
    max_rounds=300,
    early_stopping=30,
    learning_rate=0.1,
)


@pytest.fixture(scope="module")
def learned() -> tuple[LearnedScores, np.ndarray, np.ndarray]:
    lines, labels, fraud, inspected = planted()
    return learn_and_score(lines, labels, CONFIG), fraud, inspected


def test_beats_random_on_lines_never_inspected(
    learned: tuple[LearnedScores, np.ndarray, np.ndarray],
) -> None:
    result, fraud, inspected = learned
    assert result.trained
    p = result.scores["p_fraud"].to_numpy()
    assert roc_auc_score(fraud[~inspected], p[~inspected]) > 0.75
    assert result.metrics["oof_auc"] > 0.75  # type: ignore[operator]


def test_every_line_scored_once_with_reasons(
    learned: tuple[LearnedScores, np.ndarray, np.ndarray],
) -> None:
    result, _, _ = learned
    scores = result.scores
    assert scores.columns == ["_idx", "p_fraud", "model_explanation"]
    assert scores["_idx"].to_list() == list(range(LINES))
    assert scores["p_fraud"].is_between(0, 1).all()
    risky = scores.sort("p_fraud", descending=True)["model_explanation"].head(20)
    assert risky.str.contains(r"exporter id (× mode )?hit rate [0-9.]+ \(\+[0-9.]+\)").any()


def test_selection_weights_used_and_bounded(
    learned: tuple[LearnedScores, np.ndarray, np.ndarray],
) -> None:
    result, _, _ = learned
    assert result.metrics["selection"] == "inverse propensity"
    ratio = float(result.metrics["weight_max"]) / float(result.metrics["weight_min"])
    assert ratio <= CONFIG.max_weight * 1.01


def test_too_few_labels_means_no_model_and_says_why() -> None:
    lines, labels, _, _ = planted()
    result = learn_and_score(lines, labels.head(50), CONFIG)
    assert not result.trained
    assert "50 labelled lines, fewer than 200" in result.note
    assert result.scores["p_fraud"].null_count() == LINES
    assert result.scores["model_explanation"][0].startswith("no learned model")


def test_too_few_positives_means_no_model() -> None:
    lines, labels, _, _ = planted()
    result = learn_and_score(lines, labels.with_columns(pl.lit(0).alias("label")), CONFIG)
    assert not result.trained
    assert "0 positive" in result.note


def test_workers_follow_the_cores_this_process_may_use() -> None:
    allowed = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {min(allowed)})
        assert usable_cores() == 1
        assert LearnedConfig().workers == 1
        assert LearnedConfig().predict_threads == 1
    finally:
        os.sched_setaffinity(0, allowed)
    assert usable_cores() == len(allowed)
