"""Benchmark: orewatch's detection on worlds of the twelfth independent generator.

The generator (bench/twelfthworld) was written from the data contract and from how
strategic-mineral smuggling works, without reading orewatch's simulator or detectors: a
2022-01..2026-10 history with phoenix companies, broker hubs, messy text, consolidated
declarations, moving prices and currencies, and an imperfect inspection history. For
each seed: generate (or reuse under ``--worlds``), screen with
``orewatch.screening.pipeline.screen``, and print per-scheme recall at 1/2/5 % and
precision, rules+model and rules only, mean and minimum over seeds, and the prevalence.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_twelfthworld.py [--seeds 1 2 3]
       [--lines 100000] [--fraud-share 0.025] [--inspection-rate 0.004]
       [--target-rate 0.012] [--campaign 4] [--confirm-scale 1]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from twelfthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "target_rate", "campaign", "confirm_scale")


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "twelfth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
