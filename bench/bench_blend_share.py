"""Benchmark: how sure are the labels of the model's share in the blend, and what does it move?

The screener weighs the model's ranking against the rules' by a share learned from the
labelled lines (``screening/learned/blend.py``). This screens one world (a generated one,
optionally reshaped by one of ``bench_robustness``'s perturbations) and, from the very
frames the screener fitted the share on, prints: the learned share; its spread over
bootstrap replicates of the labelled lines (Poisson weights, seeded; one vectorised
Newton fit per replicate with scikit-learn's default L2 penalty, the fit ``model_share``
makes); how well each label-free ranking orders the labelled lines (AUC); and recall at
1 / 2 / 5 % of the combined ranking with the share set to a grid of values, to the learned
share and to lower bootstrap quantiles of it (per scheme at 5 %).

It listens to ``fit.model_share`` and ``fit.with_model`` (wrapped for the run,
results unchanged) to see their inputs: the fixed-weight rule score and out-of-fold
probability of every line with its label, and the final (taught) rule score.

Usage: .venv/bin/python bench/bench_blend_share.py [--seed 3] [--lines 60000]
       [--perturbation 'hs_code:6 digits'] [--fraud-share 0.02] [--inspection-rate 0.04]
       [--replicates 200] [--worlds DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

import orewatch.screening.fit as fit_module
from bench_detection import world_config, world_dir
from bench_robustness import (
    perturbations,
    read_world,
    short,
    write,
)
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, line_recall, read_truth
from orewatch.screening.learned.blend import EVEN, combined_score, surprisal
from orewatch.screening.pipeline import screen
from orewatch.world.generate import WorldConfig

RATES = (0.01, 0.02, 0.05)
GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
QUANTILES = (0.05, 0.10, 0.25, 0.50, 0.95)


@contextmanager
def listening() -> Iterator[dict[str, pl.DataFrame]]:
    """The blend's inputs of the next screen: ``fit`` (``_idx, rule_score, p_fraud, label``)
    and ``final`` (``_idx, declaration_id, line_no, rule_final, p_fraud``)."""
    seen: dict[str, pl.DataFrame] = {}
    # Patched where fit looks them up: its imports, which it does not re-export.
    hooks: Any = fit_module
    share, with_model = hooks.model_share, hooks.with_model

    def share_spy(scored: pl.DataFrame, labels: pl.DataFrame, *args: Any, **kw: Any) -> float:
        keyed = labels.select(pl.col("_idx").cast(scored.schema["_idx"]), "label")
        seen["fit"] = scored.join(keyed, on="_idx", how="left")
        return share(scored, labels, *args, **kw)

    def with_model_spy(scored: pl.DataFrame, learned: Any, *args: Any, **kw: Any) -> Any:
        if kw.get("ranking") is None and learned is not None and learned.trained:
            seen["final"] = scored.select(
                "_idx", "declaration_id", "line_no", pl.col("score").alias("rule_final")
            ).join(learned.scores.select("_idx", "p_fraud"), on="_idx", how="left")
        return with_model(scored, learned, *args, **kw)

    hooks.model_share = share_spy
    hooks.with_model = with_model_spy
    try:
        yield seen
    finally:
        hooks.model_share, hooks.with_model = share, with_model


def surprisals(fit: pl.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The labelled lines' ``rules, model`` surprisals (ranks within the batch) and labels."""
    n = fit.height
    frame = fit.select(
        surprisal(pl.col("rule_score").rank("average"), n).alias("rules"),
        surprisal(pl.col("p_fraud").fill_null(0.0).rank("average"), n).alias("model"),
        "label",
    ).drop_nulls("label")
    return frame.select("rules", "model").to_numpy(), frame["label"].cast(pl.Float64).to_numpy()


def logistic_fits(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """One L2-penalised (C = 1, intercept free) logistic fit per row of ``weights``, by
    Newton steps on all rows at once: ``intercept, rules, model`` per replicate."""
    design = np.hstack([np.ones((len(y), 1)), x])
    k = design.shape[1]
    outer = np.einsum("ni,nj->nij", design, design).reshape(len(y), k * k)
    penalty = np.eye(k)
    penalty[0, 0] = 0.0
    beta = np.zeros((weights.shape[0], k))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(beta @ design.T)))
        gradient = (weights * (y - p)) @ design - beta @ penalty
        hessian = ((weights * p * (1.0 - p)) @ outer).reshape(-1, k, k) + penalty
        step = np.linalg.solve(hessian, gradient[..., None])[..., 0]
        beta += step
        if np.abs(step).max() < 1e-9:
            break
    return beta


