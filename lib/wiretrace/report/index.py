"""The report's front page, ``index.html``: the story in five lines and a link to each
notebook.

:func:`index_page` takes an audit result (its tables), the versions' labels and what
became of each notebook (:class:`NotebookPage`), and returns one self-contained HTML
page: the versions read, who credits whom, who copied whom, the high-severity findings
(each linked to the notebook that shows it side by side), and the notebooks, a failed
one with the error that stopped it. Every sentence comes from :mod:`.story`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from wiretrace.report.story import count, finding_phrase, story_lines

_STYLE = (
    "<style>body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;"
    "line-height:1.5;padding:0 1em}li{margin:.2em 0}.failed{color:#D55E00}"
    "code{background:#f4f4f4;padding:0 .2em}</style>"
)


@dataclass
class NotebookPage:
    """One notebook of the report: its name, the HTML it was exported to (relative to
    the index, or "" when none was written) and the error that stopped it ("" if none)."""

    name: str
    href: str = ""
    error: str = ""


def _findings_page(notebooks: list[NotebookPage]) -> str:
    """The notebook that shows the findings side by side (its name says ``error``)."""
    return next((nb.href for nb in notebooks if "error" in nb.name and nb.href), "")


def _notebook_item(nb: NotebookPage) -> str:
    name = html.escape(nb.name)
    link = f'<a href="{html.escape(nb.href)}">{name}</a>' if nb.href else name
    if not nb.error:
        return f"<li>{link}</li>"
    return f'<li class="failed">{link}: failed, {html.escape(nb.error)}</li>'


def notebooks_line(notebooks: list[NotebookPage]) -> str:
    """How many notebooks ran, and which failed."""
    failed = [nb.name for nb in notebooks if nb.error]
    line = f"{count(len(notebooks) - len(failed), 'notebook')} ran"
    if failed:
        line += f"; {count(len(failed), 'notebook')} failed: {', '.join(failed)} (see below)"
    return line + "."


def index_page(result, labels: dict[str, str], notebooks: list[NotebookPage]) -> str:
    """The HTML of ``index.html`` for an audit ``result`` and its notebooks."""
    lines = [*story_lines(result, labels), notebooks_line(notebooks)]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    page = _findings_page(notebooks)
    high = result.findings[result.findings["severity"] == "high"]
    findings = "".join(
        f'<li><a href="{html.escape(page)}">{html.escape(finding_phrase(f, labels))}</a></li>'
        if page
        else f"<li>{html.escape(finding_phrase(f, labels))}</li>"
        for f in high.itertuples()
    )
    high_block = f"<h2>High-severity findings</h2><ul>{findings}</ul>" if findings else ""
    notebook_items = "".join(_notebook_item(nb) for nb in notebooks)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>wiretrace report</title>{_STYLE}</head><body>"
        f"<h1>wiretrace report</h1><h2>The story in five lines</h2><ol>{items}</ol>"
        f"{high_block}<h2>Notebooks</h2><ul>{notebook_items}</ul>"
        "<p>The tables are in this folder, one CSV each, and in <code>audit.json</code>.</p>"
        "</body></html>\n"
    )
