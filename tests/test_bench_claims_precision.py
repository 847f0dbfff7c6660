"""Tests for wtbench.claims_precision: counting findings across versions under hand verdicts."""

from __future__ import annotations

import pandas as pd

from wtbench.claims_precision import across, score


def _row(kind: str, start: int) -> dict:
    return {
        "corpus": "meter",
        "folder": "courts/x",
        "article_id": "a",
        "source_id": "b",
        "kind": kind,
        "severity": "high",
        "start": start,
        "end": start + 5,
    }


def test_score_counts_accusations_and_variants_under_the_verdicts():
    rows = [_row("attribution_changed", 0), _row("quote_altered", 10), _row("variant", 20)]
    verdicts = {
        ("meter", "courts/x", "a", "attribution_changed", "0", "5"): "right",
        ("meter", "courts/x", "a", "quote_altered", "10", "15"): "wrong",
    }
    result = score(rows, verdicts)
    assert (result["accusations"], result["judged"], result["right"]) == (2, 2, 1)
    assert result["precision"] == 0.5
    assert result["variants"] == 1 and result["variant_verdicts"] == {"unjudged": 1}


def test_across_keeps_the_findings_on_claims_across_versions():
    findings = pd.DataFrame(
        {"explanation": ["Across versions: x", "Variant, not an error: ... Across versions", "y"]}
    )
    assert list(across(findings).index) == [0, 1]
