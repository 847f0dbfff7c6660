"""Input formats: files and folders to raw article texts with their record metadata.

Reads ``.txt``/``.md`` files as they are, ``.html`` pages (main text, title, author, date
and site extracted with trafilatura), and ``.json``/``.jsonl``/``.csv`` files with one
article per record (fields named in :data:`BODY_FIELDS`, :data:`ID_FIELDS` and
:data:`META_FIELDS`). Returns :class:`RawInput` items: the decoded text, or ``None`` and
the reason it could not be read. Parsing the text itself is :mod:`wiretrace.ingest.corpus`'s.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wiretrace.ingest.decode import decode

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


class InputError(ValueError):
    """Raised for inputs that cannot be audited at all (a path that does not exist)."""


@dataclass
class RawInput:
    """One input before parsing: its id, path, text (None when unreadable) and metadata."""

    article_id: str
    path: str
    text: str | None
    reason: str = ""
    meta: dict = field(default_factory=dict)


def pick_field(record: dict, names: Iterable[str]):
    """The first non-empty value of ``record`` under one of ``names`` (case ignored), or None."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "") and not (isinstance(value, float) and pd.isna(value)):
            return value
    return None


def record_meta(record: dict) -> dict:
    """The metadata fields of :data:`META_FIELDS` found in ``record`` (empty ones left out)."""
    meta = {name: pick_field(record, names) for name, names in META_FIELDS.items()}
    return {k: v for k, v in meta.items() if v}


def _records(path: Path, text: str) -> Iterator[RawInput]:
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
        yield RawInput(path.stem, str(path), None, f"unreadable {suffix[1:]}: {exc}")
        return
    for n, record in enumerate(records):
        rid = f"{path.stem}#{n}"
        if not isinstance(record, dict):
            yield RawInput(rid, str(path), None, "record is not an object")
            continue
        rid = str(pick_field(record, ID_FIELDS) or rid)
        body = pick_field(record, BODY_FIELDS)
        meta = record_meta(record)
        if isinstance(meta.get("byline"), list):
            meta["byline"] = ", ".join(map(str, meta["byline"]))
        if body is None or not str(body).strip():
            reason = f"record has no text field ({', '.join(BODY_FIELDS)})"
            yield RawInput(rid, str(path), None, reason)
            continue
        yield RawInput(rid, str(path), str(body), meta=meta)


def _html(path: Path, html: str) -> RawInput:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body:
        return RawInput(path.stem, str(path), None, "no article text found in the HTML")
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
    return RawInput(path.stem, str(path), body, meta={k: v for k, v in meta.items() if v})


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files of ``paths``: files as given, folders searched recursively in name order.

    Hidden files and sidecar metadata files (:data:`SIDECAR_NAMES`) are skipped. Raises
    :class:`InputError` for a path that does not exist.
    """
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


def read_file(path: Path) -> Iterator[RawInput]:
    """The raw inputs of one file: one for a text or HTML file, one per record otherwise.

    An unsupported, unreadable, empty or binary file gives one :class:`RawInput` with
    ``text=None`` and the reason.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield RawInput(path.stem, str(path), None, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield RawInput(path.stem, str(path), None, f"cannot read: {exc.strerror}")
        return
    text, reason = decode(data)
    if text is None:
        yield RawInput(path.stem, str(path), None, reason)
    elif suffix in RECORD_SUFFIXES:
        yield from _records(path, text)
    elif suffix in HTML_SUFFIXES:
        yield _html(path, text)
    else:
        yield RawInput(path.stem, str(path), text)
