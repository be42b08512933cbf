"""Encoding detection: the exports of Chinese Windows, Excel and everything else."""

from __future__ import annotations

import codecs
import gzip

import pytest

from orewatch.contract.encoding import UndecodableError, decode, gunzip

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
