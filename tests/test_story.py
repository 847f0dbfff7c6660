"""Every computed sentence reads right for 0, 1 and many, and names versions by label."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from wiretrace.report import story

LABELS = {"a1": "bbc.co.uk", "b2": "Tunde Oso", "c3": "c3", "consensus:0": "consensus"}


def _articles(ids, rejected=()):
    rows = [
        {
            "article_id": a,
            "status": "ok",
            "reason": "",
            "role": "article",
            "date": "",
            "byline": "",
            "n_words": 100 + 10 * n,
        }
        for n, a in enumerate(ids)
    ]
    rows += [
        {
            "article_id": a,
            "status": "rejected",
            "reason": why,
            "role": "article",
            "date": "",
            "byline": "",
            "n_words": 0,
        }
        for a, why in rejected
    ]
    return pd.DataFrame(
        rows, columns=["article_id", "status", "reason", "role", "date", "byline", "n_words"]
    )


def _findings(rows):
    columns = ["article_id", "kind", "severity", "text", "source_text", "source_id", "contested"]
    return pd.DataFrame(rows, columns=columns)


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], "none"), (["A"], "A"), (["A", "B"], "A and B"), (list("ABC"), "A, B and C")],
)
def test_names(items, joined):
    assert story.names(items) == joined


@pytest.mark.parametrize(("n", "said"), [(0, "no version"), (1, "1 version"), (3, "3 versions")])
def test_count(n, said):
    assert story.count(n, "version") == said


def test_agency_labels():
    assert story.agency_label("afp") == "AFP"
    assert story.agency_label("reuters") == "Reuters"
    assert story.agency_label("agencies") == "unnamed agencies"
    assert story.agency_label("nowhere") == "nowhere"
    assert story.agencies_phrase("afp; agencies") == "AFP and unnamed agencies"
    assert story.agencies_phrase("") == "no agency"
    assert story.agencies_phrase(np.nan) == "no agency"


@pytest.mark.parametrize(
    ("ids", "rejected", "line"),
    [
        (
            [],
            [("x", "empty file")],
            "No version of the story read; 1 input rejected: x (empty file).",
        ),
        (["a1"], [], "1 version of the story read: bbc.co.uk; no input rejected."),
        (
            ["a1", "b2", "c3"],
            [("x", "empty file"), ("y", "binary file")],
            "3 versions of the story read: bbc.co.uk, Tunde Oso and c3; 2 inputs rejected: "
            "x (empty file) and y (binary file).",
        ),
    ],
)
def test_versions_line(ids, rejected, line):
    assert story.versions_line(_articles(ids, rejected), LABELS) == line


def _attributions(rows):
    return pd.DataFrame(rows, columns=["article_id", "agency", "form"])


def test_credits_line_for_none_one_and_many():
    articles = _articles(["a1", "b2", "c3"])
    assert story.credits_line(_attributions([]), articles, LABELS) == (
        "Bbc.co.uk, Tunde Oso and c3 credit no agency."
    )
    one = _attributions([("a1", "afp", "in_text"), ("c3", "afp", "photo_credit")])
    assert story.credits_line(one, articles, LABELS) == (
        "AFP is credited by bbc.co.uk; Tunde Oso and c3 credit no agency."
    )
    many = _attributions(
        [
            ("a1", "afp", "in_text"),
            ("b2", "afp", "byline"),
            ("b2", "agencies", "sign_off"),
            ("c3", "dpa", "sign_off"),
        ]
    )
    assert story.credits_line(many, articles, LABELS) == (
        "AFP is credited by bbc.co.uk and Tunde Oso; unnamed agencies are credited by "
        "Tunde Oso; dpa is credited by c3."
    )
    assert story.credits_line(_attributions([]), _articles([]), LABELS).startswith("No version")


def _stemma(rows):
    return pd.DataFrame(rows, columns=["source_id", "article_id", "confidence", "directed"])


def test_copies_line_for_none_one_and_many():
    assert story.copies_line(_stemma([]), LABELS) == (
        "No version was shown to copy another or a common source."
    )
    assert (
        story.copies_line(_stemma([("a1", "b2", 0.9, True)]), LABELS)
        == "Tunde Oso copies bbc.co.uk."
    )
    many = _stemma(
        [
            ("consensus:0", "a1", 0.9, True),
            ("consensus:0", "b2", 0.8, True),
            ("a1", "b2", 0.0, False),
        ]
    )
    assert story.copies_line(many, LABELS) == (
        "Bbc.co.uk and Tunde Oso copy the consensus of the versions (the lost original); for 1 "
        "pair of versions the evidence cannot say who copied whom."
    )


def test_high_findings_line_for_none_one_and_many():
    low = _findings([("a1", "typo", "low", "toas", "to", "consensus:0", False)])
    assert story.high_findings_line(low, LABELS) == "No high-severity finding."
    one = _findings([("a1", "verb_change", "high", "paused", "ended", "consensus:0", False)])
    assert story.high_findings_line(one, LABELS) == "1 high-severity finding: bbc.co.uk (1)."
    many = _findings([*one.values.tolist(), *one.values.tolist(), ["b2", *one.values[0][1:]]])
    assert story.high_findings_line(many, LABELS) == (
        "3 high-severity findings: bbc.co.uk (2) and Tunde Oso (1)."
    )
    assert story.finding_phrase(next(one.itertuples()), LABELS) == (
        'bbc.co.uk: verb change, "ended" → "paused"'
    )


def test_findings_summary_for_none_one_and_many():
    articles = _articles(["a1", "b2", "c3"])
    assert story.findings_summary(_findings([]), articles, LABELS) == (
        "The audit raises no finding on 3 versions."
    )
    one = _findings([("a1", "typo", "low", "toas", "to", "consensus:0", False)])
    assert story.findings_summary(one, articles, LABELS) == (
        "The audit raises **1 finding** (0 of high severity) on **1 version**. bbc.co.uk "
        "carries the most (1). 2 versions have none: Tunde Oso and c3."
    )
    many = _findings(
        [
            (a, "typo", "high", "x", "y", "consensus:0", False)
            for a in ("a1", "b2", "c3", "b2", "a1")
        ]
    )
    assert story.findings_summary(many, articles, LABELS) == (
        "The audit raises **5 findings** (5 of high severity) on **3 versions**. bbc.co.uk and "
        "Tunde Oso carry the most (2). Every version has at least one."
    )
    assert "0 version(s) have none: none" not in story.findings_summary(many, articles, LABELS)


def _readability(rows):
    columns = ["article_id", "source_id", "delta_flesch_reading_ease", "delta_words_per_sentence"]
    return pd.DataFrame(rows, columns=columns)


def test_readability_summary_for_none_one_and_many():
    none = _readability([("a1", "", np.nan, np.nan), ("consensus:0", "", np.nan, np.nan)])
    assert story.readability_summary(none, LABELS) == (
        "No version has a source to compare its readability with."
    )
    one = _readability([("a1", "consensus:0", 2.0, -1.5)])
    assert story.readability_summary(one, LABELS) == (
        "Against its source, **1 version** scores as easier to read on Flesch reading ease "
        "(bbc.co.uk) and **0** as harder. The largest change in sentence length is "
        "bbc.co.uk's: -1.5 words per sentence."
    )
    many = _readability(
        [
            ("a1", "consensus:0", -2.0, -1.5),
            ("b2", "consensus:0", -1.0, 4.0),
            ("c3", "consensus:0", -3.0, 0.5),
        ]
    )
    assert story.readability_summary(many, LABELS) == (
        "Against its source, **no version** scores as easier to read on Flesch reading ease and "
        "**3** as harder (bbc.co.uk, Tunde Oso and c3). The largest change in sentence length "
        "is Tunde Oso's: +4.0 words per sentence."
    )


def test_provenance_line_for_none_one_and_many():
    row = SimpleNamespace(
        article_id="a1",
        provenance="credited wire copy",
        agencies_credited="afp; agencies",
        attributions_dropped=0,
        attributions_changed=0,
    )
    assert story.provenance_line(row, LABELS) == (
        "**bbc.co.uk**: credited wire copy; credits AFP and unnamed agencies; no attribution "
        "dropped or changed."
    )
    row.agencies_credited, row.attributions_dropped = "", 1
    assert story.provenance_line(row, LABELS).endswith(
        "credits no agency; 1 attribution dropped, 0 changed."
    )
    row.attributions_dropped, row.attributions_changed = 2, 1
    assert story.provenance_line(row, LABELS).endswith("2 attributions dropped, 1 changed.")


def test_derivation_line():
    primary = pd.DataFrame(
        {"article_id": ["a1", "b2", "c3"], "derivation": ["wholly", "non", "wholly"]}
    )
    assert story.derivation_line(primary, LABELS) == (
        "**Wholly derived** (2): bbc.co.uk and c3. **Non derived** (1): Tunde Oso."
    )
    assert (
        story.derivation_line(primary.iloc[:0], LABELS)
        == "No version has a source to be derived from."
    )


def test_corpus_summary_for_none_one_and_many():
    assert story.corpus_summary(_articles([], [("x", "empty file")])) == (
        "The corpus holds **1 input**: **0** could be audited and **1** was rejected."
    )
    one = _articles(["a1"])
    assert story.corpus_summary(one) == (
        "The corpus holds **1 input**: **1** could be audited and **0** were rejected. No "
        "version is marked as wire copy; no version carries a date in the text and no version "
        "a byline. The body has 100 words."
    )
    many = _articles(["a1", "b2", "c3"])
    many.loc[0, "date"], many.loc[1, "date"], many.loc[1, "byline"] = (
        "2023-09-05",
        "2023-11-09",
        "X",
    )
    assert story.corpus_summary(many) == (
        "The corpus holds **3 inputs**: **3** could be audited and **0** were rejected. No "
        "version is marked as wire copy; 2 versions carry a date in the text (2023-09-05 and "
        "2023-11-09) and 1 version a byline. Bodies run from **100** to **120** words."
    )


def test_bare_line_for_none_one_and_many():
    metadata = pd.DataFrame({"article_id": ["a1"]})
    assert story.bare_line(_articles(["a1"]), metadata, LABELS) == (
        "The audited text says something about itself."
    )
    assert story.bare_line(_articles(["a1", "b2"]), metadata, LABELS) == (
        "**1** of the 2 audited texts says nothing about itself (no date, byline, credit, "
        "dateline or caption): Tunde Oso."
    )
    assert story.bare_line(_articles(["a1", "b2", "c3"]), metadata.iloc[:0], LABELS).startswith(
        "**3** of the 3 audited texts say nothing about themselves"
    )
    assert story.bare_line(_articles([]), metadata, LABELS) == "No text was audited."


def test_uncredited_and_photo_only_lines():
    card = pd.DataFrame({"article_id": ["a1", "b2"], "provenance": ["credited wire copy"] * 2})
    assert story.uncredited_line(card, LABELS) == (
        "No version reuses wire copy without crediting an agency."
    )
    card.loc[1, "provenance"] = "uncredited wire copy"
    assert story.uncredited_line(card, LABELS) == (
        "Tunde Oso reuses wire copy without crediting an agency."
    )
    assert story.photo_only_line(_attributions([("a1", "afp", "in_text")]), LABELS) == (
        "No version credits an agency only for a photo."
    )
    photos = _attributions([("a1", "afp", "photo_credit"), ("b2", "afp", "photo_credit")])
    assert story.photo_only_line(photos, LABELS) == (
        "bbc.co.uk and Tunde Oso credit an agency only for a photo, which does not credit the text."
    )


def test_seed_story(seed_audit):
    from wiretrace.report.labels import result_labels

    labels = result_labels(seed_audit.articles, seed_audit.derivation, seed_audit.stemma)
    assert story.story_lines(seed_audit, labels) == [
        "5 versions of the story read: 000, Tunde Oso, wionews.com, 003 and 004; "
        "no input rejected.",
        "AFP is credited by Tunde Oso, wionews.com and 004; unnamed agencies are credited by Tunde "
        "Oso and wionews.com; dpa is credited by 004; 000 and 003 credit no agency.",
        "000, Tunde Oso and wionews.com copy the consensus of the versions (the lost original); "
        "for 3 pairs of versions the evidence cannot say who copied whom.",
        "6 high-severity findings: 000 (3), wionews.com (1) and 004 (2).",
    ]
    consensus = seed_audit.sources["consensus:0"]
    line = story.consensus_line("consensus:0", consensus, seed_audit.findings, labels)
    assert line.startswith("**consensus** (`consensus:0`): 16 sentences, ")
