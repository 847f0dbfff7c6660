"""Driver memory of a parallel audit against corpus size, fitted out to 100,000 articles.

Run ``python -m wtbench.driver_memory [--sizes 500,1000,2000,4000] [--workers 2]`` or call
:func:`run`. For each size it writes a synthetic corpus of that many articles
(:func:`wtbench.synth.write_corpus`, seed ``--seed``) into a temporary folder and audits
it on a local Dask cluster of ``--workers`` processes in a fresh process
(:func:`wtbench.fresh.run_fresh`, so the peak is that run's alone), then writes the
tables as CSV, as the CLI does. The row of each run (:func:`audit_once`) holds the
driver's peak resident memory after the cluster started (``start_mb``: imports and the
cluster's client), after :func:`wiretrace.audit` (``audit_peak_mb``) and after writing
the tables (``driver_peak_mb``), the largest worker's peak and the wall and CPU seconds.

The fit is a least-squares line ``peak = a + b * n`` through the sizes, for the audit
alone and with the tables written: ``b`` is the driver's memory per article (MB), and
``a + b * 100,000`` the driver peak the line gives at 100,000 articles (issue #14 asks
for below 2 GB); ``marginal_written`` continues the growth between the two largest
sizes from the largest instead (:func:`marginal`). A line, because the driver holds per
article a fixed-size summary, a fingerprint and its share of the output tables; the
log-log slope of the peak above ``start_mb`` is reported too (below 1: slower than
linear). The lines go through the sizes below 100,000; a run at 100,000 itself
(``--sizes 100000 --keep``: the earlier file's other sizes are kept, not measured again)
is reported beside them as ``measured_at_target`` (:func:`summarise`). Writes
``benchmarks/results/driver_memory.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from wtbench import paths, write_json

DEFAULT_SIZES = (500, 1000, 2000, 4000)
#: The corpus size the fitted line is read at.
TARGET_ARTICLES = 100_000


def audit_once(folder: Path, workers: int, out: Path) -> dict:
    """One audit of ``folder`` on a local cluster of ``workers`` processes, in this
    process (a fresh one: :func:`measure` starts it so), then its tables written to
    ``out``; returns the run's figures (see the module docstring)."""
    import wiretrace
    from wtbench.fresh import cpu_seconds, peak_mb
    from wtbench.speed import _local_client

    with _local_client(workers) as client:
        start = peak_mb()
        wall, cpu = time.perf_counter(), cpu_seconds()
        result = wiretrace.audit([folder], scheduler=client)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        audit_peak = peak_mb()
        worker_peak = max(client.run(peak_mb).values())
    result.to_dir(out)
    return {
        "n_articles": int(len(result.articles)),
        "workers": workers,
        "start_mb": start,
        "audit_peak_mb": audit_peak,
        "driver_peak_mb": peak_mb(),
        "worker_peak_mb": worker_peak,
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "load_average": round(os.getloadavg()[0], 2),
    }


def measure(folder: Path, workers: int, out: Path) -> dict:
    """:func:`audit_once` in a fresh process; returns its row."""
    from wtbench.fresh import run_fresh

    command = [sys.executable, "-m", "wtbench.driver_memory", "--once", str(folder)]
    child = run_fresh([*command, "--workers", str(workers), "--out", str(out)])
    if child["returncode"] != 0:
        raise RuntimeError(f"the audit failed: {child['stderr']}")
    return json.loads(child["stdout"].strip().splitlines()[-1])


def fit_line(sizes: Sequence[float], peaks: Sequence[float]) -> dict:
    """Least-squares ``peak = a + b * n``: ``mb_per_article`` (b), ``intercept_mb`` (a)
    and ``fitted_mb_at_target`` (the line at :data:`TARGET_ARTICLES`)."""
    b, a = np.polyfit(np.asarray(sizes, float), np.asarray(peaks, float), 1)
    return {
        "mb_per_article": round(float(b), 4),
        "intercept_mb": round(float(a), 1),
        "fitted_mb_at_target": round(float(a + b * TARGET_ARTICLES), 1),
    }


def marginal(sizes: Sequence[float], peaks: Sequence[float]) -> dict | None:
    """The growth between the two largest sizes, ``mb_per_article``, and the peak it gives
    at :data:`TARGET_ARTICLES` continued from the largest (``fitted_mb_at_target``); None
    for fewer than two sizes. The driver's fixed costs (imports, the first batches) weigh
    on the small sizes, so this is the growth a larger run continues with."""
    if len(sizes) < 2:
        return None
    (n0, p0), (n1, p1) = sorted(zip(sizes, peaks, strict=True))[-2:]
    per_article = (p1 - p0) / (n1 - n0)
    return {
        "between": [int(n0), int(n1)],
        "mb_per_article": round(per_article, 4),
        "fitted_mb_at_target": round(p1 + per_article * (TARGET_ARTICLES - n1), 1),
    }


