"""Input formats: files and folders to raw article texts with their record metadata.

Reads ``.txt``/``.md`` files as they are, ``.html`` pages (main text, title, author, date
and site extracted with trafilatura), and ``.json``/``.jsonl``/``.csv`` files with one
article per record (fields named in :data:`BODY_FIELDS`, :data:`ID_FIELDS` and
:data:`META_FIELDS`). Returns :class:`RawInput` items: the decoded text, or ``None`` and
the reason it could not be read. Parsing the text itself is :mod:`wiretrace.ingest.corpus`'s.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
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
#: The largest CSV field read (the csv module's default, 131,072 characters, is too small
#: for a long article in one cell).
CSV_FIELD_LIMIT = 64 * 1024 * 1024
#: Files whose presence marks a folder that is not news input: a virtualenv
#: (``pyvenv.cfg``) or a wiretrace output folder (``audit.json`` beside ``articles.csv``).
SKIP_MARKERS = (("pyvenv.cfg",), ("audit.json", "articles.csv"))
#: Folder names never searched (besides hidden ones, whose names start with a dot).
SKIP_FOLDERS = {"__pycache__", "node_modules", "site-packages"}


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
    sha256: str = ""


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


def _csv_records(text: str) -> Iterator[dict | str]:
    """The rows of a CSV text as dicts; a row the csv module cannot read ends the file
    with one reason string (the rows before it are kept)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        reader = csv.DictReader(io.StringIO(text))
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield f"unreadable csv from line {reader.line_num}: {exc}"
                return
            yield row
    finally:
        csv.field_size_limit(limit)


def _jsonl_records(text: str) -> Iterator[dict | str]:
    """The records of a JSONL text; a line that is not JSON gives a reason string."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"unreadable jsonl line {number}: {exc}"


def _records(path: Path, text: str) -> Iterator[RawInput]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            records = list(_csv_records(text))
        elif suffix == ".jsonl":
            records = list(_jsonl_records(text))
        else:
            loaded = json.loads(text)
            records = loaded if isinstance(loaded, list) else [loaded]
    except (json.JSONDecodeError, RecursionError) as exc:
        yield RawInput(path.stem, str(path), None, f"unreadable {suffix[1:]}: {exc}")
        return
    if not records:
        yield RawInput(path.stem, str(path), None, f"no records in the {suffix[1:]} file")
        return
    for n, record in enumerate(records):
        rid = f"{path.stem}#{n}"
        if isinstance(record, str):  # a line or row that could not be read
            yield RawInput(rid, str(path), None, record)
            continue
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


#: A numeric character reference (``&#65535;``, ``&#xD800;``).
_REFERENCE = re.compile(r"&#(x[0-9a-f]+|\d+);", re.IGNORECASE)
#: Characters XML cannot hold (lxml drops a whole page that has one).
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_char(code: int) -> bool:
    """Whether XML can hold the code point ``code``."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _safe_reference(match: re.Match) -> str:
    value = match.group(1)
    code = int(value[1:], 16) if value[0] in "xX" else int(value)
    return match.group() if _xml_char(code) else "\ufffd"


def xml_safe(html: str) -> str:
    """``html`` with the characters and character references XML cannot hold made
    U+FFFD, so that one such character (``&#65535;``) does not lose the page."""
    return _BAD_CHARACTER.sub("\ufffd", _REFERENCE.sub(_safe_reference, html))


def _html(path: Path, html: str) -> RawInput:
    import trafilatura
    from trafilatura.settings import set_date_params

    doc = trafilatura.bare_extraction(
        xml_safe(html),
        with_metadata=True,
        include_comments=False,
        # The page's own date only: no guess from a year named in the story ("in 2020").
        date_extraction_params=set_date_params(extensive=False),
    )
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


def _skipped_folder(folder: Path) -> bool:
    """Whether a folder met while searching is never read: hidden, a virtualenv, a cache,
    or a wiretrace output folder (:data:`SKIP_MARKERS`)."""
    if folder.name.startswith(".") or folder.name in SKIP_FOLDERS:
        return True
    return any(all((folder / name).is_file() for name in marker) for marker in SKIP_MARKERS)


def _walk(folder: Path, seen: set[str]) -> Iterator[Path]:
    """The files under ``folder`` in name order, links to folders followed once each.

    A folder that cannot be listed is yielded itself (:func:`read_file` gives its reason).
    """
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        children = sorted(folder.iterdir())
    except OSError:
        yield folder
        return
    for child in children:
        if child.name.startswith(".") or child.name.lower() in SIDECAR_NAMES:
            continue
        if child.is_dir():
            if not _skipped_folder(child):
                yield from _walk(child, seen)
        else:
            yield child


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files of ``paths``: files as given, folders searched recursively in name order.

    Each file is given once, however it is reached (two spellings of one path, a link to
    it): files are told apart by their real paths. Hidden files and folders, sidecar
    metadata files (:data:`SIDECAR_NAMES`) and the folders of :func:`_skipped_folder`
    are not searched; links to folders are followed (once). Broken links, FIFOs and
    other special files are yielded so that :func:`read_file` rejects them with a reason.
    Raises :class:`InputError` for an empty path or a path that does not exist.
    """
    seen_files: set[str] = set()
    seen_folders: set[str] = set()
    for raw in paths:
        if not str(raw).strip():
            raise InputError("an input path is empty")
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, seen_folders)
        elif path.exists() or path.is_symlink():
            found = iter([path])
        else:
            raise InputError(f"no such file or folder: {path}")
        for file in found:
            real = os.path.realpath(file)
            if real not in seen_files:
                seen_files.add(real)
                yield file


def _unreadable(path: Path) -> str:
    """Why ``path`` cannot be read as a file ('' when it is a regular file)."""
    if path.is_symlink() and not path.exists():
        return "broken symbolic link"
    if path.is_dir():
        return "cannot list the folder"
    if not path.is_file():
        return "not a regular file (a FIFO, socket or device)"
    return ""


def read_file(path: Path) -> Iterator[RawInput]:
    """The raw inputs of one file: one for a text or HTML file, one per record otherwise.

    An unsupported, unreadable, empty or binary file, a broken link or a special file
    gives one :class:`RawInput` with ``text=None`` and the reason; a record that cannot be
    read gives one such item and the file's other records are read. Every item carries
    the SHA-256 of the file's bytes, computed when they are read.
    """
    suffix = path.suffix.lower()
    if reason := _unreadable(path):
        yield RawInput(path.stem, str(path), None, reason)
        return
    if suffix not in SUFFIXES:
        yield RawInput(path.stem, str(path), None, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield RawInput(path.stem, str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    digest = hashlib.sha256(data).hexdigest()
    plain = suffix not in RECORD_SUFFIXES and suffix not in HTML_SUFFIXES
    text, reason = decode(data, keep_offsets=plain)
    if text is None:
        items: Iterable[RawInput] = [RawInput(path.stem, str(path), None, reason)]
    elif suffix in RECORD_SUFFIXES:
        items = _records(path, text)
    elif suffix in HTML_SUFFIXES:
        items = [_html(path, text)]
    else:
        items = [RawInput(path.stem, str(path), text)]
    for item in items:
        item.sha256 = digest
        yield item
