"""The audit pipeline: load a cluster of articles, run every stage, return the tables.

:func:`audit` is the one entry point the CLI, the notebooks and the benchmarks share. It
returns an :class:`AuditResult` holding the tables of the output contract (see
:mod:`wiretrace.schema` and the README); a stage that finds nothing returns an empty
table with the contract's columns, never invented rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import Article, Corpus, load_corpus

if TYPE_CHECKING:
    from wiretrace.rewrites.analysis import RewriteAnalysis


@dataclass
class AuditResult:
    """The tables of one audit run; see the README's "Output contract" for every column.

    Besides the contract's tables it keeps what the notebooks draw: ``claims`` (who is
    quoted or cited), ``story_claims`` (each claim matched across the versions),
    ``stemma`` (who copied whom), ``clusters`` (story clusters),
    ``readability`` (per version and against its source) and ``sources`` (the texts the
    alignments point into: wire articles and reconstructed consensus texts).
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

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the order they are written (the contract's first)."""
        return {
            "articles": self.articles,
            "metadata": self.metadata,
            "attributions": self.attributions,
            "derivation": self.derivation,
            "alignments": self.alignments,
            "findings": self.findings,
            "scorecard": self.scorecard,
            "claims": self.claims,
            "story_claims": self.story_claims,
            "stemma": self.stemma,
            "clusters": self.clusters,
            "readability": self.readability,
            "sources": self.sources_table(),
        }

    def sources_table(self) -> pd.DataFrame:
        """The source texts the alignments point into: ``source_id, kind, text``."""
        rows = [
            {"source_id": source_id, "kind": source.role, "text": source.text}
            for source_id, source in sorted(self.sources.items())
        ]
        return pd.DataFrame(rows, columns=["source_id", "kind", "text"])

    def summary(self) -> dict:
        """Counts a reader wants first: articles read and rejected, findings by severity."""
        articles = self.articles
        return {
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

    def to_dir(self, out: str | Path) -> Path:
        """Write one CSV per table and ``audit.json`` (inputs, parameters, summary, tables).

        The files hold no timestamps, so the same inputs give byte-identical outputs.
        Returns the folder written to.
        """
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            table.to_csv(out / f"{name}.csv", index=False)
        inputs = []
        for article in self.corpus.articles:
            path = Path(article.path)
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            inputs.append(
                {"article_id": article.article_id, "path": article.path, "sha256": digest}
            )
        document = {
            "wiretrace_version": _version(),
            "parameters": self.parameters,
            "inputs": inputs,
            "summary": self.summary(),
            "tables": {
                name: json.loads(table.to_json(orient="records", force_ascii=False))
                for name, table in self.tables().items()
            },
        }
        (out / "audit.json").write_text(
            json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        return out


def _version() -> str:
    from wiretrace import __version__

    return __version__


def _sort_findings(findings: pd.DataFrame) -> pd.DataFrame:
    order = {kind: n for n, kind in enumerate(schema.FINDING_KINDS)}
    findings = findings.assign(_kind=findings["kind"].map(order))
    findings = findings.sort_values(["article_id", "start", "_kind"], kind="stable")
    return findings.drop(columns="_kind").reset_index(drop=True)


def audit(
    paths: Iterable[str | Path],
    wire: Iterable[str | Path] = (),
    meta: str | Path | None = None,
    progress: bool = False,
) -> AuditResult:
    """Audit the articles in ``paths`` (files or folders) and return every table.

    ``wire`` names files or folders of known wire copy: they become the source the other
    articles are compared with. Without it, the cluster's own versions are the witnesses
    of a lost source. ``meta`` is a sidecar metadata CSV (see :func:`load_corpus`).
    ``progress`` shows progress bars on long runs. Raises
    :class:`wiretrace.ingest.corpus.InputError` when a path does not exist or no input is given.

    Stages, in order: load; provenance (credits and claims); story clusters; rewrite
    detection per cluster (sources, alignments, derivation, stemma); claims matched across
    each story's versions; attribution and error findings on the derived articles,
    artefacts on the others, findings on claims across versions; readability against
    each article's source; the scorecard.
    """
    from wiretrace.provenance.claims import extract_claims
    from wiretrace.provenance.credits import find_attributions
    from wiretrace.rewrites.analysis import analyse_rewrites
    from wiretrace.rewrites.cluster import cluster_stories

    paths, wire = list(paths), list(wire)
    corpus = _load(paths, wire, meta, progress)
    attributions = find_attributions(corpus)
    claims = extract_claims(corpus)
    clusters = cluster_stories(corpus, progress=progress)
    rewrites = analyse_rewrites(corpus, progress=progress, clusters=clusters)
    story_claims = _story_claims(corpus, rewrites, claims)
    findings = _findings(corpus, rewrites, attributions, claims, story_claims)
    articles = corpus.table()
    readability, scorecard = _scorecard(corpus, articles, rewrites, attributions, findings)
    return AuditResult(
        corpus=corpus,
        articles=articles,
        metadata=corpus.metadata_table(),
        attributions=attributions,
        derivation=rewrites.derivation,
        alignments=rewrites.alignments,
        findings=findings,
        scorecard=scorecard,
        claims=claims,
        story_claims=story_claims,
        stemma=rewrites.stemma,
        clusters=rewrites.clusters,
        readability=readability,
        sources=rewrites.sources,
        parameters=_parameters(paths, wire, meta),
    )


def _load(paths: list, wire: list, meta: str | Path | None, progress: bool) -> Corpus:
    """The load stage: read the inputs into a corpus (at least one path is needed)."""
    from wiretrace.ingest.corpus import InputError

    if not paths and not wire:
        raise InputError("no input paths given")
    return load_corpus(paths, wire=wire, meta=meta, progress=progress)


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


def _scorecard(
    corpus: Corpus,
    articles: pd.DataFrame,
    rewrites: RewriteAnalysis,
    attributions: pd.DataFrame,
    findings: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The report stage: the provenance verdicts, readability against each article's
    source and the scorecard joining every stage; returns ``(readability, scorecard)``."""
    from wiretrace.report.provenance import provenance_scorecard
    from wiretrace.report.readability import readability_table
    from wiretrace.report.scorecard import build_scorecard

    provenance = provenance_scorecard(
        corpus, attributions, findings, rewrites.alignments, rewrites.sources, rewrites.derivation
    )
    readability = readability_table(corpus, rewrites.sources, rewrites.main_sources())
    scorecard = build_scorecard(
        articles,
        derivation=rewrites.primary,
        alignments=rewrites.alignments,
        findings=findings,
        provenance=provenance,
        readability=readability,
    )
    return readability, scorecard


def _parameters(paths: list, wire: list, meta: str | Path | None) -> dict:
    """The run's parameters as written to ``audit.json``."""
    from wiretrace.rewrites.cluster import STORY_THRESHOLD, WORDING_THRESHOLD

    return {
        "paths": [str(p) for p in paths],
        "wire": [str(p) for p in wire],
        "meta": str(meta) if meta else None,
        "story_threshold": STORY_THRESHOLD,
        "wording_threshold": WORDING_THRESHOLD,
    }
