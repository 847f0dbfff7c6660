"""Tests for wiretrace.findings.finding: the one Finding and the one row builder."""

from __future__ import annotations

import pytest

from wiretrace import schema
from wiretrace.findings.finding import (
    FINDING_EXTRA_COLUMNS,
    Finding,
    finding_row,
    has_words,
    quoted,
    span_text,
    with_words,
)
from wiretrace.language.units import sentence_units


def test_finding_row_shifts_offsets_and_has_every_column():
    finding = Finding("typo", "low", "toas", "", 10, 14, "'toas' is not a word.")
    row = finding_row(finding, "001", "wire", shift=100, sentence_id=3)
    assert list(row) == [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    assert row == {
        "article_id": "001",
        "kind": "typo",
        "severity": "low",
        "text": "toas",
        "source_text": "",
        "source_id": "wire",
        "start": 110,
        "end": 114,
        "explanation": "'toas' is not a word.",
        "sentence_id": 3,
        "source_start": -1,
        "source_end": -1,
        "contested": False,
    }


def test_finding_row_takes_source_offsets_and_a_new_explanation():
    finding = Finding("verb_change", "high", "suspended", "renounced", 4, 13, "Why.", 2, 11)
    row = finding_row(
        finding, "002", "001", source_start=52, source_end=61, contested=True, explanation="Why!"
    )
    assert (row["start"], row["end"], row["source_start"], row["source_end"]) == (4, 13, 52, 61)
    assert row["contested"] is True and row["explanation"] == "Why!"


def test_span_text_and_quoted():
    text = "Some 1,500 troops left."
    units = sentence_units(text)
    assert span_text(text, units[1:3]) == ("1,500 troops", 5, 17)
    assert span_text(text, []) == ("", -1, -1)
    assert quoted("may") == "'may'"
    assert quoted("") == "(nothing)"


SENTENCE = "  France has shown more restraint than after the fall of Bazoum.  "


@pytest.mark.parametrize(
    ("text", "source_text", "expected"),
    [
        ("may", "will", ("may", 0, 3, "")),  # words: kept as it is
        (
            " ",
            "55",
            (
                SENTENCE.strip(),
                2,
                len(SENTENCE) - 2,
                " The source's '55' was dropped from this sentence, at its character 60.",
            ),
        ),
        ("\u201c", "", None),  # a lone quotation mark: no finding
        (" ", ",", None),  # punctuation alone on both sides
    ],
)
def test_every_finding_names_words(text, source_text, expected):
    finding = Finding("variant", "low", text, source_text, 60, 60 + len(text.strip()), "E.")
    if text == "may":
        finding = Finding("modality_change", "high", text, source_text, 0, 3, "E.")
    anchored = with_words(finding, SENTENCE)
    if expected is None:
        assert anchored is None
    else:
        assert (anchored.text, anchored.start, anchored.end, anchored.explanation) == (
            expected[0], expected[1], expected[2], "E." + expected[3],
        )  # fmt: skip


def test_no_seed_finding_is_without_words(seed_audit):
    findings = seed_audit.findings
    assert findings["text"].map(has_words).all()
    dropped = findings[findings["start"] == 2304]
    assert dropped[["kind", "source_text", "end"]].values.tolist() == [["variant", "55", 2473]]
