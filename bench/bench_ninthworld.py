"""Benchmark: detection quality on the ninth independent generator's worlds.

The ninth world (``bench/ninthworld``) was written from the data contract alone: its
own names, ports, declaration numbers, e-commerce parcels, clerks' spellings, CIF
values in several currencies, mirror statistics and inspection policy. For each seed
it generates a world (kept under ``--worlds DIR`` between runs), screens it with
``orewatch.screening.pipeline.screen`` and prints recall per scheme and precision at
1 %, 2 % and 5 % inspection rates, rules+model and rules only, mean and minimum over
seeds, with the prevalence (the precision of picking lines at random).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_ninthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.015] [--inspection-rate 1.0] [--confirm 1.0]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from ninthworld import generate


def knobs(args: argparse.Namespace) -> str:
    """The generator's knobs a run used, printed with its figures."""
    return (
        f"fraud_share {args.fraud_share:g}, inspection_rate {args.inspection_rate:g}, "
        f"confirm {args.confirm:g}"
    )


def world_for(args: argparse.Namespace) -> Callable[[Path, int], Path]:
    """A function giving the world of a seed under a root, generated unless kept there."""

    def world(root: Path, seed: int) -> Path:
        key = hashlib.sha1(f"{args.lines} {knobs(args)}".encode()).hexdigest()[:10]
        path = root / f"ninth-seed{seed}-{args.lines}-{key}"
        if not (path / "truth").is_dir():
            generate(
                path,
                lines=args.lines,
                seed=seed,
                fraud_share=args.fraud_share,
                inspection_rate=args.inspection_rate,
                confirm=args.confirm,
            )
        return path

    return world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.015)
    parser.add_argument("--inspection-rate", type=float, default=1.0)
    parser.add_argument("--confirm", type=float, default=1.0)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("ninth world:", knobs(args))
    tally = screen_seeds(args, world_for(args))
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
