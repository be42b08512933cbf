"""Detection quality against a world's ``truth/`` folder.

Inspection capacity is the unit of account: what share of each scheme's lines lands in
the top ``rate`` of lines by score, and how precise that top is against picking lines
at random (whose precision is the fraud prevalence). Ties in score are broken at random
(seeded) so that a coarse score cannot look better than it is.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

ALL_SCHEMES = "all schemes"


def read_truth(root: Path, name: str) -> pl.DataFrame | None:
    """A truth table (``lines``, ``parties``, ``facilities``, ``routes``), None if absent."""
    path = Path(root) / "truth" / f"{name}.csv"
    if not path.exists():
        return None
    return pl.read_csv(path, infer_schema=False)


def top_share(scores: pl.DataFrame, rate: float, seed: int = 0) -> pl.DataFrame:
    """The rows in the top ``rate`` by ``score``, ties broken at random."""
    n = max(1, round(scores.height * rate))
    noise = np.random.default_rng(seed).random(scores.height)
    return (
        scores.with_columns(pl.Series("_tie", noise))
        .sort(["score", "_tie"], descending=[True, False])
        .head(n)
        .drop("_tie")
    )


def line_recall(
    alerts: pl.DataFrame, truth: pl.DataFrame, rate: float = 0.05, seed: int = 0
) -> pl.DataFrame:
    """Per scheme: fraudulent lines, how many fall in the top ``rate``, recall.

    The last row (``all schemes``) counts each fraudulent line once and adds precision
    in the top, the random baseline (prevalence) and the lift over it.
    """
    keyed = alerts.select(
        pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64), "score"
    )
    truth = truth.select(
        pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64), "scheme"
    )
    top = (
        top_share(keyed, rate, seed)
        .select("declaration_id", "line_no")
        .with_columns(pl.lit(True).alias("in_top"))
    )
    marked = truth.join(top, on=["declaration_id", "line_no"], how="left").with_columns(
        pl.col("in_top").fill_null(False)
    )
    per_scheme = (
        marked.group_by("scheme")
        .agg(pl.len().alias("lines"), pl.col("in_top").sum().alias("found"))
        .with_columns((pl.col("found") / pl.col("lines")).alias("recall"))
        .sort("scheme")
    )
    fraud = marked.unique(["declaration_id", "line_no"])
    n_fraud, n_found, n_top = fraud.height, int(fraud["in_top"].sum()), top.height
    prevalence = n_fraud / max(keyed.height, 1)
    precision = n_found / max(n_top, 1)
    overall = pl.DataFrame(
        {
            "scheme": [ALL_SCHEMES],
            "lines": [n_fraud],
            "found": [n_found],
            "recall": [n_found / max(n_fraud, 1)],
        },
        schema=per_scheme.schema,
    )
    return pl.concat([per_scheme, overall]).with_columns(
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.lit(precision)).alias("precision"),
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.lit(prevalence)).alias("random_precision"),
        pl.when(pl.col("scheme") == ALL_SCHEMES)
        .then(pl.lit(precision / prevalence if prevalence else None))
        .alias("lift"),
        pl.lit(rate).alias("rate"),
    )


def recall_in_top(ranked_ids: pl.Series, truth_ids: pl.Series, k: int) -> float:
    """Share of the true ids that appear among the first ``k`` ranked ids."""
    wanted = set(truth_ids.drop_nulls().to_list())
    if not wanted:
        return float("nan")
    return len(wanted & set(ranked_ids.head(k).to_list())) / len(wanted)


def reason_precision(
    alerts: pl.DataFrame, truth: pl.DataFrame, column: str = "reasons"
) -> pl.DataFrame:
    """Per reason code: lines raising it, how many are fraudulent, and that share.

    Shows which rules carry signal on a dataset and which mostly fire on honest lines.
    ``column``: the codes to count (``noted``: those shown only as context).
    """
    fraud = (
        truth.select(pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64))
        .unique()
        .with_columns(pl.lit(True).alias("fraud"))
    )
    exploded = (
        alerts.select(
            pl.col("declaration_id").cast(pl.String),
            pl.col("line_no").cast(pl.Int64),
            pl.col(column).str.split(";").alias("code"),
        )
        .explode("code")
        .filter(pl.col("code") != "")
        .join(fraud, on=["declaration_id", "line_no"], how="left")
    )
    return (
        exploded.group_by("code")
        .agg(pl.len().alias("lines"), pl.col("fraud").fill_null(False).sum().alias("fraudulent"))
        .with_columns((pl.col("fraudulent") / pl.col("lines")).alias("precision"))
        .sort("lines", descending=True)
    )
