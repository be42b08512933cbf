"""Charts as Plotly figure JSON, built on the server; the page only calls newPlot.

Network layouts are computed here with igraph (Fruchterman–Reingold), so the browser
gets positions, not a physics job. Pure functions from frames to JSON strings.
"""

from __future__ import annotations

import igraph as ig
import plotly.graph_objects as go  # type: ignore[import-untyped]
import polars as pl

LAYOUT = {"margin": {"l": 30, "r": 10, "t": 30, "b": 30}, "height": 420}


def network_figure(edges: pl.DataFrame, centre: str, scores: dict[str, float]) -> str:
    """The party network around ``centre``: nodes coloured by party score."""
    names = sorted(
        set(edges["src_party_id"].to_list()) | set(edges["dst_party_id"].to_list()) | {centre}
    )
    index = {n: i for i, n in enumerate(names)}
    graph = ig.Graph(
        n=len(names),
        edges=[
            (index[s], index[d])
            for s, d in zip(edges["src_party_id"], edges["dst_party_id"], strict=True)
        ],
    )
    coords = (
        graph.layout_fruchterman_reingold(niter=300, seed=None) if len(names) > 1 else [(0.0, 0.0)]
    )
    xs = [float(c[0]) for c in coords]
    ys = [float(c[1]) for c in coords]
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for s, d in zip(edges["src_party_id"], edges["dst_party_id"], strict=True):
        edge_x += [xs[index[s]], xs[index[d]], None]
        edge_y += [ys[index[s]], ys[index[d]], None]
    labels = (
        [f"{n} · {r}" for n, r in zip(edges["src_party_id"], edges["relation"], strict=True)]
        if "relation" in edges.columns
        else []
    )
    figure = go.Figure(
        [
            go.Scatter(
                x=edge_x,
                y=edge_y,
                mode="lines",
                hoverinfo="none",
                line={"width": 1, "color": "#999"},
            ),
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text",
                text=names,
                textposition="top center",
                customdata=names,
                hovertext=[f"{n}: score {scores.get(n, 0):.1f}" for n in names],
                hoverinfo="text",
                marker={
                    "size": [18 if n == centre else 10 for n in names],
                    "color": [scores.get(n, 0.0) for n in names],
                    "colorscale": "Reds",
                    "showscale": True,
                    "line": {"width": 1, "color": "#333"},
                },
            ),
        ]
    )
    figure.update_layout(
        showlegend=False,
        xaxis={"visible": False},
        yaxis={"visible": False},
        title=f"{len(names)} parties, {edges.height} relations"
        + (f" ({len(labels)} labelled)" if not labels else ""),
        **LAYOUT,
    )
    return str(figure.to_json())


def balance_figure(flows: pl.DataFrame, gaps: pl.DataFrame) -> str:
    """Monthly inflow and outflow of a facility, with the flagged balance gaps."""
    figure = go.Figure()
    for material in flows["material"].unique().sort().to_list():
        part = flows.filter(pl.col("material") == material)
        figure.add_bar(
            x=part["period"].to_list(), y=part["in_kg"].to_list(), name=f"in · {material}"
        )
        figure.add_bar(
            x=part["period"].to_list(),
            y=[-v for v in part["out_kg"].to_list()],
            name=f"out · {material}",
        )
    if not gaps.is_empty():
        figure.add_scatter(
            x=gaps["period"].to_list(),
            y=gaps["gap_kg"].to_list(),
            mode="markers",
            marker={"size": 12, "symbol": "x", "color": "red"},
            name="balance gap (kg)",
        )
    figure.update_layout(barmode="relative", yaxis_title="kg", **LAYOUT)
    return str(figure.to_json())


def sankey_figure(flows: pl.DataFrame, labels: dict[str, str]) -> str:
    """A Sankey of facility-to-facility flows (kg)."""
    nodes = sorted(set(flows["from_id"].to_list()) | set(flows["to_id"].to_list()))
    index = {n: i for i, n in enumerate(nodes)}
    figure = go.Figure(
        go.Sankey(
            node={"label": [labels.get(n, n) for n in nodes], "pad": 12},
            link={
                "source": [index[n] for n in flows["from_id"].to_list()],
                "target": [index[n] for n in flows["to_id"].to_list()],
                "value": flows["kg"].to_list(),
            },
        )
    )
    figure.update_layout(**(LAYOUT | {"height": 560}))
    return str(figure.to_json())
