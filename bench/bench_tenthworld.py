"""Benchmark: detection quality on the tenth independent generator's worlds.

``bench/tenthworld`` was written from the data contract and the control catalogue only
(not from orewatch's simulator or screening), with smuggling networks that change their
ways after a find, phoenix firms, consolidations of 30-200 lines, sliced consignments,
units beyond kilograms and audits found months later. For each seed: generate a world
(kept under ``--worlds DIR`` between runs), screen it with
``orewatch.screening.pipeline.screen`` and print recall per scheme at 1 %, 2 % and 5 %
and precision, rules+model and rules only, mean and minimum over seeds, with the
prevalence, the same way ``bench_detection.py`` does. With ``--keep-alerts DIR`` it also
splits recall at 5 % between lines before and after their network adapted.

Usage: .venv/bin/python bench/bench_tenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--optional full|sparse] [--fraud-share 0.025] [--inspection-rate 0.04]
       [--audit-rate 0.01] [--confirm-scale 1.0] [--worlds DIR] [--keep-alerts DIR]
       [--results FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import (
    add_results_option,
    report_by_rate,
    screen_seeds,
    wide_tables,
)
from orewatch.evaluation.metrics import line_recall
from tenthworld import generate


def knobs(args: argparse.Namespace) -> dict[str, object]:
    """The generator's knobs as the command line set them."""
    return {
        "fraud_share": args.fraud_share,
        "inspection_rate": args.inspection_rate,
        "audit_rate": args.audit_rate,
        "confirm_scale": args.confirm_scale,
        "optional": args.optional,
    }


def world_dir(args: argparse.Namespace, root: Path, seed: int) -> Path:
    """The seed's world under ``root``, generated unless an earlier run left it there."""
    tag = "-".join(f"{v}" for v in knobs(args).values())
    world = root / f"tenth-seed{seed}-{args.lines}-{tag}"
    if not (world / "truth").is_dir():
        generate(world, lines=args.lines, seed=seed, **knobs(args))  # type: ignore[arg-type]
    return world


def adaptation_split(args: argparse.Namespace, root: Path) -> None:
    """Recall at 5 % of fraudulent lines before and after their network adapted."""
    rows = []
    for seed in args.seeds:
        alerts = pl.read_parquet(args.keep_alerts / f"alerts-seed{seed}.parquet")
        adapted = pl.read_csv(
            world_dir(args, root, seed) / "truth" / "adapted.csv",
            schema_overrides={"declaration_id": pl.String},
        )
        truth = adapted.select(
            "declaration_id",
            "line_no",
            pl.when(pl.col("adapted"))
            .then(pl.lit("after adaptation"))
            .otherwise(pl.lit("before"))
            .alias("scheme"),
        )
        scores = alerts.select("declaration_id", "line_no", "score")
        rows.append(line_recall(scores, truth, 0.05).with_columns(pl.lit(seed).alias("seed")))
    print("\n== recall at 5 % before and after networks adapted (rules+model)")
    print(
        pl.concat(rows)
        .group_by("scheme")
        .agg(pl.col("lines").sum(), pl.col("recall").mean().round(3))
        .sort("scheme")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--optional", choices=["full", "sparse"], default="full")
    parser.add_argument("--fraud-share", type=float, default=0.025)
    parser.add_argument("--inspection-rate", type=float, default=0.04)
    parser.add_argument("--audit-rate", type=float, default=0.01)
    parser.add_argument("--confirm-scale", type=float, default=1.0)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here")
    parser.add_argument("--keep-alerts", type=Path, default=None, help="write alerts here")
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("tenth world:", knobs(args))
    tally = screen_seeds(args, lambda root, seed: world_dir(args, root, seed))
    report_by_rate(tally, args)
    if args.keep_alerts is not None and args.worlds is not None:
        adaptation_split(args, args.worlds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
