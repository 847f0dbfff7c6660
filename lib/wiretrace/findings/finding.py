"""The one shape of a finding, and the one builder of a row of the ``findings`` table.

:class:`Finding` is what every check returns (offsets into one sentence or one article
text); :func:`finding_row` takes a Finding, the article and source it belongs to and the
offsets to add, and returns a dict with the columns ``schema.FINDING_COLUMNS`` plus
:data:`FINDING_EXTRA_COLUMNS`. :func:`span_text` and :func:`quoted` are the two helpers
every explanation uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from wiretrace.language.units import Unit

#: Columns the error findings add after ``schema.FINDING_COLUMNS``: the article sentence's
#: id, and the offsets of the source wording in the source's text (-1 when there is none).
#: ``contested`` is True where the source is a consensus whose witnesses were split on
#: that passage (see :mod:`wiretrace.rewrites.witnesses`): the consensus kept one reading, so
#: the change may be the other version's.
FINDING_EXTRA_COLUMNS = ["sentence_id", "source_start", "source_end", "contested"]


@dataclass(frozen=True)
class Finding:
    """One finding: an introduced error in a rewrite sentence, or a credit problem.

    ``start``/``end`` are offsets into the rewrite sentence (an empty span marks where
    words were dropped); ``text`` is the rewrite's wording there and ``source_text`` the
    source's wording it replaces (empty when nothing corresponds), at ``source_start`` to
    ``source_end`` in the source sentence (an empty span where words were added; -1 when
    the finding has no counterpart in a source, as for artefacts and new sentences).
    Attribution findings give offsets into the article's text instead.
    """

    kind: str
    severity: str
    text: str
    source_text: str
    start: int
    end: int
    explanation: str
    source_start: int = -1
    source_end: int = -1


def has_words(text: str) -> bool:
    """True when ``text`` holds a letter or digit (not only white space and punctuation)."""
    return any(ch.isalnum() for ch in text)


def with_words(finding: Finding, sentence: str) -> Finding | None:
    """``finding`` with a span of the article that has words, or None when it has none.

    A finding whose article wording is blank or punctuation alone names what the source
    had there when that has words (something dropped): its span becomes the sentence
    ``sentence`` it was dropped from (offsets into that sentence, white space trimmed), and
    its explanation says so. With no words on either side (a lone quotation mark) there is
    nothing to report and None is returned.
    """
    if has_words(finding.text):
        return finding
    if not has_words(finding.source_text):
        return None
    start = len(sentence) - len(sentence.lstrip())
    end = len(sentence.rstrip())
    where = (
        f" The source's {quoted(finding.source_text)} was dropped from this sentence, "
        f"at its character {finding.start}."
    )
    return replace(
        finding,
        text=sentence[start:end],
        start=start,
        end=end,
        explanation=finding.explanation + where,
    )


def finding_row(
    finding: Finding,
    article_id: str,
    source_id: str = "",
    *,
    shift: int = 0,
    sentence_id: int = -1,
    source_start: int = -1,
    source_end: int = -1,
    contested: bool = False,
    explanation: str | None = None,
) -> dict:
    """The ``findings`` table row of ``finding`` in article ``article_id``.

    ``shift`` is added to the finding's offsets (the sentence's start in the article);
    ``source_start``/``source_end`` are the offsets in the source's text (-1 when the
    wording cannot be placed there); ``explanation`` replaces the finding's own (a note
    added). Returns a dict keyed by ``schema.FINDING_COLUMNS`` and
    :data:`FINDING_EXTRA_COLUMNS`.
    """
    return {
        "article_id": article_id,
        "kind": finding.kind,
        "severity": finding.severity,
        "text": finding.text,
        "source_text": finding.source_text,
        "source_id": source_id,
        "start": int(shift + finding.start),
        "end": int(shift + finding.end),
        "explanation": finding.explanation if explanation is None else explanation,
        "sentence_id": sentence_id,
        "source_start": source_start,
        "source_end": source_end,
        "contested": contested,
    }


def span_text(text: str, units: Iterable[Unit]) -> tuple[str, int, int]:
    """The wording of ``text`` from the first to the last of ``units``, with its offsets.

    Returns ``("", -1, -1)`` when ``units`` is empty.
    """
    units = list(units)
    if not units:
        return "", -1, -1
    start = min(u.start for u in units)
    end = max(u.end for u in units)
    return text[start:end], start, end


def quoted(text: str) -> str:
    """``text`` in single quotes for an explanation, or ``(nothing)`` when it is empty."""
    return f"'{text}'" if text else "(nothing)"
