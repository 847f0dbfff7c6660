"""read_audit gives back the AuditResult that to_dir wrote; load_or_audit picks one or the other."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEEDS_DIR

import wiretrace
from wiretrace.readback import TABLE_NAMES, load_or_audit, read_audit

SEED = {n: SEEDS_DIR / f"{n}.txt" for n in ("000_5ceb88a01bc13192", "001_d598337ef24b6ebd")}


@pytest.fixture(scope="module")
def seeds_back(seed_audit, tmp_path_factory):
    return read_audit(seed_audit.to_dir(tmp_path_factory.mktemp("seeds")))


def test_the_table_names_are_the_ones_written(seed_audit):
    assert list(TABLE_NAMES) == list(seed_audit.tables())


def test_seed_tables_come_back_equal_with_their_dtypes(seed_audit, seeds_back):
    for name, table in seed_audit.tables().items():
        pd.testing.assert_frame_equal(table.reset_index(drop=True), seeds_back.tables()[name])
    assert seeds_back.parameters == seed_audit.parameters
    assert seeds_back.summary() == seed_audit.summary()


def test_offsets_point_into_the_rebuilt_texts(seed_audit, seeds_back):
    assert [a.article_id for a in seeds_back.corpus.articles] == [
        a.article_id for a in seed_audit.corpus.articles
    ]
    for original, back in zip(seed_audit.corpus.articles, seeds_back.corpus.articles, strict=True):
        assert [s.text for s in back.sentences] == [s.text for s in original.sentences]
        assert back.parts == original.parts
        for f in seeds_back.findings[
            seeds_back.findings["article_id"] == back.article_id
        ].itertuples():
            assert back.text[f.start : f.end] == original.text[f.start : f.end]


def test_sources_come_back_with_their_sentences(seed_audit, seeds_back):
    assert list(seeds_back.sources) == ["consensus:0"]
    original, back = seed_audit.sources["consensus:0"], seeds_back.sources["consensus:0"]
    assert back.text == original.text and back.role == "consensus"
    assert [(s.start, s.end) for s in back.sentences] == [
        (s.start, s.end) for s in original.sentences
    ]


def test_a_run_with_wire_comes_back_with_the_same_values(tmp_path):
    result = wiretrace.audit([SEED["000_5ceb88a01bc13192"]], wire=[SEED["001_d598337ef24b6ebd"]])
    back = read_audit(result.to_dir(tmp_path))
    for name, table in result.tables().items():
        pd.testing.assert_frame_equal(
            table.reset_index(drop=True), back.tables()[name], check_dtype=False
        )
    assert back.articles["role"].tolist() == ["article", "wire"]
    assert back.findings["start"].dtype.kind == "i"


def test_a_run_where_every_input_failed_comes_back(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = wiretrace.audit([folder])
    back = read_audit(result.to_dir(tmp_path / "out"))
    assert back.articles["status"].tolist() == ["rejected", "rejected"]
    assert back.articles["reason"].tolist() == result.articles["reason"].tolist()
    assert len(back.findings) == 0 and list(back.findings.columns) == list(result.findings.columns)
    assert back.sources == {}


def test_a_folder_without_audit_json_is_an_input_error(tmp_path):
    with pytest.raises(wiretrace.InputError, match="holds no audit.json"):
        read_audit(tmp_path)


def test_load_or_audit_reads_the_folder_when_given(seed_audit, tmp_path, monkeypatch):
    folder = seed_audit.to_dir(tmp_path)
    monkeypatch.setattr("wiretrace.readback.audit", lambda *a, **k: pytest.fail("audited"))
    assert load_or_audit(str(folder), "nowhere").summary() == seed_audit.summary()


def test_load_or_audit_audits_without_a_folder():
    result = load_or_audit(None, SEED["001_d598337ef24b6ebd"])
    assert result.articles["article_id"].tolist() == ["001_d598337ef24b6ebd"]
    assert result.parameters["paths"] == [str(SEED["001_d598337ef24b6ebd"])]
