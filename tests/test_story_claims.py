"""Tests for wiretrace.findings.story_claims: the same claim matched across versions."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from wiretrace.findings.story_claims import (
    GAP_MIN,
    MATCH_MIN,
    MERGE_MIN,
    MISSPELT,
    STORY_CLAIM_COLUMNS,
    SpeakerIdentity,
    certainty_marks,
    claim_findings,
    claim_similarity,
    content_stems,
    group_statements,
    match_claims,
    misspelling_of,
    person_role,
    same_speaker,
    says_verbatim,
    shares_content,
    speaker_identities,
    speaker_names,
    speaker_roles,
    statement,
    statement_keys,
    two_people,
)
from wiretrace.ingest.corpus import load_corpus
from wiretrace.provenance.claims import extract_claims
from wiretrace.provenance.credits import find_attributions

AFP = "\u201cDiscussions on the withdrawal of certain military elements have begun,\u201d"
DPA = "\u201cThe exchange about the withdrawal of some military forces has begun,\u201d"


def test_statement_keys_stem_lemmas_and_weigh_names_and_figures():
    keys = statement_keys("France is withdrawing 1,500 troops")
    assert keys == {"france": 2.0, "withdra": 1.0, "NUM:1500": 2.0, "troop": 1.0}
    assert statement_keys("the withdrawal")["withdra"] == 1.0


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        (AFP, DPA, 0.5455),  # translated twice: withdrawal, military, begun shared
        (AFP, AFP, 1.0),
        (AFP, "Some 1,500 troops are deployed in Niger.", 0.0),
        ("", AFP, 0.0),
    ],
)
def test_claim_similarity(a, b, score):
    assert claim_similarity(statement_keys(a), statement_keys(b)) == score


def test_statement_cuts_the_attribution_out():
    text = f"{AFP} the defence ministry source told AFP, asking not to be named."
    start = text.index("the defence")
    end = text.index("AFP,") + 3
    assert statement(text, start, end) == f"{AFP} asking not to be named."


def test_group_statements_pairs_the_same_claim_not_the_same_topic():
    versions = ["afp", "afp", "dpa", "dpa"]
    texts = [
        AFP,
        "Some 1,500 troops are deployed in Niger.",
        "France currently has around 1,500 soldiers stationed in Niger.",
        DPA,
    ]
    groups, _ = group_statements(versions, texts)
    assert groups[0] == groups[3] and groups[1] == groups[2] and groups[0] != groups[1]


def test_group_statements_keeps_one_statement_per_version():
    groups, _ = group_statements(["a", "a", "b"], [AFP, AFP, AFP])
    assert groups[0] != groups[1] and sorted({groups[0], groups[1]}) == sorted(set(groups))
    assert groups[2] == groups[0]


def test_no_match_between_different_claims():
    groups, _ = group_statements(
        ["a", "b"], [AFP, "The coup leaders renounced several cooperation agreements."]
    )
    assert groups[0] != groups[1]


def test_match_claims_on_the_seeds(seeds):
    table = match_claims(extract_claims(seeds), seeds)
    assert list(table.columns) == STORY_CLAIM_COLUMNS
    by = {(r.article_id[:3], r.sentence_id): r.claim_id for r in table.itertuples()}
    # AFP's anonymous source and 004's "French Ministry of Defense": one claim, four versions
    begun = {by[("000", 4)], by[("001", 4)], by[("002", 6)], by[("004", 3)]}
    assert len(begun) == 1
    assert table.loc[table["claim_id"] == begun.pop(), "versions"].tolist() == [4, 4, 4, 4]
    # the same source's other claims are other claims
    assert by[("001", 6)] != by[("001", 4)] != by[("001", 7)]
    assert by[("004", 14)] not in {by[k] for k in by if k[0] != "004"}


def test_match_claims_of_an_empty_table(seeds):
    assert list(match_claims(extract_claims(seeds).iloc[:0], seeds).columns) == (
        STORY_CLAIM_COLUMNS
    )


def test_claim_findings_on_the_seeds_flag_004_and_nothing_on_001(seed_audit):
    found = seed_audit.findings
    across = found[found["explanation"].str.startswith("Across versions")]
    assert sorted(zip(across["article_id"], across["kind"], across["severity"], strict=True)) == [
        ("004_d5c23e7a232071b8", "attribution_changed", "high"),
        ("004_d5c23e7a232071b8", "quote_altered", "high"),
    ]
    changed = across[across["kind"] == "attribution_changed"].iloc[0]
    assert changed["text"] == "said the French Ministry of Defense in Paris"
    assert changed["source_text"] == "the defence ministry source told AFP"
    assert changed["source_id"] == "001_d598337ef24b6ebd"
    text = next(a.text for a in seed_audit.corpus.ok if a.article_id.startswith("004"))
    assert text[changed["start"] : changed["end"]] == changed["text"]
    assert not len(
        found[
            found["article_id"].str.startswith("001")
            & found["kind"].isin(["attribution_changed", "quote_altered"])
        ]
    )


def test_story_claims_is_a_table_of_the_audit(seed_audit):
    table = seed_audit.tables()["story_claims"]
    assert list(table.columns) == STORY_CLAIM_COLUMNS
    assert table["claim_id"].str.match(r"C0\.\d+$").all()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the judge", "the trial judge, Lord Sutherland", True),
        ("Anthony Morris QC, prosecuting", "Anthony Morris, QC, for the prosecution", True),
        ("he", "A FARMER", True),
        ("the French Ministry of Defense in Paris", "the defence ministry source", False),
        ("Mr Gee", "Mr Elwood", False),
        ("Grob, 41", "Mr Grobbelaar", True),
    ],
)
def test_same_speaker(a, b, same):
    assert same_speaker({"speaker": a}, {"speaker": b}) is same


def test_speaker_names_leave_titles_and_openers_out():
    assert speaker_names({"speaker": "Another witness, Mary Parish"}) == {"mary", "parish"}
    assert speaker_names({"speaker": "Heather"}) == {"heather"}
    assert speaker_names({"speaker": "the defence ministry source"}) == set()


def test_speaker_names_leave_roles_out_whatever_their_case():
    assert speaker_names({"speaker": "Counsel"}) == set()
    assert speaker_names({"speaker": "Detectives"}) == set()
    assert speaker_names({"speaker": "Counsel for the defence, Mr Browne"}) == {"browne"}


@pytest.mark.parametrize(
    ("speaker", "role"),
    [("the judge", True), ("Counsel", True), ("the ministry", False), ("Mr Browne", False)],
)
def test_person_role(speaker, role):
    assert person_role({"speaker": speaker}) is role


def test_certainty_marks_leave_the_attribution_out():
    text = "Officials said the troops may not leave, and he is believed to have fled. They won't."
    marks = certainty_marks(text, (0, len(text)), (0, 14))
    assert [(m.word, m.group) for m in marks] == [
        ("may", "possibility"),
        ("not", "negation"),
        ("is believed to", "hearsay"),
        ("won't", "negation"),
        ("won't", "future"),
    ]
    assert certainty_marks("Officials did not say.", (0, 22), (0, 21)) == []


def _three_versions(tmp_path, third: str):
    base = (
        "LONDON (AFP) - The minister said the troops will leave Niger by December.\n\n"
        "\u201cWe have begun talks,\u201d a defence source told AFP.\n"
    )
    for name, text in (("v1", base), ("v2", base), ("v3", third)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    story = match_claims(extract_claims(corpus), corpus)
    found = claim_findings(story, corpus, None, find_attributions(corpus))
    return base, sorted(zip(found["article_id"], found["kind"], found["text"], strict=True))


def test_claim_certainty_changes_are_found_on_the_version_that_changed(tmp_path):
    base = _three_versions(tmp_path, "")[0]
    changed = base.replace("troops will leave", "troops may not leave")
    assert _three_versions(tmp_path, changed)[1] == [
        ("v3", "modality_change", "may"),
        ("v3", "negation_change", "not"),
    ]
    quoted_ = base.replace("We have begun", "We have not begun")
    assert _three_versions(tmp_path, quoted_)[1] == [("v3", "quote_altered", "not")]
    assert _three_versions(tmp_path, base)[1] == []


def test_a_shared_name_lowers_the_bar_for_one_person_quoted_in_other_words():
    versions = ["pa", "paper"]
    texts = [
        "Your years of work against drug dealing mean you ought to have known the harm "
        "that they cause.",
        "You more than anybody else should have known the harm done to families who had "
        "fallen into drug addiction.",
    ]
    groups, scores = group_statements(versions, texts)
    assert groups[0] != groups[1] and scores[0, 1] < 0.4
    named, _ = group_statements(versions, texts, speakers=["Judge Mary Holloway", "Judge Holloway"])
    assert named[0] == named[1]
    others, _ = group_statements(versions, texts, speakers=["Judge Mary Holloway", "Mr Pettigrew"])
    assert others[0] != others[1]


def test_a_certainty_word_at_the_end_of_a_longer_statement_is_a_cut_not_a_change(tmp_path):
    base = _three_versions(tmp_path, "")[0]
    longer = base.replace("by December.", "by December, but not all of them.")
    assert _three_versions(tmp_path, longer)[1] == []
    not_only = base.replace("troops will leave", "troops will not only leave")
    assert _three_versions(tmp_path, not_only)[1] == []


# ------------------------------------------------ speakers resolved, restatements, gaps

REMORSE = "the defendant had shown no remorse for what he did to his neighbour"
LIED = (
    "the accused felt no remorse for his neighbour and had lied to detectives and insurers"
    " about the night of the barn fire"
)
DETER = "the sentence must deter other drivers"


def test_speaker_identities_resolve_pronouns_and_roles_within_a_version():
    ids = speaker_identities(
        ["m", "m", "m", "t", "t"],
        ["Judge Peter Aldridge", "He", "She", "Mr Morris", "the judge"],
    )
    assert ids[0] == SpeakerIdentity(
        frozenset({"peter", "aldridge"}), frozenset({"judge", "presiding"}), ""
    )
    assert ids[1] == replace(ids[0], sex="m")  # "He": the last named speaker before it
    assert ids[2] == SpeakerIdentity(frozenset(), frozenset(), "f")  # Aldridge is "he"
    assert ids[4] == SpeakerIdentity(frozenset(), frozenset({"judge", "presiding"}), "")
    assert speaker_identities(["a", "a"], ["the Recorder", "Recorder Ian McLaren"])[0] == (
        SpeakerIdentity(frozenset({"ian", "mclaren"}), frozenset({"recorder", "presiding"}))
    )
    # "Mr Morris" later in the version tells Anthony Morris is a man: "she" is not him
    assert speaker_identities(["a", "a", "a"], ["Anthony Morris", "she", "Mr Morris"])[1] == (
        SpeakerIdentity(frozenset(), frozenset(), "f")
    )


def test_speaker_roles_and_identity_sameness():
    assert speaker_roles("Mr Justice Turner") == frozenset({"presiding"})
    assert speaker_roles("the Recorder of Leeds, Judge Ann Hill") == frozenset(
        {"recorder", "judge", "presiding"}
    )
    assert speaker_roles("a spokesman for the ministry") == frozenset()
    cole, skinner = speaker_identities(
        ["a", "a"], ["inspector David Cole", "inspector Rob Skinner"]
    )
    assert not cole.same(skinner)  # two named people sharing only a role
    judge, recorder = speaker_identities(["a", "b"], ["the judge", "the recorder"])
    assert judge.same(recorder)  # one presiding officer, unnamed in both


@pytest.mark.parametrize(
    ("speakers", "groups"),
    [
        (["Recorder Ian McLaren", "he", "Recorder McLaren"], [0, 1, 1]),
        (["Mr Ian Smith", "he", "Recorder McLaren"], [0, 1, 2]),  # "he" is Smith
        (["Mrs Ann McLaren", "he", "Recorder McLaren"], [0, 1, 2]),  # no "he" before
        (["Judge Ian McLaren", "the judge", "Mr McLaren"], [0, 1, 1]),
        (["Mr Ian Smith", "the judge", "Mr McLaren"], [0, 1, 2]),  # no named judge
        (["Mr Ian Smith", "the judge", "the recorder"], [0, 1, 1]),
        (["Mr Ian Smith", "the judge", "the prosecutor"], [0, 1, 2]),
        (["Mr Ian Smith", "Inspector Cole", "Inspector Skinner"], [0, 1, 2]),
    ],
)
def test_group_statements_one_speaker_by_pronoun_or_role(speakers, groups):
    assert claim_similarity(statement_keys(REMORSE), statement_keys(LIED)) == 0.375
    assert group_statements(["a", "a", "b"], [DETER, REMORSE, LIED], speakers=speakers)[0] == (
        groups
    )


@pytest.mark.parametrize(
    ("second", "groups"),
    [("he", [0, 0, 0]), ("Mr Tom Smith", [0, 1, 0])],
)
def test_group_statements_a_claim_restated_in_one_version(second, groups):
    again = "the defendant had shown no remorse for the attack on his neighbour"
    other = "the defendant showed no remorse for what he did to his neighbour"
    speakers = ["Judge Ian McLaren", second, "Recorder McLaren"]
    assert group_statements(["a", "a", "b"], [REMORSE, again, other], speakers=speakers)[0] == (
        groups
    )


def test_misspelt_words_share_a_key_with_the_word_they_misspell():
    a = statement_keys("apples may naturally inherit all the properties common to all fruit")
    b = statement_keys("cheaters would natuarly inheart properities commen to all animals")
    assert {k for k in b if k.startswith(MISSPELT)} == {
        "~natuarl",
        "~inheart",
        "~properi",
        "~commen",
    }
    assert claim_similarity(a, b) == 0.625
    assert misspelling_of("~natuarl", "natural") and misspelling_of("~control", "control")
    assert not misspelling_of("~natuarl", "neutral")
    # two English words one letter apart are two words
    assert (
        claim_similarity(
            statement_keys("the charge was dropped"), statement_keys("the change was dropped")
        )
        == 0.5
    )


def test_fill_gaps_pairs_a_paraphrase_between_matched_neighbours():
    a = [
        "the council approved the new budget on Monday",
        "inheritance allowes classes to be categorized, similer to the way humans catagorize",
        "the mayor resigned after the vote",
    ]
    b = [
        "on Monday the council approved the new budget",
        "inheritance provides the support for representation by categorization in computer"
        " languages",
        "after the vote the mayor resigned",
    ]
    score = claim_similarity(statement_keys(a[1]), statement_keys(b[1]))
    assert GAP_MIN <= score < MATCH_MIN
    assert group_statements(["a"] * 3 + ["b"] * 3, a + b)[0] == [0, 1, 2, 0, 1, 2]
    # at the end of the story: no matched neighbour after it, no gap
    groups = group_statements(["a"] * 2 + ["b"] * 2, a[:2] + b[:2])[0]
    assert groups == [0, 1, 0, 3]


@pytest.mark.parametrize(
    ("quotes", "groups"),
    [
        (["", "", ""], [0, 0, 0]),
        # two quotations of one version sharing no wording are two utterances
        (["no remorse for what he did", "no remorse for the attack", ""], [0, 1, 0]),
        (["no remorse for what he did", "no remorse for what he did to", ""], [0, 0, 0]),
    ],
)
def test_restatements_of_a_quotation_share_its_wording(quotes, groups):
    again = "the defendant had shown no remorse for the attack on his neighbour"
    other = "the defendant showed no remorse for what he did to his neighbour"
    speakers = ["Judge Ian McLaren", "he", "Recorder McLaren"]
    texts = [REMORSE, again, other]
    assert group_statements(["a", "a", "b"], texts, speakers=speakers, quotes=quotes)[0] == (groups)


LIBRARY = "the county council will close the central library on Friday"
MUSEUM = "opening hours of the town museum will be cut from April"
BOTH = (
    "the county council will close the central library on Friday and cut the town museum's"
    " opening hours from April"
)
THANKS = "the mayor thanked the volunteers who ran the library for ten years"


def test_merges_two_sentences_said_in_one_sentence_of_another_version():
    library, museum, both = (statement_keys(t) for t in (LIBRARY, MUSEUM, BOTH))
    assert claim_similarity(library, both) == claim_similarity(museum, both) == 0.6957
    assert claim_similarity({**library, **museum}, both) >= MERGE_MIN
    assert group_statements(["a", "a", "b"], [LIBRARY, MUSEUM, BOTH])[0] == [0, 0, 0]
    # one sentence split in two by the other version
    assert group_statements(["a", "b", "b"], [BOTH, LIBRARY, MUSEUM])[0] == [0, 0, 0]


@pytest.mark.parametrize(
    ("versions", "texts", "speakers", "groups"),
    [
        # the neighbour says something the merged sentence does not
        (["a", "a", "b"], [LIBRARY, THANKS, BOTH], None, [0, 1, 0]),
        # the second half is not next to the first in its version
        (["a", "a", "a", "b"], [LIBRARY, THANKS, MUSEUM, BOTH], None, [0, 1, 2, 0]),
        # a restatement adds nothing the matched statement does not say
        (["a", "a", "b"], [LIBRARY, "the library will close on Friday", BOTH], None, [0, 1, 0]),
        # two speakers: two claims, whatever the other version merged
        (
            ["a", "a", "b"],
            [LIBRARY, MUSEUM, BOTH],
            ["Mr Tom Hale", "Mrs Ann Cole", "Mr Hale"],
            [0, 1, 0],
        ),
        (["a", "a", "b"], [LIBRARY, MUSEUM, BOTH], ["Mr Tom Hale", "he", "Mr Hale"], [0, 0, 0]),
    ],
)
def test_merges_needs_a_neighbour_of_one_speaker_that_completes_the_sentence(
    versions, texts, speakers, groups
):
    assert group_statements(versions, texts, speakers=speakers)[0] == groups


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("Mr Hollis, 71, came into Mr Varga's room alone", {"room"}),  # names, an age
        ("Ms Baker thinks the Treasury sold 1,500 bonds", {"treasur", "sell", "bond", "NUM:1500"}),
        ("They want to get a good man", set()),  # common words only
    ],
)
def test_content_stems_leave_out_names_ages_and_common_words(text, stems):
    assert content_stems(text) == stems


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("Mr Hollis was told about Mr Varga", "Mr Varga told Mr Hollis", 0),
        ("the bridge will close in May", "the bridge is to close", 2),
        ("the bridge will close", "the brigde must close", 2),  # a misspelling
    ],
)
def test_shares_content_counts_content_words_only(a, b, shared):
    assert shares_content(a, b) == shared


@pytest.mark.parametrize(
    ("a", "b", "two"),
    [
        ("Mr Hollis", "Mr Varga", True),
        ("Mr Tom Hollis", "Hollis, defending", False),
        ("Kowal", "Mr Kowalski", False),  # a short form of one name
        ("He", "Mr Varga", False),  # a pronoun names nobody
        ("A TEACHER", "Mr Varga", False),
        ("the judge", "Mr Varga", False),
    ],
)
def test_two_people_needs_two_names_and_none_shared(a, b, two):
    assert two_people(a, b) is two


def test_group_statements_needs_a_content_word_shared():
    # "Mr Varga" and "Mr Hollis" in two questions of one speaker: no content word shared.
    texts = ["Mr Varga had told Mr Hollis everything", "Mr Hollis never met Mr Varga"]
    assert claim_similarity(statement_keys(texts[0]), statement_keys(texts[1])) >= MATCH_MIN
    groups, _ = group_statements(["a", "b"], texts, speakers=["Ms Lee", "Ms Lee"])
    assert groups[0] != groups[1]
    same, _ = group_statements(
        ["a", "b"],
        ["Mr Varga had warned Mr Hollis twice", "Mr Varga warned Mr Hollis twice about it"],
        speakers=["Ms Lee", "Ms Lee"],
    )
    assert same[0] == same[1]


@pytest.mark.parametrize(
    ("speakers", "one"),
    [(["Ms Lee", "Ms Lee"], True), (["Ms Lee", "Mr Varga"], False), (["Ms Lee", "Amy Lee"], True)],
)
def test_group_statements_a_quotation_trimmed_by_one_speaker_not_by_two(speakers, one):
    short = "The plan was a house of cards."
    long = (
        "Looking back, the plan was a house of cards that fell at the first gust of wind, as"
        " everyone in the office knew, and the board had been warned about it for two years"
        " by auditors, lawyers and its own treasurer."
    )
    assert claim_similarity(statement_keys(short), statement_keys(long)) < 0.3
    groups, _ = group_statements(["a", "b"], [short, long], speakers=speakers)
    assert (groups[0] == groups[1]) is one


# ------------------------------------------------ a quotation trimmed, the same words


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a quoted phrase of one is in the other, word for word
        (
            'the closure of the pool was "a slap in the face," adding that the swimmers were angry',
            "the closure was a slap in the face for the town's swimmers",
            True,
        ),
        ("the mill was 'a death trap' for its workers", "the old mill was a death trap", True),
        # the whole of the shorter is in the longer: a quotation trimmed
        ("'I am the mayor.", "'I am the mayor,' adding: 'I will stay on to finish the job.'", True),
        # one word in quotation marks is a label, not a quotation trimmed
        ('the landlord was a "tyrant" to his tenants', "Tyrant landlord evicts pensioner", False),
        # apostrophes are no quotation marks
        ("the Smiths' house was never for sale", "the house was for sale", False),
        # shared words out of order, or a quoted phrase of common words only
        ("the bridge will close in May", "in May the council will close the bridge", False),
        ('it was "what it was" said the man', "it was what it was for him", False),
    ],
)
def test_says_verbatim(a, b, expected):
    assert says_verbatim(a, b) is expected
    assert says_verbatim(b, a) is expected


def test_one_speaker_s_trimmed_quotation_is_one_claim_and_another_s_is_not():
    versions = ["wire", "paper"]
    texts = [
        'the closure of the pool was "a slap in the face," adding that the swimming club '
        "had been left with nowhere to train before the county finals",
        "the council's decision to shut the baths was a slap in the face.",
    ]
    groups, scores = group_statements(versions, texts)
    assert scores[0, 1] < MATCH_MIN and groups[0] != groups[1]
    one, _ = group_statements(versions, texts, speakers=["Mrs Ada Price", "Mrs Price"])
    assert one[0] == one[1]
    two, _ = group_statements(versions, texts, speakers=["Mrs Ada Price", "Mr Tom Hale"])
    assert two[0] != two[1]


def test_an_encoder_raises_a_pair_from_the_cosine_and_the_lexical_score_it_is_given():
    texts = [
        "The council will shut the swimming baths in June to mend the leaking roof.",
        "The town pool is to close for repairs to its roof over the summer.",
    ]
    vectors = {texts[0]: [1.0, 0.0], texts[1]: [0.8, 0.6]}  # cosine 0.8

    def encoder(batch):
        return np.array([vectors[t] for t in batch])

    versions = ["wire", "paper"]
    alone, scores = group_statements(versions, texts)
    assert alone[0] != alone[1] and 0.1 < scores[0, 1] < MATCH_MIN
    raised, _ = group_statements(versions, texts, encoder, semantic=(0.75, 0.1))
    assert raised[0] == raised[1]
    low_cosine, _ = group_statements(versions, texts, encoder, semantic=(0.85, 0.1))
    low_lexical, _ = group_statements(versions, texts, encoder, semantic=(0.75, 0.2))
    assert low_cosine[0] != low_cosine[1] and low_lexical[0] != low_lexical[1]
