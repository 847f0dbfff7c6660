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
from dataclasses import dataclass
from functools import lru_cache

import pysbd

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


@dataclass(frozen=True)
class Token:
    """A token of a text: its wording, its folded lower-case form and its offsets."""

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
    return [t.norm for t in tokens(text, words_only=True)]


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


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one block of text, plus ``offset``.

    Uses pysbd's rule-based segmenter (Sadvilkar and Neumann, 2020), which handles
    abbreviations, quotations and numbers; spans are trimmed of surrounding white space
    and never empty. Call it once per paragraph: a line break inside the block (a
    hard-wrapped paragraph the caller has joined) is read as a space.
    """
    spans: list[tuple[int, int]] = []
    if not text.strip():
        return spans
    text = text.replace("\n", " ")  # same length: offsets still point into the original
    cursor = 0
    # The processor's sentences, not Segmenter.segment(): segment() also locates each
    # sentence with a regex built from its text, compiled anew for every sentence (half
    # of all loading time), and its char_span can give a repeated sentence the offsets
    # of its first occurrence. Each piece is located here, from where the previous ended.
    for piece in _segmenter().processor(text).process():
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
