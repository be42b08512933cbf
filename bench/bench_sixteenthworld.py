"""Detection on the sixteenth world: an independent generator's customs service.

Thirty months (2024-04 to 2026-09) of export declarations that straddle the
catalogue's antimony controls (2024 No.33, announced a month ahead), the US measures of
2024 No.46 and their suspension, the 2025 No.10 and No.18 items, the No.70 suspension
of the October 2025 items (never in force) and the Japanese end-user ban of 2026 No.1,
with real codes and dates. Honest trade dominates and is untidy: exporters of every
size lodging through brokers, supply-chain companies with 40-line declarations, sole
traders sending parcels, look-alike metals, oxides and chemicals, licensed controlled
trade, mixed Chinese/English descriptions and declared elements, seven currencies and
all seven modes. Honest traps: the licence gap after each control and the antimony rush
before it, export prices that double with the premium abroad and old contracts that do
not, samples by courier at nominal value, new exporters and new buyers, hub stockists,
licences drawn to the last kilogram or used on their last day, revoked after honest
use, general licences, licence numbers and names written other ways, suspended items
shipped without licences, elements in unlisted goods (ferro-tungsten, germanium lenses,
magnets), buyers paid for by a parent abroad, names and buildings shared with listed
firms, and stock-take losses. Fourteen schemes, each loud or faint (code_shift,
purity_dodge, vague_words, short_weight, sister_element, cargo_cover, dense_parcel,
no_licence, forged_licence, stale_licence, borrowed_licence, overdraw,
third_country_hop, front_buyer), run by rings that change exporter, name, front, port
or broker when caught; leaks show in the chain of custody, diversions in the partners'
re-export statistics, fronts in the registry and the watchlist.

Usage: python bench/bench_sixteenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--fraud-share 0.02] [--inspection-rate 0.03] [--inspection-bias 1.2]
       [--find-rate 0.75] [--honest-noise 0.1] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from sixteenthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "inspection_bias", "find_rate", "honest_noise")


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "sixteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
