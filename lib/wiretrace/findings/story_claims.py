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
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd

from wiretrace import schema
from wiretrace.findings import checks
from wiretrace.findings.checks.variant import as_variant
from wiretrace.findings.finding import FINDING_EXTRA_COLUMNS, Finding, finding_row
from wiretrace.findings.pair import content, is_entity
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.language.lexicon import lemma_set
from wiretrace.language.units import sentence_units
from wiretrace.provenance.claims import compare_speakers
from wiretrace.provenance.credits import credits_by_article

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
        (``speaker`` or ``quote``) is not carried by more versions than the other's."""
        (start, end), (r_start, r_end) = span, reference_span
        carried, alone = self.speaker_support if reading == "speaker" else self.quote_support
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
    names_a = {w.lower() for w in words_a if w[:1].isupper() and w.lower() not in _NOT_NAMES}
    names_b = {w.lower() for w in words_b if w[:1].isupper() and w.lower() not in _NOT_NAMES}
    if names_a & names_b or any(
        len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))
        for a in names_a
        for b in names_b
    ):
        return True  # a shared name, or a short form of one ("Grob" / "Grobbelaar")
    lower_a = {w.lower() for w in words_a} - _OPENERS
    lower_b = {w.lower() for w in words_b} - _OPENERS
    return bool(lower_a and lower_b) and (lower_a <= lower_b or lower_b <= lower_a)


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
    words = [w.lower() for w in re.findall(r"[\w\-]+", str(row["speaker"])) if w[:1].isupper()]
    return {w for w in words if w not in _NOT_NAMES and w not in _OPENERS}


def quote_run(a: str, b: str) -> int:
    """The longest run of comparison units (:mod:`wiretrace.language.units` keys, so
    spelling variants count as one) that quotations ``a`` and ``b`` share, in words."""
    ka = [u.key for u in sentence_units(a) if u.kind != "punct"]
    kb = [u.key for u in sentence_units(b) if u.kind != "punct"]
    if not ka or not kb:
        return 0
    match = SequenceMatcher(None, ka, kb, autojunk=False).find_longest_match(0, len(ka), 0, len(kb))
    return match.size


def _same_wording(a: dict, b: dict) -> bool:
    run = quote_run(a["quote"], b["quote"])
    return run >= SHARED_RUN or run == min(len(a["quote"].split()), len(b["quote"].split()))


def _supports(rows: list[dict]) -> tuple[list[int], list[int]]:
    """For each row of one claim: how many rows carry its speaker, and its quotation."""
    speakers, quotes = [], []
    for row in rows:
        speakers.append(
            sum(
                compare_speakers(
                    o["speaker"], o["speaker_kind"], row["speaker"], row["speaker_kind"]
                )
                == "same"
                for o in rows
            )
        )
        quotes.append(
            sum(bool(row["quote"] and o["quote"]) and _same_wording(row, o) for o in rows)
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


def claim_pairs(
    story: pd.DataFrame,
    texts: Mapping[str, str],
    derivation: pd.DataFrame | None = None,
    attributions: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> list[ClaimPair]:
    """The :class:`ClaimPair` of every row of a version not derived from its source with
    the reading the most other versions of its claim carry (``story``: the ``story_claims``
    table; ``texts``: article id -> text). Rows of derived versions are compared with their
    source by the other stages and are not paired here."""
    registry = registry or load_registry()
    derived = _derived_pairs(derivation)
    underived = set(story["article_id"]) - _derived_articles(derivation)
    credits = credits_by_article(attributions) if attributions is not None else {}
    pairs = []
    for _, group in story[story["versions"] > 1].groupby("claim_id", sort=True):
        rows = group.to_dict("records")
        speakers, quotes = _supports(rows)
        for i, other in enumerate(rows):
            if other["article_id"] not in underived:
                continue
            j = max(
                (k for k in range(len(rows)) if k != i),
                key=lambda k: (speakers[k] + quotes[k], bool(rows[k]["via"]), -k),
            )
            ref = rows[j]
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
    rows = []
    for pair in claim_pairs(story, texts, derivation, attributions, registry):
        for step in checks.steps("claim"):
            for f in step(pair):
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
