"""The package's data files (``wiretrace/data/``), read in one place.

Word lists are plain text, one entry a line, ``#`` starting a comment line
(:func:`word_list`); a few related word lists may share one CSV of ``category,word`` rows
(:func:`word_groups`); other tables are CSV and read by the module that owns their
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
def word_groups(name: str) -> MappingProxyType[str, frozenset[str]]:
    """The word lists of ``data/<name>.csv``: category -> its words (read-only).

    The file has the header ``category,word`` after any ``#`` comment lines; entries are
    stripped, blank rows left out.
    """
    lines = data_path(f"{name}.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    groups: dict[str, set[str]] = {}
    for row in rows:
        word = (row["word"] or "").strip()
        if word:
            groups.setdefault(row["category"].strip(), set()).add(word)
    return MappingProxyType({category: frozenset(words) for category, words in groups.items()})
