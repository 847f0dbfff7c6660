"""Claims across a story: every attributed statement of every version, matched to the same
claim in the other versions, whether or not one version is derived from the other.

:func:`match_claims` takes the ``claims`` table of the provenance stage (one row per
quotation or attributed statement, :data:`wiretrace.provenance.claims.CLAIM_COLUMNS`) and
returns the ``story_claims`` table (:data:`STORY_CLAIM_COLUMNS`): each claim row with the
``claim_id`` of the statement it makes, shared by the rows of other versions that make the
same statement. :func:`claim_findings` then compares the versions of each matched claim
(see :mod:`wiretrace.findings.checks` scope ``"claim"``) and returns rows of the
``findings`` table.

Matching is lexical: a claim's *statement* is its sentence with the attribution (speaker
and cue) cut out; its keys are the content words (lemma, first
:data:`STEM_LETTERS` letters, so "withdrawal" = "withdrawing"), names and figures of the
statement, names and figures weighing :data:`NAME_WEIGHT`. Two statements score the
weighted Dice coefficient of their keys (0: nothing shared, 1: the same keys); claims of
two versions are paired when they are each other's best and score at least
:data:`MATCH_MIN`, and the pairs, best first, join claims into one ``claim_id`` with at
most one row per version. The speaker does not take part: a claim re-attributed is the
same claim. The score cannot be compared with the alignment's similarity (other keys,
other measure). ``wtbench.story_claims`` measures precision, recall and the false-match
rate of the matching on claim pairs built from real text. An optional ``encoder`` (the
``semantic`` extra, :func:`wiretrace.rewrites.semantic.load_encoder`) lets a pair whose
lexical score is at least :data:`SEMANTIC_LEXICAL_MIN` match when the cosine of its
statements is at least :data:`SEMANTIC_MIN`; without the extra it is not used.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from wiretrace.findings.pair import content, is_entity
from wiretrace.language.lexicon import lemma_set
from wiretrace.language.units import sentence_units

#: Columns of the ``story_claims`` table: the claim row's own columns (article, sentence,
#: speaker, kind, cue, quote, offsets into the article), then ``claim_id`` (``C<cluster>.<n>``,
#: numbered in order of first appearance), ``statement`` (the sentence without the
#: attribution), ``score`` (its lexical match score against the best-matching other row of
#: the same claim; 0 for a claim only one version makes) and ``versions`` (how many
#: versions make the claim).
STORY_CLAIM_COLUMNS = [
    "claim_id",
    "cluster_id",
    "article_id",
    "sentence_id",
    "speaker",
    "speaker_kind",
    "cue",
    "claim_type",
    "quote",
    "statement",
    "start",
    "end",
    "quote_start",
    "quote_end",
    "via",
    "score",
    "versions",
]
#: Lexical match score (weighted Dice of the statements' keys) from which two claims of two
#: versions can be the same claim.
MATCH_MIN = 0.4
#: Letters of a lemma kept as its key: "withdrawal", "withdraw" and "withdrawing" share one.
STEM_LETTERS = 7
#: Weight of a name or a figure among a statement's keys (a content word weighs 1).
NAME_WEIGHT = 2.0
#: With the semantic extra: the cosine from which a pair matches, and the lexical score it
#: still needs (statements sharing nothing are never matched on the cosine alone).
SEMANTIC_MIN = 0.8
SEMANTIC_LEXICAL_MIN = 0.2

Encoder = Callable[[Sequence[str]], np.ndarray]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    lemma = min(lemma_set(word) or {word}, key=lambda w: (len(w), w))
    return lemma[:STEM_LETTERS]


def statement_keys(text: str) -> dict[str, float]:
    """The keys of a statement and their weights: content-word stems (1), names and
    figures (:data:`NAME_WEIGHT`). Stop words, punctuation and possessives are left out."""
    keys: dict[str, float] = {}
    for unit in content(sentence_units(text)):
        if unit.kind == "punct" or not re.search(r"\w", unit.key):
            continue
        if unit.kind == "word":
            key, weight = _stem(unit.key), NAME_WEIGHT if is_entity(unit) else 1.0
        else:
            key, weight = unit.key, NAME_WEIGHT
        keys[key] = max(weight, keys.get(key, 0.0))
    return keys


def claim_similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted Dice coefficient of two statements' keys (:func:`statement_keys`), 0 to 1:
    twice the weight of the shared keys over the weight of both; 0 when either is empty."""
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    shared = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    return round(2 * shared / total, 4)


def statement(sentence_text: str, start: int, end: int) -> str:
    """The sentence without its attribution: ``sentence_text`` with ``start``..``end`` (the
    speaker and cue, offsets into the sentence) cut out, spaces and stray commas tidied."""
    cut = sentence_text[: max(0, start)] + " " + sentence_text[max(start, end) :]
    cut = re.sub(r"\s*,\s*(?=[,.;:]|$)", "", cut)
    cut = re.sub(r"(?<=\s),(?=\s)", "", cut)  # the comma that closed the attribution
    return re.sub(r"\s+", " ", cut).strip(" ,")


