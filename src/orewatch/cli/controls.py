"""CLI: `orewatch controls` commands (wired into :mod:`orewatch.cli.main`).

A thin layer: every answer comes from :class:`orewatch.controls.Catalogue`, so the CLI, the API
and screening cannot disagree.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from orewatch.controls import CatalogueError, load_catalogue, load_materials
from orewatch.controls.catalogue import Catalogue

controls_app = typer.Typer(
    name="controls",
    help="The export-control catalogue, evaluated as of a date.",
    no_args_is_help=True,
)

_CATALOGUE_OPT = typer.Option(None, "--catalogue", help="Catalogue YAML (default: packaged).")


def _load(path: Path | None) -> Catalogue:
    try:
        return load_catalogue(path)
    except CatalogueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"{text!r} is not a date YYYY-MM-DD") from exc


@controls_app.command("check")
def check(
    hs: str = typer.Option(..., "--hs", help="Commodity code as declared (6-10 digits)."),
    to: str = typer.Option(..., "--to", help="Destination country, ISO alpha-2."),
    on: str | None = typer.Option(None, "--on", help="Date YYYY-MM-DD (default today)."),
    end_user: str | None = typer.Option(None, "--end-user", help="Declared end user."),
    end_use: str | None = typer.Option(None, "--end-use", help="Declared end use."),
    as_json: bool = typer.Option(False, "--json", help="Print the decision as JSON."),
    catalogue: Path | None = _CATALOGUE_OPT,
) -> None:
    """Is this code controlled for that destination on that date, and why."""
    cat = _load(catalogue)
    decision = cat.check(hs, to, _day(on), end_user=end_user, end_use=end_use)
    if as_json:
        out = decision.to_dict()
        out["catalogue_version"] = cat.version
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    console = Console()
    verdict = (
        "[bold red]PROHIBITED[/]"
        if decision.prohibited
        else (
            "[bold yellow]CONTROLLED[/]" if decision.controlled else "[bold green]not controlled[/]"
        )
    )
    console.print(
        f"{decision.hs} -> {decision.destination} on {decision.on.isoformat()}: {verdict} "
        f"(catalogue {cat.version})"
    )
    console.print(
        f"licence required: {'yes' if decision.licence_required else 'no'}; "
        f"prohibited: {'yes' if decision.prohibited else 'no'}"
    )
    if decision.items:
        table = Table("element", "match", "description")
        table.add_column("item", no_wrap=True)
        for m in decision.items:
            table.add_row(m.element, m.match_kind, m.description, m.id)
        console.print(table)
    for text in decision.end_user_restrictions:
        console.print(f"[red]end-user restriction:[/] {text}")
    for text in decision.reasons:
        console.print(f"- {text}", markup=False)
    for text in decision.caveats:
        console.print(f"[yellow]caveat:[/] {text}")


@controls_app.command("list")
def list_items(
    on: str | None = typer.Option(None, "--on", help="Date YYYY-MM-DD (default today)."),
    element: str | None = typer.Option(None, "--element", help="Only this element."),
    catalogue: Path | None = _CATALOGUE_OPT,
) -> None:
    """Items in force on a date."""
    cat = _load(catalogue)
    day = _day(on)
    items = cat.in_force(day, element)
    table = Table(
        title=f"{len(items)} items in force on {day.isoformat()} (catalogue {cat.version})"
    )
    table.add_column("id", no_wrap=True)
    for name in ("element", "kind", "codes", "from", "announcement", "description"):
        table.add_column(name)
    for item in items:
        table.add_row(
            item.id, item.element, item.kind, " ".join(item.hs_codes) or "-",
            item.effective_from.isoformat(), item.announcement, item.description_en,
        )  # fmt: skip
    Console().print(table)


@controls_app.command("show")
def show(
    item_id: str = typer.Argument(..., help="Item or rule id."),
    catalogue: Path | None = _CATALOGUE_OPT,
) -> None:
    """One item or rule, with its dates, sources and the rules that cover it."""
    cat = _load(catalogue)
    console = Console()
    try:
        item = cat.item(item_id)
    except KeyError:
        try:
            rule = cat.rule(item_id)
        except KeyError:
            typer.echo(f"error: no item or rule {item_id!r}", err=True)
            raise typer.Exit(1) from None
        for key, value in vars(rule).items():
            console.print(f"[bold]{key}[/]: {value}", markup=True, highlight=False)
        return
    for key, value in vars(item).items():
        console.print(f"[bold]{key}[/]: {value}", highlight=False)
    console.print("[bold]rules[/]:")
    for rule in cat.rules_for(item):
        console.print(f"  {rule.id} ({rule.kind}, {rule.destination}, from "
                      f"{max(rule.effective_from, item.effective_from).isoformat()})")  # fmt: skip


@controls_app.command("materials")
def materials(element: str | None = typer.Argument(None, help="Element (default all).")) -> None:
    """Carriers, forms (metal content, density, codes) and prices per element."""
    cat = load_materials()
    names = [element] if element else list(cat.elements)
    console = Console()
    for name in names:
        if name not in cat.elements:
            typer.echo(f"error: no materials for {name!r}", err=True)
            raise typer.Exit(1)
        entry = cat.elements[name]
        forms = Table("material", "formula", "metal %", "g/cm3", "codes", title=name)
        for f in entry.forms:
            forms.add_row(f.material, f.formula, f"{f.metal_fraction * 100:.1f}",
                          "-" if f.density_g_cm3 is None else f"{f.density_g_cm3:g}",
                          " ".join(f.hs_codes) or "-")  # fmt: skip
        console.print(forms)
        for c in entry.carriers:
            console.print(f"carrier {c.material}: content {c.content} recovery {c.recovery} "
                          f"({c.confidence}; {c.source})", markup=False)  # fmt: skip
        for p in entry.prices:
            console.print(f"price {p.market} {p.form} {p.low:g}-{p.high:g} {p.currency}/{p.unit} "
                          f"as of {p.as_of} ({p.basis}; {p.source})", markup=False)  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(controls_app, name="controls")
