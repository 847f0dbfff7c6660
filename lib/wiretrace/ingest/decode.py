"""Decoding: the bytes of an input file to text, or the reason it has none.

Takes file bytes; returns the text (UTF-16 or UTF-32 with a byte-order mark, UTF-8 with or
without BOM, else cp1252, else latin-1; line ends made ``\\n``, stray NUL characters
removed) or a reason for empty and binary data. Offsets in every output table point into
this decoded text (``Article.text``), not into the bytes on disk: a ``\\r\\n`` file's
offsets count each line end as one character.
"""

from __future__ import annotations

import codecs
import re

#: Byte-order marks and the encodings they announce (UTF-32's first: its little-endian
#: mark starts with UTF-16's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The largest share of NUL bytes a text file may have (a stray one is removed); more is
#: binary data.
MAX_NUL_SHARE = 0.001
#: A control character other than a line end, tab or form feed (found at C speed).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _decode_text(data: bytes) -> str | None:
    """The text of ``data``: by its byte-order mark, else UTF-8, cp1252 or latin-1."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if data.count(b"\x00") > MAX_NUL_SHARE * len(data):
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def decode(data: bytes, keep_offsets: bool = False) -> tuple[str | None, str]:
    """Decode file bytes: by byte-order mark (UTF-16/32), else UTF-8, cp1252, latin-1.

    Returns ``(text, "")`` or ``(None, reason)`` for empty or binary data. Binary means
    more NUL bytes than :data:`MAX_NUL_SHARE` of the file (a stray NUL is removed), or
    more than 10% control characters, which no news text has. Line ends become ``\n``:
    with ``keep_offsets`` (a text file, whose offsets the output gives) a ``\r\n`` becomes
    ``" \n"``, so every character keeps its offset in the decoded file; else ``\n``.
    """
    if not data.strip():
        return None, "empty file"
    text = _decode_text(data)
    if text is None:
        return None, "binary file (contains NUL bytes)"
    text = text.replace("\x00", "")
    if not text.strip():
        return None, "empty file"
    controls = len(_CONTROL.findall(text))
    if controls > 0.1 * len(text):
        return None, "binary file (control characters)"
    return text.replace("\r\n", " \n" if keep_offsets else "\n").replace("\r", "\n"), ""
