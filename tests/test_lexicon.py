"""Tests for wiretrace.language.lexicon: dictionaries, spelling variants, lemmas, word classes."""

from __future__ import annotations

import pytest

from wiretrace.language.lexicon import (
    in_us_dictionary,
    in_us_dictionary_exact_case,
    in_wordfreq,
    is_word,
    load_lexicon,
    same_lemma,
    spelling_key,
    zipf,
)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("defence", "defense"),
        ("immobilised", "immobilized"),
        ("neighbouring", "neighboring"),
        ("colour", "color"),
        ("centre", "center"),
        ("travelled", "traveled"),
        ("four", "four"),  # an American word stays itself, never "for"
        ("aftre", "aftre"),  # a non-word is not read as "after"
    ],
)
def test_spelling_key(word, key):
    assert spelling_key(word) == key


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("defence", True),
        ("defense", True),
        ("illegitimate", True),
        ("Niamey", True),
        ("post-coup", True),
        ("toas", False),
        ("Sahelafter", False),
    ],
)
def test_is_word(word, expected):
    assert is_word(word) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("said", "says", True), ("troops", "troop", True), ("renounced", "suspended", False)],
)
def test_same_lemma(a, b, expected):
    assert same_lemma(a, b) is expected


def test_lexicon_classes():
    lex = load_lexicon()
    assert lex.verb_class["renounce"] == ("end", "end for good")
    assert lex.verb_class["suspend"] == ("pause", "pause (can be resumed)")
    assert lex.modality["reportedly"][0] == "hearsay"
    assert "not" in lex.negators
    assert lex.synonym["fresh"] == lex.synonym["new"]
    assert lex.synonym.get("purchase") is None


def test_benchmark_substitutions_are_held_out_of_the_lexicon():
    """The injected and benign substitutions of wtbench.errors are not lexicon words."""
    import wtbench.errors as bench

    lex_words = load_lexicon().words()
    held_out = set(bench.HELD_OUT_VERBS) | set(bench.HELD_OUT_NOUNS)
    held_out |= set(bench.HELD_OUT_ADJECTIVES)
    held_out |= {w for pair in bench.HELD_OUT_SYNONYMS for w in pair}
    held_out |= {n.lower() for names in bench.HELD_OUT_NAMES.values() for n in names}
    assert held_out & lex_words == set()


@pytest.mark.parametrize("word", ["colonial", "colonail", "toast", "toas", "withdrawl", "Niger"])
def test_in_wordfreq_is_zipf_above_zero(word):
    assert in_wordfreq(word.lower()) == (zipf(word.lower()) > 0)


def test_in_wordfreq_takes_the_word_as_it_is():
    assert in_wordfreq("colonial") and not in_wordfreq("Colonial")


def test_exact_case_lookup_does_not_try_lower_case():
    """ "Cat" is a word in lower case only: the plain lookup accepts it capitalised, the
    exact-case one does not; a name is accepted only capitalised."""
    assert in_us_dictionary("Cat") and not in_us_dictionary_exact_case("Cat")
    assert in_us_dictionary_exact_case("cat")
    assert in_us_dictionary_exact_case("Paris") and not in_us_dictionary_exact_case("paris")
    assert not in_us_dictionary_exact_case("")
