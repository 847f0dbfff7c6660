"""Tests for wiretrace.findings.checks.typo: every ``typo``, wherever it arises."""

from __future__ import annotations

import pytest
from error_helpers import S001_RELATIONS, S002_RELATIONS, kinds

from wiretrace.findings.checks.typo import split_run_together
from wiretrace.findings.compare import check_new_sentence, compare_sentences
from wiretrace.findings.words import ErrorContext


@pytest.mark.parametrize(
    ("name", "source", "rewrite", "expected"),
    [
        (
            "typo 'toas' in 001",
            S002_RELATIONS,
            S001_RELATIONS,
            [("typo", "low", "toas")],
        ),
        (
            "typo: words run together",
            "Niger has been an important partner in the Sahel after the rulers in Mali "
            "demanded the withdrawal of French troops.",
            "Niger has been an important partner in the Sahelafter the rulers in Mali "
            "demanded the withdrawal of French troops.",
            [("typo", "low", "Sahelafter")],
        ),
    ],
)
def test_seed_typos_are_found(name, source, rewrite, expected):
    assert kinds(compare_sentences(source, rewrite)) == expected, name


def test_the_version_that_kept_the_wording_is_not_flagged():
    # 002 as the rewrite of 001's wording, where 002 kept it: nothing to report.
    assert compare_sentences(S001_RELATIONS.replace(" toas", ""), S002_RELATIONS) == []


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        (
            # a misspelt name, decided inside the entity check
            "The July 26 putsch ousted President Mohamed Bazoum.",
            "The July 26 putsch ousted President Mohamed Bazuom.",
            [("typo", "medium", "Bazuom", "The name 'Bazoum' is misspelt 'Bazuom'.")],
        ),
        (
            # a slip inside a quotation, decided inside the quotation check
            'He said the talks were "very constructive" on Monday.',
            'He said the talks were "very constrctive" on Monday.',
            [
                (
                    "typo",
                    "low",
                    "constrctive",
                    "Inside the quotation, 'constrctive' is not a word: a misspelling of the "
                    "source's 'constructive'.",
                )
            ],
        ),
        (
            # a one-letter slip for a substituted word, decided inside the substitution check
            "The troops will leave the base soon.",
            "The troops will leave the bass soon.",
            [
                (
                    "typo",
                    "low",
                    "bass",
                    "'bass' looks like a slip for the source's 'base' (one letter apart).",
                )
            ],
        ),
        (
            "The agreement was signed by both countries.",
            "The agreement was signed by both countires.",
            [
                (
                    "typo",
                    "low",
                    "countires",
                    "'countires' is a misspelling of the source's 'countries'.",
                )
            ],
        ),
    ],
)
def test_typos_wherever_they_arise(source, rewrite, expected):
    got = [(f.kind, f.severity, f.text, f.explanation) for f in compare_sentences(source, rewrite)]
    assert got == expected


def test_a_non_word_of_a_new_sentence_is_a_typo():
    found = check_new_sentence("The troops will leave the bsae soon.")
    assert [(f.kind, f.text, f.explanation) for f in found if f.kind == "typo"] == [
        ("typo", "bsae", "'bsae' is not an English word, and no other version or source has it.")
    ]


def test_split_run_together():
    assert split_run_together("Sahelafter", ErrorContext()) == "Sahel after"
    assert split_run_together("withdrawal", ErrorContext()) == ""
