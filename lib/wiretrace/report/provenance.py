"""Provenance verdicts for the scorecard: what each article credits and what its source does.

:func:`provenance_scorecard` returns one row per article with the columns of
:data:`SCORECARD_COLUMNS`: the agencies it credits and how, its verdict (one of
:data:`VERDICTS`) and how many of its source's attributions survived.
"""

from __future__ import annotations

import pandas as pd

from wiretrace import schema
from wiretrace.findings.attribution import SourceAgencies
from wiretrace.ingest.corpus import Corpus
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.provenance.credits import TEXT_FORMS, credits_by_article
from wiretrace.rewrites.analysis import primary_rows

SCORECARD_COLUMNS = [
    "article_id",
    "agencies_credited",
    "credit_forms",
    "photo_credits",
    "provenance",
    "source_agencies",
    "source_attributions",
    "attributions_kept_share",
    "attributions_dropped",
    "attributions_changed",
]
VERDICTS = ("credited wire copy", "uncredited wire copy", "original or unknown", "mixed")


def provenance_scorecard(
    corpus: Corpus,
    attributions: pd.DataFrame,
    findings: pd.DataFrame,
    alignments: pd.DataFrame | None = None,
    sources: dict | None = None,
    derivation: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> pd.DataFrame:
    """Provenance per accepted article (columns :data:`SCORECARD_COLUMNS`).

    - ``agencies_credited``/``credit_forms``: agency ids and forms credited in text forms,
      ``; ``-joined; ``photo_credits``: agencies credited only for photos.
    - ``source_agencies``: the agencies the article's wire source comes from (empty when
      the article is not derived or its source names none).
    - ``provenance`` (:data:`VERDICTS`): ``uncredited wire copy`` when an
      ``uncredited_reuse`` finding exists; for an article derived from agency copy,
      ``credited wire copy`` when it credits one of the source's agencies or unnamed
      agencies, else ``mixed`` (it credits an agency, not the one it copies); for an
      article not derived (or without a derivation table), ``credited wire copy`` when it
      credits an agency in its byline, dateline or sign-off, or (no derivation table) in
      its text, else ``original or unknown``.
    - ``source_attributions``: aligned source sentences that attribute a statement;
      ``attributions_kept_share`` = share of them neither dropped nor changed (in [0, 1];
      empty when there are none); ``attributions_dropped``/``attributions_changed``: the
      counts of those findings.
    """
    registry = registry or load_registry()
    alignments = alignments if alignments is not None else schema.empty(schema.ALIGNMENT_COLUMNS)
    sources = sources or {}
    have_derivation = derivation is not None and len(derivation) > 0
    derivation = derivation if derivation is not None else schema.empty(schema.DERIVATION_COLUMNS)
    # Every per-article lookup grouped once, so the loop does not rescan the tables.
    agencies_of = SourceAgencies(sources, derivation, attributions, registry)
    photo_credits = credits_by_article(attributions, forms=("photo_credit",))
    forms_of = attributions.groupby("article_id")["form"].agg(set).to_dict()
    kinds_of = findings.groupby("article_id")["kind"].agg(list).to_dict() if len(findings) else {}
    sources_of = _reused_sources(derivation)
    aligned_texts = _aligned_source_texts(alignments)
    said = _attributing([t for texts in aligned_texts.values() for t in texts], registry)
    rows = []
    for article in corpus.articles:
        if article.status != "ok":
            continue
        aid = article.article_id
        credited = agencies_of.credited.get(aid, [])
        present = forms_of.get(aid, set())
        forms = [f for f in schema.ATTRIBUTION_FORMS if f in present and f in TEXT_FORMS]
        photo = sorted(set(photo_credits.get(aid, [])) - set(credited))
        kinds = kinds_of.get(aid, [])
        source_agencies: list[str] = []
        for source_id in sources_of.get(aid, []):
            agencies, _ = agencies_of(source_id)
            source_agencies.extend(a for a in agencies if a not in source_agencies)
        attributed = sum(said[t] for t in dict.fromkeys(map(str, aligned_texts.get(aid, []))))
        dropped, changed = kinds.count("attribution_dropped"), kinds.count("attribution_changed")
        share = max(0.0, (attributed - dropped - changed) / attributed) if attributed else None
        rows.append(
            {
                "article_id": aid,
                "agencies_credited": "; ".join(credited),
                "credit_forms": "; ".join(forms),
                "photo_credits": "; ".join(photo),
                "provenance": _verdict(credited, forms, source_agencies, kinds, have_derivation),
                "source_agencies": "; ".join(sorted(source_agencies)),
                "source_attributions": attributed,
                "attributions_kept_share": round(share, 4) if share is not None else None,
                "attributions_dropped": dropped,
                "attributions_changed": changed,
            }
        )
    return pd.DataFrame(rows, columns=SCORECARD_COLUMNS)


def _reused_sources(derivation: pd.DataFrame) -> dict[str, list[str]]:
    """Each article derived (wholly or partially) from its source -> that source's ids."""
    primary = primary_rows(derivation)
    reused = primary[primary["derivation"].isin(["wholly", "partially"])]
    return reused.groupby("article_id", sort=False)["source_id"].agg(list).to_dict()


def _aligned_source_texts(alignments: pd.DataFrame) -> dict[str, list[str]]:
    """Each article -> the source wording of its sentences aligned with the source."""
    aligned = alignments[alignments["label"] != "new"] if len(alignments) else alignments
    if not len(aligned):
        return {}
    return aligned.groupby("article_id", sort=False)["source_text"].agg(list).to_dict()


def _verdict(
    credited: list[str],
    forms: list[str],
    source_agencies: list[str],
    kinds: list[str],
    have_derivation: bool,
) -> str:
    """The article's provenance verdict (one of :data:`VERDICTS`), as described in
    :func:`provenance_scorecard`."""
    if "uncredited_reuse" in kinds:
        return "uncredited wire copy"
    if source_agencies:
        if not credited:
            return "uncredited wire copy"
        fits = set(credited) & (set(source_agencies) | {"agencies", "wire"})
        return "credited wire copy" if fits or "wire" in source_agencies else "mixed"
    if credited and (set(forms) & {"byline", "dateline", "sign_off"} or not have_derivation):
        return "credited wire copy"
    return "original or unknown"


def _attributing(texts: list, registry: Registry) -> dict[str, bool]:
    """Whether each distinct source sentence of ``texts`` attributes a statement (the
    sentences holding a cue word parsed in one batch)."""
    from wiretrace.provenance.claims import claims_in_texts

    distinct = list(dict.fromkeys(str(t) for t in texts))
    return {t: bool(c) for t, c in zip(distinct, claims_in_texts(distinct, registry), strict=True)}
