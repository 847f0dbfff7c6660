"""Tests for wiretrace.findings.checks.negation: ``negation_change``."""

from __future__ import annotations

import pytest
from error_helpers import kinds

from wiretrace.findings.compare import compare_sentences


def test_dropped_negator_is_found():
    # negation_change 'did not give' -> 'gave'
    assert kinds(
        compare_sentences("The source did not give details.", "The source gave details.")
    ) == [("negation_change", "high", "gave")]


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        # A prefix antonym and a negator cancel: the claim is the same.
        (
            "Frequentist and Bayesian interpretations disagree about the ways.",
            "Frequentist and Bayesian interpretations do not agree about the ways.",
            [],
        ),
        # A prefix antonym alone flips the claim.
        (
            "The regime was declared legitimate by Paris.",
            "The regime was declared illegitimate by Paris.",
            [("negation_change", "high", "illegitimate")],
        ),
        # A negator alone flips the claim.
        (
            "The coup leaders renounced the agreements.",
            "The coup leaders did not renounce the agreements.",
            [("negation_change", "high", "not")],
        ),
    ],
)
def test_polarity_counts_prefix_antonyms(source, rewrite, expected):
    assert kinds(compare_sentences(source, rewrite)) == expected
