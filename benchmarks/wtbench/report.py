"""Read the files ``make bench`` writes and turn them into tables and the README's figures.

The benchmark scripts in ``benchmarks/`` write JSON and CSV files into
``benchmarks/results/``; this module only reads them. :func:`load_results` gathers them,
the table functions pick the headline figures (every number comes from a file, none is
typed), and :func:`markdown` renders the block that ``make bench`` writes into the README
between the ``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers. Notebook
``06-benchmarks`` shows the same tables.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from wtbench.paths import RESULTS_DIR

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def load_results(folder: str | Path = RESULTS_DIR) -> dict:
    """Every ``*.json`` (as dicts) and ``*.csv`` (as DataFrames) in ``folder``, by file stem."""
    folder = Path(folder)
    results: dict = {}
    for path in sorted(folder.glob("*.json")):
        results[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(folder.glob("*.csv")):
        results.setdefault(path.stem, pd.read_csv(path))
    return results


def derivation_accuracy(results: dict) -> pd.DataFrame:
    """Macro-F1 on Clough & Stevenson (2011) for each setting the benchmark ran.

    Columns ``setting, three_class, reuse_vs_non, four_class, hard_part``; the three-class
    task maps cut and light to ``wholly``, heavy to ``partially``; ``hard_part`` is cut /
    light / heavy on the answers that reuse the source. Cross-validated rows are held-out
    scores; the ``in-sample`` row scores the shipped constants on the corpus they were
    calibrated on and is not a test.
    """
    cs = results["clough_stevenson"]
    settings = [
        ("n-gram baseline, rebuilt (5-fold CV)", cs["baseline"]),
        ("wiretrace (5-fold CV)", cs["cv"]),
        ("wiretrace, features chosen inside folds (5-fold CV)", cs["cv_feature_selection"]),
        ("wiretrace shipped constants (in-sample)", cs["fixed"]),
        ("the audit's classes: news model from METER, not refitted (transfer)", cs["audit"]),
    ]
    rows = [
        {
            "setting": name,
            "three_class": block["three_class"]["macro_f1"],
            "reuse_vs_non": block["reuse_vs_non"]["macro_f1"],
            "four_class": block["four_class"]["macro_f1"],
            "hard_part": block["hard_part"]["macro_f1"],
        }
        for name, block in settings
    ]
    readme = cs["baseline_readme"]
    rows.append(
        {
            "setting": "corpus README's baseline (reported, 5-fold CV)",
            "three_class": float("nan"),
            "reuse_vs_non": readme["reuse_vs_non"],
            "four_class": readme["four_class"],
            "hard_part": float("nan"),
        }
    )
    return pd.DataFrame(rows)


#: The derivation tasks, in the order the tables show them.
DERIVATION_TASKS = ("three_class", "reuse_vs_non", "four_class", "hard_part")


def verdict(interval: Sequence[float], won: int, draws: int) -> str:
    """Words for a held-out difference (wiretrace minus baseline): ``better`` or ``worse``
    when the bootstrap's 95% interval excludes 0; otherwise ``ahead on every draw`` or
    ``behind on every draw`` when all the random fold draws agree, else ``level``."""
    low, high = interval
    if low > 0:
        return "better"
    if high < 0:
        return "worse"
    if won == draws:
        return "ahead on every draw, within noise"
    if won == 0:
        return "behind on every draw, within noise"
    return "level"


def derivation_comparison(results: dict) -> pd.DataFrame:
    """wiretrace (CV) against the rebuilt baseline, task by task, with the uncertainty.

    Columns ``task, wiretrace, baseline, difference, interval_95`` (paired bootstrap over
    the answers, deterministic folds), ``draws_mean, draws_min, draws_max, draws_won``
    (the difference on random fold draws) and ``verdict`` (:func:`verdict`).
    """
    cs = results["clough_stevenson"]
    rows = []
    for task in DERIVATION_TASKS:
        boot, draws = cs["cv_minus_baseline"][task], cs["cv_minus_baseline_fold_draws"][task]
        rows.append(
            {
                "task": task,
                "wiretrace": cs["cv"][task]["macro_f1"],
                "baseline": cs["baseline"][task]["macro_f1"],
                "difference": boot["difference"],
                "interval_95": f"{boot['interval_95'][0]:+.3f} to {boot['interval_95'][1]:+.3f}",
                "draws_mean": draws["mean_difference"],
                "draws_min": draws["min"],
                "draws_max": draws["max"],
                "draws_won": f"{draws['draws_won']}/{draws['draws']}",
                "verdict": verdict(boot["interval_95"], draws["draws_won"], draws["draws"]),
            }
        )
    return pd.DataFrame(rows)


def derivation_per_class(results: dict) -> pd.DataFrame:
    """Precision and recall per four-class label, wiretrace (CV) beside the baseline."""
    cs = results["clough_stevenson"]
    rows = []
    for label in ("cut", "light", "heavy", "non"):
        ours, base = cs["cv"]["four_class"][label], cs["baseline"]["four_class"][label]
        rows.append(
            {
                "class": label,
                "precision": ours["precision"],
                "recall": ours["recall"],
                "baseline_precision": base["precision"],
                "baseline_recall": base["recall"],
            }
        )
    return pd.DataFrame(rows)


def semantic_matching(results: dict) -> pd.DataFrame:
    """Sentences the semantic pass would align, by cosine threshold (``semantic.json``).

    Columns ``min_cosine``, ``matched_reuse`` / ``matched_non`` (sentences left new by the
    lexical aligner and matched, in answers written from the source / without it) and
    ``matches_in_non_answers`` (the share of matches that are certainly wrong).
    """
    rows = results["semantic"]["thresholds"]
    columns = ["min_cosine", "matched_reuse", "matched_non", "matches_in_non_answers"]
    return pd.DataFrame(rows)[columns]


def error_detection(results: dict) -> pd.DataFrame:
    """Precision, recall and false findings of the error detector and the difflib baseline.

    One row per mode: sentence pairs, whole articles with the wire given, and whole
    articles with no wire (three rewrites, compared with their consensus).
    """
    errors = results["errors"]
    det, base = errors["detector"], errors["baseline_difflib"]
    rows = [
        {
            "mode": "sentence pairs",
            "units": det["cases"],
            "errors_injected": det["errors_injected"],
            "precision": det["location"]["precision"],
            "recall": det["location"]["recall"],
            "false_per_unit": det["false_findings_per_case"],
            "baseline_precision": base["location"]["precision"],
            "baseline_false_per_unit": base["false_findings_per_case"],
        }
    ]
    for key, mode in (
        ("end_to_end_stage", "articles, wire given"),
        ("end_to_end_no_wire", "articles, no wire"),
    ):
        block = errors[key]
        rows.append(
            {
                "mode": mode,
                "units": block["articles"],
                "errors_injected": block["errors_injected"],
                "precision": block["precision"],
                "recall": block["recall"],
                "false_per_unit": block["false_findings_per_article"],
                "baseline_precision": block["baseline_difflib"]["location_precision"],
                "baseline_false_per_unit": block["baseline_difflib"]["false_findings_per_article"],
            }
        )
    return pd.DataFrame(rows)


def error_recall_by_kind(results: dict) -> pd.DataFrame:
    """Recall per finding kind in the three modes (injected errors found at their place)."""
    errors = results["errors"]
    pairs = errors["detector"]["by_kind"]
    wire = errors["end_to_end_stage"]["by_kind"]
    no_wire = errors["end_to_end_no_wire"]["by_kind"]
    rows = []
    for kind, block in pairs.items():
        if not block["injected"]:  # a kind no error is injected as (variant)
            continue
        rows.append(
            {
                "kind": kind,
                "injected_pairs": block["injected"],
                "recall_pairs": block["recall"],
                "recall_wire_given": wire.get(kind, {}).get("recall", float("nan")),
                "recall_no_wire": no_wire.get(kind, {}).get("recall", float("nan")),
            }
        )
    return pd.DataFrame(rows)


def benign_edits(results: dict) -> pd.DataFrame:
    """How often each kind of benign sub-editing was flagged (should be 0), and by the baseline."""
    errors = results["errors"]
    ours, base = (
        errors["detector"]["benign_flag_rate"],
        errors["baseline_difflib"]["benign_flag_rate"],
    )
    rows = [
        {
            "edit": edit,
            "cases": block["cases"],
            "flagged": block["flagged"],
            "baseline_flagged": base.get(edit, {}).get("flagged", float("nan")),
        }
        for edit, block in ours.items()
    ]
    return pd.DataFrame(rows)


def provenance_accuracy(results: dict) -> pd.DataFrame:
    """Agency-credit detection and speaker detection: precision and recall per test set.

    The held-out rows are the first scores of line sets written before the rules saw them;
    ``all lines (current rules)`` includes lines the rules were developed on.
    """
    attribution, claims = results["attribution"], results["claims"]
    first = attribution["first_scores"]
    rows = [
        {
            "test": "agency credits, conventions of #16, held out (first score)",
            "items": first["conventions_heldout"]["lines"],
            "precision": first["conventions_heldout"]["precision"],
            "recall": first["conventions_heldout"]["recall"],
        },
        {
            "test": "agency credits, held-out batch 2 (first score)",
            "items": first["heldout2"]["lines"],
            "precision": first["heldout2"]["precision"],
            "recall": first["heldout2"]["recall"],
        },
        {
            "test": "agency credits, held-out batch 1 (first score)",
            "items": first["heldout1"]["lines"],
            "precision": first["heldout1"]["precision"],
            "recall": first["heldout1"]["recall"],
        },
        {
            "test": "agency credits, all lines (current rules)",
            "items": attribution["all"]["lines"],
            "precision": attribution["all"]["precision"],
            "recall": attribution["all"]["recall"],
        },
        {
            "test": "speakers of claims, unseen sentences",
            "items": claims["sentences"],
            "precision": claims["precision"],
            "recall": claims["recall"],
        },
    ]
    return pd.DataFrame(rows)


def claim_matching(results: dict) -> pd.DataFrame:
    """Claim matching across versions (``wtbench.story_claims``): pairs of statements of
    the same claim and of different claims, precision, recall and false-match rate per set."""
    sets = {**results["story_claims"]["sets"], "all sets": results["story_claims"]["overall"]}
    return pd.DataFrame(
        [
            {
                "set": name,
                "same-claim pairs": s["same_claim_pairs"],
                "different-claim pairs": s["different_claim_pairs"],
                "precision": s["precision"],
                "recall": s["recall"],
                "false-match rate": s["false_match_rate"],
            }
            for name, s in sets.items()
        ]
    )


def claim_matching_semantic(results: dict) -> pd.DataFrame:
    """Claim matching with the semantic encoder (``wtbench.story_claims --semantic``), at
    the cosine and lexical score chosen on the dev sets: per set, the lexical matcher's
    precision and recall beside lexical+semantic's precision, recall and false-match rate."""
    semantic = results["story_claims_semantic"]
    lexical = {**results["story_claims"]["sets"], "all sets": results["story_claims"]["overall"]}
    sets = {**semantic["sets"], "all sets": semantic["overall"]}
    return pd.DataFrame(
        [
            {
                "set": name,
                "lexical precision": lexical[name]["precision"],
                "lexical recall": lexical[name]["recall"],
                "+semantic precision": s["precision"],
                "+semantic recall": s["recall"],
                "+semantic false-match rate": s["false_match_rate"],
            }
            for name, s in sets.items()
        ]
    )