def loglog_slope(sizes: Sequence[float], values: Sequence[float]) -> float | None:
    """Slope of ``log(values)`` against ``log(sizes)`` (None for fewer than two points
    or a value that is not positive)."""
    if len(sizes) < 2 or min(values) <= 0:
        return None
    slope, _ = np.polyfit([math.log(s) for s in sizes], [math.log(v) for v in values], 1)
    return round(float(slope), 3)


def kept_runs(out_dir: Path, workers: int, seed: int, sizes: Sequence[int]) -> list[dict]:
    """The runs of an earlier ``driver_memory.json`` in ``out_dir`` with the same
    ``workers`` and ``seed``, less those of ``sizes`` (measured again); none when there is
    no such file or it was made with other settings."""
    try:
        earlier = json.loads((out_dir / "driver_memory.json").read_text())
    except FileNotFoundError:
        return []
    if (earlier["workers"], earlier["seed"]) != (workers, seed):
        return []
    measured = set(sizes)
    return [r for r in earlier["runs"] if r["n_articles"] not in measured]


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    workers: int = 2,
    seed: int = 0,
    out_dir: Path = paths.RESULTS_DIR,
    keep: bool = False,
) -> dict:
    """Measure every size (see the module docstring) and write ``driver_memory.json``;
    with ``keep``, the runs of the earlier file of other sizes (:func:`kept_runs`) stay
    in it, so one large size can be added to the small ones without measuring them again."""
    from wtbench.synth import write_corpus

    rows = kept_runs(Path(out_dir), workers, seed, sizes) if keep else []
    with tempfile.TemporaryDirectory(prefix="wtbench-driver-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"corpus-{n}"
            write_corpus(folder, n, seed=seed)
            rows.append(measure(folder, workers, Path(tmp) / f"out-{n}"))
            print(json.dumps(rows[-1]), flush=True)
            shutil.rmtree(folder)
    document = summarise(rows, workers, seed)
    write_json(out_dir, "driver_memory.json", document)
    return document


def summarise(rows: list[dict], workers: int, seed: int) -> dict:
    """The ``driver_memory.json`` document of ``rows`` (:func:`audit_once`' figures, any
    order): the runs by size, the lines fitted through the runs below
    :data:`TARGET_ARTICLES` and read at it, and the run at it, when there is one
    (``measured_at_target``), so the prediction and the measurement stand side by side."""
    rows = sorted(rows, key=lambda r: r["n_articles"])
    below = [r for r in rows if r["n_articles"] < TARGET_ARTICLES]
    n = [r["n_articles"] for r in below]
    measured = [r for r in rows if r["n_articles"] == TARGET_ARTICLES]
    return {
        "sizes": [r["n_articles"] for r in rows],
        "workers": workers,
        "seed": seed,
        "target_articles": TARGET_ARTICLES,
        "runs": rows,
        "fit_audit": fit_line(n, [r["audit_peak_mb"] for r in below]),
        "fit_written": fit_line(n, [r["driver_peak_mb"] for r in below]),
        "marginal_written": marginal(n, [r["driver_peak_mb"] for r in below]),
        "loglog_slope_above_start": loglog_slope(
            n, [r["driver_peak_mb"] - r["start_mb"] for r in below]
        ),
        "measured_at_target": measured[0] if measured else None,
        "note": (
            "driver_peak_mb: the driver's peak resident memory (ru_maxrss) after the audit "
            "and writing its CSV tables, in a fresh process; fit_*: least-squares line "
            "through the sizes below target_articles, read at it; measured_at_target: "
            "the run at target_articles"
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m wtbench.driver_memory [--sizes ...] [--workers 2]``."""
    parser = argparse.ArgumentParser(prog="python -m wtbench.driver_memory", description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(paths.RESULTS_DIR), help="result folder")
    parser.add_argument(
        "--keep", action="store_true", help="keep the earlier file's runs of other sizes"
    )
    parser.add_argument("--once", default=None, help=argparse.SUPPRESS)  # see audit_once
    args = parser.parse_args(argv)
    if args.once:
        print(json.dumps(audit_once(Path(args.once), args.workers, Path(args.out))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    document = run(sizes, args.workers, args.seed, Path(args.out), args.keep)
    keys = ("fit_audit", "fit_written", "measured_at_target")
    print(json.dumps({k: document[k] for k in keys}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
