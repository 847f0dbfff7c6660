"""Who copied whom: a directed graph of the versions of one story, with its evidence.

:func:`infer_stemma` returns the edges of a stemma (the family tree of textual
criticism) for one cluster, as a DataFrame with one row per edge:

- ``source_id``, ``article_id``: the edge runs from the text copied to the copy;
- ``confidence`` in [0, 1]: how strongly the evidence supports this edge *and* its
  direction (for undirected rows: that the two are related at all);
- ``evidence``: the reasons in words a journalist can check;
- ``directed``: False when the evidence shows a relation but cannot decide its
  direction, or cannot tell direct copying from two copies of a common source;
- ``cluster_id``.

Evidence used, for every pair of versions that both derive from the cluster's source
(the given wire copy, or the consensus of the witnesses):

- *shared variants* (Lachmann's common errors): both read the same word(s) where the
  source reads something else. Copies of one source rarely make the same change
  independently, so a shared variant links the two directly; each one raises the
  confidence (``1 - 0.5 ** n``). With only three witnesses the majority reading *is*
  any two witnesses' reading, so shared variants show only from four witnesses or with
  wire copy given;
- *credit lines*: one version names the other's outlet (direction);
- *published dates*: the earlier one is the source (direction);
- *one-way containment*: one version holds nearly everything the other has and more
  (direction, weak: a cut-down copy of the source looks the same).

Each source-to-article edge (the source is the wire or the reconstructed original) has
the article's containment as its confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from wiretrace.ingest.corpus import Article
from wiretrace.language.matching import matcher
from wiretrace.rewrites.align import SentenceAlignment
from wiretrace.rewrites.witnesses import MAX_VARIANT, PairwiseAlignments, vote_tokens

STEMMA_COLUMNS = ["source_id", "article_id", "confidence", "evidence", "directed", "cluster_id"]
#: Direction evidence weights, added up with signs; a linked pair is directed at a total
#: of ``DIRECTED_MIN`` or more, and its confidence is the link's (``1 - 0.5 ** n`` for
#: ``n`` shared variants, 0.5 for a credit alone) times ``min(1, total / 0.5)``.
DATE_WEIGHT = 0.3
CREDIT_WEIGHT = 0.5
CONTAINMENT_WEIGHT = 0.2
DIRECTED_MIN = 0.3


def variants(article: Article, aligned: Sequence[SentenceAlignment], source: Article) -> set[tuple]:
    """The short places where ``article`` reads differently from ``source``.

    Each variant is ``(source_sentence_id, start, end, reading)``: token positions in
    the aligned source wording and the article's reading there (a tuple of token keys,
    empty for an omission). Only variants of at most ``MAX_VARIANT`` tokens between
    agreeing words count, as in :func:`wiretrace.rewrites.witnesses.vote_sentence`.
    """
    by_id = {s.sentence_id: s for s in source.sentences}
    out: set[tuple] = set()
    for sentence, al in zip(article.sentences, aligned, strict=True):
        if al.label == "new":
            continue
        src = vote_tokens(source.text, [by_id[i] for i in al.source_ids])
        own = vote_tokens(article.text, [sentence])
        ops = matcher([t.key for t in src], [t.key for t in own]).get_opcodes()
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            if tag == "equal" or i2 - i1 > MAX_VARIANT or j2 - j1 > MAX_VARIANT:
                continue
            left = k > 0 and ops[k - 1][0] == "equal"
            right = k < len(ops) - 1 and ops[k + 1][0] == "equal"
            if left and right:
                reading = tuple(t.key for t in own[j1:j2])
                out.add((al.source_ids[0], i1, i2, reading))
    return out


def _credits(copy: Article, original: Article) -> bool:
    outlet = original.outlet.strip().lower()
    if not outlet:
        return False
    names = {outlet, outlet.split(".")[0]}
    haystack = " ".join(p.text for p in copy.parts).lower() + " " + copy.text.lower()
    return any(len(n) >= 3 and n in haystack for n in names)


def infer_stemma(
    articles: Sequence[Article],
    source: Article | None,
    source_alignments: dict[str, list[SentenceAlignment]],
    containment: dict[str, float],
    pairs: PairwiseAlignments,
    cluster_id: int = 0,
    derived_min: float = 0.2,
) -> pd.DataFrame:
    """The stemma edges of one cluster (see the module docstring for the evidence).

    ``articles`` are the cluster's non-source versions; ``source`` the wire article or
    consensus they are aligned with (None when there is none: then only the pairs are
    related, and ``containment`` is each article's against the version it borrows most
    from); ``source_alignments`` and ``containment`` give each article's alignment with
    the source and its containment;
    ``pairs`` the pairwise alignments. Articles with containment below ``derived_min``
    get no edge. Returns a DataFrame with ``STEMMA_COLUMNS``.
    """
    derived = [a for a in articles if containment.get(a.article_id, 0.0) >= derived_min]
    rows = [_source_edge(a, source, containment[a.article_id]) for a in derived] if source else []
    var = {
        a.article_id: variants(a, source_alignments[a.article_id], source) if source else set()
        for a in derived
    }
    for n, a in enumerate(derived):
        for b in derived[n + 1 :]:
            edge = _pair_edge(a, b, var[a.article_id] & var[b.article_id], pairs)
            if edge is not None:
                rows.append(edge)
    frame = pd.DataFrame(rows, columns=STEMMA_COLUMNS[:-1])
    frame["confidence"] = frame["confidence"].astype(float).round(4)
    frame["cluster_id"] = cluster_id
    return frame[STEMMA_COLUMNS]


def _source_edge(article: Article, source: Article, containment: float) -> tuple:
    """The edge from the cluster's source to ``article``, its containment as confidence."""
    what = (
        f"{source.article_id}, the {source.outlet} (the lost original)"
        if source.article_id.startswith("consensus:")
        else f"wire copy {source.article_id}"
    )
    credit = "; ".join(p.text for p in article.parts if p.kind == "credit")
    evidence = f"{containment:.0%} of its wording is accounted for by {what}"
    if credit:
        evidence += f"; credit line: {credit}"
    return (source.article_id, article.article_id, containment, evidence, True)


