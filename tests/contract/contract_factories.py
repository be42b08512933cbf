"""Factories for contract tables: valid rows in bulk, for tests and the load benchmark."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.ids import uscc_check_char
from orewatch.contract.schema import DECLARATIONS

#: The ``dataset`` fixture: writes named files into a fresh dataset folder.
WriteDataset = Callable[..., Path]

EXPORTERS = tuple(
    (lambda first17: first17 + uscc_check_char(first17))(f"91{330100 + i:06d}MA{i:07d}")
    for i in range(2000)
)

ONE_DECLARATION: dict[str, str] = {
    "declaration_id": "531620240000001",
    "line_no": "1",
    "declared_at": "2024-03-04 10:15:00",
    "port": "CNSZX",
    "mode": "sea",
    "exporter_id": "91330100MA0000000C",
    "exporter_name": "深圳市稀有金属有限公司",
    "declarant_id": "4403980123",
    "consignee_name": "ACME Trading GmbH",
    "consignee_address": "Hafenstrasse 1, 20457 Hamburg",
    "consignee_country": "DE",
    "destination_country": "DE",
    "trade_country": "DE",
    "end_user_name": "",
    "end_use": "",
    "hs_code": "8112929010",
    "description": "未锻轧镓",
    "specification": "纯度99.99%，块状",
    "quantity": "25.5",
    "unit": "kg",
    "net_weight_kg": "25.5",
    "gross_weight_kg": "27",
    "value": "12000",
    "currency": "USD",
    "license_no": "",
    "container_ids": "MSCU1234565;TGHU7654321",
    "transport_doc": "MEDU12345678",
    "origin_region": "440300",
}


def declarations(n: int, seed: int = 0) -> pl.DataFrame:
    """``n`` valid declaration lines as text, built column-wise so a million is quick."""
    rng = np.random.default_rng(seed)
    idx = pl.int_range(0, n, eager=True)
    frame = pl.DataFrame(
        {name: pl.repeat(value, n, eager=True) for name, value in ONE_DECLARATION.items()}
    )
    seconds = pl.Series(rng.integers(0, 365 * 86400, n)) * 1_000_000
    return frame.with_columns(
        declaration_id=pl.format("5316{}", (idx // 3).cast(pl.String).str.zfill(11)),
        declared_at=(seconds.cast(pl.Datetime("us")).dt.offset_by("54y")).dt.to_string(
            "%Y-%m-%d %H:%M:%S"
        ),
        line_no=((idx % 3) + 1).cast(pl.String),
        exporter_id=pl.Series(rng.choice(EXPORTERS, n)),
        quantity=pl.Series(rng.uniform(1, 5000, n).round(3)).cast(pl.String),
        value=pl.Series(rng.uniform(100, 1e6, n).round(2)).cast(pl.String),
        destination_country=pl.Series(rng.choice(["DE", "NL", "VN", "TH", "US", "KR"], n)),
    ).select(DECLARATIONS.names)


def spoil(frame: pl.DataFrame, every: int = 50) -> pl.DataFrame:
    """Break one line in ``every`` the way real exports break (bad dates, numbers, codes)."""
    idx = pl.int_range(0, pl.len())
    bad = idx % every == 0
    return frame.with_columns(
        declared_at=pl.when(bad & (idx % 3 == 0))
        .then(pl.lit("03/04/2024"))
        .otherwise("declared_at"),
        quantity=pl.when(bad & (idx % 3 == 1)).then(pl.lit("1,234")).otherwise("quantity"),
        hs_code=pl.when(bad & (idx % 3 == 2)).then(pl.lit("8112.92")).otherwise("hs_code"),
    )


def write_dataset(root: Path, n: int, every: int = 50) -> Path:
    """A dataset folder of ``n`` declaration lines as CSV, one in ``every`` spoiled."""
    root.mkdir(parents=True, exist_ok=True)
    spoil(declarations(n), every).write_csv(root / "declarations.csv")
    return root


def csv_bytes(rows: list[dict[str, str]], encoding: str = "utf-8") -> bytes:
    """Rows as CSV text (header from the first row), quoting as a careful exporter would."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def declaration(**changes: str) -> dict[str, str]:
    """The valid example declaration line with some fields changed."""
    return {**ONE_DECLARATION, **changes}
