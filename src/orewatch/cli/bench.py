"""CLI: ``orewatch bench`` commands (wired into :mod:`orewatch.cli.main`).

``orewatch bench kcs --data DIR`` trains the learned model on the public KCS customs
fraud benchmark with its official time split and prints the test figures as JSON.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import typer

bench_app = typer.Typer(name="bench", help="Benchmarks on public data sets.", no_args_is_help=True)


@bench_app.command("kcs")
def kcs(
    data: Path = typer.Option(..., "--data", help="Folder with df_syn_{train,valid,test}_eng.csv."),
    seed: int = typer.Option(0, "--seed", help="Random seed of folds and LightGBM."),
    train_only: bool = typer.Option(
        False, "--train-only", help="Learn from 2020 only (default: 2020 and 2021-Q1)."
    ),
    threads: int = typer.Option(1, "--threads", min=1, help="LightGBM threads."),
) -> None:
    """Train on 2020 (+2021-Q1) labels, score 2021-Q2 blind, print precision/recall/AUC."""
    from orewatch.screening.learned.kcs import KcsError, kcs_benchmark, kcs_config, load_kcs

    start = time.perf_counter()
    try:
        lines = load_kcs(data)
        result = kcs_benchmark(
            lines, replace(kcs_config(seed), threads=threads), use_valid=not train_only
        )
    except KcsError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    report = {
        "data": str(data),
        "trained_on": list(result.training_splits),
        "tested_on": "test",
        **result.test,
        "model": result.model.metrics,
        "seconds": round(time.perf_counter() - start, 1),
    }
    typer.echo(json.dumps(report, indent=2))


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app)
