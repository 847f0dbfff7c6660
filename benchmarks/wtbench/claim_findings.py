"""Precision and recall of each finding on matched claims (``wiretrace.findings.story_claims``).

Built from real claim sentences: every claim row (a quotation or attributed statement,
:func:`wiretrace.provenance.claims.extract_claims`) of an article gives *cases*, each a
story of three versions that all credit one agency (so the versions must carry the same
words): two carry the article's claim sentences as written, the third the same sentences
with the one claim's sentence changed:

- ``same``: unchanged (no finding expected);
- ``reattributed``: its speaker replaced by the speaker of another claim of the article
  (``attribution_changed``);
- ``hedged``: the first modal of the statement replaced ("will" -> "might"), or
  "reportedly" put before its first finite verb (spaCy tags; ``modality_change``, or
  ``quote_altered`` when the word is inside quotation marks of the sentence,
  :func:`wiretrace.language.units.open_quote_spans`: misquote first);
- ``negated``: "not" put after the statement's first auxiliary or modal
  (``negation_change``, or ``quote_altered`` inside quotation marks);
- ``different``: replaced by a claim sentence of another story with this claim's speaker
  put in (a different claim sharing the speaker: no finding);
- ``reworded`` (seeds only): replaced by the sentence another seed version makes the same
  claim with (``tests/fixtures/story_claims_gold.csv``), its expected findings read by
  hand (:data:`REWORDED`): the re-translated and re-attributed quotation of 004, the
  "reportedly" of 002, paraphrases that must give nothing.

Sets: ``dev`` (the seed articles 001, 002, 004, the text the claim checks were written on)
and ``heldout`` (the PA wire copy of the METER calibration stories, read at bench time
from the prepared split and never written out; skipped with a message when absent; only
counts are written). A case's expected kinds are scored against the claim findings on
its third version (a ``variant`` counts as nothing, since the agency credit gives a common
origin); a finding on the two unchanged versions is a false positive. Per kind:
precision = right / reported, recall = right / expected. Writes
``benchmarks/results/claim_findings.json``; run with ``python -m wtbench.claim_findings``.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from wiretrace.findings.story_claims import (
    claim_findings,
    match_claims,
    person_role,
    same_speaker,
    speaker_names,
)
from wiretrace.ingest.corpus import load_corpus
from wiretrace.language.nlp import nlp
from wiretrace.language.units import open_quote_spans
from wiretrace.provenance.claims import compare_speakers, extract_claims
from wiretrace.provenance.credits import find_attributions
from wtbench import write_json
from wtbench.paths import RESULTS_DIR, SEEDS_DIR

#: The finding kinds scored.
KINDS = ("attribution_changed", "quote_altered", "modality_change", "negation_change")
#: Expected findings of the seeds' real re-wordings against 001, read by hand:
#: (version prefix, sentence id of that version) -> kinds. Other re-wordings expect none.
REWORDED = {
    ("004", 3): ("attribution_changed", "quote_altered"),  # re-translated, re-attributed
    ("002", 14): ("modality_change",),  # "The source reportedly noted"
}
#: METER stories read for the held-out set (sorted story folders, at most this many), and
#: claim rows per story at most.
METER_STORIES = 40
ROWS_PER_STORY = 4
CREDIT = "LONDON (AFP) - "


def _claim_sentences(corpus, claims) -> dict[str, list[tuple[int, dict]]]:
    """article id -> [(sentence id, claim row)] of its first claim row per sentence."""
    out: dict[str, list] = {}
    for row in claims.to_dict("records"):
        rows = out.setdefault(row["article_id"], [])
        sentence = corpus_text(corpus, row).strip()
        if sentence.startswith("(") or sentence.upper() == sentence:
            continue  # an editor's note or a headline in capitals: no claim to re-attribute
        if all(s != int(row["sentence_id"]) for s, _ in rows):
            rows.append((int(row["sentence_id"]), row))
    return out


def corpus_text(corpus, row: dict) -> str:
    """The text of a claim row's sentence."""
    article = next(a for a in corpus.ok if a.article_id == row["article_id"])
    return article.sentences[int(row["sentence_id"])].text


def _relative(row: dict, sentence) -> dict:
    """The row's offsets made relative to its sentence."""
    off = sentence.start
    return {
        "speaker": row["speaker"],
        "speaker_kind": row["speaker_kind"],
        "start": int(row["start"]) - off,
        "end": int(row["end"]) - off,
        "quote": row["quote"],
        "quote_start": int(row["quote_start"]) - off if row["quote"] else -1,
        "quote_end": int(row["quote_end"]) - off if row["quote"] else -1,
    }


