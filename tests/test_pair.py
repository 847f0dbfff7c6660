"""Tests for wiretrace.findings.pair: the compared pair, its edits and the shared predicates."""

from __future__ import annotations

from wiretrace.findings.pair import (
    LOCAL_EDIT_WORDS,
    Edit,
    Pair,
    benign_pair,
    content,
    is_entity,
)


def test_pair_of_cuts_both_sides_into_units():
    pair = Pair.of("Some 1,500 troops left.", "About 1500 soldiers left.", None)
    assert [u.key for u in pair.su] == ["some", "NUM:1500", "troops", "left"]
    assert [u.key for u in pair.ru] == ["about", "NUM:1500", "soldiers", "left"]
    assert "troops" in pair.src_keys
    assert pair.su[1].value == pair.ru[1].value == 1500
    assert not pair.new and pair.quoted_rw == [] and pair.quoted_src == []


def test_a_finding_without_rewrite_units_marks_the_gap():
    pair = Pair.of("The July 26 putsch.", "The putsch.", None)
    date = [u for u in pair.su if u.is_date]
    finding = pair.finding("date_change", "medium", [], date, "Dropped.", at=3, at_end=4)
    assert (finding.text, finding.start, finding.end) == (" ", 3, 4)
    assert finding.source_text == "July 26"
    assert (finding.source_start, finding.source_end) == (4, 11)


def test_a_local_edit_has_few_source_words():
    pair = Pair.of(" ".join(["word"] * (LOCAL_EDIT_WORDS + 1)), "other", None)
    assert Edit(pair.su[:LOCAL_EDIT_WORDS], pair.ru).local
    assert not Edit(pair.su, pair.ru).local
    assert Edit(pair.su, []).local  # a pure deletion


def test_shared_predicates():
    pair = Pair.of("The French troops left Niger for good.", "x", None)
    assert [u.key for u in content(pair.su)] == ["french", "troops", "left", "niger", "good"]
    by_key = {u.key: u for u in pair.su}
    assert is_entity(by_key["niger"]) and not is_entity(by_key["the"])
    other = Pair.of("The troop went.", "x", None)
    assert benign_pair(by_key["troops"], other.su[1])
