"""Figures at an inspection rate."""

import numpy as np
import pytest

from orewatch.screening.learned.evaluate import at_rates


def test_top_share_precision_recall_and_value() -> None:
    score = np.arange(100, dtype=np.float64)[::-1]  # line 0 ranks first
    label = np.zeros(100)
    label[[0, 1, 50]] = 1
    value = np.ones(100)
    value[50] = 8.0
    out = at_rates(score, label, value, rates=(0.01, 0.02, 0.10))
    assert out["precision@1%"] == 1.0
    assert out["recall@2%"] == pytest.approx(0.6667, abs=1e-4)
    assert out["value_captured@2%"] == 0.2
    assert out["precision@10%"] == 0.2


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="3 scores but 2 labels"):
        at_rates(np.zeros(3), np.zeros(2))
