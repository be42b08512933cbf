"""Detection on the nineteenth world: China's land frontier and rail corridors, 2024-2025.

Exports through the land ports of Xinjiang (Horgos, Alashankou, Kashgar), Inner Mongolia
(Erenhot, Manzhouli), Heilongjiang (Suifenhe), Yunnan (Mohan, Ruili, Wanding, Hekou) and
Guangxi (Pingxiang, Dongxing), and on the China-Europe trains from Chongqing, Xi'an,
Chengdu and Yiwu: wagons of ferro-alloys and concentrates, containers of consumer goods,
trucks, and border residents' tiny daily declarations under an 8,000 CNY cap, lodged by
their cooperatives. Honest traps: lots that really are heavy, luxury prices, exporters
that take up a controlled good after an expansion, rushes before each control takes
effect, controls suspended before they bit, look-alike uncontrolled goods (ferro-tungsten,
battery lead-antimony alloy, germanium-bearing zinc concentrate, zirconium pigment,
graphite electrodes), hub wholesalers in Almaty and Moscow, shared free-trade-zone
addresses, names in Chinese, Cyrillic and Latin, five currencies, Xinjiang-time stamps,
clerical noise. Twelve schemes, each loud and faint: transit via Kazakhstan, Kyrgyzstan,
Russia and Uzbekistan to listed end users; residents structuring gallium and germanium;
antimony as lead alloy; germanium dioxide inside zinc wagons; rare-earth oxides as
ceramic pigment; tungsten alloy as steel bars; licences overdrawn; value shaving on the
trains; a ring hopping ports after seizures; bonded laundering of domestic goods; metal
under light goods in containers; graphite through a broker's sole traders. Inspections
favour the southern road ports and seldom touch the trains, sweep residents on a few
days, and find faint lines less often.

Usage: python bench/bench_nineteenthworld.py [--seeds 1 2 3] [--lines 100000] [--fraud-share V]
    [--faint-share V] [--inspection-rate V] [--find-rate V] [--honest-noise V]
    [--resident-share V] [--rush-factor V] [--worlds DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detection import generator_bench
from nineteenthworld import Knobs, generate

KNOBS = (
    "fraud_share",
    "faint_share",
    "inspection_rate",
    "find_rate",
    "honest_noise",
    "resident_share",
    "rush_factor",
)


def main(argv: list[str] | None = None) -> int:
    return generator_bench(argv, __doc__, "nineteenth", generate, Knobs(), KNOBS)


if __name__ == "__main__":
    raise SystemExit(main())
