"""Benchmark: orewatch's detection on worlds of the thirteenth independent generator.

The generator (bench/thirteenthworld) was written from the data contract and from how
strategic-mineral smuggling works, without reading orewatch's simulator or detectors: a
2023-06..2026-09 history over fourteen exit offices with their own inspection habits,
many small traders and a few large producers, border residents, mostly Chinese text,
ordinary look-alike goods as the majority, eleven line schemes (look-alike codes, alloy
and slag disguises, trimmed values and weights, stowaways in bulk cargo, parcel
"samples", forged and stale licences, hub relays, border ant-moving) and a skewed,
imperfect inspection history. For each seed: generate (or reuse under ``--worlds``),
screen with ``orewatch.screening.pipeline.screen``, and print per-scheme recall at
1/2/5 % and precision, rules+model and rules only, mean and minimum over seeds, and the
prevalence.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_thirteenthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.02] [--inspection-rate 0.02]
       [--inspection-bias 1] [--find-rate 1] [--honest-noise 1]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from thirteenthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "inspection_bias", "find_rate", "honest_noise")


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "thirteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
