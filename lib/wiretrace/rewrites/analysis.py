"""Rewrite detection for a corpus: alignments, derivation, sources, stemma, per cluster.

:func:`analyse_rewrites` is the stage the audit pipeline calls. For each story cluster
(the whole corpus is one cluster, ``cluster_id`` 0, unless a ``clusters`` table is
given) it picks the source every article is compared with:

- the cluster's wire copy (articles with ``role == 'wire'``) when there is any; several
  wire articles are one source, their union ``wire:<cluster_id>``;
- otherwise, with at least ``MIN_VOTERS`` witnesses, their consensus
  (:mod:`wiretrace.rewrites.witnesses`), id ``consensus:<cluster_id>``; each voter's
  derivation is measured against the consensus of the others (leave-one-out);
- otherwise the version each article borrows most from, with the direction between the
  two decided by the stemma's rule or left undecided (:attr:`RewriteAnalysis.undecided`:
  their differences are variants); an article that shares nothing with any other has no
  source and every sentence is ``new``.

Without wire copy, a derived class also needs evidence of copying (an unquoted run, see
:mod:`wiretrace.rewrites.derive`).

It then aligns every article's sentences with that source (:mod:`wiretrace.rewrites.align`),
measures and classifies derivation (:mod:`wiretrace.rewrites.derive`) against the source and
against the other articles of the cluster (among its first ``MAX_WITNESSES``), and
infers who copied whom (:mod:`wiretrace.rewrites.stemma`). Returns a :class:`RewriteAnalysis`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from wiretrace.ingest.corpus import Article, Corpus
from wiretrace.language.text import Sentence
from wiretrace.rewrites.align import (
    ALIGNMENT_EXTRA_COLUMNS,
    SentenceAlignment,
    SourceIndex,
    align_sentences,
    alignment_rows,
    wording,
)
from wiretrace.rewrites.derive import (
    COPYING_RUN_MIN,
    DERIVATION_EXTRA_COLUMNS,
    PARTIAL_MIN,
    article_containment,
    derivation_scores,
    no_source_scores,
)
from wiretrace.rewrites.stemma import STEMMA_COLUMNS, infer_stemma, pair_direction
from wiretrace.rewrites.witnesses import Consensus, align_pairs, build_consensus, select_voters
from wiretrace.schema import ALIGNMENT_COLUMNS, DERIVATION_COLUMNS

#: Columns of ``RewriteAnalysis.alignments``.
ALIGNMENTS_TABLE_COLUMNS = ALIGNMENT_COLUMNS + ALIGNMENT_EXTRA_COLUMNS
#: Columns of ``RewriteAnalysis.derivation``: the contract's, the extras of
#: :mod:`wiretrace.rewrites.derive`, then ``source_kind`` (wire | consensus | article) and
#: ``cluster_id``. ``primary`` is True on the row against the article's cluster source.
DERIVATION_TABLE_COLUMNS = (
    DERIVATION_COLUMNS + DERIVATION_EXTRA_COLUMNS + ["source_kind", "cluster_id"]
)


#: At most this many articles of a cluster (the first in input order) are aligned with
#: each other: they are the candidate witnesses of the consensus and the ones compared
#: pairwise (derivation rows between articles, stemma evidence from containment). Every
#: article is still aligned with the cluster's source. Pairwise work grows with the
#: square of this number (about 12 ms a pair), so it is capped.
MAX_WITNESSES = 20


def primary_rows(derivation: pd.DataFrame) -> pd.DataFrame:
    """The derivation rows naming each article's source (``primary`` True): one per
    article, against the wire copy or the cluster's consensus. The table also lists
    pairwise derivations between articles; a table without the ``primary`` column is
    returned whole."""
    if "primary" not in derivation.columns:
        return derivation
    return derivation[derivation["primary"].astype(bool)]


@dataclass
class RewriteAnalysis:
    """The tables of rewrite detection (:func:`analyse_rewrites` gives each one's rows and
    columns)."""

    alignments: pd.DataFrame
    derivation: pd.DataFrame
    sources: dict[str, Article]
    stemma: pd.DataFrame
    clusters: pd.DataFrame
    consensus: dict[str, Consensus] = field(default_factory=dict)
    #: Articles compared with the other version of a pair whose direction is unknown:
    #: their differences are variants, not errors.
    undecided: set[str] = field(default_factory=set)

    @property
    def primary(self) -> pd.DataFrame:
        """Each article's derivation from its source (:func:`primary_rows`)."""
        return primary_rows(self.derivation)

    def main_sources(self) -> dict[str, str]:
        """Each article's source id (the wire copy or the cluster's consensus)."""
        primary = self.primary
        return dict(zip(primary["article_id"], primary["source_id"], strict=True))

    def derived_alignments(
        self, classes: tuple[str, ...] = ("wholly", "partially")
    ) -> pd.DataFrame:
        """The alignment rows of articles whose derivation from their source is in ``classes``.

        What an error check should compare: in an article that is not derived from the
        source (a later story, another agency's report) a sentence aligned with the
        source shares its topic, not its text, and differences are not errors.
        """
        primary = self.primary
        keep = set(primary.loc[primary["derivation"].isin(classes), "article_id"])
        return self.alignments[self.alignments["article_id"].isin(keep)].reset_index(drop=True)


