"""Shared fixtures: a small hand-made dataset, each risky line risky for one known reason."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

import polars as pl
import pytest
from fastapi import FastAPI

from orewatch.api.security import api_analyst
from orewatch.cases.auth import Principal
from orewatch.contract.checks import DTYPES
from orewatch.contract.schema import TABLES

EXPORTER = "91350100M000100Y43"
OTHER_EXPORTER = "91110000100000000A"


def typed(name: str, rows: list[dict[str, object]]) -> pl.DataFrame:
    """A contract-typed frame from partial rows (absent columns null)."""
    table = TABLES[name]
    schema = {c.name: DTYPES[c.type] for c in table.columns}
    return pl.DataFrame([{c: r.get(c) for c in schema} for r in rows], schema=schema)  # type: ignore[arg-type]


def decl(i: int, **over: object) -> dict[str, object]:
    row: dict[str, object] = {
        "declaration_id": f"D{i:04d}",
        "line_no": 1,
        "declared_at": datetime(2025, 3, 1 + i % 20),
        "port": "CNSHA",
        "mode": "sea",
        "exporter_id": EXPORTER,
        "exporter_name": "甲有色金属有限公司",
        "consignee_name": f"Buyer {i % 7} Co., Ltd.",
        "consignee_country": "JP",
        "destination_country": "JP",
        "hs_code": "7601100000",
        "description": "铝锭 aluminium ingot",
        "specification": "99.7%",
        "quantity": 1000.0,
        "unit": "kg",
        "net_weight_kg": 1000.0,
        "gross_weight_kg": 1010.0,
        "value": 2500.0 + (i % 13) * 10,
        "currency": "USD",
    }
    row.update(over)
    return row


@pytest.fixture
def declarations() -> Callable[[Sequence[Mapping[str, object]]], pl.DataFrame]:
    """Contract-typed declarations: each row's fields over an ordinary aluminium lot
    (one buyer, one price, so that only what a test sets stands out)."""
    steady = {"consignee_name": "Buyer Co., Ltd.", "value": 2500.0}

    def build(rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
        return typed("declarations", [decl(i, **{**steady, **r}) for i, r in enumerate(rows)])

    return build


@pytest.fixture
def contract_table() -> Callable[[str, list[dict[str, object]]], pl.DataFrame]:
    """:func:`typed` as a fixture: a contract table as the loader gives it (every column)."""
    return typed


@pytest.fixture
def small_tables() -> dict[str, pl.DataFrame]:
    ordinary = [decl(i) for i in range(200)]
    gallium = {
        "hs_code": "8112929010",
        "description": "金属镓 gallium",
        "specification": "4N",
        "quantity": 100.0,
        "net_weight_kg": 100.0,
        "gross_weight_kg": 104.0,
        "value": 40000.0,
        "end_user_name": "Nichia",
        "end_use": "LED",
    }
    risky = [
        decl(1000, **gallium),  # no licence
        decl(1001, **gallium, license_no="GA-FAKE-1"),  # forged
        decl(1002, **gallium, license_no="GA-OK-1"),  # good
        decl(1003, **gallium, license_no="GA-OK-1"),  # draws past the licence
        decl(1004, **gallium, license_no="GA-OTHER-1"),  # another exporter's
        decl(1005, description="铝合金锭 含镓 Ga 99.99%", specification="高纯"),  # disguised
        decl(
            1006,
            consignee_name="Bad Actor Trading LLC",
            consignee_country="AE",
            destination_country="AE",
        ),
        decl(1008, **gallium, license_no="GA-OK-1", consignee_name="Bad Actor Trading LLC"),
        decl(
            1007,
            **{**gallium, "destination_country": "US", "consignee_country": "US"},
            license_no="GA-US-1",
        ),
    ]
    declarations = typed("declarations", ordinary + risky)
    licenses = typed(
        "licenses",
        [
            {
                "license_no": "GA-OK-1",
                "issued_at": date(2025, 1, 1),
                "valid_until": date(2025, 12, 31),
                "exporter_id": EXPORTER,
                "control_id": "CN-2023-23-GA-01",
                "hs_code": "8112929010",
                "quantity_kg": 150.0,
                "consignee_name": "Buyer 2 Co., Ltd.",
                "consignee_country": "JP",
            },
            {
                "license_no": "GA-OTHER-1",
                "issued_at": date(2025, 1, 1),
                "valid_until": date(2025, 12, 31),
                "exporter_id": OTHER_EXPORTER,
                "control_id": "CN-2023-23-GA-01",
                "hs_code": "8112929010",
                "quantity_kg": 1000.0,
                "consignee_name": "Buyer 5 Co., Ltd.",
                "consignee_country": "JP",
            },
            {
                "license_no": "GA-US-1",
                "issued_at": date(2025, 1, 1),
                "valid_until": date(2025, 12, 31),
                "exporter_id": EXPORTER,
                "control_id": "CN-2023-23-GA-01",
                "hs_code": "8112929010",
                "quantity_kg": 1000.0,
                "consignee_name": "Buyer 6 Co., Ltd.",
                "consignee_country": "US",
            },
        ],
    )
    watchlist = typed(
        "watchlist",
        [{"list": "test list", "name": "Bad Actor Trading L.L.C.", "alt_names": ["坏人贸易"]}],
    )
    return {"declarations": declarations, "licenses": licenses, "watchlist": watchlist}


@pytest.fixture
def clear_to_the_listed(small_tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """``small_tables`` with sixty ordinary lines sold to the listed Bad Actor, every
    ordinary line inspected and found clear, and the risky lines D1000-D1007 found: a
    watchlist hit on ordinary goods that inspections found no more often than others."""
    to_listed = pl.col("declaration_id").is_in([f"D{i:04d}" for i in range(60)])
    declarations = small_tables["declarations"].with_columns(
        pl.when(to_listed).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)
        for column, value in (
            ("consignee_name", "Bad Actor Trading LLC"),
            ("consignee_country", "AE"),
            ("destination_country", "AE"),
        )
    )
    found = ["D1000", "D1001", "D1003", "D1004", "D1005", "D1007"]
    outcomes = [(f"D{i:04d}", "clear") for i in range(200)] + [(d, "unlicensed") for d in found]
    inspections = typed(
        "inspections",
        [
            {"declaration_id": d, "line_no": 1, "inspected_at": date(2025, 4, 1), "result": r}
            for d, r in outcomes
        ],
    )
    return {**small_tables, "declarations": declarations, "inspections": inspections}


def analyst() -> Principal:
    """A customs risk analyst, as the API's authorisation would resolve a bearer token."""
    return Principal(1, "analyst", "Analyst", "customs-risk", "customs", frozenset({"analyst"}))


@pytest.fixture
def as_analyst() -> Callable[[FastAPI], FastAPI]:
    """Make an app treat every request as an analyst's (the token check is tested apart)."""

    def apply(app: FastAPI) -> FastAPI:
        app.dependency_overrides[api_analyst] = analyst
        return app

    return apply
