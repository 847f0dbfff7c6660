"""Time rewrite detection: the seeds' five-article cluster, and larger synthetic clusters.

Run ``python -m wtbench.rewrite_speed`` (or call :func:`run`). Loads the seeds once,
warms the caches (word frequencies, stemmer) with one untimed run, then times
:func:`wiretrace.rewrites.analysis.analyse_rewrites` ``REPEATS`` times and reports the median and
the fastest run in seconds (the per-text wording cache is cleared before each run),
with the number of sentences aligned.

Then one cluster each of ``CLUSTER_SIZES`` articles, made from the three AFP-derived
seeds (000, 001, 002) by dropping a fifth of the sentences at random and shuffling
every fifth version (fixed seed), is timed once: this shows the cost of a big cluster,
where only the first ``rewrites.MAX_WITNESSES`` articles are compared pairwise. Writes
``benchmarks/results/rewrite_speed.json``. Scaling to 1,000 and 10,000 articles over
many stories is measured by the clustering benchmark, which owns story clustering.
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import time
from pathlib import Path

from wiretrace.ingest.corpus import Corpus, load_corpus, parse_article
from wiretrace.rewrites.align import wording
from wiretrace.rewrites.analysis import MAX_WITNESSES, analyse_rewrites
from wtbench import paths, write_json

REPEATS = 5
CLUSTER_SIZES = (20, 50, 100)


def synthetic_cluster(size: int, seed: int = 0) -> Corpus:
    """``size`` versions of the AFP story, made from seeds 000-002 (see module docstring)."""
    corpus = load_corpus([paths.SEEDS_DIR])
    bases = [a for a in corpus.ok if a.article_id[:3] in ("000", "001", "002")]
    rng = random.Random(seed)
    articles = []
    for i in range(size):
        sentences = [s.text for s in bases[i % len(bases)].sentences]
        if i % 5 == 0:
            rng.shuffle(sentences)
        kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
        articles.append(parse_article(f"version{i:04d}", "", " ".join(kept)))
    return Corpus(articles)


def run(out_dir: Path = paths.RESULTS_DIR) -> dict:
    """Time :func:`analyse_rewrites` on the seed cluster; write and return the figures."""
    corpus = load_corpus([paths.SEEDS_DIR])
    started = time.perf_counter()
    analyse_rewrites(corpus)
    cold = time.perf_counter() - started
    times = []
    for _ in range(REPEATS):
        wording.cache_clear()  # sentences are re-tokenised each time, as for new input
        started = time.perf_counter()
        analysis = analyse_rewrites(corpus)
        times.append(time.perf_counter() - started)
    n_aligned = int(len(analysis.alignments))
    clusters = []
    for size in CLUSTER_SIZES:
        synthetic = synthetic_cluster(size)
        wording.cache_clear()
        started = time.perf_counter()
        analysis = analyse_rewrites(synthetic)
        clusters.append(
            {
                "articles": size,
                "seconds": round(time.perf_counter() - started, 3),
                "sentences_aligned": int(len(analysis.alignments)),
                "derivation_rows": int(len(analysis.derivation)),
            }
        )
    results = {
        "articles": len(corpus.ok),
        "sentences_aligned": n_aligned,
        "first_run_seconds": round(cold, 3),
        "median_seconds": round(statistics.median(times), 3),
        "fastest_seconds": round(min(times), 3),
        "repeats": REPEATS,
        "synthetic_clusters": clusters,
        "max_witnesses": MAX_WITNESSES,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir, "rewrite_speed.json", results)
    return results


def main() -> None:
    """Print the figures of :func:`run`."""
    print(json.dumps(run(), indent=2))


if __name__ == "__main__":
    main()
