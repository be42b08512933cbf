"""Judging raw text values against the contract, whole columns at a time.

Each check turns a column of text into a typed column and a column of reasons (null
where the value is fine), as Polars expressions, so that a million declaration lines
are judged without a Python loop per value. The rules are the contract's; the reasons
are written for the clerk who will have to fix the source file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl
import pycountry

from orewatch.contract import ids
from orewatch.contract.schema import (
    CLOSED_VOCABULARIES,
    LOCAL_TIME_ZONE,
    MONTHLY_PERIODS,
    SIGNED_FLOATS,
    VOCABULARIES,
    Column,
    ColumnType,
    Table,
)

#: ISO 3166-1 alpha-2, plus XK (Kosovo), which customs systems use although ISO has not
#: assigned it.
COUNTRY_CODES: frozenset[str] = frozenset({c.alpha_2 for c in pycountry.countries} | {"XK"})
CURRENCY_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.currencies)

MAX_MAGNITUDE = 1e15
YEAR_RANGE = (1800, 2100)

DTYPES: dict[ColumnType, pl.DataType] = {
    "str": pl.String(),
    "regid": pl.String(),
    "int": pl.Int64(),
    "float": pl.Float64(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us"),
    "period": pl.String(),
    "country": pl.String(),
    "currency": pl.String(),
    "hs": pl.String(),
    "list": pl.List(pl.String()),
}


@dataclass(frozen=True)
class Checked:
    """A column judged: its typed value and, where the value is refused, why."""

    value: pl.Expr
    reason: pl.Expr


def _null_str() -> pl.Expr:
    return pl.lit(None, pl.String)


def _first_failure(*rules: tuple[pl.Expr, str | pl.Expr]) -> pl.Expr:
    """The reason of the first rule whose condition holds, else null."""
    reason = _null_str()
    for condition, message in reversed(rules):
        text = pl.lit(message, pl.String) if isinstance(message, str) else message
        reason = pl.when(condition).then(text).otherwise(reason)
    return reason


def cleaned(raw: pl.Expr) -> pl.Expr:
    """Surrounding whitespace removed; an empty cell is a missing value."""
    text = raw.cast(pl.String).str.strip_chars()
    return pl.when(text != "").then(text)


# --- scalar types ------------------------------------------------------------------------


def _nul(text: pl.Expr) -> pl.Expr:
    """Why a free-text value is refused: a NUL character (valid UTF-8, but no writer of
    text means it, and it ends strings in C and in the databases the outputs go to)."""
    return _first_failure((text.str.contains("\x00", literal=True), "contains a NUL character"))


def check_str(text: pl.Expr) -> Checked:
    return Checked(text, _nul(text))


def check_regid(text: pl.Expr) -> Checked:
    """Credit-code-shaped values are written in upper case; no registration id is refused.

    The contract types these ids as ``str``. A unified social credit code carries a check
    character (GB 32100-2015), but datasets from elsewhere hold ids that look like one
    without it: masked or test extracts, ids made up by a simulator, customs codes padded
    to 18 characters. Holding them to the checksum quarantined whole lines (in one such
    dataset 97 % of them) for a value the contract accepts, so the shape only sets the
    case ("91350100m000100y43" and "91350100M000100Y43" are one exporter).
    """
    upper = text.str.to_uppercase()
    shaped = upper.str.contains(ids.USCC_SHAPE)
    return Checked(pl.when(shaped).then(upper).otherwise(text), _nul(text))


_INT = r"^[+-]?[0-9]+(\.0*)?$"
_FLOAT = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_NON_FINITE = r"(?i)^[+-]?(nan|inf|infinity)$"


def check_int(text: pl.Expr) -> Checked:
    whole = text.str.replace(r"\.0*$", "")
    value = whole.cast(pl.Int64, strict=False)
    reason = _first_failure(
        (text.str.contains(r"^[+-]?[0-9]*,[0-9]"), "comma in a number is ambiguous"),
        (text.str.contains(_FLOAT) & ~text.str.contains(_INT), "not a whole number"),
        (~text.str.contains(_INT), "not a number"),
        (value.is_null(), "implausible magnitude"),
        (value < 0, "negative; the contract expects 0 or more"),
    )
    return Checked(value, reason)


def check_float(text: pl.Expr, signed: bool = False) -> Checked:
    """Decimal point only, scientific notation allowed; finite and plausible.

    "1,234" is refused rather than guessed: it is a thousand in Shanghai and one point
    two in Hamburg, and a value off by a factor of a thousand is worse than none.
    """
    value = text.cast(pl.Float64, strict=False)
    rules: list[tuple[pl.Expr, str]] = [
        (
            text.str.contains(","),
            "comma in a number is ambiguous (thousands or decimal separator?)",
        ),
        (text.str.contains(_NON_FINITE), "not a finite number"),
        (~text.str.contains(_FLOAT), "not a number"),
        (value.abs() > MAX_MAGNITUDE, "implausible magnitude (over 1e15)"),
    ]
    if not signed:
        rules.append((value < 0, "negative; the contract expects 0 or more"))
    return Checked(value, _first_failure(*rules))


def check_country(text: pl.Expr) -> Checked:
    upper = text.str.to_uppercase()
    bad = ~upper.is_in(sorted(COUNTRY_CODES))
    return Checked(upper, _first_failure((bad, "not an ISO 3166-1 alpha-2 country code")))


def check_currency(text: pl.Expr) -> Checked:
    upper = text.str.to_uppercase()
    bad = ~upper.is_in(sorted(CURRENCY_CODES))
    return Checked(upper, _first_failure((bad, "not an ISO 4217 currency code")))


def check_hs(text: pl.Expr) -> Checked:
    n = text.str.len_chars()
    reason = _first_failure(
        (text.str.contains(r"\."), "HS code has dots; write digits only (2805.30 -> 280530)"),
        (text.str.contains(r"[A-Za-z]"), "HS code has letters; digits only expected"),
        (~text.str.contains(r"^[0-9]+$"), "HS code has characters other than digits"),
        (
            (n < 2) | (n > 10),
            pl.concat_str(
                pl.lit("HS code has "),
                n.cast(pl.String),
                pl.lit(" digits; 6 to 10 (or 2 to 5 as a chapter or heading prefix)"),
            ),
        ),
    )
    return Checked(text, reason)


def check_list(text: pl.Expr) -> Checked:
    items = text.str.split(";").list.eval(
        pl.element().str.strip_chars().filter(pl.element().str.strip_chars() != "")
    )
    return Checked(pl.when(items.list.len() > 0).then(items), _nul(text))


# --- dates and times ---------------------------------------------------------------------

# Year-first forms only: ISO, slashes, dots, compact, and the Chinese 年月日.
_DATE = (
    r"([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|/([0-9]{1,2})/([0-9]{1,2})"
    r"|\.([0-9]{1,2})\.([0-9]{1,2})|([0-9]{2})([0-9]{2})"
    r"|\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日)"
)
_TIME = (
    r"(?:(?:T|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
    r"\s*(Z|UTC|GMT|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_DATETIME_RE = f"^{_DATE}{_TIME}$"
_AMBIGUOUS = r"^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}(?:$|[T\s])"


def _group(parts: pl.Expr, *indexes: int) -> pl.Expr:
    return pl.coalesce(parts.struct.field(str(i)) for i in indexes)


@dataclass(frozen=True)
class _Moment:
    """A parsed date or datetime and the facts the date and datetime checks judge."""

    matched: pl.Expr
    date: pl.Expr
    year: pl.Expr
    has_time: pl.Expr
    local: pl.Expr
    bad_time: pl.Expr
    midnight: pl.Expr
    bad_zone: pl.Expr


def _extended(text: pl.Expr) -> pl.Expr:
    """ISO 8601's basic format written as its extended one: "20250301T100000+0800" is
    "20250301T10:00:00+0800", "20250301T1000Z" "20250301T10:00Z" (compact dates alone
    are read already)."""
    with_seconds = text.str.replace(
        r"^([0-9]{8})T([0-9]{2})([0-9]{2})([0-9]{2})", "${1}T${2}:${3}:${4}"
    )
    return with_seconds.str.replace(
        r"^([0-9]{8})T([0-9]{2})([0-9]{2})($|[Z+-])", "${1}T${2}:${3}${4}"
    )


def _parse_moment(raw: pl.Expr) -> _Moment:
    text = _extended(raw)
    parts = text.str.extract_groups(_DATETIME_RE)
    year = parts.struct.field("1")
    month = _group(parts, 2, 4, 6, 8, 10)
    day = _group(parts, 3, 5, 7, 9, 11)
    iso = pl.concat_str(year, pl.lit("-"), month.str.zfill(2), pl.lit("-"), day.str.zfill(2))
    date = iso.str.to_date("%Y-%m-%d", strict=False)
    hour = parts.struct.field("12").cast(pl.Int64)
    minute = parts.struct.field("13").cast(pl.Int64)
    second = parts.struct.field("14").cast(pl.Int64).fill_null(0)
    micros = (parts.struct.field("15") + pl.lit("000000")).str.slice(0, 6).cast(pl.Int64)
    zone = parts.struct.field("16")
    naive = date.cast(pl.Datetime("us")) + pl.duration(
        hours=hour.fill_null(0),
        minutes=minute.fill_null(0),
        seconds=second,
        microseconds=micros.fill_null(0),
    )
    offset = _zone_minutes(zone)
    utc = (naive - pl.duration(minutes=offset)).dt.replace_time_zone("UTC")
    shifted = utc.dt.convert_time_zone(LOCAL_TIME_ZONE).dt.replace_time_zone(None)
    return _Moment(
        matched=text.str.contains(_DATETIME_RE),
        date=date,
        year=year.cast(pl.Int64),
        has_time=hour.is_not_null(),
        local=pl.when(zone.is_null()).then(naive).otherwise(shifted),
        bad_time=(hour > 23) | (minute > 59) | (second > 59),
        midnight=(hour.fill_null(0) == 0)
        & (minute.fill_null(0) == 0)
        & (second == 0)
        & (micros.fill_null(0) == 0)
        & zone.is_null(),
        bad_zone=offset.abs() > 14 * 60,
    )


def _zone_minutes(zone: pl.Expr) -> pl.Expr:
    """Offset east of UTC in minutes for Z/UTC/GMT, +08, +0800, +08:00 (null if none)."""
    digits = zone.str.replace_all(r"[^0-9]", "")
    hours = digits.str.slice(0, 2).cast(pl.Int64, strict=False)
    minutes = digits.str.slice(2, 2).cast(pl.Int64, strict=False).fill_null(0)
    sign = pl.when(zone.str.starts_with("-")).then(-1).otherwise(1)
    return (
        pl.when(zone.is_in(["Z", "UTC", "GMT"]))
        .then(pl.lit(0, pl.Int64))
        .when(zone.is_not_null())
        .then(sign * (hours * 60 + minutes))
    )


def _date_rules(text: pl.Expr, moment: _Moment) -> list[tuple[pl.Expr, str]]:
    low, high = YEAR_RANGE
    return [
        (
            text.str.contains(_AMBIGUOUS),
            "day and month order is ambiguous (like 03/04/2024); write YYYY-MM-DD",
        ),
        (~moment.matched, "not a date; expected YYYY-MM-DD"),
        (moment.date.is_null(), "not a calendar date (no such day)"),
        ((moment.year < low) | (moment.year > high), f"implausible year (not {low}-{high})"),
    ]


def check_date(text: pl.Expr) -> Checked:
    """Year-first dates; a time is tolerated only at midnight (spreadsheet exports)."""
    moment = _parse_moment(text)
    reason = _first_failure(
        *_date_rules(text, moment),
        (moment.has_time & ~moment.midnight, "has a time of day; a date is expected"),
    )
    return Checked(moment.date, reason)


def check_datetime(text: pl.Expr) -> Checked:
    """Dates with an optional time and zone; zoned values are moved to the ports' time."""
    moment = _parse_moment(text)
    reason = _first_failure(
        *_date_rules(text, moment),
        (moment.bad_time, "time of day out of range"),
        (moment.bad_zone, "time zone offset out of range"),
    )
    return Checked(moment.local, reason)


