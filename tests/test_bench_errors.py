"""Tests for wtbench.errors' scoring: one rule (:func:`match`) for sentence pairs and whole
articles, on hand-made findings (a match, a miss, a false finding, a case with nothing)."""

from __future__ import annotations

import pandas as pd

from wiretrace import schema
from wiretrace.findings.checks import attribution
from wtbench.errors import KINDS, Case, Match, match, overlaps, score, score_articles


def test_kinds_are_the_contracts_less_the_provenance_stages():
    assert set(KINDS) == set(schema.FINDING_KINDS) - set(attribution.KINDS)
    assert tuple(k for k in schema.FINDING_KINDS if k in KINDS) == KINDS


def test_overlap_has_one_character_of_slack():
    assert overlaps(15, 18, 10, 14)  # starts just after the error
    assert overlaps(3, 9, 10, 14)  # ends just before it
    assert not overlaps(16, 18, 10, 14)
    assert not overlaps(0, 8, 10, 14)


def test_match_flags_each_error_and_each_finding():
    expected = [("typo", 10, 14), ("verb_change", 30, 36)]
    findings = [("typo", 11, 13), ("word_change", 31, 35), ("number_change", 50, 52)]
    assert match(expected, findings) == Match(
        found=[True, False],  # the verb change was flagged, but as another kind
        located=[True, True],
        correct=[True, False, False],
        on_error=[True, True, False],
    )
    assert match([], []) == Match([], [], [], [])


CASES = [
    Case("1", "The mayor spoke.", "The mayor spokee.", "typo", [("typo", 10, 16)]),  # found
    Case("2", "Police said.", "Police denied.", "verb_change", [("verb_change", 7, 13)]),  # missed
    Case("3", "The colour red.", "The color red.", "spelling", []),  # a false finding
    Case("4", "It rained.", "It rained.", "quotes", []),  # nothing expected, nothing found
]
FINDINGS = {
    "1": [("typo", 10, 16, "low")],
    "2": [],
    "3": [("word_change", 4, 9, "high")],
    "4": [],
}


def test_score_pairs_on_hand_made_findings():
    result = score(CASES, lambda case: FINDINGS[case.case_id])
    assert {k: result[k] for k in ("cases", "errors_injected", "findings")} == {
        "cases": 4,
        "errors_injected": 2,
        "findings": 2,
    }
    assert (result["precision"], result["recall"]) == (0.5, 0.5)
    assert result["precision_high_severity"] == 0.0
    assert result["false_findings_per_case"] == 0.25
    assert result["location"] == {
        "precision": 0.5,
        "recall": 0.5,
        "recall_by_kind": {"typo": 1.0, "verb_change": 0.0},
    }
    assert result["by_kind"]["typo"] == {
        "injected": 1, "found": 1, "recall": 1.0, "findings": 1, "precision": 1.0
    }  # fmt: skip
    assert result["by_kind"]["verb_change"] == {
        "injected": 1, "found": 0, "recall": 0.0, "findings": 0, "precision": None
    }  # fmt: skip
    assert result["by_kind"]["word_change"] == {
        "injected": 0, "found": 0, "recall": None, "findings": 1, "precision": 0.0
    }  # fmt: skip
    assert result["benign_flag_rate"] == {
        "quotes": {"cases": 1, "flagged": 0, "rate": 0.0},
        "spelling": {"cases": 1, "flagged": 1, "rate": 1.0},
    }
    assert [(e["case"], e["kind"]) for e in result["missed_examples"]] == [("2", "verb_change")]
    assert [(e["case"], e["kind"], e["text"]) for e in result["false_examples"]] == [
        ("3", "word_change", "color")
    ]


def test_score_untyped_counts_location_only():
    located = {"1": [("changed", 11, 12, "")], "2": [], "3": [], "4": [("changed", 0, 2, "")]}
    result = score(CASES, lambda case: located[case.case_id], typed=False)
    assert "precision" not in result and "by_kind" not in result
    assert result["location"]["precision"] == 0.5
    assert result["location"]["recall"] == 0.5
    assert result["false_findings_per_case"] == 0.25
    assert result["benign_flag_rate"]["quotes"]["flagged"] == 1


def test_score_articles_uses_the_same_rule_on_whole_articles():
    text_a = "Frist line.\nSecond line here.\n"
    articles = {
        "a": ("wire_x", text_a, [("typo", 0, 5)]),
        "b": ("wire_x", "On Monday it rained.\n", [("date_change", 3, 9)]),  # no findings
    }
    findings = pd.DataFrame(
        [("a", "typo", 0, 5, "low"), ("a", "word_change", 12, 18, "medium")],
        columns=["article_id", "kind", "start", "end", "severity"],
    )
    alignments = pd.DataFrame(
        [
            ("a", "First line.", "Frist line.", "rewrite", 0),
            ("a", "Second line here.", "Second line here.", "verbatim", 12),
            ("b", "On Monday it rained.", "On Monday it rained.", "verbatim", 0),
        ],
        columns=["article_id", "source_text", "text", "label", "start"],
    )
    detector, naive, false_examples, missed = score_articles(articles, findings, alignments)
    assert (detector.findings, detector.correct, detector.n_expected) == (2, 1, 2)
    assert detector.recall() == 0.5
    assert detector.by_kind()["typo"] == {"injected": 1, "found": 1, "recall": 1.0}
    assert detector.by_kind()["date_change"] == {"injected": 1, "found": 0, "recall": 0.0}
    assert false_examples == [{"article": "a", "kind": "word_change", "text": "Second"}]
    assert missed == [{"article": "b", "kind": "date_change", "sentence": "On Monday it rained."}]
    # The difflib baseline flags the changed word "Frist", on the injected typo.
    assert (naive.findings, naive.on_error, naive.located_recall()) == (1, 1, 0.5)
