"""``attribution_dropped``, ``attribution_changed``, ``uncredited_reuse``: credit lost in a rewrite.

Takes the :class:`~wiretrace.findings.attribution.AttributionTables` of an audit and one
aligned sentence (a row of the alignments) or one derived article; returns
``(source_id, Finding)`` pairs, offsets into the article's text:

- ``attribution_dropped`` (one per aligned sentence): the source sentence attributes
  a statement and neither the article sentence nor another sentence aligned to the
  same source wording attributes anything: the rewrite states it as fact (``high``
  for a direct quote or an anonymous source's claim, else ``medium``; ``low`` when the
  sentence before or after in the paragraph attributes to the same speaker).
- ``attribution_changed`` (one per aligned sentence): the article credits a speaker no
  source statement supports: stronger (an anonymous source becomes the ministry:
  ``high``), another speaker of the same strength (``medium``) or a weaker one
  (``low``). See :func:`wiretrace.provenance.claims.compare_speakers`.
- ``uncredited_reuse`` (one per article): the article is wholly (``high``) or
  partially (``medium``) derived from a source that comes from an agency, and credits
  no agency in any text form (a photo credit does not count); ``medium`` for an article
  of one sentence (``decided_by`` ``too_short``). When ``derivation`` has
  a ``primary`` column, only the primary source of each article is considered.

Across versions (scope ``"claim"``, :mod:`wiretrace.findings.story_claims`): a claim that
a version not derived from its source credits to another speaker than the reading most
versions carry is ``attribution_changed`` (severity as above) when the two versions must
carry the same source (one reuses the other's wording, or it credits the agency the other
has the claim from), else a ``variant``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding

if TYPE_CHECKING:
    from wiretrace.findings.attribution import AttributionTables
    from wiretrace.findings.story_claims import ClaimPair

KINDS = ("attribution_dropped", "attribution_changed", "uncredited_reuse")

#: How far a rewrite's speaker is from every source speaker, worst first.
_RANK = {"stronger": 3, "different": 2, "weaker": 1}
_SEVERITY = {"stronger": "high", "different": "medium", "weaker": "low"}
_CHANGE = {
    "stronger": "a stronger source than the source did",
    "different": "a different speaker than the source did",
    "weaker": "a weaker source than the source did",
}


@check(order=200, scope="aligned")
def attribution_dropped(tables: AttributionTables, row: dict) -> list[tuple[str, Finding]]:
    """The source attributes a statement; this sentence and its siblings attribute nothing."""
    source_text = str(row["source_text"])
    said = tables.source_claims(source_text)
    article_id, sentence_id = row["article_id"], int(row["sentence_id"])
    if not said or tables.by_sentence.get((article_id, sentence_id)):
        return []
    siblings = tables.same_wording[(article_id, row["source_id"], row["source_text"])]
    if any(tables.by_sentence.get((article_id, s)) for s in siblings if s != sentence_id):
        return []
    article = tables.ok[article_id]
    sentence = article.sentences[sentence_id]
    main = next((c for c in said if c.claim_type == "quote"), said[0])
    quote = main.claim_type == "quote"
    severity = "high" if quote or main.speaker_kind == "anonymous_source" else "medium"
    what = "a direct quote" if quote else "a statement"
    near = _paragraph_neighbour_claim(tables, article, sentence_id, main)
    caveat = ""
    if near is not None:
        severity = "low"
        caveat = (
            f" The next or previous sentence of the same paragraph attributes to "
            f"{_describe(near)}, which a reader may take to cover this one."
        )
    why = (
        f"The source attributes {what} to {_describe(main)} "
        f"('{source_text[main.start : main.end]}'); this sentence gives no "
        f"source for it and states it as fact.{caveat}"
    )
    text = article.text[sentence.start : sentence.end]
    finding = Finding(
        "attribution_dropped", severity, text, source_text, sentence.start, sentence.end, why
    )
    return [(row["source_id"], finding)]


@check(order=210, scope="aligned")
def attribution_changed(tables: AttributionTables, row: dict) -> list[tuple[str, Finding]]:
    """The sentence credits a speaker no statement of the source wording supports."""
    from wiretrace.provenance.claims import compare_speakers

    source_text = str(row["source_text"])
    said = tables.source_claims(source_text)
    if not said:
        return []
    worst = None
    for claim in tables.by_sentence.get((row["article_id"], int(row["sentence_id"])), []):
        relations = [
            compare_speakers(s.speaker, s.speaker_kind, claim["speaker"], claim["speaker_kind"])
            for s in said
        ]
        if "same" in relations:
            continue
        best = max(range(len(said)), key=lambda i: _RANK[relations[i]])
        if worst is None or _RANK[relations[best]] > _RANK[worst[0]]:
            worst = (relations[best], said[best], claim)
    if worst is None:
        return []
    relation, before, after = worst
    text = tables.ok[row["article_id"]].text
    a_start, a_end = int(after["start"]), int(after["end"])
    why = (
        f"The rewrite credits {_CHANGE[relation]}: the source has {_describe(before)} "
        f"('{source_text[before.start : before.end]}'), the rewrite "
        f"{_describe(after)} ('{text[a_start:a_end]}')."
    )
    severity, wording = _SEVERITY[relation], text[a_start:a_end]
    finding = Finding("attribution_changed", severity, wording, source_text, a_start, a_end, why)
    return [(row["source_id"], finding)]


@check(order=220, scope="article")
def uncredited_reuse(tables: AttributionTables, article_id: str) -> list[tuple[str, Finding]]:
    """The article reuses agency copy (its best-derived source) and credits no agency."""
    group = tables.derived.get(article_id)
    if group is None or tables.source_agencies.credited.get(article_id):
        return []
    order = {"wholly": 0, "partially": 1}
    fields = [f for f in ("source_id", "derivation", "containment", "decided_by") if f in group]
    records = [
        dict(zip(fields, values, strict=True))
        for values in zip(*(group[f].tolist() for f in fields), strict=True)
    ]
    # Wholly before partially, then by containment, highest first (no containment last);
    # Python's sort is stable, so ties keep the derivation table's order.
    records.sort(key=lambda r: (order[r["derivation"]], -_or_inf(r["containment"])))
    for record in records:
        agencies, evidence = tables.source_agencies(record["source_id"])
        if agencies:
            return [
                (record["source_id"], _uncredited(tables, article_id, record, agencies, evidence))
            ]
    return []


def _or_inf(value) -> float:
    """``value`` as a float, minus infinity when it is missing (NaN or None)."""
    return float("-inf") if value is None or value != value else float(value)


def _uncredited(tables: AttributionTables, article_id: str, record: dict, agencies, evidence):
    """The ``uncredited_reuse`` finding of ``article_id`` for its derivation ``record``."""
    source_id = record["source_id"]
    mine = tables.alignments_by_article.get(article_id, tables.alignments.iloc[:0])
    reused = mine[(mine["source_id"] == source_id) & (mine["label"] != "new")]
    article = tables.ok[article_id]
    if len(reused):
        best = reused.sort_values(
            ["similarity", "sentence_id"], ascending=[False, True], kind="stable"
        ).iloc[0]
        sentence = article.sentences[int(best["sentence_id"])]
        start, end, source_text = sentence.start, sentence.end, best["source_text"]
        share = f"{len(reused)} of {len(mine)} sentences align with it"
    else:
        first = article.sentences[0]
        start, end, source_text, share = first.start, first.end, "", "sentences align"
    photo = tables.photo_credits.get(article_id, [])
    extra = f" (it has only a photo credit: {', '.join(photo)})" if photo else ""
    names = [a if a == "wire" else tables.registry.name(a) for a in agencies]
    names = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    why = (
        f"{article_id} is {record['derivation']} derived from {source_id} "
        f"(containment {float(record['containment']):.2f}; {share}), which comes "
        f"from {names}: {evidence}. {article_id} credits no agency in its "
        f"byline, dateline, text or sign-off{extra}."
    )
    short = record.get("decided_by") == "too_short"
    if short:
        why += " It is one sentence: one copied sentence, not a copied story."
    severity = "high" if record["derivation"] == "wholly" and not short else "medium"
    return Finding(
        "uncredited_reuse", severity, article.text[start:end], source_text, start, end, why
    )


def _paragraph_neighbour_claim(tables: AttributionTables, article, sentence_id: int, source_claim):
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
        for claim in tables.by_sentence.get((article.article_id, other_id), []):
            relation = compare_speakers(
                source_claim.speaker,
                source_claim.speaker_kind,
                claim["speaker"],
                claim["speaker_kind"],
            )
            if relation in ("same", "stronger"):
                return claim
    return None


def _describe(claim) -> str:
    speaker = claim["speaker"] if isinstance(claim, dict) else claim.speaker
    kind = claim["speaker_kind"] if isinstance(claim, dict) else claim.speaker_kind
    return f"'{speaker}' ({kind.replace('_', ' ')})"


@check(order=230, scope="claim")
def claim_speaker_changed(pair: ClaimPair) -> list[Finding]:
    """The same claim credited to another speaker, or another kind of speaker, than the
    versions it is shared with: ``attribution_changed`` when the versions must carry the same
    source (``pair.common_origin``) and more of them carry the reference's speaker, else a
    ``variant``. Not reported: one speaker described otherwise (``same_speaker``, or a
    description by a role that stands for one person for a named speaker of the same
    strength: not "the ministry" for a minister), another
    person of the same kind unless the statements match closely (``IDENTITY_MIN``), and two
    quotations that say other things (``QUOTE_KEYS_MIN``)."""
    from wiretrace.findings.story_claims import (
        IDENTITY_MIN,
        QUOTE_KEYS_MIN,
        person_role,
        quote_keys_share,
        speaker_names,
    )
    from wiretrace.findings.story_claims import same_speaker as one_speaker
    from wiretrace.provenance.claims import compare_speakers

    ref, other = pair.reference, pair.other
    relation = compare_speakers(
        ref["speaker"], ref["speaker_kind"], other["speaker"], other["speaker_kind"]
    )
    if relation == "same" or one_speaker(ref, other):
        return []
    named = bool(speaker_names(ref)), bool(speaker_names(other))
    unnamed = other if named[0] else ref
    if relation == "different" and named[0] != named[1] and person_role(unnamed):
        return []  # "the judge" / "Mr Justice Kay": a description and a name, one person
    two_people = all(named)
    if (relation == "different" or two_people) and pair.score < IDENTITY_MIN:
        return []  # another person: more likely another claim sharing the story's names
    both_quote = ref["quote"] and other["quote"]
    if both_quote and quote_keys_share(ref["quote"], other["quote"]) < QUOTE_KEYS_MIN:
        return []  # the quotations say other things: two claims, not one re-attributed
    start, end = int(other["start"]), int(other["end"])
    r_start, r_end = int(ref["start"]), int(ref["end"])
    carried = pair.speaker_support[0]
    why = (
        f"Across versions: {other['article_id']} credits {_describe(other)} "
        f"('{pair.other_text[start:end]}') with a claim that {carried} version(s) credit to "
        f"{_describe(ref)} ('{pair.reference_text[r_start:r_end]}' in {ref['article_id']}): "
        f"{_CHANGE[relation].replace('the source did', 'they do')}."
    )
    return pair.findings(
        "attribution_changed", _SEVERITY[relation], (start, end), (r_start, r_end), why, "speaker"
    )
