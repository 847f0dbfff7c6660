"""Time rewrite detection on the seeds: one cluster of five articles.

Run ``python -m benchmarks.rewrite_speed`` (or call :func:`run`). Loads the seeds once,
warms the caches (word frequencies, stemmer) with one untimed run, then times
:func:`wiretrace.rewrites.analyse_rewrites` ``REPEATS`` times and reports the median and
the fastest run in seconds (the per-text wording cache is cleared before each run),
with the number of sentences aligned. Writes
``benchmarks/results/rewrite_speed.json``. Scaling to 1,000 and 10,000 articles is
measured by the clustering benchmark, which owns story clustering.
"""

from __future__ import annotations

import json
import platform
import statistics
import time
from pathlib import Path

from wiretrace import config
from wiretrace.align import wording
from wiretrace.load import load_corpus
from wiretrace.rewrites import analyse_rewrites

REPEATS = 5


def run(out_dir: Path = config.BENCHMARK_RESULTS_DIR) -> dict:
    """Time :func:`analyse_rewrites` on the seed cluster; write and return the figures."""
    corpus = load_corpus([config.SEEDS_DIR])
    started = time.perf_counter()
    analyse_rewrites(corpus)
    cold = time.perf_counter() - started
    times = []
    for _ in range(REPEATS):
        wording.cache_clear()  # sentences are re-tokenised each time, as for new input
        started = time.perf_counter()
        analysis = analyse_rewrites(corpus)
        times.append(time.perf_counter() - started)
    results = {
        "articles": len(corpus.ok),
        "sentences_aligned": int(len(analysis.alignments)),
        "first_run_seconds": round(cold, 3),
        "median_seconds": round(statistics.median(times), 3),
        "fastest_seconds": round(min(times), 3),
        "repeats": REPEATS,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "rewrite_speed.json").write_text(json.dumps(results, indent=2) + "\n")
    return results


def main() -> None:
    """Print the figures of :func:`run`."""
    print(json.dumps(run(), indent=2))


if __name__ == "__main__":
    main()
