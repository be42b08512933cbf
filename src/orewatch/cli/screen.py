"""CLI: ``orewatch screen DATASET --out DIR``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from orewatch.cli.render import alerts_table, explanations, stage_progress
from orewatch.screening.selection import Capacity

if TYPE_CHECKING:
    from orewatch.screening.pipeline import ScreenResult

STAGES = [
    "load",
    "features",
    "routes",
    "parties",
    "detectors",
    "learning",
    "scoring",
    "outputs",
    "write",
]


def run_screen(
    dataset: Path,
    out: Path,
    capacity: Capacity,
    console: Console,
    catalogue_path: Path | None = None,
) -> ScreenResult:
    """Load, screen and write; shared by ``screen`` and ``demo``."""
    from orewatch.contract.loader import load_dataset
    from orewatch.controls.catalogue import load_catalogue
    from orewatch.io.atomic import write_csv
    from orewatch.screening.pipeline import quarantine_output, screen, write_outputs

    catalogue = load_catalogue(catalogue_path)
    with stage_progress(console, "screening", STAGES) as advance:
        advance("load")
        loaded = load_dataset(dataset)
        if not loaded.tables["declarations"].rows_loaded:
            # Nothing to screen, but what was refused and why still goes where the
            # contract says (as a screened run writes it), before the error stops the run.
            out.mkdir(parents=True, exist_ok=True)
            write_csv(quarantine_output(loaded.rejected), out / "rejected.csv")
        loaded.require_declarations()
        tables = {name: t.frame for name, t in loaded.tables.items()}
        result = screen(tables, catalogue, capacity, progress=advance)
        result.rejected = quarantine_output(loaded.rejected)
        advance("write")
        write_outputs(result, out)
    return result


def register(app: typer.Typer) -> None:
    @app.command("screen")
    def screen_command(
        dataset: Path = typer.Argument(..., help="Dataset folder following the data contract."),
        out: Path = typer.Option(
            ..., "--out", "-o", help="Folder for alerts, parties, facilities, routes, rejected."
        ),
        red: float = typer.Option(0.05, help="Share of lines for physical inspection (red)."),
        yellow: float = typer.Option(0.10, help="Share of lines for document checks (yellow)."),
        random_share: float = typer.Option(
            0.005, "--random", help="Share of lines picked at random (inside red)."
        ),
        red_per_day: int | None = typer.Option(
            None,
            "--red-per-day",
            help="Physical inspections per port per day (replaces --red; needs --yellow-per-day).",
        ),
        yellow_per_day: int | None = typer.Option(
            None,
            "--yellow-per-day",
            help="Document checks per port per day (replaces --yellow).",
        ),
        catalogue: Path | None = typer.Option(
            None, help="Control catalogue YAML (default: the packaged one)."
        ),
        top: int = typer.Option(15, help="How many top alerts to print."),
    ) -> None:
        """Rank every declaration line by risk, explain it and assign channels."""
        from orewatch.contract.loader import DatasetError

        console = Console()
        try:
            capacity = Capacity(
                red,
                yellow,
                random_share,
                red_per_port_day=red_per_day,
                yellow_per_port_day=yellow_per_day,
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        try:
            result = run_screen(dataset, out, capacity, console, catalogue)
        except DatasetError as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        rejected_rows = result.rejected["row"].n_unique() if result.rejected.height else 0
        counts = result.alerts["channel"].value_counts().sort("channel")
        console.print(alerts_table(result.alerts, top))
        for text in explanations(result.alerts):
            console.print(text, highlight=False)
        console.print(
            "channels: "
            + ", ".join(f"{r['channel']} {r['count']}" for r in counts.iter_rows(named=True))
            + f" | parties {result.parties.height}, facility-months {result.facilities.height}, "
            f"routes {result.routes.height}, rejected rows {rejected_rows}"
        )
        console.print(f"outputs in {out}")
