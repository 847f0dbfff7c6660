"""Tests for wiretrace.findings.checks.quotes: ``quote_altered``."""

from __future__ import annotations

import pytest
from error_helpers import AFP_ROW, DPA_ROW, S001_LECORNU, S002_LECORNU, claim_pair, kinds

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


# A quotation of several sentences opens in one and closes in another: inside it every
# change is a misquote first, whatever the word (modal, negation, date, any word).
OPENING = "\u201cThe troops will leave the country on Sunday and go to Chad."
CLOSING = "They will go to Chad,\u201d the minister said."


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        (
            OPENING,
            "\u201cThe troops may leave the country on Sunday and go to Chad.",
            [("quote_altered", "high", "may")],
        ),
        (
            OPENING,
            "\u201cThe troops will not leave the country on Sunday and go to Chad.",
            [("quote_altered", "high", "not")],
        ),
        (
            OPENING,
            "\u201cThe troops will leave the country on Monday and go to Chad.",
            [("quote_altered", "high", "Monday")],
        ),
        (
            CLOSING,
            "They might go to Chad,\u201d the minister said.",
            [("quote_altered", "high", "might")],
        ),
        (OPENING, OPENING, []),
    ],
)
def test_a_quotation_running_on_past_the_sentence_is_a_quotation(source, rewrite, expected):
    assert kinds(compare_sentences(source, rewrite)) == expected


def test_the_explanation_says_what_changed_inside_the_quotation():
    (finding,) = compare_sentences(
        OPENING, "\u201cThe troops may leave the country on Sunday and go to Chad."
    )
    assert finding.explanation.startswith("Inside the quotation, 'will' became 'may':")


def test_outside_a_quotation_a_modal_is_a_modality_change():
    source = "The troops will leave the country on Sunday, the minister said."
    rewrite = "The troops may leave the country on Sunday, the minister said."
    assert kinds(compare_sentences(source, rewrite)) == [("modality_change", "high", "may")]


def test_a_claim_quoted_in_other_words_is_quote_altered_with_a_common_origin():
    from wiretrace.findings.checks.quotes import claim_quote_retranslated

    (finding,) = claim_quote_retranslated(claim_pair())
    assert (finding.kind, finding.severity) == ("quote_altered", "high")
    assert "re-translated" in finding.explanation
    (independent,) = claim_quote_retranslated(claim_pair(origin=""))
    assert (independent.kind, independent.severity) == ("variant", "low")
    # the same wording with a word changed is compared where it is copied, not here
    close = {**DPA_ROW, "quote": AFP_ROW["quote"].replace("certain", "some")}
    assert claim_quote_retranslated(claim_pair(other=close)) == []
    reported = {**DPA_ROW, "claim_type": "reported"}
    assert claim_quote_retranslated(claim_pair(other=reported)) == []


def test_one_short_quotation_in_both_versions_is_not_re_translated():
    from wiretrace.findings.checks.quotes import claim_quote_retranslated

    same = {**DPA_ROW, "quote": "the short man"}
    pair = claim_pair(other=same)
    pair.reference = {**AFP_ROW, "quote": "the short man"}
    assert claim_quote_retranslated(pair) == []
    spelt = claim_pair(other={**DPA_ROW, "quote": "fired up with adrenalin"})
    spelt.reference = {**AFP_ROW, "quote": "fired up with adrenaline"}
    assert claim_quote_retranslated(spelt) == []
