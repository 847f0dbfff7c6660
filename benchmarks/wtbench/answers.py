"""The Clough-Stevenson answers, read and measured: one row per answer.

Takes the corpus folder (``benchmarks/corpora/clough-stevenson-2011``: ``labels.csv`` and
``texts/``); :func:`read_answer` reads one text as an article, :func:`score_answers`
aligns every answer with its source and returns the measures of
:func:`wiretrace.rewrites.derive.derivation_features` beside the corpus label. The
derivation benchmark (:mod:`wtbench.clough_stevenson`), the offline calibration
(:mod:`wtbench.calibrate_derivation`) and the semantic benchmark read the corpus here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from wiretrace.ingest.corpus import Article, parse_article
from wiretrace.ingest.decode import decode
from wiretrace.language.text import words
from wiretrace.rewrites import derive
from wiretrace.rewrites.align import align_sentences
from wtbench import paths

#: Four-class label -> derivation class (cut and light: wholly, heavy: partially).
THREE = dict(derive.REVISION_CLASS)
#: Word n-gram sizes of the corpus README's baseline.
BASELINE_NGRAMS = (1, 2, 3, 5, 8)


def read_answer(directory: Path, name: str) -> Article:
    """Read one text of ``directory/texts``; hard-wrapped lines are joined back into their
    paragraphs.

    Many answers were typed with line breaks inside sentences; the loader treats a line
    break as a paragraph break (right for news pages), which would cut sentences in two.
    """
    text, reason = decode((directory / "texts" / name).read_bytes())
    if text is None:
        raise ValueError(f"{name}: {reason}")
    text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", " ", text)
    return parse_article(Path(name).stem, name, text)


def answer_labels(directory: Path) -> list[dict[str, str]]:
    """The rows of ``labels.csv`` for the answers (``File, Task, Category``; no sources)."""
    with open(directory / "labels.csv", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["Category"] != "orig"]


def score_answers(
    directory: Path = paths.CLOUGH_STEVENSON_DIR, classify: bool = True
) -> pd.DataFrame:
    """Align and measure every answer against its source; one row per answer.

    Columns: ``file, task, label``, the measures of :func:`derive.derivation_features`,
    ``baseline_ngram_<n>`` (the README baseline's features) and, when ``classify``,
    ``derivation`` and ``revision`` from the shipped model (the Clough-Stevenson one), and
    ``audit_derivation``/``audit_revision``: the classes the audit gives (the news model).
    """
    rows = []
    sources: dict[str, Article] = {}
    for record in answer_labels(directory):
        task = record["Task"]
        if task not in sources:
            sources[task] = read_answer(directory, f"orig_task{task}.txt")
        source = sources[task]
        answer = read_answer(directory, record["File"])
        aligned = align_sentences(answer.sentences, source.sentences)
        row = {"file": record["File"], "task": task, "label": record["Category"]}
        row.update(derive.derivation_features(answer.sentences, aligned, source.sentences))
        answer_words, source_words = words(answer.text), words(source.text)
        for n in BASELINE_NGRAMS:
            row[f"baseline_ngram_{n}"] = round(
                derive.ngram_containment(answer_words, source_words, n), 4
            )
        if classify:
            row["revision"] = derive.classify_revision(row)
            row["derivation"] = THREE[row["revision"]]
            # What the audit itself says: the news model's class (calibrated on METER,
            # never on these answers) and the kind of reuse consistent with it.
            news = derive.classify_derivation(row)[0]
            row["audit_derivation"] = news
            row["audit_revision"] = derive.revision_kind(row, news)
        rows.append(row)
    return pd.DataFrame(rows)
