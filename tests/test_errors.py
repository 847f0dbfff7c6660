"""Tests for wiretrace.findings.errors: the findings table of a corpus (find_errors,
find_artifacts), offsets into the articles, each seed error pinned on its version."""

from __future__ import annotations

import pandas as pd
from conftest import SEEDS_DIR
from error_helpers import S003_FILLER

from wiretrace import schema
from wiretrace.findings.errors import find_artifacts, find_errors
from wiretrace.ingest.corpus import load_corpus


def test_find_errors_offsets_point_into_the_article():
    corpus = load_corpus(
        [SEEDS_DIR / "001_d598337ef24b6ebd.txt", SEEDS_DIR / "002_81e9dda9929231ae.txt"]
    )
    a001, a002 = corpus["001_d598337ef24b6ebd"], corpus["002_81e9dda9929231ae"]
    toas = next(s for s in a001.sentences if "toas" in s.text)
    suspended = next(s for s in a002.sentences if "suspended several" in s.text)
    relations = next(s for s in a002.sentences if s.text.startswith("Relations"))
    august = next(s for s in a001.sentences if s.text.startswith("On August 3"))
    rows = [
        (a001.article_id, toas, a002.article_id, relations, "rewrite"),
        (a002.article_id, suspended, a001.article_id, august, "rewrite"),
    ]
    alignments = pd.DataFrame(
        [
            {
                "article_id": art,
                "sentence_id": sent.sentence_id,
                "text": sent.text,
                "source_id": src_id,
                "source_sentence_id": src.sentence_id,
                "source_text": src.text,
                "similarity": 0.9,
                "label": label,
                "start": sent.start,
                "end": sent.end,
                "source_start": src.start,
                "source_end": src.end,
            }
            for art, sent, src_id, src, label in rows
        ]
    )
    findings = find_errors(corpus, alignments, {a001.article_id: a001, a002.article_id: a002})
    assert list(findings.columns[: len(schema.FINDING_COLUMNS)]) == schema.FINDING_COLUMNS
    assert list(zip(findings["article_id"], findings["kind"], findings["text"], strict=True)) == [
        ("001_d598337ef24b6ebd", "typo", "toas"),
        ("002_81e9dda9929231ae", "verb_change", "suspended"),
    ]
    for row in findings.itertuples():
        article = corpus[row.article_id]
        assert article.text[row.start : row.end] == row.text


def test_find_errors_on_empty_alignments_returns_the_contract_columns():
    corpus = load_corpus([SEEDS_DIR / "001_d598337ef24b6ebd.txt"])
    table = find_errors(corpus, pd.DataFrame(columns=schema.ALIGNMENT_COLUMNS), {})
    assert table.empty
    assert list(table.columns[: len(schema.FINDING_COLUMNS)]) == schema.FINDING_COLUMNS


def test_seeds_through_the_rewrite_stage_pin_each_error_on_its_version():
    """No wire: the consensus of the versions is the source; "toas" is 001's own typo and
    the changed verb 002's (001 and 000 agree against it), and 001 is not flagged for the
    wording 002 changed. The altered quotation and the added "reportedly" are 002's too,
    but without the wire only 001 attests the other reading (000 paraphrases it as 002
    does, or not at all): no majority, so they are variants, not errors pinned on 002."""
    from wiretrace.rewrites.analysis import analyse_rewrites

    corpus = load_corpus([SEEDS_DIR])
    analysis = analyse_rewrites(corpus)
    findings = find_errors(
        corpus, analysis.derived_alignments(), analysis.sources, undecided=analysis.undecided
    )
    by_version = {
        article_id[:3]: list(zip(rows["kind"], rows["text"], strict=True))
        for article_id, rows in findings.groupby("article_id")
    }
    assert by_version["001"] == [("typo", "toas")]
    assert by_version["002"] == [
        ("verb_change", "suspended"),
        ("variant", "the movement"),
        ("variant", "reportedly"),
    ]
    for row in findings.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_find_artifacts_in_articles_that_are_not_rewrites():
    """003 (a later story) ends with filler; 004 (a machine translation) has four artefacts."""
    corpus = load_corpus([SEEDS_DIR])
    table = find_artifacts(corpus, ["003_665655b582766711", "004_d5c23e7a232071b8"])
    got = [
        (a[:3], k, t[:40])
        for a, k, t in zip(table["article_id"], table["kind"], table["text"], strict=True)
    ]
    assert ("003", "unsupported_addition", S003_FILLER[:40]) in got
    assert [g for g in got if g[1] == "mt_artifact"] == [
        ("004", "mt_artifact", "told the newspaper Le Monde said"),
        ("004", "mt_artifact", "had at"),
        ("004", "mt_artifact", "Sahelafter"),
        ("004", "mt_artifact", "partial deduction"),  # a false friend of German Teilabzug
    ]
    for row in table.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_find_artifacts_on_a_clean_article_reports_nothing():
    corpus = load_corpus(
        [SEEDS_DIR / "001_d598337ef24b6ebd.txt", SEEDS_DIR / "002_81e9dda9929231ae.txt"]
    )
    assert find_artifacts(corpus, ["002_81e9dda9929231ae"]).empty


