"""Screening fixtures: declaration lines from a few fields, the rest an ordinary sea lot."""

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

import polars as pl
import pytest

from orewatch.contract.schema import TABLES

Rows = Sequence[Mapping[str, object]]
ORDINARY: dict[str, object] = {
    "port": "CNSHA",
    "mode": "sea",
    "exporter_id": "91350100M000100Y43",
    "consignee_name": "Buyer Co., Ltd.",
    "consignee_country": "JP",
    "destination_country": "JP",
    "hs_code": "7601100000",
    "description": "铝锭 aluminium ingot",
    "specification": "99.7%",
    "quantity": 1000.0,
    "unit": "kg",
    "net_weight_kg": 1000.0,
    "gross_weight_kg": 1010.0,
    "value": 2500.0,
    "currency": "USD",
}
DTYPES: dict[str, pl.DataType] = {
    "int": pl.Int64(),
    "float": pl.Float64(),
    "datetime": pl.Datetime("us"),
    "list": pl.List(pl.String()),
}


@pytest.fixture
def declarations() -> Callable[[Rows], pl.DataFrame]:
    """Contract-typed declarations: each row's fields over an ordinary aluminium lot."""

    def build(rows: Rows) -> pl.DataFrame:
        columns = {c.name: DTYPES.get(c.type, pl.String()) for c in TABLES["declarations"].columns}
        full = [
            {
                "declaration_id": f"D{i:04d}",
                "line_no": 1,
                "declared_at": datetime(2025, 3, 1 + i % 20),
                **ORDINARY,
                **row,
            }
            for i, row in enumerate(rows)
        ]
        return pl.DataFrame([{c: r.get(c) for c in columns} for r in full], schema=columns)

    return build
