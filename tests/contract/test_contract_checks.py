"""Value checks, one contract type at a time, through the column-level entry point."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from orewatch.contract.checks import check_column, fast_path
from orewatch.contract.schema import TABLES, Column, ColumnType, Table

PLAIN = Table("t", ())


def judge(
    type_: ColumnType, values: list[str | None], **column: object
) -> list[tuple[object, str | None]]:
    """(value, reason) per input for a column of ``type_`` in a table named ``t``."""
    col = Column("c", type_, **column)  # type: ignore[arg-type]
    checked = check_column(PLAIN, col, pl.col("c"))
    out = pl.DataFrame({"c": values}, schema={"c": pl.String}).select(
        checked.value.alias("v"), checked.reason.alias("r")
    )
    return list(out.iter_rows())


def ok(type_: ColumnType, value: str, **column: object) -> object:
    ((typed, reason),) = judge(type_, [value], **column)
    assert reason is None, reason
    return typed


def refused(type_: ColumnType, value: str | None, **column: object) -> str:
    ((_typed, reason),) = judge(type_, [value], **column)
    assert reason is not None, f"{value!r} was accepted"
    return reason


def test_empty_is_missing_and_required_says_so() -> None:
    assert judge("str", ["", "   ", None]) == [(None, None)] * 3
    assert refused("str", "  ", required=True) == "required value missing"


def test_str_is_stripped() -> None:
    assert ok("str", "  厦门 公司 ") == "厦门 公司"


def test_default_applies_to_missing_only() -> None:
    assert judge("int", ["", "3"], default=1) == [(1, None), (3, None)]


@pytest.mark.parametrize(("raw", "value"), [("7", 7), ("+7", 7), ("7.0", 7), (" 12 ", 12)])
def test_int_accepts(raw: str, value: int) -> None:
    assert ok("int", raw) == value


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("7.5", "whole"),
        ("x", "not a number"),
        ("1,000", "comma"),
        ("-1", "negative"),
        ("99999999999999999999999", "implausible"),
    ],
)
def test_int_refuses(raw: str, why: str) -> None:
    assert why in refused("int", raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1", 1.0), ("2.5", 2.5), ("1e3", 1000.0), ("1.5E-3", 0.0015), (".5", 0.5), ("0", 0.0)],
)
def test_float_accepts(raw: str, value: float) -> None:
    assert ok("float", raw) == value


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("1,234", "ambiguous"),
        ("1,5", "ambiguous"),
        ("NaN", "finite"),
        ("-inf", "finite"),
        ("Infinity", "finite"),
        ("1e16", "implausible"),
        ("-3", "negative"),
        ("12kg", "not a number"),
        ("0x10", "not a number"),
    ],
)
def test_float_refuses(raw: str, why: str) -> None:
    assert why in refused("float", raw)


def test_signed_floats_may_be_negative() -> None:
    from orewatch.contract.checks import check_float

    out = pl.select(check_float(pl.lit("-3"), signed=True).reason).item()
    assert out is None


@pytest.mark.parametrize(
    "raw", ["2024-03-04", "2024/03/04", "2024/3/4", "2024.03.04", "20240304", "2024年3月4日"]
)
def test_date_accepts_year_first_forms(raw: str) -> None:
    assert ok("date", raw) == dt.date(2024, 3, 4)


def test_date_accepts_spreadsheet_midnight() -> None:
    assert ok("date", "2024-03-04 00:00:00") == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("03/04/2024", "ambiguous"),
        ("04.03.2024", "ambiguous"),
        ("24-03-04", "ambiguous"),
        ("2024-02-30", "calendar"),
        ("2024-13-01", "calendar"),
        ("1700-01-01", "implausible"),
        ("yesterday", "not a date"),
        ("2024-03-04 10:00", "time of day"),
    ],
)
def test_date_refuses(raw: str, why: str) -> None:
    assert why in refused("date", raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2024-03-04", dt.datetime(2024, 3, 4)),
        ("2024-03-04 10:15:30", dt.datetime(2024, 3, 4, 10, 15, 30)),
        ("2024-03-04T10:15", dt.datetime(2024, 3, 4, 10, 15)),
        ("2024/3/4 9:05:01.25", dt.datetime(2024, 3, 4, 9, 5, 1, 250000)),
        ("2024-03-04T10:15:00+08:00", dt.datetime(2024, 3, 4, 10, 15)),
        ("2024-03-04T02:15:00Z", dt.datetime(2024, 3, 4, 10, 15)),
        ("2024-03-03T21:15:00-0500", dt.datetime(2024, 3, 4, 10, 15)),
        ("2024年3月4日 10:15", dt.datetime(2024, 3, 4, 10, 15)),
    ],
)
def test_datetime_accepts_and_moves_zones_to_port_time(raw: str, value: dt.datetime) -> None:
    assert ok("datetime", raw) == value


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("03/04/2024 10:00", "ambiguous"),
        ("2024-03-04 24:00", "out of range"),
        ("2024-03-04 10:61", "out of range"),
        ("2024-03-04T10:00+15:00", "zone"),
        ("2024-03-04 10h00", "not a date"),
    ],
)
def test_datetime_refuses(raw: str, why: str) -> None:
    assert why in refused("datetime", raw)


def test_datetime_dtype_is_naive_microseconds() -> None:
    checked = check_column(PLAIN, Column("c", "datetime"), pl.col("c"))
    out = pl.DataFrame({"c": ["2024-03-04T02:15:00Z"]}).select(checked.value.alias("v"))
    assert out.schema["v"] == pl.Datetime("us", None)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2024", "2024"),
        ("2024-3", "2024-03"),
        ("2024/12", "2024-12"),
        ("202403", "2024-03"),
        ("2024年3月", "2024-03"),
    ],
)
def test_period_normalises(raw: str, value: str) -> None:
    assert ok("period", raw) == value


@pytest.mark.parametrize(
    ("raw", "why"), [("2024-13", "month"), ("24-03", "not a period"), ("Q1 2024", "not a period")]
)
def test_period_refuses(raw: str, why: str) -> None:
    assert why in refused("period", raw)


def test_production_period_must_be_a_month() -> None:
    production = TABLES["production"]
    checked = check_column(production, production.column("period"), pl.col("c"))
    reasons = pl.DataFrame({"c": ["2024", "2024-03"]}).select(checked.reason).to_series()
    assert reasons.to_list() == ["a month is expected (YYYY-MM)", None]


def test_country_and_currency_are_upper_cased_iso_codes() -> None:
    assert ok("country", " cn ") == "CN"
    assert ok("country", "XK") == "XK"
    assert "ISO 3166" in refused("country", "UK")
    assert "ISO 3166" in refused("country", "CHN")
    assert ok("currency", "usd") == "USD"
    assert "ISO 4217" in refused("currency", "RMB")


@pytest.mark.parametrize("raw", ["811292", "8112929010", " 28053000 ", "8112", "81"])
def test_hs_accepts_6_to_10_digits_and_shorter_prefixes(raw: str) -> None:
    assert ok("hs", raw) == raw.strip()


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("8112.92", "dots"),
        ("81129A", "letters"),
        ("8", "1 digits"),
        ("81129290101", "11 digits"),
        ("81 12 92", "other than digits"),
    ],
)
def test_hs_refuses(raw: str, why: str) -> None:
    assert why in refused("hs", raw)


def test_list_splits_strips_and_drops_empties() -> None:
    assert judge("list", ["a; b ;;c", " ; ", "x"]) == [
        (["a", "b", "c"], None),
        (None, None),
        (["x"], None),
    ]


def test_regid_sets_the_case_of_credit_codes_and_refuses_none() -> None:
    assert ok("regid", "91350100M000100Y43") == "91350100M000100Y43"
    assert ok("regid", "91350100m000100y43") == "91350100M000100Y43"
    assert ok("regid", "4403980123") == "4403980123"  # customs code: not judged
    assert ok("regid", "HRB 12345") == "HRB 12345"  # foreign company number
    assert ok("regid", "11010519491231002X") == "11010519491231002X"  # resident id
    # The contract types ids as str: a wrong check character is kept, not quarantined.
    assert ok("regid", "91350100m000100y44") == "91350100M000100Y44"
    assert ok("regid", "123456789012345670") == "123456789012345670"


def test_closed_vocabulary_is_case_insensitive_and_lower_cased() -> None:
    declarations = TABLES["declarations"]
    checked = check_column(declarations, declarations.column("mode"), pl.col("c"))
    out = pl.DataFrame({"c": ["SEA", "Air", "boat"]}).select(
        checked.value, checked.reason.alias("r")
    )
    assert out.rows() == [("sea", None), ("air", None), ("boat", out["r"][2])]
    assert "not one of" in out["r"][2]


def test_open_vocabulary_keeps_unknown_terms() -> None:
    inspections = TABLES["inspections"]
    checked = check_column(inspections, inspections.column("method"), pl.col("c"))
    out = pl.DataFrame({"c": ["Lab", "sniffer dog"]}).select(
        checked.value, checked.reason.alias("r")
    )
    assert out.rows() == [("lab", None), ("sniffer dog", None)]


def test_licence_status_defaults_to_valid() -> None:
    licenses = TABLES["licenses"]
    checked = check_column(licenses, licenses.column("status"), pl.col("c"))
    out = pl.DataFrame({"c": [None, "REVOKED"]}, schema={"c": pl.String}).select(checked.value)
    assert out.to_series().to_list() == ["valid", "revoked"]


@pytest.mark.parametrize("type_", ["date", "datetime", "regid"])
def test_fast_path_exists_for_costly_types(type_: ColumnType) -> None:
    assert fast_path(Column("c", type_), pl.col("c")) is not None
