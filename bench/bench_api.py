"""Benchmark: single-declaration screening over HTTP on loopback, at fixed request rates.

Generates a world, starts the API in its own process (uvicorn on 127.0.0.1, the screener
fitted on that world, every request treated as an analyst's so that the token store is
not what is measured), and sends one-line declarations at each ``--rates`` value for
``--seconds``: a bounded, open-loop load from an asyncio client with keep-alive
connections (request i is due at i / rate whatever the earlier ones did, and its latency
counts from when it was due, so a slow server cannot hide its queue); rates above one
that saturated the server are skipped. Prints p50/p95/p99
latency, errors, the rate achieved and the load average around each run; each request's
time to the server, inside it and back (the server stamps each answer, see ``Timed``);
and the server's own report on the run before it stops: rounds and their size, each
request's wait in the queue, the event loop's lag, the server's CPU per request.

``--rounds`` measures instead, in process, the wall time of one round (the contract's
``judge`` and :meth:`Screener.screen_lines`, i.e. :func:`screen_round`) for rounds of 1,
5 and 20 one-line requests (``--sizes``), ``--repeat`` times each, and prints medians;
``--warm`` screens every body once before timing (the service has seen their values:
exporters, names, ids); ``--world DIR`` keeps the generated world there between runs, so
that two checkouts can be timed on the same world (run the script with ``PYTHONPATH`` set
to each one's ``src``). ``--procs N`` serves from N processes on one port
(``SO_REUSEPORT``), each fitting its own screener.

Usage: .venv/bin/python bench/bench_api.py [--rates 50 100 200] [--seconds 15] [--lines 100000]
[--shared-rounds] [--workers 1] [--procs 1] [--switch-interval 0.005]
[--rounds [--sizes 1 5 20] [--repeat 20] [--warm]] [--world DIR] [--floor]

``--floor`` times only Polars: one line left-joined to 1, 10 and 40 small tables, the
fixed cost a round pays per lookup in the fitted history whatever its screening does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import polars as pl
import uvicorn
from fastapi.encoders import jsonable_encoder

from orewatch.api.app import create_app
from orewatch.api.batching import MicroBatcher
from orewatch.api.screen import DeclarationIn, raw_frame, screen_round
from orewatch.api.security import api_analyst
from orewatch.cases.auth import Principal
from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import DECLARATIONS
from orewatch.contract.tables import Remembered
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.pipeline import screen
from orewatch.settings import Settings
from orewatch.world import generate_world

BODIES = 500
#: Where each bench server process says which process it is (readiness of all of them).
PID_PATH = "/bench/pid"
#: Where a bench server says what it did since it was last asked (:func:`server_report`).
STATS_PATH = "/bench/stats"
#: Response header with the server's ``perf_counter`` when the request reached the app
#: and when its answer left (CLOCK_MONOTONIC: the client's clock on the same machine).
STAMPS = b"x-bench-stamps"
#: A run achieving less than this share of its rate saturated the server: higher rates
#: would only queue (and take minutes to drain), so they are skipped.
SATURATED = 0.9


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def analyst() -> Principal:
    return Principal(1, "bench", "Bench", "customs-risk", "customs", frozenset({"analyst"}))


def listening_socket(port: int) -> socket.socket:
    """A socket on ``port`` that other server processes may bind too (``SO_REUSEPORT``:
    the kernel spreads new connections over them)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)
    return sock


class LoopLag:
    """How late the server's event loop wakes a task that sleeps 1 ms (started on the
    first request): a request's bytes wait that long before uvicorn reads them, and its
    answer before it is sent, whenever the round's thread holds the GIL or the cores."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.001)
            self.seconds.append(time.perf_counter() - started - 0.001)


class Timed:
    """ASGI middleware: each HTTP request's seconds inside the server, from the moment
    uvicorn hands it over to the last byte of its answer (parsing, pydantic, queueing,
    the round, the response), and the two moments in a header (:data:`STAMPS`), so
    that the client splits its latency into before, inside and after the server."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seconds: list[float] = []
        self.lag = LoopLag()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.lag.start()
        if scope["type"] != "http" or scope["path"] == STATS_PATH:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def stamped(message: Any) -> None:
            if message["type"] == "http.response.start":  # when the answer leaves
                stamps = f"{started:.6f} {time.perf_counter():.6f}".encode()
                message = {**message, "headers": [*message["headers"], (STAMPS, stamps)]}
            await send(message)

        try:
            await self.app(scope, receive, stamped)
        finally:
            self.seconds.append(time.perf_counter() - started)


