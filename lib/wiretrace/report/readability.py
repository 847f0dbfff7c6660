"""Readability of each version and its change against the source, with textstat.

:func:`readability` takes an article and returns its measures (:data:`MEASURES`);
:func:`readability_table` takes the corpus, the source texts and each article's source
id and returns the ``readability`` table: one row per text with the classic formulas
(Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall), their
components (sentences, words, words per sentence, syllables per word, share of words of
three or more syllables) and each one's change against the source. The formulas were
fitted on school texts of hundreds of words; on a 300-word news story they move a point
or two with one long sentence, so read a change of a few points as noise, and compare
versions of the same story rather than scores across stories.

textstat is pinned below 0.7.5: later releases either download NLTK's CMU dictionary at
first use (impossible offline) or ship without their own modules; 0.7.4 counts syllables
with pyphen's hyphenation patterns, which install with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd
from textstat.textstat import textstatistics

from wiretrace.ingest.corpus import Article, Corpus


class _Textstat(textstatistics):
    """textstat's formulas, with the syllables of each word counted once.

    textstat memoises its counts of the last 128 texts only, and counts a text's syllables
    word by word (pyphen's hyphenation points), so a long article counts "the" thousands
    of times. The counts of a word and pyphen's points of a word are kept here for the
    process's life: pure functions of the word, so the same figures, computed once.
    """

    def __init__(self) -> None:
        super().__init__()
        self._syllables: dict[str, int] = {}

    def set_lang(self, lang: str) -> None:
        """textstat's language setting, with pyphen's points memoised per word."""
        super().set_lang(lang)
        self.pyphen.positions = lru_cache(maxsize=200_000)(self.pyphen.positions)
        self._syllables = {}

    def polysyllabcount(self, text: str) -> int:
        """textstat's count of the words of ``text`` (split at white space) of three or
        more syllables, each distinct word counted once and weighed by its uses."""
        return sum(n for word, n in Counter(text.split()).items() if self.syllable_count(word) >= 3)

    def syllable_count(self, text: str, lang: str | None = None) -> int:
        """textstat's syllable count of ``text``: its words' counts (textstat lower-cases
        the text, drops its punctuation and counts word by word, so each distinct word
        is counted once and weighed by its uses), each word's kept."""
        words = text.split()
        if len(words) > 1:
            return sum(n * self.syllable_count(w, lang) for w, n in Counter(words).items())
        count = self._syllables.get(text)
        if count is None:
            count = self._syllables[text] = super().syllable_count(text, lang)
        return count


_TEXTSTAT = _Textstat()

#: Column name -> (textstat function, higher means easier?)
FORMULAS = {
    "flesch_reading_ease": (_TEXTSTAT.flesch_reading_ease, True),
    "flesch_kincaid_grade": (_TEXTSTAT.flesch_kincaid_grade, False),
    "gunning_fog": (_TEXTSTAT.gunning_fog, False),
    "smog_index": (_TEXTSTAT.smog_index, False),
    "dale_chall": (_TEXTSTAT.dale_chall_readability_score, False),
}
COMPONENTS = [
    "n_sentences",
    "n_words",
    "words_per_sentence",
    "syllables_per_word",
    "polysyllable_share",
]
MEASURES = [*FORMULAS, *COMPONENTS]


def readability(article: Article) -> dict[str, float]:
    """Readability measures of an article's body (metadata and boilerplate left out).

    Sentences and words are wiretrace's own (pysbd sentences, word tokens), so the
    components agree with the rest of the audit; the formulas are textstat's, run on the
    body with one sentence per line. Scores are rounded to two decimals.
    """
    body = "\n".join(s.text for s in article.sentences)
    n_words = article.n_words
    n_sentences = len(article.sentences)
    out = {name: round(float(fn(body)), 2) for name, (fn, _) in FORMULAS.items()}
    syllables = _TEXTSTAT.syllable_count(body)
    out.update(
        n_sentences=n_sentences,
        n_words=n_words,
        words_per_sentence=round(n_words / n_sentences, 2) if n_sentences else 0.0,
        syllables_per_word=round(syllables / n_words, 2) if n_words else 0.0,
        polysyllable_share=round(_TEXTSTAT.polysyllabcount(body) / n_words, 3) if n_words else 0.0,
    )
    return out


def readability_table(
    corpus: Corpus,
    sources: Mapping[str, Article] | None = None,
    source_of: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per audited article (and per source text used): measures and their change.

    ``sources`` maps a source id (a wire article or a reconstructed consensus) to its
    text; ``source_of`` maps an article id to the source id it was compared with. Each
    article row then has ``source_id`` and a ``delta_<measure>`` column per formula and
    component: the article's value minus its source's (positive Flesch reading ease delta
    = easier than the source; positive grade, fog, SMOG or Dale-Chall delta = harder).
    Source rows have ``role='source'``.
    """
    sources = dict(sources or {})
    source_of = dict(source_of or {})
    rows = []
    for article in corpus.ok:
        rows.append(
            {"article_id": article.article_id, "role": article.role, **readability(article)}
        )
    for source_id, source in sorted(sources.items()):
        if source_id not in {r["article_id"] for r in rows}:
            rows.append({"article_id": source_id, "role": "source", **readability(source)})
    table = pd.DataFrame(rows, columns=["article_id", "role", *MEASURES])
    ids = table["article_id"].tolist()
    source_ids = [source_of.get(a, "") for a in ids]
    table["source_id"] = source_ids
    for measure in MEASURES:
        # numpy's rounding, as the table's own values would be rounded
        value = dict(zip(ids, table[measure].to_numpy(), strict=True))
        table[f"delta_{measure}"] = [
            np.round(value[a] - value[s], 2) if s and s in value and s != a else float("nan")
            for a, s in zip(ids, source_ids, strict=True)
        ]
    return table