_PERIOD_RE = r"^([0-9]{4})(?:[-/.]([0-9]{1,2})|([0-9]{2})|\s*年\s*([0-9]{1,2})\s*月)?$"


def check_period(text: pl.Expr, monthly: bool = False) -> Checked:
    parts = text.str.extract_groups(_PERIOD_RE)
    year = parts.struct.field("1")
    month = _group(parts, 2, 3, 4)
    month_no = month.cast(pl.Int64)
    value = (
        pl.when(month.is_null())
        .then(year)
        .otherwise(pl.concat_str(year, pl.lit("-"), month.str.zfill(2)))
    )
    low, high = YEAR_RANGE
    rules: list[tuple[pl.Expr, str]] = [
        (~text.str.contains(_PERIOD_RE), "not a period; expected YYYY or YYYY-MM"),
        ((month_no < 1) | (month_no > 12), "month out of range"),
        (
            (year.cast(pl.Int64) < low) | (year.cast(pl.Int64) > high),
            f"implausible year (not {low}-{high})",
        ),
    ]
    if monthly:
        rules.append((month.is_null(), "a month is expected (YYYY-MM)"))
    return Checked(value, _first_failure(*rules))


# --- columns -----------------------------------------------------------------------------

_SIMPLE: dict[ColumnType, Callable[[pl.Expr], Checked]] = {
    "str": check_str,
    "regid": check_regid,
    "int": check_int,
    "date": check_date,
    "datetime": check_datetime,
    "country": check_country,
    "currency": check_currency,
    "hs": check_hs,
    "list": check_list,
}


