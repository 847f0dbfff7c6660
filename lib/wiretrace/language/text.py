"""Text primitives: normalisation for matching, word tokens and sentences with offsets.

Every function here keeps the original text untouched and reports character offsets into
it, so later stages can compare normalised forms and still show the reader the exact
wording. Normalisation folds only what never carries meaning in news copy: Unicode
compatibility forms, curly versus straight quote marks, dash variants and runs of white
space.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from pysbd.lang.english import English
from pysbd.processor import Processor

_CHAR_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"\s+")
#: A word: letters or digits, with inner apostrophes, hyphens, dots or commas between
#: digits ("1,500", "3.5"), and inner apostrophes or hyphens between letters.
WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|[^\W_]+", re.UNICODE)
TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Return ``text`` normalised for matching (case kept).

    NFKC form, quote marks and dashes mapped to their ASCII forms, zero-width characters
    removed, white space runs collapsed to one space and trimmed. The result is for
    comparison only: its offsets do not match the original's.
    """
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_FOLD)
    return _SPACES.sub(" ", text).strip()


class Token(NamedTuple):
    """A token of a text: its wording, its folded lower-case form and its offsets.

    A named tuple, not a dataclass: a long article makes millions of them, and a tuple is
    made in a third of the time."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        return self.norm[:1].isalnum()


def tokens(text: str, offset: int = 0, words_only: bool = False) -> list[Token]:
    """Split ``text`` into tokens with character offsets (plus ``offset``) into it.

    Words keep inner apostrophes and hyphens ("Niger's", "post-coup") and numbers keep
    their separators ("1,500"); every other non-space character is a token of its own
    unless ``words_only`` is set.
    """
    return list(_tokens(text, offset, words_only))


@lru_cache(maxsize=8192)
def _tokens(text: str, offset: int, words_only: bool) -> tuple[Token, ...]:
    """:func:`tokens` as a tuple (cached: every check of a sentence reads its tokens)."""
    pattern = WORD_RE if words_only else TOKEN_RE
    return tuple(
        Token(m.group(), _token_norm(m.group()), m.start() + offset, m.end() + offset)
        for m in pattern.finditer(text)
    )


@lru_cache(maxsize=500_000)
def _token_norm(surface: str) -> str:
    """Folded lower-case form of one token (cached: news text repeats its words)."""
    return fold(surface).lower()


def words(text: str) -> list[str]:
    """Folded lower-case word forms of ``text``, punctuation dropped."""
    return list(iter_words(text))


def iter_words(text: str) -> Iterator[str]:
    """:func:`words` one at a time, found as they are read (for a reader that stops early:
    the language detector reads the first 300 of a text that may hold a million)."""
    return (_token_norm(m.group()) for m in WORD_RE.finditer(text))


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its index, original wording and offsets into the article."""

    sentence_id: int
    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        """The folded form of the sentence, for matching."""
        return fold(self.text)


