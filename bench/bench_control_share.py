"""Benchmark: what the random control share buys, in a feedback loop over time.

A random share of red costs inspections that risk ranking would have spent better today;
it pays off only if it keeps later learning honest (labels from outside what the rules
already suspect, propensities for the model's selection-bias correction). This bench
measures both sides on generated worlds.

For each seed: generate one world and cut its declarations by date into a history (the
first ``--history`` share of lines) and ``--periods`` later periods of equal size. The
world's own inspections of history lines are the labels period 1 starts from; its
inspections of later lines are dropped (the run decides who is inspected there). For
each period, every random share runs its own loop: screen every line declared up to the
period's end with the inspections known so far, assign channels among the period's lines
with ``Capacity(red=--red, random=share)``, and "inspect" the red lines physically
against the world's truth (:func:`orewatch.evaluation.feedback.inspect_lines`, the
simulator's find-probabilities), appending them to the inspections the next period sees.

Per share and period: recall and precision of red against the truth (all lines, and
per scheme), fraud the inspections found, fraud found on random picks of lines that
raised no reason (knowledge the rules could not have given), the model's AUC on the
period's lines against the truth, and its calibration (mean ``p_fraud`` against the rate
at which a physical check of those lines would find fraud, on all the period's lines and
on the random picks).

Usage: .venv/bin/python bench/bench_control_share.py [--seeds 1 2] [--lines 200000]
       [--shares 0 0.005 0.02 0.05] [--red 0.05] [--periods 4] [--history 0.5]
       [--inspection-rate 0.04] [--worlds DIR] [--out rows.csv]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import cast

import polars as pl
from sklearn.metrics import roc_auc_score

from bench_detection import world_dir
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import Catalogue, load_catalogue
from orewatch.evaluation.feedback import KEYS, find_probabilities, inspect_lines, period_starts
from orewatch.evaluation.metrics import read_truth
from orewatch.screening.learned.features import found_fraud
from orewatch.screening.pipeline import screen
from orewatch.screening.selection import Capacity, assign_channels, has_reason
from orewatch.world.generate import WorldConfig

METHOD = "physical"
Tables = dict[str, pl.DataFrame]


def history_tables(tables: Tables, start: datetime) -> Tables:
    """The world's tables with only the inspections of lines declared before ``start``."""
    before = tables["declarations"].filter(pl.col("declared_at") < start)
    inspections = tables["inspections"].join(
        before.select("declaration_id").unique(), on="declaration_id", how="semi"
    )
    return {**tables, "inspections": inspections.drop("_row", strict=False)}


def up_to(tables: Tables, end: datetime, inspections: pl.DataFrame) -> Tables:
    """Lines declared before ``end``, with the inspections known so far."""
    declarations = tables["declarations"].filter(pl.col("declared_at") < end)
    return {**tables, "declarations": declarations, "inspections": inspections}


def truth_frame(truth: pl.DataFrame) -> pl.DataFrame:
    """``declaration_id, line_no, fraud, p_found``: each fraudulent line once, with the
    chance a physical check finds it (any of its schemes)."""
    p = find_probabilities(METHOD).select("scheme", "p_find")
    return (
        truth.select(pl.col("declaration_id"), pl.col("line_no").cast(pl.Int64), "scheme")
        .join(p, on="scheme")
        .group_by(KEYS)
        .agg(pl.lit(1.0).alias("fraud"), (1 - (1 - pl.col("p_find")).product()).alias("p_found"))
    )


def channelled(alerts: pl.DataFrame, start: datetime, end: datetime, cap: Capacity) -> pl.DataFrame:
    """The period's lines with channels assigned among them alone, and ``full_red``: red
    had the whole red capacity gone on risk (how good the ranking is, apart from what the
    random picks take from it)."""
    period = alerts.filter(pl.col("declared_at").is_between(start, end, closed="left"))
    full = assign_channels(period, replace(cap, random=0.0)).select(
        "_idx", (pl.col("channel") == "red").alias("full_red")
    )
    return (
        assign_channels(period, cap)
        .with_columns(
            has_reason(period.columns).alias("reasoned"),
            (pl.col("channel_reason") == "random control sample").alias("random"),
        )
        .join(full, on="_idx")
    )


def auc(label: pl.Series, score: pl.Series) -> float:
    """AUC of ``score`` for ``label`` (NaN when one class or no score)."""
    if score.null_count() == score.len() or label.n_unique() < 2:
        return float("nan")
    return float(roc_auc_score(label.to_numpy(), score.fill_null(0.0).to_numpy()))


