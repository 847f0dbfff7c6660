"""Classification metrics, folds and the classifier the benchmarks share.

Takes label sequences (strings) and feature matrices; returns plain numbers and arrays.
:func:`confusion` counts one label's hits and errors, :func:`macro_f1` and
:func:`per_class` score predictions from those counts, :func:`folds` and
:func:`random_folds` deal items into stratified folds, :func:`fit_logistic` is the
multinomial L2 logistic regression every fitted model of the benchmarks uses, and
:func:`paired_bootstrap` gives the interval of a difference of two methods' scores.
Everything is deterministic (fixed seeds, no salted hashes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

#: Inverse L2 penalty of the logistic regression (scikit-learn's default C).
C = 1.0


def confusion(truth: np.ndarray, predicted: np.ndarray, label: str) -> tuple[int, int, int]:
    """``(true positives, false positives, false negatives)`` of ``label``.

    A false positive predicts ``label`` for an item of another label (or of a label not
    scored); a false negative predicts anything else for an item of ``label``.
    """
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    tp = int(((truth == label) & (predicted == label)).sum())
    fp = int(((truth != label) & (predicted == label)).sum())
    fn = int(((truth == label) & (predicted != label)).sum())
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    """``2 tp / (2 tp + fp + fn)``, 0.0 when there is no true positive."""
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean over ``labels`` of the F1 score, in [0, 1]."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    return float(np.mean([f1(*confusion(truth, predicted, label)) for label in labels]))


def per_class(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict:
    """Precision, recall, F1 and support per label (rounded to 3 places), and their macro
    average ``macro_f1`` (the mean of the rounded F1s)."""
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    out = {}
    for label in labels:
        tp, fp, fn = confusion(truth, predicted, label)
        out[label] = {
            "precision": round(tp / (tp + fp) if tp + fp else 0.0, 3),
            "recall": round(tp / (tp + fn) if tp + fn else 0.0, 3),
            "f1": round(f1(tp, fp, fn), 3),
            "support": int((truth == label).sum()),
        }
    out["macro_f1"] = round(float(np.mean([out[label]["f1"] for label in labels])), 3)
    return out


def folds(labels: pd.Series | Sequence[str], k: int) -> np.ndarray:
    """Deterministic stratified fold numbers: the i-th item of a class (in input order)
    goes to fold ``i % k``."""
    labels = list(labels)
    seen: dict[str, int] = {}
    out = np.zeros(len(labels), dtype=int)
    for position, label in enumerate(labels):
        out[position] = seen.get(label, 0) % k
        seen[label] = seen.get(label, 0) + 1
    return out


def random_folds(labels: pd.Series | Sequence[str], k: int, seed: int) -> np.ndarray:
    """Stratified fold numbers from a shuffle: the items of each class, shuffled by a
    generator seeded with ``seed``, are dealt to folds ``0..k-1`` in turn."""
    labels = np.asarray(list(labels))
    rng = np.random.default_rng(seed)
    out = np.zeros(len(labels), dtype=int)
    for label in sorted(set(labels)):
        members = np.flatnonzero(labels == label)
        rng.shuffle(members)
        out[members] = np.arange(len(members)) % k
    return out


def fit_logistic(
    x: np.ndarray,
    y: Sequence[str],
    labels: Sequence[str],
    c: float = C,
    weights: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression with an L2 penalty ``||W||^2 / (2c)`` (intercepts
    free), by Newton's method with step halving. ``weights`` (one per row, default 1)
    scale each row's share of the loss. Returns ``(coef, intercept)``, shapes
    ``(n_labels, n_features)`` and ``(n_labels,)``."""
    n, d = x.shape
    k = len(labels)
    xb = np.hstack([x, np.ones((n, 1))])
    target = (np.asarray(y)[:, None] == np.asarray(labels)[None, :]).astype(float)
    if weights is not None:  # a weighted row counts as that many copies of itself
        target = target * np.asarray(weights, dtype=float)[:, None]
    row = target.sum(axis=1)
    penalty = np.ones(d + 1)
    penalty[-1] = 1e-8  # intercepts: only enough to make the Hessian invertible
    w = np.zeros((d + 1, k))

    def loss(w: np.ndarray) -> float:
        z = xb @ w
        top = z.max(axis=1, keepdims=True)
        lse = top[:, 0] + np.log(np.exp(z - top).sum(axis=1))
        return float(
            (row * lse - (z * target).sum(axis=1)).sum() + 0.5 * (w**2 * penalty[:, None]).sum() / c
        )

    for _ in range(100):
        z = xb @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = xb.T @ (p * row[:, None] - target) + w * penalty[:, None] / c
        if np.abs(grad).max() < 1e-9:
            break
        curvature = np.einsum("ik,kl->ikl", p, np.eye(k)) - np.einsum("ik,il->ikl", p, p)
        curvature *= row[:, None, None]
        hessian = np.einsum("id,ie,ikl->dkel", xb, xb, curvature).reshape((d + 1) * k, -1)
        hessian += np.diag(np.repeat(penalty, k)) / c
        step = np.linalg.solve(hessian, grad.reshape(-1)).reshape(d + 1, k)
        t, before = 1.0, loss(w)
        while loss(w - t * step) > before and t > 1e-10:
            t /= 2
        w = w - t * step
    return w[:-1].T, w[-1]


def paired_bootstrap(
    n: int,
    difference: Callable[[np.ndarray], dict[str, float]],
    resamples: int = 2000,
    seed: int = 0,
) -> dict:
    """Mean and 95% interval of a difference of scores over ``n`` items resampled with
    replacement.

    ``difference(pick)`` scores both methods on the items ``pick`` (an index array, the
    same resample for both) and returns ``{name: score(ours) - score(theirs)}``. Returns
    ``{name: {"difference", "interval_95"}}`` rounded to 3 places, names in the order
    ``difference`` gives them. An interval that contains 0 means no clear difference.
    """
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(resamples):
        pick = rng.integers(0, n, n)
        for name, value in difference(pick).items():
            draws.setdefault(name, []).append(value)
    return {
        name: {
            "difference": round(float(np.mean(values)), 3),
            "interval_95": [round(float(v), 3) for v in np.percentile(values, [2.5, 97.5])],
        }
        for name, values in draws.items()
    }
