"""Integration: party findings for the screening engine (``party_findings``).

Runs the whole parties layer on a dataset's tables — records, resolution, screening
against the dataset's watchlist and any extra lists, the network and its analyses —
and returns ranked parties, line-level signals with reason codes and evidence, the
resolved entities and the graph. Screening decides what the codes weigh on a line
(e.g. whether a watchlist hit concerns sensitive goods); this module only finds.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import polars as pl

from orewatch.parties.network import (
    NetworkSettings,
    PartyGraph,
    brokers,
    build_graph,
    contact_edges,
    line_edges,
    proximity,
    recently_incorporated,
    relation_edges,
    shell_clusters,
    transshipment_chains,
    unlisted_nodes,
    with_listing,
)
from orewatch.parties.normalise import name_variants
from orewatch.parties.records import (
    ROLE_NAMES,
    line_record_ids,
    party_records,
    watchlist_queries,
)
from orewatch.parties.resolve import Resolution, ResolveSettings, resolve
from orewatch.parties.screen import ScreenSettings, screen
from orewatch.parties.watchlists import combine, normalise_watchlist
from orewatch.screening.reasons import ReasonTable, reason_table

PARTY_SCHEMA: dict[str, pl.DataType] = {
    "party_id": pl.String(),
    "name": pl.String(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}
LINE_SIGNAL_SCHEMA: dict[str, pl.DataType] = {
    "declaration_id": pl.String(),
    "line_no": pl.Int64(),
    "code": pl.String(),
    "evidence": pl.String(),
}
#: Points per controlled shell added to a broker's rank (beyond its reason weights).
POINTS_PER_SHELL = 4.0


@dataclass(frozen=True)
class PartySettings:
    """Settings of the whole parties layer."""

    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    screen: ScreenSettings = field(default_factory=ScreenSettings)
    network: NetworkSettings = field(default_factory=NetworkSettings)


@dataclass(frozen=True)
class PartyFindings:
    """What the parties layer found in one dataset."""

    parties: pl.DataFrame  # PARTY_SCHEMA, ranked
    line_signals: pl.DataFrame  # LINE_SIGNAL_SCHEMA
    entities: pl.DataFrame  # record_id, entity_id, source, party_id, name, kind, country, evidence
    graph: PartyGraph
    hits: pl.DataFrame  # screen.HIT_SCHEMA, query_id = record_id


def dataset_watchlist(
    tables: Mapping[str, pl.DataFrame], extra: pl.DataFrame | None
) -> pl.DataFrame:
    """The dataset's own watchlist plus any extra lists, in the common shape."""
    own = normalise_watchlist(tables["watchlist"]) if "watchlist" in tables else None
    return combine(own, extra)


