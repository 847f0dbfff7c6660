"""Attribution findings: a credit or an attribution the rewrite dropped or changed.

:func:`attribution_findings` takes the corpus, the rewrite analysis tables and the credits
and claims of the provenance stage, gathers them in :class:`AttributionTables`, runs the
attribution checks of :mod:`wiretrace.findings.checks.attribution` (``attribution_dropped``,
``attribution_changed``, ``uncredited_reuse``) on each aligned sentence and each derived
article, and returns rows of the ``findings`` table (:data:`wiretrace.schema.FINDING_COLUMNS`).
:class:`SourceAgencies` (which agencies a source comes from) serves the checks and the
report's provenance verdicts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from wiretrace import schema
from wiretrace.findings import checks
from wiretrace.findings.checks.variant import as_variant
from wiretrace.findings.errors import copied_sentences
from wiretrace.findings.finding import finding_row
from wiretrace.ingest.corpus import Corpus
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.provenance.credits import TEXT_FORMS, article_credits, credits_by_article
from wiretrace.rewrites.analysis import primary_rows


class SourceAgencies:
    """The agencies each source comes from, and the evidence, or ``([], "")`` (memoised).

    Looks first at the source's own text (its credits in text forms), then, for a wire
    article of the corpus, at its role, then at what the other copies of the same source
    credit (for a reconstructed consensus). Built once from an audit's tables, so a folder
    of many articles is not scanned again for every article.
    """

    def __init__(
        self,
        sources: dict,
        derivation: pd.DataFrame,
        attributions: pd.DataFrame,
        registry: Registry,
    ):
        self.sources = sources
        self.registry = registry
        self.credited = credits_by_article(attributions)
        reused = derivation[derivation["derivation"].isin(["wholly", "partially"])]
        self.copies = reused.groupby("source_id", sort=False)["article_id"].agg(list).to_dict()
        self._memo: dict[str, tuple[list[str], str]] = {}

    def __call__(self, source_id: str) -> tuple[list[str], str]:
        if source_id not in self._memo:
            self._memo[source_id] = self._find(source_id)
        return self._memo[source_id]

    def _find(self, source_id: str) -> tuple[list[str], str]:
        source = self.sources.get(source_id)
        if source is not None:
            credits = [c for c in article_credits(source, self.registry) if c.form in TEXT_FORMS]
            if credits:
                agencies = sorted({c.agency for c in credits})
                quoted = "; ".join(dict.fromkeys(f"'{c.evidence}'" for c in credits))
                return agencies, f"{source_id} credits {', '.join(agencies)} ({quoted})"
            if getattr(source, "role", "") == "wire":
                return ["wire"], f"{source_id} is wire copy (given as --wire)"
        crediting: dict[str, list[str]] = {}
        for copy in self.copies.get(source_id, []):
            for agency in self.credited.get(copy, []):
                crediting.setdefault(agency, []).append(copy)
        if crediting:
            agencies = sorted(crediting)
            who = "; ".join(
                f"{a} by {', '.join(sorted(ids))}" for a, ids in sorted(crediting.items())
            )
            return agencies, f"other copies of {source_id} credit it ({who})"
        return [], ""


@dataclass
class AttributionTables:
    """What the attribution checks read: the audit's tables and lookups built from them once.

    ``ok`` maps the id of every accepted article that is not wire copy to the article;
    ``aligned`` is the alignments of those articles' sentences that have a source. The
    other lookups are built on first use (claims are extracted when ``claims`` is None).
    Read-only for the checks.
    """

    corpus: Corpus
    alignments: pd.DataFrame
    sources: dict
    derivation: pd.DataFrame | None
    attributions: pd.DataFrame
    claims: pd.DataFrame | None
    registry: Registry
    ok: dict = field(init=False)
    aligned: pd.DataFrame = field(init=False)
    _source_claims: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.ok = {
            a.article_id: a for a in self.corpus.articles if a.status == "ok" and a.role != "wire"
        }
        alignments = self.alignments
        self.aligned = (
            alignments[
                alignments["article_id"].isin(list(self.ok)) & (alignments["label"] != "new")
            ]
            if len(alignments)
            else alignments
        )

    @cached_property
    def by_sentence(self) -> dict[tuple[str, int], list[dict]]:
        """The claims of each article sentence, keyed by (article id, sentence id)."""
        from wiretrace.provenance.claims import extract_claims

        table = (
            self.claims if self.claims is not None else extract_claims(self.corpus, self.registry)
        )
        out: dict[tuple[str, int], list[dict]] = {}
        for row in table.to_dict("records"):
            out.setdefault((row["article_id"], int(row["sentence_id"])), []).append(row)
        return out

    @cached_property
    def same_wording(self) -> dict[tuple, list[int]]:
        """The article's sentences aligned to the same source wording (a split sentence)."""
        out: dict[tuple, list[int]] = {}
        for row in self.aligned.to_dict("records"):
            key = (row["article_id"], row["source_id"], row["source_text"])
            out.setdefault(key, []).append(int(row["sentence_id"]))
        return out

    def source_claims(self, source_text: str) -> list:
        """The claims of one source wording (memoised)."""
        if source_text not in self._source_claims:
            self.read_source_claims([source_text])
        return self._source_claims[source_text]

    def read_source_claims(self, source_texts: Iterable[str]) -> None:
        """Find the claims of the source wordings not read yet, parsed in one batch."""
        from wiretrace.provenance.claims import claims_in_texts

        missing = [t for t in dict.fromkeys(source_texts) if t not in self._source_claims]
        self._source_claims.update(
            zip(missing, claims_in_texts(missing, self.registry), strict=True)
        )

    @cached_property
    def derived(self) -> dict[str, pd.DataFrame]:
        """The wholly or partially derived rows of each article (its primary source only
        when ``derivation`` marks one); empty without a derivation table."""
        if self.derivation is None or not len(self.derivation):
            return {}
        derived = primary_rows(self.derivation)
        derived = derived[derived["derivation"].isin(["wholly", "partially"])]
        return dict(list(derived.groupby("article_id", sort=True)))

    @cached_property
    def source_agencies(self) -> SourceAgencies:
        """The :class:`SourceAgencies` of the audit's sources."""
        return SourceAgencies(self.sources, self.derivation, self.attributions, self.registry)

    @cached_property
    def photo_credits(self) -> dict[str, list[str]]:
        """The agencies each article credits in a photo credit only."""
        return credits_by_article(self.attributions, forms=("photo_credit",))

    @cached_property
    def alignments_by_article(self) -> dict[str, pd.DataFrame]:
        """The alignment rows of each article (all labels)."""
        return dict(list(self.alignments.groupby("article_id", sort=False)))


