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
from orewatch.screening.terms import named_elements

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


def code_materials(codes: pl.Series, catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """``hs_code, material, metal_fraction, element``: every form a declared code may name.

    The catalogue's own code names its form. A dataset may declare shorter codes (the
    contract allows six digits) or longer ones under an eight-digit catalogue line; such
    a code names every form it shares a prefix with (811292: gallium or germanium metal).
    """
    known = hs_materials(catalogue).with_columns(
        pl.col("material").str.split(":").list.first().alias("element")
    )
    distinct = pl.DataFrame({"hs_code": codes.cast(pl.String).drop_nulls().unique()})
    exact = distinct.join(known, on="hs_code", how="inner")
    near = (
        distinct.join(exact, on="hs_code", how="anti")
        .join(known.rename({"hs_code": "_code"}), how="cross")
        .filter(
            pl.col("_code").str.starts_with(pl.col("hs_code"))
            | pl.col("hs_code").str.starts_with(pl.col("_code"))
        )
        .select(exact.columns)
    )
    return pl.concat([exact, near])


def line_materials(lines: pl.DataFrame, catalogue: MaterialsCatalogue) -> pl.DataFrame:
    """``lines`` with the ``element``, ``material`` and ``metal_fraction`` their code and
    words name.

    Where the code names forms of several elements (a six-digit heading: every rare-earth
    oxide), the description decides (氧化铽 is terbium); a line still naming more than one
    element, or none of its code's, is left out. Of one element's forms the lowest metal
    fraction is taken, so an export is never counted as more metal than it could hold.
    Lines whose code names no form are left out.
    """
    candidates = code_materials(lines["hs_code"], catalogue)
    several = candidates.group_by("hs_code").agg(pl.col("element").n_unique() > 1).filter("element")
    keyed = lines.with_columns(
        pl.when(pl.col("hs_code").is_in(several["hs_code"].implode()))
        .then(pl.col("description").fill_null(""))
        .alias("_words")
    )
    words = keyed.select("hs_code", "_words").unique().drop_nulls("_words")
    named = words.with_columns(named_elements(pl.col("_words")).alias("_named")).explode("_named")
    chosen = (
        candidates.join(named, on="hs_code", how="left")
        .filter(pl.col("_words").is_null() | (pl.col("element") == pl.col("_named")))
        .group_by("hs_code", "_words")
        .agg(
            pl.col("element").n_unique().alias("_elements"),
            pl.col("element").first(),
            pl.col("material").sort_by("metal_fraction").first(),
            pl.col("metal_fraction").min(),
        )
        .filter(pl.col("_elements") == 1)
        .drop("_elements")
    )
    return keyed.join(chosen, on=["hs_code", "_words"], how="inner", nulls_equal=True).drop(
        "_words"
    )


def with_contained(
    frame: pl.DataFrame, units: pl.DataFrame, columns: Iterable[str], suffix: str = "_el"
) -> pl.DataFrame:
    """Add ``<column><suffix>`` = kilograms of element for each kilogram column."""
    joined = frame.join(units.select("material", "metal_fraction"), on="material", how="left")
    fraction = pl.col("metal_fraction").fill_null(1.0)
    return joined.with_columns(
        [(pl.col(c) * fraction).alias(f"{c}{suffix}") for c in columns]
    ).drop("metal_fraction")
