"""Tests for wiretrace.findings.errors: the seeds' introduced errors, each named, and benign edits.

Pairs are real sentences from the seeds (001 and 002 are near-verbatim AFP rewrites of the
same wire story, 003 ends with filler, 004 is a machine translation of a dpa story).
"""

from __future__ import annotations

import pandas as pd
import pytest

from wiretrace import schema
from wiretrace.config import SEEDS_DIR
from wiretrace.findings.errors import (
    AttestedWords,
    ErrorContext,
    WordIndex,
    check_new_sentence,
    compare_sentences,
    find_artifacts,
    find_errors,
    mt_artifacts,
)
from wiretrace.ingest.corpus import Corpus, load_corpus, parse_article

S001_RELATIONS = (
    "Relations between Niger and France, the country\u2019s former colonial power and "
    "traditional ally, went swiftly downhill after Paris stood by the elected Bazoum and "
    "declared the post-coup regime toas illegitimate."
)
S002_RELATIONS = (
    "Relations between Niger and France, the country's former colonial power and traditional "
    "ally, went swiftly downhill after Paris stood by the elected Bazoum and declared the "
    "post-coup regime illegitimate."
)
S001_AUGUST = (
    "On August 3, the coup leaders renounced several military cooperation agreements with "
    "France, including one with a month-long notice period that expired on Sunday."
)
S002_AUGUST = (
    "The coup leaders suspended several military cooperation agreements with France on August 3."
)
S001_SOURCE = (
    "That source noted that French forces had been \u201cimmobilised since anti-terrorist "
    "cooperation was suspended\u201d following the military takeover."
)
S002_SOURCE = (
    'The source reportedly noted that French forces had been "immobilised since '
    'anti-terrorist cooperation was suspended" following the military takeover.'
)
S001_LECORNU = (
    "Earlier, a source close to Defence Minister Sebastien Lecornu told AFP that talks were in "
    "progress about \u201ceasing movements of French military resources\u201d in Niger."
)
S002_LECORNU = (
    "A source close to Defence Minister Sebastien Lecornu told AFP on Tuesday that talks were "
    'in progress about "easing the movement of French military resources" in Niger.'
)
S004_LE_MONDE = (
    "\u201cIt is important to remember that these troops are there at the request of the "
    "Nigerien authorities to support them in the fight against the armed terrorist groups and "
    "to carry out training activities,\u201d French Foreign Minister Catherine Colonna "
    "previously told the newspaper Le Monde said."
)
S004_JULY = (
    "had at the end of July the presidential guard in Niger overthrew the previous president "
    "Mohamed Bazoum."
)
S004_SAHEL = (
    "For France, which, in line with other Western and African states, does not recognize the "
    "new rulers, Niger has recently been an important partner in its Anti-Terrorism in the "
    "Sahelafter the military rulers in Mali and Burkina Faso had previously demanded the "
    "withdrawal of French troops."
)
S003_FILLER = (
    "As geopolitical landscapes continue to evolve, it is crucial for countries to reassess "
    "their strategies and partnerships to ensure stability and security in the region."
)


def _kinds(findings) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.text) for f in findings]


# ------------------------------------------------------------------ seeds' errors


