"""The party network over resolved entities, and what it shows (igraph).

Nodes are entities (``resolve``); edges are relations (owner, director, agent,
payer...), shared contacts (phone, e-mail, address, unless shared by very many), trade
(exporter → consignee with commodities and value), licences, declarants lodging for
exporters and declared end users. On it:

- **proximity** — weighted shortest distance of every entity to a watchlisted one
  within ``k`` hops, with the path in words (relations weigh least, trade most);
- **shell clusters** — communities of exporters tied by shared contacts or a common
  controller, most of them recently incorporated;
- **brokers** — whoever controls several recently incorporated exporters, ranked with
  their betweenness in the control and contact graph (the person the shells hang on);
- **transshipment chains** — exporter → consignee in country A → an entity linked to
  that consignee in country B (listed or near a listed party).

Pure functions over frames; ``build_graph`` is the only place igraph objects are made.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np
import polars as pl
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

#: Relations through which a party controls a company.
CONTROL_RELATIONS: tuple[str, ...] = (
    "owner",
    "director",
    "shareholder",
    "legal_representative",
    "manager",
    "agent",
    "payer",
    "beneficial_owner",
)
#: Edge weights for proximity (lower is closer).
WEIGHTS: dict[str, float] = {
    "relation": 1.0,
    "end_user": 1.0,
    "contact": 1.5,
    "declarant": 2.5,
    "licence": 3.0,
    "trade": 3.0,
}
#: Edges through which closeness to a listed party is measured (not trade: trading with
#: a listed party is a watchlist hit of its own, and trade would make everyone close).
PROXIMITY_KINDS: tuple[str, ...] = ("relation", "contact", "end_user")
EDGE_SCHEMA: dict[str, pl.DataType] = {
    "src": pl.String(),
    "dst": pl.String(),
    "kind": pl.String(),
    "label": pl.String(),
    "value": pl.Float64(),
    "detail": pl.String(),
}


@dataclass(frozen=True)
class NetworkSettings:
    """Thresholds of the network analyses."""

    #: Hops within which a listed party counts as near.
    hops: int = 3
    #: Hops within which a consignee's lines are flagged as linked to a listed party.
    line_hops: int = 2
    #: An exporter or consignee is recent when incorporated at most this many days before
    #: its first line in that role.
    recent_days: int = 730
    #: Recent exporters a party must control to be a suspected broker.
    shells_per_broker: int = 3
    #: ... and the share of recent ones among all the exporters it controls must reach
    #: this, and SHELL_SHARE_OVER_BASE times their share among all exporters: a customs
    #: brokerage is the agent of hundreds of exporters, a few of them new as many are.
    shell_share: float = 0.5
    shell_share_over_base: float = 2.0
    #: A contact shared by more entities than this (a registered agent's address) is ignored.
    max_contact_sharers: int = 20
    #: Smallest shell community.
    min_cluster: int = 3


@dataclass(frozen=True)
class PartyGraph:
    """Entity nodes and typed edges, ready for igraph or the workbench."""

    nodes: pl.DataFrame  # entity_id, name, kind, country, party_id, registration_id, ...
    edges: pl.DataFrame  # EDGE_SCHEMA


def unlisted_nodes(entities: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """One node per entity: its best name (a ``parties`` row first), kind, country, ids.

    Built before the watchlist hits are known; :func:`with_listing` adds them.
    """
    joined = entities.select("record_id", "entity_id").join(records, on="record_id")
    rank = pl.when(pl.col("source") == "parties").then(0).otherwise(1)
    return (
        joined.sort(rank, "record_id")
        .group_by("entity_id", maintain_order=True)
        .agg(
            pl.col("name").first(),
            pl.col("kind").drop_nulls().first(),
            pl.col("country").drop_nulls().first(),
            pl.col("party_id").drop_nulls().min(),
            pl.col("registration_id").drop_nulls().first(),
            pl.col("address").drop_nulls().first(),
            pl.col("incorporated_at").drop_nulls().min(),
            pl.col("source").unique().sort().str.join(",").alias("sources"),
        )
        .with_columns(pl.col("kind").fill_null("company"))
    )


def with_listing(nodes: pl.DataFrame, listed: pl.DataFrame) -> pl.DataFrame:
    """Nodes with their best watchlist hit (``listed_as``...) and the ``listed`` flag."""
    return nodes.join(listed, on="entity_id", how="left").with_columns(
        pl.col("listed_as").is_not_null().alias("listed")
    )


def relation_edges(relations: pl.DataFrame, entity_of: pl.DataFrame) -> pl.DataFrame:
    """Relations between parties, as entity edges (src controls / relates to dst)."""
    ids = entity_of.filter(pl.col("party_id").is_not_null()).select("party_id", "entity_id")
    edges = relations.join(
        ids.rename({"party_id": "src_party_id", "entity_id": "src"}), on="src_party_id"
    ).join(ids.rename({"party_id": "dst_party_id", "entity_id": "dst"}), on="dst_party_id")
    share = pl.col("share").cast(pl.Float64) if "share" in edges else pl.lit(None, pl.Float64)
    return edges.select(
        "src",
        "dst",
        pl.lit("relation").alias("kind"),
        pl.col("relation").str.to_lowercase().alias("label"),
        share.alias("value"),
        pl.format("{} of", pl.col("relation").str.to_lowercase()).alias("detail"),
    )


def contact_edges(records: pl.DataFrame, entity_of: pl.DataFrame, limit: int) -> pl.DataFrame:
    """Entities sharing a phone, e-mail or address (a star per shared contact)."""
    keyed = records.join(entity_of.select("record_id", "entity_id"), on="record_id").select(
        "entity_id",
        pl.concat_list(
            pl.format("phone {}", pl.col("phone").str.replace_all(r"\D", "").str.slice(-9)),
            pl.format("e-mail {}", pl.col("email").str.to_lowercase().str.strip_chars()),
            pl.format(
                "address {}", pl.col("address").str.to_lowercase().str.replace_all(r"[\W_]", "")
            ),
        ).alias("contact"),
    )
    contacts = (
        keyed.explode("contact")
        .drop_nulls("contact")
        .filter(~pl.col("contact").str.ends_with(" "))
        .unique()
    )
    contacts = contacts.filter(pl.len().over("contact").is_between(2, limit))
    first = (
        contacts.sort("entity_id").group_by("contact").agg(pl.col("entity_id").first().alias("hub"))
    )
    return (
        contacts.join(first, on="contact")
        .filter(pl.col("entity_id") != pl.col("hub"))
        .select(
            pl.col("hub").alias("src"),
            pl.col("entity_id").alias("dst"),
            pl.lit("contact").alias("kind"),
            pl.col("contact").str.split(" ").list.first().alias("label"),
            pl.lit(None, dtype=pl.Float64()).alias("value"),
            pl.format("shares {}", pl.col("contact")).alias("detail"),
        )
    )


def line_edges(lines: pl.DataFrame) -> pl.DataFrame:
    """Trade, declarant and end-user edges from declaration lines with entity ids.

    ``lines``: declaration_id, line_no, exporter, consignee, end_user, declarant (entity
    ids, nullable), hs_code, value.
    """
    trade = (
        lines.drop_nulls(["exporter", "consignee"])
        .group_by("exporter", "consignee")
        .agg(
            pl.col("value").sum(),
            pl.len().alias("n"),
            pl.col("hs_code").unique().sort().head(5).str.join(","),
        )
        .select(
            pl.col("exporter").alias("src"),
            pl.col("consignee").alias("dst"),
            pl.lit("trade").alias("kind"),
            pl.lit("exports to").alias("label"),
            pl.col("value").cast(pl.Float64),
            pl.format("exports to ({} lines, HS {})", pl.col("n"), pl.col("hs_code")).alias(
                "detail"
            ),
        )
    )
    declarant = (
        lines.drop_nulls(["declarant", "exporter"])
        .group_by("declarant", "exporter")
        .agg(pl.len().alias("n"))
        .select(
            pl.col("declarant").alias("src"),
            pl.col("exporter").alias("dst"),
            pl.lit("declarant").alias("kind"),
            pl.lit("lodges for").alias("label"),
            pl.col("n").cast(pl.Float64).alias("value"),
            pl.format("lodges declarations for ({} lines)", pl.col("n")).alias("detail"),
        )
    )
    end_user = (
        lines.drop_nulls(["consignee", "end_user"])
        .filter(pl.col("consignee") != pl.col("end_user"))
        .group_by("consignee", "end_user")
        .agg(pl.len().alias("n"))
        .select(
            pl.col("consignee").alias("src"),
            pl.col("end_user").alias("dst"),
            pl.lit("end_user").alias("kind"),
            pl.lit("declares end user").alias("label"),
            pl.col("n").cast(pl.Float64).alias("value"),
            pl.lit("declares as end user").alias("detail"),
        )
    )
    return pl.concat([trade, declarant, end_user])


def build_graph(nodes: pl.DataFrame, edges: pl.DataFrame) -> ig.Graph:
    """An undirected igraph graph with vertex ``name`` = entity_id and edge attributes."""
    index = {e: i for i, e in enumerate(nodes["entity_id"].to_list())}
    kept = edges.filter(pl.col("src").is_in(list(index)) & pl.col("dst").is_in(list(index)))
    pairs = list(
        zip(
            kept["src"].replace_strict(index, return_dtype=pl.Int64).to_list(),
            kept["dst"].replace_strict(index, return_dtype=pl.Int64).to_list(),
            strict=True,
        )
    )
    graph = ig.Graph(n=len(index), edges=pairs, directed=False)
    graph.vs["name"] = nodes["entity_id"].to_list()
    graph.es["kind"] = kept["kind"].to_list()
    graph.es["detail"] = kept["detail"].to_list()
    graph.es["src"] = kept["src"].to_list()
    graph.es["weight"] = [WEIGHTS[k] for k in kept["kind"].to_list()]
    return graph


def _proximity_edges(graph: ig.Graph) -> pl.DataFrame:
    """The lightest proximity edge between each pair of vertices (u < v), with its words."""
    ends = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    frame = pl.DataFrame(
        {
            "u": ends[:, 0],
            "v": ends[:, 1],
            "kind": graph.es["kind"],
            "weight": graph.es["weight"],
            "detail": graph.es["detail"],
            "src": graph.es["src"],
        },
        schema_overrides={"kind": pl.String(), "detail": pl.String(), "src": pl.String()},
    ).with_row_index("edge")
    frame = frame.filter(pl.col("kind").is_in(list(PROXIMITY_KINDS)))
    return (
        frame.with_columns(
            pl.min_horizontal("u", "v").alias("a"), pl.max_horizontal("u", "v").alias("b")
        )
        .sort("weight", "edge")
        .unique(["a", "b"], keep="first", maintain_order=True)
    )


def _csgraph(edges: pl.DataFrame, n: int, weights: bool) -> csr_matrix:
    """A symmetric sparse adjacency matrix (weights, or 1 per edge) for scipy's csgraph."""
    values = edges["weight"].to_numpy() if weights else np.ones(edges.height)
    rows = np.concatenate([edges["a"].to_numpy(), edges["b"].to_numpy()])
    cols = np.concatenate([edges["b"].to_numpy(), edges["a"].to_numpy()])
    return csr_matrix((np.concatenate([values, values]), (rows, cols)), shape=(n, n))