def _claim_restated_line(results: dict) -> list[str]:
    """How many of the misses of all sets pair a statement of a claim its version states
    in more than one sentence, or nothing when the result file does not count them."""
    overall = results["story_claims"]["overall"]
    if "misses_restated" not in overall:
        return []
    misses = overall["same_claim_pairs"] - overall["right"]
    return [
        "",
        f"Of the {misses} same-claim pairs missed in all sets, {overall['misses_restated']} "
        "pair a statement of a claim that its version states in more than one sentence (a "
        "summary and then the quotation): the matcher keeps one statement of a claim per "
        "version, but for a restatement by the same words, a merge or a gap.",
    ]


def _claim_semantic_lines(results: dict) -> list[str]:
    """The sentence and table of claim matching with the semantic encoder, or nothing
    without its result file."""
    if "story_claims_semantic" not in results or "story_claims" not in results:
        return []
    semantic = results["story_claims_semantic"]
    chosen, sweep = semantic["chosen"], semantic["sweep_dev_overall"]
    lexical = semantic["lexical_dev_overall"]
    better = [
        s for s in sweep if s["right"] > lexical["right"] and s["precision"] >= lexical["precision"]
    ]
    most = max(sweep, key=lambda s: s["right"])
    verdict = (
        f"{len(better)} of {len(sweep)} settings match more same-claim pairs on the dev sets "
        "without losing precision"
        if better
        else f"none of the {len(sweep)} settings tried matches more same-claim pairs on the "
        "dev sets without losing precision"
    )
    return [
        "",
        f"With the `semantic` extra's encoder, {semantic['model']}, raising a pair to the "
        f"match bar from a cosine of {min(s['min_cosine'] for s in sweep)} to "
        f"{max(s['min_cosine'] for s in sweep)} and a lexical score of "
        f"{min(s['min_lexical'] for s in sweep)} to {max(s['min_lexical'] for s in sweep)}, "
        f"tried on the dev sets (all but {' and '.join(semantic['overall_excludes'])}): "
        f"{verdict}. The most "
        f"it matches (cosine {most['min_cosine']}, lexical {most['min_lexical']}) is "
        f"{most['right']} right of {most['matched']} matches, where the lexical matcher has "
        f"{lexical['right']} of {lexical['matched']} (precision {most['precision']} against "
        f"{lexical['precision']}). The library's default when an encoder is passed is "
        f"cosine {semantic['library_default']['min_cosine']}, lexical "
        f"{semantic['library_default']['min_lexical']}; at the chosen cosine "
        f"{chosen['min_cosine']} and lexical score {chosen['min_lexical']}:",
        "",
        _md_table(claim_matching_semantic(results)),
    ]


