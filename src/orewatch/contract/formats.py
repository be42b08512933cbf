"""Reading a table file into raw text columns, one record per source record.

Each reader returns every value as text exactly as received, plus ``_row`` (the record's
1-based number in the file, header not counted) and the records it could not even split
into fields. Judging values is :mod:`orewatch.contract.checks`' job; keeping the two
apart lets CSV, JSONL and Parquet go through one set of checks.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from orewatch.contract import quarantine

Format = Literal["csv", "jsonl", "parquet"]
ROW = "_row"
_MAX_VALUE_CHARS = 2000


@dataclass(frozen=True)
class RawTable:
    """Text columns named after the file's (normalised) header, and what could not be split."""

    frame: pl.DataFrame
    rejected: pl.DataFrame = field(default_factory=quarantine.empty)
    notes: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Records read: the split ones plus those rejected before splitting."""
        return self.frame.height + self.rejected.filter(pl.col("row") > 0)["row"].n_unique()


def normalise_names(names: Sequence[str]) -> tuple[list[str], list[str]]:
    """Header names as the contract spells them: trimmed, lower case, '_' for spaces.

    Duplicates and blanks get a suffix instead of failing the file, since an export with
    two "Remark" columns still carries loadable data; each change is noted.
    """
    out: list[str] = []
    notes: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(names):
        name = re.sub(r"[\s\-]+", "_", raw.strip().strip("\ufeff").strip().lower())
        if not name:
            name = f"column_{i + 1}"
        if name == ROW:
            name = f"{ROW}_source"
        base, k = name, 2
        while name in seen:
            name, k = f"{base}__{k}", k + 1
        if name != base:
            notes.append(f"duplicate column {raw!r} kept as {name!r} and ignored")
        seen.add(name)
        out.append(name)
    return out, notes


class UnreadableError(ValueError):
    """The file as a whole cannot be split into records (no header, not Parquet...)."""


def _numbered(frame: pl.DataFrame, rows: np.ndarray[Any, np.dtype[np.int64]]) -> pl.DataFrame:
    numbered = pl.DataFrame({ROW: pl.Series(ROW, rows, dtype=pl.Int64)})
    return numbered.hstack(frame) if frame.width else numbered


def _drop_blank(raw: RawTable) -> RawTable:
    """Drop records with no value at all: blank lines are layout, not data (and noted).

    Column by column, each test only on the records blank so far: in real files the
    first column already clears nearly every record, so the others are barely read.
    """
    cols = [c for c in raw.frame.columns if c != ROW]
    if not cols or raw.frame.height == 0:
        return raw
    blank = raw.frame
    for c in cols:
        blank = blank.filter(pl.col(c).is_null() | (pl.col(c).str.strip_chars() == ""))
        if blank.is_empty():
            return raw
    notes = [*raw.notes, f"{blank.height} blank record(s) ignored"]
    return RawTable(raw.frame.filter(~pl.col(ROW).is_in(blank[ROW].implode())), raw.rejected, notes)


# --- CSV ---------------------------------------------------------------------------------

_SEPARATORS = (",", "\t", ";", "|")


def _first_record(text: str, separator: str) -> list[str]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    try:
        return next(reader, [])
    except csv.Error as exc:
        raise UnreadableError(f"the header row cannot be read ({exc})") from exc


def sniff_separator(head: str) -> str:
    """The separator of the header line; comma unless the header plainly uses another."""
    line = head.split("\n", 1)[0]
    counts = {sep: line.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda s: counts[s])
    return "," if counts[","] or not counts[best] else best


def read_csv(data: bytes) -> RawTable:
    """Split UTF-8 CSV bytes into text columns; records of the wrong width are rejected.

    Arrow's multithreaded reader does the splitting; rows whose field count differs from
    the header's are handed to a callback rather than failing the file. Arrow can only
    number those rows when reading single-threaded, so a file with ragged rows is read
    a second time that way — the price is paid only by broken files.
    """
    head = data[:65536].decode("utf-8", errors="ignore")
    separator = sniff_separator(head)
    header = _first_record(head if len(data) > 65536 else data.decode("utf-8"), separator)
    if not any(h.strip() for h in header):
        raise UnreadableError("the first line is empty; a header row is expected")
    header = [*header, *[""] * _trailing_empty_fields(head, separator, len(header))]
    names, notes = normalise_names(header)
    if separator != ",":
        notes.append(f"separator {separator!r} detected")
    layout = _Layout(names, _unnamed_tail(header), separator)
    try:
        raw = _read_csv_arrow(data, layout)
    except (pa.ArrowInvalid, pa.ArrowException, ValueError) as exc:
        notes.append(f"fast CSV reader failed ({str(exc)[:120]}); read record by record")
        raw = _read_csv_python(data.decode("utf-8"), layout)
    raw = _drop_unnamed_tail(raw, layout)
    return _drop_blank(RawTable(raw.frame, raw.rejected, [*notes, *raw.notes]))


@dataclass(frozen=True)
class _Layout:
    """The record layout: column names, how many trailing ones the header left unnamed."""

    names: list[str]
    unnamed_tail: int
    separator: str

    @property
    def width(self) -> int:
        return len(self.names)

    def fit(self, record: list[str]) -> list[str] | None:
        """A ragged record made to the layout's width, if it differs only in empty tail fields.

        Exports from spreadsheets and older systems often end every record with a stray
        separator, or leave it off the records whose last fields are empty; those records
        carry the same data and are kept. Anything else stays ragged.
        """
        if len(record) > self.width and not any(v.strip() for v in record[self.width :]):
            return record[: self.width]
        if self.width - self.unnamed_tail <= len(record) < self.width:
            return [*record, *[""] * (self.width - len(record))]
        return None


def _unnamed_tail(header: Sequence[str]) -> int:
    """How many of the header's last names are empty (a trailing separator)."""
    count = 0
    for name in reversed(header):
        if name.strip().strip("\ufeff").strip():
            break
        count += 1
    return min(count, len(header) - 1)


