"""The public output contract: table columns, finding kinds, severities and classes.

Everything wiretrace writes is described here once; the README documents the same
names and ``tests/test_docs.py`` checks that the two agree. Change a name only
deliberately, with the README and tests in the same commit.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

ARTICLE_COLUMNS = [
    "article_id",
    "path",
    "status",
    "reason",
    "outlet",
    "byline",
    "date",
    "dateline",
    "language",
    "role",
    "n_sentences",
    "n_words",
]
METADATA_COLUMNS = ["article_id", "kind", "text", "start", "end"]
ATTRIBUTION_COLUMNS = ["article_id", "agency", "form", "evidence", "start", "end"]
DERIVATION_COLUMNS = [
    "article_id",
    "source_id",
    "containment",
    "similarity",
    "derivation",
]
ALIGNMENT_COLUMNS = [
    "article_id",
    "sentence_id",
    "text",
    "source_id",
    "source_sentence_id",
    "source_text",
    "similarity",
    "label",
]
FINDING_COLUMNS = [
    "article_id",
    "kind",
    "severity",
    "text",
    "source_text",
    "source_id",
    "start",
    "end",
    "explanation",
]
SCORECARD_BASE_COLUMNS = ["article_id", "status", "role", "n_sentences", "n_words"]

#: Kinds of finding, the vocabulary of ``findings.kind``.
FINDING_KINDS = (
    "typo",
    "verb_change",
    "word_change",
    "number_change",
    "date_change",
    "entity_change",
    "negation_change",
    "modality_change",
    "quote_altered",
    "attribution_dropped",
    "attribution_changed",
    "uncredited_reuse",
    "unsupported_addition",
    "mt_artifact",
    "variant",
)
SEVERITIES = ("high", "medium", "low")
ATTRIBUTION_FORMS = ("byline", "in_text", "sign_off", "dateline", "photo_credit")
ALIGNMENT_LABELS = ("verbatim", "rewrite", "new")
DERIVATION_CLASSES = ("wholly", "partially", "non")
ROLES = ("wire", "article")
STATUSES = ("ok", "rejected")

TABLES = {
    "articles": ARTICLE_COLUMNS,
    "metadata": METADATA_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "derivation": DERIVATION_COLUMNS,
    "alignments": ALIGNMENT_COLUMNS,
    "findings": FINDING_COLUMNS,
}


def empty(columns: list[str]) -> pd.DataFrame:
    """An empty table with the given columns (a stage that found nothing returns this)."""
    return _empty(tuple(columns)).copy()


@lru_cache(maxsize=256)
def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    """The empty table of ``columns``, built once (a copy is handed out each time)."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
