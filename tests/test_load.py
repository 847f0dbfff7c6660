from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.ingest.load import InputError, decode, extract_parts, load_corpus, parse_article

FIXTURES = Path(__file__).parent / "fixtures"


# ------------------------------------------------------------------ seeds: what they say


@pytest.mark.parametrize(
    ("article_id", "parts"),
    [
        ("000_5ceb88a01bc13192", []),
        (
            "001_d598337ef24b6ebd",
            [
                ("date", "2023-09-05"),
                ("byline", "Tunde Oso"),
                ("credit", "(with agency reports)"),
            ],
        ),
        (
            "002_81e9dda9929231ae",
            [
                ("dateline", "Niamey"),
                ("credit", "(With inputs from agencies)"),
                (
                    "boilerplate",
                    "You can now write for wionews.com and be a part of the community. "
                    "Share your stories and opinions with us here.",
                ),
                ("boilerplate", "WATCH WION LIVE HERE"),
            ],
        ),
        ("003_665655b582766711", [("date", "2023-11-09")]),
        (
            "004_d5c23e7a232071b8",
            [
                (
                    "caption",
                    "During their protests, supporters of the military junta in Niger are "
                    "demanding the withdrawal of French soldiers.",
                ),
                ("photo_credit", "\u00a9 afp"),
                ("dateline", "Paris/Niamey"),
                ("credit", "(cs/afp/dpa)"),
            ],
        ),
    ],
)
def test_seed_metadata(seeds, article_id, parts):
    article = seeds[article_id]
    assert [(p.kind, p.text) for p in article.parts] == parts
    for p in article.parts:
        assert article.text[p.start : p.end] == p.text


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


def test_seed_body_leaves_metadata_out(seeds):
    wion = seeds["002_81e9dda9929231ae"]
    assert wion.sentences[0].text.startswith("France has begun talks")
    assert wion.sentences[-1].text.endswith("blow to French influence in the region.")
    dpa = seeds["004_d5c23e7a232071b8"]
    assert dpa.sentences[0].text.startswith("After the military coup in Niger")
    assert dpa.sentences[1].text == "France enters into difficult negotiations with the new rulers."
    assert dpa.sentences[2].text.startswith("France is planning a partial withdrawal")
    assert dpa.sentences[-1].text.endswith("for the time being.")
    later = seeds["003_665655b582766711"]
    assert later.sentences[0].text.startswith("After the recent military coup")


# --------------------------------------------------------- metadata rules: both sides


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("By Jane Doe, Reuters\n\nTalks began on Monday.", ["byline", "credit"]),
        ("By the end of the week, talks had begun.", []),  # a sentence, not a byline
        ("NIAMEY (AFP) \u2013 Talks began on Monday.", ["dateline"]),
        ("However \u2013 and this matters \u2013 talks began.", []),
        ("Talks began on Monday.\n(Reporting by Jane Doe; Editing by John Roe)", ["credit"]),
        ("Talks began on Monday. (cs/afp/dpa)", ["credit"]),
        ("Talks began on Monday. The deal (signed in 2020/21) ended.", []),
        ("Talks began on Monday.\nALSO READ: Niger junta expels envoy", ["boilerplate"]),
        (
            "Soldiers at the base near Niamey. Photo: AFP\nTalks began on Monday.",
            ["caption", "photo_credit"],
        ),
    ],
)
def test_extract_parts(text, kinds):
    parts, blocks = extract_parts(text)
    assert [p.kind for p in parts] == kinds
    assert blocks, "some body must remain"


# -------------------------------------------------------------------- decoding inputs


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Niger\u2019s junta".encode("utf-8"), "Niger\u2019s junta"),
        (b"\xef\xbb\xbfNiger\xe2\x80\x99s junta", "Niger\u2019s junta"),  # UTF-8 with BOM
        (b"Niger\x92s junta", "Niger\u2019s junta"),  # cp1252 right quote
        (b"caf\xe9 \x81", "caf\xe9 \x81"),  # 0x81 is undefined in cp1252: latin-1
        (b"line one\r\nline two", "line one\nline two"),
    ],
)
def test_decode(data, text):
    assert decode(data) == (text, "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary file (contains NUL bytes)"),
        (bytes(range(1, 32)) * 10, "binary file (control characters)"),
    ],
)
def test_decode_rejects(data, reason):
    assert decode(data) == (None, reason)


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


# ------------------------------------------------------------------- records and HTML


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


def test_sidecar_metadata_overrides_and_wire_role(tmp_path):
    seed = Path(__file__).parents[1] / "seeds" / "001_d598337ef24b6ebd.txt"
    corpus = load_corpus([seed], meta=FIXTURES / "metadata.csv")
    row = corpus.table().iloc[0]
    assert (row["outlet"], row["date"], row["byline"]) == (
        "The Example Post",
        "2023-09-05",
        "Tunde Oso",
    )
    wired = load_corpus([], wire=[seed]).table().iloc[0]
    assert wired["role"] == "wire"


def test_repeated_ids_are_kept_apart(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text("Talks began on Monday.", encoding="utf-8")
    ids = [a.article_id for a in load_corpus([tmp_path]).articles]
    assert ids == ["story", "story~2"]


def test_non_english_text_is_marked_undetermined():
    german = (
        "Frankreich plant einen teilweisen Abzug seiner Soldaten aus dem Niger. "
        "Das sagte das Ministerium in Paris."
    )
    assert parse_article("de", "de.txt", german).language == "und"
    assert (
        parse_article("en", "en.txt", "France plans a partial withdrawal from Niger.").language
        == "en"
    )


WRAPPED = (
    "Inheritance is a basic concept of Object-Oriented Programming where\n"
    "the basic idea is to create new classes that add extra detail to\n"
    "existing classes. This is done by allowing the new classes to reuse\n"
    "the methods and variables of the existing classes and new methods and\n"
    "classes are added to specialise the new class. Inheritance models the\n"
    "\u201cis-kind-of\u201d relationship between entities.\n"
)
ONE_PARAGRAPH_A_LINE = (
    "France pulls troops out of Niger\n"
    "Niamey\n"
    "France has begun talks with Niger's military about withdrawing elements of its army.\n"
    "there is wide speculation that France will be forced to withdraw completely.\n"
)


@pytest.mark.parametrize(
    ("text", "first_sentences"),
    [
        (
            WRAPPED,
            [
                "Inheritance is a basic concept of Object-Oriented Programming where\n"
                "the basic idea is to create new classes that add extra detail to\n"
                "existing classes.",
                "This is done by allowing the new classes to reuse\n"
                "the methods and variables of the existing classes and new methods and\n"
                "classes are added to specialise the new class.",
            ],
        ),
        (
            ONE_PARAGRAPH_A_LINE,
            [
                "France pulls troops out of Niger",
                "France has begun talks with Niger's military about withdrawing elements of "
                "its army.",
            ],
        ),
    ],
)
def test_hard_wrapped_lines_are_joined_and_paragraph_lines_are_not(text, first_sentences):
    article = parse_article("t", "t.txt", text)
    assert [s.text for s in article.sentences[:2]] == first_sentences
    assert all(article.text[s.start : s.end] == s.text for s in article.sentences)
