"""Detection on the eighteenth world: a busy Chinese export office, June 2024 to May 2026.

Freight consolidators and export agents lodge 10-60-line declarations of general cargo,
Yiwu traders lodge market-procurement declarations, e-commerce sellers send parcels in
UTC-stamped express manifests, licensed producers ship controlled goods in big lots
(rushing before each control date, pausing until their first licences after it, never to
a destination whose licences are denied), and scrap, alloy, device and rare-earth
exporters ship goods that sit right next to the controls. Honest traps in equal measure:
tungsten carbide scrap and tools, lead-antimony alloy, flame-retardant antimony trioxide,
cerium/lanthanum/NdPr, NdFeB magnets, germanium infrared lenses, LED chips, suspended
controls (batteries, diamond powder), codes cut to their tariff line, companies sharing
a building or a registered agent's suite with a listed party, Chinese/English/pinyin and
respelled names, price swings and contract-price lag, new exporters, control-date rushes.

Thirteen schemes, loud or faint per ``faint_share``, run by rings that change port,
broker, wording and shell after a seizure: structuring into express parcels, controlled
metal as scrap, as alloy, as optics/wafers, heavy rare-earth oxides as ordinary ones,
licence overdraw, borrowed licences, hub re-export to listed military end users,
undervaluation to offshore affiliates, false end users, shell consignees, concealment
in consolidated cargo, and this world's own ``market_bundle`` (ingots as "metal crafts"
in Yiwu market-procurement declarations). Inspections come from a legacy targeting
system with its own port/chapter/new-exporter biases, mostly recorded for the whole
declaration, with misses, housekeeping finds and late post-clearance diversion findings.

Usage: python bench/bench_eighteenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--fraud-share 0.02] [--faint-share 0.5] [--inspection-rate 0.03]
       [--inspection-bias 3] [--find-rate 0.7] [--honest-noise 0.1] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from eighteenthworld import Knobs, generate

KNOBS = (
    "fraud_share",
    "faint_share",
    "inspection_rate",
    "inspection_bias",
    "find_rate",
    "honest_noise",
)


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "eighteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
