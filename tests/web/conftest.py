"""Fixtures for the web tests: the app over a tiny dataset, and logged-in clients."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_support import PASSWORD, workbench_app

from orewatch.cases.service import CaseService


@pytest.fixture
def web(tmp_path: Path) -> tuple[FastAPI, CaseService]:
    return workbench_app(tmp_path)


@pytest.fixture
def login(web: tuple[FastAPI, CaseService]) -> Callable[[str], tuple[TestClient, str]]:
    """Log a demo user in through the form; returns (client, CSRF token of the session)."""

    def as_user(username: str) -> tuple[TestClient, str]:
        client = TestClient(web[0])
        response = client.post(
            "/login", data={"username": username, "password": PASSWORD, "next": "/cases"}
        )
        assert response.status_code == 200, response.text
        token = re.search(r'name="csrf" value="([^"]+)"', response.text)
        assert token is not None
        return client, token.group(1)

    return as_user
