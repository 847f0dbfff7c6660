"""Tests of wiretrace.provenance.credits: agency credits, their forms and offsets."""

from __future__ import annotations

import pytest
from provenance_helpers import SEED

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.provenance.credits import (
    TEXT_FORMS,
    article_credits,
    credit_matrix,
    credited_agencies,
    find_attributions,
)
from wtbench import attribution as bench

detect, evaluate, read_lines, run = bench.detect, bench.evaluate, bench.read_lines, bench.run


DEV_LINES = [
    line
    for line in read_lines()
    if line["split"] in ("dev", "heldout1", "conventions", "conventions_heldout")
]


def credits(text: str) -> list[tuple[str, str, str]]:
    article = parse_article("t", "", text, {"language": "en"})
    return [(c.agency, c.form, c.evidence) for c in article_credits(article)]


def test_fixture_has_enough_lines():
    lines = read_lines()
    assert len(lines) >= 150
    assert sum(1 for line in lines if not line["agencies"]) >= 50  # negatives
    assert {line["form"] for line in lines if line["agencies"]} == set(schema.ATTRIBUTION_FORMS)


@pytest.mark.parametrize("line", DEV_LINES, ids=[line["note"] for line in DEV_LINES])
def test_labelled_line(line):
    found = detect(line["text"])
    assert set(found) == line["agencies"]
    for agency in line["agencies"]:
        assert found[agency] == {line["form"]}


def test_benchmark_scores_false_credits_and_misses(tmp_path):
    lines = [
        {"text": "Rebels took the town, AFP reported.", "agencies": {"afp"}, "form": "in_text",
         "split": "dev", "note": "hit"},
        {"text": "Rebels took the town.", "agencies": {"reuters"}, "form": "in_text",
         "split": "dev", "note": "miss"},
        {"text": "Rebels took the town, Reuters reported.", "agencies": set(), "form": "",
         "split": "dev", "note": "false credit"},
    ]  # fmt: skip
    scores = evaluate(lines)
    assert (scores["true_positives"], scores["false_positives"], scores["false_negatives"]) == (
        1, 1, 1,
    )  # fmt: skip
    assert scores["precision"] == 0.5 and scores["recall"] == 0.5
    assert scores["negative_lines_without_false_credit"] == 0
    result = run(out_dir=tmp_path)
    assert (tmp_path / "attribution.json").is_file()
    assert result["all"]["lines"] == len(read_lines())


SEED_CREDITS = {
    "000": [],
    "001": [
        ("agencies", "byline", "(with agency reports)"),
        ("afp", "in_text", "told AFP"),
        ("afp", "in_text", "told AFP"),
    ],
    "002": [
        ("afp", "in_text", "reported AFP citing"),
        ("afp", "in_text", "told AFP"),
        ("afp", "in_text", "told AFP"),
        ("agencies", "sign_off", "(With inputs from agencies)"),
    ],
    "003": [],
    "004": [
        ("afp", "photo_credit", "\u00a9 afp"),
        ("afp", "sign_off", "(cs/afp/dpa)"),
        ("dpa", "sign_off", "(cs/afp/dpa)"),
    ],
}


@pytest.mark.parametrize("short", sorted(SEED_CREDITS))
def test_seed_credits(seeds, short):
    table = find_attributions(seeds)
    rows = table[table["article_id"] == SEED[short]]
    assert (
        list(zip(rows["agency"], rows["form"], rows["evidence"], strict=True))
        == (SEED_CREDITS[short])
    )
    text = seeds[SEED[short]].text
    for row in rows.itertuples():
        assert text[row.start : row.end] == row.evidence


def test_seed_credit_offsets_are_pinned(seeds):
    table = find_attributions(seeds)
    assert list(table.columns) == schema.ATTRIBUTION_COLUMNS
    pinned = table[table["article_id"] == SEED["004"]][["agency", "form", "start", "end"]]
    assert pinned.values.tolist() == [
        ["afp", "photo_credit", 114, 119],
        ["afp", "sign_off", 2617, 2629],
        ["dpa", "sign_off", 2617, 2629],
    ]


def test_photo_credit_does_not_credit_the_text(seeds):
    table = find_attributions(seeds)
    assert credited_agencies(table, SEED["004"]) == ["afp", "dpa"]
    assert credited_agencies(table, SEED["004"], forms=("photo_credit",)) == ["afp"]
    photo_only = parse_article(
        "p", "", "Protesters in Niamey. \u00a9 afp\n\nFrance is holding talks with Niger."
    )
    corpus_credits = find_attributions(Corpus([photo_only]))
    assert credited_agencies(corpus_credits, "p") == []
    assert "photo_credit" not in TEXT_FORMS


