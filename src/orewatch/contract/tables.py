"""Judging a whole table: columns present, every field, row rules, then keys.

Pure functions from a frame of raw text (as :mod:`orewatch.contract.formats` reads it)
to the typed frame that loads and the quarantine of what does not. A row with any
failing field is refused whole — a declaration line with an unreadable quantity must
not reach screening looking like a line with no quantity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

import polars as pl

from orewatch.contract import quarantine
from orewatch.contract.checks import (
    BY_DISTINCT,
    DTYPES,
    Checked,
    check_int,
    check_value,
    cleaned,
    complete,
    fast_path,
)
from orewatch.contract.formats import ROW
from orewatch.contract.schema import REQUIRED_ONE_OF, Column, Table

_VALUE = "__value__"
_WHY = "__why__"
_DUP_FIRST = "__first_row__"
_LOOKED_UP = "__looked_up__"
_ACCEPTED = "__accepted__"
_TEXT = "__text__"

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)


@dataclass(frozen=True)
class Judged:
    """What loads and what is refused, from one raw table."""

    frame: pl.DataFrame
    rejected: pl.DataFrame
    whole_table_refused: bool = False


def empty_frame(table: Table) -> pl.DataFrame:
    """A loaded table with no rows: every contract column, typed, and ``_row``."""
    schema = {c.name: DTYPES[c.type] for c in table.columns}
    return pl.DataFrame(schema={**schema, ROW: pl.Int64()})


def missing_required(raw: pl.DataFrame, table: Table) -> list[str]:
    return [name for name in table.required if name not in raw.columns]


def _refuse_table(raw: pl.DataFrame, table: Table, missing: list[str]) -> Judged:
    """Without a required column no row can load; say so once per column, as row 0."""
    found = ", ".join(c for c in raw.columns if c != ROW) or "none"
    parts = [
        quarantine.whole_file(f"required column missing (columns found: {found})", field=name)
        for name in missing
    ]
    return Judged(empty_frame(table), quarantine.concat(parts), whole_table_refused=True)


def _row_rule_reasons(table: Table) -> dict[str, pl.Expr]:
    """Rules across columns, keyed by the field label used in the quarantine."""
    out: dict[str, pl.Expr] = {}
    for group in REQUIRED_ONE_OF.get(table.name, ()):
        none = pl.all_horizontal(pl.col(_VALUE + c).is_null() for c in group)
        out[",".join(group)] = pl.when(none).then(
            pl.lit(f"one of {', '.join(group)} is required", pl.String)
        )
    return out


def _field_rejections(wide: Frame, fields: list[str], rules: list[str]) -> list[Frame]:
    """One quarantine record per failing field (or row rule), raw value as received."""
    parts = [
        wide.filter(pl.col(_WHY + name).is_not_null()).select(
            pl.lit(None, pl.String).alias("file"),
            pl.lit(None, pl.String).alias("table"),
            pl.col(ROW).alias("row"),
            pl.lit(name, pl.String).alias("field"),
            (pl.col(name) if name in fields else pl.lit(None, pl.String)).alias("value"),
            pl.col(_WHY + name).alias("reason"),
        )
        for name in [*fields, *rules]
    ]
    return parts


def _duplicate_rejections(wide: Frame, key: tuple[str, ...]) -> Frame:
    label = ", ".join(key)
    dups = wide.filter(pl.col(_DUP_FIRST).is_not_null())
    return dups.select(
        pl.lit(None, pl.String).alias("file"),
        pl.lit(None, pl.String).alias("table"),
        pl.col(ROW).alias("row"),
        pl.lit(",".join(key), pl.String).alias("field"),
        pl.concat_str([pl.col(_VALUE + k).cast(pl.String) for k in key], separator=",").alias(
            "value"
        ),
        pl.concat_str(
            pl.lit(f"duplicate key ({label}); first loaded at row "),
            pl.col(_DUP_FIRST).cast(pl.String),
        ).alias("reason"),
    )


@dataclass(frozen=True)
class _LookupSteps:
    """One costly column's full check as expressions, built once: a new identifier's
    check built them afresh on every request, 1.5 ms of its 4 (BENCHMARKS.md, round 5)."""

    text: pl.Expr
    need: pl.Expr
    verdicts: tuple[pl.Expr, pl.Expr]


@cache
def _lookup_steps(table: Table, column: Column) -> _LookupSteps:
    text = pl.col(_TEXT + column.name)
    fast = fast_path(column, text)
    checked = check_value(table, column, text)
    return _LookupSteps(
        text=cleaned(pl.col(column.name)).alias(_TEXT + column.name),
        need=text.is_not_null() if fast is None else text.is_not_null() & ~fast.accepts,
        verdicts=(
            checked.value.alias(_LOOKED_UP + _VALUE + column.name),
            checked.reason.alias(_LOOKED_UP + _WHY + column.name),
        ),
    )


def _distinct_lookup(raw: pl.LazyFrame, table: Table, column: Column) -> pl.LazyFrame:
    """Full check of each distinct value the fast path did not accept, keyed by raw text."""
    steps = _lookup_steps(table, column)
    return (
        raw.select(column.name, steps.text)
        .filter(steps.need)
        .unique(column.name)
        .with_columns(*steps.verdicts)
        .drop(_TEXT + column.name)
    )


def _checked_by_distinct(column: Column) -> Checked:
    """Fast path where it accepts, else the looked-up verdict, then default/required."""
    text = pl.col(_TEXT + column.name)
    value = pl.col(_LOOKED_UP + _VALUE + column.name)
    reason = pl.col(_LOOKED_UP + _WHY + column.name)
    fast = fast_path(column, text)
    if fast is not None:
        value = pl.when(fast.accepts).then(fast.value).otherwise(value)
        reason = pl.when(fast.accepts).then(pl.lit(None, pl.String)).otherwise(reason)
    return complete(column, text, Checked(value, reason))


def _check(table: Table, column: Column) -> Checked:
    if column.type in BY_DISTINCT:
        return _checked_by_distinct(column)
    text = pl.col(_TEXT + column.name)
    return complete(column, text, check_value(table, column, text))


@dataclass(frozen=True)
class _Steps:
    """One table's checks as expressions, built once: building them costs more than
    running them on a request's few lines."""

    text: tuple[pl.Expr, ...]
    verdicts: tuple[pl.Expr, ...]
    rules: tuple[str, ...]
    rule_reasons: tuple[pl.Expr, ...]
    ok: pl.Expr
    #: Per costly column, whether its fast path accepted the value (no lookup needed).
    accepted: tuple[pl.Expr, ...]
    #: The rows that load, and their typed values under the contract's names.
    loads: pl.Expr
    loaded: tuple[pl.Expr, ...]


