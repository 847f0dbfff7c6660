"""Word knowledge for the error checks: dictionaries, lemmas, spelling variants, word classes.

Everything here answers a question about one word or a pair of words and is offline:

- *Is this a word?* The SCOWL ``en_GB-large`` word list shipped with ERRANT (Bryant et
  al., 2017), the Hunspell ``en_US`` dictionary shipped with spylls, and wordfreq's Zipf
  frequency (Speer, 2022), so British and American spellings both count as words.
- *Same word, other spelling?* :func:`spelling_key` maps a British-only form to its
  American form with the usual rules (-our/-or, -ise/-ize, -yse/-yze, -ence/-ense,
  -tre/-ter, -ogue/-og, doubled l before a suffix), accepted only when the result is an
  American dictionary word and the British form is not (so "four" never becomes "for").
- *Same lemma?* lemminflect's lemma tables (all parts of speech).
- *What does the word do?* ``data/lexicon.csv``: negators, modal and hedging words with
  their group, verb classes with a gloss ("renounce": end for good, "suspend": pause),
  groups of news-register synonyms, approximators ("about", "more than"), vague
  quantity and time words, and country/demonym groups. Words are lemmas, lower case.

The CSV is data a reviewer can extend; the error-injection benchmark draws its injected
substitutions from separate lists (see the error benchmark, ``wtbench.errors``), never
from this one.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wiretrace.language.resources import data_path

LEXICON_PATH = data_path("lexicon.csv")

#: British -> American spelling rules, tried in order; each is (pattern, replacement).
_GB_US_RULES = [
    (re.compile(r"our(s|ed|ing|ite|ites|able|ably|ful|less)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"tred$"), r"tered"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ae"), "e"),
    (re.compile(r"oe"), "e"),
    (re.compile(r"mme(s)?$"), r"m\1"),
]


@dataclass(frozen=True)
class Lexicon:
    """The word classes of ``data/lexicon.csv``, keyed by lower-case lemma or word."""

    negators: frozenset[str]
    #: word -> (group, gloss); groups: future, obligation, possibility, ability,
    #: likelihood, hearsay, certainty.
    modality: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: verb lemma -> (class, gloss).
    verb_class: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: lemma -> synonym group.
    synonym: dict[str, str] = field(default_factory=dict)
    #: word -> approximator group (about, under, over, exact).
    approximator: dict[str, str] = field(default_factory=dict)
    vague: frozenset[str] = frozenset()
    #: lower-case country or demonym -> country group.
    demonym: dict[str, str] = field(default_factory=dict)
    #: phrases of generic commentary ("it is crucial", "continue to evolve"): a sentence
    #: of an article that is not a rewrite is called filler only when it has one.
    filler_cues: tuple[str, ...] = ()

    def words(self) -> set[str]:
        """Every word the lexicon holds (used to keep benchmark lists disjoint from it)."""
        return (
            set(self.negators)
            | set(self.modality)
            | set(self.verb_class)
            | set(self.synonym)
            | set(self.approximator)
            | set(self.vague)
            | set(self.demonym)
        )


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = LEXICON_PATH) -> Lexicon:
    """Read the lexicon CSV (columns ``category, word, group, gloss``)."""
    negators: set[str] = set()
    modality: dict[str, tuple[str, str]] = {}
    verb_class: dict[str, tuple[str, str]] = {}
    synonym: dict[str, str] = {}
    approximator: dict[str, str] = {}
    vague: set[str] = set()
    demonym: dict[str, str] = {}
    filler_cues: list[str] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            category, word = row["category"], row["word"].strip().lower()
            group, gloss = row["group"].strip(), row["gloss"].strip()
            if category == "negator":
                negators.add(word)
            elif category == "modality":
                modality[word] = (group, gloss)
            elif category == "verb_class":
                verb_class[word] = (group, gloss)
            elif category == "synonym":
                synonym[word] = group
            elif category == "approximator":
                approximator[word] = group
            elif category == "vague":
                vague.add(word)
            elif category == "demonym":
                demonym[word] = group
            elif category == "filler_cue":
                filler_cues.append(word)
            else:
                raise ValueError(f"{path}: unknown category {category!r}")
    return Lexicon(
        frozenset(negators),
        modality,
        verb_class,
        synonym,
        approximator,
        frozenset(vague),
        demonym,
        tuple(filler_cues),
    )


# ----------------------------------------------------------------------- dictionaries


@lru_cache(maxsize=1)
def gb_words() -> frozenset[str]:
    """The lower-case words of the SCOWL en_GB list shipped with ERRANT (British spellings)."""
    import errant

    path = Path(errant.__file__).parent / "en" / "resources" / "en_GB-large.txt"
    text = path.read_text(encoding="utf-8", errors="replace")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def _us_dictionary():
    import spylls.hunspell

    base = Path(spylls.hunspell.__file__).parent / "data" / "en" / "en_US"
    return spylls.hunspell.Dictionary.from_files(str(base))


@lru_cache(maxsize=65536)
def in_us_dictionary(word: str) -> bool:
    """True when Hunspell's ``en_US`` dictionary accepts ``word`` (case as given)."""
    return bool(word) and _us_dictionary().lookup(word)


