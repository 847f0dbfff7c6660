"""Speed and story-clustering benchmark: wall time per stage versus corpus size.

Run ``python -m wtbench.speed [--sizes 5,1000,10000] [--seed 0] [--no-audit]`` or call
:func:`run` (``wtbench.run`` does). ``python -m wtbench.speed --real [--sizes 1000,4000]
[--workers 1,2]`` (or :func:`run_real`) is the real-text benchmark instead: corpora of
newspaper and wire text with a newsroom's edits (:mod:`wtbench.newsroom`), each audited
serially and on a local Dask cluster, into ``speed_real.csv`` and ``speed_real.json``.
Size 5 means the five seed articles; any other size is a synthetic corpus of that many
articles from :mod:`wtbench.synth`, written as ``.txt`` files into a temporary folder.
For each corpus it times, once each:

- ``load``: :func:`wiretrace.load_corpus` on the folder (reading, metadata, pysbd
  sentences), and for 1,000 articles or more ``load.2_processes``: the same files loaded
  by two worker processes (:func:`load_in_processes`, what a parallel loader would give);
- ``cluster``: :func:`wiretrace.rewrites.cluster.cluster_stories` on the loaded corpus, and its
  parts ``cluster.fingerprints``, ``cluster.candidates`` (MinHash + LSH) and
  ``cluster.score`` (exact scores of the candidate pairs);
- every analysis stage the package has when the script runs (see :data:`STAGES`; stages
  not yet in the package are listed as missing in the results, not timed), each on the
  whole corpus (for ``rewrites``: the folder taken as one story), and
  ``rewrites.per_story_cluster``: the rewrite analysis given the story clusters, as the
  audit runs it;
- ``audit``: :func:`wiretrace.audit` end to end on the folder (it loads again).

Timings are taken in a warm process (imports and word lists loaded first). The machine
may be shared: ``load_average`` (the 1-minute load average when the corpus was measured)
above the number of cores means other processes competed for them.

Writes ``benchmarks/results/speed.csv`` (``corpus, n_articles, stage, seconds,
cpu_seconds, load_average``: wall time, and CPU time of the process and its worker
processes, which other processes on the machine disturb much less) and
``benchmarks/results/clustering.json``: for each corpus the number of candidate pairs
against all pairs, the links by kind and, for the synthetic corpora, pairwise precision
and recall of "same cluster" against the generator's truth; the log-log slope of each
stage's time (wall and CPU) and of the candidate count against corpus size (1 = linear,
2 = all pairs); the story clusters of the seeds and of the Clough-Stevenson corpus (whose
five tasks are five topics) and the score distributions behind the thresholds
("calibration"). Also ``benchmarks/results/load_profile.json``: where loading
spends its time (cProfile of :func:`load_corpus` on 300 synthetic articles).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import itertools
import json
import math
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from wtbench import paths, write_json

DEFAULT_SIZES = (5, 1000, 5000, 10000)
#: Analysis stages timed when the package has them: name -> (module, function). Each is
#: called with the loaded corpus alone; stages that need other stages' tables are timed
#: inside ``audit``.
STAGES = {
    "rewrites": ("wiretrace.rewrites.analysis", "analyse_rewrites"),
    "attributions": ("wiretrace.provenance.credits", "find_attributions"),
    "claims": ("wiretrace.provenance.claims", "extract_claims"),
}


SPEED_COLUMNS = ["corpus", "n_articles", "stage", "seconds", "cpu_seconds", "load_average"]


def _cpu() -> float:
    t = os.times()  # user and system time of this process and of its reaped children
    return t.user + t.system + t.children_user + t.children_system


def _timed(function: Callable, *args, **kwargs) -> tuple[object, tuple[float, float]]:
    """Call ``function``; return its value and ``(wall seconds, CPU seconds)``."""
    wall, cpu = time.perf_counter(), _cpu()
    value = function(*args, **kwargs)
    return value, (time.perf_counter() - wall, _cpu() - cpu)


def available_stages() -> tuple[dict[str, Callable], list[str]]:
    """The :data:`STAGES` the installed package has, and the names of those it lacks."""
    found, missing = {}, []
    for name, (module, function) in STAGES.items():
        try:
            found[name] = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError):
            missing.append(name)
    return found, missing


def same_cluster_pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
    """Every unordered pair of ids (sorted tuple) that ``labels`` puts in one cluster."""
    groups: dict[object, list[str]] = {}
    for article_id, label in labels.items():
        groups.setdefault(label, []).append(article_id)
    return {pair for g in groups.values() for pair in itertools.combinations(sorted(g), 2)}


def pairwise_scores(
    truth: dict[str, object],
    predicted: dict[str, object],
    related: dict[str, object] | None = None,
) -> dict:
    """Pairwise precision, recall and F1 of "same cluster" (predicted against truth).

    Precision: share of predicted same-cluster pairs that are truly together; recall:
    share of true same-cluster pairs predicted together. 1.0 when there is nothing to
    find or nothing predicted, as no pair is then wrong or missed. ``related`` (an id to
    a group, coarser than ``truth``) leaves out of both the pairs that are in one group
    but in different true clusters: neither right nor wrong to link.
    """
    true_pairs = same_cluster_pairs(truth)
    predicted_pairs = same_cluster_pairs(predicted)
    if related is not None:
        unknown = same_cluster_pairs(related) - true_pairs
        predicted_pairs -= unknown
    hit = len(true_pairs & predicted_pairs)
    precision = hit / len(predicted_pairs) if predicted_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "true_pairs": len(true_pairs),
        "predicted_pairs": len(predicted_pairs),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def loglog_slope(sizes: Sequence[float], values: Sequence[float]) -> float | None:
    """Least-squares slope of log(value) on log(size); None with fewer than 2 points.

    1 means cost proportional to the corpus size, 2 proportional to the number of pairs.
    """
    points = [
        (math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if s > 0 and v > 0
    ]
    if len(points) < 2:
        return None
    x, y = np.array(points).T
    return round(float(np.polyfit(x, y, 1)[0]), 3)


def _cluster_parts(corpus) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    from wiretrace.rewrites import cluster

    times = {}
    prints, times["cluster.fingerprints"] = _timed(cluster.fingerprints, corpus)
    pairs, times["cluster.candidates"] = _timed(cluster.candidate_pairs, prints)
    scored, times["cluster.score"] = _timed(cluster.score_pairs, prints, pairs)
    ids = [a.article_id for a in corpus.ok]
    clusters, times["cluster.components"] = _timed(cluster.clusters_from_pairs, ids, scored)
    return times, scored, clusters


def _load_files(files: list[Path]):
    import wiretrace

    return wiretrace.load_corpus(files)


def load_in_processes(folder: Path, processes: int = 2):
    """Load the files of ``folder`` in ``processes`` worker processes, in file order.

    What a parallel loader would gain (the package's loader runs in one process): the
    sorted file list is cut into ``processes`` consecutive parts, each loaded by
    :func:`wiretrace.load_corpus`, and the parts are joined in order, so the articles
    are the same as a single-process load's when no two files share an id.
    """
    from multiprocessing import Pool

    from wiretrace.ingest.corpus import Corpus

    files = sorted(p for p in Path(folder).iterdir() if p.suffix == ".txt")
    size = math.ceil(len(files) / processes)
    parts = [files[i : i + size] for i in range(0, len(files), size)]
    with Pool(processes) as pool:
        corpora = pool.map(_load_files, parts)
    return Corpus([a for c in corpora for a in c.articles])


def measure(
    name: str,
    folder: Path,
    truth: pd.DataFrame | None,
    run_audit: bool = True,
) -> tuple[list[dict], dict]:
    """Time every stage on one corpus folder; return speed rows and clustering facts."""
    import wiretrace
    from wiretrace.rewrites.cluster import cluster_stories

    load_average = os.getloadavg()[0]
    corpus, load_seconds = _timed(wiretrace.load_corpus, [folder])
    n = len(corpus.ok)
    times: dict[str, tuple[float, float]] = {"load": load_seconds}
    if n >= 1000:
        parallel, times["load.2_processes"] = _timed(load_in_processes, folder, 2)
        assert [a.body for a in parallel.ok] == [a.body for a in corpus.ok]
    _, times["cluster"] = _timed(cluster_stories, corpus)
    parts, scored, clusters = _cluster_parts(corpus)
    times.update(parts)
    stages, missing = available_stages()
    for stage, function in stages.items():
        _, times[stage] = _timed(function, corpus)
    if "rewrites" in stages:
        # The pipeline as it should run on a folder of many stories: one rewrite analysis
        # per story cluster instead of the whole folder taken as one story.
        _, times["rewrites.per_story_cluster"] = _timed(
            stages["rewrites"], corpus, clusters=clusters
        )
    if run_audit:
        _, times["audit"] = _timed(wiretrace.audit, [folder])
    rows = [
        {
            "corpus": name,
            "n_articles": n,
            "stage": stage,
            "seconds": round(wall, 4),
            "cpu_seconds": round(cpu, 4),
            "load_average": round(load_average, 2),
        }
        for stage, (wall, cpu) in times.items()
    ]
    facts = {
        "corpus": name,
        "n_articles": n,
        "all_pairs": n * (n - 1) // 2,
        "candidate_pairs": int(len(scored)),
        "candidate_share": round(len(scored) / max(1, n * (n - 1) // 2), 6),
        "links": {kind: int((scored["link"] == kind).sum()) for kind in ("wording", "story")},
        "clusters": int(clusters["cluster_id"].nunique()),
        "stages_missing": missing,
    }
    if truth is not None:
        predicted = dict(zip(clusters["article_id"], clusters["cluster_id"], strict=True))
        true = dict(zip(truth["article_id"], truth["cluster_id"], strict=True))
        facts["true_clusters"] = int(truth["cluster_id"].nunique())
        facts["pairwise"] = pairwise_scores(true, predicted)
        facts["recall_by_kind"] = _recall_by_kind(truth, predicted)
    return rows, facts


def _recall_by_kind(truth: pd.DataFrame, predicted: dict[str, object]) -> dict:
    """Share of each version kind's true pairs with the cluster's original found."""
    originals = truth[truth["kind"] == "original"].set_index("cluster_id")["article_id"]
    out = {}
    for kind in ("light", "heavy"):
        rows = truth[truth["kind"] == kind]
        hits = [
            predicted[r.article_id] == predicted[originals[r.cluster_id]] for r in rows.itertuples()
        ]
        out[kind] = {
            "pairs": len(hits),
            "recall": round(sum(hits) / len(hits), 4) if hits else None,
        }
    return out


def calibration() -> dict:
    """The score distributions the clustering thresholds were chosen from.

    On the Clough-Stevenson corpus: wording, story and terms (term containment) scores of
    each answer against its task's source, by category (cut, light, heavy, non), of the
    pairs of one task that reach the wording threshold, and the highest scores between
    texts of different tasks; on the seeds: every pair's scores, and the highest scores
    between a seed and a Clough-Stevenson text. See :mod:`wiretrace.rewrites.cluster`.
    """
    import wiretrace
    from wiretrace.rewrites.cluster import (
        WORDING_THRESHOLD,
        fingerprint,
        story_similarity,
        term_containment,
        wording_similarity,
    )

    labels = pd.read_csv(paths.CLOUGH_STEVENSON_DIR / "labels.csv")
    category = {
        f.removesuffix(".txt"): c for f, c in zip(labels["File"], labels["Category"], strict=True)
    }
    clough = wiretrace.load_corpus([paths.CLOUGH_STEVENSON_DIR / "texts"])
    seeds = wiretrace.load_corpus([paths.SEEDS_DIR])
    cp = {a.article_id: fingerprint(a.article_id, a.body) for a in clough.ok}
    sp = {a.article_id: fingerprint(a.article_id, a.body) for a in seeds.ok}

    names = ("wording", "story", "terms")

    def scores(a, b) -> tuple[float, float, float]:
        return wording_similarity(a, b), story_similarity(a, b), term_containment(a, b)

    def summary(values: list[tuple[float, float]]) -> dict:
        out = {"pairs": len(values)}
        for k, name in enumerate(names):
            column = np.array([v[k] for v in values])
            out[name] = {
                "min": round(float(column.min()), 4),
                "median": round(float(np.median(column)), 4),
                "max": round(float(column.max()), 4),
            }
        return out

    def task(article_id: str) -> str:
        return article_id.rsplit("task", 1)[-1]

    by_category = {}
    for name in ("cut", "light", "heavy", "non"):
        values = [scores(cp[i], cp[f"orig_task{task(i)}"]) for i in cp if category.get(i) == name]
        by_category[name] = summary(values)
    pairs = list(itertools.combinations(sorted(cp), 2))
    across = [scores(cp[a], cp[b]) for a, b in pairs if task(a) != task(b)]
    same = [scores(cp[a], cp[b]) for a, b in pairs if task(a) == task(b)]
    wording_linked = [v for v in same if v[0] >= WORDING_THRESHOLD]
    seed_pairs = {
        f"{a[:3]}-{b[:3]}": dict(
            zip(names, (round(x, 4) for x in scores(sp[a], sp[b])), strict=True)
        )
        for a, b in itertools.combinations(sorted(sp), 2)
    }
    seed_vs_clough = [scores(sp[a], cp[b]) for a in sp for b in cp]
    return {
        "clough_answer_vs_its_source": by_category,
        "clough_same_task_wording_links": summary(wording_linked),
        "clough_different_tasks": summary(across),
        "seed_pairs": seed_pairs,
        "seed_vs_clough": summary(seed_vs_clough),
    }


def real_text_clusters() -> dict:
    """Story clusters of the seeds and of the Clough-Stevenson corpus (texts by task)."""
    import wiretrace
    from wiretrace.rewrites.cluster import cluster_stories

    seeds = cluster_stories(wiretrace.load_corpus([paths.SEEDS_DIR]))
    wording_only = cluster_stories(wiretrace.load_corpus([paths.SEEDS_DIR]), threshold=None)
    clough = wiretrace.load_corpus([paths.CLOUGH_STEVENSON_DIR / "texts"])
    clusters = cluster_stories(clough)
    truth = {a.article_id: a.article_id.rsplit("task", 1)[-1] for a in clough.ok}
    predicted = dict(zip(clusters["article_id"], clusters["cluster_id"], strict=True))
    return {
        "seeds": dict(zip(seeds["article_id"], seeds["cluster_id"].astype(int), strict=True)),
        "seeds_wording_only": dict(
            zip(wording_only["article_id"], wording_only["cluster_id"].astype(int), strict=True)
        ),
        "clough_stevenson_by_task": {
            "texts": len(clough.ok),
            "clusters": int(clusters["cluster_id"].nunique()),
            "pairwise": pairwise_scores(truth, predicted),
        },
    }


def profile_loading(folder: Path, limit: int = 300) -> dict:
    """Where :func:`load_corpus` spends its time on ``limit`` files of ``folder``."""
    import wiretrace

    files = sorted(folder.glob("*.txt"))[:limit]
    profiler = cProfile.Profile()
    profiler.enable()
    wiretrace.load_corpus(files)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = max(v[3] for v in stats.values())

    def cumulative(file_part: str, function: str) -> float:
        return sum(v[3] for (f, _, fn), v in stats.items() if file_part in f and fn == function)

    shares = {
        "pysbd sentence rules (Processor.process)": cumulative("pysbd/processor.py", "process"),
        "regular expression compilation (re._compile)": cumulative("re/__init__.py", "_compile"),
        "language guess (wordfreq)": cumulative("wiretrace/ingest/corpus.py", "guess_language"),
        "metadata rules (extract_parts)": cumulative(
            "wiretrace/ingest/textmeta.py", "extract_parts"
        ),
    }
    return {
        "files": len(files),
        "seconds_profiled": round(total, 3),
        "share_of_time": {k: round(v / total, 3) for k, v in shares.items()},
        "note": "cumulative times overlap: most regex compilation happens inside pysbd",
    }


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    seed: int = 0,
    out_dir: Path = paths.RESULTS_DIR,
    run_audit: bool = True,
) -> dict:
    """Run the benchmark for ``sizes``, write the result files, return clustering.json.

    ``sizes``: article counts (5 = the seeds, others synthetic, >= 2); ``seed`` seeds the
    generator; ``out_dir`` receives ``speed.csv``, ``clustering.json`` and
    ``load_profile.json``; ``run_audit=False`` skips the end-to-end audit timing.
    """
    import wiretrace
    from wiretrace.rewrites.cluster import cluster_stories
    from wtbench.synth import write_corpus

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Warm up: imports, word lists, pysbd's rules and the spaCy model load once per
    # process, so the first timed corpus does not pay for them.
    seeds = wiretrace.load_corpus([paths.SEEDS_DIR])
    cluster_stories(seeds)
    for function in available_stages()[0].values():
        function(seeds)
    wiretrace.audit([paths.SEEDS_DIR])
    rows: list[dict] = []
    corpora: list[dict] = []
    profile = None
    for size in sizes:
        if size == 5:
            r, facts = measure("seeds", paths.SEEDS_DIR, None, run_audit)
        else:
            with tempfile.TemporaryDirectory(prefix="wiretrace-synth-") as tmp:
                truth = write_corpus(tmp, size, seed=seed)
                r, facts = measure(f"synthetic-{size}", Path(tmp), truth, run_audit)
                if profile is None and size >= 300:
                    profile = profile_loading(Path(tmp))
        print(
            f"{facts['corpus']}: "
            + ", ".join(
                f"{x['stage']} {x['seconds']:.2f}s ({x['cpu_seconds']:.2f}s CPU)" for x in r
            )
        )
        rows.extend(r)
        corpora.append(facts)
    speed = pd.DataFrame(rows, columns=SPEED_COLUMNS)
    speed.to_csv(out_dir / "speed.csv", index=False)
    synthetic = [c for c in corpora if c["corpus"].startswith("synthetic")]
    synthetic_speed = speed[speed["corpus"].str.startswith("synthetic")]
    scaling: dict = {
        measure: {
            stage: loglog_slope(group["n_articles"].tolist(), group[measure].tolist())
            for stage, group in synthetic_speed.groupby("stage")
        }
        for measure in ("seconds", "cpu_seconds")
    }
    scaling["candidate_pairs"] = loglog_slope(
        [c["n_articles"] for c in synthetic], [c["candidate_pairs"] for c in synthetic]
    )
    scaling["all_pairs"] = loglog_slope(
        [c["n_articles"] for c in synthetic], [c["all_pairs"] for c in synthetic]
    )
    document = {
        "generator_seed": seed,
        "corpora": corpora,
        "loglog_slope_vs_articles": scaling,
        "real_text": real_text_clusters(),
        "calibration": calibration(),
    }
    write_json(out_dir, "clustering.json", document)
    if profile is not None:
        write_json(out_dir, "load_profile.json", profile)
    return document


#: Sizes of the real-text runs (``--real``); 20,000 and 100,000 are for a larger machine.
REAL_SIZES = (1000, 4000)
REAL_COLUMNS = [
    "corpus",
    "n_articles",
    "workers",
    "seconds",
    "cpu_seconds",
    "worker_cpu_seconds",
    "ms_per_article",
    "driver_peak_mb",
    "worker_peak_mb",
    "load_average",
]


@contextmanager
def _local_client(workers: int) -> Iterator[object]:
    """A client on the local cluster the audit starts for ``--workers``
    (:func:`wiretrace.parallel.local_cluster`: workers forked from a small forkserver
    process that loaded the resources, so each worker's peak memory is its own)."""
    from distributed import Client

    from wiretrace.parallel import local_cluster

    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


def audit_once(folder: Path, workers: int, out: Path) -> dict:
    """One audit of ``folder`` in this process, which should be a fresh one
    (:func:`measure_audit` starts it so): serial (``workers`` 1) or on a local cluster of
    ``workers`` processes, as ``wiretrace audit --workers`` starts it. Writes the tables
    as CSV into ``out`` after the figures are taken and returns the run's row: wall
    seconds from before the cluster starts to the end of :func:`wiretrace.audit` (the
    spaCy model and word lists load inside them), ``cpu_seconds`` of this process (the
    driver) and ``worker_cpu_seconds`` of all workers since they started (the
    forkserver's loading of the resources not included), ``driver_peak_mb`` (this
    process's peak resident memory, the run's alone) and ``worker_peak_mb`` (the
    largest worker's own peak)."""
    import wiretrace
    from wtbench.fresh import cpu_seconds, peak_mb

    load_average = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), cpu_seconds()
    with ExitStack() as stack:
        client = stack.enter_context(_local_client(workers)) if workers > 1 else None
        result = wiretrace.audit([folder], scheduler=client)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        worker_cpu = worker_peak = None
        if client is not None:
            worker_cpu = round(sum(client.run(cpu_seconds).values()), 2)
            worker_peak = max(client.run(peak_mb).values())
    n = len(result.articles)
    row = {
        "n_articles": n,
        "workers": workers,
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "worker_cpu_seconds": worker_cpu,
        "ms_per_article": round(1000 * wall / max(n, 1), 1),
        "driver_peak_mb": peak_mb(),
        "worker_peak_mb": worker_peak,
        "load_average": round(load_average, 2),
    }
    result.to_dir(out)
    return row


def measure_audit(folder: Path, workers: int, out: Path) -> dict:
    """:func:`audit_once` in a fresh process (:func:`wtbench.fresh.run_fresh`), so its
    memory figures are this run's alone; returns its row."""
    from wtbench.fresh import run_fresh

    command = [sys.executable, "-m", "wtbench.speed", "--audit-once", str(folder)]
    child = run_fresh([*command, "--workers", str(workers), "--out", str(out)])
    if child["returncode"] != 0:
        raise RuntimeError(f"the audit failed: {child['stderr']}")
    return json.loads(child["stdout"].strip().splitlines()[-1])


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir())}


