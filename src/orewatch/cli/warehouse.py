"""CLI: ``orewatch ingest DATASET`` and ``orewatch warehouse status``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import typer
from rich.console import Console

from orewatch.cli.render import frame_table
from orewatch.settings import Settings

if TYPE_CHECKING:
    from orewatch.warehouse.store import IngestReport

DB_HELP = "Warehouse file (default: $OREWATCH_DB or ~/.local/share/orewatch/warehouse.duckdb)."


def report_frame(report: IngestReport) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "table": t.table,
                "file": Path(t.file).name,
                "in file": t.rows_in_file,
                "inserted": t.inserted,
                "updated": t.updated,
                "unchanged": t.unchanged,
                "rejected": t.rejected,
                "note": "same file ingested before" if t.skipped else "",
            }
            for t in report.tables
        ]
    )


def ingest_dataset(dataset: Path, db: Path, console: Console) -> IngestReport:
    """Load a dataset and add it to the warehouse, with a progress bar per table."""
    from rich.progress import Progress

    from orewatch.contract.loader import load_dataset
    from orewatch.warehouse.store import Warehouse

    loaded = load_dataset(dataset)
    with Warehouse(db) as warehouse, Progress(console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(loaded.tables))

        def on_table(name: str) -> None:
            progress.update(task, advance=1, description=f"ingesting {name}")

        return warehouse.ingest(loaded, on_table=on_table)


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The embedded DuckDB warehouse.", no_args_is_help=True)

    @app.command("ingest")
    def ingest_command(
        dataset: Path = typer.Argument(..., help="Dataset folder following the data contract."),
        db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    ) -> None:
        """Add a dataset to the warehouse; re-ingesting the same file adds nothing."""
        from orewatch.contract.loader import DatasetError

        console = Console()
        settings = Settings.from_env().with_db(db)
        try:
            report = ingest_dataset(dataset, settings.db, console)
        except DatasetError as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        console.print(
            frame_table(report_frame(report), f"ingest #{report.ingest_id} into {settings.db}")
        )

    @group.command("status")
    def status_command(db: Path | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
        """Rows held per table and the ingest history."""
        from orewatch.warehouse.store import Warehouse

        console = Console()
        settings = Settings.from_env().with_db(db)
        if not settings.db.exists():
            console.print(f"no warehouse at {settings.db} yet: run `orewatch ingest DATASET`")
            raise typer.Exit(1)
        with Warehouse(settings.db, read_only=True) as warehouse:
            counts = pl.DataFrame(
                {"table": list(warehouse.counts()), "rows": list(warehouse.counts().values())}
            )
            console.print(frame_table(counts, f"warehouse {settings.db}"))
            history = warehouse.ingests().select(
                "ingest_id",
                "tbl",
                "file",
                "inserted",
                "updated",
                "unchanged",
                "rejected",
                "loaded_at",
            )
            console.print(frame_table(history.tail(30), "ingest history (last 30)"))

    app.add_typer(group, name="warehouse")
