"""Benchmark: screening on the sixth independently written generator (``bench/sixthworld``).

For each seed: generate a sixth world (kept under ``--worlds DIR`` between runs), screen
it with ``orewatch.screening.pipeline.screen``, and print per-scheme recall at 1 %, 2 %
and 5 % inspection rates and precision, rules+model and rules only, mean and minimum
over seeds, with the prevalence; each seed's line says how many inspections its history
holds and how many of them found something (export control or not).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_sixthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.012] [--inspection-rate 0.04] [--random-share 0.3]
       [--confirm 1.0] [--noise-finds 0.05] [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from sixthworld import generate

KNOBS = ("fraud_share", "inspection_rate", "random_share", "confirm", "noise_finds")


def knobs(args: argparse.Namespace) -> dict[str, Any]:
    """The generator's knobs this run sets."""
    return {k: getattr(args, k) for k in KNOBS}


def world_dir(args: argparse.Namespace, root: Path, seed: int) -> Path:
    """The sixth world of ``seed`` under ``root``, generated unless an earlier run left it."""
    key = hashlib.sha1(f"{args.lines} {sorted(knobs(args).items())}".encode()).hexdigest()[:10]
    world = root / f"sixth-seed{seed}-{args.lines}-{key}"
    if not (world / "truth" / "lines.csv").exists():
        generate(world, lines=args.lines, seed=seed, **knobs(args))
    return world


def finds(world: Path) -> str:
    """How many inspections found anything, and how many of those were on fraudulent lines."""
    inspections = pl.read_csv(world / "inspections.csv", infer_schema=False)
    truth = pl.read_csv(world / "truth" / "lines.csv", infer_schema=False)
    found = inspections.filter(pl.col("result") != "clear")
    on_fraud = found.join(truth, on=["declaration_id", "line_no"], how="semi").height
    return f", {found.height} finds ({on_fraud} on fraudulent lines)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.012)
    parser.add_argument("--inspection-rate", type=float, default=0.04)
    parser.add_argument("--random-share", type=float, default=0.3)
    parser.add_argument("--confirm", type=float, default=1.0)
    parser.add_argument("--noise-finds", type=float, default=0.05)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("sixth world:", ", ".join(f"{k} {v:g}" for k, v in knobs(args).items()))
    tally = screen_seeds(args, lambda root, seed: world_dir(args, root, seed), finds)
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
