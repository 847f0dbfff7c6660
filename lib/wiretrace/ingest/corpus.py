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

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from wiretrace.ingest.formats import InputError, RawInput, expand_paths, read_file
from wiretrace.ingest.sidecar import Sidecar, normalise_role, sidecar_metadata
from wiretrace.ingest.textmeta import MetaPart, extract_parts
from wiretrace.language.detect import NO_LANGUAGE, detect_language
from wiretrace.language.text import WORD_RE, Sentence, iter_words, split_sentences
from wiretrace.schema import ARTICLE_COLUMNS, METADATA_COLUMNS

__all__ = [
    "Article",
    "ArticleSummary",
    "Corpus",
    "InputError",
    "as_paths",
    "guess_language",
    "load_corpus",
    "parse_inputs",
    "read_inputs",
    "read_files",
    "input_files",
    "unique_ids",
    "parse_article",
]

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
    sha256: str = ""

    @property
    def body(self) -> str:
        """The body sentences joined by single spaces (metadata and boilerplate left out)."""
        return " ".join(s.text for s in self.sentences)

    @property
    def n_sentences(self) -> int:
        """Number of sentences in the body."""
        return len(self.sentences)

    @cached_property
    def n_words(self) -> int:
        """Number of words in the body (counted once: the sentences are not changed after
        parsing; a parallel load counts them on the worker that parsed the article): the
        word tokens of the sentences, which no space joins, so counted in the body at once."""
        return len(WORD_RE.findall(self.body))

    def parts_of(self, kind: str) -> list[MetaPart]:
        """The metadata parts of one kind, in text order."""
        return [p for p in self.parts if p.kind == kind]

    def summary(self) -> ArticleSummary:
        """What the driver of a parallel audit keeps of this article (no text, no
        sentences): see :class:`ArticleSummary`."""
        return ArticleSummary(
            **{name: getattr(self, name) for name in ArticleSummary.__dataclass_fields__}
        )


@dataclass(slots=True)
class ArticleSummary:
    """An article without its text: the columns of the ``articles`` table, its SHA-256
    and its metadata parts.

    A parallel audit keeps the parsed :class:`Article` objects on the workers that parsed
    them and holds these on the driver instead (``AuditResult.corpus.articles`` is a list
    of them in a run with ``workers`` > 1 or a ``scheduler``), so the driver's memory does
    not grow with the text of the corpus. A :class:`Corpus` of summaries gives the same
    ``table()`` and ``metadata_table()`` as one of the articles they summarise.
    """

    article_id: str
    path: str
    status: str
    reason: str
    outlet: str
    byline: str
    date: str
    dateline: str
    language: str
    role: str
    n_sentences: int
    n_words: int
    sha256: str
    parts: list[MetaPart]


@dataclass
class Corpus:
    """The articles of one audit run, accepted and rejected, in input order.

    ``articles`` are :class:`Article` objects, or :class:`ArticleSummary` objects (no
    text) in the result of a parallel audit; both give the same tables.
    """

    articles: list[Article | ArticleSummary]
    warnings: list[str] = field(default_factory=list)

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
        """The ``articles`` table of the output contract, one row per input (built column
        by column: no object per row)."""
        if not self.articles:
            return pd.DataFrame([], columns=ARTICLE_COLUMNS)
        return pd.DataFrame({c: [getattr(a, c) for a in self.articles] for c in ARTICLE_COLUMNS})

    def metadata_table(self) -> pd.DataFrame:
        """Every metadata part found in the texts: ``article_id, kind, text, start, end``."""
        rows = [{"article_id": a.article_id, **asdict(p)} for a in self.articles for p in a.parts]
        return pd.DataFrame(rows, columns=METADATA_COLUMNS)


# ----------------------------------------------------------------------------- language


def guess_language(body: str) -> str:
    """The language of an article's body: an ISO 639-1 code, ``'zxx'`` for no
    recognisable language, ``'und'`` when undecided (see
    :func:`wiretrace.language.detect.detect_language`)."""
    return detect_language(body, iter_words(body))


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
        if article.language == NO_LANGUAGE:
            article.status, article.reason = "rejected", "no recognisable language in the body"
    return article


