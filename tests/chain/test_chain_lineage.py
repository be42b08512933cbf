"""Lineage: back from a declaration or lot, forward from a facility."""

from __future__ import annotations

import polars as pl
import pytest
from chain_factories import EXPORTER, ChainSpec, chain_tables

from orewatch.chain import chain_findings
from orewatch.chain.lineage import trace_report
from orewatch.controls.materials import load_materials


def test_declaration_traces_back_to_refinery_and_mine() -> None:
    tables = chain_tables()
    report = trace_report(tables, chain_findings(tables), load_materials(), declaration_id="D005")
    assert report["element"] == "gallium"
    assert report["period"] == "2025-06"
    by_facility = {s["facility_id"]: s for s in report["sources"]}
    assert by_facility["FW"]["depth"] == 0
    assert by_facility["FR"]["depth"] == 1 and by_facility["FR"]["confidence"] == pytest.approx(1.0)
    assert by_facility["FM"]["depth"] == 2 and by_facility["FM"]["material"] == "gallium:crude"


def test_a_party_id_operator_is_traced_as_its_exporter() -> None:
    """The exporter's warehouse operated by party "P-7", which registers the exporter's
    id: the trace still starts there and its exports are found going forward."""
    tables = chain_tables()
    tables["facilities"] = tables["facilities"].with_columns(
        pl.col("operator_id").replace({EXPORTER: "P-7"})
    )
    tables["parties"] = pl.DataFrame(
        {"party_id": ["P-7"], "kind": ["company"], "name": ["x"], "registration_id": [EXPORTER]}
    )
    findings = chain_findings(tables)
    back = trace_report(tables, findings, load_materials(), declaration_id="D005")
    assert {s["facility_id"]: s["depth"] for s in back["sources"]}["FW"] == 0
    forward = trace_report(tables, findings, load_materials(), facility_id="FM")
    assert {"D000", "D011"} <= {e["declaration_id"] for e in forward["exports"]}


def test_leaking_plant_is_an_off_book_candidate() -> None:
    tables = chain_tables(ChainSpec(gap_month=6))
    report = trace_report(tables, chain_findings(tables), load_materials(), declaration_id="D007")
    leak = [s for s in report["sources"] if s["basis"] == "leak"]
    assert [s["facility_id"] for s in leak] == ["FR"]
    assert leak[0]["confidence"] == pytest.approx(0.5)  # in the declared origin region
    assert leak[0]["kg"] > 20


def test_lot_traces_back_from_its_sender() -> None:
    tables = chain_tables()
    report = trace_report(tables, chain_findings(tables), load_materials(), lot_id="L0003")
    assert report["sources"][0]["facility_id"] == "FR"
    assert {s["facility_id"] for s in report["sources"]} == {"FR", "FM"}


def test_facility_traces_forward_to_exports() -> None:
    tables = chain_tables()
    report = trace_report(tables, chain_findings(tables), load_materials(), facility_id="FM")
    assert [d["facility_id"] for d in report["downstream"]] == ["FR", "FW"]
    exported = {e["declaration_id"] for e in report["exports"]}
    assert {"D000", "D011"} <= exported
    assert all(e["via"] == "FW" for e in report["exports"])


def test_unknown_ids_are_named() -> None:
    tables = chain_tables()
    findings = chain_findings(tables)
    with pytest.raises(LookupError, match="NOPE"):
        trace_report(tables, findings, load_materials(), declaration_id="NOPE")
    with pytest.raises(LookupError, match="FX"):
        trace_report(tables, findings, load_materials(), facility_id="FX")
    with pytest.raises(ValueError, match="exactly one"):
        trace_report(tables, findings, load_materials())
