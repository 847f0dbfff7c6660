"""The error findings of a corpus: every aligned sentence checked, as a ``findings`` table.

:func:`find_errors` takes the ``alignments`` table of the rewrite-detection stage and the
sources, runs :func:`~wiretrace.findings.compare.compare_sentences` on each aligned
sentence and :func:`~wiretrace.findings.compare.check_new_sentence` on each sentence with
no source, and returns the ``findings`` table (``schema.FINDING_COLUMNS`` plus
:data:`~wiretrace.findings.finding.FINDING_EXTRA_COLUMNS`, each row built by
:func:`~wiretrace.findings.finding.finding_row`); :func:`find_artifacts` reports
what needs no source (machine-translation artefacts, non-words, generic filler) in
articles that are not rewrites of a source. How a pair is compared, the kinds and their
severities: see :mod:`wiretrace.findings.compare`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import pandas as pd

from wiretrace import schema
from wiretrace.findings.compare import check_new_sentence, compare_sentences
from wiretrace.findings.finding import FINDING_EXTRA_COLUMNS, Finding, finding_row, with_words
from wiretrace.findings.words import ErrorContext, WordIndex
from wiretrace.language.lexicon import load_lexicon
from wiretrace.language.text import Sentence, fold
from wiretrace.rewrites.align import wording
from wiretrace.rewrites.derive import unquoted_run

#: A sentence is compared with its source only inside a copied passage: it or a
#: neighbour shares a run of at least this many words with its source wording, outside
#: quotations (see :func:`copied_sentences`). Elsewhere the likeness is the same facts,
#: names and quotations, which reporters share without copying, and a difference is not
#: an error.
PASSAGE_RUN_MIN = 6
#: Alignment that refuses: a sentence is not compared with source wording of more than
#: this many times its words (plus ``REFUSE_SLACK``). Such a pair shares a topic (a
#: sentence that sums up a quoted statement), not a wording, and its differences are
#: noise, not errors.
REFUSE_RATIO = 3
REFUSE_SLACK = 10


def sentence_run(text: str, source_text: str) -> int:
    """The longest run of words ``text`` shares with ``source_text``, outside quotations
    (any words: inside a passage the article is shown to copy, a run of six is enough)."""
    if not source_text:
        return 0
    return unquoted_run(
        [Sentence(0, text, 0, len(text))],
        [Sentence(0, source_text, 0, len(source_text))],
        informative_min=0,
    )


def copied_sentences(alignments: pd.DataFrame, sources: Mapping) -> set[tuple[str, int]]:
    """``(article_id, sentence_id)`` of the sentences that may be compared with their
    source: inside a copied passage (the sentence, the one before or the one after shares
    a run of ``PASSAGE_RUN_MIN`` words with its source wording outside quotations), and
    with source wording not far longer than the sentence (``REFUSE_RATIO``). Against given
    wire copy (a source whose ``role`` is ``wire``) every sentence of a derived article is
    inside a copied passage: the derivation itself is measured against the text the
    article was written from."""
    runs: dict[tuple[str, int], int] = {}
    unlike: set[tuple[str, int]] = set()
    for row in alignments.itertuples(index=False):
        key = (row.article_id, int(row.sentence_id))
        source_text = row.source_text if isinstance(row.source_text, str) else ""
        source = sources.get(row.source_id) if isinstance(row.source_id, str) else None
        if source_text and _too_unlike(row.text, source_text):
            unlike.add(key)
        elif getattr(source, "role", "") == "wire":
            runs[key] = PASSAGE_RUN_MIN
        elif row.label != "new" and source_text:
            runs[key] = sentence_run(row.text, source_text)
    copied = {key for key, run in runs.items() if run >= PASSAGE_RUN_MIN}
    near = {(a, sentence_id + step) for a, sentence_id in copied for step in (-1, 0, 1)}
    return near - unlike


def _too_unlike(text: str, source_text: str) -> bool:
    """True when the source wording is far longer than the sentence (``REFUSE_RATIO``)."""
    n_text, n_source = len(wording(text).keys), len(wording(source_text).keys)
    return n_source > REFUSE_RATIO * n_text + REFUSE_SLACK


#: The language the word checks are written for (lexicons, dictionaries, spaCy model).
CHECKED_LANGUAGE = "en"


def checked_articles(corpus) -> set[str]:
    """The ids of the articles the error checks run on: those in English
    (:data:`CHECKED_LANGUAGE`). Every check reads English word lists, so a German or
    French article would get English typo checks ("'discute' runs two words together")."""
    return {a.article_id for a in corpus.articles if a.language == CHECKED_LANGUAGE}


def _source_offset(row, source, source_text: str) -> int:
    """Where ``source_text`` starts in the source's text, or -1 when it cannot be placed."""
    if source is None or not source_text:
        return -1
    start = getattr(row, "source_start", -1)
    try:
        start = int(start)
    except (TypeError, ValueError):
        start = -1
    if start >= 0 and source.text[start : start + len(source_text)] == source_text:
        return start
    found = source.text.find(source_text)
    return found


