"""The embedded warehouse: one DuckDB file holding every ingested fact with its provenance.

Owns the warehouse layout and incremental ingest. It does not read source files (that is
:mod:`orewatch.contract.loader`) and does not judge risk. Facts are keyed so that
re-ingesting a file never duplicates: a table's contract key (e.g. ``declaration_id,
line_no``) identifies a fact; tables without a key use the row's content plus its
occurrence number, so two identical rows in one file stay two facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import polars as pl

from orewatch.contract.loader import LoadedDataset, LoadedTable
from orewatch.contract.schema import TABLES, ColumnType, Table

PROVENANCE_COLUMNS: tuple[str, ...] = (
    "_fact_key",
    "_content",
    "_file",
    "_row",
    "_loaded_at",
    "_ingest_id",
)

_SQL_TYPES: dict[ColumnType, str] = {
    "str": "VARCHAR",
    "regid": "VARCHAR",
    "int": "BIGINT",
    "float": "DOUBLE",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "period": "VARCHAR",
    "country": "VARCHAR",
    "currency": "VARCHAR",
    "hs": "VARCHAR",
    "list": "VARCHAR[]",
}


@dataclass(frozen=True)
class TableIngest:
    """What one file did to the warehouse."""

    table: str
    file: str
    sha256: str
    rows_in_file: int
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    skipped: bool  # the same file content was ingested before


@dataclass(frozen=True)
class IngestReport:
    ingest_id: int
    dataset: str
    tables: tuple[TableIngest, ...]

    @property
    def inserted(self) -> int:
        return sum(t.inserted for t in self.tables)

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tables)


def file_sha256(path: Path) -> str:
    """Content hash of a source file: the identity that makes re-ingest a no-op."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text_of(column: str, type_: ColumnType) -> str:
    """SQL giving a stable text form of a column, for hashing."""
    col = _quote(column)
    if type_ == "list":
        return f"coalesce(array_to_string({col}, ';'), '\x00')"
    return f"coalesce(CAST({col} AS VARCHAR), '\x00')"


def _md5_of(table: Table, columns: tuple[str, ...]) -> str:
    parts = ", ".join(_text_of(c, table.column(c).type) for c in columns)
    return f"md5(concat_ws('\x1f', {parts}))"


