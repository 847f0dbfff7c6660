"""Tests for wiretrace.report.journeys: each claim's journey across the versions."""

from __future__ import annotations

from wiretrace.report import plots
from wiretrace.report.journeys import (
    CARRIAGE,
    changed_claims_html,
    claim_carriage,
    claim_matrix,
)


def test_claim_carriage_on_the_seeds(seed_audit):
    carriage = claim_carriage(seed_audit.story_claims, seed_audit.findings)
    assert set(carriage["carried"]) <= set(CARRIAGE)
    changed = carriage[carriage["carried"] != "carried"]
    assert list(zip(changed["article_id"], changed["carried"], strict=True)) == [
        ("004_d5c23e7a232071b8", "speaker changed")
    ]


def test_claim_matrix_keeps_the_shared_claims(seed_audit):
    matrix = claim_matrix(claim_carriage(seed_audit.story_claims, seed_audit.findings))
    # 000 states Zeine's "swift departure" in other words: matched (C0.4) by the shared name
    assert list(matrix.index) == ["C0.1", "C0.2", "C0.3", "C0.4", "C0.5", "C0.6"]
    assert matrix.loc["C0.2"].tolist() == [
        "carried",
        "carried",
        "carried",
        "",
        "speaker changed",
    ]
    fig, data = plots.claim_matrix(matrix)
    assert list(data.columns) == ["claim_id", *matrix.columns]


def test_changed_claims_html_shows_each_finding_across_versions(seed_audit):
    page = changed_claims_html(seed_audit.story_claims, seed_audit.findings)
    assert page.count('class="wt-sbs"') == 2
    assert "C0.2 · 004_d5c23e7a232071b8 · attribution_changed (high)" in page


def test_no_claims_no_matrix(seed_audit):
    empty = claim_carriage(seed_audit.story_claims.iloc[:0], seed_audit.findings)
    assert claim_matrix(empty).empty
    assert changed_claims_html(seed_audit.story_claims, seed_audit.findings.iloc[:0]) == (
        "<p>No claim changed across versions.</p>"
    )
