"""Detection on the fourteenth world: an independent generator's customs service.

Thirty months (2024-01 to 2026-06) of export declarations in which look-alike ordinary
metals, alloys and chemicals outnumber licensed controlled items (real catalogue codes
and effective dates); honest traps (front-loading before a control and the price spike
after it, samples, scrap lots, heavy packaging, consolidations, amendments, honest hub
distributors, new exporters, licences drawn to their limit); twelve fraud schemes run by
rings that take a new name and port once an inspection catches them; and an inspection
history aimed at what officers believed risky.

Usage: python bench/bench_fourteenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--fraud-share 0.02] [--inspection-rate 0.03] [--inspection-bias 1.5]
       [--find-rate 0.7] [--honest-noise 0.08] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from fourteenthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "inspection_bias", "find_rate", "honest_noise")


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "fourteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