def _hops_from(unit: csr_matrix, origin: np.ndarray, targets: np.ndarray, limit: int) -> np.ndarray:
    """Unweighted hops from each target's ``origin`` to it (BFS per distinct origin)."""
    hops = np.full(targets.size, np.inf)
    sources = np.unique(origin[targets])
    for start in range(0, sources.size, 128):  # bounded memory: 128 rows of |V| at a time
        chunk = sources[start : start + 128]
        rows = dijkstra(unit, directed=False, indices=chunk, unweighted=True, limit=limit)
        row_of = {int(s): i for i, s in enumerate(chunk)}
        mine = np.isin(origin[targets], chunk)
        at = np.flatnonzero(mine)
        row_index = np.array([row_of[int(o)] for o in origin[targets[at]]], dtype=np.int64)
        hops[at] = rows[row_index, targets[at]]
    return hops


def proximity(graph: ig.Graph, nodes: pl.DataFrame, settings: NetworkSettings) -> pl.DataFrame:
    """Entities within ``hops`` of a listed entity: weighted distance and the path in words.

    One multi-source Dijkstra (scipy) from all listed entities at once finds each
    entity's nearest listed one and the path to it; hops are counted from that listed
    entity. Everything beyond ``hops`` edges of the heaviest proximity weight is never
    explored, so the cost follows the neighbourhoods of listed parties, not the graph.
    """
    empty = pl.DataFrame(
        schema={
            "entity_id": pl.String(),
            "distance": pl.Float64(),
            "hops": pl.Int64(),
            "path": pl.String(),
        }
    )
    listed = np.flatnonzero(nodes["listed"].fill_null(False).to_numpy())
    edges = _proximity_edges(graph)
    if not listed.size or edges.is_empty():
        return empty
    n = graph.vcount()
    limit = settings.hops * max(WEIGHTS[k] for k in PROXIMITY_KINDS) + 1e-9
    dist, pred, origin = dijkstra(
        _csgraph(edges, n, weights=True),
        directed=False,
        indices=listed,
        min_only=True,
        return_predecessors=True,
        limit=limit,
    )
    reached = np.isfinite(dist)
    reached[listed] = False
    targets = np.flatnonzero(reached)
    hops = _hops_from(_csgraph(edges, n, weights=False), origin, targets, settings.hops)
    keep = np.isfinite(hops) & (hops <= settings.hops)
    targets, hops = targets[keep], hops[keep]
    ids = graph.vs["name"]
    names = dict(zip(nodes["entity_id"].to_list(), nodes["name"].to_list(), strict=True))
    listed_as = dict(zip(nodes["entity_id"].to_list(), nodes["listed_as"].to_list(), strict=True))
    step = {
        (a, b): (detail, src)
        for a, b, detail, src in edges.select("a", "b", "detail", "src").iter_rows()
    }
    rows: list[tuple[str, float, int, str]] = []
    for target, hop in zip(targets.tolist(), hops.tolist(), strict=True):
        words, here = [], target
        while here != origin[target]:
            there = int(pred[here])
            detail, src = step[(min(here, there), max(here, there))]
            verb = detail if src == ids[here] else f"[{detail}]"
            words.append(f"{verb} → {names[ids[there]]}")
            here = there
        rows.append(
            (
                ids[target],
                float(dist[target]),
                int(hop),
                f"{names[ids[target]]} "
                + " ".join(words)
                + f" (listed: {listed_as[ids[int(origin[target])]]})",
            )
        )
    return pl.DataFrame(rows, schema=empty.schema, orient="row") if rows else empty


