"""Signals: the common currency of detectors.

A detector returns a frame of signals, one row per (line, reason code), with the
evidence that triggered it. Keeping this shape narrow lets every family be computed
over whole columns and combined by one group-by.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

SIGNAL_SCHEMA: dict[str, pl.DataType] = {
    "_idx": pl.UInt32(),
    "code": pl.String(),
    "evidence": pl.String(),
}


def empty_signals() -> pl.DataFrame:
    return pl.DataFrame(schema=SIGNAL_SCHEMA)


def signals_where(
    frame: pl.DataFrame, condition: pl.Expr, code: str, evidence: pl.Expr | None = None
) -> pl.DataFrame:
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
        .collect()
    )


def concat_signals(parts: Iterable[pl.DataFrame]) -> pl.DataFrame:
    frames = [p.select(list(SIGNAL_SCHEMA)).cast(SIGNAL_SCHEMA) for p in parts if p.height]  # type: ignore[arg-type]
    return pl.concat(frames) if frames else empty_signals()
