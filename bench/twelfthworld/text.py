"""Messy text: the same goods named many ways, built once as pools and drawn by index.

Customs text is written by thousands of clerks: simplified and traditional characters,
English, pinyin, trade abbreviations, full-width digits and letters from Chinese input
methods, typos. Each pool entry is made once (a handful per goods), so the bulk path only
indexes arrays and never touches a string per line.
"""

from __future__ import annotations

import numpy as np

_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz%.:"
_FULL = "".join(chr(ord(c) + 0xFEE0) for c in _HALF)
_TO_FULL = str.maketrans(_HALF, _FULL)


def full_width(text: str) -> str:
    """As typed with a Chinese input method in full-width mode (９９．９９％, ＧａＡｓ)."""
    return text.translate(_TO_FULL)


def typo(text: str, rng: np.random.Generator) -> str:
    """One clerk's slip: a dropped, doubled or swapped character (never on short text)."""
    if len(text) < 5:
        return text
    i = int(rng.integers(1, len(text) - 2))
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def variants(names: tuple[str, ...], rng: np.random.Generator) -> list[str]:
    """The base names plus full-width, upper-case and misspelt versions of some of them."""
    out = list(names)
    out.append(full_width(names[int(rng.integers(0, len(names)))]))
    out.append(typo(names[2], rng))
    out.append(names[2].upper())
    return out


class Pool:
    """Strings of several groups in one flat array, drawn per row as (group, choice)."""

    def __init__(self, groups: list[list[str]]) -> None:
        sizes = np.array([len(g) for g in groups])
        self.offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.sizes = sizes
        self.values = np.array([s for g in groups for s in g], dtype=object)

    def draw(self, group: np.ndarray, pick: np.ndarray) -> np.ndarray:
        """One string per row: entry ``pick % size`` of the row's group."""
        return self.values[self.offsets[group] + pick % self.sizes[group]]


def house_style(owner: np.ndarray, rng: np.random.Generator, keep: float = 0.8) -> np.ndarray:
    """A choice index per row that is mostly fixed per owner (an exporter names its goods
    its own way) and sometimes random (another clerk, another day)."""
    salt = rng.integers(0, 1 << 30)
    fixed = (owner * 2654435761 + salt) % 9973
    free = rng.integers(0, 9973, owner.size)
    return np.where(rng.random(owner.size) < keep, fixed, free)
