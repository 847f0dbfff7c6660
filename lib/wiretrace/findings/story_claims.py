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
most one row per version (but for a restatement, :func:`restatements`); a statement left
alone between matched neighbours may join one in the same place of another version
(:func:`fill_gaps`), and a statement left alone next to a matched one joins its claim when
another version says the two in one sentence (:func:`merges`: a rewrite merging or
splitting sentences). A word that is no English word may be a misspelling of the other
statement's (:func:`misspelling_of`). The speaker takes part only to lower the bar: two
statements of one speaker (:func:`speaker_identities`: a shared name, a pronoun or a role
resolved within its version) match from :data:`NAMED_MATCH_MIN` (one person quoted in
other words), or from any score when one repeats the other's words in a row
(:func:`says_verbatim`: a quotation trimmed); a claim re-attributed is still the same claim.
The score cannot be compared with the alignment's similarity (other keys, other measure).
``wtbench.story_claims`` measures precision, recall and the false-match rate of the
matching on claim pairs built from real text. An optional ``encoder`` (the ``semantic``
extra, :func:`wiretrace.rewrites.semantic.load_encoder`) lets a pair whose lexical score is
at least :data:`SEMANTIC_LEXICAL_MIN` match when the cosine of its statements is at least
:data:`SEMANTIC_MIN`; without the extra it is not used.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd

from wiretrace import schema
from wiretrace.findings import checks
from wiretrace.findings.checks.variant import as_variant
from wiretrace.findings.finding import FINDING_EXTRA_COLUMNS, Finding, finding_row, quoted
from wiretrace.findings.pair import content, is_entity
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.language.lexicon import (
    edit_distance,
    gb_words,
    in_us_dictionary,
    is_word,
    lemma_set,
    lemmas,
    load_lexicon,
    zipf,
)
from wiretrace.language.resources import word_groups, word_list
from wiretrace.language.units import open_quote_spans, quotation_spans, sentence_units
from wiretrace.provenance.claims import compare_speakers
from wiretrace.provenance.credits import credits_by_article

#: Columns of the ``story_claims`` table: the claim row's own columns (article, sentence,
#: speaker, kind, cue, quote, offsets into the article), then ``claim_id`` (``C<cluster>.<n>``,
#: numbered in order of first appearance), ``statement`` (the sentence without the
#: attribution), ``score`` (its lexical match score against the best-matching row of another
#: version of the same claim; 0 for a claim only one version makes) and ``versions`` (how many
#: versions make the claim; a version restating it counts once).
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
#: Match score from which two claims whose speakers share a name are the same claim.
NAMED_MATCH_MIN = 0.3
#: Letters of a lemma kept as its key: "withdrawal", "withdraw" and "withdrawing" share one.
STEM_LETTERS = 7
#: Weight of a name or a figure among a statement's keys (a content word weighs 1).
NAME_WEIGHT = 2.0
#: With the semantic extra: the cosine from which a pair matches, and the lexical score it
#: still needs (statements sharing nothing are never matched on the cosine alone).
#: ``wtbench.story_claims --semantic`` tries others on its dev sets
#: (``benchmarks/results/story_claims_semantic.json``): lower cosines raise more pairs of
#: different claims than of one, so these stay.
SEMANTIC_MIN = 0.8
SEMANTIC_LEXICAL_MIN = 0.2

Encoder = Callable[[Sequence[str]], np.ndarray]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    lemma = min(lemma_set(word) or {word}, key=lambda w: (len(w), w))
    return lemma[:STEM_LETTERS]


def statement_keys(text: str) -> dict[str, float]:
    """The keys of a statement and their weights: content-word stems (1), names and
    figures (:data:`NAME_WEIGHT`). Stop words, punctuation and possessives are left out.
    The stem of a word that is no English word (:func:`~wiretrace.language.lexicon.is_word`:
    a misspelling, "inheart") is marked :data:`MISSPELT` (see :func:`claim_similarity`)."""
    keys: dict[str, float] = {}
    for unit in content(sentence_units(text)):
        if unit.kind == "punct" or not re.search(r"\w", unit.key):
            continue
        if unit.kind == "word":
            key, weight = _stem(unit.key), NAME_WEIGHT if is_entity(unit) else 1.0
            if weight == 1.0 and unit.key.isalpha() and not is_word(unit.key):
                key = MISSPELT + key
        else:
            key, weight = unit.key, NAME_WEIGHT
        keys[key] = max(weight, keys.get(key, 0.0))
    return keys


#: Mark of a key whose word is no English word: it may be a misspelling of a key of the
#: other statement within :func:`misspelling_of`'s reach.
MISSPELT = "~"


@lru_cache(maxsize=65536)
def misspelling_of(key: str, other: str) -> bool:
    """True when ``key`` (a :data:`MISSPELT` stem) may be a misspelling of ``other``: both
    of at least 4 letters with one first letter, at most one edit apart (two from 6
    letters; a swap of two letters is one), or one stem: "natuarl" / "natural", "inheart" /
    "inherit", "~control" / "control"."""
    a, b = key.lstrip(MISSPELT), other.lstrip(MISSPELT)
    if a == b:
        return True  # "controled": the stem of "controlled"
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    return edit_distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)


