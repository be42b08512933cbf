"""Turning a file's bytes into UTF-8 text, whatever tool exported it.

Customs and registry extracts arrive from Chinese Windows desktops (GBK/GB18030),
from Excel (UTF-8 with a byte-order mark, or UTF-16) and from everything else (UTF-8).
The readers downstream only speak UTF-8, so every file passes through here once and
the detected encoding is recorded, because "this file was GBK" is often the first
clue when a name fails to match.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from dataclasses import dataclass

import numpy as np
import pyarrow as pa


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the contract accepts."""


@dataclass(frozen=True)
class Decoded:
    """A file's content as UTF-8 bytes without a byte-order mark, and where it came from."""

    data: bytes
    encoding: str


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def gunzip(raw: bytes) -> bytes:
    """Decompress a gzip member, reporting corruption as undecodable rather than crashing."""
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as exc:
        raise UndecodableError(f"not a readable gzip file ({exc})") from exc


def _bom_encoding(raw: bytes) -> str | None:
    # UTF-32-LE's BOM starts with UTF-16-LE's, so the longer marks are tried first.
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the NUL bytes that ASCII characters leave behind."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def is_utf8(raw: bytes) -> bool:
    """Whether ``raw`` is valid UTF-8, checked in place by Arrow's validator.

    ``raw.decode("utf-8")`` would answer too, but builds a Python string of the whole
    file (several times its size for Chinese text) only to throw it away.
    """
    offsets = pa.py_buffer(np.array([0, len(raw)], dtype=np.int64))
    text = pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(raw)])
    try:
        text.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def decode(raw: bytes) -> Decoded:
    """Detect the encoding of ``raw`` and return its text as UTF-8.

    Order matters: a byte-order mark is decisive; then strict UTF-8, because valid UTF-8
    is almost never accidental; then GB18030, the superset of GBK that Chinese Windows
    writes. GB18030 is reported as "gbk" when the stricter GBK also decodes it, since
    that is the name users know.
    """
    bom = _bom_encoding(raw)
    if bom is not None:
        return Decoded(_reencode(raw, bom), bom)
    if b"\x00" not in raw:
        if is_utf8(raw):
            return Decoded(raw, "utf-8")
        for name in ("gbk", "gb18030"):
            try:
                return Decoded(raw.decode(name).encode("utf-8"), name)
            except UnicodeDecodeError:
                continue
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return Decoded(_reencode(raw, utf16), utf16)
    if is_utf8(raw):
        # UTF-8 with a stray NUL (not UTF-16's every other byte): the text stands, and the
        # checks refuse the values holding it, row by row, rather than the whole file.
        return Decoded(raw, "utf-8")
    raise UndecodableError(
        "not text in UTF-8, UTF-16 (with BOM) or GBK/GB18030"
        + (" (contains NUL bytes)" if b"\x00" in raw else "")
    )


def _reencode(raw: bytes, encoding: str) -> bytes:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableError(f"declared {encoding} by its byte-order mark but {exc}") from exc
    if "\x00" in text:
        raise UndecodableError(f"{encoding} text contains NUL characters")
    return text.lstrip("\ufeff").encode("utf-8")
