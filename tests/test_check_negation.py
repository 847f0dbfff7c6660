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


def test_a_negating_preposition_dropped_with_its_object_is_not_a_flip():
    source = "The plane flew from San Jose without passengers on Sunday, but could not land."
    rewrite = "The plane flew from San Jose on Sunday, but could not land."
    assert kinds(compare_sentences(source, rewrite)) == []
    flipped = compare_sentences("He no longer works for the army.", "He works for the army.")
    assert [f.kind for f in flipped] == ["negation_change"]
