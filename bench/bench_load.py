"""Benchmark: load and validate a million declaration lines with one row in 50 broken.

Prints the file size, the load time and how many rows loaded and were quarantined.
Usage: .venv/bin/python bench/bench_load.py [--lines 1000000] [--every 50]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "contract"))

from contract_factories import write_dataset

from orewatch.contract import load_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=50, help="one broken row in this many")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orewatch-bench-") as tmp:
        root = write_dataset(Path(tmp) / "bench", args.lines, every=args.every)
        size = (root / "declarations.csv").stat().st_size
        start = time.perf_counter()
        table = load_dataset(root).tables["declarations"]
        elapsed = time.perf_counter() - start
    assert table.rows_read == table.rows_loaded + table.rows_rejected
    print(f"{args.lines:,} lines, {size / 1e6:.0f} MB CSV: loaded in {elapsed:.2f} s "
          f"({args.lines / elapsed:,.0f} lines/s); {table.rows_loaded:,} loaded, "
          f"{table.rows_rejected:,} quarantined; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
