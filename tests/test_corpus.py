"""Tests of wiretrace.ingest.corpus: articles, the corpus tables, ids and language."""

from __future__ import annotations

from wiretrace.ingest.corpus import load_corpus, parse_article


def test_seed_articles_table(seeds):
    table = seeds.table().set_index("article_id")
    assert list(table["status"].unique()) == ["ok"]
    assert table.loc["001_d598337ef24b6ebd", ["byline", "date"]].tolist() == [
        "Tunde Oso",
        "2023-09-05",
    ]
    assert table.loc["002_81e9dda9929231ae", "outlet"] == "wionews.com"
    assert table.loc["004_d5c23e7a232071b8", "dateline"] == "Paris/Niamey"
    assert (table["language"] == "en").all()
    assert (table["n_sentences"] > 10).all()


def test_seed_sentences_point_into_the_original_text(seeds):
    for article in seeds.articles:
        for s in article.sentences:
            assert article.text[s.start : s.end] == s.text


def test_repeated_ids_are_kept_apart(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Talks began on Monday.", encoding="utf-8")
    ids = [a.article_id for a in load_corpus([tmp_path]).articles]
    assert ids == ["story", "story~2"]


def test_the_language_is_detected():
    # Was 'und' for every language but English before wiretrace had a detector (#16).
    german = (
        "Frankreich plant einen teilweisen Abzug seiner Soldaten aus dem Niger. "
        "Das sagte das Ministerium in Paris."
    )
    assert parse_article("de", "de.txt", german).language == "de"
    assert (
        parse_article("en", "en.txt", "France plans a partial withdrawal from Niger.").language
        == "en"
    )


def test_text_in_no_recognisable_language_is_rejected():
    import random

    rng = random.Random(16)
    noise = "".join(chr(rng.randint(32, 126)) for _ in range(3000)) + "."
    article = parse_article("noise", "noise.txt", noise)
    assert (article.status, article.reason, article.language) == (
        "rejected",
        "no recognisable language in the body",
        "zxx",
    )
    # A language given in the metadata is taken as it is.
    assert parse_article("noise", "noise.txt", noise, {"language": "en"}).status == "ok"
