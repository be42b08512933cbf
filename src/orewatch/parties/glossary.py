"""Translated aliases: Chinese company names brought to the words of their English names.

The English name of a Chinese company is a translation, not a transliteration:
中国航天科技集团 is "China Aerospace Science and Technology Corporation", not
"Zhongguo Hangtian Keji". A bilingual glossary of company-name vocabulary
(``data/glossary.yaml``: industry and field words, institution types, place names) turns
a Chinese name core into English words — known terms translated, place names in pinyin
as their own words, the rest (the trade name, usually transliterated: 华为 → huawei) in
pinyin — and brings English names' synonyms to one canonical rendering
("aeronautics", "aviation" → "aviation"; "science and technology" → "technology"), so
both scripts meet on one key through the same matcher as any stored alias.

Pure functions; the glossary is read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, islice, product

import polars as pl
import yaml

from orewatch.parties.normalise import map_chinese


@dataclass(frozen=True)
class Glossary:
    """Chinese terms with their canonical English words, and English renderings → canonical."""

    terms: dict[str, str]  # Chinese term (word or place) -> canonical English words
    places: frozenset[str]  # the Chinese terms that are place names
    place_suffixes: tuple[str, ...]
    english: dict[str, str]  # English rendering -> canonical English words
    longest: int


def build_glossary(document: dict[str, object]) -> Glossary:
    """A glossary from its YAML document (``words``, ``places``, ``place_suffixes``).

    A rendering that is some entry's canonical form is never rewritten; when two entries
    share another rendering, the first one listed keeps it.
    """
    words = document.get("words") or {}
    places = document.get("places") or {}
    suffixes = document.get("place_suffixes") or []
    assert isinstance(words, dict) and isinstance(places, dict) and isinstance(suffixes, list)
    terms: dict[str, str] = {}
    english: dict[str, str] = {}
    canonical = {str(r[0]) for r in words.values() if r}
    for term, renderings in words.items():
        if not renderings:
            continue
        first = str(renderings[0])
        terms[str(term)] = first
        for rendering in renderings[1:]:
            text = str(rendering)
            if text not in canonical and text not in english:
                english[text] = first
    for term, name in places.items():
        terms[str(term)] = str(name)
    return Glossary(
        terms=terms,
        places=frozenset(str(p) for p in places),
        place_suffixes=tuple(sorted((str(s) for s in suffixes), key=len, reverse=True)),
        english=english,
        longest=max((len(t) for t in terms), default=1),
    )


@cache
def glossary() -> Glossary:
    """The packaged glossary (``data/glossary.yaml``), read once."""
    text = resources.files("orewatch.parties").joinpath("data/glossary.yaml").read_text("utf-8")
    return build_glossary(yaml.safe_load(text))


def _pinyin_word(chars: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(s for s in lazy_pinyin(chars) if s.strip() and s.isascii()).lower()


def segment(core: str, table: Glossary) -> list[tuple[str, bool]]:
    """Greedy longest-match segmentation of a Chinese core into (piece, known) pairs;
    unknown characters run together into one piece, place suffixes after a place vanish."""
    pieces: list[tuple[str, bool]] = []
    unknown = ""
    i = 0
    while i < len(core):
        match = next(
            (
                core[i : i + n]
                for n in range(min(table.longest, len(core) - i), 1, -1)
                if core[i : i + n] in table.terms
            ),
            None,
        )
        if match is None:
            unknown += core[i]
            i += 1
            continue
        if unknown:
            pieces.append((unknown, False))
            unknown = ""
        pieces.append((match, True))
        i += len(match)
        if match in table.places:
            suffix = next((s for s in table.place_suffixes if core.startswith(s, i)), "")
            i += len(suffix)
    if unknown:
        pieces.append((unknown, False))
    return pieces


@lru_cache(maxsize=200_000)
def translate(core: str) -> str | None:
    """English words for a Chinese name core, or None when no glossary term occurs
    (then the pinyin alias already says all there is)."""
    table = glossary()
    pieces = segment(core, table)
    if not any(known for _, known in pieces):
        return None
    words = [table.terms[p] if known else _pinyin_word(p) for p, known in pieces]
    return " ".join(w for w in words if w)


#: Spellings kept per name core (the trade name's romanisations times the places').
SPELLINGS_KEPT = 256


@lru_cache(maxsize=200_000)
def translate_spellings(core: str) -> tuple[str, ...]:
    """English words for a Chinese name core in each way its untranslated pieces (the
    trade name) may be spelt: pinyin, Wade-Giles, Hong Kong Cantonese
    (:func:`~orewatch.parties.romanise.romanisations`). Known terms are translated as in
    :func:`translate`, and place names are spelt too (大同 is "Datong" in Shanxi and
    "Tatung" in Taipei), after every spelling with the places in pinyin, so that a
    long name's many combinations never crowd out its trade name's spellings; a core
    with no known term is its spellings alone."""
    from orewatch.parties.romanise import romanisations

    table = glossary()
    pieces = segment(core, table)

    def choices(spell_places: bool) -> list[tuple[str, ...]]:
        return [
            romanisations(piece)
            if not known
            else tuple(dict.fromkeys((table.terms[piece], *romanisations(piece))))
            if spell_places and piece in table.places
            else (table.terms[piece],)
            for piece, known in pieces
        ]

    combined = chain(product(*choices(False)), product(*choices(True)))
    spellings = (" ".join(w for w in words if w) for words in combined)
    # Bounded before de-duplicating: a name of many places multiplies quickly.
    distinct = dict.fromkeys(islice(spellings, 4 * SPELLINGS_KEPT))
    return tuple(islice(distinct, SPELLINGS_KEPT))


def translations(cores: pl.Series) -> pl.Series:
    """:func:`translate` of each distinct Chinese core; null for other scripts."""
    return map_chinese(cores, translate)


def canonical_english(words: pl.Expr) -> pl.Expr:
    """English words (spaced, in order) with each glossary rendering rewritten to its
    canonical form, whole words only, in one pass, the longest phrase first.

    Canonical phrases are patterns too (rewritten to themselves), so that "research
    institute" is not read as "research" + the rendering "institute". Words are
    separated by two spaces while rewriting, so neighbouring phrases never share one.
    """
    table = glossary()
    mapping = {**{c: c for c in table.terms.values()}, **table.english}
    ordered = sorted(mapping, key=len, reverse=True)
    patterns = [" " + r.replace(" ", "  ") + " " for r in ordered]
    replacements = [f" {mapping[r]} " for r in ordered]
    doubled = pl.concat_str(pl.lit(" "), words.str.replace_all(" ", "  "), pl.lit(" "))
    rewritten = doubled.str.replace_many(patterns, replacements, leftmost=True)
    return rewritten.str.replace_all(r"\s+", " ").str.strip_chars()