@pytest.mark.parametrize(
    ("name", "source", "rewrite", "expected"),
    [
        (
            "typo 'toas' in 001",
            S002_RELATIONS,
            S001_RELATIONS,
            [("typo", "low", "toas")],
        ),
        (
            "verb_change 'renounced' -> 'suspended' in 002",
            S001_AUGUST,
            S002_AUGUST,
            [("verb_change", "high", "suspended")],
        ),
        (
            "modality_change 'reportedly' added in 002",
            S001_SOURCE,
            S002_SOURCE,
            [("modality_change", "high", "reportedly")],
        ),
        (
            "quote_altered 'movements' -> 'the movement' in 002 (the added 'on Tuesday' is not)",
            S001_LECORNU,
            S002_LECORNU,
            [("quote_altered", "high", "the movement")],
        ),
        (
            "modality_change 'will be forced' -> 'may be compelled' in 000",
            "There has been speculation that France will be forced into a full military "
            "pullout from Niger after the July 26 putsch.",
            "There has been speculation that France may be compelled into a full military "
            "pullout from Niger after the July 26 putsch.",
            [("modality_change", "high", "may")],
        ),
        (
            "number_change 1,500 -> 1,200",
            "Some 1,500 troops are deployed in Niger.",
            "Some 1,200 troops are deployed in Niger.",
            [("number_change", "high", "1,200")],
        ),
        (
            "date_change July 26 -> July 16",
            "The July 26 putsch ousted French ally President Mohamed Bazoum.",
            "The July 16 putsch ousted French ally President Mohamed Bazoum.",
            [("date_change", "high", "July 16")],
        ),
        (
            "entity_change Bazoum -> Tiani",
            "The July 26 putsch ousted French ally President Mohamed Bazoum.",
            "The July 26 putsch ousted French ally President Mohamed Tiani.",
            [("entity_change", "high", "Tiani")],
        ),
        (
            "negation_change 'did not give' -> 'gave'",
            "The source did not give details.",
            "The source gave details.",
            [("negation_change", "high", "gave")],
        ),
        (
            "typo: words run together",
            "Niger has been an important partner in the Sahel after the rulers in Mali "
            "demanded the withdrawal of French troops.",
            "Niger has been an important partner in the Sahelafter the rulers in Mali "
            "demanded the withdrawal of French troops.",
            [("typo", "low", "Sahelafter")],
        ),
    ],
)
def test_seed_errors_are_found(name, source, rewrite, expected):
    assert _kinds(compare_sentences(source, rewrite)) == expected, name


@pytest.mark.parametrize(
    ("name", "source", "rewrite"),
    [
        (
            "'Some 1,500' vs 'about 1500', 'wider' vs 'larger', region added",
            "Some 1,500 troops are deployed in Niger as part of France\u2019s wider fight "
            "against jihadists in the Sahel.",
            "Currently, about 1500 French troops are deployed in Niger as part of France's "
            "larger fight against jihadists in the Sahel region of Africa.",
        ),
        (
            "'under way' vs 'underway', 'for' vs 'of', curly vs straight quotes",
            "Niger\u2019s military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday "
            "that \u201ccontacts\u201d were under way about a \u201cvery swift\u201d departure for "
            "Paris\u2019 troops.",
            "Niger's military-appointed Prime Minister Ali Mahaman Lamine Zeine said Monday that "
            '"contacts" were underway about a "very swift" departure of Paris\' troops.',
        ),
        (
            "'new major blow' vs 'fresh major blow', trimmed clause",
            "The coup has been seen as a new major blow to French influence in the region "
            "following military takeovers in Mali in 2020 and Burkina Faso in 2022.",
            "The coup in Niger has been seen as a fresh major blow to French influence in the "
            "region.",
        ),
        (
            "'defence' vs 'defense', 'immobilised' vs 'immobilized'",
            "The defence ministry said French forces had been immobilised.",
            "The defense ministry said French forces had been immobilized.",
        ),
        (
            "'26 July' vs 'July 26', 'neighbouring' vs 'neighboring'",
            "After the 26 July putsch, troops left neighbouring Mali.",
            "After the July 26 putsch, troops left neighboring Mali.",
        ),
        (
            "reordered clause",
            S001_AUGUST,
            "The coup leaders renounced several military cooperation agreements with France on "
            "August 3, including one with a month-long notice period that expired on Sunday.",
        ),
        (
            "'holding talks' vs 'in talks', contraction",
            "The French army is holding talks with Niger's military. It did not give details.",
            "The French army is in talks with Niger's military. It didn't give details.",
        ),
        (
            "quotation trimmed at its end, attribution reworded",
            "Zeine nevertheless said he hoped to \u201cmaintain cooperation if possible with a "
            "country with which we have shared many things.\u201d",
            'However, Zeine has said that he hoped to "maintain cooperation if possible with a '
            'country."',
        ),
    ],
)
def test_benign_edits_are_not_flagged(name, source, rewrite):
    assert compare_sentences(source, rewrite) == [], name


