"""What a text says about itself: date, byline, credits, datelines, captions, boilerplate.

:func:`extract_parts` takes an article's decoded text and returns its metadata parts
(:class:`MetaPart`, with offsets into the text) and the paragraphs left for the body.
The patterns of credit lines, sign-offs, datelines and photo credits are
:mod:`wiretrace.ingest.credit_patterns`'; the promotional and navigation lines are
``data/boilerplate.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from wiretrace.ingest.credit_patterns import (
    CREDIT_LINE,
    DATELINE_INLINE,
    DATELINE_LINE,
    PHOTO_CREDIT,
    SIGN_OFF,
)
from wiretrace.language.resources import word_list


@dataclass(frozen=True)
class MetaPart:
    """A piece of an article's text that is about the article, not part of its story.

    ``kind`` is one of ``date``, ``byline``, ``credit``, ``dateline``, ``caption``,
    ``photo_credit``, ``boilerplate`` or ``title``; ``start``/``end`` are offsets into the
    article's original text (-1 when the value came from metadata, not from the text).
    """

    kind: str
    text: str
    start: int
    end: int


DATE_LINE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_NAME = r"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|de|da|van|von|al|bin|la|le|and))*"
#: A byline line: "By Name", "By Name, Org", "By Name (with agency reports)".
BYLINE = re.compile(
    rf"By\s+(?P<name>{_NAME})\s*(?:,\s*(?P<org>[A-Z][\w .&-]{{1,40}}?))?\s*"
    r"(?P<credit>\([^()]{2,80}\))?\s*$"
)
#: Promotional and navigation lines that are not part of any story (``data/boilerplate.txt``).
BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in word_list("boilerplate")]
#: The longest line taken for boilerplate: a longer one is a paragraph of the story (a
#: one-line body from a scraped record) even when it starts like a promotion.
BOILERPLATE_MAX = 200
#: A line that ends a sentence: closing punctuation, or a quote mark right after one.
CLOSED_END = re.compile(r"(?:[.!?:;)\]\u00bb]|[.!?,][\"\u201d\u2019']+)$")
_SOFT_END = re.compile(r"[,\-\u2013\u2014]$")


def text_lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` that is not blank, white space trimmed."""
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            yield start, end


def is_boilerplate(line: str) -> bool:
    """True for a promotional or navigation line (:data:`BOILERPLATE`): a pattern matches
    from the line's start and the line is at most :data:`BOILERPLATE_MAX` characters, so a
    story sentence that contains "share your stories" is not cut out of the body."""
    line = line.strip()
    return len(line) <= BOILERPLATE_MAX and any(p.match(line) for p in BOILERPLATE)


def _span(kind: str, text: str, start: int, end: int) -> MetaPart:
    return MetaPart(kind, text[start:end], start, end)


def _head_parts(text: str, start: int, end: int, first: bool) -> tuple[list[MetaPart], int]:
    """The date line (first line only) and byline at the head: ``(parts, start)``.

    ``start`` moves past a date line; it is -1 when the line is used up (a byline, or a
    date line with nothing after it).
    """
    parts: list[MetaPart] = []
    line = text[start:end]
    if first and (m := DATE_LINE.match(line)):
        parts.append(_span("date", text, start + m.start(1), start + m.end(1)))
        start += m.end()
        line = text[start:end]
        if not line:
            return parts, -1
    if m := BYLINE.match(line):
        parts.append(_span("byline", text, start + m.start("name"), start + m.end("name")))
        for group in ("org", "credit"):
            if m.group(group):
                parts.append(_span("credit", text, start + m.start(group), start + m.end(group)))
        return parts, -1
    return parts, start


def _line_part(text: str, start: int, end: int, blocks: list) -> list[MetaPart] | None:
    """The parts of a whole metadata line (dateline, boilerplate, credit, caption), or None."""
    line = text[start:end]
    headline_only = len(blocks) == 1 and not CLOSED_END.search(text[slice(*blocks[0])])
    if (
        (not blocks or headline_only)  # at the head, or right after a headline
        and len(line) <= 40
        and DATELINE_LINE.fullmatch(line)
        and len(line.split()) <= 3
    ):
        return [MetaPart("dateline", line, start, end)]
    if is_boilerplate(line):
        return [MetaPart("boilerplate", line, start, end)]
    if CREDIT_LINE.fullmatch(line):
        return [MetaPart("credit", line, start, end)]
    if len(line) <= 400 and (m := PHOTO_CREDIT.search(line)):
        cut = start + m.start("credit")
        caption = text[start:cut].rstrip()
        parts = [MetaPart("caption", caption, start, start + len(caption))] if caption else []
        return [*parts, _span("photo_credit", text, cut, end)]
    return None


def extract_parts(text: str) -> tuple[list[MetaPart], list[tuple[int, int]]]:
    """Split ``text`` into metadata parts and body blocks.

    Returns ``(parts, blocks)``: the metadata found (see :class:`MetaPart`) and the
    ``(start, end)`` offsets of the paragraphs left for the body, both into ``text``.
    Rules look only at line starts and ends, at the head of the text (date, byline,
    dateline), and at its tail (credit lines, sign-offs, boilerplate), so a sentence
    inside the story is never taken for metadata.
    """
    parts: list[MetaPart] = []
    blocks: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(text_lines(text)):
        if not blocks:
            head, start = _head_parts(text, start, end, first=index == 0)
            parts += head
            if start < 0:
                continue
        line_parts = _line_part(text, start, end, blocks)
        if line_parts is not None:
            parts += line_parts
            continue
        if len(blocks) < 3 and (m := DATELINE_INLINE.match(text[start:end])):
            dateline = m.group("dateline").rstrip(" -\u2013\u2014")
            parts.append(MetaPart("dateline", dateline, start, start + len(dateline)))
            start += m.end()
        blocks.append((start, end))
    blocks = _unwrap(text, blocks)
    # A sign-off at the end of the last paragraph: "(cs/afp/dpa)", "- AFP".
    if blocks:
        start, end = blocks[-1]
        m = SIGN_OFF.search(text, start, end)
        if m and m.start() > start:
            parts.append(_span("credit", text, m.start("credit"), m.end("credit")))
            blocks[-1] = (start, len(text[: m.start()].rstrip()))
    parts.sort(key=lambda p: (p.start, p.kind))
    return parts, blocks


def _is_hard_wrapped(text: str, blocks: list[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width: short lines, most ending mid-sentence."""
    lines = [text[s:e] for s, e in blocks]
    if len(lines) < 4:
        return False
    lengths = sorted(len(line) for line in lines)
    open_ends = sum(not CLOSED_END.search(line) for line in lines)
    return 40 <= lengths[len(lengths) // 2] <= 90 and open_ends > len(lines) / 2


def _unwrap(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a hard-wrapped paragraph into one block.

    A line break is soft when the line has no closing punctuation, no blank line follows,
    and either the next line goes on in lower case ("to\\nexisting classes"), the line
    ends on a comma or dash, or the whole text is wrapped at a fixed width (see
    :func:`_is_hard_wrapped`). Every other line break ends a paragraph, as in news files
    that put one paragraph on a line, so a headline or dateline line stays apart.
    """
    wrapped = _is_hard_wrapped(text, blocks)
    out: list[tuple[int, int]] = []
    for start, end in blocks:
        if out:
            prev_start, prev_end = out[-1]
            previous, current = text[prev_start:prev_end], text[start:end]
            open_end = not CLOSED_END.search(previous)
            soft = text[prev_end:start].count("\n") == 1 and (
                (open_end and (wrapped or current[:1].islower())) or _SOFT_END.search(previous)
            )
            if soft:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out
