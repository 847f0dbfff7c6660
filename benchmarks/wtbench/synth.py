"""Synthetic story clusters built from real text, with the cluster structure known.

:func:`generate` returns ``n`` articles (a DataFrame ``article_id, cluster_id, kind,
source, text``) in clusters of 3 to 7 versions (5 on average) plus some single articles;
:func:`write_corpus` writes them as ``.txt`` files into a folder and returns the same
table with a ``path`` column. The same ``seed`` always gives the same texts.

Real text in: the sentences of the Clough-Stevenson (2011) sources and answers and of the
seed articles (105 texts, 1,216 sentences), grouped into *families* (one per Clough
task, one for the seeds) because texts of one family are rewrites of each other. Each
cluster:

1. takes a real text (texts are used in turn, in a shuffled order): a run of 2 to 5
   consecutive sentences of it (:data:`WINDOW`), then runs from other texts of the pool
   until the story has its length, drawn from :data:`MIN_SENTENCES` to
   :data:`MAX_SENTENCES` sentences;
2. *relabels* it: each distinct word rarer than Zipf 6 (all but the ~100 commonest
   words, "the", "is", "would") is replaced, with probability :data:`RELABEL`, by a word
   from wordfreq's 30,000 commonest English words, consistently across the cluster. The
   pool is small (a 10,000-article corpus needs about 20,000 sentences and the pool has
   1,216), so sentences recur across clusters; relabelling makes those clusters
   different stories (other names, numbers and topic words) that keep real sentence
   shapes and function words. The price: the texts read as word salad, and the pool's
   topics do not carry over (``source`` names the text a cluster started from, not a
   topic it keeps);
3. makes versions: version 0 (``original``) is the relabelled text; every other version is
   ``light`` (each sentence dropped with probability 0.1, 3% of content words
   substituted, one adjacent swap, up to one foreign sentence) or ``heavy`` (drops 0.3,
   substitutions 15%, three swaps, one to three foreign sentences). A substituted word is
   a random vocabulary word, not a synonym: harsher than a real rewrite for wording
   measures. Foreign sentences come from a text of another family, relabelled with a
   mapping of their own, so they tie the version to no other article.

``single`` articles (about one cluster in twelve) are relabelled texts with no sibling:
every pair they form is a true negative. The last cluster is cut short when needed to
give exactly ``n`` articles. Article ids are shuffled (``synth00042``), so nothing in an
id or in the file order tells the cluster. Test with ``tests/test_synth.py``: versions
of one cluster share wording, articles of different clusters do not.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wtbench import paths

MIN_SENTENCES = 6
MAX_SENTENCES = 14
#: Consecutive sentences taken from one real text at a time (inclusive range).
WINDOW = (2, 5)
VOCABULARY_SIZE = 30_000
#: Share of the words rarer than :data:`RELABEL_MAX_ZIPF` that a cluster relabels.
RELABEL = 0.9
#: Words at or above this Zipf frequency (the ~100 commonest: "the", "is", "would") are
#: never relabelled; everything rarer can be.
RELABEL_MAX_ZIPF = 6.0
#: Content words (below this Zipf frequency) are what versions substitute.
CONTENT_MAX_ZIPF = 5.5
#: Cluster sizes, drawn with :data:`SIZE_WEIGHTS`; 1 makes a single article.
SIZES = (1, 3, 4, 5, 6, 7)
SIZE_WEIGHTS = (1, 2, 2, 3, 2, 2)
VERSION_KINDS = {
    # drop probability, share of content words substituted, adjacent swaps, foreign (lo, hi)
    "light": (0.1, 0.03, 1, (0, 1)),
    "heavy": (0.3, 0.15, 3, (1, 3)),
}
COLUMNS = ["article_id", "cluster_id", "kind", "source", "text"]
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass(frozen=True)
class SourceText:
    """A real text of the pool: its name, family (rewrites of one source) and sentences."""

    name: str
    family: str
    sentences: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def _is_content(word: str) -> bool:
    return _zipf(word) < CONTENT_MAX_ZIPF


@lru_cache(maxsize=4)
def source_texts(
    clough_dir: Path = paths.CLOUGH_STEVENSON_DIR, seeds_dir: Path = paths.SEEDS_DIR
) -> tuple[SourceText, ...]:
    """The pool: every Clough-Stevenson text (family = its task) and every seed article.

    Sentences come from :func:`wiretrace.ingest.corpus.parse_article`, so bylines, dates and
    boilerplate of the seeds are left out. Sorted by name.
    """
    from wiretrace.ingest.corpus import parse_article
    from wiretrace.ingest.decode import decode

    out = []
    for path in sorted((Path(clough_dir) / "texts").glob("*.txt")):
        family = "clough-" + path.stem.rsplit("task", 1)[-1]
        out.append((path, family))
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        out.append((path, "seeds"))
    texts = []
    for path, family in out:
        text, _ = decode(path.read_bytes())  # a few Clough files are cp1252, not UTF-8
        if text is None:
            continue
        article = parse_article(path.stem, str(path), text)
        sentences = tuple(s.text for s in article.sentences)
        if sentences:
            texts.append(SourceText(path.stem, family, sentences))
    return tuple(texts)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Replacement words: wordfreq's 30,000 most frequent English words that are
    alphabetic, three letters or more and rarer than :data:`RELABEL_MAX_ZIPF`."""
    from wordfreq import top_n_list

    words = top_n_list("en", VOCABULARY_SIZE)
    return tuple(w for w in words if w.isalpha() and len(w) > 2 and _zipf(w) < RELABEL_MAX_ZIPF)


def _relabel(text: str, mapping: dict[str, str]) -> str:
    def swap(m: re.Match) -> str:
        word = m.group()
        new = mapping.get(word.lower())
        if new is None:
            return word
        return new.capitalize() if word[:1].isupper() else new

    return _WORD.sub(swap, text)


