"""Derivation: how much of an article comes from a source, and its class.

:func:`derivation_scores` turns a sentence alignment (:mod:`wiretrace.rewrites.align`) into
document-level measures and a METER-style class (Clough et al., 2002). Every share is
in [0, 1] and, unless said otherwise, runs in one direction: how much the *article
borrows from the source*.

- ``containment``: the share of the article's words that the source accounts for, each
  aligned sentence counted with its similarity. 1.0 = every sentence copied word for word.
- ``reverse_containment``: the same measure the other way round, the share of the
  source's words that the article uses (low for a short article taken from a long wire
  story, or for a long wire story against a brief that copies it).
- ``similarity``: the harmonic mean of the two, symmetric; comparable between pairs of
  articles, not with ``containment``.
- ``verbatim_share``: the share of the article's words that lie in runs of at least
  ``RUN_MIN`` words copied in the source's word order (difflib equal blocks between each
  aligned sentence and its source wording).
- ``exact_share``: the share of the article's words in sentences copied whole (every
  word of the sentence in the aligned source wording, in order): cut and paste.
- ``verbatim_sentences`` / ``new_sentences``: the share of the article's sentences the
  aligner labels ``verbatim`` / ``new``.
- ``mean_similarity``: the mean similarity of the aligned (non-``new``) sentences, 0 when
  none is aligned.
- ``mean_ordered``: the mean, over the aligned sentences, of the share of each
  sentence's words in difflib equal blocks against its source wording (the aligner's
  ``ordered`` score), 0 when none is aligned: how much of the wording is kept in order
  where the article does reuse the source (high for a light edit, lower for a heavy one).
- ``order_loss``: how much of the wording the article shares with the source it puts in
  a different order, over the whole text: ``1 - LCS / overlap``, where ``overlap`` is the
  number of the article's word keys that the source also has (counted as a multiset, in
  any order) and ``LCS`` the number of them that difflib's longest matching blocks keep
  in the source's order. 0 = every shared word in source order (a copy, or a light edit
  that substitutes words in place); higher = the shared words restructured (sentences
  merged, split, reordered, clauses moved: a heavy revision); 0 when nothing is shared.
- ``unquoted_run``: the longest run of words the article shares with the source, in the
  same order, with no word inside a quotation and at least two informative words (not
  names, figures or the commonest words; :func:`unquoted_run`): copied wording, where the
  same quotations and the same names and numbers are what reporters of one event share
  without copying each other.
- ``ngram_1``, ``ngram_2``, ``ngram_3``, ``ngram_5``, ``ngram_8``: word n-gram
  containment, the share of the article's distinct n-grams of word keys (stems, see
  :func:`wiretrace.rewrites.align.stem`) that also occur in the source (Broder, 1997; the
  features of the Clough-Stevenson baseline).

Classes. ``derivation`` is the METER class (Clough et al., 2002): ``wholly`` (the source
is the article's only source), ``partially`` (one source among others) or ``non``
(written independently). It is decided by the *news model* (:func:`classify_derivation`):
a three-class logistic model on :data:`NEWS_FEATURES`, whose constants are read from
``data/derivation_news_model.json``. It was calibrated once, offline, by ``python -m
wtbench.meter --calibrate`` on the METER calibration split (425 UK newspaper articles of
98 court stories, each measured against the union of its story's Press Association
takes): the four features standardised, L2 penalty (C = 1), balanced class weights (each
class weighs as much in the fit), Newton's method from zero. An article none of whose
sentences aligns is ``non`` whatever the model says. ``wtbench.meter`` cross-validates the
procedure by story. Against a source rebuilt from the other versions (no wire copy given),
a derived class also needs evidence of copying: an ``unquoted_run`` of at least
:data:`COPYING_RUN_MIN` words (``decided_by`` ``copying_evidence`` when it is missing).

``revision`` is one of the four kinds of reuse of the Clough-Stevenson corpus (Clough and
Stevenson, 2011): ``cut`` (copy and paste), ``light`` (light revision), ``heavy`` (heavy
revision) or ``non``. :func:`revision_kind` takes it from the Clough-Stevenson model
(``data/derivation_model.json``, features :data:`MODEL_FEATURES`), choosing among the
three kinds of reuse once ``derivation`` says the article is derived, so the two never
disagree on whether it reuses its source. :func:`classify_revision` and :func:`classify`
are that model's own four-class answer and its METER mapping (``containment <
PARTIAL_MIN`` is ``non``), used by its benchmark. It was calibrated once, offline, by
``python -m wtbench.calibrate_derivation`` on the 95 answers of the Clough-Stevenson
corpus, each aligned with its Wikipedia source: the four features standardised and a
four-class logistic regression with an L2 penalty (C = 1, intercepts unpenalised) fitted
by Newton's method from zero (deterministic, no random seed needed). Nothing is fitted on
the corpus being audited.

How far to trust it: ``wtbench.clough_stevenson`` (in ``benchmarks/``) refits the model on
four folds and scores the fifth (the honest figures), runs the README baseline (word n-gram
containment + logistic regression) on the same folds, and reports the shipped
constants' figures on the whole corpus as in-sample. The features were chosen by
reasoning about the classes *after* exploring this corpus (``order_loss`` from the
corpus's instructions to its writers: a light revision keeps the order of the
information, a heavy one may split, combine and restructure sentences), so even the
cross-validated figures are somewhat optimistic; the benchmark also reports a fully
automatic choice of features inside each training fold, and the spread of the
difference from the baseline over 20 random fold draws. The seeds (articles scored
against the consensus of their witnesses) are a check of the shipped constants, not used
to fit either model.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wiretrace.language.matching import matcher
from wiretrace.language.resources import data_path
from wiretrace.language.text import Sentence
from wiretrace.language.units import inside_any, quotation_spans
from wiretrace.rewrites.align import SentenceAlignment, weight, wording

#: Below this containment an article is ``non`` derived whatever the model says (the
#: source accounts for under a fifth of it); also the stemma's floor for "derived".
PARTIAL_MIN = 0.2
#: Shortest run of words, copied in order, that counts towards ``verbatim_share``.
RUN_MIN = 4
#: Without wire copy, an article is derived from the other versions only when it shares a
#: run of at least this many words with them outside quotations (``unquoted_run``).
#: Chosen on the METER calibration split audited without its PA copy (see the README).
COPYING_RUN_MIN = 8
#: Informative words (:func:`informative`) a run needs to count as evidence of copying.
INFORMATIVE_MIN = 2
#: Word n-gram sizes of the ``ngram_<n>`` containment features.
NGRAM_SIZES = (1, 2, 3, 5, 8)
#: The shares measured besides ``containment``: candidate features and derivation columns.
SHARE_FEATURES = [
    "verbatim_share",
    "exact_share",
    "verbatim_sentences",
    "new_sentences",
    "mean_similarity",
    "mean_ordered",
    "order_loss",
    *(f"ngram_{n}" for n in NGRAM_SIZES),
]
#: The features the calibration may choose from (module docstring).
CANDIDATE_FEATURES = ["containment", *SHARE_FEATURES]
#: The features of the shipped model: one for each distinction the classes make,
#: ``containment`` (reuse or not: how much of the article the source accounts for),
#: ``exact_share`` (cut and paste or edited), ``mean_ordered`` (wording kept or
#: rewritten inside the sentences it reuses) and ``order_loss`` (the shared wording kept
#: in order or restructured: light or heavy revision).
MODEL_FEATURES = ("containment", "exact_share", "mean_ordered", "order_loss")
#: The four kinds of reuse (``revision``) and the derivation class each one maps to.
REVISION_CLASS = {"cut": "wholly", "light": "wholly", "heavy": "partially", "non": "non"}
#: Where the shipped model's constants live.
MODEL_PATH = data_path("derivation_model.json")
#: The features of the news model that decides ``derivation``: word 2-gram containment
#: (log: copied wording), the article's length in words (log: a newspaper that adds its own
#: reporting writes more), ``order_loss`` (the source's order of facts kept or not) and
#: ``containment`` (the share of the article the source accounts for, which survives
#: paraphrase); see :func:`news_features`.
NEWS_FEATURES = ("log_ngram_2", "log_n_words", "order_loss", "containment")
#: Where the news model's constants live (calibrated on METER, see the module docstring).
NEWS_MODEL_PATH = data_path("derivation_news_model.json")
#: What decided an article's ``derivation`` (the ``decided_by`` column).
DECIDERS = (
    "news_model",
    "nothing_aligned",
    "copying_evidence",
    "too_short",
    "stemma",
    "no_source",
)
#: The fewest sentences a derived class rests on the news model's judgement of a whole
#: article: a text of one sentence copied from the source is derived from it, but says
#: nothing of how much of a story it takes (``decided_by`` ``too_short``).
MIN_SENTENCES = 2
#: Extra columns of the derivation rows, after ``schema.DERIVATION_COLUMNS``.
DERIVATION_EXTRA_COLUMNS = [
    "reverse_containment",
    *SHARE_FEATURES,
    "n_words",
    "unquoted_run",
    "log_ngram_2",
    "log_n_words",
    "revision",
    "decided_by",
    "reason",
    "n_sentences",
    "n_aligned",
    "n_verbatim",
    "primary",
]


@dataclass(frozen=True)
class DerivationModel:
    """A multinomial logistic model over standardised features.

    The score of class ``labels[k]`` is ``intercept[k] + sum_j coef[k][j] * (x_j -
    mean[j]) / scale[j]`` for the features named in ``features``; the highest score
    wins (ties: the first label). ``about`` records how the constants were obtained.
    """

    features: tuple[str, ...]
    labels: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    about: str = ""

    def scores(self, values: Mapping[str, float]) -> dict[str, float]:
        """The linear score of every label for a dict of feature values."""
        z = [
            (values[f] - m) / s
            for f, m, s in zip(self.features, self.mean, self.scale, strict=True)
        ]
        return {
            label: b + sum(c * x for c, x in zip(row, z, strict=True))
            for label, row, b in zip(self.labels, self.coef, self.intercept, strict=True)
        }

    def probabilities(self, values: Mapping[str, float]) -> dict[str, float]:
        """Softmax of :meth:`scores`: the model's probability of each label, in [0, 1]."""
        scores = self.scores(values)
        top = max(scores.values())
        exp = {k: math.exp(v - top) for k, v in scores.items()}
        total = sum(exp.values())
        return {k: v / total for k, v in exp.items()}

    def predict(self, values: Mapping[str, float]) -> str:
        """The label with the highest score."""
        scores = self.scores(values)
        return max(self.labels, key=lambda label: (scores[label], -self.labels.index(label)))

    def to_dict(self) -> dict:
        """The constants as plain JSON-ready data."""
        return {
            "features": list(self.features),
            "labels": list(self.labels),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": [list(row) for row in self.coef],
            "intercept": list(self.intercept),
            "about": self.about,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> DerivationModel:
        """Rebuild a model from :meth:`to_dict` output."""
        return cls(
            features=tuple(data["features"]),
            labels=tuple(data["labels"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            coef=tuple(tuple(float(v) for v in row) for row in data["coef"]),
            intercept=tuple(float(v) for v in data["intercept"]),
            about=str(data.get("about", "")),
        )


def load_model(path: str | Path | None = None) -> DerivationModel:
    """The shipped Clough-Stevenson model (``MODEL_PATH``) or the one stored at ``path``."""
    return _shipped(MODEL_PATH) if path is None else read_model(path)


def load_news_model(path: str | Path | None = None) -> DerivationModel:
    """The shipped news model (``NEWS_MODEL_PATH``) or the one stored at ``path``."""
    return _shipped(NEWS_MODEL_PATH) if path is None else read_model(path)


def read_model(path: str | Path) -> DerivationModel:
    """A model stored as :meth:`DerivationModel.to_dict` JSON at ``path``."""
    return DerivationModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=2)
def _shipped(path: Path) -> DerivationModel:
    return read_model(path)


def classify_revision(values: Mapping[str, float], model: DerivationModel | None = None) -> str:
    """The kind of reuse (``cut``/``light``/``heavy``/``non``) for a dict of features.

    ``values`` holds at least ``containment`` and the model's features (as returned by
    :func:`derivation_scores`); ``model`` defaults to the shipped one. An article with
    ``containment < PARTIAL_MIN`` is ``non``.
    """
    if values["containment"] < PARTIAL_MIN:
        return "non"
    return (model or load_model()).predict(values)


def classify(values: Mapping[str, float], model: DerivationModel | None = None) -> str:
    """The derivation class (``wholly``/``partially``/``non``) for a dict of features.

    The METER class of :func:`classify_revision`'s answer (``REVISION_CLASS``).
    """
    return REVISION_CLASS[classify_revision(values, model)]


def classify_derivation(
    values: Mapping[str, float], model: DerivationModel | None = None, run_min: int = 0
) -> tuple[str, str, str]:
    """The derivation class of an article and what decided it: ``(class, decided_by, reason)``.

    ``values`` are :func:`derivation_features`; ``model`` defaults to the shipped news
    model (:data:`NEWS_FEATURES`). An article none of whose sentences aligns with the
    source is ``non`` (``decided_by`` ``nothing_aligned``); otherwise the model decides
    (``news_model``), and ``reason`` gives the feature values it read. With ``run_min``
    (the evidence of copying needed against a source rebuilt from other versions), a
    derived class with an ``unquoted_run`` shorter than it becomes ``non``
    (``copying_evidence``). A derived article of fewer than :data:`MIN_SENTENCES`
    sentences keeps the model's class with ``decided_by`` ``too_short``: its one sentence
    comes from the source, too little to weigh as a story.
    """
    if not values["n_aligned"]:
        return "non", "nothing_aligned", "no sentence of the article aligns with the source"
    model = model or load_news_model()
    label = model.predict(values)
    read = ", ".join(f"{f} {values[f]:.2f}" for f in model.features)
    probability = model.probabilities(values)[label]
    reason = f"{label} (p={probability:.2f}) from {read}"
    if label != "non" and run_min and values["unquoted_run"] < run_min:
        return (
            "non",
            "copying_evidence",
            (
                f"the model reads {reason}, but the longest run of words shared with the source "
                f"outside quotations is {values['unquoted_run']} (fewer than {run_min}): the "
                "same facts and quotations, not copied wording"
            ),
        )
    if label != "non" and values.get("n_sentences", MIN_SENTENCES) < MIN_SENTENCES:
        return (
            label,
            "too_short",
            (
                f"one sentence, from the source: too short to say how much of a story it "
                f"takes (the model reads {reason})"
            ),
        )
    return label, "news_model", reason


def revision_kind(values: Mapping[str, float], derivation: str) -> str:
    """The kind of reuse (``cut``/``light``/``heavy``) of a derived article, ``non`` else.

    The Clough-Stevenson model (:func:`classify_revision`'s) picks among the three kinds
    of reuse once the news model has said the article is derived, so ``revision`` never
    contradicts ``derivation`` on whether the article reuses its source.
    """
    if derivation == "non":
        return "non"
    scores = load_model().scores(values)
    return max(("cut", "light", "heavy"), key=lambda label: scores[label])


def run_share(a: Sequence[str], b: Sequence[str], run_min: int = RUN_MIN) -> int:
    """Number of keys of ``a`` in difflib equal blocks of at least ``run_min`` against ``b``."""
    blocks = matcher(a, b).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= run_min)


def ngram_containment(a: Sequence[str], b: Sequence[str], n: int) -> float:
    """Share of the distinct word n-grams of ``a`` that occur in ``b``, in [0, 1].

    ``n`` >= 1; 0.0 when ``a`` has fewer than ``n`` keys. Direction: how much ``a``
    borrows from ``b`` (Broder's containment).
    """
    grams = _grams(a, n)
    if not grams:
        return 0.0
    return len(grams & _grams(b, n)) / len(grams)


def _grams(keys: Sequence[str], n: int) -> set[tuple[str, ...]]:
    """The distinct n-grams of ``keys``: ``n`` shifted copies zipped, which stop at the
    shortest, the last whole n-gram."""
    return set(zip(*(keys[i:] for i in range(n)), strict=False))


def order_loss(a: Sequence[str], b: Sequence[str], blocks: Sequence | None = None) -> float:
    """Share of the keys ``a`` shares with ``b`` that are out of ``b``'s order, in [0, 1].

    ``1 - LCS / overlap``: ``overlap`` counts the keys of ``a`` that ``b`` also has (as a
    multiset, in any order), ``LCS`` those in difflib's matching blocks (kept in order;
    ``blocks`` when already computed). 0.0 when ``a`` and ``b`` share nothing.
    """
    overlap = sum((Counter(a) & Counter(b)).values())
    if not overlap:
        return 0.0
    blocks = blocks if blocks is not None else matching_blocks(a, b)
    kept = sum(block.size for block in blocks)
    return 1.0 - kept / overlap


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list:
    """difflib's matching blocks of two key sequences (no junk heuristic)."""
    return matcher(a, b).get_matching_blocks()


def article_containment(
    sentences: Sequence[Sentence], aligned: Sequence[SentenceAlignment]
) -> float:
    """``containment`` of :func:`derivation_features` alone: the share of the article's
    word keys in aligned sentences, each weighted by its similarity (rounded to 4)."""
    total = borrowed = 0.0
    for sentence, al in zip(sentences, aligned, strict=True):
        n = len(wording(sentence.text).keys)
        total += n
        if al.label != "new":
            borrowed += n * al.similarity
    return round(borrowed / total if total else 0.0, 4)


def derivation_features(
    sentences: Sequence[Sentence],
    aligned: Sequence[SentenceAlignment],
    source_sentences: Sequence[Sentence],
) -> dict:
    """The measures of one article against one source, without a class (module docstring).

    ``aligned`` is the alignment of ``sentences`` with ``source_sentences``. Returns a
    dict with ``containment``, ``reverse_containment``, ``similarity``,
    ``verbatim_share``, ``exact_share``, ``verbatim_sentences``, ``new_sentences``,
    ``mean_similarity``, ``mean_ordered``, ``order_loss``, ``ngram_<n>`` (rounded to 4
    decimals), ``n_sentences``, ``n_aligned``, ``n_verbatim``.
    """
    total = borrowed = ordered = exact = 0.0
    used: dict[int, float] = {}
    source_keys = {s.sentence_id: wording(s.text).keys for s in source_sentences}
    article_keys: list[str] = []
    for sentence, al in zip(sentences, aligned, strict=True):
        keys = wording(sentence.text).keys
        article_keys.extend(keys)
        n = len(keys)
        total += n
        if al.label == "new":
            continue
        borrowed += n * al.similarity
        group = [k for sid in al.source_ids for k in source_keys[sid]]
        ordered += run_share(keys, group)
        if al.ordered >= 1.0:
            exact += n
        for sid in al.source_ids:
            used[sid] = max(used.get(sid, 0.0), al.similarity)
    source_total = source_used = 0.0
    all_source_keys: list[str] = []
    for s in source_sentences:
        all_source_keys.extend(source_keys[s.sentence_id])
        n = len(source_keys[s.sentence_id])
        source_total += n
        source_used += n * used.get(s.sentence_id, 0.0)
    containment = borrowed / total if total else 0.0
    reverse = source_used / source_total if source_total else 0.0
    similarity = 2 * containment * reverse / (containment + reverse) if containment else 0.0
    n_aligned = sum(al.label != "new" for al in aligned)
    n_verbatim = sum(al.label == "verbatim" for al in aligned)
    n_sentences = len(sentences)
    values = {
        "containment": round(containment, 4),
        "reverse_containment": round(reverse, 4),
        "similarity": round(similarity, 4),
        "verbatim_share": round(ordered / total if total else 0.0, 4),
        "exact_share": round(exact / total if total else 0.0, 4),
        "verbatim_sentences": round(n_verbatim / n_sentences if n_sentences else 0.0, 4),
        "new_sentences": round((n_sentences - n_aligned) / n_sentences if n_sentences else 1.0, 4),
        "mean_similarity": round(
            sum(al.similarity for al in aligned if al.label != "new") / n_aligned
            if n_aligned
            else 0.0,
            4,
        ),
        "mean_ordered": round(
            sum(al.ordered for al in aligned if al.label != "new") / n_aligned
            if n_aligned
            else 0.0,
            4,
        ),
    }
    blocks = matching_blocks(article_keys, all_source_keys)
    values["order_loss"] = round(order_loss(article_keys, all_source_keys, blocks), 4)
    values["unquoted_run"] = unquoted_run(sentences, source_sentences, blocks=blocks)
    for n in NGRAM_SIZES:
        values[f"ngram_{n}"] = round(ngram_containment(article_keys, all_source_keys, n), 4)
    values.update(news_features(values["ngram_2"], len(article_keys)))
    return {**values, "n_sentences": n_sentences, "n_aligned": n_aligned, "n_verbatim": n_verbatim}


def unquoted_run(
    sentences: Sequence[Sentence],
    source_sentences: Sequence[Sentence],
    informative_min: int = INFORMATIVE_MIN,
    blocks: Sequence | None = None,
) -> int:
    """The longest run of the article's words found in the source's in the same order
    (difflib's matching blocks over the whole texts) that is evidence of copying: no word
    of it inside a quotation on either side (:func:`wiretrace.language.units.quotation_spans`,
    over each side's sentences joined, so a quotation may run over several), and at least
    ``informative_min`` informative words in it (:func:`informative`); ``blocks``: the
    matching blocks of the two texts' keys, when already computed. 0 when no run
    qualifies. Names, numbers and the commonest words are what two reports of one event
    share without copying ("friend Julie Harvey, 34, was jailed for 18 months for")."""
    keys, starts, quoted, surfaces = _quoted_keys(tuple(s.text for s in sentences))
    source_keys, source_starts, source_quoted, _ = _quoted_keys(
        tuple(s.text for s in source_sentences)
    )
    best = 0
    for block in blocks if blocks is not None else matching_blocks(keys, source_keys):
        run: list = []
        for i in range(block.size + 1):
            a, b = block.a + i, block.b + i
            if i < block.size and not (quoted(starts[a]) or source_quoted(source_starts[b])):
                run.append(surfaces[a])
                continue
            if sum(informative(t.text) for t in run) >= informative_min:
                best = max(best, len(run))
            run = []
    return best


def informative(word: str) -> bool:
    """A word two reporters would not both write by chance: lower-case (not a name), not a
    figure, and not among the commonest English words (its information weight,
    :func:`wiretrace.rewrites.align.weight`, at least 2: Zipf frequency 5 or less)."""
    return word[:1].islower() and not word[:1].isdigit() and weight(word.lower()) >= 2.0


@lru_cache(maxsize=4096)
def _quoted_keys(
    texts: tuple[str, ...],
) -> tuple[list[str], list[int], Callable[[int], bool], list]:
    """The word keys of the sentence ``texts``, where each starts in the texts joined by
    spaces, the test of whether such a position is inside a quotation, and the tokens
    (memoised: one source is measured against every article of its story; the test is
    asked only of the words in matching blocks, a few of a long article's)."""
    keys: list[str] = []
    starts: list[int] = []
    tokens_: list = []
    offset = 0
    for text in texts:
        view = wording(text)
        keys.extend(view.keys)
        tokens_.extend(view.tokens)
        starts.extend(offset + token.start for token in view.tokens)
        offset += len(text) + 1
    return keys, starts, inside_any(quotation_spans(" ".join(texts))), tokens_


def news_features(ngram_2: float, n_words: int) -> dict:
    """The news model's transformed inputs: ``n_words``, ``log_ngram_2`` = ln(ngram_2 +
    0.01) and ``log_n_words`` = ln(max(n_words, 1)), rounded to 4 decimals.

    Logarithms because the evidence is relative: a newspaper that took two paragraphs of
    a wire story shares a tenth of its 2-grams, one written independently a twentieth.
    """
    return {
        "n_words": n_words,
        "log_ngram_2": round(math.log(ngram_2 + 0.01), 4),
        "log_n_words": round(math.log(max(n_words, 1)), 4),
    }


def derivation_scores(
    sentences: Sequence[Sentence],
    aligned: Sequence[SentenceAlignment],
    source_sentences: Sequence[Sentence],
    model: DerivationModel | None = None,
    run_min: int = 0,
) -> dict:
    """Measures and classes of one article against one source (module docstring).

    :func:`derivation_features` plus ``derivation`` (wholly/partially/non) with
    ``decided_by`` and ``reason`` from :func:`classify_derivation` (``model``: the news
    model, default the shipped one; ``run_min``: the copying evidence needed), and
    ``revision`` (cut/light/heavy/non) from :func:`revision_kind`.
    """
    values = derivation_features(sentences, aligned, source_sentences)
    derivation, decided_by, reason = classify_derivation(values, model, run_min)
    return {
        **values,
        "derivation": derivation,
        "revision": revision_kind(values, derivation),
        "decided_by": decided_by,
        "reason": reason,
    }


def no_source_scores(n_sentences: int, n_words: int, why: str) -> dict:
    """The derivation row's measures for an article with no source to compare with: every
    share 0, ``non`` derived, ``decided_by`` ``no_source`` and ``why`` as the reason."""
    values = {c: 0.0 for c in ("containment", "reverse_containment", "similarity")}
    values.update({c: 0.0 for c in SHARE_FEATURES})
    values["new_sentences"] = 1.0
    values.update(news_features(0.0, n_words))
    values["unquoted_run"] = 0
    return {
        **values,
        "n_sentences": n_sentences,
        "n_aligned": 0,
        "n_verbatim": 0,
        "derivation": "non",
        "revision": "non",
        "decided_by": "no_source",
        "reason": why,
    }