def measure(lines: pl.DataFrame, found: pl.DataFrame, truth: pl.DataFrame) -> dict[str, float]:
    """One period's figures: ``lines`` channelled, ``found`` the red lines' inspections."""
    judged = lines.join(truth, on=KEYS, how="left").with_columns(
        pl.col("fraud").fill_null(0.0), pl.col("p_found").fill_null(0.0)
    )
    judged = judged.join(
        found.select(*KEYS, found_fraud().cast(pl.Float64).alias("hit")), on=KEYS, how="left"
    )
    red = judged.filter(pl.col("channel") == "red")
    rand = red.filter("random")
    ranked = red.filter(~pl.col("random"))
    # polars types a Series' sum and mean as any scalar; these numeric columns' are floats
    # (a mean None when all are null).
    n_fraud = max(cast(float, judged["fraud"].sum()), 1.0)
    return {
        "lines": judged.height,
        "prevalence": cast(float, judged["fraud"].mean() or 0.0),
        "red": red.height,
        "random": rand.height,
        "recall": cast(float, red["fraud"].sum()) / n_fraud,
        "precision": cast(float, red["fraud"].mean() or 0.0),
        "ranking_recall": cast(float, judged.filter("full_red")["fraud"].sum()) / n_fraud,
        "ranked_precision": cast(float, ranked["fraud"].mean() or 0.0),
        "found": cast(float, red["hit"].sum()),
        "found_true": cast(float, red.filter(pl.col("fraud") > 0)["hit"].sum()),
        "random_found": cast(float, rand["hit"].sum()),
        "random_found_unreasoned": cast(float, rand.filter(~pl.col("reasoned"))["hit"].sum()),
        "auc_model": auc(judged["fraud"], judged["p_fraud"]),
        "auc_score": auc(judged["fraud"], judged["score"]),
        "p_mean": cast(float, judged["p_fraud"].mean() or float("nan")),
        "p_found_mean": cast(float, judged["p_found"].mean() or 0.0),
        "random_p_mean": cast(float, rand["p_fraud"].mean()) if rand.height else float("nan"),
        "random_hit_rate": cast(float, rand["hit"].mean()) if rand.height else float("nan"),
        "ranked_p_mean": cast(float, ranked["p_fraud"].mean()) if ranked.height else float("nan"),
        "ranked_hit_rate": cast(float, ranked["hit"].mean()) if ranked.height else float("nan"),
    }


def scheme_recall(lines: pl.DataFrame, truth_lines: pl.DataFrame) -> pl.DataFrame:
    """``scheme, lines, red`` of the period's fraudulent lines."""
    red = lines.filter(pl.col("channel") == "red").select(KEYS)
    return (
        truth_lines.join(lines.select(KEYS), on=KEYS, how="semi")
        .join(red.with_columns(pl.lit(1).alias("in_red")), on=KEYS, how="left")
        .group_by("scheme")
        .agg(pl.len().alias("lines"), pl.col("in_red").fill_null(0).sum().alias("red"))
    )


def run_seed(
    world: Path, seed: int, args: argparse.Namespace, catalogue: Catalogue
) -> tuple[list[dict[str, object]], pl.DataFrame]:
    """Every share's loop on one world: per-period figures and per-scheme red counts."""
    tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
    raw_truth = read_truth(world, "lines")
    assert raw_truth is not None
    truth_lines = raw_truth.select(
        "declaration_id", pl.col("line_no").cast(pl.Int64), "scheme"
    ).unique()
    truth = truth_frame(truth_lines)
    bounds = period_starts(tables["declarations"]["declared_at"], args.history, args.periods)
    base = history_tables(tables, bounds[0])
    known = {share: base["inspections"] for share in args.shares}
    rows: list[dict[str, object]] = []
    schemes: list[pl.DataFrame] = []
    for k in range(args.periods):
        start, end = bounds[k], bounds[k + 1]
        alerts = None  # period 1 starts from the same labels for every share: screen once
        for share in args.shares:
            began = time.perf_counter()
            if alerts is None or k > 0:
                alerts = screen(up_to(base, end, known[share]), catalogue).alerts
            cap = Capacity(red=args.red, random=share, seed=seed * 1000 + k)
            lines = channelled(alerts, start, end, cap)
            found = inspect_lines(
                lines.filter(pl.col("channel") == "red"), truth_lines, METHOD, seed
            )
            known[share] = pl.concat([known[share], found], how="vertical_relaxed")
            figures = measure(lines, found, truth)
            rows.append({"seed": seed, "share": share, "period": k + 1, **figures})
            schemes.append(
                scheme_recall(lines, truth_lines).with_columns(
                    pl.lit(seed).alias("seed"),
                    pl.lit(share).alias("share"),
                    pl.lit(k + 1).alias("period"),
                )
            )
            print(
                f"seed {seed} period {k + 1} share {share:.3f}: {figures['lines']:,} lines, "
                f"recall {figures['recall']:.3f}, precision {figures['precision']:.3f}, "
                f"found {figures['found']:.0f}, AUC model {figures['auc_model']:.3f} "
                f"({time.perf_counter() - began:.0f} s)",
                flush=True,
            )
    return rows, pl.concat(schemes)


def spread(column: str, digits: int = 3) -> pl.Expr:
    """``mean [min-max]`` over seeds of ``column``, as text."""
    col = pl.col(column)
    return pl.format(
        "{} [{}-{}]", col.mean().round(digits), col.min().round(digits), col.max().round(digits)
    ).alias(column)


def weighted(value: str, weight: str) -> pl.Expr:
    """Mean of ``value`` over periods weighted by ``weight`` (NaN-free where weight is 0)."""
    w = pl.col(weight).cast(pl.Float64)
    return (pl.col(value).fill_nan(0.0) * w).sum() / w.sum()


