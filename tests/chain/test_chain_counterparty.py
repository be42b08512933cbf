"""Counterparties: booked against moved, with lags; one-sided movements."""

from __future__ import annotations

import polars as pl
from chain_factories import ChainSpec, chain_tables

from orewatch.chain import chain_findings
from orewatch.chain.balance import reconcile
from orewatch.chain.counterparty import booked_vs_moved, one_sided_movements


def _booked(spec: ChainSpec) -> pl.DataFrame:
    tables = chain_tables(spec)
    rows, _ = reconcile(tables["production"])
    exporting = pl.DataFrame({"facility_id": ["FW"]})
    return booked_vs_moved(rows, tables["movements"], exporting).join(
        rows.select("facility_id", "material", "month", "allowed_kg"),
        on=["facility_id", "material", "month"],
    )


def test_a_receipt_booked_a_month_late_is_not_a_mismatch() -> None:
    b = _booked(ChainSpec(lag_month=5))
    assert (b["receipt_mismatch_kg"] <= b["allowed_kg"]).all()


def test_a_receipt_never_booked_is_a_mismatch() -> None:
    tables = chain_tables()
    production = tables["production"].with_columns(
        pl.when((pl.col("facility_id") == "FW") & (pl.col("period") == "2025-03"))
        .then(0.0)
        .otherwise(pl.col("received_kg"))
        .alias("received_kg"),
        pl.when((pl.col("facility_id") == "FW") & (pl.col("period") == "2025-03"))
        .then(0.0)
        .otherwise(pl.col("shipped_kg"))
        .alias("shipped_kg"),
    )
    findings = chain_findings({**tables, "production": production})
    hit = findings.flagged()
    assert hit.select("facility_id", "period").rows() == [("FW", "2025-03")]
    assert hit["reasons"][0] == "RECEIPT_MISMATCH"
    assert "vs 114.0 kg moved in" in hit["evidence"][0]


def test_movement_to_an_unregistered_party_is_one_sided() -> None:
    tables = chain_tables(ChainSpec(unknown_receiver_kg=30.0))
    rows, _ = reconcile(tables["production"])
    one = one_sided_movements(tables["movements"], rows, tables["facilities"])
    assert one.select("from_id", "to_id", "side", "problem").rows() == [
        ("FR", "PX999", "receiver", "unknown_party")
    ]


def test_material_outside_registration_is_flagged() -> None:
    tables = chain_tables()
    facilities = tables["facilities"].with_columns(
        pl.when(pl.col("facility_id") == "FW")
        .then(pl.lit(["antimony:metal"]))
        .otherwise(pl.col("materials"))
        .alias("materials")
    )
    rows, _ = reconcile(tables["production"])
    one = one_sided_movements(tables["movements"], rows, facilities)
    assert set(one["problem"]) == {"not_registered"}
    assert one.height == 12