def recently_incorporated(
    nodes: pl.DataFrame, first_lines: pl.DataFrame, days: int
) -> pl.DataFrame:
    """Entities with their first line in a role and whether they were incorporated at most
    ``days`` before it: a company formed shortly before it trades is the classic front
    (a shell exporter, a consignee set up to receive controlled goods).

    Rechunked: formatting filtered rows of the joined frame, whose columns came in unequal
    chunks, made Polars 2.1 panic ("assertion failed: i < self.len()"; seed-2 world of
    100,000 lines).
    """
    return (
        nodes.join(first_lines, on="entity_id")
        .rechunk()
        .with_columns(
            (
                pl.col("incorporated_at").is_not_null()
                & ((pl.col("first_line") - pl.col("incorporated_at")).dt.total_days() <= days)
            ).alias("recent")
        )
    )


def brokers(
    edges: pl.DataFrame, exporters: pl.DataFrame, graph: ig.Graph, settings: NetworkSettings
) -> pl.DataFrame:
    """Parties controlling several recent exporters, with betweenness and the shells.

    The shells must also be most of what the party controls, well above the share of
    recent exporters among all of them: independent worlds record customs brokerages as
    the agents of 20-540 exporters, a fifth of them recent like everyone's, and counting
    three recent ones alone made every brokerage a broker (72,350 of 100,000 lines
    flagged in one; BENCHMARKS.md, "A brokerage is not a broker").
    """
    controlled = edges.filter(
        (pl.col("kind") == "relation") & pl.col("label").is_in(list(CONTROL_RELATIONS))
    ).join(
        exporters.select(pl.col("entity_id").alias("dst"), pl.col("name").alias("shell"), "recent"),
        on="dst",
    )
    base = int(exporters["recent"].cast(pl.Int64).sum()) / max(exporters.height, 1)
    floor = min(1.0, max(settings.shell_share, settings.shell_share_over_base * base))
    recent = pl.col("recent")
    counted = (
        controlled.group_by("src")
        .agg(
            pl.col("dst").filter(recent).n_unique().alias("shells"),
            pl.col("dst").n_unique().alias("controlled"),
            pl.col("shell").filter(recent).unique().sort().head(8).str.join(", ").alias("names"),
            pl.col("label").filter(recent).unique().sort().str.join("/").alias("how"),
        )
        .filter(
            (pl.col("shells") >= settings.shells_per_broker)
            & (pl.col("shells") >= floor * pl.col("controlled"))
        )
        .drop("controlled")
    )
    if counted.is_empty():
        return counted.with_columns(pl.lit(None, dtype=pl.Float64()).alias("betweenness"))
    sub = graph.subgraph_edges(
        graph.es.select(kind_in=["relation", "contact", "declarant"]), delete_vertices=False
    )
    between = sub.betweenness(directed=False, cutoff=4)
    top = max(max(between), 1.0)
    scores = pl.DataFrame({"src": graph.vs["name"], "betweenness": [b / top for b in between]})
    return counted.join(scores, on="src", how="left").sort(
        ["shells", "betweenness"], descending=True
    )