def ms_of(seconds: Sequence[float] | np.ndarray) -> str:
    """p50 / p95 / p99 of ``seconds`` in ms (``-`` when empty)."""
    if len(seconds) == 0:
        return "-"
    p = np.percentile(np.asarray(seconds) * 1000, [50, 95, 99])
    return f"{p[0]:.1f} / {p[1]:.1f} / {p[2]:.1f}"


def server_report(batcher: MicroBatcher[Any], timed: Timed, since: dict[str, float]) -> str:
    """What the server did since the last report, then forgets it: rounds (requests per
    round, round ms), each request's wait in the queue and its time in the server, and
    the server process's CPU per request (its Polars threads included)."""
    rounds = list(batcher.timings)
    # ``waits``: a base checkout's batcher may predate them (the report then says "-").
    queued: deque[float] = getattr(batcher, "waits", deque())
    waits, inside, lag = list(queued), list(timed.seconds), list(timed.lag.seconds)
    batcher.timings.clear()
    queued.clear()
    timed.seconds.clear()
    timed.lag.seconds.clear()
    cpu, since["cpu"] = time.process_time() - since["cpu"], time.process_time()
    if not rounds:
        return "server: no rounds"
    sizes = np.array([r[0] for r in rounds], dtype=float)
    return (
        f"server: {len(rounds)} rounds of {sizes.mean():.1f} requests (max {sizes.max():.0f}); "
        f"ms p50 / p95 / p99: round {ms_of([r[2] for r in rounds])}, queue wait {ms_of(waits)}, "
        f"in the server {ms_of(inside)}, event loop lag {ms_of(lag)}; "
        f"CPU {cpu / max(1, len(inside)) * 1000:.1f} ms per request"
    )