def claim_finding_scores(results: dict) -> pd.DataFrame:
    """Findings on matched claims (``wtbench.claim_findings``): per set (dev: the seeds;
    held-out: METER's PA copy) and finding kind, cases expected, reported, precision and
    recall."""
    rows = []
    for name, s in results["claim_findings"]["sets"].items():
        for kind, k in (s or {}).get("kinds", {}).items():
            rows.append(
                {
                    "set": name,
                    "kind": kind,
                    "expected": k["expected"],
                    "reported": k["reported"],
                    "precision": k["precision"],
                    "recall": k["recall"],
                }
            )
    return pd.DataFrame(rows)


#: Stages of the speed table: loading, story clustering, claim extraction, rewrite
#: detection run per story cluster, and the whole audit.
SPEED_STAGES = ["load", "cluster", "claims", "rewrites.per_story_cluster", "audit"]


def speed(results: dict) -> pd.DataFrame:
    """Wall seconds of the full audit and its main stages by corpus size."""
    table = results["speed"]
    table = table[table["stage"].isin(SPEED_STAGES)]
    wide = table.pivot_table(
        index=["corpus", "n_articles"], columns="stage", values="seconds", aggfunc="first"
    )
    wide = wide[[s for s in SPEED_STAGES if s in wide.columns]].reset_index()
    wide.columns.name = None
    return wide.sort_values("n_articles", ignore_index=True)


