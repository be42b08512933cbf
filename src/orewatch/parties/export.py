"""Exports of the party network: workbench JSON and FollowTheMoney entities.

- ``workbench_json``: ``{"nodes": [...], "edges": [...]}`` with every node's and edge's
  attributes, for the workbench's graph view.
- ``ftm_entities``: FollowTheMoney entities (one JSON object per line) — ``Company``,
  ``Person``, ``Address``, ``Ownership`` (owner → asset, with share) and
  ``Directorship`` (director → organization) — so that Aleph, OpenSanctions' tools and
  ``followthemoney`` itself read our findings. Ids are stable: ``ow-`` + the entity id
  for parties, a hash of the endpoints for relations. Values follow FtM's rule that
  every property holds a list of strings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from orewatch.io.atomic import atomic_open
from orewatch.parties.network import PartyGraph

OWNERSHIP = ("owner", "shareholder", "beneficial_owner")
DIRECTORSHIP = ("director", "legal_representative", "manager")


def workbench_json(graph: PartyGraph) -> dict[str, Any]:
    """Nodes and edges as plain JSON-ready dictionaries (dates as ISO strings)."""
    nodes = graph.nodes.with_columns(pl.col(pl.Date).cast(pl.String))
    return {
        "nodes": nodes.rename({"entity_id": "id"}).to_dicts(),
        "edges": graph.edges.rename({"src": "source", "dst": "target"}).to_dicts(),
    }


def _fid(*parts: str) -> str:
    return "ow-" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:20]


def _props(**values: object) -> dict[str, list[str]]:
    """FtM properties: lists of strings, empty values left out."""
    return {k: [str(v)] for k, v in values.items() if v is not None and str(v) != ""}


def ftm_entities(graph: PartyGraph) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities for every node and every ownership or directorship edge."""
    addresses: set[str] = set()
    for node in graph.nodes.with_columns(pl.col(pl.Date).cast(pl.String)).iter_rows(named=True):
        schema = "Person" if node["kind"] == "person" else "Company"
        entity_id = "ow-" + node["entity_id"]
        props = _props(
            name=node["name"],
            country=(node["country"] or "").lower() or None,
            registrationNumber=node.get("registration_id"),
            incorporationDate=node.get("incorporated_at") if schema == "Company" else None,
            topics="sanction" if node.get("listed") else None,
            notes=node.get("listed_as"),
        )
        address = node.get("address")
        if address:
            address_id = _fid("address", address)
            props["addressEntity"] = [address_id]
        if address and address_id not in addresses:
            addresses.add(address_id)
            yield {
                "id": address_id,
                "schema": "Address",
                "properties": _props(full=address),
            }
        yield {"id": entity_id, "schema": schema, "properties": props}
    relations = graph.edges.filter(pl.col("kind") == "relation")
    for edge in relations.iter_rows(named=True):
        label = edge["label"]
        src, dst = "ow-" + edge["src"], "ow-" + edge["dst"]
        if label in OWNERSHIP:
            share = edge["value"]
            yield {
                "id": _fid("own", src, dst, label),
                "schema": "Ownership",
                "properties": {
                    "owner": [src],
                    "asset": [dst],
                    "role": [label],
                    **({"percentage": [f"{share * 100:g}"]} if share is not None else {}),
                },
            }
        elif label in DIRECTORSHIP:
            yield {
                "id": _fid("dir", src, dst, label),
                "schema": "Directorship",
                "properties": {"director": [src], "organization": [dst], "role": [label]},
            }


def write_workbench(graph: PartyGraph, path: Path) -> None:
    """Write the workbench JSON atomically."""
    text = json.dumps(workbench_json(graph), ensure_ascii=False, default=str)
    with atomic_open(path) as handle:
        handle.write(text)


def write_ftm(graph: PartyGraph, path: Path) -> int:
    """Write FtM entities as JSON lines atomically; returns how many were written."""
    count = 0
    with atomic_open(path) as handle:
        for entity in ftm_entities(graph):
            handle.write(json.dumps(entity, ensure_ascii=False) + "\n")
            count += 1
    return count
