"""Tests for wiretrace.findings.checks.dates: ``date_change``."""

from __future__ import annotations

from error_helpers import kinds

from wiretrace.findings.compare import compare_sentences


def test_date_change_is_found():
    # date_change July 26 -> July 16
    assert kinds(
        compare_sentences(
            "The July 26 putsch ousted French ally President Mohamed Bazoum.",
            "The July 16 putsch ousted French ally President Mohamed Bazoum.",
        )
    ) == [("date_change", "high", "July 16")]
