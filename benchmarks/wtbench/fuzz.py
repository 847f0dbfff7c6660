"""Fuzzing the input ledger: folders of mixed good and bad inputs, every one accounted for.

:func:`write_inputs` builds a folder of generated inputs of the kinds in :data:`KINDS`
(good articles in several encodings and formats, empty, binary and random files, broken
JSON, JSONL with bad lines, CSV with long fields, duplicate ids, links, dangling links,
FIFOs, hidden and output folders that must not be read) and returns how many rows of
``articles`` each must give. :func:`check_ledger` loads the folder with
:func:`wiretrace.ingest.corpus.load_corpus` and checks the ledger: no exception escapes,
exactly the expected number of rows, unique ids, every rejected row with a reason, and
the same table from a second load. :func:`run` does this for ``n_inputs`` generated
inputs (default 10,000) and audits a sample of them end to end (``audit_inputs``), then
writes ``benchmarks/results/fuzz.json``. Run with ``python -m wtbench.fuzz [N]``.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from wtbench import write_json
from wtbench.paths import RESULTS_DIR

#: Sentences the good articles are made of (a story the generated versions share).
SENTENCES = (
    "France has begun talks with Niger's military about withdrawing troops, officials said.",
    "The talks began on Monday in Niamey and went on all week.",
    "About 1,500 French soldiers are based in the country, the ministry said.",
    "The junta ordered the French ambassador to leave after the coup in July.",
    "A defence ministry source said the withdrawal could take several months.",
    "Protesters gathered outside the French base on Saturday, witnesses said.",
)


def _story(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(2, len(SENTENCES))))


def _name(rng: random.Random) -> str:
    return rng.choice(("x", "story", "a", "wire", "x~2", "01", "niger"))


# Each writer makes one input under ``folder`` and returns the rows it must give.


def _txt(folder: Path, rng: random.Random) -> int:
    encoding = rng.choice(("utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-32"))
    text = _story(rng).replace("\n", rng.choice(("\n", "\r\n")))
    (folder / f"{_name(rng)}.txt").write_bytes(text.encode(encoding))
    return 1


def _junk(folder: Path, rng: random.Random) -> int:
    data = rng.choice(
        (
            b"",
            b"  \n ",
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 400))),
            bytes(rng.randint(32, 126) for _ in range(rng.randint(1, 3000))),
            b"\x00" * 50,
            _story(rng).encode("utf-8").replace(b" ", b"\x00", 1),
        )
    )
    (folder / f"{_name(rng)}{rng.choice(('.txt', '.md', '.html'))}").write_bytes(data)
    return 1


def _html(folder: Path, rng: random.Random) -> int:
    mark = rng.choice(("", "&#65535;", "&#0;", "\ufffe", "&#xD800;"))
    body = "".join(f"<p>{s}{mark}</p>" for s in rng.sample(SENTENCES, 3))
    page = f"<html><head><title>Niger</title></head><body><article>{body}</article></body></html>"
    (folder / f"{_name(rng)}.html").write_text(page, encoding="utf-8")
    return 1


def _json(folder: Path, rng: random.Random) -> int:
    n = rng.randint(0, 4)
    records = [
        rng.choice(
            ({"id": _name(rng), "text": _story(rng)}, {"text": ""}, 7, {"body": _story(rng)})
        )
        for _ in range(n)
    ]
    text = json.dumps(records if rng.random() < 0.8 else (records[0] if records else {}))
    broken = rng.random() < 0.15
    (folder / f"{_name(rng)}.json").write_text(text[:-1] if broken else text, encoding="utf-8")
    if broken:
        return 1
    loaded = json.loads(text)
    return max(1, len(loaded) if isinstance(loaded, list) else 1)


def _jsonl(folder: Path, rng: random.Random) -> int:
    lines = [
        json.dumps({"id": _name(rng), "text": _story(rng)}) if rng.random() < 0.7 else "{bad"
        for _ in range(rng.randint(0, 5))
    ]
    (folder / f"{_name(rng)}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return max(1, len(lines))


def _csv(folder: Path, rng: random.Random) -> int:
    n = rng.randint(0, 3)
    long = rng.random() < 0.2
    rows = ["id,text,outlet"]
    for k in range(n):
        # A field over the csv module's default limit (131,072 characters); the padding is
        # a blank line, so that parsing it stays quick.
        body = _story(rng) + (f"\n{' ' * 140_000}\n{_story(rng)}" if long and k == 0 else "")
        rows.append(f'{_name(rng)},"{body}",Example')
    (folder / f"{_name(rng)}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return max(1, n)


def _special(folder: Path, rng: random.Random) -> int:
    kind = rng.choice(("dangling", "fifo", "unsupported", "file_link"))
    name = f"{_name(rng)}-{rng.randrange(10**6)}"
    if kind == "dangling":
        (folder / f"{name}.txt").symlink_to(folder / "no-such-file.txt")
    elif kind == "fifo":
        os.mkfifo(folder / f"{name}.txt")
    elif kind == "unsupported":
        (folder / f"{name}.docx").write_bytes(b"PK\x03\x04")
    else:  # a link to a file outside the input folder
        target = folder.parent / "outside" / f"{name}.txt"
        target.parent.mkdir(exist_ok=True)
        target.write_text(_story(rng), encoding="utf-8")
        (folder / f"{name}.txt").symlink_to(target)
    return 1


def _unread(folder: Path, rng: random.Random) -> int:
    skipped = rng.choice((".git", ".venv", "__pycache__", "report"))
    target = folder / skipped
    target.mkdir(exist_ok=True)
    (target / f"{_name(rng)}.txt").write_text(_story(rng), encoding="utf-8")
    if skipped == "report":  # a wiretrace output folder
        (target / "audit.json").write_text("{}", encoding="utf-8")
        (target / "articles.csv").write_text("article_id\n", encoding="utf-8")
    (folder / f".hidden-{rng.randrange(10**6)}.txt").write_text("x", encoding="utf-8")
    return 0


#: The kinds of generated input, each a writer returning the rows it must give.
KINDS: dict[str, Callable[[Path, random.Random], int]] = {
    "txt": _txt,
    "junk": _junk,
    "html": _html,
    "json": _json,
    "jsonl": _jsonl,
    "csv": _csv,
    "special": _special,
    "unread": _unread,
}


def write_inputs(root: str | Path, kinds: list[str], seed: int = 0) -> dict:
    """Write one generated input per entry of ``kinds`` under ``root/inputs``.

    Inputs go into numbered subfolders (so names repeat across folders, as duplicate ids
    do). Returns ``{"folder": Path, "expected_rows": int, "kinds": Counter}``.
    """
    rng = random.Random(seed)
    folder = Path(root) / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    expected = 0
    for n, kind in enumerate(kinds):
        sub = folder / f"d{n // 50:04d}" / f"{n:06d}"
        sub.mkdir(parents=True, exist_ok=True)
        expected += KINDS[kind](sub, rng)
    return {"folder": folder, "expected_rows": expected, "kinds": Counter(kinds)}


def check_ledger(folder: str | Path, expected_rows: int, twice: bool = True) -> dict:
    """Load ``folder`` and check its ledger; returns what was found and what failed.

    Checks: no exception escapes; one row per expected input; ids unique; every row
    ``ok`` or ``rejected``, a rejected one with a reason; with ``twice``, a second load
    gives the same table. ``problems`` lists what failed (empty when all held).
    """
    from wiretrace.ingest.corpus import load_corpus

    problems = []
    try:
        table = load_corpus([folder]).table()
    except Exception as exc:  # the benchmark reports it instead of stopping
        return {"rows": 0, "problems": [f"load raised {type(exc).__name__}: {exc}"]}
    if len(table) != expected_rows:
        problems.append(f"{len(table)} rows for {expected_rows} inputs")
    if table["article_id"].duplicated().any():
        problems.append("duplicate article ids")
    if not table["status"].isin(["ok", "rejected"]).all():
        problems.append("a status other than ok or rejected")
    if ((table["status"] == "rejected") & (table["reason"] == "")).any():
        problems.append("a rejected row without a reason")
    if twice and not load_corpus([folder]).table().equals(table):
        problems.append("a second load gave another table")
    reasons = Counter(
        r.split(":")[0].split(" (")[0] for r in table.loc[table["status"] == "rejected", "reason"]
    )
    return {
        "rows": int(len(table)),
        "ok": int((table["status"] == "ok").sum()),
        "rejected": int((table["status"] == "rejected").sum()),
        "reasons": dict(sorted(reasons.items())),
        "problems": problems,
    }


def check_audit(folder: str | Path, out: str | Path) -> list[str]:
    """Audit ``folder`` end to end and write the tables to ``out``; the problems found
    (an exception, a rejected row without a reason); empty when none."""
    import wiretrace

    try:
        result = wiretrace.audit(folder)
        result.to_dir(out)
    except Exception as exc:  # the benchmark reports it instead of stopping
        return [f"audit raised {type(exc).__name__}: {exc}"]
    rejected = result.articles[result.articles["status"] == "rejected"]
    return ["a rejected row without a reason"] if (rejected["reason"] == "").any() else []


def random_kinds(n: int, seed: int = 0) -> list[str]:
    """``n`` kinds of :data:`KINDS`, drawn with a fixed seed."""
    rng = random.Random(seed)
    return [rng.choice(list(KINDS)) for _ in range(n)]


def run(
    n_inputs: int = 10_000, audit_inputs: int = 20, seed: int = 16, out_dir=RESULTS_DIR
) -> dict:
    """Generate ``n_inputs`` inputs, check the ledger of their load, audit
    ``audit_inputs`` of them end to end, and write ``fuzz.json`` into ``out_dir``
    (``None``: write nothing). Returns the result; ``problems`` is empty when nothing
    was raised or lost."""
    with tempfile.TemporaryDirectory(prefix="wtbench-fuzz-") as tmp:
        started = time.perf_counter()
        spec = write_inputs(Path(tmp) / "load", random_kinds(n_inputs, seed), seed)
        ledger = check_ledger(spec["folder"], spec["expected_rows"], twice=False)
        load_seconds = time.perf_counter() - started
        sample = write_inputs(Path(tmp) / "audit", random_kinds(audit_inputs, seed + 1), seed)
        audit_problems = check_audit(sample["folder"], Path(tmp) / "out")
    result = {
        "benchmark": "fuzz",
        "n_inputs": n_inputs,
        "seed": seed,
        "kinds": dict(sorted(spec["kinds"].items())),
        "expected_rows": spec["expected_rows"],
        **ledger,
        "load_seconds": round(load_seconds, 1),
        "audited_inputs": audit_inputs,
        "audit_problems": audit_problems,
    }
    result["problems"] = [*ledger["problems"], *audit_problems]
    if out_dir is not None:
        write_json(out_dir, "fuzz.json", result)
    return result


def main() -> None:
    """Run the fuzz benchmark (``python -m wtbench.fuzz [N]``) and print what it found."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    result = run(n_inputs=n)
    print(
        f"{result['n_inputs']} inputs, {result['rows']} rows for {result['expected_rows']} "
        f"expected ({result['ok']} ok, {result['rejected']} rejected); problems: "
        f"{result['problems'] or 'none'}"
    )


if __name__ == "__main__":
    main()
