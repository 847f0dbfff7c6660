"""One very long article audited end to end: wall time and peak memory (#16).

:func:`build_folder` writes, at bench time, a folder with one article of about
``size`` characters and a wire copy: the article's sentences are the seeds' and the
Clough-Stevenson texts' (``benchmarks/corpora``), drawn at random into paragraphs of
three to eight sentences, with one paragraph of :data:`LONG_PARAGRAPH` characters in the
middle (a page whose line breaks were lost); the wire copy is seed 001, given with
``--wire``, so the rewrite, provenance and error stages all run on the article.
:func:`measure` audits the folder with the command line in a fresh process and records
its wall time and peak resident memory (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``
read by a parent process that runs nothing else: :func:`wtbench.fresh.run_fresh`).
:func:`run` does this for each of :data:`SIZES` (1 MB and 5 MB) and writes
``benchmarks/results/big_article.json``. The sentences repeat (the corpora hold about
400 KB), so caches of per-sentence work help more than on a real text of that length.
Run with ``python -m wtbench.big_article``.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from wiretrace.ingest.corpus import load_corpus
from wtbench import write_json
from wtbench.fresh import run_fresh
from wtbench.paths import CLOUGH_STEVENSON_DIR, RESULTS_DIR, SEEDS_DIR

#: The article sizes audited (characters).
SIZES = (1_000_000, 5_000_000)
#: The length (characters) of the one paragraph without line breaks in each article.
LONG_PARAGRAPH = 200_000
#: The wire copy the article is audited against (a seed).
WIRE = "001_d598337ef24b6ebd.txt"
#: What the audit must stay within on the 5 MB article (#16's acceptance).
LIMITS = {"wall_seconds": 60, "peak_rss_mb": 1024}


def corpus_sentences() -> list[str]:
    """Every sentence of the seeds and the Clough-Stevenson texts, as wiretrace reads them."""
    paths = [
        *sorted(SEEDS_DIR.glob("*.txt")),
        *sorted((CLOUGH_STEVENSON_DIR / "texts").glob("*.txt")),
    ]
    corpus = load_corpus(paths)
    return [s.text for article in corpus.articles for s in article.sentences]


def build_article(sentences: list[str], size: int, seed: int = 16) -> str:
    """About ``size`` characters of paragraphs of three to eight of ``sentences`` drawn at
    random (``seed``), one per line with a blank line between, and one paragraph of
    :data:`LONG_PARAGRAPH` characters (or ``size // 4``, when smaller) in the middle."""
    rng = random.Random(seed)

    def paragraph(length: int) -> str:
        words: list[str] = []
        n = 0
        while n < length:
            words.append(rng.choice(sentences))
            n += len(words[-1]) + 1
        return " ".join(words)

    paragraphs: list[str] = []
    n = 0
    long_at = size // 2
    while n < size:
        if long_at is not None and n >= long_at:
            paragraphs.append(paragraph(min(LONG_PARAGRAPH, size // 4)))
            long_at = None
        else:
            paragraphs.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(3, 8))))
        n += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs) + "\n"


def build_folder(folder: Path, size: int, sentences: list[str]) -> dict:
    """Write ``folder/article.txt`` (:func:`build_article`) and ``folder/wire.txt`` (seed
    :data:`WIRE`); return the article's length in characters and paragraphs."""
    folder.mkdir(parents=True, exist_ok=True)
    text = build_article(sentences, size)
    (folder / "article.txt").write_text(text, encoding="utf-8")
    (folder / "wire.txt").write_bytes((SEEDS_DIR / WIRE).read_bytes())
    return {"chars": len(text), "paragraphs": text.count("\n\n") + 1}


def measure(folder: Path, out: Path) -> dict:
    """Audit ``folder`` (its ``wire.txt`` as wire) with ``python -m wiretrace.cli`` in a
    fresh process; return wall seconds, peak memory (MB), and what the audit found (its
    sentences, and how many distinct ones, read from the alignments table)."""
    command = [sys.executable, "-m", "wiretrace.cli", "audit", str(folder)]
    command += ["--wire", str(folder / "wire.txt"), "--out", str(out), "--quiet"]
    child = run_fresh(command)
    if child["returncode"] != 0:
        raise RuntimeError(f"the audit failed: {child['stderr']}")
    audit = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    article = next(r for r in audit["tables"]["articles"] if r["article_id"] == "article")
    primary = [r for r in audit["tables"]["derivation"] if r["primary"]]
    aligned = [r["text"] for r in audit["tables"]["alignments"] if r["article_id"] == "article"]
    if len(aligned) != article["n_sentences"]:
        raise RuntimeError("the alignments table does not hold every sentence of the article")
    return {
        "wall_seconds": round(child["seconds"], 1),
        "peak_rss_mb": child["peak_mb"],
        "n_sentences": article["n_sentences"],
        "n_distinct_sentences": len(set(aligned)),
        "n_words": article["n_words"],
        "derivation": primary[0]["derivation"] if primary else "",
        "findings": audit["summary"]["findings"],
    }


def run(sizes: tuple[int, ...] = SIZES, out_dir=RESULTS_DIR) -> dict:
    """Build and audit one article of each of ``sizes`` characters; write
    ``big_article.json`` into ``out_dir`` (``None``: write nothing) and return it."""
    sentences = corpus_sentences()
    cases = []
    with tempfile.TemporaryDirectory(prefix="wtbench-big-") as tmp:
        for size in sizes:
            folder = Path(tmp) / f"in-{size}"
            shape = build_folder(folder, size, sentences)
            cases.append({"size": size, **shape, **measure(folder, Path(tmp) / f"out-{size}")})
    largest = max(cases, key=lambda c: c["size"])
    result = {
        "benchmark": "big_article",
        "long_paragraph": LONG_PARAGRAPH,
        "wire": WIRE,
        "limits": LIMITS,
        "cases": cases,
        "within_limits": all(largest[k] < v for k, v in LIMITS.items()),
    }
    if out_dir is not None:
        write_json(out_dir, "big_article.json", result)
    return result


if __name__ == "__main__":
    for case in run()["cases"]:
        print(case)
