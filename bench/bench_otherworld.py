"""Benchmark: detection quality on worlds of the independent generator (bench/otherworld).

orewatch's detectors were developed against its own simulator; this measures them on
data written without looking at them: other names, identifiers, ports, prices,
schemes and inspection history. For each seed: generate (or reuse) a world, screen it,
and print per-scheme recall at 1 %, 2 % and 5 % of lines and precision at each rate,
rules+model and rules only, mean and minimum over seeds, plus the prevalence.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_otherworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.012] [--inspection-rate 0.03]
       [--worlds DIR] [--keep-alerts DIR]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import polars as pl

from bench_detection import RATES, Tally, add_results_option, summary, wide_tables
from orewatch.controls.catalogue import load_catalogue
from otherworld import Knobs, generate


def world_dir(root: Path, seed: int, lines: int, knobs: Knobs) -> Path:
    """The world for these settings under ``root``, generated unless already there."""
    world = root / f"other-seed{seed}-{lines}-f{knobs.fraud_share:g}-i{knobs.inspection_rate:g}"
    if not (world / "truth" / "lines.csv").exists():
        generate(
            world,
            lines=lines,
            seed=seed,
            fraud_share=knobs.fraud_share,
            inspection_rate=knobs.inspection_rate,
        )
    return world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=Knobs.fraud_share)
    parser.add_argument("--inspection-rate", type=float, default=Knobs.inspection_rate)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here")
    parser.add_argument("--keep-alerts", type=Path, default=None, help="write alerts here")
    add_results_option(parser)
    args = parser.parse_args(argv)
    knobs = Knobs(fraud_share=args.fraud_share, inspection_rate=args.inspection_rate)
    wide_tables()
    catalogue = load_catalogue()
    tally = Tally()
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="otherworld-") as tmp:
            world = world_dir(args.worlds or Path(tmp), seed, args.lines, knobs)
            said = tally.screen(world, seed, catalogue, args.keep_alerts)
            print(f"seed {seed}: {args.lines:,} lines {said}")
    for rate in RATES:
        print(f"\n== inspection rate {rate:.0%} (seeds {args.seeds}, {args.lines:,} lines each)")
        print(summary(pl.concat(tally.results), rate))
    tally.report()
    tally.save(args.results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
