"""Removing personal data: for partner agencies without release, and for publication.

Pure functions over strings and models. Publication scrubs every known subject name
and identifier plus anything shaped like one (registration numbers, declaration
numbers, licence numbers, e-mail addresses, phone numbers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Shapes of identifiers and contact data that must never appear in a publication.
PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),
    re.compile(r"\+?\d[\d\s-]{7,}\d"),
    re.compile(r"\b[0-9A-Z]{18}\b"),
    re.compile(r"\b\d{4}[A-Z]{2}\d{6}\b"),
    re.compile(r"\b[A-Z]\d{5,}\b"),
)


def scrub(text: str, names: Iterable[str]) -> str:
    """``text`` with every given name and every identifier-shaped token replaced."""
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        text = text.replace(name, "[redacted]")
    for pattern in PATTERNS:
        text = pattern.sub("[redacted]", text)
    return text
