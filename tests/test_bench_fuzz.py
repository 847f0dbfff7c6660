"""Tests of wtbench.fuzz and, through it, of the input ledger (#16): hypothesis builds
folders of mixed good and bad inputs and every input must give exactly its rows."""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wtbench import fuzz


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    kinds=st.lists(st.sampled_from(sorted(fuzz.KINDS)), min_size=1, max_size=10),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_every_generated_input_is_accounted_for_once(kinds, seed):
    with tempfile.TemporaryDirectory() as tmp:
        spec = fuzz.write_inputs(tmp, kinds, seed)
        ledger = fuzz.check_ledger(spec["folder"], spec["expected_rows"])
    assert ledger["problems"] == []
    assert ledger["rows"] == spec["expected_rows"]


def test_check_ledger_reports_a_lost_input(tmp_path):
    spec = fuzz.write_inputs(tmp_path, ["txt", "txt"], seed=1)
    ledger = fuzz.check_ledger(spec["folder"], spec["expected_rows"] + 1)
    assert ledger["problems"] == ["2 rows for 3 inputs"]


def test_a_quick_fuzz_run_raises_nothing_and_loses_nothing(tmp_path):
    result = fuzz.run(n_inputs=80, audit_inputs=4, seed=3, out_dir=tmp_path)
    assert result["problems"] == []
    assert result["rows"] == result["expected_rows"] == result["ok"] + result["rejected"]
    assert (tmp_path / "fuzz.json").is_file()
    assert set(result["kinds"]) == set(fuzz.KINDS)
