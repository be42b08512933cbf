"""Benchmark: detection quality on the eighth independent generator (bench/eighthworld).

Generates a world per seed (kept under ``--worlds DIR`` between runs), screens it with
``orewatch.screening.pipeline.screen`` and prints recall per scheme at 1, 2 and 5 % and
precision, rules+model and rules only, mean and minimum over seeds, with the prevalence.
Each seed's line says how many inspections its world holds and how many found fraud.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_eighthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.02] [--inspection-rate 0.02] [--quota 4]
       [--random-share 0.25] [--confirm-scale 1.0] [--worlds DIR] [--keep-alerts DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from eighthworld import generate

KNOBS = ("fraud_share", "inspection_rate", "quota", "random_share", "confirm_scale")


def knobs(args: argparse.Namespace) -> dict[str, float]:
    """The generator's knobs a run set."""
    return {k: getattr(args, k) for k in KNOBS}


def world_for(args: argparse.Namespace) -> object:
    """A function giving the world of a seed under a root, generated unless it is there."""

    def make(root: Path, seed: int) -> Path:
        said = f"{args.lines} {sorted(knobs(args).items())}"
        world = (
            root / f"eighth-seed{seed}-{args.lines}-{hashlib.sha1(said.encode()).hexdigest()[:10]}"
        )
        if not (world / "truth").is_dir():
            generate(world, lines=args.lines, seed=seed, **knobs(args))  # type: ignore[arg-type]
        return world

    return make


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.02)
    parser.add_argument("--inspection-rate", type=float, default=0.02)
    parser.add_argument("--quota", type=int, default=4)
    parser.add_argument("--random-share", type=float, default=0.25)
    parser.add_argument("--confirm-scale", type=float, default=1.0)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("eighth world:", ", ".join(f"{k} {v:g}" for k, v in knobs(args).items()))
    tally = screen_seeds(args, world_for(args))  # type: ignore[arg-type]
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
