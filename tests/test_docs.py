"""The docs keep their promises: docstrings, the README's contract, environment.yml."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import tomllib
from pathlib import Path

import pytest

import wiretrace
import wtbench
from wiretrace import schema
from wiretrace.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The library's modules and the benchmark package's (``benchmarks/wtbench``).
MODULES = [
    importlib.import_module(m.name)
    for package in (wiretrace, wtbench)
    for m in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_function_has_a_docstring(module):
    assert module.__doc__, f"{module.__name__} has no module docstring"
    missing = []
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            if not inspect.getdoc(obj):
                missing.append(name)
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if (
                        not attr.startswith("_")
                        and inspect.isfunction(member)
                        and not member.__doc__
                    ):
                        missing.append(f"{name}.{attr}")
    assert missing == []


def _cli_options():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    yield "wiretrace audit"
    for name, command in sub.choices.items():
        yield f"wiretrace {name}"
        for action in command._actions:
            yield from (o for o in action.option_strings if o.startswith("--") and o != "--help")


@pytest.mark.parametrize("option", sorted(set(_cli_options())))
def test_every_cli_command_and_flag_is_in_the_readme(option):
    assert f"`{option}" in README


@pytest.mark.parametrize(
    ("table", "columns"),
    [*schema.TABLES.items(), ("scorecard", schema.SCORECARD_BASE_COLUMNS)],
)
def test_readme_documents_every_column(table, columns):
    row = re.search(rf"^\| `{table}` \| `([^`]*)`", README, re.MULTILINE)
    assert row, f"no row for {table} in the README's contract table"
    assert row.group(1).split(", ") == columns


@pytest.mark.parametrize("kind", schema.FINDING_KINDS)
def test_readme_documents_every_finding_kind(kind):
    assert f"`{kind}`" in README


def _requirement_names(specs):
    return sorted(re.split(r"[<>=!~ \[]", s, maxsplit=1)[0].lower() for s in specs)


#: Extras left out of environment.yml: ``semantic`` pulls in PyTorch (a CUDA build of
#: several GB unless the CPU build is installed first), so it is installed by hand.
EXTRAS_NOT_IN_ENVIRONMENT = {"semantic"}


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    extras = project["optional-dependencies"]
    assert set(extras) >= EXTRAS_NOT_IN_ENVIRONMENT
    for name, extra in extras.items():
        if name not in EXTRAS_NOT_IN_ENVIRONMENT:
            declared += extra
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^\s+- ([A-Za-z][^\s#]*)\s*$", env.split("- pip:", 1)[1], re.MULTILINE)
    assert sorted(listed) == sorted(declared)
    assert _requirement_names(listed) == _requirement_names(declared)


#: The editable installs environment.yml ends with, and the project each one installs:
#: the library and the benchmark package (``benchmarks/pyproject.toml``, ``wtbench``).
EDITABLE = {".": ROOT / "pyproject.toml", "./benchmarks": ROOT / "benchmarks" / "pyproject.toml"}


def test_environment_yml_installs_the_library_and_the_benchmarks():
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    editable = re.findall(r"^\s+- -e (\S+)\s*$", env, re.MULTILINE)
    assert editable == list(EDITABLE)
    projects = {
        path: tomllib.loads(toml.read_text(encoding="utf-8"))["project"]
        for path, toml in EDITABLE.items()
    }
    assert projects["."]["name"] == "wiretrace"
    assert projects["./benchmarks"]["name"] == "wiretrace-bench"
    # The benchmarks need nothing the environment lacks: the library, or what it lists.
    listed = re.findall(r"^\s+- ([A-Za-z][^\s#]*)\s*$", env, re.MULTILINE)
    available = set(_requirement_names(listed)) | {"wiretrace"}
    assert set(_requirement_names(projects["./benchmarks"]["dependencies"])) <= available


def test_readme_benchmark_figures_are_the_computed_ones():
    """The README's figures are rendered from benchmarks/results, never typed."""
    from wtbench import paths, report

    results = report.load_results(paths.RESULTS_DIR)
    start = README.index(report.START)
    end = README.index(report.END) + len(report.END) + 1
    assert README[start:end] == report.markdown(results)


@pytest.mark.parametrize("name", sorted(set(re.findall(r"`(wiretrace(?:\.\w+)+)", README))))
def test_every_module_and_function_the_readme_names_exists(name):
    """A dotted name in the README (`wiretrace.rewrites.derive`, `...analyse_rewrites`)
    is a module or an attribute of one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return
    pytest.fail(f"{name} is not importable")


@pytest.mark.parametrize(
    ("name", "value"),
    sorted(set(re.findall(r"`((?:rewrites|findings)\.\w+\.[A-Z_]+)` \(([\d.]+)\)", README))),
)
def test_a_constant_the_readme_states_has_that_value_in_the_code(name, value):
    import importlib

    module, constant = name.rsplit(".", 1)
    assert float(getattr(importlib.import_module(f"wiretrace.{module}"), constant)) == float(value)
