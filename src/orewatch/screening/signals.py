"""Signals: the common currency of detectors.

A detector returns a lazy frame of signals, one row per (line, reason code), with the
evidence that triggered it. Keeping this shape narrow lets every family be computed
over whole columns and combined by one group-by; keeping it lazy lets Polars run all
detectors as one query, which is what makes scoring one declaration cheap.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

SIGNAL_SCHEMA: dict[str, pl.DataType] = {
    "_idx": pl.UInt32(),
    "code": pl.String(),
    "evidence": pl.String(),
}

Signals = pl.LazyFrame
#: A detector's lines: a frame, or (the door's plans built once) a lazy frame of them.
Lines = pl.DataFrame | pl.LazyFrame


def any_row(lines: pl.DataFrame, condition: pl.Expr) -> bool:
    """Whether some line meets ``condition``: what a detector reads of the rows before
    building its query, so as to leave out a part that cannot fire."""
    return bool(lines.select(condition.fill_null(False).any()).item())


def empty_signals() -> pl.LazyFrame:
    return pl.LazyFrame(schema=SIGNAL_SCHEMA)


def signals_where(
    frame: pl.DataFrame | pl.LazyFrame,
    condition: pl.Expr,
    code: str,
    evidence: pl.Expr | None = None,
) -> pl.LazyFrame:
    """Rows of ``frame`` (which must carry ``_idx``) where ``condition`` holds, as signals."""
    ev = evidence if evidence is not None else pl.lit("")
    return (
        frame.lazy()
        .filter(condition.fill_null(False))
        .select(
            pl.col("_idx").cast(pl.UInt32),
            pl.lit(code).alias("code"),
            ev.cast(pl.String).fill_null("").alias("evidence"),
        )
    )


def concat_signals(parts: Iterable[pl.LazyFrame | pl.DataFrame]) -> pl.LazyFrame:
    frames = [p.lazy().select(list(SIGNAL_SCHEMA)).cast(SIGNAL_SCHEMA) for p in parts]  # type: ignore[arg-type]
    return pl.concat(frames) if frames else empty_signals()
