"""Tests for wiretrace.findings.words: who attests which word."""

from __future__ import annotations

import pytest

from wiretrace.findings.words import AttestedWords, WordIndex
from wiretrace.ingest.corpus import Corpus, parse_article


@pytest.mark.parametrize(
    ("word", "sources_only", "expected"),
    [
        ("toas", False, False),  # only the article itself has it
        ("bazoum", False, True),  # another article has it
        ("bazoum", True, False),  # ... but no source
        ("niamey", True, True),
    ],
)
def test_attested_words_exclude_the_article_itself(word, sources_only, expected):
    index = {
        "toas": {"article:001"},
        "bazoum": {"article:001", "article:002"},
        "niamey": {"source:wire"},
    }
    view = AttestedWords(index, {"article:001", "source:001"}, sources_only=sources_only)
    assert (word in view) is expected


def test_attested_words_within_a_story():
    index = {"bazoum": {"article:001", "article:009"}, "niamey": {"article:002"}}
    view = AttestedWords(index, {"article:001"}, sources_only=False, within={"article:002"})
    assert "niamey" in view
    assert "bazoum" not in view  # only an article of another story has it
    assert view  # another text of the story exists
    alone = AttestedWords(index, {"article:001"}, sources_only=False, within={"article:001"})
    assert not alone


def test_word_index_scopes_to_the_story_cluster():
    texts = {
        "a1": "The junta in Niamey met on Monday.",
        "a2": "The junta in Niamey met again on Tuesday.",
        "b1": "Wildfires near Athens forced villagers to flee.",
    }
    corpus = Corpus([parse_article(k, "", v) for k, v in texts.items()])
    words = WordIndex(corpus, {}, {"a1": 0, "a2": 0, "b1": 1})
    assert "niamey" in words.attested("a1")
    assert "athens" not in words.attested("a1")  # another story's word
    assert "niamey" not in words.attested("b1")
    everywhere = WordIndex(corpus, {})
    assert "athens" in everywhere.attested("a1")
