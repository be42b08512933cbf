"""Benchmark: detection quality on worlds of the fifth independent generator.

The generator (``bench/fifthworld``) was written apart from orewatch's simulator and
screening: its own names, ports, currencies, consolidated cargo, adaptive phoenix rings and
inspection policy. For each seed: generate a world (cached under ``--worlds``), screen it
with :func:`orewatch.screening.pipeline.screen`, and print per-scheme recall at 1 %, 2 %
and 5 % and precision at those rates, rules+model and rules only, mean and minimum over
seeds, with the prevalence; and how many inspection finds each world held.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_fifthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.015] [--inspection-rate 1.0]
       [--confirm-scale 1.0] [--random-share 0.002] [--worlds DIR] [--keep-alerts DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from fifthworld import generate
from fifthworld.build import Config

KNOBS = ("fraud_share", "inspection_rate", "confirm_scale", "random_share")


def knobs(args: argparse.Namespace) -> dict[str, float]:
    """The generator knobs a run set."""
    return {k: getattr(args, k) for k in KNOBS}


def world_dir(root: Path, seed: int, lines: int, set_knobs: dict[str, float]) -> Path:
    """The world for ``seed`` under ``root``, generated unless an earlier run left it."""
    text = " ".join(f"{k}={v:g}" for k, v in sorted(set_knobs.items()))
    key = hashlib.sha1(f"{lines} {text}".encode()).hexdigest()[:10]
    world = root / f"fifth-seed{seed}-{lines}-{key}"
    if not (world / "truth" / "lines.csv").exists():
        generate(world, lines=lines, seed=seed, **set_knobs)
    return world


def finds(world: Path) -> str:
    """Inspection records and how many found something (any result but clear)."""
    checks = pl.read_csv(world / "inspections.csv", infer_schema=False)
    found = checks.filter(pl.col("result") != "clear")
    return f"{checks.height:,} inspection records, {found.height:,} finds"


def main(argv: list[str] | None = None) -> int:
    defaults = Config()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    for k in KNOBS:
        parser.add_argument("--" + k.replace("_", "-"), type=float, default=getattr(defaults, k))
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument("--keep-alerts", type=Path, default=None, help="write alerts here")
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("fifth world:", ", ".join(f"{k} {v:g}" for k, v in knobs(args).items()))
    tally = screen_seeds(
        args,
        lambda root, seed: world_dir(root, seed, args.lines, knobs(args)),
        lambda world: f"; {finds(world)}",
    )
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
