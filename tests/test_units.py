"""Tests for wiretrace.language.units: comparison units that make benign variants equal."""

from __future__ import annotations

import pytest

from wiretrace.language.units import (
    inside_any,
    open_quote_spans,
    quote_spans,
    sentence_units,
)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("about 1,500 troops", ["about", "NUM:1500", "troops"]),
        ("about 1500 troops", ["about", "NUM:1500", "troops"]),
        ("on 26 July", ["on", "DATE:7-26"]),
        ("on July 26", ["on", "DATE:7-26"]),
        ("talks were under way", ["talks", "were", "underway"]),
        ("it didn't", ["it", "did", "not"]),
        ("the defence ministry", ["the", "defense", "ministry"]),
        ("in 2020 and three-step", ["in", "YEAR:2020", "and", "NUM:3", "step"]),
        ("Paris' troops", ["paris", "POSS", "troops"]),
        ("Sunday's vote", ["DAY:sunday", "POSS", "vote"]),
    ],
)
def test_sentence_units(text, keys):
    assert [u.key for u in sentence_units(text)] == keys


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('He said "contacts" were under way.', ["contacts"]),
        ("Zeine hoped to \u201cmaintain cooperation\u201d with Paris.", ["maintain cooperation"]),
        ("No quotation here.", []),
    ],
)
def test_quote_spans(text, inside):
    assert [text[s:e] for s, e in quote_spans(text)] == inside


def test_units_keep_offsets_into_the_sentence():
    text = "Some 1,500 troops left on 26 July."
    assert [(u.key, text[u.start : u.end]) for u in sentence_units(text)] == [
        ("some", "Some"),
        ("NUM:1500", "1,500"),
        ("troops", "troops"),
        ("left", "left"),
        ("on", "on"),
        ("DATE:7-26", "26 July"),
    ]


def test_quotation_spans_find_british_single_quotes_and_not_possessives():
    from wiretrace.language.units import quotation_spans

    def inside(text):
        return [text[a:b] for a, b in quotation_spans(text)]

    assert inside(
        "The judge said: 'This is not The Archers' trial, but the real one.' He left."
    ) == ["This is not The Archers' trial, but the real one."]
    assert inside("The campaigners' case is 'a lawful excuse', they said.") == ["a lawful excuse"]
    assert inside("He said: 'It would stretch to the moon. '") == ["It would stretch to the moon."]
    assert inside("It is the Smiths' house and it's theirs.") == []
    assert inside('He said "we will leave" today.') == ["we will leave"]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("\u201cThe troops will leave.", ["The troops will leave."]),
        ("They will go to Chad,\u201d he said.", ["They will go to Chad,"]),
        ('"We will go.', ["We will go."]),
        ('He said "we go" and "we stay.', ["we go", "we stay."]),
        ('It is 5" long.', []),
        ("No quotation here.", []),
    ],
)
def test_open_quote_spans_take_in_a_quotation_running_on_past_the_sentence(text, inside):
    assert [text[s:e] for s, e in open_quote_spans(text)] == inside


@pytest.mark.parametrize(
    ("spans", "inside"),
    [
        ([(2, 5), (8, 10)], [2, 3, 4, 8, 9]),
        ([(8, 10), (2, 5)], [2, 3, 4, 8, 9]),  # in any order
        ([(1, 9), (3, 4)], [1, 2, 3, 4, 5, 6, 7, 8]),  # nested: the outer span's reach counts
        ([(3, 3)], []),  # empty span
        ([], []),
    ],
)
def test_inside_any_is_any_span_holding_the_position(spans, inside):
    test = inside_any(spans)
    assert [pos for pos in range(12) if test(pos)] == inside
    assert inside == [p for p in range(12) if any(a <= p < b for a, b in spans)]
