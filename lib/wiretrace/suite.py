"""The notebook suite on one story in one call: audit once, run every notebook on it.

:func:`run_report` takes the inputs of :func:`wiretrace.audit` and an output folder; it
audits once and writes the tables there (as ``wiretrace audit`` does), executes every
notebook of the notebooks folder with papermill on that folder (parameter ``AUDIT``: the
notebooks read it with :func:`wiretrace.read_audit` instead of auditing again; ``FIGURES``:
``DIR/figures``), exports each executed notebook to HTML with nbconvert
(``DIR/notebooks/<name>.ipynb`` and ``.html``), and writes ``DIR/index.html``
(:func:`wiretrace.report.index.index_page`). A notebook that fails does not stop the
others: its error is in :class:`Report` and on the index. Returns a :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wiretrace.audit import AuditResult, audit
from wiretrace.ingest.corpus import InputError
from wiretrace.report.index import NotebookPage, index_page
from wiretrace.report.labels import result_labels

#: The notebooks folder ``wiretrace report`` reads when none is given (the repository's
#: ``notebooks/``, relative to the working directory).
DEFAULT_NOTEBOOKS = Path("notebooks")


@dataclass
class Report:
    """What :func:`run_report` wrote: the folder, the audit, each notebook and the index."""

    out: Path
    result: AuditResult
    notebooks: list[NotebookPage] = field(default_factory=list)

    @property
    def index(self) -> Path:
        """The report's front page, ``DIR/index.html``."""
        return self.out / "index.html"

    @property
    def failed(self) -> list[NotebookPage]:
        """The notebooks that did not run to the end."""
        return [nb for nb in self.notebooks if nb.error]


def find_notebooks(folder: str | Path) -> list[Path]:
    """The notebooks of ``folder`` in reading order (sorted by name); raises
    :class:`wiretrace.InputError` when it holds none."""
    found = sorted(Path(folder).glob("*.ipynb"))
    if not found:
        raise InputError(f"no notebooks (*.ipynb) in {folder}")
    return found


def export_html(notebook: Path) -> Path:
    """Export an executed notebook to HTML beside it (nbconvert's lab template)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_filename(str(notebook))
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def run_notebook(notebook: Path, out: Path, parameters: dict) -> NotebookPage:
    """Execute ``notebook`` with papermill into ``out/notebooks/`` (working directory: the
    notebook's folder, so its own relative paths hold), then export it to HTML.

    Only the ``parameters`` the notebook declares are passed (the benchmarks notebook takes
    no audit). The error that stopped it (the cell's exception, or why the kernel could not
    run) is the page's ``error``; the executed notebook, up to the failed cell, is exported too.
    """
    import papermill

    folder = out / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / notebook.name
    error = ""
    try:
        declared = papermill.inspect_notebook(str(notebook))
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters={k: v for k, v in parameters.items() if k in declared},
            cwd=str(notebook.parent),
            progress_bar=False,
        )
    except papermill.PapermillExecutionError as exc:
        error = f"{exc.ename}: {exc.evalue}"
    except Exception as exc:  # a dead kernel or an unreadable notebook: report, go on
        error = f"{type(exc).__name__}: {exc}"
    href = ""
    if executed.is_file():
        href = f"notebooks/{export_html(executed).name}"
    return NotebookPage(notebook.stem, href, error)


def run_report(
    paths: Iterable[str | Path],
    out: str | Path,
    wire: Iterable[str | Path] = (),
    meta: str | Path | None = None,
    notebooks: str | Path = DEFAULT_NOTEBOOKS,
    progress: bool = False,
    workers: int = 1,
    scheduler: object = None,
) -> Report:
    """Audit ``paths`` once into ``out`` and run every notebook of ``notebooks`` on it.

    Raises :class:`wiretrace.InputError` for a missing input path or a folder without
    notebooks (before auditing). ``progress`` shows the audit's bars and one over the
    notebooks. ``workers`` and ``scheduler`` are the audit's (:func:`wiretrace.audit.audit`).
    """
    from tqdm import tqdm

    found = find_notebooks(notebooks)
    paths, wire = list(paths), list(wire)
    result = audit(
        paths, wire=wire, meta=meta, progress=progress, workers=workers, scheduler=scheduler
    )
    out = result.to_dir(out).resolve()
    parameters = {
        "AUDIT": str(out),
        "CORPUS": [str(Path(p).resolve()) for p in paths],
        "WIRE": [str(Path(p).resolve()) for p in wire],
        "FIGURES": str(out / "figures"),
    }
    report = Report(out, result)
    bar = tqdm(found, desc="notebooks", unit="notebook", disable=not progress)
    for notebook in bar:
        bar.set_postfix_str(notebook.stem)
        report.notebooks.append(run_notebook(notebook, out, parameters))
    labels = result_labels(result.articles, result.derivation, result.stemma)
    report.index.write_text(index_page(result, labels, report.notebooks), encoding="utf-8")
    return report