def claim_similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted Dice coefficient of two statements' keys (:func:`statement_keys`), 0 to 1:
    twice the weight of the shared keys over the weight of both; 0 when either is empty.
    A :data:`MISSPELT` key not shared is shared with a key of the other statement it may
    misspell (:func:`misspelling_of`), each key once."""
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    both = a.keys() & b.keys()
    shared = sum(min(a[k], b[k]) for k in both)
    if any(k[0] == MISSPELT for k in a) or any(k[0] == MISSPELT for k in b):
        shared += _misspelt_shared(a, b, both)
    return round(2 * shared / total, 4)


def _misspelt_shared(a: Mapping[str, float], b: Mapping[str, float], both: set) -> float:
    """The weight of the keys of ``a`` and ``b`` (not in ``both``) paired as misspellings."""
    right = [k for k in b if k not in both]
    used: set[str] = set()
    shared = 0.0
    for k in a:
        if k in both:
            continue
        word = k.lstrip(MISSPELT)
        for o in right:
            if o in used or (k[0] != MISSPELT and o[0] != MISSPELT):
                continue
            other = o.lstrip(MISSPELT)
            if word[:1] != other[:1] or abs(len(word) - len(other)) > 2:
                continue
            if misspelling_of(k, o):
                used.add(o)
                shared += min(a[k], b[o])
                break
    return shared


#: Zipf frequency (:func:`~wiretrace.language.lexicon.zipf`, wordfreq) from which a word is
#: common ("want", "get", "think", "man", "first", "not"): sharing it says nothing of what a
#: statement claims.
COMMON_ZIPF = 5.5
#: Content words (:func:`content_stems`) two statements must share for the lower bar of one
#: speaker (:data:`NAMED_MATCH_MIN`) or of a trimmed quotation (:func:`contained`).
LIFT_WORDS = 2
#: Share of the shorter statement's content words the longer one must hold for two
#: statements of one speaker to be one claim trimmed (see :func:`_lift_named`).
CONTAINED_MIN = 2 / 3


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """The keys (as in :func:`statement_keys`, a misspelt word's marked :data:`MISSPELT`)
    of the words of a statement that say what it claims: figures but a person's age, and
    words not common (zipf below :data:`COMMON_ZIPF`) that are no person's name
    (:func:`_in_name`). "Mr Hollis, 71, came into Mr Varga's room alone" -> {"room",
    "alone"}: a person's name says whom a claim is about, not what it says of them; "the
    SMART Information Retrieval System" keeps "information", "retrieval" and "system";
    "1,500 troops" keeps "NUM:1500"."""
    units = sentence_units(text)
    kept = set(content(units))
    out = set()
    for n, unit in enumerate(units):
        word = unit.key
        if unit.kind == "num" and not _age(text, units, n):
            out.add(word)
        if unit not in kept or unit.kind != "word" or len(word) < 3 or not word.isalpha():
            continue
        if _common(word) or (is_entity(unit) and _in_name(units, n)):
            continue
        out.add(_stem(word) if is_word(word) else MISSPELT + _stem(word))
    return frozenset(out)


#: Titles that make the capitalised word after them a person's name ("Ms Baker", "PC Rose").
NAME_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "judge", "pc", "wpc", "sgt"}
)


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
    """True when ``word`` or its lemma is common (zipf at least :data:`COMMON_ZIPF`:
    "thinks", "asked", "met")."""
    lemma = min(lemma_set(word) or {word}, key=lambda w: (len(w), w))
    return max(zipf(word), zipf(lemma)) >= COMMON_ZIPF


def _age(text: str, units: list, n: int) -> bool:
    """True when the figure ``units[n]`` (of ``text``) follows a capitalised word and a
    comma ("Daniel Hollis, 42,"): a person's age."""
    before = units[n - 1] if n else None
    return (
        before is not None
        and before.kind == "word"
        and before.cap
        and text[before.end : units[n].start].strip() == ","
    )


def _in_name(units: list, n: int) -> bool:
    """True when the capitalised word ``units[n]`` is (part of) a person's name: no
    dictionary word ("Hollis"), or a dictionary word after a title or next to a
    capitalised word that is no dictionary word ("Ms Baker", "Rose Varga", "Tess
    Miller"); "the Treasury", "Space Invaders", "the Crown Court" are content."""
    word = units[n].key
    if not (word in gb_words() or in_us_dictionary(word)):
        return True
    for k in (n - 1, n + 1):
        if not 0 <= k < len(units) or units[k].kind != "word" or not units[k].cap:
            continue
        other = units[k].key
        if (k < n and other in NAME_TITLES) or not (
            other in gb_words() or in_us_dictionary(other) or units[k].initial
        ):
            return True
    return False


def shares_content(a: str, b: str) -> int:
    """How many content words (:func:`content_stems`) statements ``a`` and ``b`` share, a
    misspelt word counted with the word it may misspell (:func:`misspelling_of`). Two
    statements sharing none (only names, figures or common words: "Mr Varga" and
    "Mr Hollis" in two questions of one cross-examination) are not one claim."""
    return _content_shared(content_stems(a), content_stems(b))


def _content_shared(a: frozenset[str], b: frozenset[str]) -> int:
    """:func:`shares_content` of two sets of content stems."""
    both = a & b
    rest = [k for k in b if k not in both]
    count = len(both)
    for k in a - both:
        match = next(
            (o for o in rest if (k[0] == MISSPELT or o[0] == MISSPELT) and misspelling_of(k, o)),
            None,
        )
        if match is not None:
            rest.remove(match)
            count += 1
    return count


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


def _pair_scores(
    keys: list[dict],
    rows: list[int],
    encoder,
    texts: list[str],
    semantic: tuple[float, float] = (SEMANTIC_MIN, SEMANTIC_LEXICAL_MIN),
) -> np.ndarray:
    """Match scores of every two rows of one cluster (lexical, raised to :data:`MATCH_MIN`
    by the cosine: ``semantic`` is the cosine from which a pair is raised and the lexical
    score it still needs)."""
    n = len(rows)
    scores = _distinct_scores([keys[r] for r in rows], [texts[r] for r in rows])
    if encoder is not None and n > 1:
        vectors = encoder([texts[r] for r in rows])
        cosine = vectors @ vectors.T
        lifted = (cosine >= semantic[0]) & (scores >= semantic[1])
        scores = np.where(lifted, np.maximum(scores, MATCH_MIN), scores)
    return scores


def _distinct_scores(keys: list[dict], texts: list[str]) -> np.ndarray:
    """:func:`claim_similarity` of every two statements ``i < j`` (``keys[i]``, ``keys[j]``),
    both ways in the matrix, 0 on its diagonal; scored once per two distinct statement
    texts, since copies repeat their source's statements word for word. (The score of a
    misspelt key depends on which side it is on: then both orders are scored.)"""
    distinct: dict[str, int] = {}
    first: list[int] = []
    for i, text in enumerate(texts):
        if distinct.setdefault(text, len(distinct)) == len(first):
            first.append(i)
    pairs = np.zeros((len(first), len(first)))
    for u, i in enumerate(first):
        misspelt = any(k[0] == MISSPELT for k in keys[i])
        for v in range(u, len(first)):
            j = first[v]
            pairs[u, v] = pairs[v, u] = claim_similarity(keys[i], keys[j])
            if misspelt or any(k[0] == MISSPELT for k in keys[j]):
                pairs[v, u] = claim_similarity(keys[j], keys[i])
    at = np.array([distinct[t] for t in texts], dtype=np.int64)
    scores = np.triu(pairs[np.ix_(at, at)], 1)  # row i < j reads claim_similarity(i, j)
    return scores + scores.T


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
    versions: Sequence[str],
    texts: Sequence[str],
    encoder: Encoder | None = None,
    speakers: Sequence[str] | None = None,
    quotes: Sequence[str] | None = None,
    semantic: tuple[float, float] = (SEMANTIC_MIN, SEMANTIC_LEXICAL_MIN),
) -> tuple[list[int], np.ndarray]:
    """Which statements make the same claim: ``versions[i]`` is the version (article id)
    of statement ``texts[i]``, ``speakers[i]`` (optional) its speaker, statements of one
    version in text order, ``quotes[i]`` (optional) its quoted words. Returns the group of
    each statement (statements of one group make one claim; one per version, but for a
    restatement, see :func:`restatements`, or a merge, :func:`merges`) and the matrix of
    match scores. Two statements of one speaker (:func:`speaker_identities`: a shared
    name, "Judge Mary Holloway" / "Sentencing the pair, Judge Mary Holloway"; "he" resolved
    to the last named speaker before it; "the judge" to the named judge of its version)
    need only :data:`NAMED_MATCH_MIN` (:func:`_lift_named`): one person quoted in other
    words. Two statements sharing no content word (:func:`shares_content`) are never one
    claim, nor two statements of two people (:func:`two_people`) unless they say the same
    words: a score of :data:`IDENTITY_MIN`, or one trimmed from the other sharing more than
    :data:`LIFT_WORDS` content words (:func:`_contained`; a claim re-attributed). With an
    ``encoder``, a pair whose cosine is at least ``semantic[0]`` and whose lexical score is
    at least ``semantic[1]`` (default :data:`SEMANTIC_MIN`, :data:`SEMANTIC_LEXICAL_MIN`)
    scores :data:`MATCH_MIN`; the other rules apply to it as to any pair."""
    read = {t: statement_keys(t) for t in dict.fromkeys(texts)}  # copies repeat statements
    keys = [read[t] for t in texts]
    rows = list(range(len(texts)))
    scores = _pair_scores(keys, rows, encoder, list(texts), semantic)
    identities = speaker_identities(versions, speakers) if speakers is not None else None
    shared = _shared_content(list(texts))
    sizes = np.array([len(content_stems(t)) for t in texts], dtype=np.int64)
    allowed = shared >= 1
    if speakers is not None:
        said_again = (scores >= IDENTITY_MIN) | (_contained(shared, sizes) & (shared > LIFT_WORDS))
        allowed &= ~(_two_people(speakers) & ~said_again)
    lexical = np.where(allowed, scores, 0.0)
    lifted = scores
    if identities is not None:
        lifted = _lift_named(scores, identities, shared, sizes)
        lifted = _lift_verbatim(lifted, identities, list(texts), shared)
    gated = np.where(allowed, lifted, 0.0)
    group = _components(list(versions), _matched_pairs(list(versions), gated))
    group = fill_gaps(list(versions), gated, group)
    group = merges(list(versions), keys, lexical, group, identities)
    if identities is None:
        return group, lifted
    quoted = list(quotes) if quotes is not None else [""] * len(texts)
    return restatements(list(versions), lexical, group, identities, quoted), lifted


