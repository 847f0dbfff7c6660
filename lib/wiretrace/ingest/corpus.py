"""Load articles from files and folders into a :class:`Corpus`.

Takes files and folders (formats: :mod:`wiretrace.ingest.formats`; decoding:
:mod:`wiretrace.ingest.decode`; sidecar metadata: :mod:`wiretrace.ingest.sidecar`),
separates what each text says about itself from the body used for matching
(:mod:`wiretrace.ingest.textmeta`), and splits the body into sentences with character
offsets into the original text.

Returns a :class:`Corpus`: every input becomes an :class:`Article`, with ``status='ok'``
or ``status='rejected'`` and a ``reason``; nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wiretrace.ingest.formats import InputError, RawInput, expand_paths, read_file
from wiretrace.ingest.sidecar import sidecar_metadata
from wiretrace.ingest.textmeta import MetaPart, extract_parts
from wiretrace.language.text import Sentence, split_sentences, words
from wiretrace.schema import ARTICLE_COLUMNS, METADATA_COLUMNS

__all__ = ["Article", "Corpus", "InputError", "guess_language", "load_corpus", "parse_article"]

_DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9-]*\.(?:com|co\.uk|co\.in|net|org|in|de|fr|news|tv))\b")


@dataclass
class Article:
    """One input article: original text, metadata and body sentences with offsets."""

    article_id: str
    path: str
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    parts: list[MetaPart] = field(default_factory=list)
    status: str = "ok"
    reason: str = ""
    outlet: str = ""
    url: str = ""
    byline: str = ""
    date: str = ""
    dateline: str = ""
    language: str = ""
    role: str = "article"
    title: str = ""

    @property
    def body(self) -> str:
        """The body sentences joined by single spaces (metadata and boilerplate left out)."""
        return " ".join(s.text for s in self.sentences)

    @property
    def n_sentences(self) -> int:
        """Number of sentences in the body."""
        return len(self.sentences)

    @property
    def n_words(self) -> int:
        """Number of words in the body."""
        return sum(len(words(s.text)) for s in self.sentences)

    def parts_of(self, kind: str) -> list[MetaPart]:
        """The metadata parts of one kind, in text order."""
        return [p for p in self.parts if p.kind == kind]


@dataclass
class Corpus:
    """The articles of one audit run, accepted and rejected, in input order."""

    articles: list[Article]

    @property
    def ok(self) -> list[Article]:
        """The articles that were read and have at least one sentence."""
        return [a for a in self.articles if a.status == "ok"]

    def __getitem__(self, article_id: str) -> Article:
        for a in self.articles:
            if a.article_id == article_id:
                return a
        raise KeyError(article_id)

    def table(self) -> pd.DataFrame:
        """The ``articles`` table of the output contract, one row per input."""
        rows = [{c: getattr(a, c) for c in ARTICLE_COLUMNS} for a in self.articles]
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)

    def metadata_table(self) -> pd.DataFrame:
        """Every metadata part found in the texts: ``article_id, kind, text, start, end``."""
        rows = [{"article_id": a.article_id, **asdict(p)} for a in self.articles for p in a.parts]
        return pd.DataFrame(rows, columns=METADATA_COLUMNS)


# ----------------------------------------------------------------------------- language


@lru_cache(maxsize=200_000)
def _common_english(word: str) -> bool:
    # Cached: a wordfreq lookup costs ~20 us and was a fifth of loading time.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.0


def _english_share(body_words: Sequence[str]) -> float:
    sample = [w for w in body_words if w.isalpha()][:300]
    if not sample:
        return 0.0
    return sum(_common_english(w) for w in sample) / len(sample)


def guess_language(body: str) -> str:
    """``'en'`` when most words are common English words, else ``'und'`` (undetermined).

    A deliberately plain test (share of the first 300 words with a wordfreq Zipf
    frequency of 3 or more, at least 0.6): wiretrace audits English text and only needs
    to notice input that is not.
    """
    return "en" if _english_share(words(body)) >= 0.6 else "und"


# ----------------------------------------------------------------------------- articles


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip()


def parse_article(article_id: str, path: str, text: str, meta: dict | None = None) -> Article:
    """Build an :class:`Article` from decoded text and optional metadata.

    ``meta`` values (outlet, url, date, language, role, byline, title) override what the
    text itself says; empty values are ignored.
    """
    article = Article(article_id=article_id, path=path, text=text)
    parts, blocks = extract_parts(text)
    article.parts = parts
    sentence_spans = [
        span for start, end in blocks for span in split_sentences(text[start:end], start)
    ]
    article.sentences = [Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(sentence_spans)]
    firsts = {}
    for p in parts:
        firsts.setdefault(p.kind, p.text)
    article.date = firsts.get("date", "")
    article.byline = firsts.get("byline", "")
    article.dateline = firsts.get("dateline", "")
    for p in article.parts_of("boilerplate"):
        if m := _DOMAIN.search(p.text.lower()):
            article.outlet = m.group(1)
            break
    for key, value in (meta or {}).items():
        if not _is_empty(value):
            setattr(article, key, str(value).strip())
    if article.title and not any(p.kind == "title" for p in parts):
        article.parts.insert(0, MetaPart("title", article.title, -1, -1))
    if not article.sentences:
        article.status, article.reason = "rejected", "no sentences in the body"
    elif not article.language:
        article.language = guess_language(article.body)
    return article


def _article(raw: RawInput, article_id: str, info: dict) -> Article:
    """The article of one raw input (rejected when unreadable or of an unknown role)."""
    if raw.text is None:
        article = Article(article_id, raw.path, status="rejected", reason=raw.reason)
    else:
        article = parse_article(article_id, raw.path, raw.text, info)
    if article.role not in ("wire", "article"):
        article.status, article.reason = "rejected", f"unknown role '{article.role}'"
    return article


def load_corpus(
    paths: Iterable[str | Path],
    wire: Iterable[str | Path] = (),
    meta: str | Path | None = None,
    progress: bool = False,
) -> Corpus:
    """Read files and folders into a :class:`Corpus`.

    ``paths`` are files or folders (searched recursively); ``wire`` are files or folders
    holding known wire copy, read like ``paths`` and given ``role='wire'``. A
    ``metadata.csv`` inside an input folder, and the file ``meta``, supply sidecar
    metadata (``meta`` wins). Article ids are file stems or record ids; a repeated id gets
    a ``~2``, ``~3`` suffix. Raises :class:`InputError` only for paths that do not exist.
    """
    from tqdm import tqdm

    paths, wire = list(paths), list(wire)
    sidecar = sidecar_metadata([*paths, *wire], meta)
    wire_files = {p.resolve() for p in expand_paths(wire)}
    files = list(dict.fromkeys([*expand_paths(paths), *expand_paths(wire)]))
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for path in tqdm(files, desc="reading", unit="file", disable=not progress):
        for raw in read_file(path):
            count = seen.get(raw.article_id, 0) + 1
            seen[raw.article_id] = count
            article_id = raw.article_id if count == 1 else f"{raw.article_id}~{count}"
            info = {**raw.meta, **sidecar.get(raw.article_id, {})}
            if path.resolve() in wire_files:
                info["role"] = "wire"
            articles.append(_article(raw, article_id, info))
    return Corpus(articles)
