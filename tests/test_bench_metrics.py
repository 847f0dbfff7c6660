"""Tests for wtbench.metrics: the F1 scores, folds, logistic regression and bootstrap behind
every README figure, on small hand-made labels with pinned answers."""

from __future__ import annotations

import numpy as np
import pytest

from wtbench.metrics import (
    confusion,
    f1,
    fit_logistic,
    folds,
    macro_f1,
    paired_bootstrap,
    per_class,
    random_folds,
)

TRUTH = ["a", "a", "b", "b", "c"]
PREDICTED = ["a", "b", "b", "b", "a"]


@pytest.mark.parametrize(
    ("label", "counts"),
    [("a", (1, 1, 1)), ("b", (2, 1, 0)), ("c", (0, 0, 1)), ("z", (0, 0, 0))],
)
def test_confusion_counts_hits_false_positives_and_misses(label, counts):
    assert confusion(np.array(TRUTH), np.array(PREDICTED), label) == counts


def test_f1_is_zero_without_a_true_positive():
    assert f1(2, 1, 0) == 0.8
    assert f1(0, 3, 4) == 0.0


def test_macro_f1_is_the_unweighted_mean_over_the_labels():
    assert macro_f1(TRUTH, PREDICTED, ["a", "b", "c"]) == (0.5 + 0.8 + 0.0) / 3
    assert macro_f1(TRUTH, PREDICTED, ["a", "b"]) == (0.5 + 0.8) / 2
    assert macro_f1(TRUTH, TRUTH, ["a", "b", "c"]) == 1.0


def test_macro_f1_counts_a_prediction_outside_the_labels_as_a_miss():
    # The hard part of the derivation benchmark: a reuse answer predicted "non" is a miss.
    assert macro_f1(["cut", "light"], ["cut", "non"], ["cut", "light"]) == 0.5


def test_per_class_precision_recall_f1_and_support():
    assert per_class(TRUTH, PREDICTED, ["a", "b", "c"]) == {
        "a": {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2},
        "b": {"precision": 0.667, "recall": 1.0, "f1": 0.8, "support": 2},
        "c": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1},
        "macro_f1": 0.433,
    }


def test_folds_deal_each_class_in_input_order():
    assert folds(["a", "b", "a", "a", "b", "a"], 2).tolist() == [0, 0, 1, 0, 1, 1]
    assert folds(["x"] * 7, 5).tolist() == [0, 1, 2, 3, 4, 0, 1]


def test_random_folds_are_stratified_and_fixed_by_the_seed():
    labels = ["a"] * 6 + ["b"] * 4
    drawn = random_folds(labels, 2, seed=0)
    assert drawn.tolist() == random_folds(labels, 2, seed=0).tolist()
    assert drawn.tolist() == PINNED_RANDOM_FOLDS
    for label, size in (("a", 3), ("b", 2)):
        members = drawn[np.asarray(labels) == label]
        assert (members == 0).sum() == size and (members == 1).sum() == size
    assert drawn.tolist() != random_folds(labels, 2, seed=1).tolist()


PINNED_RANDOM_FOLDS = [0, 1, 1, 0, 1, 0, 0, 0, 1, 1]


def test_fit_logistic_separates_a_separable_set():
    x = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    y = ["n", "n", "p", "p"]
    coef, intercept = fit_logistic(x, y, ["n", "p"])
    assert coef.shape == (2, 1) and intercept.shape == (2,)
    scores = x @ coef.T + intercept
    assert [["n", "p"][i] for i in scores.argmax(axis=1)] == y
    assert np.round(coef, 6).tolist() == PINNED_COEF
    assert np.round(intercept, 6).tolist() == PINNED_INTERCEPT
    # A weaker penalty (larger C) gives larger weights.
    assert abs(fit_logistic(x, y, ["n", "p"], c=10.0)[0][1, 0]) > abs(coef[1, 0])


PINNED_COEF = [[-0.67064], [0.67064]]
PINNED_INTERCEPT = [0.0, 0.0]  # the set is symmetric


def test_paired_bootstrap_of_a_constant_difference_is_that_constant():
    result = paired_bootstrap(5, lambda pick: {"x": 0.25, "y": -1.0}, resamples=50, seed=3)
    assert result == {
        "x": {"difference": 0.25, "interval_95": [0.25, 0.25]},
        "y": {"difference": -1.0, "interval_95": [-1.0, -1.0]},
    }


def test_paired_bootstrap_resamples_with_a_fixed_seed():
    values = np.array([0.0, 0.0, 1.0, 1.0])
    result = paired_bootstrap(4, lambda pick: {"mean": float(values[pick].mean())}, 200, seed=0)
    assert result == paired_bootstrap(4, lambda pick: {"mean": float(values[pick].mean())}, 200)
    assert result == PINNED_BOOTSTRAP


PINNED_BOOTSTRAP = {"mean": {"difference": 0.534, "interval_95": [0.0, 1.0]}}
