from __future__ import annotations

import json

import pytest

import wiretrace
from wiretrace import config, schema
from wiretrace.load import InputError


def test_every_table_has_the_contract_columns(seed_audit):
    for name, columns in schema.TABLES.items():
        table = getattr(seed_audit, name)
        assert list(table.columns[: len(columns)]) == columns, name
    assert list(seed_audit.scorecard.columns[:5]) == schema.SCORECARD_BASE_COLUMNS


def test_seed_audit_reads_every_seed(seed_audit):
    assert seed_audit.summary()["articles"] == 5
    assert seed_audit.summary()["rejected"] == 0
    assert sorted(seed_audit.scorecard["article_id"]) == sorted(seed_audit.articles["article_id"])


def test_to_dir_writes_every_table_and_is_reproducible(seed_audit, tmp_path):
    first = seed_audit.to_dir(tmp_path / "a")
    second = wiretrace.audit([config.SEEDS_DIR]).to_dir(tmp_path / "b")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted([*(f"{t}.csv" for t in seed_audit.tables()), "audit.json"])
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    document = json.loads((first / "audit.json").read_text(encoding="utf-8"))
    assert document["summary"]["articles"] == 5
    assert len(document["inputs"]) == 5 and all(len(i["sha256"]) == 64 for i in document["inputs"])
    assert set(document["tables"]) == set(seed_audit.tables())


def test_audit_needs_inputs():
    with pytest.raises(InputError, match="no input paths"):
        wiretrace.audit([])


def test_wire_argument_sets_the_role():
    seed = config.SEEDS_DIR / "001_d598337ef24b6ebd.txt"
    result = wiretrace.audit([config.SEEDS_DIR / "002_81e9dda9929231ae.txt"], wire=[seed])
    assert result.articles.set_index("article_id")["role"].to_dict() == {
        "002_81e9dda9929231ae": "article",
        "001_d598337ef24b6ebd": "wire",
    }
