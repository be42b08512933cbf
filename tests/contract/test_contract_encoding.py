"""Encoding detection: the exports of Chinese Windows, Excel and everything else."""

from __future__ import annotations

import codecs
import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orewatch.contract.encoding import UndecodableError, decode, gunzip, is_utf8

TEXT = "declaration_id,exporter_name\nD1,厦门钨业股份有限公司\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("gbk"), "gbk"),
        ("D1,㐀\n".encode("gb18030"), "gb18030"),
    ],
)
def test_detects_and_returns_utf8(raw: bytes, encoding: str) -> None:
    decoded = decode(raw)
    assert decoded.encoding == encoding
    assert decoded.data.decode("utf-8") in (TEXT, "D1,㐀\n")


def test_ascii_is_utf8() -> None:
    assert decode(b"a,b\n1,2\n").encoding == "utf-8"


@pytest.mark.parametrize("raw", [b"\xff\xff\xff\x80\x80", b"a,b\n\x00\x01\x02\xff\n", b"\x81"])
def test_undecodable_bytes_raise(raw: bytes) -> None:
    with pytest.raises(UndecodableError):
        decode(raw)


def test_gunzip_round_trip_and_corruption() -> None:
    assert gunzip(gzip.compress(b"abc")) == b"abc"
    with pytest.raises(UndecodableError, match="gzip"):
        gunzip(b"\x1f\x8bnot really")


def _python_says_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        TEXT.encode("utf-8"),
        b"\xed\xa0\x80",  # a surrogate
        b"\xc0\xaf",  # an overlong slash
        b"\xf4\x90\x80\x80",  # beyond U+10FFFF
        TEXT.encode("utf-8")[:-3],  # cut inside a character
        TEXT.encode("gbk"),
    ],
)
def test_utf8_check_agrees_with_python_on_edge_cases(raw: bytes) -> None:
    assert is_utf8(raw) == _python_says_utf8(raw)


@given(st.binary(max_size=64) | st.text().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_utf8_check_agrees_with_python(raw: bytes) -> None:
    assert is_utf8(raw) == _python_says_utf8(raw)
