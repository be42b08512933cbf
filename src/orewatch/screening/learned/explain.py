"""Each line's learned score in words: the features that raised it most.

LightGBM gives exact per-line contributions (TreeSHAP, ``pred_contrib``) in log-odds;
the top few positive ones become "exporter_id hit rate 0.42 (+1.3)". The explanation
sits beside the rules' reason codes and never replaces them.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from orewatch.screening.learned.features import words

TOP = 3
#: Contributions smaller than this (log-odds) are not worth naming.
MIN_CONTRIBUTION = 0.01
NOTHING = "no feature raises the risk above the base rate"


def explanations(contrib: np.ndarray, names: tuple[str, ...], display: pl.DataFrame) -> pl.Series:
    """``contrib``: n × (features + 1) from ``pred_contrib`` (last column the bias)."""
    per_feature = contrib[:, : len(names)]
    top = min(TOP, len(names))
    order = np.argsort(-per_feature, axis=1, kind="stable")[:, :top]
    values = np.take_along_axis(per_feature, order, axis=1)
    slots = pl.DataFrame(
        {f"_i{j}": order[:, j].astype(np.int64) for j in range(top)}
        | {f"_c{j}": values[:, j] for j in range(top)}
    )
    frame = pl.concat([display, slots], how="horizontal")
    labels = {i: words(n) for i, n in enumerate(names)}
    parts = []
    for j in range(top):
        idx, c = pl.col(f"_i{j}"), pl.col(f"_c{j}")
        value = pl.coalesce([pl.when(idx == i).then(pl.col(n)) for i, n in enumerate(names)])
        text = pl.format(
            "{} {} (+{})", idx.replace_strict(labels, return_dtype=pl.String), value, c.round(2)
        )
        parts.append(pl.when(c >= MIN_CONTRIBUTION).then(text))
    joined = frame.select(
        pl.concat_str(parts, separator="; ", ignore_nulls=True).alias("model_explanation")
    )["model_explanation"]
    return joined.replace("", NOTHING).fill_null(NOTHING)
