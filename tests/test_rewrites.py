"""analyse_rewrites: the tables the audit pipeline receives, per cluster and with wire copy."""

from __future__ import annotations

import pandas as pd
import pytest

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.rewrites.analysis import (
    ALIGNMENTS_TABLE_COLUMNS,
    NO_SOURCE,
    analyse_cluster,
    analyse_rewrites,
    compact,
    join_clusters,
    primary_rows,
)


@pytest.fixture(scope="module")
def analysis(seeds):
    return analyse_rewrites(seeds)


def test_tables_follow_the_contract(analysis, seeds):
    alignments = analysis.alignments
    assert list(alignments.columns[: len(schema.ALIGNMENT_COLUMNS)]) == schema.ALIGNMENT_COLUMNS
    assert list(alignments.columns) == ALIGNMENTS_TABLE_COLUMNS
    derivation = analysis.derivation
    assert list(derivation.columns[: len(schema.DERIVATION_COLUMNS)]) == schema.DERIVATION_COLUMNS
    assert len(alignments) == sum(len(a.sentences) for a in seeds.ok)
    assert set(alignments["label"]) <= set(schema.ALIGNMENT_LABELS)
    assert set(derivation["derivation"]) <= set(schema.DERIVATION_CLASSES)
    assert alignments["similarity"].between(0, 1).all()
    assert list(analysis.clusters["cluster_id"]) == [0] * 5
    assert list(analysis.sources) == ["consensus:0"]


def test_offsets_point_at_article_and_source(analysis, seeds):
    for row in analysis.alignments.itertuples():
        assert seeds[row.article_id].text[row.start : row.end] == row.text
        if row.label == "new":
            assert (row.source_id, row.source_sentence_id, row.source_start) == ("", -1, -1)
        else:
            source = analysis.sources[row.source_id]
            assert source.text[row.source_start : row.source_end] == row.source_text


@pytest.mark.parametrize(
    ("seed", "sentence", "label"),
    [
        ("001", "The source did not give details.", "verbatim"),
        ("002", "The source did not give details.", "verbatim"),
        (
            "002",
            "The July 26 military coup ousted French ally President Mohamed Bazoum.",
            "rewrite",
        ),
        (
            "003",
            "This reevaluation of France’s military presence in Niger signifies a shift",
            "new",
        ),
    ],
)
def test_seed_sentence_labels(analysis, seed, sentence, label):
    rows = analysis.alignments[
        analysis.alignments["article_id"].str.startswith(seed)
        & analysis.alignments["text"].str.startswith(sentence)
    ]
    assert list(rows["label"]) == [label]


def test_typo_sentence_aligns_with_the_clean_consensus_reading(analysis):
    rows = analysis.alignments[analysis.alignments["text"].str.contains("toas")]
    (row,) = rows.itertuples()
    assert "regime illegitimate" in row.source_text and "toas" not in row.source_text


def test_clusters_are_audited_separately(seeds):
    ids = [a.article_id for a in seeds.ok]
    clusters = pd.DataFrame({"article_id": ids, "cluster_id": [0, 0, 0, 1, 2]})
    analysis = analyse_rewrites(seeds, clusters=clusters)
    assert sorted(analysis.sources) == ["consensus:0"]
    lone = analysis.alignments[analysis.alignments["article_id"] == ids[3]]
    assert set(lone["label"]) == {"new"} and set(lone["source_id"]) == {""}
    derivation = analysis.derivation
    (row,) = derivation[derivation["article_id"] == ids[3]].itertuples()
    assert (row.source_id, row.derivation, row.decided_by, row.primary) == (
        "",
        "non",
        "no_source",
        True,
    )
    assert row.reason == NO_SOURCE["alone"]


def test_wire_copy_is_the_source_when_given(seeds):
    import copy

    articles = [copy.copy(a) for a in seeds.ok]
    articles[1].role = "wire"  # pretend 001 is the AFP wire copy
    analysis = analyse_rewrites(Corpus(articles))
    wire_id = articles[1].article_id
    assert list(analysis.sources) == [wire_id]
    assert wire_id not in set(analysis.alignments["article_id"])
    primary = analysis.derivation[analysis.derivation["primary"]]
    assert set(primary["source_id"]) == {wire_id}
    assert dict(zip(primary["article_id"].str[:3], primary["derivation"], strict=True)) == {
        "000": "wholly",
        "002": "wholly",
        "003": "non",
        "004": "non",
    }


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (("wholly", "partially"), ["000", "001", "002"]),
        (("wholly",), ["000", "001", "002"]),
        (("partially",), []),
        (("non",), ["003", "004"]),
    ],
)
def test_derived_alignments(analysis, classes, expected):
    rows = analysis.derived_alignments(classes)
    assert sorted(set(rows["article_id"].str[:3])) == expected


