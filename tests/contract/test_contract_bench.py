"""Load time of a million declaration lines (set OREWATCH_BENCH=1 to run; prints figures).

Kept out of the default run because writing the 300 MB file alone takes seconds.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from contract_factories import write_dataset

from orewatch.contract import load_dataset

LINES = int(os.environ.get("OREWATCH_BENCH_LINES", "1000000"))


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("OREWATCH_BENCH"), reason="set OREWATCH_BENCH=1")
def test_million_lines_load_well_under_30_seconds(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "bench", LINES, every=50)
    size = (root / "declarations.csv").stat().st_size
    start = time.perf_counter()
    table = load_dataset(root).tables["declarations"]
    elapsed = time.perf_counter() - start
    print(f"\n{LINES:,} lines, {size / 1e6:.0f} MB: loaded in {elapsed:.2f} s "
          f"({table.rows_loaded:,} loaded, {table.rows_rejected:,} rejected)")  # fmt: skip
    assert table.rows_read == LINES
    assert table.rows_rejected == LINES // 50
    assert elapsed < 30