def _cluster_map(articles: list[Article], clusters: pd.DataFrame | None) -> dict[str, int]:
    if clusters is None:
        return {a.article_id: 0 for a in articles}
    given = {str(r.article_id): int(r.cluster_id) for r in clusters.itertuples(index=False)}
    out, next_id = {}, max(given.values(), default=-1) + 1
    for a in articles:
        if a.article_id in given:
            out[a.article_id] = given[a.article_id]
        else:  # an article the clustering did not place is a story of its own
            out[a.article_id], next_id = next_id, next_id + 1
    return out


def _derivation_row(article, aligned, source, source_kind, primary, cluster_id) -> dict:
    """One derivation row; against a source rebuilt from other versions (not the wire),
    a derived class needs an unquoted run of ``derive.COPYING_RUN_MIN`` words."""
    run_min = 0 if source_kind == "wire" else COPYING_RUN_MIN
    scores = derivation_scores(article.sentences, aligned, source.sentences, run_min=run_min)
    return {
        "article_id": article.article_id,
        "source_id": source.article_id,
        **scores,
        "primary": primary,
        "source_kind": source_kind,
        "cluster_id": cluster_id,
    }


def wire_union(wires: list[Article], cluster_id: int) -> Article:
    """The story's wire copies as one source, ``wire:<cluster_id>``: their texts joined by
    blank lines, in input order, every sentence renumbered with offsets into the joined
    text. An article sentence aligned with it reuses the best sentence of any take, so a
    newspaper that stitched its story from two takes is measured against both at once."""
    sentences, texts, offset = [], [], 0
    for wire in wires:
        for s in wire.sentences:
            sentences.append(Sentence(len(sentences), s.text, s.start + offset, s.end + offset))
        texts.append(wire.text)
        offset += len(wire.text) + 2
    return Article(
        article_id=f"wire:{cluster_id}",
        path="",
        text="\n\n".join(texts),
        sentences=sentences,
        role="wire",
        date=min((w.date for w in wires if w.date), default=""),
    )


#: Why an article with no source is ``non`` derived (the derivation row's ``reason``).
NO_SOURCE = {
    "alone": "the only version in its story cluster, and no wire copy was given",
    "no_witnesses": (
        "no wire copy was given and no two versions of its story share enough wording "
        "to reconstruct a source"
    ),
}


def _wire_source(cluster_id, wires, copies, out) -> Article:
    """The cluster's source when wire copy is given: the one wire article, or the union of
    several (each take also gets a non-primary derivation row per article)."""
    for w in wires:
        out["sources"][w.article_id] = w
    if len(wires) == 1:
        return wires[0]
    union = wire_union(wires, cluster_id)
    out["sources"][union.article_id] = union
    for w in wires:
        index = SourceIndex(w.sentences)
        for a in copies:
            aligned = align_sentences(a.sentences, index)
            out["derivation"].append(_derivation_row(a, aligned, w, "wire", False, cluster_id))
    return union


#: A consensus is a source only when at least this many versions are copies of one text
#: (its voters), so that a reading two versions share outvotes a third. With fewer, each
#: article is compared with the one version it borrows most from (:func:`_pair_source`).
MIN_VOTERS = 3


@dataclass(frozen=True)
class SourceChoice:
    """The source one article is compared with, and how it was chosen.

    ``kind`` is ``wire``, ``consensus`` or ``article`` (the other version of a pair).
    ``measured`` is what the article's derivation is measured against when that is not
    ``source``: for a voter of a consensus, the consensus of the *other* voters, so an
    article never witnesses its own source (its sentences are still compared with the
    consensus of all, where its reading has its vote). For an ``article`` source,
    ``direction`` says who copied whom: ``copies`` (the article copies the source),
    ``copied`` (the source copies the article: the article is the original of the two) or
    ``undecided`` (nothing shows it: their differences are variants, not errors);
    ``evidence`` gives the stemma's reasons.
    """

    source: Article
    kind: str
    measured: Article | None = None
    direction: str = ""
    evidence: str = ""


