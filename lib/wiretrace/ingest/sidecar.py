"""Sidecar metadata: ``metadata.csv`` files in input folders and the ``--meta`` file.

Takes CSV files with a key column (``article_id``/``id``, or ``file``/``filename``/
``path`` whose stem is the id) and the fields of
:data:`~wiretrace.ingest.formats.META_FIELDS`; returns ``{article_id: {field: value}}``
to override what the articles say about themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from wiretrace.ingest.formats import InputError, record_meta

#: Key columns, by kind: an article id as it is, or a file name whose stem is the id.
ID_COLUMNS = ("article_id", "id")
FILE_COLUMNS = ("file", "filename", "path")


def read_metadata(path: str | Path) -> dict[str, dict]:
    """Read a sidecar metadata CSV into ``{article_id: {field: value}}``.

    The key column is ``article_id`` (or ``id``, ``file``, ``filename``, ``path``: the file
    name's stem is used); recognised fields are outlet, url, date, language, role,
    byline and title, under the names listed in ``META_FIELDS``.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    key = next((c for c in frame.columns if c.lower() in ID_COLUMNS), None)
    key = key or next((c for c in frame.columns if c.lower() in FILE_COLUMNS), None)
    if key is None:
        raise InputError(f"{path}: metadata needs an 'article_id' or 'file' column")
    out = {}
    for record in frame.to_dict("records"):
        ident = str(record[key])
        ident = Path(ident).stem if key.lower() in FILE_COLUMNS else ident
        out[ident] = record_meta(record)
    return out


def sidecar_metadata(folders: Iterable[str | Path], meta: str | Path | None = None) -> dict:
    """The sidecar metadata of a run: each input folder's ``metadata.csv``, then ``meta``.

    Later files win for the same article id (``meta`` over every folder). Raises
    :class:`~wiretrace.ingest.formats.InputError` when ``meta`` is given but is no file.
    """
    sidecar: dict[str, dict] = {}
    for raw in folders:
        candidate = Path(raw) / "metadata.csv"
        if Path(raw).is_dir() and candidate.is_file():
            sidecar.update(read_metadata(candidate))
    if meta is not None:
        if not Path(meta).is_file():
            raise InputError(f"no such metadata file: {meta}")
        sidecar.update(read_metadata(meta))
    return sidecar
