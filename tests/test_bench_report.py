"""Tests for wtbench.report: the result tables and the README block."""

from __future__ import annotations

import pandas as pd
import pytest

from wiretrace import schema
from wtbench import paths, report


def test_tables_read_the_result_files():
    results = report.load_results(paths.RESULTS_DIR)
    accuracy = report.derivation_accuracy(results)
    assert accuracy["setting"].iloc[0].startswith("n-gram baseline")
    cv = accuracy.set_index("setting").loc["wiretrace (5-fold CV)"]
    assert cv["four_class"] == results["clough_stevenson"]["cv"]["four_class"]["macro_f1"]
    errors = report.error_detection(results)
    assert list(errors["mode"]) == ["sentence pairs", "articles, wire given", "articles, no wire"]
    assert errors["precision"].between(0, 1).all()
    kinds = report.error_recall_by_kind(results)
    assert set(kinds["kind"]) <= set(schema.FINDING_KINDS)


def test_update_readme_replaces_only_the_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{report.START}\nold\n{report.END}\nafter\n", encoding="utf-8")
    results = report.load_results(paths.RESULTS_DIR)
    assert report.update_readme(readme, results) is True
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("before\n<!-- bench:start -->") and text.endswith(
        "<!-- bench:end -->\nafter\n"
    )
    assert "stale figures" not in text
    assert report.update_readme(readme, results) is False  # idempotent


def test_markdown_cells():
    frame = pd.DataFrame({"a": ["x"], "b": [0.12345], "c": [float("nan")], "d": [3]})
    assert report._md_table(frame).splitlines()[-1] == "| x | 0.123 | – | 3 |"


def test_clustering_table_reads_candidates_and_accuracy():
    results = report.load_results(paths.RESULTS_DIR)
    table = report.clustering(results).set_index("articles")
    largest = table.index.max()
    assert largest == 10000
    assert table.loc[largest, "candidate_pairs"] < table.loc[largest, "all_pairs"] / 100
    assert 0 < table.loc[largest, "precision"] <= 1


def test_derivation_comparison_reads_the_uncertainty():
    results = report.load_results(paths.RESULTS_DIR)
    table = report.derivation_comparison(results).set_index("task")
    assert list(table.index) == list(report.DERIVATION_TASKS)
    hard = results["clough_stevenson"]["cv_minus_baseline"]["hard_part"]
    assert table.loc["hard_part", "difference"] == hard["difference"]
    assert set(table["verdict"]) <= {
        "better",
        "worse",
        "ahead on every draw, within noise",
        "behind on every draw, within noise",
        "level",
    }


@pytest.mark.parametrize(
    ("interval", "won", "expected"),
    [
        ((0.01, 0.2), 20, "better"),
        ((-0.2, -0.01), 0, "worse"),
        ((-0.05, 0.2), 20, "ahead on every draw, within noise"),
        ((-0.05, 0.0), 0, "behind on every draw, within noise"),
        ((-0.05, 0.05), 11, "level"),
    ],
)
def test_verdict(interval, won, expected):
    assert report.verdict(interval, won, 20) == expected


def test_semantic_table_reads_its_result_file():
    results = report.load_results(paths.RESULTS_DIR)
    table = report.semantic_matching(results)
    rows = results["semantic"]["thresholds"]
    assert list(table["min_cosine"]) == [r["min_cosine"] for r in rows]
    assert table["matches_in_non_answers"].between(0, 1).all()
    assert "Semantic matching" in report.markdown(results)


def test_claim_matching_with_the_encoder_sits_beside_the_lexical_figures():
    results = report.load_results(paths.RESULTS_DIR)
    table = report.claim_matching_semantic(results)
    semantic = results["story_claims_semantic"]
    assert list(table["set"]) == [*semantic["sets"], "all sets"]
    lexical = results["story_claims"]["sets"]["meter_dev3"]
    row = table[table["set"] == "meter_dev3"].iloc[0]
    assert row["lexical recall"] == lexical["recall"]
    assert row["+semantic recall"] == semantic["sets"]["meter_dev3"]["recall"]
    chosen = semantic["chosen"]
    assert f"at the chosen cosine {chosen['min_cosine']}" in report.markdown(results)


def test_the_claim_block_counts_the_misses_of_claims_stated_twice():
    results = report.load_results(paths.RESULTS_DIR)
    overall = results["story_claims"]["overall"]
    misses = overall["same_claim_pairs"] - overall["right"]
    assert 0 <= overall["misses_restated"] <= misses
    line = f"Of the {misses} same-claim pairs missed in all sets, {overall['misses_restated']} "
    assert line in report.markdown(results)


def test_the_fuzz_run_has_its_sentence_in_the_block():
    fuzz = {
        "n_inputs": 10000, "kinds": {"txt": 1, "csv": 1}, "rows": 12000, "expected_rows": 12000,
        "ok": 7000, "rejected": 5000, "load_seconds": 300.5, "audited_inputs": 20,
        "problems": [],
    }  # fmt: skip
    assert report.fuzz_lines({}) == []
    assert report.fuzz_lines({"fuzz": fuzz})[1] == (
        "**Input ledger** (fuzz run): 10,000 generated inputs of 2 kinds gave 12,000 rows of "
        "`articles` for 12,000 expected (7,000 ok, 5,000 rejected), loaded in 300.5 s; 20 more "
        "audited end to end: nothing raised, nothing lost."
    )


