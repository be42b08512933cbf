from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from orewatch.api.app import create_app
from orewatch.parties.watchlists import normalise_watchlist
from orewatch.settings import Settings


@pytest.fixture
def client(
    ring_tables: dict[str, pl.DataFrame], tmp_path: Path, as_analyst: Callable[[FastAPI], FastAPI]
) -> TestClient:
    app = as_analyst(create_app(Settings(home=tmp_path, db=tmp_path / "none.duckdb")))
    app.state.party_watchlist = normalise_watchlist(ring_tables["watchlist"])
    return TestClient(app)


def test_screen_names_returns_hits_with_list_entry_and_why(client: TestClient) -> None:
    body = {
        "parties": [
            {"name": "APEX KEYSTONE PHOTONICS CORP", "country": "us"},
            {"name": "Taiyo Photonics K.K.", "country": "JP"},
        ]
    }
    response = client.post("/v1/parties/screen", json=body)
    assert response.status_code == 200, response.text
    first, second = response.json()["parties"]
    assert first["hits"][0]["entry_name"] == "Apex Keystone Photonics Corporation"
    assert "Synthetic Military End-User List" in first["hits"][0]["explanation"]
    assert second["hits"] == []


def test_entries_sent_with_the_request_are_screened_too(client: TestClient) -> None:
    body = {
        "parties": [{"name": "Nordic Rare Metals AB", "country": "SE"}],
        "watchlist": [
            {"list": "my list", "name": "Nordic Rare Metals Aktiebolag", "country": "SE"}
        ],
    }
    hits = client.post("/v1/parties/screen", json=body).json()["parties"][0]["hits"]
    assert [h["list"] for h in hits] == ["my list"]


def test_bad_input_is_refused(client: TestClient) -> None:
    response = client.post("/v1/parties/screen", json={"parties": [{"name": ""}]})
    assert response.status_code == 422
    assert "name" in response.text