def check_typed(table: str, column: Column, text: pl.Expr) -> Checked:
    """The type check the contract asks of ``column`` (``text`` already cleaned)."""
    where = (table, column.name)
    if column.type == "float":
        return check_float(text, signed=where in SIGNED_FLOATS)
    if column.type == "period":
        return check_period(text, monthly=where in MONTHLY_PERIODS)
    return _SIMPLE[column.type](text)


def check_vocabulary(table: str, column: Column, checked: Checked) -> Checked:
    """Known terms are lower-cased; outside a closed vocabulary a term is refused."""
    terms = VOCABULARIES.get((table, column.name))
    if terms is None:
        return checked
    lower = checked.value.str.to_lowercase()
    known = lower.is_in(sorted(terms))
    value = pl.when(known).then(lower).otherwise(checked.value)
    if (table, column.name) not in CLOSED_VOCABULARIES:
        return Checked(value, checked.reason)
    reason = pl.coalesce(
        checked.reason,
        _first_failure((~known, f"not one of: {', '.join(sorted(terms))}")),
    )
    return Checked(value, reason)


def check_value(table: Table, column: Column, text: pl.Expr) -> Checked:
    """The type and vocabulary checks of ``column`` for present (cleaned) values."""
    return check_vocabulary(table.name, column, check_typed(table.name, column, text))