def _direction(a: Article, b: Article, in_a: float, in_b: float) -> tuple[float, list[str], bool]:
    """The direction evidence between ``a`` and ``b``: ``(score, notes, credited)``.

    ``in_a`` is how much ``b`` borrows from ``a``, ``in_b`` the reverse. ``score`` > 0
    says ``a`` is ``b``'s source (credit lines, dates, one-way containment, weighted as
    in the module constants); ``credited`` is True when either credits the other's outlet.
    """
    notes, score = [], 0.0
    credit_ab, credit_ba = _credits(b, a), _credits(a, b)
    if credit_ab != credit_ba:
        score += CREDIT_WEIGHT if credit_ab else -CREDIT_WEIGHT
        notes.append(
            f"{b.article_id if credit_ab else a.article_id} credits "
            f"{(a if credit_ab else b).outlet}"
        )
    if a.date and b.date and a.date != b.date:
        score += DATE_WEIGHT if a.date < b.date else -DATE_WEIGHT
        notes.append(f"dated {a.date} and {b.date}")
    elif not (a.date and b.date):
        notes.append("publication date missing for at least one")
    if max(in_a, in_b) >= 0.8 and abs(in_a - in_b) >= 0.2:
        score += CONTAINMENT_WEIGHT if in_a > in_b else -CONTAINMENT_WEIGHT
        big, small = (a, b) if in_a > in_b else (b, a)
        notes.append(f"{big.article_id} holds nearly all of {small.article_id} and more")
    return score, notes, credit_ab or credit_ba