def _contained(shared: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Which two statements are one trimmed from the other: they share at least
    :data:`LIFT_WORDS` content words (``shared``, :func:`shares_content`) and at least
    :data:`CONTAINED_MIN` of the shorter's (``sizes``: each statement's number of content
    words), however much the longer adds ("The plan was a house of cards." / "..., the plan
    was a house of cards that fell at the first gust of wind, as everyone in the office
    knew")."""
    smaller = np.minimum.outer(sizes, sizes)
    return (shared >= LIFT_WORDS) & (shared >= CONTAINED_MIN * smaller)


def _shared_content(texts: list[str]) -> np.ndarray:
    """:func:`shares_content` of every two statements (scored once per two distinct texts)."""
    distinct = list(dict.fromkeys(texts))
    at = {t: n for n, t in enumerate(distinct)}
    stems = [content_stems(t) for t in distinct]
    pairs = np.array([[_content_shared(a, b) for b in stems] for a in stems], dtype=np.int64)
    index = np.array([at[t] for t in texts], dtype=np.int64)
    return pairs[np.ix_(index, index)]


def two_people(a: str, b: str) -> bool:
    """True when speaker phrases ``a`` and ``b`` both name someone and share no name, nor a
    short form of one ("Mr Hollis" / "Mr Varga"; "Kowal" / "Kowalski" are one): two
    statements of two people are two claims unless they say the same words (see
    :data:`IDENTITY_MIN`: a claim re-attributed)."""
    names_a, names_b = _person_names(a), _person_names(b)
    if not names_a or not names_b or names_a & names_b:
        return False
    return not any(
        len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x))
        for x in names_a
        for y in names_b
    )


def _person_names(speaker: str) -> set[str]:
    """:func:`speaker_names` of a speaker phrase without pronouns ("He") and words in capitals
    ("A TEACHER" opening a story)."""
    capitals = {w.lower() for w in re.findall(r"[\w\-]+", str(speaker)) if w.isupper()}
    return speaker_names({"speaker": speaker}) - capitals - set(_PRONOUN_SEX) - {"it", "we", "i"}


def _two_people(speakers: Sequence[str]) -> np.ndarray:
    """:func:`two_people` of every two claim rows' speakers."""
    distinct = list(dict.fromkeys(str(s) for s in speakers))
    at = {s: n for n, s in enumerate(distinct)}
    pairs = np.array([[two_people(a, b) for b in distinct] for a in distinct], dtype=bool)
    index = np.array([at[str(s)] for s in speakers], dtype=np.int64)
    return pairs[np.ix_(index, index)]


#: Match score (:func:`claim_similarity`) the keys of two neighbouring statements of one
#: version need together with one statement of another version for that statement to be
#: taken as the two merged into one sentence (see :func:`merges`).
MERGE_MIN = 0.8


def merges(
    articles: list[str],
    keys: list[dict[str, float]],
    scores: np.ndarray,
    group: list[int],
    identities: list[SpeakerIdentity] | None = None,
) -> list[int]:
    """``group`` with each statement ``i`` left alone joined to the claim of the statement
    ``n`` next to it in its version, when a statement ``b`` of another version in ``n``'s
    claim says both in one sentence (a rewrite merging two sentences: "The definition of
    a term depends on the application." + "Typically terms are single words or longer
    phrases." / "How a term is defined depends on the application: terms are single words
    or longer phrases."): ``i`` alone scores at least :data:`GAP_MIN` with ``b`` (the
    lexical ``scores``), the keys of ``i`` and ``n`` together score at least
    :data:`MERGE_MIN` with ``b`` and more than ``n`` alone, and, with speakers
    (``identities``), ``i`` and ``n`` may be one speaker (:meth:`SpeakerIdentity.same`).
    The claim then holds two statements of ``i``'s version, as for a restatement."""
    out = list(group)
    sizes = Counter(group)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for k, article in enumerate(articles):
        rows_of[article].append(k)
    for i, article in enumerate(articles):
        if sizes[group[i]] > 1:
            continue
        mine = rows_of[article]
        at = mine.index(i)
        for n in [mine[k] for k in (at - 1, at + 1) if 0 <= k < len(mine)]:
            if identities is not None and not identities[i].same(identities[n]):
                continue
            if any(_merged_in(keys, scores, i, n, b) for b in _mates(articles, group, n)):
                out[i] = group[n]
                break
    return out


def _mates(articles: list[str], group: list[int], n: int) -> list[int]:
    """The statements of other versions in ``n``'s claim."""
    return [b for b, g in enumerate(group) if g == group[n] and articles[b] != articles[n]]


def _merged_in(keys: list[dict], scores: np.ndarray, i: int, n: int, b: int) -> bool:
    """True when statement ``b`` says ``i`` and ``n`` in one sentence (see :func:`merges`)."""
    if scores[i, b] < GAP_MIN:
        return False
    both = dict(keys[n])
    for key, weight in keys[i].items():
        both[key] = max(weight, both.get(key, 0.0))
    together = claim_similarity(both, keys[b])
    return together >= MERGE_MIN and together > scores[n, b]


#: Match score from which a statement left alone between two matched neighbours (its
#: version's statements before and after it make claims the other version makes, in the
#: same order) matches a statement left alone between those in the other version.
GAP_MIN = 0.25
#: Statements left alone a gap of the other version may hold for the one to be paired.
GAP_ROWS = 3


