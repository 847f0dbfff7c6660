"""Tests for wiretrace.findings.checks.artifacts: ``mt_artifact`` (machine translation, 004)."""

from __future__ import annotations

import pytest
from error_helpers import S004_JULY, S004_LE_MONDE, S004_SAHEL, kinds

from wiretrace.findings.checks.artifacts import mt_artifacts, verb_final


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        (
            "duplicated reporting verb",
            S004_LE_MONDE,
            [("mt_artifact", "low", "told the newspaper Le Monde said")],
        ),
        ("verb-second word order", S004_JULY, [("mt_artifact", "medium", "had at")]),
        ("words run together", S004_SAHEL, [("mt_artifact", "low", "Sahelafter")]),
        (
            "German thousands separator",
            "France currently has around 1.500 soldiers stationed in the country.",
            [("mt_artifact", "low", "1.500")],
        ),
        (
            "German quotation marks",
            "\u201eThe exchange has begun\u201c, said the ministry.",
            # the finding names the quotation the mark opens, not the mark alone (#16)
            [("mt_artifact", "low", "\u201eThe exchange has begun\u201c")],
        ),
        (
            "no artefact: an ordinary sentence of 004",
            "Relations between Niamey and Paris deteriorated after the former colonial power "
            "sided with the ousted president.",
            [],
        ),
        (
            "no artefact: 'told AFP the minister said' has two noun phrases",
            "A source told AFP the minister said talks had begun.",
            [],
        ),
        ("no artefact: a decimal", "Growth was 1.5 percent last year.", []),
        (
            "verb-final word order",
            "Paris said it would leave because the junta the agreement cancelled has.",
            [("mt_artifact", "medium", "because the junta the agreement cancelled has")],
        ),
        (
            "no artefact: an auxiliary closing an English clause",
            "What happened was, nobody came because he was tired.",
            [],
        ),
    ],
)
def test_mt_artifacts(name, sentence, expected):
    assert kinds(mt_artifacts(sentence)) == expected, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The partial deduction could primarily affect soldiers.",
            [("mt_artifact", "medium", "partial deduction")],
        ),
        ("A partial deduction of taxes is allowed.", []),  # English in its own sense
        (
            "Thousands joined manifestations against the junta.",
            [("mt_artifact", "medium", "manifestations against")],
        ),
        ("Paris und Berlin agreed.", [("mt_artifact", "low", "und")]),
        ("Paris and Berlin agreed.", []),
    ],
)
def test_false_friends_and_untranslated_words(text, expected):
    assert kinds(mt_artifacts(text, "x")) == expected


def test_a_false_friend_names_its_source_word():
    (finding,) = mt_artifacts("The partial deduction could primarily affect soldiers.", "x")
    assert "the German 'Teilabzug', which means 'partial withdrawal'" in finding.explanation


def test_a_false_friend_the_source_has_is_not_this_version_s():
    text = "The partial deduction could primarily affect soldiers."
    assert mt_artifacts(text, text) == []


@pytest.mark.parametrize(
    ("text", "quotation"),
    [
        ("he hoped to \u201emaintain ties.\u201c Then", "\u201emaintain ties.\u201c"),
        ("un \u00abmot\u00bb ici", "\u00abmot\u00bb"),
        ("ein \u00bbWort\u00ab hier", "\u00bbWort\u00ab"),
        ("no close \u201ehere at all", "\u201ehere"),
        ("\u201eNiger\u2019s army\u201c, he said", "\u201eNiger\u2019s army\u201c"),
    ],
)
def test_a_foreign_mark_names_the_quotation_it_opens_or_closes(text, quotation):
    from wiretrace.findings.checks.artifacts import quotation_around

    at = min(i for i, ch in enumerate(text) if ch in "\u201e\u00ab\u00bb")
    start, end = quotation_around(text, at)
    assert text[start:end] == quotation


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        (
            "The minister said that the government the decision taken had, and left.",
            ["that the government the decision taken had"],
        ),
        (
            "He said that France its soldiers withdraw will.",
            ["that France its soldiers withdraw will"],
        ),
        ("All that is required is, a plan.", []),  # a finite verb inside the clause
        ("The help requested was.", []),  # no subordinator: not a subordinate clause
    ],
)
def test_verb_final(sentence, spans):
    assert [f.text for f in verb_final(sentence)] == spans
    assert verb_final(sentence, source_text=sentence) == []
