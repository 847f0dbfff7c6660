"""Tests for the agency registry: shipped data, spellings, lists and user extensions."""

from __future__ import annotations

import pandas as pd
import pytest

from wiretrace.ingest.corpus import parse_article
from wiretrace.language.agencies import (
    REGISTRY_COLUMNS,
    RegistryError,
    load_registry,
    read_registry,
    registry_table,
)
from wiretrace.provenance.credits import article_credits

ISSUE_AGENCIES = [
    "afp", "dpa", "reuters", "ap", "pa", "ansa", "efe", "xinhua", "kyodo", "yonhap", "tass",
    "ria", "anadolu", "apa", "belga", "anp", "aap", "cp", "pti", "ians", "ani", "uni",
    "bernama", "agencies",
]  # fmt: skip


@pytest.mark.parametrize("agency", ISSUE_AGENCIES)
def test_registry_lists_every_agency_the_issue_names(agency):
    assert agency in load_registry().agencies


def test_generic_credits_are_one_generic_agency():
    generic = load_registry().agencies["agencies"]
    assert generic.generic
    assert {"agencies", "agency reports", "wire services"} <= set(generic.aliases)


@pytest.mark.parametrize(
    ("found", "loose", "agency"),
    [
        ("AFP", False, "afp"),
        ("afp", False, None),  # lower-case abbreviation only in credit lines
        ("afp", True, "afp"),
        ("Agence France-Presse", False, "afp"),
        ("agence france-presse", False, "afp"),
        ("Agence France\nPresse", False, "afp"),
        ("dpa", False, "dpa"),
        ("DPA", False, "dpa"),
        ("AP", False, "ap"),
        ("Ap", True, None),  # title case is neither the abbreviation nor its upper/lower
        ("the Associated Press", False, None),
        ("Associated Press", False, "ap"),
        ("Reuters", False, "reuters"),
        ("Bloomberg", True, None),
        ("wire services", False, "agencies"),
    ],
)
def test_resolve_a_spelling(found, loose, agency):
    surface = load_registry().resolve(found, loose=loose)
    assert (surface.agency if surface else None) == agency


def test_ambiguous_spellings_are_marked():
    registry = load_registry()
    assert registry.resolve("AP").ambiguous
    assert registry.resolve("PA").ambiguous
    assert not registry.resolve("AFP").ambiguous
    assert not registry.resolve("Associated Press").ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cs/afp/dpa", [("afp", 3, 6), ("dpa", 7, 10)]),
        ("AFP/dpa", [("afp", 0, 3), ("dpa", 4, 7)]),
        ("Reuters, AFP", [("reuters", 0, 7), ("afp", 9, 12)]),
        ("AFP and Reuters", [("afp", 0, 3), ("reuters", 8, 15)]),
        ("The Associated Press", [("ap", 0, 20)]),
        ("mk/ab", None),  # initials only
        ("Paris/Niamey", None),  # places, not agencies
        ("AFP via Getty", None),  # not only agencies
    ],
)
def test_resolve_list(text, expected):
    listed = load_registry().resolve_list(text)
    assert (None if listed is None else [(s.agency, a, b) for s, a, b in listed]) == expected


def test_other_meaning_phrases():
    registry = load_registry()
    assert registry.other_meaning_in("ap", "The Andhra Pradesh cabinet met.") == "Andhra Pradesh"
    assert registry.other_meaning_in("ap", "The cabinet met in Washington.") == ""
    assert registry.other_meaning_in("reuters", "Thomson Reuters shares rose.") == "Thomson Reuters"


def test_registry_table_has_the_documented_columns():
    table = registry_table()
    assert list(table.columns) == REGISTRY_COLUMNS
    assert table["agency"].is_unique
    assert table.loc[table["agency"] == "afp", "abbreviations"].item() == "AFP"


def _write(tmp_path, rows: list[dict]):
    path = tmp_path / "extra.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_user_extension_adds_an_agency_and_extends_one(tmp_path):
    extra = _write(
        tmp_path,
        [
            {"agency": "bloomberg", "name": "Bloomberg News", "kind": "agency",
             "abbreviations": "", "aliases": "Bloomberg|Bloomberg News"},
            {"agency": "afp", "name": "", "kind": "", "abbreviations": "",
             "aliases": "Agence France Presse International"},
        ],
    )  # fmt: skip
    registry = load_registry(extra)
    assert registry.resolve("Bloomberg").agency == "bloomberg"
    assert "Agence France Presse International" in registry.agencies["afp"].aliases
    assert registry.agencies["afp"].name == "Agence France-Presse"  # empty name keeps it
    assert "bloomberg" not in load_registry().agencies  # the shipped registry is unchanged
    article = parse_article("x", "", "The talks ended without agreement. - Bloomberg")
    assert [c.agency for c in article_credits(article, registry)] == ["bloomberg"]
    assert article_credits(article, load_registry()) == []


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"name": "No id"}], "needs an 'agency' column"),
        ([{"agency": "", "name": "Empty"}], "empty agency id"),
        ([{"agency": "x", "name": "X", "kind": "newspaper"}], "kind must be one of"),
        ([{"agency": "x", "name": "X", "aliases": "X News", "ambiguous": "XN"}], "ambiguous"),
    ],
)
def test_bad_registry_files_are_refused(tmp_path, rows, message):
    with pytest.raises(RegistryError, match=message):
        read_registry(_write(tmp_path, rows))
