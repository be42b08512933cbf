"""Units: kilograms of a traded form -> kilograms of the controlled element it holds.

Balances of one material compare like with like, but yields (germanium dioxide in,
germanium metal out) and exports (declared by commodity code) need a common unit. The
figures come from the materials catalogue (``controls/data/materials.yaml``); a form the
catalogue does not know (a crude, a concentrate) keeps its own kilograms and is marked
``converted = False`` so that nothing pretends to a precision it does not have.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from orewatch.controls.materials import SYMBOLS, MaterialsCatalogue

UNIT_SCHEMA = {
    "material": pl.String(),
    "element": pl.String(),
    "metal_fraction": pl.Float64(),
    "converted": pl.Boolean(),
}


def form_fractions(catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """Every catalogued form with its element and metal mass fraction."""
    forms = [f for e in catalogue.elements.values() for f in e.forms]
    return pl.DataFrame(
        {
            "material": [f.material for f in forms],
            "element": [f.element for f in forms],
            "metal_fraction": [f.metal_fraction for f in forms],
        },
        schema={k: UNIT_SCHEMA[k] for k in ("material", "element", "metal_fraction")},
    )


def material_units(materials: Iterable[str], catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """``material, element, metal_fraction, converted`` for each distinct material code.

    Unknown forms of a known element (``gallium:crude``) keep fraction 1.0 with
    ``converted = False``; codes without an element prefix get a null element.
    """
    codes = pl.DataFrame({"material": sorted(set(materials))}, schema={"material": pl.String()})
    element = pl.col("material").str.split(":").list.first()
    return (
        codes.join(form_fractions(catalogue), on="material", how="left")
        .with_columns(
            pl.col("metal_fraction").is_not_null().alias("converted"),
            pl.coalesce(
                pl.col("element"),
                pl.when(element.is_in(list(SYMBOLS)) & pl.col("material").str.contains(":")).then(
                    element
                ),
            ).alias("element"),
            pl.col("metal_fraction").fill_null(1.0),
        )
        .select(list(UNIT_SCHEMA))
    )


def hs_materials(catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """``hs_code, material, metal_fraction``: which form a declared commodity code carries."""
    rows = [
        (code, f.material, f.metal_fraction)
        for e in catalogue.elements.values()
        for f in e.forms
        for code in f.hs_codes
    ]
    return pl.DataFrame(
        rows,
        schema={"hs_code": pl.String(), "material": pl.String(), "metal_fraction": pl.Float64()},
        orient="row",
    ).unique("hs_code", keep="first")


def with_contained(
    frame: pl.DataFrame, units: pl.DataFrame, columns: Iterable[str], suffix: str = "_el"
) -> pl.DataFrame:
    """Add ``<column><suffix>`` = kilograms of element for each kilogram column."""
    joined = frame.join(units.select("material", "metal_fraction"), on="material", how="left")
    fraction = pl.col("metal_fraction").fill_null(1.0)
    return joined.with_columns(
        [(pl.col(c) * fraction).alias(f"{c}{suffix}") for c in columns]
    ).drop("metal_fraction")