def _article(raw: RawInput, article_id: str, info: dict) -> Article:
    """The article of one raw input (rejected when unreadable or of an unknown role)."""
    if raw.text is None:
        article = Article(article_id, raw.path, status="rejected", reason=raw.reason)
    else:
        article = parse_article(article_id, raw.path, raw.text, info)
    article.sha256 = raw.sha256
    article.role = normalise_role(article.role)
    if article.role not in ("wire", "article"):
        article.status, article.reason = "rejected", f"unknown role '{article.role}'"
    return article


def _error(exc: BaseException) -> str:
    """The reason of a rejected input whose reading raised ``exc``: its type and message."""
    message = " ".join(str(exc).split())[:300]
    return f"error while reading: {type(exc).__name__}" + (f": {message}" if message else "")


def _raw_inputs(path: Path) -> Iterator[RawInput]:
    """:func:`read_file`'s inputs, the error that ends them made one rejected input."""
    items = read_file(path)
    while True:
        try:
            raw = next(items)
        except StopIteration:
            return
        except Exception as exc:  # the per-input guard: any failure is a rejected row
            yield RawInput(path.stem, str(path), None, _error(exc))
            return
        yield raw


@dataclass
class _Ids:
    """Unique article ids: a repeated id gets the first free ``~2``, ``~3`` suffix."""

    used: set[str] = field(default_factory=set)

    def take(self, wanted: str) -> str:
        """``wanted``, or ``wanted~N`` with the smallest N >= 2 not yet taken."""
        candidate, count = wanted, 1
        while candidate in self.used:
            count += 1
            candidate = f"{wanted}~{count}"
        self.used.add(candidate)
        return candidate


def as_paths(paths: Iterable[str | Path] | str | Path | None) -> list[str | Path]:
    """A list of paths from one path, ``None`` (no paths) or an iterable of them."""
    if paths is None:
        return []
    if isinstance(paths, (str, Path, os.PathLike)):
        return [paths]
    return list(paths)


def _sidecar_warnings(sidecar: Sidecar) -> list[str]:
    """Every warning of the sidecar metadata, once each, unmatched keys last."""
    unused = sidecar.unused_warning()
    return list(dict.fromkeys([*sidecar.warnings, *([unused] if unused else [])]))


#: One input to parse: the raw input, its article id, and its metadata (``None`` when
#: reading the metadata raised; the error is then the fourth element).
InputJob = tuple[RawInput, str, "dict | None", str]


def input_files(
    paths: Iterable[str | Path] | str | Path | None,
    wire: Iterable[str | Path] | str | Path | None = (),
    meta: str | Path | None = None,
) -> tuple[list[tuple[str, bool]], Sidecar]:
    """The files to read, in input order, each with whether it is wire copy, and the
    sidecar metadata of the run (:func:`load_corpus` describes both). Reads no input."""
    paths, wire = as_paths(paths), as_paths(wire)
    sidecar = sidecar_metadata([*paths, *wire], meta)
    wire_files = {os.path.realpath(p) for p in expand_paths(wire)}
    files = [(str(p), os.path.realpath(p) in wire_files) for p in expand_paths([*paths, *wire])]
    return files, sidecar


def _job(raw: RawInput, article_id: str, sidecar: Sidecar, is_wire: bool) -> InputJob:
    """The job of one raw input: its metadata (its own, the sidecar's, the wire role)."""
    try:
        info = {**raw.meta, **sidecar.fields(raw.article_id, raw.path)}
        if is_wire:
            info["role"] = "wire"
        return (raw, article_id, info, "")
    except Exception as exc:  # the per-input guard
        return (raw, article_id, None, _error(exc))


