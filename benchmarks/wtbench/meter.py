"""Derivation classes on real newspapers: the METER calibration split (courts, 1999-2000).

METER (Gaizauskas, Clough et al., 2001) pairs Press Association copy with the UK national
newspaper articles published from it, each labelled by hand wholly, partially or non
derived. Its licence allows research use only, so its text is never committed: the
repository holds its preparation script and story list (``benchmarks/corpora/meter/``),
and each user writes the calibration split into ``METER_DIR`` (git-ignored) from a clone
of the public GitHub repository AbeHandler/text-plagiarism. :func:`meter_dir` returns the
folder or raises :class:`MeterMissing` saying how to prepare it. The other METER stories
are a held-out test this project never reads.

Run ``python -m wtbench.meter`` (``--calibrate`` also rewrites the shipped news model).
Every story is read as an audit reads it: its newspaper articles with its PA takes given as
wire copy, one story cluster, :func:`wiretrace.rewrites.analysis.analyse_rewrites`; each
article's primary derivation row (against the union of the takes) gives its features.
Reported, cross-validated by story (5 folds; articles of one story share their wire copy,
so they never sit on both sides of a split):

- ``cv``: the news model's procedure (:func:`calibrate`: :data:`~wiretrace.rewrites.derive.
  NEWS_FEATURES` standardised, a three-class L2 logistic regression with balanced class
  weights) fitted on four folds and scored on the fifth: macro-F1 over wholly / partially /
  non, derived vs non, per-class F1 and the confusion matrix;
- ``baseline``: naive n-gram containment (word 3-grams against the union of the takes)
  with two thresholds chosen on the training folds;
- the paired bootstrap of the difference (stories resampled) on the fixed folds, and the
  spread over 20 random fold draws;
- ``shipped``: the constants in ``lib/wiretrace/data/derivation_news_model.json`` on the
  whole split (in-sample: they were fitted on it) and the audit's own classes;
- ``without_wire``: every story audited again *without* its PA copy, as most users will
  (:func:`audit_without_wire`): per gold label, how many articles get a derivation row and
  which class, and the error findings per article by severity. Articles METER labels as
  written independently are the test of "no accusation without evidence of copying".

Writes ``benchmarks/results/meter.json`` (aggregate figures only: no METER text).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import load_corpus
from wiretrace.rewrites import derive
from wiretrace.rewrites.analysis import analyse_rewrites
from wtbench import paths, write_json
from wtbench.metrics import C, fit_logistic, macro_f1, paired_bootstrap, per_class
from wtbench.paths import CORPORA_DIR

#: The preparation script, its story list and README (committed).
METER_SOURCE_DIR = CORPORA_DIR / "meter"
#: The prepared calibration split (git-ignored): story folders and ``labels.csv``.
METER_DIR = CORPORA_DIR / "meter-calibration"
PREPARE = (
    "python benchmarks/corpora/meter/prepare.py PATH-TO-CLONE benchmarks/corpora/meter-calibration"
)


class MeterMissing(FileNotFoundError):
    """The METER calibration split has not been prepared."""


def meter_dir(folder: str | Path = METER_DIR) -> Path:
    """``folder`` (default ``METER_DIR``) if it holds a prepared split (its ``labels.csv``).

    Raises :class:`MeterMissing`, with the command that prepares it, otherwise.
    """
    folder = Path(folder)
    if not (folder / "labels.csv").is_file():
        raise MeterMissing(
            f"The METER calibration split is not in {folder}. METER may not be redistributed, "
            "so each user prepares it: clone the public GitHub repository "
            "AbeHandler/text-plagiarism (git clone https://github.com/AbeHandler/text-plagiarism)"
            f", then run, from the repository root:\n    {PREPARE}\n"
            "(PATH-TO-CLONE is that clone; see benchmarks/corpora/meter/README.md)."
        )
    return folder


LABELS = ["wholly", "partially", "non"]
BINARY = ["derived", "non"]
FOLDS = 5
FOLD_DRAWS = 20
#: The naive baseline's measure: word 3-gram containment against the union of the takes.
BASELINE_FEATURE = "ngram_3"


def measure(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per labelled article: ``article_id, story, label`` and the features of its
    primary derivation row (as the audit computes them, wire = the story's PA takes)."""
    root = meter_dir(folder or METER_DIR)
    labels = pd.read_csv(root / "labels.csv")
    rows = []
    for story, group in labels.groupby("story", sort=True):
        story_dir = root / story
        wires = sorted(story_dir.glob("wire_*.txt"))
        articles = [story_dir / f"{a}.txt" for a in group["article_id"]]
        corpus = load_corpus(articles, wire=wires)
        primary = analyse_rewrites(corpus).primary.set_index("article_id")
        for r in group.itertuples(index=False):
            row = primary.loc[r.article_id]
            rows.append(
                {"article_id": r.article_id, "story": story, "label": r.label, **row.to_dict()}
            )
    return pd.DataFrame(rows)


