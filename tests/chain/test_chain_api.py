"""`/v1/chain/...` over tables placed on the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from chain_factories import ChainSpec, chain_tables
from fastapi import FastAPI
from fastapi.testclient import TestClient

from orewatch.api.app import create_app
from orewatch.settings import Settings


@pytest.fixture
def client(tmp_path: Path, as_analyst: Callable[[FastAPI], FastAPI]) -> TestClient:
    app = as_analyst(create_app(Settings(home=tmp_path, db=tmp_path / "absent.duckdb")))
    app.state.chain_tables = chain_tables(ChainSpec(gap_month=6))
    return TestClient(app)


def test_trace_declaration(client: TestClient) -> None:
    r = client.get("/v1/chain/trace", params={"declaration_id": "D007"})
    assert r.status_code == 200
    body = r.json()
    assert body["direction"] == "back"
    assert {s["facility_id"] for s in body["sources"]} >= {"FW", "FR", "FM"}


def test_trace_facility_forward(client: TestClient) -> None:
    r = client.get("/v1/chain/trace", params={"facility_id": "FR"})
    assert r.status_code == 200
    assert r.json()["downstream"][0]["facility_id"] == "FW"


def test_trace_errors(client: TestClient) -> None:
    assert client.get("/v1/chain/trace", params={"declaration_id": "NOPE"}).status_code == 404
    assert client.get("/v1/chain/trace").status_code == 422


def test_leaks_sankey_balance(client: TestClient) -> None:
    leaks = client.get("/v1/chain/leaks").json()
    assert leaks["facilities"][0]["facility_id"] == "FR"
    assert client.get("/v1/chain/sankey", params={"material": "gallium"}).json()["links"]
    assert client.get("/v1/chain/balance/FR").status_code == 200
    assert client.get("/v1/chain/balance/NOPE").status_code == 404


def test_no_production_is_503(tmp_path: Path, as_analyst: Callable[[FastAPI], FastAPI]) -> None:
    app = as_analyst(create_app(Settings(home=tmp_path, db=tmp_path / "absent.duckdb")))
    r = TestClient(app).get("/v1/chain/leaks")
    assert r.status_code == 503
    assert "ingest" in r.json()["detail"]
