"""Tests for wtbench.claim_findings: cases of findings on matched claims and their scores."""

from __future__ import annotations

from collections import Counter

from wtbench.claim_findings import KINDS, hedge, score

ROW = {"start": 0, "end": 13, "quote_start": -1, "quote_end": -1}


def test_hedge_puts_reportedly_before_the_first_finite_verb_and_not_after_an_auxiliary():
    text = "Officials said the troops are leaving Niger."
    assert hedge(text, ROW, negate=False) == (
        "Officials said the troops reportedly are leaving Niger.",
        False,
    )
    assert hedge(text, ROW, negate=True) == (
        "Officials said the troops are not leaving Niger.",
        False,
    )
    assert hedge("Officials said.", ROW, negate=True) is None


def test_hedge_inside_a_quotation_expects_quote_altered():
    text = "\u201cWe will go,\u201d he said."
    row = {"start": 13, "end": 20, "quote_start": 1, "quote_end": 11}
    assert hedge(text, row, negate=False) == ("\u201cWe might go,\u201d he said.", True)


def test_score_counts_each_kind_and_false_findings_on_the_unchanged_versions():
    cases = [
        ("a.0.reattributed", "reattributed", [], [], ("attribution_changed",)),
        ("a.0.same", "same", [], [], ()),
        ("a.0.hedged", "hedged", [], [], ("modality_change",)),
    ]
    found = {
        "a.0.reattributed": Counter({("third", "attribution_changed"): 1}),
        "a.0.same": Counter({("kept", "modality_change"): 1}),
        "a.0.hedged": Counter(),
    }
    result = score(cases, found)
    assert result["kinds"]["attribution_changed"] == {
        "expected": 1,
        "reported": 1,
        "right": 1,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert result["kinds"]["modality_change"] == {
        "expected": 1,
        "reported": 1,
        "right": 0,
        "precision": 0.0,
        "recall": 0.0,
    }
    assert result["labels"]["same"] == {"cases": 1, "as_expected": 0}
    assert set(result["kinds"]) == set(KINDS)
