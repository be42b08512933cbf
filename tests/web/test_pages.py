"""The workbench through HTTP: queue, declaration, case flow, partner view, language."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from web_support import OTHER, TOP

Login = Callable[[str], tuple[TestClient, str]]


def open_case(client: TestClient, csrf: str) -> str:
    response = client.post(
        "/cases",
        data={"csrf": csrf, "declaration_id": TOP, "title": "Gallium as steel"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def test_queue_lists_alerts_by_score_and_filters_by_channel(login: Login) -> None:
    client, _ = login("analyst")
    page = client.get("/alerts")
    assert page.status_code == 200
    assert page.text.index(TOP) < page.text.index(OTHER)
    red = client.get("/alerts", params={"channel": "red"}).text
    assert TOP in red
    assert OTHER not in red
    assert "HS_MISDECLARED" in client.get("/alerts", params={"reason": "HS_MISDECLARED"}).text


def test_declaration_page_shows_reasons_explanation_and_licence(login: Login) -> None:
    client, _ = login("analyst")
    page = client.get(f"/declarations/{TOP}")
    assert "declared as steel; priced like gallium" in page.text
    assert "2025DU000001" in page.text
    assert 'href="/parties/P1"' in page.text
    assert client.get("/declarations/nope").status_code == 404


def test_case_flow_from_alert_to_dossier(login: Login) -> None:
    client, csrf = login("supervisor")
    case = open_case(client, csrf)
    case_id = case.rsplit("/", 1)[1]
    attach = client.post(
        "/evidence/declaration", data={"csrf": csrf, "case_id": case_id, "declaration_id": TOP}
    )
    assert attach.status_code == 200
    for status, reason in [("investigating", ""), ("transferred", "over threshold")]:
        moved = client.post(
            f"{case}/status", data={"csrf": csrf, "status": status, "reason": reason}
        )
        assert moved.status_code == 200
    page = client.get(case).text
    assert 'data-status="transferred"' in page
    assert "declarations.csv" in page
    dossier = client.get(f"{case}/dossier")
    assert "Transfer dossier" in dossier.text
    published = client.post(f"{case}/publication", data={"csrf": csrf})
    assert published.status_code == 200
    assert TOP not in published.text


def test_forged_form_is_refused(login: Login) -> None:
    client, _ = login("supervisor")
    response = client.post(
        "/cases", data={"csrf": "forged", "declaration_id": TOP, "title": "x y z"}
    )
    assert response.status_code == 403


def test_partner_sees_only_what_is_shared(login: Login) -> None:
    sup, csrf = login("supervisor")
    case = open_case(sup, csrf)
    hk, _ = login("hk")
    assert hk.get("/alerts").status_code == 403
    assert hk.get(f"/declarations/{TOP}").status_code == 403
    assert hk.get(case).status_code == 404
    sup.post(f"{case}/share", data={"csrf": csrf, "agency_id": "hk_customs"})
    shared = hk.get(case)
    assert shared.status_code == 200
    assert "甲公司" in shared.text
    assert "priced like gallium" not in shared.text
    assert 'id="status-form"' not in shared.text


def test_language_switch(login: Login) -> None:
    client, _ = login("analyst")
    client.get("/lang/zh", params={"next": "/alerts"})
    assert "预警队列" in client.get("/alerts").text
    client.get("/lang/en", params={"next": "/alerts"})
    assert "Alert queue" in client.get("/alerts").text


def test_charts_are_server_built_and_plotly_comes_from_the_package(login: Login) -> None:
    client, _ = login("analyst")
    for url in ("/parties/P1", "/facilities/F1", "/materials/gallium"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "data-figure=" in page.text
        assert "https://" not in page.text.split("data-figure")[0]
    script = client.get("/vendor/plotly.min.js")
    assert script.status_code == 200
    assert len(script.content) > 1_000_000


def test_api_token_flow(login: Login) -> None:
    client, _ = login("analyst")
    token = client.post(
        "/api/v1/auth/token", json={"username": "analyst", "password": "workbench-test-pw"}
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    alerts = client.get("/api/v1/alerts", params={"channel": "red"}, headers=headers).json()
    assert [a["declaration_id"] for a in alerts["alerts"]] == [TOP]
    created = client.post(
        "/api/v1/cases",
        headers=headers,
        json={
            "title": "via API",
            "alerts": [{"declaration_id": TOP, "line_no": 1, "score": 0.97, "channel": "red"}],
        },
    )
    assert created.status_code == 201
    assert created.json()["agency_id"] == "customs"