def scaling(results: dict) -> dict:
    """Log-log slope of audit time against corpus size, and candidate vs all pairs.

    A slope near 1 means cost grows linearly with the number of articles; all-pairs
    comparison would give 2.
    """
    clustering = results["clustering"]
    slope = clustering["loglog_slope_vs_articles"]
    largest = max(clustering["corpora"], key=lambda c: c["n_articles"])
    return {
        "slope_audit_seconds": slope["seconds"].get("audit"),
        "slope_audit_cpu_seconds": slope.get("cpu_seconds", {}).get("audit"),
        "largest_corpus": largest["n_articles"],
        "all_pairs": largest["all_pairs"],
        "candidate_pairs": largest["candidate_pairs"],
    }


def clustering(results: dict) -> pd.DataFrame:
    """Story clustering by corpus size: candidate pairs against all pairs, and its accuracy.

    From the last speed run (``clustering.json`` and the ``cluster`` rows of
    ``speed.csv``). ``precision``/``recall`` are pairwise (same-cluster pairs) against
    the synthetic corpus's known clusters.
    """
    table = results["speed"]
    seconds = table[table["stage"] == "cluster"].set_index("n_articles")["seconds"]
    rows = []
    for corpus in results["clustering"]["corpora"]:
        pairwise = corpus.get("pairwise", {})
        rows.append(
            {
                "articles": corpus["n_articles"],
                "cluster_seconds": seconds.get(corpus["n_articles"], float("nan")),
                "candidate_pairs": corpus["candidate_pairs"],
                "all_pairs": corpus["all_pairs"],
                "precision": pairwise.get("precision", float("nan")),
                "recall": pairwise.get("recall", float("nan")),
            }
        )
    return pd.DataFrame(rows)


def _md_table(frame: pd.DataFrame) -> str:
    def cell(value) -> str:
        if isinstance(value, float):
            return "–" if pd.isna(value) else f"{value:.3f}".rstrip("0").rstrip(".")
        return str(value)

    head = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def _semantic_block(results: dict) -> list[str]:
    if "semantic" not in results:
        return []
    sem = results["semantic"]
    new = sem["new_sentences"]
    return [
        f"**Semantic matching** (optional extra, {sem['model']}): of the sentences the "
        f"lexical aligner leaves new ({new['reuse']} in answers written from the source, "
        f"{new['non']} in answers written without it), those whose nearest source sentence "
        f"reaches each cosine; wiretrace.rewrites.semantic uses {sem['shipped_min_cosine']}:",
        "",
        _md_table(semantic_matching(results)),
        "",
    ]


def meter_derivation(results: dict) -> pd.DataFrame:
    """Derivation on the METER calibration split: one row per setting, macro-F1 over wholly /
    partially / non and derived vs non, and F1 per class. Cross-validated by story; the
    ``in-sample`` rows score constants fitted on these same articles."""
    meter = results["meter"]
    settings = [
        ("naive 3-gram containment, two thresholds (CV by story)", meter["baseline"]),
        ("wiretrace news model (CV by story)", meter["cv"]),
        ("wiretrace shipped constants (in-sample)", meter["shipped_in_sample"]),
        ("the audit's classes (in-sample)", meter["audit_in_sample"]),
    ]
    return pd.DataFrame(
        [
            {
                "setting": name,
                "three_class": block["three_class"],
                "derived_vs_non": block["derived_vs_non"],
                **{f"f1_{label}": block["per_class"][label]["f1"] for label in METER_LABELS},
            }
            for name, block in settings
        ]
    )


METER_LABELS = ("wholly", "partially", "non")


def meter_confusion(results: dict) -> pd.DataFrame:
    """The news model's held-out confusion on METER: gold (rows) against predicted."""
    confusion = results["meter"]["cv"]["confusion"]
    return pd.DataFrame(
        [{"gold": gold, **confusion[gold]} for gold in METER_LABELS],
        columns=["gold", *METER_LABELS],
    )


def meter_without_wire(results: dict) -> pd.DataFrame:
    """METER audited without its PA copy: per gold label, the articles, how many got a
    derivation row, the classes given, and error findings per article by severity."""
    per_label = results["meter"]["without_wire"]["per_label"]
    return pd.DataFrame(
        [
            {
                "label": label,
                "articles": block["articles"],
                "with_derivation_row": block["with_derivation_row"],
                **{f"called_{c}": block["derivation"][c] for c in METER_LABELS},
                "high_per_article": block["high_errors_per_article"],
                "medium_per_article": block["medium_errors_per_article"],
                "low_per_article": block["low_errors_per_article"],
            }
            for label, block in per_label.items()
        ]
    )


def _meter_block(results: dict) -> list[str]:
    if "meter" not in results:
        return []
    meter, boot = results["meter"], results["meter"]["cv_minus_baseline"]
    draws = meter["fold_draws"]
    interval = boot["three_class"]["interval_95"]
    return [
        f"**Derivation on real newspapers**: the METER calibration split ({meter['articles']} "
        f"articles of {meter['stories']} court stories, written from Press Association copy; "
        "each story audited with its PA takes as wire), 5-fold cross-validation by story:",
        "",
        _md_table(meter_derivation(results)),
        "",
        "Held-out confusion of the news model (gold in rows):",
        "",
        _md_table(meter_confusion(results)),
        "",
        f"News model minus baseline, three-class macro-F1: {boot['three_class']['difference']:+.3f}"
        f" (paired bootstrap over stories, 95% interval {interval[0]:+.3f} to {interval[1]:+.3f});"
        f" over {draws['draws']} random story folds the news model scores "
        f"{draws['three_class']['mean']:.3f} ({draws['three_class']['min']:.3f} to "
        f"{draws['three_class']['max']:.3f}) three-class and {draws['derived_vs_non']['mean']:.3f} "
        f"derived vs non, the baseline {draws['baseline_three_class']['mean']:.3f}.",
        "",
        *_ceiling_block(results),
        *_without_wire_block(results),
        *_multi_outlet_block(results),
    ]