def complete(column: Column, text: pl.Expr, checked: Checked) -> Checked:
    """Apply the column's default and its requiredness to checked present values."""
    value = checked.value
    if column.default is not None:
        default = pl.lit(column.default).cast(DTYPES[column.type])
        value = pl.when(text.is_null()).then(default).otherwise(value)
    missing = (
        pl.lit("required value missing", pl.String)
        if column.required and column.default is None
        else _null_str()
    )
    reason = pl.when(text.is_null()).then(missing).otherwise(checked.reason)
    return Checked(value.cast(DTYPES[column.type]), reason)


def check_column(table: Table, column: Column, raw: pl.Expr) -> Checked:
    """Everything the contract says about one column, in the order a clerk would fix it."""
    text = cleaned(raw)
    return complete(column, text, check_value(table, column, text))


# --- fast paths --------------------------------------------------------------------------

#: Types whose full check is costly per value: the loader judges each distinct value
#: once (ids and dates repeat a lot) after a cheap fast path has passed the usual forms.
BY_DISTINCT: frozenset[ColumnType] = frozenset({"regid", "date", "datetime", "period"})

_FAST_DATETIME = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?)?$"
)
_FAST_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@dataclass(frozen=True)
class FastPath:
    """Values a cheap test can accept outright, and their typed value."""

    accepts: pl.Expr
    value: pl.Expr


def _in_years(value: pl.Expr) -> pl.Expr:
    low, high = YEAR_RANGE
    return value.dt.year().is_between(low, high)


def fast_path(column: Column, text: pl.Expr) -> FastPath | None:
    """The common well-formed case of a costly type, decided without the full parse.

    It must never accept what the full check would refuse nor type a value differently;
    a property test holds the two to that.
    """
    if column.type == "datetime":
        iso = text.str.replace("T", " ", literal=True)
        value = pl.coalesce(
            iso.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_unit="us", strict=False),
            iso.str.to_date("%Y-%m-%d", strict=False).cast(pl.Datetime("us")),
        )
        accepts = text.str.contains(_FAST_DATETIME) & _in_years(value)
        return FastPath(accepts.fill_null(False), value)
    if column.type == "date":
        value = text.str.to_date("%Y-%m-%d", strict=False)
        accepts = text.str.contains(_FAST_DATE) & _in_years(value)
        return FastPath(accepts.fill_null(False), value)
    if column.type == "regid":
        accepts = ~text.str.to_uppercase().str.contains(ids.USCC_SHAPE)
        return FastPath(accepts.fill_null(False), text)
    return None
