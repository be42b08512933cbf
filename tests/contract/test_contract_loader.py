"""Loading dataset folders: formats, encodings, broken files and the counts that add up."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
from pathlib import Path

import polars as pl
import pytest
from contract_factories import ONE_DECLARATION, WriteDataset, csv_bytes, declaration

from orewatch.contract import DatasetError, LoadedTable, load_dataset, load_table, write_rejected
from orewatch.contract.checks import DTYPES
from orewatch.contract.schema import DECLARATIONS, TABLES


def assert_accounted(table: LoadedTable) -> None:
    """Every record read either loaded or sits in the quarantine, never both."""
    loaded = set(table.frame["_row"].to_list())
    rejected = set(table.rejected.filter(pl.col("row") > 0)["row"].to_list())
    assert table.rows_read == table.rows_loaded + table.rows_rejected
    assert table.rows_loaded == table.frame.height == len(loaded)
    assert not loaded & rejected
    whole_file = table.rejected.filter(pl.col("row") == 0).height > 0
    assert len(rejected) == table.rows_rejected or (whole_file and table.rows_loaded == 0)


def decls(root: Path) -> LoadedTable:
    loaded = load_dataset(root).tables["declarations"]
    assert_accounted(loaded)
    return loaded


def test_valid_row_loads_typed_with_every_contract_column(dataset: WriteDataset) -> None:
    table = decls(dataset())
    assert (table.rows_read, table.rows_loaded, table.rows_rejected) == (1, 1, 0)
    assert table.encoding == "utf-8" and table.format == "csv"
    expected = {c.name: DTYPES[c.type] for c in DECLARATIONS.columns}
    assert {k: v for k, v in table.frame.schema.items() if k in expected} == expected
    row = table.frame.row(0, named=True)
    assert row["declared_at"] == dt.datetime(2024, 3, 4, 10, 15)
    assert row["container_ids"] == ["MSCU1234565", "TGHU7654321"]
    assert row["end_user_name"] is None
    assert row["_row"] == 1
    assert table.frame.schema["_row"] == pl.Int64


def test_absent_optional_columns_are_typed_nulls_and_defaults_apply(dataset: WriteDataset) -> None:
    row = {c: ONE_DECLARATION[c] for c in DECLARATIONS.required}
    table = decls(dataset(**{"declarations.csv": csv_bytes([row])}))
    assert table.frame["line_no"].to_list() == [1]
    assert table.frame["gross_weight_kg"].dtype == pl.Float64
    assert table.frame["gross_weight_kg"].to_list() == [None]
    assert table.frame["container_ids"].dtype == pl.List(pl.String)


def test_headers_match_case_and_space_insensitively_and_extras_are_kept(
    dataset: WriteDataset,
) -> None:
    row = {f"  {k.upper()} ": v for k, v in ONE_DECLARATION.items()} | {"Remark": "急"}
    table = decls(dataset(**{"declarations.csv": codecs.BOM_UTF8 + csv_bytes([row])}))
    assert table.rows_loaded == 1
    assert table.encoding == "utf-8-sig"
    assert table.frame["remark"].to_list() == ["急"]


def test_missing_required_column_refuses_the_table(dataset: WriteDataset) -> None:
    rows = [{k: v for k, v in declaration().items() if k != "hs_code"}] * 3
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert (table.rows_read, table.rows_loaded, table.rows_rejected) == (3, 0, 3)
    refusal = table.rejected.row(0, named=True)
    assert refusal["row"] == 0 and refusal["field"] == "hs_code"
    assert "required column missing" in refusal["reason"]
    assert table.frame.height == 0 and "hs_code" in table.frame.columns


def test_bad_fields_reject_the_row_once_per_field(dataset: WriteDataset) -> None:
    rows = [
        declaration(),
        declaration(declaration_id="X2", quantity="1,000", hs_code="8112.92", currency="RMB"),
        declaration(declaration_id="X3", declared_at="03/04/2024"),
    ]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.rows_loaded == 1 and table.rows_rejected == 2
    by_row = table.rejected.group_by("row").agg(pl.col("field").sort()).sort("row")
    assert by_row.rows() == [(2, ["currency", "hs_code", "quantity"]), (3, ["declared_at"])]
    value = table.rejected.filter(pl.col("field") == "quantity")["value"].item()
    assert value == "1,000"


def test_duplicate_keys_keep_the_first_and_name_it(dataset: WriteDataset) -> None:
    rows = [declaration(), declaration(description="again"), declaration(line_no="2")]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.frame["_row"].to_list() == [1, 3]
    dup = table.rejected.row(0, named=True)
    assert dup["row"] == 2 and dup["field"] == "declaration_id,line_no"
    assert "first loaded at row 1" in dup["reason"]


def test_duplicate_of_a_rejected_row_loads(dataset: WriteDataset) -> None:
    rows = [declaration(quantity="lots"), declaration()]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.frame["_row"].to_list() == [2]


def test_unnumbered_line_follows_the_declarations_highest_number(dataset: WriteDataset) -> None:
    rows = [declaration(line_no=""), declaration(line_no="1"), declaration(line_no="1")]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.frame.select("_row", "line_no").rows() == [(1, 2), (2, 1)]
    assert table.rows_rejected == 1  # a stated number repeated is still a duplicate
    rows = [declaration(line_no="2.0"), declaration(line_no=""), declaration(line_no="1e40")]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.frame.sort("_row")["line_no"].head(2).to_list() == [2, 3]
    # A number the int check refuses counts as none: the unnumbered line gets 1, not -2,
    # and only the refused line is quarantined, showing what the file said.
    rows = [declaration(line_no="-3"), declaration(line_no="")]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.frame.select("_row", "line_no").rows() == [(2, 1)]
    assert table.rejected.select("row", "value").rows() == [(1, "-3")]


def test_without_line_no_every_line_of_a_declaration_loads_in_file_order(
    dataset: WriteDataset,
) -> None:
    """A dataset that leaves out the optional ``line_no`` had lost all but one line of
    every multi-line declaration as duplicates (33,426 of 60,000 lines on a world)."""
    keep = [c for c in ONE_DECLARATION if c != "line_no"]
    lines = [
        declaration(declaration_id="A", description="first"),
        declaration(declaration_id="B"),
        declaration(declaration_id=" A ", description="second"),
    ]
    rows = [{c: row[c] for c in keep} for row in lines]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.rows_rejected == 0
    got = table.frame.sort("_row").select("declaration_id", "line_no", "description").rows()
    assert got == [("A", 1, "first"), ("B", 1, ONE_DECLARATION["description"]), ("A", 2, "second")]


def test_quoted_chinese_with_commas_newlines_and_quotes_parses(dataset: WriteDataset) -> None:
    text = '镓锭，纯度"6N"\n用途: 半导体, 外延片'
    table = decls(dataset(**{"declarations.csv": csv_bytes([declaration(description=text)])}))
    assert table.frame["description"].to_list() == [text]


def test_ragged_rows_are_rejected_with_their_record_number(dataset: WriteDataset) -> None:
    good = csv_bytes([declaration(), declaration(line_no="2", description="a,\nb")])
    lines = good.decode().rstrip("\n").split("\n")
    broken = "\n".join([*lines, "only,three,fields", lines[1].replace("\n", "") + ",extra", ""])
    table = decls(dataset(**{"declarations.csv": broken.encode()}))
    assert table.frame["_row"].to_list() == [1, 2]
    assert table.rejected["row"].to_list() == [3, 4]
    assert all("fields but the header has" in r for r in table.rejected["reason"])


def trailing_separator_file(rows: int, every: int) -> bytes:
    """Declarations where every ``every``-th record ends in a stray separator."""
    text = csv_bytes([declaration(line_no=str(n + 1)) for n in range(rows)]).decode()
    header, *records = text.rstrip("\n").split("\n")
    ended = [r + ("," if n % every == 0 else "") for n, r in enumerate(records)]
    return "\n".join([header, *ended, ""]).encode()


@pytest.mark.parametrize("every", [1, 2])
def test_records_ending_in_a_stray_separator_load(dataset: WriteDataset, every: int) -> None:
    table = decls(dataset(**{"declarations.csv": trailing_separator_file(6, every)}))
    assert (table.rows_loaded, table.rows_rejected) == (6, 0)
    assert table.frame["_row"].to_list() == [1, 2, 3, 4, 5, 6]
    assert table.frame["line_no"].to_list() == [1, 2, 3, 4, 5, 6]
    assert not [c for c in table.frame.columns if c.startswith("column_")]


def test_a_header_ending_in_a_separator_takes_records_with_and_without_it(
    dataset: WriteDataset,
) -> None:
    text = csv_bytes([declaration(line_no=str(n + 1)) for n in range(4)]).decode()
    header, *records = text.rstrip("\n").split("\n")
    records[1] += ","
    records[2] += ",stray value"
    table = decls(dataset(**{"declarations.csv": "\n".join([header + ",", *records, ""]).encode()}))
    assert table.frame["_row"].to_list() == [1, 2, 4]
    assert table.rejected.select("row", "value").row(0) == (3, "stray value")
    assert "header does not name" in table.rejected["reason"][0]


def test_a_value_past_the_header_is_still_rejected(dataset: WriteDataset) -> None:
    raw = trailing_separator_file(3, 1).replace(b",\n", b",oops\n", 1)
    table = decls(dataset(**{"declarations.csv": raw}))
    assert table.frame["_row"].to_list() == [2, 3]
    assert table.rejected["row"].to_list() == [1]


def test_gbk_file_loads_and_says_so(dataset: WriteDataset) -> None:
    raw = csv_bytes([declaration()], encoding="gbk")
    table = decls(dataset(**{"declarations.csv": raw}))
    assert table.encoding == "gbk"
    assert table.frame["exporter_name"].to_list() == [ONE_DECLARATION["exporter_name"]]


def test_utf16_file_loads(dataset: WriteDataset) -> None:
    raw = csv_bytes([declaration()], encoding="utf-16")
    table = decls(dataset(**{"declarations.csv": raw}))
    assert table.encoding == "utf-16" and table.rows_loaded == 1


def test_undecodable_file_is_a_whole_file_rejection(dataset: WriteDataset) -> None:
    table = decls(dataset(**{"declarations.csv": b"\xff\xfe\xfd" * 3 + b"\x81"}))
    assert table.rows_loaded == 0
    assert table.rejected.select("row", "reason").row(0)[0] == 0


def test_empty_file_and_header_only(dataset: WriteDataset) -> None:
    empty = decls(dataset(**{"declarations.csv": b""}))
    assert empty.rejected["reason"].to_list() == ["empty file (0 bytes)"]
    header = ",".join(DECLARATIONS.names).encode() + b"\n"
    only = decls(dataset(**{"declarations.csv": header}))
    assert (only.rows_read, only.rejected.height) == (0, 0)
    assert only.notes == ("no records (header only)",)


def test_blank_lines_are_not_records(dataset: WriteDataset) -> None:
    raw = csv_bytes([declaration(), declaration(line_no="2")]).replace(b"\n", b"\n\n")
    table = decls(dataset(**{"declarations.csv": raw}))
    assert table.rows_loaded == 2 and table.rejected.height == 0
    assert any("blank" in n for n in table.notes)


def test_csv_gz_loads(dataset: WriteDataset) -> None:
    table = decls(dataset(**{"declarations.csv.gz": gzip.compress(csv_bytes([declaration()]))}))
    assert table.rows_loaded == 1


def test_jsonl_rejects_bad_lines_by_number_and_joins_lists(dataset: WriteDataset) -> None:
    obj = {**declaration(), "container_ids": ["MSCU1234565", "TGHU7654321"], "quantity": 25.5}
    lines = [
        json.dumps(obj, ensure_ascii=False),
        "{not json",
        "[1, 2]",
        "",
        json.dumps({**obj, "line_no": 2}),
    ]
    table = decls(dataset(**{"declarations.jsonl": "\n".join(lines).encode()}))
    assert table.format == "jsonl"
    assert table.frame["_row"].to_list() == [1, 5]
    assert table.frame["container_ids"].to_list()[0] == ["MSCU1234565", "TGHU7654321"]
    assert table.rejected["row"].to_list() == [2, 3]
    assert "not valid JSON" in table.rejected["reason"][0]


def test_parquet_typed_columns_go_through_the_same_checks(
    dataset: WriteDataset, tmp_path: Path
) -> None:
    frame = pl.DataFrame([declaration(), declaration(line_no="2")]).with_columns(
        pl.col("line_no").cast(pl.Int64),
        pl.col("quantity").cast(pl.Float64),
        pl.Series(
            "declared_at", [dt.datetime(2024, 3, 4, 2, 15), dt.datetime(2024, 3, 4)]
        ).dt.replace_time_zone("UTC"),
        pl.Series("net_weight_kg", [-1.0, 2.0]),
    )
    path = tmp_path / "declarations.parquet"
    frame.write_parquet(path)
    root = dataset(**{"declarations.parquet": path.read_bytes()})
    table = decls(root)
    assert table.format == "parquet"
    assert table.frame["declared_at"].to_list() == [dt.datetime(2024, 3, 4, 8)]
    assert table.rejected["field"].to_list() == ["net_weight_kg"]


def test_garbage_parquet_is_a_whole_file_rejection(dataset: WriteDataset) -> None:
    table = decls(dataset(**{"declarations.parquet": b"PAR1 not really"}))
    assert table.rejected["row"].to_list() == [0]
    assert "Parquet" in table.rejected["reason"][0]


def test_other_tables_load_and_unknown_files_are_listed(dataset: WriteDataset) -> None:
    licence = {
        "license_no": "L1", "issued_at": "2024-01-02", "valid_until": "2024-12-31",
        "exporter_id": ONE_DECLARATION["exporter_id"], "quantity_kg": "100",
        "consignee_name": "ACME", "consignee_country": "DE",
    }  # fmt: skip
    root = dataset(**{"licenses.csv": csv_bytes([licence]), "notes.txt": b"hello"})
    loaded = load_dataset(root)
    licences = loaded.tables["licenses"]
    assert licences.rows_loaded == 0  # neither control_id nor hs_code
    assert licences.rejected["field"].to_list() == ["control_id,hs_code"]
    assert [p.name for p in loaded.unknown_files] == ["notes.txt"]
    assert loaded.frame("parties").height == 0
    assert set(loaded.frame("parties").columns) >= set(TABLES["parties"].names)


def test_tables_argument_limits_what_loads(dataset: WriteDataset) -> None:
    root = dataset(**{"parties.csv": b"party_id,kind,name\nP1,company,ACME\n"})
    assert set(load_dataset(root, ["parties"]).tables) == {"parties"}
    with pytest.raises(DatasetError, match="no such table"):
        load_dataset(root, ["nonsense"])


def test_no_declarations_is_a_dataset_error(tmp_path: Path) -> None:
    (tmp_path / "parties.csv").write_bytes(b"party_id,kind,name\n")
    with pytest.raises(DatasetError, match=str(tmp_path)):
        load_dataset(tmp_path)
    with pytest.raises(DatasetError, match="not a dataset folder"):
        load_dataset(tmp_path / "missing")


def test_two_files_for_one_table_is_an_error_naming_both(dataset: WriteDataset) -> None:
    root = dataset(
        **{"declarations.csv": csv_bytes([declaration()]), "declarations.jsonl": b"{}\n"}
    )
    with pytest.raises(DatasetError, match=r"declarations\.csv.*declarations\.jsonl"):
        load_dataset(root)


def test_write_rejected_uses_contract_column_order(dataset: WriteDataset, tmp_path: Path) -> None:
    root = dataset(**{"declarations.csv": csv_bytes([declaration(currency="RMB")])})
    loaded = load_dataset(root)
    out = write_rejected(loaded, tmp_path / "out" / "rejected.csv")
    written = pl.read_csv(out, infer_schema=False)
    assert written.columns == ["table", "row", "field", "value", "reason", "file"]
    assert written.row(0)[:4] == ("declarations", "1", "currency", "RMB")


def test_load_table_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "whatever.csv"
    path.write_bytes(b"party_id,kind,name,country\nP1,COMPANY,ACME,cn\n")
    table = load_table(path, TABLES["parties"])
    assert table.frame.select("kind", "country").row(0) == ("company", "CN")


def test_credit_codes_with_a_wrong_check_character_load_and_are_noted(
    dataset: WriteDataset,
) -> None:
    """The contract types exporter_id as str: a credit-code-shaped id whose check character
    is wrong loads (upper-cased) with the rest, and the table's notes count it once."""
    rows = [
        {**ONE_DECLARATION, "declaration_id": f"D{i}", "exporter_id": exporter}
        for i, exporter in enumerate(
            ["91350100M000100Y43", "91350100m000100y44", "91350100M000100Y44", "11010519491231002X"]
        )
    ]
    table = decls(dataset(**{"declarations.csv": csv_bytes(rows)}))
    assert table.rows_loaded == 4 and table.rejected.is_empty()
    assert table.frame["exporter_id"].to_list()[1] == "91350100M000100Y44"
    assert any(note.startswith("exporter_id: 1 credit-code-shaped") for note in table.notes)
