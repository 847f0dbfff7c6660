#!/usr/bin/env python3
"""Extract real multi-outlet coverage of single stories from the Giveme5W1H news_cluster set.

The news_cluster data set (Hamborg et al., Giveme5W1H, 2018-2019) groups English news
articles crawled with news-please from many outlets (NYT, Washington Post, Daily Mail,
CNN, NPR, BBC, RT, Reuters, ABC, USA Today ...) by the story (event) they cover,
2016-2018. Some stories are one agency story (AP, Reuters) republished by several sites,
others are independent write-ups of one press release, filing or announcement.

Usage:
    prepare.py SOURCE [OUT] [--rev REV]

SOURCE is the git directory (bare or not) of the public GitHub repository
fhamborg/Giveme5W1H, a checkout of it, or its folder
Giveme5W1H/examples/datasets/news_cluster/data itself. REV (git only, default HEAD) is
the commit to read. OUT (default: multi-outlet-prepared) receives, for each story listed
in stories.txt beside this file:

    OUT/<story>/<article_id>.txt   one article: "date YYYY-MM-DD", a blank line, the body
    OUT/stories.csv                article_id,story,outlet,date,url,title,file

Articles listed in excluded.txt (broken extraction, not an article) are left out, and so
is an article whose cleaned body repeats one of the same outlet already taken for the
story. The body is the news-please text with page furniture lines removed (FURNITURE,
FURNITURE_START, and the links to other stories listed per article in drop_lines.txt);
nothing else is changed. The texts are the publishers' copyright: never commit them to a repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = "Giveme5W1H/examples/datasets/news_cluster/data"
TESTED_COMMIT = "fb427b8ed9cf07ed7450a01146244903053018a3"

#: Whole lines that are page furniture, not article text (exact match after strip).
FURNITURE = {
    "Advertisement",
    "Advertisement Continue reading the main story",
    "Photo",
    "Video",
    "Image",
    "Scroll down for video",
    "Read more",
    "Read more:",
    "Read More",
    "Now Playing:",
    "Enlarge this image",
    "toggle caption",
    "...",
    "Enlarge Image",
    "If you like this story, share it with a friend!",
    "We pay for videos too. Click here to upload yours.",
    "Scroll below for video",
    "More from The New York Times:",
}
#: Lines that start like this are furniture (captions, sign-up boxes, share links).
FURNITURE_START = re.compile(
    r"^(?:(?i:Read more: |Also read: |Related: |Most read in )|Slideshow \(|Image copyright "
    r"|Media playback is unsupported|Enlarge this image toggle caption"
    r"|Read or Share this story:|Interested in .{1,60}\? Add .{1,60} as an interest"
    r"|Get daily updates directly to your inbox|ES News Email Enter your email"
    r"|Story highlights |CLOSE |More: |Enlarge Image |Newsletter Sign Up"
    r"|Get the .{1,40} newsletter|Sign up for .{1,40} Emails|Got a story\? email "
    r"|Virtual reality 101: CNET|CNET Magazine: |Wenn ihr mit jemandem sprechen wollt)"
)
#: A China Daily / Xinhua stamp line ("Xinhua | Updated: 2017-09-15 17:52").
UPDATED = re.compile(r"\bUpdated: \d{4}-\d\d-\d\d \d\d:\d\d\b")


def read_records(source: Path, rev: str) -> list[dict]:
    """Every JSON record of the news_cluster data folder, from a folder or a git dir."""
    for folder in (source, source / DATA):
        if folder.is_dir() and any(folder.glob("*.json")):
            return [
                json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
            ]
    git = ["git", f"--git-dir={source / '.git' if (source / '.git').exists() else source}"]
    commit = subprocess.run([*git, "rev-parse", rev], check=True, capture_output=True, text=True)
    if commit.stdout.strip() != TESTED_COMMIT:
        print(
            f"note: reading {commit.stdout.strip()}, tested with {TESTED_COMMIT}", file=sys.stderr
        )
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", rev, "--", f"{DATA}/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    names = [n for n in names if n.endswith(".json")]
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input="".join(f"{rev}:{n}\n" for n in names).encode(),
        check=True,
        capture_output=True,
    ).stdout
    records, pos = [], 0
    for _ in names:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        records.append(json.loads(batch[header_end + 1 : header_end + 1 + size].decode("utf-8")))
        pos = header_end + 1 + size + 1
    return records


def clean_body(text: str, title: str, drop: tuple[str, ...] = ()) -> str:
    """The article body: one paragraph per block, furniture lines and a repeated title removed.

    ``drop`` holds the starts of further lines to remove from this article (drop_lines.txt).
    """
    paragraphs = []
    for raw in text.replace("\r", "").split("\n"):
        line = re.sub(r"\s+", " ", raw).strip()
        if not line or line in FURNITURE or FURNITURE_START.match(line) or UPDATED.search(line):
            continue
        if line.startswith(drop):
            continue
        if not paragraphs and title and line.casefold() == title.strip().casefold():
            continue
        paragraphs.append(line)
    return "\n\n".join(paragraphs)


def outlet_slug(domain: str) -> str:
    """A short outlet name for file names: www.dailymail.co.uk -> dailymail."""
    host = re.sub(r"^(?:www|edition|uk|money|usa|europe|africa)\.", "", domain.lower())
    return re.sub(r"[^a-z0-9]+", "", host.split(".")[0]) or "site"


def read_list(name: str) -> list[tuple[str, str]]:
    """(first word, rest of line) of the non-comment lines of a list file beside this script."""
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    rows = [
        ln.strip().split(maxsplit=1)
        for ln in lines
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    return [(row[0], row[1] if len(row) > 1 else "") for row in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=Path("multi-outlet-prepared"))
    parser.add_argument("--rev", default="HEAD")
    args = parser.parse_args()

    stories = [story for story, _ in read_list("stories.txt")]
    excluded = [article for article, _ in read_list("excluded.txt")]
    drop_lines: dict[str, tuple[str, ...]] = {}
    for article, start in read_list("drop_lines.txt"):
        drop_lines[article] = (*drop_lines.get(article, ()), start)
    by_story: dict[str, list[dict]] = {s: [] for s in stories}
    for record in read_records(args.source, args.rev):
        story = (record.get("newsCluster") or {}).get("Event")
        if story in by_story and not any(record["dId"].startswith(x) for x in excluded):
            by_story[story].append(record)

    rows = []
    for story in stories:
        records = sorted(by_story[story], key=lambda r: ((r.get("date_publish") or ""), r["dId"]))
        if not records:
            print(f"warning: story {story} has no articles", file=sys.stderr)
        folder = args.out / story
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.txt"):
            stale.unlink()
        seen = set()
        for r in records:
            drop = next((v for k, v in drop_lines.items() if r["dId"].startswith(k)), ())
            body = clean_body(r.get("text") or "", r.get("title") or "", drop)
            # The same text at the same outlet twice is a crawl duplicate; the same text at
            # two outlets is syndication, which is what the benchmark is about: keep it.
            key = (r["source_domain"], re.sub(r"\W+", "", body.casefold()))
            if not body or key in seen:
                continue
            seen.add(key)
            date = (r.get("date_publish") or "")[:10]
            article_id = f"{outlet_slug(r['source_domain'])}_{r['dId'][:8]}"
            head = f"date {date}\n\n" if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else ""
            (folder / f"{article_id}.txt").write_text(head + body + "\n", encoding="utf-8")
            rows.append(
                {
                    "article_id": article_id,
                    "story": story,
                    "outlet": r["source_domain"],
                    "date": date,
                    "url": r.get("url") or "",
                    "title": r.get("title") or "",
                    "file": f"{story}/{article_id}.txt",
                }
            )
    with open(args.out / "stories.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["article_id"])
        writer.writeheader()
        writer.writerows(rows)
    n_stories = len({r["story"] for r in rows})
    print(f"wrote {len(rows)} articles in {n_stories} stories to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
