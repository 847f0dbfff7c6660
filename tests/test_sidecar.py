"""Tests of wiretrace.ingest.sidecar: metadata.csv and --meta files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wiretrace.ingest.corpus import load_corpus
from wiretrace.ingest.formats import InputError
from wiretrace.ingest.sidecar import normalise_role, sidecar_metadata

FIXTURES = Path(__file__).parent / "fixtures"


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


STORY = "Talks began on Monday in Niamey. They went on all week, officials said."


def _two_x_files(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(STORY, encoding="utf-8")


def test_a_file_key_with_a_folder_names_that_file_only(tmp_path):
    _two_x_files(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,outlet\nb/x.txt,Bee Times\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [(a.path, a.outlet) for a in corpus.articles] == [
        (str(tmp_path / "a" / "x.txt"), ""),
        (str(tmp_path / "b" / "x.txt"), "Bee Times"),
    ]
    assert corpus.warnings == []


def test_a_bare_file_name_key_names_the_id_of_its_stem(tmp_path):
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\nx.txt,Ex Times\n", encoding="utf-8")
    assert load_corpus([tmp_path]).articles[0].outlet == "Ex Times"


@pytest.mark.parametrize(
    ("value", "role", "status"),
    [
        ("Wire", "wire", "ok"),
        (" WIRE copy ", "wire", "ok"),
        ("Agency", "wire", "ok"),
        ("Story", "article", "ok"),
        ("Article", "article", "ok"),
        ("blog", "blog", "rejected"),
    ],
)
def test_role_values_are_read_without_case_and_with_synonyms(tmp_path, value, role, status):
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"article_id,role\nx,{value}\n", encoding="utf-8")
    article = load_corpus([tmp_path]).articles[0]
    assert (article.role, article.status) == (role, status)


def test_normalise_role():
    assert [normalise_role(v) for v in ("Wire", "source", "rewrite", "Opinion")] == [
        "wire",
        "wire",
        "article",
        "opinion",
    ]


def test_a_broken_folder_metadata_file_is_ignored_with_a_warning(tmp_path):
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(b"\x00\x01\x02\x03" * 50)
    corpus = load_corpus([tmp_path])
    assert corpus.articles[0].status == "ok"
    assert corpus.warnings == [
        f"{tmp_path / 'metadata.csv'}: metadata file is not a CSV text "
        "(binary file (contains NUL bytes)) (ignored)"
    ]


def test_malformed_and_unmatched_rows_are_warned_about(tmp_path):
    (tmp_path / "x.txt").write_text(STORY, encoding="utf-8")
    meta = tmp_path / "m.csv"
    meta.write_text("id,outlet,notes\n,Keyless,\nx,Ex,\ny,Why,\nz,Zed,a,b\n", encoding="utf-8")
    corpus = load_corpus([tmp_path / "x.txt"], meta=meta)
    assert corpus.articles[0].outlet == "Ex"
    assert corpus.warnings == [
        f"{meta}: metadata columns ignored: notes",
        f"{meta}: metadata row 2 ignored (no key)",
        f"{meta}: metadata row 5 ignored (more cells than the header)",
        "metadata keys matching no input (1): y",
    ]


def test_a_missing_meta_file_raises():
    with pytest.raises(InputError, match="no such metadata file: nope.csv"):
        sidecar_metadata([], "nope.csv")
