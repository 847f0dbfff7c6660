"""False positives of the verb-final check on real English (``artifacts.verb_final``).

Every sentence of real English text, none machine-translated: the Clough-Stevenson texts,
the METER calibration split (PA copy and newspapers; read at bench time from the prepared
split, skipped with a message when absent; nothing of it is written out but ids), and the
English wire of the seeds (000 to 003). 004, the machine translation of dpa, is counted
apart as the one text where the check may fire. Per corpus: sentences read, sentences
flagged (each a false positive) and the rate; for 004 the flagged spans. Writes
``benchmarks/results/mt_order.json``; run with ``python -m wtbench.mt_order``.
"""

from __future__ import annotations

from pathlib import Path

from wiretrace.findings.checks.artifacts import verb_final
from wiretrace.ingest.corpus import load_corpus
from wtbench import write_json
from wtbench.paths import CLOUGH_STEVENSON_DIR, RESULTS_DIR, SEEDS_DIR


def flagged(files: list[Path]) -> tuple[int, list[tuple[str, int, str]]]:
    """Sentences read in ``files`` and ``(article id, sentence id, span)`` of each flag."""
    corpus = load_corpus(files)
    n, out = 0, []
    for article in corpus.ok:
        for i, sentence in enumerate(article.sentences):
            n += 1
            out += [(article.article_id, i, f.text) for f in verb_final(sentence.text)]
    return n, out


def corpora() -> dict[str, list[Path]]:
    """The English corpora read: name -> files."""
    seeds = sorted(p for p in SEEDS_DIR.iterdir() if p.is_file())
    out = {
        "clough_stevenson": sorted(Path(CLOUGH_STEVENSON_DIR, "texts").glob("*.txt")),
        "seeds_english": [p for p in seeds if p.name[:3] in ("000", "001", "002", "003")],
    }
    try:
        from wtbench.meter import METER_DIR, meter_dir

        out["meter_calibration"] = sorted(meter_dir(METER_DIR).rglob("*.txt"))
    except (FileNotFoundError, SystemExit, OSError):
        print("mt_order: METER skipped, the calibration split is not prepared")
    return out


def run(out_dir: str | Path = RESULTS_DIR) -> dict:
    """Count the flags per corpus and write ``mt_order.json`` (counts and ids; the spans
    of 004 only: no METER text)."""
    result: dict = {"benchmark": "mt_order", "check": "verb_final", "english": {}}
    for name, files in corpora().items():
        n, flags = flagged(files)
        result["english"][name] = {
            "sentences": n,
            "flagged": len(flags),
            "rate": round(len(flags) / n, 5) if n else None,
            "flags": [[a, i] for a, i, _ in flags],
        }
    seeds = sorted(p for p in SEEDS_DIR.iterdir() if p.is_file() and p.name.startswith("004"))
    n, flags = flagged(seeds)
    result["machine_translation_004"] = {"sentences": n, "flagged": [list(f) for f in flags]}
    write_json(out_dir, "mt_order.json", result)
    return result


def main() -> None:
    """Run the benchmark and print the flags per corpus."""
    r = run()
    for name, s in r["english"].items():
        print(f"{name}: {s['flagged']} of {s['sentences']} sentences flagged")
    print("004:", r["machine_translation_004"])


if __name__ == "__main__":
    main()
