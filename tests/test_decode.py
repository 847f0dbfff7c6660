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


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Niger\u2019s junta".encode("utf-16"), "Niger\u2019s junta"),  # with its BOM
        ("Niger junta\x00 said".encode("utf-16"), "Niger junta said"),  # a lone NUL in UTF-16
        ("Niger junta".encode("utf-32"), "Niger junta"),
        (
            b"Niger" + b"\x00" + b" junta said on Monday" * 60,
            "Niger junta said on Monday" + " junta said on Monday" * 59,
        ),
    ],
)
def test_decode_by_byte_order_mark_and_stray_nul(data, text):
    # A stray NUL is removed; offsets point into the decoded text (#16).
    assert decode(data) == (text, "")


def test_crlf_offsets_count_one_character_per_line_end():
    # Records (JSON, CSV) and sidecar files: "\r\n" is one "\n" (#16).
    text, _ = decode(b"Line one.\r\nLine two.")
    assert text.index("Line two.") == 10


def test_crlf_text_files_keep_every_offset_of_the_file():
    # A text file's offsets are those of the file as decoded: its "\r" is read as a space
    # (#16); a lone "\r" (old Mac line end) is a "\n", the same length too.
    text, _ = decode(b"Line one.\r\nLine two.\rLine three.", keep_offsets=True)
    assert text == "Line one. \nLine two.\nLine three."
    assert text.index("Line two.") == 11
    assert decode(b"no line end", keep_offsets=True) == ("no line end", "")


def test_control_characters_are_those_below_space_but_line_ends_tabs_and_form_feeds():
    from wiretrace.ingest.decode import _CONTROL

    for code in range(0x3000):
        ch = chr(code)
        assert bool(_CONTROL.fullmatch(ch)) == (code < 32 and ch not in "\n\r\t\f"), hex(code)
