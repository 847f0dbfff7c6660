"""Tests of wiretrace.findings.attribution: dropped, changed and uncredited attributions."""

from __future__ import annotations

import pytest
from provenance_helpers import (
    SEED,
    derivation_table,
    hand_alignments,
)

from wiretrace import schema
from wiretrace.findings.attribution import attribution_findings
from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.provenance.credits import find_attributions
from wiretrace.report.provenance import provenance_scorecard


def test_seed_findings_are_pinned(seed_findings):
    findings = seed_findings[0]
    assert list(findings.columns) == schema.FINDING_COLUMNS
    got = findings[["article_id", "kind", "severity", "start", "end"]].values.tolist()
    assert got == [
        [SEED["000"], "uncredited_reuse", "high", 0, 206],
        [SEED["000"], "attribution_dropped", "high", 1046, 1190],
        [SEED["004"], "attribution_dropped", "low", 287, 354],
        [SEED["004"], "attribution_changed", "high", 426, 470],
    ]


def test_finding_text_is_the_article_wording(seeds, seed_findings):
    for row in seed_findings[0].itertuples():
        assert seeds[row.article_id].text[row.start : row.end] == row.text
        assert row.source_id == SEED["001"]
        assert row.explanation


def test_uncredited_reuse_of_seed_000_names_afp(seed_findings):
    findings = seed_findings[0]
    row = findings[findings["kind"] == "uncredited_reuse"].iloc[0]
    assert "Agence France-Presse" in row.explanation
    assert "'told AFP'" in row.explanation
    assert "credits no agency" in row.explanation


def test_stronger_source_in_seed_004(seed_findings):
    findings = seed_findings[0]
    row = findings[findings["kind"] == "attribution_changed"].iloc[0]
    assert row.text == "said the French Ministry of Defense in Paris"
    assert "stronger source" in row.explanation
    assert "'the defence ministry source told AFP'" in row.explanation


def test_reportedly_and_spelling_are_not_attribution_findings(seed_findings):
    # 002 "The source reportedly noted" (modality, another stage) and 000 "defense
    # ministry source" for "defence ministry source": same speaker, nothing to report.
    findings = seed_findings[0]
    assert findings[findings["article_id"] == SEED["002"]].empty
    assert not findings["text"].str.contains("reportedly").any()


def test_no_uncredited_reuse_without_derivation(seeds, seed_alignments):
    sources = {SEED["001"]: seeds[SEED["001"]]}
    attributions = find_attributions(seeds)
    empty = schema.empty(schema.DERIVATION_COLUMNS)
    findings = attribution_findings(seeds, seed_alignments, sources, empty, attributions)
    assert "uncredited_reuse" not in set(findings["kind"])
    nothing = attribution_findings(
        seeds, schema.empty(schema.ALIGNMENT_COLUMNS), sources, empty, attributions
    )
    assert nothing.empty and list(nothing.columns) == schema.FINDING_COLUMNS


def _pair(article_text: str, source_text: str, role: str = "wire"):
    """A one-sentence article and source (given wire copy unless ``role`` says otherwise)
    aligned to each other."""
    article = parse_article("a", "", article_text)
    source = parse_article("s", "", source_text)
    source.role = role
    corpus = Corpus([article, source])
    alignments = hand_alignments(corpus, "s", {"a": {0: 0}})
    return corpus, alignments, {"s": source}


