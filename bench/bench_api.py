"""Benchmark: single-declaration screening over HTTP on loopback, at a fixed request rate.

Fits a screener on a generated world, serves the API with uvicorn on 127.0.0.1, and
sends one-line declarations at ``--rate`` requests per second for ``--seconds`` (a
bounded, open-loop load: request i is due at i / rate whatever the earlier ones did).
Prints p50/p95/p99 latency, errors and the rate achieved.

Usage: .venv/bin/python bench/bench_api.py [--rate 200] [--seconds 15] [--lines 100000]
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import httpx
import numpy as np
import uvicorn

from orewatch.api.app import create_app
from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.pipeline import screen
from orewatch.settings import Settings
from orewatch.world import generate_world


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_json(row: dict[str, object]) -> dict[str, object]:
    return {
        k: (v.isoformat() if isinstance(v, datetime) else v)
        for k, v in row.items()
        if v is not None
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="orewatch-api-") as tmp:
        world = Path(tmp) / "world"
        generate_world(world, seed=11, lines=args.lines)
        tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
    screener = screen(tables, load_catalogue()).screener
    tables["declarations"].drop("_row").sample(500, seed=1)
    bodies = [
        {"lines": [as_json(r)]}
        for r in tables["declarations"].sample(500, seed=1).iter_rows(named=True)
    ]
    app = create_app(Settings(home=Path(tmp), db=Path(tmp) / "unused.duckdb"), screener=screener)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}/v1/screen"
    total = int(args.rate * args.seconds)
    latencies = np.full(total, np.nan)
    errors = 0
    with httpx.Client(timeout=5.0, limits=httpx.Limits(max_connections=64)) as client:
        for body in bodies[:20]:  # warm up
            client.post(url, json=body)

        def send(i: int, due: float) -> None:
            nonlocal errors
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            start = time.perf_counter()
            try:
                response = client.post(url, json=bodies[i % len(bodies)])
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies[i] = time.perf_counter() - start
            if not ok:
                errors += 1

        t0 = time.perf_counter() + 0.2
        with ThreadPoolExecutor(max_workers=64) as pool:
            for i in range(total):
                pool.submit(send, i, t0 + i / args.rate)
        elapsed = time.perf_counter() - t0
    server.should_exit = True
    thread.join(timeout=5)
    ms = latencies[~np.isnan(latencies)] * 1000
    achieved = total / elapsed
    p50, p95, p99 = (np.percentile(ms, q) for q in (50, 95, 99))
    print(f"{total} requests at {args.rate:.0f}/s, achieved {achieved:.0f}/s, errors {errors}")
    print(f"latency ms: p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}  max {ms.max():.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
