"""Each claim's journey across the versions of a story, for the notebooks.

:func:`claim_carriage` takes the ``story_claims`` and ``findings`` tables of an audit and
returns one row per claim and version that carries it, with how the version carries it
(:data:`CARRIAGE`): as the other versions do, with its speaker changed, its quotation
altered, or differently where nothing shows who changed it (a variant).
:func:`claim_matrix` pivots it into claims x versions (empty where a version does not make
the claim); :func:`changed_claims_html` renders every changed claim as a side-by-side view
of the version and the version it is compared with. Data in, data out: nothing is
displayed here.
"""

from __future__ import annotations

import html

import pandas as pd

from wiretrace.report.views import side_by_side

#: How a version carries a claim, from the findings on claims across versions.
CARRIAGE = ("carried", "speaker changed", "quote altered", "variant")
_BY_KIND = {"attribution_changed": "speaker changed", "quote_altered": "quote altered"}


def _across(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings on claims across versions (their explanations say "Across versions")."""
    if findings is None or not len(findings):
        return pd.DataFrame(columns=["article_id", "sentence_id", "kind", "explanation"])
    return findings[findings["explanation"].astype(str).str.contains("Across versions")]


def claim_carriage(story_claims: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """One row per claim row: ``claim_id, article_id, sentence_id, speaker, quote, carried``.

    ``carried`` is one of :data:`CARRIAGE`: the worst of the findings across versions on the
    row's sentence (speaker changed, quote altered, variant), else ``carried``.
    """
    columns = ["claim_id", "article_id", "sentence_id", "speaker", "quote", "carried"]
    if story_claims is None or not len(story_claims):
        return pd.DataFrame(columns=columns)
    across = _across(findings)
    marks: dict[tuple[str, int], set[str]] = {}
    for f in across.itertuples(index=False):
        how = _BY_KIND.get(f.kind, "variant")
        marks.setdefault((f.article_id, int(f.sentence_id)), set()).add(how)
    rows = []
    for r in story_claims.itertuples(index=False):
        found = marks.get((r.article_id, int(r.sentence_id)), set())
        carried = next((c for c in CARRIAGE[1:] if c in found), "carried")
        rows.append([r.claim_id, r.article_id, int(r.sentence_id), r.speaker, r.quote, carried])
    return pd.DataFrame(rows, columns=columns)


def claim_matrix(carriage: pd.DataFrame, versions: list[str] | None = None) -> pd.DataFrame:
    """Claims (rows, in order of first appearance) x versions (columns): how each version
    carries each claim, ``""`` where it does not make it. Only claims at least two versions
    make are kept (a claim of one version has no journey)."""
    if not len(carriage):
        return pd.DataFrame()
    shared = carriage.groupby("claim_id")["article_id"].transform("nunique") > 1
    kept = carriage[shared]
    order = list(dict.fromkeys(kept["claim_id"]))
    matrix = kept.pivot_table(
        index="claim_id", columns="article_id", values="carried", aggfunc="first"
    )
    columns = versions or sorted(carriage["article_id"].unique())
    return matrix.reindex(index=order, columns=columns).astype(object).fillna("")


def changed_claims_html(story_claims: pd.DataFrame, findings: pd.DataFrame) -> str:
    """Every finding on a claim across versions as a side-by-side view: its claim, version
    and explanation, then the reference version's wording beside this version's (changed
    words marked)."""
    across = _across(findings)
    if not len(across):
        return "<p>No claim changed across versions.</p>"
    claim_of = {(r.article_id, int(r.sentence_id)): r.claim_id for r in story_claims.itertuples()}
    blocks = []
    for f in across.itertuples(index=False):
        key = (f.article_id, int(f.sentence_id))
        title = f"{claim_of.get(key, '')} · {f.article_id} · {f.kind} ({f.severity})"
        blocks.append(f"<p><b>{html.escape(title)}</b>: {html.escape(str(f.explanation))}</p>")
        blocks.append(
            side_by_side(
                str(f.source_text), str(f.text), title=str(f.article_id), source_label=f.source_id
            )
        )
    return "\n".join(blocks)
