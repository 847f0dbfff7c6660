"""Sentence alignment: which sentence(s) of a source each article sentence reuses.

:func:`align_sentences` aligns every sentence of an article with the contiguous run of
one to three source sentences it reuses most, and labels it as METER does (Gaizauskas
et al., 2001): ``verbatim`` (copied word for word), ``rewrite`` (the source's content
reworded, reordered, split or merged) or ``new`` (no source sentence accounts for it).
:func:`align_article` returns the same as rows of the ``alignments`` table.

Matching is lexical and deterministic. Candidates come from an inverted index of content
word stems (so a sentence is only compared with source sentences that share words with
it, never with all of them); each candidate is then scored with

- ``ordered``: the share of the article sentence's words that lie in difflib's equal
  blocks against the source wording (word order matters, every word counts);
- ``content``: the share of the article sentence's *information-weighted content stems*
  found anywhere in the source wording (order-free, so it survives reordering and
  paraphrase that keeps the content words). Words are folded (case, quote marks,
  British/American spelling, number separators), stemmed with the Snowball English
  stemmer, and weighted by ``7 - Zipf frequency`` from wordfreq (floored at 0), so "the"
  and "of" weigh nothing, "military" 2, "Niger" 3.5, a misspelling 6.

Both run from 0 to 1 and measure how much the article sentence borrows from the source
wording, not the reverse: a short article sentence that copies half of a long source
sentence (a split) scores 1.0. Synonyms with no shared stem ("begun"/"commenced") are
not matched; heavy paraphrase is found through the content words that survive it (the
optional :mod:`wiretrace.rewrites.semantic` adds an embedding pass for the rest, outside the
audit, with its measured false-match rate).

The label thresholds below are fixed constants, set once by reading the alignments of
the seeds by hand (the heavy paraphrase 000 against 001: its sentences score 0.47 to
0.87; 29 of the 34 sentences of the unrelated 003 and 004 score under 0.5, and the
article-level derivation calls both non-derived) and never refitted on the corpus being
audited.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from wiretrace.language.lexicon import spelling_key as british_to_american
from wiretrace.language.matching import matched_size
from wiretrace.language.text import Sentence, Token, tokens
from wiretrace.schema import ALIGNMENT_COLUMNS

#: Extra columns of the alignment rows, after ``schema.ALIGNMENT_COLUMNS``.
ALIGNMENT_EXTRA_COLUMNS = ["start", "end", "source_start", "source_end"]
#: An article sentence is ``verbatim`` when at least this share of its words lies in
#: difflib equal blocks against the aligned source wording (about one word in ten may
#: differ: a typo or a dropped word in a copied sentence).
VERBATIM_MIN = 0.9
#: An article sentence is aligned (``rewrite`` or ``verbatim``) when its similarity is at
#: least this and it shares at least ``MIN_SHARED_WEIGHT`` of content-word weight.
REWRITE_MIN = 0.45
#: Minimum information weight (sum of ``7 - Zipf``) shared with the source, about two
#: to three content words: two generic sentences sharing "France" and "troops" are new.
MIN_SHARED_WEIGHT = 5.0
#: Candidate source sentences scored in full per article sentence.
TOP_CANDIDATES = 6
#: Longest run of source sentences merged into one article sentence.
MAX_GROUP = 3
#: A neighbouring source sentence joins the group when it raises the content score by
#: at least ``MERGE_GAIN`` and the article sentence holds at least ``MERGE_COVER`` of the
#: neighbour's own content (the article really merges it, not just shares a word).
MERGE_GAIN = 0.1
MERGE_COVER = 0.5

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import EnglishStemmer

    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def spelling_key(norm: str) -> str:
    """A folded lower-case token with spelling variants merged, but not stemmed.

    "1,500" and "1500" give "1500"; a trailing curly apostrophe is straightened; a
    British-only spelling becomes the American one, checked against the dictionaries
    (:func:`wiretrace.language.lexicon.spelling_key`: "defence" -> "defense", "immobilised" ->
    "immobilized", "neighbouring" -> "neighboring", never a non-word such as "detor" for
    "detour"). Used where the exact word matters (token-level voting) but British and
    American spelling must not count as a difference.
    """
    if _NUMBER.match(norm):
        return norm.replace(",", "") if re.match(r"^\d{1,3}(,\d{3})+$", norm) else norm
    word = norm.replace("\u2019", "'")
    if "-" in word:  # "well-organised": each part on its own
        return "-".join(spelling_key(part) if part else part for part in word.split("-"))
    return british_to_american(word) if word.isalpha() else word


@lru_cache(maxsize=200_000)
def stem(norm: str) -> str:
    """The matching key of a folded lower-case word.

    Numbers lose their thousands separators ("1,500" -> "1500"); British spellings are
    mapped to American ones ("immobilised", "neighbouring", "defence"); the rest is the
    Snowball English stem ("withdrawing" -> "withdraw").
    """
    if _NUMBER.match(norm):
        return spelling_key(norm)
    word = spelling_key(norm[:-2] if norm.endswith(("'s", "\u2019s")) else norm)
    return _stemmer().stem(word)


@lru_cache(maxsize=200_000)
def weight(norm: str) -> float:
    """Information weight of a folded word: ``max(0, 7 - Zipf frequency)``, at most 6.

    Numbers weigh 4. Zipf frequency is wordfreq's English figure (about 7.7 for "the",
    5 for "military", 0 for words it has never seen), so function words weigh nothing
    and rare words and misspellings weigh most.
    """
    if _NUMBER.match(norm):
        return 4.0
    from wordfreq import zipf_frequency

    return min(6.0, max(0.0, 7.0 - zipf_frequency(norm, "en")))


@dataclass(frozen=True)
class Wording:
    """The matching view of a piece of text: word tokens, their keys and content stems."""

    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    content: dict[str, float]

    @property
    def total(self) -> float:
        """Sum of the content-stem weights."""
        return sum(self.content.values())


@lru_cache(maxsize=8192)
def wording(text: str) -> Wording:
    """Build the :class:`Wording` of ``text`` (its tokens' offsets are into ``text``: one
    wording per distinct sentence, wherever it stands)."""
    toks = tuple(tokens(text, words_only=True))
    keys = tuple(stem(t.norm) for t in toks)
    content: dict[str, float] = {}
    for t, k in zip(toks, keys, strict=True):
        w = weight(t.norm)
        if w > 0 and w > content.get(k, 0.0):
            content[k] = w
    return Wording(toks, keys, content)


def content_containment(a: Wording, b: Wording) -> tuple[float, float]:
    """How much of ``a``'s content ``b`` holds: ``(share, shared weight)``.

    ``share`` in [0, 1] is the weight of ``a``'s content stems found in ``b`` over the
    weight of all of ``a``'s content stems (0 when ``a`` has no content word).
    Direction: how much ``a`` borrows from ``b``.
    """
    total = a.total
    if total == 0:
        return 0.0, 0.0
    shared = sum(w for k, w in a.content.items() if k in b.content)
    return shared / total, shared


def ordered_containment(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the keys of ``a`` that lie in difflib equal blocks against ``b``, in [0, 1]."""
    if not a:
        return 0.0
    return matched_size(a, b) / len(a)