def test_only_the_first_witnesses_are_compared_pairwise(seeds, monkeypatch):
    from wiretrace.rewrites import analysis as rewrites

    monkeypatch.setattr(rewrites, "MAX_WITNESSES", 2)
    analysis = analyse_rewrites(seeds)
    pairwise = analysis.derivation[analysis.derivation["source_kind"] == "article"]
    assert sorted(pairwise["article_id"].str[:3]) == ["000", "001"]
    assert len(analysis.alignments) == sum(len(a.sentences) for a in seeds.ok)
    # two witnesses are too few for a consensus: each is compared with the other
    assert analysis.consensus == {}
    primary = analysis.primary.set_index("article_id")["source_id"]
    assert primary[seeds.ok[0].article_id] == seeds.ok[1].article_id
    assert primary[seeds.ok[1].article_id] == seeds.ok[0].article_id


def test_primary_rows_and_main_sources(analysis):
    primary = analysis.primary
    assert primary["article_id"].is_unique
    assert primary["primary"].all()
    assert analysis.main_sources() == dict(
        zip(primary["article_id"], primary["source_id"], strict=True)
    )
    assert set(analysis.main_sources().values()) == {"consensus:0"}
    no_column = analysis.derivation.drop(columns="primary")
    assert len(primary_rows(no_column)) == len(analysis.derivation)


TAKE_1 = (
    "A judge jailed a former teacher for six years on Monday for stealing from a school.\n"
    "The court heard he took 40,000 pounds over three years to pay gambling debts."
)
TAKE_2 = (
    "The school's governors said they had tightened their accounts after the theft.\n"
    "Parents had raised the alarm when a trip was cancelled for lack of funds."
)
STITCHED = (
    "A judge jailed a former teacher for six years on Monday for stealing from a school.\n"
    "The school's governors said they had tightened their accounts after the theft."
)
OWN = "Nobody at the town hall would comment on the new swimming pool plans this week."


def test_several_wire_takes_are_one_source():
    wires = [parse_article("take1", "", TAKE_1), parse_article("take2", "", TAKE_2)]
    for w in wires:
        w.role = "wire"
    articles = [parse_article("stitched", "", STITCHED), parse_article("own", "", OWN)]
    analysis = analyse_rewrites(Corpus(wires + articles))
    assert sorted(analysis.sources) == ["take1", "take2", "wire:0"]
    union = analysis.sources["wire:0"]
    assert union.text == TAKE_1 + "\n\n" + TAKE_2 and union.role == "wire"
    assert [s.sentence_id for s in union.sentences] == [0, 1, 2, 3]
    assert all(union.text[s.start : s.end] == s.text for s in union.sentences)
    primary = analysis.primary.set_index("article_id")
    assert primary.loc["stitched", "source_id"] == "wire:0"
    assert primary.loc["stitched", "derivation"] == "wholly"
    assert primary.loc["stitched", "containment"] == 1.0
    assert primary.loc["own", "derivation"] == "non"
    assert primary.loc["own", "decided_by"] == "nothing_aligned"
    takes = analysis.derivation[~analysis.derivation["primary"].astype(bool)]
    stitched = takes[takes["article_id"] == "stitched"]
    assert sorted(stitched["source_id"]) == ["take1", "take2"]
    assert stitched["containment"].max() < 1.0  # each take alone accounts for half
    rows = analysis.alignments[analysis.alignments["article_id"] == "stitched"]
    assert list(rows["source_sentence_id"]) == [0, 2]
    assert list(rows["source_id"]) == ["wire:0", "wire:0"]


def test_parts_sent_as_columns_join_into_the_tables_rows_give(seeds):
    ids = [a.article_id for a in seeds.ok]
    groups = {0: seeds.ok[:3], 1: seeds.ok[3:4], 2: seeds.ok[4:]}
    parts = [analyse_cluster(cid, members) for cid, members in groups.items()]
    clusters = list(zip(ids, [0, 0, 0, 1, 2], strict=True))
    sent = [compact(p) for p in parts]
    assert isinstance(sent[0]["alignments"], dict) and isinstance(parts[0]["alignments"], list)
    assert sent[0]["alignments"]["article_id"] == [r["article_id"] for r in parts[0]["alignments"]]
    rows, columns = join_clusters(parts, clusters), join_clusters(sent, clusters)
    for name in ("alignments", "derivation"):
        expected, got = getattr(rows, name), getattr(columns, name)
        assert list(got.dtypes) == list(expected.dtypes)
        assert got.to_csv(index=False) == expected.to_csv(index=False)
    # The same table as one made from the rows themselves.
    table = pd.DataFrame(
        [r for p in parts for r in p["alignments"]], columns=ALIGNMENTS_TABLE_COLUMNS
    )
    assert list(columns.alignments.dtypes) == list(table.dtypes)
    assert columns.alignments.to_csv(index=False) == table.to_csv(index=False)
    assert len(rows.alignments) > 20
    nothing = join_clusters([], [])  # no cluster: the empty tables rows would give
    assert list(nothing.alignments.columns) == ALIGNMENTS_TABLE_COLUMNS
    assert len(nothing.alignments) == 0