@cache
def _steps(table: Table) -> _Steps:
    """The costly columns read their verdicts from :func:`_with_lookups`."""
    checked = {c.name: _check(table, c) for c in table.columns}
    rules = _row_rule_reasons(table)
    return _Steps(
        text=tuple(cleaned(pl.col(c.name)).alias(_TEXT + c.name) for c in table.columns),
        verdicts=(
            *(ch.value.alias(_VALUE + name) for name, ch in checked.items()),
            *(ch.reason.alias(_WHY + name) for name, ch in checked.items()),
        ),
        rules=tuple(rules),
        rule_reasons=tuple(rule.alias(_WHY + name) for name, rule in rules.items()),
        ok=pl.all_horizontal(pl.col(_WHY + name).is_null() for name in [*checked, *rules]),
        accepted=tuple(_accepted(c) for c in table.columns if c.type in BY_DISTINCT),
        loads=pl.col("__ok__") & pl.col(_DUP_FIRST).is_null(),
        loaded=tuple(pl.col(_VALUE + name).alias(name) for name in table.names),
    )


def _accepted(column: Column) -> pl.Expr:
    fast = fast_path(column, pl.col(_TEXT + column.name))
    accepts = pl.lit(False) if fast is None else fast.accepts
    return accepts.alias(_ACCEPTED + column.name)


def _with_text(raw: Frame, table: Table, steps: _Steps) -> Frame:
    """Add each contract column's cleaned text once, so that every check stays small."""
    present = raw.collect_schema().names()
    absent = [c.name for c in table.columns if c.name not in present]
    return raw.with_columns(pl.lit(None, pl.String).alias(name) for name in absent).with_columns(
        *steps.text
    )


def _with_lookups(wide: Frame, lookups: Mapping[str, Frame]) -> Frame:
    """Join each costly column's verdicts on its distinct values (see :func:`_lookups`)."""
    for name, lookup in lookups.items():
        wide = wide.join(lookup, on=name, how="left", maintain_order="left")  # type: ignore[arg-type]
    return wide


def _lookups(raw: Frame, table: Table) -> dict[str, pl.DataFrame]:
    """The full check of every distinct value the fast path does not accept, per column."""
    columns = [c for c in table.columns if c.type in BY_DISTINCT]
    frames = pl.collect_all([_distinct_lookup(raw.lazy(), table, c) for c in columns])
    return {c.name: f for c, f in zip(columns, frames, strict=True)}


def _looked_up(column: Column) -> tuple[str, str, str]:
    return column.name, _LOOKED_UP + _VALUE + column.name, _LOOKED_UP + _WHY + column.name


