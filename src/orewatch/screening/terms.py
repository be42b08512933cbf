"""Which controlled materials a goods description names, in Chinese or English.

A first, transparent classifier: word lists per element (``data/terms.yaml``) compiled
into one regular expression each and evaluated over whole text columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import polars as pl
import yaml

#: A content in per cent, as a composition states it ("97%", "99.95 %", "3.6%"): one per
#: cent or more, so that an impurity limit ("Ga 0.001%") does not name its element.
_PER_CENT = r"(?:100|[1-9]\d?)(?:\.\d+)?\s*%"
#: A formula that is a bare element symbol ("Ga", "Sb") also names its element when a
#: content is glued to it ("Ga3.6%"), where the whole-word match cannot see it.
_SYMBOL = re.compile(r"[A-Z][a-z]?")
#: Word lists read as substrings: scripts written without spaces between words.
SUBSTRING_SCRIPTS: tuple[str, ...] = ("zh", "ja", "ko")
_EDGE_L = r"(?:^|[^A-Za-z0-9])"
_EDGE_R = r"(?:$|[^A-Za-z0-9])"


@dataclass(frozen=True)
class TermTable:
    """One compiled pattern per element, plus the purity and military-use patterns."""

    elements: dict[str, str]
    purity: str
    military: str | None = None
    not_military: str | None = None
    #: Spans that deny an element ("不含镝铽", "no Dy/Tb", "Dy-free"): cut before reading.
    absent: str = ""
    #: Catalogue form name -> its words (forms listed without a code of their own).
    forms: dict[str, str] = field(default_factory=dict)


def _alternation(words: list[str], escape: bool = True) -> str:
    parts = sorted((re.escape(w) if escape else w for w in words), key=len, reverse=True)
    return "|".join(parts)


def compile_terms(document: dict[str, object]) -> TermTable:
    """Turn the YAML word lists into regular expressions (whole-word for Latin script)."""
    elements_doc = document["elements"]
    assert isinstance(elements_doc, dict)
    patterns: dict[str, str] = {}
    for element, words in elements_doc.items():
        pattern = _pattern(words)
        assert pattern is not None, f"terms: element {element} has no words"
        patterns[str(element)] = pattern
    purity = _pattern(document["purity"])
    assert purity is not None, "terms: no purity words"
    military = document.get("military") or {}
    assert isinstance(military, dict)
    forms = document.get("forms") or {}
    assert isinstance(forms, dict)
    form_patterns = {str(form): _pattern(words) for form, words in forms.items()}
    return TermTable(
        patterns,
        purity,
        military=_pattern(military),
        not_military=_pattern(military.get("denied") or {}),
        absent=_absent_pattern(document.get("absent") or {}, elements_doc),
        forms={form: p for form, p in form_patterns.items() if p is not None},
    )


def _absent_pattern(words: object, elements: dict[str, object]) -> str:
    """The spans a denial covers: a denial word and the element names right after it,
    joined by separators ("不含镝、铽", "no Dy/Tb", "without terbium or dysprosium"), and an
    element name before "-free" ("Dy-free"). Only element names are cut: "不含税金属镓"
    (before tax, gallium metal) still names gallium."""
    assert isinstance(words, dict)
    names = _alternation(
        [
            str(w)
            for body in elements.values()
            if isinstance(body, dict)
            for key in ("zh", "ja", "ko", "en", "formulas", "composition")
            for w in body.get(key) or []
        ]
    )
    joiner = r"\s*(?:[、,，/&]|和|及|与|\band\b|\bor\b)?\s*"
    named = rf"(?:{names})(?:{joiner}(?:{names}))*"
    alts: list[str] = []
    if words.get("zh"):
        alts.append(rf"(?:{_alternation(words['zh'])})\s*{named}")
    if words.get("en"):
        alts.append(rf"(?i:\b(?:{_alternation(words['en'])})\s+{named})")
    alts.append(rf"(?i:(?:{names})-free\b)")
    return "|".join(alts)


def _pattern(words: object) -> str | None:
    """One regular expression for a YAML word list (None: no words): ``zh`` (simplified
    and traditional), ``ja`` and ``ko`` words as substrings (scripts without spaces
    between words), ``ru`` words as case-insensitive word beginnings (a stem takes any
    ending), ``en`` words whole-word and case-insensitive, ``formulas`` whole-word and
    case-sensitive, ``composition`` symbols only beside a content in per cent ("W 97%",
    "97%W"), ``patterns`` as written."""
    assert isinstance(words, dict)
    alts: list[str] = []
    for script in SUBSTRING_SCRIPTS:
        if words.get(script):
            alts.append(f"(?:{_alternation(words[script])})")
    if words.get("ru"):
        alts.append(rf"(?i:\b(?:{_alternation(words['ru'])})\w*)")
    if words.get("en"):
        alts.append(f"(?i:{_EDGE_L}(?:{_alternation(words['en'])}){_EDGE_R})")
    if words.get("formulas"):
        alts.append(f"{_EDGE_L}(?:{_alternation(words['formulas'])}){_EDGE_R}")
    composition = list(words.get("composition") or [])
    composition += [f for f in words.get("formulas") or [] if _SYMBOL.fullmatch(f)]
    if composition:
        symbols = _alternation(composition)
        alts.append(rf"{_EDGE_L}(?:{symbols})\s*(?:[:：=≥>]|含量)?\s*{_PER_CENT}")
        alts.append(rf"(?:^|[^\d.]){_PER_CENT}\s*(?:{symbols}){_EDGE_R}")
    alts += [f"(?:{p})" for p in words.get("patterns", [])]
    return "|".join(alts) or None


@cache
def term_table() -> TermTable:
    """The packaged word lists (read once)."""
    text = resources.files("orewatch.screening").joinpath("data/terms.yaml").read_text("utf-8")
    return compile_terms(yaml.safe_load(text))


def affirmed(text: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """The text without the spans that deny an element ("N35 不含镝铽" names neither)."""
    table = table or term_table()
    return text.str.replace_all(table.absent, " ") if table.absent else text


def named_elements(text: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """List of controlled elements the text names (empty list when none); an element the
    text denies ("不含铽", "Tb-free") is not named."""
    table = table or term_table()
    return elements_in(affirmed(text, table), table)


def elements_in(said: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """:func:`named_elements` of a text already :func:`affirmed`: for a plan run as
    written (the door's), where the denial cut inside each element's test would be
    worked out once per element."""
    return _which(said, (table or term_table()).elements)


def named_forms(text: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """List of the catalogue's code-less forms the text names (``forms`` in the terms)."""
    return _which(text, (table or term_table()).forms)


def _which(text: pl.Expr, patterns: dict[str, str]) -> pl.Expr:
    """The names of ``patterns`` whose pattern the text contains, in their order."""
    hits = [
        pl.when(text.str.contains(pattern)).then(pl.lit(name)).otherwise(pl.lit(None, pl.String))
        for name, pattern in patterns.items()
    ]
    if not hits:
        return pl.lit([], dtype=pl.List(pl.String))
    return pl.concat_list(hits).list.drop_nulls()


def names_purity(text: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """True where the text speaks of high purity or a refined form (4N, 99.99%, 靶材...)."""
    table = table or term_table()
    return text.str.contains(table.purity).fill_null(False)


#: A grade in nines written as "5N" (or "4N5"), whole-word on the left.
_NINES_WORD = r"(?:^|[^0-9A-Za-z])([2-9])N(?:$|[^A-Za-z])"
#: A content of 99 % or more in per cent ("99.995%", "≥99.99 %"): its nines are the grade.
_NINES_PER_CENT = r"(?:^|[^0-9.])99(?:\.(9*)\d*)?\s*%"


def purity_grade(text: pl.Expr) -> pl.Expr:
    """The highest purity grade the text states, in nines ("5N", "99.999%": 5; "99.95%":
    3; "99%": 2), null where it states none.

    A grade says more than "high purity" does: a tariff line whose goods are sold at 3N
    and 4N is not a place for 6N material, which is what the controlled grades are."""
    word = text.str.extract_all(_NINES_WORD).list.eval(
        pl.element().str.extract(r"([2-9])N").cast(pl.Int32)
    )
    per_cent = text.str.extract_all(_NINES_PER_CENT).list.eval(
        pl.element().str.extract(r"99\.?(9*)").str.len_chars().cast(pl.Int32) + 2
    )
    return pl.max_horizontal(word.list.max(), per_cent.list.max())


def names_military_use(text: pl.Expr, table: TermTable | None = None) -> pl.Expr:
    """True where the text states a military end use or user and does not deny it.

    Read on ``end_use`` and ``end_user_name``: a stated military purpose turns a lawful
    dual-use export into a banned one for some destinations (see ``data/terms.yaml``).
    """
    table = table or term_table()
    if table.military is None:
        return pl.lit(False)
    said = text.str.contains(table.military)
    if table.not_military is not None:
        said = said & ~text.str.contains(table.not_military)
    return said.fill_null(False)
