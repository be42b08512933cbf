"""CLI: `orewatch screen` commands (wired into :mod:`orewatch.cli.main`)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
