"""The micro-batcher's rounds: requests sharing an entity neither share a round nor overlap."""

from __future__ import annotations

import asyncio
import threading
import time

import polars as pl

from orewatch.api.batching import MicroBatcher, Pending, interaction_keys, startable


def request(exporter: str, declaration: str) -> pl.DataFrame:
    return pl.DataFrame({"declaration_id": [declaration], "exporter_id": [exporter]})


class Recorder:
    """A round that takes a while and records which exporters were screened at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active: list[str] = []
        self.overlaps: list[tuple[str, ...]] = []
        self.rounds: list[list[str]] = []
        self.running = 0
        self.most_at_once = 0

    def __call__(self, frames: list[pl.DataFrame]) -> list[str]:
        exporters = [str(f["exporter_id"][0]) for f in frames]
        with self.lock:
            self.rounds.append(exporters)
            self.active.extend(exporters)
            self.overlaps.append(tuple(sorted(self.active)))
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        time.sleep(0.05)
        with self.lock:
            self.running -= 1
            for e in exporters:
                self.active.remove(e)
        return exporters


def run(batcher: MicroBatcher[str], frames: list[pl.DataFrame]) -> list[str]:
    async def go() -> list[str]:
        try:
            answers = []
            for f in frames:  # arrive one after another while rounds run
                answers.append(asyncio.create_task(batcher.submit(f)))
                await asyncio.sleep(0.005)
            return list(await asyncio.gather(*answers))
        finally:
            await batcher.close()

    return asyncio.run(go())


def test_two_workers_overlap_rounds_but_never_for_one_exporter() -> None:
    frames = [request(e, f"D{i}") for i, e in enumerate(["A", "B", "A", "C", "A", "B", "D"])]
    recorder = Recorder()
    answers = run(MicroBatcher(recorder, workers=2), frames)
    assert answers == ["A", "B", "A", "C", "A", "B", "D"]  # each request its own answer
    assert recorder.most_at_once == 2  # two rounds did run at once
    for overlap in recorder.overlaps:
        assert len(set(overlap)) == len(overlap), overlap  # never one exporter twice
    for members in recorder.rounds:
        assert len(set(members)) == len(members)


def test_one_worker_runs_one_round_at_a_time() -> None:
    frames = [request(e, f"D{i}") for i, e in enumerate(["A", "B", "C", "D"])]
    recorder = Recorder()
    run(MicroBatcher(recorder, workers=1), frames)
    assert recorder.most_at_once == 1
    assert len(recorder.rounds) > 1  # later arrivals made a second round


def test_startable_holds_back_what_meets_a_round_in_flight() -> None:
    loop = asyncio.new_event_loop()
    try:
        frames = [request("A", "D1"), request("B", "D2"), request("B", "D3"), request("C", "D4")]
        batch = [Pending(f, interaction_keys(f), loop.create_future()) for f in frames]
        now, later = startable(batch, {("exporter_id", "A")})
        assert now == [batch[1], batch[3]]  # B and C; the second B waits for the first
        assert later == [batch[0], batch[2]]  # in order of arrival
        shared, none = startable(batch, {("exporter_id", "A")}, isolate=False)
        assert shared == batch and none == []
        assert startable(batch[:1], {("exporter_id", "A")}) == ([], batch[:1])
    finally:
        loop.close()


def test_waits_count_the_time_a_request_queued_behind_a_round() -> None:
    """A request arriving while a 50 ms round runs waits for it; the first waits for none."""
    recorder = Recorder()
    batcher = MicroBatcher(recorder)
    run(batcher, [request("A", "D1"), request("B", "D2")])
    assert len(batcher.waits) == 2
    first, second = batcher.waits
    assert first < 0.02
    assert second >= 0.03  # arrived ~5 ms in, the round ends at ~50 ms
    assert [r[0] for r in batcher.timings] == [1, 1]