def run_totals(table: pl.DataFrame) -> pl.DataFrame:
    """Per seed and share: sums and means over the periods, and the last period's figures."""
    last = pl.col("period") == pl.col("period").max()
    ranked = pl.col("red") - pl.col("random")
    return (
        table.with_columns(ranked.alias("ranked"))
        .group_by("seed", "share")
        .agg(
            pl.col("found").sum(),
            pl.col("found_true").sum(),
            pl.col("random").sum(),
            pl.col("random_found").sum(),
            pl.col("random_found_unreasoned").sum(),
            pl.col("recall").mean(),
            pl.col("precision").mean(),
            pl.col("recall").filter(last).first().alias("recall_last"),
            pl.col("ranking_recall").filter(last).first().alias("ranking_recall_last"),
            pl.col("auc_model").filter(last).first().alias("auc_last"),
            weighted("random_p_mean", "random").alias("random_p"),
            weighted("random_hit_rate", "random").alias("random_hit"),
            weighted("ranked_p_mean", "ranked").alias("ranked_p"),
            weighted("ranked_hit_rate", "ranked").alias("ranked_hit"),
        )
    )


def report(table: pl.DataFrame, schemes: pl.DataFrame, seeds: list[int]) -> None:
    """Print per-period, whole-run, calibration and per-scheme tables (mean [min-max] over
    seeds)."""
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(200)
    pl.Config.set_tbl_cols(30)
    pl.Config.set_fmt_str_lengths(40)
    print(f"\n== per period (mean [min-max] over seeds {seeds})")
    print(
        table.group_by("share", "period")
        .agg(
            spread("recall"),
            spread("precision"),
            spread("found", 1),
            spread("ranking_recall"),
            spread("auc_model"),
            pl.col("random_found").mean().round(1),
            pl.col("p_mean").mean().round(4).alias("mean p_fraud"),
            pl.col("p_found_mean").mean().round(4).alias("physical find rate"),
        )
        .sort("period", "share")
    )
    totals = run_totals(table)
    print(f"\n== whole run: sums over periods (mean [min-max] over seeds {seeds})")
    print(
        totals.group_by("share")
        .agg(
            spread("found", 1),
            pl.col("found_true").mean().round(1),
            pl.col("random").mean().round(0).alias("random picks"),
            pl.col("random_found").mean().round(1),
            pl.col("random_found_unreasoned").mean().round(1).alias("found, no reason"),
            spread("recall"),
            spread("recall_last"),
            spread("ranking_recall_last"),
            spread("auc_last"),
        )
        .sort("share")
    )
    print(f"\n== calibration: mean p_fraud against the found rate (seeds {seeds})")
    print(
        totals.group_by("share")
        .agg(
            pl.col("random_p").mean().round(4).alias("random picks: p"),
            pl.col("random_hit").mean().round(4).alias("random picks: found"),
            pl.col("ranked_p").mean().round(4).alias("risk red: p"),
            pl.col("ranked_hit").mean().round(4).alias("risk red: found"),
        )
        .sort("share")
    )
    print(f"\n== recall of red per scheme, all periods pooled (seeds {seeds})")
    pooled = (
        schemes.group_by("scheme", "share")
        .agg(pl.col("lines").sum(), pl.col("red").sum())
        .with_columns((pl.col("red") / pl.col("lines")).round(3).alias("recall"))
        .sort("share")
        .pivot(on="share", index="scheme", values="recall")
        .sort("scheme")
    )
    print(pooled)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--shares", type=float, nargs="+", default=[0.0, 0.005, 0.02, 0.05])
    parser.add_argument("--red", type=float, default=0.05)
    parser.add_argument("--periods", type=int, default=4)
    parser.add_argument("--history", type=float, default=0.5)
    parser.add_argument(
        "--inspection-rate",
        type=float,
        default=WorldConfig(seed=0, lines=0).inspection_rate,
        help="the world's own inspection rate (how many labels the history holds)",
    )
    parser.add_argument("--out", type=Path, default=None, help="write per-period rows (CSV)")
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    rows: list[dict[str, object]] = []
    schemes: list[pl.DataFrame] = []
    began = time.perf_counter()
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="orewatch-control-") as tmp:
            world = world_dir(
                WorldConfig(seed=seed, lines=args.lines, inspection_rate=args.inspection_rate),
                args.worlds or Path(tmp),
            )
            seed_rows, seed_schemes = run_seed(world, seed, args, catalogue)
        rows += seed_rows
        schemes.append(seed_schemes)
    print(
        f"\n{len(args.seeds)} seeds x {args.lines:,} lines, red {args.red:.0%}, "
        f"{args.periods} periods after a {args.history:.0%} history, world inspection rate "
        f"{args.inspection_rate:g}: "
        f"{time.perf_counter() - began:.0f} s"
    )
    table = pl.DataFrame(rows)
    if args.out is not None:
        table.write_csv(args.out)
    report(table, pl.concat(schemes), args.seeds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
