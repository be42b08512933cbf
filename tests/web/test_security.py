"""Every route of the app, tried anonymously and across agencies: all refused.

The route list comes from the app itself, so a new route is covered the day it is
added; only the routes in PUBLIC may answer without a credential.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from httpx import Response
from web_support import PASSWORD, TOP

from orewatch.cases.schemas import CaseIn
from orewatch.cases.service import CaseService
from orewatch.web.security import SESSION_COOKIE

Login = Callable[[str], tuple[TestClient, str]]
Web = tuple[FastAPI, CaseService]

#: Routes that must answer without a credential (log in, language, own static, plotly).
PUBLIC: frozenset[tuple[str, str]] = frozenset(
    {
        ("GET", "/login"),
        ("POST", "/login"),
        ("GET", "/lang/{code}"),
        ("GET", "/static/{name}"),
        ("GET", "/vendor/plotly.min.js"),
        ("POST", "/api/v1/auth/token"),
    }
)
WORKBENCH_MODULES = ("orewatch.web.",)
PARAMS = {
    "case_id": "1",
    "declaration_id": TOP,
    "party_id": "P1",
    "facility_id": "F1",
    "material": "gallium",
    "code": "en",
    "name": "workbench.css",
}
FORM = {
    "status": "investigating",
    "reason": "x",
    "body": "x",
    "kind": "document",
    "reference": "r",
    "source": "s",
    "user_id": "1",
    "agency_id": "public_security",
    "other_case_id": "1",
    "case_id": "1",
    "declaration_id": TOP,
    "party_id": "P1",
    "title": "sneaky case",
}
JSON = FORM | {"user_id": 1, "other_case_id": 1}
SCREENING = (
    "/alerts",
    "/declarations/",
    "/parties/",
    "/facilities/",
    "/materials",
    "/api/v1/alerts",
    "/evidence/",
)


def all_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """Every APIRoute with its full path, through included routers of any depth."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):
            context = getattr(route, "include_context", None)
            inner = prefix + str(getattr(context, "prefix", "") or "")
            yield from all_routes(list(route.original_router.routes), inner)


def workbench_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every route the workbench modules define."""
    for path, route in all_routes(list(app.routes)):
        if route.endpoint.__module__.startswith(WORKBENCH_MODULES):
            for method in sorted(route.methods):
                yield method, path


def test_every_route_of_the_app_is_either_the_workbenchs_or_listed(web: Web) -> None:
    """Routes of other concerns are counted, so none is overlooked silently."""
    paths = {path for path, _ in all_routes(list(web[0].routes))}
    assert {"/alerts", "/cases/{case_id}", "/api/v1/cases/{case_id}/status"} <= paths


def call(
    client: TestClient,
    method: str,
    path: str,
    csrf: str = "",
    headers: dict[str, str] | None = None,
) -> Response:
    url = re.sub(r"\{(\w+)\}", lambda m: PARAMS[m.group(1)], path)
    if method == "GET":
        return client.get(url, headers=headers, follow_redirects=False)
    if path.startswith("/api/"):
        body = JSON | {"kind": "related"} if path.endswith("/links") else JSON
        return client.request(method, url, json=body, headers=headers, follow_redirects=False)
    return client.request(
        method, url, data=FORM | {"csrf": csrf}, headers=headers, follow_redirects=False
    )


def refused(response: Response) -> bool:
    """401/403/404, or a redirect to the login page."""
    if response.status_code == 303:
        return str(response.headers["location"]).startswith("/login")
    return response.status_code in {401, 403, 404}


def test_the_route_list_is_the_one_secured(web: Web) -> None:
    routes = set(workbench_routes(web[0]))
    assert len(routes) > 30
    assert routes >= PUBLIC


def test_anonymous_requests_are_refused_everywhere(web: Web) -> None:
    app, service = web
    service.create_case(
        service.principal("supervisor"),
        CaseIn.model_validate(
            {
                "title": "owned by customs",
                "alerts": [{"declaration_id": TOP, "line_no": 1, "score": 1, "channel": "red"}],
            }
        ),
    )
    client = TestClient(app)
    client.cookies.set(SESSION_COOKIE, "not-a-session")
    for method, path in workbench_routes(app):
        if (method, path) in PUBLIC:
            continue
        for response in (
            call(TestClient(app), method, path),
            call(client, method, path, headers={"Authorization": "Bearer forged"}),
        ):
            assert refused(response), (method, path, response.status_code, response.text[:200])


@pytest.mark.parametrize("intruder", ["police", "hk"])
def test_other_agencies_cannot_touch_a_case(web: Web, login: Login, intruder: str) -> None:
    app, service = web
    owner = service.principal("supervisor")
    case_id = service.create_case(
        owner,
        CaseIn.model_validate(
            {
                "title": "owned by customs",
                "alerts": [{"declaration_id": TOP, "line_no": 1, "score": 1, "channel": "red"}],
            }
        ),
    )
    assert case_id == 1
    client, csrf = login(intruder)
    token = client.post(
        "/api/v1/auth/token", json={"username": intruder, "password": PASSWORD}
    ).json()["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    scoped = [
        (m, p) for m, p in workbench_routes(app) if "{case_id}" in p or p.startswith("/evidence/")
    ]
    assert len(scoped) >= 15
    for method, path in scoped:
        headers = bearer if path.startswith("/api/") else None
        response = call(client, method, path, csrf, headers)
        assert response.status_code in {403, 404}, (method, path, response.status_code)
    case = service.get_case(owner, case_id)
    assert (case.status, case.notes, case.evidence, case.shares) == ("open", [], [], [])
    assert intruder not in {
        r.actor
        for r in service.audit_recent(service.principal("admin"))
        if r.target == "case:1" and r.action != "case.read"
    }


def test_partner_customs_get_no_screening_data(web: Web, login: Login) -> None:
    app, _ = web
    client, csrf = login("hk")
    token = client.post("/api/v1/auth/token", json={"username": "hk", "password": PASSWORD}).json()[
        "token"
    ]
    screening = [(m, p) for m, p in workbench_routes(app) if p.startswith(SCREENING)]
    assert len(screening) >= 8
    for method, path in screening:
        headers = {"Authorization": f"Bearer {token}"} if path.startswith("/api/") else None
        response = call(client, method, path, csrf, headers)
        assert response.status_code in {403, 404}, (method, path, response.status_code)
