"""Tests for wiretrace.findings.checks: every kind has one check module, and its test."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace import schema
from wiretrace.findings import checks

TESTS = Path(__file__).resolve().parent
MODULES = checks.modules()


def _short(module) -> str:
    return module.__name__.rsplit(".", 1)[1]


def test_every_kind_is_declared_by_exactly_one_check_module():
    declared = [kind for module in MODULES for kind in module.KINDS]
    assert sorted(declared) == sorted(schema.FINDING_KINDS)
    assert len(declared) == len(set(declared))


@pytest.mark.parametrize("module", MODULES, ids=_short)
def test_every_declared_kind_is_in_the_schema(module):
    assert module.KINDS and set(module.KINDS) <= set(schema.FINDING_KINDS)


@pytest.mark.parametrize("module", MODULES, ids=_short)
def test_every_check_module_has_its_test_naming_each_kind(module):
    path = TESTS / f"test_check_{_short(module)}.py"
    assert path.is_file(), f"{path.name} is missing"
    text = path.read_text(encoding="utf-8")
    assert [k for k in module.KINDS if k not in text] == []


@pytest.mark.parametrize("module", MODULES, ids=_short)
def test_every_check_module_has_a_check(module):
    assert any(c.module == module.__name__ for c in checks.all_checks())


def test_the_order_is_today_s_order():
    """Quotation, run-together words, the source's slips, negation, modality, number,
    date, named entity, typo, substitution; then artefacts, non-words, additions."""
    orders = [c.order for c in checks.all_checks()]
    assert len(orders) == len(set(orders))
    assert [f.__name__ for f in checks.steps("pair")] == ["altered_quotes"]
    assert [f.__name__ for f in checks.steps("edit")] == [
        "run_together",
        "source_slips",
        "negation",
        "modality",
        "numbers",
        "dates",
        "entities",
        "non_words",
        "substitutions",
    ]
    assert [f.__name__ for f in checks.steps("sentence")] == [
        "artifacts",
        "garbled_reference",
        "non_words_without_source",
        "unsupported_addition",
    ]
    assert [f.__name__ for f in checks.steps("finding")] == ["variants"]
    assert [f.__name__ for f in checks.steps("aligned")] == [
        "attribution_dropped",
        "attribution_changed",
    ]
    assert [f.__name__ for f in checks.steps("article")] == ["uncredited_reuse"]
    assert [f.__name__ for f in checks.steps("claim")] == [
        "claim_speaker_changed",
        "claim_quote_retranslated",
        "claim_negation_changed",
        "claim_modality_changed",
    ]


def test_an_unknown_scope_is_refused():
    with pytest.raises(ValueError, match="scope"):
        checks.check(10, "paragraph")  # type: ignore[arg-type]