class _English(English):
    """pysbd's English rules, with an abbreviation search that skips what cannot change."""

    class AbbreviationReplacer(English.AbbreviationReplacer):
        """pysbd's English abbreviation replacer, same output, fewer passes.

        pysbd looks for every abbreviation of its list that a line contains and, for each
        place it starts a word, rewrites the whole line with a regular expression that
        replaces the period after it. An abbreviation without a period of its own ("mr",
        "no", "al") can only change the line where it is followed by one, so it is passed
        over when the line has no "<abbreviation>." at all ("al" is in "also" and in
        "local": two passes over the line for nothing): the same sentences, at a fraction
        of the cost on long paragraphs (pysbd 0.3.4; the tests compare both)."""

        def search_for_abbreviations_in_string(self, text):
            """pysbd's method, with the abbreviations that cannot apply passed over."""
            lowered = text.lower()
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered or (
                    "." not in stripped and f"{stripped}." not in lowered
                ):
                    continue
                abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = re.findall(next_word_start, text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text


def sentence_processor(text: str) -> Processor:
    """A pysbd processor of ``text`` with :class:`_English` rules."""
    return Processor(text, _English, char_span=False)


#: A block of text longer than this (characters) is cut into pieces before pysbd reads it.
#: pysbd's abbreviation rules rewrite the whole block once per abbreviation they meet, so
#: its time grows with the square of a block's length (about 90 s for one paragraph of
#: 174 KB); a news paragraph is far shorter, and is read whole.
LONG_BLOCK = 10_000
#: The length (characters) a piece of a long block is cut at when a safe boundary allows.
PIECE = 2_000
#: A boundary no pysbd rule joins across: a lower-case word of four letters or more (not
#: an abbreviation such as "Mrs." or "etc."), its sentence-final mark and any closing
#: quotation mark or bracket, then white space and a capital letter, or an opening
#: quotation mark and one. A cut is made there only outside quotation marks and brackets.
SAFE_BOUNDARY = re.compile(r"(?<![^\s(\"\u201c])[a-z]{4,}[.!?][\"\u201d')]*\s+(?=[\"\u201c]?[A-Z])")
_MARKS = re.compile(r"[()\"\u201c\u201d]")


def safe_cuts(text: str) -> list[int]:
    """Where ``text`` may be cut into pieces pysbd reads apart (:data:`SAFE_BOUNDARY`): the
    start of the next sentence, at each boundary outside quotation marks and brackets."""
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    cuts: list[int] = []
    brackets = curly = straight = 0
    i = 0
    for match in SAFE_BOUNDARY.finditer(text):
        while i < len(marks) and marks[i][0] < match.end():
            mark = marks[i][1]
            if mark == '"':
                straight ^= 1
            elif mark in "()":
                brackets = max(brackets + (1 if mark == "(" else -1), 0)
            else:
                curly = max(curly + (1 if mark == "\u201c" else -1), 0)
            i += 1
        if not (brackets or curly or straight):
            cuts.append(match.end())
    return cuts


def _next_cut(cuts: list[int], start: int, piece: int, long_block: int) -> int | None:
    """The last of the sorted ``cuts`` at most ``piece`` characters after ``start``, else
    the first at most ``long_block`` after it, else None."""
    first = bisect_right(cuts, start)
    last = bisect_right(cuts, start + piece) - 1
    if last >= first:
        return cuts[last]
    if first < len(cuts) and cuts[first] <= start + long_block:
        return cuts[first]
    return None


def pieces(text: str, long_block: int = LONG_BLOCK, piece: int = PIECE) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces pysbd reads of one block: the whole block when it
    holds at most ``long_block`` characters; else pieces cut at the last safe boundary
    (:func:`safe_cuts`) at most ``piece`` characters on, or the first within
    ``long_block`` characters; failing both (a stray quotation mark leaves every boundary
    after it inside a quotation) at a :data:`SAFE_BOUNDARY` inside quotation marks, then
    at the last space within ``long_block`` (then at that length), so no piece is longer
    than ``long_block``; ``piece`` at least 1 and at most ``long_block``."""
    if len(text) <= long_block:
        return [(0, len(text))]
    outside = safe_cuts(text)
    anywhere = [m.end() for m in SAFE_BOUNDARY.finditer(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > piece:
        end = _next_cut(outside, start, piece, long_block) or _next_cut(
            anywhere, start, piece, long_block
        )
        if end is None:
            space = text.rfind(" ", start + 1, start + long_block)
            end = space if space > start else start + long_block
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _locate(text: str, offset: int) -> list[tuple[int, int]]:
    """pysbd's sentences of ``text`` as spans, plus ``offset``, trimmed and never empty."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    # The processor's sentences, not Segmenter.segment(): segment() also locates each
    # sentence with a regex built from its text, compiled anew for every sentence (half
    # of all loading time), and its char_span can give a repeated sentence the offsets
    # of its first occurrence. Each piece is located here, from where the previous ended.
    for piece in sentence_processor(text).process():
        stripped = piece.strip()
        if not stripped:
            continue
        start = text.find(stripped, cursor)
        if start < 0:  # pysbd altered the piece; fall back to the rest of the block
            start = cursor + len(text[cursor:]) - len(text[cursor:].lstrip())
            end = len(text.rstrip())
        else:
            end = start + len(stripped)
        if end > start:
            spans.append((start + offset, end + offset))
        cursor = max(cursor, end)
    return spans


def split_sentences(
    text: str, offset: int = 0, long_block: int = LONG_BLOCK, piece: int = PIECE
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one block of text, plus ``offset``.

    Uses pysbd's rule-based segmenter (Sadvilkar and Neumann, 2020), which handles
    abbreviations, quotations and numbers; spans are trimmed of surrounding white space
    and never empty. Call it once per paragraph: a line break inside the block (a
    hard-wrapped paragraph the caller has joined) is read as a space. A block longer than
    ``long_block`` characters is read in pieces (:func:`pieces`), cut where pysbd would
    end a sentence too, so its time stays linear in the block's length.
    """
    if not text.strip():
        return []
    text = text.replace("\n", " ")  # same length: offsets still point into the original
    return [
        span
        for start, end in pieces(text, long_block, piece)
        for span in _locate(text[start:end], start + offset)
    ]