def fill_gaps(articles: list[str], scores: np.ndarray, group: list[int]) -> list[int]:
    """``group`` with the gaps of two versions' order filled: a statement ``i`` not matched
    in another version, whose nearest statements before and after it matched there (at
    most :data:`GAP_ROWS` statements apart) are matched to statements ``p`` before ``n``,
    joins the best of the at most :data:`GAP_ROWS` statements between ``p`` and ``n`` not
    matched in its version either, from a score of :data:`GAP_MIN` (a heavy paraphrase in
    the same place of the story, and no version in both groups); repeated while a gap is
    filled."""
    rows_of: dict[str, list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        rows_of[article].append(i)
    gaps = _Gaps(list(group), articles)
    changed = True
    while changed:
        changed = False
        for i, article in enumerate(articles):
            for other, theirs in rows_of.items():
                if other != article and gaps.fill(i, rows_of[article], theirs, scores):
                    changed = True
    return gaps.group


class _Gaps:
    """The groups of :func:`fill_gaps` and the versions each holds, joined as gaps fill."""

    def __init__(self, group: list[int], articles: list[str]) -> None:
        self.group, self.articles = group, articles
        self.versions: dict[int, set[str]] = defaultdict(set)
        for k, g in enumerate(group):
            self.versions[g].add(articles[k])

    def has(self, k: int, version: str) -> bool:
        """True when ``k``'s group holds a statement of ``version``."""
        return version in self.versions[self.group[k]]

    def fill(self, i: int, mine: list[int], theirs: list[int], scores: np.ndarray) -> bool:
        """Join ``i`` (a statement of the version whose rows are ``mine``) to a statement of
        ``theirs`` in its gap (see :func:`fill_gaps`); True when it did."""
        me, them = self.articles[i], self.articles[theirs[0]]
        if self.has(i, them):
            return False  # already matched in that version
        at = mine.index(i)
        before = next((n for n in range(at - 1, -1, -1) if self.has(mine[n], them)), None)
        after = next((n for n in range(at + 1, len(mine)) if self.has(mine[n], them)), None)
        if before is None or after is None or after - before - 1 > GAP_ROWS:
            return False
        place = {self.group[k]: n for n, k in enumerate(theirs)}
        start, end = place[self.group[mine[before]]], place[self.group[mine[after]]]
        gap = [k for k in theirs[start + 1 : end] if not self.has(k, me)]
        if not gap or len(gap) > GAP_ROWS:
            return False
        best = max(gap, key=lambda k: (scores[i, k], -k))
        mine_g, old = self.group[i], self.group[best]
        if scores[i, best] < GAP_MIN or self.versions[mine_g] & self.versions[old]:
            return False
        for k, g in enumerate(self.group):
            if g == old:
                self.group[k] = mine_g
        self.versions[mine_g] |= self.versions.pop(old)
        return True


def _lift_named(
    scores: np.ndarray, identities: list[SpeakerIdentity], shared: np.ndarray, sizes: np.ndarray
) -> np.ndarray:
    """``scores`` with the pairs of one speaker (:meth:`SpeakerIdentity.same`) raised to
    :data:`MATCH_MIN` (the best match is still needed) when they score at least
    :data:`NAMED_MATCH_MIN` and share at least :data:`LIFT_WORDS` content words (``shared``,
    :func:`shares_content`; all of them when a statement has fewer, ``sizes``: "denies
    theft" / "denies theft on 3 May"), or when one is the other trimmed
    (:func:`_contained`): one speaker says many things of the people of a story, so names
    shared do not lower the bar."""
    lifted = scores.copy()
    needed = np.maximum(1, np.minimum(LIFT_WORDS, np.minimum.outer(sizes, sizes)))
    candidates = ((scores >= NAMED_MATCH_MIN) & (shared >= needed)) | _contained(shared, sizes)
    for i, j in zip(*np.nonzero(candidates & (scores < MATCH_MIN)), strict=True):
        if i != j and identities[i].same(identities[j]):
            lifted[i, j] = MATCH_MIN
    return lifted


#: Words the shorter of two statements needs to be taken as trimmed from the longer when
#: the longer holds all of its words in a row (:func:`says_verbatim`).
VERBATIM_WORDS = 3
#: Words a quoted phrase needs for :func:`says_verbatim` (one word in quotation marks, a
#: "tyrant", is a label many sentences of a story may use).
QUOTED_WORDS = 2


@lru_cache(maxsize=65536)
def _word_keys(text: str) -> tuple[str, ...]:
    return tuple(u.key for u in sentence_units(text) if u.kind != "punct")


@lru_cache(maxsize=65536)
def _quoted_runs(text: str) -> tuple[tuple[str, ...], ...]:
    """The word keys of each passage of ``text`` in quotation marks (double or British
    single: :func:`~wiretrace.language.units.quotation_spans`) of at least
    :data:`QUOTED_WORDS` words holding a content word."""
    runs = []
    for start, end in quotation_spans(text):
        fragment = text[start:end]
        words = _word_keys(fragment)
        if len(words) >= QUOTED_WORDS and content_stems(fragment):
            runs.append(words)
    return tuple(runs)


def _holds(longer: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """True when ``run`` (at least one key) is a contiguous part of ``longer``."""
    n = len(run)
    return n > 0 and any(longer[k : k + n] == run for k in range(len(longer) - n + 1))


@lru_cache(maxsize=65536)
def says_verbatim(a: str, b: str) -> bool:
    """True when one of statements ``a`` and ``b`` repeats the other's words in a row: the
    words one puts in quotation marks, at least :data:`QUOTED_WORDS` holding a content word
    (:func:`content_stems`), are
    all in the other in that order ('the pact was "tragically mutual"' / 'the deaths were
    tragically mutual, he said'), or the whole of the shorter, at least
    :data:`VERBATIM_WORDS` words with a content word, is in the longer ("'I am the mayor."
    / "'I am the mayor,' adding: 'I will stay on.'"): a quotation trimmed, the same words
    of one claim whatever else the sentences say."""
    keys = {a: _word_keys(a), b: _word_keys(b)}
    for text, other in ((a, b), (b, a)):
        if any(_holds(keys[other], run) for run in _quoted_runs(text)):
            return True
    short, long_ = sorted((a, b), key=lambda t: (len(keys[t]), t))
    return (
        len(keys[short]) >= VERBATIM_WORDS
        and bool(content_stems(short))
        and _holds(keys[long_], keys[short])
    )


def _lift_verbatim(
    scores: np.ndarray, identities: list[SpeakerIdentity], texts: list[str], shared: np.ndarray
) -> np.ndarray:
    """``scores`` with the pairs of one speaker (:meth:`SpeakerIdentity.same`) sharing a
    content word (``shared``) raised to :data:`MATCH_MIN` when one repeats the other's
    words in a row (:func:`says_verbatim`): one person's quotation trimmed (the best
    match is still needed)."""
    lifted = scores.copy()
    for i, j in zip(*np.nonzero((scores < MATCH_MIN) & (shared >= 1)), strict=True):
        if i < j and identities[i].same(identities[j]) and says_verbatim(texts[i], texts[j]):
            lifted[i, j] = lifted[j, i] = MATCH_MIN
    return lifted


def restatements(
    articles: list[str],
    scores: np.ndarray,
    group: list[int],
    identities: list[SpeakerIdentity],
    quotes: list[str],
) -> list[int]:
    """``group`` with each statement left alone that restates a claim of its own version
    joined to that claim (a wire story giving a claim in its opening and again later): its
    best match in another version scores at least :data:`MATCH_MIN` and is in a group
    holding a statement of its own version by the same speaker (``identities``,
    :meth:`SpeakerIdentity.same`) that it matches at least :data:`MATCH_MIN` too.
    ``scores`` are the lexical ones, not lifted for one speaker: one speaker says many
    things about one subject, a restatement says the same words again. Two quotations
    (``quotes``) of one version are two utterances unless they share their wording
    ("The new road will cut journey times," said Mr Smith. / "The town centre will be
    quieter," he added)."""
    out = list(group)
    sizes = Counter(group)
    for i, article in enumerate(articles):
        others = [k for k, a in enumerate(articles) if a != article]
        if sizes[group[i]] > 1 or not others:
            continue
        j = max(others, key=lambda k: (scores[i, k], -k))
        mates = [k for k, a in enumerate(articles) if a == article and group[k] == group[j]]
        if scores[i, j] >= MATCH_MIN and any(
            scores[i, k] >= MATCH_MIN
            and identities[i].same(identities[k])
            and not _two_utterances(quotes[i], quotes[k])
            for k in mates
        ):
            out[i] = group[j]
    return out


#: Speaker words that stand for the speaker of an earlier claim, and the sex they imply.
_PRONOUN_SEX = {"he": "m", "she": "f", "they": ""}
#: Titles that tell a named speaker's sex (for a pronoun to stand for them).
_TITLE_SEX = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f"}
#: Titles of the one person presiding over a hearing ("the judge", "the Recorder", "Mr
#: Justice Turner", "Sheriff Fiona Reith"): one role, ``presiding``, whatever the title.
PRESIDING_TITLES = word_groups("speaker_words")["presiding_title"]


@dataclass(frozen=True)
class SpeakerIdentity:
    """Who a claim row's speaker is, as far as the speaker phrase and its version tell:
    ``names`` (:func:`speaker_names`, or those of the speaker a pronoun or role stands
    for), ``roles`` (:func:`speaker_roles`) and ``sex`` ("m", "f" or "" when not told)."""

    names: frozenset[str]
    roles: frozenset[str]
    sex: str = ""

    def same(self, other: SpeakerIdentity) -> bool:
        """True when the two may be one speaker: a shared name, or, when either has no
        name, a shared role ("the judge" / "Judge Aldridge"; two named speakers sharing
        only a role, "inspector Cole" / "inspector Skinner", are two people)."""
        if self.names & other.names:
            return True
        return (not self.names or not other.names) and bool(self.roles & other.roles)


def _told_sex(sexes: Mapping, version: str, identity: SpeakerIdentity) -> str:
    """The sex of a speaker: its own, or the one told of any of its names in its version."""
    told = (sexes.get((version, n), "") for n in sorted(identity.names))
    return identity.sex or next((t for t in told if t), "")


def _sex(speaker: str) -> str:
    """The sex a speaker phrase's title tells ("Mr Morris": "m"), or ""."""
    words = [w.lower() for w in re.findall(r"[\w\-]+", str(speaker))]
    return next((_TITLE_SEX[w] for w in words if w in _TITLE_SEX), "")


def speaker_roles(speaker: str) -> frozenset[str]:
    """The roles standing for one person in a speaker phrase (:data:`PERSON_ROLES`,
    singular; ``presiding`` for any of :data:`PRESIDING_TITLES`): "the Recorder of Leeds,
    Judge Ann Hill" -> {"recorder", "judge", "presiding"}."""
    lower = str(speaker).lower()
    roles = set()
    for word in re.findall(r"[\w\-]+", lower):
        if word in PERSON_ROLES:
            roles.add(word)
        roles |= lemmas(word).get("NOUN", frozenset()) & PERSON_ROLES
    if any(re.search(rf"\b{re.escape(t)}\b", lower) for t in PRESIDING_TITLES):
        roles.add("presiding")
    return frozenset(roles)


def speaker_identities(versions: Sequence[str], speakers: Sequence[str]) -> list[SpeakerIdentity]:
    """The :class:`SpeakerIdentity` of each claim row (``versions[i]`` its version,
    ``speakers[i]`` its speaker; rows of one version in text order), resolved within the
    version: a pronoun speaker ("he", "she", "they") stands for the last speaker before it
    that has a name and no other sex; an unnamed role ("the judge", "the recorder") for the
    nearest named speaker of its version carrying that role, the one before it first."""
    own = [
        SpeakerIdentity(frozenset(speaker_names({"speaker": s})), speaker_roles(s), _sex(s))
        for s in speakers
    ]
    sexes: dict[tuple[str, str], str] = {}  # a name's sex told by any speaker of the version
    for version, identity in zip(versions, own, strict=True):
        for name in identity.names if identity.sex else ():
            sexes.setdefault((version, name), identity.sex)
    own = [
        replace(o, sex=o.sex or next((sexes[v, n] for n in o.names if (v, n) in sexes), ""))
        for v, o in zip(versions, own, strict=True)
    ]
    out = list(own)
    rows_of: dict[str, list[int]] = defaultdict(list)
    for i, version in enumerate(versions):
        rows_of[version].append(i)
    for i, (version, speaker) in enumerate(zip(versions, speakers, strict=True)):
        words = [w.lower() for w in re.findall(r"[\w\-]+", str(speaker))]
        mine = rows_of[version]
        at = mine.index(i)
        before = mine[at - 1 :: -1] if at else []
        if len(words) == 1 and words[0] in _PRONOUN_SEX:
            sex = _PRONOUN_SEX[words[0]]
            k = next(
                (
                    k
                    for k in before
                    if out[k].names and sex in ("", _told_sex(sexes, version, out[k]) or sex)
                ),
                None,
            )
            out[i] = SpeakerIdentity(frozenset(), frozenset(), sex)  # no name of its own
            if k is not None:
                out[i] = replace(out[k], sex=_told_sex(sexes, version, out[k]) or sex)
                for name in out[k].names if sex else ():
                    sexes.setdefault((version, name), sex)  # "he" said it: a man
        elif not own[i].names and own[i].roles:
            after = mine[at + 1 :]
            k = next(
                (k for k in before + after if own[k].names and own[k].roles & own[i].roles), None
            )
            if k is not None:
                out[i] = replace(own[i], names=own[k].names)
    return out


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
            [claims.at[r, "article_id"] for r in rows],
            [texts[r] for r in rows],
            encoder,
            [str(claims.at[r, "speaker"]) for r in rows],
            [str(claims.at[r, "quote"] or "") for r in rows],
        )
        numbers: dict[int, int] = {}
        articles = [claims.at[r, "article_id"] for r in rows]
        members: dict[int, list[int]] = defaultdict(list)
        for local, g in enumerate(group):
            members[g].append(local)
        for local, r in enumerate(rows):
            number = numbers.setdefault(group[local], len(numbers) + 1)
            claim_id[r] = f"C{cluster}.{number}"
            mates = [k for k in members[group[local]] if articles[k] != articles[local]]
            score[r] = max((float(scores[local, k]) for k in mates), default=0.0)
            versions[r] = len({articles[k] for k in mates}) + 1
    table = claims.assign(
        claim_id=claim_id, cluster_id=cluster_of, statement=texts, score=score, versions=versions
    )
    return table[STORY_CLAIM_COLUMNS]


# ------------------------------------------------------------ findings on matched claims

#: Match score two versions of a claim need for a different speaker of the same kind (a
#: person for another person) to be reported: below it two statements sharing names (the
#: defendants of a trial) are more likely two claims than one claim re-attributed.
IDENTITY_MIN = 0.7
#: Share of content keys (weighted Dice) two quotations of one claim need to be reported as
#: re-translated: they say the same thing in other words, not other things.
QUOTE_KEYS_MIN = 0.5
#: Share of content keys from which two quotations are one wording (spelling aside:
#: "adrenalin" / "adrenaline"), not two.
QUOTE_SAME_MIN = 0.8
#: Match score a claim needs for a difference to be reported as a ``variant`` when nothing
#: shows the versions must carry the same words.
VARIANT_MIN = 0.7
#: Titles and function words that do not identify a speaker.
_NOT_NAMES = frozenset({"mr", "mrs", "ms", "miss", "dr", "qc", "sir", "lord", "judge", "the"})
#: Roles and titles that are nobody's name, capitalised or not: the speaker words of
#: ``data/speaker_words.csv`` that head a role, an unnamed source or an institution, and
#: its ``title_word`` list (court and police roles: "Counsel", "Detectives").
ROLE_WORDS = frozenset().union(
    *(
        word_groups("speaker_words")[c]
        for c in ("role_noun", "anonymous_head", "institution_word", "title_word")
    )
)
#: Roles that stand for one person ("the judge", "Counsel"), not for an institution.
PERSON_ROLES = (
    word_groups("speaker_words")["role_noun"] | word_groups("speaker_words")["title_word"]
)
#: Words that open a speaker phrase without naming anyone ("Another witness", "The judge").
_OPENERS = frozenset({"the", "a", "an", "another", "one", "some", "fellow"})
#: Words two quotations must share in one run to be the same wording (one quoting the other,
#: perhaps with words changed); below it, two quotations of one claim are two translations
#: or two wordings of it.
SHARED_RUN = 4


@dataclass
class ClaimPair:
    """Two versions of one matched claim, as the checks of scope ``"claim"`` see them.

    ``reference`` is the reading the most versions carry and ``other`` the row of the version
    compared with it (rows of the ``story_claims`` table as dicts); ``reference_text`` and
    ``other_text`` are the two articles' texts (offsets of the rows point into them).
    ``speaker_support``/``quote_support`` give, for each of the two rows, how many versions
    of the claim carry its speaker (:func:`~wiretrace.provenance.claims.compare_speakers`
    ``same``) or its quotation wording (a shared run of :data:`SHARED_RUN` words).
    ``common_origin`` says why the two versions must carry the same words (one derived from
    the other, or the other credits the agency the reference's claim came through), or is
    empty when nothing shows it: then a difference is only a ``variant``.
    """

    reference: dict
    other: dict
    reference_text: str
    other_text: str
    speaker_support: tuple[int, int] = (1, 1)
    quote_support: tuple[int, int] = (1, 1)
    common_origin: str = ""
    #: The match score of the two rows' statements (:func:`claim_similarity`).
    score: float = 1.0
    #: How many versions of the claim carry each row's certainty (:func:`certainty_marks`
    #: of its statement: the same modal, hedging and negating words by group).
    certainty_support: tuple[int, int] = (1, 1)
    #: The sentence spans of the two rows in their texts (reference, other); ``None``:
    #: the attribution's span.
    sentences: tuple[tuple[int, int], tuple[int, int]] | None = None

    def findings(
        self,
        kind: str,
        severity: str,
        span: tuple[int, int],
        reference_span: tuple[int, int],
        why: str,
        reading: str,
    ) -> list[Finding]:
        """The one finding of a check on this pair: ``kind`` at ``span`` of the other
        version (``reference_span`` of the reference), explained by ``why`` and the common
        origin; a ``variant`` when there is no common origin or the reference's ``reading``
        (``speaker``, ``quote`` or ``certainty``) is not carried by more versions than the
        other's."""
        (start, end), (r_start, r_end) = span, reference_span
        supports = {"speaker": self.speaker_support, "certainty": self.certainty_support}
        carried, alone = supports.get(reading, self.quote_support)
        finding = Finding(
            kind,
            severity,
            self.other_text[start:end],
            self.reference_text[r_start:r_end],
            start,
            end,
            why,
            r_start,
            r_end,
        )
        if not self.common_origin or carried <= alone:
            if self.score < VARIANT_MIN:
                return []  # a weak match between independent versions: no evidence either way
            return [as_variant(finding, "independent")]
        return [replace(finding, explanation=f"{why} {self.common_origin}.")]


def same_speaker(a: dict, b: dict) -> bool:
    """True when two claim rows' speakers may be one speaker described otherwise: either is
    a pronoun, they share a name ("Anthony Morris QC, prosecuting" / "Anthony Morris, QC,
    for the prosecution"), or one's words include the other's ("the judge" / "the judge, Mr
    Justice Rattee"); the kinds are not compared (see ``compare_speakers`` for those)."""

    words_a = re.findall(r"[\w\-]+", a["speaker"])
    words_b = re.findall(r"[\w\-]+", b["speaker"])
    pronouns = {"he", "she", "they", "we", "i", "it"}
    if not words_a or not words_b:
        return False
    if words_a[0].lower() in pronouns or words_b[0].lower() in pronouns:
        return True
    names_a, names_b = _names(words_a), _names(words_b)
    if names_a & names_b or any(
        len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))
        for a in names_a
        for b in names_b
    ):
        return True  # a shared name, or a short form of one ("Grob" / "Grobbelaar")
    lower_a = {w.lower() for w in words_a} - _OPENERS
    lower_b = {w.lower() for w in words_b} - _OPENERS
    return bool(lower_a and lower_b) and (lower_a <= lower_b or lower_b <= lower_a)