def _trailing_empty_fields(head: str, separator: str, width: int) -> int:
    """Extra fields that the first records all carry empty past the header's last column.

    Read from the first records only, so the fast reader can be given the records'
    real width; a file where only some records have them is handled record by record.
    """
    lines = head.split("\n")
    reader = csv.reader(io.StringIO("\n".join(lines[1:-1]), newline=""), delimiter=separator)
    try:
        sample = [r for _, r in zip(range(200), reader, strict=False) if r]
    except csv.Error:
        return 0
    if not sample:
        return 0
    extra = min(len(r) for r in sample) - width
    if extra <= 0 or any(v.strip() for r in sample for v in r[width:]):
        return 0
    return extra


def _drop_unnamed_tail(raw: RawTable, layout: _Layout) -> RawTable:
    """Drop the columns a trailing separator made; a record with a value there is rejected.

    The value has no column name to say what it is, so it cannot be loaded, and dropping
    it quietly would lose data.
    """
    if not layout.unnamed_tail or raw.frame.is_empty():
        return raw
    tail = layout.names[layout.width - layout.unnamed_tail :]
    filled = pl.any_horizontal(pl.col(c).str.strip_chars() != "" for c in tail)
    bad = raw.frame.filter(filled)
    reasons = [
        f"value in column {layout.width - layout.unnamed_tail + 1} or later, which the "
        "header does not name"
    ] * bad.height
    filled_value = (pl.when(pl.col(c).str.strip_chars() != "").then(pl.col(c)) for c in tail)
    first = bad.select(pl.coalesce(filled_value))
    rejected = quarantine.records(
        bad[ROW].to_list(), [None] * bad.height, first.to_series().to_list(), reasons
    )
    kept = raw.frame.filter(~filled).drop(tail)
    return RawTable(kept, quarantine.concat([raw.rejected, rejected]), raw.notes)


