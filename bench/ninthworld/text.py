"""Text as clerks type it: look-alike typos, full-width forms and name spellings.

Applied to honest and fraudulent lines alike, so that a misspelt word is no sign of
fraud. Every function works on a whole column (polars), drawing its choices from the
caller's generator so that a seed fixes the output.
"""

from __future__ import annotations

import numpy as np
import polars as pl

#: Look-alike swaps an OCR pass or a hurried clerk makes ("Gal1ium", "germanlum").
LOOKALIKE = (("l", "1"), ("i", "l"), ("o", "0"), ("m", "rn"), ("e", "c"), ("S", "5"))
_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {" ": "\u3000"}


def fullwidth(text: str) -> str:
    """The full-width form of ASCII text, as some Chinese input methods type it."""
    return "".join(_FULLWIDTH.get(ch, ch) for ch in text)


def typos(column: pl.Series, rng: np.random.Generator, share: float) -> pl.Series:
    """A share of values with one look-alike swap (first occurrence) each."""
    out = column
    pick = rng.integers(0, len(LOOKALIKE), column.len())
    hit = rng.random(column.len()) < share
    for k, (a, b) in enumerate(LOOKALIKE):
        mask = pl.Series(hit & (pick == k))
        out = pl.select(
            pl.when(mask).then(out.str.replace(a, b, literal=True)).otherwise(out)
        ).to_series()
    return out.alias(column.name)


def widen(column: pl.Series, rng: np.random.Generator, share: float) -> pl.Series:
    """A share of values typed in full-width letters and digits (distinct values mapped once)."""
    hit = pl.Series(rng.random(column.len()) < share)
    distinct = column.drop_nulls().unique().to_list()
    wide = column.replace({v: fullwidth(v) for v in distinct})
    return pl.select(pl.when(hit).then(wide).otherwise(column)).to_series().alias(column.name)


def trailing_space(column: pl.Series, rng: np.random.Generator, share: float) -> pl.Series:
    """A share of values with a trailing space, as copied from a form."""
    hit = pl.Series(rng.random(column.len()) < share)
    return (
        pl.select(pl.when(hit).then(column + " ").otherwise(column)).to_series().alias(column.name)
    )


def text_series(name: str, values: object) -> pl.Series:
    """A text column from an array that may hold missing values (None)."""
    arr = np.asarray(values, dtype=object)
    missing = pl.Series(arr == None)  # noqa: E711 - elementwise over an object array
    present = pl.Series(name, np.where(missing.to_numpy(), "", arr).astype(str))
    return pl.select(pl.when(missing).then(None).otherwise(present)).to_series().alias(name)
