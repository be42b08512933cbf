"""Benchmark: generate a synthetic world and print lines/s, wall time and peak RSS.

Usage: .venv/bin/python bench/bench_world.py [--lines 1000000] [--seed 7] [--out DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from orewatch.world import generate_world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orewatch-bench-") as tmp:
        out = args.out or Path(tmp) / "world"
        stages: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        last = t0

        def tick(stage: str) -> None:
            nonlocal last
            now = time.perf_counter()
            stages.append((stage, now - last))
            last = now

        summary = generate_world(out, seed=args.seed, lines=args.lines, progress=tick)
        wall = time.perf_counter() - t0
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    for stage, secs in stages:
        print(f"  {stage:<14} {secs:7.2f} s")
    print(f"lines          {summary.lines:,}")
    print(f"wall time      {wall:.1f} s")
    print(f"lines/s        {summary.lines / wall:,.0f}")
    print(f"peak RSS       {peak_kib / 1024:,.0f} MiB")
    print(f"output         {size / 2**20:,.0f} MiB")
    print(f"truth labels   {sum(summary.scheme_lines.values()):,} line labels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
