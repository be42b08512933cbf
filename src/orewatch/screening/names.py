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


def normalise_name_expr(name: pl.Expr) -> pl.Expr:
    """A comparison key for a company name (vectorised)."""
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
    return cleaned.str.replace_all(" ", "")
