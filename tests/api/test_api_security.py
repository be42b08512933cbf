"""Deny by default: every analysis route refuses anonymous callers and partner customs."""

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from orewatch.api.app import SELF_AUTHORISED, create_app
from orewatch.cases.auth import Principal
from orewatch.settings import Settings
from orewatch.web.security import api_user


def analysis_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every analysis endpoint, from the app's own OpenAPI document."""
    spec = app.openapi()["paths"]
    return [
        (method.upper(), path.replace("{facility_id}", "F1"))
        for path, operations in spec.items()
        if path.startswith("/v1/")
        for method in operations
    ]


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(Settings(home=tmp_path, db=tmp_path / "absent.duckdb"))


def test_there_are_analysis_routes_to_check(app: FastAPI) -> None:
    paths = {path for _, path in analysis_routes(app)}
    assert {"/v1/screen", "/v1/parties/screen", "/v1/chain/leaks"} <= paths
    assert "orewatch.api.screen" not in SELF_AUTHORISED


def test_anonymous_requests_are_refused_everywhere(app: FastAPI) -> None:
    client = TestClient(app)
    for method, path in analysis_routes(app):
        response = client.request(method, path, json={})
        assert response.status_code == 401, (method, path, response.status_code)


def test_partner_customs_are_refused_analyses(app: FastAPI) -> None:
    partner = Principal(
        7, "hk", "HK customs", "hk-customs", "partner_customs", frozenset({"analyst"})
    )
    app.dependency_overrides[api_user] = lambda: partner
    client = TestClient(app)
    for method, path in analysis_routes(app):
        assert client.request(method, path, json={}).status_code == 403, (method, path)
