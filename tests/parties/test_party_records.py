from __future__ import annotations

import polars as pl

from orewatch.parties.records import line_parties, party_records


def test_records_come_from_every_table_once_per_distinct_mention(
    ring_tables: dict[str, pl.DataFrame],
) -> None:
    records = party_records(ring_tables)
    sources = dict(records.group_by("source").len().iter_rows())
    assert sources["parties"] == ring_tables["parties"].height
    assert sources["declarations.exporter"] == 5  # repeated lines reduced to mentions
    assert sources["declarations.consignee"] == 3
    assert sources["declarations.declarant"] == 1
    assert records["record_id"].is_unique().all()


def test_any_table_may_be_missing(ring_tables: dict[str, pl.DataFrame]) -> None:
    assert party_records({}).is_empty()
    only = party_records({"declarations": ring_tables["declarations"]})
    assert set(only["source"]) == {
        "declarations.exporter",
        "declarations.consignee",
        "declarations.declarant",
    }


def test_each_line_points_at_its_records(ring_tables: dict[str, pl.DataFrame]) -> None:
    records = party_records(ring_tables)
    lines = line_parties(ring_tables["declarations"])
    assert lines.join(records, on="record_id", how="anti").is_empty()
    assert set(lines["role"]) == {"exporter", "consignee", "declarant"}
