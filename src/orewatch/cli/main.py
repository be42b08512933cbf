"""The ``orewatch`` command: assembles each concern's commands into one Typer app."""

from __future__ import annotations

import typer

from orewatch import __version__
from orewatch.cli import (
    audit,
    bench,
    chain,
    controls,
    demo,
    parties,
    screen,
    serve,
    trade,
    validate,
    warehouse,
    world,
)

app = typer.Typer(
    name="orewatch",
    help="Export-control enforcement for strategic minerals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"orewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Export-control enforcement for strategic minerals."""


for _module in (
    validate,
    controls,
    world,
    warehouse,
    screen,
    demo,
    chain,
    audit,
    trade,
    parties,
    serve,
    bench,
):
    _module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
