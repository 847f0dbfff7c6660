"""Attribution findings: a credit or an attribution the rewrite dropped or changed.

:func:`attribution_findings` compares the claims (who is quoted or cited) of each derived
article with those of its source and reports ``attribution_dropped`` and
``attribution_changed``, and ``uncredited_reuse`` for an article derived from agency copy
that credits no agency. Returns rows of the ``findings`` table
(:data:`wiretrace.schema.FINDING_COLUMNS`).
"""

from __future__ import annotations

import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.provenance.credits import TEXT_FORMS, article_credits, credits_by_article
from wiretrace.rewrites.analysis import primary_rows

#: The finding kinds this module produces.
FINDING_KINDS = ("attribution_dropped", "attribution_changed", "uncredited_reuse")
_FORM_WORDS = {
    "byline": "byline",
    "dateline": "dateline",
    "in_text": "in-text credit",
    "sign_off": "sign-off",
    "photo_credit": "photo credit",
}


def _claims_by_sentence(corpus: Corpus, claims: pd.DataFrame | None, registry: Registry):
    from wiretrace.provenance.claims import extract_claims

    table = claims if claims is not None else extract_claims(corpus, registry)
    out: dict[tuple[str, int], list[dict]] = {}
    for row in table.to_dict("records"):
        out.setdefault((row["article_id"], int(row["sentence_id"])), []).append(row)
    return out


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


def _paragraph_neighbour_claim(article, sentence_id: int, by_sentence: dict, source_claim):
    """A claim in the sentence before or after ``sentence_id``, in the same paragraph, whose
    speaker is the source claim's or a stronger one; None when there is none."""
    from wiretrace.provenance.claims import compare_speakers

    sentences = article.sentences
    here = sentences[sentence_id]
    for other_id in (sentence_id - 1, sentence_id + 1):
        if not 0 <= other_id < len(sentences):
            continue
        other = sentences[other_id]
        a, b = sorted([(here.start, here.end), (other.start, other.end)])
        if "\n" in article.text[a[1] : b[0]]:
            continue  # a paragraph break: the attribution does not carry over
        for claim in by_sentence.get((article.article_id, other_id), []):
            relation = compare_speakers(
                source_claim.speaker,
                source_claim.speaker_kind,
                claim["speaker"],
                claim["speaker_kind"],
            )
            if relation in ("same", "stronger"):
                return claim
    return None


def _finding(article_id, kind, severity, text, source_text, source_id, start, end, why) -> dict:
    return {
        "article_id": article_id,
        "kind": kind,
        "severity": severity,
        "text": text,
        "source_text": source_text,
        "source_id": source_id,
        "start": int(start),
        "end": int(end),
        "explanation": why,
    }


def _describe(claim) -> str:
    speaker = claim["speaker"] if isinstance(claim, dict) else claim.speaker
    kind = claim["speaker_kind"] if isinstance(claim, dict) else claim.speaker_kind
    return f"'{speaker}' ({kind.replace('_', ' ')})"