def person_role(row: dict) -> bool:
    """True when a claim row's speaker is described by a role that stands for one person
    (:data:`PERSON_ROLES`: "the judge", "Counsel for the defence"), so a named speaker
    of another version may be that person; "the ministry" is not."""
    words = [w.lower() for w in re.findall(r"[\w\-]+", str(row["speaker"]))]
    return any(
        w in PERSON_ROLES or lemmas(w).get("NOUN", frozenset()) & PERSON_ROLES for w in words
    )


def quote_keys_share(a: str, b: str) -> float:
    """How much two quotations say the same: :func:`claim_similarity` of their keys, every
    key weighing 1 (names count as words here: two quotations about one defendant are not
    one statement for sharing the name)."""
    return claim_similarity(
        dict.fromkeys(statement_keys(a), 1.0), dict.fromkeys(statement_keys(b), 1.0)
    )


def speaker_names(row: dict) -> set[str]:
    """The names in a claim row's speaker: capitalised words other than titles and
    openers ("Another witness, Mary Parish" -> {"mary", "parish"}; "Heather" -> {"heather"})."""
    return _names(re.findall(r"[\w\-]+", str(row["speaker"]))) - _OPENERS


def _names(words: list[str]) -> set[str]:
    """The capitalised words of a speaker phrase that may be names, lower-cased: titles
    (:data:`_NOT_NAMES`) and roles (:data:`ROLE_WORDS`, singular or plural) are left out,
    whatever their case ("Counsel said", "Detectives said" at the start of a sentence)."""
    out = set()
    for word in words:
        lower = word.lower()
        if not word[:1].isupper() or lower in _NOT_NAMES:
            continue
        if lower in ROLE_WORDS or lemmas(lower).get("NOUN", frozenset()) & ROLE_WORDS:
            continue
        out.add(lower)
    return out