def shell_clusters(
    edges: pl.DataFrame, exporters: pl.DataFrame, settings: NetworkSettings
) -> pl.DataFrame:
    """Communities of exporters tied by shared contacts or a common controller."""
    ids = exporters.select("entity_id")
    contact = edges.filter(pl.col("kind") == "contact").select("src", "dst", "detail")
    control = edges.filter(
        (pl.col("kind") == "relation") & pl.col("label").is_in(list(CONTROL_RELATIONS))
    )
    common = control.join(control, on="src", suffix="_b").filter(pl.col("dst") < pl.col("dst_b"))
    common = common.select(
        pl.col("dst").alias("src"),
        pl.col("dst_b").alias("dst"),
        pl.format("common {} {}", pl.col("label"), pl.col("src")).alias("detail"),
    )
    ties = (
        pl.concat([contact, common])
        .join(ids, left_on="src", right_on="entity_id")
        .join(ids, left_on="dst", right_on="entity_id")
    )
    members = exporters["entity_id"].to_list()
    index = {e: i for i, e in enumerate(members)}
    graph = ig.Graph(
        n=len(members),
        edges=list(
            zip(
                ties["src"].replace_strict(index, return_dtype=pl.Int64).to_list(),
                ties["dst"].replace_strict(index, return_dtype=pl.Int64).to_list(),
                strict=True,
            )
        ),
    )
    cluster = pl.DataFrame(
        {"entity_id": members, "cluster": graph.connected_components().membership},
        schema={"entity_id": pl.String(), "cluster": pl.Int64()},
    )
    how = pl.concat(
        [
            ties.select(pl.col("src").alias("entity_id"), "detail"),
            ties.select(pl.col("dst").alias("entity_id"), "detail"),
        ]
    )
    how = how.group_by("entity_id").agg(pl.col("detail").unique().sort().head(3).str.join("; "))
    summary = (
        exporters.join(cluster, on="entity_id")
        .group_by("cluster")
        .agg(pl.len().alias("size"), pl.col("recent").sum().alias("recent_n"))
        .filter(
            (pl.col("size") >= settings.min_cluster) & (pl.col("recent_n") * 2 >= pl.col("size"))
        )
    )
    return (
        exporters.join(cluster, on="entity_id")
        .join(summary, on="cluster")
        .join(how, on="entity_id", how="left")
        .filter(pl.col("recent"))
        .select(
            "entity_id",
            "name",
            "cluster",
            "size",
            pl.format(
                "incorporated {}, first export {}; one of {} exporters ({} recent) tied by {}",
                pl.col("incorporated_at"),
                pl.col("first_line"),
                pl.col("size"),
                pl.col("recent_n"),
                pl.col("detail").fill_null("a common controller"),
            ).alias("evidence"),
        )
    )


