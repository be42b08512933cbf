"""Queries over a request's few lines: the single-declaration door's way of collecting.

The batch's queries run over a dataset and gain from the streaming engine and the
optimiser; a request's hold one to a few dozen lines, where the engine's start-up and
the optimiser's passes over a plan of hundreds of nodes are most of the cost.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence

import polars as pl
from polars.io.plugins import register_io_source

Collect = Callable[[pl.LazyFrame], pl.DataFrame]

#: No optimisation at all: for plans that read their shared parts through explicit caches
#: (:class:`PlanCache`), where even the search for common parts cost more than it found.
AS_WRITTEN = pl.QueryOptFlags.none()


def collect_many(query: pl.LazyFrame) -> pl.DataFrame:
    """Collect a query over a dataset: every optimisation, on the in-memory engine that
    eager frame methods use (a query built from them keeps their engine)."""
    return query.collect(engine="in-memory")


class RoundFrame:
    """A ``LazyFrame`` whose rows are set for each round: the input of a plan built once.

    A Python IO source (``register_io_source``) that yields whatever frame ``rows``
    holds when the plan is collected, with the projection, filter and row limit Polars
    asks for. Cached, so that a plan reading it in many places calls it once (uncached,
    each of a detector plan's scans of the lines called back into Python).
    """

    def __init__(self, schema: pl.Schema) -> None:
        self.rows: pl.DataFrame | None = None
        self.lazy = register_io_source(self._read, schema=schema).cache()

    def _read(
        self,
        with_columns: list[str] | None,
        predicate: pl.Expr | None,
        n_rows: int | None,
        batch_size: int | None,
    ) -> Iterator[pl.DataFrame]:
        if self.rows is None:
            raise RuntimeError("a round frame was read outside its round")
        rows = self.rows if with_columns is None else self.rows.select(with_columns)
        if predicate is not None:
            rows = rows.filter(predicate)
        yield rows if n_rows is None else rows.head(n_rows)


#: Builds a plan from its inputs' lazy frames, by name.
Build = Callable[[Mapping[str, pl.LazyFrame]], pl.LazyFrame]
#: Builds several plans over the same inputs (collected together, shared parts once).
BuildAll = Callable[[Mapping[str, pl.LazyFrame]], Sequence[pl.LazyFrame]]


class PlanCache:
    """The door's query plans, built once and collected with each round's frames.

    Building the detectors' plan (some 500 nodes) in Python cost about a third of a
    one-line round, every round, for the same plan over other rows. Here each plan is
    built once per ``variant`` (what the building had to know of the rows: whether any
    line cites a licence, say) and per schema of its inputs, over :class:`RoundFrame`
    inputs, and each round sets the inputs and collects on the in-memory engine,
    ``AS_WRITTEN``: the inputs are cached, and so are the parts the detectors read
    several times (a line joined to its licence, say), so a common-subplan search found
    nothing left to share and cost 1-2 ms of a one-line
    round's signals (BENCHMARKS.md, round 4). The lock keeps two rounds from feeding one
    plan at once. Not pickled: a copy builds afresh.
    """

    def __init__(self) -> None:
        self._plans: dict[Hashable, tuple[dict[str, RoundFrame], list[pl.LazyFrame]]] = {}
        self._lock = threading.Lock()

    def collect(
        self, variant: Hashable, build: Build, frames: Mapping[str, pl.DataFrame]
    ) -> pl.DataFrame:
        """``build``'s plan (made on first use of ``variant``) over ``frames``, collected."""
        return self.collect_all(variant, lambda inputs: [build(inputs)], frames)[0]

    def collect_all(
        self, variant: Hashable, build: BuildAll, frames: Mapping[str, pl.DataFrame]
    ) -> list[pl.DataFrame]:
        """``build``'s plans over ``frames``, collected together: a part they share
        (``.cache()``) runs once, and a round makes one collect of them, not one each."""
        # Names and types as two tuples: the same key as the schema's items, a quarter of
        # the cost (a ``Schema`` checks every type again; ~0.3 ms of a one-line round).
        key = (
            variant,
            tuple((name, tuple(f.columns), tuple(f.dtypes)) for name, f in frames.items()),
        )
        with self._lock:
            if key not in self._plans:
                inputs = {name: RoundFrame(f.schema) for name, f in frames.items()}
                plans = list(build({n: r.lazy for n, r in inputs.items()}))
                self._plans[key] = (inputs, plans)
            inputs, plans = self._plans[key]
            for name, frame in frames.items():
                inputs[name].rows = frame
            try:
                if len(plans) == 1:
                    return [plans[0].collect(engine="in-memory", optimizations=AS_WRITTEN)]
                return pl.collect_all(plans, engine="in-memory", optimizations=AS_WRITTEN)
            finally:
                for frame_input in inputs.values():
                    frame_input.rows = None

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__()  # type: ignore[misc]
