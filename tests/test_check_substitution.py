"""Tests for wiretrace.findings.checks.substitution: ``verb_change`` and ``word_change``."""

from __future__ import annotations

import pytest
from error_helpers import S001_AUGUST, S002_AUGUST, kinds

from wiretrace.findings.compare import compare_sentences


def test_seed_verb_change_is_found():
    # verb_change 'renounced' -> 'suspended' in 002
    assert kinds(compare_sentences(S001_AUGUST, S002_AUGUST)) == [
        ("verb_change", "high", "suspended")
    ]


def test_explanation_quotes_both_wordings():
    (finding,) = compare_sentences(S001_AUGUST, S002_AUGUST)
    assert finding.explanation == (
        "'renounced' (end for good) became 'suspended' (pause (can be resumed)): the source "
        "reports something else than the rewrite does."
    )
    assert finding.source_text == "renounced"
    assert S002_AUGUST[finding.start : finding.end] == "suspended"


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        (
            "The ministry said the talks were productive.",
            "The ministry said the talks were difficult.",
            [
                (
                    "word_change",
                    "medium",
                    "difficult",
                    "The source's word 'productive' became 'difficult', which is not a known "
                    "synonym: check whether the claim still says the same.",
                )
            ],
        ),
        (
            "The government closed the embassy on Monday.",
            "The government opened the embassy on Monday.",
            [
                (
                    "verb_change",
                    "medium",
                    "opened",
                    "The source's verb 'closed' became 'opened', which is not a known "
                    "synonym: check whether the claim still says the same.",
                )
            ],
        ),
    ],
)
def test_a_word_that_is_not_a_synonym_is_reported(source, rewrite, expected):
    got = [(f.kind, f.severity, f.text, f.explanation) for f in compare_sentences(source, rewrite)]
    assert got == expected


def test_a_speaker_put_where_words_were_cut_is_not_a_word_change():
    source = "They later flew first class to Sioux Falls along with an assistant coach."
    rewrite = "They later flew first class to Sioux Falls, Freed said."
    assert kinds(compare_sentences(source, rewrite)) == []
    claimed = compare_sentences(
        "The minister claimed it was over.", "The minister said it was over."
    )
    assert kinds(claimed) == [("verb_change", "high", "said")]


def test_a_reference_garbled_across_a_possessive_is_a_word_change():
    source = "Niger and France, the country\u2019s former colonial power, fell out."
    rewrite = "Niger and France, the former\u2019s former colonial power, fell out."
    assert kinds(compare_sentences(source, rewrite)) == [
        ("word_change", "medium", "former\u2019s former")
    ]
    assert compare_sentences(source, source) == []
