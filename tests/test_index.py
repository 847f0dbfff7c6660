"""index.html: the story in five lines, the high findings linked, every notebook listed."""

from __future__ import annotations

from wiretrace.report.index import NotebookPage, index_page, notebooks_line
from wiretrace.report.labels import result_labels

PAGES = [
    NotebookPage("00-overview", "notebooks/00-overview.html"),
    NotebookPage("03-introduced-errors", "notebooks/03-introduced-errors.html"),
]


def test_notebooks_line_for_none_one_and_many():
    assert notebooks_line([]) == "no notebook ran."
    assert notebooks_line(PAGES[:1]) == "1 notebook ran."
    failed = [*PAGES, NotebookPage("04-readability", "", "IndexError: out of bounds")]
    assert (
        notebooks_line(failed) == "2 notebooks ran; 1 notebook failed: 04-readability (see below)."
    )


def test_the_seed_index(seed_audit):
    labels = result_labels(seed_audit.articles, seed_audit.derivation, seed_audit.stemma)
    page = index_page(seed_audit, labels, [*PAGES, NotebookPage("04-readability", "", "boom")])
    assert page.startswith("<!DOCTYPE html>")
    assert page.split("<ol>")[1].split("</ol>")[0].count("<li>") == 5
    assert "6 high-severity findings: 000 (3), wionews.com (1) and 004 (2)." in page
    high = page.split("<h2>High-severity findings</h2>")[1].split("</ul>")[0]
    assert high.count('<li><a href="notebooks/03-introduced-errors.html">') == 6
    assert "000: modality change, &quot;will&quot; → &quot;may&quot;</a></li>" in page
    assert '<li class="failed">04-readability: failed, boom</li>' in page
    assert "000_5ceb88a01bc13192" not in page


def test_without_a_findings_notebook_the_findings_are_not_linked(seed_audit):
    page = index_page(seed_audit, {}, PAGES[:1])
    assert "<li>000: modality change" in page