def _listed(entities: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """Best hit per entity: ``listed_as`` (entry and list), score and explanation."""
    return (
        hits.join(
            entities.select(pl.col("record_id").alias("query_id"), "entity_id"), on="query_id"
        )
        # Ties broken by entry, so the same dataset names the same entry every run.
        .sort(["score", "entry_id", "query_id"], descending=[True, False, False])
        .unique("entity_id", keep="first")
        .select(
            "entity_id",
            pl.format("{} [{}]", pl.col("entry_name"), pl.col("list")).alias("listed_as"),
            pl.col("score").alias("list_score"),
            pl.col("explanation").alias("list_explanation"),
        )
    )


def _lines(declarations: pl.DataFrame, entities: pl.DataFrame) -> pl.DataFrame:
    """One row per line: the entity of each role, the commodity, value and date."""
    entity_of = entities.lazy().select("record_id", "entity_id")
    wide = line_record_ids(declarations)
    for role in ROLE_NAMES:
        wide = wide.join(
            entity_of.rename({"record_id": role, "entity_id": f"_{role}"}),
            on=role,
            how="left",
            maintain_order="left",
        )
    wide = wide.select("declaration_id", "line_no", *(pl.col(f"_{r}").alias(r) for r in ROLE_NAMES))
    facts = declarations.select(
        pl.col("hs_code").cast(pl.String)
        if "hs_code" in declarations
        else pl.lit(None, pl.String).alias("hs_code"),
        pl.col("value").cast(pl.Float64)
        if "value" in declarations
        else pl.lit(None, pl.Float64).alias("value"),
        pl.col("declared_at").cast(pl.Date).alias("declared_on")
        if "declared_at" in declarations
        else pl.lit(None, pl.Date).alias("declared_on"),
    )
    return pl.concat([wide.collect(), facts], how="horizontal")


def _licence_edges(
    licences: pl.DataFrame, entities: pl.DataFrame, records: pl.DataFrame
) -> pl.DataFrame:
    """Exporter → consignee edges for licences issued."""
    if not {"exporter_id", "consignee_name"} <= set(licences.columns):
        return pl.DataFrame(
            schema={
                "src": pl.String(),
                "dst": pl.String(),
                "kind": pl.String(),
                "label": pl.String(),
                "value": pl.Float64(),
                "detail": pl.String(),
            }
        )
    by_reg = (
        records.filter(pl.col("registration_id").is_not_null())
        .join(entities.select("record_id", "entity_id"), on="record_id")
        .unique("registration_id")
        .select("registration_id", pl.col("entity_id").alias("src"))
    )
    country = (
        pl.col("consignee_country").cast(pl.String)
        if "consignee_country" in licences
        else pl.lit(None, pl.String)
    )
    keyed = licences.with_columns(
        pl.format(
            "licenses.consignee:|{}|{}|", pl.col("consignee_name"), country.fill_null("")
        ).alias("record_id"),
        pl.col("exporter_id").cast(pl.String).str.to_uppercase().alias("registration_id"),
    )
    quantity = (
        pl.col("quantity_kg").cast(pl.Float64).sum()
        if "quantity_kg" in licences
        else pl.len().cast(pl.Float64)
    )
    return (
        keyed.join(by_reg, on="registration_id")
        .join(entities.select("record_id", pl.col("entity_id").alias("dst")), on="record_id")
        .group_by("src", "dst")
        .agg(quantity.alias("value"), pl.len().alias("n"))
        .select(
            "src",
            "dst",
            pl.lit("licence").alias("kind"),
            pl.lit("licensed to ship to").alias("label"),
            "value",
            pl.format("holds {} licence(s) to ship to", pl.col("n")).alias("detail"),
        )
    )


def _first_lines(lines: pl.DataFrame, role: str) -> pl.DataFrame:
    """Each entity's first declaration date in ``role``."""
    return (
        lines.drop_nulls(role)
        .group_by(pl.col(role).alias("entity_id"))
        .agg(pl.col("declared_on").min().alias("first_line"))
    )


def _new_consignees(consignees: pl.DataFrame) -> pl.DataFrame:
    """Consignees incorporated shortly before their first line (entity_id, evidence)."""
    return consignees.filter(pl.col("recent")).select(
        "entity_id",
        pl.format(
            "{} incorporated {}, first line {} ({} days later)",
            pl.col("name"),
            pl.col("incorporated_at"),
            pl.col("first_line"),
            (pl.col("first_line") - pl.col("incorporated_at")).dt.total_days(),
        ).alias("evidence"),
    )


def _signal(lines: pl.DataFrame, role: str, found: pl.DataFrame, code: str) -> pl.DataFrame:
    """Lines whose ``role`` entity is in ``found`` (entity_id, evidence)."""
    return lines.join(found.select(pl.col("entity_id").alias(role), "evidence"), on=role).select(
        "declaration_id", "line_no", pl.lit(code).alias("code"), "evidence"
    )


def party_findings(
    tables: Mapping[str, pl.DataFrame],
    extra_watchlists: pl.DataFrame | None = None,
    settings: PartySettings | None = None,
    reasons: ReasonTable | None = None,
) -> PartyFindings:
    """Resolve, screen and analyse a dataset's parties (any table may be missing)."""
    settings = settings or PartySettings()
    reasons = reasons or reason_table()
    watchlist = dataset_watchlist(tables, extra_watchlists)
    records = party_records(tables)
    variants = name_variants(records.select("record_id", "name", "alt_names"))
    resolution: Resolution = resolve(records, settings.resolve, variants)
    entities = resolution.entities
    entity_of = entities.select("record_id", "entity_id", "party_id")
    edge_parts = [contact_edges(records, entity_of, settings.network.max_contact_sharers)]
    if "relations" in tables:
        edge_parts.append(relation_edges(tables["relations"], entity_of))
    if "licenses" in tables:
        edge_parts.append(_licence_edges(tables["licenses"], entities, records))
    empty_lines = pl.DataFrame(
        schema={
            "declaration_id": pl.String(),
            "line_no": pl.Int64(),
            "exporter": pl.String(),
            "consignee": pl.String(),
            "end_user": pl.String(),
            "declarant": pl.String(),
            "hs_code": pl.String(),
            "value": pl.Float64(),
            "declared_on": pl.Date(),
        }
    )
    lines = _lines(tables["declarations"], entities) if "declarations" in tables else empty_lines
    edge_parts.append(line_edges(lines))
    edges = pl.concat([e.cast(_EDGE_TYPES) for e in edge_parts])  # type: ignore[arg-type]
    edges = edges.filter(pl.col("src") != pl.col("dst"))
    unlisted = unlisted_nodes(entities, records)
    graph = build_graph(unlisted, edges)
    # Exporters, brokers and shell clusters need no watchlist hit. Brokers (their
    # betweenness is the costliest step) are found beside the screening against the
    # watchlist, which leaves the GIL as well.
    days = settings.network.recent_days
    exporters = recently_incorporated(unlisted, _first_lines(lines, "exporter"), days)
    new_consignees = _new_consignees(
        recently_incorporated(unlisted, _first_lines(lines, "consignee"), days)
    )
    with ThreadPoolExecutor(max_workers=1) as beside:
        broker_job = beside.submit(
            brokers,
            edges,
            exporters,
            graph.copy(),  # igraph caches facts about a graph in it: one per thread
            settings.network,
        )
        queries = watchlist_queries(records)
        hits = screen(queries, watchlist, settings.screen, query_variants=variants)
        nodes = with_listing(unlisted, _listed(entities, hits))
        near = proximity(graph, nodes, settings.network)
        shells = shell_clusters(edges, exporters, settings.network)
        chains = transshipment_chains(edges, nodes, near)
        broker_rows = broker_job.result()

    party_signals = _party_signals(nodes, near, broker_rows, shells, chains, edges, new_consignees)
    parties = _rank(party_signals, nodes, broker_rows, reasons)
    line_signals = _line_signals(
        lines,
        nodes,
        near,
        broker_rows,
        shells,
        chains,
        edges,
        new_consignees,
        settings.network.line_hops,
    )
    for code in line_signals["code"].unique().to_list():
        reasons[code]  # refuses unknown codes
    return PartyFindings(
        parties=parties,
        line_signals=line_signals,
        entities=entities,
        graph=PartyGraph(nodes=nodes, edges=edges),
        hits=hits,
    )


_EDGE_TYPES: dict[str, pl.DataType] = {
    "src": pl.String(),
    "dst": pl.String(),
    "kind": pl.String(),
    "label": pl.String(),
    "value": pl.Float64(),
    "detail": pl.String(),
}


def _controlled(
    edges: pl.DataFrame, broker_rows: pl.DataFrame, names: pl.DataFrame
) -> pl.DataFrame:
    """Exporters controlled by a suspected broker, with the broker named."""
    from orewatch.parties.network import CONTROL_RELATIONS

    return (
        edges.filter(
            (pl.col("kind") == "relation") & pl.col("label").is_in(list(CONTROL_RELATIONS))
        )
        .join(broker_rows.select("src", "shells"), on="src")
        .join(names.rename({"entity_id": "src", "name": "broker"}), on="src")
        .select(
            pl.col("dst").alias("entity_id"),
            pl.format(
                "{} {} (controls {} recent exporters)",
                pl.col("broker"),
                pl.col("detail"),
                pl.col("shells"),
            ).alias("evidence"),
        )
        .unique("entity_id")
    )


def _party_signals(
    nodes: pl.DataFrame,
    near: pl.DataFrame,
    broker_rows: pl.DataFrame,
    shells: pl.DataFrame,
    chains: pl.DataFrame,
    edges: pl.DataFrame,
    new_consignees: pl.DataFrame,
) -> pl.DataFrame:
    names = nodes.select("entity_id", "name")
    parts = [
        nodes.filter(pl.col("listed")).select(
            "entity_id",
            pl.lit("PARTY_WATCHLISTED").alias("code"),
            pl.col("list_explanation").alias("evidence"),
        ),
        near.select(
            "entity_id",
            pl.lit("PARTY_NEAR_WATCHLIST").alias("code"),
            pl.col("path").alias("evidence"),
        ),
        broker_rows.select(
            pl.col("src").alias("entity_id"),
            pl.lit("PARTY_CONTROLLER_OF_SHELLS").alias("code"),
            pl.format(
                "{} of {} recent exporters: {}", pl.col("how"), pl.col("shells"), pl.col("names")
            ).alias("evidence"),
        ),
        broker_rows.filter(pl.col("betweenness") >= 0.2).select(
            pl.col("src").alias("entity_id"),
            pl.lit("PARTY_BROKER").alias("code"),
            pl.format(
                "betweenness {} of the highest in the control and contact graph",
                pl.col("betweenness").round(2),
            ).alias("evidence"),
        ),
        shells.select("entity_id", pl.lit("EXPORTER_SHELL_CLUSTER").alias("code"), "evidence"),
        _controlled(edges, broker_rows, names).select(
            "entity_id", pl.lit("EXPORTER_BROKER_CONTROLLED").alias("code"), "evidence"
        ),
        chains.select(
            "entity_id", pl.lit("CONSIGNEE_TRANSSHIPMENT_CHAIN").alias("code"), "evidence"
        ),
        new_consignees.select(
            "entity_id", pl.lit("CONSIGNEE_RECENTLY_INCORPORATED").alias("code"), "evidence"
        ),
    ]
    return pl.concat(
        [
            p.cast({"entity_id": pl.String(), "code": pl.String(), "evidence": pl.String()})
            for p in parts
        ]
    )


def _rank(
    signals: pl.DataFrame, nodes: pl.DataFrame, broker_rows: pl.DataFrame, reasons: ReasonTable
) -> pl.DataFrame:
    """``parties.csv`` rows: reason weights summed (watchlist weight × match score), ranked."""
    if signals.is_empty():
        return pl.DataFrame(schema=PARTY_SCHEMA)
    weights = reasons.frame().select("code", "weight")
    bonus = broker_rows.select(
        pl.col("src").alias("entity_id"), (pl.col("shells") * POINTS_PER_SHELL).alias("bonus")
    )
    scored = (
        signals.sort("entity_id", "code", "evidence")
        .unique(["entity_id", "code"], keep="first", maintain_order=True)
        .join(weights, on="code", how="left")
        .join(
            nodes.select("entity_id", "name", "party_id", "list_score"), on="entity_id", how="left"
        )
        .with_columns(
            pl.when(pl.col("code") == "PARTY_WATCHLISTED")
            .then(pl.col("weight") * pl.col("list_score").fill_null(1.0))
            .otherwise(pl.col("weight"))
            .alias("weight")
        )
    )
    return (
        scored.sort(["weight", "code"], descending=[True, False])
        .group_by("entity_id")
        .agg(
            pl.col("party_id").first(),
            pl.col("name").first(),
            pl.col("weight").sum().alias("score"),
            pl.col("code").str.join(";").alias("reasons"),
            pl.col("evidence").str.join(" | "),
        )
        .join(bonus, on="entity_id", how="left")
        .with_columns(
            (pl.col("score") + pl.col("bonus").fill_null(0.0)).round(2).alias("score"),
            pl.coalesce("party_id", "entity_id").alias("party_id"),
        )
        .sort(["score", "party_id"], descending=[True, False])
        .select(list(PARTY_SCHEMA))
        .cast(PARTY_SCHEMA)  # type: ignore[arg-type]
    )


def _line_signals(
    lines: pl.DataFrame,
    nodes: pl.DataFrame,
    near: pl.DataFrame,
    broker_rows: pl.DataFrame,
    shells: pl.DataFrame,
    chains: pl.DataFrame,
    edges: pl.DataFrame,
    new_consignees: pl.DataFrame,
    line_hops: int,
) -> pl.DataFrame:
    listed = nodes.filter(pl.col("listed")).select(
        "entity_id", pl.col("list_explanation").alias("evidence")
    )
    linked = near.filter(pl.col("hops") <= line_hops).select(
        "entity_id", pl.col("path").alias("evidence")
    )
    controlled = _controlled(edges, broker_rows, nodes.select("entity_id", "name"))
    parts = [
        _signal(lines, "consignee", listed, "CONSIGNEE_WATCHLISTED"),
        _signal(lines, "end_user", listed, "CONSIGNEE_WATCHLISTED"),
        _signal(lines, "exporter", listed, "EXPORTER_WATCHLISTED"),
        _signal(lines, "consignee", linked, "CONSIGNEE_LINKED_WATCHLIST"),
        _signal(lines, "end_user", linked, "CONSIGNEE_LINKED_WATCHLIST"),
        _signal(
            lines, "exporter", shells.select("entity_id", "evidence"), "EXPORTER_SHELL_CLUSTER"
        ),
        _signal(lines, "exporter", controlled, "EXPORTER_BROKER_CONTROLLED"),
        _signal(
            lines,
            "consignee",
            chains.select("entity_id", "evidence"),
            "CONSIGNEE_TRANSSHIPMENT_CHAIN",
        ),
        _signal(lines, "consignee", new_consignees, "CONSIGNEE_RECENTLY_INCORPORATED"),
    ]
    out = pl.concat([p.cast(LINE_SIGNAL_SCHEMA) for p in parts])  # type: ignore[arg-type]
    return out.unique(
        ["declaration_id", "line_no", "code"], keep="first", maintain_order=True
    ).sort("declaration_id", "line_no", "code")
