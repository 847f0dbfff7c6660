from __future__ import annotations

import math

import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.report.readability import MEASURES, readability, readability_table

SHORT = "The cat sat. The dog ran. The sun set."
LONG = (
    "Notwithstanding considerable diplomatic complications, the administration "
    "systematically reconsidered its international military commitments."
)


@pytest.mark.parametrize(
    ("text", "n_sentences", "n_words", "words_per_sentence"),
    [(SHORT, 3, 9, 3.0), (LONG, 1, 12, 12.0)],
)
def test_components_use_wiretrace_sentences_and_words(
    text, n_sentences, n_words, words_per_sentence
):
    scores = readability(parse_article("t", "t.txt", text))
    assert (scores["n_sentences"], scores["n_words"], scores["words_per_sentence"]) == (
        n_sentences,
        n_words,
        words_per_sentence,
    )
    assert set(scores) == set(MEASURES)


def test_formulas_run_the_right_way():
    easy = readability(parse_article("easy", "e.txt", SHORT))
    hard = readability(parse_article("hard", "h.txt", LONG))
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    assert easy["flesch_kincaid_grade"] < hard["flesch_kincaid_grade"]
    assert easy["syllables_per_word"] < hard["syllables_per_word"]


def test_table_gives_deltas_against_the_source(seeds):
    source = seeds["001_d598337ef24b6ebd"]
    table = readability_table(
        seeds, sources={"wire": source}, source_of={"002_81e9dda9929231ae": "wire"}
    ).set_index("article_id")
    assert table.loc["wire", "role"] == "source"
    delta = table.loc["002_81e9dda9929231ae", "delta_words_per_sentence"]
    expected = (
        table.loc["002_81e9dda9929231ae", "words_per_sentence"]
        - table.loc["wire", "words_per_sentence"]
    )
    assert delta == pytest.approx(expected, abs=0.011)
    assert delta < 0  # the WION version splits the AFP sentences
    assert math.isnan(
        table.loc["000_5ceb88a01bc13192", "delta_words_per_sentence"]
    )  # no source given


def test_memoised_counts_give_textstats_own_figures(seeds):
    import textstat

    from wiretrace.report.readability import FORMULAS

    for article in seeds.ok:
        body = "\n".join(s.text for s in article.sentences)
        for name, (fn, _) in FORMULAS.items():
            assert fn(body) == getattr(textstat, fn.__name__)(body), name
        counts = FORMULAS["smog_index"][0].__self__
        assert counts.polysyllabcount(body) == textstat.polysyllabcount(body)
        assert counts.syllable_count(body) == textstat.syllable_count(body)
        assert counts.syllable_count("withdrawal") == textstat.syllable_count("withdrawal")
    odd = (
        "Niger\u2019s post-coup rulers \u2014 \u201cswift departure\u201d (1,500 troops) "
        "... \u039f\u0394\u039f\u03a3 it's"
    )
    assert counts.syllable_count(odd) == textstat.syllable_count(odd)
    assert counts.polysyllabcount(odd) == textstat.polysyllabcount(odd)
