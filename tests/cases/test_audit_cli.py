from __future__ import annotations

from pathlib import Path

from case_support import case_in, fast_hasher, populate
from sqlalchemy import text
from typer.testing import CliRunner

from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore
from orewatch.cli.main import app


def test_audit_verify_passes_then_catches_a_modified_row(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cases.sqlite'}"
    store = CaseStore.open(url)
    service = CaseService(store, fast_hasher())
    populate(service)
    service.create_case(service.principal("ana"), case_in())
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify", "--url", url])
    assert ok.exit_code == 0, ok.output
    assert "audit log intact" in ok.output
    with store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    store.close()
    broken = runner.invoke(app, ["audit", "verify", "--url", url])
    assert broken.exit_code == 1
    assert "row 2: content does not match its hash" in broken.output