def _read_csv_arrow(data: bytes, layout: _Layout) -> RawTable:
    names, separator = layout.names, layout.separator
    placeholders = [f"c{i}" for i in range(len(names))]
    table, bad = _arrow_pass(data, placeholders, separator, threads=True)
    if any(number is None for number, _ in bad):
        table, bad = _arrow_pass(data, placeholders, separator, threads=False)
    numbered = [(n, t) for n, t in bad if n is not None]
    # The header is short of the records' width when they end in a stray separator.
    header_short = any(n == 1 for n, _ in numbered)
    if len(numbered) < len(bad) or (header_short and not layout.unnamed_tail):
        raise ValueError("cannot number the malformed records")
    total = table.num_rows + len(numbered)
    numbered = [(n, t) for n, t in numbered if n != 1]
    kept = np.ones(total, dtype=bool)
    kept[0] = False  # record 1 is the header
    kept[np.array([n for n, _ in numbered], dtype=np.int64) - 1] = False
    good = np.flatnonzero(kept) + 1
    records = table if header_short else table.slice(1)
    frame = pl.DataFrame(pl.from_arrow(records)).rename(dict(zip(placeholders, names, strict=True)))
    frame = _numbered(frame.cast(dict.fromkeys(frame.columns, pl.String)), good - 1)
    blank = [n for n, t in numbered if not t.strip()]
    fitted, ragged = _fit_ragged([(n - 1, t) for n, t in numbered if t.strip()], layout)
    rejected = _ragged_rejections(
        [n for n, _ in ragged], [t for _, t in ragged], len(names), separator
    )
    notes = [f"{len(blank)} blank record(s) ignored"] if blank else []
    if fitted.height:
        frame = pl.concat([frame, fitted]).sort(ROW)
        notes.append(f"{fitted.height} record(s) differed from the header only in empty end fields")
    return RawTable(frame, rejected, notes)


def _fit_ragged(
    records: Sequence[tuple[int, str]], layout: _Layout
) -> tuple[pl.DataFrame, list[tuple[int, str]]]:
    """Ragged records split into those the layout can take (as a frame) and the rest."""
    kept: list[tuple[int, list[str]]] = []
    ragged: list[tuple[int, str]] = []
    for number, text in records:
        fitted = layout.fit(_first_record(text, layout.separator))
        if fitted is None:
            ragged.append((number, text))
        else:
            kept.append((number, fitted))
    return _records_frame(layout.names, kept), ragged


def _records_frame(names: Sequence[str], records: Sequence[tuple[int, list[str]]]) -> pl.DataFrame:
    """Split records (record number, fields) as numbered text columns."""
    columns = {
        name: pl.Series(name, [fields[i] for _, fields in records], dtype=pl.String)
        for i, name in enumerate(names)
    }
    rows = np.array([number for number, _ in records], dtype=np.int64)
    return _numbered(pl.DataFrame(columns), rows)


