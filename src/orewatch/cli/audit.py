"""CLI: ``orewatch audit verify`` — check the case store's hash-chained audit log."""

from __future__ import annotations

import typer
from rich.console import Console

audit_app = typer.Typer(help="The case store's audit log.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def verify_command(
    url: str = typer.Option(
        "", "--url", help="Case store URL (default OREWATCH_CASES_URL or HOME/cases.sqlite)."
    ),
) -> None:
    """Recompute the whole chain; exit 1 and list each broken row if any was altered."""
    from orewatch.cases.service import CaseService
    from orewatch.cases.store import CaseStore, cases_url
    from orewatch.settings import Settings

    console = Console()
    store = CaseStore.open(url or cases_url(Settings.from_env()))
    try:
        report = CaseService(store).verify_audit()
    finally:
        store.close()
    if report.ok:
        console.print(f"audit log intact: {report.rows:,} rows, chain verified")
        return
    console.print(
        f"[red]audit log BROKEN[/red]: {len(report.problems)} problem(s) in {report.rows:,} rows"
    )
    for problem in report.problems:
        console.print(f"  {problem}")
    raise typer.Exit(1)
