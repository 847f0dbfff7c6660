"""The computed sentences of the notebooks and of the report's index, one function each.

Every function takes audit tables and the versions' labels
(:func:`wiretrace.report.labels.version_labels`) and returns a sentence (Markdown: names
in bold where a notebook shows them) whose numbers and names are computed, never typed,
and that reads right whether the count is 0, 1 or many: :func:`names` joins a list in
English ("none", "A", "A and B", "A, B and C"), :func:`count` says "no version", "1
version", "2 versions". The index's story in five lines is :func:`story_lines`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from wiretrace import schema
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.report.labels import label_of

Labels = Mapping[str, str] | None


def names(items: Iterable[str], empty: str = "none") -> str:
    """``items`` joined in English: ``empty`` for none, "A", "A and B", "A, B and C"."""
    items = [str(i) for i in items]
    if not items:
        return empty
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun: "no version", "1 version", "3 versions"."""
    n = int(n)
    if n == 0:
        return f"no {noun}"
    return f"1 {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def agency_label(agency: str, registry: Registry | None = None) -> str:
    """How an agency id reads in a sentence: its abbreviation (``AFP``, ``dpa``), else its
    name (``Reuters``); a generic credit ("agencies", "wire services") reads ``unnamed
    agencies``; an id the registry lacks is shown as it is."""
    registry = registry or load_registry()
    entry = registry.agencies.get(agency)
    if entry is None:
        return agency
    if entry.generic:
        return "unnamed agencies"
    return entry.abbreviations[0] if entry.abbreviations else entry.name


def agencies_phrase(joined: str, registry: Registry | None = None) -> str:
    """A ``; ``-joined list of agency ids (the scorecard's ``agencies_credited``) in words:
    "AFP and unnamed agencies", or "no agency"."""
    ids = [a for a in str(joined or "").split("; ") if a and a != "nan"]
    return names([agency_label(a, registry) for a in ids], empty="no agency")


def _ok(articles: pd.DataFrame) -> pd.DataFrame:
    return articles[articles["status"] == "ok"]


def versions_line(articles: pd.DataFrame, labels: Labels = None) -> str:
    """How many versions were read (with their labels, wire copy marked) and rejected."""
    ok = _ok(articles)
    shown = [
        label_of(labels, r.article_id) + (" (wire copy)" if r.role == "wire" else "")
        for r in ok.itertuples()
    ]
    rejected = articles[articles["status"] != "ok"]
    why = [f"{label_of(labels, r.article_id)} ({r.reason})" for r in rejected.itertuples()]
    read = f"{count(len(ok), 'version')} of the story read" + (f": {names(shown)}" if shown else "")
    rejected_part = f"{count(len(rejected), 'input')} rejected" + (f": {names(why)}" if why else "")
    return _sentence(f"{read}; {rejected_part}.")


def credits_line(
    attributions: pd.DataFrame,
    articles: pd.DataFrame,
    labels: Labels = None,
    registry: Registry | None = None,
) -> str:
    """Who credits whom: each agency credited in the text with the versions that credit it,
    then the versions that credit none (photo credits do not credit the text)."""
    ids = _ok(articles)["article_id"].tolist()
    if not ids:
        return "No version was read, so no credit was found."
    text = attributions[attributions["form"] != "photo_credit"]
    parts = []
    for agency, group in text.groupby("agency", sort=True):
        who = [label_of(labels, a) for a in ids if a in set(group["article_id"])]
        name = agency_label(agency, registry)
        verb = "are" if name == "unnamed agencies" else "is"
        parts.append(f"{name} {verb} credited by {names(who)}")
    none = [label_of(labels, a) for a in ids if a not in set(text["article_id"])]
    if none:
        verb = "credits" if len(none) == 1 else "credit"
        parts.append(f"{names(none)} {verb} no agency")
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def copies_line(stemma: pd.DataFrame, labels: Labels = None) -> str:
    """Who copied whom: each directed edge's copies grouped by the text they copy, then
    how many related pairs the evidence cannot orient."""
    if stemma is None or not len(stemma):
        return "No version was shown to copy another or a common source."
    directed = stemma[stemma["directed"].astype(bool)]
    parts = []
    for source_id, group in directed.groupby("source_id", sort=False):
        copies = [label_of(labels, a) for a in group["article_id"]]
        verb = "copies" if len(copies) == 1 else "copy"
        source = label_of(labels, source_id)
        if str(source_id).startswith("consensus:"):
            source = f"the {source} of the versions (the lost original)"
        parts.append(f"{names(copies)} {verb} {source}")
    undecided = len(stemma) - len(directed)
    if undecided:
        pairs = count(undecided, "pair")
        parts.append(f"for {pairs} of versions the evidence cannot say who copied whom")
    if not parts:
        return "No version was shown to copy another or a common source."
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def _clip(value, width: int = 80) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def finding_phrase(finding, labels: Labels = None) -> str:
    """One finding in words: its version, kind, and the source's wording against the
    rewrite's, each cut to 80 characters (``000: modality change, "will" → "may"``)."""
    kind = str(finding.kind).replace("_", " ")
    source, text = (_clip(finding.source_text), _clip(finding.text))
    change = f', "{source}" → "{text}"' if source else f', "{text}"'
    return f"{label_of(labels, finding.article_id)}: {kind}{change if text else ''}"


