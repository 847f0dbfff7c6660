"""Precision first: the findings on claims across versions, on real folders, read by hand.

Audits the Clough-Stevenson folder (one folder of 100 texts) and every story folder of the
METER calibration split (its wire copy and newspaper versions as plain articles, no wire
given) with :func:`wiretrace.audit`, and lists every finding on claims across versions
(explanation beginning "Across versions", from :mod:`wiretrace.findings.story_claims`):
``attribution_changed``, ``quote_altered``, ``modality_change`` and ``negation_change`` (a
claim's certainty changed), and the ``variant`` findings these become when
nothing shows the versions must carry the same words. Each was read and judged by hand;
the verdicts (``right``, ``wrong`` or ``unsure``, keyed by corpus, folder, article,
kind and offsets, no text) are in ``benchmarks/wtbench/claims_precision_verdicts.csv``.

Writes ``benchmarks/results/claims_precision.json``: counts by corpus and kind, each
finding's ids and verdict, and precision = right / judged accusations (every kind above
but ``variant``). No METER text is written, only ids and counts. Needs the METER
split prepared (``wtbench.meter``); without it only Clough-Stevenson is audited. Run with
``python -m wtbench.claims_precision``; ``--print`` shows the findings' texts for reading
(never written to the result).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from wtbench import write_json
from wtbench.paths import BENCH_DIR, CLOUGH_STEVENSON_DIR, RESULTS_DIR

VERDICTS_PATH = BENCH_DIR / "wtbench" / "claims_precision_verdicts.csv"
KEY = ("corpus", "folder", "article_id", "kind", "start", "end")
ACCUSATIONS = ("attribution_changed", "quote_altered", "modality_change", "negation_change")


def across(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings on claims across versions (their explanations say so)."""
    text = findings["explanation"].astype(str)
    marked = text.str.startswith("Across versions") | text.str.contains("Across versions")
    return findings[marked]


def folders() -> list[tuple[str, str, list[Path]]]:
    """``(corpus, folder, files)`` to audit: Clough-Stevenson, then each METER story."""
    out = [("clough_stevenson", "texts", sorted(Path(CLOUGH_STEVENSON_DIR, "texts").glob("*.txt")))]
    try:
        from wtbench.meter import METER_DIR, meter_dir

        root = meter_dir(METER_DIR)
    except (FileNotFoundError, SystemExit, OSError):
        return out
    stories = sorted({p.parent for p in root.rglob("*.txt")})
    out += [("meter", str(s.relative_to(root)), sorted(s.glob("*.txt"))) for s in stories]
    return out


def claim_stage(files: list[Path]) -> pd.DataFrame:
    """The findings on claims across versions of one folder, as :func:`wiretrace.audit`
    finds them (its load, provenance, cluster, rewrite and claims stages, without the
    error and readability stages this count does not need)."""
    from wiretrace.findings.story_claims import claim_findings, match_claims
    from wiretrace.ingest.corpus import load_corpus
    from wiretrace.provenance.claims import extract_claims
    from wiretrace.provenance.credits import find_attributions
    from wiretrace.rewrites.analysis import analyse_rewrites
    from wiretrace.rewrites.cluster import cluster_stories

    corpus = load_corpus(files)
    clusters = cluster_stories(corpus)
    rewrites = analyse_rewrites(corpus, clusters=clusters)
    story = match_claims(
        extract_claims(corpus), corpus, dict(rewrites.clusters[["article_id", "cluster_id"]].values)
    )
    return claim_findings(story, corpus, rewrites.derivation, find_attributions(corpus))


def collect(show: bool = False) -> list[dict]:
    """Audit every folder; one dict per finding across versions (ids, no text)."""
    rows = []
    for corpus, folder, files in folders():
        found = across(claim_stage(files))
        for f in found.itertuples(index=False):
            rows.append(
                {
                    "corpus": corpus,
                    "folder": folder,
                    "article_id": f.article_id,
                    "source_id": f.source_id,
                    "kind": f.kind,
                    "severity": f.severity,
                    "start": int(f.start),
                    "end": int(f.end),
                }
            )
            if show:
                print(f"{corpus} {folder} {f.article_id} {f.kind} {f.severity}: {f.explanation}")
    return rows


def load_verdicts(path: Path = VERDICTS_PATH) -> dict[tuple, str]:
    """The hand verdicts keyed by :data:`KEY` (empty when the file is missing)."""
    if not Path(path).is_file():
        return {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {tuple(str(r[k]) for k in KEY): r["verdict"] for r in csv.DictReader(handle)}


def score(rows: list[dict], verdicts: dict[tuple, str]) -> dict:
    """Counts and precision of the findings ``rows`` under the hand ``verdicts``."""
    for row in rows:
        row["verdict"] = verdicts.get(tuple(str(row[k]) for k in KEY), "unjudged")
    judged = [r for r in rows if r["kind"] in ACCUSATIONS and r["verdict"] in ("right", "wrong")]
    right = sum(r["verdict"] == "right" for r in judged)
    variants = [r for r in rows if r["kind"] == "variant"]
    return {
        "by_corpus_and_kind": {
            f"{c} {k}": n
            for (c, k), n in sorted(Counter((r["corpus"], r["kind"]) for r in rows).items())
        },
        "accusations": sum(r["kind"] in ACCUSATIONS for r in rows),
        "judged": len(judged),
        "right": right,
        "precision": round(right / len(judged), 4) if judged else None,
        "variants": len(variants),
        "variant_verdicts": dict(sorted(Counter(r["verdict"] for r in variants).items())),
        "findings": rows,
    }


def run(out_dir: str | Path = RESULTS_DIR, show: bool = False) -> dict:
    """Audit, attach the verdicts, count, and write ``claims_precision.json``."""
    rows = collect(show)
    result = {
        "benchmark": "claims_precision",
        "folders_audited": len(folders()),
        **score(rows, load_verdicts()),
    }
    write_json(out_dir, "claims_precision.json", result)
    return result


def rescore(out_dir: str | Path = RESULTS_DIR) -> dict:
    """Re-count the stored ``claims_precision.json`` under the verdicts file (no audit)."""
    path = Path(out_dir) / "claims_precision.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    result = {**stored, **score(stored["findings"], load_verdicts())}
    write_json(out_dir, "claims_precision.json", result)
    return result


def main() -> None:
    """Run it; ``--print`` shows each finding's explanation for reading, ``--rescore``
    re-counts the stored result under the verdicts file without auditing again."""
    r = rescore() if "--rescore" in sys.argv else run(show="--print" in sys.argv)
    print(
        f"claims across versions: {r['accusations']} accusations, {r['judged']} judged, "
        f"{r['right']} right, precision {r['precision']}; {r['by_corpus_and_kind']}"
    )


if __name__ == "__main__":
    main()
