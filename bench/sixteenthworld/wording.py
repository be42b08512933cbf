"""How goods are written on a declaration: names, declared elements and free text.

Chinese declarations carry the declared elements (申报要素) as a pipe-separated list
(brand type | preference | goods name | composition | use | form | brand); brokers who
work in English write a sentence instead, and some leave the field empty. Descriptions
are Chinese, English or both. Every writer here takes the good and a style, so honest
exporters and rings write with the same pen; only what they choose to write differs.
"""

from __future__ import annotations

import random

from sixteenthworld.goods import Good

BRANDS = ("无品牌", "NO BRAND", "金鑫牌", "HX", "ZY", "自有品牌", "境内自主品牌", "OEM")
_FORMS = {
    "metal": ("锭状", "ingot"),
    "oxide": ("粉末", "powder"),
    "wafer": ("片状", "wafers"),
}


def split_use(use: str) -> tuple[str, str]:
    zh, _, en = use.partition(" ")
    return zh, en or zh


def form_of(good: Good) -> tuple[str, str]:
    form = good.material.partition(":")[2]
    if good.unit == "pcs":
        return _FORMS["wafer"] if "wafer" in good.en.lower() else ("件", "pieces")
    if form in ("metal",) or "ingot" in good.en:
        return _FORMS["metal"]
    if form in ("oxide", "dioxide", "trioxide", "apt", "carbide") or "powder" in good.en:
        return _FORMS["oxide"]
    return ("块状", "lumps") if good.unit == "t" else ("其他", "other")


def description(
    good: Good, lang: str, rnd: random.Random, name: tuple[str, str] | None = None
) -> str:
    zh, en = name or (good.zh, good.en)
    if lang == "zh":
        return zh
    if lang == "en":
        return en.upper() if rnd.random() < 0.3 else en[:1].upper() + en[1:]
    return f"{zh} {en[:1].upper() + en[1:]}"


def specification(
    good: Good,
    style: str,
    rnd: random.Random,
    grade: str | None = None,
    use: str | None = None,
    name: tuple[str, str] | None = None,
    brand: str | None = None,
) -> str | None:
    """The declared elements of a line, in the exporter's (or broker's) style."""
    if style == "none":
        return None
    zh, en = name or (good.zh, good.en)
    grade_text = grade if grade is not None else rnd.choice(good.grades)
    use_zh, use_en = split_use(use if use is not None else rnd.choice(good.uses))
    form_zh, form_en = form_of(good)
    if style == "pipe":
        label = brand or rnd.choice(BRANDS)
        kind = "0" if label in ("无品牌", "NO BRAND") else rnd.choice(("1", "4"))
        return f"{kind}|3|{zh}|{grade_text}|{use_zh}|{form_zh}|{label}"
    packing = good.packing[1]
    return f"{en[:1].upper() + en[1:]}, {grade_text}, {form_en}, for {use_en}, packed in {packing}"


def sample_words(lang: str) -> tuple[str, str]:
    return ("样品", "sample of") if lang != "en" else ("样品", "Sample of")