def quote_run(a: str, b: str) -> int:
    """The longest run of comparison units (:mod:`wiretrace.language.units` keys, so
    spelling variants count as one) that quotations ``a`` and ``b`` share, in words."""
    ka = [u.key for u in sentence_units(a) if u.kind != "punct"]
    kb = [u.key for u in sentence_units(b) if u.kind != "punct"]
    if not ka or not kb:
        return 0
    match = SequenceMatcher(None, ka, kb, autojunk=False).find_longest_match(0, len(ka), 0, len(kb))
    return match.size


def _two_utterances(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are both quotations and do not share their wording."""
    return bool(a and b) and not _same_wording({"quote": a}, {"quote": b})


def _same_wording(a: dict, b: dict) -> bool:
    run = quote_run(a["quote"], b["quote"])
    return run >= SHARED_RUN or run == min(len(a["quote"].split()), len(b["quote"].split()))


# ------------------------------------------------------------ certainty of a claim

#: Match score two versions of a claim need for a change of its certainty to be reported:
#: below it the statements differ in too much else for one word to be the change.
CERTAINTY_MIN = 0.5
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019]t)?")
_NT_BASES = {"won't": "will", "can't": "can", "shan't": "shall"}
#: "not only ... but", "not just", "not about hampers but money": a contrast, no
#: negation of the claim.
_NOT_ONLY = re.compile(r"\s+(?:only|just|merely|simply)\b|(?:\s+[\w']+){1,4},?\s+but\b", re.I)
#: A modal in an embedded question ("what they should do", "how it could work") is about
#: the question, not the claim's certainty: a wh-word and at most two words before it.
_EMBEDDED = re.compile(r"\b(?:what|how|whether|why)(?:\s+[\w']+){0,2}\s+$", re.I)


@dataclass(frozen=True)
class Mark:
    """A word that sets how certain a statement is: ``start``/``end`` in the text, the
    ``word`` as written and its ``group``: a modality group of ``data/lexicon.csv``
    ("possibility", "hearsay"...), ``hearsay`` for a hedging phrase of
    ``data/hedge_phrases.txt`` ("is believed to"), ``negation`` for a negator."""

    start: int
    end: int
    word: str
    group: str


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern:
    participles = "|".join(word_list("hedge_phrases"))
    be = r"(?:is|are|was|were|be|been|being)"
    return re.compile(rf"\b{be}\s+(?:not\s+)?(?:{participles})\s+to\b", re.I)


def certainty_marks(text: str, span: tuple[int, int], skip: tuple[int, int] = (0, 0)) -> list[Mark]:
    """The modal, hedging and negating words of ``text[span[0]:span[1]]`` in text order,
    leaving out those starting inside ``skip`` (a claim's attribution: "officials said" is
    not the statement). A contraction ("didn't", "won't") is a negation and, when its base
    is modal, that modal too."""
    lex = load_lexicon()
    marks = []
    for m in _WORD.finditer(text, span[0], span[1]):
        if skip[0] <= m.start() < skip[1]:
            continue
        word = m.group().lower().replace("\u2019", "'")
        if word.endswith("n't"):
            marks.append(Mark(m.start(), m.end(), m.group(), "negation"))
            word = _NT_BASES.get(word, word[:-3])
        if word in lex.negators and not _NOT_ONLY.match(text, m.end()):
            marks.append(Mark(m.start(), m.end(), m.group(), "negation"))
        elif word in lex.modality and not _EMBEDDED.search(text, 0, m.start()):
            marks.append(Mark(m.start(), m.end(), m.group(), lex.modality[word][0]))
    for m in _hedge_pattern().finditer(text, span[0], span[1]):
        if not skip[0] <= m.start() < skip[1]:
            marks.append(Mark(m.start(), m.end(), m.group(), "hearsay"))
    return sorted(marks, key=lambda k: (k.start, k.end))


def row_marks(row: dict, text: str, sentence: tuple[int, int] | None) -> list[Mark]:
    """:func:`certainty_marks` of a claim row's statement: its sentence (``sentence``, or
    the row's own span) without the attribution, but for a hearsay word in the
    attribution ("the source reportedly noted")."""
    attribution = (int(row["start"]), int(row["end"]))
    span = sentence or _row_span(row)
    marks = certainty_marks(text, span, attribution)
    cue = certainty_marks(text, attribution)
    return sorted(marks + [m for m in cue if m.group == "hearsay"], key=lambda m: m.start)


def _row_span(row: dict) -> tuple[int, int]:
    """The span of a claim row's attribution and quotation."""
    if not row["quote"]:
        return int(row["start"]), int(row["end"])
    return (
        min(int(row["start"]), int(row["quote_start"])),
        max(int(row["end"]), int(row["quote_end"])),
    )


def certainty_change(pair: ClaimPair, negation: bool) -> list[Finding]:
    """The finding of a claim whose certainty differs between the two versions of
    ``pair``: a negator (``negation=True``; ``negation_change``) or a modal or hedging
    word (``modality_change``) gained, lost or replaced by one of another group. Inside
    the quotation marks of the other version (or dropped from the reference's quotation
    where the other quotes too) it is ``quote_altered``: a misquote first. Pinned like the
    other claim findings (:meth:`ClaimPair.findings`, reading ``certainty``); nothing when
    the statements match below :data:`CERTAINTY_MIN`."""
    ref, other = pair.reference, pair.other
    spans = pair.sentences or (None, None)
    mine = [
        m
        for m in row_marks(ref, pair.reference_text, spans[0])
        if (m.group == "negation") == negation
    ]
    theirs = [
        m
        for m in row_marks(other, pair.other_text, spans[1])
        if (m.group == "negation") == negation
    ]
    if pair.score < CERTAINTY_MIN or Counter(m.group for m in mine) == Counter(
        m.group for m in theirs
    ):
        return []  # the statements keep their certainty ("nor" for a second "not")
    whole = spans[1] or _row_span(other)
    r_whole = spans[0] or _row_span(ref)
    dropped, added = _local_changes(
        (pair.reference_text, pair.other_text), (r_whole, whole), (mine, theirs)
    )
    if not added and not dropped:
        return []
    quotes = _quotations(pair.other_text, whole)
    if added:
        quote = all(_inside(m, quotes) for m in added)
        span = (added[0].start, added[-1].end)
    else:
        quote = bool(quotes) and all(
            _inside(m, _quotations(pair.reference_text, r_whole)) for m in dropped
        )
        span = quotes[0] if quote else whole
    r_span = (dropped[0].start, dropped[-1].end) if dropped else r_whole
    what = _certainty_words(added, dropped)
    kind = "quote_altered" if quote else "negation_change" if negation else "modality_change"
    why = (
        f"Across versions, {'inside the quotation marks, ' if quote else ''}the same claim "
        f"{what}: {other['article_id']} reads {quoted(pair.other_text[whole[0] : whole[1]])}, "
        f"{pair.certainty_support[0]} version(s) "
        f"{quoted(pair.reference_text[r_whole[0] : r_whole[1]])} ({ref['article_id']})"
    )
    why += ", so the claim now says the opposite." if negation else ", so its certainty changed."
    return pair.findings(kind, "high", span, r_span, why, "certainty")


#: Words an edit may span on either side to be a local change of certainty ("will" ->
#: "may not"); a longer one is a rewrite, and a difference at either end of a statement
#: is a cut (the other version says less), not a change.
LOCAL_WORDS = 3
#: Words a replacement may span on either side to be local ("will" -> "may not"): "he
#: would recommend that Roberts" / "He told Roberts" is two sentences, not one changed.
REPLACED_WORDS = 2


def _local_changes(
    texts: tuple[str, str], regions: tuple, marks: tuple[list, list]
) -> tuple[list[Mark], list[Mark]]:
    """The marks each of two statements has in a local edit between them that the other
    side of the edit does not balance (same groups), ``(reference's, other's)``: the
    dropped and the added marks. An edit is local when shared words bound it on both
    sides and it spans at most :data:`LOCAL_WORDS` words (a replacement
    :data:`REPLACED_WORDS`) on each."""
    found = [list(_WORD.finditer(t, *r)) for t, r in zip(texts, regions, strict=True)]
    words = [[m.start() for m in f] for f in found]
    keys = [[m.group().lower() for m in f] for f in found]
    out: tuple[list[Mark], list[Mark]] = ([], [])
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, *keys, autojunk=False).get_opcodes():
        inside = i1 > 0 and j1 > 0 and i2 < len(keys[0]) and j2 < len(keys[1])
        most = REPLACED_WORDS if tag == "replace" else LOCAL_WORDS
        if tag == "equal" or not inside or max(i2 - i1, j2 - j1) > most:
            continue
        here = [
            [m for m in marks[k] if m.start in set(words[k][a:b])]
            for k, (a, b) in enumerate(((i1, i2), (j1, j2)))
        ]
        groups = [Counter(m.group for m in h) for h in here]
        for k in (0, 1):
            extra = groups[k] - groups[1 - k]
            out[k].extend(m for m in here[k] if m.group in extra)
    return out


