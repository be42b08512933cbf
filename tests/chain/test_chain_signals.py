"""chain_findings: the integration contract screening relies on."""

from __future__ import annotations

import polars as pl
import pytest
from chain_factories import EXPORTER, ChainSpec, chain_tables

from orewatch.chain import chain_findings
from orewatch.chain.signals import EXPORTER_COLUMNS, FACILITY_COLUMNS


def test_every_month_is_judged_and_ranked() -> None:
    findings = chain_findings(chain_tables(ChainSpec(gap_month=6)))
    facilities = findings.facilities
    assert facilities.height == 48
    assert list(facilities.columns) == [*FACILITY_COLUMNS, "month"]
    assert facilities["score"].is_sorted(descending=True)
    top = facilities.row(0, named=True)
    assert (top["facility_id"], top["period"], top["reasons"]) == ("FR", "2025-07", "BALANCE_GAP")
    assert "unaccounted for" in top["evidence"]


def test_exporter_supplied_by_a_leaking_plant_gets_a_signal() -> None:
    signals = chain_findings(chain_tables(ChainSpec(gap_month=6))).exporter_signals
    assert dict(signals.schema) == EXPORTER_COLUMNS
    assert signals.select("exporter_id", "code").rows() == [(EXPORTER, "SUPPLIER_LEAKING")]
    assert "from FR" in signals["evidence"][0]
    assert signals["elements"].to_list() == ["gallium"]  # screening weighs it on gallium
    # from the first receipt out of the flagged month on: nothing can leave before it came
    assert signals["since"][0].strftime("%Y-%m") == "2025-07"  # the flagged month


def test_exports_beyond_booked_supply() -> None:
    signals = chain_findings(chain_tables(ChainSpec(extra_exports_kg=500.0))).exporter_signals
    assert signals.select("exporter_id", "code").rows() == [(EXPORTER, "EXPORTS_EXCEED_SUPPLY")]
    assert "gallium" in signals["evidence"][0]
    assert signals["elements"].to_list() == ["gallium"]


def _operator_as_party(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The same chain with the exporter's warehouse operated by party "P-7", whose
    registration id is the exporter's (the contract allows either id)."""
    facilities = tables["facilities"].with_columns(pl.col("operator_id").replace({EXPORTER: "P-7"}))
    parties = pl.DataFrame(
        {"party_id": ["P-7"], "kind": ["company"], "name": ["x"], "registration_id": [EXPORTER]}
    )
    return {**tables, "facilities": facilities, "parties": parties}


def test_an_operator_named_by_party_id_is_the_exporter_it_registers() -> None:
    leaking = _operator_as_party(chain_tables(ChainSpec(gap_month=6)))
    signals = chain_findings(leaking).exporter_signals
    assert signals.select("exporter_id", "code").rows() == [(EXPORTER, "SUPPLIER_LEAKING")]
    beyond = _operator_as_party(chain_tables(ChainSpec(extra_exports_kg=500.0)))
    signals = chain_findings(beyond).exporter_signals
    assert signals.select("exporter_id", "code").rows() == [(EXPORTER, "EXPORTS_EXCEED_SUPPLY")]


def test_material_moved_to_the_exporter_itself_counts_as_received() -> None:
    """A movement may end at a party rather than a facility: the exporter received it."""
    tables = _operator_as_party(chain_tables(ChainSpec(gap_month=6)))
    movements = tables["movements"].with_columns(pl.col("to_id").replace({"FW": "P-7"}))
    facilities = tables["facilities"].filter(pl.col("facility_id") != "FW")
    production = tables["production"].filter(pl.col("facility_id") != "FW")
    direct = {**tables, "movements": movements, "facilities": facilities, "production": production}
    signals = chain_findings(direct).exporter_signals
    assert signals.select("exporter_id", "code").rows() == [(EXPORTER, "SUPPLIER_LEAKING")]
    assert signals["elements"].to_list() == ["gallium"]


def test_honest_chain_raises_nothing() -> None:
    findings = chain_findings(chain_tables(ChainSpec(late_month=4, lag_month=8)))
    assert findings.flagged().is_empty()
    assert findings.exporter_signals.is_empty()


def test_without_chain_tables_findings_are_empty() -> None:
    findings = chain_findings({})
    assert findings.facilities.is_empty()
    assert findings.exporter_signals.is_empty()


def test_a_missing_column_is_named() -> None:
    tables = chain_tables()
    with pytest.raises(ValueError, match=r"production.*closing_kg"):
        chain_findings({**tables, "production": tables["production"].drop("closing_kg")})


def test_over_capacity_is_flagged() -> None:
    tables = chain_tables()
    facilities = tables["facilities"].with_columns(
        pl.when(pl.col("facility_id") == "FR")
        .then(800.0)
        .otherwise(pl.col("capacity_kg_per_year"))
        .alias("capacity_kg_per_year")
    )
    flagged = chain_findings({**tables, "facilities": facilities}).flagged()
    assert set(flagged["facility_id"]) == {"FR"}
    assert flagged["reasons"].str.contains("OVER_CAPACITY").all()