def _statements(claims: pd.DataFrame, corpus) -> list[str]:
    """The statement of each claim row (see :func:`statement`)."""
    texts = {a.article_id: a for a in corpus.ok}
    out = []
    for row in claims.itertuples(index=False):
        article = texts[row.article_id]
        sentence = article.sentences[int(row.sentence_id)]
        out.append(
            statement(sentence.text, int(row.start) - sentence.start, int(row.end) - sentence.start)
        )
    return out


def _pair_scores(keys: list[dict], rows: list[int], encoder, texts: list[str]) -> np.ndarray:
    """Match scores of every two rows of one cluster (lexical, raised by the cosine)."""
    n = len(rows)
    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = claim_similarity(keys[rows[i]], keys[rows[j]])
    if encoder is not None and n > 1:
        vectors = encoder([texts[r] for r in rows])
        cosine = vectors @ vectors.T
        lifted = (cosine >= SEMANTIC_MIN) & (scores >= SEMANTIC_LEXICAL_MIN)
        scores = np.where(lifted, np.maximum(scores, MATCH_MIN), scores)
    return scores


def _matched_pairs(articles: list[str], scores: np.ndarray) -> list[tuple[float, int, int]]:
    """``(score, i, j)`` of the rows of two different versions that are each other's best
    match in the other version and score at least :data:`MATCH_MIN`, best first."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        by_article[article].append(i)
    pairs = []
    for i, a in enumerate(articles):
        for b, others in by_article.items():
            if b == a:
                continue
            j = max(others, key=lambda k: (scores[i, k], -k))
            if scores[i, j] < MATCH_MIN or i > j:
                continue
            mine = by_article[a]
            if max(mine, key=lambda k: (scores[j, k], -k)) == i:
                pairs.append((float(scores[i, j]), i, j))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def _components(articles: list[str], pairs: list[tuple[float, int, int]]) -> list[int]:
    """The group of each row: pairs joined best first, one row per version in a group."""
    group = list(range(len(articles)))
    members = {i: {i} for i in group}
    for _, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj:
            continue
        if {articles[k] for k in members[gi]} & {articles[k] for k in members[gj]}:
            continue  # the two groups hold a claim of the same version: not one claim
        for k in members[gj]:
            group[k] = gi
        members[gi] |= members.pop(gj)
    return group


def group_statements(
    versions: Sequence[str], texts: Sequence[str], encoder: Encoder | None = None
) -> tuple[list[int], np.ndarray]:
    """Which statements make the same claim: ``versions[i]`` is the version (article id)
    of statement ``texts[i]``. Returns the group of each statement (statements of one group
    make one claim; at most one per version) and the matrix of match scores."""
    keys = [statement_keys(t) for t in texts]
    rows = list(range(len(texts)))
    scores = _pair_scores(keys, rows, encoder, list(texts))
    return _components(list(versions), _matched_pairs(list(versions), scores)), scores


def match_claims(
    claims: pd.DataFrame,
    corpus,
    clusters: Mapping[str, object] | None = None,
    encoder: Encoder | None = None,
) -> pd.DataFrame:
    """The ``story_claims`` table: every claim row with the id of the claim it makes.

    ``claims`` is the provenance stage's table, ``corpus`` the audit's corpus (for the
    sentences), ``clusters`` maps an article id to its story cluster (claims are matched
    within a cluster only; default: one story), ``encoder`` the optional semantic encoder.
    Returns :data:`STORY_CLAIM_COLUMNS`, rows in the order of ``claims``.
    """
    if claims is None or not len(claims):
        return pd.DataFrame(columns=STORY_CLAIM_COLUMNS)
    claims = claims.reset_index(drop=True)
    texts = _statements(claims, corpus)
    cluster_of = [(clusters or {}).get(a, 0) for a in claims["article_id"]]
    claim_id = [""] * len(claims)
    score = [0.0] * len(claims)
    versions = [1] * len(claims)
    for cluster in sorted(set(cluster_of), key=str):
        rows = [i for i, c in enumerate(cluster_of) if c == cluster]
        group, scores = group_statements(
            [claims.at[r, "article_id"] for r in rows], [texts[r] for r in rows], encoder
        )
        numbers: dict[int, int] = {}
        for local, r in enumerate(rows):
            number = numbers.setdefault(group[local], len(numbers) + 1)
            claim_id[r] = f"C{cluster}.{number}"
            mates = [k for k in range(len(rows)) if group[k] == group[local] and k != local]
            score[r] = max((float(scores[local, k]) for k in mates), default=0.0)
            versions[r] = len(mates) + 1
    table = claims.assign(
        claim_id=claim_id, cluster_id=cluster_of, statement=texts, score=score, versions=versions
    )
    return table[STORY_CLAIM_COLUMNS]