def meter_ceiling(results: dict) -> pd.DataFrame:
    """Held-out macro-F1 of the news model and of two wide models on METER (mean and
    range over the ceiling benchmark's story-fold draws)."""

    def cell(s: dict) -> str:
        return f"{s['mean']:.3f} ({s['min']:.3f} to {s['max']:.3f})"

    models = results["meter_ceiling"]["models"]
    return pd.DataFrame(
        [
            {
                "model": name,
                "three-class macro-F1": cell(m["three_class"]),
                "derived vs non": cell(m["derived_vs_non"]),
            }
            for name, m in models.items()
        ]
    )


def _ceiling_block(results: dict) -> list[str]:
    if "meter_ceiling" not in results:
        return []
    ceiling = results["meter_ceiling"]
    six = ceiling["evidence"]["6"]
    derived = {k: v for k, v in six["without_run"].items() if k != "non"}
    non = six["with_run"].get("non", 0) + six["without_run"].get("non", 0)
    return [
        f"Is the shortfall the model's or the evidence's? The same split, {ceiling['draws']} "
        "random story-fold draws, two wider models over every measure of a "
        "derivation row and each measure relative to its story's median "
        "(`python -m wtbench.meter_ceiling`):",
        "",
        _md_table(meter_ceiling(results)),
        "",
        f"Of the articles METER labels derived, {sum(derived.values())} "
        f"({', '.join(f'{v} {k}' for k, v in sorted(derived.items()))}) share no run of six "
        "words outside quotation marks (two of them informative) with any of their story's PA "
        f"takes, and {six['with_run'].get('non', 0)} of the {non} articles labelled non do.",
        "",
    ]


def multi_outlet_verdicts(results: dict) -> pd.DataFrame:
    """The multi-outlet benchmark's high and medium findings by kind and hand verdict."""
    by_kind = results["multi_outlet"]["by_kind"]
    columns = ["right", "wrong", "unsure", "not judged"]
    return pd.DataFrame(
        [{"kind": kind, **{c: counts[c] for c in columns}} for kind, counts in by_kind.items()],
        columns=["kind", *columns],
    )


def _multi_outlet_block(results: dict) -> list[str]:
    if "multi_outlet" not in results:
        return []
    mo = results["multi_outlet"]
    verdicts = mo["verdicts"]
    return [
        f"Modern multi-outlet coverage without wire ({mo['articles']} articles of "
        f"{mo['stories']} stories, 2017-2018: wire copy republished by several sites, and "
        f"independent write-ups of one release): {mo['high_per_article']} high and "
        f"{mo['medium_per_article']} medium findings per article. Each was read by hand "
        f"beside its source: {verdicts['right']} right, {verdicts['wrong']} wrong, "
        f"{verdicts['unsure']} unsure, {verdicts['not judged']} not judged yet.",
        "",
        _md_table(multi_outlet_verdicts(results)),
        "",
    ]


def _without_wire_block(results: dict) -> list[str]:
    if "without_wire" not in results["meter"]:
        return []
    nowire = results["meter"]["without_wire"]
    kinds = ", ".join(f"`{k}` {v}" for k, v in nowire["kinds_on_independent"].items())
    return [
        "The same stories audited *without* their PA copy (the versions are the witnesses), "
        "by METER's label; error findings are every kind but `uncredited_reuse` (variants "
        "are `low`):",
        "",
        _md_table(meter_without_wire(results)),
        "",
        f"{nowire['independent_called_derived']:.1%} of the independently written articles are "
        f"called derived and {nowire.get('independent_accused_of_uncredited_reuse', 0)} "
        "accused of uncredited reuse; their high and medium error findings by kind: "
        f"{kinds or 'none'}.",
        "",
    ]


def _variants_line(results: dict) -> list[str]:
    no_wire = results["errors"]["end_to_end_no_wire"]
    if "variants" not in no_wire:
        return []
    return [
        f"Without wire, {no_wire['variants']} differences were reported as variants (where the "
        f"versions split with no majority), {no_wire['variants_on_injected']} of them on an "
        "injected error: a reading to check, not an error pinned on one version, so neither "
        "found nor false above.",
        "",
    ]


def fuzz_lines(results: dict) -> list[str]:
    """The input-ledger fuzz run's sentence (:mod:`wtbench.fuzz`), when it has a result."""
    if "fuzz" not in results:
        return []
    fuzz = results["fuzz"]
    problems = "; ".join(fuzz["problems"]) or "nothing raised, nothing lost"
    return [
        "",
        f"**Input ledger** (fuzz run): {fuzz['n_inputs']:,} generated inputs of "
        f"{len(fuzz['kinds'])} kinds gave {fuzz['rows']:,} rows of `articles` for "
        f"{fuzz['expected_rows']:,} expected ({fuzz['ok']:,} ok, {fuzz['rejected']:,} "
        f"rejected), loaded in {fuzz['load_seconds']} s; {fuzz['audited_inputs']} more "
        f"audited end to end: {problems}.",
    ]


