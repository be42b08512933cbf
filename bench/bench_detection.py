"""Benchmark: detection quality on generated worlds of several seeds.

For each seed: generate a world, screen it, and measure recall per scheme and overall
precision at 1 %, 2 % and 5 % inspection rates, against random selection (whose
precision is the prevalence) and against the rules alone (the score without the
learned model). Prints one table per rate with the mean over seeds and the minimum.

Usage: .venv/bin/python bench/bench_detection.py [--seeds 1 2 3] [--lines 200000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, line_recall, read_truth, reason_precision
from orewatch.screening.pipeline import screen
from orewatch.world import generate_world

RATES = (0.01, 0.02, 0.05)


def measure(world: Path, alerts: pl.DataFrame, truth: pl.DataFrame, seed: int) -> pl.DataFrame:
    frames = []
    for rate in RATES:
        for variant, column in (("rules+model", "score"), ("rules only", "rule_score")):
            scores = alerts.select("declaration_id", "line_no", pl.col(column).alias("score"))
            frames.append(
                line_recall(scores, truth, rate).with_columns(
                    pl.lit(seed).alias("seed"), pl.lit(variant).alias("variant")
                )
            )
    return pl.concat(frames)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=200_000)
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    results = []
    codes: list[pl.DataFrame] = []
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="orewatch-detect-") as tmp:
            world = Path(tmp) / "world"
            start = time.perf_counter()
            generate_world(world, seed=seed, lines=args.lines)
            tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
            result = screen(tables, catalogue)
            truth = read_truth(world, "lines")
            assert truth is not None
            results.append(measure(world, result.alerts, truth, seed))
            codes.append(
                reason_precision(result.alerts, truth).with_columns(pl.lit(seed).alias("seed"))
            )
            print(
                f"seed {seed}: {args.lines:,} lines screened in {time.perf_counter() - start:.0f} s"
            )
    table = pl.concat(results)
    pl.Config.set_tbl_rows(100)
    pl.Config.set_tbl_width_chars(160)
    for rate in RATES:
        at = table.filter(pl.col("rate") == rate)
        summary = (
            at.group_by("scheme", "variant")
            .agg(
                pl.col("recall").mean().round(3).alias("recall mean"),
                pl.col("recall").min().round(3).alias("recall min"),
                pl.col("precision").mean().round(3).alias("precision"),
                pl.col("random_precision").mean().round(4).alias("random"),
            )
            .sort("variant", pl.col("scheme") == ALL_SCHEMES, "scheme")
        )
        print(f"\n== inspection rate {rate:.0%} (seeds {args.seeds}, {args.lines:,} lines each)")
        print(summary)
    per_code = (
        pl.concat(codes)
        .group_by("code")
        .agg(pl.col("lines").sum(), pl.col("fraudulent").sum())
        .with_columns((pl.col("fraudulent") / pl.col("lines")).round(3).alias("precision"))
        .sort("lines", descending=True)
    )
    print("\n== reason codes: lines raising each and the share that is fraudulent (all seeds)")
    print(per_code)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