def test_the_version_that_kept_the_wording_is_not_flagged():
    # 002 as the rewrite of 001's wording, where 002 kept it: nothing to report.
    assert compare_sentences(S001_RELATIONS.replace(" toas", ""), S002_RELATIONS) == []


def test_explanation_quotes_both_wordings():
    (finding,) = compare_sentences(S001_AUGUST, S002_AUGUST)
    assert finding.explanation == (
        "'renounced' (end for good) became 'suspended' (pause (can be resumed)): the source "
        "reports something else than the rewrite does."
    )
    assert finding.source_text == "renounced"
    assert S002_AUGUST[finding.start : finding.end] == "suspended"


# ---------------------------------------------------------- machine translation (004)


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        (
            "duplicated reporting verb",
            S004_LE_MONDE,
            [("mt_artifact", "low", "told the newspaper Le Monde said")],
        ),
        ("verb-second word order", S004_JULY, [("mt_artifact", "medium", "had at")]),
        ("words run together", S004_SAHEL, [("mt_artifact", "low", "Sahelafter")]),
        (
            "German thousands separator",
            "France currently has around 1.500 soldiers stationed in the country.",
            [("mt_artifact", "low", "1.500")],
        ),
        (
            "German quotation marks",
            "\u201eThe exchange has begun\u201c, said the ministry.",
            [("mt_artifact", "low", "\u201e")],
        ),
        (
            "no artefact: an ordinary sentence of 004",
            "Relations between Niamey and Paris deteriorated after the former colonial power "
            "sided with the ousted president.",
            [],
        ),
        (
            "no artefact: 'told AFP the minister said' has two noun phrases",
            "A source told AFP the minister said talks had begun.",
            [],
        ),
        ("no artefact: a decimal", "Growth was 1.5 percent last year.", []),
    ],
)
def test_mt_artifacts(name, sentence, expected):
    assert _kinds(mt_artifacts(sentence)) == expected, name


# ----------------------------------------------------------------- new sentences (003)


def test_filler_is_an_unsupported_addition():
    context = ErrorContext(frozenset({"niger", "france", "troops", "coup"}))
    assert _kinds(check_new_sentence(S003_FILLER, context)) == [
        ("unsupported_addition", "low", S003_FILLER)
    ]
    (finding,) = check_new_sentence(S003_FILLER, context)
    assert finding.explanation.startswith("Generic filler")


def test_new_specifics_are_an_unsupported_addition():
    sentence = "Some 300 drones will be moved to Chad by December, officials said."
    context = ErrorContext(frozenset({"niger", "france", "troops"}))
    (finding,) = check_new_sentence(sentence, context)
    assert finding.kind == "unsupported_addition"
    assert finding.severity == "medium"
    assert "'300'" in finding.explanation and "'Chad'" in finding.explanation


def test_new_sentence_with_attested_specifics_is_not_flagged():
    sentence = "Some 1,500 French troops are stationed in Niger."
    context = ErrorContext(frozenset({"1,500", "1500", "french", "niger", "troops"}))
    assert check_new_sentence(sentence, context) == []


# ----------------------------------------------------------------- find_errors


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


@pytest.mark.parametrize(
    ("word", "sources_only", "expected"),
    [
        ("toas", False, False),  # only the article itself has it
        ("bazoum", False, True),  # another article has it
        ("bazoum", True, False),  # ... but no source
        ("niamey", True, True),
    ],
)
def test_attested_words_exclude_the_article_itself(word, sources_only, expected):
    index = {
        "toas": {"article:001"},
        "bazoum": {"article:001", "article:002"},
        "niamey": {"source:wire"},
    }
    view = AttestedWords(index, {"article:001", "source:001"}, sources_only=sources_only)
    assert (word in view) is expected