def in_us_dictionary_exact_case(word: str) -> bool:
    """True when Hunspell's ``en_US`` dictionary accepts ``word`` in exactly this case.

    For a capitalised word, :func:`in_us_dictionary` also tries it in lower case; a caller
    that has just looked up the lower-case form saves that second lookup with this one."""
    return bool(word) and _us_dictionary().lookuper(word, capitalization=False)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English: 0 (unseen) to about 8 ("the")."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def _wordfreq_words() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def in_wordfreq(word: str) -> bool:
    """True when wordfreq's English list holds ``word`` as it is: for a lower-case word of
    letters, the same as ``zipf(word) > 0`` at a dictionary lookup's cost (``zipf`` first
    tokenises its word; the list is read once, in about a second)."""
    return word in _wordfreq_words()


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """True when ``word`` is an English word or a known name in any of the resources.

    Accepted: in the British word list (as given, lower-cased or capitalised), in the
    American Hunspell dictionary, or with a Zipf frequency of 3 or more (about once per
    million words). Hyphenated words count when every part does.
    """
    if not word:
        return False
    if "-" in word:
        return all(is_word(part) for part in word.split("-") if part)
    gb = gb_words()
    lower = word.lower()
    if word in gb or lower in gb or lower.capitalize() in gb:
        return True
    if in_us_dictionary(word) or in_us_dictionary(lower):
        return True
    return zipf(lower) >= 3.0


@lru_cache(maxsize=200_000)
def spelling_key(word: str) -> str:
    """``word`` (lower case) with a British-only spelling mapped to its American form.

    "defence" -> "defense", "immobilised" -> "immobilized", "neighbouring" ->
    "neighboring". Only words of the British list are mapped (so the non-word "aftre" is
    not read as "after"); a word Hunspell ``en_US`` already accepts is returned unchanged.
    """
    lower = word.lower()
    if not lower.isalpha() or not any(p.search(lower) for p, _ in _GB_US_RULES):
        return lower  # no rule could change it: no dictionary lookup needed
    if in_us_dictionary(lower) or lower not in gb_words():
        return lower
    for pattern, replacement in _GB_US_RULES:
        candidate = pattern.sub(replacement, lower, count=1)
        if candidate != lower and in_us_dictionary(candidate):
            return candidate
    return lower


@lru_cache(maxsize=65536)
def lemmas(word: str) -> dict[str, frozenset[str]]:
    """lemminflect's lemmas of ``word`` by universal part of speech (lower case)."""
    from lemminflect import getAllLemmas

    lower = word.lower()
    found = getAllLemmas(lower)
    out = {pos: frozenset(v.lower() for v in values) for pos, values in found.items()}
    if not out:
        out = {"X": frozenset({lower})}
    return out


def lemma_set(word: str) -> frozenset[str]:
    """Every lemma of ``word`` under any part of speech, plus the word itself."""
    out = {word.lower()}
    for values in lemmas(word).values():
        out |= values
    return frozenset(out)


def same_lemma(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` share a lemma ("said"/"says", "troops"/"troop")."""
    return bool(lemma_set(spelling_key(a)) & lemma_set(spelling_key(b)))


def can_be_verb(word: str) -> bool:
    """True when lemminflect knows ``word`` as a verb form."""
    return "VERB" in lemmas(word) or "AUX" in lemmas(word)


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, via rapidfuzz."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)
