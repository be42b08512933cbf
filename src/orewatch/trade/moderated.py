"""Moderated variances: borrow strength across many short series (empirical Bayes).

A country's series of one heading often has only a few periods before the control, so
its own residual variance is a poor estimate and a two-sample t-test on it has little
power (and is thrown about by a lucky flat stretch). With hundreds of such series
tested at once, their variances share a distribution; as in limma (Smyth 2004, "Linear
models and empirical Bayes methods for assessing differential expression"), a scaled
inverse-chi-square prior ``s0^2, d0`` is fitted to all sample variances by moments of
their logs, and each variance is replaced by the posterior
``(d0 s0^2 + d s^2) / (d0 + d)`` with ``d0 + d`` degrees of freedom.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import special

Floats = npt.NDArray[np.float64]


def trigamma_inverse(x: float) -> float:
    """y with trigamma(y) = x, by Newton's method (Smyth's starting point)."""
    if x > 1e7:
        return float(1.0 / np.sqrt(x))
    if x < 1e-6:
        return 1.0 / x
    y = 0.5 + 1.0 / x
    for _ in range(50):
        tri = float(special.polygamma(1, y))
        step = tri * (1.0 - tri / x) / float(special.polygamma(2, y))
        y += step
        if -step / y < 1e-8:
            break
    return y


def variance_prior(s2: Floats, df: Floats) -> tuple[float, float]:
    """Prior (s0^2, d0) fitted to sample variances ``s2`` on ``df`` degrees of freedom.

    d0 is infinite when the variances scatter no more than sampling alone explains
    (then every series gets s0^2).
    """
    ok = (s2 > 0) & (df > 0)
    if ok.sum() < 3:
        return float("nan"), 0.0
    s2, df = s2[ok], df[ok]
    e = np.log(s2) - special.digamma(df / 2) + np.log(df / 2)
    mean = float(e.mean())
    excess = float(e.var(ddof=1) - special.polygamma(1, df / 2).mean())
    if excess <= 0:
        return float(np.exp(mean)), float("inf")
    d0 = 2.0 * trigamma_inverse(excess)
    return float(np.exp(mean + special.digamma(d0 / 2) - np.log(d0 / 2))), d0


def squeeze(s2: Floats, df: Floats) -> tuple[Floats, Floats]:
    """Posterior variances and their degrees of freedom (``df + d0``)."""
    s0, d0 = variance_prior(s2, df)
    if not np.isfinite(s0) or d0 == 0:
        return s2, df
    if np.isinf(d0):
        return np.full_like(s2, s0), np.full_like(df, 1e6)
    return (d0 * s0 + df * s2) / (d0 + df), df + d0
