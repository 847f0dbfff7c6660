"""The explorer: a widget in JupyterLab, the same views as static HTML anywhere else."""

from __future__ import annotations

import pytest

from wiretrace.report import explorer
from wiretrace.report.labels import result_labels


@pytest.fixture(scope="module")
def labels(seed_audit):
    return result_labels(seed_audit.articles, seed_audit.derivation, seed_audit.stemma)


def test_interactive_only_in_a_kernel_a_server_started(monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert not explorer.interactive_frontend()
    monkeypatch.setenv("JPY_SESSION_NAME", "03-introduced-errors.ipynb")
    assert explorer.interactive_frontend()


def test_finding_choices_list_one_versions_findings(seed_audit):
    choices = explorer.finding_choices(seed_audit.findings, "002_81e9dda9929231ae")
    assert [position for _, position in choices] == [
        n for n, a in enumerate(seed_audit.findings["article_id"]) if a == "002_81e9dda9929231ae"
    ]
    assert choices[0][0].split(" · ")[0] in ("high", "medium", "low")
    assert explorer.finding_choices(seed_audit.findings, "nobody") == []


def test_static_view_shows_every_version_with_findings(seed_audit, labels, monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    shown = explorer.explore(seed_audit.findings, seed_audit.alignments, labels)
    page = shown.data
    assert page.count("<h3>") == seed_audit.findings["article_id"].nunique()
    assert "<h3>wionews.com</h3>" in page and 'class="wt-ins"' in page
    assert page.count('class="wt-sbs"') == len(seed_audit.findings)
    empty = explorer.explore(seed_audit.findings.iloc[:0], seed_audit.alignments, labels)
    assert empty.data == "<p>No finding to explore.</p>"


def test_the_widget_follows_the_chosen_version_and_finding(seed_audit, labels):
    box = explorer.explore(seed_audit.findings, seed_audit.alignments, labels, interactive=True)
    (version, finding), view = box.children[0].children, box.children[1]
    assert version.value == seed_audit.findings["article_id"].iloc[0]
    version.value = "002_81e9dda9929231ae"
    assert [p for _, p in finding.options] == [
        p for _, p in explorer.finding_choices(seed_audit.findings, "002_81e9dda9929231ae")
    ]
    assert "wionews.com" in view.value and 'class="wt-del"' in view.value
