"""Tests for agency credits, attribution findings and the provenance scorecard."""

from __future__ import annotations

import pandas as pd
import pytest
from provenance_helpers import (
    PAIRS_WITH_001,
    SEED,
    derivation_table,
    hand_alignments,
    load_benchmark,
)

from wiretrace import schema
from wiretrace.findings.attribution import attribution_findings
from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.provenance.credits import (
    TEXT_FORMS,
    article_credits,
    credit_matrix,
    credited_agencies,
    find_attributions,
)
from wiretrace.report.provenance import SCORECARD_COLUMNS, provenance_scorecard

bench = load_benchmark("attribution")
detect, evaluate, read_lines, run = bench.detect, bench.evaluate, bench.read_lines, bench.run
DEV_LINES = [line for line in read_lines() if line["split"] in ("dev", "heldout1")]


@pytest.fixture(scope="module")
def seed_alignments(seeds):
    """Seeds 000, 002 and 004 aligned by hand with seed 001 as their source."""
    return hand_alignments(seeds, SEED["001"], PAIRS_WITH_001)


def credits(text: str) -> list[tuple[str, str, str]]:
    article = parse_article("t", "", text, {"language": "en"})
    return [(c.agency, c.form, c.evidence) for c in article_credits(article)]


# --------------------------------------------------------------- labelled lines


def test_fixture_has_enough_lines():
    lines = read_lines()
    assert len(lines) >= 150
    assert sum(1 for line in lines if not line["agencies"]) >= 50  # negatives
    assert {line["form"] for line in lines if line["agencies"]} == set(schema.ATTRIBUTION_FORMS)


@pytest.mark.parametrize("line", DEV_LINES, ids=[line["note"] for line in DEV_LINES])
def test_labelled_line(line):
    found = detect(line["text"])
    assert set(found) == line["agencies"]
    for agency in line["agencies"]:
        assert found[agency] == {line["form"]}


def test_benchmark_scores_false_credits_and_misses(tmp_path):
    lines = [
        {"text": "Rebels took the town, AFP reported.", "agencies": {"afp"}, "form": "in_text",
         "split": "dev", "note": "hit"},
        {"text": "Rebels took the town.", "agencies": {"reuters"}, "form": "in_text",
         "split": "dev", "note": "miss"},
        {"text": "Rebels took the town, Reuters reported.", "agencies": set(), "form": "",
         "split": "dev", "note": "false credit"},
    ]  # fmt: skip
    scores = evaluate(lines)
    assert (scores["true_positives"], scores["false_positives"], scores["false_negatives"]) == (
        1, 1, 1,
    )  # fmt: skip
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5
    assert scores["negative_lines_without_false_credit"] == 0
    result = run(out_dir=tmp_path)
    assert (tmp_path / "attribution.json").is_file()
    assert result["all"]["lines"] == len(read_lines())


# ------------------------------------------------------------------------- seeds

SEED_CREDITS = {
    "000": [],
    "001": [
        ("agencies", "byline", "(with agency reports)"),
        ("afp", "in_text", "told AFP"),
        ("afp", "in_text", "told AFP"),
    ],
    "002": [
        ("afp", "in_text", "reported AFP citing"),
        ("afp", "in_text", "told AFP"),
        ("afp", "in_text", "told AFP"),
        ("agencies", "sign_off", "(With inputs from agencies)"),
    ],
    "003": [],
    "004": [
        ("afp", "photo_credit", "\u00a9 afp"),
        ("afp", "sign_off", "(cs/afp/dpa)"),
        ("dpa", "sign_off", "(cs/afp/dpa)"),
    ],
}


@pytest.mark.parametrize("short", sorted(SEED_CREDITS))
def test_seed_credits(seeds, short):
    table = find_attributions(seeds)
    rows = table[table["article_id"] == SEED[short]]
    assert (
        list(zip(rows["agency"], rows["form"], rows["evidence"], strict=True))
        == (SEED_CREDITS[short])
    )
    text = seeds[SEED[short]].text
    for row in rows.itertuples():
        assert text[row.start : row.end] == row.evidence


def test_seed_credit_offsets_are_pinned(seeds):
    table = find_attributions(seeds)
    assert list(table.columns) == schema.ATTRIBUTION_COLUMNS
    pinned = table[table["article_id"] == SEED["004"]][["agency", "form", "start", "end"]]
    assert pinned.values.tolist() == [
        ["afp", "photo_credit", 114, 119],
        ["afp", "sign_off", 2617, 2629],
        ["dpa", "sign_off", 2617, 2629],
    ]