def test_a_sentence_is_compared_only_inside_a_copied_passage_and_not_with_far_longer_wording():
    import pandas as pd

    from wiretrace.findings.errors import copied_sentences

    copied = "France will withdraw its troops from Niger by the end of the year, Macron said."
    rows = [
        # a copied sentence (a run of six words or more outside quotations)
        ("a", 0, copied, copied.replace("Macron", "the president")),
        # its neighbour shares little, but sits inside the copied passage
        ("a", 1, "The junta welcomed it.", "Niger's rulers said they were pleased."),
        # two sentences later: not compared
        ("a", 3, "The junta welcomed it.", "Niger's rulers said they were pleased."),
        # far longer source wording: refused even inside the passage
        ("b", 0, copied, copied + " " + " ".join(["The statement ran on and on."] * 8)),
    ]
    alignments = pd.DataFrame(
        [
            {"article_id": a, "sentence_id": i, "text": t, "source_text": s, "label": "rewrite",
             "source_id": "consensus:0"}
            for a, i, t, s in rows
        ]
    )  # fmt: skip
    assert copied_sentences(alignments, {}) == {("a", -1), ("a", 0), ("a", 1)}


FRENCH = (
    "Le ministre discute avec les militaires du Niger sur le retrait des troupes. Les "
    "pourparlers ont repris lundi à Niamey, a indiqué le ministère de la Défense."
)
ENGLISH = (
    "France has begun talks with Niger about withdrawing troops, officials said. "
    "The talks began on Monday in Niamey."
)


def test_the_english_word_checks_run_on_english_articles_only():
    from wiretrace.findings.errors import checked_articles, find_artifacts
    from wiretrace.ingest.corpus import Corpus, parse_article

    # Read as English, the French text gets English checks: the reason they are skipped.
    forced = Corpus(
        [parse_article("fr", "", FRENCH, {"language": "en"}), parse_article("en", "", ENGLISH)]
    )
    assert find_artifacts(forced)[["kind", "text"]].values.tolist() == [
        ["mt_artifact", "discute"],
        ["mt_artifact", "avec"],  # the untranslated-word check (#13) reads it as French left in
        ["typo", "retrait"],
        ["typo", "repris"],
    ]
    detected = Corpus([parse_article("fr", "", FRENCH), parse_article("en", "", ENGLISH)])
    assert detected["fr"].language == "fr"
    assert checked_articles(detected) == {"en"}
    assert len(find_artifacts(detected)) == 0


def test_a_repeated_sentence_gets_its_findings_at_each_place():
    from wiretrace.ingest.corpus import Corpus, parse_article

    slip = "The minister met the army chiefs in the Sahelafter the talks."
    text = f"{slip} The talks went on for a day.\n\n{slip}"
    corpus = Corpus([parse_article("a", "", text), parse_article("b", "", ENGLISH)])
    table = find_artifacts(corpus, ["a"])
    assert table[["kind", "text", "sentence_id"]].values.tolist() == [
        ["mt_artifact", "Sahelafter", 0],
        ["mt_artifact", "Sahelafter", 2],
    ]
    assert [text[r.start : r.end] for r in table.itertuples()] == ["Sahelafter"] * 2
    assert table["start"].tolist() == [text.index("Sahelafter"), text.rindex("Sahelafter")]
