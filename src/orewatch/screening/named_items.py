"""Controlled items that a line's words name where its commodity code is silent.

The catalogue finds items by commodity code. Some controlled forms have no code of their
own: 2025 No.18 controls terbium- and dysprosium-bearing NdFeB magnets and samarium-cobalt
magnets, which are declared under 8505.11 beside every uncontrolled magnet, and the
declarant must say in words which kind the goods are. A line whose code matches no item,
but whose words name an element and such a form ("含铽钕铁硼磁体", "samarium-cobalt
magnets"), carries that element's item of that form as of its day. Its control columns
become the item's, marked ``match_kind`` :data:`NAMED_IN_WORDS`. Every rule then reads the
line as controlled: a missing licence, a licence for that item, the destination's bans.
The forms read are the terms' ``forms`` (``data/terms.yaml``). An element the words deny
("N35 不含镝铽") is not named (:func:`orewatch.screening.terms.named_elements`).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from orewatch.controls.catalogue import Catalogue
from orewatch.controls.frame import active_controls, combination, filled_controls, item_in_force

#: ``match_kind`` of a line whose item its words name, its code matching none.
NAMED_IN_WORDS = "named_in_words"


def pinned_elements() -> pl.Expr:
    """Of the elements whose items the line's code holds, those its words name (null
    where they name none of them).

    Some tariff lines hold several elements' items (2846.90.28: every listed rare earth's
    compound); the words ("镥化合物") then say which goods the line is, and what is
    checked of the item (its licence, its price) is checked of that element's."""
    pinned = (
        pl.col("named_elements").fill_null([]).list.set_intersection(pl.col("control_elements"))
    )
    return pl.when(pinned.list.len() > 0).then(pinned)


def code_silent_naming_a_form() -> pl.Expr:
    """Lines whose code matched no item and whose words name an element and a form."""
    return (
        ~pl.col("controlled")
        & (pl.col("named_elements").list.len() > 0)
        & (pl.col("named_forms").list.len() > 0)
    ).fill_null(False)


def with_named_items(
    lines: pl.DataFrame,
    catalogue: Catalogue,
    collect: Callable[[pl.DataFrame], pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """``lines`` (the feature frame after the catalogue's evaluation) with the control
    columns of code-silent lines filled from the items their words name. ``collect``
    answers :func:`named_controls` for those lines (the door runs it as a plan built once);
    by default it is built and collected here."""
    if "named_forms" not in lines.columns:
        return lines
    silent = lines.filter(code_silent_naming_a_form())
    if not silent.height:
        return lines
    named = (
        collect(silent)
        if collect is not None
        else named_controls(silent.lazy(), catalogue).collect()
    )
    return lines.update(named, on="_idx")


def named_controls(silent: pl.LazyFrame, catalogue: Catalogue) -> pl.LazyFrame:
    """Per line: the items of the elements and forms it names, in force on its day."""
    keys = combination(silent.collect_schema())
    pairs = (
        silent.select(
            "_idx",
            keys["_day"].alias("_day"),
            keys["_dest"].alias("_dest"),
            pl.col("named_elements").alias("element"),
            pl.col("named_forms").alias("form"),
        )
        .explode("element")
        .explode("form")
    )
    items = (
        catalogue.items_frame()
        .unique("control_id")
        .explode("forms")
        .rename({"forms": "form"})
        .drop("hs_code")
    )
    active = pairs.join(items.lazy(), on=["element", "form"]).filter(item_in_force(pl.col("_day")))
    return active_controls(active, catalogue.rules_frame(), ["_idx"]).select(
        "_idx", *filled_controls(), pl.lit(NAMED_IN_WORDS).alias("match_kind")
    )
