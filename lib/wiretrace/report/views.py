"""Side-by-side views of a rewrite and its source, as HTML for the notebooks.

:func:`side_by_side` renders two wordings in two columns with the words that differ
highlighted (deleted from the source in one colour, inserted by the rewrite in another),
so a journalist can check a finding at a glance. Words are compared in their folded form
(:func:`wiretrace.language.text.fold`), so quote-mark style and dashes are not highlighted.
:func:`changed_spans` returns the differing word spans of the two wordings;
:func:`findings_side_by_side` takes the ``findings`` and ``alignments`` tables and returns
one HTML string with a block per finding: its explanation, and its sentence beside the
source's. The functions return HTML strings (or spans); they never display anything.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Mapping

import pandas as pd

from wiretrace.language.text import tokens
from wiretrace.report.labels import label_of

_STYLE = (
    "<style>.wt-sbs{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:6px 0 14px}"
    ".wt-sbs div{padding:8px;border:1px solid #ccc;border-radius:4px;line-height:1.5}"
    ".wt-sbs h5{margin:0 0 4px;font-size:0.85em;color:#555}"
    ".wt-del{background:#F6C8A8;text-decoration:line-through}"
    ".wt-ins{background:#A9D8F5;font-weight:bold}</style>"
)


def _present(value) -> bool:
    return not (value is None or (isinstance(value, float) and pd.isna(value)) or value == "")


def _marked(text: str, spans: list[tuple[int, int]], css: str) -> str:
    out, cursor = [], 0
    for start, end in spans:
        out.append(html.escape(text[cursor:start]))
        out.append(f'<span class="{css}">{html.escape(text[start:end])}</span>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def changed_spans(source: str, rewrite: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ: ``(in source, in rewrite)``.

    A word-level difflib comparison of folded tokens; each replaced, deleted or inserted
    run of words is one span in the text it belongs to.
    """
    a, b = tokens(source), tokens(rewrite)
    matcher = difflib.SequenceMatcher(
        None, [t.norm for t in a], [t.norm for t in b], autojunk=False
    )
    left, right = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            left.append((a[i1].start, a[i2 - 1].end))
        if j2 > j1:
            right.append((b[j1].start, b[j2 - 1].end))
    return left, right


def side_by_side(source: str, rewrite: str, title: str = "", source_label: str = "source") -> str:
    """HTML: the source wording and the rewrite next to each other, differences marked."""
    left, right = changed_spans(source, rewrite)
    head = f"<h4>{html.escape(title)}</h4>" if title else ""
    return (
        f'{_STYLE}{head}<div class="wt-sbs">'
        f"<div><h5>{html.escape(source_label)}</h5>{_marked(source, left, 'wt-del')}</div>"
        f"<div><h5>rewrite</h5>{_marked(rewrite, right, 'wt-ins')}</div></div>"
    )


def findings_side_by_side(
    findings: pd.DataFrame, alignments: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> str:
    """HTML for a set of findings: per finding, its explanation and the two aligned sentences.

    The sentences come from ``alignments`` (the finding's article sentence that contains
    its offsets, and that sentence's source wording), so the change is seen in context.
    ``labels`` (:func:`wiretrace.report.labels.version_labels`) name the version and its
    source in each block's title; without them the ids are shown.
    """
    parts = []
    for f in findings.itertuples():
        rows = alignments[
            (alignments["article_id"] == f.article_id)
            & (alignments["start"] <= f.start)
            & (alignments["end"] >= f.end)
        ]
        sentence, source = (
            (rows.iloc[0]["text"], rows.iloc[0]["source_text"])
            if len(rows)
            else (
                f.text,
                f.source_text,
            )
        )
        title = f"{label_of(labels, f.article_id)} · {f.kind} · {f.severity}"
        source_label = label_of(labels, f.source_id) if _present(f.source_id) else "source"
        parts.append(side_by_side(str(source or ""), str(sentence), title, source_label))
        parts.append(f"<p><em>{html.escape(str(f.explanation))}</em></p>")
    return "".join(parts)
