"""Precision and recall of speaker detection on labelled news sentences.

Reads ``tests/fixtures/claim_sentences.csv`` (columns ``text, expected_speaker,
expected_kind``; an empty speaker means the sentence attributes nothing), runs
:func:`wiretrace.provenance.claims.claims_in_text` on each sentence and scores its first claim:

- a speaker found is correct when its wording equals the expected one (case and white
  space ignored) and its kind matches: precision = correct / found, recall = correct /
  expected;
- ``speaker_recall`` counts the speaker wording alone, ``kind_accuracy`` the kinds of the
  speakers found with the right wording;
- every miss, false speaker and wrong kind is listed.

The 40 sentences were written and committed before they were first scored, and the
rules were not changed on them: the figures are an honest, if small, estimate. Writes
``benchmarks/results/claims.json``; run with ``python -m wtbench.claims``; :func:`run`
is what ``wtbench.run`` calls.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from wiretrace.provenance.claims import claims_in_text
from wtbench import write_json
from wtbench.paths import PROJECT_ROOT, RESULTS_DIR

SENTENCES_PATH = PROJECT_ROOT / "tests" / "fixtures" / "claim_sentences.csv"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def evaluate(rows: list[dict]) -> dict:
    """Scores of speaker detection over ``rows`` (dicts with the CSV's columns)."""
    found = expected = correct = wording = 0
    misses, false_speakers, wrong_kinds = [], [], []
    for row in rows:
        claims = claims_in_text(row["text"])
        got = claims[0] if claims else None
        want = row["expected_speaker"]
        expected += bool(want)
        found += got is not None
        if got is None:
            if want:
                misses.append(row["text"])
            continue
        if not want or _norm(got.speaker) != _norm(want):
            false_speakers.append({"text": row["text"], "speaker": got.speaker})
            if want:
                misses.append(row["text"])
            continue
        wording += 1
        if got.speaker_kind == row["expected_kind"]:
            correct += 1
        else:
            wrong_kinds.append(
                {"text": row["text"], "kind": got.speaker_kind, "expected": row["expected_kind"]}
            )
            misses.append(row["text"])
    return {
        "sentences": len(rows),
        "attributed": expected,
        "found": found,
        "correct": correct,
        "precision": round(correct / found, 4) if found else None,
        "recall": round(correct / expected, 4) if expected else None,
        "speaker_recall": round(wording / expected, 4) if expected else None,
        "kind_accuracy": round(correct / wording, 4) if wording else None,
        "misses": misses,
        "false_speakers": false_speakers,
        "wrong_kinds": wrong_kinds,
    }


def run(out_dir: str | Path = RESULTS_DIR, path: str | Path = SENTENCES_PATH) -> dict:
    """Score the labelled sentences and write ``claims.json`` into ``out_dir``."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = {"benchmark": "claims", "data": Path(path).name, **evaluate(rows)}
    write_json(out_dir, "claims.json", result)
    return result


def main() -> None:
    """Run the benchmark and print precision and recall."""
    s = run()
    print(
        f"claims: precision {s['precision']}, recall {s['recall']}, speaker recall "
        f"{s['speaker_recall']}, kind accuracy {s['kind_accuracy']} on {s['sentences']} sentences"
    )


if __name__ == "__main__":
    main()
