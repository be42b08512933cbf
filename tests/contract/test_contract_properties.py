"""Garbage in, accounting out: whatever the file, every record loads or is quarantined.

Hypothesis throws random bytes, mixed encodings, missing and extra columns, quoted
Chinese text with separators and newlines, huge numbers, mixed date forms and duplicate
keys at the loader. Each example asserts the same invariants: loading does not raise,
``rows_read == rows_loaded + rows_rejected``, every rejection names table, row, field
or reason, and what loaded satisfies the contract's types.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import math
import os
import tempfile
from pathlib import Path

import polars as pl
from contract_factories import ONE_DECLARATION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orewatch.contract import LoadedTable, load_dataset
from orewatch.contract.checks import (
    COUNTRY_CODES,
    CURRENCY_CODES,
    DTYPES,
    check_value,
    cleaned,
    fast_path,
)
from orewatch.contract.ids import is_valid_resident_id, is_valid_uscc, looks_like_uscc
from orewatch.contract.schema import DECLARATIONS, Column

PROPERTY = settings(
    max_examples=int(os.environ.get("CONTRACT_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

nasty_text = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 ,;\"'\n\r\t.-/:年月日镓锗锑稀土公司，。“”")),
    max_size=12,
)
dates = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%Y/%m/%d")),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    st.datetimes().map(lambda d: d.isoformat(sep=" ")),
    st.datetimes().map(lambda d: d.isoformat() + "+08:00"),
    st.sampled_from(["2024-02-30", "2024-13-01", "yesterday", "24-03-04"]),
)
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["1,234", "1e16", "-0", ".5", "5.", "1e-3", "NaN", "十"]),
)
FIELD_VALUES = {
    "datetime": dates,
    "date": dates,
    "float": numbers,
    "int": st.one_of(st.integers(-5, 10**19).map(str), st.sampled_from(["1.0", "1.5", "x", ""])),
    "country": st.sampled_from(["CN", "de", "XX", "UK", " us ", ""]),
    "currency": st.sampled_from(["USD", "cny", "RMB", ""]),
    "hs": st.sampled_from(["811292", "8112.92", "81129A", "8112", "8112929010", ""]),
    "regid": st.sampled_from(
        ["91350100M000100Y43", "91350100M000100Y44", "11010519491231002X", "4403980123", ""]
    ),
}


def field_value(column: Column) -> st.SearchStrategy[str]:
    valid = st.just(ONE_DECLARATION[column.name])
    odd = FIELD_VALUES.get(column.type, nasty_text)
    return st.one_of(valid, valid, odd)


row_strategy = st.fixed_dictionaries({c.name: field_value(c) for c in DECLARATIONS.columns})


def assert_contract(table: LoadedTable) -> None:
    """The invariants every load must keep, whatever it was given."""
    frame, rejected = table.frame, table.rejected
    assert table.rows_read == table.rows_loaded + table.rows_rejected
    assert frame.height == table.rows_loaded
    loaded_rows = set(frame["_row"].to_list())
    rejected_rows = set(rejected.filter(pl.col("row") > 0)["row"].to_list())
    assert not loaded_rows & rejected_rows
    whole_file = rejected.filter(pl.col("row") == 0).height > 0
    assert len(rejected_rows) == table.rows_rejected or (whole_file and not loaded_rows)
    assert rejected["reason"].null_count() == 0 and rejected["table"].null_count() == 0
    for column in DECLARATIONS.columns:
        assert frame.schema[column.name] == DTYPES[column.type], column.name
    for name in DECLARATIONS.required:
        assert frame[name].null_count() == 0, name
    for name in ("quantity", "net_weight_kg", "gross_weight_kg", "value"):
        values = frame[name].drop_nulls().to_list()
        assert all(math.isfinite(v) and 0 <= v <= 1e15 for v in values), name
    for name in ("consignee_country", "destination_country", "trade_country"):
        assert set(frame[name].drop_nulls().to_list()) <= COUNTRY_CODES
    assert set(frame["currency"].to_list()) <= CURRENCY_CODES
    # 6 to 10 digits, or 2 to 5 as a chapter or heading prefix (``checks.check_hs``).
    assert all(h.isdigit() and 2 <= len(h) <= 10 for h in frame["hs_code"].to_list())
    assert all(
        is_valid_uscc(v) or is_valid_resident_id(v) or not looks_like_uscc(v)
        for v in frame["exporter_id"].to_list()
    )
    assert frame.select("declaration_id", "line_no").is_duplicated().sum() == 0


def load_bytes(name: str, content: bytes) -> LoadedTable:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / name).write_bytes(content)
        table = load_dataset(Path(tmp)).tables["declarations"]
    assert_contract(table)
    return table


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    # CRLF, so that the writer quotes a lone CR inside a value as well as a LF.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]


@PROPERTY
@given(
    st.binary(max_size=400),
    st.sampled_from(["declarations.csv", "declarations.jsonl", "declarations.parquet"]),
)
def test_random_bytes_never_crash(content: bytes, name: str) -> None:
    load_bytes(name, content)


@PROPERTY
@given(
    rows=st.lists(row_strategy, max_size=12),
    duplicates=st.lists(st.integers(0, 11), max_size=4),
    dropped=st.sets(st.sampled_from(DECLARATIONS.names), max_size=3),
    extra=st.booleans(),
    encoding=st.sampled_from(ENCODINGS),
    shuffle_header=st.randoms(use_true_random=False),
)
def test_csv_rows_are_loaded_or_quarantined(
    rows: list[dict[str, str]],
    duplicates: list[int],
    dropped: set[str],
    extra: bool,
    encoding: str,
    shuffle_header: object,
) -> None:
    rows = rows + [rows[i] for i in duplicates if i < len(rows)]
    header = [n for n in DECLARATIONS.names if n not in dropped]
    shuffle_header.shuffle(header)  # type: ignore[attr-defined]
    body = [[r[h] for h in header] + (['附注,"x"\n'] if extra else []) for r in rows]
    text = to_csv([h.upper() for h in header] + (["Remark"] if extra else []), body)
    table = load_bytes("declarations.csv", text.encode(encoding))
    assert table.rows_read == len(rows)
    if set(DECLARATIONS.required) & dropped:
        assert table.rows_loaded == 0
        assert (
            set(table.rejected.filter(pl.col("row") == 0)["field"])
            == set(DECLARATIONS.required) & dropped
        )
    else:
        loaded = set(table.frame["_row"].to_list())
        quarantined = set(table.rejected["row"].to_list())
        assert loaded | quarantined == set(range(1, len(rows) + 1))


@PROPERTY
@given(st.lists(st.one_of(row_strategy.map(json.dumps), nasty_text), max_size=10))
def test_jsonl_lines_are_loaded_or_quarantined(lines: list[str]) -> None:
    table = load_bytes("declarations.jsonl", "\n".join(lines).encode())
    non_blank = [line for line in "\n".join(lines).split("\n") if line.strip()]
    assert table.rows_read == len(non_blank)


@PROPERTY
@given(st.lists(row_strategy, min_size=1, max_size=6), st.integers(1, 5))
def test_ragged_csv_rows_are_quarantined(rows: list[dict[str, str]], cut: int) -> None:
    header = list(DECLARATIONS.names)
    body = [[r[h] for h in header] for r in rows]
    body[0] = body[0][:-cut]
    table = load_bytes("declarations.csv", to_csv(header, body).encode())
    assert 1 in set(table.rejected["row"].to_list())
    assert table.rows_read == len(rows)


@PROPERTY
@given(
    st.lists(st.one_of(dates, nasty_text), min_size=1, max_size=30),
    st.sampled_from(["date", "datetime", "regid"]),
)
def test_fast_path_agrees_with_the_full_check(values: list[str], type_: str) -> None:
    column = Column("c", type_)  # type: ignore[arg-type]
    text = cleaned(pl.col("c"))
    fast = fast_path(column, text)
    assert fast is not None
    full = check_value(DECLARATIONS, column, text)
    out = pl.DataFrame({"c": values}, schema={"c": pl.String}).select(
        fast.accepts.alias("accepts"),
        fast.value.alias("fast"),
        full.value.alias("full"),
        full.reason.alias("why"),
    )
    accepted = out.filter("accepts")
    assert accepted["why"].null_count() == accepted.height
    assert accepted["fast"].to_list() == accepted["full"].to_list()


def test_bom_variants_all_load() -> None:
    text = to_csv(list(ONE_DECLARATION), [list(ONE_DECLARATION.values())])
    for raw in (
        codecs.BOM_UTF8 + text.encode(),
        text.encode("utf-16"),
        text.encode("gbk", errors="replace"),
    ):
        assert load_bytes("declarations.csv", raw).rows_loaded == 1
