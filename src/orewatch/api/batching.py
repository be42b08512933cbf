"""Micro-batching: concurrent single-declaration requests screened as one frame.

Checking and screening one line cost about as much as twenty (Polars' per-operation
overhead and query planning dominate, not the rows), so under load the API screens the
requests that queued while the previous round ran, checks and screens them with one call
of the same code (the contract's ``judge`` and :meth:`Screener.screen_lines`), and answers
each with its own rows.

Some detectors compare lines with each other (running licence draws, an exporter's new
commodity chapters, a consignee collecting controlled elements, small lots from senders
sharing contacts or one delivery address, odd lines within a declaration). So that one
request's answer never depends on what else arrived at the same moment, requests that
share a value of any :data:`INTERACTING` column go to separate rounds: each request gets
the answer it would get alone.

Up to ``workers`` rounds run at once (Polars and LightGBM release the GIL, so two rounds
use two cores); a request sharing an interacting value with a round in flight waits
until that round is done, so requests that may not share a round never overlap either.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import polars as pl

#: Columns through which the detectors let lines of one frame affect each other.
INTERACTING: tuple[str, ...] = (
    "declaration_id",
    "exporter_id",
    "consignee_name",
    "consignee_address",
    "license_no",
)

Out = TypeVar("Out")
#: Checks and screens one round's request frames together; one answer per frame, in order.
Screen = Callable[[list[pl.DataFrame]], list[Out]]


def interaction_keys(frame: pl.DataFrame) -> frozenset[tuple[str, str]]:
    """The (column, value) pairs through which ``frame``'s lines could meet other lines.

    Plain Python over a handful of rows: a Polars expression per column would cost more
    than the request (this runs on the event loop for every request).
    """
    columns = [c for c in INTERACTING if c in frame.columns]
    keys: set[tuple[str, str]] = set()
    for row in frame.select(columns).iter_rows():
        for column, value in zip(columns, row, strict=True):
            text = str(value).strip() if value is not None else ""
            if text:
                keys.add((column, text))
    return frozenset(keys)


@dataclass
class Pending(Generic[Out]):
    """One request waiting for its answer."""

    frame: pl.DataFrame
    keys: frozenset[tuple[str, str]]
    answer: asyncio.Future[Out]
    #: When it was queued (``time.perf_counter``), for :attr:`MicroBatcher.waits`.
    queued: float = field(default_factory=time.perf_counter)


def rounds(batch: Iterable[Pending[Out]], isolate: bool = True) -> list[list[Pending[Out]]]:
    """Split requests into rounds whose requests share no interacting value (first fit).

    ``isolate=False`` keeps them in one round: faster, but a request's answer may then
    depend on what arrived with it (measured in BENCHMARKS.md, not used by the API).
    """
    if not isolate:
        return [list(batch)]
    out: list[tuple[list[Pending[Out]], set[tuple[str, str]]]] = []
    for item in batch:
        for members, used in out:
            if used.isdisjoint(item.keys):
                members.append(item)
                used.update(item.keys)
                break
        else:
            out.append(([item], set(item.keys)))
    return [members for members, _ in out]


def startable(
    batch: list[Pending[Out]], busy: set[tuple[str, str]], isolate: bool = True
) -> tuple[list[Pending[Out]], list[Pending[Out]]]:
    """The round to start now, and the requests that wait, in their order of arrival.

    ``busy``: the interacting values of the rounds in flight; a request sharing one waits
    (it must not run beside them, as it may not share their round). The round is the
    first of :func:`rounds` over the others; it is empty when every request must wait.
    """
    free = [m for m in batch if not isolate or busy.isdisjoint(m.keys)]
    first = rounds(free, isolate)[0] if free else []
    chosen = {id(m) for m in first}
    return first, [m for m in batch if id(m) not in chosen]


@dataclass
class MicroBatcher(Generic[Out]):
    """Screens whatever requests queued while the previous round ran, as one round.

    Adaptive batching: a round costs about the same for one request as for twenty, so
    under load each round takes every request that arrived during the last one (at most
    ``max_lines`` lines), and a lone request is screened at once. Requests that may not
    share a round (see :func:`rounds`) wait for the next one, ahead of later arrivals.
    ``window`` > 0 waits that many seconds after the first request for company (not
    needed when rounds follow each other). One worker task screens one round at a time
    in a thread, so the event loop keeps accepting requests while Polars works; it
    belongs to the event loop it was started on and is started again on another one.
    ``timings`` keeps the last rounds' (requests, lines, seconds) and ``waits`` each
    request's seconds in the queue before its round started, for benchmarks.
    """

    screen: Screen[Out]
    window: float = 0.0
    max_lines: int = 512
    isolate: bool = True
    workers: int = 1
    timings: deque[tuple[int, int, float]] = field(
        default_factory=lambda: deque(maxlen=100_000), repr=False
    )
    waits: deque[float] = field(default_factory=lambda: deque(maxlen=100_000), repr=False)
    _queue: asyncio.Queue[Pending[Out]] | None = field(default=None, init=False, repr=False)
    _worker: asyncio.Task[None] | None = field(default=None, init=False, repr=False)
    #: Rounds in flight and the interacting values of their requests.
    _running: dict[asyncio.Task[None], set[tuple[str, str]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _loop: asyncio.AbstractEventLoop | None = field(default=None, init=False, repr=False)

    async def submit(self, frame: pl.DataFrame) -> Out:
        """The answer for ``frame``, screened with whatever came at the same time."""
        queue = self._started()
        answer: asyncio.Future[Out] = asyncio.get_running_loop().create_future()
        queue.put_nowait(Pending(frame, interaction_keys(frame), answer))
        return await answer

    async def close(self) -> None:
        """Stop the worker and its rounds (requests still queued are not answered)."""
        for task in [self._worker, *self._running]:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._running.clear()
        self._worker = self._queue = self._loop = None

    def _started(self) -> asyncio.Queue[Pending[Out]]:
        loop = asyncio.get_running_loop()
        if (
            self._queue is None
            or self._loop is not loop
            or self._worker is None
            or self._worker.done()
        ):
            self._queue = asyncio.Queue()
            self._loop = loop
            self._running.clear()
            self._worker = loop.create_task(self._run(self._queue))
        return self._queue

    async def _gather(
        self, queue: asyncio.Queue[Pending[Out]], waiting: list[Pending[Out]]
    ) -> list[Pending[Out]]:
        """``waiting`` (held back from earlier rounds) and what queued, up to ``max_lines``."""
        batch = list(waiting) or [await queue.get()]
        lines = sum(item.frame.height for item in batch)
        deadline = asyncio.get_running_loop().time() + self.window
        while lines < self.max_lines:
            try:
                item = queue.get_nowait()
            except asyncio.QueueEmpty:
                remaining = deadline - asyncio.get_running_loop().time()
                if remaining <= 0:
                    break
                try:
                    item = await asyncio.wait_for(queue.get(), remaining)
                except TimeoutError:
                    break
            batch.append(item)
            lines += item.frame.height
        return batch

    async def _run(self, queue: asyncio.Queue[Pending[Out]]) -> None:
        waiting: list[Pending[Out]] = []
        while True:
            if len(self._running) >= max(1, self.workers):
                await self._one_done()
                continue
            batch = await self._gather(queue, waiting)
            for task in [t for t in self._running if t.done()]:
                del self._running[task]
            busy: set[tuple[str, str]] = set().union(*self._running.values())
            first, waiting = startable(batch, busy, self.isolate)
            if not first:  # every request meets a round in flight
                await self._one_done()
                continue
            task = asyncio.create_task(self._screen(first))
            self._running[task] = {key for m in first for key in m.keys}

    async def _one_done(self) -> None:
        """Wait until a round in flight ends, and forget it."""
        done, _ = await asyncio.wait(self._running, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            del self._running[task]

    async def _screen(self, members: list[Pending[Out]]) -> None:
        live = [m for m in members if not m.answer.done()]
        if not live:
            return
        started = time.perf_counter()
        self.waits.extend(started - m.queued for m in live)
        try:
            results = await asyncio.to_thread(self.screen, [m.frame for m in live])
        except Exception as error:  # every waiting request learns why
            for m in live:
                if not m.answer.done():
                    m.answer.set_exception(error)
            return
        lines = sum(m.frame.height for m in live)
        self.timings.append((len(live), lines, time.perf_counter() - started))
        for m, rows in zip(live, results, strict=True):
            if not m.answer.done():
                m.answer.set_result(rows)
