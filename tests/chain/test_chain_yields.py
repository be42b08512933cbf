"""Yields: drops while input holds are found; late reports and priors behave."""

from __future__ import annotations

import polars as pl
from chain_factories import ChainSpec, chain_tables

from orewatch.chain.balance import reconcile
from orewatch.chain.units import material_units
from orewatch.chain.yields import catalogue_prior, expected_yields, facility_yields, yield_ratio
from orewatch.controls.materials import load_materials


def _yields(spec: ChainSpec) -> pl.DataFrame:
    tables = chain_tables(spec)
    rows, _ = reconcile(tables["production"])
    materials = load_materials()
    units = material_units(rows["material"].unique().to_list(), materials)
    monthly = facility_yields(rows, units, tables["facilities"])
    return expected_yields(monthly, materials).with_columns(yield_ratio().alias("drop"))


def test_yield_drop_while_input_holds_is_flagged() -> None:
    y = _yields(ChainSpec(yield_month=7))
    hit = y.filter(pl.col("drop") > 1)
    assert hit.select("facility_id", "month").rows() == [("FR", 2025 * 12 + 7)]
    assert hit["yield_basis"][0] == "own history"
    assert abs(hit["expected_yield"][0] - 0.5) < 0.01


def test_late_input_report_is_not_a_yield_drop() -> None:
    y = _yields(ChainSpec(late_month=4))
    assert y["drop"].max() < 1  # type: ignore[operator]
    assert y.height == 11  # the late month and the next are one window


def test_catalogue_prior_from_content_and_recovery() -> None:
    materials = load_materials()
    prior = catalogue_prior(materials, "bauxite", "gallium:metal")
    assert prior is not None
    assert abs(prior - 50e-6 * 0.15) < 1e-9
    assert catalogue_prior(materials, "gallium:crude", "gallium:metal") is None
