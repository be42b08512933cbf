"""Detection on the fifteenth world: an independent generator's customs service.

Thirty-three months (2023-07 to 2026-03) of export declarations during which the
catalogue's gallium/germanium, graphite, antimony, 2025 No.10 and rare-earth controls
take effect (real codes and effective dates; the suspended 2025 Nos.55-58 items never
do). Honest trade dominates: manufacturers, trading houses and small traders lodging
through brokers, look-alike ordinary metals, oxides and chemicals, licensed controlled
trade, mixed Chinese/English descriptions, several currencies and all seven modes.
Honest traps: front-loading between announcement and effect and the pause after it,
export price spikes and contracts priced before them, premium brands, off-spec lots,
free samples by courier, drums and crates, consolidations, new exporters, honest hub
stockists, licences drawn to their limit, licence numbers and names written other ways,
and words or buildings shared with listed companies. Fourteen schemes, each loud or
faint (code_swap, thin_invoice, grade_shave, ballast_blend, pocket_courier,
odd_line_out, paper_gap, forged_permit, stale_permit, consignee_swap, permit_overdraw,
hub_relay, shadow_buyer, alloy_wash), are run by rings that come back under a new name
and port once an inspection catches them; leaking plants, surging hub re-exports and
front consignees leave traces in the chain, statistics, parties and watchlist.

Usage: python bench/bench_fifteenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--fraud-share 0.02] [--inspection-rate 0.03] [--inspection-bias 1.5]
       [--find-rate 0.7] [--honest-noise 0.08] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from fifteenthworld import Knobs, generate

KNOBS = ("fraud_share", "inspection_rate", "inspection_bias", "find_rate", "honest_noise")


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "fifteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
