"""Tests for wiretrace.findings.finding: the one Finding and the one row builder."""

from __future__ import annotations

from wiretrace import schema
from wiretrace.findings.finding import (
    FINDING_EXTRA_COLUMNS,
    Finding,
    finding_row,
    quoted,
    span_text,
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