def run_real(
    sizes: Sequence[int] = REAL_SIZES,
    workers: Sequence[int] = (1, 2),
    seed: int = 0,
    out_dir: Path = paths.RESULTS_DIR,
    meter_dir: Path | None = None,
    serial_up_to: int | None = None,
) -> dict:
    """The real-text speed benchmark (:mod:`wtbench.newsroom` corpora of ``sizes``
    articles), each audited once per entry of ``workers`` (1 = serial; a corpus larger
    than ``serial_up_to`` articles is not audited serially), each audit in a
    fresh process (:func:`measure_audit`). Writes ``speed_real.csv`` (one row per run:
    wall seconds, CPU seconds of the driver and of all workers, ms per article, peak
    memory of the run's driver and of its largest worker in MB, 1-minute load average)
    and ``speed_real.json`` (the rows, pairwise precision and recall of the story
    clusters against the planted clusters, whether every run wrote the same bytes, and
    the log-log slope of wall time against size per worker count); returns the JSON."""
    from wtbench import newsroom

    meter_dir = newsroom.METER_DIR if meter_dir is None else meter_dir
    rows, corpora = [], []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="wiretrace-news-") as tmp:
            folder = Path(tmp) / "corpus"
            truth = newsroom.write_corpus(folder, size, seed=seed, meter_dir=meter_dir)
            written = []
            for n_workers in workers:
                if n_workers == 1 and serial_up_to is not None and size > serial_up_to:
                    continue
                out = Path(tmp) / f"out-{n_workers}"
                rows.append({"corpus": f"news-{size}", **measure_audit(folder, n_workers, out)})
                print(rows[-1])
                written.append(_folder_bytes(out))
            clusters = pd.read_csv(out / "clusters.csv", dtype={"article_id": str})
            predicted = dict(zip(clusters["article_id"], clusters["cluster_id"], strict=True))
            true = dict(zip(truth["article_id"], truth["cluster_id"], strict=True))
            topic = truth["source"].map(newsroom.topic)
            topics = dict(zip(truth["article_id"], topic, strict=True))
            corpora.append(
                {
                    "corpus": f"news-{size}",
                    "n_articles": size,
                    "true_clusters": int(truth["cluster_id"].nunique()),
                    "clusters": int(clusters["cluster_id"].nunique()),
                    "pairwise": pairwise_scores(true, predicted),
                    "pairwise_across_topics": pairwise_scores(true, predicted, topics),
                    "same_tables_every_run": all(w == written[0] for w in written),
                }
            )
    frame = pd.DataFrame(rows, columns=REAL_COLUMNS)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out_dir / "speed_real.csv", index=False)
    slopes = {
        str(w): loglog_slope(g["n_articles"].tolist(), g["seconds"].tolist())
        for w, g in frame.groupby("workers")
    }
    document = {
        "generator_seed": seed,
        "meter_calibration_used": (Path(meter_dir) / "labels.csv").is_file(),
        "cores": os.cpu_count(),
        "memory": MEMORY_NOTE,
        "runs": rows,
        "corpora": corpora,
        "loglog_slope_seconds_vs_articles": slopes,
    }
    write_json(out_dir, "speed_real.json", document)
    return document