#: Costly types whose new values :class:`Remembered` looks up before the check: few per
#: service and often new to it (a timestamp, always new, is left to the fast path).
LOOKED_UP_FIRST: frozenset[str] = frozenset({"regid"})


@dataclass
class Remembered:
    """Verdicts on the costly columns' values, kept from one call of :func:`judge` to the next.

    A service judging one request at a time sees the same exporters and declarants again
    and again, and a value's verdict depends on its text alone, so each is worked out
    once; a request whose costly values were all seen or pass the fast path is judged in
    one query. Values the fast path accepts are not kept (they cost nothing to accept
    again), except new identifiers (``LOOKED_UP_FIRST``); a column holding ``limit``
    values starts afresh.
    """

    table: Table
    limit: int = 100_000
    known: dict[str, dict[str, tuple[object, str | None]]] = field(default_factory=dict)

    def checked(self, raw: pl.DataFrame, steps: _Steps) -> pl.DataFrame:
        """``raw`` checked (:func:`_checked`), looking up only values not seen before.

        New identifiers are looked up before the check rather than after it: a request
        from a new exporter or declarant is the common cold case, and found after the
        check it cost a second check (the verdict is the same either way: the fast path
        never types a value differently from the full check).
        """
        first = self._new_values(raw, LOOKED_UP_FIRST)
        if first:
            self._learn(first)
        wide = self._checked(raw, steps)
        unseen = self._unseen(wide)
        if not unseen:
            return wide
        self._learn(unseen)
        return self._checked(raw, steps)

    def _costly(self) -> list[Column]:
        return [c for c in self.table.columns if c.type in BY_DISTINCT]

    def _checked(self, raw: pl.DataFrame, steps: _Steps) -> pl.DataFrame:
        lookups = {
            c.name: self._frame(c, raw[c.name].to_list() if c.name in raw.columns else [])
            for c in self._costly()
        }
        lazy = _with_text(raw.lazy(), self.table, steps)
        # A request's few rows: the in-memory engine starts faster than the streaming one,
        # and the optimiser's passes cost more than they save (2.5 against 3.2 ms for one
        # line). Whether the fast path accepted each costly value is read by ``_unseen`` only.
        checked = _checked(lazy, steps, lookups, self.table.key).with_columns(*steps.accepted)
        return checked.collect(engine="in-memory", optimizations=pl.QueryOptFlags.none())

    def _frame(self, column: Column, values: list[str | None]) -> pl.LazyFrame:
        known = self.known.get(column.name, {})
        hits = [v for v in set(values) if v is not None and v in known]
        name, value, why = _looked_up(column)
        return pl.LazyFrame(
            {name: hits, value: [known[v][0] for v in hits], why: [known[v][1] for v in hits]},
            schema={name: pl.String, value: DTYPES[column.type], why: pl.String},
        )

    def _new_values(self, raw: pl.DataFrame, types: frozenset[str]) -> dict[Column, list[str]]:
        """The present values of the costly columns of ``types`` that no call looked up."""
        out = {}
        for column in self._costly():
            if column.type in types and column.name in raw.columns:
                known = self.known.get(column.name, {})
                new = {v for v in raw[column.name].to_list() if v is not None} - known.keys()
                if new:
                    out[column] = sorted(new)
        return out

    def _unseen(self, wide: pl.DataFrame) -> dict[Column, list[str]]:
        """Present values the fast path did not accept and no earlier call looked up."""
        out = {}
        for column in self._costly():
            known = self.known.get(column.name, {})
            # The request's few rows read from the columns themselves: a select per
            # column cost ten times more.
            rows = zip(
                wide[column.name],
                wide[_TEXT + column.name],
                wide[_ACCEPTED + column.name],
                strict=True,
            )
            values = {v for v, text, accepted in rows if text is not None and not accepted}
            if values - known.keys():
                out[column] = sorted(values - known.keys())
        return out

    def _learn(self, unseen: dict[Column, list[str]]) -> None:
        columns = list(unseen)
        # A request's few new values: the in-memory engine, as in ``_checked`` (the
        # streaming engine's start-up was most of a new exporter's cost).
        found = pl.collect_all(
            (_distinct_lookup(pl.LazyFrame({c.name: unseen[c]}), self.table, c) for c in columns),
            engine="in-memory",
        )
        for column, frame in zip(columns, found, strict=True):
            known = self.known.setdefault(column.name, {})
            if len(known) + frame.height > self.limit:
                known.clear()
            known.update((key, (v, w)) for key, v, w in frame.iter_rows())


