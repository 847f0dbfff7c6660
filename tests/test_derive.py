"""Derivation measures and classes, on inline cases, the shipped model and the seeds."""

from __future__ import annotations

import json

import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.rewrites.align import SourceIndex, align_sentences
from wiretrace.rewrites.analysis import analyse_rewrites
from wiretrace.rewrites.derive import (
    CANDIDATE_FEATURES,
    MODEL_FEATURES,
    MODEL_PATH,
    NEWS_FEATURES,
    PARTIAL_MIN,
    DerivationModel,
    classify,
    classify_derivation,
    classify_revision,
    derivation_scores,
    load_model,
    load_news_model,
    ngram_containment,
    no_source_scores,
    order_loss,
    revision_kind,
    run_share,
)

SOURCE = (
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against "
    "jihadists in the Sahel. The country became a crucial hub for France after coups forced "
    "the withdrawal of French troops from neighbouring Mali and Burkina Faso."
)


@pytest.mark.parametrize(
    ("values", "revision", "derivation"),
    [
        # every sentence copied whole
        (
            {"containment": 1.0, "exact_share": 1.0, "mean_ordered": 1.0, "order_loss": 0.0},
            "cut",
            "wholly",
        ),
        # all the content, most wording kept in order, few whole sentences
        (
            {"containment": 0.85, "exact_share": 0.2, "mean_ordered": 0.85, "order_loss": 0.1},
            "light",
            "wholly",
        ),
        # the content reworded and restructured: a heavy paraphrase
        (
            {"containment": 0.6, "exact_share": 0.0, "mean_ordered": 0.5, "order_loss": 0.5},
            "heavy",
            "partially",
        ),
        # half of an article copied whole, half its own
        (
            {"containment": 0.5, "exact_share": 0.5, "mean_ordered": 1.0, "order_loss": 0.0},
            "cut",
            "wholly",
        ),
        # little shared, and that little out of order: common words
        (
            {"containment": 0.3, "exact_share": 0.0, "mean_ordered": 0.6, "order_loss": 0.7},
            "non",
            "non",
        ),
        (
            {"containment": 0.1, "exact_share": 0.0, "mean_ordered": 0.3, "order_loss": 0.8},
            "non",
            "non",
        ),
        # under PARTIAL_MIN the model is not asked, however copied the rest looks
        (
            {"containment": 0.19, "exact_share": 1.0, "mean_ordered": 1.0, "order_loss": 0.0},
            "non",
            "non",
        ),
    ],
)
def test_classify(values, revision, derivation):
    assert classify_revision(values) == revision
    assert classify(values) == derivation


def test_partial_min_is_a_floor():
    values = {
        "containment": PARTIAL_MIN - 0.01,
        "exact_share": 1.0,
        "mean_ordered": 1.0,
        "order_loss": 0.0,
    }
    assert load_model().predict(values) == "cut"
    assert classify_revision(values) == "non"


def test_shipped_model_is_the_documented_one():
    model = load_model()
    assert model.features == MODEL_FEATURES
    assert set(MODEL_FEATURES) <= set(CANDIDATE_FEATURES)
    assert model.labels == ("cut", "light", "heavy", "non")
    assert len(model.coef) == 4 and all(len(row) == len(MODEL_FEATURES) for row in model.coef)
    assert "benchmarks.calibrate_derivation" in model.about
    assert DerivationModel.from_dict(json.loads(MODEL_PATH.read_text())) == model


@pytest.mark.parametrize(
    "values",
    [
        {"containment": 0.9, "exact_share": 0.5, "mean_ordered": 0.9, "order_loss": 0.1},
        {"containment": 0.0, "exact_share": 0.0, "mean_ordered": 0.0, "order_loss": 0.0},
    ],
)
def test_model_probabilities_and_round_trip(values):
    model = load_model()
    probabilities = model.probabilities(values)
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.get) == model.predict(values)
    assert DerivationModel.from_dict(model.to_dict()) == model


