"""The control-effectiveness report inside the workbench (``/effectiveness``).

The same figures as ``orewatch report effectiveness`` (``orewatch.trade``'s
:func:`~orewatch.trade.effectiveness.effectiveness_items`, its charts and tables), for
the dataset the workbench serves (``outputs.world_source``), behind login and the
``alerts.read`` permission (partner customs never see it). Charts go to the page as
Plotly figure JSON drawn by the workbench's own script, so the page keeps its strict
Content-Security-Policy. The figures are computed once per dataset and kept on the
app's state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from orewatch.contract.loader import DatasetError
from orewatch.controls import load_catalogue
from orewatch.trade.effectiveness import ItemFigures, effectiveness_items
from orewatch.trade.prices import PriceDataError
from orewatch.trade.report import (
    ROUTES_SHOWN,
    destinations_table,
    exports_chart,
    latest_prices,
    licensed_text,
    price_chart,
    table_html,
)
from orewatch.trade.signals import control_dates
from orewatch.trade.sources import from_dataset
from orewatch.web.context import Workbench, workbench
from orewatch.web.security import PageUser, page_user, require

router = APIRouter(include_in_schema=False)

Bench = Annotated[Workbench, Depends(workbench)]
User = Annotated[PageUser, Depends(page_user)]


@dataclass(frozen=True)
class Report:
    """The report's items for one dataset, or why there is none."""

    items: tuple[ItemFigures, ...]
    routes: int
    error: str = ""


def compute(world: Path) -> Report:
    """Every controlled item's figures for the dataset folder ``world``."""
    try:
        source = from_dataset(world)
        items, routes = effectiveness_items(
            source.trade, source.prices, source.declarations, control_dates(load_catalogue())
        )
    except (DatasetError, PriceDataError) as error:
        return Report((), 0, str(error))
    return Report(tuple(items), routes.height)


def report_for(request: Request, bench: Workbench) -> Report:
    """The report of the served dataset, computed on first use and kept on the app."""
    cache: dict[str, Report] = request.app.state.__dict__.setdefault("effectiveness", {})
    key = bench.outputs.world_source
    if key not in cache:
        cache[key] = compute(Path(key)) if key else Report((), 0, "no dataset folder")
    return cache[key]


def safe_table(frame: pl.DataFrame, formats: dict[str, str] | None = None) -> Markup:
    """The report's HTML table, marked safe for the template: ``table_html`` escapes
    every header and cell itself."""
    return Markup(table_html(frame, formats, css="grid"))


def item_view(item: ItemFigures) -> dict[str, Any]:
    """What the template shows of one item: charts as figure JSON, tables as HTML."""
    dest = destinations_table(item)
    return {
        "element": item.element,
        "control_date": item.control_date,
        "headings": ", ".join(item.headings),
        "exports": exports_chart(item).to_json(),
        "grain": item.grain,
        "destinations": safe_table(dest, {"before_usd": "{:,.0f}", "after_usd": "{:,.0f}"}),
        "licensed": licensed_text(item),
        "prices": price_chart(item).to_json() if item.prices.height else None,
        "latest_prices": safe_table(latest_prices(item)) if item.prices.height else None,
        "routes": item.routes.head(ROUTES_SHOWN).to_dicts(),
    }


@router.get("/effectiveness", response_class=HTMLResponse)
def effectiveness_page(request: Request, bench: Bench, user: User) -> Response:
    """Per controlled item: exports before/after, licensed share, price gap, routes."""
    from orewatch.web.pages import render

    require(user.principal, "alerts.read")
    report = report_for(request, bench)
    return render(
        bench,
        request,
        user,
        "effectiveness.html",
        items=[item_view(i) for i in report.items],
        routes=report.routes,
        error=report.error,
        source=bench.outputs.world_source,
    )
