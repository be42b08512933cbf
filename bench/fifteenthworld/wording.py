"""How a line's goods name and declared elements get written.

Customs brokers each have a house style: Chinese only, English only, both, a trade
abbreviation; declared elements (申报要素) in the pipe-separated form of the customs
system, as labelled Chinese fields, as an English sentence, or terse. The same good thus
reaches screening in many spellings, and a description alone says little. Samples,
off-spec lots and premium brands say so in their own words.
"""

from __future__ import annotations

import random

from fifteenthworld.goods import Good

DESCRIPTION_STYLES = ("zh", "en", "both", "short", "upper")
SPEC_STYLES = ("pipe", "fields", "english", "terse")

PREMIUM_BRANDS = ("ULTRAPURE", "NOVAPURE", "KRYSTAL-7N", "ZHIJING 至精", "APEX-MAT", "SUMMIT-HP")
HOUSE_BRANDS = ("无品牌", "无", "N/A", "境内自主品牌", "no brand", "自有品牌")


def description(rng: random.Random, good: Good, style: str, extra: str = "") -> str:
    """The goods name as a broker in ``style`` would write it."""
    zh, en = rng.choice(good.zh), rng.choice(good.en)
    if style == "zh":
        text = zh
    elif style == "en":
        text = en
    elif style == "both":
        text = f"{zh} {en}" if rng.random() < 0.6 else f"{zh}({en})"
    elif style == "short":
        text = good.short
    else:
        text = en.upper()
    if extra:
        text = f"{text} {extra}" if rng.random() < 0.5 else f"{extra}{text}"
    return text


def specification(
    rng: random.Random,
    good: Good,
    style: str,
    grade: str | None = None,
    use: str | None = None,
    brand: str | None = None,
    note: str | None = None,
) -> str:
    """Declared elements: grade or purity, form, use, brand, plus an optional note."""
    grade = grade if grade is not None else rng.choice(good.grades)
    form = rng.choice(good.forms)
    use = use if use is not None else rng.choice(good.uses)
    brand = brand if brand is not None else rng.choice(HOUSE_BRANDS)
    if style == "pipe":
        parts = ["0", "0", rng.choice(good.zh), grade, form, use, brand, "无型号"]
        text = "|".join(parts)
    elif style == "fields":
        text = f"品名:{good.zh[0]}|成分含量:{grade}|形状:{form}|用途:{use}|品牌:{brand}"
    elif style == "english":
        text = f"Grade {grade}; form: {form}; use: {use}; brand: {brand}"
    else:
        text = f"{grade} {form}"
    return (
        f"{text}|{note}"
        if note and style in {"pipe", "fields"}
        else (f"{text}; {note}" if note else text)
    )