def test_a_model_passed_in_is_used():
    always_light = DerivationModel(
        features=("containment",),
        labels=("cut", "light", "heavy", "non"),
        mean=(0.0,),
        scale=(1.0,),
        coef=((0.0,), (0.0,), (0.0,), (0.0,)),
        intercept=(0.0, 1.0, 0.0, 0.0),
    )
    assert classify_revision({"containment": 0.5}, always_light) == "light"
    assert classify({"containment": 0.5}, always_light) == "wholly"
    assert classify({"containment": 0.1}, always_light) == "non"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c d e", "x a b c d e y", 5),
        ("a b c x d e", "a b c d e", 0),  # runs of 3 and 2 are too short
        ("a b c d", "d c b a", 0),
    ],
)
def test_run_share(a, b, expected):
    assert run_share(a.split(), b.split()) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c d", "x a b c d y", 0.0),  # all shared words in the source's order
        ("a b x c d", "a b c d", 0.0),  # a word put in, the rest in order
        ("c d a b", "a b c d", 0.5),  # two halves swapped: 2 of 4 kept in order
        ("d c b a", "a b c d", 0.75),  # reversed: only 1 of 4 in order
        ("a b", "c d", 0.0),  # nothing shared
    ],
)
def test_order_loss(a, b, expected):
    assert order_loss(a.split(), b.split()) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "n", "expected"),
    [
        ("a b c d", "x a b c d y", 2, 1.0),
        ("a b c d", "a b x c d", 2, 2 / 3),  # "b c" is broken
        ("a b c d", "d c b a", 2, 0.0),
        ("a b", "a b c", 3, 0.0),  # too short for a trigram
        ("a b a b", "b a", 1, 1.0),  # distinct n-grams: {a, b}
    ],
)
def test_ngram_containment(a, b, n, expected):
    assert ngram_containment(a.split(), b.split(), n) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SOURCE,
            {
                "containment": 1.0,
                "verbatim_share": 1.0,
                "exact_share": 1.0,
                "new_sentences": 0.0,
                "mean_ordered": 1.0,
                "order_loss": 0.0,
                "ngram_8": 1.0,
                "revision": "cut",
                "derivation": "wholly",
            },
        ),
        # words swapped for synonyms, the two sentences joined, the order kept: the
        # corpus's definition of a light revision
        (
            "With approximately 1,500 troops stationed in Niger as part of France's broader "
            "efforts against jihadists in the Sahel, the country has become a crucial hub.",
            {"exact_share": 0.0, "new_sentences": 0.0, "order_loss": 0.0, "revision": "light"},
        ),
        # the same facts restructured: the second sentence first, clauses moved
        (
            "After coups in Mali and Burkina Faso forced French troops out, Niger became a "
            "crucial hub for France. It keeps some 1,500 troops there to fight jihadists in "
            "the Sahel.",
            # every sentence reworded from the source and nothing else: the news model
            # (METER's sense) calls a short rewrite with no other source wholly derived
            {"exact_share": 0.0, "new_sentences": 0.0, "derivation": "wholly"},
        ),
        (
            "As geopolitical landscapes continue to evolve, it is crucial for countries to "
            "reassess their strategies and partnerships to ensure stability.",
            {
                "containment": 0.0,
                "verbatim_share": 0.0,
                "exact_share": 0.0,
                "new_sentences": 1.0,
                "mean_ordered": 0.0,
                "derivation": "non",
            },
        ),
    ],
)
def test_derivation_scores(text, expected):
    article, source = parse_article("a", "", text), parse_article("s", "", SOURCE)
    aligned = align_sentences(article.sentences, source.sentences)
    scores = derivation_scores(article.sentences, aligned, source.sentences)
    assert {k: scores[k] for k in expected} == expected


@pytest.fixture(scope="module")
def primary(seeds):
    table = analyse_rewrites(seeds).derivation
    table = table[table["primary"]]
    return {
        row.article_id[:3]: (row.derivation, row.revision) for row in table.itertuples(index=False)
    }


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        # a paraphrase of the whole AFP story, its paragraphs in the same order: every word
        # reworded in place, nothing from elsewhere (a light revision, METER wholly derived)
        ("000", ("wholly", "light")),
        # near-verbatim AFP rewrite; measured against the consensus of 000 and 002 (never
        # its own text), where their ties keep 000's paraphrase: a light revision of that
        ("001", ("wholly", "light")),
        ("002", ("wholly", "light")),  # near-verbatim AFP rewrite, split and reordered
        ("003", ("non", "non")),  # later article on a related development
        ("004", ("non", "non")),  # translation of a dpa story
    ],
)
def test_seed_derivation_against_the_consensus(primary, seed, expected):
    assert primary[seed] == expected


