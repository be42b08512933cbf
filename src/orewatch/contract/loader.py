"""Loading a dataset folder under the data contract, with nothing dropped silently.

This is the edge where files are read: everything after it (warehouse, screening)
receives typed frames that satisfy the contract, and a quarantine frame that accounts
for every record that did not load. Judging values lives in :mod:`.checks` and
:mod:`.tables`; this module only finds files, reads bytes and adds up the counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orewatch.contract import quarantine
from orewatch.contract.encoding import UndecodableError, decode, gunzip
from orewatch.contract.formats import (
    Format,
    RawTable,
    UnreadableError,
    read_csv,
    read_jsonl,
    read_parquet,
)
from orewatch.contract.ids import wrong_check_expr
from orewatch.contract.schema import TABLES, Table
from orewatch.contract.tables import Judged, empty_frame, judge

REQUIRED_TABLES: tuple[str, ...] = ("declarations",)

#: File name endings the contract accepts, longest first so ``.csv.gz`` wins over ``.gz``.
SUFFIXES: tuple[tuple[str, Format], ...] = (
    (".jsonl.gz", "jsonl"),
    (".csv.gz", "csv"),
    (".parquet", "parquet"),
    (".jsonl", "jsonl"),
    (".csv", "csv"),
)


class DatasetError(Exception):
    """The folder cannot be read as a dataset at all (as opposed to rejected rows)."""


@dataclass(frozen=True)
class LoadedTable:
    """One table as loaded: typed rows, their provenance, and the counts that must add up.

    ``rows_read == rows_loaded + rows_rejected`` always holds; ``rejected`` is this
    table's share of the dataset's quarantine.
    """

    name: str
    file: Path
    format: Format
    encoding: str
    rows_read: int
    rows_loaded: int
    rows_rejected: int
    frame: pl.DataFrame
    rejected: pl.DataFrame
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadedDataset:
    """A dataset folder as loaded: its tables, its quarantine and files it did not use."""

    root: Path
    tables: dict[str, LoadedTable]
    rejected: pl.DataFrame
    unknown_files: tuple[Path, ...] = field(default=())

    def frame(self, name: str) -> pl.DataFrame:
        """The loaded rows of ``name``, or an empty typed frame if the dataset lacks it."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r} in the contract")
        loaded = self.tables.get(name)
        return loaded.frame if loaded is not None else empty_frame(TABLES[name])

    def require_declarations(self) -> None:
        """Raise :class:`DatasetError` when not one declaration line loaded.

        Such a dataset cannot be screened, and carrying on would write empty results that
        look like "nothing suspicious"; the error names the file and its commonest reason.
        """
        table = self.tables["declarations"]
        if table.rows_loaded:
            return
        # Records' own reasons first: a file whose every record was refused ("a JSON list,
        # not an object") also misses its columns, which only follows from them.
        records = table.rejected.filter(pl.col("row") > 0)
        reasons = quarantine.top_reasons(records if records.height else table.rejected, 1)
        why = f": {reasons['reason'][0]}" if reasons.height else ""
        raise DatasetError(
            f"{table.file}: no declaration line loaded "
            f"({table.rows_read:,} read, {table.rows_rejected:,} rejected){why}"
        )

    def write_rejected(self, path: Path) -> Path:
        """Write this dataset's quarantine as ``rejected.csv`` (atomically)."""
        return quarantine.write_rejected(self, path)


def file_format(file: Path) -> tuple[str, Format] | None:
    """``(table name, format)`` if the file name is one the contract recognises."""
    name = file.name.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], fmt
    return None


def discover(root: Path) -> tuple[dict[str, Path], tuple[Path, ...]]:
    """Table files by table name, and the other entries of the folder.

    Two files for one table is an error rather than a choice: silently preferring the
    Parquet over the CSV (or the reverse) would load data nobody can tell apart.
    """
    found: dict[str, Path] = {}
    unknown: list[Path] = []
    for entry in sorted(root.iterdir()):
        recognised = file_format(entry) if entry.is_file() else None
        if recognised is None or recognised[0] not in TABLES:
            unknown.append(entry)
            continue
        name = recognised[0]
        if name in found:
            raise DatasetError(
                f"{root}: two files for table {name!r}: {found[name].name} and {entry.name}"
            )
        found[name] = entry
    return found, tuple(unknown)


def _refused(file: Path, table: Table, fmt: Format, encoding: str, reason: str) -> LoadedTable:
    rejected = quarantine.stamp(quarantine.whole_file(reason), file, table.name)
    return LoadedTable(table.name, file, fmt, encoding, 0, 0, 0, empty_frame(table), rejected)