def _arrow_pass(
    data: bytes, names: list[str], separator: str, *, threads: bool
) -> tuple[pa.Table, list[tuple[int | None, str]]]:
    """One read by Arrow; malformed records are collected (numbered if single-threaded)."""
    bad: list[tuple[int | None, str]] = []

    def keep(row: Any) -> str:
        number = row.number
        bad.append((None if number is None else int(number), str(row.text)))
        return "skip"

    handler: Callable[[Any], str] = keep
    table = pacsv.read_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(use_threads=threads, column_names=names, block_size=1 << 24),
        parse_options=pacsv.ParseOptions(
            delimiter=separator,
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.large_string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    return table, bad


def _ragged_rejections(
    rows: Sequence[int], texts: Sequence[str], width: int, separator: str
) -> pl.DataFrame:
    reasons = []
    for text in texts:
        fields = len(_first_record(text, separator)) if text else 0
        reasons.append(
            f"record has {fields} fields but the header has {width}"
            + (" (unbalanced quotes?)" if text.count('"') % 2 else "")
        )
    return quarantine.records(
        rows, [None] * len(rows), [t[:_MAX_VALUE_CHARS] for t in texts], reasons
    )


def _read_csv_python(text: str, layout: _Layout) -> RawTable:
    """Record-by-record fallback for files the fast reader refuses (stray NULs, odd quoting)."""
    names, separator = layout.names, layout.separator
    with contextlib.suppress(OverflowError):
        csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    next(reader, None)
    kept: list[tuple[int, list[str]]] = []
    bad_rows: list[int] = []
    bad_texts: list[str] = []
    for number, raw_record in enumerate(reader, start=1):
        record = raw_record if len(raw_record) == len(names) else layout.fit(raw_record)
        if record is not None:
            kept.append((number, record))
        elif raw_record and any(v.strip() for v in raw_record):
            bad_rows.append(number)
            bad_texts.append(separator.join(raw_record))
    rejected = _ragged_rejections(bad_rows, bad_texts, len(names), separator)
    return RawTable(_records_frame(names, kept), rejected)


# --- JSONL -------------------------------------------------------------------------------


def _as_text(value: object) -> str | None:
    """A JSON value as the text a CSV cell would hold (lists joined with ';')."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return ";".join(t for t in (_as_text(v) for v in value) if t is not None)
    return json.dumps(value, ensure_ascii=False)


def _parse_line(line: str) -> tuple[dict[str, object] | None, str]:
    """A JSONL line as an object, or None and why not."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    except (ValueError, RecursionError) as exc:
        return None, f"not valid JSON ({type(exc).__name__})"
    if not isinstance(obj, dict):
        return None, f"a JSON {type(obj).__name__}, not an object"
    return obj, ""


@dataclass
class _Columns:
    """Text columns built up object by object, keys normalised like CSV headers."""

    values: dict[str, list[str | None]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    height: int = 0

    def name_for(self, key: str) -> str:
        name = self.names.get(key)
        if name is None:
            ((base,), _) = normalise_names([key])
            name, k = base, 2
            while name in self.values:
                name, k = f"{base}__{k}", k + 1
            if name != base:
                self.notes.append(f"duplicate key {key!r} kept as {name!r} and ignored")
            self.names[key] = name
            self.values[name] = [None] * self.height
        return name

    def append(self, obj: dict[str, object]) -> None:
        for key, value in obj.items():
            self.values[self.name_for(str(key))].append(_as_text(value))
        self.height += 1
        for column in self.values.values():
            if len(column) < self.height:
                column.append(None)

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame({n: pl.Series(n, c, dtype=pl.String) for n, c in self.values.items()})


def read_jsonl(data: bytes) -> RawTable:
    """One JSON object per line; a line that is not one is rejected with its line number.

    Lines are parsed one by one on purpose: a single bad line must cost only itself,
    which a whole-file JSON reader cannot promise. The value checks stay vectorised.
    """
    lines = data.decode("utf-8").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    columns = _Columns()
    rows: list[int] = []
    bad: list[tuple[int, str, str]] = []
    n_blank = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            n_blank += 1
            continue
        obj, reason = _parse_line(line)
        if obj is None:
            bad.append((number, line[:_MAX_VALUE_CHARS], reason))
            continue
        rows.append(number)
        columns.append(obj)
    notes = columns.notes + ([f"{n_blank} blank line(s) ignored"] if n_blank else [])
    rejected = quarantine.records(
        [b[0] for b in bad], [None] * len(bad), [b[1] for b in bad], [b[2] for b in bad]
    )
    frame = _numbered(columns.frame(), np.array(rows, dtype=np.int64))
    return RawTable(frame, rejected, notes)


# --- Parquet -----------------------------------------------------------------------------


def _to_text(series: pl.Series) -> pl.Series:
    """A typed Parquet column as the text the CSV path would have seen."""
    dtype = series.dtype
    if isinstance(dtype, pl.Datetime):
        fmt = "%Y-%m-%dT%H:%M:%S%.f" + ("%:z" if dtype.time_zone else "")
        return series.dt.to_string(fmt)
    if isinstance(dtype, pl.List | pl.Array):
        return series.cast(pl.List(pl.String), strict=False).list.join(";")
    if isinstance(dtype, pl.Struct):
        return series.struct.json_encode()
    return series.cast(pl.String, strict=False)


def read_parquet(data: bytes) -> RawTable:
    """Typed columns cast to text so that they pass through the same checks as CSV."""
    try:
        typed = pl.read_parquet(io.BytesIO(data))
    except Exception as exc:  # the Parquet readers raise many unrelated types on bad bytes
        raise UnreadableError(f"not a readable Parquet file ({str(exc)[:200]})") from exc
    names, notes = normalise_names(typed.columns)
    frame = pl.DataFrame(
        [_to_text(s).alias(n) for s, n in zip(typed.get_columns(), names, strict=True)]
    )
    if frame.width == 0:
        frame = pl.DataFrame(schema=dict.fromkeys(names, pl.String))
    rows = np.arange(1, typed.height + 1, dtype=np.int64)
    return RawTable(_numbered(frame, rows), notes=notes)
