"""Short labels: outlet, else byline, else a short id; unique; the full id stays in tables."""

from __future__ import annotations

import pandas as pd
import pytest

from wiretrace.report import plots
from wiretrace.report.labels import label_of, labelled, result_labels, short_id, version_labels


def _articles(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "byline", "status"])


@pytest.mark.parametrize(
    ("article_id", "short"),
    [
        ("000_5ceb88a01bc13192", "000"),
        ("g0pA_taska", "g0pA_taska"),
        ("a-very-long-file-name-indeed", "a-very-long-f\u2026"),
        ("consensus:0", "consensus:0"),
    ],
)
def test_short_id(article_id, short):
    assert short_id(article_id) == short


def test_outlet_then_byline_then_short_id():
    articles = _articles(
        [
            ("000_5ceb88a01bc13192", "", "", "ok"),
            ("001_d598337ef24b6ebd", "", "Tunde Oso", "ok"),
            ("002_81e9dda9929231ae", "wionews.com", "Staff", "ok"),
        ]
    )
    assert version_labels(articles, ["consensus:0"]) == {
        "000_5ceb88a01bc13192": "000",
        "001_d598337ef24b6ebd": "Tunde Oso",
        "002_81e9dda9929231ae": "wionews.com",
        "consensus:0": "consensus",
    }


def test_labels_are_unique():
    articles = _articles(
        [("a_11111111aa", "bbc.co.uk", "", "ok"), ("b_22222222bb", "bbc.co.uk", "", "ok")]
    )
    assert version_labels(articles, ["consensus:0", "consensus:1", "wire:1"]) == {
        "a_11111111aa": "bbc.co.uk · a",
        "b_22222222bb": "bbc.co.uk · b",
        "consensus:0": "consensus 0",
        "consensus:1": "consensus 1",
        "wire:1": "wire copy",
    }


def test_no_article_no_label():
    assert version_labels(_articles([])) == {}
    assert label_of(None, "000_5ceb88a01bc13192") == "000"


def test_seed_labels_name_the_known_outlet(seed_audit):
    labels = result_labels(seed_audit.articles, seed_audit.derivation, seed_audit.stemma)
    assert labels["002_81e9dda9929231ae"] == "wionews.com"
    assert labels["consensus:0"] == "consensus"
    table = labelled(seed_audit.articles[["article_id", "n_words"]], labels)
    assert list(table.columns) == ["article_id", "label", "n_words"]
    assert table["article_id"].tolist() == seed_audit.articles["article_id"].tolist()


def _drawn_text(fig) -> set[str]:
    texts = set()
    for ax in fig.axes:
        texts |= {t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()}
        texts |= {t.get_text() for t in ax.texts}
    return texts


def test_no_raw_file_stem_in_any_chart_where_an_outlet_is_known(seed_audit):
    from wiretrace.rewrites.stemma import stemma_layout

    r = seed_audit
    labels = result_labels(r.articles, r.derivation, r.stemma)
    figures = [
        plots.article_lengths(r.articles, labels),
        plots.credit_heatmap(r.articles, r.attributions, labels),
        plots.containment_heatmap(r.derivation, labels),
        plots.sentence_strips(r.alignments, labels),
        plots.stemma_plot(r.stemma, stemma_layout(r.stemma), labels),
        plots.findings_heatmap(r.articles, r.findings, labels=labels),
        plots.readability_deltas(r.readability, labels),
        plots.ranking(r.scorecard, labels),
    ]
    stems = set(r.articles["article_id"]) | {"consensus:0"}
    for fig, data in figures:
        drawn = _drawn_text(fig)
        assert not drawn & stems, drawn & stems
        if "article_id" in data:
            assert set(data["article_id"]) <= stems  # the data keeps the full ids
    assert "wionews.com" in _drawn_text(figures[0][0])
