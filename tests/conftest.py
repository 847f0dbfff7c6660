"""Shared fixtures and paths: the seed corpus, loaded once per test session.

The repository's folders the tests read are found from this file (``tests/`` is in the
repository), never from the installed package: ``SEEDS_DIR`` and the Clough-Stevenson
corpus committed with the benchmarks (``CLOUGH_STEVENSON_DIR``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from provenance_helpers import seed_alignments_of, seed_findings_of

from wiretrace.ingest.corpus import Corpus, load_corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
CLOUGH_STEVENSON_DIR = PROJECT_ROOT / "benchmarks" / "corpora" / "clough-stevenson-2011"


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The five seed articles, loaded with the default loader."""
    return load_corpus([SEEDS_DIR])


@pytest.fixture(scope="session")
def seed_audit():
    """The audit of the seed folder (no wire copy given)."""
    import wiretrace

    return wiretrace.audit([SEEDS_DIR])


@pytest.fixture(scope="module")
def seed_alignments(seeds):
    """Seeds 000, 002 and 004 aligned by hand with seed 001 as their source."""
    return seed_alignments_of(seeds)


@pytest.fixture(scope="module")
def seed_findings(seeds, seed_alignments):
    """``(findings, attributions, derivation, sources)`` of the seeds, 001 the source."""
    return seed_findings_of(seeds, seed_alignments)
