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


def _row(n: int, peak: float) -> dict:
    return {
        "n_articles": n,
        "workers": 2,
        "start_mb": 130.0,
        "audit_peak_mb": peak,
        "driver_peak_mb": peak,
        "worker_peak_mb": 600.0,
        "seconds": n / 50,
        "cpu_seconds": n / 1000,
        "load_average": 2.0,
    }


def test_a_run_at_the_target_is_reported_beside_the_line_of_the_smaller_ones():
    rows = [_row(100_000, 1900.0), _row(2000, 190.0), _row(1000, 170.0)]
    document = driver_memory.summarise(rows, workers=2, seed=0)
    assert document["sizes"] == [1000, 2000, 100_000]
    # The line is the small runs' prediction: the run at the target is not in it.
    assert document["fit_written"]["fitted_mb_at_target"] == 2150.0
    assert document["marginal_written"]["between"] == [1000, 2000]
    assert document["measured_at_target"]["driver_peak_mb"] == 1900.0
    lines = "\n".join(report.driver_memory_lines({"driver_memory": document}))
    assert "Measured at 100,000 articles: driver peak 1,900 MB (below" in lines
    assert driver_memory.summarise(rows[1:], 2, 0)["measured_at_target"] is None


def test_kept_runs_are_the_earlier_file_s_other_sizes_of_the_same_settings(tmp_path):
    assert driver_memory.kept_runs(tmp_path, 2, 0, [4000]) == []
    earlier = driver_memory.summarise([_row(1000, 170.0), _row(4000, 230.0)], 2, 0)
    (tmp_path / "driver_memory.json").write_text(json.dumps(earlier), encoding="utf-8")
    assert [r["n_articles"] for r in driver_memory.kept_runs(tmp_path, 2, 0, [4000])] == [1000]
    assert driver_memory.kept_runs(tmp_path, 3, 0, [4000]) == []
    assert driver_memory.kept_runs(tmp_path, 2, 1, [4000]) == []