def big_article_lines(results: dict) -> list[str]:
    """The long-article runs (:mod:`wtbench.big_article`): one row per article size with
    its wall time and peak memory, and whether the largest stays within the limits."""
    if "big_article" not in results:
        return []
    document = results["big_article"]
    rows = [
        {
            "MB": round(case["chars"] / 1_000_000, 1),
            "paragraphs": case["paragraphs"],
            "sentences": case["n_sentences"],
            "distinct": case.get("n_distinct_sentences", ""),
            "wall s": case["wall_seconds"],
            "peak MB": case["peak_rss_mb"],
            "derivation": case["derivation"],
            "findings high/medium/low": "/".join(
                str(case["findings"].get(s, 0)) for s in ("high", "medium", "low")
            ),
        }
        for case in document["cases"]
    ]
    limits = document["limits"]
    verdict = "within" if document["within_limits"] else "not within"
    return [
        "",
        f"**One long article** (`python -m wtbench.big_article`: the seeds' and Clough-Stevenson "
        f"sentences drawn into paragraphs, one paragraph of {document['long_paragraph']:,} "
        f"characters without a line break, audited in a fresh process against the wire copy "
        f"`{document['wire']}`; its sentences repeat (`distinct`: how many differ), so work done "
        f"once per distinct sentence costs less than on a real text of that length):",
        "",
        _md_table(pd.DataFrame(rows)),
        "",
        f"The largest is {verdict} the limits of {limits['wall_seconds']} s and "
        f"{limits['peak_rss_mb']:,} MB.",
    ]


def real_text_speed(results: dict) -> pd.DataFrame:
    """The real-text speed runs (``speed_real.json``): one row per corpus and worker count,
    with pairwise precision and recall of the story clusters against the planted ones
    (precision also with the pairs of two clusters of one real case left out)."""
    document = results["speed_real"]
    pairwise = {c["corpus"]: c["pairwise"] for c in document["corpora"]}
    across = {c["corpus"]: c.get("pairwise_across_topics", {}) for c in document["corpora"]}
    rows = []
    for run in document["runs"]:
        scores = pairwise.get(run["corpus"], {})
        rows.append(
            {
                "articles": run["n_articles"],
                "workers": run["workers"],
                "wall s": run["seconds"],
                "ms / article": run["ms_per_article"],
                "driver CPU s": run["cpu_seconds"],
                "workers CPU s": run.get("worker_cpu_seconds") or "",
                "driver peak MB": run["driver_peak_mb"],
                "worker peak MB": run["worker_peak_mb"] if run["worker_peak_mb"] else "",
                "load average": run["load_average"],
                "pair precision": scores.get("precision", ""),
                "pair precision across topics": across.get(run["corpus"], {}).get("precision", ""),
                "pair recall": scores.get("recall", ""),
            }
        )
    return pd.DataFrame(rows)


#: What the memory columns of a ``speed_real.json`` without a ``memory`` note mean: it
#: was written when the runs shared one process.
OLD_MEMORY_NOTE = (
    "each figure is the peak of its process so far (the runs shared one process and the "
    "workers started with the driver's peak), not one run's"
)


#: The share of its cores' time a run's processes must get to count as run on an idle
#: machine when the load average is above the core count (:func:`competed`).
CPU_SHARE = 0.8


def competed(run: dict, cores: int) -> bool:
    """True when other processes competed with a speed run: the 1-minute load average
    taken as it started was above ``cores`` and its processes (the driver, or the
    workers) got less than :data:`CPU_SHARE` of the CPU time of the cores they ran on.
    The load average alone also counts the benchmark's own run that just ended (two
    workers leave it near 2 on two cores)."""
    if run["load_average"] <= cores:
        return False
    if run["workers"] > 1:
        used, cores_used = run.get("worker_cpu_seconds") or 0.0, run["workers"]
    else:
        used, cores_used = run["cpu_seconds"], 1
    return used < CPU_SHARE * cores_used * run["seconds"]


def cost_model(document: dict, articles: int = 1_000_000) -> dict | None:
    """What ``articles`` articles would take, from the parallel runs of a
    ``speed_real.json`` (``None`` without one on two sizes): worker CPU per article of the
    largest run, so worker-hours and hours on 32 workers; the driver's CPU per article;
    a worker's peak memory on the largest and on the smallest run; the
    driver's peak memory fitted as a line through its peaks against the corpus size."""
    runs = [r for r in document["runs"] if r["workers"] > 1 and r.get("worker_cpu_seconds")]
    if len({r["n_articles"] for r in runs}) < 2:
        return None
    largest = max(runs, key=lambda r: r["n_articles"])
    sizes = np.array([r["n_articles"] for r in runs], dtype=float)
    peaks = np.array([r["driver_peak_mb"] for r in runs], dtype=float)
    slope, intercept = np.polyfit(sizes, peaks, 1)
    worker_ms = 1000 * largest["worker_cpu_seconds"] / largest["n_articles"]
    driver_ms = 1000 * largest["cpu_seconds"] / largest["n_articles"]
    return {
        "worker_cpu_ms": worker_ms,
        "worker_hours": worker_ms * articles / 3.6e6,
        "hours_on_32": worker_ms * articles / 3.6e6 / 32,
        "driver_cpu_ms": driver_ms,
        "driver_hours": driver_ms * articles / 3.6e6,
        "worker_mb": float(largest["worker_peak_mb"]),
        "worker_mb_smallest": float(min(runs, key=lambda r: r["n_articles"])["worker_peak_mb"]),
        "driver_mb_per_1000": float(1000 * slope),
        "driver_gb": float(intercept + slope * articles) / 1024,
    }


