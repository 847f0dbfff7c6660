"""Group the articles of a folder into story clusters, without comparing all pairs.

:func:`cluster_stories` returns one row per ok article: ``article_id, cluster_id,
cluster_size``. Two articles are *linked* when they share wording (a *wording* link: one
reuses the other's word sequences) or, more loosely, the same rare vocabulary (a *story*
link: the same names, places, numbers and topic words, told in other words). Clusters are
the connected components of the links (single linkage), so a version linked to any member
joins the cluster. :func:`similar_pairs` returns the scored pairs behind the clusters.

Method (after Broder, 1997, and Leskovec, Rajaraman and Ullman, *Mining of Massive
Datasets*, ch. 3):

1. Fingerprint each article's body (metadata and boilerplate left out by the loader) as
   two sets: its word 3-gram *shingles* (folded lower-case words from
   :func:`wiretrace.language.text.words`) and its *terms* (distinct words rarer than Zipf 5.5 in
   wordfreq's English list, plus every word with a digit).
2. Candidates: one MinHash per set (datasketch, 128 permutations, fixed seed 1, stable
   64-bit BLAKE2b hashes of the words combined into shingle hashes, never Python's salted
   ``hash()``), each cut into 64 bands of 2 values (:func:`band_pairs`, an LSH index
   as a sort). A pair is a candidate when its sketches agree on a whole band for either
   set. The chance that one set's bands propose a pair is ``1 - (1 - J**2)**64`` for
   Jaccard similarity ``J``
   (:func:`candidate_probability`): 0.60 at J = 0.12, 0.93 at 0.2, 0.016 at 0.016,
   0.0016 at 0.005, so unrelated pairs, whose similarity is near 0, are seldom compared.
   Jaccard similarity misses a short excerpt of a long text, so a third search pairs
   articles that share a *sampled* shingle (:func:`excerpt_pairs`: Broder's mod-m
   sampling, each article paired with a few neighbours per shared shingle).
   On synthetic corpora the candidates are well under 1% of all pairs at 10,000
   articles and the clustering time grows about linearly with the number of articles
   (see ``benchmarks/results/clustering.json``).
3. Verification: every candidate pair is scored exactly (set operations on the hashed
   sets; collisions of 64-bit hashes are negligible) and linked when its wording or story
   score reaches the thresholds below (a wording link also needs the shared wording to
   carry the story's specifics: :data:`WORDING_TERMS_MIN`). A pair that the LSH stage
   misses is not linked, so in rare cases a weak pair above the threshold is lost; the
   other members of its cluster usually link it anyway.

Scores (both in [0, 1], symmetric, higher = more alike):

- ``wording``: containment of word 3-grams, ``|S(a) & S(b)| / min(|S(a)|, |S(b)|)``,
  the share of the shorter article's 3-grams found in the other. 1 for a verbatim copy
  or an excerpt, at most 0.031 between texts on unrelated topics.
- ``story``: Jaccard similarity of the term sets, ``|T(a) & T(b)| / |T(a) | T(b)|``.
  It ignores word order and wording, so a retold version of the same story still scores
  0.13 to 0.15 against its siblings, while texts on unrelated topics stay at or below 0.08.

Thresholds are fixed defaults, chosen once by hand on the seeds and the Clough-Stevenson
(2011) short-answer corpus and not refitted on the corpus being clustered (the figures
below are recomputed by the speed benchmark, ``wtbench.speed``, into ``clustering.json``,
"calibration"):

- :data:`WORDING_THRESHOLD` = 0.12: texts on different topics reach at most 0.031 and
  answers written on the topic without the source at most 0.087, while the lightest
  revisions of a source start at 0.149 and the seeds' paraphrase (000) scores 0.23.
  Heavy revisions can fall to 0.025: they join through story links.
- :data:`WORDING_TERMS_MIN` = 0.2: a wording link also needs ``terms``
  (:func:`term_containment`: the share of the smaller term set found in the other) to
  reach it, so common phrasing ("it is one of the", boilerplate) with none of the
  story's names and numbers does not link two stories. Every pair of real texts above
  the wording threshold (Clough-Stevenson answers of one task, answers against their
  source, the seeds' AFP versions) has ``terms`` of 0.316 or more. Added after the
  synthetic benchmark's false links (other stories built from the same recycled real
  sentences, wording 0.12 to 0.2, ``terms`` at most 0.143), so the synthetic precision
  is not a held-out figure for this constant.
- :data:`STORY_THRESHOLD` = 0.11: answers on different topics of one field (computer
  science) reach at most 0.080 and the seeds against those answers at most 0.029, while
  the seeds' least similar pairs (the November follow-up 003 and the German translation
  004 against the others) score 0.1345 to 0.1475 and heavy revisions at least 0.133.
  Answers written without the source but on its topic score up to 0.135: some of them
  join their topic's cluster, which is right for a *story* cluster.
- :data:`MIN_SHARED_SHINGLES` = 5 and :data:`MIN_SHARED_TERMS` = 7: whatever the ratio,
  a wording link needs five shared 3-grams and a story link seven shared terms. Added
  after the real-text speed benchmark (``wtbench.speed --real``, METER court briefs of
  two sentences): briefs of different cases linked on their formula alone ("appeared in
  court yesterday", "was bailed for two weeks": 3 shared 3-grams, 3 to 6 shared terms
  of 11 to 26), while every planted copy of such a brief shares seven 3-grams or more,
  and the least similar same-topic Clough-Stevenson story link shares seven terms. So
  the real-text benchmark's precision is not a held-out figure for these constants.

So on the seeds, all five articles form one cluster at the default (story) level: 003 and
004 report the same events in other words and join through story links only. With
``threshold=None`` only wording links count, and the seeds split into {000, 001, 002}
(the AFP-derived versions) and two singletons. Story links are deliberately loose and
single linkage can chain a running story (follow-ups over weeks) into one cluster; the
derivation stage, not this one, decides who copied whom. Read ``story`` scores only as
"same topic vocabulary", never as evidence of copying.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from wiretrace.ingest.corpus import Corpus
from wiretrace.language.text import WORD_RE, fold

#: Words per shingle for the wording score.
SHINGLE_SIZE = 3
#: Words at or above this Zipf frequency (wordfreq, English) are too common to be terms;
#: 5.5 keeps everything rarer than about 300 per million words ("troops", "coup",
#: "Niger") and drops function words and the most common verbs ("said", "would").
TERM_MAX_ZIPF = 5.5
#: Minimum wording score (3-gram containment) for a wording link.
WORDING_THRESHOLD = 0.12
#: Minimum term containment (:func:`term_containment`) for a wording link.
WORDING_TERMS_MIN = 0.2
#: Minimum story score (Jaccard of term sets) for a story link.
STORY_THRESHOLD = 0.11
#: Least evidence a link needs whatever its score: shared word 3-grams for a wording
#: link, shared terms for a story link (a ratio over a two-sentence brief is noise).
MIN_SHARED_SHINGLES = 5
MIN_SHARED_TERMS = 7
#: MinHash permutations, seed and LSH banding (bands, rows per band).
NUM_PERM = 128
SEED = 1
LSH_PARAMS = (64, 2)
#: Containment candidates: a shingle is *sampled* when its hash is 0 modulo this, and
#: every article is paired with the next ``SAMPLE_NEIGHBOURS`` articles (in corpus
#: order) that share a sampled shingle with it.
SAMPLE_EVERY = 2
SAMPLE_NEIGHBOURS = 8

PAIR_COLUMNS = ["article_id", "other_id", "wording", "story", "link"]
CLUSTER_COLUMNS = ["article_id", "cluster_id", "cluster_size"]


@dataclass(frozen=True)
class Fingerprint:
    """The sets an article is compared by, as sorted unique 64-bit hashes.

    ``shingles`` hashes the word 3-grams of the body (one shingle of all words when the
    body has fewer than three), ``terms`` the rare words and numbers, ``anchors`` the
    shingles that hold at least one term (the ones :func:`excerpt_pairs` samples: "as
    part of" is no evidence of copying, "troops in Niger" may be). ``sketches``, when
    :func:`sketch` has filled it, holds the MinHash signatures of ``shingles`` and
    ``terms`` (two rows of :data:`NUM_PERM` 32-bit values), so they can be computed where the
    article was parsed; empty otherwise (:func:`candidate_pairs` computes them).
    """

    article_id: str
    shingles: np.ndarray
    terms: np.ndarray
    anchors: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.uint64))
    sketches: np.ndarray = field(default_factory=lambda: np.zeros((0, NUM_PERM), np.uint32))


#: Odd 64-bit multipliers that combine the word hashes of a shingle (position-dependent).
_MULTIPLIERS = (
    np.uint64(0x9E3779B97F4A7C15),
    np.uint64(0xC2B2AE3D27D4EB4F),
    np.uint64(0x165667B19E3779F9),
)


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=500_000)
def _is_term(word: str) -> bool:
    from wordfreq import zipf_frequency

    if any(ch.isdigit() for ch in word):
        return True
    return zipf_frequency(word, "en") < TERM_MAX_ZIPF


def _mix(h: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser (Steele et al., 2014): a bijection that spreads the bits."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def body_words(text: str) -> list[str]:
    """Folded lower-case words of ``text``, as :func:`wiretrace.language.text.words` gives them.

    The text is folded once and tokenised with the same pattern, instead of folding
    word by word: the same words (checked on the seeds in the tests), about six times
    faster.
    """
    return [w.lower() for w in WORD_RE.findall(fold(text))]


def fingerprint(article_id: str, text: str) -> Fingerprint:
    """Fingerprint one body text (see the module docstring for the two sets).

    Each word is hashed with 64-bit BLAKE2b; a shingle's hash combines its words' hashes
    by position (multiply, add, splitmix64), so it is stable across runs and machines.
    """
    tokens = body_words(text)
    hashes = np.array([_word_hash(w) for w in tokens], dtype=np.uint64)
    is_term = np.array([_is_term(w) for w in tokens], dtype=bool)
    n = SHINGLE_SIZE
    if len(tokens) >= n:
        with np.errstate(over="ignore"):  # uint64 arithmetic wraps around by design
            combined = hashes[: len(hashes) - n + 1] * _MULTIPLIERS[0]
            has_term = is_term[: len(hashes) - n + 1].copy()
            for k in range(1, n):
                combined = combined + hashes[k : len(hashes) - n + 1 + k] * _MULTIPLIERS[k]
                has_term |= is_term[k : len(hashes) - n + 1 + k]
            mixed = _mix(combined)
            shingles = np.unique(mixed)
            anchors = np.unique(mixed[has_term])
    elif tokens:
        shingles = np.array([_word_hash(" ".join(tokens))], dtype=np.uint64)
        anchors = shingles if is_term.any() else np.array([], dtype=np.uint64)
    else:
        shingles = anchors = np.array([], dtype=np.uint64)
    terms = np.unique(hashes[is_term]) if tokens else np.array([], dtype=np.uint64)
    return Fingerprint(article_id, shingles, terms, anchors)


def _overlap(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def _containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller of two hash sets found in the other (0 when one is empty)."""
    smaller = min(a.size, b.size)
    return _overlap(a, b) / smaller if smaller else 0.0


def wording_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Share of the shorter text's word 3-grams found in the other, in [0, 1].

    Symmetric; 1 when one text's wording is wholly inside the other's, 0 for no shared
    3-gram or an empty text. Not a direction of borrowing: that is the derivation stage's.
    """
    return _containment(a.shingles, b.shingles)


def term_containment(a: Fingerprint, b: Fingerprint) -> float:
    """Share of the smaller term set found in the other, in [0, 1] (0 when one is empty).

    Unlike :func:`story_similarity` it stays high for an excerpt of a long story, whose
    few names and numbers are all in the story.
    """
    return _containment(a.terms, b.terms)


def story_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard similarity of the two term sets, in [0, 1] (0 when both are empty).

    Measures shared topic vocabulary (names, places, numbers, rare words), whatever the
    wording; not comparable with :func:`wording_similarity`.
    """
    shared = _overlap(a.terms, b.terms)
    union = a.terms.size + b.terms.size - shared
    return shared / union if union else 0.0


#: The sets a fingerprint is sketched and searched by, in the order of its ``sketches``.
SKETCHED = ("shingles", "terms")


def _signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures of ``sets`` (one row of :data:`NUM_PERM` values per set)."""
    from datasketch import MinHash

    # The sets already hold stable 64-bit hashes; MinHash needs 32-bit input values.
    def low32(value: int) -> int:
        return value & 0xFFFFFFFF

    sketches = MinHash.bulk(
        [s.tolist() for s in sets], num_perm=NUM_PERM, seed=SEED, hashfunc=low32
    )
    # datasketch keeps 32-bit hash values in 64-bit slots: kept in 32 bits, half the size.
    values = np.array([m.hashvalues for m in sketches], dtype=np.uint64).reshape(-1, NUM_PERM)
    assert not (values >> np.uint64(32)).any()
    return values.astype(np.uint32)


def sketch(prints: Sequence[Fingerprint]) -> list[Fingerprint]:
    """``prints`` with their MinHash signatures (``sketches``) filled in, in order.

    A signature depends on its set alone (fixed seed :data:`SEED`), so sketching in
    parts, in any process, gives the values one call on the whole corpus gives.
    """
    rows = {name: _signatures([getattr(f, name) for f in prints]) for name in SKETCHED}
    return [
        replace(f, sketches=np.stack([rows[name][k] for name in SKETCHED]))
        for k, f in enumerate(prints)
    ]


def sampled(prints: Sequence[Fingerprint]) -> list[Fingerprint]:
    """``prints`` with only the anchors :func:`excerpt_pairs` samples (those 0 modulo
    :data:`SAMPLE_EVERY`): the same candidates and scores, about half the anchors to
    hold. A parallel load sends these to the driver, which holds every article's."""
    every = np.uint64(SAMPLE_EVERY)
    return [replace(f, anchors=f.anchors[f.anchors % every == 0]) for f in prints]


def candidate_probability(similarity: float) -> float:
    """Chance that one LSH index proposes a pair of sets with this Jaccard similarity.

    ``1 - (1 - J**r)**b`` for :data:`LSH_PARAMS` ``(b, r)``; ``similarity`` in [0, 1].
    A pair can also be proposed by the other index (shingles or terms), so this is a
    lower bound for the pair.
    """
    bands, rows = LSH_PARAMS
    return 1.0 - (1.0 - similarity**rows) ** bands


def band_pairs(signatures: np.ndarray, keep: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of rows of ``signatures`` (one MinHash signature
    per row) that agree on one whole band of :data:`LSH_PARAMS`, among the rows where
    ``keep`` is true (a row of an empty set is never paired).

    The LSH index of Leskovec, Rajaraman and Ullman (ch. 3.4) as a sort: in each band,
    the kept rows are sorted by their band's values and every two rows of one run of
    equal values make a pair. The pairs are those of a ``datasketch.MinHashLSH`` of the
    same banding queried with each row (tested), whatever the order of the rows.
    """
    return _as_set(_band_codes(signatures, keep), len(signatures))


def _band_codes(signatures: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """:func:`band_pairs` as pair codes ``i * len(signatures) + j`` (:func:`_codes`), with
    repeats: 8 bytes a pair, where a set of tuples takes some 100."""
    bands, width = LSH_PARAMS
    n = len(signatures)
    rows = np.flatnonzero(keep)
    found = [_NO_CODES]
    if rows.size < 2:
        return _NO_CODES
    for band in range(bands):
        values = signatures[rows, band * width : (band + 1) * width]
        order = np.lexsort(values.T[::-1])
        ordered = values[order]
        same = np.all(ordered[1:] == ordered[:-1], axis=1)
        if not same.any():
            continue
        # Runs of equal band values: starts where a row differs from the one before.
        starts = np.flatnonzero(np.concatenate(([True], ~same)))
        ends = np.append(starts[1:], len(order))
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            if end - start > 1:
                members = np.sort(rows[order[start:end]])
                first, second = np.triu_indices(members.size, k=1)
                found.append(_codes(members[first], members[second], n))
    return np.concatenate(found)


#: No pair codes.
_NO_CODES = np.array([], dtype=np.int64)


def _codes(first: np.ndarray, second: np.ndarray, n: int) -> np.ndarray:
    """Index pairs ``(i, j)``, ``i < j < n``, as one int64 each, ``i * n + j``: sorted
    codes are the pairs in order, first index then second."""
    return first.astype(np.int64) * n + second.astype(np.int64)


def _as_set(codes: np.ndarray, n: int) -> set[tuple[int, int]]:
    first, second = np.divmod(codes, n)
    return set(zip(first.tolist(), second.tolist(), strict=True))


def candidate_pairs(fingerprints: Sequence[Fingerprint]) -> list[tuple]:
    """Index pairs ``(i, j)``, ``i < j``, that the LSH stage proposes for scoring.

    A pair is proposed when its MinHash sketches agree on one whole band (of
    :data:`LSH_PARAMS`) for the shingles or for the terms (:func:`band_pairs`), or by
    :func:`excerpt_pairs` (a sampled shingle in common: excerpts). The sketches are the
    fingerprints' own when :func:`sketch` filled them, else computed here. Sorted, so
    the result does not depend on the order of any index (quick enough to need no
    progress bar).
    """
    first, second = _candidate_arrays(fingerprints)
    return list(zip(first.tolist(), second.tolist(), strict=True))


def _candidate_arrays(fingerprints: Sequence[Fingerprint]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` as two arrays, the first and second index of each pair."""
    if not all(f.sketches.shape[0] == len(SKETCHED) for f in fingerprints):
        fingerprints = sketch(fingerprints)
    found = []
    for k, name in enumerate(SKETCHED):
        keep = np.array([getattr(f, name).size > 0 for f in fingerprints], dtype=bool)
        signatures = np.array([f.sketches[k] for f in fingerprints], dtype=np.uint32)
        found.append(_band_codes(signatures.reshape(-1, NUM_PERM), keep))
    found.append(_excerpt_codes(fingerprints))
    return np.divmod(np.unique(np.concatenate(found)), max(len(fingerprints), 1))


def excerpt_pairs(fingerprints: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share a sampled shingle (containment search).

    MinHash estimates Jaccard similarity, which is low for a short excerpt of a long
    text (a two-sentence brief of an 800-word wire story: about 0.06) however much of
    the excerpt is copied. Here every article keeps the *anchor* shingles (those with a
    rare word or a number) whose hash is 0 modulo :data:`SAMPLE_EVERY` (the same
    shingles in every article that has them, as in Broder's mod-m sampling); the
    articles holding a sampled shingle are listed in corpus order (one sort of every
    sampled shingle of the corpus, no list per shingle) and each is paired with the next
    :data:`SAMPLE_NEIGHBOURS` of them, so a shingle shared by many
    articles costs pairs in proportion to their number, not its square. An excerpt with
    n anchors keeps none of them with probability ``(1 - 1/SAMPLE_EVERY) ** n`` (about
    0.02% for a 25-word news sentence, with some twelve anchors); once paired with any
    member of its story it joins the cluster. Candidates are then scored exactly like
    the others.
    """
    return _as_set(_excerpt_codes(fingerprints), len(fingerprints))


def _excerpt_codes(fingerprints: Sequence[Fingerprint]) -> np.ndarray:
    """:func:`excerpt_pairs` as pair codes (:func:`_codes`), with repeats."""
    every = np.uint64(SAMPLE_EVERY)
    kept = [f.anchors[f.anchors % every == 0] for f in fingerprints]
    if not kept:
        return _NO_CODES
    values = np.concatenate([np.array([], dtype=np.uint64), *kept])
    articles = np.repeat(np.arange(len(kept)), [k.size for k in kept])
    # The postings of each sampled shingle, in corpus order: sorted by shingle, then article
    # (an article's anchors are unique, so it is in a shingle's postings once).
    order = np.lexsort((articles, values))
    values, articles = values[order], articles[order]
    found = [_NO_CODES]
    for step in range(1, SAMPLE_NEIGHBOURS + 1):
        same = values[step:] == values[:-step]
        found.append(_codes(articles[:-step][same], articles[step:][same], len(kept)))
    return np.concatenate(found)


def fingerprints(corpus: Corpus, progress: bool = False) -> list[Fingerprint]:
    """Fingerprints of the corpus's ok articles, in corpus order."""
    from tqdm import tqdm

    articles = corpus.ok
    return [
        fingerprint(a.article_id, a.body)
        for a in tqdm(articles, desc="fingerprints", unit="article", disable=not progress)
    ]


def score_pairs(
    prints: Sequence[Fingerprint],
    pairs: Iterable[tuple[int, int]],
    threshold: float | None = STORY_THRESHOLD,
    wording_threshold: float = WORDING_THRESHOLD,
) -> pd.DataFrame:
    """Score index pairs of ``prints`` exactly and say which kind of link each makes.

    Returns ``article_id, other_id, wording, story, link`` (scores rounded to 4 places);
    ``link`` is ``wording`` when the wording score reaches ``wording_threshold`` and the
    term containment :data:`WORDING_TERMS_MIN`, else ``story`` when the story score
    reaches ``threshold`` (``None`` turns story links off), else empty. ``article_id``
    is the earlier article in corpus order.
    """
    pairs = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    return _pair_table(prints, pairs[:, 0], pairs[:, 1], threshold, wording_threshold)


#: The ``link`` of :func:`score_pairs` by the code :func:`_scores` gives it.
_LINKS = np.array(["", "wording", "story"], dtype=object)


def _scores(
    prints: Sequence[Fingerprint],
    first: np.ndarray,
    second: np.ndarray,
    threshold: float | None,
    wording_threshold: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rounded wording and story scores of the index pairs ``(first[k], second[k])``
    and their links as codes of :data:`_LINKS` (see :func:`score_pairs`): three arrays,
    not a tuple per pair (a large run's driver scores millions)."""
    wordings = np.zeros(len(first), dtype=np.float64)
    stories = np.zeros(len(first), dtype=np.float64)
    links = np.zeros(len(first), dtype=np.int8)
    for k, (i, j) in enumerate(zip(first.tolist(), second.tolist(), strict=True)):
        a, b = prints[i], prints[j]
        shared_shingles = _overlap(a.shingles, b.shingles)
        shared_terms = _overlap(a.terms, b.terms)
        smaller = min(a.shingles.size, b.shingles.size)
        wording = shared_shingles / smaller if smaller else 0.0
        union = a.terms.size + b.terms.size - shared_terms
        story = shared_terms / union if union else 0.0
        smaller_terms = min(a.terms.size, b.terms.size)
        terms = shared_terms / smaller_terms if smaller_terms else 0.0
        if (
            wording >= wording_threshold
            and terms >= WORDING_TERMS_MIN
            and shared_shingles >= MIN_SHARED_SHINGLES
        ):
            links[k] = 1
        elif threshold is not None and story >= threshold and shared_terms >= MIN_SHARED_TERMS:
            links[k] = 2
        wordings[k], stories[k] = round(wording, 4), round(story, 4)
    return wordings, stories, links


def _pair_table(
    prints: Sequence[Fingerprint],
    first: np.ndarray,
    second: np.ndarray,
    threshold: float | None,
    wording_threshold: float,
) -> pd.DataFrame:
    """:func:`score_pairs` of the index pairs ``(first[k], second[k])``."""
    wording, story, links = _scores(prints, first, second, threshold, wording_threshold)
    ids = np.array([f.article_id for f in prints] or [""], dtype=object)
    columns = (ids[first].tolist(), ids[second].tolist(), wording, story, _LINKS[links].tolist())
    return pd.DataFrame(dict(zip(PAIR_COLUMNS, columns, strict=True)))


def similar_pairs(
    corpus: Corpus,
    threshold: float | None = STORY_THRESHOLD,
    wording_threshold: float = WORDING_THRESHOLD,
    progress: bool = False,
    prints: Sequence[Fingerprint] | None = None,
) -> pd.DataFrame:
    """Every candidate pair of ok articles with its exact scores and link kind.

    Columns ``article_id, other_id, wording, story, link`` as in :func:`score_pairs`:
    one row per pair the LSH stage proposed (linked or not, so near misses can be
    inspected); pairs it did not propose are absent and count as unlinked.
    ``threshold`` (story, in [0, 1] or ``None``) and ``wording_threshold`` (in [0, 1])
    are described in the module docstring. ``prints``: the fingerprints of the ok
    articles in corpus order when they were made elsewhere (where the articles were
    parsed, with their sketches: :func:`sketch`); made here when ``None``.
    """
    if prints is None:
        prints = fingerprints(corpus, progress=progress)
    return _pair_table(prints, *_candidate_arrays(prints), threshold, wording_threshold)


def components(article_ids: Sequence[str], links: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of the link graph, each sorted, ordered by first member.

    Every id appears in exactly one component (unlinked ids alone). Union-find with path
    halving; the result depends only on the ids and the links, not on their order.
    """
    parent = {a: a for a in article_ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for a in article_ids:
        groups.setdefault(root(a), []).append(a)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def clusters_from_pairs(article_ids: Sequence[str], pairs: pd.DataFrame) -> pd.DataFrame:
    """The cluster table for ``article_ids`` given scored pairs (rows with a ``link``).

    ``cluster_id`` numbers the clusters 0, 1, ... in the order of their smallest
    article id (string order), so the same links always give the same ids; rows follow
    ``article_ids``.
    """
    linked = pairs[pairs["link"] != ""]
    return _cluster_table(article_ids, zip(linked["article_id"], linked["other_id"], strict=True))


def _cluster_table(article_ids: Sequence[str], links: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """:func:`clusters_from_pairs` of the linked pairs ``links`` (ids)."""
    groups = components(article_ids, links)
    cluster_of = {a: (n, len(g)) for n, g in enumerate(groups) for a in g}
    rows = [(a, *cluster_of[a]) for a in article_ids]
    return pd.DataFrame(rows, columns=CLUSTER_COLUMNS)


def cluster_stories(
    corpus: Corpus,
    threshold: float | None = STORY_THRESHOLD,
    wording_threshold: float = WORDING_THRESHOLD,
    progress: bool = False,
    prints: Sequence[Fingerprint] | None = None,
) -> pd.DataFrame:
    """Group the corpus's ok articles into story clusters.

    Returns ``article_id, cluster_id, cluster_size``, one row per ok article in corpus
    order (rejected articles are left out). ``cluster_id`` is an int from 0, numbered by
    each cluster's smallest article id; an article without a link is a cluster of one.
    ``threshold`` is the story threshold (Jaccard of rare-word sets, in [0, 1]; default
    :data:`STORY_THRESHOLD`; ``None`` keeps wording links only, i.e. clusters of
    derived versions); ``wording_threshold`` is the 3-gram containment needed for a
    wording link (in [0, 1]; default :data:`WORDING_THRESHOLD`). Deterministic: the same
    corpus gives the same table. Cost grows about linearly with the number of articles
    (see the speed benchmark (``wtbench.speed``)). ``prints`` as in :func:`similar_pairs`.
    """
    if prints is None:
        prints = fingerprints(corpus, progress=progress)
    first, second = _candidate_arrays(prints)
    links = _scores(prints, first, second, threshold, wording_threshold)[2]
    # Only the linked pairs, as ids: the table of every scored pair is not needed here.
    ids = [f.article_id for f in prints]
    linked = np.flatnonzero(links)
    pairs = [(ids[first[k]], ids[second[k]]) for k in linked.tolist()]
    return _cluster_table([a.article_id for a in corpus.ok], pairs)
