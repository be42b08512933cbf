from __future__ import annotations

import pytest
from case_support import PASSWORD

from orewatch.cases.auth import AuthError
from orewatch.cases.service import CaseService


def test_login_issues_a_token_that_resolves(service: CaseService) -> None:
    principal, secret, csrf = service.login("ana", PASSWORD, kind="token")
    resolved, resolved_csrf = service.resolve(secret, "token")
    assert resolved == principal
    assert resolved_csrf == csrf
    assert principal.can("cases.create")
    assert not principal.can("cases.status")


def test_wrong_password_and_unknown_user_fail_alike(service: CaseService) -> None:
    with pytest.raises(AuthError, match="unknown user or wrong password"):
        service.login("ana", "not the password")
    with pytest.raises(AuthError, match="unknown user or wrong password"):
        service.login("nobody", PASSWORD)
    failures = [
        r.target
        for r in service.audit_recent(service.principal("aud"))
        if r.action == "login.failed"
    ]
    assert failures == ["user:nobody", "user:ana"]


def test_session_is_not_a_token_and_logout_ends_it(service: CaseService) -> None:
    principal, secret, _ = service.login("sup", PASSWORD)
    with pytest.raises(AuthError):
        service.resolve(secret, "token")
    service.logout(principal, secret)
    with pytest.raises(AuthError):
        service.resolve(secret, "session")


def test_partner_never_gets_alerts_or_case_creation(service: CaseService) -> None:
    hk = service.principal("hk")
    assert not hk.can("alerts.read")
    assert not hk.can("cases.create")
