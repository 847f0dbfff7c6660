"""Tests of wiretrace.ingest.decode: encodings, empty and binary data."""

from __future__ import annotations

import pytest

from wiretrace.ingest.decode import decode


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Niger\u2019s junta".encode("utf-8"), "Niger\u2019s junta"),
        (b"\xef\xbb\xbfNiger\xe2\x80\x99s junta", "Niger\u2019s junta"),  # UTF-8 with BOM
        (b"Niger\x92s junta", "Niger\u2019s junta"),  # cp1252 right quote
        (b"caf\xe9 \x81", "caf\xe9 \x81"),  # 0x81 is undefined in cp1252: latin-1
        (b"line one\r\nline two", "line one\nline two"),
    ],
)
def test_decode(data, text):
    assert decode(data) == (text, "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file (contains NUL bytes)"),
        (bytes(range(1, 32)) * 10, "binary file (control characters)"),
    ],
)
def test_decode_rejects(data, reason):
    assert decode(data) == (None, reason)
