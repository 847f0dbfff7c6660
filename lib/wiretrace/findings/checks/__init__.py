"""The checks, one module per finding kind (or family of kinds), found by discovery.

Every module of this package declares ``KINDS`` (the ``schema.FINDING_KINDS`` it
produces; each kind is produced by exactly one module) and marks its check functions with
:func:`check`, which gives each its place in the order and its scope:

- ``"pair"``: once per compared pair, before its edits are cut:
  ``fn(pair) -> list[Finding]``.
- ``"edit"``: on each edit of a pair: ``fn(pair, edit) -> list[Finding]``.
- ``"sentence"``: once per rewrite sentence after its edits, and alone for a new sentence
  (``pair.new``, no source): ``fn(pair) -> list[Finding]``.
- ``"finding"``: last, once per pair on everything the other checks found:
  ``fn(pair, findings) -> list[Finding]`` (the findings as they should stand).
- ``"aligned"`` and ``"article"``: the attribution checks, on one aligned sentence or one
  derived article: ``fn(tables, row)`` / ``fn(tables, article_id, rows)``, each returning
  ``(source_id, Finding)`` pairs (see :mod:`wiretrace.findings.attribution`).
- ``"claim"``: one claim as two versions carry it, the one compared with the reading the
  most versions carry, whether or not it is derived from it:
  ``fn(pair: ClaimPair) -> list[Finding]`` (see :mod:`wiretrace.findings.story_claims`;
  offsets into the other version's text, source offsets into the reference's).

:func:`steps` returns the checks of a scope sorted by their order (today's order of the
rules: quotation, run-together words, the source's slips, negation, modality, number,
date, named entity, typo, substitution, artefacts, unsupported additions; then variants).
Adding a kind is adding a module here: nothing lists the modules.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Literal

Scope = Literal["pair", "edit", "sentence", "finding", "aligned", "article", "claim"]
SCOPES: tuple[Scope, ...] = (
    "pair",
    "edit",
    "sentence",
    "finding",
    "aligned",
    "article",
    "claim",
)


@dataclass(frozen=True)
class Check:
    """One check function with its place in the order and its scope (see the module)."""

    order: int
    scope: Scope
    run: Callable
    module: str


def check(order: int, scope: Scope) -> Callable[[Callable], Callable]:
    """Mark a function of a check module as a check of ``scope`` run at place ``order``."""
    if scope not in SCOPES:
        raise ValueError(f"unknown check scope {scope!r}")

    def mark(fn: Callable) -> Callable:
        fn.check_step = (order, scope)  # type: ignore[attr-defined]
        return fn

    return mark


@cache
def modules() -> tuple[ModuleType, ...]:
    """Every check module of this package, imported, in name order."""
    return tuple(
        importlib.import_module(f"{__name__}.{info.name}")
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
    )


@cache
def all_checks() -> tuple[Check, ...]:
    """Every marked check function of every check module, sorted by order."""
    found = [
        Check(*fn.check_step, fn, module.__name__)
        for module in modules()
        for fn in vars(module).values()
        if callable(fn)
        and hasattr(fn, "check_step")
        and getattr(fn, "__module__", None) == module.__name__
    ]
    return tuple(sorted(found, key=lambda c: c.order))


@cache
def steps(scope: Scope) -> tuple[Callable, ...]:
    """The check functions of ``scope``, in their order."""
    return tuple(c.run for c in all_checks() if c.scope == scope)
