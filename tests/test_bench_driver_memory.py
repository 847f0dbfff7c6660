"""Tests for wtbench.driver_memory: the fitted line, a small run and its README lines."""

from __future__ import annotations

import json

import pytest

from wtbench import driver_memory, report


def test_the_line_through_exact_points_is_found_and_read_at_the_target():
    fit = driver_memory.fit_line([1000, 2000, 4000], [150 + 0.02 * n for n in (1000, 2000, 4000)])
    assert fit == {"mb_per_article": 0.02, "intercept_mb": 150.0, "fitted_mb_at_target": 2150.0}
    assert driver_memory.loglog_slope([10, 100], [5, 50]) == 1.0
    assert driver_memory.loglog_slope([10], [5]) is None
    assert driver_memory.marginal([1000, 4000, 2000], [170, 230, 190]) == {
        "between": [2000, 4000],
        "mb_per_article": 0.02,
        "fitted_mb_at_target": 2150.0,
    }
    assert driver_memory.marginal([1000], [170]) is None
    assert driver_memory.loglog_slope([10, 100], [0, 5]) is None


@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")
def test_a_small_run_measures_each_size_and_writes_its_result(tmp_path):
    document = driver_memory.run(sizes=(12, 24), workers=2, seed=3, out_dir=tmp_path)
    assert [r["n_articles"] for r in document["runs"]] == [12, 24]
    for row in document["runs"]:
        assert 0 < row["start_mb"] <= row["audit_peak_mb"] <= row["driver_peak_mb"]
        assert row["worker_peak_mb"] > 0
    written = json.loads((tmp_path / "driver_memory.json").read_text(encoding="utf-8"))
    assert written["fit_written"] == document["fit_written"]
    lines = "\n".join(report.driver_memory_lines({"driver_memory": written}))
    assert f"{document['fit_written']['fitted_mb_at_target']:,.0f} MB at 100,000" in lines
    assert "The growth from 12 to 24 articles" in lines
    assert report.driver_memory_lines({}) == []