def attribution_findings(
    corpus: Corpus,
    alignments: pd.DataFrame,
    sources: dict,
    derivation: pd.DataFrame,
    attributions: pd.DataFrame,
    claims: pd.DataFrame | None = None,
    registry: Registry | None = None,
    undecided: Collection[str] = frozenset(),
    copied: set[tuple[str, int]] | None = None,
) -> pd.DataFrame:
    """Attribution findings: ``attribution_dropped``, ``attribution_changed`` and
    ``uncredited_reuse`` (columns :data:`wiretrace.schema.FINDING_COLUMNS`).

    ``alignments``, ``sources`` and ``derivation`` are the rewrite analysis tables
    (:class:`wiretrace.rewrites.analysis.RewriteAnalysis`): one row per article sentence
    with its aligned source wording and offsets, the source texts by id, and the
    derivation class of each article. ``attributions`` is :func:`find_attributions`' table
    and ``claims`` :func:`wiretrace.provenance.claims.extract_claims`' (computed when not
    given). What each kind means: see :mod:`wiretrace.findings.checks.attribution`.

    ``start``/``end`` are offsets into the article's text (taken from the article's own
    sentences by ``sentence_id``, so the alignment's offset columns are optional); ``text``
    is the article wording there. Wire articles are not audited. As for the error
    findings, a sentence is checked only inside a copied passage
    (:func:`wiretrace.findings.errors.copied_sentences`), and a difference from the other
    version of a pair of unknown direction (articles in ``undecided``) is a ``variant``;
    ``copied`` is the audit's set of those sentences (computed here when not given).
    Returns an empty table when nothing is found.
    """
    tables = AttributionTables(
        corpus, alignments, sources, derivation, attributions, claims, registry or load_registry()
    )
    rows: list[dict] = []
    if len(tables.aligned):
        sentence_checks = checks.steps("aligned")
        if copied is None:
            copied = copied_sentences(tables.aligned, tables.sources)
        records = [
            row
            for row in tables.aligned.to_dict("records")
            if (row["article_id"], int(row["sentence_id"])) in copied
        ]
        tables.read_source_claims(str(row["source_text"]) for row in records)
        for row in records:
            for step in sentence_checks:
                for s, f in step(tables, row):
                    if row["article_id"] in undecided:
                        f = as_variant(f, "undecided")
                    rows.append(finding_row(f, row["article_id"], s))
    article_checks = checks.steps("article")
    for article_id in sorted(tables.ok):
        for step in article_checks:
            rows += [finding_row(f, article_id, s) for s, f in step(tables, article_id)]
    if not rows:
        return schema.empty(schema.FINDING_COLUMNS)
    table = pd.DataFrame(rows, columns=schema.FINDING_COLUMNS)
    return table.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)