@pytest.mark.parametrize(
    ("article_text", "source_text", "expected"),
    [
        # one speaker becomes another
        ("The talks are over, Defence Minister Jean Dupont said.",
         "The talks are over, Foreign Minister Catherine Colonna said.",
         [("attribution_changed", "medium")]),
        # a named minister becomes an anonymous source: weaker, reported low
        ("The talks are over, a source said.",
         "The talks are over, Foreign Minister Catherine Colonna said.",
         [("attribution_changed", "low")]),
        # an anonymous official becomes the ministry itself
        ("The talks are over, the foreign ministry said.",
         "The talks are over, an official said on condition of anonymity.",
         [("attribution_changed", "high")]),
        # a quote loses its speaker
        ("\u201cWe will not leave,\u201d the statement read.",
         "\u201cWe will not leave,\u201d the general told AFP.",
         [("attribution_dropped", "high")]),
        # a named person's claim stated as fact
        ("The talks are over.", "The talks are over, Foreign Minister Catherine Colonna said.",
         [("attribution_dropped", "medium")]),
        # same speaker, other words: nothing
        ("Foreign Minister Catherine Colonna said the talks were over.",
         "The talks are over, Colonna told reporters.", []),
        # source attributes nothing: nothing
        ("The talks are over, a source said.", "The talks are over.", []),
    ],
)  # fmt: skip
def test_hand_built_alignment(article_text, source_text, expected):
    corpus, alignments, sources = _pair(article_text, source_text)
    derivation = schema.empty(schema.DERIVATION_COLUMNS)
    findings = attribution_findings(
        corpus, alignments, sources, derivation, find_attributions(corpus)
    )
    assert list(zip(findings["kind"], findings["severity"], strict=True)) == expected


def test_no_attribution_finding_outside_a_copied_passage():
    """Against another version (not wire copy), a short sentence sharing no run of
    PASSAGE_RUN_MIN words is not shown to be copied: its speaker may differ."""
    corpus, alignments, sources = _pair(
        "The talks are over, Defence Minister Jean Dupont said.",
        "The talks are over, Foreign Minister Catherine Colonna said.",
        role="article",
    )
    derivation = schema.empty(schema.DERIVATION_COLUMNS)
    findings = attribution_findings(
        corpus, alignments, sources, derivation, find_attributions(corpus)
    )
    assert findings.empty


def test_uncredited_reuse_of_a_wire_file_and_its_negative():
    wire = parse_article("w", "", "PARIS (AFP) - France is in talks with Niger, a source said.")
    wire.role = "wire"
    copy = parse_article("c", "", "France is in talks with Niger, a source said.")
    credited = parse_article("k", "", "France is in talks with Niger, a source said.\n(AFP)")
    corpus = Corpus([wire, copy, credited])
    alignments = hand_alignments(corpus, "w", {"c": {0: 0}, "k": {0: 0}})
    derivation = derivation_table([("c", "w", 1.0, "wholly"), ("k", "w", 1.0, "wholly")])
    attributions = find_attributions(corpus)
    findings = attribution_findings(corpus, alignments, {"w": wire}, derivation, attributions)
    assert findings[["article_id", "kind", "severity"]].values.tolist() == [
        ["c", "uncredited_reuse", "high"]
    ]
    card = provenance_scorecard(corpus, attributions, findings, alignments, {"w": wire}, derivation)
    assert dict(zip(card["article_id"], card["provenance"], strict=True)) == {
        "w": "credited wire copy",
        "c": "uncredited wire copy",
        "k": "credited wire copy",
    }


def test_only_the_primary_source_counts_when_marked():
    wire = parse_article("w", "", "PARIS (AFP) - France is in talks with Niger, a source said.")
    wire.role = "wire"
    copy = parse_article("c", "", "France is in talks with Niger, a source said.")
    corpus = Corpus([wire, copy])
    alignments = hand_alignments(corpus, "w", {"c": {0: 0}})
    derivation = derivation_table([("c", "w", 1.0, "wholly"), ("c", "x", 0.1, "non")])
    attributions = find_attributions(corpus)
    for primary, expected in (([False, True], []), ([True, False], ["uncredited_reuse"])):
        marked = derivation.assign(primary=primary)
        findings = attribution_findings(corpus, alignments, {"w": wire}, marked, attributions)
        assert list(findings["kind"]) == expected


def test_public_functions_have_docstrings():
    assert attribution_findings.__doc__ and len(attribution_findings.__doc__.split()) > 8
