"""The package's layout keeps its promises: imports point down the pipeline, every function
fits on one screen, and no module reaches into another's private names.

Every module of ``lib/wiretrace`` is read with :mod:`ast` (nothing is imported), so an
import inside a function counts like one at the top of a file.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
PACKAGE = LIB / "wiretrace"

#: The pipeline's layers, bottom to top: a module may import wiretrace modules of its own
#: layer or a lower one, never a higher one.
LAYERS = {
    "wiretrace.language": 0,
    "wiretrace.ingest": 1,
    "wiretrace.provenance": 2,
    "wiretrace.rewrites": 3,
    "wiretrace.findings": 4,
    "wiretrace.report": 5,
    "wiretrace.audit": 6,
    "wiretrace.readback": 6,
    "wiretrace.suite": 6,
    "wiretrace.cli": 6,
    "wiretrace.parallel": 6,
    "wiretrace.preload": 6,
}
#: The package root re-exports the pipeline (``audit``, the loader), so it sits on top.
ROOT_LAYER = 6
#: Longest function, def line to last line: a reader sees each function on one screen.
MAX_FUNCTION_LINES = 80


def _module_name(path: Path) -> str:
    parts = path.relative_to(LIB).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}


def layer(module: str) -> int | None:
    """The layer of a wiretrace module (None for a module in no layer)."""
    if module == "wiretrace":
        return ROOT_LAYER
    for prefix, k in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return k
    return None


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module name an ``ImportFrom`` reads from (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    base = package.split(".")
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imports(module: str) -> list[tuple[str, str, int]]:
    """Every wiretrace import of ``module``: ``(imported module, name or "", line)``.

    ``from wiretrace.x import y`` gives ``("wiretrace.x.y", "", line)`` when ``y`` is a
    module of the package, else ``("wiretrace.x", "y", line)``.
    """
    out = []
    for node in ast.walk(TREES[module]):
        if isinstance(node, ast.Import):
            out += [
                (a.name, "", node.lineno) for a in node.names if a.name.split(".")[0] == "wiretrace"
            ]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            if source.split(".")[0] != "wiretrace":
                continue
            for alias in node.names:
                full = f"{source}.{alias.name}"
                out.append(
                    (full, "", node.lineno)
                    if full in MODULES
                    else (source, alias.name, node.lineno)
                )
    return out


def _open(target: str, name: str) -> bool:
    """What anyone may import: the output contract (a leaf) and the root's ``__version__``.

    The root's other names re-export the pipeline, so for them the root is top level.
    """
    return target == "wiretrace.schema" or (target, name) == ("wiretrace", "__version__")


def test_every_module_is_in_a_layer():
    unplaced = [m for m in MODULES if layer(m) is None and m != "wiretrace.schema"]
    assert unplaced == []


def test_the_contract_is_a_leaf():
    assert imports("wiretrace.schema") == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer(m) is not None))
def test_imports_point_down_the_pipeline(module):
    own = layer(module)
    upward = [
        f"line {line}: {target} (layer {layer(target)})"
        for target, name, line in imports(module)
        if not _open(target, name) and (layer(target) is None or layer(target) > own)
    ]
    assert upward == [], f"{module} (layer {own}) imports from a higher layer or none"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_function_is_longer_than_a_screen(module):
    long = [
        f"{node.name} (line {node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(TREES[module])
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_aliases(module: str) -> dict[str, str]:
    """Local names bound to wiretrace modules by ``import`` statements of ``module``."""
    out = {}
    for node in ast.walk(TREES[module]):
        if isinstance(node, ast.Import):
            out.update({a.asname: a.name for a in node.names if a.asname and a.name in MODULES})
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            for a in node.names:
                if f"{source}.{a.name}" in MODULES:
                    out[a.asname or a.name] = f"{source}.{a.name}"
    return out


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_is_imported_from_another_module(module):
    private = [
        f"line {line}: {target}{'.' + name if name else ''}"
        for target, name, line in imports(module)
        if target != module
        and (_private(name) or any(_private(part) for part in target.split(".")))
    ]
    aliases = _module_aliases(module)
    private += [
        f"line {node.lineno}: {aliases[node.value.id]}.{node.attr}"
        for node in ast.walk(TREES[module])
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in aliases
        and aliases[node.value.id] != module
        and _private(node.attr)
    ]
    assert private == []
