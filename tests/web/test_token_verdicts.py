"""Bearer-token verdicts kept a few seconds: accepted tokens only, never past their time."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_support import PASSWORD

from orewatch.cases.auth import Principal
from orewatch.cases.service import CaseService
from orewatch.web.security import TokenVerdicts

ANALYST = Principal(1, "analyst", "Analyst", "customs-risk", "customs", frozenset({"analyst"}))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_verdict_is_kept_for_its_seconds_only() -> None:
    clock = Clock()
    verdicts = TokenVerdicts(seconds=5.0, clock=clock)
    assert verdicts.get("secret") is None
    verdicts.put("secret", ANALYST)
    assert verdicts.get("secret") == ANALYST
    assert verdicts.get("other") is None
    clock.now += 4.9
    assert verdicts.get("secret") == ANALYST
    clock.now += 0.2
    assert verdicts.get("secret") is None


def test_a_full_store_drops_stale_verdicts_first() -> None:
    clock = Clock()
    verdicts = TokenVerdicts(seconds=5.0, clock=clock, capacity=2)
    verdicts.put("old", ANALYST)
    clock.now += 3
    verdicts.put("recent", ANALYST)
    clock.now += 3  # "old" is stale, "recent" is not
    verdicts.put("new", ANALYST)
    assert verdicts.get("recent") == ANALYST and verdicts.get("new") == ANALYST
    assert verdicts.get("old") is None


def test_the_api_accepts_a_known_token_and_still_refuses_forged_ones(
    web: tuple[FastAPI, CaseService],
) -> None:
    app, service = web
    _, token, _ = service.login("analyst", PASSWORD, "token")
    client = TestClient(app)
    for _ in range(2):  # the second answer comes from the kept verdict
        answer = client.get("/api/v1/alerts", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, answer.text
    assert app.state.token_verdicts.get(token).username == "analyst"
    forged = client.get("/api/v1/alerts", headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401
    assert app.state.token_verdicts.get("forged") is None
