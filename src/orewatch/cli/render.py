"""Rich renderings shared by commands: alert tables, metric tables, progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import polars as pl
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

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
    table = Table(title=title, show_lines=False, expand=True)
    for name, kw in (
        ("#", {"justify": "right", "width": 3}),
        ("declaration", {"no_wrap": True}),
        ("line", {"justify": "right", "width": 4}),
        ("score", {"justify": "right", "width": 6}),
        ("channel", {"width": 7}),
        ("goods", {"max_width": 28}),
        ("to", {"width": 3}),
        ("reasons", {"ratio": 2}),
    ):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    top = alerts.sort("score", descending=True).head(limit)
    for i, row in enumerate(top.iter_rows(named=True), start=1):
        channel = row["channel"]
        table.add_row(
            str(i),
            str(row["declaration_id"]),
            str(row["line_no"]),
            f"{row['score']:.1f}",
            f"[{CHANNEL_STYLE.get(channel, '')}]{channel}[/]",
            f"{row['hs_code']} {row['description'] or ''}",
            str(row["destination_country"]),
            str(row["explanation"] or row["reasons"]),
        )
    return table


def frame_table(frame: pl.DataFrame, title: str, float_format: str = "{:.3f}") -> Table:
    """Any small frame as a Rich table (floats formatted)."""
    table = Table(title=title)
    for name, dtype in frame.schema.items():
        table.add_column(name, justify="right" if dtype.is_numeric() else "left")
    for row in frame.iter_rows():
        table.add_row(
            *(
                "" if v is None else float_format.format(v) if isinstance(v, float) else str(v)
                for v in row
            )
        )
    return table
