"""Tests for wtbench.plots: the data behind the benchmark charts."""

from __future__ import annotations

import pandas as pd

from wtbench import plots


def test_real_speed_draws_time_and_memory_per_run_and_process():
    table = pd.DataFrame(
        {
            "articles": [1000, 1000, 4000, 4000],
            "workers": [1, 2, 1, 2],
            "wall s": [160.0, 120.0, 700.0, 450.0],
            "driver peak MB": [900.0, 600.0, 1500.0, 700.0],
            "worker peak MB": ["", 800.0, "", 1200.0],
        }
    )
    fig, data = plots.real_speed(table)
    assert len(fig.axes) == 2
    counts = data.groupby("measure").size().to_dict()
    assert counts == {"wall s": 4, "driver peak MB": 4, "worker peak MB": 2}  # none when serial
    workers = data[data["measure"] == "worker peak MB"]
    assert workers[["articles", "value"]].values.tolist() == [[1000, 800.0], [4000, 1200.0]]