def test_nothing_aligned_is_non_with_its_reason():
    values = {"n_aligned": 0, "containment": 0.0}
    assert classify_derivation(values) == (
        "non",
        "nothing_aligned",
        "no sentence of the article aligns with the source",
    )


def test_the_news_model_decides_and_says_what_it_read():
    values = {"n_aligned": 4, "log_ngram_2": 0.0, "log_n_words": 5.0, "order_loss": 0.0}
    label, decided_by, reason = classify_derivation({**values, "containment": 1.0})
    assert (label, decided_by) == ("wholly", "news_model")
    assert reason.startswith("wholly (p=") and "containment 1.00" in reason
    assert load_news_model().features == NEWS_FEATURES


def test_one_sentence_keeps_its_class_but_says_it_is_too_short():
    values = {"n_aligned": 1, "log_ngram_2": 0.0, "log_n_words": 3.3, "order_loss": 0.0}
    label, decided_by, reason = classify_derivation(
        {**values, "containment": 1.0, "n_sentences": 1}
    )
    assert (label, decided_by) == ("wholly", "too_short")
    assert reason.startswith(
        "one sentence, from the source: too short to say how much of a story it takes "
        "(the model reads wholly (p="
    )
    two = classify_derivation({**values, "containment": 1.0, "n_sentences": 2})
    assert two[:2] == ("wholly", "news_model")


def test_revision_never_contradicts_derivation():
    values = {"containment": 0.9, "exact_share": 1.0, "mean_ordered": 1.0, "order_loss": 0.0}
    assert revision_kind(values, "non") == "non"
    assert revision_kind(values, "wholly") == "cut"


def test_no_source_row_is_non_and_says_why():
    scores = no_source_scores(3, 40, "alone")
    assert (scores["derivation"], scores["revision"], scores["decided_by"]) == (
        "non",
        "non",
        "no_source",
    )
    assert scores["reason"] == "alone" and scores["n_words"] == 40
    assert scores["containment"] == 0.0 and scores["new_sentences"] == 1.0


def _sentences(text: str):
    return parse_article("x", "", text).sentences


def test_a_run_of_names_numbers_and_common_words_is_no_evidence_of_copying():
    """The same names, figures and court phrase in two reports of one hearing are not a
    copied run; the same run with informative words is. Quoted words never count."""
    from wiretrace.rewrites.derive import unquoted_run

    court = "Her friend Julie Harvey, 34, was jailed for 18 months for her part in it."
    other = "Friend Julie Harvey, 34, was jailed for 18 months for her part in the plot."
    assert unquoted_run(_sentences(court), _sentences(other)) == 0
    assert unquoted_run(_sentences(court), _sentences(other), informative_min=0) >= 12
    moon = "The missing 12.7 million miles would stretch to the moon and back 25 times."
    assert unquoted_run(_sentences(moon), _sentences("Police said: " + moon)) == 14
    quoted = "He said: 'The missing miles would stretch to the moon and back many times.'"
    assert unquoted_run(_sentences(quoted), _sentences(quoted.replace("He", "She"))) == 0


def test_without_wire_a_derived_class_needs_evidence_of_copying(seeds):
    from wiretrace.rewrites.derive import classify_derivation, derivation_features

    article, source = seeds.ok[2].sentences, seeds.ok[1].sentences  # 002 against 001
    values = derivation_features(article, align_sentences(article, SourceIndex(source)), source)
    assert classify_derivation(values)[0] == "wholly"
    assert classify_derivation(values, run_min=values["unquoted_run"])[0] == "wholly"
    label, decided_by, reason = classify_derivation(values, run_min=values["unquoted_run"] + 1)
    assert (label, decided_by) == ("non", "copying_evidence")
    assert "outside quotations" in reason