def _may_be_one_person(a: dict, b: dict) -> bool:
    """A role ("Counsel") and a name ("Mr Carman") of one story may be one person: not a
    re-attribution to build."""
    named = bool(speaker_names(a)), bool(speaker_names(b))
    return named[0] != named[1] and person_role(b if named[0] else a)


def hedge(text: str, row: dict, negate: bool) -> tuple[str, bool] | None:
    """``text`` (one claim sentence) with its statement hedged or negated, and whether the
    change is inside the quotation marks; None when no verb is there to change."""
    doc = nlp()(text)
    quotations = open_quote_spans(text)
    for tok in doc:
        if row["start"] <= tok.idx < row["end"] or tok.pos_ not in ("AUX", "VERB"):
            continue
        inside = any(a <= tok.idx < b for a, b in quotations)
        if negate:
            if tok.pos_ != "AUX" or (
                tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("not", "n't")
            ):
                continue
            end = tok.idx + len(tok.text)
            return text[:end] + " not" + text[end:], inside
        if tok.tag_ == "MD":
            new = "will" if tok.lower_ in ("may", "might", "could") else "might"
            return text[: tok.idx] + new + text[tok.idx + len(tok.text) :], inside
        if tok.tag_ in ("VBZ", "VBD", "VBP"):
            return text[: tok.idx] + "reportedly " + text[tok.idx :], inside
    return None


def cases(sentences: list[tuple[str, dict]], strangers: list[tuple[str, dict]], name: str):
    """The cases of one article: ``sentences`` its claim sentences with their rows
    (offsets relative to the sentence), ``strangers`` claim sentences of other stories."""
    out = []
    base = [s for s, _ in sentences]
    for n, (text, row) in enumerate(sentences):
        variants = [("same", text, ())]
        others = [r for _, r in sentences if r is not row]
        new = next(
            (
                r
                for r in others[n:] + others[:n]
                if compare_speakers(
                    r["speaker"], r["speaker_kind"], row["speaker"], row["speaker_kind"]
                )
                != "same"
                and not same_speaker(r, row)
                and not _may_be_one_person(r, row)
                and r["speaker"] not in text[row["end"] :]
            ),
            None,
        )
        if new is not None:
            changed = (
                text[: row["start"]]
                + text[row["start"] : row["end"]].replace(row["speaker"], new["speaker"], 1)
                + text[row["end"] :]
            )
            variants.append(("reattributed", changed, ("attribution_changed",)))
        for label, negate, kind in (
            ("hedged", False, "modality_change"),
            ("negated", True, "negation_change"),
        ):
            found = hedge(text, row, negate)
            if found:
                variants.append((label, found[0], ("quote_altered" if found[1] else kind,)))
        if strangers:
            s_text, s_row = strangers[(n * 7 + len(name)) % len(strangers)]
            swapped = (
                s_text[: s_row["start"]]
                + s_text[s_row["start"] : s_row["end"]].replace(s_row["speaker"], row["speaker"], 1)
                + s_text[s_row["end"] :]
            )
            variants.append(("different", swapped, ()))
        for label, changed, expected in variants:
            third = base[:n] + [changed] + base[n + 1 :]
            out.append((f"{name}.{n}.{label}", label, base, third, expected))
    return out


def audit_cases(case_list) -> dict[str, Counter]:
    """Claim findings per case: case id -> Counter of (version, kind) with ``third`` or
    ``kept`` for the version, from one corpus of every case's three versions."""
    with tempfile.TemporaryDirectory() as tmp:
        clusters = {}
        for i, (_, _, base, third, _) in enumerate(case_list):
            for v, sents in (("a", base), ("b", base), ("c", third)):
                aid = f"k{i:05d}{v}"
                Path(tmp, f"{aid}.txt").write_text(
                    CREDIT + "\n\n".join(sents) + "\n", encoding="utf-8"
                )
                clusters[aid] = i
        corpus = load_corpus([Path(tmp)])
        story = match_claims(extract_claims(corpus), corpus, clusters)
        found = claim_findings(story, corpus, None, find_attributions(corpus))
    out: dict[str, Counter] = {case[0]: Counter() for case in case_list}
    for row in found.itertuples():
        case = case_list[int(row.article_id[1:6])][0]
        out[case][("third" if row.article_id.endswith("c") else "kept", row.kind)] += 1
    return out


