"""Tests for wiretrace.findings.checks.quotes: ``quote_altered``."""

from __future__ import annotations

from error_helpers import S001_LECORNU, S002_LECORNU, kinds

from wiretrace.findings.compare import compare_sentences


def test_seed_quote_altered_is_found():
    # quote_altered 'movements' -> 'the movement' in 002 (the added 'on Tuesday' is not)
    assert kinds(compare_sentences(S001_LECORNU, S002_LECORNU)) == [
        ("quote_altered", "high", "the movement")
    ]


def test_quotation_trimmed_at_its_end_is_not_flagged():
    # quotation trimmed at its end, attribution reworded
    assert (
        compare_sentences(
            "Zeine nevertheless said he hoped to \u201cmaintain cooperation if possible with a "
            "country with which we have shared many things.\u201d",
            'However, Zeine has said that he hoped to "maintain cooperation if possible with a '
            'country."',
        )
        == []
    )


def test_two_quotations_of_the_source_joined_into_one_are_the_speaker_s_words():
    source = '"No fight," Silverman wrote. "We just live in different countries and it got hard."'
    joined = 'She then wrote, "No fight. We just live in different countries and it got hard."'
    assert "quote_altered" not in [f.kind for f in compare_sentences(source, joined)]
    changed = 'She then wrote, "Big fight. We just live in different countries and it got hard."'
    assert "quote_altered" in [f.kind for f in compare_sentences(source, changed)]
