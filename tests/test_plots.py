from __future__ import annotations

import pandas as pd

from wiretrace import plots


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