class Warehouse:
    """A DuckDB file with one table per contract table plus ``ingests`` and ``rejected``.

    Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self._create_schema()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- layout -------------------------------------------------------------------------

    def _create_schema(self) -> None:
        self._run("CREATE SEQUENCE IF NOT EXISTS ingest_seq START 1")
        self._run(
            """CREATE TABLE IF NOT EXISTS ingests (
                ingest_id BIGINT, dataset VARCHAR, tbl VARCHAR, file VARCHAR, sha256 VARCHAR,
                rows_in_file BIGINT, inserted BIGINT, updated BIGINT, unchanged BIGINT,
                rejected BIGINT, loaded_at TIMESTAMP)"""
        )
        self._run(
            """CREATE TABLE IF NOT EXISTS rejected (
                ingest_id BIGINT, file VARCHAR, tbl VARCHAR, "row" BIGINT, field VARCHAR,
                value VARCHAR, reason VARCHAR, loaded_at TIMESTAMP)"""
        )
        for table in TABLES.values():
            cols = ", ".join(f"{_quote(c.name)} {_SQL_TYPES[c.type]}" for c in table.columns)
            self._run(
                f"CREATE TABLE IF NOT EXISTS {_quote(table.name)} ({cols}, "
                "_fact_key VARCHAR, _content VARCHAR, _file VARCHAR, _row BIGINT, "
                "_loaded_at TIMESTAMP, _ingest_id BIGINT)"
            )

    # --- ingest -------------------------------------------------------------------------

    def ingest(
        self,
        dataset: LoadedDataset,
        on_table: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Add a loaded dataset's facts; new keys are inserted, changed ones replaced.

        Each source file is one transaction: a failure leaves the warehouse as it was
        before that file. ``on_table`` is called with each table name (for progress bars).
        """
        ingest_id = self._scalar("SELECT nextval('ingest_seq')")
        loaded_at = datetime.now(UTC).replace(tzinfo=None)
        results: list[TableIngest] = []
        for name, loaded in dataset.tables.items():
            if on_table is not None:
                on_table(name)
            rejected = dataset.rejected.filter(pl.col("table") == name)
            results.append(
                self._ingest_table(ingest_id, str(dataset.root), loaded, rejected, loaded_at)
            )
        return IngestReport(ingest_id, str(dataset.root), tuple(results))

    def _already_ingested(self, table: str, sha: str) -> bool:
        rows = self._run("SELECT count(*) FROM ingests WHERE tbl = ? AND sha256 = ?", [table, sha])
        return bool(rows[0][0])

    def _ingest_table(
        self,
        ingest_id: int,
        dataset: str,
        loaded: LoadedTable,
        rejected: pl.DataFrame,
        loaded_at: datetime,
    ) -> TableIngest:
        table = TABLES[loaded.name]
        file = str(Path(loaded.file).resolve())
        sha = file_sha256(Path(loaded.file))
        if self._already_ingested(table.name, sha):
            return TableIngest(table.name, file, sha, loaded.rows_read, 0, 0, 0, 0, True)
        with self._transaction():
            counts = self._merge(table, loaded.frame, file, ingest_id, loaded_at)
            self._store_rejected(ingest_id, file, rejected, loaded_at)
            self._run(
                "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    ingest_id,
                    dataset,
                    table.name,
                    file,
                    sha,
                    loaded.rows_read,
                    counts[0],
                    counts[1],
                    counts[2],
                    rejected.height,
                    loaded_at,
                ],
            )
        return TableIngest(table.name, file, sha, loaded.rows_read, *counts, rejected.height, False)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._run("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._run("ROLLBACK")
            raise
        self._run("COMMIT")

    def _merge(
        self, table: Table, frame: pl.DataFrame, file: str, ingest_id: int, loaded_at: datetime
    ) -> tuple[int, int, int]:
        """Merge one file's rows; return (inserted, updated, unchanged)."""
        names = table.names
        staged = frame.select([*names, "_row"])
        self.con.register("_incoming", staged.to_arrow())
        content = _md5_of(table, names)
        if table.key:
            key = _md5_of(table, table.key)
        else:
            # Identical rows in one file are distinct facts: number their occurrences.
            occurrence = f"row_number() OVER (PARTITION BY {content} ORDER BY _row)"
            key = f"{content} || '#' || CAST({occurrence} AS VARCHAR)"
        cols = ", ".join(_quote(n) for n in names)
        self._run(
            f"""CREATE OR REPLACE TEMP TABLE _stage AS
                SELECT {cols}, {key} AS _fact_key, {content} AS _content, ? AS _file,
                       _row, ?::TIMESTAMP AS _loaded_at, ?::BIGINT AS _ingest_id
                FROM _incoming""",
            [file, loaded_at, ingest_id],
        )
        self.con.unregister("_incoming")
        target = _quote(table.name)
        matched = f"SELECT count(*) FROM _stage s JOIN {target} t USING (_fact_key)"
        unchanged = self._scalar(f"{matched} WHERE s._content = t._content")
        updated = self._scalar(f"{matched} WHERE s._content <> t._content")
        self._run(
            f"""DELETE FROM {target} WHERE _fact_key IN (
                SELECT s._fact_key FROM _stage s JOIN {target} t USING (_fact_key)
                WHERE s._content <> t._content)"""
        )
        inserted_before = self._scalar(f"SELECT count(*) FROM {target}")
        self._run(
            f"""INSERT INTO {target} BY NAME
                SELECT * FROM _stage s WHERE NOT EXISTS (
                    SELECT 1 FROM {target} t WHERE t._fact_key = s._fact_key)"""
        )
        inserted = self._scalar(f"SELECT count(*) FROM {target}") - inserted_before - updated
        self._run("DROP TABLE _stage")
        return inserted, updated, unchanged

    def _store_rejected(
        self, ingest_id: int, file: str, rejected: pl.DataFrame, loaded_at: datetime
    ) -> None:
        if rejected.is_empty():
            return
        frame = rejected.select(
            pl.lit(ingest_id, pl.Int64).alias("ingest_id"),
            pl.lit(file).alias("file"),
            pl.col("table").alias("tbl"),
            pl.col("row").cast(pl.Int64),
            pl.col("field").cast(pl.String),
            pl.col("value").cast(pl.String),
            pl.col("reason").cast(pl.String),
            pl.lit(loaded_at).alias("loaded_at"),
        )
        self.con.register("_rej", frame.to_arrow())
        self._run("INSERT INTO rejected BY NAME SELECT * FROM _rej")
        self.con.unregister("_rej")

    def _frame(self, sql: str) -> pl.DataFrame:
        # One contiguous chunk per column: DuckDB hands over many small Arrow batches,
        # and some Polars string kernels mis-handle multi-chunk string views.
        frame: pl.DataFrame = self.con.sql(sql).pl().rechunk()
        return frame

    def _scalar(self, sql: str) -> int:
        rows = self._run(sql)
        return int(rows[0][0]) if rows else 0

    def _run(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Execute and drain: DuckDB refuses new work while a result is unfinished."""
        cursor = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows

    # --- read ---------------------------------------------------------------------------

    def table(self, name: str, provenance: bool = False) -> pl.DataFrame:
        """A contract table as a typed frame, optionally with its provenance columns."""
        table = TABLES[name]
        cols = list(table.names)
        if provenance:
            cols += ["_file", "_row", "_loaded_at", "_ingest_id"]
        order = ", ".join(_quote(k) for k in (table.key or ("_file", "_row")))
        return self._frame(
            f"SELECT {', '.join(_quote(c) for c in cols)} FROM {_quote(name)} ORDER BY {order}"
        )

    def counts(self) -> dict[str, int]:
        """Rows held per contract table."""
        return {name: self._scalar(f"SELECT count(*) FROM {_quote(name)}") for name in TABLES}

    def ingests(self) -> pl.DataFrame:
        return self._frame("SELECT * FROM ingests ORDER BY ingest_id, tbl")

    def rejected(self) -> pl.DataFrame:
        return self._frame('SELECT * FROM rejected ORDER BY ingest_id, tbl, "row"')
