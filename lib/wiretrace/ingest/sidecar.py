"""Sidecar metadata: ``metadata.csv`` files in input folders and the ``--meta`` file.

Takes CSV files with a key column (``article_id``/``id``, or ``file``/``filename``/
``path``) and the fields of :data:`~wiretrace.ingest.formats.META_FIELDS`; returns a
:class:`Sidecar` that gives each input the fields that override what it says about itself,
and lists what it could not use (unknown keys, malformed rows, ignored columns) as
warnings.

A ``file`` key with a folder in it (``b/x.txt``) names one file, relative to the metadata
file's folder, to an input folder or to the working directory; a bare file name
(``x.txt``, or ``x``) names the article whose id is its stem, as an ``article_id`` key does.
Role values are read without case, with the synonyms of ``data/roles.csv``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.ingest.decode import decode
from wiretrace.ingest.formats import CSV_FIELD_LIMIT, META_FIELDS, InputError, record_meta
from wiretrace.language.resources import word_groups

#: Key columns, by kind: an article id as it is, or a file name whose stem is the id.
ID_COLUMNS = ("article_id", "id")
FILE_COLUMNS = ("file", "filename", "path")
#: Role words (lower case) -> role: ``Wire``, ``agency copy`` -> ``wire`` (``data/roles.csv``).
ROLE_WORDS = {word: role for role, words in word_groups("roles").items() for word in words}


def normalise_role(value: str) -> str:
    """The role a metadata value names (``'Wire'`` -> ``'wire'``), or the value lower-cased
    and stripped when it is no known role word (:data:`ROLE_WORDS`)."""
    key = " ".join(str(value).lower().split())
    return ROLE_WORDS.get(key, key)


@dataclass
class Sidecar:
    """The sidecar metadata of a run: fields by article id and by file, and warnings.

    ``by_id`` maps an article id to its fields; ``by_file`` a file's real path to them.
    :meth:`fields` looks an input up and marks its keys used; :meth:`unused_warning`
    names the keys no input matched.
    """

    by_id: dict[str, dict] = field(default_factory=dict)
    by_file: dict[str, dict] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def fields(self, article_id: str, path: str) -> dict:
        """The fields for the input ``article_id`` read from ``path`` (file keys win)."""
        out = {}
        if article_id in self.by_id:
            self.used.add(f"id:{article_id}")
            out.update(self.by_id[article_id])
        real = os.path.realpath(path)
        if real in self.by_file:
            self.used.add(f"file:{real}")
            out.update(self.by_file[real])
        return out

    def unused_warning(self) -> str:
        """A warning naming the metadata keys that matched no input ('' when all did)."""
        unused = [label for label, keys in self.keys.items() if not keys & self.used]
        if not unused:
            return ""
        return f"metadata keys matching no input ({len(unused)}): " + ", ".join(sorted(unused))


def _rows(path: Path) -> list[list[str]]:
    """The rows of a metadata CSV; raises :class:`InputError` for empty or binary data."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the metadata file: {exc.strerror}") from exc
    text, reason = decode(data)
    if text is None:
        raise InputError(f"{path}: metadata file is not a CSV text ({reason})")
    limit = csv.field_size_limit()
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        return list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise InputError(f"{path}: unreadable metadata CSV: {exc}") from exc
    finally:
        csv.field_size_limit(limit)


def _key_column(path: Path, header: list[str]) -> int:
    """The index of the key column of a metadata header (ids before file names)."""
    lowered = [c.strip().lower() for c in header]
    for names in (ID_COLUMNS, FILE_COLUMNS):
        for n, column in enumerate(lowered):
            if column in names:
                return n
    raise InputError(f"{path}: metadata needs an 'article_id' or 'file' column")


def read_sidecar(path: str | Path, bases: Iterable[str | Path] = (), into: Sidecar | None = None):
    """Read a sidecar metadata CSV into a :class:`Sidecar` (``into``, or a new one).

    The key column is ``article_id`` (or ``id``, ``file``, ``filename``, ``path``); a file
    key with a folder in it is looked for relative to the metadata file's folder, to each
    of ``bases`` and to the working directory. Recognised fields are outlet, url, date,
    language, role, byline and title, under the names of ``META_FIELDS``; other columns,
    rows with more cells than the header and rows without a key are reported in
    ``warnings``. Raises :class:`InputError` for an empty, binary or keyless file.
    """
    path = Path(path)
    sidecar = into if into is not None else Sidecar()
    rows = [row for row in _rows(path) if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(f"{path}: metadata file has no header")
    header = rows[0]
    key = _key_column(path, header)
    known = {name for names in META_FIELDS.values() for name in names}
    ignored = [c for n, c in enumerate(header) if n != key and c.strip().lower() not in known]
    if ignored:
        sidecar.warnings.append(f"{path}: metadata columns ignored: {', '.join(ignored)}")
    by_file = header[key].strip().lower() in FILE_COLUMNS
    folders = [path.parent, *map(Path, bases), Path.cwd()]
    for number, row in enumerate(rows[1:], start=2):
        ident = row[key].strip() if key < len(row) else ""
        if len(row) > len(header) or not ident:
            problem = "more cells than the header" if ident else "no key"
            sidecar.warnings.append(f"{path}: metadata row {number} ignored ({problem})")
            continue
        fields = record_meta(dict(zip(header, row, strict=False)))
        if "role" in fields:
            fields["role"] = normalise_role(fields["role"])
        if by_file and ("/" in ident or "\\" in ident):
            for folder in folders:
                real = os.path.realpath(folder / ident)
                sidecar.by_file[real] = fields
                sidecar.keys.setdefault(ident, set()).add(f"file:{real}")
        else:
            article_id = Path(ident).stem if by_file else ident
            sidecar.by_id[article_id] = fields
            sidecar.keys.setdefault(ident, set()).add(f"id:{article_id}")
    return sidecar


def read_metadata(path: str | Path) -> dict[str, dict]:
    """Read a sidecar metadata CSV into ``{article_id: {field: value}}`` (id keys and bare
    file names only; see :func:`read_sidecar` for the whole reading)."""
    return read_sidecar(path).by_id


def sidecar_metadata(folders: Iterable[str | Path], meta: str | Path | None = None) -> Sidecar:
    """The sidecar metadata of a run: each input folder's ``metadata.csv``, then ``meta``.

    Later files win for the same key (``meta`` over every folder). A folder's
    ``metadata.csv`` that cannot be read is ignored with a warning; raises
    :class:`~wiretrace.ingest.formats.InputError` when ``meta`` is given but is no file
    or cannot be read.
    """
    folders = [Path(f) for f in folders]
    bases = [f for f in folders if f.is_dir()]
    sidecar = Sidecar()
    for folder in bases:
        candidate = folder / "metadata.csv"
        if candidate.is_file():
            try:
                read_sidecar(candidate, bases, sidecar)
            except InputError as exc:
                sidecar.warnings.append(f"{exc} (ignored)")
    if meta is not None:
        if not str(meta).strip() or not Path(meta).is_file():
            raise InputError(f"no such metadata file: {meta}")
        read_sidecar(meta, bases, sidecar)
    return sidecar
