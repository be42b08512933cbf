"""Calibration on out-of-fold scores makes probabilities honest."""

import numpy as np

from orewatch.screening.learned.calibration import brier, fit_calibrator


def miscalibrated(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Scores that rank well but claim far more than they deliver."""
    rng = np.random.default_rng(seed)
    truth = rng.beta(1, 8, n)
    label = (rng.random(n) < truth).astype(np.float64)
    raw = 3.0 * np.log(truth / (1 - truth)) + 6.0
    return raw, label


def as_probability(raw: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-raw))


def test_isotonic_improves_brier_on_new_data() -> None:
    raw, label = miscalibrated(6000, 0)
    fitted = fit_calibrator(raw[:3000], label[:3000])
    assert fitted.method == "isotonic"
    assert brier(fitted(raw[3000:]), label[3000:]) < 0.8 * brier(
        as_probability(raw[3000:]), label[3000:]
    )


def test_few_labels_use_platt() -> None:
    raw, label = miscalibrated(400, 1)
    fitted = fit_calibrator(raw[:200], label[:200])
    assert fitted.method == "platt"
    assert brier(fitted(raw[200:]), label[200:]) < brier(as_probability(raw[200:]), label[200:])


def test_isotonic_plateaus_keep_the_model_order() -> None:
    raw, label = miscalibrated(6000, 2)
    fitted = fit_calibrator(raw[:3000], label[:3000])
    stepped = fitted.isotonic.predict(raw[3000:]) if fitted.isotonic is not None else None
    assert stepped is not None
    # The isotonic fit alone ties many lines on its plateaus ...
    assert np.unique(stepped).size < 0.2 * stepped.size
    p = fitted(raw[3000:])
    # ... the calibrated probability keeps the raw order inside them, invisibly.
    order = np.argsort(raw[3000:])
    assert np.all(np.diff(p[order]) > 0)
    assert np.max(np.abs(p - stepped)) <= 1e-6
