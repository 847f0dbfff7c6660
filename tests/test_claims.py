"""Tests for claims and quotes: speakers, their kinds, cues, quotes and speaker comparison."""

from __future__ import annotations

import pytest
from provenance_helpers import SEED

from wiretrace.language.nlp import nlp
from wiretrace.provenance.claims import (
    CLAIM_COLUMNS,
    claims_in_text,
    claims_in_texts,
    compare_speakers,
    extract_claims,
    speaker_kind,
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "\u201cDiscussions on the withdrawal of certain military elements have begun,\u201d "
            "the defence ministry source told AFP, asking not to be named.",
            [("the defence ministry source", "anonymous_source", "told AFP", "quote", "AFP")],
        ),
        (
            "France has begun talks with Niger's military about withdrawing its army, "
            "reported AFP citing a defence ministry source.",
            [("a defence ministry source", "anonymous_source", "citing", "reported", "AFP")],
        ),
        (
            "\u201cThe exchange about the withdrawal of some military forces has begun,\u201d "
            "said the French Ministry of Defense in Paris.",
            [("the French Ministry of Defense in Paris", "named_institution", "said", "quote",
              "")],
        ),
        (
            "Earlier, a source close to Defence Minister Sebastien Lecornu told AFP that talks "
            "were in progress.",
            [("a source close to Defence Minister Sebastien Lecornu", "anonymous_source",
              "told AFP", "reported", "AFP")],
        ),
        (
            "France is in talks with the military in Niger, according to a source from the "
            "country\u2019s defense ministry.",
            [("a source from the country\u2019s defense ministry", "anonymous_source",
              "according to", "reported", "")],
        ),
        (
            "Niger\u2019s military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday "
            "that talks were under way.",
            [("Niger\u2019s military-appointed Prime Minister Ali Mahaman Lamine Zeine",
              "named_person", "said", "reported", "")],
        ),
        (
            "Some of the soldiers are stationed at an air base where the Bundeswehr maintains "
            "its own flight operations area.",
            [],
        ),
        ("The source did not give details.", []),
        # not speakers: a passive "said to", a measure "according to", a theorem
        ("Subclasses are said to inherit the methods of their parent class.", []),
        ("Terms are weighted according to their frequencies of occurrence.", []),
        ("The theorem states that the probability is conditional.", []),
        ("\u201cWe will not leave,\u201d the general told AFP.",
         [("the general", "named_person", "told AFP", "quote", "AFP")]),
        ("\u201cWe will not leave,\u201d a general told AFP.",
         [("a general", "anonymous_source", "told AFP", "quote", "AFP")]),
        ("The coup has been seen as a new major blow to French influence in the region.", []),
    ],
)  # fmt: skip
def test_claims_in_a_sentence(sentence, expected):
    got = [
        (c.speaker, c.speaker_kind, c.cue, c.claim_type, c.via) for c in claims_in_text(sentence)
    ]
    assert got == expected


def test_claims_of_many_texts_are_those_of_each_text(seeds):
    texts = [s.text for a in seeds.ok for s in a.sentences]
    texts += ["No cue here.", texts[0]]  # a text without a cue word, a text twice
    assert claims_in_texts(texts) == [claims_in_text(t) for t in texts]
    assert claims_in_texts([]) == []


def test_outlet_as_channel_in_seed_004(seeds):
    claims = extract_claims(seeds)
    row = claims[
        (claims["article_id"] == SEED["004"]) & (claims["speaker"].str.contains("Colonna"))
    ].iloc[0]
    assert (row.speaker_kind, row.cue, row.via, row.via_kind) == (
        "named_person",
        "told the newspaper Le Monde",
        "the newspaper Le Monde",
        "other_outlet",
    )
    assert row.quote.startswith("It is important to remember")


def test_extract_claims_offsets_and_pronouns(seeds):
    claims = extract_claims(seeds)
    assert list(claims.columns) == CLAIM_COLUMNS
    for row in claims.itertuples():
        text = seeds[row.article_id].text
        assert row.speaker in text[row.start : row.end]
        if row.quote_start >= 0:
            assert text[row.quote_start : row.quote_end].startswith(row.quote.split(" \u2026 ")[0])
    he = claims[(claims["article_id"] == SEED["000"]) & (claims["speaker"] == "he")].iloc[0]
    assert he.resolved_speaker.endswith("Ali Mahaman Lamine Zeine")
    per_article = claims.groupby("article_id").size().to_dict()
    assert per_article == {SEED["000"]: 5, SEED["001"]: 6, SEED["002"]: 6, SEED["003"]: 2,
                           SEED["004"]: 3}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("AFP", "agency"),
        ("the news agency", "agency"),
        ("the newspaper Le Monde", "other_outlet"),
        ("Le Monde", "other_outlet"),  # listed in data/outlets.txt
        ("The New York Times", "other_outlet"),
        ("their frequencies", ""),  # not a speaker
        ("it", ""),
        ("state television", "other_outlet"),
        ("a defence ministry source", "anonymous_source"),
        ("officials", "anonymous_source"),
        ("the ministry", "named_institution"),
        ("the junta", "named_institution"),
    ],
)
def test_speaker_kind_without_a_parse(text, kind):
    assert speaker_kind(text) == kind


@pytest.mark.parametrize(
    ("source", "source_kind", "rewrite", "rewrite_kind", "relation"),
    [
        ("the defence ministry source", "anonymous_source",
         "the French Ministry of Defense in Paris", "named_institution", "stronger"),
        ("That source", "anonymous_source", "The source", "anonymous_source", "same"),
        ("the defence ministry", "named_institution", "the Ministry of Defense",
         "named_institution", "same"),
        ("the army", "named_institution", "the ministry", "named_institution", "different"),
        ("Zeine", "named_person", "he", "named_person", "same"),
        ("Prime Minister Ali Mahaman Lamine Zeine", "named_person", "Zeine", "named_person",
         "same"),
        ("Catherine Colonna", "named_person", "Sebastien Lecornu", "named_person", "different"),
        ("Catherine Colonna", "named_person", "a diplomatic source", "anonymous_source",
         "weaker"),
        ("the ministry", "named_institution", "Catherine Colonna", "named_person", "different"),
    ],
)  # fmt: skip
def test_compare_speakers(source, source_kind, rewrite, rewrite_kind, relation):
    assert compare_speakers(source, source_kind, rewrite, rewrite_kind) == relation


def test_spacy_pipeline_is_loaded_once():
    assert nlp() is nlp()


def test_claims_benchmark_scores_and_writes(tmp_path):
    from wtbench import claims as bench

    rows = [
        {"text": "Police said two men were arrested.", "expected_speaker": "Police",
         "expected_kind": "named_institution"},
        {"text": "The storm hit the coast.", "expected_speaker": "", "expected_kind": ""},
        {"text": "The storm hit the coast, officials said.", "expected_speaker": "the mayor",
         "expected_kind": "named_person"},
    ]  # fmt: skip
    scores = bench.evaluate(rows)
    assert (scores["found"], scores["correct"], scores["attributed"]) == (2, 1, 2)
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5
    bench.run(out_dir=tmp_path)
    assert (tmp_path / "claims.json").is_file()
