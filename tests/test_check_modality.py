"""Tests for wiretrace.findings.checks.modality: ``modality_change``."""

from __future__ import annotations

import pytest
from error_helpers import S001_SOURCE, S002_SOURCE, kinds

from wiretrace.findings.compare import compare_sentences


@pytest.mark.parametrize(
    ("name", "source", "rewrite", "expected"),
    [
        (
            "modality_change 'reportedly' added in 002",
            S001_SOURCE,
            S002_SOURCE,
            [("modality_change", "high", "reportedly")],
        ),
        (
            "modality_change 'will be forced' -> 'may be compelled' in 000",
            "There has been speculation that France will be forced into a full military "
            "pullout from Niger after the July 26 putsch.",
            "There has been speculation that France may be compelled into a full military "
            "pullout from Niger after the July 26 putsch.",
            [("modality_change", "high", "may")],
        ),
    ],
)
def test_seed_modality_changes_are_found(name, source, rewrite, expected):
    assert kinds(compare_sentences(source, rewrite)) == expected, name


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        # A local edit: the modal is dropped and the claim hardens.
        (
            "France may withdraw its troops from Niger.",
            "France withdraws its troops from Niger.",
            [("modality_change", "high", "withdraws")],
        ),
        # A passage rewritten wholesale: the modal is not missing, the wording is new.
        (
            "Search keywords must match document terms and word substrings might result "
            "in a false positive match for the query.",
            "Finally, the query terms are compared with the terms of every document.",
            [],
        ),
    ],
)
def test_dropped_modality_needs_a_local_edit(source, rewrite, expected):
    assert [k for k in kinds(compare_sentences(source, rewrite)) if k[0] == "modality_change"] == [
        e for e in expected if e[0] == "modality_change"
    ]
