"""CLI: ``orewatch chain balance|leaks|trace|flows DATASET ...`` (the chain of custody).

A thin layer over :mod:`orewatch.chain`: load the dataset, compute the findings, print
or write them. The API answers the same questions through the same functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import polars as pl

    from orewatch.chain.signals import ChainFindings

chain_app = typer.Typer(
    name="chain",
    help="Chain of custody: mass balances, leaks, lineage and flows.",
    no_args_is_help=True,
)

_DATASET = typer.Argument(..., help="Dataset folder following the data contract.")


def _load(dataset: Path) -> tuple[dict[str, pl.DataFrame], ChainFindings]:
    from orewatch.chain.signals import chain_findings
    from orewatch.contract.loader import DatasetError, load_dataset

    try:
        loaded = load_dataset(dataset)
    except DatasetError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    tables = {name: t.frame for name, t in loaded.tables.items()}
    if "production" not in tables:
        typer.echo(f"error: {dataset} has no production table to reconcile", err=True)
        raise typer.Exit(2)
    return tables, chain_findings(tables)


def _leak_table(findings: ChainFindings, top: int) -> Table:
    table = Table(title="leaking facility-months (ranked)")
    for column in ("facility_id", "period", "material", "gap_kg", "score", "reasons", "evidence"):
        table.add_column(column, overflow="fold")
    for row in findings.flagged().head(top).iter_rows(named=True):
        table.add_row(
            row["facility_id"],
            row["period"],
            row["material"],
            f"{row['gap_kg']:.1f}",
            f"{row['score']:.1f}",
            row["reasons"],
            row["evidence"],
        )
    return table


@chain_app.command("balance")
def balance(
    dataset: Path = _DATASET,
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the outputs."),
) -> None:
    """Reconcile every facility-month; write facilities.csv (flagged months, contract
    columns + evidence), months.parquet (every month with every check), exporter_signals.csv
    and one_sided_movements.csv."""
    from orewatch.io.atomic import write_csv, write_parquet

    _tables, findings = _load(dataset)
    flagged = findings.flagged()
    write_csv(flagged.drop("month"), out / "facilities.csv")
    write_parquet(findings.months, out / "months.parquet")
    write_csv(findings.exporter_signals, out / "exporter_signals.csv")
    write_csv(findings.one_sided, out / "one_sided_movements.csv")
    tol = findings.tolerance
    Console().print(
        f"{findings.facilities.height} facility-months reconciled, {flagged.height} flagged, "
        f"{findings.exporter_signals.height} exporter signals, "
        f"{findings.one_sided.height} one-sided movements | tolerance: "
        f"{tol.units:g} rounding units or {tol.relative:.2%} of throughput | outputs in {out}"
    )


@chain_app.command("leaks")
def leaks(
    dataset: Path = _DATASET,
    top: int = typer.Option(20, help="How many facility-months to print."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """The most suspicious facility-months and the exporters they touch."""
    _tables, findings = _load(dataset)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "facilities": findings.flagged().head(top).drop("month").to_dicts(),
                    "exporter_signals": findings.exporter_signals.to_dicts(),
                },
                ensure_ascii=False,
                default=str,  # dates (a finding's ``since``) as ISO text
            )
        )
        return
    console = Console()
    console.print(_leak_table(findings, top))
    signals = Table(title="exporter signals")
    for column in ("exporter_id", "code", "evidence"):
        signals.add_column(column, overflow="fold")
    for row in findings.exporter_signals.head(top).iter_rows():
        signals.add_row(*row)
    console.print(signals)


@chain_app.command("trace")
def trace(
    dataset: Path = _DATASET,
    declaration: str | None = typer.Option(None, "--declaration", help="Trace back a declaration."),
    lot: str | None = typer.Option(None, "--lot", help="Trace back a (seized) lot id."),
    facility: str | None = typer.Option(None, "--facility", help="Trace a facility forward."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Back from a declaration or lot to candidate facilities; forward from a facility to
    the exports it fed."""
    from orewatch.chain.lineage import trace_report
    from orewatch.controls.materials import load_materials

    if sum(x is not None for x in (declaration, lot, facility)) != 1:
        raise typer.BadParameter("give exactly one of --declaration, --lot or --facility")
    tables, findings = _load(dataset)
    try:
        report = trace_report(
            tables,
            findings,
            load_materials(),
            declaration_id=declaration,
            lot_id=lot,
            facility_id=facility,
        )
    except LookupError as exc:
        typer.echo(f"error: {exc.args[0]}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, default=str))
        return
    _print_trace(report)


def _print_trace(report: dict[str, Any]) -> None:
    console = Console()
    rows: list[dict[str, Any]]
    if report["direction"] == "forward":
        rows, title = report["downstream"], f"downstream of {report['facility_id']}"
        console.print(_dict_table(title, rows))
        console.print(_dict_table("export lines fed", report["exports"][:30]))
    else:
        start = report["declaration_id"] or report["lot_id"]
        title = f"candidate sources of {start} ({report['element']}, {report['period']})"
        console.print(_dict_table(title, report["sources"]))


def _dict_table(title: str, rows: list[dict[str, Any]]) -> Table:
    table = Table(title=title)
    columns = list(rows[0]) if rows else ["(none)"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            *[f"{v:.3g}" if isinstance(v, float) else str(v) for v in (row[c] for c in columns)]
        )
    return table


@chain_app.command("flows")
def flows(
    dataset: Path = _DATASET,
    out: Path = typer.Option(..., "--out", "-o", help="JSON file to write."),
    material: str | None = typer.Option(None, help="Material or element (e.g. gallium)."),
    facility: str | None = typer.Option(
        None, "--facility", help="Write this facility's balance over time instead."
    ),
    start: str | None = typer.Option(None, help="First period YYYY-MM."),
    end: str | None = typer.Option(None, help="Last period YYYY-MM."),
    by: str = typer.Option("kind", help="Sankey nodes: 'kind' or 'facility'."),
) -> None:
    """Workbench data: a Sankey of a material's flow, or a facility's balance series."""
    from orewatch.chain.flows import balance_series, sankey
    from orewatch.io.atomic import write_text

    tables, findings = _load(dataset)
    if facility is not None:
        try:
            data = balance_series(findings, facility, material)
        except LookupError as exc:
            typer.echo(f"error: {exc.args[0]}", err=True)
            raise typer.Exit(1) from exc
    else:
        movements = tables.get("movements")
        if movements is None:
            typer.echo(f"error: {dataset} has no movements table", err=True)
            raise typer.Exit(2)
        data = sankey(movements, tables.get("facilities"), material, start, end, by)
    write_text(json.dumps(data, ensure_ascii=False, default=str), out)
    typer.echo(f"wrote {out}")


def register(app: typer.Typer) -> None:
    app.add_typer(chain_app, name="chain")
