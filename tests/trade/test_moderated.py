import numpy as np
import pytest
from scipy import special

from orewatch.trade.moderated import squeeze, trigamma_inverse, variance_prior


@pytest.mark.parametrize("y", [0.3, 1.0, 4.0, 50.0])
def test_trigamma_inverse_inverts_trigamma(y: float) -> None:
    assert trigamma_inverse(float(special.polygamma(1, y))) == pytest.approx(y, rel=1e-6)


def test_the_prior_recovers_the_variance_the_samples_were_drawn_from() -> None:
    rng = np.random.default_rng(3)
    df = np.full(4000, 4.0)
    true = 2.0 * 6.0 / rng.chisquare(6.0, 4000)  # scaled inverse chi-square, s0^2=2, d0=6
    s2 = true * rng.chisquare(df) / df
    s0, d0 = variance_prior(s2, df)
    assert s0 == pytest.approx(2.0, rel=0.1)
    assert d0 == pytest.approx(6.0, rel=0.25)


def test_squeezing_pulls_short_series_towards_the_common_variance() -> None:
    rng = np.random.default_rng(4)
    df = np.full(500, 2.0)
    s2 = rng.chisquare(df) / df  # all from one variance: sampling explains the scatter
    post, post_df = squeeze(s2, df)
    assert np.ptp(post) < np.ptp(s2) / 5
    assert (post_df > df).all()


def test_too_few_variances_are_left_alone() -> None:
    s2, df = np.array([1.0, 4.0]), np.array([3.0, 3.0])
    post, post_df = squeeze(s2, df)
    assert (post == s2).all() and (post_df == df).all()
