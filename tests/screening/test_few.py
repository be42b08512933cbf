"""The door's plan cache: built once per variant, fed each round's frames."""

from __future__ import annotations

import pickle
from collections.abc import Mapping

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from orewatch.screening.few import PlanCache, RoundFrame


def _query(inputs: Mapping[str, pl.LazyFrame]) -> pl.LazyFrame:
    """A plan reading its lines twice and joining a second input, as the detectors do."""
    lines = inputs["lines"]
    hits = lines.join(inputs["names"], on="name").select("_idx", pl.col("entry").alias("what"))
    dear = lines.filter(pl.col("value") > 10).select("_idx", pl.lit("dear").alias("what"))
    return pl.concat([hits, dear]).sort("_idx", "what")


def _round(values: list[float], names: list[str]) -> dict[str, pl.DataFrame]:
    return {
        "lines": pl.DataFrame(
            {"_idx": range(len(values)), "name": names, "value": values},
            schema={"_idx": pl.UInt32, "name": pl.String, "value": pl.Float64},
        ),
        "names": pl.DataFrame({"name": ["acme"], "entry": ["ACME Ltd"]}),
    }


def test_each_round_gets_the_answer_of_its_own_frames() -> None:
    cache, built = PlanCache(), []

    def build(inputs: Mapping[str, pl.LazyFrame]) -> pl.LazyFrame:
        built.append(1)
        return _query(inputs)

    for values, names in (([5.0, 20.0], ["acme", "other"]), ([30.0], ["acme"]), ([1.0], ["x"])):
        frames = _round(values, names)
        direct = _query({k: f.lazy() for k, f in frames.items()}).collect()
        assert_frame_equal(cache.collect("q", build, frames), direct)
    assert len(built) == 1  # one plan, three rounds


def test_a_variant_or_another_schema_builds_its_own_plan() -> None:
    cache, built = PlanCache(), []

    def build(inputs: Mapping[str, pl.LazyFrame]) -> pl.LazyFrame:
        built.append(1)
        return _query(inputs)

    frames = _round([5.0], ["acme"])
    cache.collect("a", build, frames)
    cache.collect("b", build, frames)
    wider = frames | {"lines": frames["lines"].with_columns(pl.lit(1).alias("extra"))}
    cache.collect("a", build, wider)
    cache.collect("a", build, frames)
    assert len(built) == 3


def test_a_round_frame_is_not_read_outside_its_round() -> None:
    frame = RoundFrame(pl.Schema({"a": pl.Int64}))
    with pytest.raises(Exception, match="outside its round"):
        frame.lazy.collect()


def test_a_copied_cache_builds_afresh() -> None:
    cache = PlanCache()
    frames = _round([20.0], ["acme"])
    first = cache.collect("q", _query, frames)
    copy = pickle.loads(pickle.dumps(cache))
    assert_frame_equal(copy.collect("q", _query, frames), first)


def test_plans_collected_together_run_their_shared_part_once() -> None:
    """``collect_all``: each plan's answer is its own collect's, and a cached part the
    plans share is worked out once a round (counted by a Python step inside it)."""
    cache, runs = PlanCache(), []

    def counted(lines: pl.DataFrame) -> pl.DataFrame:
        runs.append(1)
        return lines

    def build(inputs: Mapping[str, pl.LazyFrame]) -> list[pl.LazyFrame]:
        shared = _query(inputs).map_batches(counted).cache()
        return [shared, shared.group_by("_idx").len().sort("_idx")]

    for values, names in (([5.0, 20.0], ["acme", "other"]), ([30.0], ["acme"])):
        frames = _round(values, names)
        runs.clear()
        found, counts = cache.collect_all("q", build, frames)
        assert len(runs) == 1
        direct = _query({k: f.lazy() for k, f in frames.items()}).collect()
        assert_frame_equal(found, direct)
        assert_frame_equal(counts, direct.group_by("_idx").len().sort("_idx"))
