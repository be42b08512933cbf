"""Workbench flow data: Sankey links and balance series."""

from __future__ import annotations

import json

import pytest
from chain_factories import ChainSpec, chain_tables

from orewatch.chain import chain_findings
from orewatch.chain.flows import balance_series, sankey


def test_sankey_by_kind_sums_the_movements() -> None:
    tables = chain_tables()
    data = sankey(tables["movements"], tables["facilities"], "gallium")
    links = {(link["source"], link["target"]): link for link in data["links"]}
    assert set(links) == {("alumina_refinery", "refinery"), ("refinery", "warehouse")}
    assert links[("refinery", "warehouse")]["value"] == pytest.approx(
        tables["movements"].filter(to_id="FW")["quantity_kg"].sum()
    )
    assert {n["id"] for n in data["nodes"]} == {"alumina_refinery", "refinery", "warehouse"}
    json.dumps(data)


def test_sankey_window_and_facility_nodes() -> None:
    tables = chain_tables()
    data = sankey(tables["movements"], None, "gallium:metal", "2025-03", "2025-04", by="facility")
    assert [(link["source"], link["target"], link["lots"]) for link in data["links"]] == [
        ("FR", "FW", 2)
    ]
    with pytest.raises(ValueError, match="by must be"):
        sankey(tables["movements"], None, by="region")


def test_balance_series_shows_the_gap_month() -> None:
    findings = chain_findings(chain_tables(ChainSpec(gap_month=6)))
    data = balance_series(findings, "FR", "gallium:metal")
    months = data["series"][0]["months"]
    assert len(months) == 12
    july = next(m for m in months if m["period"] == "2025-07")
    assert july["reasons"] == "BALANCE_GAP" and july["balance_gap_kg"] > 20
    json.dumps(data)
    with pytest.raises(LookupError):
        balance_series(findings, "NOPE")
