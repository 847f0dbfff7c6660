"""The lost wire text: a consensus of the versions of one story, as in textual criticism.

When the wire original is not among the inputs, the versions of a story that copy it are
*witnesses* of it, like the manuscripts of a lost text. :func:`build_consensus` rebuilds
its most likely wording:

1. Every pair of articles is aligned sentence by sentence (:mod:`wiretrace.rewrites.align`).
   :func:`reuse_share` says how much of one article the other accounts for.
2. Only witnesses with substantial overlap vote: the largest group of articles linked by
   a reuse share of at least ``VOTER_MIN`` in either direction. A later article on a
   related development, or another agency's story, does not join it and cannot distort
   the consensus.
3. The *base* witness is the voter whose sentences the other voters attest most (the
   copy-text of an editor). Its sentences give the order; a base sentence no other voter
   has is dropped when there are three or more voters (it is that witness's own
   addition), and a sentence the base lacks but a majority of voters share is inserted.
4. Inside each aligned sentence group the reading is decided word by word
   (:func:`vote_sentence`): every voter's wording is aligned with the base's with
   difflib; a short variant (at most ``MAX_VARIANT`` tokens, between runs of agreeing
   tokens) is a vote for that reading, agreement is a vote for the base's, and a
   witness whose wording of the passage is a paraphrase (holding less than
   ``VOTE_MIN_SHARE`` of the base's tokens in order) abstains. The majority reading
   wins; ties keep the base's. So a typo or a changed verb that only one witness has
   ("toas", "suspended") is not in the consensus, while the reading most witnesses share
   ("renounced") is. A long omission or a paraphrased stretch abstains instead of voting.

Returns a :class:`Consensus`: an :class:`~wiretrace.ingest.corpus.Article` with id
``consensus:<cluster_id>`` whose ``text`` and ``sentences`` (with offsets) work like any
article's, and which voters attest each of its sentences. Where the vote was tied (always
the case where two witnesses differ and no third has the passage), the article's
``parts`` hold a ``MetaPart`` of kind ``contested``: its ``start``/``end`` span the
consensus wording that was kept (an empty span where a word was left out), its ``text``
the equally attested alternative ("" for an omission). A difference from the consensus
inside a contested span cannot be pinned on either witness.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from wiretrace.ingest.corpus import Article
from wiretrace.ingest.textmeta import MetaPart
from wiretrace.language.matching import matcher as sequence_matcher
from wiretrace.language.text import Sentence, tokens
from wiretrace.language.units import CLOCK_TIME, clock_key
from wiretrace.rewrites.align import (
    SentenceAlignment,
    SourceIndex,
    Wording,
    align_sentences,
    content_containment,
    content_wording,
    spelling_key,
)

#: Two articles are witnesses of one text when one accounts for at least this share of
#: the other's words (see :func:`reuse_share`), in either direction.
VOTER_MIN = 0.5
#: Whole-text content containment below which a pair is not aligned sentence by sentence.
PAIR_MIN = 0.2
#: Longest variant, in tokens on either side, that counts as a vote; longer differences
#: (paraphrase, omitted clauses) abstain.
MAX_VARIANT = 3
#: A variant votes only between runs of at least this many agreeing tokens.
FLANK = 1
#: A witness votes on a passage only when at least this share of the base's tokens are
#: in difflib equal blocks against its wording (in [0, 1]); a paraphrase abstains.
VOTE_MIN_SHARE = 0.6


_QUOTES = {'"', "'"}


@dataclass(frozen=True)
class VoteToken:
    """A token in voting: its comparison key, wording and whether a space precedes it."""

    key: str
    surface: str
    space: bool


def vote_tokens(text: str, sentences: Sequence[Sentence]) -> list[VoteToken]:
    """The tokens (words and punctuation) of ``sentences`` of ``text``, ready for voting.

    Keys are folded lower-case with spelling variants merged
    (:func:`wiretrace.rewrites.align.spelling_key`); ``space`` records whether the original had
    white space before the token, so the consensus is written back with real spacing.
    """
    out: list[VoteToken] = []
    previous_end = None
    for s in sentences:
        for key, surface, start, end in _sentence_tokens(s.text, s.start):
            out.append(VoteToken(key, surface, previous_end is not None and start > previous_end))
            previous_end = end
    return out


@lru_cache(maxsize=20_000)
def _sentence_tokens(text: str, start: int) -> tuple[tuple[str, str, int, int], ...]:
    """``(key, surface, start, end)`` of each token of one sentence (memoised: every
    consensus of a cluster votes on the same sentences). A clock time is one token keyed
    ``h:mm`` plus its half of the day, however it is written, so "5.10am" and "5:10 a.m."
    vote for the same reading instead of splitting into pieces that outvote each other."""
    clocks = [(m.start(), m.end(), m) for m in CLOCK_TIME.finditer(text)]
    out = []
    for t in tokens(text, start):
        local = t.start - start
        clock = next((c for c in clocks if c[0] <= local < c[1]), None)
        if clock is None:
            out.append((spelling_key(t.norm), t.text, t.start, t.end))
        elif local == clock[0]:
            m = clock[2]
            out.append((clock_key(m), m.group(), start + m.start(), start + m.end()))
    return tuple(out)


def _flanked(ops: list[tuple], k: int) -> bool:
    """True when opcode ``k`` is short and sits between runs of at least ``FLANK``
    agreeing tokens (or a sentence edge on one side)."""
    tag, i1, i2, j1, j2 = ops[k]
    if i2 - i1 > MAX_VARIANT or j2 - j1 > MAX_VARIANT:
        return False

    def agrees(n: int) -> bool:
        return 0 <= n < len(ops) and ops[n][0] == "equal" and ops[n][2] - ops[n][1] >= FLANK

    left, right = agrees(k - 1), agrees(k + 1)
    return (left or k == 0) and (right or k == len(ops) - 1) and (left or right)


def vote_sentence(
    base: Sequence[VoteToken],
    readings: Sequence[Sequence[VoteToken]],
    contested: list[tuple[int, int, list[VoteToken]]] | None = None,
) -> list[VoteToken]:
    """The majority reading of one passage: ``base`` and each of ``readings`` vote.

    ``base`` is the copy-text's tokens, ``readings`` the other witnesses' tokens for the
    same passage. A reading holding less than ``VOTE_MIN_SHARE`` of the base's tokens
    in order abstains (a paraphrase says nothing about the exact words). Each base token
    is kept unless more witnesses read something else at its place (a substitution or an
    omission) than read it; ties keep the base. A word the base lacks is added only when
    more than half of the voting witnesses (base included) have it at the same place.
    Returns the consensus tokens. When ``contested`` is a list, every tie is appended to
    it as ``(first, last, alternative)``: the consensus tokens ``first:last`` (an empty
    range for a word the base lacks) against the reading that had as many votes.
    """
    n = len(base)
    n_voters = 1 + len(readings)
    keep = [1] * n
    alternatives: list[dict[tuple, int]] = [defaultdict(int) for _ in range(n)]
    insertions: list[dict[tuple, int]] = [defaultdict(int) for _ in range(n + 1)]
    wording: dict[tuple, list[VoteToken]] = {}
    base_keys = [t.key for t in base]
    for reading in readings:
        matcher = sequence_matcher(base_keys, [t.key for t in reading])
        matched = sum(block.size for block in matcher.get_matching_blocks())
        if matched < VOTE_MIN_SHARE * max(n, 1):
            n_voters -= 1
            continue
        ops = matcher.get_opcodes()
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag == "equal":
                for i in range(i1, i2):
                    keep[i] += 1
                continue
            if not _flanked(ops, k):
                continue
            if tag == "insert":
                key = tuple(t.key for t in reading[j1:j2])
                if all(k in _QUOTES for k in key):
                    continue  # a lone quote mark: quotes only make sense in pairs
                insertions[i1][key] += 1
                wording.setdefault(key, list(reading[j1:j2]))
            elif tag == "delete" or (tag == "replace" and i2 - i1 != j2 - j1):
                key = tuple(t.key for t in reading[j1:j2])
                alternatives[i1][key] += 1
                wording.setdefault(key, list(reading[j1:j2]))
                for i in range(i1 + 1, i2):
                    alternatives[i][()] += 1
            else:  # a replacement of equal length: word for word
                for m in range(i2 - i1):
                    key = (reading[j1 + m].key,)
                    alternatives[i1 + m][key] += 1
                    wording.setdefault(key, [reading[j1 + m]])
    wording.setdefault((), [])
    out: list[VoteToken] = []
    for i in range(n + 1):
        if insertions[i]:
            key, count = max(insertions[i].items(), key=lambda item: item[1])
            if count > n_voters / 2:
                out.extend(wording[key])
            elif count * 2 == n_voters and contested is not None:
                contested.append((len(out), len(out), wording[key]))
        if i == n:
            break
        if alternatives[i]:
            key, count = max(alternatives[i].items(), key=lambda item: item[1])
            if count > keep[i]:
                out.extend(wording[key])
                continue
            if count == keep[i] and contested is not None:
                contested.append((len(out), len(out) + 1, wording[key]))
        out.append(base[i])
    return out


def render_spans(tokens_: Sequence[VoteToken]) -> tuple[str, list[tuple[int, int]]]:
    """Like :func:`render` (without capitalising), with each token's ``(start, end)``."""
    parts, spans, cursor = [], [], 0
    for n, t in enumerate(tokens_):
        if t.space and n:
            parts.append(" ")
            cursor += 1
        parts.append(t.surface)
        spans.append((cursor, cursor + len(t.surface)))
        cursor += len(t.surface)
    return "".join(parts), spans