def _add_consensus(consensus: Consensus, out: dict) -> Article:
    out["sources"][consensus.article.article_id] = consensus.article
    out["consensus"][consensus.article.article_id] = consensus
    return consensus.article


def _witness_sources(
    cluster_id: int, copies: list[Article], witnesses: list[Article], pairs, out: dict
) -> tuple[dict[str, SourceChoice], Article | None]:
    """Each article's source when no wire copy is given, and the cluster's consensus.

    With at least ``MIN_VOTERS`` voters, the consensus of all of them
    (``consensus:<cluster_id>``, the stemma's lost original) is every article's source,
    and each voter's derivation is measured against the consensus of the other voters
    (``consensus:<cluster_id>:<article_id>``, leave-one-out; named in the row's ``reason``,
    not a source the sentences are compared with). Otherwise an article is
    compared with the version it borrows most from (:func:`_pair_source`); an article
    that shares nothing with any gets no source.
    """
    voters = select_voters(pairs, [a.article_id for a in witnesses])
    choices: dict[str, SourceChoice] = {}
    if len(voters) >= MIN_VOTERS:
        full = _add_consensus(build_consensus(pairs, voters, cluster_id), out)
        for a in copies:
            if a.article_id in voters:
                others = [v for v in voters if v != a.article_id]
                own = build_consensus(pairs, others, f"{cluster_id}:{a.article_id}").article
                choices[a.article_id] = SourceChoice(full, "consensus", own)
            else:
                choices[a.article_id] = SourceChoice(full, "consensus")
        return choices, full
    for a in copies:
        choice = _pair_source(a, witnesses, pairs)
        if choice is not None:
            choices[a.article_id] = choice
    return choices, None


def _pair_source(article: Article, witnesses: list[Article], pairs) -> SourceChoice | None:
    """The version ``article`` borrows most from, with the stemma's direction between
    them (:func:`wiretrace.rewrites.stemma.pair_direction`); None when it shares nothing
    with any."""
    best = max(
        (w for w in witnesses if w.article_id != article.article_id),
        key=lambda w: pairs.reuse(article.article_id, w.article_id),
        default=None,
    )
    if best is None or pairs.reuse(article.article_id, best.article_id) <= 0:
        return None
    first, evidence = pair_direction(article, best, pairs)
    direction = "undecided" if first is None else "copied"
    if first == best.article_id:
        direction = "copies"
    return SourceChoice(best, "article", direction=direction, evidence=evidence)


#: The ``reason`` of a derivation row against the other version of a pair.
PAIR_REASONS = {
    "undecided": (
        "compared with the other version of a pair; nothing shows which one copied the "
        "other, so their differences are variants, not errors"
    ),
    "copied": "the original of the pair: {source} copies it ({evidence})",
    "copies": "copies {source} ({evidence})",
}


def _primary_row(article: Article, aligned, choice: SourceChoice, cluster_id: int) -> dict:
    """The article's derivation row against its chosen source (``aligned`` with
    ``choice.measured`` when it is given: the row names ``choice.source``, which its
    sentences are compared with, and its ``reason`` names what it was measured against)."""
    measured = choice.measured or choice.source
    row = _derivation_row(article, aligned, measured, choice.kind, True, cluster_id)
    if choice.measured is not None:
        why = f"measured against {measured.article_id}, the consensus of the other versions"
        return {**row, "source_id": choice.source.article_id, "reason": f"{why}: {row['reason']}"}
    if choice.kind != "article":
        return row
    why = PAIR_REASONS[choice.direction].format(
        source=choice.source.article_id, evidence=choice.evidence
    )
    if choice.direction == "copied":
        return {
            **row,
            "derivation": "non",
            "revision": "non",
            "decided_by": "stemma",
            "reason": why,
        }
    return {**row, "reason": f"{why}; {row['reason']}"}


def _no_source_row(article: Article, cluster_id: int, alone: bool) -> dict:
    why = NO_SOURCE["alone" if alone else "no_witnesses"]
    return {
        "article_id": article.article_id,
        "source_id": "",
        **no_source_scores(article.n_sentences, len(article_keys(article)), why),
        "primary": True,
        "source_kind": "",
        "cluster_id": cluster_id,
    }


