"""Rich renderings shared by commands: alert tables, metric tables, progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import polars as pl
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from orewatch.screening.pipeline import EXPLANATION_SEPARATOR

CHANNEL_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}


@contextmanager
def stage_progress(
    console: Console, title: str, stages: list[str]
) -> Iterator[Callable[[str], None]]:
    """A progress bar over named stages; yields ``advance(stage_name)``."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[stage]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task(title, total=len(stages), stage="")
        seen: list[str] = []

        def advance(stage: str) -> None:
            if seen:
                progress.advance(task)
            seen.append(stage)
            progress.update(task, stage=stage)

        yield advance
        progress.update(task, completed=len(stages), stage="done")


def alerts_table(alerts: pl.DataFrame, limit: int = 15, title: str = "Top alerts") -> Table:
    """The highest-scoring lines: one row each, reason codes in full, goods abridged."""
    table = Table(title=title, expand=False)
    table.add_column("#", justify="right")
    table.add_column("declaration/line", no_wrap=True)
    table.add_column("score", justify="right")
    table.add_column("channel", no_wrap=True)
    table.add_column("goods", no_wrap=True, overflow="ellipsis", max_width=26)
    table.add_column("to", no_wrap=True)
    table.add_column("reasons", overflow="fold")
    top = alerts.sort("score", descending=True).head(limit)
    for i, row in enumerate(top.iter_rows(named=True), start=1):
        channel = row["channel"]
        table.add_row(
            str(i),
            f"{row['declaration_id']}/{row['line_no']}",
            f"{row['score']:.1f}",
            f"[{CHANNEL_STYLE.get(channel, '')}]{channel}[/]",
            f"{row['hs_code']} {row['description'] or ''}",
            str(row["destination_country"]),
            str(row["reasons"]).replace(";", " "),
        )
    return table


def explanations(alerts: pl.DataFrame, limit: int = 3) -> list[str]:
    """Plain-words explanations of the top lines, for printing under the table."""
    top = alerts.sort("score", descending=True).head(limit)
    lines = []
    for i, row in enumerate(top.iter_rows(named=True), start=1):
        sentences = str(row["explanation"]).split(EXPLANATION_SEPARATOR)
        more = f" (+{len(sentences) - 3} more)" if len(sentences) > 3 else ""
        text = "; ".join(sentences[:3])
        lines.append(f"{i}. {row['declaration_id']}/{row['line_no']}: {text}{more}")
    return lines


def frame_table(frame: pl.DataFrame, title: str, float_format: str = "{:.3f}") -> Table:
    """Any small frame as a Rich table (floats formatted)."""
    table = Table(title=title)
    for name, dtype in frame.schema.items():
        table.add_column(
            name,
            justify="right" if dtype.is_numeric() else "left",
            no_wrap=not dtype.is_numeric() and name != "evidence",
        )
    for row in frame.iter_rows():
        table.add_row(
            *(
                "" if v is None else float_format.format(v) if isinstance(v, float) else str(v)
                for v in row
            )
        )
    return table
