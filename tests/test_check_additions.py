"""Tests for wiretrace.findings.checks.additions: ``unsupported_addition`` (new sentences, 003)."""

from __future__ import annotations

import pytest
from error_helpers import S003_FILLER, kinds

from wiretrace.findings.compare import check_new_sentence
from wiretrace.findings.words import ErrorContext


def test_filler_is_an_unsupported_addition():
    context = ErrorContext(frozenset({"niger", "france", "troops", "coup"}))
    assert kinds(check_new_sentence(S003_FILLER, context)) == [
        ("unsupported_addition", "low", S003_FILLER)
    ]
    (finding,) = check_new_sentence(S003_FILLER, context)
    assert finding.explanation.startswith("Generic filler")


def test_new_specifics_are_an_unsupported_addition():
    sentence = "Some 300 drones will be moved to Chad by December, officials said."
    context = ErrorContext(frozenset({"niger", "france", "troops"}))
    (finding,) = check_new_sentence(sentence, context)
    assert finding.kind == "unsupported_addition"
    assert finding.severity == "medium"
    assert "'300'" in finding.explanation and "'Chad'" in finding.explanation


def test_new_sentence_with_attested_specifics_is_not_flagged():
    sentence = "Some 1,500 French troops are stationed in Niger."
    context = ErrorContext(frozenset({"1,500", "1500", "french", "niger", "troops"}))
    assert check_new_sentence(sentence, context) == []


@pytest.mark.parametrize(
    "furniture",
    [
        "[A woman ordered canaries to brighten her home. The USPS delivered a box of birds.]",
        "(Greg Wohlford/Erie Times-News via AP)",
    ],
)
def test_a_sentence_in_brackets_is_page_furniture_not_an_addition(furniture):
    assert [f.kind for f in check_new_sentence(furniture)] == []
    claim = furniture.strip("[]()")
    assert "unsupported_addition" in [f.kind for f in check_new_sentence(claim)]