def article_keys(article: Article) -> list[str]:
    """The word keys of an article's body (:func:`wiretrace.rewrites.align.wording`)."""
    return [k for s in article.sentences for k in wording(s.text).keys]


def _align_with(article: Article, source: Article, pairs, indexes: dict) -> list:
    """The article's sentence alignment with ``source`` (the pairwise one for a version)."""
    source_id = source.article_id
    if (article.article_id, source_id) in pairs.aligned or source_id in pairs.articles:
        return pairs.alignment(article.article_id, source_id)
    return align_sentences(article.sentences, _index(source, indexes))


def _index(source: Article, indexes: dict) -> SourceIndex:
    """The :class:`SourceIndex` of ``source``, built once per cluster."""
    if source.article_id not in indexes:
        indexes[source.article_id] = SourceIndex(source.sentences)
    return indexes[source.article_id]


def _analyse_cluster(cluster_id: int, members: list[Article], out: dict) -> None:
    wires = [a for a in members if a.role == "wire"]
    copies = [a for a in members if a.role != "wire"]
    witnesses = copies[:MAX_WITNESSES]
    pairs = align_pairs(witnesses)
    if wires:
        source = _wire_source(cluster_id, wires, copies, out)
        choices = {a.article_id: SourceChoice(source, "wire") for a in copies}
    else:
        choices, source = _witness_sources(cluster_id, copies, witnesses, pairs, out)
    aligned_to_source: dict[str, list[SentenceAlignment]] = {}
    containment: dict[str, float] = {}
    indexes: dict[str, SourceIndex] = {}
    primary_pairs = set()
    for a in copies:
        choice = choices.get(a.article_id)
        if choice is None:
            out["derivation"].append(_no_source_row(a, cluster_id, alone=len(copies) == 1))
            aligned = [
                SentenceAlignment(s.sentence_id, (), 0.0, 0.0, 0.0, "new") for s in a.sentences
            ]
            out["alignments"].extend(
                alignment_rows(a.article_id, a.sentences, "", SourceIndex([]), aligned)
            )
            continue
        aligned = _align_with(a, choice.source, pairs, indexes)
        measured = _align_with(a, choice.measured, pairs, indexes) if choice.measured else aligned
        row = _primary_row(a, measured, choice, cluster_id)
        out["derivation"].append(row)
        source_id = choice.source.article_id
        if choice.kind == "article":
            primary_pairs.add((a.article_id, source_id))
            if choice.direction == "undecided":
                out["undecided"].add(a.article_id)
        out["alignments"].extend(
            alignment_rows(
                a.article_id, a.sentences, source_id, _index(choice.source, indexes), aligned
            )
        )
        aligned_to_source[a.article_id] = aligned
        containment[a.article_id] = (
            row["containment"] if measured is aligned else article_containment(a.sentences, aligned)
        )
    for (a_id, b_id), aligned in pairs.aligned.items():
        if (a_id, b_id) in primary_pairs:
            continue
        a, b = pairs.articles[a_id], pairs.articles[b_id]
        out["derivation"].append(_derivation_row(a, aligned, b, "article", False, cluster_id))
    if copies and (source is not None or pairs.aligned):
        edges = infer_stemma(
            copies,
            source,
            aligned_to_source,
            containment,
            pairs,
            cluster_id,
            derived_min=PARTIAL_MIN,
        )
        out["stemma"].append(edges)


def analyse_rewrites(
    corpus: Corpus, progress: bool = False, clusters: pd.DataFrame | None = None
) -> RewriteAnalysis:
    """Align, classify and relate every accepted article of ``corpus`` with its source.

    ``clusters`` (optional) is a table ``article_id, cluster_id`` from story clustering;
    each cluster is audited on its own. Without it the whole corpus is cluster 0.
    ``progress`` shows a progress bar over clusters. Returns a :class:`RewriteAnalysis`:

    - ``alignments``: one row per sentence of every non-wire article, columns
      ``schema.ALIGNMENT_COLUMNS + [start, end, source_start, source_end]``;
    - ``derivation``: one row per (article, candidate source): the cluster's source
      (``primary`` True; every wire article when there are several) and every other
      non-wire article of the cluster that shares enough vocabulary to be aligned
      (``witnesses.PAIR_MIN``), among the first ``MAX_WITNESSES`` of the cluster;
      columns ``DERIVATION_TABLE_COLUMNS``;
    - ``sources``: every ``source_id`` used in ``alignments`` -> its Article (wire
      articles, and consensus texts built as Articles);
    - ``stemma``: edges ``source_id, article_id, confidence, evidence, directed,
      cluster_id`` (:mod:`wiretrace.rewrites.stemma`);
    - ``clusters``: ``article_id, cluster_id`` of every accepted article;
    - ``consensus``: the :class:`~wiretrace.rewrites.witnesses.Consensus` of each cluster that got
      one, by source id (voters, base witness, support per sentence).
    """
    from tqdm import tqdm

    articles = corpus.ok
    cluster_of = _cluster_map(articles, clusters)
    cluster_ids = sorted(set(cluster_of.values()))
    parts = [
        analyse_cluster(cid, [a for a in articles if cluster_of[a.article_id] == cid])
        for cid in tqdm(cluster_ids, desc="rewrites", unit="cluster", disable=not progress)
    ]
    return join_clusters(parts, [(a.article_id, cluster_of[a.article_id]) for a in articles])


