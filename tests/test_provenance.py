"""Tests of wiretrace.report.provenance: the provenance scorecard and its verdicts."""

from __future__ import annotations

import pandas as pd
from provenance_helpers import SEED, derivation_table

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.provenance.credits import find_attributions
from wiretrace.report.provenance import SCORECARD_COLUMNS, provenance_scorecard


def test_seed_scorecard(seeds, seed_findings, seed_alignments):
    findings, attributions, derivation, sources = seed_findings
    card = provenance_scorecard(seeds, attributions, findings, seed_alignments, sources, derivation)
    assert list(card.columns) == SCORECARD_COLUMNS
    rows = {r.article_id: r for r in card.itertuples()}
    assert rows[SEED["000"]].provenance == "uncredited wire copy"
    assert rows[SEED["000"]].agencies_credited == ""
    assert rows[SEED["001"]].credit_forms == "byline; in_text"
    assert rows[SEED["002"]].provenance == "credited wire copy"
    assert rows[SEED["003"]].provenance == "original or unknown"
    assert rows[SEED["004"]].agencies_credited == "afp; dpa"
    assert rows[SEED["004"]].photo_credits == ""  # afp is credited in the text too
    assert (rows[SEED["004"]].attributions_dropped, rows[SEED["004"]].attributions_changed) == (
        1, 1,
    )  # fmt: skip
    assert rows[SEED["002"]].attributions_kept_share == 1.0
    assert pd.isna(rows[SEED["003"]].attributions_kept_share)


def test_mixed_verdict_when_the_credited_agency_is_not_the_source():
    wire = parse_article("w", "", "PARIS (AFP) - France is in talks with Niger, a source said.")
    other = parse_article("m", "", "France is in talks with Niger, a source said.\n(dpa)")
    corpus = Corpus([wire, other])
    derivation = derivation_table([("m", "w", 1.0, "wholly")])
    attributions = find_attributions(corpus)
    empty = schema.empty(schema.FINDING_COLUMNS)
    card = provenance_scorecard(corpus, attributions, empty, None, {"w": wire}, derivation)
    assert card.set_index("article_id").loc["m", "provenance"] == "mixed"
    assert card.set_index("article_id").loc["m", "source_agencies"] == "afp"


def test_without_derivation_credits_decide(seeds):
    attributions = find_attributions(seeds)
    card = provenance_scorecard(seeds, attributions, schema.empty(schema.FINDING_COLUMNS))
    verdicts = dict(zip(card["article_id"], card["provenance"], strict=True))
    assert [verdicts[SEED[s]] for s in sorted(SEED)] == [
        "original or unknown",
        "credited wire copy",
        "credited wire copy",
        "original or unknown",
        "credited wire copy",
    ]


def test_public_functions_have_docstrings():
    assert provenance_scorecard.__doc__ and len(provenance_scorecard.__doc__.split()) > 8
