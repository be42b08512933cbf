"""Company-name normalisation for exact comparisons across documents.

Lower case, full-width to half-width, punctuation removed, legal forms dropped, so that
"ACME Co., Ltd." and "Acme Company Limited" compare equal; and the parties layer's keys
(:func:`party_keys`: other scripts, romanisations, translations). Fuzzy resolution
belongs to the parties layer.
"""

from __future__ import annotations

import polars as pl

from orewatch.parties.normalise import (
    CHINESE_SUFFIX_PATTERN,
    LATIN_ASIDE,
    LEGAL_FORMS_PATTERN,
    variant_keys,
)

#: Characters of each word after the first that an abbreviated name keeps ("Tech",
#: "Ind.", "Intl" against "Technologies", "Industries", "International").
ABBREVIATED = 3
#: An address key shorter than this places nothing (see :func:`address_key`).
ADDRESS_MIN_CHARACTERS = 8


def licence_key(number: pl.Expr) -> pl.Expr:
    """A licence number as documents drafted apart agree on it: full-width to half-width,
    upper case, letters and digits only ("25ly-1210 0075" is "25LY12100075")."""
    return _letters_and_digits(number.str.to_uppercase())


def address_key(address: pl.Expr) -> pl.Expr:
    """A delivery address as documents written apart agree on it: full-width to
    half-width, lower case, letters and digits only ("Unit 7B, Wing Fat Bldg." is
    "unit7bwingfatbldg"); null where no number stands in it or it is shorter than
    ADDRESS_MIN_CHARACTERS, for such text ("n/a", "same as above", "见发票") places
    nothing.
    """
    key = _letters_and_digits(address.str.to_lowercase())
    placed = key.str.contains(r"\p{N}") & (key.str.len_chars() >= ADDRESS_MIN_CHARACTERS)
    return pl.when(placed).then(key)


def _letters_and_digits(text: pl.Expr) -> pl.Expr:
    """Full-width to half-width, then only letters and digits of any script kept."""
    return text.str.normalize("NFKC").str.replace_all(r"[^\p{L}\p{N}]", "")


def normalise_name_expr(name: pl.Expr) -> pl.Expr:
    """A comparison key for a company name (vectorised)."""
    return _key(name_words_expr(name))


def name_keys(name: pl.Expr, prefix: str) -> list[pl.Expr]:
    """``{prefix}_key`` and ``{prefix}_short`` (:func:`normalise_name_expr`,
    :func:`abbreviated_name_expr`) from one cleaning of the name."""
    words = name_words_expr(name)
    return [_key(words).alias(f"{prefix}_key"), _short(words).alias(f"{prefix}_short")]


def party_keys(name: pl.Expr) -> pl.Expr:
    """Every key the parties layer compares the name by (a list): its own, its
    simplified-character form, its pinyin, its translation through the glossary
    (:func:`orewatch.parties.normalise.variant_keys`).

    A licence drafted in Chinese and a declaration in English name one consignee
    "昌嘉科技股份有限公司" and "Chang Jia Tech Co Ltd"; one drafted in Hong Kong writes
    "嘉華貿易", the other "嘉华贸易"; a Vietnamese buyer is "Cong Ty TNHH Aurora Optics" on
    one and "AURORA OPTICS" on the other. Each distinct name is normalised once per
    process (library calls per name, not per row); a new one costs about 10 ms, so
    callers pass only the names the cheap keys could not match (null elsewhere).
    """
    return name.map_batches(variant_keys, return_dtype=pl.List(pl.String), is_elementwise=True)


def abbreviated_name_expr(name: pl.Expr) -> pl.Expr:
    """A looser key: the first word whole, each later word cut to ``ABBREVIATED`` characters.

    One document writes "Gonsel Ind. Co., Ltd.", another "Gonsel Industries Co., Ltd.":
    the same company, abbreviated. The first word (the distinctive one) stays whole, and
    the words must line up one for one, so two companies still differ by their names.
    Names without spaces (Chinese) keep their whole key.
    """
    return _short(name_words_expr(name))


def _key(words: pl.Expr) -> pl.Expr:
    return words.str.replace_all(" ", "")


def _short(words: pl.Expr) -> pl.Expr:
    split = words.str.split(" ")
    later = split.list.slice(1).list.eval(pl.element().str.slice(0, ABBREVIATED)).list.join("")
    return pl.concat_str([split.list.first().fill_null(""), later.fill_null("")])


def name_words_expr(name: pl.Expr) -> pl.Expr:
    """A company name's words, lower case, without punctuation or legal forms."""
    cleaned = (
        name.fill_null("")
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(LATIN_ASIDE, " ")
        .str.replace_all(r"[()（）\[\]{}.,，。;；:：'\"&/\\-]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    # Drop legal forms wherever they stand as whole words (twice, for "co ltd" chains).
    for _ in range(2):
        cleaned = (
            cleaned.str.replace_all(LEGAL_FORMS_PATTERN, " ")
            .str.replace_all(r"\s+", " ")
            .str.strip_chars()
        )
    for _ in range(2):
        cleaned = cleaned.str.replace(CHINESE_SUFFIX_PATTERN, "")
    return cleaned.str.strip_chars()
