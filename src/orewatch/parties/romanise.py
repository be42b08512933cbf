"""The ways a Chinese trade name is written in Latin letters.

A company's English name spells its Chinese trade name in the romanisation of where it
was registered: Hanyu pinyin on the mainland (凯达 → Kai Da), Wade-Giles in Taiwan
(凱達 → Kai Ta, 寶金 → Pao Chin), the Hong Kong Government's Cantonese romanisation in
Hong Kong (鑫宏 → Yam Wang, 泰嘉 → Tai Ka). A licence drafted in characters and a
declaration in English name the same consignee only if all three are tried.

Readings come from the libraries that keep them: pypinyin (pinyin and Wade-Giles) and
cantonese-romanisation (each character's Hong Kong readings, several per character).
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import islice, product

#: Cantonese spellings kept per piece: readings multiply across characters (2-4 each).
CANTONESE_KEPT = 64


@cache
def _cantonese() -> object:
    """The Hong Kong romanisation tables (read once per process)."""
    from cantoroman import Cantonese

    return Cantonese()


@cache
def _to_hong_kong_characters() -> object:
    """OpenCC's simplified → Hong Kong traditional converter: the Cantonese tables know
    traditional characters only, and names reach us folded to simplified ones."""
    import opencc

    return opencc.OpenCC("s2hk")


def _latin(syllable: str) -> str:
    """A reading as it is written in names: letters only, lower case (K'ai → kai)."""
    return "".join(c for c in syllable.lower() if c.isascii() and c.isalpha())


def _mandarin(chars: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return [
        "".join(_latin(s) for s in lazy_pinyin(chars, style=style))
        for style in (Style.NORMAL, Style.WADEGILES)
    ]


def _hong_kong(chars: str) -> list[str]:
    traditional = _to_hong_kong_characters().convert(chars)  # type: ignore[attr-defined]
    readings = _cantonese().getRoman(traditional)  # type: ignore[attr-defined]
    if not readings or any(not r for r in readings):
        return []  # a character without a reading: no spelling of the whole piece
    spellings = islice(product(*readings), CANTONESE_KEPT)
    return ["".join(_latin(s) for s in spelling) for spelling in spellings]


@lru_cache(maxsize=200_000)
def romanisations(chars: str) -> tuple[str, ...]:
    """Every Latin spelling of a run of Chinese characters, one word each (pinyin,
    Wade-Giles, Hong Kong Cantonese), distinct, pinyin first."""
    spellings = [s for s in (*_mandarin(chars), *_hong_kong(chars)) if s]
    return tuple(dict.fromkeys(spellings))
