"""wiretrace report: one audit, every notebook run on it, an index, on three kinds of folder.

The three reports of the acceptance (the seeds, 20 Clough-Stevenson answers, a folder whose
inputs all fail to load), and one with a notebook that fails, run once, side by side in
subprocesses, for the whole module. A
``sitecustomize`` on their PYTHONPATH (``tests/fixtures/audit_counter``) logs every call of
``wiretrace.audit`` in the command and in each notebook's kernel, so the audits are counted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import CLOUGH_STEVENSON_DIR, PROJECT_ROOT, SEEDS_DIR

from wiretrace import InputError
from wiretrace.cli import main
from wiretrace.suite import find_notebooks, run_report

NOTEBOOKS = PROJECT_ROOT / "notebooks"
COUNTER = Path(__file__).parent / "fixtures" / "audit_counter"
SEED = SEEDS_DIR / "001_d598337ef24b6ebd.txt"


def _inputs(base: Path) -> dict[str, list[Path]]:
    failed = base / "inputs" / "unreadable"
    failed.mkdir(parents=True)
    (failed / "empty.txt").write_text("")
    (failed / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (failed / "scan.pdf").write_bytes(b"%PDF-1.4")
    answers = sorted((CLOUGH_STEVENSON_DIR / "texts").glob("g*.txt"))[:20]
    return {"seeds": [SEEDS_DIR], "answers": answers, "unreadable": [failed], "failing": [SEED]}


def _failing_notebooks(folder: Path) -> Path:
    """Two small notebooks, the first of which raises."""
    folder.mkdir()
    _notebook(folder, "a-fails.ipynb", "raise ValueError('no such table')")
    _notebook(folder, "b-runs.ipynb", "print('fine')")
    return folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, dict]:
    base = tmp_path_factory.mktemp("reports")
    python_path = os.pathsep.join(p for p in (str(COUNTER), os.environ.get("PYTHONPATH")) if p)
    running = {}
    for name, paths in _inputs(base).items():
        log = base / f"{name}.audits"
        env = {**os.environ, "PYTHONPATH": python_path, "WIRETRACE_AUDIT_LOG": str(log)}
        out = base / name
        command = [sys.executable, "-m", "wiretrace.cli", "report", *map(str, paths)]
        notebooks = _failing_notebooks(base / "nbs") if name == "failing" else NOTEBOOKS
        command += ["--out", str(out), "--notebooks", str(notebooks), "--quiet"]
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stderr=subprocess.PIPE, text=True
        )
        running[name] = (process, out, log)
    done = {}
    for name, (process, out, log) in running.items():
        _, stderr = process.communicate(timeout=900)
        audits = log.read_text().splitlines() if log.exists() else []
        done[name] = {"code": process.returncode, "stderr": stderr, "out": out, "audits": audits}
    return done


@pytest.mark.parametrize("name", ["seeds", "answers", "unreadable"])
def test_each_report_has_an_index_and_every_notebook_in_html(reports, name):
    report = reports[name]
    assert report["code"] == 0, report["stderr"][-2000:]
    out = report["out"]
    expected = [p.stem for p in find_notebooks(NOTEBOOKS)]
    assert len(expected) == 7
    assert sorted(p.stem for p in (out / "notebooks").glob("*.html")) == expected
    index = (out / "index.html").read_text(encoding="utf-8")
    for stem in expected:
        assert f'<a href="notebooks/{stem}.html">{stem}</a></li>' in index
    assert 'class="failed"' not in index
    for stem in expected:
        executed = nbformat.read(out / "notebooks" / f"{stem}.ipynb", as_version=4)
        errors = [
            o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"
        ]
        assert errors == [], stem


@pytest.mark.parametrize("name", ["seeds", "answers", "unreadable"])
def test_the_audit_runs_once_per_report(reports, name):
    assert len(reports[name]["audits"]) == 1, reports[name]["audits"]


def test_the_notebooks_read_the_reports_audit(reports):
    out = reports["seeds"]["out"]
    executed = nbformat.read(out / "notebooks" / "03-introduced-errors.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and f"AUDIT = {str(out)!r}" in injected[0].source.replace('"', "'")
    assert (out / "figures" / "03-findings-heatmap.png").is_file()


def test_the_seeds_index_tells_the_story(reports):
    index = (reports["seeds"]["out"] / "index.html").read_text(encoding="utf-8")
    assert "5 versions of the story read" in index
    assert "000 and 003 credit no agency" in index
    assert "6 high-severity findings: 000 (3), wionews.com (1) and 004 (2)." in index
    high = index.split("<h2>High-severity findings</h2>")[1].split("</ul>")[0]
    assert high.count('<li><a href="notebooks/03-introduced-errors.html">') == 6
    assert "7 notebooks ran." in index


def test_the_unreadable_index_says_what_was_rejected(reports):
    index = (reports["unreadable"]["out"] / "index.html").read_text(encoding="utf-8")
    assert "No version of the story read; 3 inputs rejected" in index
    assert "No high-severity finding." in index


def _notebook(folder: Path, name: str, code: str) -> None:
    cell = nbformat.v4.new_code_cell(code)
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, folder / name)


def test_a_failing_notebook_leaves_the_others_and_the_index_says_why(reports):
    report = reports["failing"]
    assert report["code"] == 1
    assert "wiretrace: notebook a-fails failed: ValueError: no such table" in report["stderr"]
    index = (report["out"] / "index.html").read_text(encoding="utf-8")
    assert 'a-fails.html">a-fails</a>: failed, ValueError: no such table</li>' in index
    assert '<li><a href="notebooks/b-runs.html">b-runs</a></li>' in index
    assert "1 notebook ran; 1 notebook failed: a-fails" in index
    assert len(report["audits"]) == 1


def test_a_folder_without_notebooks_stops_before_the_audit(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("wiretrace.suite.audit", lambda *a, **k: pytest.fail("audited"))
    code = main(["report", str(SEED), "--out", str(tmp_path / "out"), "--notebooks", str(tmp_path)])
    assert code == 2
    assert capsys.readouterr().err == f"wiretrace: error: no notebooks (*.ipynb) in {tmp_path}\n"
    with pytest.raises(InputError, match="no notebooks"):
        run_report([SEED], tmp_path / "out", notebooks=tmp_path)