def _quotations(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans inside quotation marks of ``text[span[0]:span[1]]``, offsets into ``text``
    (a quotation running on from or into the next sentence included)."""
    return [(span[0] + a, span[0] + b) for a, b in open_quote_spans(text[span[0] : span[1]])]


def _inside(mark: Mark, quotations: list[tuple[int, int]]) -> bool:
    return any(a <= mark.start < b for a, b in quotations)


def _certainty_words(added: list[Mark], dropped: list[Mark]) -> str:
    gained = ", ".join(f"'{m.word}' ({m.group})" for m in added)
    lost = ", ".join(f"'{m.word}' ({m.group})" for m in dropped)
    if added and dropped:
        return f"has {gained} where the others have {lost}"
    return f"gained {gained}" if added else f"lost {lost}"


def certainty_signature(row: dict, text: str, sentence: tuple[int, int] | None) -> tuple:
    """The groups of a claim row's certainty marks, sorted (two rows with one signature
    carry the claim with the same certainty)."""
    return tuple(sorted(m.group for m in row_marks(row, text, sentence)))


def _supports(rows: list[dict]) -> tuple[list[int], list[int]]:
    """For each row of one claim: how many versions carry its speaker, and its quotation
    (a version restating the claim counts once)."""
    speakers, quotes = [], []
    for row in rows:
        speakers.append(
            len(
                {
                    o["article_id"]
                    for o in rows
                    if compare_speakers(
                        o["speaker"], o["speaker_kind"], row["speaker"], row["speaker_kind"]
                    )
                    == "same"
                }
            )
        )
        quotes.append(
            len(
                {
                    o["article_id"]
                    for o in rows
                    if bool(row["quote"] and o["quote"]) and _same_wording(row, o)
                }
            )
        )
    return speakers, quotes


def _derived_pairs(derivation: pd.DataFrame) -> set[tuple[str, str]]:
    """``(article, source)`` of the derivation rows that reuse the source (either way)."""
    if derivation is None or not len(derivation):
        return set()
    reused = derivation[derivation["derivation"].isin(["wholly", "partially"])]
    pairs = set(zip(reused["article_id"], reused["source_id"], strict=True))
    return pairs | {(b, a) for a, b in pairs}


def _derived_articles(derivation: pd.DataFrame) -> set[str]:
    """Articles whose own source they reuse (checked against it by the other stages)."""
    if derivation is None or not len(derivation):
        return set()
    rows = derivation[derivation["primary"]] if "primary" in derivation else derivation
    return set(rows.loc[rows["derivation"].isin(["wholly", "partially"]), "article_id"])


def _origin(ref: dict, other: dict, derived: set, credits: dict, registry: Registry) -> str:
    """Why ``other`` must carry ``ref``'s words, or "" (see :class:`ClaimPair`)."""
    a, b = ref["article_id"], other["article_id"]
    if (b, a) in derived:
        return f"{b} reuses the wording of {a} (derivation)"
    through = {s.agency for s, _, _ in registry.resolve_list(str(ref.get("via") or "")) or []}
    through |= set(credits.get(a, []))
    shared = sorted(through & set(credits.get(b, [])))
    if not shared:
        return ""
    names = ", ".join(registry.name(s) for s in shared)
    return f"{b} credits {names}, which {a} has this claim from"


