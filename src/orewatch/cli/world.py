"""CLI: `orewatch world` commands (wired into :mod:`orewatch.cli.main`).

``orewatch world generate OUT --seed N --lines N [--start --end --fraud-share]`` writes
a synthetic dataset that follows the data contract, plus ``OUT/truth/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from orewatch.world.generate import STAGES, WorldSummary, generate_world

world_app = typer.Typer(
    name="world", help="Synthetic world with labelled smuggling schemes.", no_args_is_help=True
)


def _date(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{option} must be YYYY-MM-DD, got {value!r}") from exc


def summary_table(summary: WorldSummary) -> Table:
    table = Table(title=f"world {summary.out} (seed {summary.seed})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.counts.items():
        table.add_row(name, f"{count:,}")
    table.add_section()
    for scheme, count in summary.scheme_lines.items():
        table.add_row(f"truth: {scheme}", f"{count:,} lines")
    table.add_row("truth: production_leak", f"{summary.leak_periods:,} facility-periods")
    return table


@world_app.command("generate")
def generate(
    out: Path = typer.Argument(..., help="Folder to write the dataset into."),
    seed: int = typer.Option(..., "--seed", help="Random seed (same seed and args: same files)."),
    lines: int = typer.Option(..., "--lines", min=100, help="Number of declaration lines."),
    start: str = typer.Option("2023-01-01", "--start", help="First day (YYYY-MM-DD)."),
    end: str = typer.Option("2026-10-31", "--end", help="Last day (YYYY-MM-DD)."),
    fraud_share: float = typer.Option(
        0.02, "--fraud-share", min=0.0, max=0.5, help="Share of lines touched by a scheme."
    ),
) -> None:
    """Generate a synthetic dataset with labelled smuggling schemes into OUT."""
    first, last = _date(start, "--start"), _date(end, "--end")
    if last <= first:
        raise typer.BadParameter("--end must be after --start")
    console = Console()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]world"),
        BarColumn(),
        TextColumn("{task.fields[stage]}"),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("world", total=len(STAGES), stage=STAGES[0])

        def advance(stage: str) -> None:
            i = STAGES.index(stage)
            nxt = STAGES[i + 1] if i + 1 < len(STAGES) else "done"
            progress.update(task, completed=i + 1, stage=nxt)

        summary = generate_world(
            out, seed, lines, first, last, fraud_share=fraud_share, progress=advance
        )
    console.print(summary_table(summary))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(world_app, name="world")
