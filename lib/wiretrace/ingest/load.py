"""Load articles from files and folders into a :class:`Corpus`.

Reads ``.txt``/``.md`` files, ``.html`` pages (main text extracted with trafilatura),
and ``.json``/``.jsonl``/``.csv`` files with one article per record. Decodes UTF-8 (with
or without BOM), then cp1252, then latin-1. Separates what the text says about itself
(a leading ``date YYYY-MM-DD`` line, bylines, credit lines, datelines, photo captions and
credits, promotional boilerplate) from the body used for matching, and splits the body
into sentences with character offsets into the original text.

Returns a :class:`Corpus`: every input becomes an :class:`Article`, with ``status='ok'``
or ``status='rejected'`` and a ``reason``; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wiretrace.language.text import Sentence, split_sentences, words
from wiretrace.schema import ARTICLE_COLUMNS, METADATA_COLUMNS

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
#: File names inside an input folder that hold sidecar metadata, not articles.
SIDECAR_NAMES = {"metadata.csv"}
#: Record fields read as the article body, the id and the metadata (first match wins).
BODY_FIELDS = ("text", "body", "content", "article", "maintext")
ID_FIELDS = ("article_id", "id", "doc_id", "guid")
META_FIELDS = {
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "domain"),
    "url": ("url", "link"),
    "date": ("date", "published", "published_date", "pubdate", "date_publish"),
    "language": ("language", "lang"),
    "role": ("role",),
    "byline": ("byline", "author", "authors"),
    "title": ("title", "headline"),
}


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
        rows = [
            {
                "article_id": a.article_id,
                "path": a.path,
                "status": a.status,
                "reason": a.reason,
                "outlet": a.outlet,
                "byline": a.byline,
                "date": a.date,
                "dateline": a.dateline,
                "language": a.language,
                "role": a.role,
                "n_sentences": len(a.sentences),
                "n_words": a.n_words,
            }
            for a in self.articles
        ]
        return pd.DataFrame(rows, columns=ARTICLE_COLUMNS)

    def metadata_table(self) -> pd.DataFrame:
        """Every metadata part found in the texts: ``article_id, kind, text, start, end``."""
        rows = [
            {
                "article_id": a.article_id,
                "kind": p.kind,
                "text": p.text,
                "start": p.start,
                "end": p.end,
            }
            for a in self.articles
            for p in a.parts
        ]
        return pd.DataFrame(rows, columns=METADATA_COLUMNS)


class InputError(ValueError):
    """Raised for inputs that cannot be audited at all (a path that does not exist)."""


# ---------------------------------------------------------------------------- decoding


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


# ------------------------------------------------------------------- metadata in texts

_DATE_LINE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_NAME = r"[A-Z][\w'.\-]*(?:\s+(?:[A-Z][\w'.\-]*|de|da|van|von|al|bin|la|le|and))*"
_BYLINE = re.compile(
    rf"By\s+(?P<name>{_NAME})\s*(?:,\s*(?P<org>[A-Z][\w .&-]{{1,40}}?))?\s*"
    r"(?P<credit>\([^()]{2,80}\))?\s*$"
)
_CREDIT_LINE = re.compile(
    r"\(?\s*(?:with\s+(?:inputs?|reporting|additional\s+reporting)\s+from\b[^()]*"
    r"|with\s+agency\s+(?:reports|inputs)"
    r"|(?:additional\s+)?reporting\s+by\b[^()]*"
    r"|(?:source|sources|credit)\s*:\s*[^()]+"
    r"|[a-z]{1,4}(?:/[a-z]{2,})+"
    r"|agencies)\s*\)?\.?",
    re.IGNORECASE,
)
_TRAILING_CREDIT = re.compile(
    r"\s*(?P<credit>\((?:[a-z]{1,4}/)+[a-z]{2,}\)|\(with\s[^()]{3,60}\)"
    r"|\((?:reporting|writing|editing)\s+by\s[^()]{3,120}\)"
    r"|[-\u2013\u2014]\s*(?:AFP|AP|Reuters|dpa|PTI|IANS|ANI|UNI|Xinhua|EFE|ANSA|PA))\s*$",
    re.IGNORECASE,
)
_PLACE = r"[A-Z][\w.'\-]+(?:[ /,]+[A-Z][\w.'\-]+){0,3}"
_DATELINE_INLINE = re.compile(
    rf"(?P<dateline>{_PLACE}(?:\s*,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    r"\s*(?:\([^()]{2,40}\))?\s*[\u2013\u2014-]{1,2})\s+(?=[A-Z\"\u201c'])"
)
_DATELINE_LINE = re.compile(rf"(?:{_PLACE}|[A-Z][A-Z .'/-]{{2,40}})")
_PHOTO = re.compile(
    r"(?P<credit>(?:\u00a9|\(c\)\s|copyright\b|(?:photo|image|picture|file photo)"
    r"\s*(?:credit)?\s*:)\s*[^\n]{1,80})$",
    re.IGNORECASE,
)
#: Promotional and navigation lines that are not part of any story.
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^watch\b.{0,40}\blive\b",
        r"you can now write for\b",
        r"share your stories",
        r"^(?:also read|read more|read also|related|recommended)\b\s*[:\-|]?",
        r"^follow\b.{0,60}\bon\s+(?:twitter|facebook|instagram|x|google news|whatsapp|telegram)",
        r"^(?:subscribe|sign up)\b",
        r"^click here\b",
        r"^download the\b.{0,40}\bapp\b",
        r"^advertisement$",
        r"^(?:copyright|all rights reserved)\b",
        r"^(?:share|tweet|email|print)(?:\s*\|\s*\w+)*$",
    )
]
_DOMAIN = re.compile(r"\b([a-z0-9][a-z0-9-]*\.(?:com|co\.uk|co\.in|net|org|in|de|fr|news|tv))\b")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        if end > start:
            yield start, end


def _is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in BOILERPLATE)


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
    lines = list(_lines(text))
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        at_head = not blocks
        if at_head and index == 0 and (m := _DATE_LINE.match(line)):
            parts.append(MetaPart("date", m.group(1), start + m.start(1), start + m.end(1)))
            start += m.end()
            line = text[start:end]
            if not line:
                continue
        if at_head and (m := _BYLINE.match(line)):
            parts.append(
                MetaPart("byline", m.group("name"), start + m.start("name"), start + m.end("name"))
            )
            if m.group("org"):
                parts.append(
                    MetaPart("credit", m.group("org"), start + m.start("org"), start + m.end("org"))
                )
            if m.group("credit"):
                s, e = start + m.start("credit"), start + m.end("credit")
                parts.append(MetaPart("credit", text[s:e], s, e))
            continue
        headline_only = len(blocks) == 1 and not _CLOSED_END.search(text[slice(*blocks[0])])
        if (
            (not blocks or headline_only)  # at the head, or right after a headline
            and len(line) <= 40
            and _DATELINE_LINE.fullmatch(line)
            and len(line.split()) <= 3
        ):
            parts.append(MetaPart("dateline", line, start, end))
            continue
        if _is_boilerplate(line):
            parts.append(MetaPart("boilerplate", line, start, end))
            continue
        if _CREDIT_LINE.fullmatch(line):
            parts.append(MetaPart("credit", line, start, end))
            continue
        if len(line) <= 400 and (m := _PHOTO.search(line)):
            cut = start + m.start("credit")
            caption = text[start:cut].rstrip()
            if caption:
                parts.append(MetaPart("caption", caption, start, start + len(caption)))
            parts.append(MetaPart("photo_credit", text[cut:end], cut, end))
            continue
        if len(blocks) < 3 and (m := _DATELINE_INLINE.match(line)):
            dateline = m.group("dateline").rstrip(" -\u2013\u2014")
            parts.append(MetaPart("dateline", dateline, start, start + len(dateline)))
            start += m.end()
        blocks.append((start, end))
    blocks = _unwrap(text, blocks)
    # A sign-off at the end of the last paragraph: "(cs/afp/dpa)", "- AFP".
    if blocks:
        start, end = blocks[-1]
        m = _TRAILING_CREDIT.search(text, start, end)
        if m and m.start() > start:
            s, e = m.start("credit"), m.end("credit")
            parts.append(MetaPart("credit", text[s:e], s, e))
            blocks[-1] = (start, len(text[: m.start()].rstrip()))
    parts.sort(key=lambda p: (p.start, p.kind))
    return parts, blocks


@lru_cache(maxsize=200_000)
def _common_english(word: str) -> bool:
    # Cached: a wordfreq lookup costs ~20 us and was a fifth of loading time.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.0


#: A line that ends a sentence: closing punctuation, or a quote mark right after one.
_CLOSED_END = re.compile(r"(?:[.!?:;)\]\u00bb]|[.!?,][\"\u201d\u2019']+)$")
_SOFT_END = re.compile(r"[,\-\u2013\u2014]$")


def _is_hard_wrapped(text: str, blocks: list[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width: short lines, most ending mid-sentence."""
    lines = [text[s:e] for s, e in blocks]
    if len(lines) < 4:
        return False
    lengths = sorted(len(line) for line in lines)
    open_ends = sum(not _CLOSED_END.search(line) for line in lines)
    return 40 <= lengths[len(lengths) // 2] <= 90 and open_ends > len(lines) / 2


def _unwrap(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a hard-wrapped paragraph into one block.

    A line break is soft when the line has no closing punctuation, no blank line follows,
    and either the next line goes on in lower case ("to\nexisting classes"), the line
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
            open_end = not _CLOSED_END.search(previous)
            soft = text[prev_end:start].count("\n") == 1 and (
                (open_end and (wrapped or current[:1].islower())) or _SOFT_END.search(previous)
            )
            if soft:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


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
        if (
            value is None
            or (isinstance(value, float) and pd.isna(value))
            or str(value).strip() == ""
        ):
            continue
        setattr(article, key, str(value).strip())
    if article.title and not any(p.kind == "title" for p in parts):
        article.parts.insert(0, MetaPart("title", article.title, -1, -1))
    if not article.sentences:
        article.status, article.reason = "rejected", "no sentences in the body"
    elif not article.language:
        article.language = guess_language(article.body)
    return article


# ------------------------------------------------------------------------------ inputs


@dataclass
class _Raw:
    article_id: str
    path: str
    text: str | None
    reason: str = ""
    meta: dict = field(default_factory=dict)


def _pick(record: dict, names: Iterable[str]):
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "") and not (isinstance(value, float) and pd.isna(value)):
            return value
    return None


def _records(path: Path, text: str) -> Iterator[_Raw]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            records = list(csv.DictReader(io.StringIO(text)))
        elif suffix == ".jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            loaded = json.loads(text)
            records = loaded if isinstance(loaded, list) else [loaded]
    except (json.JSONDecodeError, csv.Error) as exc:
        yield _Raw(path.stem, str(path), None, f"unreadable {suffix[1:]}: {exc}")
        return
    for n, record in enumerate(records):
        rid = f"{path.stem}#{n}"
        if not isinstance(record, dict):
            yield _Raw(rid, str(path), None, "record is not an object")
            continue
        rid = str(_pick(record, ID_FIELDS) or rid)
        body = _pick(record, BODY_FIELDS)
        meta = {key: _pick(record, names) for key, names in META_FIELDS.items()}
        if isinstance(meta.get("byline"), list):
            meta["byline"] = ", ".join(map(str, meta["byline"]))
        if body is None or not str(body).strip():
            yield _Raw(rid, str(path), None, f"record has no text field ({', '.join(BODY_FIELDS)})")
            continue
        yield _Raw(rid, str(path), str(body), meta={k: v for k, v in meta.items() if v})


def _html(path: Path, html: str) -> _Raw:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return _Raw(path.stem, str(path), None, "no article text found in the HTML")
    title = getattr(doc, "title", None) or ""
    first, _, rest = body.partition("\n")
    if title and first.strip() and first.strip() in title:  # the headline, kept as metadata
        body = rest
    meta = {
        "title": getattr(doc, "title", None),
        "byline": getattr(doc, "author", None),
        "date": getattr(doc, "date", None),
        "outlet": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "url": getattr(doc, "url", None),
    }
    return _Raw(path.stem, str(path), body, meta={k: v for k, v in meta.items() if v})


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = child.name.startswith(".") or child.name.lower() in SIDECAR_NAMES
                if child.is_file() and not hidden:
                    yield child
        elif path.is_file():
            yield path
        else:
            raise InputError(f"no such file or folder: {path}")


def _read(path: Path) -> Iterator[_Raw]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield _Raw(path.stem, str(path), None, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _Raw(path.stem, str(path), None, f"cannot read: {exc.strerror}")
        return
    text, reason = decode(data)
    if text is None:
        yield _Raw(path.stem, str(path), None, reason)
    elif suffix in RECORD_SUFFIXES:
        yield from _records(path, text)
    elif suffix in HTML_SUFFIXES:
        yield _html(path, text)
    else:
        yield _Raw(path.stem, str(path), text)


def read_metadata(path: str | Path) -> dict[str, dict]:
    """Read a sidecar metadata CSV into ``{article_id: {field: value}}``.

    The key column is ``article_id`` (or ``id``, ``file``, ``filename``, ``path``: the file
    name's stem is used); recognised fields are outlet, url, date, language, role,
    byline and title, under the names listed in ``META_FIELDS``.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    key = next((c for c in frame.columns if c.lower() in ("article_id", "id")), None)
    key = key or next((c for c in frame.columns if c.lower() in ("file", "filename", "path")), None)
    if key is None:
        raise InputError(f"{path}: metadata needs an 'article_id' or 'file' column")
    out = {}
    for record in frame.to_dict("records"):
        ident = str(record[key])
        ident = Path(ident).stem if key.lower() in ("file", "filename", "path") else ident
        meta = {name: _pick(record, names) for name, names in META_FIELDS.items()}
        out[ident] = {k: v for k, v in meta.items() if v}
    return out


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
    sidecar: dict[str, dict] = {}
    for raw in [*paths, *wire]:
        candidate = Path(raw) / "metadata.csv"
        if Path(raw).is_dir() and candidate.is_file():
            sidecar.update(read_metadata(candidate))
    if meta is not None:
        if not Path(meta).is_file():
            raise InputError(f"no such metadata file: {meta}")
        sidecar.update(read_metadata(meta))
    wire_files = {p.resolve() for p in _expand(wire)}
    files = list(dict.fromkeys([*_expand(paths), *_expand(wire)]))
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for path in tqdm(files, desc="reading", unit="file", disable=not progress):
        for raw in _read(path):
            count = seen.get(raw.article_id, 0) + 1
            seen[raw.article_id] = count
            article_id = raw.article_id if count == 1 else f"{raw.article_id}~{count}"
            info = {**raw.meta, **sidecar.get(raw.article_id, {})}
            if path.resolve() in wire_files:
                info["role"] = "wire"
            if raw.text is None:
                article = Article(article_id, raw.path, status="rejected", reason=raw.reason)
            else:
                article = parse_article(article_id, raw.path, raw.text, info)
            if article.role not in ("wire", "article"):
                article.status, article.reason = "rejected", f"unknown role '{article.role}'"
            articles.append(article)
    return Corpus(articles)
