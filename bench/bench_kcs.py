"""Benchmark: the learned model on the public KCS customs fraud data (official time split).

Trains on the 2020 labels (and 2021-Q1 unless ``--train-only``), scores 2021-Q2 without
its labels, and prints JSON: precision, recall and value captured at 1/2/5/10%, AUC, the
model's out-of-fold figures, and seconds for loading and learning. Published references
on this data: LightGBM precision@5% 0.762 (Jeong et al. 2022), XGBoost with risk
profiles about 0.93.

Usage: .venv/bin/python bench/bench_kcs.py [--data ../shared/data/kcs-customs-fraud] [--seeds 0 1 2]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from orewatch.screening.learned.kcs import kcs_benchmark, kcs_config, load_kcs

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs-customs-fraud"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--train-only", action="store_true")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    lines = load_kcs(args.data)
    load_s = time.perf_counter() - start
    runs = []
    for seed in args.seeds:
        start = time.perf_counter()
        config = replace(kcs_config(seed), threads=args.threads)
        result = kcs_benchmark(lines, config, use_valid=not args.train_only)
        runs.append(
            {
                "seed": seed,
                **result.test,
                "model": result.model.metrics,
                "learn_and_score_s": round(time.perf_counter() - start, 1),
            }
        )
    print(json.dumps({"load_s": round(load_s, 2), "runs": runs}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
