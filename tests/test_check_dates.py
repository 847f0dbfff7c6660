"""Tests for wiretrace.findings.checks.dates: ``date_change``."""

from __future__ import annotations

from error_helpers import kinds

from wiretrace.findings.compare import compare_sentences


def test_date_change_is_found():
    # date_change July 26 -> July 16
    assert kinds(
        compare_sentences(
            "The July 26 putsch ousted French ally President Mohamed Bazoum.",
            "The July 16 putsch ousted French ally President Mohamed Bazoum.",
        )
    ) == [("date_change", "high", "July 16")]


def test_a_date_in_a_restructured_sentence_is_not_a_date_put_in_place_of_words():
    source = (
        "Marquis Teague and Trahson Burrell, who play for the NBA G League's Memphis Hustle, "
        "boarded the flight at Dallas-Fort Worth bound for Sioux Falls."
    )
    rewrite = (
        "Memphis Hustle guard Marquis Teague and forward Trahson Burrell boarded the Sunday "
        "flight from Dallas-Fort Worth to Sioux Falls."
    )
    assert "date_change" not in kinds(compare_sentences(source, rewrite))


def test_a_changed_weekday_is_a_date_change_also_with_a_possessive():
    assert kinds(
        compare_sentences(
            "Sunday's vote was delayed, officials said.",
            "Monday's vote was delayed, officials said.",
        )
    ) == [("date_change", "high", "Monday's")]
    assert kinds(
        compare_sentences("The ultimatum expired on Sunday.", "The ultimatum expired on Monday.")
    ) == [("date_change", "high", "Monday")]


def test_a_weekday_made_vague_is_a_date_change():
    # 000: "expired on Sunday" -> "expired on a recent Sunday"
    assert kinds(
        compare_sentences(
            "The notice period expired on Sunday.", "The notice period expired on a recent Sunday."
        )
    ) == [("date_change", "medium", "a recent Sunday")]
    assert compare_sentences("It expired on Sunday.", "It expired this past Sunday.") == []