def _contested(source) -> list[tuple[int, int]]:
    """Spans of a consensus source where the witnesses were split (``contested`` parts)."""
    parts = getattr(source, "parts", None) or []
    return [(p.start, p.end) for p in parts if getattr(p, "kind", "") == "contested"]


def find_errors(
    corpus,
    alignments: pd.DataFrame,
    sources: Mapping,
    words: WordIndex | None = None,
    undecided: Collection[str] = frozenset(),
    copied: set[tuple[str, int]] | None = None,
) -> pd.DataFrame:
    """The ``findings`` table for every aligned sentence of the corpus.

    ``alignments`` is the rewrite stage's table (``schema.ALIGNMENT_COLUMNS`` plus
    ``start``; ``source_text`` empty and ``label`` ``new`` for sentences with no source);
    ``sources`` maps each ``source_id`` to an Article-like object with ``.text``. Copying
    first, then errors: a sentence is compared with its source (an aligned one by
    :func:`~wiretrace.findings.compare.compare_sentences`, a new one checked as an
    addition by :func:`~wiretrace.findings.compare.check_new_sentence`) only inside a
    copied passage and when the source wording is not far longer than the sentence
    (:func:`copied_sentences`); elsewhere it gets the checks that need no source
    (artefacts, non-words). A word attested by another article of the corpus or by
    a source is never a typo. A new sentence's specifics are supported by the wire copy when
    the article's source is wire copy, else by any other version or source of its story.
    A difference inside a ``contested`` span of a consensus
    source (the witnesses were split), or from the other version of a pair whose
    direction is unknown (articles in ``undecided``), is a ``variant``
    (:mod:`wiretrace.findings.checks.variant`), with ``contested`` True in the first case.
    ``words`` is the audit's :class:`WordIndex` (built here over the corpus and
    ``sources`` when not given), ``copied`` the audit's :func:`copied_sentences` (computed
    here when not given). Returns ``schema.FINDING_COLUMNS`` plus
    :data:`FINDING_EXTRA_COLUMNS`; ``start``/``end`` are offsets into the article's text.
    Attribution kinds are not produced here, and only articles in English are checked
    (:func:`checked_articles`). Every finding names wording with words
    (:func:`~wiretrace.findings.finding.with_words`): a drop names the sentence it was
    dropped from, and a difference of punctuation alone is no finding.
    """
    columns = [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    if alignments is None or len(alignments) == 0:
        return schema.empty(columns)
    words = words or WordIndex(corpus, sources)
    if copied is None:
        copied = copied_sentences(alignments, sources)
    on_wire = {
        row.article_id
        for row in alignments.itertuples(index=False)
        if getattr(sources.get(row.source_id), "role", "") == "wire"
    }
    contexts: dict[str, ErrorContext] = {}
    checked = checked_articles(corpus)
    rows = []
    for row in alignments.itertuples(index=False):
        article_id = row.article_id
        if article_id not in checked:
            continue
        if article_id not in contexts:
            # Against wire copy only the wire supports a new claim; without it every other
            # version is a witness, and a sentence two of them share is in the source.
            known = words.attested(article_id)
            supported = words.attested(article_id, sources_only=True)
            contexts[article_id] = ErrorContext(
                known, supported if article_id in on_wire else known
            )
        rows += _sentence_rows(
            row,
            sources,
            contexts[article_id],
            (article_id, int(row.sentence_id)) in copied,
            article_id in undecided,
        )
    if not rows:
        return schema.empty(columns)
    return pd.DataFrame(rows, columns=columns)


def _sentence_rows(row, sources: Mapping, context: ErrorContext, copied: bool, undecided: bool):
    """The findings rows of one alignment row (see :func:`find_errors`)."""
    source_text = row.source_text if isinstance(row.source_text, str) else ""
    source_id = row.source_id if isinstance(row.source_id, str) else ""
    source_base = _source_offset(row, sources.get(source_id), source_text)
    spans = [
        (start - source_base, end - source_base)
        for start, end in _contested(sources.get(source_id))
        if source_base >= 0 and end >= source_base and start <= source_base + len(source_text)
    ]
    if not copied:
        found = [
            f for f in check_new_sentence(row.text, context) if f.kind != "unsupported_addition"
        ]
    elif row.label == "new" or not source_text.strip():
        found = check_new_sentence(row.text, context, undecided=undecided)
    else:
        found = compare_sentences(
            source_text, row.text, context, undecided=undecided, contested=spans
        )
    rows = []
    for f in filter(None, (with_words(f, row.text) for f in found)):
        source_start = source_end = -1
        if source_base >= 0 and f.source_start >= 0:
            source_start, source_end = source_base + f.source_start, source_base + f.source_end
        rows.append(
            finding_row(
                f,
                row.article_id,
                source_id,
                shift=int(row.start),
                sentence_id=int(row.sentence_id),
                source_start=source_start,
                source_end=source_end,
                contested=f.kind == "variant" and not undecided,
            )
        )
    return rows


def _has_filler_cue(text: str) -> bool:
    """True when the sentence holds a phrase of generic commentary from the lexicon."""
    folded = fold(text).lower()
    return any(cue in folded for cue in load_lexicon().filler_cues)


def _artifacts_of(text: str, context: ErrorContext) -> list[Finding]:
    """The findings :func:`find_artifacts` keeps of one sentence ``text`` (offsets into it)."""
    generic = _has_filler_cue(text)
    found = [
        f
        for f in check_new_sentence(text, context)
        if f.kind != "unsupported_addition"
        or (f.severity == "low" and context.known_words and generic)
    ]
    return list(filter(None, (with_words(f, text) for f in found)))


def find_artifacts(
    corpus, article_ids: Iterable[str] | None = None, words: WordIndex | None = None
) -> pd.DataFrame:
    """Findings that need no source, for articles not derived from one.

    An article that is not a rewrite of the cluster's source (a later story, a machine
    translation of another agency's report) has no wording to compare with, but can still
    carry machine-translation artefacts, non-words and generic filler. For each sentence
    of the articles in ``article_ids`` (default: every ok, non-wire article; English ones
    only, see :func:`checked_articles`) this reports
    the sentence checks of :func:`~wiretrace.findings.compare.check_new_sentence`
    (machine-translation artefacts, non-words, run-together words) and, as
    ``unsupported_addition`` with severity ``low``, sentences with no name, number, date or
    quotation whose words the other articles mostly lack and that use a phrase of generic
    commentary from the lexicon (``filler_cue``: "it is crucial", "continue to evolve");
    an original article's own reporting is not called filler, and nothing is judged in a
    corpus of one article, where there is nothing to compare with. New sentences
    with specifics are not reported here: in an article that is not a rewrite every
    sentence is new. ``words`` is the audit's :class:`WordIndex` (built here over the
    corpus when not given). Returns the same columns as :func:`find_errors`
    (``source_id`` empty, source offsets -1, ``contested`` False).
    """
    columns = [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    articles = [a for a in corpus.ok if a.role != "wire" and a.language == CHECKED_LANGUAGE]
    if article_ids is not None:
        wanted = set(article_ids)
        articles = [a for a in articles if a.article_id in wanted]
    if not articles:
        return schema.empty(columns)
    words = words or WordIndex(corpus)
    rows = []
    for article in articles:
        context = ErrorContext(words.attested(article.article_id))
        read: dict[str, list[Finding]] = {}  # a sentence the article repeats is read once
        for sentence in article.sentences:
            found = read.get(sentence.text)
            if found is None:
                found = read[sentence.text] = _artifacts_of(sentence.text, context)
            rows += [
                finding_row(
                    f, article.article_id, shift=sentence.start, sentence_id=sentence.sentence_id
                )
                for f in found
            ]
    if not rows:
        return schema.empty(columns)
    return pd.DataFrame(rows, columns=columns)
