"""Tests of wiretrace.ingest.formats: file types, records, HTML and rejected inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.ingest.corpus import load_corpus
from wiretrace.ingest.formats import InputError

FIXTURES = Path(__file__).parent / "fixtures"


def test_bad_files_are_rejected_with_a_reason_and_the_run_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Talks began on Monday. They went on all week.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    (tmp_path / "promo.txt").write_text("WATCH WION LIVE HERE\n", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"whatever")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    table = load_corpus([tmp_path]).table().set_index("article_id")
    assert table["status"].to_dict() == {
        "broken": "rejected",
        "empty": "rejected",
        "good": "ok",
        "image": "rejected",
        "notes": "rejected",
        "promo": "rejected",
    }
    assert table.loc["promo", "reason"] == "no sentences in the body"
    assert table.loc["notes", "reason"] == "unsupported file type '.docx'"
    assert table.loc["broken", "reason"].startswith("unreadable json")


def test_missing_path_raises():
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus(["does/not/exist"])


def test_jsonl_and_csv_records():
    corpus = load_corpus([FIXTURES / "records.jsonl", FIXTURES / "records.csv"])
    table = corpus.table().set_index("article_id")
    assert list(table.index) == ["wire-1", "rewrite-1", "empty-1", "csv-1"]
    assert table.loc["wire-1", ["role", "outlet", "date"]].tolist() == ["wire", "AFP", "2023-09-05"]
    assert table.loc["rewrite-1", "outlet"] == "Daily Example"
    assert table.loc["empty-1", "status"] == "rejected"
    assert table.loc["csv-1", ["outlet", "n_sentences"]].tolist() == ["Example Times", 2]


def test_html_main_text_is_extracted():
    article = load_corpus([FIXTURES / "niger-article.html"]).articles[0]
    assert article.status == "ok"
    assert article.sentences[0].text.startswith("The French army is holding talks")
    assert "Home" not in article.body and "Copyright" not in article.body
    assert article.outlet == "Example News"
    assert article.byline == "Jane Doe"
