"""Short readable labels for the versions of a story, for every chart, table and sentence.

:func:`version_labels` takes the ``articles`` table (and, optionally, the ids of source
texts) and returns one short label per id: the outlet where it is known (from the text,
its metadata or the sidecar file), else the writer of its byline, else a short form of
its id; a reconstructed consensus is ``consensus`` and a union of wire copies ``wire
copy``. Labels are unique: two versions of one outlet get their short ids beside it. The
full ``article_id`` stays in every table; only what a reader sees is shortened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

#: An id made of a short name and a hash (``000_5ceb88a01bc13192``): the name is enough.
_HASHED = re.compile(r"^(?P<name>[^_]{1,12})_[0-9a-f]{8,}$")
#: Longest label drawn; longer ones are cut with an ellipsis.
MAX_LABEL = 24


def short_id(article_id: str, width: int = 14) -> str:
    """A short form of an id: the name before a hash (``000`` of ``000_5ceb88a01bc13192``),
    else the id cut to ``width`` characters with an ellipsis."""
    article_id = str(article_id)
    if match := _HASHED.match(article_id):
        return match.group("name")
    return article_id if len(article_id) <= width else article_id[: width - 1] + "\u2026"


def _cut(text: str, width: int = MAX_LABEL) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _source_label(source_id: str, several: bool) -> str:
    kind, _, cluster = str(source_id).partition(":")
    name = {"consensus": "consensus", "wire": "wire copy"}.get(kind, "")
    if not name or not cluster:
        return ""
    return f"{name} {cluster}" if several else name


def _field(row, name: str) -> str:
    value = getattr(row, name, "")
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def version_labels(articles: pd.DataFrame, source_ids: Iterable[str] = ()) -> dict[str, str]:
    """One unique short label per article id of ``articles`` and per id in ``source_ids``.

    An article's label is its ``outlet`` when known, else its ``byline``, else
    :func:`short_id` of its id; a ``consensus:<n>`` source is ``consensus`` (``consensus
    <n>`` when there are several clusters), a ``wire:<n>`` one ``wire copy``. Where two ids
    would get the same label, each gets its short id beside it (``bbc.co.uk · 004``).
    """
    labels: dict[str, str] = {}
    for row in articles.itertuples(index=False):
        outlet, byline = _field(row, "outlet").strip(), _field(row, "byline").strip()
        label = outlet or byline or short_id(row.article_id)
        labels[str(row.article_id)] = _cut(label)
    extra = [str(s) for s in source_ids if str(s) not in labels]
    kinds = [s.partition(":")[0] for s in extra]
    for source_id in extra:
        several = kinds.count(source_id.partition(":")[0]) > 1
        labels[source_id] = _source_label(source_id, several) or short_id(source_id)
    seen: dict[str, list[str]] = {}
    for article_id, label in labels.items():
        seen.setdefault(label, []).append(article_id)
    for label, ids in seen.items():
        if len(ids) > 1:
            for article_id in ids:
                labels[article_id] = f"{_cut(label, MAX_LABEL - 8)} · {short_id(article_id, 6)}"
    return labels


def result_labels(articles: pd.DataFrame, *tables: pd.DataFrame) -> dict[str, str]:
    """:func:`version_labels` of ``articles`` and of every ``source_id`` in ``tables``
    (derivation, stemma, alignments…), so each chart can name every text it draws."""
    sources: list[str] = []
    for table in tables:
        if "source_id" in table:
            sources += [s for s in table["source_id"].dropna().astype(str) if s]
    return version_labels(articles, dict.fromkeys(sources))


def label_of(labels: Mapping[str, str] | None, article_id: str) -> str:
    """The label of ``article_id`` in ``labels``, or its :func:`short_id` when it has none."""
    return (labels or {}).get(str(article_id)) or short_id(str(article_id))


def labelled(table: pd.DataFrame, labels: Mapping[str, str] | None) -> pd.DataFrame:
    """A copy of ``table`` with a ``label`` column beside its ``article_id``: the tables a
    notebook shows keep the full id and name the version as the charts do."""
    out = table.copy()
    if "article_id" not in out:
        return out
    at = list(out.columns).index("article_id") + 1
    out.insert(at, "label", [label_of(labels, a) for a in out["article_id"]])
    return out
