"""Queries over a request's few lines: the single-declaration door's way of collecting.

The batch's queries run over a dataset and gain from the streaming engine and the
optimiser; a request's hold one to a few dozen lines, where the engine's start-up and
the optimiser's passes over a plan of hundreds of nodes are most of the cost.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

Collect = Callable[[pl.LazyFrame], pl.DataFrame]

#: A request's optimisations: common subplans and subexpressions computed once, nothing else.
SHARED_PARTS_ONCE = pl.QueryOptFlags.none(comm_subplan_elim=True, comm_subexpr_elim=True)


def collect_many(query: pl.LazyFrame) -> pl.DataFrame:
    """Collect a query over a dataset: every optimisation, on the in-memory engine that
    eager frame methods use (a query built from them keeps their engine)."""
    return query.collect(engine="in-memory")


def collect_few(query: pl.LazyFrame) -> pl.DataFrame:
    """Collect a query over a request's few lines: in-memory engine, shared parts once.

    The optimisations never change a result, and on a few rows most have nothing to
    save but their own passes over a plan of hundreds of nodes. Common subplans are the
    exception: a detector reads one joined frame (a line and its licence) in a dozen
    signals, and the plan as written joins it a dozen times (BENCHMARKS.md, API).
    """
    return query.collect(engine="in-memory", optimizations=SHARED_PARTS_ONCE)
