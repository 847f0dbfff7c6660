"""Tests for wiretrace.findings.compare: benign edits of the seeds are not errors."""

from __future__ import annotations

import pytest
from error_helpers import S001_AUGUST

from wiretrace.findings.compare import CLOSE_REWRITE, cancel_moves, compare_sentences, cut_edits
from wiretrace.findings.pair import Pair


@pytest.mark.parametrize(
    ("name", "source", "rewrite"),
    [
        (
            "'Some 1,500' vs 'about 1500', 'wider' vs 'larger', region added",
            "Some 1,500 troops are deployed in Niger as part of France\u2019s wider fight "
            "against jihadists in the Sahel.",
            "Currently, about 1500 French troops are deployed in Niger as part of France's "
            "larger fight against jihadists in the Sahel region of Africa.",
        ),
        (
            "'under way' vs 'underway', 'for' vs 'of', curly vs straight quotes",
            "Niger\u2019s military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday "
            "that \u201ccontacts\u201d were under way about a \u201cvery swift\u201d departure for "
            "Paris\u2019 troops.",
            "Niger's military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday that "
            '"contacts" were underway about a "very swift" departure of Paris\' troops.',
        ),
        (
            "'new major blow' vs 'fresh major blow', trimmed clause",
            "The coup has been seen as a new major blow to French influence in the region "
            "following military takeovers in Mali in 2020 and Burkina Faso in 2022.",
            "The coup in Niger has been seen as a fresh major blow to French influence in the "
            "region.",
        ),
        (
            "'defence' vs 'defense', 'immobilised' vs 'immobilized'",
            "The defence ministry said French forces had been immobilised.",
            "The defense ministry said French forces had been immobilized.",
        ),
        (
            "'26 July' vs 'July 26', 'neighbouring' vs 'neighboring'",
            "After the 26 July putsch, troops left neighbouring Mali.",
            "After the July 26 putsch, troops left neighboring Mali.",
        ),
        (
            "reordered clause",
            S001_AUGUST,
            "The coup leaders renounced several military cooperation agreements with France on "
            "August 3, including one with a month-long notice period that expired on Sunday.",
        ),
        (
            "'holding talks' vs 'in talks', contraction",
            "The French army is holding talks with Niger's military. It did not give details.",
            "The French army is in talks with Niger's military. It didn't give details.",
        ),
        (
            "hyphenated or spaced, a clock time with a full stop or a colon",
            "It warned African Americans after the post coup talks ended at 5.10am on Monday.",
            "It warned African-Americans after the post-coup talks ended at 5:10 a.m. on Monday.",
        ),
        (
            "British and American words",
            "The family was on vacation when the truck hit the sidewalk, their neighbor said.",
            "The family was on holiday when the lorry hit the pavement, their neighbour said.",
        ),
    ],
)
def test_benign_edits_are_not_flagged(name, source, rewrite):
    assert compare_sentences(source, rewrite) == [], name


def test_moved_words_cancel_out():
    reordered = (
        "The coup leaders renounced several military cooperation agreements with France on "
        "August 3, including one with a month-long notice period that expired on Sunday."
    )
    pair = Pair.of(S001_AUGUST, reordered, None)
    edits = cut_edits(pair)
    assert edits and all(not e.src and not e.rw for e in edits)
    assert pair.close and pair.polarity_kept


def test_cancel_moves_takes_a_word_out_of_both_edits():
    pair = Pair.of(
        "Paris said on Monday that talks began.", "On Monday Paris said talks began.", None
    )
    edits = cut_edits(pair)
    cancel_moves(edits)  # a second pass changes nothing
    left = [([u.surface for u in e.src], [u.surface for u in e.rw]) for e in edits]
    assert all("Monday" not in s and "Monday" not in r for s, r in left)


def test_close_rewrite_threshold():
    assert 0 < CLOSE_REWRITE < 1
    loose = Pair.of("The army left the base at dawn.", "Soldiers quit their camp early.", None)
    cut_edits(loose)
    assert not loose.close


@pytest.mark.parametrize(
    ("source", "rewrite", "text"),
    [
        ("The trains collided at 5.10 am.", "The trains collided at 6:10 am.", "6:10"),
        ("He paid 5.10 pounds for it.", "He paid 510 pounds for it.", "510"),
    ],
)
def test_a_clock_time_or_figure_that_changed_is_still_a_number_change(source, rewrite, text):
    found = compare_sentences(source, rewrite)
    assert [(f.kind, f.text) for f in found] == [("number_change", text)]
