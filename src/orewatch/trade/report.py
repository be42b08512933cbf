"""The control-effectiveness report as one self-contained HTML file.

Charts are Plotly figures whose JavaScript is embedded from the installed package
(once, in the first chart), so the file opens offline and on an air-gapped desk.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go  # type: ignore[import-untyped]
import polars as pl

from orewatch.trade.effectiveness import ItemFigures

#: Routes shown per controlled item (the HTML report and the workbench page).
ROUTES_SHOWN = 10
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-top:1rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:right}
td:first-child,th:first-child{text-align:left}
.evidence{text-align:left;font-size:.8rem;max-width:600px}
.note{color:#555;font-size:.9rem}
"""


def table_html(frame: pl.DataFrame, formats: dict[str, str] | None = None, css: str = "") -> str:
    """An HTML table of ``frame`` (every cell escaped; ``formats`` per column)."""
    formats = formats or {}
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = []
    for row in frame.iter_rows():
        cells = []
        for col, value in zip(frame.columns, row, strict=True):
            text = "" if value is None else (formats.get(col, "{}").format(value))
            cell_class = ' class="evidence"' if col == "evidence" else ""
            cells.append(f"<td{cell_class}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    klass = f' class="{html.escape(css)}"' if css else ""
    return f"<table{klass}><tr>{head}</tr>{''.join(body)}</table>"


def _vline(fig: go.Figure, when: str) -> None:
    fig.add_vline(x=date.fromisoformat(when), line_dash="dash", line_color="#c00")
    fig.add_annotation(
        x=date.fromisoformat(when), y=1, yref="paper", text="control", showarrow=False
    )


def exports_chart(item: ItemFigures) -> go.Figure:
    fig = go.Figure()
    for dest in item.monthly["destination"].unique().sort().to_list():
        part = item.monthly.filter(pl.col("destination") == dest)
        fig.add_trace(go.Bar(x=part["start"].to_list(), y=part["value_usd"].to_list(), name=dest))
    fig.update_layout(
        barmode="stack",
        title=f"China's exports of {item.element} ({', '.join(item.headings)}) "
        f"by destination, USD per {item.grain}",
        height=380,
        margin={"t": 50, "b": 30},
    )
    _vline(fig, item.control_date)
    return fig


def price_chart(item: ItemFigures) -> go.Figure:
    fig = go.Figure()
    keys = item.prices.select("material", "overseas_market").unique().sort("material")
    for material, market in keys.iter_rows():
        part = item.prices.filter(
            (pl.col("material") == material) & (pl.col("overseas_market") == market)
        )
        fig.add_trace(
            go.Scatter(
                x=part["month"].to_list(), y=part["gap"].to_list(), name=f"{material} {market}"
            )
        )
    fig.update_layout(
        title=f"Overseas / domestic price of {item.element} (1 = no incentive)",
        height=320,
        margin={"t": 50, "b": 30},
    )
    _vline(fig, item.control_date)
    return fig


def destinations_table(item: ItemFigures) -> pl.DataFrame:
    """The top destinations' mean exports per period before and after, and the change."""
    return item.destinations.head(15).select(
        "destination",
        pl.col("before_usd").round(0),
        pl.col("after_usd").round(0),
        (pl.col("change") * 100).round(1).alias("change_%"),
    )


def licensed_text(item: ItemFigures) -> str | None:
    """The licensed-share sentence, or None without declarations."""
    if not (item.licensed.height and item.licensed["lines"][0]):
        return None
    lic = item.licensed.row(0, named=True)
    share = lic["share_kg"]
    return (
        f"Licensed share after the control: {lic['licensed_lines']} of {lic['lines']} "
        f"declaration lines cite a licence"
        + (f", {share:.1%} of the net weight." if share is not None else ".")
    )


def latest_prices(item: ItemFigures) -> pl.DataFrame:
    """The latest overseas/domestic price ratio per material and market."""
    latest = item.prices.sort("month").group_by("material", "overseas_market").last()
    return latest.select("material", "overseas_market", "month", pl.col("gap").round(2)).sort(
        "material", "overseas_market"
    )


def _section(item: ItemFigures, first_chart: bool) -> tuple[str, bool]:
    parts = [f"<h2 id='{html.escape(item.element)}'>{html.escape(item.element)}</h2>"]
    parts.append(
        f"<p>Controlled from <b>{item.control_date}</b>; headings {', '.join(item.headings)}.</p>"
    )
    parts.append(exports_chart(item).to_html(full_html=False, include_plotlyjs=first_chart))
    first_chart = False
    parts.append(f"<p>Mean USD per {item.grain}, before and after the control:</p>")
    dest = destinations_table(item)
    parts.append(table_html(dest, {"before_usd": "{:,.0f}", "after_usd": "{:,.0f}"}))
    licensed = licensed_text(item)
    if licensed is not None:
        parts.append(f"<p>{html.escape(licensed)}</p>")
    else:
        parts.append("<p class='note'>No declarations given: licensed share not computed.</p>")
    if item.prices.height:
        parts.append(price_chart(item).to_html(full_html=False, include_plotlyjs=False))
        parts.append(table_html(latest_prices(item)))
    else:
        parts.append("<p class='note'>No domestic and overseas prices for this item.</p>")
    if item.routes.height:
        parts.append("<p>Suspected diversion routes (highest score first):</p>")
        parts.append(table_html(item.routes.head(ROUTES_SHOWN)))
    else:
        parts.append("<p class='note'>No diversion route found for these headings.</p>")
    return "\n".join(parts), first_chart


def render_html(items: Sequence[ItemFigures], title: str, notes: Sequence[str] = ()) -> str:
    """The whole report; ``notes`` are shown under the title (sources, caveats)."""
    sections = []
    first = True
    for item in items:
        text, first = _section(item, first)
        sections.append(text)
    index = " · ".join(
        f"<a href='#{html.escape(i.element)}'>{html.escape(i.element)}</a>" for i in items
    )
    note_html = "".join(f"<p class='note'>{html.escape(n)}</p>" for n in notes)
    body = "\n".join(sections) if sections else "<p>No controlled headings in the trade data.</p>"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{note_html}<p>{index}</p>{body}</body></html>"
    )
