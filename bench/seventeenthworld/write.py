"""Writing the dataset and its truth, byte for byte the same for the same seed.

The contract allows each table as CSV, Parquet or JSON lines; this world uses all three
(declarations stay CSV) so that a loader that only ever saw CSV is tested too: parties,
movements and trade statistics as Parquet (party alt names as a real list column),
relations, prices and the watch list as JSON lines (watch-list alt names as JSON arrays),
the rest as CSV. Every table is sorted before writing; nothing depends on set or dict
order or on the clock.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl

FORMATS: dict[str, str] = {
    "declarations": "csv",
    "licenses": "csv",
    "parties": "parquet",
    "relations": "jsonl",
    "facilities": "csv",
    "movements": "parquet",
    "production": "csv",
    "inspections": "csv",
    "trade_stats": "parquet",
    "prices": "jsonl",
    "watchlist": "jsonl",
}


def prepare(out_dir: Path) -> None:
    """An empty folder (a half-written earlier world must not mix with this one)."""
    if out_dir.exists():
        for name in FORMATS:
            for ext in ("csv", "parquet", "jsonl"):
                (out_dir / f"{name}.{ext}").unlink(missing_ok=True)
        shutil.rmtree(out_dir / "truth", ignore_errors=True)
    (out_dir / "truth").mkdir(parents=True, exist_ok=True)


def _jsonl(frame: pl.DataFrame, path: Path, lists: tuple[str, ...] = ()) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in frame.iter_rows(named=True):
            obj = {}
            for key, value in row.items():
                if value is None or value == "":
                    continue
                if key in lists:
                    value = [v for v in str(value).split(";") if v]
                obj[key] = value
            fh.write(json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n")


def table(name: str, frame: pl.DataFrame, out_dir: Path) -> Path:
    fmt = FORMATS[name]
    path = out_dir / f"{name}.{fmt}"
    if fmt == "csv":
        frame.write_csv(path, null_value="", float_precision=None)
    elif fmt == "parquet":
        if "alt_names" in frame.columns:
            frame = frame.with_columns(
                pl.when(pl.col("alt_names") == "")
                .then(None)
                .otherwise(pl.col("alt_names").str.split(";"))
                .alias("alt_names")
            )
        frame.write_parquet(path, compression="zstd", statistics=False)
    else:
        _jsonl(frame, path, lists=("alt_names",))
    return path


def truth(detail: pl.DataFrame, out_dir: Path) -> None:
    detail = detail.sort("declaration_id", "line_no")
    detail.select("declaration_id", "line_no", "scheme").write_csv(out_dir / "truth" / "lines.csv")
    detail.select(
        "declaration_id", "line_no", "scheme", "variant", "family", "exporter_id", "true_hs_code"
    ).write_csv(out_dir / "truth" / "lines_detail.csv")