def _main_rows(rows: list[dict]) -> set[int]:
    """The row of each version of one claim that matches it best: a restatement (a second
    row of one version, :func:`restatements`) is matched, not compared."""
    best: dict[str, int] = {}
    for k, row in enumerate(rows):
        mine = best.get(row["article_id"])
        if mine is None or float(row["score"]) > float(rows[mine]["score"]):
            best[row["article_id"]] = k
    return set(best.values())


def claim_pairs(
    story: pd.DataFrame,
    texts: Mapping[str, str],
    derivation: pd.DataFrame | None = None,
    attributions: pd.DataFrame | None = None,
    registry: Registry | None = None,
    sentences: Mapping[tuple[str, int], tuple[int, int]] | None = None,
) -> list[ClaimPair]:
    """The :class:`ClaimPair` of every row of a version not derived from its source with
    the reading the most other versions of its claim carry (``story``: the ``story_claims``
    table; ``texts``: article id -> text; ``sentences``: ``(article id, sentence id)`` ->
    its span in the text, for the certainty of a claim). Rows of derived versions are
    compared with their source by the other stages and are not paired here, nor is a
    source with a version derived from it (the wire copy with its rewrite); nor is a
    version's restatement of the claim (see :func:`_main_rows`)."""
    registry = registry or load_registry()
    derived = _derived_pairs(derivation)
    derived_articles = _derived_articles(derivation)
    sources = {(a, b) for a, b in derived if a in derived_articles}
    underived = set(story["article_id"]) - derived_articles
    credits = credits_by_article(attributions) if attributions is not None else {}
    pairs = []
    for _, group in story[story["versions"] > 1].groupby("claim_id", sort=True):
        rows = group.to_dict("records")
        speakers, quotes = _supports(rows)
        spans = [(sentences or {}).get((r["article_id"], int(r["sentence_id"]))) for r in rows]
        signs = [
            certainty_signature(r, texts[r["article_id"]], spans[k]) for k, r in enumerate(rows)
        ]
        certain = [signs.count(sign) for sign in signs]
        main = _main_rows(rows)
        for i, other in enumerate(rows):
            if other["article_id"] not in underived or i not in main:
                continue
            j = max(
                (k for k in main if rows[k]["article_id"] != other["article_id"]),
                key=lambda k: (speakers[k] + quotes[k], bool(rows[k]["via"]), -k),
            )
            ref = rows[j]
            if (ref["article_id"], other["article_id"]) in sources:
                continue  # the reference reuses this version: its changes are pinned on it
            pairs.append(
                ClaimPair(
                    ref,
                    other,
                    texts[ref["article_id"]],
                    texts[other["article_id"]],
                    (speakers[j], speakers[i]),
                    (quotes[j], quotes[i]),
                    _origin(ref, other, derived, credits, registry),
                    claim_similarity(
                        statement_keys(ref["statement"]), statement_keys(other["statement"])
                    ),
                    (certain[j], certain[i]),
                    (spans[j], spans[i]) if spans[j] and spans[i] else None,
                )
            )
    return pairs


def claim_findings(
    story: pd.DataFrame,
    corpus,
    derivation: pd.DataFrame | None = None,
    attributions: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> pd.DataFrame:
    """Findings on matched claims across versions, as ``findings`` table rows.

    Runs the checks of scope ``"claim"`` (``attribution_changed`` in
    :mod:`wiretrace.findings.checks.attribution`, ``quote_altered`` in
    :mod:`wiretrace.findings.checks.quotes`) on every :func:`claim_pairs` pair. A finding is
    pinned on the version that is not derived from its source and carries the less-attested
    reading; ``source_id`` is the version it is compared with, offsets point into both
    texts. Returns ``schema.FINDING_COLUMNS`` plus ``FINDING_EXTRA_COLUMNS``.
    """
    columns = [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    if story is None or not len(story):
        return schema.empty(columns)
    texts = {a.article_id: a.text for a in corpus.ok}
    sentences = {
        (a.article_id, n): (s.start, s.start + len(s.text))
        for a in corpus.ok
        for n, s in enumerate(a.sentences)
    }
    rows = []
    for pair in claim_pairs(story, texts, derivation, attributions, registry, sentences):
        seen: list[Finding] = []
        for step in checks.steps("claim"):
            for f in step(pair):
                if any(f.kind == g.kind and f.start < g.end and g.start < f.end for g in seen):
                    continue  # one wording change found twice (a re-worded quote's modal)
                seen.append(f)
                rows.append(
                    finding_row(
                        f,
                        pair.other["article_id"],
                        pair.reference["article_id"],
                        sentence_id=int(pair.other["sentence_id"]),
                        source_start=f.source_start,
                        source_end=f.source_end,
                    )
                )
    if not rows:
        return schema.empty(columns)
    return pd.DataFrame(rows, columns=columns)
