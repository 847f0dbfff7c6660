"""Tests of wiretrace.language.resources: the data files and their two readers."""

from __future__ import annotations

import pytest

from wiretrace.language.resources import DATA_DIR, data_path, word_groups, word_list, word_values


def test_data_path_finds_shipped_files_and_refuses_others():
    assert data_path("agencies.csv") == DATA_DIR / "agencies.csv"
    with pytest.raises(FileNotFoundError, match="no data file 'nothing.csv'"):
        data_path("nothing.csv")


def test_word_list_leaves_comments_out():
    outlets = word_list("outlets")
    assert "Le Monde" in outlets and "The Guardian" in outlets
    assert not any(entry.startswith("#") for entry in outlets)
    assert word_list("boilerplate")[0] == r"^watch\b.{0,40}\blive\b"


def test_word_groups_of_the_speaker_words():
    groups = word_groups("speaker_words")
    assert sorted(groups) == [
        "anonymous_head",
        "comparison_stop",
        "feeling",
        "institution_word",
        "outlet_word",
        "presiding_title",
        "pronoun",
        "relative",
        "role_noun",
        "speech_verb",
        "strict_verb",
        "title_word",
    ]
    assert groups["pronoun"] == frozenset({"he", "she", "they", "we", "i", "it"})
    assert groups["strict_verb"] <= groups["speech_verb"]
    assert {"'s", "country's"} <= groups["comparison_stop"]
    assert {"judge", "recorder", "mr justice"} <= groups["presiding_title"]


def test_word_groups_of_the_credit_words():
    groups = word_groups("credit_words")
    # source_label: the credit-line labels of other languages ("Quelle: dpa", #16).
    assert sorted(groups) == ["after_name", "company_safe_cue", "not_given_name", "source_label"]
    assert {"source", "quelle", "fuente"} <= groups["source_label"]
    assert "told" in groups["company_safe_cue"] and "monday" in groups["not_given_name"]
    assert all(word == word.lower() for words in groups.values() for word in words)


@pytest.mark.parametrize(
    "name",
    [
        "boilerplate.txt",
        "outlets.txt",
        "speaker_words.csv",
        "credit_words.csv",
        "unit_words.csv",
        "anonymity_phrases.txt",
    ],
)
def test_word_list_files_say_what_they_are_for(name):
    head = data_path(name).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# ")
    assert "wiretrace." in data_path(name).read_text(encoding="utf-8").split("\n\n")[0]


def test_word_values_keep_file_order_and_values():
    values = word_values("unit_words")
    assert list(values["month"])[:3] == ["january", "jan", "february"]
    assert values["month"]["sept"] == "9"
    assert values["contraction"]["won't"] == "will not"
    assert values["multiplier"]["million"] == "1e+06"
    assert values["weekday"]["monday"] == ""
    assert word_groups("unit_words")["relative_day"] == frozenset(
        {"yesterday", "today", "tomorrow", "tonight"}
    )
