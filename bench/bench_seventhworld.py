"""Benchmark: detection quality on the seventh independent generator's worlds.

The seventh generator (``bench/seventhworld``) was written from the data contract and
the control catalogue alone, without reading the simulator or the screening code. Each
seed gets a knob profile in turn (``--profiles``, default standard, lean, rich): the
profiles differ in how many inspection finds the history holds (about 30 to several
hundred per 100,000 lines), in the file formats, and in which optional tables exist.
Prints per-scheme recall at 1/2/5 % and precision, rules+model and rules only, mean and
minimum over seeds, with the prevalence (bench_detection.py's report).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_seventhworld.py [--seeds 1 2 3]
       [--lines 100000] [--profiles standard lean rich] [--fraud-share 0.02]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import add_results_option, report_by_rate, screen_seeds, wide_tables
from seventhworld import PROFILES, generate


def profile_of(args: argparse.Namespace, seed: int) -> str:
    """The knob profile of ``seed``: the profiles taken in turn over the seeds."""
    return str(args.profiles[args.seeds.index(seed) % len(args.profiles)])


def world_for(args: argparse.Namespace, root: Path, seed: int) -> Path:
    """The world of ``seed`` under ``root``, generated unless an earlier run left it."""
    profile = profile_of(args, seed)
    world = root / f"seventh-seed{seed}-{args.lines}-{profile}-{args.fraud_share:g}"
    if not (world / "truth" / "lines.csv").exists():
        generate(
            world, lines=args.lines, seed=seed, fraud_share=args.fraud_share, **PROFILES[profile]
        )
    return world


def about(world: Path) -> str:
    """Profile, the tables the world holds and its inspection finds."""
    tables = sorted(p.name.split(".")[0] for p in world.iterdir() if p.is_file())
    found = next(world.glob("inspections.*"), None)
    finds = ""
    if found is not None:
        frame = (
            pl.read_ndjson(found, infer_schema_length=None)
            if found.suffix == ".jsonl"
            else (pl.read_csv(found, infer_schema=False))
        )
        finds = f", {frame.filter(pl.col('result') != 'clear').height} finds"
    return f" [{world.name.split('-')[3]}: {','.join(tables)}{finds}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument(
        "--profiles", nargs="+", default=["standard", "lean", "rich"], choices=list(PROFILES)
    )
    parser.add_argument("--fraud-share", type=float, default=0.02)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print(
        "seventh world: profiles", ", ".join(f"seed {s}={profile_of(args, s)}" for s in args.seeds)
    )
    tally = screen_seeds(args, lambda root, seed: world_for(args, root, seed), about)
    report_by_rate(tally, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
