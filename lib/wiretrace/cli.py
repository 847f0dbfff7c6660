"""The ``wiretrace`` command line: ``wiretrace audit PATH... [--wire PATH]... --out DIR``.

Writes the audit tables (one CSV each) and ``audit.json`` to ``--out`` and prints a short
summary. ``wiretrace report`` does the same, then runs every notebook on that audit and
writes ``--out/index.html`` (:mod:`wiretrace.suite`). Exits 0 on success, 2 with a
one-line reason on bad arguments or inputs (``report``: 1 when a notebook failed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from wiretrace import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        self.exit(2, f"wiretrace: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every ``wiretrace`` command."""
    parser = _Parser(prog="wiretrace", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"wiretrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = commands.add_parser("audit", help="audit a cluster of articles and write the tables")
    run.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    run.add_argument(
        "--wire", action="append", default=[], metavar="PATH", help="known wire copy (repeatable)"
    )
    run.add_argument("--meta", metavar="FILE", help="sidecar metadata CSV")
    run.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the CSVs and audit.json"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bars and no summary")
    run.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="audit the story clusters in N local worker processes (default: 1, serial)",
    )
    run.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="csv (default): one CSV per table; parquet: a folder of Parquet parts per table",
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="audit the story clusters on the Dask cluster at ADDRESS (tcp://host:port)",
    )
    _add_report(commands, run)
    return parser


def _add_report(commands, audit: argparse.ArgumentParser) -> None:
    """The ``report`` command: the ``audit`` command's arguments (inherited, so the two
    stay alike), then every notebook run on the audit and ``index.html``."""
    from wiretrace.suite import DEFAULT_NOTEBOOKS

    run = commands.add_parser(
        "report",
        help="audit once, run every notebook on the audit, write index.html",
        parents=[audit],
        add_help=False,  # the audit's -h, which prints this command's help
    )
    run.add_argument(
        "--notebooks",
        default=str(DEFAULT_NOTEBOOKS),
        metavar="DIR",
        help=f"folder of the notebooks to run (default: {DEFAULT_NOTEBOOKS}/)",
    )


def _positive(value: str) -> int:
    """An integer of at least 1 (``--workers``)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def _summary_lines(result) -> list[str]:
    s = result.summary()
    failed = f", {s['failed']} failed" if s.get("failed") else ""
    lines = [
        f"{s['articles']} inputs: {s['ok']} audited, {s['rejected']} rejected{failed}, "
        f"{s['wire']} wire",
        "findings: " + ", ".join(f"{n} {sev}" for sev, n in s["findings"].items()),
    ]
    for row in result.scorecard.itertuples():
        if row.status in ("rejected", "failed"):
            reason = result.articles.set_index("article_id").at[row.article_id, "reason"]
            lines.append(f"  {row.article_id}: {row.status} ({reason})")
            continue
        counts = "/".join(str(getattr(row, f"findings_{s}", 0)) for s in ("high", "medium", "low"))
        lines.append(
            f"  {row.article_id}: {_derivation_words(row)}, {row.provenance}, "
            f"findings high/medium/low {counts}"
        )
    return lines


def _derivation_words(row) -> str:
    """'wholly derived' and the like; a wire copy or an article with no source says so."""
    if isinstance(row.derivation, str) and row.derivation:
        return f"{row.derivation} derived"
    return "wire copy" if row.role == "wire" else "no source"


def _report_output(result, out) -> None:
    """Say on stderr what the run could not use and which files of ``out`` it replaced."""
    for warning in result.corpus.warnings:
        print(f"wiretrace: warning: {warning}", file=sys.stderr)
    replaced, removed = result.written.get("replaced", []), result.written.get("removed", [])
    if replaced:
        print(f"wiretrace: replaced in {out}: {', '.join(replaced)}", file=sys.stderr)
    if removed:
        print(f"wiretrace: removed stale tables from {out}: {', '.join(removed)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    from wiretrace.audit import audit, check_out
    from wiretrace.ingest.corpus import InputError

    args = build_parser().parse_args(argv)
    if args.command == "report":
        return _report(args)
    try:
        check_out(args.out, [*args.paths, *args.wire])
        result = audit(
            args.paths,
            wire=args.wire,
            meta=args.meta,
            progress=not args.quiet,
            workers=args.workers,
            scheduler=args.scheduler,
        )
        out = result.to_dir(args.out, format=args.format)
    except (InputError, OSError) as exc:
        message = " ".join(str(exc).split())
        print(f"wiretrace: error: {message}", file=sys.stderr)
        return 2
    _report_output(result, out)
    if not args.quiet:
        for line in _summary_lines(result):
            print(line)
        print(f"wrote {out}/")
    return 0


def _report(args: argparse.Namespace) -> int:
    """Run ``wiretrace report``: 0 when every notebook ran, 1 when one failed, 2 on bad
    inputs."""
    from wiretrace.ingest.corpus import InputError
    from wiretrace.suite import run_report

    if args.format != "csv":
        print("wiretrace: error: report writes CSV tables; --format is for audit", file=sys.stderr)
        return 2
    try:
        report = run_report(
            args.paths,
            args.out,
            wire=args.wire,
            meta=args.meta,
            notebooks=args.notebooks,
            progress=not args.quiet,
            workers=args.workers,
            scheduler=args.scheduler,
        )
    except InputError as exc:
        print(f"wiretrace: error: {exc}", file=sys.stderr)
        return 2
    for nb in report.failed:
        print(f"wiretrace: notebook {nb.name} failed: {nb.error}", file=sys.stderr)
    if not args.quiet:
        for line in _summary_lines(report.result):
            print(line)
        print(
            f"{len(report.notebooks) - len(report.failed)} of {len(report.notebooks)} notebooks ran"
        )
        print(f"wrote {report.index}")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
