"""Tests of wiretrace.ingest.textmeta: the metadata a text carries and the body left."""

from __future__ import annotations

import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.ingest.textmeta import extract_parts, is_boilerplate


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


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("By Jane Doe, Reuters\n\nTalks began on Monday.", ["byline", "credit"]),
        ("By the end of the week, talks had begun.", []),  # a sentence, not a byline
        ("NIAMEY (AFP) \u2013 Talks began on Monday.", ["dateline"]),
        ("However \u2013 and this matters \u2013 talks began.", []),
        ("Talks began on Monday.\n(Reporting by Jane Doe; Editing by John Roe)", ["credit"]),
        ("Talks began on Monday. (cs/afp/dpa)", ["credit"]),
        ("Talks began on Monday. - AFP", ["credit"]),
        ("Talks began on Monday. - Kyodo News", ["credit"]),  # any registry agency
        ("Talks began on Monday.\n(Agency inputs)", ["credit"]),  # any generic credit
        ("Talks began on Monday - Paris said so", []),
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


@pytest.mark.parametrize(
    ("line", "boilerplate"),
    [
        ("You can now write for wionews.com and be a part of the community.", True),
        ("Share your stories and opinions with us here.", True),
        ("Related: Niger junta expels envoy", True),
        # A story sentence holding a promotional phrase is not boilerplate (#16).
        ("Editors asked readers to share your stories of the coup, the paper said.", False),
        ("Local writers said you can now write for the paper in Hausa.", False),
        # A one-line body that starts like a promotion is a paragraph of the story.
        ("Related talks began on Monday in Niamey, officials said. " * 5, False),
    ],
)
def test_boilerplate_is_a_whole_short_line(line, boilerplate):
    assert is_boilerplate(line) is boilerplate


def test_a_one_line_body_with_a_promotional_phrase_keeps_its_sentences():
    text = (
        "France has begun talks with Niger about withdrawing troops. Officials asked "
        "people to share your stories of the coup. The talks went on all week."
    )
    parts, blocks = extract_parts(text)
    assert parts == [] and blocks == [(0, len(text))]
