"""The audit pipeline: load a cluster of articles, run every stage, return the tables.

:func:`audit` is the one entry point the CLI, the notebooks and the benchmarks share. It
returns an :class:`AuditResult` holding the tables of the output contract (see
:mod:`wiretrace.schema` and the README); a stage that finds nothing returns an empty
table with the contract's columns, never invented rows.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import numpy as np
import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import (
    Article,
    ArticleSummary,
    Corpus,
    InputError,
    as_paths,
    input_files,
    load_corpus,
    read_files,
    sidecar_warnings,
    unique_ids,
)
from wiretrace.ingest.sidecar import Sidecar

if TYPE_CHECKING:
    from wiretrace.rewrites.analysis import RewriteAnalysis


class OutputError(InputError):
    """Raised for an output folder that cannot be written: a file, or inside an input."""


def check_out(out: str | Path, inputs: Iterable[str | Path]) -> Path:
    """``out`` as a path, checked before anything is written to it.

    Raises :class:`OutputError` when ``out`` is empty, is an existing file, or lies inside
    (or is) one of the input folders ``inputs``: the next run would read the outputs back.
    """
    if not str(out).strip():
        raise OutputError("the output folder is empty")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"the output folder is an existing file: {out}")
    real = Path(os.path.realpath(out))
    for raw in inputs:
        folder = Path(os.path.realpath(raw))
        if folder.is_dir() and (real == folder or folder in real.parents):
            raise OutputError(f"the output folder {out} is inside the input folder {raw}")
    return out


def _earlier_tables(out: Path) -> list[str]:
    """The file names of the tables an earlier run wrote to ``out`` (from its audit.json).

    The names are read a line at a time from the layout :meth:`AuditResult.write_document`
    writes (each table's name alone on a line indented by four spaces, inside
    ``"tables"``), so a large earlier run's tables are not loaded to learn their names;
    a file in another layout (the Parquet one, without tables, or edited by hand) is
    read whole."""
    try:
        with (out / "audit.json").open(encoding="utf-8") as fh:
            names, inside = [], False
            for line in fh:
                if line == '  "tables": {\n':
                    inside = True
                elif inside and line.startswith(("  }", "  },")):
                    return [f"{name}.csv" for name in names]
                elif inside and (found := _TABLE_LINE.match(line)):
                    names.append(json.loads(found.group(1)))
        document = json.loads((out / "audit.json").read_text(encoding="utf-8"))
        csv = [f"{name}.csv" for name in document.get("tables", {})]
        return csv + list(document.get("table_files", []))
    except (OSError, ValueError, AttributeError):
        return []


#: A table's name in audit.json as :meth:`AuditResult.write_document` writes it.
_TABLE_LINE = re.compile(r'^    ("(?:[^"\\]|\\.)*"): [\[{]')


def _publish(staged: Path, out: Path) -> dict[str, list[str]]:
    """Move the files written to ``staged`` into ``out``; returns what it replaced.

    A new ``out`` is ``staged`` renamed. In an existing one, ``audit.json`` is removed
    first and moved in last (so it is there only beside complete tables), each table
    replaces its namesake, and the tables an earlier run listed but this one did not write
    are removed; other files are left alone. Returns ``{"replaced": [...], "removed": [...]}``.
    """
    if not out.exists():
        staged.rename(out)
        return {"replaced": [], "removed": []}
    new = sorted(p.name for p in staged.iterdir())
    replaced = [name for name in new if (out / name).exists()]
    stale = [n for n in _earlier_tables(out) if n not in new and (out / n).exists()]
    (out / "audit.json").unlink(missing_ok=True)
    for name in stale:
        _remove(out / name)
    for name in [n for n in new if n != "audit.json"] + ["audit.json"]:
        if (out / name).is_dir():  # a Parquet table's folder: replaced whole
            shutil.rmtree(out / name)
        os.replace(staged / name, out / name)
    return {"replaced": replaced, "removed": stale}


def _remove(path: Path) -> None:
    """Remove a table file, or a Parquet table's folder."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


#: The tables of an audit, in the order they are written (the contract's first); every
#: name but ``sources`` (built from the source texts) is an attribute of the result.
TABLE_NAMES = (
    "articles",
    "metadata",
    "attributions",
    "derivation",
    "alignments",
    "findings",
    "scorecard",
    "claims",
    "story_claims",
    "stemma",
    "clusters",
    "readability",
    "sources",
)