def _mapping(
    sentences: Sequence[str], vocab: Sequence[str], share: float, rng: random.Random
) -> dict[str, str]:
    words = sorted({w.lower() for s in sentences for w in _WORD.findall(s)})
    return {
        w: rng.choice(vocab) for w in words if _zipf(w) < RELABEL_MAX_ZIPF and rng.random() < share
    }


def substitute_words(sentence: str, share: float, vocab: Sequence[str], rng: random.Random) -> str:
    """``sentence`` with each content word replaced, with probability ``share``, by a word
    of ``vocab`` (capitalised like the word it replaces)."""

    def swap(m: re.Match) -> str:
        word = m.group()
        if not _is_content(word) or rng.random() >= share:
            return word
        new = rng.choice(vocab)
        return new.capitalize() if word[:1].isupper() else new

    return _WORD.sub(swap, sentence)


def _base(text: SourceText, pool: Sequence[SourceText], rng: random.Random) -> list[str]:
    target = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
    sentences = _window(text, rng)
    while len(sentences) < target:
        sentences.extend(_window(rng.choice(pool), rng))
    return sentences[:target]


def _window(text: SourceText, rng: random.Random) -> list[str]:
    size = min(len(text.sentences), rng.randint(*WINDOW))
    start = rng.randrange(len(text.sentences) - size + 1)
    return list(text.sentences[start : start + size])


def _version(
    base: list[str],
    kind: str,
    text: SourceText,
    pool: Sequence[SourceText],
    vocab: Sequence[str],
    rng: random.Random,
) -> list[str]:
    drop, share, swaps, (lo, hi) = VERSION_KINDS[kind]
    kept = [s for s in base if rng.random() >= drop]
    if len(kept) < 2:
        kept = base[:2]
    kept = [substitute_words(s, share, vocab, rng) for s in kept]
    for _ in range(swaps):
        if len(kept) > 2:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    others = [t for t in pool if t.family != text.family]
    for _ in range(rng.randint(lo, hi)):
        other = rng.choice(others)
        sentence = rng.choice(other.sentences)
        foreign = _relabel(sentence, _mapping([sentence], vocab, RELABEL, rng))
        kept.insert(rng.randrange(len(kept) + 1), foreign)
    return kept


def paragraphs(sentences: Sequence[str], rng: random.Random) -> str:
    """The sentences as paragraphs of 1 to 3 sentences, separated by blank lines."""
    paragraphs, current = [], []
    for s in sentences:
        current.append(s)
        if len(current) >= rng.randint(1, 3):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def relabel_text(sentences: Sequence[str], rng: random.Random) -> list[str]:
    """The sentences with their rarer words relabelled consistently (a share
    :data:`RELABEL` of the distinct words rarer than :data:`RELABEL_MAX_ZIPF`, each
    mapped to one word of :func:`vocabulary`): the same sentence shapes, another story."""
    mapping = _mapping(sentences, vocabulary(), RELABEL, rng)
    return [_relabel(s, mapping) for s in sentences]


def cluster_sizes(n: int, rng: random.Random) -> list[int]:
    """Cluster sizes drawn from :data:`SIZES` until they add up to exactly ``n``."""
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(min(rng.choices(SIZES, SIZE_WEIGHTS)[0], n - sum(sizes)))
    return sizes


def generate(n: int, seed: int = 0, pool: Sequence[SourceText] | None = None) -> pd.DataFrame:
    """``n`` synthetic articles with their true clusters (see the module docstring).

    Returns ``article_id, cluster_id, kind, source, text``, sorted by ``article_id``.
    ``cluster_id`` is an int from 0; ``kind`` is ``original``, ``light``, ``heavy`` or
    ``single``; ``source`` names the real text the cluster was built from. ``n`` >= 0;
    any int ``seed`` gives a different, reproducible corpus.
    """
    pool = tuple(pool) if pool is not None else source_texts()
    vocab = vocabulary()
    rng = random.Random(seed)
    order = list(pool)
    rng.shuffle(order)
    rows = []
    for cluster_id, size in enumerate(cluster_sizes(n, rng)):
        text = order[cluster_id % len(order)]
        base = _base(text, pool, rng)
        mapping = _mapping(base, vocab, RELABEL, rng)
        base = [_relabel(s, mapping) for s in base]
        if size == 1:
            rows.append((cluster_id, "single", text.name, paragraphs(base, rng)))
            continue
        rows.append((cluster_id, "original", text.name, paragraphs(base, rng)))
        for _ in range(size - 1):
            kind = rng.choice(("light", "heavy"))
            sentences = _version(base, kind, text, pool, vocab, rng)
            rows.append((cluster_id, kind, text.name, paragraphs(sentences, rng)))
    ids = [f"synth{i:05d}" for i in range(len(rows))]
    rng.shuffle(ids)
    frame = pd.DataFrame(
        [(article_id, *row) for article_id, row in zip(ids, rows, strict=True)], columns=COLUMNS
    )
    return frame.sort_values("article_id", ignore_index=True)


def write_corpus(folder: str | Path, n: int, seed: int = 0) -> pd.DataFrame:
    """Write :func:`generate`'s articles as ``<article_id>.txt`` files into ``folder``.

    Creates the folder if needed and returns the table with a ``path`` column added
    (the ``text`` column dropped). Files are UTF-8 and end with a newline.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    frame = generate(n, seed)
    paths = []
    for row in frame.itertuples():
        path = folder / f"{row.article_id}.txt"
        path.write_text(row.text, encoding="utf-8")
        paths.append(str(path))
    return frame.drop(columns="text").assign(path=paths)
