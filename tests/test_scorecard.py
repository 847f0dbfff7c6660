from __future__ import annotations

import pandas as pd
import pytest

from wiretrace.report.scorecard import build_scorecard, conclusions

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a", "b", "c"],
        "status": ["ok", "ok", "rejected"],
        "role": ["article"] * 3,
        "n_sentences": [2, 2, 0],
        "n_words": [500, 1000, 0],
    }
)
FINDINGS = pd.DataFrame(
    {
        "article_id": ["a", "a", "a", "b"],
        "severity": ["high", "medium", "info", "low"],
        "kind": ["verb_change", "typo", "word_change", "typo"],
    }
)
ALIGNMENTS = pd.DataFrame(
    {"article_id": ["a", "a", "b", "b"], "label": ["verbatim", "new", "rewrite", "rewrite"]}
)
DERIVATION = pd.DataFrame(
    {
        "article_id": ["a", "b"],
        "source_id": ["wire", "wire"],
        "containment": [0.9, 0.5],
        "similarity": [0.9, 0.5],
        "derivation": ["wholly", "partially"],
    }
)


@pytest.fixture
def card():
    return build_scorecard(ARTICLES, DERIVATION, ALIGNMENTS, FINDINGS).set_index("article_id")


def test_counts_and_weights(card):
    assert card.loc["a", ["findings_high", "findings_medium", "findings_low"]].tolist() == [
        1,
        1,
        0,
    ]
    # "info" is no severity of the contract: it gets no column and weighs nothing.
    assert "findings_info" not in card.columns
    assert card.loc["a", "weighted_findings"] == 5  # 3 + 2
    assert card.loc["a", "findings_per_1000_words"] == 10.0
    assert card.loc["b", "findings_per_1000_words"] == 1.0
    assert pd.isna(card.loc["c", "findings_per_1000_words"])  # no words, no rate


def test_shares_and_derivation(card):
    assert card.loc["a", ["reused_share", "verbatim_share"]].tolist() == [0.5, 0.5]
    assert card.loc["b", ["reused_share", "verbatim_share"]].tolist() == [1.0, 0.0]
    assert card.loc["a", "derivation"] == "wholly"
    assert pd.isna(card.loc["c", "derivation"])


def test_missing_stages_leave_columns_out():
    card = build_scorecard(ARTICLES)
    assert list(card.columns) == ["article_id", "status", "role", "n_sentences", "n_words"]
    assert conclusions(card) == []


def test_conclusions_are_computed_sentences(card):
    lines = conclusions(card.reset_index())
    assert lines == [
        "1 article is wholly derived: a.",
        "1 article is partially derived: b.",
        "b reuses the most: 100% of its sentences come from its source (0% word for word).",
        "High-severity findings: a (1).",
    ]


def test_the_scorecard_says_where_the_english_checks_ran():
    articles = ARTICLES.assign(language=["en", "de", "en"])
    card = build_scorecard(articles, DERIVATION, ALIGNMENTS, FINDINGS).set_index("article_id")
    assert card["english_checks"].to_dict() == {"a": True, "b": False, "c": False}