@dataclass
class AuditResult:
    """The tables of one audit run; see the README's "Output contract" for every column.

    Besides the contract's tables it keeps what the notebooks draw: ``claims`` (who is
    quoted or cited), ``story_claims`` (each claim matched across the versions),
    ``stemma`` (who copied whom), ``clusters`` (story clusters),
    ``readability`` (per version and against its source) and ``sources`` (the texts the
    alignments point into: wire articles and reconstructed consensus texts). ``corpus``
    holds the parsed :class:`~wiretrace.ingest.corpus.Article` objects after a serial
    run, and their :class:`~wiretrace.ingest.corpus.ArticleSummary` objects (no text, no
    sentences) after a parallel one, whose articles stay on the workers.
    """

    corpus: Corpus
    articles: pd.DataFrame
    metadata: pd.DataFrame
    attributions: pd.DataFrame
    derivation: pd.DataFrame
    alignments: pd.DataFrame
    findings: pd.DataFrame
    scorecard: pd.DataFrame
    claims: pd.DataFrame = field(default_factory=pd.DataFrame)
    story_claims: pd.DataFrame = field(default_factory=pd.DataFrame)
    stemma: pd.DataFrame = field(default_factory=pd.DataFrame)
    clusters: pd.DataFrame = field(default_factory=pd.DataFrame)
    readability: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: dict[str, Article] = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)
    written: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (:data:`TABLE_NAMES`), in the order they are written."""
        return {
            name: self.sources_table() if name == "sources" else getattr(self, name)
            for name in TABLE_NAMES
        }

    def sources_table(self) -> pd.DataFrame:
        """The source texts the alignments point into: ``source_id, kind, text``."""
        rows = [
            {"source_id": source_id, "kind": source.role, "text": source.text}
            for source_id, source in sorted(self.sources.items())
        ]
        return pd.DataFrame(rows, columns=["source_id", "kind", "text"])

    def summary(self) -> dict:
        """Counts a reader wants first: articles read and rejected, findings by severity.

        ``failed`` (articles of story clusters whose audit raised) is there only when
        there are any, so a run without failures writes what it always wrote.
        """
        articles = self.articles
        summary = {
            "articles": int(len(articles)),
            "ok": int((articles["status"] == "ok").sum()),
            "rejected": int((articles["status"] == "rejected").sum()),
            "wire": int((articles["role"] == "wire").sum()),
            "attributions": int(len(self.attributions)),
            "findings": {
                severity: int((self.findings["severity"] == severity).sum())
                for severity in schema.SEVERITIES
            },
        }
        failed = int((articles["status"] == "failed").sum())
        if failed:
            summary = {**dict(list(summary.items())[:3]), "failed": failed, **summary}
        return summary

    def to_dir(self, out: str | Path, format: str = "csv") -> Path:
        """Write every table and ``audit.json`` (inputs, parameters, summary, tables).

        ``format`` is ``csv`` (one ``<table>.csv`` each) or ``parquet`` (one folder
        ``<table>.parquet/`` each, of parts of at most :data:`PARQUET_PART_ROWS` rows,
        read whole by ``pandas.read_parquet`` or ``dask.dataframe.read_parquet``; then
        ``audit.json`` lists the table folders instead of holding the tables). The files
        are written to a hidden folder beside ``out`` and moved in when all are complete
        (see :func:`_publish`); which files of an existing ``out`` were replaced or
        removed is kept in ``self.written``. The files hold no timestamps, so the same
        inputs give byte-identical outputs. Raises :class:`OutputError` (see
        :func:`check_out`) and ``ValueError`` for an unknown format. Returns the folder
        written to.
        """
        if format not in OUTPUT_FORMATS:
            raise ValueError(f"format must be one of {', '.join(OUTPUT_FORMATS)}, not {format!r}")
        out = check_out(out, [*self.parameters.get("paths", []), *self.parameters.get("wire", [])])
        out.parent.mkdir(parents=True, exist_ok=True)
        staged = out.parent / f".{out.name}.wiretrace-partial"
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir()
        try:
            for name, table in self.tables().items():
                if format == "parquet":
                    write_parquet(table, staged / f"{name}.parquet")
                else:
                    table.to_csv(staged / f"{name}.csv", index=False, chunksize=_JSON_ROWS)
            with (staged / "audit.json").open("w", encoding="utf-8") as fh:
                self.write_document(fh, format)
            self.written = _publish(staged, out)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        return out

    def write_document(self, fh: TextIO, format: str = "csv") -> None:
        """Write :meth:`document` to ``fh`` as ``audit.json`` holds it (JSON indented by
        2, not ASCII-escaped, a newline at the end), a few thousand rows at a time.

        The bytes are those of ``json.dump(self.document(format), fh, indent=2,
        ensure_ascii=False)`` (tested), but no table is ever held as records whole: on a
        large run the records of every table at once would be many times the tables.
        """
        document = self._head(format)
        if format == "parquet":
            json.dump(document, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
            return
        head = json.dumps({**document, "tables": _PLACE}, indent=2, ensure_ascii=False)
        before, after = head.split(json.dumps(_PLACE))
        fh.write(before + "{")
        for n, (name, table) in enumerate(self.tables().items()):
            fh.write(("," if n else "") + f"\n    {json.dumps(name, ensure_ascii=False)}: [")
            for start in range(0, len(table), _JSON_ROWS):
                part = table.iloc[start : start + _JSON_ROWS]
                records = json.loads(part.to_json(orient="records", force_ascii=False))
                for k, record in enumerate(records):
                    text = json.dumps(record, indent=2, ensure_ascii=False)
                    fh.write(("," if start or k else "") + "\n      ")
                    fh.write(text.replace("\n", "\n      "))
            fh.write("\n    ]" if len(table) else "]")
        fh.write("\n  }" + after + "\n")

    def _head(self, format: str) -> dict:
        """:meth:`document` without the tables (or with the table files, for parquet)."""
        inputs = [
            {"article_id": a.article_id, "path": a.path, "sha256": a.sha256}
            for a in self.corpus.articles
        ]
        document = {
            "wiretrace_version": _version(),
            "parameters": self.parameters,
            "inputs": inputs,
            "warnings": list(self.corpus.warnings),
            "summary": self.summary(),
        }
        if format == "parquet":
            document["table_files"] = [f"{name}.parquet" for name in self.tables()]
        return document

    def document(self, format: str = "csv") -> dict:
        """The content of ``audit.json``: version, parameters, inputs (path and the SHA-256
        taken when each was read), warnings, summary and every table as records (with
        ``format`` ``parquet``: the table folders' names, ``table_files``, instead)."""
        document = self._head(format)
        if format != "parquet":
            document["tables"] = {
                name: json.loads(table.to_json(orient="records", force_ascii=False))
                for name, table in self.tables().items()
            }
        return document


#: Stands for the tables in :meth:`AuditResult.write_document`'s head.
_PLACE = "\x00tables\x00"
#: Rows of a table turned into JSON records at a time by :meth:`AuditResult.write_document`,
#: and written as CSV at a time by :meth:`AuditResult.to_dir`.
_JSON_ROWS = 1_000

#: The formats :meth:`AuditResult.to_dir` writes.
OUTPUT_FORMATS = ("csv", "parquet")
#: Rows per Parquet part file.
PARQUET_PART_ROWS = 100_000


def write_parquet(table: pd.DataFrame, folder: Path, rows: int = PARQUET_PART_ROWS) -> Path:
    """Write ``table`` as ``folder/part-00000.parquet``, ``part-00001.parquet``, ... of at
    most ``rows`` rows each (one part with no rows for an empty table, so the columns are
    kept); parts left by an earlier run are removed first. Returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    for n, start in enumerate(range(0, max(len(table), 1), rows)):
        part = table.iloc[start : start + rows].reset_index(drop=True)
        part.to_parquet(folder / f"part-{n:05d}.parquet", index=False)
    return folder


def _version() -> str:
    from wiretrace import __version__

    return __version__


def _sort_findings(findings: pd.DataFrame) -> pd.DataFrame:
    order = {kind: n for n, kind in enumerate(schema.FINDING_KINDS)}
    findings = findings.assign(_kind=findings["kind"].map(order))
    findings = findings.sort_values(["article_id", "start", "_kind"], kind="stable")
    return findings.drop(columns="_kind").reset_index(drop=True)


def audit(
    paths: Iterable[str | Path] | str | Path | None,
    wire: Iterable[str | Path] | str | Path | None = (),
    meta: str | Path | None = None,
    progress: bool = False,
    workers: int = 1,
    scheduler: object = None,
) -> AuditResult:
    """Audit the articles in ``paths`` (files or folders) and return every table.

    ``paths`` and ``wire`` may each be one path, a list of them, or ``None``.
    ``wire`` names files or folders of known wire copy: they become the source the other
    articles are compared with. Without it, the cluster's own versions are the witnesses
    of a lost source. ``meta`` is a sidecar metadata CSV (see :func:`load_corpus`).
    ``progress`` shows progress bars on long runs. Raises
    :class:`wiretrace.ingest.corpus.InputError` when a path does not exist or no input is given.

    ``workers`` (>= 1, default 1: serial) runs the story clusters on a local Dask cluster
    of that many processes; ``scheduler`` (a Dask scheduler address or a
    ``distributed.Client``) runs them on an existing cluster instead
    (:mod:`wiretrace.parallel`). Every run gives the same tables, byte for byte. A
    parallel run reads and parses the inputs on the workers and keeps the articles there
    (:func:`load_on_workers`): its ``result.corpus`` holds
    :class:`~wiretrace.ingest.corpus.ArticleSummary` objects (no text, no sentences),
    a serial run's the :class:`~wiretrace.ingest.corpus.Article` objects.

    Stages, in order: load; story clusters; then, one task per batch of story clusters
    (:func:`audit_batch`): provenance (credits and claims), rewrite detection
    (sources, alignments, derivation, stemma), claims matched across the story's
    versions, attribution and error findings on the derived articles, artefacts on the
    others, findings on claims across versions, readability against each article's
    source and the provenance verdicts; last, the scorecard joining every stage. A
    cluster whose audit raises does not stop the run: its articles get
    ``status='failed'`` and the error as ``reason`` in the articles table.
    """
    from wiretrace.parallel import connection, run_tasks
    from wiretrace.rewrites.cluster import cluster_stories

    paths, wire = as_paths(paths), as_paths(wire)
    if not paths and not wire:
        raise InputError("no input paths given")
    with connection(workers, scheduler) as client:
        if client is None:
            corpus = load_corpus(paths, wire=wire, meta=meta, progress=progress)
            clusters = cluster_stories(corpus, progress=progress)
            tasks = cluster_tasks(corpus, clusters)
            batches = batch_tasks(tasks)
            sizes = [len(b) for b in batches]
            results = run_tasks(audit_batch, batches, progress=progress, sizes=sizes)
            parts = [part for result in results for part in result]
        else:
            loaded = load_on_workers(paths, wire, meta, client, progress)
            corpus = loaded.corpus
            clusters = cluster_stories(corpus, progress=progress, prints=loaded.prints)
            loaded.prints = []  # the summaries are all the driver keeps of the articles
            tasks = cluster_tasks(corpus, clusters)
            parts = audit_on_workers(batch_tasks(tasks), loaded, client, progress)
    return _join(corpus, tasks, parts, _parameters(paths, wire, meta))


def cluster_tasks(corpus: Corpus, clusters: pd.DataFrame) -> list[tuple[int, list]]:
    """``(cluster_id, members)`` per story cluster, by cluster id, members in corpus order
    (articles, or their summaries in a parallel run)."""
    members: dict[int, list[Article]] = {}
    cluster_of = dict(zip(clusters["article_id"], clusters["cluster_id"], strict=True))
    for article in corpus.ok:
        members.setdefault(int(cluster_of[article.article_id]), []).append(article)
    return sorted(members.items())


#: Articles per batch of story clusters (:func:`batch_tasks`).
BATCH_ARTICLES = 64


def batch_tasks(tasks: list, articles: int | None = None) -> list[list]:
    """``tasks`` (:func:`cluster_tasks`) cut, in order, into runs of consecutive clusters
    of at least ``articles`` articles (default :data:`BATCH_ARTICLES`), the last one
    smaller: a batch closes at the first cluster that brings it to ``articles``.

    A batch is one task: its tables are made in one pass over all its articles
    (:func:`audit_batch`), which saves the fixed cost of building each table once per
    cluster (pandas tables, most of a small cluster's audit). Each stage scopes
    what it compares to an article's own story cluster, so the tables are those of
    auditing each cluster alone."""
    articles = BATCH_ARTICLES if articles is None else articles
    if articles < 1:
        raise ValueError(f"articles per batch must be at least 1, not {articles}")
    batches: list[list] = []
    size = articles
    for task in tasks:
        if size >= articles:
            batches.append([])
            size = 0
        batches[-1].append(task)
        size += len(task[1])
    return batches


@dataclass
class ClusterAudit:
    """The tables of a batch of story clusters (:func:`audit_batch`, or batches of them
    joined: :func:`_fold`), ``rewrites`` their :class:`RewriteAnalysis`; or of one failed
    cluster, ``cluster_id``, with ``error`` set instead."""

    cluster_id: int
    attributions: pd.DataFrame | None = None
    claims: pd.DataFrame | None = None
    story_claims: pd.DataFrame | None = None
    rewrites: RewriteAnalysis | None = None
    findings: pd.DataFrame | None = None
    readability: pd.DataFrame | None = None
    provenance: pd.DataFrame | None = None
    error: str = ""


def audit_batch(batch: list[tuple[int, list[Article]]]) -> list[ClusterAudit]:
    """Every stage after clustering on a batch of story clusters ``(cluster_id, members)``
    (:func:`batch_tasks`): one :class:`ClusterAudit` of them all, or, when that raises,
    one per cluster, so the error is reported on its own cluster and the others are audited.

    Clusters are independent: the result depends on the members alone, so tasks may run
    in any order and any process. An exception is caught and returned as ``error``
    (``"ExceptionType: message"``), so one bad cluster does not stop the run.
    """
    from wiretrace.rewrites.analysis import analyse_cluster, compact, join_clusters

    try:
        corpus = Corpus([a for _, members in batch for a in members])
        parts = [compact(analyse_cluster(cid, Corpus(list(m)).ok)) for cid, m in batch]
        rewrites = join_clusters(parts, [(a.article_id, cid) for cid, m in batch for a in m])
        tables = _cluster_tables(corpus, rewrites)
    except Exception as exc:  # reported in the articles table; the run goes on
        if len(batch) > 1:
            return [part for task in batch for part in audit_batch([task])]
        return [ClusterAudit(batch[0][0], error=f"{type(exc).__name__}: {exc}")]
    # How many clusters' stemmata the batch holds (none: join_clusters' empty table).
    rewrites.stemma.attrs["parts"] = sum(len(p["stemma"]) for p in parts)
    # The consensus' voters and support made the tables; the result has no use for them.
    rewrites.consensus = {}
    return [ClusterAudit(batch[0][0], rewrites=rewrites, **tables)]


def _cluster_tables(corpus: Corpus, rewrites: RewriteAnalysis) -> dict[str, pd.DataFrame]:
    """The provenance, findings and report tables of the articles of ``corpus``."""
    from wiretrace.provenance.claims import extract_claims
    from wiretrace.provenance.credits import find_attributions

    attributions = find_attributions(corpus)
    claims = extract_claims(corpus)
    story_claims = _story_claims(corpus, rewrites, claims)
    findings = _findings(corpus, rewrites, attributions, claims, story_claims)
    readability, provenance = _report(corpus, rewrites, attributions, findings)
    return {
        "attributions": attributions,
        "claims": claims,
        "story_claims": story_claims,
        "findings": findings,
        "readability": readability,
        "provenance": provenance,
    }


def _in_order(frames: list[pd.DataFrame], position: dict[str, int]) -> pd.DataFrame:
    """Tables with the same columns as one, rows by article in corpus order (an article's
    rows keep their order); ids not in ``position`` (sources) last, by id. Empties
    ``frames`` (:func:`_taken`): each part is dropped once it is joined."""
    if not any(len(f) for f in frames):
        return frames[0]
    joined, kinds = _concat_taken(frames)
    ids = joined["article_id"].astype(str).to_numpy()
    known = np.array([i in position for i in ids], dtype=bool)
    rank = np.array([position.get(i, 0) for i in ids], dtype=np.int64)
    unknown_id = np.where(known, "", ids)
    order = np.lexsort((unknown_id, rank, ~known))  # stable: the last key sorts first
    rows = joined.iloc[order]
    del joined
    # Built afresh from the values, so each column's type is read from what it holds
    # (a cluster's table may carry object columns).
    return _from_values(rows, kinds)


def _join(corpus: Corpus, tasks: list, parts: list[ClusterAudit], parameters: dict) -> AuditResult:
    """The audit result from the parts of the clusters ``tasks`` (in cluster order: batches
    of clusters, :func:`audit_batch`, or batches of those, :func:`_fold`; a failed cluster
    on its own): the articles of failed clusters marked, every table in corpus order,
    then the scorecard."""
    from wiretrace.report.scorecard import build_scorecard
    from wiretrace.rewrites.analysis import join_clusters

    failed = {p.cluster_id: p.error for p in parts if p.error}
    for cluster_id, members in tasks:
        if cluster_id in failed:
            for article in members:
                article.status = "failed"
                article.reason = f"cluster {cluster_id} failed: {failed[cluster_id]}"
    done = [p for p in parts if not p.error]
    cluster_of = {a.article_id: cid for cid, members in tasks for a in members}
    clusters = [(a.article_id, cluster_of[a.article_id]) for a in corpus.ok]
    if done:  # the parts' tables are taken out of them, each dropped once joined
        rewrites = _join_batches(_taken(done, "rewrites"), clusters)
        tables = {name: _taken(done, name) for name in _TABLES}
    else:  # nothing audited: the stages' own empty tables
        rewrites = join_clusters([], clusters)
        tables = {k: [v] for k, v in _cluster_tables(Corpus([]), rewrites).items()}
    position = {a.article_id: n for n, a in enumerate(corpus.articles)}
    joined = {name: _in_order(tables.pop(name), position) for name in list(tables)}
    joined["findings"] = _sort_findings(joined["findings"])
    articles = corpus.table()
    scorecard = build_scorecard(
        articles,
        derivation=rewrites.primary,
        alignments=rewrites.alignments,
        findings=joined["findings"],
        provenance=joined["provenance"],
        readability=joined["readability"],
    )
    return AuditResult(
        corpus=corpus,
        articles=articles,
        metadata=corpus.metadata_table(),
        attributions=joined["attributions"],
        derivation=rewrites.derivation,
        alignments=rewrites.alignments,
        findings=joined["findings"],
        scorecard=scorecard,
        claims=joined["claims"],
        story_claims=joined["story_claims"],
        stemma=rewrites.stemma,
        clusters=rewrites.clusters,
        readability=joined["readability"],
        sources=rewrites.sources,
        parameters=parameters,
    )


#: Parts of batches of story clusters the driver of a parallel run joins at a time, and
#: joined parts joined again into one at a time (:func:`_fold`).
JOIN_BATCH = 20


def _fold(parts: list[ClusterAudit]) -> list[ClusterAudit]:
    """Consecutive batches' parts (:func:`audit_batch`, or parts folded before) as one part of
    their joined tables (its ``rewrites`` the :class:`RewriteAnalysis` of theirs, its
    other tables theirs concatenated), and the failed parts as they are. A parallel
    run's driver folds the parts :data:`JOIN_BATCH` at a time as they arrive, and the
    batches :data:`JOIN_BATCH` at a time: tables hold a row in far less memory than a
    part's columns of Python values, and a few small batches at a time are made and
    dropped, so the driver's heap is not left full of holes."""
    done = [p for p in parts if not p.error]
    if not done:
        return parts
    tables = {}
    for name in _TABLES:
        frames = _taken(done, name)
        filled = [f for f in frames if len(f)]
        tables[name] = pd.concat(filled, ignore_index=True) if filled else frames[0]
        del frames, filled
    stemmata = sum(p.rewrites.stemma.attrs.get("parts", 0) for p in done)
    rewrites = _join_batches(_taken(done, "rewrites"), [])
    rewrites.stemma.attrs["parts"] = stemmata  # how many clusters' stemmata it holds
    return [*(p for p in parts if p.error), ClusterAudit(-1, rewrites=rewrites, **tables)]


def _join_batches(batches: list[RewriteAnalysis], clusters: list) -> RewriteAnalysis:
    """The :class:`RewriteAnalysis` of batches of consecutive clusters' parts (each
    ``join_clusters`` of its parts: :func:`_fold`) as ``join_clusters`` of all the parts
    gives it: each table's column types read again from all its values, stemmata
    concatenated (a batch without any left out, as ``join_clusters`` leaves out none).
    Takes the tables out of ``batches`` (:func:`_taken`)."""
    from wiretrace.rewrites.analysis import RewriteAnalysis

    stemmata = [b.stemma for b in batches if b.stemma.attrs.get("parts")]
    stemma = pd.concat(stemmata, ignore_index=True) if stemmata else batches[0].stemma.copy()
    stemma.attrs = {}
    return RewriteAnalysis(
        alignments=_read_again(_taken(batches, "alignments")),
        derivation=_read_again(_taken(batches, "derivation")),
        sources={k: v for b in batches for k, v in b.sources.items()},
        stemma=stemma,
        clusters=pd.DataFrame(clusters, columns=["article_id", "cluster_id"]),
        consensus={k: v for b in batches for k, v in b.consensus.items()},
        undecided=set().union(*(b.undecided for b in batches)),
    )


def _read_again(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Tables with the same columns as one, each column's type read from all its values
    (as a table made from them all at once); the first table when none has rows.
    Empties ``frames``, as :func:`_in_order` does."""
    if not any(len(f) for f in frames):
        return frames[0]
    return _from_values(*_concat_taken(frames))


def _concat_taken(frames: list[pd.DataFrame]) -> tuple[pd.DataFrame, dict[str, set]]:
    """The tables of ``frames`` that have rows joined in order, and the types each column
    has in them (by column, in order); empties ``frames``, so each part is dropped once
    joined (:func:`_taken`)."""
    filled = [f for f in frames if len(f)]
    kinds = {c: {f[c].dtype for f in filled} for c in frames[0].columns}
    frames.clear()
    joined = pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]
    return joined, kinds


def _taken(holders: list, name: str) -> list:
    """``getattr(holder, name)`` of each of ``holders``, left ``None`` on them: the list
    is then the values' one hold, and a join that empties it drops each part as it goes
    (a large run's driver never holds every table twice)."""
    values = [getattr(holder, name) for holder in holders]
    for holder in holders:
        setattr(holder, name, None)
    return values


def _from_values(table: pd.DataFrame, kinds: dict[str, set]) -> pd.DataFrame:
    """``table`` (parts joined, its rows in any order) with each column's type read
    from what it holds, as ``pd.DataFrame`` of the columns' lists gives it.

    ``kinds``: the types of each column in the parts, by column in order
    (:func:`_concat_taken`). A column of one type in every part keeps it, its values not
    copied (:func:`_kept_type`); any other column is made again from its values, one
    column's values at a time held as Python objects, not the whole table's: the driver
    of a large run then makes few Python objects, which leave its heap full of holes
    when they are dropped."""
    index = pd.RangeIndex(len(table))
    return pd.DataFrame(
        {
            c: table[c].reset_index(drop=True)
            if _kept_type(table[c], kinds[c])
            else pd.Series(table[c].tolist())
            for c in kinds
        },
        index=index,
        copy=False,
    )


#: The type pandas reads a column of strings as.
_STRING_TYPE = pd.Series(["text"]).dtype


def _kept_type(column: pd.Series, kinds: set) -> bool:
    """Whether ``column`` (parts joined, of the types ``kinds``) has the type its values
    would be read as: every part of one number or truth type, or of pandas' string type
    with a value (a string column of missing values only is read as numbers)."""
    if len(kinds) != 1:
        return False
    (kind,) = kinds
    if kind == _STRING_TYPE:
        return bool(column.notna().any())
    return kind.kind in "biuf" and isinstance(kind, np.dtype)


#: The per-cluster tables of a :class:`ClusterAudit` joined by :func:`_join`.
_TABLES = ("attributions", "claims", "story_claims", "findings", "readability", "provenance")


#: Input files read and parsed per task when the load stage runs on a cluster.
LOAD_CHUNK = 50


def parse_task(files: list[tuple[str, bool]], sidecar: Sidecar) -> tuple[list[Article], tuple]:
    """One load task on a worker: read and parse ``files`` (:func:`read_files`), and
    return the articles (kept on the worker) with what the driver needs of them:
    ``(summaries, prints, used)``, the articles' :class:`ArticleSummary` objects, the
    fingerprints of the accepted ones in order with their MinHash sketches
    (:func:`wiretrace.rewrites.cluster.sketch`) and only the anchors clustering samples
    (:func:`~wiretrace.rewrites.cluster.sampled`), so clustering on the driver only joins
    them, and the sidecar keys used. Ids are the inputs' own (see :func:`unique_ids`)."""
    from wiretrace.rewrites.cluster import fingerprint, sampled, sketch

    articles, used = read_files(files, sidecar)
    ok = [a for a in articles if a.status == "ok"]
    prints = sampled(sketch([fingerprint(a.article_id, a.body) for a in ok]))
    return articles, ([a.summary() for a in articles], prints, used)


@dataclass
class Loaded:
    """The load stage of a parallel run (:func:`load_on_workers`): the corpus of summaries,
    the fingerprints of its ok articles in corpus order, one future per load task holding
    that task's articles on the workers, and where each article is among them:
    ``where[article_id] = (task, position)``."""

    corpus: Corpus
    prints: list
    chunks: list
    where: dict[str, tuple[int, int]]


def load_on_workers(
    paths: list, wire: list, meta: str | Path | None, client: object, progress: bool = False
) -> Loaded:
    """The load stage on the workers of ``client``: the driver lists the input files and
    reads the sidecar metadata (:func:`input_files`); the workers read and parse the
    files, :data:`LOAD_CHUNK` per task (:func:`parse_task`), and keep the articles. The
    driver gathers only their summaries and fingerprints, and makes the ids unique in
    input order (:func:`unique_ids`), so the corpus is the serial load's, summarised."""
    from operator import itemgetter

    from wiretrace.parallel import submit_tasks

    files, sidecar = input_files(paths, wire, meta)
    shared = client.scatter(sidecar, broadcast=True)
    chunks = [(files[i : i + LOAD_CHUNK], shared) for i in range(0, len(files), LOAD_CHUNK)]
    parsed = submit_tasks(parse_task, chunks, client, progress, "parsing", f"{LOAD_CHUNK} files")
    heads = [client.submit(itemgetter(1), f) for f in parsed]
    articles = [client.submit(itemgetter(0), f) for f in parsed]
    del parsed  # each task's articles stay on the workers, in ``articles``
    summaries, prints, used, where = [], [], [], {}
    for task, head in enumerate(heads):
        part, part_prints, part_used = head.result()
        head.release()
        where.update({len(summaries) + n: (task, n) for n in range(len(part))})
        summaries.extend(part)
        prints.extend(part_prints)
        used.append(part_used)
    k = 0  # the fingerprint of the next ok article
    ids = unique_ids(s.article_id for s in summaries)
    for summary, article_id in zip(summaries, ids, strict=True):
        if article_id != summary.article_id:  # a repeated id: renamed here, and on the worker
            summary.article_id = article_id
            if summary.status == "ok":
                prints[k] = replace(prints[k], article_id=article_id)
        k += summary.status == "ok"
    corpus = Corpus(summaries, warnings=sidecar_warnings(sidecar, used))
    where = {s.article_id: where[n] for n, s in enumerate(summaries)}
    return Loaded(corpus, prints, articles, where)


def audit_members(batch: list[tuple[int, list[tuple[int, int, str]]]], *chunks: list) -> list:
    """:func:`audit_batch` on a worker, the members picked from the load tasks' articles
    ``chunks``: ``batch`` is ``(cluster_id, picks)`` per cluster, each pick ``(chunk,
    position, article_id)`` (the article's id in the run, which a repeated input id
    changes)."""
    tasks = []
    for cluster_id, picks in batch:
        members = []
        for chunk, position, article_id in picks:
            article = copy.copy(chunks[chunk][position])  # the worker's copy is left as parsed
            article.article_id = article_id
            members.append(article)
        tasks.append((cluster_id, members))
    parts = audit_batch(tasks)
    for part in parts:  # the driver keeps each source's text, not its parsed sentences
        if part.rewrites is not None:
            sources = part.rewrites.sources
            part.rewrites.sources = {k: _text_only(v) for k, v in sources.items()}
    return parts


def _text_only(source: Article) -> Article:
    """``source`` without its sentences and metadata parts (what a parallel run's
    ``result.sources`` holds: the ``sources`` table needs the text and role alone)."""
    return replace(source, sentences=[], parts=[])


def audit_on_workers(
    batches: list[list[tuple[int, list[ArticleSummary]]]],
    loaded: Loaded,
    client: object,
    progress: bool,
) -> list[ClusterAudit]:
    """:func:`audit_members` per batch of story clusters (:func:`batch_tasks` of
    :func:`cluster_tasks`' clusters of summaries), on the workers of ``client``, each
    given the futures of the load tasks that hold its members; the parts in cluster
    order, folded as they arrive (:func:`_fold`). The load tasks' articles are released
    as the batches finish; the progress bar counts clusters."""
    from wiretrace.parallel import finished_tasks

    chunks, loaded.chunks = loaded.chunks, []  # held by the tasks alone from here
    calls = _member_calls(batches, loaded.where, chunks)
    del chunks
    done: list[ClusterAudit] = []  # batches of batches (and failed parts)
    folded: list[ClusterAudit] = []  # batches
    waiting: dict[int, list[ClusterAudit]] = {}  # finished before an earlier batch
    batch: list[ClusterAudit] = []
    following = 0  # the task whose parts join the batch next
    sizes = [len(b) for b in batches]
    finished = finished_tasks(audit_members, calls, client, progress, "clusters", "cluster", sizes)
    for n, parts in finished:
        waiting[n] = parts
        while following in waiting:
            batch.extend(waiting.pop(following))
            following += 1
        if len(batch) >= JOIN_BATCH:
            folded.extend(_fold(batch))
            batch = []
        if len(folded) >= JOIN_BATCH:
            done.extend(_fold(folded))
            folded = []
    return done + _fold(folded + _fold(batch))


def _member_calls(batches: list, where: dict, chunks: list) -> list:
    """The calls of :func:`audit_on_workers`: ``([(cluster_id, picks), ...], futures)``
    per batch."""
    calls = []
    for batch in batches:
        used: dict[int, int] = {}  # load task -> its place among this batch's futures
        tasks = []
        for cluster_id, members in batch:
            picks = []
            for member in members:
                chunk, position = where[member.article_id]
                picks.append((used.setdefault(chunk, len(used)), position, member.article_id))
            tasks.append((cluster_id, picks))
        calls.append((tasks, [chunks[c] for c in used]))
    return calls


def _story_claims(corpus: Corpus, rewrites: RewriteAnalysis, claims: pd.DataFrame) -> pd.DataFrame:
    """The claims stage: every claim matched to the same claim in the story's other versions."""
    from wiretrace.findings.story_claims import match_claims

    clusters = dict(rewrites.clusters[["article_id", "cluster_id"]].values)
    return match_claims(claims, corpus, clusters)


def _findings(
    corpus: Corpus,
    rewrites: RewriteAnalysis,
    attributions: pd.DataFrame,
    claims: pd.DataFrame,
    story_claims: pd.DataFrame,
) -> pd.DataFrame:
    """The findings stage: attribution and error findings on the derived articles,
    artefacts on the others, findings on claims across versions, in one table sorted by
    article, offset and kind."""
    from wiretrace.findings.attribution import attribution_findings
    from wiretrace.findings.errors import copied_sentences, find_artifacts, find_errors
    from wiretrace.findings.story_claims import claim_findings
    from wiretrace.findings.words import WordIndex

    derived = rewrites.derived_alignments()
    # The sentences shown to be copied, which both kinds of check may compare.
    copied = copied_sentences(derived, rewrites.sources)
    # Articles that are not rewrites of their source (a later story, another agency's
    # report) are only checked for what needs no source: MT artefacts, non-words, filler.
    derived_ids = set(derived["article_id"])
    underived = [
        a.article_id for a in corpus.ok if a.role != "wire" and a.article_id not in derived_ids
    ]
    # One index of who attests each word, scoped to each story cluster.
    words = WordIndex(
        corpus, rewrites.sources, dict(rewrites.clusters[["article_id", "cluster_id"]].values)
    )
    return _sort_findings(
        pd.concat(
            [
                attribution_findings(
                    corpus,
                    derived,
                    rewrites.sources,
                    rewrites.derivation,
                    attributions,
                    claims=claims,
                    undecided=rewrites.undecided,
                    copied=copied,
                ),
                find_errors(corpus, derived, rewrites.sources, words, rewrites.undecided, copied),
                find_artifacts(corpus, underived, words),
                claim_findings(story_claims, corpus, rewrites.derivation, attributions),
            ],
            ignore_index=True,
        )
    )


def _report(
    corpus: Corpus,
    rewrites: RewriteAnalysis,
    attributions: pd.DataFrame,
    findings: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The report stage of one cluster: readability against each article's source and
    the provenance verdicts; returns ``(readability, provenance)``. The scorecard joins
    them with the other tables once every cluster is done."""
    from wiretrace.report.provenance import provenance_scorecard
    from wiretrace.report.readability import readability_table

    provenance = provenance_scorecard(
        corpus, attributions, findings, rewrites.alignments, rewrites.sources, rewrites.derivation
    )
    readability = readability_table(corpus, rewrites.sources, rewrites.main_sources())
    return readability, provenance


def _parameters(paths: list, wire: list, meta: str | Path | None) -> dict:
    """The run's parameters as written to ``audit.json``."""
    from wiretrace.rewrites.cluster import (
        MIN_SHARED_SHINGLES,
        MIN_SHARED_TERMS,
        STORY_THRESHOLD,
        WORDING_THRESHOLD,
    )

    return {
        "paths": [str(p) for p in paths],
        "wire": [str(p) for p in wire],
        "meta": str(meta) if meta else None,
        "story_threshold": STORY_THRESHOLD,
        "wording_threshold": WORDING_THRESHOLD,
        "min_shared_shingles": MIN_SHARED_SHINGLES,
        "min_shared_terms": MIN_SHARED_TERMS,
    }