def real_speed_block(results: dict) -> list[str]:
    """The real-text speed table and the cost model derived from its largest corpus."""
    if "speed_real" not in results:
        return []
    document = results["speed_real"]
    table = real_text_speed(results)
    largest = table[table["articles"] == table["articles"].max()]
    model = ", ".join(
        f"{r['workers']} worker{'s' if r['workers'] > 1 else ''}: "
        f"{r['ms / article']:.0f} ms per article, so {r['ms / article'] / 3.6:.1f} hours "
        f"per million articles"
        for _, r in largest.iterrows()
    )
    same = all(c["same_tables_every_run"] for c in document["corpora"])
    runs = [r for r in document["runs"] if r["n_articles"] == largest["articles"].max()]
    busy = any(competed(r, document["cores"]) for r in runs)
    if busy:  # other processes held the cores: wall time per article says little
        model_line = (
            f"No cost model from these runs: the load average was above the machine's "
            f"{document['cores']} cores while they ran, and they got less than "
            f"{CPU_SHARE:.0%} of the CPU time they could use."
        )
    else:
        model_line = (
            f"Cost model from the largest corpus ({int(largest['articles'].iloc[0]):,} "
            f"articles; time per article taken as constant): {model}."
        )
        million = cost_model(document)
        if million:
            model_line += (
                f" A million articles on a Dask cluster, from the parallel runs' CPU and "
                f"memory: {million['worker_cpu_ms']:.0f} ms of worker CPU per article, so "
                f"{million['worker_hours']:,.0f} worker-hours "
                f"({million['hours_on_32']:.1f} hours on 32 workers, plus the driver's "
                f"{million['driver_cpu_ms']:.1f} ms per article, {million['driver_hours']:.1f} "
                f"hours, part of it while the workers run). A worker peaked at "
                f"{million['worker_mb']:,.0f} MB on the largest run and "
                f"{million['worker_mb_smallest']:,.0f} MB on the smallest: it keeps the "
                f"parsed articles of the load tasks its clusters still need, so its memory "
                f"grows with the corpus too. The driver would need about "
                f"{million['driver_gb']:.1f} GB (its peak growing "
                f"{million['driver_mb_per_1000']:.0f} MB per 1,000 articles)."
            )
    return [
        "",
        f"**Speed on real text** (`python -m wtbench.speed --real`: METER calibration and "
        f"Clough-Stevenson texts with a newsroom's edits, 1 to 5 versions per story; "
        f"{document['cores']} cores, shared with other work when the load average is above "
        f"that):",
        "",
        _md_table(table),
        "",
        f"{model_line} Serial and parallel runs wrote {'the same' if same else 'different'} "
        f"tables. Memory: {document.get('memory', OLD_MEMORY_NOTE)}.",
    ]


def markdown(results: dict) -> str:
    """The README's benchmark block, every figure read from ``results``."""
    parts = [
        START,
        "_Written by `make bench` from `benchmarks/results/`; do not edit by hand._",
        "",
        "**Derivation classes** on Clough & Stevenson (2011), 95 answers, macro-F1 (cut and light "
        "= wholly, heavy = partially):",
        "",
        _md_table(derivation_accuracy(results)),
        "",
        "wiretrace against the rebuilt baseline, held out: the paired bootstrap's 95% interval "
        "on the fixed folds, and the difference on "
        f"{results['clough_stevenson']['cv_minus_baseline_fold_draws']['hard_part']['draws']} "
        "random fold draws:",
        "",
        _md_table(derivation_comparison(results)),
        "",
        *_meter_block(results),
        *_semantic_block(results),
        "**Introduced errors**, error-injection benchmark (real source sentences, injected "
        "errors of every kind and benign sub-editor edits; baseline: word-by-word difflib diff):",
        "",
        _md_table(error_detection(results)),
        "",
        *_variants_line(results),
        _md_table(error_recall_by_kind(results)),
        "",
        "**Provenance**:",
        "",
        _md_table(provenance_accuracy(results)),
        *fuzz_lines(results),
        *big_article_lines(results),
    ]
    if "story_claims" in results:
        parts += [
            "",
            "**Claims across versions**, the same claim matched in every version (lexical "
            "matcher; seed claims, seed claims re-attributed, Clough-Stevenson sentences, "
            "METER calibration wire/paper claims: meter_dev, on which the shared-name rule was "
            "chosen, meter_heldout, labelled before it and measured once after the speaker, "
            "restatement, misspelling and gap rules, meter_dev2, other folders with every "
            "two versions scored, on which those rules were chosen, meter_dev3, other "
            "folders labelled the same way, on which the content-word, two-people, "
            "trimmed-quotation and verbatim-quotation rules were chosen, and meter_test, a "
            "blind test of other folders labelled the same way before any later rule; every "
            "set matched story by story; 'all sets' leaves meter_heldout and meter_test out):",
            "",
            _md_table(claim_matching(results)),
            *_claim_restated_line(results),
            *_claim_semantic_lines(results),
        ]
    if "claim_findings" in results:
        parts += [
            "",
            "**Findings on matched claims**, per kind: cases of three versions from real claim "
            "sentences (unchanged, re-attributed, hedged, negated, a different claim of the "
            "same speaker, the seeds' real re-wordings), dev = the seeds, held-out = METER "
            "calibration PA copy:",
            "",
            _md_table(claim_finding_scores(results)),
        ]
    if "mt_order" in results:
        english = results["mt_order"]["english"]
        read = ", ".join(
            f"{s['flagged']} of {s['sentences']} sentences of {name}" for name, s in english.items()
        )
        parts += [
            "",
            f"Verb-final order (`mt_artifact`) on real English, none machine-translated: {read}; "
            f"on seed 004 (machine translation): "
            f"{len(results['mt_order']['machine_translation_004']['flagged'])} flagged.",
        ]
    if "claims_precision" in results:
        cp = results["claims_precision"]
        parts += [
            "",
            f"Findings on claims across versions on real folders (Clough-Stevenson and "
            f"{cp['folders_audited'] - 1} METER calibration stories, audited as folders, read "
            f"by hand): {cp['accusations']} `attribution_changed`, `quote_altered`, "
            f"`modality_change` or `negation_change` "
            f"({cp['right']} of {cp['judged']} judged right); {cp['variants']} variants "
            f"({', '.join(f'{v} {n}' for v, n in cp['variant_verdicts'].items()) or 'none'}).",
        ]
    if "speed" in results and "clustering" in results:
        scale = scaling(results)
        parts += [
            "",
            "**Speed** (wall seconds on a 2-core machine):",
            "",
            _md_table(speed(results)),
            "",
            f"Audit time grows with corpus size at a log-log slope of "
            f"{scale['slope_audit_seconds']:.2f} (1 = linear, 2 = all pairs); on "
            f"{scale['largest_corpus']:,} articles the clustering compared "
            f"{scale['candidate_pairs']:,} candidate pairs of {scale['all_pairs']:,}.",
            "",
            "Story clustering by corpus size: candidate pairs against all pairs, and pairwise "
            "precision and recall against the synthetic corpus's known clusters:",
            "",
            _md_table(clustering(results)),
        ]
    parts += real_speed_block(results)
    parts += driver_memory_lines(results)
    parts.append(END)
    return "\n".join(parts) + "\n"


