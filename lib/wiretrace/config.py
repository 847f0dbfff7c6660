"""Paths the project uses: project root, seeds, reports, figures and benchmark data.

One place owns them (as in cookiecutter-data-science's ``config.py``); notebooks, the CLI
and the benchmark scripts import them from here. Every path can be overridden by passing
another one to the function that uses it; nothing here is read from the environment.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
REPORTS_DIR = PROJECT_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"
BENCHMARK_RESULTS_DIR = PROJECT_ROOT / "benchmarks" / "results"
#: The labelled reuse corpora shipped beside the project (read-only, see its README).
SHARED_BENCHMARKS_DIR = PROJECT_ROOT.parent / "shared" / "benchmarks"
CLOUGH_STEVENSON_DIR = SHARED_BENCHMARKS_DIR / "clough-stevenson-2011"
