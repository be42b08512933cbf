"""Who counts as the broker behind shell exporters (``network.brokers``)."""

from __future__ import annotations

import polars as pl

from orewatch.parties.network import EDGE_SCHEMA, NetworkSettings, brokers, build_graph


def _exporters(recent: int, established: int, prefix: str) -> list[tuple[str, bool]]:
    return [(f"{prefix}R{i}", True) for i in range(recent)] + [
        (f"{prefix}O{i}", False) for i in range(established)
    ]


def _case() -> tuple[pl.DataFrame, pl.DataFrame]:
    """A person who owns four new companies and nothing else, a customs brokerage that is
    the agent of forty exporters (four of them new, as a tenth of all exporters are), and
    a hundred exporters nobody controls."""
    ring = _exporters(4, 0, "ring-")
    clients = _exporters(4, 36, "client-")
    others = _exporters(6, 94, "other-")
    exporters = pl.DataFrame(
        [(e, f"name of {e}", r) for e, r in ring + clients + others],
        schema={"entity_id": pl.String(), "name": pl.String(), "recent": pl.Boolean()},
        orient="row",
    )
    edges = pl.DataFrame(
        [("P-owner", e, "relation", "owner", None, "owner") for e, _ in ring]
        + [("K-brokerage", e, "relation", "agent", None, "agent") for e, _ in clients],
        schema=EDGE_SCHEMA,
        orient="row",
    )
    return exporters, edges


def test_a_brokerage_with_a_few_new_clients_among_many_is_not_a_broker() -> None:
    exporters, edges = _case()
    nodes = pl.concat(
        [exporters.select("entity_id"), pl.DataFrame({"entity_id": ["P-owner", "K-brokerage"]})]
    )
    found = brokers(edges, exporters, build_graph(nodes, edges), NetworkSettings())
    assert found["src"].to_list() == ["P-owner"]
    assert found["shells"].to_list() == [4]
    assert found["how"].to_list() == ["owner"]


def test_counting_new_clients_alone_would_have_named_the_brokerage() -> None:
    """The share is what tells the two apart: without it both are brokers."""
    exporters, edges = _case()
    nodes = pl.concat(
        [exporters.select("entity_id"), pl.DataFrame({"entity_id": ["P-owner", "K-brokerage"]})]
    )
    anyone = NetworkSettings(shell_share=0.0, shell_share_over_base=0.0)
    found = brokers(edges, exporters, build_graph(nodes, edges), anyone)
    assert set(found["src"]) == {"P-owner", "K-brokerage"}


def test_where_most_exporters_are_new_only_a_party_of_new_ones_alone_is_a_broker() -> None:
    """Twice the base share can pass one: the floor stops at all of them."""
    exporters = pl.DataFrame(
        {
            "entity_id": ["a", "b", "c", "d", "e", "f", "g"],
            "name": list("abcdefg"),
            "recent": [True, True, True, True, True, True, False],
        }
    )
    edges = pl.DataFrame(
        [("P1", e, "relation", "director", None, "director") for e in ("a", "b", "c")]
        + [("P2", e, "relation", "director", None, "director") for e in ("d", "e", "f", "g")],
        schema=EDGE_SCHEMA,
        orient="row",
    )
    nodes = pl.DataFrame({"entity_id": ["a", "b", "c", "d", "e", "f", "g", "P1", "P2"]})
    found = brokers(edges, exporters, build_graph(nodes, edges), NetworkSettings())
    assert found["src"].to_list() == ["P1"]
