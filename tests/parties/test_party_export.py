from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from orewatch.parties.export import ftm_entities, workbench_json, write_ftm, write_workbench
from orewatch.parties.signals import party_findings


def test_workbench_json_has_every_node_and_edge(
    ring_tables: dict[str, pl.DataFrame], tmp_path: Path
) -> None:
    graph = party_findings(ring_tables).graph
    document = workbench_json(graph)
    assert len(document["nodes"]) == graph.nodes.height
    ids = {n["id"] for n in document["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in document["edges"])
    write_workbench(graph, tmp_path / "graph.json")
    assert json.loads((tmp_path / "graph.json").read_text("utf-8")) == json.loads(
        json.dumps(document, default=str)
    )


def test_followthemoney_entities_reference_each_other(
    ring_tables: dict[str, pl.DataFrame], tmp_path: Path
) -> None:
    graph = party_findings(ring_tables).graph
    entities = list(ftm_entities(graph))
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)  # ids are unique (shared addresses once)
    schemas = {e["schema"] for e in entities}
    assert {"Company", "Person", "Address", "Ownership", "Directorship"} <= schemas
    for entity in entities:
        assert all(isinstance(v, list) for v in entity["properties"].values())
        for prop in ("owner", "asset", "director", "organization", "addressEntity"):
            for ref in entity["properties"].get(prop, []):
                assert ref in by_id, (entity["schema"], prop, ref)
    ownership = [e for e in entities if e["schema"] == "Ownership"]
    assert {"90"} in [set(e["properties"].get("percentage", [])) for e in ownership]
    listed = [e for e in entities if "sanction" in e["properties"].get("topics", [])]
    assert [e["properties"]["name"] for e in listed] == [["Apex Keystone Photonics Corp."]]
    assert write_ftm(graph, tmp_path / "ftm.jsonl") == len(entities)
    lines = (tmp_path / "ftm.jsonl").read_text("utf-8").splitlines()
    assert json.loads(lines[0]) == entities[0]
