"""Calibrate the derivation classifier once, offline, and write its constants.

Run ``python -m wtbench.calibrate_derivation``. It scores the 95 answers of the
Clough-Stevenson corpus (:func:`wtbench.answers.score_answers`, with
:func:`wiretrace.rewrites.derive.derivation_features`) and writes
``lib/wiretrace/data/derivation_model.json``, which the library reads at run time
(nothing is fitted on the corpus being audited). The procedure (:func:`calibrate`) is
the one described in :mod:`wiretrace.rewrites.derive`: the features
``derive.MODEL_FEATURES``, standardised, and a four-class L2 logistic regression
(:func:`wtbench.metrics.fit_logistic`, C = ``C``) fitted on all the answers by Newton's
method from zero (deterministic). :mod:`wtbench.clough_stevenson` runs the same procedure
inside 5-fold cross-validation for the held-out figures, and :func:`select_features` (a
choice among ``derive.CANDIDATE_FEATURES`` by inner cross-validation) as a check of how
much the hand-picked features gain.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from wiretrace.rewrites import derive
from wtbench.answers import score_answers
from wtbench.metrics import C, fit_logistic, folds, macro_f1

#: Largest feature subset :func:`select_features` tries.
MAX_FEATURES = 4
#: Folds of the inner cross-validation that chooses the features.
INNER_FOLDS = 4
FOUR_LABELS = ("cut", "light", "heavy", "non")


def fit_model(frame: pd.DataFrame, features: Sequence[str], c: float = C) -> derive.DerivationModel:
    """A :class:`~wiretrace.rewrites.derive.DerivationModel` fitted on ``frame`` (features
    standardised on it; four-class target from its ``label`` column)."""
    x = frame[list(features)].to_numpy(float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit_logistic((x - mean) / scale, frame["label"], FOUR_LABELS, c)
    return derive.DerivationModel(
        features=tuple(features),
        labels=FOUR_LABELS,
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
        coef=tuple(tuple(round(float(v), 6) for v in row) for row in coef),
        intercept=tuple(round(float(v), 6) for v in intercept),
    )


def predict(frame: pd.DataFrame, model: derive.DerivationModel) -> np.ndarray:
    """Four-class predictions of ``model`` (through :func:`derive.classify_revision`)."""
    return np.array(
        [derive.classify_revision(row, model) for row in frame.to_dict("records")], dtype=object
    )


def selection_score(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean of the three-class and four-class macro-F1 (the selection criterion)."""
    three = derive.REVISION_CLASS
    return 0.5 * (
        macro_f1(truth, predicted, FOUR_LABELS)
        + macro_f1(
            [three[t] for t in truth], [three[p] for p in predicted], ("wholly", "partially", "non")
        )
    )


def calibrate(
    frame: pd.DataFrame, features: Sequence[str] = derive.MODEL_FEATURES, c: float = C
) -> derive.DerivationModel:
    """The shipped procedure: :func:`fit_model` with ``features`` on every row of ``frame``.

    ``frame`` has a ``label`` column (cut/light/heavy/non) and the features' columns.
    """
    return fit_model(frame.reset_index(drop=True), features, c)


def select_features(frame: pd.DataFrame, c: float = C) -> dict:
    """Choose features automatically by cross-validation inside ``frame``.

    Every subset of at most ``MAX_FEATURES`` of ``derive.CANDIDATE_FEATURES`` is scored
    by ``INNER_FOLDS``-fold stratified cross-validation (:func:`fit_model` on the other
    folds, :func:`selection_score` of the held-out predictions); the best wins (ties:
    fewer features, then candidate order). Returns ``{"features", "inner_cv_score",
    "subsets_tried"}``. Not used for the shipped model: a check of how much the
    hand-picked ``MODEL_FEATURES`` owe to having looked at the data.
    """
    frame = frame.reset_index(drop=True)
    inner = folds(frame["label"], INNER_FOLDS)
    best: tuple | None = None
    tried = 0
    for size in range(1, MAX_FEATURES + 1):
        for subset in itertools.combinations(derive.CANDIDATE_FEATURES, size):
            tried += 1
            predicted = np.empty(len(frame), dtype=object)
            for f in range(INNER_FOLDS):
                model = fit_model(frame[inner != f], subset, c)
                predicted[inner == f] = predict(frame[inner == f], model)
            score = round(selection_score(frame["label"], predicted), 9)
            if best is None or score > best[0]:  # ties keep the smaller, earlier subset
                best = (score, subset)
    return {"features": list(best[1]), "inner_cv_score": best[0], "subsets_tried": tried}


def main() -> None:
    """Calibrate on the whole Clough-Stevenson corpus and write ``derive.MODEL_PATH``."""
    frame = score_answers(classify=False)
    model = calibrate(frame)
    about = (
        "Calibrated by `python -m wtbench.calibrate_derivation` on the 95 answers of "
        f"Clough & Stevenson (2011): features {', '.join(model.features)} standardised, "
        f"four-class L2 logistic regression (C={C:g}) fitted by Newton's method."
    )
    model = derive.DerivationModel(**{**model.__dict__, "about": about})
    derive.MODEL_PATH.write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {derive.MODEL_PATH}")


if __name__ == "__main__":
    main()
