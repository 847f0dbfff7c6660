"""Read an audit folder back: :func:`read_audit` returns the :class:`AuditResult` that
:meth:`AuditResult.to_dir` wrote, so a report audits once and every notebook reads it.

Takes a folder written by ``wiretrace audit`` (or ``wiretrace report``, or
``AuditResult.to_dir``); returns an :class:`AuditResult` whose tables hold the values
written, in the same columns (the records of ``audit.json`` keep integers, booleans, empty
strings and empty cells apart, which CSV does not, so on a run like the seeds' the dtypes
are the same too; each CSV's header gives the columns of an empty table).
The texts themselves are not in the folder, so ``corpus`` and ``sources`` are rebuilt from
the tables: each article with its fields, its metadata parts and the sentences the
alignments hold, its ``text`` made of those pieces at their offsets (blank between them);
each source with its full text (``sources`` table) and the sentences the alignments point
into, the stretches between them split with wiretrace's sentence splitter.
:func:`load_or_audit` is the notebooks' first step: the audit folder when one is given,
else a fresh audit of the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from wiretrace.audit import TABLE_NAMES, AuditResult, audit
from wiretrace.ingest.corpus import Article, Corpus, InputError
from wiretrace.ingest.textmeta import MetaPart
from wiretrace.language.text import Sentence, split_sentences


def read_table(folder: Path, name: str, records: list[dict] | None) -> pd.DataFrame:
    """One table: the columns of ``NAME.csv``, the values of its ``audit.json`` records.

    Without records (an older folder, or one with CSV files only) the CSV is read with
    empty cells as empty strings where the column holds text. A missing cell of a text
    column is NaN, as in the table that was written.
    """
    columns = pd.read_csv(folder / f"{name}.csv", nrows=0).columns.tolist()
    if records is None:
        return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])
    table = pd.DataFrame.from_records(records, columns=columns)
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].where(table[column].notna(), np.nan)
    return table


def read_audit(folder: str | Path) -> AuditResult:
    """The :class:`AuditResult` written to ``folder`` by :meth:`AuditResult.to_dir`.

    Raises :class:`wiretrace.InputError` when the folder holds no ``audit.json``. The
    tables equal the ones written; ``corpus`` and ``sources`` are rebuilt from them (see
    the module docstring: the folder does not hold the input texts themselves).
    """
    folder = Path(folder)
    document_path = folder / "audit.json"
    if not document_path.is_file():
        raise InputError(f"{folder} holds no audit.json: not an audit folder")
    document = json.loads(document_path.read_text(encoding="utf-8"))
    records = document.get("tables", {})
    tables = {name: read_table(folder, name, records.get(name)) for name in TABLE_NAMES}
    return AuditResult(
        corpus=rebuild_corpus(tables["articles"], tables["metadata"], tables["alignments"]),
        sources=rebuild_sources(tables.pop("sources"), tables["alignments"]),
        parameters=document.get("parameters", {}),
        **tables,
    )


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _pieces_text(pieces: Iterable[tuple[int, int, str]]) -> str:
    """A text holding each ``(start, end, wording)`` piece at its offsets, blank between."""
    chars: list[str] = []
    for start, end, wording in sorted(pieces):
        if start < 0 or end - start != len(wording):
            continue
        if len(chars) < end:
            chars.extend(" " * (end - len(chars)))
        chars[start:end] = wording
    return "".join(chars)


def rebuild_corpus(
    articles: pd.DataFrame, metadata: pd.DataFrame, alignments: pd.DataFrame
) -> Corpus:
    """The audit's :class:`Corpus` as far as its tables hold it, in input order.

    Every article keeps its ``articles`` fields, its ``metadata`` parts and the sentences
    of ``alignments`` (an article with no aligned sentence has none); its ``text`` holds
    those pieces at their offsets, so every offset of the tables points at its wording.
    """
    parts_of = {aid: group for aid, group in metadata.groupby("article_id", sort=False)}
    sentences_of = {
        aid: group.drop_duplicates("sentence_id").sort_values("sentence_id")
        for aid, group in alignments.groupby("article_id", sort=False)
    }
    out = []
    for row in articles.itertuples(index=False):
        parts = [
            MetaPart(p.kind, _text(p.text), int(p.start), int(p.end))
            for p in parts_of.get(row.article_id, metadata.iloc[:0]).itertuples()
        ]
        sentences = [
            Sentence(int(s.sentence_id), _text(s.text), int(s.start), int(s.end))
            for s in sentences_of.get(row.article_id, alignments.iloc[:0]).itertuples()
        ]
        pieces = [(p.start, p.end, p.text) for p in parts]
        pieces += [(s.start, s.end, s.text) for s in sentences]
        fields = {
            f: _text(getattr(row, f))
            for f in ("status", "reason", "outlet", "byline", "date", "dateline", "language")
        }
        article = Article(str(row.article_id), _text(row.path), text=_pieces_text(pieces), **fields)
        article.role = _text(row.role) or "article"
        article.sentences, article.parts = sentences, parts
        out.append(article)
    return Corpus(out)


def rebuild_sources(sources: pd.DataFrame, alignments: pd.DataFrame) -> dict[str, Article]:
    """The source texts by id (``sources`` table) with the sentences the alignments use.

    The stretches of a source's text no alignment points into are split into sentences
    with :func:`wiretrace.language.text.split_sentences`; sentences are numbered in order.
    """
    aligned = alignments[alignments["label"] != "new"] if len(alignments) else alignments
    out = {}
    for row in sources.itertuples(index=False):
        text = _text(row.text)
        used = aligned[aligned["source_id"] == row.source_id]
        spans = sorted(
            {
                (int(s), int(e))
                for s, e in zip(used["source_start"], used["source_end"], strict=True)
                if s >= 0
            }
        )
        cursor, all_spans = 0, []
        for start, end in spans:
            if start < cursor:
                continue
            all_spans += split_sentences(text[cursor:start], cursor) + [(start, end)]
            cursor = end
        all_spans += split_sentences(text[cursor:], cursor)
        sentences = [Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(all_spans)]
        out[str(row.source_id)] = Article(
            str(row.source_id), "", text=text, sentences=sentences, role=_text(row.kind)
        )
    return out


def load_or_audit(
    audit_dir: str | Path | None,
    corpus: str | Path | Iterable[str | Path] = (),
    wire: Iterable[str | Path] = (),
) -> AuditResult:
    """The notebooks' first step: :func:`read_audit` of ``audit_dir`` when it is given
    (the folder ``wiretrace report`` wrote), else :func:`wiretrace.audit` of ``corpus``
    (a path or a list of paths) with ``wire``: a notebook opened alone audits by itself."""
    if audit_dir:
        return read_audit(audit_dir)
    paths = [corpus] if isinstance(corpus, str | Path) else list(corpus)
    return audit(paths, wire=list(wire))
