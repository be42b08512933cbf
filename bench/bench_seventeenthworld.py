"""Detection on the seventeenth world: an independent generator's export customs.

Two years (2024-07 to 2026-06) of export declarations around the catalogue's real dates:
gallium, germanium and graphite already controlled, antimony and the cubic presses from
2024-09-15, the US measures of 2024-12-03 and their 2025-11-09 suspension, tungsten,
tellurium, bismuth, molybdenum and indium from 2025-02-04, seven rare earths from
2025-04-04, the No.55/58 items suspended before they took effect, rare-earth general
licences from 2025-12-19 and the Japanese end-user ban of 2026-01-06. Honest trade is
untidy: manufacturers, metal traders, licensed producers, supply-chain consolidators,
e-commerce parcels, border residents carrying goods under their own id cards, trading
houses; seven modes, nine currencies, kg/g/t/pcs/set, Chinese, English and mixed
wording with typos, lodging times in each port's own style (plain dates, +08:00, UTC,
Xinjiang +06:00, local). Honest traps: the rush before and the licence gap after each
control, metal traders turning to look-alikes (antimonial lead, 99.8 % antimony
trioxide, ferro-tungsten, indium, germanium lenses, magnets), old contracts at domestic
prices, nominal-value samples, new exporters, new buyers, dormant exporters that come
back, licences drawn to the last kilogram or used on their last day or revoked after
use, general licences, licence numbers respelled, sister companies, parents paying for
buyers, buyers named like or housed with listed firms, one-sided honest transfers,
stock-take gaps, honest hub re-export surges, and housekeeping finds in the inspection
history. Fourteen schemes, loud or faint: code_cloak, grade_shave, cover_cargo,
ant_parcels, mule_carry, ghost_licence, borrowed_licence, stale_licence, overdraw,
end_user_swap, hub_relay, price_shave, and two invented here -- bought_header (a ring
buys the export title of a dormant company) and crude_article (metal cast into crude
"articles"); rings change front, port, broker, wording or buyers after each seizure.
Optional tables come as CSV, Parquet and JSON lines.

Usage: python bench/bench_seventeenthworld.py [--seeds 1 2 3] [--lines 100000]
       [--fraud-share 0.02] [--faint-share 0.5] [--inspection-rate 0.03]
       [--inspection-bias 1.2] [--find-rate 0.7] [--honest-noise 0.1] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from seventeenthworld import Knobs, generate

KNOBS = (
    "fraud_share",
    "faint_share",
    "inspection_rate",
    "inspection_bias",
    "find_rate",
    "honest_noise",
)


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "seventeenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
