"""CLI: ``orewatch validate DATASET`` — load a dataset under the contract and report.

Exit status 0 means the dataset was read (rows may still have been rejected: the report
and ``--rejected`` say which and why); 2 means it could not be read as a dataset at all,
or not one declaration line loaded (it could not be screened).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import typer
from rich.console import Console
from rich.table import Table as RichTable

from orewatch.contract.loader import DatasetError, LoadedDataset, load_dataset
from orewatch.contract.quarantine import top_reasons, write_rejected

EXIT_UNREADABLE = 2


def _reasons_cell(rejected: pl.DataFrame, limit: int = 3) -> str:
    counts = top_reasons(rejected, limit)
    return "\n".join(f"{n}× {r}" for r, n in counts.iter_rows())


def summary_table(dataset: LoadedDataset) -> RichTable:
    """One line per table file: where it came from, how it read, what was refused."""
    out = RichTable(title=f"dataset {dataset.root}")
    for header in ("table", "file", "format", "encoding"):
        out.add_column(header)
    for header in ("read", "loaded", "rejected"):
        out.add_column(header, justify="right")
    out.add_column("top reasons")
    for table in dataset.tables.values():
        style = "red" if table.rows_rejected or table.rejected.height else None
        out.add_row(
            table.name,
            table.file.name,
            table.format,
            table.encoding,
            f"{table.rows_read:,}",
            f"{table.rows_loaded:,}",
            f"{table.rows_rejected:,}",
            _reasons_cell(table.rejected),
            style=style,
        )
    return out


def reasons_table(dataset: LoadedDataset) -> RichTable:
    """Rejected records counted by reason, across the dataset."""
    out = RichTable(title="rejected records by reason")
    out.add_column("reason")
    out.add_column("records", justify="right")
    for reason, count in top_reasons(dataset.rejected).iter_rows():
        out.add_row(str(reason), f"{count:,}")
    return out


def validate(
    dataset: Path = typer.Argument(..., help="Dataset folder (declarations.csv and friends)."),
    rejected: Path | None = typer.Option(
        None, "--rejected", help="Write the rejected records to this CSV file."
    ),
) -> None:
    """Load DATASET under the data contract and report what loaded and what did not."""
    console = Console()
    try:
        loaded = load_dataset(dataset)
    except DatasetError as exc:
        Console(stderr=True).print(f"[bold red]error:[/bold red] {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from exc
    console.print(summary_table(loaded))
    if loaded.rejected.height:
        console.print(reasons_table(loaded))
    for table in loaded.tables.values():
        for note in table.notes:
            console.print(f"{table.file.name}: {note}")
    if loaded.unknown_files:
        names = ", ".join(p.name for p in loaded.unknown_files)
        console.print(f"ignored (not contract tables): {names}")
    if rejected is not None:
        write_rejected(loaded, rejected)
        console.print(f"rejected records written to {rejected}")
    try:
        loaded.require_declarations()
    except DatasetError as exc:
        Console(stderr=True).print(f"[bold red]error:[/bold red] {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from exc


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("validate")(validate)
