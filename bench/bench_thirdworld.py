"""Benchmark: how orewatch screens worlds from the third independent generator.

For each seed: generate a ``bench/thirdworld`` world (cached under ``--worlds DIR``),
screen it with :func:`orewatch.screening.pipeline.screen`, and print per-scheme recall at
1 %, 2 % and 5 % inspection rates and precision at 5 %, for rules+model and rules only,
as the mean and minimum over seeds, with the prevalence (the precision of random picks).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_thirdworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.015] [--inspection-rate 0.012]
       [--worlds DIR] [--keep-alerts DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

from bench_detection import add_results_option, screen_seeds, wide_tables
from orewatch.evaluation.metrics import ALL_SCHEMES
from thirdworld import generate


def world_dir(root: Path, seed: int, args: argparse.Namespace) -> Path:
    """The world of ``seed`` under ``root``, generated unless already there."""
    world = root / f"third-seed{seed}-{args.lines}-f{args.fraud_share:g}-i{args.inspection_rate:g}"
    if not (world / "truth" / "lines.csv").exists():
        generate(
            world,
            lines=args.lines,
            seed=seed,
            fraud_share=args.fraud_share,
            inspection_rate=args.inspection_rate,
        )
    return world


def summary(table: pl.DataFrame) -> pl.DataFrame:
    """Per scheme and variant: recall at each rate (mean, min over seeds), precision at 5 %."""
    recall = table.group_by("scheme", "variant", "rate").agg(
        pl.col("recall").mean().alias("mean"),
        pl.col("recall").min().alias("min"),
        pl.col("lines").mean().alias("lines"),
    )
    wide = recall.pivot(on="rate", index=["scheme", "variant"], values=["mean", "min"])
    lines = recall.group_by("scheme", "variant").agg(pl.col("lines").first().round(1))
    precision = (
        table.filter(pl.col("rate") == 0.05, pl.col("scheme") == ALL_SCHEMES)
        .group_by("variant")
        .agg(
            pl.col("precision").mean().round(3).alias("prec@5%"),
            pl.col("random_precision").mean().round(4).alias("prevalence"),
        )
    )
    named = {
        f"{k}_{r}": f"{'recall' if k == 'mean' else 'min'}@{float(r):.0%}"
        for k in ("mean", "min")
        for r in (0.01, 0.02, 0.05)
    }
    wide = wide.rename({c: named[c] for c in wide.columns if c in named})
    order = ["scheme", "variant", "lines"] + [
        f"{k}@{r}" for k in ("recall", "min") for r in ("1%", "2%", "5%")
    ]
    out = wide.join(lines, on=["scheme", "variant"]).join(precision, on="variant", how="left")
    out = out.with_columns(
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.col("prec@5%")).alias("prec@5%"),
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.col("prevalence")).alias("prevalence"),
    )
    return (
        out.select([*order, "prec@5%", "prevalence"])
        .with_columns(pl.col(r"^(recall|min)@.*$").round(3))
        .sort("variant", pl.col("scheme") == ALL_SCHEMES, "scheme")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.015)
    parser.add_argument("--inspection-rate", type=float, default=0.012)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    pl.Config.set_tbl_cols(20)
    tally = screen_seeds(args, lambda root, seed: world_dir(root, seed, args))
    print(
        f"\n== per scheme (seeds {args.seeds}, {args.lines:,} lines, "
        f"fraud_share {args.fraud_share:g}, "
        f"inspection_rate {args.inspection_rate:g})"
    )
    print(summary(pl.concat(tally.results)))
    tally.report()
    tally.save(args.results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
