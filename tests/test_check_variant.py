"""Tests of wiretrace.findings.checks.variant: no majority, no error pinned (kind variant)."""

from __future__ import annotations

from wiretrace.findings.compare import check_new_sentence, compare_sentences

SOURCE = "France will withdraw 1,500 troops from Niger by the end of the year."
REWRITE = "France will withdraw 1,200 troops from Niger by the end of the year."


def test_a_difference_from_a_version_of_unknown_direction_is_a_variant():
    assert [f.kind for f in compare_sentences(SOURCE, REWRITE)] == ["number_change"]
    found = compare_sentences(SOURCE, REWRITE, undecided=True)
    assert [(f.kind, f.severity, f.text, f.source_text) for f in found] == [
        ("variant", "low", "1,200", "1,500")
    ]
    assert "number change" in found[0].explanation


def test_a_difference_inside_a_contested_span_is_a_variant_and_outside_it_is_not():
    at = SOURCE.index("1,500")
    inside = compare_sentences(SOURCE, REWRITE, contested=[(at, at + 5)])
    assert [f.kind for f in inside] == ["variant"]
    elsewhere = compare_sentences(SOURCE, REWRITE, contested=[(0, 6)])
    assert [f.kind for f in elsewhere] == ["number_change"]


def test_a_sentence_only_one_version_of_an_undecided_pair_has_is_no_addition():
    text = "The minister said 3,000 soldiers would stay in Chad until 2025."
    assert [f.kind for f in check_new_sentence(text)] == ["unsupported_addition"]
    assert check_new_sentence(text, undecided=True) == []
