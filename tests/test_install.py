"""The package works installed from a wheel, outside the repository.

A wheel of wiretrace is built from a copy of the project's files, installed with
``pip --target`` into a temporary folder and run from another one, with only that folder
on ``PYTHONPATH``: the audit finds its data files (agencies, lexicon, derivation model) in
the installed package, never in the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT, SEEDS_DIR

from wiretrace import schema

SEEDS = ("001_d598337ef24b6ebd.txt", "002_81e9dda9929231ae.txt")


def _pip(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args],
        cwd=cwd,
        check=True,
    )


def test_the_wheel_audits_from_outside_the_repository(tmp_path):
    source = tmp_path / "src"  # the files a wheel is built from, copied: the clone stays clean
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_ROOT / name, source / name)
    shutil.copytree(
        PROJECT_ROOT / "lib",
        source / "lib",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    _pip("wheel", "--no-deps", "--wheel-dir", str(tmp_path / "wheels"), str(source), cwd=tmp_path)
    (wheel,) = (tmp_path / "wheels").glob("wiretrace-*.whl")
    site = tmp_path / "site"
    _pip("install", "--no-deps", "--target", str(site), str(wheel), cwd=tmp_path)

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    wire, article = SEEDS  # 001 given as the wire copy 002 was written from
    shutil.copy(SEEDS_DIR / article, corpus / article)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import wiretrace; print(wiretrace.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(site)
    run = subprocess.run(
        [sys.executable, "-m", "wiretrace.cli", "audit", str(corpus),
         "--wire", str(SEEDS_DIR / wire), "--out", str(out), "--quiet"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    written = {path.name for path in out.iterdir()}
    assert {f"{table}.csv" for table in schema.TABLES} | {"scorecard.csv", "audit.json"} <= written
    findings = (out / "findings.csv").read_text(encoding="utf-8")
    assert "verb_change" in findings  # 002's documented errors: the lexicon was found


def test_make_installs_with_the_pip_the_venv_ships_with():
    """CI installs the dependency set with Python 3.11's own pip (23.x): the Makefile's
    install rule never upgrades pip, and lxml_html_clean (which that pip does not pull in
    under trafilatura) is a declared dependency."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    assert installs == [
        "$(BIN)/python -m pip install --quiet -e '.[dev]'",
        "$(BIN)/python -m pip install --quiet -e benchmarks/",
        "$(BIN)/python -m pip install --quiet -e '.[lab]'",  # make lab
    ]
    assert '"lxml_html_clean>=0.4",' in (PROJECT_ROOT / "pyproject.toml").read_text("utf-8")
