"""Tests for wtbench.meter_ceiling: story-relative measures and the evidence counts."""

import numpy as np
import pandas as pd

from wtbench import meter_ceiling


def frame() -> pd.DataFrame:
    rows = []
    for story, labels, runs in (("a", ("wholly", "non"), (9, 2)), ("b", ("partially",), (5,))):
        for label, run in zip(labels, runs, strict=True):
            row = dict.fromkeys(meter_ceiling.MEASURES, 1.0)
            row.update(story=story, label=label, unquoted_run=run, containment=run / 10)
            rows.append(row)
    return pd.DataFrame(rows)


def test_story_measures_are_each_measure_minus_its_storys_median():
    wide, columns = meter_ceiling.with_story_measures(frame())
    assert len(columns) == 2 * len(meter_ceiling.MEASURES)
    assert wide["containment_story"].round(6).tolist() == [0.35, -0.35, 0.0]
    assert wide["n_words_story"].tolist() == [0.0, 0.0, 0.0]


def test_evidence_counts_articles_with_and_without_a_run_and_the_oracle_follows_them():
    figures = meter_ceiling.evidence_figures(frame())
    assert figures["5"]["with_run"] == {"wholly": 1, "partially": 1}
    assert figures["5"]["without_run"] == {"non": 1}
    assert figures["5"]["oracle_derived_vs_non"] == 1.0
    assert figures["6"]["without_run"] == {"non": 1, "partially": 1}
    # the partially derived article without a 6-word run is called non: F1 derived 2/3, non 2/3
    assert figures["6"]["oracle_derived_vs_non"] == round(np.mean([2 / 3, 2 / 3]), 3)
