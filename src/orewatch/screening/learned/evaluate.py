"""Ranking quality at an inspection rate: what inspecting the top n% would have found."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

RATES = (0.01, 0.02, 0.05, 0.10)


def at_rates(
    score: np.ndarray,
    label: np.ndarray,
    value: np.ndarray | None = None,
    rates: tuple[float, ...] = RATES,
) -> dict[str, float]:
    """Precision, recall and (when ``value`` is given) fraud value captured in the top n%.

    Ties are broken by position, after a stable sort on the score, so the figure does
    not depend on luck. ``value`` is the value of each line; captured is the share of the
    value of all fraudulent lines that the top n% holds.
    """
    if len(score) != len(label):
        raise ValueError(f"{len(score)} scores but {len(label)} labels")
    order = np.argsort(-score, kind="stable")
    hits = label[order]
    positives = max(float(label.sum()), 1.0)
    fraud_value = None if value is None else np.where(label > 0, value, 0.0)[order]
    out: dict[str, float] = {}
    for rate in rates:
        top = max(1, round(rate * len(score)))
        name = f"{round(rate * 100)}%"
        out[f"precision@{name}"] = round(float(hits[:top].mean()), 4)
        out[f"recall@{name}"] = round(float(hits[:top].sum() / positives), 4)
        if fraud_value is not None:
            total = max(float(fraud_value.sum()), 1e-12)
            out[f"value_captured@{name}"] = round(float(fraud_value[:top].sum() / total), 4)
    out["auc"] = (
        round(float(roc_auc_score(label, score)), 4)
        if 0 < label.sum() < len(label)
        else float("nan")
    )
    return out
