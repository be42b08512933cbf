"""Inverse-propensity weights are bounded, whatever the propensities."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from orewatch.screening.learned.propensity import (
    case_control_sample,
    inspection_propensity,
    inverse_weights,
    population_probability,
)


@given(
    p=arrays(np.float64, st.integers(1, 200), elements=st.floats(0.0, 1.0)),
    cap=st.floats(1.0, 50.0),
)
def test_weights_bounded(p: np.ndarray, cap: float) -> None:
    w = inverse_weights(p, cap)
    assert np.all(np.isfinite(w))
    assert w.max() / w.min() <= cap * (1 + 1e-9)
    assert w.mean() == pytest.approx(1.0)


def test_rarely_inspected_kind_weighs_more() -> None:
    w = inverse_weights(np.array([0.9, 0.5, 0.02]), 10.0)
    assert w[0] < w[1] < w[2]
    assert w[2] / w[0] == pytest.approx(9.0)


def test_cap_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="max_weight"):
        inverse_weights(np.array([0.5]), 0.5)


def test_propensity_follows_the_inspectors_choice() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2))
    inspected = (rng.random(4000) < np.where(x[:, 0] > 0, 0.6, 0.05)).astype(np.float64)
    p = inspection_propensity(x, inspected, [], seed=0, threads=1)
    assert p[x[:, 0] > 0.5].mean() > 0.4
    assert p[x[:, 0] < -0.5].mean() < 0.15


def test_sampling_the_uninspected_keeps_the_population_rate() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200_000, 2))
    inspected = (rng.random(200_000) < np.where(x[:, 0] > 0, 0.10, 0.01)).astype(np.float64)
    sample, rate = case_control_sample(inspected, seed=0)
    assert rate < 0.5  # the model learns from a sample of the uninspected
    assert inspected[sample].sum() == inspected.sum()
    p = inspection_propensity(x[sample], inspected[sample], [], seed=0, threads=1, rate=rate)
    kept = x[sample]
    assert p[kept[:, 0] > 0.5].mean() == pytest.approx(0.10, abs=0.02)
    assert p[kept[:, 0] < -0.5].mean() == pytest.approx(0.01, abs=0.005)


def test_population_probability_undoes_the_sampling() -> None:
    assert population_probability(np.array([0.5]), 0.1)[0] == pytest.approx(1 / 11)
    assert population_probability(np.array([0.3]), 1.0)[0] == pytest.approx(0.3)
