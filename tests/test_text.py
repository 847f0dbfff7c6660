from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.language.text import fold, split_sentences, tokens, words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Niger\u2019s \u201celements\u201d", 'Niger\'s "elements"'),
        ("Paris/Niamey \u2013 France", "Paris/Niamey - France"),
        ("  two\u00a0 spaces\n\tand tab ", "two spaces and tab"),
        ("\ufb01nal", "final"),  # NFKC folds the ligature
        ("plain text", "plain text"),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_tokens_keep_offsets_and_inner_punctuation():
    text = "Some 1,500 troops in Niger\u2019s post-coup era."
    toks = tokens(text)
    assert [t.text for t in toks] == [
        "Some",
        "1,500",
        "troops",
        "in",
        "Niger\u2019s",
        "post-coup",
        "era",
        ".",
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[4].norm == "niger's"
    assert [t.is_word for t in toks][-2:] == [True, False]


def test_tokens_offset_is_added():
    assert [(t.start, t.end) for t in tokens("a b", offset=10)] == [(10, 11), (12, 13)]


def test_words_drop_punctuation():
    assert words("\u201cDiscussions \u2026 have begun,\u201d he said.") == [
        "discussions",
        "have",
        "begun",
        "he",
        "said",
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "\u201cDiscussions have begun,\u201d the source told AFP. The source gave no details.",
            [
                "\u201cDiscussions have begun,\u201d the source told AFP.",
                "The source gave no details.",
            ],
        ),
        (
            "Defence Minister Sebastien Lecornu met Mr. Bazoum on Aug. 3 in Niamey.",
            ["Defence Minister Sebastien Lecornu met Mr. Bazoum on Aug. 3 in Niamey."],
        ),
        ("One sentence without a full stop", ["One sentence without a full stop"]),
        ("   ", []),
    ],
)
def test_split_sentences(block, expected):
    spans = split_sentences(block)
    assert [block[s:e] for s, e in spans] == expected


def test_split_sentences_repeated_sentence_gets_its_own_offsets():
    block = "It rained. It rained. Then it stopped."
    assert split_sentences(block, offset=5) == [(5, 15), (16, 26), (27, 43)]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
@settings(max_examples=150, deadline=None)
def test_offsets_always_point_into_the_text(text):
    """Whatever the input, every token and sentence span is the exact text at its offsets."""
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
