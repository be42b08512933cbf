"""Which inspection finds are export-control finds, and which are customs housekeeping.

An inspection record says fraud was found whenever its result is not ``clear``. But
customs checks find many things export control does not enforce: an ordinary good
declared under the wrong ordinary tariff line, a price a valuation officer corrected.
Taught as fraud, such finds teach the weights and the model to look for tariff
housekeeping, and they crowd the labels of datasets whose checks mostly find it (in the
independent generator's worlds two thirds of the finds are of that kind, and the model
taught by them lowered recall at 1 % from 0.705 to 0.669).

A find is kept as an export-control finding when

* its result is one only export control records (``unlicensed``, ``diverted``,
  ``concealed``: goods hidden from the declaration are smuggling whatever they are), or
* the goods could be controlled material: the line as declared is a controlled item or
  names a controlled element, or what the inspector found is (``found_hs_code`` a
  catalogue code on the inspection date, or ``found_description`` naming an element), or
* the record does not say what was found (no ``found_hs_code``, no
  ``found_description``): nothing shows it was housekeeping, so it stands.

Any other find (misdeclared or undervalued ordinary goods found to be other ordinary
goods) counts as an inspection that found no export-control fraud.
"""

from __future__ import annotations

import polars as pl

from orewatch.controls.catalogue import Catalogue
from orewatch.screening.features import could_be_controlled
from orewatch.screening.terms import named_elements

#: Results only export control records: they stand whatever the goods.
CONTROL_RESULTS: tuple[str, ...] = ("unlicensed", "diverted", "concealed")
#: The line's own control columns the judgement reads (from the features and catalogue).
LINE_CONTROL_COLUMNS: tuple[str, ...] = ("controlled", "named_elements", "control_elements")


def what_was_found(inspections: pl.DataFrame, catalogue: Catalogue) -> pl.DataFrame:
    """``_found_ctrl, _said`` per inspection row, for :func:`control_find`: whether what
    the inspector found could be controlled material (a catalogue code on the inspection
    date, or a description naming an element), and whether the record says at all."""
    found = pl.DataFrame(
        {
            "hs": _text(inspections, "found_hs_code"),
            "on": inspections["inspected_at"].cast(pl.Date),
            "to": pl.Series([None] * inspections.height, dtype=pl.String),
            "text": _text(inspections, "found_description"),
        }
    )
    controlled = catalogue.evaluate_frame(found, hs="hs", on="on", destination="to")
    return found.select(
        (
            controlled["controlled"].fill_null(False)
            | (named_elements(pl.col("text").fill_null("")).list.len() > 0)
        ).alias("_found_ctrl"),
        (
            (pl.col("hs").str.strip_chars().fill_null("") != "")
            | (pl.col("text").str.strip_chars().fill_null("") != "")
        ).alias("_said"),
    )


def line_could_be_controlled() -> pl.Expr:
    """The declared line is or names controlled material (the detectors' test), or the
    catalogue gave it control elements."""
    return could_be_controlled() | (pl.col("control_elements").list.len() > 0).fill_null(False)


def control_find(found: pl.Expr) -> pl.Expr:
    """``found`` narrowed to export-control finds, over an inspection joined to its line
    (columns ``result``, ``_found_ctrl``, ``_said`` and the line's control columns)."""
    standing = (
        pl.col("result").str.to_lowercase().str.strip_chars().is_in(CONTROL_RESULTS)
        | line_could_be_controlled()
        | pl.col("_found_ctrl")
        | ~pl.col("_said")
    )
    return found & standing


def _text(frame: pl.DataFrame, column: str) -> pl.Series:
    if column in frame.columns:
        return frame[column].cast(pl.String)
    return pl.Series(column, [None] * frame.height, dtype=pl.String)
