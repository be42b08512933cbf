"""CLI: ``orewatch trade routes`` and ``orewatch report effectiveness``.

Either command reads a contract dataset folder, or with ``--public DIR`` the public
trade statistics (UN Comtrade / BACI extracts in ``trade_stats`` form).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    import polars as pl

    from orewatch.trade.sources import TradeInput

PUBLIC_HELP = "Read the public trade files in this folder (e.g. ../shared/data/trade) instead."


def _input(dataset: Path | None, public: Path | None, console: Console) -> TradeInput:
    from orewatch.contract.loader import DatasetError
    from orewatch.trade.load import TradeDataError
    from orewatch.trade.sources import from_dataset, from_public

    if (dataset is None) == (public is None):
        console.print("[red]error:[/] give a DATASET folder or --public DIR (one of them)")
        raise typer.Exit(2)
    try:
        return from_public(public) if public is not None else from_dataset(dataset)  # type: ignore[arg-type]
    except (DatasetError, TradeDataError) as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def routes_table(routes: pl.DataFrame, top: int) -> Table:
    table = Table(title=f"diversion routes (top {min(top, routes.height)} of {routes.height})")
    for col in ("country", "hs_code", "score", "reasons", "evidence"):
        table.add_column(col, overflow="fold")
    for row in routes.head(top).iter_rows(named=True):
        table.add_row(
            row["country"], row["hs_code"], f"{row['score']:.2f}", row["reasons"], row["evidence"]
        )
    return table


def register(app: typer.Typer) -> None:
    trade_app = typer.Typer(
        help="Trade statistics and prices: diversion routes.", no_args_is_help=True
    )
    report_app = typer.Typer(help="Reports for policy analysts.", no_args_is_help=True)
    app.add_typer(trade_app, name="trade")
    app.add_typer(report_app, name="report")

    @trade_app.command("routes")
    def routes_command(
        dataset: Path | None = typer.Argument(None, help="Dataset folder (data contract)."),
        public: Path | None = typer.Option(None, "--public", help=PUBLIC_HELP),
        out: Path | None = typer.Option(None, "--out", "-o", help="Write routes.csv here."),
        top: int = typer.Option(20, help="How many routes to print."),
    ) -> None:
        """Rank country × commodity diversion routes with reasons and evidence."""
        from orewatch.controls import load_catalogue
        from orewatch.io.atomic import write_csv
        from orewatch.trade.signals import diversion_routes

        console = Console()
        source = _input(dataset, public, console)
        routes = diversion_routes({"trade_stats": source.trade}, load_catalogue())
        console.print(routes_table(routes, top))
        if source.rejected:
            console.print(
                f"{source.rejected} rejected row(s) left out (orewatch validate lists them)"
            )
        if out is not None:
            write_csv(routes, out)
            console.print(f"wrote {out}")

    @report_app.command("effectiveness")
    def effectiveness_command(
        dataset: Path | None = typer.Argument(None, help="Dataset folder (data contract)."),
        public: Path | None = typer.Option(None, "--public", help=PUBLIC_HELP),
        out: Path = typer.Option(..., "--out", "-o", help="HTML file to write."),
    ) -> None:
        """Per controlled item: exports before/after, licensed share, price gap, routes."""
        from orewatch.controls import load_catalogue
        from orewatch.io.atomic import write_text
        from orewatch.trade.effectiveness import effectiveness_items
        from orewatch.trade.prices import PriceDataError
        from orewatch.trade.report import render_html
        from orewatch.trade.signals import control_dates

        console = Console()
        source = _input(dataset, public, console)
        try:
            items, routes = effectiveness_items(
                source.trade, source.prices, source.declarations, control_dates(load_catalogue())
            )
        except PriceDataError as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        html = render_html(items, f"Control effectiveness — {source.label}", source.notes)
        write_text(html, out)
        console.print(f"wrote {out}: {len(items)} controlled item(s), {routes.height} route(s)")
