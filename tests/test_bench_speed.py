from __future__ import annotations

import pandas as pd
import pytest

from wtbench import speed
from wtbench.speed import loglog_slope, pairwise_scores, same_cluster_pairs

TRUTH = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 2}


@pytest.mark.parametrize(
    ("predicted", "precision", "recall"),
    [
        (TRUTH, 1.0, 1.0),
        ({k: 0 for k in TRUTH}, 0.2667, 1.0),  # one big cluster: 4 of 15 pairs right
        ({k: i for i, k in enumerate(TRUTH)}, 1.0, 0.0),  # all alone: nothing found
        ({"a": 0, "b": 0, "c": 1, "d": 1, "e": 1, "f": 2}, 0.5, 0.5),
    ],
)
def test_pairwise_scores(predicted, precision, recall):
    scores = pairwise_scores(TRUTH, predicted)
    assert (scores["precision"], scores["recall"]) == (precision, recall)


def test_pairwise_scores_leave_out_related_pairs():
    # d, e (cluster 1) and f (cluster 2) tell one real story: linking f to them is
    # neither right nor wrong, linking a to them is wrong.
    related = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "y"}
    predicted = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1, "f": 1}
    assert pairwise_scores(TRUTH, predicted)["precision"] == 0.6667
    scores = pairwise_scores(TRUTH, predicted, related)
    assert (scores["precision"], scores["recall"], scores["predicted_pairs"]) == (1.0, 1.0, 4)
    wrong = {**predicted, "a": 1}
    assert pairwise_scores(TRUTH, wrong, related)["precision"] == 0.4  # 2 of 5 pairs


def test_same_cluster_pairs():
    assert same_cluster_pairs({"b": 1, "a": 1, "c": 2}) == {("a", "b")}


@pytest.mark.parametrize(
    ("sizes", "values", "slope"),
    [
        ([1000, 10000], [2.0, 20.0], 1.0),  # linear
        ([1000, 10000], [1.0, 100.0], 2.0),  # all pairs
        ([1000], [1.0], None),  # one point: no slope
    ],
)
def test_loglog_slope(sizes, values, slope):
    assert loglog_slope(sizes, values) == slope


def test_real_text_runs_each_audit_in_a_fresh_process_and_compare_their_bytes(tmp_path):
    no_meter = tmp_path / "no-meter"  # Clough-Stevenson texts only, wherever METER is
    document = speed.run_real(sizes=(6,), workers=(1, 2), out_dir=tmp_path, meter_dir=no_meter)
    assert [r["workers"] for r in document["runs"]] == [1, 2]
    serial, parallel = document["runs"]
    assert serial["n_articles"] == parallel["n_articles"] == 6 and serial["seconds"] > 0
    assert serial["worker_peak_mb"] is None and serial["worker_cpu_seconds"] is None
    # Each driver's peak is its own run's: a fresh process, not this test process's peak
    # (which has imported the package and audited nothing yet, so is smaller; the point
    # is that the figure is not inherited from a larger parent).
    assert 100 < serial["driver_peak_mb"] < 1500
    # The serial driver loads the spaCy model; the parallel driver leaves that to workers.
    assert parallel["driver_peak_mb"] < serial["driver_peak_mb"]
    assert 100 < parallel["worker_peak_mb"] < 1500 and parallel["worker_cpu_seconds"] > 0
    corpus = document["corpora"][0]
    assert corpus["same_tables_every_run"] and 0 <= corpus["pairwise"]["recall"] <= 1
    assert document["meter_calibration_used"] is False
    assert "fresh process" in document["memory"]
    frame = pd.read_csv(tmp_path / "speed_real.csv")
    assert list(frame.columns) == speed.REAL_COLUMNS and len(frame) == 2


def test_real_text_runs_skip_serial_runs_above_a_size(tmp_path):
    no_meter = tmp_path / "no-meter"
    document = speed.run_real(
        sizes=(6,), workers=(1, 2), out_dir=tmp_path, meter_dir=no_meter, serial_up_to=5
    )
    assert [(r["n_articles"], r["workers"]) for r in document["runs"]] == [(6, 2)]
