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


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        # A source's request not to be named, dropped: a detail of the attribution lost,
        # not a claim turned into its opposite.
        (
            "Talks have begun, the defence ministry source told AFP, asking not to be named.",
            "Talks have begun, the defence ministry source said.",
            [],
        ),
        # The request altered, its negator removed: still a negation change.
        (
            "Talks have begun, the defence ministry source told AFP, asking not to be named.",
            "Talks have begun, the defence ministry source told AFP, asking to be named.",
            [("negation_change", "high", " ")],  # the blank where "not" was
        ),
        # A negator of the claim itself dropped beside the request: reported.
        (
            "Talks have not begun, the source told AFP, asking not to be named.",
            "Talks have begun, the source said.",
            [("negation_change", "high", " ")],
        ),
    ],
)
def test_a_dropped_request_not_to_be_named_is_no_negation_change(source, rewrite, expected):
    assert [k for k in kinds(compare_sentences(source, rewrite)) if k[0] == "negation_change"] == (
        expected
    )
