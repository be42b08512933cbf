"""Company-name normalisation for exact comparisons across documents.

Lower case, full-width to half-width, punctuation removed, legal forms dropped, so that
"ACME Co., Ltd." and "Acme Company Limited" compare equal. Entity resolution proper
(fuzzy, cross-script) belongs to the parties layer; this is the cheap first step.
"""

from __future__ import annotations

import polars as pl

CHINESE_LEGAL_FORMS: tuple[str, ...] = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
LEGAL_FORMS: tuple[str, ...] = (
    "company limited",
    "co ltd",
    "co., ltd",
    "corporation",
    "corp",
    "incorporated",
    "inc",
    "limited",
    "ltd",
    "llc",
    "l l c",
    "gmbh",
    "ag",
    "pte",
    "pvt",
    "sdn bhd",
    "bhd",
    "fze",
    "fzco",
    "llp",
    "plc",
    "bv",
    "b v",
    "nv",
    "sa",
    "s a",
    "sas",
    "srl",
    "spa",
    "kk",
    "k k",
    "co",
    "jsc",
    "ooo",
    "tov",
    "s a de c v",
    "de cv",
    "sa de cv",
    "company",
)

_FORMS_PATTERN = (
    r"(?:^|\s)(?:"
    + "|".join(sorted((f.replace(".", r"\.") for f in LEGAL_FORMS), key=len, reverse=True))
    + r")(?:\s|$)"
)


#: Characters of each word after the first that an abbreviated name keeps ("Tech",
#: "Ind.", "Intl" against "Technologies", "Industries", "International").
ABBREVIATED = 3


def normalise_name_expr(name: pl.Expr) -> pl.Expr:
    """A comparison key for a company name (vectorised)."""
    return _key(name_words_expr(name))


def name_keys(name: pl.Expr, prefix: str) -> list[pl.Expr]:
    """``{prefix}_key`` and ``{prefix}_short`` (:func:`normalise_name_expr`,
    :func:`abbreviated_name_expr`) from one cleaning of the name."""
    words = name_words_expr(name)
    return [_key(words).alias(f"{prefix}_key"), _short(words).alias(f"{prefix}_short")]


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
        .str.replace_all(r"[()（）\[\]{}.,，。;；:：'\"&/\\-]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    # Drop legal forms wherever they stand as whole words (twice, for "co ltd" chains).
    for _ in range(2):
        cleaned = (
            cleaned.str.replace_all(_FORMS_PATTERN, " ")
            .str.replace_all(r"\s+", " ")
            .str.strip_chars()
        )
    chinese_suffix = "(?:" + "|".join(CHINESE_LEGAL_FORMS) + ")$"
    for _ in range(2):
        cleaned = cleaned.str.replace(chinese_suffix, "")
    return cleaned.str.strip_chars()