def read_inputs(
    paths: Iterable[str | Path] | str | Path | None,
    wire: Iterable[str | Path] | str | Path | None = (),
    meta: str | Path | None = None,
    progress: bool = False,
) -> tuple[list[InputJob], list[str]]:
    """The reading half of :func:`load_corpus`: every input found and decoded, given its
    unique id and metadata, in input order, and the sidecar's warnings. Parse the jobs
    with :func:`parse_inputs`, in any number of parts and processes."""
    from tqdm import tqdm

    files, sidecar = input_files(paths, wire, meta)
    jobs: list[InputJob] = []
    ids = _Ids()
    for name, is_wire in tqdm(files, desc="reading", unit="file", disable=not progress):
        for raw in _raw_inputs(Path(name)):
            jobs.append(_job(raw, ids.take(raw.article_id), sidecar, is_wire))
    return jobs, _sidecar_warnings(sidecar)


def read_files(files: Iterable[tuple[str, bool]], sidecar: Sidecar) -> tuple[list[Article], set]:
    """Read and parse some of :func:`input_files`' files where this runs (a worker of a
    parallel audit): their articles in order, and the sidecar keys they used.

    The articles keep the ids their inputs give them, not yet made unique across the
    run: :func:`unique_ids` gives the ids a serial load gives, in input order. Each input
    is parsed as soon as it is read, so only one raw text is held besides the articles.
    """
    sidecar = replace(sidecar, used=set())  # this part's keys alone
    articles = []
    for name, is_wire in files:
        for raw in _raw_inputs(Path(name)):
            articles.extend(parse_inputs([_job(raw, raw.article_id, sidecar, is_wire)]))
    return articles, sidecar.used


def unique_ids(ids: Iterable[str]) -> list[str]:
    """The run's unique article ids for the inputs' own ``ids`` in input order: a
    repeated id gets the first free ``~2``, ``~3`` suffix, as in :func:`load_corpus`."""
    taken = _Ids()
    return [taken.take(i) for i in ids]


def sidecar_warnings(sidecar: Sidecar, used: Iterable[set]) -> list[str]:
    """The warnings of ``sidecar`` once the keys ``used`` by :func:`read_files`' parts
    are marked used."""
    for keys in used:
        sidecar.used |= keys
    return _sidecar_warnings(sidecar)


def parse_inputs(jobs: Iterable[InputJob]) -> list[Article]:
    """The articles of :func:`read_inputs`' jobs, one each, in order: any exception while
    parsing one makes that article rejected with the exception's message."""
    articles = []
    for raw, article_id, info, error in jobs:
        if info is None:
            article = Article(article_id, raw.path, status="rejected", reason=error)
        else:
            try:
                article = _article(raw, article_id, info)
            except Exception as exc:  # the per-input guard
                article = Article(article_id, raw.path, status="rejected", reason=_error(exc))
        article.sha256 = raw.sha256
        articles.append(article)
    return articles


def load_corpus(
    paths: Iterable[str | Path] | str | Path | None,
    wire: Iterable[str | Path] | str | Path | None = (),
    meta: str | Path | None = None,
    progress: bool = False,
) -> Corpus:
    """Read files and folders into a :class:`Corpus`.

    ``paths`` are files or folders (searched recursively; one path or ``None`` is taken
    too); ``wire`` are files or folders holding known wire copy, read like ``paths`` and
    given ``role='wire'``. A ``metadata.csv`` inside an input folder, and the file
    ``meta``, supply sidecar metadata (``meta`` wins; what they could not use is in
    ``Corpus.warnings``). Every file and record becomes exactly one article, ``ok`` or
    ``rejected`` with a reason, whatever fails while reading it; a file reached twice (two
    spellings, a link) is read once, as wire when it is among ``wire``. Article ids are
    file stems or record ids; a repeated id gets the first free ``~2``, ``~3`` suffix.
    Raises :class:`InputError` only for an empty path or one that does not exist.
    (:func:`read_inputs` then :func:`parse_inputs`.)
    """
    jobs, warnings = read_inputs(paths, wire, meta, progress)
    return Corpus(parse_inputs(jobs), warnings=warnings)
