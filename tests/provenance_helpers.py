"""Helpers for the provenance tests: alignments of seed sentences paired by hand.

The rewrite-detection stage (``analyse_rewrites``) produces the real alignments; until it
is merged, provenance tests use the hand pairings below, checked by reading the seeds:
each pair is an article sentence and the sentence of seed 001 it rewrites.
"""

from __future__ import annotations

import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus

SEED = {
    "000": "000_5ceb88a01bc13192",
    "001": "001_d598337ef24b6ebd",
    "002": "002_81e9dda9929231ae",
    "003": "003_665655b582766711",
    "004": "004_d5c23e7a232071b8",
}
#: article sentence id -> sentence id of seed 001 that it rewrites (read off the seeds).
PAIRS_WITH_001 = {
    "000": {
        0: 0,
        1: 1,
        2: 2,
        3: 3,
        4: 4,
        5: 6,
        6: 7,
        7: 8,
        8: 9,
        9: 10,
        10: 11,
        11: 12,
        12: 13,
        13: 14,
        14: 15,
    },
    "002": {
        0: 0,
        1: 1,
        2: 1,
        3: 2,
        4: 3,
        5: 3,
        6: 4,
        7: 5,
        8: 8,
        9: 9,
        10: 9,
        11: 10,
        12: 11,
        13: 6,
        14: 7,
        15: 12,
        16: 12,
        17: 13,
    },
    "004": {2: 0, 3: 4, 4: 5, 5: 2, 17: 8},
}


def hand_alignments(corpus: Corpus, source_id: str, pairs: dict[str, dict[int, int]]):
    """An alignments table (the rewrite stage's columns) built from hand pairings with one source.

    Paired sentences get label ``rewrite`` (similarity 0.8, a placeholder: the tests do
    not read it), unpaired ones ``new``.
    """
    source = corpus[source_id]
    rows = []
    for short, mapping in pairs.items():
        article = corpus[SEED.get(short, short)]
        for sentence in article.sentences:
            target = mapping.get(sentence.sentence_id)
            src = source.sentences[target] if target is not None else None
            rows.append(
                {
                    "article_id": article.article_id,
                    "sentence_id": sentence.sentence_id,
                    "text": sentence.text,
                    "source_id": source_id if src else "",
                    "source_sentence_id": src.sentence_id if src else -1,
                    "source_text": src.text if src else "",
                    "similarity": 0.8 if src else 0.0,
                    "label": "rewrite" if src else "new",
                    "start": sentence.start,
                    "end": sentence.end,
                    "source_start": src.start if src else -1,
                    "source_end": src.end if src else -1,
                }
            )
    return pd.DataFrame(
        rows, columns=[*schema.ALIGNMENT_COLUMNS, "start", "end", "source_start", "source_end"]
    )


def derivation_table(rows: list[tuple[str, str, float, str]]) -> pd.DataFrame:
    """A derivation table from ``(article_id, source_id, containment, derivation)`` rows."""
    return pd.DataFrame(
        [
            {"article_id": a, "source_id": s, "containment": c, "similarity": c, "derivation": d}
            for a, s, c, d in rows
        ],
        columns=schema.DERIVATION_COLUMNS,
    )


def seed_alignments_of(seeds: Corpus) -> pd.DataFrame:
    """Seeds 000, 002 and 004 aligned by hand with seed 001 as their source."""
    return hand_alignments(seeds, SEED["001"], PAIRS_WITH_001)


def seed_findings_of(seeds: Corpus, seed_alignments: pd.DataFrame):
    """``(findings, attributions, derivation, sources)`` of the seeds, seed 001 the source.

    The derivation is set by hand: 000 and 002 wholly, 004 partially derived, 003 not;
    001 is given as wire copy (``role`` wire in the sources), the text the others were
    written from, so every aligned sentence is checked (no copied-passage test).
    """
    from dataclasses import replace

    from wiretrace.findings.attribution import attribution_findings
    from wiretrace.provenance.credits import find_attributions

    derivation = derivation_table(
        [
            (SEED["000"], SEED["001"], 0.8, "wholly"),
            (SEED["002"], SEED["001"], 0.9, "wholly"),
            (SEED["004"], SEED["001"], 0.3, "partially"),
            (SEED["003"], SEED["001"], 0.05, "non"),
        ]
    )
    sources = {SEED["001"]: replace(seeds[SEED["001"]], role="wire")}
    attributions = find_attributions(seeds)
    findings = attribution_findings(seeds, seed_alignments, sources, derivation, attributions)
    return findings, attributions, derivation, sources
