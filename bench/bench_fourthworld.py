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
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import RATES, checks, inspection_counts, measure, model_weight, summed
from fourthworld import SCHEMES, generate
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, read_truth, reason_precision
from orewatch.screening.pipeline import screen


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


def summary(table: pl.DataFrame, rate: float) -> pl.DataFrame:
    """Per scheme and variant at ``rate``: mean and minimum recall over seeds, precision."""
    return (
        table.filter(pl.col("rate") == rate)
        .group_by("scheme", "variant")
        .agg(
            pl.col("lines").sum().alias("lines"),
            pl.col("recall").mean().round(3).alias("recall mean"),
            pl.col("recall").min().round(3).alias("recall min"),
            pl.col("precision").mean().round(3).alias("precision"),
            pl.col("random_precision").mean().round(4).alias("prevalence"),
        )
        .sort("variant", pl.col("scheme") == ALL_SCHEMES, "scheme")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.025)
    parser.add_argument("--inspection-rate", type=float, default=0.03)
    parser.add_argument("--confirm", type=float, default=1.0)
    parser.add_argument("--worlds", type=Path, default=None)
    parser.add_argument("--keep-alerts", type=Path, default=None)
    args = parser.parse_args(argv)
    print(
        f"fourth world: fraud_share {args.fraud_share:g}, inspection_rate "
        f"{args.inspection_rate:g}, confirm x{args.confirm:g}"
    )
    catalogue = load_catalogue()
    results, codes, channelled = [], [], {}
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="orewatch-fw-") as tmp:
            world = world_dir(args.worlds or Path(tmp), seed, args)
            start = time.perf_counter()
            tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
            result = screen(tables, catalogue)
            truth = read_truth(world, "lines")
            assert truth is not None
            results.append(measure(world, result.alerts, truth, seed))
            codes.append(reason_precision(result.alerts, truth))
            for name, count in checks(result.alerts, truth).items():
                channelled[name] = channelled.get(name, 0) + count
            if args.keep_alerts is not None:
                args.keep_alerts.mkdir(parents=True, exist_ok=True)
                result.alerts.write_parquet(args.keep_alerts / f"alerts-seed{seed}.parquet")
            print(
                f"seed {seed}: {args.lines:,} lines screened in "
                f"{time.perf_counter() - start:.0f} s; {inspection_counts(tables)}; "
                f"{model_weight(result)}"
            )
    table = pl.concat(results)
    pl.Config.set_tbl_rows(100)
    pl.Config.set_tbl_width_chars(160)
    for rate in RATES:
        print(f"\n== inspection rate {rate:.0%} (seeds {args.seeds}, {args.lines:,} lines each)")
        print(summary(table, rate))
    print("\n== reason codes: lines raising each and the share that is fraudulent (all seeds)")
    print(summed(codes))
    print("\n== channels (all seeds):", ", ".join(f"{k} {v:,}" for k, v in channelled.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