def test_real_text_speed_block_derives_the_cost_model_from_the_largest_corpus():
    run = {"corpus": "news-400", "n_articles": 400, "seconds": 36.0, "cpu_seconds": 40.0}
    results = {
        "speed_real": {
            "cores": 2,
            "runs": [
                {
                    **run,
                    "workers": 1,
                    "ms_per_article": 90.0,
                    "driver_peak_mb": 500.0,
                    "worker_peak_mb": None,
                    "load_average": 1.5,
                },
                {
                    **run,
                    "workers": 2,
                    "ms_per_article": 54.0,
                    "driver_peak_mb": 510.0,
                    "worker_peak_mb": 400.0,
                    "worker_cpu_seconds": 30.0,
                    "load_average": 1.9,
                },
            ],
            "memory": "each audit ran in a fresh process",
            "corpora": [
                {
                    "corpus": "news-400",
                    "pairwise": {"precision": 0.95, "recall": 0.97},
                    "pairwise_across_topics": {"precision": 0.99, "recall": 0.97},
                    "same_tables_every_run": True,
                }
            ],
        }
    }
    table = report.real_text_speed(results)
    assert table["pair recall"].tolist() == [0.97, 0.97]
    assert table["pair precision"].tolist() == [0.95, 0.95]
    assert table["pair precision across topics"].tolist() == [0.99, 0.99]
    assert table["worker peak MB"].tolist() == ["", 400.0]
    assert table["driver CPU s"].tolist() == [40.0, 40.0]
    assert table["workers CPU s"].tolist() == ["", 30.0]
    text = "\n".join(report.real_speed_block(results))
    assert "1 worker: 90 ms per article, so 25.0 hours per million articles" in text
    assert "2 workers: 54 ms per article, so 15.0 hours per million articles" in text
    assert "wrote the same tables. Memory: each audit ran in a fresh process." in text
    del results["speed_real"]["memory"]  # written before the runs had a process each
    assert "Memory: each figure is the peak of its process so far" in "\n".join(
        report.real_speed_block(results)
    )
    assert report.real_speed_block({}) == []
    for r in results["speed_real"]["runs"]:
        r["load_average"] = 6.0  # a busy machine: no cost model
    text = "\n".join(report.real_speed_block(results))
    assert "hours per million" not in text
    assert "No cost model from these runs: the load average was above the machine's 2" in text


def test_claim_finding_scores_has_a_row_per_set_and_kind():
    kind = {"expected": 2, "reported": 1, "right": 1, "precision": 1.0, "recall": 0.5}
    results = {
        "claim_findings": {"sets": {"dev": {"kinds": {"quote_altered": kind}}, "heldout": None}}
    }
    table = report.claim_finding_scores(results)
    assert table.to_dict("records") == [
        {
            "set": "dev",
            "kind": "quote_altered",
            "expected": 2,
            "reported": 1,
            "precision": 1.0,
            "recall": 0.5,
        }
    ]


def test_the_million_article_cost_model_reads_the_parallel_runs():
    def run(n, worker_cpu, driver_cpu, driver_mb, worker_mb, workers=2):
        return {
            "n_articles": n,
            "workers": workers,
            "worker_cpu_seconds": worker_cpu,
            "cpu_seconds": driver_cpu,
            "driver_peak_mb": driver_mb,
            "worker_peak_mb": worker_mb,
        }

    document = {"runs": [run(1000, 1, 1, 999, None, workers=1), run(1000, 50.0, 4.0, 300.0, 700.0)]}
    assert report.cost_model(document) is None  # one size: no growth to fit
    document["runs"].append(run(4000, 200.0, 12.0, 600.0, 800.0))
    model = report.cost_model(document)
    assert model["worker_cpu_ms"] == 50.0 and model["driver_cpu_ms"] == 3.0
    assert round(model["worker_hours"], 2) == 13.89 and round(model["hours_on_32"], 3) == 0.434
    assert model["worker_mb"] == 800.0 and model["worker_mb_smallest"] == 700.0
    assert round(model["driver_mb_per_1000"], 6) == 100.0  # (600 - 300) / 3,000 articles
    assert round(model["driver_gb"], 3) == round((200 + 100_000) / 1024, 3)


def test_a_run_competed_only_when_the_load_was_high_and_it_got_less_cpu_than_its_cores():
    serial = {"workers": 1, "seconds": 100.0, "cpu_seconds": 95.0, "load_average": 2.02}
    assert not report.competed(serial, cores=2)  # its own core, nearly all the time
    assert report.competed({**serial, "cpu_seconds": 60.0}, cores=2)
    assert not report.competed({**serial, "cpu_seconds": 60.0, "load_average": 1.9}, cores=2)
    parallel = {"workers": 2, "seconds": 100.0, "worker_cpu_seconds": 180.0, "load_average": 2.2}
    assert not report.competed(parallel, cores=2)
    assert report.competed({**parallel, "worker_cpu_seconds": 120.0}, cores=2)
