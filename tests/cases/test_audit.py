"""The audit chain on both backends: intact, then altered, deleted, reordered."""

from __future__ import annotations

import pytest
from case_support import case_in
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore


def busy(service: CaseService) -> None:
    ana = service.principal("ana")
    case_id = service.create_case(ana, case_in())
    service.add_note(ana, case_id, "first look")
    service.get_case(ana, case_id)


def tamper(store: CaseStore, sql: str) -> None:
    """Change the log behind the service's back, as someone with database access could."""
    with store.engine.begin() as connection:
        if store.engine.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
            connection.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        else:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        for statement in sql.split(";"):
            connection.execute(text(statement))


def test_untouched_log_verifies(service: CaseService) -> None:
    busy(service)
    report = service.verify_audit()
    assert report.ok
    assert report.rows > 10


def test_the_database_refuses_updates(service: CaseService, case_store: CaseStore) -> None:
    busy(service)
    with pytest.raises(DBAPIError, match="append-only"), case_store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'x' WHERE seq = 1"))


@pytest.mark.parametrize(
    ("sql", "issue"),
    [
        ("UPDATE audit_log SET detail = '{}' WHERE seq = 3", "row 3: content does not match"),
        ("DELETE FROM audit_log WHERE seq = 4", "row 5: expected row 4"),
        (
            "UPDATE audit_log SET seq = -5 WHERE seq = 5;"
            "UPDATE audit_log SET seq = 5 WHERE seq = 6;"
            "UPDATE audit_log SET seq = 6 WHERE seq = -5",
            "row 5: previous-hash link broken",
        ),
    ],
    ids=["altered", "deleted", "reordered"],
)
def test_tampering_is_detected(
    service: CaseService, case_store: CaseStore, sql: str, issue: str
) -> None:
    busy(service)
    tamper(case_store, sql)
    report = service.verify_audit()
    assert not report.ok
    assert any(p.startswith(issue) for p in report.problems), report.problems
