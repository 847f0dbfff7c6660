"""Sentence alignment: keys, candidates, labels, splits, merges, reordering, offsets."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.rewrites.align import (
    SourceIndex,
    align_article,
    align_sentences,
    content_wording,
    spelling_key,
    stem,
    wording,
)

SOURCE = (
    "There has been speculation that France will be forced into a full military pullout "
    "from Niger after the July 26 putsch, which ousted French ally President Mohamed Bazoum. "
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against "
    "jihadists in the Sahel. "
    "The country became a crucial hub for France after coups forced the withdrawal of French "
    "troops from neighbouring Mali and Burkina Faso. "
    "That source noted that French forces had been immobilised since anti-terrorist "
    "cooperation was suspended following the military takeover. "
    "The source did not give details."
)


def article(text: str, article_id: str = "a"):
    return parse_article(article_id, "", text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("1,500", "1500", True),
        ("defence", "defense", True),
        ("immobilised", "immobilized", True),
        ("neighbouring", "neighboring", True),
        ("suspended", "renounced", False),
        ("four", "for", False),
    ],
)
def test_spelling_key_merges_only_spelling_variants(a, b, same):
    assert (spelling_key(a) == spelling_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("withdrawing", "withdrawal", True), ("niger's", "niger", True), ("troops", "drones", False)],
)
def test_stem(a, b, same):
    assert (stem(a) == stem(b)) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # copied word for word
        ("The source did not give details.", [((4,), "verbatim")]),
        # one source sentence split in two
        (
            "There is wide speculation that France will be forced to withdraw completely from "
            "Niger. The July 26 military coup ousted French ally President Mohamed Bazoum.",
            [((0,), "rewrite"), ((0,), "rewrite")],
        ),
        # two source sentences merged into one
        (
            "Some 1,500 troops are deployed in Niger, which became a crucial hub for France "
            "after coups forced the withdrawal of French troops from Mali and Burkina Faso.",
            [((1, 2), "verbatim")],
        ),
        # reordered and paraphrased
        (
            "These discussions have emerged after the military takeover caused a suspension of "
            "anti-terrorist cooperation, leaving French forces immobilized. With approximately "
            "1,500 troops stationed in Niger, France fights jihadists in the Sahel.",
            [((3,), "rewrite"), ((1,), "rewrite")],
        ),
        # nothing to do with the source
        (
            "As geopolitical landscapes continue to evolve, it is crucial for countries to "
            "reassess their strategies and partnerships.",
            [((), "new")],
        ),
        # same topic words, different statement
        ("France has left its ambassador in the country for the time being.", [((), "new")]),
    ],
)
def test_align_sentences(text, expected):
    aligned = align_sentences(article(text).sentences, article(SOURCE, "s").sentences)
    assert [(a.source_ids, a.label) for a in aligned] == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The source did not give details.", 1.0, 1.0),
        ("Some 1,500 troops are deployed in Niger as part of France's fight.", 1.0, 1.0),
        ("France has left its ambassador in the country for the time being.", 0.0, 0.45),
    ],
)
def test_similarity_is_the_share_of_the_sentence_found_in_the_source(text, low, high):
    (aligned,) = align_sentences(article(text).sentences, article(SOURCE, "s").sentences)
    assert low <= aligned.similarity <= high


def test_align_article_offsets_point_at_both_texts():
    text = "Intro line here.\n\nThe source did not give details. Some 1,500 troops are in Niger."
    a, s = article(text), article(SOURCE, "s")
    rows = align_article(a, s)
    assert list(rows["label"]) == ["new", "verbatim", "verbatim"]
    for row in rows.itertuples():
        assert a.text[row.start : row.end] == row.text
        if row.label == "new":
            assert (row.source_id, row.source_sentence_id, row.source_start) == ("", -1, -1)
        else:
            assert row.source_id == "s"
            assert s.text[row.source_start : row.source_end] == row.source_text


def test_merged_source_wording_is_joined_with_one_space():
    text = (
        "Some 1,500 troops are deployed in Niger, which became a crucial hub for France after "
        "coups forced the withdrawal of French troops from Mali and Burkina Faso."
    )
    s = article(SOURCE, "s")
    (row,) = align_article(article(text), s).itertuples()
    assert row.source_text == f"{s.sentences[1].text} {s.sentences[2].text}"
    assert (row.source_start, row.source_end) == (s.sentences[1].start, s.sentences[2].end)


def test_content_wording_is_the_whole_texts_content_in_order_of_first_use():
    s = article(SOURCE, "s")
    whole = content_wording(s.sentences)
    assert whole == content_wording([*s.sentences, *s.sentences])  # repeats add nothing
    assert whole.content == SourceIndex(s.sentences).group(0, len(s.sentences) - 1).content
    assert list(whole.content)[:3] == list(wording(s.sentences[0].text).content)[:3]
    assert (whole.tokens, whole.keys) == ((), ())


def test_a_repeated_sentence_aligns_as_its_first_reading_with_its_own_id():
    s = article(SOURCE, "s")
    twice = article(f"{s.sentences[1].text} Unrelated words here. {s.sentences[1].text}")
    first, _, again = align_sentences(twice.sentences, s.sentences)
    assert (first.sentence_id, again.sentence_id) == (0, 2)
    assert again == replace(first, sentence_id=2) and first.label == "verbatim"
