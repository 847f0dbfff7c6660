"""Paths the project uses: project root, seeds, reports, figures and benchmark data.

One place owns them (as in cookiecutter-data-science's ``config.py``); notebooks, the CLI
and the benchmark scripts import them from here. Every path can be overridden by passing
another one to the function that uses it; the one setting read from the environment is
``WIRETRACE_SHARED``, where the shared benchmark corpora live when not beside the project.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
REPORTS_DIR = PROJECT_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
BENCHMARK_RESULTS_DIR = PROJECT_ROOT / "benchmarks" / "results"


def _shared_dir() -> Path:
    """The team's shared folder (read-only seeds and labelled benchmark corpora).

    ``WIRETRACE_SHARED`` names it explicitly; otherwise ``../shared`` beside the project
    (the usual checkout), then ``/work/shared`` (where a fresh clone elsewhere, as in CI,
    finds it). The first that holds ``benchmarks/`` wins.
    """
    candidates = [PROJECT_ROOT.parent / "shared", Path("/work/shared")]
    if os.environ.get("WIRETRACE_SHARED"):
        candidates.insert(0, Path(os.environ["WIRETRACE_SHARED"]))
    for candidate in candidates:
        if (candidate / "benchmarks").is_dir():
            return candidate
    return candidates[0]


#: The labelled reuse corpora shipped beside the project (read-only, see its README).
SHARED_BENCHMARKS_DIR = _shared_dir() / "benchmarks"
CLOUGH_STEVENSON_DIR = SHARED_BENCHMARKS_DIR / "clough-stevenson-2011"