def high_findings_line(findings: pd.DataFrame, labels: Labels = None) -> str:
    """How many high-severity findings there are, and on which versions."""
    high = findings[findings["severity"] == "high"]
    if not len(high):
        return "No high-severity finding."
    by = high.groupby("article_id", sort=False).size()
    each = [f"{label_of(labels, a)} ({n})" for a, n in by.items()]
    return f"{count(len(high), 'high-severity finding')}: {names(each)}."


def story_lines(result, labels: Labels = None) -> list[str]:
    """The story in four sentences for the report's index: the versions, who credits whom,
    who copied whom, and the high-severity findings (the index adds the notebooks)."""
    return [
        versions_line(result.articles, labels),
        credits_line(result.attributions, result.articles, labels),
        copies_line(result.stemma, labels),
        high_findings_line(result.findings, labels),
    ]


def findings_summary(findings: pd.DataFrame, articles: pd.DataFrame, labels: Labels = None) -> str:
    """Notebook 03's summary: how many findings on how many versions, which carries the
    most, and which have none."""
    ids = _ok(articles)["article_id"].tolist()
    if not len(findings):
        return f"The audit raises no finding on {count(len(ids), 'version')}."
    by = findings.groupby("article_id").size().reindex(ids, fill_value=0)
    high = int((findings["severity"] == "high").sum())
    out = (
        f"The audit raises **{count(len(findings), 'finding')}** ({high} of high severity) "
        f"on **{count(int((by > 0).sum()), 'version')}**. "
    )
    top = by[by == by.max()]
    verb = "carries" if len(top) == 1 else "carry"
    out += f"{names(label_of(labels, a) for a in top.index)} {verb} the most ({by.max()}). "
    clean = [label_of(labels, a) for a, n in by.items() if n == 0]
    if clean:
        out += f"{count(len(clean), 'version')} {'has' if len(clean) == 1 else 'have'} none: "
        out += f"{names(clean)}."
    else:
        out += "Every version has at least one."
    return out


def readability_summary(readability: pd.DataFrame, labels: Labels = None) -> str:
    """Notebook 04's summary: which versions read easier or harder than their source on
    Flesch reading ease, and the largest change in words per sentence (either sign)."""
    deltas = readability[readability["source_id"].fillna("").astype(str) != ""]
    deltas = deltas.dropna(subset=["delta_flesch_reading_ease", "delta_words_per_sentence"])
    if not len(deltas):
        return "No version has a source to compare its readability with."
    easier = deltas.loc[deltas["delta_flesch_reading_ease"] > 0, "article_id"]
    harder = deltas.loc[deltas["delta_flesch_reading_ease"] < 0, "article_id"]
    biggest = deltas.loc[deltas["delta_words_per_sentence"].abs().idxmax()]

    def which(ids: pd.Series) -> str:
        return f" ({names(label_of(labels, a) for a in ids)})" if len(ids) else ""

    return (
        f"Against its source, **{count(len(easier), 'version')}** "
        f"{_verb(len(easier), 'scores', 'score')} as easier to read on Flesch reading ease"
        f"{which(easier)} and **{len(harder)}** as harder{which(harder)}. The largest change "
        f"in sentence length is {label_of(labels, biggest['article_id'])}'s: "
        f"{biggest['delta_words_per_sentence']:+.1f} words per sentence."
    )


def provenance_line(row, labels: Labels = None, registry: Registry | None = None) -> str:
    """One version's provenance in a sentence: verdict, credits, attributions lost."""
    dropped, changed = int(row.attributions_dropped or 0), int(row.attributions_changed or 0)
    lost = (
        "no attribution dropped or changed"
        if not dropped + changed
        else f"{count(dropped, 'attribution')} dropped, {changed} changed"
    )
    return (
        f"**{label_of(labels, row.article_id)}**: {row.provenance}; credits "
        f"{agencies_phrase(row.agencies_credited, registry)}; {lost}."
    )


