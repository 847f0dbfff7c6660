"""The consensus of witnesses: token votes, voter selection and the seeds' lost AFP text."""

from __future__ import annotations

import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.rewrites.witnesses import (
    align_pairs,
    build_consensus,
    candidate_pairs,
    render,
    select_voters,
    vote_sentence,
    vote_tokens,
)


def toks(text: str):
    article = parse_article("x", "", text)
    return vote_tokens(article.text, article.sentences)


@pytest.mark.parametrize(
    ("base", "readings", "expected"),
    [
        # a typo only the base has is voted out
        (
            "Paris declared the post-coup regime toas illegitimate.",
            [
                "Paris declared the post-coup regime illegitimate.",
                "Paris deemed the post-coup regime illegitimate.",
            ],
            "Paris declared the post-coup regime illegitimate.",
        ),
        # a changed verb only the base has gives way to the reading of the majority
        (
            "The coup leaders suspended several military cooperation agreements with France.",
            [
                "On August 3, the coup leaders renounced several military cooperation "
                "agreements with France.",
                "In response, the leaders renounced several military agreements with France.",
            ],
            "The coup leaders renounced several military cooperation agreements with France.",
        ),
        # one witness against one: the base is kept
        (
            "The coup leaders renounced several agreements.",
            ["The coup leaders suspended several agreements."],
            "The coup leaders renounced several agreements.",
        ),
        # a word only one of three adds stays out
        (
            "That source noted that French forces had been immobilised.",
            [
                "The source reportedly noted that French forces had been immobilised.",
                "That source noted that French forces had been immobilised.",
            ],
            "That source noted that French forces had been immobilised.",
        ),
        # a word two of three have goes in
        (
            "France has 1,500 troops in Niger.",
            ["France has 1,500 French troops in Niger.", "France has 1500 French troops in Niger."],
            "France has 1,500 French troops in Niger.",
        ),
        # three different readings, no majority: the base is kept
        (
            "Some 1,500 troops are deployed in Niger.",
            [
                "Currently, about 1500 French troops are deployed in Niger.",
                "With approximately 1,500 troops stationed in Niger.",
            ],
            "Some 1,500 troops are deployed in Niger.",
        ),
        # two paraphrases abstain: they say nothing about the exact words
        (
            "The relationship deteriorated rapidly after Paris supported the elected President.",
            [
                "Relations went swiftly downhill after Paris stood by the elected president.",
                "Relations went swiftly downhill after Paris stood by the elected president.",
            ],
            "The relationship deteriorated rapidly after Paris supported the elected President.",
        ),
        # spelling and quote-mark variants are no variants
        (
            "The defence ministry said \u201celements\u201d would leave.",
            [
                'The defense ministry said "elements" would leave.',
                'The defense ministry said "elements" would leave.',
            ],
            "The defence ministry said \u201celements\u201d would leave.",
        ),
    ],
)
def test_vote_sentence(base, readings, expected):
    voted = vote_sentence(toks(base), [toks(r) for r in readings])
    assert render(voted, capitalise=True) == expected


def test_voters_are_the_three_afp_versions(seeds):
    pairs = align_pairs(seeds.ok)
    voters = select_voters(pairs, [a.article_id for a in seeds.ok])
    assert [v[:3] for v in voters] == ["000", "001", "002"]


def test_no_voters_among_unrelated_articles(seeds):
    unrelated = [a for a in seeds.ok if a.article_id[:3] in ("003", "004")]
    pairs = align_pairs(unrelated)
    assert select_voters(pairs, [a.article_id for a in unrelated]) == []


@pytest.fixture(scope="module")
def consensus(seeds):
    pairs = align_pairs(seeds.ok)
    voters = select_voters(pairs, [a.article_id for a in seeds.ok])
    return build_consensus(pairs, voters, cluster_id=0)


@pytest.mark.parametrize(
    ("wording", "present"),
    [
        ("toas", False),
        ("leaders suspended", False),
        ("reportedly", False),
        ("the coup leaders renounced several military cooperation agreements", True),
        ("declared the post-coup regime illegitimate", True),
        ("The source did not give details.", True),
        ("Late last month, a coup also overthrew Gabon President Ali Bongo Ondimba", True),
        ("drones", False),  # 003, not a witness
        ("Bundeswehr", False),  # 004, not a witness
    ],
)
def test_consensus_wording(consensus, wording, present):
    assert (wording in consensus.article.text) is present


