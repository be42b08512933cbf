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
import time
from pathlib import Path

import polars as pl

from bench_detection import RATES, checks, inspection_counts, measure, model_weight, summed
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, read_truth, reason_precision
from orewatch.screening.pipeline import screen
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


def summary(table: pl.DataFrame, rate: float) -> pl.DataFrame:
    """Mean and minimum recall per scheme and variant at ``rate``, with precision."""
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
    parser.add_argument("--fraud-share", type=float, default=Knobs.fraud_share)
    parser.add_argument("--inspection-rate", type=float, default=Knobs.inspection_rate)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here")
    parser.add_argument("--keep-alerts", type=Path, default=None, help="write alerts here")
    args = parser.parse_args(argv)
    knobs = Knobs(fraud_share=args.fraud_share, inspection_rate=args.inspection_rate)
    catalogue = load_catalogue()
    results, codes, noted = [], [], []
    channelled: dict[str, int] = {}
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="otherworld-") as tmp:
            world = world_dir(args.worlds or Path(tmp), seed, args.lines, knobs)
            start = time.perf_counter()
            tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
            result = screen(tables, catalogue)
            truth = read_truth(world, "lines")
            assert truth is not None
            results.append(measure(world, result.alerts, truth, seed))
            if args.keep_alerts is not None:
                args.keep_alerts.mkdir(parents=True, exist_ok=True)
                result.alerts.write_parquet(args.keep_alerts / f"alerts-seed{seed}.parquet")
            codes.append(reason_precision(result.alerts, truth))
            noted.append(reason_precision(result.alerts, truth, "noted"))
            for name, count in checks(result.alerts, truth).items():
                channelled[name] = channelled.get(name, 0) + count
            print(
                f"seed {seed}: {result.alerts.height:,} lines screened in "
                f"{time.perf_counter() - start:.0f} s; {inspection_counts(tables)}; "
                f"{model_weight(result)}"
            )
    table = pl.concat(results)
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(160)
    for rate in RATES:
        print(f"\n== inspection rate {rate:.0%} (seeds {args.seeds}, {args.lines:,} lines each)")
        print(summary(table, rate))
    print("\n== reason codes: lines raising each and the share that is fraudulent (all seeds)")
    print(summed(codes))
    print("\n== codes only noted as context (all seeds)")
    print(summed(noted))
    print("\n== channels (all seeds):", ", ".join(f"{k} {v:,}" for k, v in channelled.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
