"""Benchmark: detection quality on the eleventh independent generator's worlds.

Generates a world per seed with ``bench/eleventhworld`` (kept under ``--worlds DIR``
between runs), screens it with ``orewatch.screening.pipeline.screen`` and prints, per
scheme, recall at 1/2/5 % and precision at 5 %, rules+model and rules only, mean and min
over seeds, with the prevalence; and, per world, how many inspection finds its history
holds (what there was to learn from).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_eleventhworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.02] [--target-rate 0.3] [--random-rate 0.004]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from eleventhworld import generate


def world_for(args: argparse.Namespace) -> object:
    """The seed's world under ``root``, generated unless a run with these knobs left it."""

    def make(root: Path, seed: int) -> Path:
        key = f"f{args.fraud_share:g}-t{args.target_rate:g}-r{args.random_rate:g}"
        world = root / f"eleventh-seed{seed}-{args.lines}-{key}"
        if not (world / "truth" / "lines.csv").exists():
            generate(
                world,
                args.lines,
                seed,
                fraud_share=args.fraud_share,
                target_rate=args.target_rate,
                random_rate=args.random_rate,
            )
        return world

    return make


def finds(world: Path) -> str:
    """Inspection finds in the world's history, by result."""
    ins = pl.read_parquet(world / "inspections.parquet").filter(pl.col("result") != "clear")
    by = ins.group_by("result").len().sort("result")
    parts = ", ".join(f"{r} {n}" for r, n in by.iter_rows())
    return f"; {ins.height} finds ({parts})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.02)
    parser.add_argument("--target-rate", type=float, default=0.3)
    parser.add_argument("--random-rate", type=float, default=0.004)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print(
        f"eleventh world: fraud_share {args.fraud_share:g}, target_rate {args.target_rate:g}, "
        f"random_rate {args.random_rate:g}"
    )
    tally = screen_seeds(args, world_for(args), finds)  # type: ignore[arg-type]
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
