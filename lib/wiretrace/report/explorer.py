"""An explorer for JupyterLab: pick a version and one of its findings, see the source and
the rewrite side by side with the change marked.

:func:`explore` takes the ``findings`` and ``alignments`` tables and the versions' labels.
In JupyterLab (a kernel a Jupyter server started) it returns an ipywidgets box: a menu of
versions, a menu of that version's findings, and the finding's sentence beside its
source's (:func:`wiretrace.report.views.findings_side_by_side`). Anywhere else (papermill,
nbval, an exported report, where no widget can run) it returns the same views as static
HTML, every version's findings under a heading of its own, so the page reads the same
without a kernel and its output does not change from run to run. :func:`finding_choices`
lists the menu's entries.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping

import pandas as pd

from wiretrace.report.labels import label_of
from wiretrace.report.views import findings_side_by_side

#: Set by jupyter_server in the environment of a kernel it starts (JupyterLab, Notebook);
#: papermill, nbval and nbconvert start kernels without it.
_SERVER_KERNEL = "JPY_SESSION_NAME"


def interactive_frontend() -> bool:
    """True in a kernel a Jupyter server started, where widgets can be shown."""
    return bool(os.environ.get(_SERVER_KERNEL))


def finding_choices(findings: pd.DataFrame, article_id: str) -> list[tuple[str, int]]:
    """One version's findings as menu entries: ``("high · verb change: 'suspended'", row)``,
    ``row`` being the finding's position in ``findings``, in the table's order."""
    rows = findings.reset_index(drop=True)
    out = []
    for position, f in rows[rows["article_id"] == article_id].iterrows():
        text = str(f["text"]).strip()
        text = text if len(text) <= 40 else text[:39] + "\u2026"
        out.append((f"{f['severity']} · {str(f['kind']).replace('_', ' ')}: '{text}'", position))
    return out


def static_view(
    findings: pd.DataFrame, alignments: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> str:
    """Every version's findings side by side, under a heading per version (HTML)."""
    if not len(findings):
        return "<p>No finding to explore.</p>"
    parts = []
    for article_id, group in findings.groupby("article_id", sort=False):
        parts.append(f"<h3>{html.escape(label_of(labels, article_id))}</h3>")
        parts.append(findings_side_by_side(group, alignments, labels))
    return "".join(parts)


def _widget(findings: pd.DataFrame, alignments: pd.DataFrame, labels: Mapping[str, str] | None):
    """The ipywidgets box of :func:`explore`."""
    import ipywidgets as widgets

    rows = findings.reset_index(drop=True)
    versions = [(label_of(labels, a), a) for a in dict.fromkeys(rows["article_id"])]
    version = widgets.Dropdown(options=versions, description="version")
    finding = widgets.Dropdown(description="finding", layout={"width": "60%"})
    view = widgets.HTML()

    def show_version(_=None) -> None:
        choices = finding_choices(rows, version.value)
        finding.options = choices
        finding.value = choices[0][1] if choices else None
        show_finding()

    def show_finding(_=None) -> None:
        if finding.value is None:
            view.value = ""
            return
        view.value = findings_side_by_side(rows.iloc[[finding.value]], alignments, labels)

    version.observe(show_version, names="value")
    finding.observe(show_finding, names="value")
    show_version()
    return widgets.VBox([widgets.HBox([version, finding]), view])


def explore(
    findings: pd.DataFrame,
    alignments: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    interactive: bool | None = None,
):
    """The explorer: an ipywidgets box when ``interactive`` (default: in JupyterLab, see
    :func:`interactive_frontend`) and there is a finding, else the static HTML of
    :func:`static_view` wrapped for display (``IPython.display.HTML``)."""
    from IPython.display import HTML

    interactive = interactive_frontend() if interactive is None else interactive
    if interactive and len(findings):
        return _widget(findings, alignments, labels)
    return HTML(static_view(findings, alignments, labels))