def test_empty_table_when_nothing_is_credited(seeds):
    only = Corpus([seeds[SEED["000"]], seeds[SEED["003"]]])
    table = find_attributions(only)
    assert table.empty and list(table.columns) == schema.ATTRIBUTION_COLUMNS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP: the agency ...
        ("The governor told the AP that the state would appeal.", [("ap", "in_text")]),
        ("WASHINGTON (AP) \u2014 The Senate passed the bill.", [("ap", "dateline")]),
        # ... and Andhra Pradesh
        ("The AP government said the scheme would cover all farmers.", []),
        ("The chief minister of Andhra Pradesh told the AP assembly the plan was ready.", []),
        ("The governor told the AP that the Andhra Pradesh budget was sound.", []),
        # Reuters: the agency ...
        ("Reuters reported on Tuesday that the talks had stalled.", [("reuters", "in_text")]),
        ("The rebels took the town, according to Reuters.", [("reuters", "in_text")]),
        # ... the company ...
        ("Thomson Reuters reported record profits on Thursday.", []),
        ("Reuters reported record profits. Reuters said on Tuesday that sales rose.", []),
        ("Reuters said its revenue rose 5 percent in the quarter.", []),
        # ... though a company story can still quote an interview given to Reuters
        ("Thomson Reuters shares fell. The CEO told Reuters the cuts were over.",
         [("reuters", "in_text")]),
        # ... and a surname
        ("Councillor Mark Reuters said the road would ease traffic.", []),
        ("The members were Anna Meyer, Paul Reuters and Lisa Schmidt.", []),
        ("Mr Reuters, 54, told the court he had not seen the papers.", []),
        ("Anna Reuters told AFP she had left the city.", [("afp", "in_text")]),
        # generic credits: a credit line, not any agencies
        ("The talks collapsed.\n(With inputs from agencies)", [("agencies", "sign_off")]),
        ("UN agencies said a million people had fled.", []),
    ],
)  # fmt: skip
def test_both_sides(text, expected):
    assert [(a, f) for a, f, _ in credits(text)] == expected


def test_credit_matrix_of_the_seeds(seeds):
    matrix = credit_matrix(seeds, find_attributions(seeds))
    assert list(matrix.columns) == ["afp", "agencies", "dpa"]
    assert matrix.loc[SEED["004"]].tolist() == ["sign_off; photo_credit", "", "sign_off"]
    assert matrix.loc[SEED["001"]].tolist() == ["in_text", "byline", ""]
    assert matrix.loc[SEED["000"]].tolist() == ["", "", ""]  # credits nothing, still listed
    assert list(matrix.index) == [SEED[s] for s in sorted(SEED)]


@pytest.mark.parametrize("function", [find_attributions, article_credits, credited_agencies])
def test_public_functions_have_docstrings(function):
    assert function.__doc__ and len(function.__doc__.split()) > 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to Reuters, the talks broke down on Tuesday.",
            [("reuters", "in_text", "According to Reuters")],
        ),
        (
            "The toll rose to 12, according to a tally by Agence France-Presse.",
            [("afp", "in_text", "according to a tally by Agence France-Presse")],
        ),
        (
            "Oil fell.\n(Reporting by Ahmad Ghaddar in London; Editing by Susan Fenton)",
            [
                (
                    "reuters",
                    "sign_off",
                    "(Reporting by Ahmad Ghaddar in London; Editing by Susan Fenton)",
                )
            ],
        ),
        (
            "Fire crews were called.\nThe Associated Press contributed to this report.",
            [("ap", "sign_off", "The Associated Press contributed to this report.")],
        ),
        (
            "Stocks rose.\n(This story has not been edited by NDTV staff and is auto-generated "
            "from a syndicated feed.)",
            [
                (
                    "agencies",
                    "sign_off",
                    "(This story has not been edited by NDTV staff and is auto-generated "
                    "from a syndicated feed.)",
                )
            ],
        ),
        ("DAX futures were flat, dpa-AFX reported.", [("dpa", "in_text", "dpa-AFX reported")]),
        ("Die Gespräche gingen weiter.\nQuelle: dpa", [("dpa", "sign_off", "Quelle: dpa")]),
        ("Las conversaciones siguieron.\nFuente: EFE", [("efe", "sign_off", "Fuente: EFE")]),
        ("Les pourparlers ont repris.\nSource : AFP", [("afp", "sign_off", "Source : AFP")]),
        # The no-match twins.
        ("According to reports, the talks broke down on Tuesday.", []),
        ("According to Reuters columnist John Kemp, stocks are low.", []),
        ("Oil fell.\n(Reporting by Ahmad Ghaddar in London)", []),
        ("The talks went on.\n(Reporting by Staff; Editing by Desk)", []),
        ("Fire crews were called.\nJane Doe contributed to this report.", []),
        ("Stocks rose.\nThe firm sells a syndicated feed of market data to 40 banks.", []),
        ("Die Gespräche gingen weiter.\nQuelle: Statistisches Bundesamt", []),
    ],
)
def test_credit_conventions_of_issue_16(text, expected):
    assert credits(text) == expected
