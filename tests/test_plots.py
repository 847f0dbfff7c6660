from __future__ import annotations

import pandas as pd

from wiretrace.report import plots


def test_article_lengths_draws_only_audited_articles_and_saves_its_data(seed_audit, tmp_path):
    articles = pd.concat(
        [
            seed_audit.articles,
            pd.DataFrame(
                [{"article_id": "bad", "status": "rejected", "role": "article", "n_words": 0}]
            ),
        ],
        ignore_index=True,
    )
    fig, data = plots.article_lengths(articles)
    assert list(data["article_id"]) == sorted(seed_audit.articles["article_id"])
    png = plots.save(fig, data, "lengths", tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    saved = pd.read_csv(tmp_path / "lengths.csv")
    assert saved["n_words"].tolist() == data["n_words"].tolist()


def test_colours_are_shared_across_charts():
    assert plots.COLOURS["verbatim"] == plots.COLOURS["wholly"] == plots.COLOURS["high"]
    assert len({plots.COLOURS[k] for k in ("verbatim", "rewrite", "new")}) == 3


def test_credit_heatmap_keeps_every_form_and_strongest_first(seed_audit):
    _, data = plots.credit_heatmap(seed_audit.articles, seed_audit.attributions)
    forms = data.set_index(["article_id", "agency"])["forms"].to_dict()
    assert forms[("004_d5c23e7a232071b8", "afp")] == "sign_off; photo_credit"
    assert forms[("001_d598337ef24b6ebd", "agencies")] == "byline"
    assert not any(a.startswith("000_") for a, _ in forms)  # no credit, no cell


def test_containment_heatmap_data_is_the_derivation_table(seed_audit):
    _, data = plots.containment_heatmap(seed_audit.derivation)
    assert len(data) == len(seed_audit.derivation)
    assert data["containment"].between(0, 1).all()


def test_sentence_strips_one_cell_per_sentence(seed_audit):
    _, data = plots.sentence_strips(seed_audit.alignments)
    assert data.groupby("article_id").size().to_dict() == dict(
        zip(seed_audit.articles["article_id"], seed_audit.articles["n_sentences"], strict=True)
    )


def test_findings_heatmap_counts_findings_per_article_and_kind():
    articles = pd.DataFrame({"article_id": ["a", "b"], "status": ["ok", "ok"]})
    findings = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "kind": ["typo", "typo", "verb_change"],
            "severity": ["low", "medium", "high"],
        }
    )
    _, data = plots.findings_heatmap(articles, findings)
    assert data.to_dict("records") == [
        {"article_id": "a", "typo": 2, "verb_change": 0},
        {"article_id": "b", "typo": 0, "verb_change": 1},
    ]


def test_ranking_orders_by_rate(seed_audit):
    _, data = plots.ranking(seed_audit.scorecard)
    rates = data["findings_per_1000_words"].tolist()
    assert rates == sorted(rates, reverse=True)
