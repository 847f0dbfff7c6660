"""Tests of wtbench.multi_outlet: figures from findings and hand verdicts (no corpus needed)."""

from __future__ import annotations

import pandas as pd

from wtbench import multi_outlet, report


def _findings():
    return pd.DataFrame(
        [
            ("a", "uncredited_reuse", "high", 0, 10),
            ("a", "number_change", "high", 20, 24),
            ("b", "unsupported_addition", "medium", 5, 50),
            ("b", "variant", "low", 60, 62),
        ],
        columns=["article_id", "kind", "severity", "start", "end"],
    )


def test_figures_count_verdicts_and_findings_not_judged_yet():
    derivation = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "story": ["s", "s", "t"],
            "derivation": ["wholly", "non", "non"],
        }
    )
    judged = pd.DataFrame(
        [("a", "uncredited_reuse", 0, 10, "right"), ("a", "number_change", 20, 24, "wrong")],
        columns=[*multi_outlet.KEY, "verdict"],
    )
    got = multi_outlet.figures(_findings(), derivation, judged)
    assert got["articles"] == 3 and got["stories"] == 2 and got["derived"] == 1
    assert got["findings"] == 3  # the low variant is not among them
    assert got["verdicts"] == {"right": 1, "wrong": 1, "unsure": 0, "not judged": 1}
    assert got["right_share_of_judged"] == 0.5
    assert got["high_per_article"] == round(2 / 3, 3)
    assert got["by_kind"]["unsupported_addition"]["not judged"] == 1
    table = report.multi_outlet_verdicts({"multi_outlet": got})
    assert table.set_index("kind").loc["number_change", "wrong"] == 1


def test_a_missing_corpus_says_how_to_prepare_it(tmp_path, capsys):
    assert multi_outlet.run(out_dir=tmp_path, folder=tmp_path / "absent") is None
    assert "prepare.py" in capsys.readouterr().out
    assert not (tmp_path / "multi_outlet.json").exists()
