"""Run every benchmark and write the README figures: `make bench` (`python -m wtbench.run`).

Each benchmark module writes its results into ``benchmarks/results/``; afterwards the
README's block between ``<!-- bench:start -->`` and ``<!-- bench:end -->`` is rewritten
from those files by :func:`wtbench.report.markdown`, so no figure is typed by hand.
``--only NAME`` runs some of them (the README is still rewritten from all result files).
"""

from __future__ import annotations

import argparse
import importlib
import time

from wtbench import paths, report

#: Benchmark modules in the order they run; each has ``run()`` with default arguments.
#: ``semantic`` needs the optional extra, ``meter`` the prepared METER split and
#: ``multi_outlet`` its prepared corpus; without them each says so (and how to get it)
#: and leaves its old result.
BENCHMARKS = (
    "attribution",
    "claims",
    "story_claims",
    "claim_findings",
    "mt_order",
    "claims_precision",
    "meter",
    "meter_ceiling",
    "multi_outlet",
    "clough_stevenson",
    "semantic",
    "errors",
    "rewrite_speed",
    "speed",
    "fuzz",
    "big_article",
    "driver_memory",
)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks named by ``--only`` (default: all), then update the README."""
    parser = argparse.ArgumentParser(prog="python -m wtbench.run", description=__doc__)
    parser.add_argument("--only", action="append", choices=BENCHMARKS, help="run only this one")
    args = parser.parse_args(argv)
    for name in args.only or BENCHMARKS:
        started = time.perf_counter()
        print(f"[bench] {name} ...", flush=True)
        importlib.import_module(f"wtbench.{name}").run()
        print(f"[bench] {name} done in {time.perf_counter() - started:.0f} s", flush=True)
    results = report.load_results(paths.RESULTS_DIR)
    changed = report.update_readme(paths.README, results)
    print("[bench] README figures " + ("updated" if changed else "unchanged"))


if __name__ == "__main__":
    main()