def render(tokens_: Sequence[VoteToken], capitalise: bool = False) -> str:
    """Write voted tokens back as text, with the spacing their witnesses had."""
    text = render_spans(tokens_)[0]
    if capitalise and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def reuse_share(article: Article, aligned: Sequence[SentenceAlignment]) -> float:
    """How much of ``article`` its source accounts for, in [0, 1].

    The share of the article's words in sentences aligned with the source (labels
    ``verbatim`` or ``rewrite``), each weighted by its similarity. Direction: how much
    ``article`` borrows from the source, not the reverse.
    """
    total = borrowed = 0.0
    for sentence, al in zip(article.sentences, aligned, strict=True):
        n = len(tokens(sentence.text, words_only=True))
        total += n
        if al.label != "new":
            borrowed += n * al.similarity
    return borrowed / total if total else 0.0


@dataclass
class PairwiseAlignments:
    """Sentence alignments between the ordered pairs of a cluster's articles.

    ``aligned[(a, b)]`` aligns the sentences of article ``a`` with those of ``b`` (how
    ``a`` borrows from ``b``); ``share[(a, b)]`` is :func:`reuse_share` of it. Pairs that
    share too little vocabulary to be aligned are absent: :meth:`alignment` and
    :meth:`reuse` then answer "all new" and 0.
    """

    articles: dict[str, Article]
    aligned: dict[tuple[str, str], list[SentenceAlignment]] = field(default_factory=dict)
    share: dict[tuple[str, str], float] = field(default_factory=dict)
    _attested: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def attested_words(self, u: str, v: str) -> int:
        """How many words of ``v``'s sentences ``u`` attests (has aligned with them);
        memoised, as every consensus of the cluster asks again."""
        if (u, v) not in self._attested:
            hit = _attesting(self, u, v)
            self._attested[(u, v)] = sum(
                len(tokens(s.text, words_only=True))
                for s in self.articles[v].sentences
                if s.sentence_id in hit
            )
        return self._attested[(u, v)]

    def alignment(self, a: str, b: str) -> list[SentenceAlignment]:
        """The alignment of ``a``'s sentences with ``b``'s (all ``new`` if not aligned)."""
        if (a, b) in self.aligned:
            return self.aligned[(a, b)]
        return [
            SentenceAlignment(s.sentence_id, (), 0.0, 0.0, 0.0, "new")
            for s in self.articles[a].sentences
        ]

    def reuse(self, a: str, b: str) -> float:
        """:func:`reuse_share` of ``a`` from ``b`` (0 when the pair was not aligned)."""
        return self.share.get((a, b), 0.0)


