"""Writing the dataset and its truth, byte for byte the same for the same world.

Tables go out in the formats the contract allows, varied on purpose: declarations,
relations and inspections as CSV; licences, watchlist and facilities as JSON lines;
parties, prices and production as Parquet; trade statistics and movements as gzipped
CSV (written with a zero timestamp so that the bytes do not depend on the clock).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

Row = dict[str, Any]

DTYPES: dict[str, pl.DataType] = {
    "str": pl.String(),
    "int": pl.Int64(),
    "float": pl.Float64(),
    "date": pl.Date(),
    "list": pl.List(pl.String()),
}

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "declarations": (
        ("declaration_id", "str"),
        ("line_no", "int"),
        ("declared_at", "str"),
        ("port", "str"),
        ("mode", "str"),
        ("exporter_id", "str"),
        ("exporter_name", "str"),
        ("declarant_id", "str"),
        ("consignee_name", "str"),
        ("consignee_address", "str"),
        ("consignee_country", "str"),
        ("destination_country", "str"),
        ("trade_country", "str"),
        ("end_user_name", "str"),
        ("end_use", "str"),
        ("hs_code", "str"),
        ("description", "str"),
        ("specification", "str"),
        ("quantity", "float"),
        ("unit", "str"),
        ("net_weight_kg", "float"),
        ("gross_weight_kg", "float"),
        ("value", "float"),
        ("currency", "str"),
        ("license_no", "str"),
        ("container_ids", "str"),
        ("transport_doc", "str"),
        ("origin_region", "str"),
    ),
    "licenses": (
        ("license_no", "str"),
        ("issued_at", "date"),
        ("valid_until", "date"),
        ("exporter_id", "str"),
        ("control_id", "str"),
        ("hs_code", "str"),
        ("quantity_kg", "float"),
        ("consignee_name", "str"),
        ("consignee_country", "str"),
        ("end_user_name", "str"),
        ("end_use", "str"),
        ("status", "str"),
        ("status_since", "date"),
    ),
    "parties": (
        ("party_id", "str"),
        ("kind", "str"),
        ("name", "str"),
        ("alt_names", "list"),
        ("country", "str"),
        ("address", "str"),
        ("phone", "str"),
        ("email", "str"),
        ("registration_id", "str"),
        ("incorporated_at", "date"),
    ),
    "relations": (
        ("src_party_id", "str"),
        ("dst_party_id", "str"),
        ("relation", "str"),
        ("share", "float"),
        ("since", "date"),
    ),
    "facilities": (
        ("facility_id", "str"),
        ("operator_id", "str"),
        ("kind", "str"),
        ("region", "str"),
        ("capacity_kg_per_year", "float"),
        ("materials", "list"),
    ),
    "movements": (
        ("movement_id", "str"),
        ("moved_at", "date"),
        ("from_id", "str"),
        ("to_id", "str"),
        ("material", "str"),
        ("quantity_kg", "float"),
        ("lot_id", "str"),
        ("document_no", "str"),
    ),
    "production": (
        ("facility_id", "str"),
        ("period", "str"),
        ("material", "str"),
        ("opening_kg", "float"),
        ("received_kg", "float"),
        ("produced_kg", "float"),
        ("consumed_kg", "float"),
        ("shipped_kg", "float"),
        ("closing_kg", "float"),
    ),
    "inspections": (
        ("declaration_id", "str"),
        ("line_no", "int"),
        ("inspected_at", "date"),
        ("method", "str"),
        ("result", "str"),
        ("found_hs_code", "str"),
        ("found_description", "str"),
        ("found_quantity_kg", "float"),
        ("found_value", "float"),
    ),
    "trade_stats": (
        ("reporter", "str"),
        ("partner", "str"),
        ("flow", "str"),
        ("hs_code", "str"),
        ("period", "str"),
        ("value_usd", "float"),
        ("quantity_kg", "float"),
    ),
    "prices": (
        ("material", "str"),
        ("market", "str"),
        ("date", "date"),
        ("price", "float"),
        ("currency", "str"),
        ("unit", "str"),
    ),
    "watchlist": (
        ("list", "str"),
        ("name", "str"),
        ("alt_names", "list"),
        ("kind", "str"),
        ("country", "str"),
        ("address", "str"),
        ("registration_id", "str"),
        ("listed_at", "date"),
        ("reason", "str"),
    ),
}

#: The file each table is written to (its format follows from the name).
FILES = {
    "declarations": "declarations.csv",
    "licenses": "licenses.jsonl",
    "parties": "parties.parquet",
    "relations": "relations.csv",
    "facilities": "facilities.jsonl",
    "movements": "movements.csv.gz",
    "production": "production.parquet",
    "inspections": "inspections.csv",
    "trade_stats": "trade_stats.csv.gz",
    "prices": "prices.parquet",
    "watchlist": "watchlist.jsonl",
}


def frame(rows: Sequence[Row], columns: tuple[tuple[str, str], ...]) -> pl.DataFrame:
    data = {name: [row.get(name) for row in rows] for name, _ in columns}
    schema = {name: DTYPES[kind] for name, kind in columns}
    return pl.DataFrame(data, schema=schema)


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_table(root: Path, table: str, rows: Sequence[Row]) -> Path:
    path = root / FILES[table]
    columns = COLUMNS[table]
    if path.name.endswith(".jsonl"):
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                record = {
                    name: _json_value(row.get(name))
                    for name, _ in columns
                    if row.get(name) is not None
                }
                fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        return path
    df = frame(rows, columns)
    if path.name.endswith(".parquet"):
        df.write_parquet(path, compression="zstd", statistics=False)
    elif path.name.endswith(".csv.gz"):
        path.write_bytes(gzip.compress(df.write_csv().encode("utf-8"), mtime=0))
    else:
        df.write_csv(path)
    return path


def write_csv(path: Path, rows: Sequence[Row], columns: Sequence[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {name: [row.get(name) for row in rows] for name in columns}
    pl.DataFrame(data, strict=False).write_csv(path) if rows else path.write_text(
        ",".join(columns) + "\n", encoding="utf-8"
    )
    return path


def write_json(path: Path, obj: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path
