"""CLI: ``orewatch parties resolve|screen|network|export``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import polars as pl

parties_app = typer.Typer(
    help="Parties and networks: entity resolution, restricted-party screening, the network.",
    no_args_is_help=True,
)

WATCHLISTS_HELP = (
    "Folder of public restricted-party files (OFAC sdn.csv, OpenSanctions exports); "
    "also OREWATCH_WATCHLISTS."
)


def _tables(dataset: Path, console: Console) -> dict[str, pl.DataFrame]:
    from orewatch.contract.loader import DatasetError, load_dataset

    try:
        loaded = load_dataset(dataset)
    except DatasetError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    return {name: t.frame for name, t in loaded.tables.items()}


def _extra(folder: Path | None, console: Console) -> pl.DataFrame | None:
    from orewatch.parties.watchlists import WatchlistError, read_public_watchlists

    if folder is None:
        return None
    if not folder.is_dir():
        console.print(f"[red]error:[/] watchlist folder {folder} does not exist")
        raise typer.Exit(2)
    try:
        return read_public_watchlists(folder)
    except WatchlistError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _show(frame: pl.DataFrame, columns: list[str], title: str, top: int) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in frame.head(top).select(columns).iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


@parties_app.command("resolve")
def resolve_command(
    dataset: Path = typer.Argument(..., help="Dataset folder following the data contract."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for entities.csv and links.csv."),
    fuzzy: bool = typer.Option(True, help="Probabilistic (Splink) links as well."),
) -> None:
    """Resolve every party record (declarations, licences, parties) into entities."""
    from orewatch.io.atomic import write_csv
    from orewatch.parties.records import party_records
    from orewatch.parties.resolve import ResolveSettings, resolve

    console = Console()
    records = party_records(_tables(dataset, console))
    resolution = resolve(records, ResolveSettings(probabilistic=fuzzy))
    write_csv(resolution.entities, out / "entities.csv")
    write_csv(resolution.links, out / "links.csv")
    n = resolution.entities["entity_id"].n_unique()
    console.print(f"{records.height} records → {n} entities, {resolution.links.height} links")
    console.print(f"outputs in {out}")


@parties_app.command("screen")
def screen_command(
    dataset: Path | None = typer.Argument(None, help="Dataset folder (omit with --name)."),
    name: str | None = typer.Option(None, help="Screen one name instead of a dataset."),
    country: str | None = typer.Option(None, help="Country of --name (ISO alpha-2)."),
    watchlists: Path | None = typer.Option(
        None, envvar="OREWATCH_WATCHLISTS", help=WATCHLISTS_HELP
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Folder for hits.csv."),
    threshold: float = typer.Option(0.86, help="Lowest score reported."),
    top: int = typer.Option(20, help="How many hits to print."),
) -> None:
    """Screen parties (or one name) against the dataset's and the public lists."""
    import polars as pl

    from orewatch.io.atomic import write_csv
    from orewatch.parties.records import party_records, watchlist_queries
    from orewatch.parties.screen import ScreenSettings, screen
    from orewatch.parties.signals import dataset_watchlist

    console = Console()
    if (dataset is None) == (name is None):
        console.print("[red]error:[/] give a DATASET or --name, not both")
        raise typer.Exit(2)
    tables = _tables(dataset, console) if dataset is not None else {}
    watchlist = dataset_watchlist(tables, _extra(watchlists, console))
    if watchlist.is_empty():
        console.print("[red]error:[/] no watchlist: the dataset has none and no --watchlists")
        raise typer.Exit(2)
    if name is not None:
        queries = pl.DataFrame(
            {"query_id": ["query"], "name": [name], "country": [country]},
            schema={"query_id": pl.String(), "name": pl.String(), "country": pl.String()},
        )
    else:
        queries = watchlist_queries(party_records(tables))
    hits = screen(queries, watchlist, ScreenSettings(threshold=threshold))
    console.print(_show(hits, ["score", "query_name", "list", "entry_name", "method"], "hits", top))
    console.print(
        f"{hits.height} hits from {queries.height} names against {watchlist.height} entries"
    )
    if out is not None:
        write_csv(hits, out / "hits.csv")
        console.print(f"outputs in {out}")


@parties_app.command("network")
def network_command(
    dataset: Path = typer.Argument(..., help="Dataset folder following the data contract."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for parties.csv and signals."),
    watchlists: Path | None = typer.Option(
        None, envvar="OREWATCH_WATCHLISTS", help=WATCHLISTS_HELP
    ),
    top: int = typer.Option(20, help="How many parties to print."),
) -> None:
    """Rank parties by network risk: listed, near listed, brokers, shells, chains."""
    from orewatch.io.atomic import write_csv
    from orewatch.parties.signals import party_findings

    console = Console()
    findings = party_findings(_tables(dataset, console), _extra(watchlists, console))
    write_csv(findings.parties, out / "parties.csv")
    write_csv(findings.line_signals, out / "party_signals.csv")
    write_csv(findings.entities, out / "entities.csv")
    console.print(_show(findings.parties, ["party_id", "name", "score", "reasons"], "parties", top))
    console.print(
        f"{findings.parties.height} parties ranked, {findings.line_signals.height} line signals"
    )
    console.print(f"outputs in {out}")


@parties_app.command("export")
def export_command(
    dataset: Path = typer.Argument(..., help="Dataset folder following the data contract."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for graph.json and ftm.jsonl."),
    watchlists: Path | None = typer.Option(
        None, envvar="OREWATCH_WATCHLISTS", help=WATCHLISTS_HELP
    ),
) -> None:
    """Write the party network for the workbench and as FollowTheMoney entities."""
    from orewatch.parties.export import write_ftm, write_workbench
    from orewatch.parties.signals import party_findings

    console = Console()
    findings = party_findings(_tables(dataset, console), _extra(watchlists, console))
    write_workbench(findings.graph, out / "graph.json")
    count = write_ftm(findings.graph, out / "ftm.jsonl")
    console.print(
        f"{findings.graph.nodes.height} nodes, {findings.graph.edges.height} edges, "
        f"{count} FollowTheMoney entities; outputs in {out}"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(parties_app, name="parties")
