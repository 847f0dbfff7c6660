"""The ``wiretrace`` command line: ``wiretrace audit PATH... [--wire PATH]... --out DIR``.

Writes the audit tables (one CSV each) and ``audit.json`` to ``--out`` and prints a short
summary. Exits 0 on success, 2 with a one-line reason on bad arguments or inputs.
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
    return parser


def _summary_lines(result) -> list[str]:
    s = result.summary()
    lines = [
        f"{s['articles']} inputs: {s['ok']} audited, {s['rejected']} rejected, {s['wire']} wire",
        "findings: " + ", ".join(f"{n} {sev}" for sev, n in s["findings"].items()),
    ]
    for row in result.scorecard.itertuples():
        if row.status == "rejected":
            reason = result.articles.set_index("article_id").at[row.article_id, "reason"]
            lines.append(f"  {row.article_id}: rejected ({reason})")
            continue
        derivation = getattr(row, "derivation", "")
        provenance = getattr(row, "provenance", "")
        counts = "/".join(str(getattr(row, f"findings_{s}", 0)) for s in ("high", "medium", "low"))
        lines.append(
            f"  {row.article_id}: {derivation} derived, {provenance}, "
            f"findings high/medium/low {counts}"
        )
    return lines


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
    try:
        check_out(args.out, [*args.paths, *args.wire])
        result = audit(args.paths, wire=args.wire, meta=args.meta, progress=not args.quiet)
        out = result.to_dir(args.out)
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


if __name__ == "__main__":
    sys.exit(main())
