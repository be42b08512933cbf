"""CLI: ``orewatch demo`` — the whole pipeline on a generated world, measured."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console

from orewatch.cli.render import alerts_table, explanations, frame_table, stage_progress
from orewatch.screening.selection import Capacity

STAGES = ["generate world", "load + validate", "ingest", "screen", "measure"]


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_command(
        workdir: Path = typer.Option(
            Path("orewatch-demo"), "--dir", help="Folder for the world, warehouse and outputs."
        ),
        lines: int = typer.Option(200_000, help="Declaration lines to generate."),
        seed: int = typer.Option(7, help="Seed of the generated world."),
        rate: float = typer.Option(0.05, help="Inspection rate (share of lines sent to red)."),
        top: int = typer.Option(12, help="How many top alerts to print."),
    ) -> None:
        """Generate a world, ingest it, screen it, and print what was found and how well."""
        from orewatch.demo import run_demo

        console = Console()
        started = time.perf_counter()
        with stage_progress(console, "demo", STAGES) as advance:
            report = run_demo(
                workdir, lines=lines, seed=seed, capacity=Capacity(red=rate), step=advance
            )
        alerts = report.result.alerts
        console.print(
            alerts_table(alerts, top, title=f"Top {top} alerts of {alerts.height:,} lines")
        )
        for text in explanations(alerts):
            console.print(text, highlight=False)
        if report.scorecard.lines.height:
            card = report.scorecard.lines.drop("rate").rename({"random_precision": "random"})
            console.print(
                frame_table(card, f"Recall per scheme with {rate:.0%} of lines inspected")
            )
        if report.scorecard.other.height:
            console.print(frame_table(report.scorecard.other, "Parties, facilities and routes"))
        console.print(
            f"world {report.world} | warehouse {report.db} | outputs {report.out} | "
            f"{time.perf_counter() - started:.0f} s"
        )
