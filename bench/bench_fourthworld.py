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
import tempfile
from pathlib import Path

import polars as pl

from bench_detection import RATES, Tally, add_results_option, summary, wide_tables
from fourthworld import SCHEMES, generate
from orewatch.controls.catalogue import load_catalogue


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
    catalogue = load_catalogue()
    tally = Tally()
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="orewatch-fw-") as tmp:
            world = world_dir(args.worlds or Path(tmp), seed, args)
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
