"""Which language a text is in: py3langid's naive Bayes identifier, with English word
shares for short texts.

:func:`detect_language` returns an ISO 639-1 code (``'en'``, ``'de'``, ``'fr'``...),
:data:`NO_LANGUAGE` (``'zxx'``) for text in no recognisable language (random characters,
markup debris), or :data:`UNDETERMINED` (``'und'``) when neither the identifier nor the
English word share is confident. py3langid (Lui & Baldwin 2012, "langid.py: an
off-the-shelf language identification tool") ships its model in the package: nothing is
downloaded. The English word share (words with a wordfreq Zipf frequency of 3 or more)
decides short texts, for which the identifier is unsure ("Talks began on Monday.").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import islice

#: The code of text in no recognisable language (ISO 639-2 "no linguistic content").
NO_LANGUAGE = "zxx"
#: The code of text whose language could not be decided.
UNDETERMINED = "und"
#: The identifier reads at most this many characters of a text (the start decides).
MAX_CHARS = 10_000
#: The identifier's probability above which its answer is taken as it is.
CONFIDENT = 0.9
#: The share of common English words above which a text is English when the identifier
#: is unsure (the test wiretrace used before it had a detector).
ENGLISH_SHARE = 0.6
#: The share of letters among the visible characters below which a text the identifier
#: is unsure of is in no language: prose in any alphabet is mostly letters (news text
#: about 0.9), random printable characters are about half letters.
MIN_LETTER_SHARE = 0.75


def letter_share(text: str) -> float:
    """The share of letters among the characters of ``text`` that are not white space
    (the first :data:`MAX_CHARS`), in [0, 1]; 0 for blank text."""
    visible = [ch for ch in text[:MAX_CHARS] if not ch.isspace()]
    return sum(ch.isalpha() for ch in visible) / len(visible) if visible else 0.0


@cache
def _identifier():
    """py3langid's identifier with normalised probabilities (loaded once, ~2 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=200_000)
def _common_english(word: str) -> bool:
    # Cached: a wordfreq lookup costs ~20 us and was a fifth of loading time.
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.0


def english_share(words: Iterable[str]) -> float:
    """The share of the first 300 alphabetic ``words`` that are common English words
    (wordfreq Zipf frequency of 3 or more), in [0, 1]; 0 with no alphabetic word.
    ``words`` may be a generator: no word after the 300th is read."""
    sample = list(islice((w for w in words if w.isalpha()), 300))
    if not sample:
        return 0.0
    return sum(_common_english(w.lower()) for w in sample) / len(sample)


def identify(text: str) -> tuple[str, float]:
    """py3langid's best language for the first :data:`MAX_CHARS` characters of ``text``
    and its probability (in [0, 1]); ``'zxx'`` is its class for no linguistic content."""
    language, probability = _identifier().classify(text[:MAX_CHARS])
    return language, float(probability)


def detect_language(text: str, words: Iterable[str]) -> str:
    """The language of ``text`` (``words`` are its words, for the English share; an
    iterator is read only as far as the first 300 alphabetic words).

    The identifier's answer when its probability reaches :data:`CONFIDENT`; otherwise
    :data:`NO_LANGUAGE` when fewer than :data:`MIN_LETTER_SHARE` of its visible
    characters are letters; otherwise
    ``'en'`` when the English share reaches :data:`ENGLISH_SHARE`, else the identifier's
    answer when its probability is at least 0.5, else :data:`UNDETERMINED`. Text the
    identifier finds no language in with a probability of at least 0.5, and whose English
    share is below :data:`ENGLISH_SHARE`, is :data:`NO_LANGUAGE`.
    """
    language, probability = identify(text)
    if probability >= CONFIDENT and language != NO_LANGUAGE:
        return language  # the English share is not read
    if letter_share(text) < MIN_LETTER_SHARE:
        return NO_LANGUAGE
    share = english_share(words)
    if language == NO_LANGUAGE:
        if probability >= 0.5 and share < ENGLISH_SHARE:
            return NO_LANGUAGE
        return "en" if share >= ENGLISH_SHARE else UNDETERMINED
    if share >= ENGLISH_SHARE:
        return "en"
    return language if probability >= 0.5 else UNDETERMINED
