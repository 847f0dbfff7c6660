"""Tests for wtbench.meter: the METER folder's path, and the message when it is missing."""

from __future__ import annotations

import pytest
from conftest import PROJECT_ROOT

from wtbench import paths
from wtbench.meter import METER_DIR, PREPARE, MeterMissing, meter_dir


def test_the_meter_folder_is_in_the_clone_and_git_ignored():
    assert METER_DIR == PROJECT_ROOT / "benchmarks" / "corpora" / "meter-calibration"
    assert METER_DIR.parent == paths.CORPORA_DIR
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    # no trailing slash: a symbolic link to a prepared copy elsewhere is ignored too
    assert "benchmarks/corpora/meter-calibration" in ignored
    assert (PROJECT_ROOT / "benchmarks" / "corpora" / "meter" / "prepare.py").is_file()


def test_a_missing_meter_folder_says_how_to_prepare_it(tmp_path):
    with pytest.raises(MeterMissing) as raised:
        meter_dir(tmp_path / "absent")
    message = str(raised.value)
    assert PREPARE in message
    assert PREPARE == (
        "python benchmarks/corpora/meter/prepare.py PATH-TO-CLONE "
        "benchmarks/corpora/meter-calibration"
    )
    assert "AbeHandler/text-plagiarism" in message
    assert isinstance(raised.value, FileNotFoundError)


def test_a_prepared_meter_folder_is_returned(tmp_path):
    (tmp_path / "labels.csv").write_text("article_id,story,label\n", encoding="utf-8")
    assert meter_dir(tmp_path) == tmp_path
    assert meter_dir(str(tmp_path)) == tmp_path


def _frame():
    import pandas as pd

    # Two stories whose articles are separable on the news features: wholly derived
    # articles copy much and are short, non derived share little.
    rows = []
    for story in ("s1", "s2", "s3", "s4"):
        for label, ngram, words, loss, cont in (
            ("wholly", -0.1, 5.0, 0.1, 0.9),
            ("partially", -1.2, 6.2, 0.5, 0.4),
            ("non", -2.5, 6.0, 0.8, 0.05),
        ):
            rows.append(
                {
                    "article_id": f"{story}_{label}",
                    "story": story,
                    "label": label,
                    "log_ngram_2": ngram,
                    "log_n_words": words,
                    "order_loss": loss,
                    "containment": cont,
                    "n_aligned": 3,
                    "ngram_3": {"wholly": 0.8, "partially": 0.3, "non": 0.02}[label],
                }
            )
    return pd.DataFrame(rows)


def test_story_folds_keep_a_story_together():
    from wtbench.meter import story_folds

    frame = _frame()
    for seed in (None, 0, 1):
        folds = story_folds(frame["story"], k=2, seed=seed)
        for _, group in frame.assign(fold=folds).groupby("story"):
            assert group["fold"].nunique() == 1
    assert list(story_folds(frame["story"], k=2)) == [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]


def test_balanced_weights_give_each_class_the_same_total():
    import pandas as pd

    from wtbench.meter import balanced_weights

    weights = balanced_weights(pd.Series(["a", "a", "a", "b"]))
    assert list(weights) == [2 / 3, 2 / 3, 2 / 3, 2.0]


def test_calibrated_model_separates_a_separable_frame_and_cv_scores_it():
    from wtbench.meter import calibrate, cross_validate, evaluate, predict, story_folds

    frame = _frame()
    model = calibrate(frame)
    assert list(predict(frame, model)) == list(frame["label"])
    ours, theirs = cross_validate(frame, story_folds(frame["story"], k=2))
    assert evaluate(frame["label"], ours)["three_class"] == 1.0
    scores = evaluate(frame["label"], theirs)
    assert scores["three_class"] == 1.0 and scores["derived_vs_non"] == 1.0
    assert scores["confusion"]["non"] == {"wholly": 0, "partially": 0, "non": 4}


def test_baseline_thresholds_band_the_containment():
    import numpy as np

    from wtbench.meter import baseline_thresholds

    values = np.array([0.0, 0.04, 0.3, 0.34, 0.8, 0.9])
    labels = np.array(["non", "non", "partially", "partially", "wholly", "wholly"])
    low, high = baseline_thresholds(values, labels)
    assert 0.04 < low <= 0.3 and 0.34 < high <= 0.8


def test_run_without_the_split_says_how_to_prepare_it_and_writes_nothing(tmp_path, capsys):
    from wtbench.meter import run

    assert run(out_dir=tmp_path, folder=tmp_path / "absent") is None
    assert PREPARE in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_without_wire_figures_count_per_label_and_leave_provenance_out():
    import pandas as pd

    from wtbench.meter import without_wire_figures

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "story": ["s", "s", "s"],
            "label": ["wholly", "non", "non"],
            "derivation": ["wholly", "partially", ""],
            "decided_by": ["news_model", "news_model", ""],
            "source_id": ["consensus:0", "consensus:0", ""],
            "errors_high": [0, 2, 0],
            "errors_medium": [1, 0, 0],
            "errors_low": [0, 0, 3],
        }
    )
    findings = pd.DataFrame(
        {
            "article_id": ["b", "b", "b", "c"],
            "label": ["non", "non", "non", "non"],
            "kind": ["quote_altered", "number_change", "uncredited_reuse", "typo"],
            "severity": ["high", "high", "high", "low"],
        }
    )
    figures = without_wire_figures(articles, findings)
    non = figures["per_label"]["non"]
    assert non["articles"] == 2 and non["with_derivation_row"] == 1
    assert non["derivation"] == {"wholly": 0, "partially": 1, "non": 0}
    assert non["high_errors_per_article"] == 1.0 and non["low_errors_per_article"] == 1.5
    assert figures["independent_called_derived"] == 0.5
    assert figures["kinds_on_independent"] == {"number_change": 1, "quote_altered": 1}
