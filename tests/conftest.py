"""Shared fixtures: the seed corpus, loaded once per test session."""

from __future__ import annotations

import pytest

from wiretrace import config
from wiretrace.ingest.corpus import Corpus, load_corpus


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The five seed articles, loaded with the default loader."""
    return load_corpus([config.SEEDS_DIR])


@pytest.fixture(scope="session")
def seed_audit():
    """The audit of the seed folder (no wire copy given)."""
    import wiretrace

    return wiretrace.audit([config.SEEDS_DIR])
