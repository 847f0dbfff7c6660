"""Tests for wiretrace.findings.checks.numbers: ``number_change``."""

from __future__ import annotations

from error_helpers import kinds

from wiretrace.findings.compare import compare_sentences


def test_number_change_is_found():
    # number_change 1,500 -> 1,200
    assert kinds(
        compare_sentences(
            "Some 1,500 troops are deployed in Niger.", "Some 1,200 troops are deployed in Niger."
        )
    ) == [("number_change", "high", "1,200")]
