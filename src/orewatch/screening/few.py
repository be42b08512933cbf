"""Queries over a request's few lines: the single-declaration door's way of collecting.

The batch's queries run over a dataset and gain from the streaming engine and the
optimiser; a request's hold one to a few dozen lines, where the engine's start-up and
the optimiser's passes over a plan of hundreds of nodes are most of the cost.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

Collect = Callable[[pl.LazyFrame], pl.DataFrame]


def collect_many(query: pl.LazyFrame) -> pl.DataFrame:
    """Collect a query over a dataset: every optimisation, on the in-memory engine that
    eager frame methods use (a query built from them keeps their engine)."""
    return query.collect(engine="in-memory")


def collect_few(query: pl.LazyFrame) -> pl.DataFrame:
    """Collect a query over a request's few lines: in-memory engine, plan as written.

    The optimisations never change a result, and on a few rows they have nothing to
    save (the signal query of one line costs about two thirds as much this way;
    BENCHMARKS.md, API).
    """
    return query.collect(engine="in-memory", optimizations=pl.QueryOptFlags.none())