def test_seeds_through_the_rewrite_stage_pin_each_error_on_its_version():
    """No wire: the consensus of the versions is the source; "toas" is 001's own typo, the
    changed verb, the altered quotation and the added "reportedly" are 002's, and 001 is
    not flagged for the wording 002 changed."""
    from wiretrace.rewrites.analysis import analyse_rewrites

    corpus = load_corpus([SEEDS_DIR])
    analysis = analyse_rewrites(corpus)
    findings = find_errors(corpus, analysis.derived_alignments(), analysis.sources)
    by_version = {
        article_id[:3]: list(zip(rows["kind"], rows["text"], strict=True))
        for article_id, rows in findings.groupby("article_id")
    }
    assert by_version["001"] == [("typo", "toas")]
    assert by_version["002"] == [
        ("verb_change", "suspended"),
        ("quote_altered", "the movement"),
        ("modality_change", "reportedly"),
    ]
    for row in findings.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_find_artifacts_in_articles_that_are_not_rewrites():
    """003 (a later story) ends with filler; 004 (a machine translation) has three artefacts."""
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
    ]
    for row in table.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_find_artifacts_on_a_clean_article_reports_nothing():
    corpus = load_corpus(
        [SEEDS_DIR / "001_d598337ef24b6ebd.txt", SEEDS_DIR / "002_81e9dda9929231ae.txt"]
    )
    assert find_artifacts(corpus, ["002_81e9dda9929231ae"]).empty


@pytest.mark.parametrize(
    ("source", "rewrite", "expected"),
    [
        # A prefix antonym and a negator cancel: the claim is the same.
        (
            "Frequentist and Bayesian interpretations disagree about the ways.",
            "Frequentist and Bayesian interpretations do not agree about the ways.",
            [],
        ),
        # A prefix antonym alone flips the claim.
        (
            "The regime was declared legitimate by Paris.",
            "The regime was declared illegitimate by Paris.",
            [("negation_change", "high", "illegitimate")],
        ),
        # A negator alone flips the claim.
        (
            "The coup leaders renounced the agreements.",
            "The coup leaders did not renounce the agreements.",
            [("negation_change", "high", "not")],
        ),
    ],
)
def test_polarity_counts_prefix_antonyms(source, rewrite, expected):
    assert _kinds(compare_sentences(source, rewrite)) == expected


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
    assert [k for k in _kinds(compare_sentences(source, rewrite)) if k[0] == "modality_change"] == [
        e for e in expected if e[0] == "modality_change"
    ]


def test_attested_words_within_a_story():
    index = {"bazoum": {"article:001", "article:009"}, "niamey": {"article:002"}}
    view = AttestedWords(index, {"article:001"}, sources_only=False, within={"article:002"})
    assert "niamey" in view
    assert "bazoum" not in view  # only an article of another story has it
    assert view  # another text of the story exists
    alone = AttestedWords(index, {"article:001"}, sources_only=False, within={"article:001"})
    assert not alone


def test_word_index_scopes_to_the_story_cluster():
    texts = {
        "a1": "The junta in Niamey met on Monday.",
        "a2": "The junta in Niamey met again on Tuesday.",
        "b1": "Wildfires near Athens forced villagers to flee.",
    }
    corpus = Corpus([parse_article(k, "", v) for k, v in texts.items()])
    words = WordIndex(corpus, {}, {"a1": 0, "a2": 0, "b1": 1})
    assert "niamey" in words.attested("a1")
    assert "athens" not in words.attested("a1")  # another story's word
    assert "niamey" not in words.attested("b1")
    everywhere = WordIndex(corpus, {})
    assert "athens" in everywhere.attested("a1")