def test_photo_credit_does_not_credit_the_text(seeds):
    table = find_attributions(seeds)
    assert credited_agencies(table, SEED["004"]) == ["afp", "dpa"]
    assert credited_agencies(table, SEED["004"], forms=("photo_credit",)) == ["afp"]
    photo_only = parse_article(
        "p", "", "Protesters in Niamey. \u00a9 afp\n\nFrance is holding talks with Niger."
    )
    corpus_credits = find_attributions(Corpus([photo_only]))
    assert credited_agencies(corpus_credits, "p") == []
    assert "photo_credit" not in TEXT_FORMS


def test_empty_table_when_nothing_is_credited(seeds):
    only = Corpus([seeds[SEED["000"]], seeds[SEED["003"]]])
    table = find_attributions(only)
    assert table.empty and list(table.columns) == schema.ATTRIBUTION_COLUMNS


# ------------------------------------------------------- both sides of hard cases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP: the agency ...
        ("The governor told the AP that the state would appeal.", [("ap", "in_text")]),
        ("WASHINGTON (AP) \u2014 The Senate passed the bill.", [("ap", "dateline")]),
        # ... and Andhra Pradesh
        ("The AP government said the scheme would cover all farmers.", []),
        ("The chief minister of Andhra Pradesh told the AP assembly the plan was ready.", []),
        ("The governor told the AP that the Andhra Pradesh budget was sound.", []),
        # Reuters: the agency ...
        ("Reuters reported on Tuesday that the talks had stalled.", [("reuters", "in_text")]),
        ("The rebels took the town, according to Reuters.", [("reuters", "in_text")]),
        # ... the company ...
        ("Thomson Reuters reported record profits on Thursday.", []),
        ("Reuters reported record profits. Reuters said on Tuesday that sales rose.", []),
        ("Reuters said its revenue rose 5 percent in the quarter.", []),
        # ... though a company story can still quote an interview given to Reuters
        ("Thomson Reuters shares fell. The CEO told Reuters the cuts were over.",
         [("reuters", "in_text")]),
        # ... and a surname
        ("Councillor Mark Reuters said the road would ease traffic.", []),
        ("The members were Anna Meyer, Paul Reuters and Lisa Schmidt.", []),
        ("Mr Reuters, 54, told the court he had not seen the papers.", []),
        ("Anna Reuters told AFP she had left the city.", [("afp", "in_text")]),
        # generic credits: a credit line, not any agencies
        ("The talks collapsed.\n(With inputs from agencies)", [("agencies", "sign_off")]),
        ("UN agencies said a million people had fled.", []),
    ],
)  # fmt: skip
def test_both_sides(text, expected):
    assert [(a, f) for a, f, _ in credits(text)] == expected


# ------------------------------------------------------------------------ findings


@pytest.fixture(scope="module")
def seed_findings(seeds, seed_alignments):
    derivation = derivation_table(
        [
            (SEED["000"], SEED["001"], 0.8, "wholly"),
            (SEED["002"], SEED["001"], 0.9, "wholly"),
            (SEED["004"], SEED["001"], 0.3, "partially"),
            (SEED["003"], SEED["001"], 0.05, "non"),
        ]
    )
    sources = {SEED["001"]: seeds[SEED["001"]]}
    attributions = find_attributions(seeds)
    findings = attribution_findings(seeds, seed_alignments, sources, derivation, attributions)
    return findings, attributions, derivation, sources


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


def _pair(article_text: str, source_text: str):
    """A one-sentence article and source aligned to each other."""
    article = parse_article("a", "", article_text)
    source = parse_article("s", "", source_text)
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


# ----------------------------------------------------------------------- scorecard


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


@pytest.mark.parametrize(
    "function",
    [find_attributions, article_credits, attribution_findings, provenance_scorecard,
     credited_agencies],
)  # fmt: skip
def test_public_functions_have_docstrings(function):
    assert function.__doc__ and len(function.__doc__.split()) > 8


def test_credit_matrix_of_the_seeds(seeds):
    matrix = credit_matrix(seeds, find_attributions(seeds))
    assert list(matrix.columns) == ["afp", "agencies", "dpa"]
    assert matrix.loc[SEED["004"]].tolist() == ["sign_off; photo_credit", "", "sign_off"]
    assert matrix.loc[SEED["001"]].tolist() == ["in_text", "byline", ""]
    assert matrix.loc[SEED["000"]].tolist() == ["", "", ""]  # credits nothing, still listed
    assert list(matrix.index) == [SEED[s] for s in sorted(SEED)]


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
