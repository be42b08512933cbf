"""Benchmark: detection quality on the fourth independent generator's worlds.

For each seed: generate a sparse world with ``bench/fourthworld`` (cached under
``--worlds DIR``), screen it with orewatch, and print per-scheme recall at 1 %, 2 % and 5 %
inspection rates and precision at each, for rules+model and rules only, mean and minimum
over seeds, with the prevalence (the precision of random selection).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_fourthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.025] [--inspection-rate 0.03]
       [--confirm 1.0] [--worlds DIR] [--keep-alerts DIR]

``--confirm`` multiplies every scheme's chance that a past check confirmed it.
``--keep-alerts DIR`` writes each seed's alerts (Parquet) for analysis of missed lines.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from fourthworld import SCHEMES, generate


def world_dir(root: Path, seed: int, args: argparse.Namespace) -> Path:
    """The seed's world under ``root``, generated unless an earlier run left it there."""
    knobs = f"f{args.fraud_share:g}-i{args.inspection_rate:g}-c{args.confirm:g}"
    key = f"fw-seed{seed}-{args.lines}-{knobs}"
    world = root / key
    if not (world / "truth").is_dir():
        generate(
            world,
            lines=args.lines,
            seed=seed,
            fraud_share=args.fraud_share,
            inspection_rate=args.inspection_rate,
            confirm={s: args.confirm for s in SCHEMES},
        )
    return world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.025)
    parser.add_argument("--inspection-rate", type=float, default=0.03)
    parser.add_argument("--confirm", type=float, default=1.0)
    parser.add_argument("--worlds", type=Path, default=None)
    parser.add_argument("--keep-alerts", type=Path, default=None)
    add_results_option(parser)
    args = parser.parse_args(argv)
    print(
        f"fourth world: fraud_share {args.fraud_share:g}, inspection_rate "
        f"{args.inspection_rate:g}, confirm x{args.confirm:g}"
    )
    wide_tables()
    tally = screen_seeds(args, lambda root, seed: world_dir(root, seed, args))
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