def shares(beta: np.ndarray) -> np.ndarray:
    """The model's share per fit, as ``model_share`` reads it from the coefficients."""
    coef = np.clip(beta[:, 1:], 0.0, None)
    total = coef.sum(axis=1)
    ratio = coef[:, 1] / np.where(total > 0, total, 1.0)
    return np.where(total > 0, np.minimum(EVEN, ratio), EVEN)


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties averaged)."""
    ranks = pl.Series(score).rank("average").to_numpy()
    pos = y > 0
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / max(n_pos * n_neg, 1))


def recall_at(final: pl.DataFrame, truth: pl.DataFrame, share: float) -> dict[str, float]:
    """Recall of the combined ranking at ``share``: all schemes at each rate, and each
    scheme at 5 %."""
    n = final.height
    scored = final.select(
        "declaration_id",
        "line_no",
        combined_score(
            pl.col("rule_final").rank("average"),
            pl.col("p_fraud").fill_null(0.0).rank("average"),
            n,
            share,
        ),
    )
    row: dict[str, float] = {}
    for rate in RATES:
        table = line_recall(scored, truth, rate)
        overall = table.filter(pl.col("scheme") == ALL_SCHEMES)["recall"][0]
        row[f"{rate:.0%}"] = round(float(overall), 3)
    for scheme, value in (
        table.filter(pl.col("scheme") != ALL_SCHEMES).select("scheme", "recall").iter_rows()
    ):
        row[short(scheme)] = round(float(value), 3)
    return row


def screened(args: argparse.Namespace, tmp: Path) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Screen the world (reshaped if asked) and return the blend's inputs and the truth."""
    world = world_dir(world_config(args, args.seed), args.worlds or tmp)
    truth = read_truth(world, "lines")
    assert truth is not None
    folder = world
    if args.perturbation != "baseline":
        tables = read_world(world)
        perturb = dict(perturbations(tables))[args.perturbation]
        dataset = perturb(tables, truth)
        folder, truth = tmp / "perturbed", dataset.truth
        write(dataset, folder)
    with listening() as seen:
        screen({n: t.frame for n, t in load_dataset(folder).tables.items()}, load_catalogue())
    return seen, truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    defaults = WorldConfig(seed=0, lines=0)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--lines", type=int, default=60_000)
    parser.add_argument("--fraud-share", type=float, default=defaults.fraud_share)
    parser.add_argument("--inspection-rate", type=float, default=defaults.inspection_rate)
    parser.add_argument("--perturbation", default="baseline", help="a bench_robustness name")
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--worlds", type=Path, default=None, help="keep the world here")
    args = parser.parse_args(argv)
    args.rogue_share, args.weights = defaults.rogue_share, dict(defaults.weights)
    with tempfile.TemporaryDirectory(prefix="orewatch-share-") as tmp:
        seen, truth = screened(args, Path(tmp))
    if "fit" not in seen:
        print("no model: nothing to blend")
        return 0
    x, y = surprisals(seen["fit"])
    learned = float(shares(logistic_fits(x, y, np.ones((1, len(y)))))[0])
    start = time.perf_counter()
    rng = np.random.default_rng(0)
    replicate = shares(logistic_fits(x, y, rng.poisson(1.0, (args.replicates, len(y)))))
    seconds = time.perf_counter() - start
    spread = dict(zip(QUANTILES, np.quantile(replicate, QUANTILES), strict=True))
    print(
        f"seed {args.seed}, {args.lines:,} lines, {args.perturbation}: {len(y):,} labelled, "
        f"{int(y.sum())} found; learned share {learned:.3f}; {args.replicates} replicates "
        f"in {seconds:.2f} s: "
        + ", ".join(f"q{q * 100:02.0f} {v:.3f}" for q, v in spread.items())
        + f", sd {replicate.std():.3f}"
    )
    print(f"AUC on the labelled lines: rules (fixed weights) {auc(x[:, 0], y):.3f}, model "
          f"(out of fold) {auc(x[:, 1], y):.3f}")  # fmt: skip
    rows = [{"share": f"{s:.2f}", **recall_at(seen["final"], truth, s)} for s in GRID]
    named = {"learned": learned, "q05": spread[0.05], "q10": spread[0.10], "q25": spread[0.25]}
    for name, value in named.items():
        rows.append({"share": f"{name} {value:.2f}", **recall_at(seen["final"], truth, value)})
    pl.Config.set_tbl_rows(100)
    pl.Config.set_tbl_cols(30)
    pl.Config.set_tbl_width_chars(400)
    pl.Config.set_tbl_hide_dataframe_shape(True)
    pl.Config.set_tbl_hide_column_data_types(True)
    pl.Config.set_tbl_formatting("ASCII_MARKDOWN")
    print("recall of the combined ranking (all schemes at 1/2/5 %, each scheme at 5 %)")
    print(pl.DataFrame(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
