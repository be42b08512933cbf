"""Judging a whole table: columns present, every field, row rules, then keys.

Pure functions from a frame of raw text (as :mod:`orewatch.contract.formats` reads it)
to the typed frame that loads and the quarantine of what does not. A row with any
failing field is refused whole — a declaration line with an unreadable quantity must
not reach screening looking like a line with no quantity.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.contract import quarantine
from orewatch.contract.checks import (
    BY_DISTINCT,
    DTYPES,
    Checked,
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
_TEXT = "__text__"


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


def _field_rejections(wide: pl.DataFrame, fields: list[str], rules: list[str]) -> pl.DataFrame:
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
    return quarantine.concat(parts)


def _duplicate_rejections(wide: pl.DataFrame, key: tuple[str, ...]) -> pl.DataFrame:
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


def _distinct_lookup(raw: pl.LazyFrame, table: Table, column: Column) -> pl.LazyFrame:
    """Full check of each distinct value the fast path did not accept, keyed by raw text."""
    text = pl.col(_TEXT + column.name)
    fast = fast_path(column, text)
    need = text.is_not_null() if fast is None else text.is_not_null() & ~fast.accepts
    checked = check_value(table, column, text)
    return (
        raw.select(column.name, cleaned(pl.col(column.name)).alias(_TEXT + column.name))
        .filter(need)
        .unique(column.name)
        .with_columns(
            checked.value.alias(_LOOKED_UP + _VALUE + column.name),
            checked.reason.alias(_LOOKED_UP + _WHY + column.name),
        )
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


def _with_text(raw: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Add each contract column's cleaned text once, so that every check stays small."""
    absent = [c.name for c in table.columns if c.name not in raw.columns]
    return raw.with_columns(pl.lit(None, pl.String).alias(name) for name in absent).with_columns(
        cleaned(pl.col(c.name)).alias(_TEXT + c.name) for c in table.columns
    )


def _with_lookups(wide: pl.DataFrame, table: Table) -> pl.DataFrame:
    """Join the verdicts on distinct values for the columns that are costly to judge."""
    for column in table.columns:
        if column.type in BY_DISTINCT:
            lookup = _distinct_lookup(wide.lazy(), table, column).collect()
            wide = wide.join(lookup, on=column.name, how="left", maintain_order="left")
    return wide


def _with_verdicts(wide: pl.DataFrame, table: Table) -> tuple[pl.DataFrame, list[str]]:
    """Typed values, one reason column per field and row rule, and whether the row is ok."""
    checked = {c.name: _check(table, c) for c in table.columns}
    rules = _row_rule_reasons(table)
    wide = wide.with_columns(
        *(ch.value.alias(_VALUE + name) for name, ch in checked.items()),
        *(ch.reason.alias(_WHY + name) for name, ch in checked.items()),
    ).with_columns(rule.alias(_WHY + name) for name, rule in rules.items())
    ok = pl.all_horizontal(pl.col(_WHY + name).is_null() for name in [*checked, *rules])
    return wide.with_columns(ok.alias("__ok__")), list(rules)


def _with_duplicates(wide: pl.DataFrame, key: tuple[str, ...]) -> pl.DataFrame:
    """Mark later ok rows that repeat an earlier ok row's key, with that earlier row."""
    if not key:
        return wide.with_columns(pl.lit(None, pl.Int64).alias(_DUP_FIRST))
    first = pl.when("__ok__").then(pl.col(ROW)).min().over([_VALUE + k for k in key])
    return wide.with_columns(
        pl.when(pl.col("__ok__") & (pl.col(ROW) != first)).then(first).alias(_DUP_FIRST)
    )


def judge(raw: pl.DataFrame, table: Table) -> Judged:
    """Split ``raw`` (text columns plus ``_row``) into loaded rows and quarantine."""
    missing = missing_required(raw, table)
    if missing:
        return _refuse_table(raw, table, missing)
    extras = [c for c in raw.columns if c != ROW and c not in table.names]
    wide = _with_lookups(_with_text(raw, table), table)
    wide, rules = _with_verdicts(wide, table)
    wide = _with_duplicates(wide, table.key)
    rejected = [_field_rejections(wide, list(table.names), rules)]
    if table.key:
        rejected.append(_duplicate_rejections(wide, table.key))
    loaded = wide.filter(pl.col("__ok__") & pl.col(_DUP_FIRST).is_null()).select(
        *(pl.col(_VALUE + name).alias(name) for name in table.names),
        *(pl.col(c) for c in extras),
        pl.col(ROW),
    )
    return Judged(loaded, quarantine.concat(rejected))