def _pair_edge(a: Article, b: Article, shared: set, pairs: PairwiseAlignments) -> tuple | None:
    """The edge between two derived versions with ``shared`` variants, or None when
    nothing relates them: directed when linked (a shared variant or a credit) and the
    direction evidence reaches :data:`DIRECTED_MIN`, else undirected."""
    notes = []
    if shared:
        notes.append(
            f"{len(shared)} shared variant(s) against the source, e.g. "
            + ", ".join(repr(" ".join(v[3]) or "(omission)") for v in sorted(shared)[:3])
        )
    in_a = pairs.reuse(b.article_id, a.article_id)  # how much b borrows from a
    in_b = pairs.reuse(a.article_id, b.article_id)
    score, direction_notes, credited = _direction(a, b, in_a, in_b)
    notes.extend(direction_notes)
    linked = bool(shared) or credited
    if linked and abs(score) >= DIRECTED_MIN:
        first, second = (a, b) if score > 0 else (b, a)
        confidence = (1 - 0.5 ** max(len(shared), 1)) * min(1.0, abs(score) / 0.5)
        return (first.article_id, second.article_id, confidence, "; ".join(notes), True)
    if linked or max(in_a, in_b) >= 0.5:
        confidence = 1 - 0.5 ** len(shared) if shared else 0.0
        reason = (
            "related, but the evidence cannot decide who copied whom"
            if linked
            else "no shared variant against the source: the evidence cannot tell "
            "direct copying from two copies of the same source"
        )
        return (a.article_id, b.article_id, confidence, "; ".join([reason, *notes]), False)
    return None


def pair_direction(a: Article, b: Article, pairs: PairwiseAlignments) -> tuple[str | None, str]:
    """Who copied whom between two versions with no third text to compare: ``(first,
    evidence)``, ``first`` the id of the one copied, or None when the evidence cannot
    decide. The rule is :func:`_pair_edge`'s with no shared variants: a credit line must
    link the two (a date or one-way containment alone cannot tell a copy from two copies
    of a common source) and the direction evidence must reach :data:`DIRECTED_MIN`."""
    edge = _pair_edge(a, b, set(), pairs)
    if edge is None:
        return None, "nothing relates them"
    first, _, _, evidence, directed = edge
    return (first if directed else None), evidence


def stemma_graph(edges: pd.DataFrame):
    """A networkx ``DiGraph`` of stemma edges (undirected rows become edges both ways).

    Edge attributes: ``confidence``, ``evidence``, ``directed``.
    """
    import networkx as nx

    graph = nx.DiGraph()
    for row in edges.itertuples(index=False):
        attrs = {"confidence": row.confidence, "evidence": row.evidence, "directed": row.directed}
        graph.add_edge(row.source_id, row.article_id, **attrs)
        if not row.directed:
            graph.add_edge(row.article_id, row.source_id, **attrs)
    return graph


def stemma_layout(edges: pd.DataFrame) -> pd.DataFrame:
    """Positions for drawing a stemma as a family tree: one row per node.

    Columns ``node, level, x, y``: ``level`` is the length of the longest chain of
    directed edges leading to the node (0 for a source nobody is shown to have copied);
    nodes of one level are spread one unit apart in name order, centred on 0; ``y`` is
    ``-level``, so sources sit on top. Undirected rows do not change levels. The layout
    is a pure function of the edges, so a chart drawn from it does not move between runs.
    """
    import networkx as nx

    nodes = sorted(set(edges["source_id"]) | set(edges["article_id"])) if len(edges) else []
    directed = nx.DiGraph()
    directed.add_nodes_from(nodes)
    for row in edges.itertuples(index=False):
        if row.directed:
            directed.add_edge(row.source_id, row.article_id)
    level: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(directed):
        for node in nx.topological_sort(directed):
            preds = list(directed.predecessors(node))
            level[node] = 1 + max(level[p] for p in preds) if preds else 0
    else:  # contradictory evidence: sources on top, everything else below
        level = {n: 0 if directed.in_degree(n) == 0 else 1 for n in nodes}
    rows = []
    for depth in sorted(set(level.values())):
        members = sorted(n for n in nodes if level[n] == depth)
        for i, node in enumerate(members):
            rows.append((node, depth, i - (len(members) - 1) / 2, -depth))
    return pd.DataFrame(rows, columns=["node", "level", "x", "y"])
