"""Benchmark: orewatch's detection on worlds of the thirteenth independent generator.

The generator (bench/thirteenthworld) was written from the data contract and from how
strategic-mineral smuggling works, without reading orewatch's simulator or detectors: a
2023-06..2026-09 history over fourteen exit offices with their own inspection habits,
many small traders and a few large producers, border residents, mostly Chinese text,
ordinary look-alike goods as the majority, eleven line schemes (look-alike codes, alloy
and slag disguises, trimmed values and weights, stowaways in bulk cargo, parcel
"samples", forged and stale licences, hub relays, border ant-moving) and a skewed,
imperfect inspection history. For each seed: generate (or reuse under ``--worlds``),
screen with ``orewatch.screening.pipeline.screen``, and print per-scheme recall at
1/2/5 % and precision, rules+model and rules only, mean and minimum over seeds, and the
prevalence.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_thirteenthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.02] [--inspection-rate 0.02]
       [--inspection-bias 1] [--find-rate 1] [--honest-noise 1]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from thirteenthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "inspection_bias", "find_rate", "honest_noise")


def knobs(args: argparse.Namespace) -> dict[str, float]:
    """The generator's knobs a run set."""
    return {k: getattr(args, k) for k in KNOBS}


def world_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """A function giving the world of a seed under a root, generated unless kept there."""

    def make(root: Path, seed: int) -> Path:
        key = hashlib.sha1(repr(sorted(knobs(args).items())).encode()).hexdigest()[:10]
        world = root / f"thirteenth-seed{seed}-{args.lines}-{key}"
        if not (world / "truth" / "lines.csv").exists():
            generate(world, lines=args.lines, seed=seed, **knobs(args))
        return world

    return make


def finds(world: Path) -> str:
    """How many inspections the world's history holds and how many found something."""
    inspections = pl.read_csv(world / "inspections.csv", infer_schema=False)
    found = inspections.filter(pl.col("result") != "clear").height
    return f", {inspections.height:,} inspections / {found:,} finds"


def main(argv: list[str] | None = None) -> int:
    defaults = Knobs()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    for name in KNOBS:
        parser.add_argument(
            "--" + name.replace("_", "-"), type=float, default=getattr(defaults, name)
        )
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("thirteenth world:", ", ".join(f"{k} {v:g}" for k, v in knobs(args).items()))
    tally = screen_seeds(args, world_for(args), finds)
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
