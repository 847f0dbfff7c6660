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

import pandas as pd

from wiretrace import schema
from wiretrace.load import Corpus, load_corpus


@dataclass
class AuditResult:
    """The tables of one audit run; see the README's "Output contract" for every column."""

    corpus: Corpus
    articles: pd.DataFrame
    metadata: pd.DataFrame
    attributions: pd.DataFrame
    derivation: pd.DataFrame
    alignments: pd.DataFrame
    findings: pd.DataFrame
    scorecard: pd.DataFrame
    parameters: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract's tables by name, in the order they are written."""
        return {
            "articles": self.articles,
            "metadata": self.metadata,
            "attributions": self.attributions,
            "derivation": self.derivation,
            "alignments": self.alignments,
            "findings": self.findings,
            "scorecard": self.scorecard,
        }

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


def build_scorecard(corpus: Corpus) -> pd.DataFrame:
    """One row per article: status, role and size; later stages add their columns."""
    table = corpus.table()
    return table[schema.SCORECARD_BASE_COLUMNS].copy()


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
    :class:`wiretrace.load.InputError` when a path does not exist or no input is given.
    """
    from wiretrace.load import InputError

    paths, wire = list(paths), list(wire)
    if not paths and not wire:
        raise InputError("no input paths given")
    corpus = load_corpus(paths, wire=wire, meta=meta, progress=progress)
    return AuditResult(
        corpus=corpus,
        articles=corpus.table(),
        metadata=corpus.metadata_table(),
        attributions=schema.empty(schema.ATTRIBUTION_COLUMNS),
        derivation=schema.empty(schema.DERIVATION_COLUMNS),
        alignments=schema.empty(schema.ALIGNMENT_COLUMNS),
        findings=schema.empty(schema.FINDING_COLUMNS),
        scorecard=build_scorecard(corpus),
        parameters={
            "paths": [str(p) for p in paths],
            "wire": [str(p) for p in wire],
            "meta": str(meta) if meta else None,
        },
    )
