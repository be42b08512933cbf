"""The quarantine: every record the loader would not load, and why.

The contract promises that nothing is dropped silently, so each refusal becomes one
row here with the file, table, record number, field, the raw value as received and a
reason a clerk can act on. ``row`` 0 stands for the whole file (missing required
column, undecodable bytes, empty file).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import polars as pl

from orewatch.contract.schema import OUTPUT_COLUMNS
from orewatch.io.atomic import write_csv

REJECTED_SCHEMA = pl.Schema(
    {
        "file": pl.String(),
        "table": pl.String(),
        "row": pl.Int64(),
        "field": pl.String(),
        "value": pl.String(),
        "reason": pl.String(),
    }
)
WHOLE_FILE = 0


class HasRejected(Protocol):
    """Anything that carries a quarantine frame (a loaded dataset)."""

    @property
    def rejected(self) -> pl.DataFrame: ...


def empty() -> pl.DataFrame:
    """A quarantine with no rows but the right columns, so concatenation never fails."""
    return pl.DataFrame(schema=REJECTED_SCHEMA)


def records(
    rows: Sequence[int],
    fields: Sequence[str | None],
    values: Sequence[str | None],
    reasons: Sequence[str],
) -> pl.DataFrame:
    """Rejections found record by record (ragged rows, bad JSON lines); file/table unset."""
    return pl.DataFrame(
        {
            "file": [None] * len(rows),
            "table": [None] * len(rows),
            "row": list(rows),
            "field": list(fields),
            "value": list(values),
            "reason": list(reasons),
        },
        schema=REJECTED_SCHEMA,
    )


def whole_file(reason: str, field: str | None = None) -> pl.DataFrame:
    """One row=0 rejection: the file as a whole could not be used."""
    return records([WHOLE_FILE], [field], [None], [reason])


def stamp(frame: pl.DataFrame, file: Path, table: str) -> pl.DataFrame:
    """Fill in which file and table the rejections came from."""
    return frame.with_columns(
        pl.lit(str(file), pl.String).alias("file"), pl.lit(table, pl.String).alias("table")
    ).select(list(REJECTED_SCHEMA))


def concat(frames: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """Stack quarantine frames, ordered by file and record so reports read top to bottom."""
    return stacked([f.lazy() for f in frames]).collect() if frames else empty()


def stacked(frames: Sequence[pl.LazyFrame]) -> pl.LazyFrame:
    """:func:`concat` as a query, for a caller that collects it with others."""
    parts = [f.select(list(REJECTED_SCHEMA)).cast(REJECTED_SCHEMA) for f in frames]
    return pl.concat(parts, how="vertical").sort(["file", "row"], maintain_order=True)


def reason_kind(reason: pl.Expr) -> pl.Expr:
    """A reason with its record-specific details (row numbers, characters) blanked out.

    "duplicate key ...; first loaded at row 17" and "... at row 912" are one problem to
    the reader of a summary, so they are counted together.
    """
    return reason.str.replace_all(r"'[^']*'", "'…'").str.replace_all(
        r"\b(row|has|have) [0-9]+", "$1 N"
    )


def top_reasons(frame: pl.DataFrame, limit: int | None = None) -> pl.DataFrame:
    """Rejected records counted by kind of reason, commonest first (for summaries)."""
    counts = (
        frame.with_columns(reason_kind(pl.col("reason")).alias("reason"))
        .group_by("reason")
        .agg(pl.len().alias("count"))
        .sort(["count", "reason"], descending=[True, False])
    )
    return counts if limit is None else counts.head(limit)


def write_rejected(source: HasRejected | pl.DataFrame, path: Path) -> Path:
    """Write ``rejected.csv`` atomically in the contract's column order, ``file`` last."""
    frame = source if isinstance(source, pl.DataFrame) else source.rejected
    columns = [*OUTPUT_COLUMNS["rejected"], "file"]
    return write_csv(frame.select(columns).with_columns(shown_value()), Path(path))


def shown_value() -> pl.Expr:
    """A refused ``value`` as read, but with a NUL written as the symbol for one (U+2400):
    a file of refusals must not carry the byte that was refused."""
    return pl.col("value").cast(pl.String).str.replace_all("\x00", "\u2400", literal=True)
