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
from pathlib import Path

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
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
    tally = screen_seeds(args, lambda root, seed: world_dir(root, seed, args.lines, knobs))
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
