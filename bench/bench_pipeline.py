"""Benchmark: load, ingest, re-ingest and screen a generated world; print each stage.

Prints wall seconds per stage, lines per second and the process's peak resident memory;
then the end-to-end run as ``orewatch screen`` does it (load, screen, write, no
warehouse) in a fresh process of its own, so that its peak memory is its own, with its
CPU seconds and the machine's load average.
Usage: .venv/bin/python bench/bench_pipeline.py [--lines 1000000] [--seed 7] [--world DIR]
(--world reuses an existing dataset instead of generating one).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import TABLES
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.pipeline import quarantine_output, screen, write_outputs
from orewatch.warehouse.store import Warehouse
from orewatch.world import generate_world

T = TypeVar("T")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, rows: list[tuple[str, float, float]], fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    value = fn()
    rows.append((label, time.perf_counter() - start, peak_rss_mib()))
    return value


def duckdb_baseline(world: Path, out: Path) -> None:
    """What DuckDB alone takes to read the declarations and write one row per line."""
    source = str(world / "declarations.csv")
    duckdb.sql(
        f"COPY (SELECT declaration_id, line_no, 0.0 AS score, 'green' AS channel, '' AS reasons "
        f"FROM read_csv('{source}', all_varchar=true)) TO '{out}' (HEADER)"
    )


def end_to_end(world: Path, out: Path) -> dict[str, float]:
    """Load, screen and write as ``orewatch screen`` does; wall and CPU seconds, peak RSS.

    Meant to run in a process of its own (see :func:`main`).
    """
    start, cpu = time.perf_counter(), time.process_time()
    loaded = load_dataset(world)
    lines = loaded.tables["declarations"].rows_loaded
    tables = {name: t.frame for name, t in loaded.tables.items()}
    rejected = quarantine_output(loaded.rejected)
    del loaded
    screened = time.perf_counter()
    result = screen(tables, load_catalogue())
    result.rejected = rejected
    written = time.perf_counter()
    write_outputs(result, out)
    end = time.perf_counter()
    return {
        "load": screened - start,
        "screen": written - screened,
        "write": end - written,
        "wall": end - start,
        "cpu": time.process_time() - cpu,
        "peak": peak_rss_mib(),
        "lines": lines,
    }


def own_process(world: Path, out: Path) -> tuple[dict[str, float], float, float]:
    """:func:`end_to_end` in a fresh process, with the load average before and after."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        before = os.getloadavg()[0]
        run = pool.apply(end_to_end, (world, out))
        return run, before, os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--world", type=Path, default=None)
    parser.add_argument("--end-to-end-only", action="store_true", help="skip the warehouse stages")
    args = parser.parse_args(argv)
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="orewatch-bench-") as tmp:
        world = args.world
        if world is None:
            world = Path(tmp) / "world"
            timed(
                "generate world",
                rows,
                lambda: generate_world(world, seed=args.seed, lines=args.lines),
            )
        timed(
            "duckdb read+write only", rows, lambda: duckdb_baseline(world, Path(tmp) / "base.csv")
        )
        run, load_before, load_after = own_process(world, Path(tmp) / "e2e")
        if not args.end_to_end_only:
            loaded = timed("load + validate", rows, lambda: load_dataset(world))
            with Warehouse(Path(tmp) / "w.duckdb") as warehouse:
                timed("ingest into DuckDB", rows, lambda: warehouse.ingest(loaded))
                again = timed("re-ingest (no change)", rows, lambda: warehouse.ingest(loaded))
                assert again.inserted == 0
                tables = timed(
                    "read tables back", rows, lambda: {n: warehouse.table(n) for n in TABLES}
                )
            catalogue = load_catalogue()
            result = timed("screen", rows, lambda: screen(tables, catalogue))
            timed("write outputs", rows, lambda: write_outputs(result, Path(tmp) / "out"))
    lines = int(run["lines"])
    machine = f"{platform.machine()}, {platform.system()} {platform.release()}"
    print(f"machine: {machine}, python {platform.python_version()}")
    print(f"declaration lines: {lines:,}")
    print(f"{'stage':<24}{'seconds':>10}{'lines/s':>12}{'peak RSS MiB':>14}")
    for label, took, rss in rows:
        print(f"{label:<24}{took:>10.1f}{lines / took:>12,.0f}{rss:>14,.0f}")
    seconds = dict((r[0], r[1]) for r in rows)
    baseline = seconds["duckdb read+write only"]
    if not args.end_to_end_only:
        staged = seconds["load + validate"] + seconds["screen"] + seconds["write outputs"]
        print(f"{'total':<24}{sum(r[1] for r in rows):>10.1f}")
        print(
            f"staged (load, screen, write): {staged:.1f} s, "
            f"{staged / baseline:.1f}x DuckDB's read+write alone"
        )
    print(
        "end to end in its own process (load, screen, write; no warehouse): "
        f"load {run['load']:.1f} s + screen {run['screen']:.1f} s + write {run['write']:.1f} s "
        f"= {run['wall']:.1f} s wall ({lines / run['wall']:,.0f} lines/s), "
        f"{run['cpu']:.1f} s CPU, peak RSS {run['peak']:,.0f} MiB, "
        f"{run['wall'] / baseline:.1f}x DuckDB's read+write alone; "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