def score(case_list, found: dict[str, Counter]) -> dict:
    """Per kind and per case label: precision, recall and the counts behind them."""
    tp, fp, fn = Counter(), Counter(), Counter()
    by_label: dict[str, Counter] = {}
    wrong = []
    for case_id, label, _, _, expected in case_list:
        got = {k for (v, k), c in found[case_id].items() if c and k in KINDS and v == "third"}
        kept = {k for (v, k), c in found[case_id].items() if c and k in KINDS and v == "kept"}
        tally = by_label.setdefault(label, Counter())
        tally["cases"] += 1
        for kind in KINDS:
            if kind in expected and kind in got:
                tp[kind] += 1
            elif kind in expected:
                fn[kind] += 1
                wrong.append([case_id, "missed", kind])
            elif kind in got:
                fp[kind] += 1
                wrong.append([case_id, "false", kind])
            if kind in kept:
                fp[kind] += 1
                wrong.append([case_id, "false on an unchanged version", kind])
        tally["as_expected"] += set(expected) == got and not kept
    kinds = {
        k: {
            "expected": tp[k] + fn[k],
            "reported": tp[k] + fp[k],
            "right": tp[k],
            "precision": round(tp[k] / (tp[k] + fp[k]), 4) if tp[k] + fp[k] else None,
            "recall": round(tp[k] / (tp[k] + fn[k]), 4) if tp[k] + fn[k] else None,
        }
        for k in KINDS
    }
    return {"cases": len(case_list), "kinds": kinds, "labels": by_label, "wrong": wrong}


def _article_sentences(corpus, claims, prefixes=None) -> dict[str, list[tuple[str, dict]]]:
    texts = {a.article_id: a for a in corpus.ok}
    out = {}
    for aid, rows in _claim_sentences(corpus, claims).items():
        if prefixes and not aid.startswith(prefixes):
            continue
        out[aid] = [
            (texts[aid].sentences[s].text, _relative(r, texts[aid].sentences[s])) for s, r in rows
        ]
    return out


def dev_cases(seeds_dir: Path = SEEDS_DIR) -> list:
    """The cases of seed articles 001, 002 and 004, and the seeds' real re-wordings."""
    from wtbench.story_claims import load_gold

    corpus = load_corpus([seeds_dir])
    claims = extract_claims(corpus)
    by_article = _article_sentences(corpus, claims)
    strangers = [s for aid, sents in by_article.items() if aid.startswith("003") for s in sents]
    out = []
    for aid, sents in by_article.items():
        if aid.startswith(("001", "002", "004")):
            out += cases(sents, strangers, aid[:3])
    gold = load_gold()["seeds"]
    wire = next(a for a in by_article if a.startswith("001"))
    texts = {a.article_id: a for a in corpus.ok}
    wire_rows = dict(_claim_sentences(corpus, claims)[wire])
    base = [texts[wire].sentences[s].text for s in wire_rows]
    for (version, item), label in sorted(gold.items()):
        if version == wire or label.startswith("?"):
            continue
        mine = [s for (v, s), g in gold.items() if v == wire and g == label]
        if not mine or mine[0] not in wire_rows:
            continue
        n = list(wire_rows).index(mine[0])
        third = base[:n] + [texts[version].sentences[item].text] + base[n + 1 :]
        expected = REWORDED.get((version[:3], item), ())
        out.append((f"reworded.{version[:3]}.{item}", "reworded", base, third, expected))
    return out


def heldout_cases() -> list | None:
    """The cases of the METER calibration stories' PA copy, or None without the split."""
    try:
        from wtbench.meter import METER_DIR, meter_dir

        root = meter_dir(METER_DIR)
    except (FileNotFoundError, SystemExit, OSError):
        return None
    stories = sorted({p.parent for p in root.rglob("wire_*.txt")})[:METER_STORIES]
    per_story = []
    for story in stories:
        corpus = load_corpus(sorted(story.glob("wire_*.txt"))[:1])
        claims = extract_claims(corpus)
        sents = [s for ss in _article_sentences(corpus, claims).values() for s in ss]
        per_story.append((story.name, sents[:ROWS_PER_STORY]))
    out = []
    for i, (_, sents) in enumerate(per_story):
        strangers = [s for j, (_, ss) in enumerate(per_story) if j != i for s in ss]
        if sents:
            out += cases(sents, strangers, f"m{i:02d}")
    return out


def run(out_dir: str | Path = RESULTS_DIR) -> dict:
    """Score the dev and held-out sets and write ``claim_findings.json`` (counts, case
    ids and kinds only: no text)."""
    result: dict = {"benchmark": "claim_findings", "kinds": list(KINDS), "sets": {}}
    for name, build in (("dev", dev_cases), ("heldout", heldout_cases)):
        case_list = build()
        if case_list is None:
            print(f"claim_findings: {name} skipped, the METER calibration split is not prepared")
            result["sets"][name] = None
            continue
        result["sets"][name] = score(case_list, audit_cases(case_list))
    write_json(out_dir, "claim_findings.json", result)
    return result


def main() -> None:
    """Run the benchmark and print precision and recall per kind and set."""
    r = run()
    for name, s in r["sets"].items():
        if s is None:
            continue
        for kind, k in s["kinds"].items():
            print(
                f"{name} {kind}: precision {k['precision']}, recall {k['recall']} "
                f"({k['expected']} expected)"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
