"""The repository's paths the benchmarks use: project root, seeds, results and corpora.

Found from this package's own location: ``wtbench`` lives in ``benchmarks/wtbench/`` of
the repository (installed in development mode, ``pip install -e benchmarks/``), so
``PROJECT_ROOT`` is two folders up. Nothing here looks outside the clone; every function
that reads or writes one of these paths takes another as an argument.
"""

from __future__ import annotations

from pathlib import Path

#: ``benchmarks/`` of the repository: this package's parent folder.
BENCH_DIR = Path(__file__).resolve().parent.parent
#: The repository's root folder (README.md, seeds/, lib/).
PROJECT_ROOT = BENCH_DIR.parent
README = PROJECT_ROOT / "README.md"
SEEDS_DIR = PROJECT_ROOT / "seeds"
#: Where every benchmark writes its figures (read by :mod:`wtbench.report`).
RESULTS_DIR = BENCH_DIR / "results"
#: The labelled corpora committed with the benchmarks (METER is prepared, not committed).
CORPORA_DIR = BENCH_DIR / "corpora"
CLOUGH_STEVENSON_DIR = CORPORA_DIR / "clough-stevenson-2011"