@dataclass(frozen=True)
class SentenceAlignment:
    """The alignment of one article sentence.

    ``source_ids`` is the contiguous run of source sentence ids it reuses (empty when
    ``label == 'new'``); ``similarity`` = ``max(ordered, content)``, in [0, 1], the share
    of the article sentence accounted for by that source wording.
    """

    sentence_id: int
    source_ids: tuple[int, ...]
    similarity: float
    ordered: float
    content: float
    label: str


def _score(a: Wording, group: Wording) -> tuple[float, float, float, float]:
    content, shared = content_containment(a, group)
    ordered = ordered_containment(a.keys, group.keys)
    return max(ordered, content), ordered, content, shared


def _label(similarity: float, ordered: float, shared: float, n_words: int) -> str:
    if ordered >= VERBATIM_MIN and n_words >= 4:
        return "verbatim"
    if similarity >= REWRITE_MIN and shared >= MIN_SHARED_WEIGHT:
        return "rewrite"
    return "new"


def content_wording(sentences: Sequence[Sentence]) -> Wording:
    """The content stems of ``sentences`` together, each at its highest weight, as a
    :class:`Wording` without tokens or keys: what :func:`content_containment` reads of a
    whole text."""
    content: dict[str, float] = {}
    for s in sentences:
        for k, w in wording(s.text).content.items():
            if w > content.get(k, 0.0):
                content[k] = w
    return Wording((), (), content)


class SourceIndex:
    """An inverted index of one source's sentences by content stem (built once per source)."""

    def __init__(self, sentences: Sequence[Sentence]):
        self.sentences = list(sentences)
        self.wordings = [wording(s.text) for s in self.sentences]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self.wordings):
            for key in w.content:
                self.postings[key].append(i)
        self._groups: dict[tuple[int, int], Wording] = {}

    def group(self, first: int, last: int) -> Wording:
        """The combined wording of source sentences ``first..last`` (inclusive)."""
        key = (first, last)
        if key not in self._groups:
            parts = self.wordings[first : last + 1]
            content: dict[str, float] = {}
            for p in parts:
                for k, w in p.content.items():
                    content[k] = max(w, content.get(k, 0.0))
            self._groups[key] = Wording(
                tuple(t for p in parts for t in p.tokens),
                tuple(k for p in parts for k in p.keys),
                content,
            )
        return self._groups[key]

    def candidates(self, a: Wording, k: int = TOP_CANDIDATES) -> list[int]:
        """Up to ``k`` source sentence indexes sharing the most content weight with ``a``."""
        score: dict[int, float] = defaultdict(float)
        for key, w in a.content.items():
            for i in self.postings.get(key, ()):
                score[i] += w
        ranked = sorted(score.items(), key=lambda item: (-item[1], item[0]))
        return [i for i, _ in ranked[:k]]