def serve(
    world: Path,
    port: int,
    home: Path,
    shared_rounds: bool,
    workers: int,
    switch_interval: float = 0.0,
) -> None:
    """A server process: fit on ``world`` and serve until killed (beside the others)."""
    tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
    started = time.perf_counter()
    screener = screen(tables, load_catalogue()).screener
    print(f"fitted in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    app = create_app(Settings(home=home, db=home / "unused.duckdb"), screener=screener)
    app.dependency_overrides[api_analyst] = analyst
    app.add_api_route(PID_PATH, lambda: os.getpid())
    if screener is None:
        raise SystemExit("the world has no lines to fit on")
    screen_one_round = partial(screen_round, screener, remembered=Remembered(DECLARATIONS))
    batcher = MicroBatcher(screen_one_round, isolate=not shared_rounds, workers=workers)
    app.state.batcher = (screener, batcher)
    if switch_interval:
        sys.setswitchinterval(switch_interval)
    timed, since = Timed(app), {"cpu": time.process_time()}
    app.add_api_route(STATS_PATH, lambda: server_report(batcher, timed, since))
    # The socket itself, not its descriptor: uvicorn opens a descriptor as a Unix socket,
    # so its connections lost TCP_NODELAY and each answer's body waited ~40 ms for the
    # client's delayed acknowledgement of its headers (BENCHMARKS.md, round 5).
    server = uvicorn.Server(uvicorn.Config(timed, log_level="warning"))
    server.run(sockets=[listening_socket(port)])


async def wait_ready(base: str, servers: list[subprocess.Popen[bytes]], limit: float) -> None:
    """Until every server process has answered (each on a new connection, which the
    kernel hands to any process listening)."""
    deadline = time.monotonic() + limit
    answered: set[str] = set()
    while time.monotonic() < deadline:
        if any(server.poll() is not None for server in servers):
            raise RuntimeError("a server process ended before it was ready")
        try:
            async with httpx.AsyncClient() as client:
                answered.add((await client.get(f"{base}{PID_PATH}")).text)
        except httpx.HTTPError:
            await asyncio.sleep(0.5)
        if len(answered) == len(servers):
            return
    raise TimeoutError("the servers were not ready in time")


async def load(
    url: str, bodies: list[dict[str, object]], rate: float, seconds: float
) -> dict[str, Any]:
    """One open-loop run: latencies from due time, errors, achieved rate, client lag and
    CPU per request, and the server's own report on the run (:func:`server_report`)."""
    total = int(rate * seconds)
    latencies = np.full(total, np.nan)
    #: Per request: due to the server's app, inside it, its answer to the client.
    phases = np.full((total, 3), np.nan)
    errors = 0
    lag = 0.0
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(timeout=10.0, limits=limits) as client:
        for body in bodies[:50]:  # warm up the connections and the server
            await client.post(url, json=body)
        stats = url.replace("/v1/screen", STATS_PATH)
        await client.get(stats)  # the server forgets the warm-up
        cpu = time.process_time()

        async def send(i: int, due: float) -> None:
            nonlocal errors
            try:
                response = await client.post(url, json=bodies[i % len(bodies)])
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            received = time.perf_counter()
            latencies[i] = received - due
            errors += 0 if ok else 1
            if ok and STAMPS.decode() in response.headers:
                started, answered = map(float, response.headers[STAMPS.decode()].split())
                phases[i] = (started - due, answered - started, received - answered)

        tasks = []
        t0 = time.perf_counter() + 0.2
        for i in range(total):
            due = t0 + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            lag = max(lag, time.perf_counter() - due)
            tasks.append(asyncio.create_task(send(i, due)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - cpu
        report = (await client.get(stats)).json()
    ms = latencies[~np.isnan(latencies)] * 1000
    split = phases[~np.isnan(phases).any(axis=1)]
    return {
        "phases": "; ".join(
            f"{name} {ms_of(split[:, k])}"
            for k, name in enumerate(("to the server", "inside", "back to the client"))
        ),
        "server": report,
        "client_cpu_ms": cpu / total * 1000,
        "requests": total,
        "achieved": total / elapsed,
        "errors": errors,
        "p50": float(np.percentile(ms, 50)),
        "p95": float(np.percentile(ms, 95)),
        "p99": float(np.percentile(ms, 99)),
        "max": float(ms.max()),
        "client_lag_ms": lag * 1000,
    }


def world_at(directory: Path, lines: int) -> Path:
    """The seed-11 world of ``lines`` lines in ``directory``, generated on first use."""
    if not directory.exists() or not any(directory.iterdir()):
        generate_world(directory, seed=11, lines=lines)
    return directory


def sample_bodies(world: Path) -> list[dict[str, object]]:
    """``BODIES`` one-line request bodies drawn from the world's declarations."""
    declarations = load_dataset(world).tables["declarations"].frame.drop("_row", strict=False)
    return [
        {"lines": [jsonable_encoder(r, exclude_none=True)]}
        for r in declarations.sample(BODIES, seed=1).iter_rows(named=True)
    ]


def time_rounds(world: Path, sizes: list[int], repeat: int, warm: bool = False) -> None:
    """Median wall and CPU ms of :func:`screen_round` per round size, in this process."""
    tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
    screener = screen(tables, load_catalogue()).screener
    if screener is None:
        raise SystemExit("the world has no lines to fit on")
    raws = [raw_frame(DeclarationIn.model_validate(b))[0] for b in sample_bodies(world)]
    remembered = Remembered(DECLARATIONS)
    # Warm up: first-call costs are not a round's. ``warm``: every body once, so that the
    # rounds meet values (exporters, names, ids) the service has seen before.
    for start in range(0, len(raws) if warm else 5, 5):
        screen_round(screener, raws[start : start + 5], remembered)
    start = 0
    for size in sizes:
        walls, cpus = [], []
        for _ in range(repeat):
            picked = [raws[(start + k) % len(raws)] for k in range(size)]
            start += size
            wall, cpu = time.perf_counter(), time.process_time()
            screen_round(screener, picked, remembered)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(
            f"round of {size} requests: wall ms median {np.median(walls) * 1000:.1f} "
            f"(min {min(walls) * 1000:.1f}), cpu ms median {np.median(cpus) * 1000:.1f}; "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def join_floor(joins: tuple[int, ...] = (1, 10, 40), rows: int = 2_000, repeat: int = 25) -> None:
    """Median ms Polars takes to left-join a one-line frame to ``joins`` small tables.

    The floor under a round: the detectors look a line up in the fitted history through
    some forty joins (38 in the signals plan alone, BENCHMARKS.md), and in Polars each
    join of even a one-row frame costs a fixed overhead, lazily (plan, optimise, run) or
    eagerly. No screening code runs here, only the joins.
    """
    rng = np.random.default_rng(0)
    keys = pl.Series("key", [f"k{i}" for i in range(rows)])
    tables = [pl.DataFrame({"key": keys, f"v{j}": rng.random(rows)}) for j in range(max(joins))]
    line = pl.DataFrame({"key": ["k7"], "x": [1.0]})

    def lazy(n: int) -> pl.DataFrame:
        plan = line.lazy()
        for table in tables[:n]:
            plan = plan.join(table.lazy(), on="key", how="left")
        return plan.collect()

    def eager(n: int) -> pl.DataFrame:
        frame = line
        for table in tables[:n]:
            frame = frame.join(table, on="key", how="left")
        return frame

    for n in joins:
        for name, run in (("lazy", lazy), ("eager", eager)):
            run(n)
            walls = []
            for _ in range(repeat):
                start = time.perf_counter()
                run(n)
                walls.append(time.perf_counter() - start)
            print(
                f"{n} joins of one line to {rows:,}-row tables, {name}: median "
                f"{np.median(walls) * 1000:.2f} ms; load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rates", type=float, nargs="+", default=[50.0, 100.0, 200.0])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument(
        "--shared-rounds",
        action="store_true",
        help="screen concurrent requests in one round even when they share an exporter, "
        "consignee, licence or declaration (answers may then depend on each other)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="rounds the server screens at once (the API's ROUNDS_AT_ONCE)",
    )
    parser.add_argument(
        "--procs",
        type=int,
        default=1,
        help="server processes on the one port, each with its own fitted screener",
    )
    parser.add_argument("--rounds", action="store_true", help="time rounds in process")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument(
        "--warm",
        action="store_true",
        help="with --rounds: screen every body once first (values seen before)",
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--world", type=Path, help="keep the generated world here")
    parser.add_argument(
        "--floor", action="store_true", help="time Polars joins of one line (no screening)"
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=0.0,
        help="the server's sys.setswitchinterval in seconds (0: Python's default)",
    )
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        join_floor()
        return 0
    if args.serve is not None:
        serve(
            args.serve,
            args.port,
            args.serve.parent,
            args.shared_rounds,
            args.workers,
            args.switch_interval,
        )
        return 0
    with tempfile.TemporaryDirectory(prefix="orewatch-api-") as tmp:
        world = world_at(args.world or Path(tmp) / "world", args.lines)
        if args.rounds:
            time_rounds(world, args.sizes, args.repeat, args.warm)
            return 0
        bodies = sample_bodies(world)
        port = free_port()
        command = [sys.executable, __file__, "--serve", str(world), "--port", str(port)]
        command += ["--shared-rounds"] if args.shared_rounds else []
        command += ["--workers", str(args.workers)]
        command += ["--switch-interval", str(args.switch_interval)]
        servers = [subprocess.Popen(command, env=os.environ.copy()) for _ in range(args.procs)]
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(wait_ready(base, servers, limit=900))
            saturated = False
            for rate in sorted(args.rates):
                if saturated:
                    print(f"{rate:.0f}/s skipped: the server saturated at a lower rate")
                    continue
                before = os.getloadavg()[0]
                r = asyncio.run(load(f"{base}/v1/screen", bodies, rate, args.seconds))
                after = os.getloadavg()[0]
                print(
                    f"{r['requests']:.0f} requests at {rate:.0f}/s, achieved "
                    f"{r['achieved']:.0f}/s, errors {r['errors']:.0f}; latency ms: "
                    f"p50 {r['p50']:.1f}  p95 {r['p95']:.1f}  p99 {r['p99']:.1f}  "
                    f"max {r['max']:.1f}; client lag max {r['client_lag_ms']:.1f} ms, CPU "
                    f"{r['client_cpu_ms']:.1f} ms per request; load average {before:.1f} -> "
                    f"{after:.1f}\n  client's view, ms p50 / p95 / p99: {r['phases']}"
                    f"\n  {r['server']}",
                    flush=True,
                )
                saturated = r["achieved"] < SATURATED * rate
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