def driver_memory_lines(results: dict) -> list[str]:
    """The driver's peak memory of parallel audits by corpus size (``driver_memory.json``)
    and the line fitted through it, read at 100,000 articles (issue #14: below 2 GB)."""
    if "driver_memory" not in results:
        return []
    document = results["driver_memory"]
    rows = [
        {
            "articles": r["n_articles"],
            "driver at start MB": r["start_mb"],
            "driver peak MB": r["driver_peak_mb"],
            "worker peak MB": r["worker_peak_mb"],
            "load average": r["load_average"],
        }
        for r in document["runs"]
    ]
    fit, target = document["fit_written"], document["target_articles"]
    return [
        "",
        f"**Driver memory of a parallel audit** (`wtbench.driver_memory`: generated "
        f"articles, {document['workers']} workers, each run in a fresh process, tables "
        "written as CSV):",
        "",
        _md_table(pd.DataFrame(rows)),
        "",
        f"A least-squares line through the peaks below {target:,} articles: "
        f"{fit['mb_per_article'] * 1000:.1f} kB per "
        f"article above {fit['intercept_mb']:.0f} MB, so {fit['fitted_mb_at_target']:,.0f} MB "
        f"at {target:,} articles ({_against_limit(fit['fitted_mb_at_target'])} "
        "issue #14's 2 GB); log-log slope of the peak above the start "
        f"{document['loglog_slope_above_start']}.",
        *_marginal_line(document.get("marginal_written"), target),
        *_measured_line(document.get("measured_at_target"), document["workers"]),
    ]


def _against_limit(mb: float) -> str:
    """``below`` or ``above`` issue #14's limit on the driver's memory (2 GB, as 2,000 MB)."""
    return "below" if mb < 2000 else "above"


def _measured_line(run: dict | None, workers: int) -> list[str]:
    """The line on the run at the target size, when there is one."""
    if not run:
        return []
    peak = run["driver_peak_mb"]
    return [
        "",
        f"Measured at {run['n_articles']:,} articles: driver peak {peak:,.0f} MB "
        f"({_against_limit(peak)} 2 GB), largest worker "
        f"{run['worker_peak_mb']:,.0f} MB, {run['seconds'] / 60:.0f} minutes wall on "
        f"{workers} workers (load average {run['load_average']}).",
    ]


def _marginal_line(marginal: dict | None, target: int) -> list[str]:
    """The line on the growth between the two largest sizes, continued to ``target``."""
    if not marginal:
        return []
    low, high = marginal["between"]
    return [
        "",
        f"The growth from {low:,} to {high:,} articles, {marginal['mb_per_article'] * 1000:.1f} "
        f"kB per article, continued from the larger of them gives "
        f"{marginal['fitted_mb_at_target']:,.0f} MB at {target:,} articles.",
    ]


def update_readme(readme: str | Path, results: dict) -> bool:
    """Replace the block between the markers in ``readme``; return True if it changed."""
    path = Path(readme)
    text = path.read_text(encoding="utf-8")
    start, end = text.index(START), text.index(END) + len(END) + 1
    new = text[:start] + markdown(results) + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
