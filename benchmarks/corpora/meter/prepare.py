#!/usr/bin/env python3
"""Extract the calibration split of the METER corpus into story folders.

METER (Gaizauskas, Clough et al., Sheffield, 2001) pairs Press Association copy with the
UK national newspaper articles written from it (1999-2000, courts and show business), each
article labelled by hand: wholly, partially or non derived from the PA copy. Its licence
allows research use only: never commit its text to a repository.

Usage:
    prepare.py SOURCE [OUT]

SOURCE is a clone (or bare git directory) of the public GitHub repository
AbeHandler/text-plagiarism, whose folder t/meter-corpus holds the plain-text release, or
that meter-corpus folder itself. OUT (default: meter-calibration) receives, for each story
listed in calibration_stories.txt beside this file:

    OUT/<domain>/<date>/<catchline>/wire_<name>.txt   PA copy (page headers removed), UTF-8
    OUT/<domain>/<date>/<catchline>/<name>.txt        newspaper articles, UTF-8
    OUT/labels.csv                                    article_id,story,label

Only the calibration stories (98 court stories, 425 articles) are extracted. The other
court stories and the whole show-business domain are a held-out test: do not read them,
tune on them or report figures from them.
"""

import csv
import re
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("wholly", "partially", "non")


def corpus_root(source: Path, scratch: Path) -> Path:
    """The meter-corpus folder: SOURCE itself, inside a clone, or unpacked from a git dir."""
    for candidate in (source, source / "t" / "meter-corpus"):
        if (candidate / "file_index").is_dir():
            return candidate
    archive = subprocess.run(
        ["git", f"--git-dir={source}", "archive", "HEAD", "t/meter-corpus"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
    return scratch / "t" / "meter-corpus"


def clean_pa(raw: str) -> str:
    """PA copy without page headers, rules and wrap marks; one paragraph per block."""
    lines = []
    for line in raw.splitlines():
        stripped = line.strip()
        if (
            not stripped
            or set(stripped) <= {"-"}
            or re.search(r"\d\d:\d\d \d\d/\d\d/\d\d: Page", stripped)
        ):
            lines.append("")
            continue
        lines.append(line.replace("\x19", "").rstrip())
    text = "\n".join(lines).replace("``", "\u201c").replace("''", "\u201d")
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"<\s*\n?|\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    source = Path(sys.argv[1])
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "meter-calibration")
    stories = set((HERE / "calibration_stories.txt").read_text().split())
    with tempfile.TemporaryDirectory() as scratch:
        root = corpus_root(source, Path(scratch))
        rows = []
        for domain in ("courts", "showbiz"):
            for label in LABELS:
                index = root / "file_index" / domain / f"{label}_derived.txt"
                for line in index.read_text(encoding="latin-1").splitlines():
                    rel = line.strip().split("meter_corpus/", 1)[-1]
                    if not rel:
                        continue
                    story = str(Path(rel).parent.relative_to("newspapers/rawtexts"))
                    article = root / rel
                    if story not in stories or not article.exists():
                        continue
                    dest = out / story
                    dest.mkdir(parents=True, exist_ok=True)
                    text = article.read_text(encoding="latin-1")
                    (dest / article.name).write_text(text, encoding="utf-8")
                    for pa in sorted((root / "PA" / "rawtexts" / story).glob("*.txt")):
                        wire = dest / f"wire_{pa.name}"
                        if not wire.exists():
                            wire.write_text(
                                clean_pa(pa.read_text(encoding="latin-1")), encoding="utf-8"
                            )
                    rows.append((article.stem, story, label))
    with open(out / "labels.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["article_id", "story", "label"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} articles in {len({r[1] for r in rows})} stories -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