def candidate_pairs(wholes: dict[str, Wording]) -> list[tuple[str, str]]:
    """Ordered pairs ``(a, b)`` whose whole texts may share ``PAIR_MIN`` of ``a``'s content.

    Found with an inverted index of content stems, so unrelated articles are never
    compared: the cost grows with the number of articles sharing each word, not with the
    number of pairs. Stems held by more than ``max(50, n // 10)`` articles are left out
    of the index, but their weight is added to every pair's bound, so no pair that could
    reach ``PAIR_MIN`` is missed. Each candidate is then checked exactly.
    """
    ids = list(wholes)
    postings: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        for key in wholes[a].content:
            postings[key].append(a)
    limit = max(50, len(ids) // 10)
    frequent = {k for k, holders in postings.items() if len(holders) > limit}
    shared: dict[tuple[str, str], float] = defaultdict(float)
    for key, holders in postings.items():
        if key in frequent:
            continue
        for a in holders:
            weight_a = wholes[a].content[key]
            for b in holders:
                if a != b:
                    shared[(a, b)] += weight_a
    out = []
    for a in ids:
        total = wholes[a].total
        if not total:
            continue
        skipped = sum(w for k, w in wholes[a].content.items() if k in frequent)
        for b in ids:
            if a == b or (shared.get((a, b), 0.0) + skipped) < PAIR_MIN * total:
                continue
            if content_containment(wholes[a], wholes[b])[0] >= PAIR_MIN:
                out.append((a, b))
    return out


def align_pairs(articles: Sequence[Article]) -> PairwiseAlignments:
    """Align the ordered pairs of ``articles`` that share enough vocabulary.

    A pair is aligned sentence by sentence when ``a``'s whole text shares at least
    ``PAIR_MIN`` of its content weight with ``b``'s (:func:`candidate_pairs`); other pairs
    are left out (all ``new``). Inside one story cluster nearly every pair qualifies and
    the cost grows with the square of the cluster size; across unrelated stories it
    stays close to linear.
    """
    wholes = {a.article_id: content_wording(a.sentences) for a in articles}
    pairs = PairwiseAlignments({a.article_id: a for a in articles})
    indexes: dict[str, SourceIndex] = {}  # built for the versions some pair aligns with
    for a_id, b_id in candidate_pairs(wholes):
        a = pairs.articles[a_id]
        if b_id not in indexes:
            indexes[b_id] = SourceIndex(pairs.articles[b_id].sentences)
        aligned = align_sentences(a.sentences, indexes[b_id])
        pairs.aligned[(a_id, b_id)] = aligned
        pairs.share[(a_id, b_id)] = reuse_share(a, aligned)
    return pairs


def select_voters(pairs: PairwiseAlignments, order: Sequence[str]) -> list[str]:
    """The witnesses allowed to vote: the largest group linked by reuse >= ``VOTER_MIN``.

    Two articles are linked when either accounts for at least ``VOTER_MIN`` of the
    other. Returns the ids of the largest connected group (ties: the group holding the
    earliest article in ``order``), in ``order``; empty when no two articles are linked.
    """
    graph = nx.Graph()
    graph.add_nodes_from(order)
    for (a, b), share in pairs.share.items():
        if share >= VOTER_MIN:
            graph.add_edge(a, b)
    position = {a: i for i, a in enumerate(order)}
    groups = [g for g in nx.connected_components(graph) if len(g) >= 2]
    if not groups:
        return []
    best = max(groups, key=lambda g: (len(g), -min(position[a] for a in g)))
    return [a for a in order if a in best]


@dataclass
class Consensus:
    """A reconstructed source: the article, its voters, base and per-sentence support.

    ``support[i]`` lists the voters that attest consensus sentence ``i``.
    """

    article: Article
    voters: list[str]
    base_id: str
    support: list[list[str]]


def _attesting(pairs: PairwiseAlignments, voter: str, base: str) -> dict[int, list[int]]:
    """For each base sentence id, the sentence indexes of ``voter`` aligned with it."""
    out: dict[int, list[int]] = defaultdict(list)
    for i, al in enumerate(pairs.alignment(voter, base)):
        for sid in al.source_ids:
            out[sid].append(i)
    return out


def _choose_base(pairs: PairwiseAlignments, voters: Sequence[str]) -> str:
    """The voter whose words the other voters attest most (ties: longer, then first)."""

    def attested(v: str) -> tuple[float, int]:
        total = sum(pairs.attested_words(u, v) for u in voters if u != v)
        return total, pairs.articles[v].n_words

    return max(voters, key=lambda v: (attested(v), -voters.index(v)))


def build_consensus(
    pairs: PairwiseAlignments,
    voters: Sequence[str],
    cluster_id: int | str = 0,
    base_id: str | None = None,
) -> Consensus:
    """Rebuild the lost source of ``voters`` (see the module docstring for the method).

    ``pairs`` must hold the alignments between all voters. ``base_id`` names the base
    witness (the copy-text); by default the voter the others attest most. Returns a
    :class:`Consensus` whose article has id ``consensus:<cluster_id>``, role
    ``consensus``, and its sentences joined by single spaces.
    """
    voters = list(voters)
    base_id = base_id or _choose_base(pairs, voters)
    passages, slot_of_base = _base_passages(pairs, voters, base_id)
    inserted = _inserted_passages(pairs, voters, base_id, slot_of_base)
    ordered: list[Passage] = []
    for slot in range(-1, len(passages)):
        if slot >= 0:
            ordered.append(passages[slot])
        ordered.extend(p for anchor, p in inserted if anchor == slot)
    text, sentences, parts, support = _vote_passages(ordered, voters)
    article = Article(
        article_id=f"consensus:{cluster_id}",
        path="",
        text=text,
        sentences=sentences,
        parts=parts,
        role="consensus",
        outlet=f"consensus of {len(voters)} witnesses",
        language="en",
    )
    return Consensus(article, voters, base_id, support)


#: One passage to vote on: the first reader's tokens, the other readers' tokens, and the
#: ids of all its readers (the first one first).
Passage = tuple[list[VoteToken], list[list[VoteToken]], list[str]]


def _base_passages(
    pairs: PairwiseAlignments, voters: list[str], base_id: str
) -> tuple[list[Passage], dict[int, int]]:
    """The base's sentences as passages, each with the other voters' aligned wording.

    A base sentence no other voter attests is left out when there are three or more
    voters. Returns the passages and each kept base sentence id's position among them.
    """
    base = pairs.articles[base_id]
    others = [v for v in voters if v != base_id]
    attest = {v: _attesting(pairs, v, base_id) for v in others}
    passages: list[Passage] = []
    slot_of_base: dict[int, int] = {}
    for s in base.sentences:
        readers = [v for v in others if s.sentence_id in attest[v]]
        if not readers and len(voters) >= 3:
            continue
        readings = []
        for v in readers:
            article = pairs.articles[v]
            sentences = [article.sentences[i] for i in attest[v][s.sentence_id]]
            readings.append(vote_tokens(article.text, sentences))
        slot_of_base[s.sentence_id] = len(passages)
        passages.append((vote_tokens(base.text, [s]), readings, [base_id, *readers]))
    return passages, slot_of_base


def _inserted_passages(
    pairs: PairwiseAlignments, voters: list[str], base_id: str, slot_of_base: dict[int, int]
) -> list[tuple[int, Passage]]:
    """Sentences the base lacks but a majority of the voters share, as passages.

    Each comes with its anchor: the position of the base passage it follows (-1: before
    the first), taken from the last sentence before it that the base has.
    """
    others = [v for v in voters if v != base_id]
    inserted: list[tuple[int, Passage]] = []
    used: set[tuple[str, int]] = set()
    for v in others:
        article = pairs.articles[v]
        anchor = -1
        for i, al in enumerate(pairs.alignment(v, base_id)):
            if al.label != "new":
                anchor = max((slot_of_base.get(sid, -1) for sid in al.source_ids), default=-1)
                continue
            if (v, i) in used:
                continue
            supporters = [(v, i)]
            for u in others:
                if u == v:
                    continue
                u_to_base = pairs.alignment(u, base_id)
                for j, al_u in enumerate(pairs.alignment(u, v)):
                    if i in al_u.source_ids and u_to_base[j].label == "new" and (u, j) not in used:
                        supporters.append((u, j))
                        break
            if len({w for w, _ in supporters}) * 2 <= len(voters):
                continue
            used.update(supporters)
            own = vote_tokens(article.text, [article.sentences[i]])
            readings = [
                vote_tokens(pairs.articles[u].text, [pairs.articles[u].sentences[j]])
                for u, j in supporters[1:]
            ]
            inserted.append((anchor, (own, readings, [w for w, _ in supporters])))
    return inserted


def _vote_passages(
    ordered: list[Passage], voters: list[str]
) -> tuple[str, list[Sentence], list[MetaPart], list[list[str]]]:
    """Vote every passage word by word and join the results into the consensus text.

    Returns the text (sentences joined by single spaces), its sentences with offsets, a
    ``contested`` part for every tied vote, and the voters attesting each sentence.
    """
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    support: list[list[str]] = []
    cursor = 0
    parts: list[MetaPart] = []
    for own, readings, readers in ordered:
        capital = bool(own) and own[0].surface[:1].isupper()
        ties: list[tuple[int, int, list[VoteToken]]] = []
        voted = vote_sentence(own, readings, ties)
        sentence_text = render(voted, capitalise=capital)
        if not sentence_text:
            continue
        if text_parts:
            cursor += 1
        _, spans = render_spans(voted)
        for first, last, alternative in ties:
            start = spans[first][0] if first < len(spans) else len(sentence_text)
            end = spans[last - 1][1] if last > first else start
            parts.append(MetaPart("contested", render(alternative), cursor + start, cursor + end))
        sentences.append(
            Sentence(len(sentences), sentence_text, cursor, cursor + len(sentence_text))
        )
        text_parts.append(sentence_text)
        cursor += len(sentence_text)
        support.append(sorted(readers, key=voters.index))
    return " ".join(text_parts), sentences, parts, support