def test_consensus_is_an_article_with_working_offsets(consensus):
    article = consensus.article
    assert article.article_id == "consensus:0"
    assert consensus.base_id.startswith("001")
    assert len(article.sentences) == 16
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert [len(s) for s in consensus.support] == [3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2]


SHARED = [
    "The French army is holding talks with Niger's military over withdrawing elements of its "
    "presence there, a defence ministry source said on Tuesday.",
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against jihadists "
    "in the Sahel.",
    "Niger's military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday that "
    "contacts were under way about a very swift departure for the troops.",
    "The French forces are mostly based at an airfield near the capital Niamey.",
]
ONLY_IN_BASE = "Our reporter could not reach the ministry for comment on the Zeine remarks."
IN_TWO = (
    "The coup leaders renounced several military cooperation agreements with France, "
    "including one with a month-long notice period."
)


def test_passages_follow_the_majority_of_witnesses():
    a = parse_article("a", "", " ".join([*SHARED[:2], ONLY_IN_BASE, *SHARED[2:]]))
    b = parse_article("b", "", " ".join([*SHARED[:2], IN_TWO, *SHARED[2:]]))
    c = parse_article("c", "", " ".join([*SHARED[:2], IN_TWO, *SHARED[2:3]]))
    pairs = align_pairs([a, b, c])
    assert select_voters(pairs, ["a", "b", "c"]) == ["a", "b", "c"]
    consensus = build_consensus(pairs, ["a", "b", "c"], cluster_id=7, base_id="a")
    assert consensus.article.article_id == "consensus:7"
    assert consensus.base_id == "a"  # so the shared passage has to be inserted
    assert [s.text for s in consensus.article.sentences] == [*SHARED[:2], IN_TWO, *SHARED[2:]]
    assert consensus.support[2] == ["b", "c"]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ((SHARED[0], SHARED[0] + " " + SHARED[1]), [("a", "b"), ("b", "a")]),
        ((SHARED[0], SHARED[1] + " " + SHARED[0]), [("a", "b"), ("b", "a")]),
        ((SHARED[0], ONLY_IN_BASE), []),
    ],
)
def test_candidate_pairs(texts, expected):
    from wiretrace.rewrites.align import wording

    wholes = {name: wording(text) for name, text in zip("ab", texts, strict=True)}
    assert candidate_pairs(wholes) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [(SHARED[3], 1.0), (SHARED[3] + " " + ONLY_IN_BASE, 0.5), (ONLY_IN_BASE, 0.0)],
)
def test_reuse_share(text, expected):
    article = parse_article("a", "", text)
    source = parse_article("s", "", " ".join(SHARED))
    pairs = align_pairs([article, source])
    assert pairs.reuse("a", "s") == pytest.approx(expected)


def test_ties_are_marked_contested(seeds):
    a001, a002 = (a for a in seeds.ok if a.article_id[:3] in ("001", "002"))
    pairs = align_pairs([a001, a002])
    consensus = build_consensus(pairs, [a001.article_id, a002.article_id]).article
    contested = {consensus.text[p.start : p.end]: p.text for p in consensus.parts_of("contested")}
    # two witnesses: where they differ the base is kept, and the place is marked
    assert contested["toas"] == ""
    assert contested["renounced"] == "suspended"
    for part in consensus.parts:
        assert 0 <= part.start <= part.end <= len(consensus.text)


def test_majority_readings_are_not_contested(consensus):
    text = consensus.article.text
    spans = [(p.start, p.end) for p in consensus.article.parts_of("contested")]
    for wording in ("renounced", "declared the post-coup regime illegitimate"):
        start = text.index(wording)
        assert not any(s < start + len(wording) and start < e for s, e in spans), wording


def test_a_clock_time_written_two_ways_votes_as_one_reading():
    from wiretrace.language.text import Sentence
    from wiretrace.rewrites.witnesses import render, vote_sentence, vote_tokens

    def voted(text):
        return vote_tokens(text, [Sentence(0, text, 0, len(text))])

    base = voted("The trains collided around 5.10am.")
    readings = [voted("The trains collided around 5:10 a.m.")] * 3
    assert render(vote_sentence(base, readings)) == "The trains collided around 5.10am."
    later = [voted("The trains collided around 6:10 a.m.")] * 3
    assert render(vote_sentence(base, later)) == "The trains collided around 6:10 a.m."
