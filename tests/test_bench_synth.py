from __future__ import annotations

import random

import pytest

from wiretrace.ingest.corpus import Corpus, load_corpus, parse_article
from wiretrace.rewrites.cluster import (
    WORDING_THRESHOLD,
    cluster_stories,
    fingerprint,
    wording_similarity,
)
from wtbench.synth import COLUMNS, SIZES, cluster_sizes, generate, source_texts, write_corpus


@pytest.fixture(scope="module")
def synthetic():
    return generate(60, seed=2)


def test_same_seed_same_corpus(synthetic):
    assert generate(60, seed=2).equals(synthetic)


def test_other_seed_other_corpus(synthetic):
    assert not set(generate(60, seed=3)["text"]) & set(synthetic["text"])


def test_pool_is_the_real_texts():
    pool = source_texts()
    assert len(pool) == 105  # 100 Clough-Stevenson texts and 5 seeds
    assert sum(len(t.sentences) for t in pool) == 1216  # the figure in the docstring
    assert sorted({t.family for t in pool}) == [
        "clough-a",
        "clough-b",
        "clough-c",
        "clough-d",
        "clough-e",
        "seeds",
    ]


@pytest.mark.parametrize("n", [0, 1, 7, 20, 61])
def test_cluster_sizes_add_up(n):
    sizes = cluster_sizes(n, random.Random(n))
    assert sum(sizes) == n
    assert all(s in SIZES for s in sizes[:-1])


def test_structure(synthetic):
    assert list(synthetic.columns) == COLUMNS
    assert len(synthetic) == 60 and synthetic["article_id"].is_unique
    kinds = synthetic.groupby("cluster_id")["kind"].apply(sorted)
    for members in kinds:
        assert members == ["single"] or (
            members.count("original") == 1 and set(members) <= {"original", "light", "heavy"}
        )
    # ids are shuffled: listing by id does not list by cluster
    assert not synthetic["cluster_id"].is_monotonic_increasing


def _prints(frame):
    return {r.article_id: fingerprint(r.article_id, r.text) for r in frame.itertuples()}


def test_light_versions_share_wording_with_their_original(synthetic):
    prints = _prints(synthetic)
    originals = synthetic[synthetic["kind"] == "original"].set_index("cluster_id")["article_id"]
    light = synthetic[synthetic["kind"] == "light"]
    scores = [
        wording_similarity(prints[r.article_id], prints[originals[r.cluster_id]])
        for r in light.itertuples()
    ]
    assert len(scores) > 5 and min(scores) >= WORDING_THRESHOLD


def test_articles_of_different_clusters_share_little_wording(synthetic):
    prints = _prints(synthetic)
    rows = list(synthetic.itertuples())
    worst = max(
        wording_similarity(prints[a.article_id], prints[b.article_id])
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if a.cluster_id != b.cluster_id
    )
    assert worst < WORDING_THRESHOLD


def test_story_clusters_recover_the_truth(synthetic):
    corpus = Corpus([parse_article(r.article_id, "", r.text) for r in synthetic.itertuples()])
    found = cluster_stories(corpus)
    truth = synthetic.set_index("article_id")["cluster_id"]
    # same partition: each found cluster maps to exactly one true cluster and back
    pairs = set(zip(found["cluster_id"], truth[found["article_id"]].to_numpy(), strict=True))
    assert len(pairs) == found["cluster_id"].nunique() == truth.nunique()


def test_write_corpus(tmp_path):
    table = write_corpus(tmp_path / "synth", 8, seed=5)
    assert "text" not in table.columns
    corpus = load_corpus([tmp_path / "synth"])
    assert sorted(a.article_id for a in corpus.ok) == sorted(table["article_id"])