def transshipment_chains(
    edges: pl.DataFrame, nodes: pl.DataFrame, near: pl.DataFrame
) -> pl.DataFrame:
    """Consignees in one country tied (≤2 hops) to a listed or near-listed entity elsewhere."""
    ties = edges.filter(pl.col("kind").is_in(["relation", "contact"]))
    both = pl.concat(
        [
            ties.select("src", "dst", "detail"),
            ties.select(
                pl.col("dst").alias("src"),
                pl.col("src").alias("dst"),
                pl.format("[{}]", pl.col("detail")).alias("detail"),
            ),
        ]
    )
    consignees = edges.filter(pl.col("kind") == "trade").select(pl.col("dst").alias("src")).unique()
    one = consignees.join(both, on="src")
    two = one.join(both.rename({"src": "dst", "dst": "far", "detail": "detail2"}), on="dst").filter(
        pl.col("far") != pl.col("src")
    )
    reach = pl.concat(
        [
            one.select(
                "src",
                pl.col("dst").alias("far"),
                pl.col("detail").alias("how"),
                pl.lit(None, dtype=pl.String()).alias("via"),
            ),
            two.select(
                "src",
                "far",
                pl.format("{} … {}", pl.col("detail"), pl.col("detail2")).alias("how"),
                pl.col("dst").alias("via"),
            ),
        ]
    )
    flagged = pl.concat(
        [
            nodes.filter(pl.col("listed")).select(
                "entity_id", pl.format("listed: {}", pl.col("listed_as")).alias("why")
            ),
            near.select(
                "entity_id", pl.format("{} hop(s) from a listed party", pl.col("hops")).alias("why")
            ),
        ]
    ).unique("entity_id")
    geo = nodes.select("entity_id", "name", "country")
    chains = (
        reach.join(flagged, left_on="far", right_on="entity_id")
        .join(geo, left_on="src", right_on="entity_id")
        .join(
            geo.rename({"name": "far_name", "country": "far_country"}),
            left_on="far",
            right_on="entity_id",
        )
        .filter((pl.col("country") != pl.col("far_country")).fill_null(False))
        .join(
            nodes.filter(pl.col("listed")).select("entity_id"),
            left_on="src",
            right_on="entity_id",
            how="anti",
        )
    )
    return (
        chains.sort("src", "far")
        .unique("src", keep="first")
        .select(
            pl.col("src").alias("entity_id"),
            "name",
            pl.format(
                "consignee {} ({}) {} → {} ({}; {})",
                pl.col("name"),
                pl.col("country"),
                pl.col("how"),
                pl.col("far_name"),
                pl.col("far_country"),
                pl.col("why"),
            ).alias("evidence"),
        )
    )
