"""Benchmark: 50 concurrent workbench users on loopback for 60 s (a bounded load test).

Generates and screens a demo world (or uses ``--data``), serves the workbench with
uvicorn in a separate process on 127.0.0.1, logs ``--users`` users in (cookie session
and API token each) and lets them click for ``--seconds``: alert queue pages with
filters, declaration pages, the case list, a case page, API alert and case queries,
and now and then a note (a write with its audit row). Each user waits for its answer
before the next click (closed loop). Prints p50/p95/p99 per kind (page / API / write),
throughput and errors, then verifies the audit chain.

Usage: .venv/bin/python bench/bench_workbench.py [--users 50] [--seconds 60] [--lines 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import re
import socket
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
import polars as pl

PASSWORD = "bench-password-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(data_dir: str, cases_url: str, port: int) -> None:
    """Server process: the workbench over ``data_dir`` (run by multiprocessing)."""
    import uvicorn

    from orewatch.api.app import create_app
    from orewatch.settings import Settings
    from orewatch.web.context import WorkbenchConfig
    from orewatch.web.launch import prepare

    config = WorkbenchConfig(cases_url=cases_url, data_dir=Path(data_dir))
    launch = prepare(config, PASSWORD)
    home = Path(data_dir)
    app = create_app(Settings(home=home, db=home / "no-warehouse.duckdb"))
    app.state.workbench = launch.workbench
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error")


async def wait_up(base: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get(f"{base}/login")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("workbench did not start")


async def log_in(
    client: httpx.AsyncClient, username: str, first_id: str, gate: asyncio.Semaphore
) -> tuple[str, str]:
    """Log in through the form (a few at a time: argon2 is meant to be slow); open a case."""
    async with gate:
        page = await client.post(
            "/login",
            data={"username": username, "password": PASSWORD},
            follow_redirects=True,
            timeout=120.0,
        )
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    if match is None:
        raise RuntimeError(f"{username}: login failed ({page.status_code})")
    created = await client.post(
        "/cases",
        data={
            "csrf": match.group(1),
            "declaration_id": first_id,
            "title": f"bench case of {username}",
        },
    )
    return match.group(1), str(created.headers["location"])


async def api_token(base: str, username: str) -> dict[str, str]:
    """One bearer token per user name, shared by that user's clients."""
    async with httpx.AsyncClient(base_url=base, timeout=120.0) as client:
        answer = await client.post(
            "/api/v1/auth/token", json={"username": username, "password": PASSWORD}
        )
    return {"Authorization": f"Bearer {answer.json()['token']}"}


async def clicks(
    client: httpx.AsyncClient,
    csrf: str,
    case_url: str,
    api: dict[str, str],
    seconds: float,
    ids: list[str],
    record: dict[str, list[float]],
    errors: list[str],
    seed: int,
) -> None:
    """One analyst clicking through the workbench until the time is up (closed loop)."""
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.25:
            kind, call = (
                "page",
                client.get(
                    "/alerts",
                    params={
                        "page": rng.randrange(10),
                        "channel": rng.choice(["", "red", "yellow"]),
                    },
                ),
            )
        elif roll < 0.45:
            kind, call = "page", client.get(f"/declarations/{rng.choice(ids)}")
        elif roll < 0.55:
            kind, call = "page", client.get("/cases")
        elif roll < 0.65:
            kind, call = "page", client.get(case_url)
        elif roll < 0.80:
            kind, call = (
                "api",
                client.get("/api/v1/alerts", params={"offset": rng.randrange(500)}, headers=api),
            )
        elif roll < 0.95:
            kind, call = "api", client.get("/api/v1/cases", headers=api)
        else:
            kind, call = (
                "write",
                client.post(f"{case_url}/notes", data={"csrf": csrf, "body": "bench note"}),
            )
        started = time.perf_counter()
        try:
            response = await call
        except httpx.HTTPError as error:
            errors.append(f"{kind}: {error!r}")
            continue
        record[kind].append(time.perf_counter() - started)
        if response.status_code >= 400:
            errors.append(f"{kind} {response.request.url.path}: {response.status_code}")


def report(record: dict[str, list[float]], seconds: float, errors: list[str]) -> None:
    total = sum(len(v) for v in record.values())
    print(
        f"requests: {total:,} in {seconds:.0f} s = {total / seconds:,.0f}/s; errors: {len(errors)}"
    )
    for kind, times in record.items():
        if times:
            ms = np.array(times) * 1000
            p50, p95, p99 = np.percentile(ms, [50, 95, 99])
            print(
                f"  {kind:<6} n={len(ms):>6,}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms"
                f"  p99 {p99:7.1f} ms  max {ms.max():7.1f} ms"
            )
    for line in sorted(set(errors))[:10]:
        print(f"  error: {line}")


async def run(base: str, users: int, seconds: float, ids: list[str]) -> None:
    from orewatch.cases.bootstrap import DEMO_USERS

    names = [
        u for u, agency, roles, _ in DEMO_USERS if agency == "customs" and "admin" not in roles
    ]
    record: dict[str, list[float]] = {"page": [], "api": [], "write": []}
    errors: list[str] = []
    clients = [httpx.AsyncClient(base_url=base, timeout=30.0) for _ in range(users)]
    who = [names[i % len(names)] for i in range(users)]
    t0 = time.perf_counter()
    gate = asyncio.Semaphore(4)
    sessions = await asyncio.gather(
        *(log_in(c, w, ids[0], gate) for c, w in zip(clients, who, strict=True))
    )
    tokens = {name: await api_token(base, name) for name in set(who)}
    print(
        f"{users} form logins + {len(tokens)} token logins (argon2id, library default cost) "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    started = time.perf_counter()
    await asyncio.gather(
        *(
            clicks(c, *s, tokens[w], seconds, ids, record, errors, i)
            for i, (c, s, w) in enumerate(zip(clients, sessions, who, strict=True))
        )
    )
    report(record, time.perf_counter() - started, errors)
    for client in clients:
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--lines", type=int, default=20_000)
    parser.add_argument("--data", type=Path, default=None, help="folder with screen/ and world/")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    data = args.data or work / "demo"
    if args.data is None:
        from orewatch.demo import run_demo

        t0 = time.perf_counter()
        run_demo(data, lines=args.lines)
        print(f"demo world: {args.lines:,} lines screened in {time.perf_counter() - t0:.1f} s")
    alerts = pl.read_csv(data / "screen" / "alerts.csv", infer_schema=False)
    ids = (
        alerts.sort(pl.col("score").cast(pl.Float64), descending=True)["declaration_id"]
        .head(200)
        .to_list()
    )
    port = free_port()
    cases_url = f"sqlite:///{work / 'cases.sqlite'}"
    server = multiprocessing.get_context("spawn").Process(
        target=serve, args=(str(data), cases_url, port)
    )
    server.start()
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(wait_up(base))
        print(
            f"{args.users} users for {args.seconds:.0f} s against {base}"
            " (2-core shared machine: noisy)"
        )
        asyncio.run(run(base, args.users, args.seconds, ids))
    finally:
        server.terminate()
        server.join(10)
    from orewatch.cases.service import CaseService
    from orewatch.cases.store import CaseStore

    verdict = CaseService(CaseStore.open(cases_url)).verify_audit()
    print(
        f"audit chain after the run: {verdict.rows:,} rows, {'intact' if verdict.ok else 'BROKEN'}"
    )


if __name__ == "__main__":
    main()
