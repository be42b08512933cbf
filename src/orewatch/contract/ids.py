"""Chinese registration identifiers: unified social credit codes and resident id numbers.

Exporters are registered under an 18-character unified social credit code (GB 32100-2015)
whose last character is a check character; a typo in it is the commonest way a
declaration and a licence stop matching. Sole traders are often registered under the
owner's resident identity number (GB 11643), which is also 18 characters but follows
another checksum, so a value that fails one check must be tried against the other
before it is called wrong. Scalar functions serve generators and tests; the ``*_expr``
functions are the same rules over whole Polars columns for the loader.
"""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_SHAPE = r"^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$"

RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_CHECK = "10X98765432"
RESIDENT_SHAPE = r"^[0-9]{17}[0-9X]$"

_USCC_RE = re.compile(USCC_SHAPE)
_RESIDENT_RE = re.compile(RESIDENT_SHAPE)
_USCC_INDEX = {ch: i for i, ch in enumerate(USCC_ALPHABET)}


def uscc_check_char(first17: str) -> str:
    """The check character that completes a credit code (for generators and repairs)."""
    if len(first17) != 17 or any(ch not in _USCC_INDEX for ch in first17):
        raise ValueError(f"not 17 characters of the credit-code alphabet: {first17!r}")
    total = sum(_USCC_INDEX[ch] * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def looks_like_uscc(value: str) -> bool:
    """Whether a value has the credit-code shape, so that its checksum is worth judging."""
    return _USCC_RE.match(value) is not None


def is_valid_uscc(value: str) -> bool:
    """A credit code whose shape and check character are both right."""
    return looks_like_uscc(value) and uscc_check_char(value[:17]) == value[17]


def resident_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of a resident identity number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"not 17 digits: {first17!r}")
    total = sum(int(ch) * w for ch, w in zip(first17, RESIDENT_WEIGHTS, strict=True))
    return RESIDENT_CHECK[total % 11]


def is_valid_resident_id(value: str) -> bool:
    """A resident identity number with a right check digit and a real birth date."""
    if _RESIDENT_RE.match(value) is None or resident_check_char(value[:17]) != value[17]:
        return False
    try:
        born = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return born.year >= 1900


# --- the same rules over columns -------------------------------------------------------


def _weighted_sum(first17: pl.Expr, value: pl.Expr, weights: tuple[int, ...]) -> pl.Expr:
    """Sum over the 17 characters of ``value(character)`` times its position's weight.

    One list expression, not 17 slices: a service checking one new identifier paid for
    each of the ~150 column expressions those made (BENCHMARKS.md, round 5).
    """
    per_char = first17.str.split("").list.eval(value)
    return (per_char * pl.lit(pl.Series([list(weights)]), pl.List(pl.Int64))).list.sum()


def uscc_check_char_expr(code: pl.Expr) -> pl.Expr:
    """Expected check character of each credit-code-shaped value (null for other shapes)."""
    alphabet = pl.lit(USCC_ALPHABET)
    shaped = code.str.contains(USCC_SHAPE)
    index = alphabet.str.find(pl.element(), literal=True).cast(pl.Int64)
    total = _weighted_sum(pl.when(shaped).then(code.str.slice(0, 17)), index, USCC_WEIGHTS)
    return pl.when(shaped).then(alphabet.str.slice((31 - total % 31) % 31, 1))


def resident_id_valid_expr(code: pl.Expr) -> pl.Expr:
    """True where a value is a valid resident identity number (check digit and birth date)."""
    shaped = code.str.contains(RESIDENT_SHAPE)
    digit = pl.element().cast(pl.Int64, strict=False)
    total = _weighted_sum(pl.when(shaped).then(code.str.slice(0, 17)), digit, RESIDENT_WEIGHTS)
    expected = pl.lit(RESIDENT_CHECK).str.slice(total % 11, 1)
    born = code.str.slice(6, 8).str.strptime(pl.Date, "%Y%m%d", strict=False)
    return (
        shaped & (code.str.slice(17, 1) == expected) & born.is_not_null() & (born.dt.year() >= 1900)
    ).fill_null(False)


def wrong_check_expr(code: pl.Expr) -> pl.Expr:
    """True where a value has a credit code's shape but neither its check character nor
    a resident identity number's (upper-case values, as the loader writes them)."""
    expected = uscc_check_char_expr(code)
    wrong = expected.is_not_null() & (code.str.slice(17, 1) != expected)
    return (wrong & ~resident_id_valid_expr(code)).fill_null(False)
