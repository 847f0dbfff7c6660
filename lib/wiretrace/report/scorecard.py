"""The reliability scorecard: one row per article, joining what every stage found.

:func:`build_scorecard` takes the audit's tables and returns one row per input with its
status and size, its provenance verdict and credits (from the provenance stage), its
derivation class and the share of its sentences reused, its findings by severity, and its
readability change against the source. :func:`conclusions` turns the scorecard into plain
sentences for the notebooks, every number computed from the table.

The ranking is deliberately simple and stated: ``weighted_findings`` counts a high finding
as 3, a medium as 2 and a low as 1 (:data:`SEVERITY_WEIGHTS`), and
``findings_per_1000_words`` divides that by the body length, so a long article is not
penalised for being long.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from wiretrace import schema
from wiretrace.report.labels import label_of
from wiretrace.report.story import count, names

SEVERITY_WEIGHTS = {"high": 3, "medium": 2, "low": 1}


def _per_article(frame: pd.DataFrame, ids: pd.Series, columns: list[str]) -> pd.DataFrame:
    frame = frame[frame["article_id"].isin(ids)]
    return frame[["article_id", *columns]].drop_duplicates("article_id")


def build_scorecard(
    articles: pd.DataFrame,
    derivation: pd.DataFrame | None = None,
    alignments: pd.DataFrame | None = None,
    findings: pd.DataFrame | None = None,
    provenance: pd.DataFrame | None = None,
    readability: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article with every stage's headline figures.

    Columns: the base columns (``article_id, status, role, n_sentences, n_words``); the
    provenance table's columns, when given; ``source_id, derivation, containment,
    similarity`` for the article's main source (highest containment); ``reused_share`` and
    ``verbatim_share`` (share of the article's sentences labelled verbatim or rewrite, and
    verbatim only, in [0, 1]); ``findings_<severity>`` counts, ``weighted_findings`` and
    ``findings_per_1000_words``, and ``english_checks`` when ``articles`` has a ``language``
    column (True where the error checks, which read English word lists, ran: an accepted
    article in English); ``delta_flesch_reading_ease`` and
    ``delta_words_per_sentence`` against the source, when readability is given.
    Missing stages leave their columns out rather than filling them with guesses.
    """
    card = articles[schema.SCORECARD_BASE_COLUMNS].copy()
    ids = card["article_id"]
    if provenance is not None and len(provenance.columns) > 1:
        card = card.merge(provenance.drop_duplicates("article_id"), on="article_id", how="left")
    if derivation is not None:
        main = derivation.sort_values(["article_id", "containment"], ascending=[True, False])
        main = _per_article(main, ids, ["source_id", "derivation", "containment", "similarity"])
        card = card.merge(main, on="article_id", how="left")
    if alignments is not None:
        labels = alignments[alignments["article_id"].isin(ids)]
        flags = pd.DataFrame(
            {
                "article_id": labels["article_id"],
                "reused_share": labels["label"].isin(["verbatim", "rewrite"]),
                "verbatim_share": labels["label"] == "verbatim",
            }
        )
        # Shares of each article's sentences; rounded by Python's round (one value each),
        # not numpy's, whose halfway cases can differ.
        shares = flags.groupby("article_id").mean().map(lambda x: round(float(x), 3))
        card = card.merge(shares.reset_index(), on="article_id", how="left")
    if findings is not None:
        for severity in schema.SEVERITIES:
            counts = findings.loc[findings["severity"] == severity, "article_id"].value_counts()
            card[f"findings_{severity}"] = card["article_id"].map(counts).fillna(0).astype(int)
        card["weighted_findings"] = sum(
            card[f"findings_{s}"] * w for s, w in SEVERITY_WEIGHTS.items()
        ).astype(int)
        words = card["n_words"].where(card["n_words"] > 0)
        card["findings_per_1000_words"] = (1000 * card["weighted_findings"] / words).round(2)
        if "language" in articles.columns:
            # The error checks read English word lists: they ran on English articles only.
            english = (articles["status"] == "ok") & (articles["language"] == "en")
            card["english_checks"] = card["article_id"].map(
                dict(zip(articles["article_id"], english, strict=True))
            )
    if readability is not None:
        wanted = ["delta_flesch_reading_ease", "delta_words_per_sentence"]
        present = [c for c in wanted if c in readability.columns]
        card = card.merge(_per_article(readability, ids, present), on="article_id", how="left")
    return card


def conclusions(card: pd.DataFrame, labels: Mapping[str, str] | None = None) -> list[str]:
    """Plain sentences a journalist could quote, each computed from the scorecard.

    Says which articles are derived from their source and how much they reuse, which
    carry findings of high severity, and which credit no agency while reusing wire copy
    (when those columns are present). ``labels`` name the versions
    (:func:`wiretrace.report.labels.version_labels`); without them the ids are shown.
    """
    ok = card[card["status"] == "ok"]
    lines = []
    if "derivation" in ok:
        for cls in schema.DERIVATION_CLASSES:
            members = [label_of(labels, a) for a in ok.loc[ok["derivation"] == cls, "article_id"]]
            if members:
                verb = "is" if len(members) == 1 else "are"
                lines.append(
                    f"{count(len(members), 'article')} {verb} {cls} derived: {names(members)}."
                )
    if "reused_share" in ok and ok["reused_share"].notna().any():
        top = ok.sort_values("reused_share", ascending=False).iloc[0]
        lines.append(
            f"{label_of(labels, top['article_id'])} reuses the most: {top['reused_share']:.0%} of "
            f"its sentences come from its source ({top['verbatim_share']:.0%} word for word)."
        )
    if "findings_high" in ok:
        flagged = ok[ok["findings_high"] > 0]
        if len(flagged):
            parts = [
                f"{label_of(labels, r.article_id)} ({r.findings_high})"
                for r in flagged.itertuples()
            ]
            lines.append(f"High-severity findings: {names(parts)}.")
        else:
            lines.append("No article has a high-severity finding.")
    if "provenance" in ok:
        uncredited = ok.loc[ok["provenance"] == "uncredited wire copy", "article_id"]
        if len(uncredited):
            who = names(label_of(labels, a) for a in uncredited)
            lines.append(f"Reuse wire copy without crediting an agency: {who}.")
    return lines