def align_wording(a: Wording, index: SourceIndex, sentence_id: int = 0) -> SentenceAlignment:
    """Align one article sentence's wording with the best run of source sentences."""
    best: tuple[float, int, int, float, float, float] | None = None
    for i in index.candidates(a):
        sim, ordered, content, shared = _score(a, index.group(i, i))
        if best is None or sim > best[0] + 1e-9:
            best = (sim, i, i, ordered, content, shared)
    if best is None:
        return SentenceAlignment(sentence_id, (), 0.0, 0.0, 0.0, "new")
    sim, first, last, ordered, content, shared = best
    # Merge: one article sentence that joins neighbouring source sentences.
    while last - first + 1 < MAX_GROUP:
        options = []
        if first > 0:
            options.append((first - 1, last))
        if last + 1 < len(index.sentences):
            options.append((first, last + 1))
        improved = None
        for f, la in options:
            added = index.wordings[f if f < first else la]
            if content_containment(added, a)[0] < MERGE_COVER:
                continue
            s2, o2, c2, sh2 = _score(a, index.group(f, la))
            if c2 - content >= MERGE_GAIN and (improved is None or c2 > improved[4]):
                improved = (s2, f, la, o2, c2, sh2)
        if improved is None:
            break
        sim, first, last, ordered, content, shared = improved
    label = _label(sim, ordered, shared, len(a.keys))
    if label == "new":
        return SentenceAlignment(sentence_id, (), round(sim, 4), ordered, content, "new")
    ids = tuple(index.sentences[j].sentence_id for j in range(first, last + 1))
    return SentenceAlignment(sentence_id, ids, round(sim, 4), ordered, content, label)


def align_sentences(
    sentences: Sequence[Sentence], source: Sequence[Sentence] | SourceIndex
) -> list[SentenceAlignment]:
    """Align each of ``sentences`` with the source sentences it reuses.

    ``source`` is the source's sentences or a prebuilt :class:`SourceIndex`. Several
    article sentences may align with the same source sentence (a split); one article
    sentence may align with up to ``MAX_GROUP`` adjacent source sentences (a merge).
    Order is free: reordered sentences align wherever their source is. Returns one
    :class:`SentenceAlignment` per article sentence, in order.
    """
    index = source if isinstance(source, SourceIndex) else SourceIndex(source)
    aligned: dict[str, SentenceAlignment] = {}  # a sentence repeated aligns once
    out = []
    for s in sentences:
        if s.text not in aligned:
            aligned[s.text] = align_wording(wording(s.text), index, s.sentence_id)
        out.append(replace(aligned[s.text], sentence_id=s.sentence_id))
    return out


def alignment_rows(
    article_id: str,
    sentences: Sequence[Sentence],
    source_id: str,
    index: SourceIndex,
    aligned: Sequence[SentenceAlignment],
) -> list[dict]:
    """Rows of the ``alignments`` table for aligned sentences (see :func:`align_article`)."""
    by_id = {s.sentence_id: s for s in index.sentences}
    rows = []
    for sentence, al in zip(sentences, aligned, strict=True):
        row = {
            "article_id": article_id,
            "sentence_id": sentence.sentence_id,
            "text": sentence.text,
            "source_id": "",
            "source_sentence_id": -1,
            "source_text": "",
            "similarity": al.similarity,
            "label": al.label,
            "start": sentence.start,
            "end": sentence.end,
            "source_start": -1,
            "source_end": -1,
        }
        if al.label != "new":
            group = [by_id[i] for i in al.source_ids]
            row.update(
                source_id=source_id,
                source_sentence_id=group[0].sentence_id,
                source_text=" ".join(s.text for s in group),
                source_start=group[0].start,
                source_end=group[-1].end,
            )
        rows.append(row)
    return rows


def align_article(article, source, source_id: str | None = None) -> pd.DataFrame:
    """Align every sentence of ``article`` with ``source`` (both Article-like objects).

    Returns rows with ``schema.ALIGNMENT_COLUMNS`` + ``start, end, source_start,
    source_end``: offsets of the article sentence in ``article.text`` and of the aligned
    source wording in ``source.text`` (-1 for ``new``). ``source_id`` defaults to
    ``source.article_id``. ``similarity`` is described in the module docstring.
    """
    index = SourceIndex(source.sentences)
    aligned = align_sentences(article.sentences, index)
    rows = alignment_rows(
        article.article_id, article.sentences, source_id or source.article_id, index, aligned
    )
    return pd.DataFrame(rows, columns=ALIGNMENT_COLUMNS + ALIGNMENT_EXTRA_COLUMNS)
