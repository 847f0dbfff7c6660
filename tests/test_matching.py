"""Tests for wiretrace.language.matching: difflib's blocks, opcodes and ratio, exactly."""

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.language.matching import matched_size, matcher

# Small alphabets give many repeated items and ties between equally long blocks, where
# difflib's tie-break (lowest i, then lowest j) decides.
WORDS = ["the", "a", "troops", "niger", "said", "1,500"]
sequences = st.lists(st.sampled_from(WORDS), max_size=40)


def _difflib(a, b):
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


def _same(a, b) -> None:
    ours, theirs = matcher(a, b), _difflib(a, b)
    assert [tuple(m) for m in ours.get_matching_blocks()] == [
        tuple(m) for m in theirs.get_matching_blocks()
    ]
    assert [tuple(op) for op in ours.get_opcodes()] == theirs.get_opcodes()
    assert ours.ratio() == theirs.ratio()
    assert matched_size(a, b) == sum(m.size for m in theirs.get_matching_blocks())


@settings(max_examples=500, deadline=None)
@given(sequences, sequences)
def test_same_blocks_opcodes_and_ratio_as_difflib(a, b):
    _same(a, b)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=300), st.lists(st.integers(0, 3), max_size=300))
def test_same_results_on_long_sequences_of_few_items(a, b):
    # 200 items or more is where difflib's autojunk would start; it is off in both.
    _same(a, b)


@settings(max_examples=100, deadline=None)
@given(sequences, sequences)
def test_same_results_on_tuples(a, b):
    _same(tuple(a), tuple(b))


@pytest.mark.parametrize(
    ("a", "b", "blocks"),
    [
        (["x", "y", "z"], ["x", "y", "z"], [(0, 0, 3), (3, 3, 0)]),
        (["a", "b", "c", "d"], ["c", "d", "a", "b"], [(0, 2, 2), (4, 4, 0)]),
        (["a", "b"], ["c", "d"], [(2, 2, 0)]),  # nothing in common
        ([], ["a"], [(0, 1, 0)]),
    ],
)
def test_pinned_blocks(a, b, blocks):
    assert [tuple(m) for m in matcher(a, b).get_matching_blocks()] == blocks


def test_pinned_opcodes_and_size():
    a, b = ["troops", "left", "niger"], ["troops", "quit", "niger", "today"]
    assert [tuple(op) for op in matcher(a, b).get_opcodes()] == [
        ("equal", 0, 1, 0, 1),
        ("replace", 1, 2, 1, 2),
        ("equal", 2, 3, 2, 3),
        ("insert", 3, 3, 3, 4),
    ]
    assert matched_size(a, b) == 2
    assert matched_size(a, []) == 0