def derivation_line(primary: pd.DataFrame, labels: Labels = None) -> str:
    """Notebook 02's classes: the versions wholly, partially and not derived."""
    parts = []
    for cls in schema.DERIVATION_CLASSES:
        members = primary.loc[primary["derivation"] == cls, "article_id"]
        if len(members):
            who = names(label_of(labels, a) for a in members)
            parts.append(f"**{cls.capitalize()} derived** ({len(members)}): {who}.")
    return " ".join(parts) or "No version has a source to be derived from."


def _verb(n: int, singular: str, plural: str) -> str:
    return singular if n <= 1 else plural


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def corpus_summary(articles: pd.DataFrame) -> str:
    """Notebook 00's summary: inputs read and rejected, wire copies, dates, bylines and
    the range of lengths."""
    ok = _ok(articles)
    rejected = len(articles) - len(ok)
    out = [
        f"The corpus holds **{count(len(articles), 'input')}**: **{len(ok)}** could be audited "
        f"and **{rejected}** {'was' if rejected == 1 else 'were'} rejected."
    ]
    if not len(ok):
        return out[0]
    dated = sorted(d for d in ok["date"].fillna("").astype(str) if d)
    wire, bylines = int((ok["role"] == "wire").sum()), int((ok["byline"].fillna("") != "").sum())
    out.append(
        _sentence(
            f"{count(wire, 'version')} {_verb(wire, 'is', 'are')} marked as wire copy; "
            f"{count(len(dated), 'version')} {_verb(len(dated), 'carries', 'carry')} a date in "
            f"the text{f' ({names(dated)})' if dated else ''} and {count(bylines, 'version')} "
            "a byline."
        )
    )
    low, high = int(ok["n_words"].min()), int(ok["n_words"].max())
    out.append(
        f"The body has {low} words."
        if low == high
        else f"Bodies run from **{low}** to **{high}** words."
    )
    return " ".join(out)


def bare_line(articles: pd.DataFrame, metadata: pd.DataFrame, labels: Labels = None) -> str:
    """Which audited texts say nothing about themselves (no date, byline, credit,
    dateline or caption)."""
    ids = _ok(articles)["article_id"].tolist()
    bare = [label_of(labels, a) for a in ids if a not in set(metadata["article_id"])]
    if not ids:
        return "No text was audited."
    if not bare:
        if len(ids) == 1:
            return "The audited text says something about itself."
        return f"Every one of the {len(ids)} audited texts says something about itself."
    verb = "says" if len(bare) == 1 else "say"
    return (
        f"**{len(bare)}** of the {count(len(ids), 'audited text')} {verb} nothing about "
        f"{'itself' if len(bare) == 1 else 'themselves'} (no date, byline, credit, dateline "
        f"or caption): {names(bare)}."
    )


def uncredited_line(scorecard: pd.DataFrame, labels: Labels = None) -> str:
    """Which versions reuse wire copy without crediting an agency (provenance verdict)."""
    if "provenance" not in scorecard:
        return "No provenance verdict was computed."
    ids = scorecard.loc[scorecard["provenance"] == "uncredited wire copy", "article_id"]
    if not len(ids):
        return "No version reuses wire copy without crediting an agency."
    verb = "reuses" if len(ids) == 1 else "reuse"
    return (
        f"{names(label_of(labels, a) for a in ids)} {verb} wire copy without crediting an agency."
    )


def photo_only_line(attributions: pd.DataFrame, labels: Labels = None) -> str:
    """Which versions credit an agency only for a photo (which does not credit the text)."""
    text = set(attributions.loc[attributions["form"] != "photo_credit", "article_id"])
    photo = attributions.loc[attributions["form"] == "photo_credit", "article_id"]
    only = [label_of(labels, a) for a in dict.fromkeys(photo) if a not in text]
    if not only:
        return "No version credits an agency only for a photo."
    verb = "credits" if len(only) == 1 else "credit"
    return f"{names(only)} {verb} an agency only for a photo, which does not credit the text."


def consensus_line(source_id: str, source, findings: pd.DataFrame, labels: Labels = None) -> str:
    """A reconstructed source in a sentence: its size and how many differences from it
    fall where the witnesses were split (``contested`` findings, reported as variants)."""
    mine = findings[findings["source_id"] == source_id]
    contested = mine["contested"].fillna(False).astype(bool) if "contested" in mine else mine
    split = int(contested.sum()) if len(mine) else 0
    words = len(source.body.split())
    return (
        f"**{label_of(labels, source_id)}** (`{source_id}`): "
        f"{count(len(source.sentences), 'sentence')}, {count(words, 'word')}; "
        f"{count(split, 'difference')} from it {'falls' if split == 1 else 'fall'} where the "
        "witnesses were split."
    )
