"""Benchmark: how orewatch screens worlds from the third independent generator.

For each seed: generate a ``bench/thirdworld`` world (cached under ``--worlds DIR``),
screen it with :func:`orewatch.screening.pipeline.screen`, and print per-scheme recall at
1 %, 2 % and 5 % inspection rates and precision at 5 %, for rules+model and rules only,
as the mean and minimum over seeds, with the prevalence (the precision of random picks).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_thirdworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.015] [--inspection-rate 0.012]
       [--worlds DIR] [--keep-alerts DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import checks, inspection_counts, measure, model_weight, summed
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, read_truth, reason_precision
from orewatch.screening.pipeline import screen
from thirdworld import generate


def world_dir(root: Path, seed: int, args: argparse.Namespace) -> Path:
    """The world of ``seed`` under ``root``, generated unless already there."""
    world = root / f"third-seed{seed}-{args.lines}-f{args.fraud_share:g}-i{args.inspection_rate:g}"
    if not (world / "truth" / "lines.csv").exists():
        generate(
            world,
            lines=args.lines,
            seed=seed,
            fraud_share=args.fraud_share,
            inspection_rate=args.inspection_rate,
        )
    return world


def summary(table: pl.DataFrame) -> pl.DataFrame:
    """Per scheme and variant: recall at each rate (mean, min over seeds), precision at 5 %."""
    recall = table.group_by("scheme", "variant", "rate").agg(
        pl.col("recall").mean().alias("mean"),
        pl.col("recall").min().alias("min"),
        pl.col("lines").mean().alias("lines"),
    )
    wide = recall.pivot(on="rate", index=["scheme", "variant"], values=["mean", "min"])
    lines = recall.group_by("scheme", "variant").agg(pl.col("lines").first().round(1))
    precision = (
        table.filter(pl.col("rate") == 0.05, pl.col("scheme") == ALL_SCHEMES)
        .group_by("variant")
        .agg(
            pl.col("precision").mean().round(3).alias("prec@5%"),
            pl.col("random_precision").mean().round(4).alias("prevalence"),
        )
    )
    named = {
        f"{k}_{r}": f"{'recall' if k == 'mean' else 'min'}@{float(r):.0%}"
        for k in ("mean", "min")
        for r in (0.01, 0.02, 0.05)
    }
    wide = wide.rename({c: named[c] for c in wide.columns if c in named})
    order = ["scheme", "variant", "lines"] + [
        f"{k}@{r}" for k in ("recall", "min") for r in ("1%", "2%", "5%")
    ]
    out = wide.join(lines, on=["scheme", "variant"]).join(precision, on="variant", how="left")
    out = out.with_columns(
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.col("prec@5%")).alias("prec@5%"),
        pl.when(pl.col("scheme") == ALL_SCHEMES).then(pl.col("prevalence")).alias("prevalence"),
    )
    return (
        out.select([*order, "prec@5%", "prevalence"])
        .with_columns(pl.col(r"^(recall|min)@.*$").round(3))
        .sort("variant", pl.col("scheme") == ALL_SCHEMES, "scheme")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fraud-share", type=float, default=0.015)
    parser.add_argument("--inspection-rate", type=float, default=0.012)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here"
    )
    args = parser.parse_args(argv)
    catalogue = load_catalogue()
    results, codes, noted = [], [], []
    channelled: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="orewatch-third-") as tmp:
        for seed in args.seeds:
            start = time.perf_counter()
            world = world_dir(args.worlds or Path(tmp), seed, args)
            generated = time.perf_counter() - start
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
                f"seed {seed}: {args.lines:,} lines, world {generated:.0f} s, screened in "
                f"{time.perf_counter() - start - generated:.0f} s; {inspection_counts(tables)}; "
                f"{model_weight(result)}"
            )
    pl.Config.set_tbl_rows(100)
    pl.Config.set_tbl_width_chars(200)
    pl.Config.set_tbl_cols(20)
    print(
        f"\n== per scheme (seeds {args.seeds}, {args.lines:,} lines, "
        f"fraud_share {args.fraud_share:g}, "
        f"inspection_rate {args.inspection_rate:g})"
    )
    print(summary(pl.concat(results)))
    print("\n== reason codes: lines raising each and the share that is fraudulent (all seeds)")
    print(summed(codes))
    print("\n== codes only noted as context (all seeds)")
    print(summed(noted))
    print("\n== channels (all seeds):", ", ".join(f"{k} {v:,}" for k, v in channelled.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
