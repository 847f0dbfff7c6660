"""Tests for wiretrace.findings.checks.entities: ``entity_change``."""

from __future__ import annotations

from error_helpers import kinds

from wiretrace.findings.compare import compare_sentences


def test_entity_change_is_found():
    # entity_change Bazoum -> Tiani
    assert kinds(
        compare_sentences(
            "The July 26 putsch ousted French ally President Mohamed Bazoum.",
            "The July 26 putsch ousted French ally President Mohamed Tiani.",
        )
    ) == [("entity_change", "high", "Tiani")]
