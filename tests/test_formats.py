"""Tests of wiretrace.ingest.formats: file types, records, HTML and rejected inputs."""

from __future__ import annotations

import json
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


# ------------------------------------------------------------- the input ledger (#16)


def _ledger(paths, **kwargs):
    """``{article_id: (status, reason)}`` of the corpus read from ``paths``."""
    return {a.article_id: (a.status, a.reason) for a in load_corpus(paths, **kwargs).articles}


STORY = "Talks began on Monday in Niamey. They went on all week, officials said."


def test_empty_containers_get_one_rejected_row(tmp_path):
    (tmp_path / "none.json").write_text("[]", encoding="utf-8")
    (tmp_path / "header.csv").write_text("id,text\n", encoding="utf-8")
    assert _ledger([tmp_path]) == {
        "header": ("rejected", "no records in the csv file"),
        "none": ("rejected", "no records in the json file"),
    }


def test_a_bad_jsonl_line_rejects_that_record_only(tmp_path):
    good = json.dumps({"id": "a", "text": STORY})
    (tmp_path / "feed.jsonl").write_text(f"{good}\n{{broken\n{good.replace('a', 'b', 1)}\n")
    ledger = _ledger([tmp_path])
    assert list(ledger) == ["a", "feed#1", "b"]
    assert ledger["a"][0] == ledger["b"][0] == "ok"
    assert ledger["feed#1"][0] == "rejected"
    assert ledger["feed#1"][1].startswith("unreadable jsonl line 2: Expecting property name")


def test_a_csv_field_longer_than_the_csv_default_is_read(tmp_path):
    # Over 131,072 characters in one cell; blank lines keep the parsing quick.
    body = f"{STORY}\n{' ' * 140_000}\n{STORY}"
    assert len(body) > 131_072
    (tmp_path / "long.csv").write_text(f'id,text\nlong-1,"{body}"\n', encoding="utf-8")
    assert _ledger([tmp_path]) == {"long-1": ("ok", "")}


def test_links_and_special_files_get_rows(tmp_path):
    import os

    real = tmp_path / "real"
    real.mkdir()
    (real / "story.txt").write_text(STORY, encoding="utf-8")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "linked").symlink_to(real, target_is_directory=True)
    (inputs / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(inputs / "pipe.txt")
    assert _ledger([inputs]) == {
        "dangling": ("rejected", "broken symbolic link"),
        "story": ("ok", ""),
        "pipe": ("rejected", "not a regular file (a FIFO, socket or device)"),
    }


def test_one_file_reached_twice_is_read_once_as_wire(tmp_path):
    (tmp_path / "wire.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "wire.txt")
    spelled = tmp_path / "sub" / ".." / "wire.txt"
    (tmp_path / "sub").mkdir()
    corpus = load_corpus([tmp_path, tmp_path.resolve()], wire=[spelled])
    assert [(a.article_id, a.role) for a in corpus.articles] == [("link", "wire")]


def test_hidden_virtualenv_and_output_folders_are_not_read(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    for folder in (".git", "venv", "report", "__pycache__"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "inside.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "report" / "audit.json").write_text("{}")
    (tmp_path / "report" / "articles.csv").write_text("article_id\n")
    assert _ledger([tmp_path]) == {"story": ("ok", "")}
    # A hidden file named on its own is read.
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    assert _ledger([tmp_path / ".hidden.txt"]) == {".hidden": ("ok", "")}


@pytest.mark.parametrize("paths", [[""], ["  "], [Path("seeds"), ""]])
def test_an_empty_path_is_an_error(paths):
    with pytest.raises(InputError, match="an input path is empty"):
        load_corpus(paths)


def test_ids_that_collide_with_the_suffix_stay_unique(tmp_path):
    records = [{"id": i, "text": STORY} for i in ("X", "X", "X~2")]
    (tmp_path / "r.json").write_text(json.dumps(records), encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x~2.txt").write_text(STORY, encoding="utf-8")
    ids = [a.article_id for a in load_corpus([tmp_path]).articles]
    assert ids == ["x", "x~2", "X", "X~2", "X~2~2", "x~2~2"]


def test_an_exception_while_reading_rejects_that_input_only(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "page.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    assert _ledger([tmp_path]) == {
        "page": (
            "rejected",
            "error while reading: ImportError: lxml.html.clean module is now a separate "
            "project lxml_html_clean",
        ),
        "story": ("ok", ""),
    }


def test_lxml_html_clean_is_a_declared_dependency():
    # jusText (under trafilatura) imports it, and older pips do not pull it in.
    import lxml_html_clean  # noqa: F401

    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"lxml_html_clean>=0.4"' in pyproject


PAGE = (
    "<html><head><title>Talks in Niamey</title></head><body><article>"
    "<p>The French army is holding talks with Niger about withdrawing troops{mark}, "
    "officials said on Tuesday.</p><p>The talks began after the coup in 2020, and they "
    "went on all week in the capital.</p></article></body></html>"
)


@pytest.mark.parametrize("mark", ["&#65535;", "&#xFFFE;", "&#0;", "\ufffe"])
def test_a_character_xml_cannot_hold_does_not_lose_the_page(tmp_path, mark):
    (tmp_path / "page.html").write_text(PAGE.format(mark=mark), encoding="utf-8")
    article = load_corpus([tmp_path]).articles[0]
    assert (article.status, article.reason) == ("ok", "")
    assert article.sentences[0].text == (
        "The French army is holding talks with Niger about withdrawing troops\ufffd, "
        "officials said on Tuesday."
    )


def test_a_page_without_a_date_gets_none_guessed_from_its_story(tmp_path):
    (tmp_path / "page.html").write_text(PAGE.format(mark=""), encoding="utf-8")
    assert load_corpus([tmp_path]).articles[0].date == ""


def test_each_input_carries_the_sha256_of_the_bytes_read(tmp_path):
    import hashlib

    data = STORY.encode("utf-8")
    (tmp_path / "story.txt").write_bytes(data)
    (tmp_path / "r.jsonl").write_text('{"id": "a", "text": "x"}\n{"id": "b"}\n')
    digests = {a.article_id: a.sha256 for a in load_corpus([tmp_path]).articles}
    jsonl = hashlib.sha256((tmp_path / "r.jsonl").read_bytes()).hexdigest()
    assert digests == {"a": jsonl, "b": jsonl, "story": hashlib.sha256(data).hexdigest()}