def analyse_cluster(cluster_id: int, members: list[Article]) -> dict:
    """The rewrite analysis of one story cluster (``members`` in corpus order), as rows:
    ``alignments`` and ``derivation`` (lists of row dicts), ``stemma`` (a list of edge
    tables), ``sources``, ``consensus`` (dicts by source id) and ``undecided`` (a set).
    :func:`join_clusters` turns the parts of every cluster into a
    :class:`RewriteAnalysis`; clusters are independent, so they may run in any process."""
    out: dict = {
        "alignments": [],
        "derivation": [],
        "sources": {},
        "stemma": [],
        "consensus": {},
        "undecided": set(),
    }
    _analyse_cluster(cluster_id, members, out)
    return out


#: The row tables of a cluster's part, with their columns.
_ROW_TABLES = {"alignments": ALIGNMENTS_TABLE_COLUMNS, "derivation": DERIVATION_TABLE_COLUMNS}


def compact(part: dict) -> dict:
    """``part`` (:func:`analyse_cluster`) with its ``alignments`` and ``derivation`` rows
    as columns: one list of values per column of the table (a missing value is NaN, as
    in a table made from the rows). What a worker sends back: no dict per row for the
    process joining every cluster to hold. :func:`join_clusters` takes either form."""
    return {
        **part,
        **{name: _columns(part[name], columns) for name, columns in _ROW_TABLES.items()},
    }


def _columns(rows: list[dict] | dict[str, list], columns: list[str]) -> dict[str, list]:
    if isinstance(rows, dict):  # compact already
        return rows
    return {c: [row.get(c, float("nan")) for row in rows] for c in columns}


def join_clusters(parts: list[dict], clusters: list[tuple[str, int]]) -> RewriteAnalysis:
    """The :class:`RewriteAnalysis` of the clusters' parts (:func:`analyse_cluster`, in
    cluster order, as rows or :func:`compact`); ``clusters`` is ``(article_id,
    cluster_id)`` of every accepted article in corpus order. The tables are those
    :func:`analyse_rewrites` returns."""
    tables: dict = {name: {c: [] for c in columns} for name, columns in _ROW_TABLES.items()}
    out: dict = {"stemma": [], "sources": {}}
    consensus: dict = {}
    undecided: set[str] = set()
    for part in parts:
        for name, columns in _ROW_TABLES.items():
            for column, values in _columns(part[name], columns).items():
                tables[name][column].extend(values)
        out["stemma"].extend(part["stemma"])
        out["sources"].update(part["sources"])
        consensus.update(part["consensus"])
        undecided |= part["undecided"]
    stemma = (
        pd.concat(out["stemma"], ignore_index=True)
        if out["stemma"]
        else pd.DataFrame({c: pd.Series(dtype=object) for c in STEMMA_COLUMNS})
    )
    return RewriteAnalysis(
        alignments=_frame(tables["alignments"], ALIGNMENTS_TABLE_COLUMNS),
        derivation=_frame(tables["derivation"], DERIVATION_TABLE_COLUMNS),
        sources=out["sources"],
        stemma=stemma,
        clusters=pd.DataFrame(clusters, columns=["article_id", "cluster_id"]),
        consensus=consensus,
        undecided=undecided,
    )


def _frame(columns: dict[str, list], names: list[str]) -> pd.DataFrame:
    """A table of the columns' values (as one made from the rows: the types are read from
    every value of a column); with no rows, the empty table rows would give."""
    if not columns[names[0]]:
        return pd.DataFrame([], columns=names)
    return pd.DataFrame(columns, columns=names)
