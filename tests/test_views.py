from __future__ import annotations

import pytest

from wiretrace.report.views import changed_spans, side_by_side


@pytest.mark.parametrize(
    ("source", "rewrite", "left", "right"),
    [
        (
            "the coup leaders renounced several agreements",
            "the coup leaders suspended several agreements",
            ["renounced"],
            ["suspended"],
        ),
        ("That source noted", "The source reportedly noted", ["That"], ["The", "reportedly"]),
        ("\u201celements\u201d of its army", '"elements" of its army', [], []),  # quote style only
    ],
)
def test_changed_spans(source, rewrite, left, right):
    a, b = changed_spans(source, rewrite)
    assert [source[s:e] for s, e in a] == left
    assert [rewrite[s:e] for s, e in b] == right


def test_side_by_side_escapes_and_marks():
    html = side_by_side("a <b> renounced", "a <b> suspended", title="verb_change")
    assert (
        "&lt;b&gt;" in html
        and "<b>" not in html.replace("<b>", "", 0)[:0] + html.split("</style>")[1]
    )
    assert '<span class="wt-del">renounced</span>' in html
    assert '<span class="wt-ins">suspended</span>' in html
