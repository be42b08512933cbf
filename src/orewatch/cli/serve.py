"""CLI: ``orewatch serve`` — the analysts' workbench on embedded defaults."""

from __future__ import annotations

import os
import secrets

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_command(
        host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        lines: int = typer.Option(20_000, help="Lines of the demo world generated on first start."),
    ) -> None:
        """Start the workbench; first start generates a demo world and prints the logins.

        Data: ``OREWATCH_WORKBENCH_DATA`` (default ``OREWATCH_HOME/demo``); cases:
        ``OREWATCH_CASES_URL`` (default ``OREWATCH_HOME/cases.sqlite``); demo password:
        ``OREWATCH_DEMO_PASSWORD`` (default: a random one, printed).
        """
        import uvicorn

        from orewatch.api.app import create_app
        from orewatch.settings import Settings
        from orewatch.web.context import WorkbenchConfig
        from orewatch.web.launch import demo_logins, prepare

        console = Console()
        settings = Settings.from_env()
        config = WorkbenchConfig.from_env(settings)
        password = os.environ.get("OREWATCH_DEMO_PASSWORD") or secrets.token_urlsafe(9)
        console.print(f"workbench data: {config.data_dir}  cases: {config.cases_url}")
        launch = prepare(config, password, lines, step=lambda s: console.print(f"  demo: {s}"))
        if launch.users_created:
            console.print(
                "[bold]First start: demo users created[/bold] (password below, shown once)"
            )
            for username, agency, roles in demo_logins():
                console.print(f"  {username:<11} {agency:<16} {roles}")
            console.print(f"  password for all of them: [bold]{password}[/bold]")
        else:
            console.print(
                "users exist: log in with your account (demo password was shown at first start)"
            )
        app = create_app(settings.with_db(config.data_dir / "warehouse.duckdb"))
        app.state.workbench = launch.workbench
        console.print(f"open http://{host}:{port}/login")
        uvicorn.run(app, host=host, port=port, log_level="warning")
