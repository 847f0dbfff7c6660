"""Tests for wiretrace.findings.checks.attribution: ``attribution_dropped``,
``attribution_changed`` and ``uncredited_reuse``, check by check, on the seeds."""

from __future__ import annotations

import pytest
from error_helpers import DPA_ROW, claim_pair
from provenance_helpers import PAIRS_WITH_001, SEED, derivation_table, hand_alignments

from wiretrace.findings.attribution import AttributionTables
from wiretrace.findings.checks.attribution import (
    attribution_changed,
    attribution_dropped,
    uncredited_reuse,
)
from wiretrace.language.agencies import load_registry
from wiretrace.provenance.credits import find_attributions


@pytest.fixture(scope="module")
def tables(seeds):
    """Seeds 000, 002 and 004 aligned by hand with seed 001 as their source."""
    derivation = derivation_table(
        [
            (SEED["000"], SEED["001"], 0.8, "wholly"),
            (SEED["002"], SEED["001"], 0.9, "wholly"),
            (SEED["004"], SEED["001"], 0.3, "partially"),
            (SEED["003"], SEED["001"], 0.05, "non"),
        ]
    )
    return AttributionTables(
        seeds,
        hand_alignments(seeds, SEED["001"], PAIRS_WITH_001),
        {SEED["001"]: seeds[SEED["001"]]},
        derivation,
        find_attributions(seeds),
        None,
        load_registry(),
    )


def _per_sentence(tables, check):
    return [
        (row["article_id"], source_id, f.kind, f.severity, f.start, f.end)
        for row in tables.aligned.to_dict("records")
        for source_id, f in check(tables, row)
    ]


def test_attribution_dropped_on_the_seeds(tables):
    assert _per_sentence(tables, attribution_dropped) == [
        (SEED["000"], SEED["001"], "attribution_dropped", "high", 1046, 1190),
        (SEED["004"], SEED["001"], "attribution_dropped", "low", 287, 354),
    ]


def test_attribution_changed_on_the_seeds(tables):
    assert _per_sentence(tables, attribution_changed) == [
        (SEED["004"], SEED["001"], "attribution_changed", "high", 426, 470),
    ]
    (row,) = [
        f for r in tables.aligned.to_dict("records") for _, f in attribution_changed(tables, r)
    ]
    assert row.text == "said the French Ministry of Defense in Paris"
    assert "stronger source" in row.explanation


def test_uncredited_reuse_on_the_seeds(tables):
    found = {a: uncredited_reuse(tables, a) for a in sorted(tables.ok)}
    ((source_id, finding),) = found.pop(SEED["000"])
    assert (source_id, finding.kind, finding.severity) == (SEED["001"], "uncredited_reuse", "high")
    assert (finding.start, finding.end) == (0, 206)
    assert "Agence France-Presse" in finding.explanation
    assert all(v == [] for v in found.values())  # 002 and 004 credit agencies; 003 is not derived


def test_seed_audit_pins_the_attribution_kinds(seed_audit):
    findings = seed_audit.findings
    kinds = ("attribution_dropped", "attribution_changed", "uncredited_reuse")
    got = [
        (f.article_id[:3], f.kind, f.severity, f.text[:24])
        for f in findings.itertuples()
        if f.kind in kinds
    ]
    assert got == [
        ("000", "attribution_dropped", "high", "These discussions have e"),
        ("000", "uncredited_reuse", "high", "This coup marks another "),
        # across versions: AFP's anonymous source is "the French Ministry of Defense" in 004
        ("004", "attribution_changed", "high", "said the French Ministry"),
    ]


# ---------------------------------------------------------------- across versions (claims)


def test_claim_speaker_changed_is_attribution_changed_with_a_common_origin():
    from wiretrace.findings.checks.attribution import claim_speaker_changed

    (finding,) = claim_speaker_changed(claim_pair())
    assert (finding.kind, finding.severity) == ("attribution_changed", "high")
    assert finding.explanation.endswith("dpa credits AFP.")


def test_claim_speaker_changed_is_a_variant_between_independent_versions():
    from wiretrace.findings.checks.attribution import claim_speaker_changed

    (finding,) = claim_speaker_changed(claim_pair(origin=""))
    assert (finding.kind, finding.severity) == ("variant", "low")
    (tied,) = claim_speaker_changed(claim_pair(support=(1, 1)))
    assert tied.kind == "variant"


def test_claim_speaker_kept_is_no_finding():
    from wiretrace.findings.checks.attribution import claim_speaker_changed

    same = {**DPA_ROW, "speaker": "a ministry source", "speaker_kind": "anonymous_source"}
    assert claim_speaker_changed(claim_pair(other=same)) == []


def test_a_weak_match_between_independent_versions_is_no_finding():
    from dataclasses import replace

    from wiretrace.findings.checks.attribution import claim_speaker_changed

    weak = replace(claim_pair(origin=""), score=0.45)
    assert claim_speaker_changed(weak) == []
    # with a common origin the versions must agree: still reported
    assert [f.kind for f in claim_speaker_changed(replace(claim_pair(), score=0.45))] == [
        "attribution_changed"
    ]


def test_two_named_people_are_two_claims_unless_the_statements_match_closely():
    from dataclasses import replace

    from wiretrace.findings.checks.attribution import claim_speaker_changed

    witness = {
        **DPA_ROW,
        "speaker": "Another witness, Mary Parish",
        "speaker_kind": "anonymous_source",
    }
    darling = {**DPA_ROW, "speaker": "Stephen Darling", "speaker_kind": "named_person"}
    pair = replace(claim_pair(), reference=witness, other=darling, score=0.6)
    assert claim_speaker_changed(pair) == []


def test_a_description_and_a_name_of_the_same_strength_are_one_speaker():
    from dataclasses import replace

    from wiretrace.findings.checks.attribution import claim_speaker_changed

    judge = {**DPA_ROW, "speaker": "The judge", "speaker_kind": "named_person"}
    kay = {**DPA_ROW, "speaker": "Mr Justice Kay", "speaker_kind": "named_person"}
    assert claim_speaker_changed(replace(claim_pair(), reference=judge, other=kay)) == []
