"""The package's data files (``wiretrace/data/``), read in one place.

Word lists are plain text, one entry a line, ``#`` starting a comment line
(:func:`word_list`); a few related word lists may share one CSV of ``category,word``
rows, with a ``value`` column when words stand for something (:func:`word_groups`,
:func:`word_values`); other tables are CSV and read by the module that owns their
columns through :func:`data_path`. Nothing here knows where the package is installed from.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from types import MappingProxyType

#: The folder of the shipped data files (installed with the package).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_path(name: str) -> Path:
    """The path of the shipped data file ``name`` (``"agencies.csv"``); it must exist."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"wiretrace ships no data file {name!r} (looked in {DATA_DIR})")
    return path


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order, stripped, comments and blanks left out."""
    lines = data_path(f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def word_values(name: str) -> MappingProxyType[str, MappingProxyType[str, str]]:
    """The words of ``data/<name>.csv`` with their values: category -> {word: value}.

    The file has the header ``category,word`` or ``category,word,value`` after any ``#``
    comment lines; words keep file order, entries are stripped, a missing value is ``""``
    and blank words are left out. Read-only.
    """
    lines = data_path(f"{name}.csv").read_text(encoding="utf-8").splitlines()
    groups: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        word = (row["word"] or "").strip()
        if word:
            value = (row.get("value") or "").strip()
            groups.setdefault(row["category"].strip(), {})[word] = value
    return MappingProxyType({c: MappingProxyType(words) for c, words in groups.items()})


@cache
def word_groups(name: str) -> MappingProxyType[str, frozenset[str]]:
    """The word lists of ``data/<name>.csv`` (see :func:`word_values`): category -> words."""
    return MappingProxyType({c: frozenset(words) for c, words in word_values(name).items()})
