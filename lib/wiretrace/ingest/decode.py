"""Decoding: the bytes of an input file to text, or the reason it has none.

Takes file bytes; returns the text (UTF-8 with or without BOM, else cp1252, else
latin-1; line ends made ``\\n``) or a reason for empty and binary data.
"""

from __future__ import annotations


def decode(data: bytes) -> tuple[str | None, str]:
    """Decode file bytes: UTF-8 (BOM stripped), else cp1252, else latin-1.

    Returns ``(text, "")`` or ``(None, reason)`` for empty or binary data. Binary means a
    NUL byte or more than 10% control characters, which no news text has.
    """
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes)"
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.1 * len(text):
        return None, "binary file (control characters)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), ""