#: What the memory figures of ``speed_real.json`` are (written into it).
MEMORY_NOTE = (
    "each audit ran in a fresh process started by a parent that runs nothing else; "
    "driver_peak_mb is that process's peak resident memory up to the end of the audit, "
    "worker_peak_mb the largest peak of its Dask workers (forked from a small forkserver "
    "process, so each peak is the worker's own)"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m wtbench.speed [--sizes 5,1000,10000] [--seed N]``."""
    parser = argparse.ArgumentParser(prog="python -m wtbench.speed", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated article counts; 5 = the seeds (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--out", default=str(paths.RESULTS_DIR), help="result folder")
    parser.add_argument("--no-audit", action="store_true", help="skip the end-to-end audit")
    parser.add_argument(
        "--real",
        action="store_true",
        help="the real-text benchmark (wtbench.newsroom; sizes default to 1000,4000)",
    )
    parser.add_argument(
        "--workers", default="1,2", help="real-text runs: worker counts (default: %(default)s)"
    )
    parser.add_argument(
        "--meter", default=None, help="real-text runs: the prepared METER calibration split"
    )
    parser.add_argument(
        "--serial-up-to",
        type=int,
        default=None,
        help="real-text runs: no serial run of a corpus larger than this (default: every size)",
    )
    parser.add_argument(
        "--audit-once", default=None, help=argparse.SUPPRESS
    )  # one audit in this process (wtbench.speed.measure_audit): its row as JSON
    args = parser.parse_args(argv)
    if args.audit_once:
        workers = int(args.workers)
        print(json.dumps(audit_once(Path(args.audit_once), workers, Path(args.out))))
        return 0
    if args.real:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        if args.sizes == parser.get_default("sizes"):
            sizes = list(REAL_SIZES)
        workers = [int(w) for w in args.workers.split(",") if w.strip()]
        meter = Path(args.meter) if args.meter else None
        document = run_real(sizes, workers, args.seed, Path(args.out), meter, args.serial_up_to)
        print(json.dumps(document["corpora"], indent=2))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    document = run(sizes, seed=args.seed, out_dir=Path(args.out), run_audit=not args.no_audit)
    print(json.dumps(document["loglog_slope_vs_articles"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