def story_folds(stories: pd.Series, k: int = FOLDS, seed: int | None = None) -> np.ndarray:
    """The fold (0..k-1) of each row: stories in sorted order (or shuffled with ``seed``)
    dealt round-robin, so every article of a story is in the same fold."""
    order = sorted(set(stories))
    if seed is not None:
        order = list(np.random.default_rng(seed).permutation(order))
    fold_of = {story: i % k for i, story in enumerate(order)}
    return stories.map(fold_of).to_numpy()


def balanced_weights(labels: pd.Series) -> np.ndarray:
    """Row weights that give each class the same total weight (n / (k * n_class))."""
    counts = labels.value_counts()
    return labels.map(len(labels) / (len(counts) * counts)).to_numpy(dtype=float)


def calibrate(frame: pd.DataFrame, c: float = C) -> derive.DerivationModel:
    """Fit the news model on ``frame`` (rows with ``label`` and the news features)."""
    features = list(derive.NEWS_FEATURES)
    x = frame[features].to_numpy(dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    coef, intercept = fit_logistic(
        (x - mean) / scale, frame["label"], LABELS, c, weights=balanced_weights(frame["label"])
    )
    return derive.DerivationModel(
        features=tuple(features),
        labels=tuple(LABELS),
        mean=tuple(round(float(v), 6) for v in mean),
        scale=tuple(round(float(v), 6) for v in scale),
        coef=tuple(tuple(round(float(v), 6) for v in row) for row in coef),
        intercept=tuple(round(float(v), 6) for v in intercept),
        about=(
            "Calibrated by `python -m wtbench.meter --calibrate` on the METER calibration split "
            f"({len(frame)} articles, {frame['story'].nunique()} court stories): features "
            f"{', '.join(features)} standardised, three-class L2 logistic regression (C={c}) "
            "with balanced class weights, fitted by Newton's method."
        ),
    )


def predict(frame: pd.DataFrame, model: derive.DerivationModel) -> np.ndarray:
    """The model's class for every row (the audit's rule: nothing aligned is ``non``)."""
    return np.array([derive.classify_derivation(r, model)[0] for r in frame.to_dict("records")])


def baseline_thresholds(values: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The two containment thresholds (non below the first, wholly from the second), on a
    grid of steps of 0.02, with the best three-class macro-F1 on the given rows."""
    grid = np.round(np.arange(0.0, 1.0001, 0.02), 2)
    best, pair = -1.0, (0.0, 0.0)
    for i, low in enumerate(grid):
        for high in grid[i:]:
            score = macro_f1(labels, _banded(values, low, high), LABELS)
            if score > best:
                best, pair = score, (float(low), float(high))
    return pair


def _banded(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.where(values < low, "non", np.where(values >= high, "wholly", "partially"))


def cross_validate(frame: pd.DataFrame, folds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Held-out predictions of the news model and of the baseline on the given folds."""
    ours = np.empty(len(frame), dtype=object)
    theirs = np.empty(len(frame), dtype=object)
    values = frame[BASELINE_FEATURE].to_numpy(dtype=float)
    for fold in sorted(set(folds)):
        train, test = folds != fold, folds == fold
        ours[test] = predict(frame[test], calibrate(frame[train]))
        low, high = baseline_thresholds(values[train], frame["label"].to_numpy()[train])
        theirs[test] = _banded(values[test], low, high)
    return ours.astype(str), theirs.astype(str)


def binary(labels) -> np.ndarray:
    """Derived (wholly or partially) vs non."""
    return np.where(np.asarray(labels) == "non", "non", "derived")


def evaluate(truth, predicted) -> dict:
    """Three-class and binary macro-F1, per-class figures and the confusion matrix."""
    truth, predicted = np.asarray(truth, dtype=str), np.asarray(predicted, dtype=str)
    return {
        "three_class": round(macro_f1(truth, predicted, LABELS), 3),
        "derived_vs_non": round(macro_f1(binary(truth), binary(predicted), BINARY), 3),
        "per_class": per_class(truth, predicted, LABELS),
        "confusion": {
            gold: {p: int(((truth == gold) & (predicted == p)).sum()) for p in LABELS}
            for gold in LABELS
        },
    }


def _difference(frame: pd.DataFrame, ours, theirs):
    truth = frame["label"].to_numpy(dtype=str)
    members = frame.groupby("story").indices
    stories = sorted(members)

    def difference(pick: np.ndarray) -> dict[str, float]:
        rows = np.concatenate([members[stories[i]] for i in pick])
        t, a, b = truth[rows], ours[rows], theirs[rows]
        return {
            "three_class": macro_f1(t, a, LABELS) - macro_f1(t, b, LABELS),
            "derived_vs_non": macro_f1(binary(t), binary(a), BINARY)
            - macro_f1(binary(t), binary(b), BINARY),
        }

    return len(stories), difference


def fold_draws(frame: pd.DataFrame) -> dict:
    """The news model's and the baseline's held-out scores over ``FOLD_DRAWS`` random story
    folds (``draws``), each as mean, min and max."""
    out = {"three_class": [], "derived_vs_non": [], "baseline_three_class": []}
    for seed in range(FOLD_DRAWS):
        ours, theirs = cross_validate(frame, story_folds(frame["story"], seed=seed))
        scores = evaluate(frame["label"], ours)
        out["three_class"].append(scores["three_class"])
        out["derived_vs_non"].append(scores["derived_vs_non"])
        out["baseline_three_class"].append(evaluate(frame["label"], theirs)["three_class"])
    stats = {
        name: {
            "mean": round(float(np.mean(v)), 3),
            "min": round(float(np.min(v)), 3),
            "max": round(float(np.max(v)), 3),
        }
        for name, v in out.items()
    }
    return {"draws": FOLD_DRAWS, **stats}


def run(out_dir: str | Path = paths.RESULTS_DIR, folder: str | Path | None = None) -> dict | None:
    """Measure, cross-validate and write ``meter.json``; returns the figures. Without a
    prepared split it says how to prepare one and leaves the old result (returns None)."""
    try:
        meter_dir(folder or METER_DIR)
    except MeterMissing as missing:
        print(f"[meter] skipped: {missing}")
        return None
    started = time.perf_counter()
    frame = measure(folder)
    ours, theirs = cross_validate(frame, story_folds(frame["story"]))
    n, difference = _difference(frame, ours, theirs)
    shipped = derive.load_news_model()
    figures = {
        "articles": len(frame),
        "stories": int(frame["story"].nunique()),
        "labels": {k: int(v) for k, v in frame["label"].value_counts().items()},
        "features": list(derive.NEWS_FEATURES),
        "cv": evaluate(frame["label"], ours),
        "baseline": evaluate(frame["label"], theirs),
        "cv_minus_baseline": paired_bootstrap(n, difference),
        "fold_draws": fold_draws(frame),
        "shipped_in_sample": evaluate(frame["label"], predict(frame, shipped)),
        "audit_in_sample": evaluate(frame["label"], frame["derivation"]),
        "decided_by": {k: int(v) for k, v in frame["decided_by"].value_counts().items()},
        "without_wire": without_wire_figures(*audit_without_wire(folder)),
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_json(out_dir, "meter.json", figures)
    return figures


def write_model(model: derive.DerivationModel, path: Path = derive.NEWS_MODEL_PATH) -> Path:
    """Store the news model's constants as the library's shipped data."""
    path.write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    """``python -m wtbench.meter [--calibrate]``."""
    parser = argparse.ArgumentParser(prog="python -m wtbench.meter", description=__doc__)
    parser.add_argument("--calibrate", action="store_true", help="refit the shipped news model")
    args = parser.parse_args(argv)
    if args.calibrate:
        print("wrote", write_model(calibrate(measure())))
    print(json.dumps(run(), indent=2))


if __name__ == "__main__":
    main()


#: The one provenance kind left out of the error findings counted without wire (it is
#: counted on its own: independent articles accused of uncredited reuse); dropped and
#: changed attributions are errors of the rewrite and are counted.
UNCREDITED = "uncredited_reuse"
PROVENANCE_KINDS = (UNCREDITED,)


def audit_without_wire(folder: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every story audited as a user without the wire would: its newspaper articles only.

    Returns ``(articles, findings)``: one row per labelled article (``article_id, story,
    label, derivation, decided_by, source_id``, its error findings by severity) and every
    finding with its article's label."""
    from wiretrace import audit

    root = meter_dir(folder or METER_DIR)
    labels = pd.read_csv(root / "labels.csv")
    articles, findings = [], []
    for story, group in labels.groupby("story", sort=True):
        paths_ = [root / story / f"{a}.txt" for a in group["article_id"]]
        result = audit(paths_)
        primary = result.derivation[result.derivation["primary"].astype(bool)]
        primary = primary.set_index("article_id")
        found = result.findings.merge(group[["article_id", "label"]], on="article_id")
        findings.append(found.assign(story=story))
        errors = found[~found["kind"].isin(PROVENANCE_KINDS)]
        for r in group.itertuples(index=False):
            row = primary.loc[r.article_id] if r.article_id in primary.index else None
            mine = errors[errors["article_id"] == r.article_id]
            articles.append(
                {
                    "article_id": r.article_id,
                    "story": story,
                    "label": r.label,
                    "derivation": "" if row is None else row["derivation"],
                    "decided_by": "" if row is None else row["decided_by"],
                    "source_id": "" if row is None else row["source_id"],
                    **{
                        f"errors_{s}": int((mine["severity"] == s).sum()) for s in schema.SEVERITIES
                    },
                }
            )
    return pd.DataFrame(articles), pd.concat(findings, ignore_index=True)


def without_wire_figures(articles: pd.DataFrame, findings: pd.DataFrame) -> dict:
    """Per gold label: articles, derivation rows, classes given, error findings per article
    by severity, and the commonest error kinds on articles written independently."""
    per_label = {}
    for label in LABELS:
        mine = articles[articles["label"] == label]
        per_label[label] = {
            "articles": len(mine),
            "with_derivation_row": int((mine["derivation"] != "").sum()),
            "derivation": {c: int((mine["derivation"] == c).sum()) for c in LABELS},
            **{
                f"{s}_errors_per_article": round(float(mine[f"errors_{s}"].mean()), 3)
                for s in schema.SEVERITIES
            },
        }
    non = findings[(findings["label"] == "non") & ~findings["kind"].isin(PROVENANCE_KINDS)]
    serious = non[non["severity"].isin(["high", "medium"])]
    independent = articles[articles["label"] == "non"]
    return {
        "articles": len(articles),
        "per_label": per_label,
        "independent_called_derived": round(
            float(independent["derivation"].isin(["wholly", "partially"]).mean()), 3
        ),
        "independent_accused_of_uncredited_reuse": int(
            findings.loc[
                (findings["label"] == "non") & (findings["kind"] == UNCREDITED), "article_id"
            ].nunique()
        ),
        "kinds_on_independent": {
            k: int(v) for k, v in serious["kind"].value_counts().sort_index().items()
        },
    }