def _read_raw(data: bytes, fmt: Format) -> tuple[RawTable, str]:
    """Bytes to raw text columns; raises UndecodableError / UnreadableError for the file."""
    if fmt == "parquet":
        return read_parquet(data), "binary"
    decoded = decode(data)
    if not decoded.data or decoded.data.isspace():
        raise UnreadableError("empty file (only blank lines)")
    reader = read_csv if fmt == "csv" else read_jsonl
    return reader(decoded.data), decoded.encoding


def _assemble(
    file: Path, table: Table, fmt: Format, encoding: str, raw: RawTable, judged: Judged
) -> LoadedTable:
    rejected = quarantine.stamp(
        quarantine.concat([raw.rejected, judged.rejected]), file, table.name
    )
    rows_read = raw.records
    rows_loaded = judged.frame.height
    notes = list(raw.notes)
    if judged.whole_table_refused:
        notes.append("table not loaded: required column missing")
    elif rows_read == 0:
        notes.append("no records (header only)" if fmt == "csv" else "no records")
    notes.extend(_check_character_notes(table, judged.frame))
    return LoadedTable(
        name=table.name,
        file=file,
        format=fmt,
        encoding=encoding,
        rows_read=rows_read,
        rows_loaded=rows_loaded,
        rows_rejected=rows_read - rows_loaded,
        frame=judged.frame,
        rejected=rejected,
        notes=tuple(notes),
    )


def _check_character_notes(table: Table, frame: pl.DataFrame) -> list[str]:
    """How many distinct registration ids look like credit codes with a wrong check
    character: kept as written (the contract types them ``str``), but worth a clerk's
    look, since a typo in one is how a declaration stops matching its licence."""
    notes = []
    for column in table.columns:
        if column.type != "regid" or column.name not in frame.columns:
            continue
        values = frame.select(pl.col(column.name).drop_nulls().unique())
        wrong = values.filter(wrong_check_expr(pl.col(column.name))).height
        if wrong:
            notes.append(
                f"{column.name}: {wrong:,} credit-code-shaped ids with a wrong check "
                "character (kept as written)"
            )
    return notes


def load_table(file: Path, table: Table) -> LoadedTable:
    """Load one table file; every problem with it ends up in the table's quarantine."""
    file = Path(file)
    recognised = file_format(file)
    fmt: Format = recognised[1] if recognised is not None else "csv"
    try:
        data = file.read_bytes()
    except OSError as exc:
        return _refused(file, table, fmt, "", f"cannot read the file ({exc.strerror})")
    if not data:
        return _refused(file, table, fmt, "", "empty file (0 bytes)")
    encoding = ""
    try:
        if file.name.lower().endswith(".gz"):
            data = gunzip(data)
            if not data:
                return _refused(file, table, fmt, "gzip", "empty file (0 bytes once unzipped)")
        raw, encoding = _read_raw(data, fmt)
    except UndecodableError as exc:
        return _refused(file, table, fmt, "unknown", f"undecodable: {exc}")
    except UnreadableError as exc:
        return _refused(file, table, fmt, encoding or "unknown", str(exc))
    del data  # the text is in ``raw`` now, and judging a large table needs the room
    return _assemble(file, table, fmt, encoding, raw, judge(raw.frame, table))


def load_dataset(path: Path, tables: Iterable[str] | None = None) -> LoadedDataset:
    """Load the tables of a dataset folder (all it has, or only ``tables``).

    Raises :class:`DatasetError` only when the folder is not a dataset: missing, not a
    folder, without a declarations file, or with two files for one table. Everything
    else — bad bytes, missing columns, bad values — is quarantined and counted.
    """
    root = Path(path)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a dataset folder (does not exist or is not a folder)")
    wanted = list(TABLES) if tables is None else list(tables)
    unknown_names = [t for t in wanted if t not in TABLES]
    if unknown_names:
        raise DatasetError(f"no such table in the contract: {', '.join(unknown_names)}")
    files, unknown = discover(root)
    for name in REQUIRED_TABLES:
        if name not in files:
            raise DatasetError(
                f"{root}: no {name} file ({name}.csv, {name}.parquet or {name}.jsonl)"
            )
    loaded = {name: load_table(files[name], TABLES[name]) for name in wanted if name in files}
    rejected = quarantine.concat([t.rejected for t in loaded.values()])
    return LoadedDataset(root, loaded, rejected, unknown)
