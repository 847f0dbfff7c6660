"""Tests of wiretrace.ingest.sidecar: metadata.csv and --meta files."""

from __future__ import annotations

from pathlib import Path

from wiretrace.ingest.corpus import load_corpus

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
