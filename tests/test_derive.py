"""Derivation measures and classes, on inline cases and on the seeds."""

from __future__ import annotations

import pytest

from wiretrace.align import align_sentences
from wiretrace.derive import classify, derivation_scores, run_share
from wiretrace.load import parse_article
from wiretrace.rewrites import analyse_rewrites

SOURCE = (
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against "
    "jihadists in the Sahel. The country became a crucial hub for France after coups forced "
    "the withdrawal of French troops from neighbouring Mali and Burkina Faso."
)


@pytest.mark.parametrize(
    ("containment", "verbatim", "expected"),
    [
        (0.95, 0.9, "wholly"),
        (0.9, 0.3, "partially"),  # all the content, reworded: a heavy paraphrase
        (0.5, 0.5, "partially"),
        (0.19, 0.19, "non"),
        (0.0, 0.0, "non"),
    ],
)
def test_classify(containment, verbatim, expected):
    assert classify(containment, verbatim) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c d e", "x a b c d e y", 5),
        ("a b c x d e", "a b c d e", 0),  # runs of 3 and 2 are too short
        ("a b c d", "d c b a", 0),
    ],
)
def test_run_share(a, b, expected):
    assert run_share(a.split(), b.split()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SOURCE, {"containment": 1.0, "verbatim_share": 1.0, "derivation": "wholly"}),
        (
            "With approximately 1,500 troops stationed in Niger as part of France's broader "
            "efforts against jihadist groups in the Sahel, the country has become a crucial hub.",
            {"derivation": "partially"},
        ),
        (
            "As geopolitical landscapes continue to evolve, it is crucial for countries to "
            "reassess their strategies and partnerships to ensure stability.",
            {"containment": 0.0, "verbatim_share": 0.0, "derivation": "non"},
        ),
    ],
)
def test_derivation_scores(text, expected):
    article, source = parse_article("a", "", text), parse_article("s", "", SOURCE)
    aligned = align_sentences(article.sentences, source.sentences)
    scores = derivation_scores(article.sentences, aligned, source.sentences)
    assert {k: scores[k] for k in expected} == expected


@pytest.fixture(scope="module")
def primary(seeds):
    table = analyse_rewrites(seeds).derivation
    table = table[table["primary"]]
    return dict(zip(table["article_id"].str[:3], table["derivation"], strict=True))


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", "partially"),  # heavy paraphrase of the AFP story
        ("001", "wholly"),  # near-verbatim AFP rewrite
        ("002", "wholly"),  # near-verbatim AFP rewrite, split and reordered
        ("003", "non"),  # later article on a related development
        ("004", "non"),  # translation of a dpa story
    ],
)
def test_seed_derivation_against_the_consensus(primary, seed, expected):
    assert primary[seed] == expected
