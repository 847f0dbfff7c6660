"""Real-text story clusters for the speed benchmark: newspaper and wire text, edited.

:func:`generate` returns ``n`` articles (a DataFrame ``article_id, cluster_id, kind,
source, text``) in story clusters of 1 to 5 versions (:data:`VERSIONS`);
:func:`write_corpus` writes them as ``.txt`` files and returns the same table with a
``path`` column. The same ``seed`` gives the same texts.

Real text in: the METER calibration split (court and showbiz stories from the Press
Association and nine British newspapers, 1999-2000; prepared by
``benchmarks/corpora/meter/prepare.py``, never committed) when it is there, and the
Clough-Stevenson (2011) corpus (committed). A *story* is one METER story folder (its wire
takes and newspaper articles) or one Clough-Stevenson task (its source and answers). Each
cluster:

1. takes the next story of a shuffled cycle over the stories, and the next of its texts
   (texts of one story are used in turn);
2. the first time a story is used, its text is kept as it is; every later use is a new
   story told with the same sentences, so its rarer words are *relabelled* consistently
   (:func:`wtbench.synth.relabel_text`, as the synthetic benchmark does), and it shares
   no names or numbers with the earlier uses;
3. makes the versions: version 0 (``original``) is that text; every other (``edit``) is
   what a newsroom does to wire copy (:func:`newsroom_edit`): the story cut at the end
   (the last 0 to 40% of its sentences dropped) and here and there (each other sentence
   dropped with probability 0.1, never the first), one or two neighbouring sentences
   swapped, and 3% of the content words changed.

Texts of one cluster are true pairs; texts of different clusters are not (a relabelled
reuse of a story counts as another story). That is strict: relabelling leaves some names
and the story's topic words, and METER follows one case over several days in story
folders of one topic name (``courts/02.11.99/doctor`` and ``courts/07.01.00/doctor``),
whose newspapers repeat the background. :func:`topic` names the real case a source text
is about, so a benchmark can also score only the pairs of different topics. Article ids
are shuffled (``news00042``), so neither the id nor the file order tells the cluster.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wtbench import paths

#: Versions per story cluster, drawn uniformly (inclusive).
VERSIONS = (1, 5)
#: Share of the last sentences an edit may cut, sentence drop probability, swaps (lo, hi)
#: and the share of content words changed.
CUT_END = 0.4
DROP = 0.1
SWAPS = (1, 2)
WORD_CHANGES = 0.03
COLUMNS = ["article_id", "cluster_id", "kind", "source", "text"]
#: Where the prepared METER calibration split is looked for (git-ignored).
METER_DIR = paths.CORPORA_DIR / "meter-calibration"


@lru_cache(maxsize=4)
def stories(
    meter_dir: Path | None = METER_DIR, clough_dir: Path = paths.CLOUGH_STEVENSON_DIR
) -> tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """``(story, ((text name, sentences), ...))`` for every story, sorted by story name.

    METER stories (when ``meter_dir`` holds a prepared split) are its story folders; the
    Clough-Stevenson stories are its five tasks. Sentences come from
    :func:`wiretrace.ingest.corpus.parse_article` (bylines and dates left out).
    """
    from wiretrace.ingest.corpus import parse_article
    from wiretrace.ingest.decode import decode

    files: dict[str, list[Path]] = {}
    if meter_dir is not None and (Path(meter_dir) / "labels.csv").is_file():
        for path in sorted(Path(meter_dir).rglob("*.txt")):
            story = "meter/" + str(path.parent.relative_to(meter_dir))
            files.setdefault(story, []).append(path)
    for path in sorted((Path(clough_dir) / "texts").glob("*.txt")):
        files.setdefault("clough/" + path.stem.rsplit("task", 1)[-1], []).append(path)
    out = []
    for story, story_files in sorted(files.items()):
        texts = []
        for path in story_files:
            text, _ = decode(path.read_bytes())
            if text is None:
                continue
            sentences = tuple(s.text for s in parse_article(path.stem, str(path), text).sentences)
            if len(sentences) >= 2:
                texts.append((path.stem, sentences))
        if texts:
            out.append((story, tuple(texts)))
    return tuple(out)


def topic(source: str) -> str:
    """The real story a ``source`` of :func:`generate` tells: METER's domain and topic
    folder name without the date (``meter/courts/doctor``), or the Clough-Stevenson task
    (``clough/a``)."""
    parts = source.split("/")
    if parts[0] == "meter" and len(parts) >= 4:
        return "/".join((parts[0], parts[1], parts[-2]))
    return "/".join(parts[:2])


def newsroom_edit(sentences: Sequence[str], rng: random.Random) -> list[str]:
    """One edited version of a story: cut at the end and here and there, one or two
    neighbouring sentences swapped, :data:`WORD_CHANGES` of the content words changed."""
    from wtbench.synth import substitute_words, vocabulary

    keep = max(1, round(len(sentences) * (1 - rng.uniform(0, CUT_END))))
    kept = [s for k, s in enumerate(sentences[:keep]) if k == 0 or rng.random() >= DROP]
    for _ in range(rng.randint(*SWAPS)):
        if len(kept) >= 3:
            k = rng.randrange(1, len(kept) - 1)
            kept[k], kept[k + 1] = kept[k + 1], kept[k]
    return [substitute_words(s, WORD_CHANGES, vocabulary(), rng) for s in kept]


def generate(n: int, seed: int = 0, meter_dir: Path | None = METER_DIR) -> pd.DataFrame:
    """``n`` articles in story clusters (see the module docstring); ``n`` >= 1."""
    from wtbench.synth import paragraphs, relabel_text

    rng = random.Random(seed)
    pool = list(stories(meter_dir))
    order = list(range(len(pool)))
    rng.shuffle(order)
    uses: dict[int, int] = {}
    rows: list[tuple] = []
    cluster = 0
    while len(rows) < n:
        index = order[cluster % len(order)]
        story, texts = pool[index]
        use = uses.get(index, 0)
        uses[index] = use + 1
        name, sentences = texts[use % len(texts)]
        if use:
            sentences = tuple(relabel_text(sentences, rng))
        versions = rng.randint(*VERSIONS)
        for v in range(min(versions, n - len(rows))):
            edited = list(sentences) if v == 0 else newsroom_edit(sentences, rng)
            kind = "original" if v == 0 else "edit"
            rows.append((cluster, kind, f"{story}/{name}", paragraphs(edited, rng)))
        cluster += 1
    ids = [f"news{k:05d}" for k in range(len(rows))]
    rng.shuffle(ids)
    frame = pd.DataFrame(
        [(i, *r) for i, r in zip(ids, rows, strict=True)], columns=COLUMNS
    ).sort_values("article_id")
    return frame.reset_index(drop=True)


def write_corpus(
    folder: str | Path, n: int, seed: int = 0, meter_dir: Path | None = METER_DIR
) -> pd.DataFrame:
    """Write :func:`generate`'s articles as ``<article_id>.txt`` into ``folder``; return the
    table with a ``path`` column."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    frame = generate(n, seed, meter_dir)
    written = []
    for row in frame.itertuples():
        path = folder / f"{row.article_id}.txt"
        path.write_text(row.text + "\n", encoding="utf-8")
        written.append(str(path))
    return frame.assign(path=written)