def _with_verdicts(wide: Frame, steps: _Steps) -> Frame:
    """Typed values, one reason column per field and row rule, and whether the row is ok."""
    wide = wide.with_columns(*steps.verdicts).with_columns(*steps.rule_reasons)
    return wide.with_columns(steps.ok.alias("__ok__"))


def _with_duplicates(wide: Frame, key: tuple[str, ...]) -> Frame:
    """Mark later ok rows that repeat an earlier ok row's key, with that earlier row."""
    if not key:
        return wide.with_columns(pl.lit(None, pl.Int64).alias(_DUP_FIRST))
    first = pl.when("__ok__").then(pl.col(ROW)).min().over([_VALUE + k for k in key])
    return wide.with_columns(
        pl.when(pl.col("__ok__") & (pl.col(ROW) != first)).then(first).alias(_DUP_FIRST)
    )


def _judged_columns(table: Table, steps: _Steps, extras: list[str]) -> list[str]:
    """What :func:`_split` reads of the checked frame: a million-line table's cleaned
    texts and looked-up verdicts are left in the plan instead of held beside it (loading
    a 1M-line declarations file peaked 2.4 GB above the typed frame it keeps)."""
    return [
        ROW,
        *table.names,
        *extras,
        *(_VALUE + name for name in table.names),
        *(_WHY + name for name in [*table.names, *steps.rules]),
        "__ok__",
        _DUP_FIRST,
    ]


def _split(
    wide: pl.DataFrame, table: Table, steps: _Steps, extras: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows that load and the quarantine, from the checked frame."""
    # One chunk per column: the lazy check hands back several, and screening would
    # otherwise copy the table again to join and sort it.
    loaded = wide.filter(steps.loads).select(*steps.loaded, *extras, ROW).rechunk()
    if loaded.height == wide.height:  # every row loads: nothing to say
        return loaded, quarantine.empty()
    rejected = _field_rejections(wide.lazy(), list(table.names), list(steps.rules))
    if table.key:
        rejected.append(_duplicate_rejections(wide.lazy(), table.key))
    return loaded, quarantine.stacked(rejected).collect()


def judge(raw: pl.DataFrame, table: Table, remembered: Remembered | None = None) -> Judged:
    """Split ``raw`` (text columns plus ``_row``) into loaded rows and quarantine.

    ``remembered``: verdicts on costly values kept from earlier calls (a service judging
    request after request keeps one); with it, a request is judged in one query. The
    quarantine's branches (one per field) are only run when some row is refused.
    """
    missing = missing_required(raw, table)
    if missing:
        return _refuse_table(raw, table, missing)
    raw = with_line_numbers(raw, table)
    steps = _steps(table)
    extras = [c for c in raw.columns if c != ROW and c not in table.names]
    if remembered is None:
        text = _with_text(raw.lazy(), table, steps)
        lookups = {name: found.lazy() for name, found in _lookups(text, table).items()}
        checked = _checked(text, steps, lookups, table.key)
        wide = checked.select(_judged_columns(table, steps, extras)).collect()
    else:
        wide = remembered.checked(raw, steps)
    return Judged(*_split(wide, table, steps, extras))


LINE = "line_no"


def with_line_numbers(raw: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Number the lines a declaration gives no ``line_no``, in the order the file lists them.

    The contract makes ``line_no`` optional, but it is half of the key: a
    dataset without the column would otherwise load one line per declaration and
    quarantine every other line as a duplicate. A line without a number gets the next one
    after the declaration's highest stated number, counting in file order, so a
    one-line declaration still gets 1 and numbered lines keep theirs.
    """
    if LINE not in table.key:
        return raw
    if LINE not in raw.columns:
        raw = raw.with_columns(pl.lit(None, pl.String).alias(LINE))
    text = cleaned(pl.col(LINE))
    if raw.select(text.null_count()).item() == 0:
        return raw
    declaration = [cleaned(pl.col(k)) for k in table.key if k != LINE]
    # Stated numbers as the int check judges them ("2.0" is 2); a number it refuses
    # (negative, "1e3", too large) counts as none, and is quarantined as itself.
    read = check_int(text)
    stated = pl.when(read.reason.is_null()).then(read.value).max().over(declaration).fill_null(0)
    unnumbered = text.is_null().cast(pl.Int64).cum_sum().over(declaration, order_by=ROW)
    number = (stated + unnumbered).cast(pl.String)
    return raw.with_columns(
        pl.when(text.is_null()).then(number).otherwise(pl.col(LINE)).alias(LINE)
    )


def _checked(
    wide: Frame, steps: _Steps, lookups: Mapping[str, Frame], key: tuple[str, ...]
) -> Frame:
    return _with_duplicates(_with_verdicts(_with_lookups(wide, lookups), steps), key)
