"""A history of finds only: the model learns finds against a random sample of the lines."""

from dataclasses import replace

import numpy as np
import polars as pl
import pytest
from sklearn.metrics import roc_auc_score
from test_learned_model import CONFIG, LINES, planted

from orewatch.screening.learned import LearnedScores, learn_and_score
from orewatch.screening.learned.calibration import fit_calibrator
from orewatch.screening.learned.finds import (
    CONTROLS_PER_FIND,
    control_count,
    finds_only,
    teaching_labels,
    with_controls,
)
from orewatch.screening.learned.model import FINDS_SELECTION

FROM_FINDS = replace(CONFIG, from_finds=True)


@pytest.fixture(scope="module")
def from_finds() -> tuple[LearnedScores, pl.DataFrame, np.ndarray, np.ndarray]:
    lines, labels, fraud, inspected = planted()
    finds = labels.filter(pl.col("label") == 1)
    return learn_and_score(lines, finds, FROM_FINDS), finds, fraud, inspected


def test_finds_alone_train_a_model_that_ranks_fraud_above_other_lines(
    from_finds: tuple[LearnedScores, pl.DataFrame, np.ndarray, np.ndarray],
) -> None:
    result, finds, fraud, inspected = from_finds
    assert result.trained and result.from_finds
    assert f"{finds.height} finds against" in result.note
    assert result.metrics["selection"] == FINDS_SELECTION
    p = result.scores["p_fraud"].to_numpy()
    # Judged on lines nobody inspected: the model learned fraud, not the finds' own rows.
    assert roc_auc_score(fraud[~inspected], p[~inspected]) > 0.7


def test_finds_probabilities_are_the_populations(
    from_finds: tuple[LearnedScores, pl.DataFrame, np.ndarray, np.ndarray],
) -> None:
    """The controls are a known share of the lines: scaled back, the probabilities add up
    to about as many finds as the history holds, though the model saw a tenth as many
    lines against each find."""
    result, finds, _, _ = from_finds
    assert result.scores["p_fraud"].sum() == pytest.approx(finds.height, rel=0.1)


def test_the_labels_learned_from_hold_every_find_and_controls_not_found(
    from_finds: tuple[LearnedScores, pl.DataFrame, np.ndarray, np.ndarray],
) -> None:
    result, finds, _, _ = from_finds
    assert result.labels is not None
    found = result.labels.filter(pl.col("label") == 1)["_idx"].cast(pl.UInt32)
    assert found.sort().to_list() == finds["_idx"].cast(pl.UInt32).sort().to_list()
    controls = result.labels.height - finds.height
    assert controls == control_count(finds.height, LINES - finds.height, CONFIG.min_labels)


def test_the_weights_are_taught_by_the_same_lines_the_model_drew(
    from_finds: tuple[LearnedScores, pl.DataFrame, np.ndarray, np.ndarray],
) -> None:
    result, finds, _, _ = from_finds
    idx = pl.Series("_idx", range(LINES), dtype=pl.UInt32)
    assert result.labels is not None
    assert teaching_labels(idx, finds, FROM_FINDS).equals(result.labels)


def test_finds_alone_teach_no_model_unless_asked() -> None:
    """The default: the finds teach the weights, not the model (see ``from_finds``)."""
    lines, labels, _, _ = planted()
    result = learn_and_score(lines, labels.filter(pl.col("label") == 1), CONFIG)
    assert not result.trained and not result.from_finds
    assert "0 negative" in result.note


def test_a_two_outcome_history_is_learned_as_before() -> None:
    lines, labels, _, _ = planted()
    result = learn_and_score(lines, labels, FROM_FINDS)
    assert not result.from_finds
    assert result.metrics["selection"] == "inverse propensity"
    assert result.labels is not None and result.labels.equals(labels)
    assert result.predictor is not None
    assert result.predictor.calibrator.odds_scale == 1.0


def test_a_few_clear_outcomes_beside_many_finds_still_learn_from_finds() -> None:
    lines, labels, _, _ = planted()
    few_clear = pl.concat(
        [labels.filter(pl.col("label") == 1), labels.filter(pl.col("label") == 0).head(5)]
    )
    assert learn_and_score(lines, few_clear, FROM_FINDS).from_finds


def test_too_few_finds_teach_nothing() -> None:
    lines, labels, _, _ = planted()
    result = learn_and_score(lines, labels.filter(pl.col("label") == 1).head(10), FROM_FINDS)
    assert not result.trained and not result.from_finds


def test_finds_only_needs_enough_finds_and_too_few_clears() -> None:
    def labels(found: int, clear: int) -> pl.DataFrame:
        return pl.DataFrame({"_idx": range(found + clear), "label": [1] * found + [0] * clear})

    assert finds_only(labels(20, 0), 20)
    assert finds_only(labels(20, 19), 20)
    assert not finds_only(labels(20, 20), 20)  # both outcomes: the two-outcome model
    assert not finds_only(labels(19, 0), 20)
    assert not finds_only(labels(0, 0), 20)


def test_a_two_outcome_history_teaches_the_weights_itself() -> None:
    _, labels, _, _ = planted()
    idx = pl.Series("_idx", range(LINES), dtype=pl.UInt32)
    assert teaching_labels(idx, labels, FROM_FINDS) is labels


def test_controls_are_a_seeded_random_sample_of_lines_not_found() -> None:
    idx = pl.Series("_idx", range(10_000), dtype=pl.UInt32)
    finds = pl.DataFrame({"_idx": [3, 50, 700], "label": [1, 1, 1]})
    sampled, share = with_controls(idx, finds, 200, seed=0)
    controls = sampled.filter(pl.col("label") == 0)["_idx"]
    assert controls.len() == 200  # the floor: ten per find would be 30
    assert not controls.is_in([3, 50, 700]).any()
    assert share == pytest.approx(200 / 9_997)
    assert sampled.equals(with_controls(idx, finds, 200, seed=0)[0])
    assert not sampled.equals(with_controls(idx, finds, 200, seed=1)[0])


def test_control_count_is_ten_per_find_within_the_floor_and_the_lines() -> None:
    assert control_count(100, 50_000, 200) == CONTROLS_PER_FIND * 100
    assert control_count(5, 50_000, 200) == 200
    assert control_count(100, 600, 200) == 600


def test_a_scaled_calibrator_multiplies_the_odds() -> None:
    rng = np.random.default_rng(0)
    raw = rng.normal(size=400)
    label = (rng.random(400) < 1 / (1 + np.exp(-raw))).astype(int)
    calibrator = fit_calibrator(raw, label)
    p, q = calibrator(raw), calibrator.scaled(0.1)(raw)
    assert np.allclose(q / (1 - q), 0.1 * p / (1 - p))
