"""Tests for wtbench.big_article: the long article it builds, its run and its README lines."""

from __future__ import annotations

import json

from wtbench import big_article, report


def test_the_article_is_paragraphs_of_real_sentences_and_one_long_paragraph():
    sentences = [f"Sentence number {n} is here." for n in range(40)]
    text = big_article.build_article(sentences, 20_000)
    paragraphs = text.rstrip("\n").split("\n\n")
    assert abs(len(text) - 20_000) < 1_000
    longest = max(paragraphs, key=len)
    assert len(longest) >= 5_000 and "\n" not in longest  # size // 4, with no line break
    assert all(p.endswith(".") for p in paragraphs)
    assert set(" ".join(paragraphs).replace(". ", ".|").split("|")) <= set(sentences)
    assert text == big_article.build_article(sentences, 20_000)  # seeded: the same text


def test_a_small_run_records_time_memory_and_what_the_audit_found(tmp_path):
    result = big_article.run(sizes=(20_000,), out_dir=tmp_path)
    written = json.loads((tmp_path / "big_article.json").read_text(encoding="utf-8"))
    assert written == result
    (case,) = result["cases"]
    assert case["size"] == 20_000 and case["paragraphs"] > 10
    assert case["n_sentences"] > 100 and case["n_words"] > 2_000
    assert 0 < case["n_distinct_sentences"] <= case["n_sentences"]
    assert case["wall_seconds"] > 0 and case["peak_rss_mb"] > 100  # measured, not judged here
    assert case["derivation"] in ("wholly", "partially", "non")
    limits = result["limits"]
    assert result["within_limits"] is all(case[k] < v for k, v in limits.items())


def test_the_readme_lines_give_each_size():
    document = {
        "long_paragraph": 200_000,
        "wire": "w.txt",
        "limits": {"wall_seconds": 60, "peak_rss_mb": 1024},
        "within_limits": False,
        "cases": [
            {
                "chars": 5_000_233,
                "paragraphs": 7446,
                "n_sentences": 40_000,
                "n_distinct_sentences": 4_500,
                "wall_seconds": 99.5,
                "peak_rss_mb": 2000.0,
                "derivation": "non",
                "findings": {"high": 1, "low": 3},
            }
        ],
    }
    assert report.big_article_lines({}) == []
    lines = report.big_article_lines({"big_article": document})
    assert lines[-3].splitlines()[-1] == "| 5 | 7446 | 40000 | 4500 | 99.5 | 2000 | non | 1/0/3 |"
    assert lines[-1] == "The largest is not within the limits of 60 s and 1,024 MB."