def attribution_findings(
    corpus: Corpus,
    alignments: pd.DataFrame,
    sources: dict,
    derivation: pd.DataFrame,
    attributions: pd.DataFrame,
    claims: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> pd.DataFrame:
    """Attribution findings: ``attribution_dropped``, ``attribution_changed`` and
    ``uncredited_reuse`` (columns :data:`wiretrace.schema.FINDING_COLUMNS`).

    ``alignments``, ``sources`` and ``derivation`` are the rewrite analysis tables (see
    ``notes/INTERFACES.md``): one row per article sentence with its aligned source
    wording and offsets, the source texts by id, and the derivation class of each
    article. ``attributions`` is :func:`find_attributions`' table and ``claims``
    :func:`wiretrace.provenance.claims.extract_claims`' (computed when not given).

    - ``attribution_dropped`` (one per aligned sentence): the source sentence attributes
      a statement and neither the article sentence nor another sentence aligned to the
      same source wording attributes anything: the rewrite states it as fact (``high``
      for a direct quote or an anonymous source's claim, else ``medium``).
    - ``attribution_changed`` (one per aligned sentence): the article credits a speaker no
      source statement supports: stronger (an anonymous source becomes the ministry:
      ``high``), another speaker of the same strength (``medium``) or a weaker one
      (``low``). See :func:`wiretrace.provenance.claims.compare_speakers`.
    - ``uncredited_reuse`` (one per article): the article is wholly (``high``) or
      partially (``medium``) derived from a source that comes from an agency, and credits
      no agency in any text form (a photo credit does not count). When ``derivation`` has
      a ``primary`` column, only the primary source of each article is considered.

    ``start``/``end`` are offsets into the article's text (taken from the article's own
    sentences by ``sentence_id``, so the alignment's offset columns are optional); ``text``
    is the article wording there. Wire articles are not audited. Returns an empty table
    when nothing is found.
    """
    from wiretrace.provenance.claims import claims_in_text, compare_speakers

    registry = registry or load_registry()
    rows: list[dict] = []
    ok = {a.article_id: a for a in corpus.articles if a.status == "ok" and a.role != "wire"}
    aligned = (
        alignments[alignments["article_id"].isin(list(ok)) & (alignments["label"] != "new")]
        if len(alignments)
        else alignments
    )
    if len(aligned):
        by_sentence = _claims_by_sentence(corpus, claims, registry)
        source_claims: dict[str, list] = {}
        records = aligned.to_dict("records")
        # The article's sentences aligned to the same source wording (a split sentence).
        same_wording: dict[tuple, list[int]] = {}
        for row in records:
            key = (row["article_id"], row["source_id"], row["source_text"])
            same_wording.setdefault(key, []).append(int(row["sentence_id"]))
        for row in records:
            source_text = str(row["source_text"])
            if source_text not in source_claims:
                source_claims[source_text] = claims_in_text(source_text, registry)
            said = source_claims[source_text]
            if not said:
                continue
            article_id = row["article_id"]
            own = by_sentence.get((article_id, int(row["sentence_id"])), [])
            siblings = same_wording[(article_id, row["source_id"], row["source_text"])]
            kin = [
                c
                for s in siblings
                if s != int(row["sentence_id"])
                for c in by_sentence.get((article_id, s), [])
            ]
            text = ok[article_id].text
            sentence = ok[article_id].sentences[int(row["sentence_id"])]
            start, end = sentence.start, sentence.end
            if not own and not kin:
                main = next((c for c in said if c.claim_type == "quote"), said[0])
                quote = main.claim_type == "quote"
                severity = "high" if quote or main.speaker_kind == "anonymous_source" else "medium"
                what = "a direct quote" if quote else "a statement"
                near = _paragraph_neighbour_claim(
                    ok[article_id], int(row["sentence_id"]), by_sentence, main
                )
                caveat = ""
                if near is not None:
                    severity = "low"
                    caveat = (
                        f" The next or previous sentence of the same paragraph attributes to "
                        f"{_describe(near)}, which a reader may take to cover this one."
                    )
                rows.append(
                    _finding(
                        article_id,
                        "attribution_dropped",
                        severity,
                        text[start:end],
                        source_text,
                        row["source_id"],
                        start,
                        end,
                        f"The source attributes {what} to {_describe(main)} "
                        f"('{source_text[main.start : main.end]}'); this sentence gives no "
                        f"source for it and states it as fact.{caveat}",
                    )
                )
                continue
            worst = None
            for claim in own:
                relations = [
                    compare_speakers(
                        s.speaker, s.speaker_kind, claim["speaker"], claim["speaker_kind"]
                    )
                    for s in said
                ]
                if "same" in relations:
                    continue
                rank = {"stronger": 3, "different": 2, "weaker": 1}
                best = max(range(len(said)), key=lambda i: rank[relations[i]])
                if worst is None or rank[relations[best]] > rank[worst[0]]:
                    worst = (relations[best], said[best], claim)
            if worst is not None:
                relation, before, after = worst
                severity = {"stronger": "high", "different": "medium", "weaker": "low"}[relation]
                change = {
                    "stronger": "a stronger source than the source did",
                    "different": "a different speaker than the source did",
                    "weaker": "a weaker source than the source did",
                }[relation]
                a_start, a_end = int(after["start"]), int(after["end"])
                rows.append(
                    _finding(
                        article_id,
                        "attribution_changed",
                        severity,
                        text[a_start:a_end],
                        source_text,
                        row["source_id"],
                        a_start,
                        a_end,
                        f"The rewrite credits {change}: the source has {_describe(before)} "
                        f"('{source_text[before.start : before.end]}'), the rewrite "
                        f"{_describe(after)} ('{text[a_start:a_end]}').",
                    )
                )
    rows.extend(_uncredited(ok, alignments, sources, derivation, attributions, registry))
    if not rows:
        return schema.empty(schema.FINDING_COLUMNS)
    table = pd.DataFrame(rows, columns=schema.FINDING_COLUMNS)
    return table.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)


def _uncredited(ok, alignments, sources, derivation, attributions, registry) -> list[dict]:
    rows = []
    if derivation is None or not len(derivation):
        return rows
    derived = primary_rows(derivation)
    derived = derived[derived["derivation"].isin(["wholly", "partially"])]
    source_agencies = SourceAgencies(sources, derivation, attributions, registry)
    photo_credits = credits_by_article(attributions, forms=("photo_credit",))
    by_article = {aid: rows for aid, rows in alignments.groupby("article_id", sort=False)}
    for article_id, group in derived.groupby("article_id", sort=True):
        if article_id not in ok or source_agencies.credited.get(article_id):
            continue
        order = {"wholly": 0, "partially": 1}
        group = group.assign(_o=group["derivation"].map(order)).sort_values(
            ["_o", "containment"], ascending=[True, False], kind="stable"
        )
        mine = by_article.get(article_id, alignments.iloc[:0])
        for record in group.to_dict("records"):
            source_id = record["source_id"]
            agencies, evidence = source_agencies(source_id)
            if not agencies:
                continue
            reused = mine[(mine["source_id"] == source_id) & (mine["label"] != "new")]
            n_all = len(mine)
            article = ok[article_id]
            if len(reused):
                best = reused.sort_values(
                    ["similarity", "sentence_id"], ascending=[False, True], kind="stable"
                ).iloc[0]
                sentence = article.sentences[int(best["sentence_id"])]
                start, end, source_text = sentence.start, sentence.end, best["source_text"]
                share = f"{len(reused)} of {n_all} sentences align with it"
            else:
                first = article.sentences[0]
                start, end, source_text, share = first.start, first.end, "", "sentences align"
            photo = photo_credits.get(article_id, [])
            extra = f" (it has only a photo credit: {', '.join(photo)})" if photo else ""
            names = [a if a == "wire" else registry.name(a) for a in agencies]
            names = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            rows.append(
                _finding(
                    article_id,
                    "uncredited_reuse",
                    "high" if record["derivation"] == "wholly" else "medium",
                    article.text[start:end],
                    source_text,
                    source_id,
                    start,
                    end,
                    f"{article_id} is {record['derivation']} derived from {source_id} "
                    f"(containment {float(record['containment']):.2f}; {share}), which comes "
                    f"from {names}: {evidence}. {article_id} credits no agency in its "
                    f"byline, dateline, text or sign-off{extra}.",
                )
            )
            break
    return rows
