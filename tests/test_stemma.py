"""Who copied whom: variants against the source and the edges they support."""

from __future__ import annotations

import pytest

from wiretrace.ingest.corpus import Corpus, parse_article
from wiretrace.rewrites.align import align_sentences
from wiretrace.rewrites.analysis import analyse_rewrites
from wiretrace.rewrites.stemma import stemma_graph, stemma_layout, variants

WIRE = (
    "The French army is holding talks with Niger's military over withdrawing elements of its "
    "presence there, a defence ministry source said on Tuesday. "
    "Relations went swiftly downhill after Paris declared the post-coup regime illegitimate. "
    "The coup leaders renounced several military cooperation agreements with France. "
    "The French forces are mostly based at an airfield near the capital Niamey."
)
TYPO = WIRE.replace("regime illegitimate", "regime toas illegitimate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TYPO, {("toas",)}),
        (WIRE.replace("renounced", "suspended"), {("suspended",)}),
        (WIRE.replace("military cooperation", "military"), {()}),
        (WIRE, set()),
    ],
)
def test_variants(text, expected):
    article, source = parse_article("a", "", text), parse_article("w", "", WIRE)
    aligned = align_sentences(article.sentences, source.sentences)
    assert {v[3] for v in variants(article, aligned, source)} == expected


@pytest.fixture(scope="module")
def wire_case():
    corpus = Corpus(
        [
            parse_article("wire", "", WIRE, {"role": "wire", "date": "2023-09-05"}),
            parse_article("early", "", TYPO, {"date": "2023-09-05"}),
            parse_article("late", "", TYPO, {"date": "2023-09-06"}),
            parse_article("clean", "", WIRE.replace("swiftly", "rapidly"), {"date": "2023-09-07"}),
        ]
    )
    return analyse_rewrites(corpus).stemma


def test_a_shared_typo_and_dates_give_a_directed_edge(wire_case):
    edges = {(r.source_id, r.article_id): r for r in wire_case.itertuples()}
    edge = edges[("early", "late")]
    assert edge.directed
    assert edge.confidence == pytest.approx(0.3)
    assert "'toas'" in edge.evidence and "dated 2023-09-05 and 2023-09-06" in edge.evidence


def test_no_shared_variant_gives_no_directed_edge(wire_case):
    edges = {(r.source_id, r.article_id): r for r in wire_case.itertuples()}
    assert not edges[("early", "clean")].directed
    assert "cannot tell" in edges[("early", "clean")].evidence
    assert {s for s, a in edges if a == "clean" and edges[(s, a)].directed} == {"wire"}


def test_wire_edges_carry_containment(wire_case):
    wire_edges = wire_case[wire_case["source_id"] == "wire"]
    assert sorted(wire_edges["article_id"]) == ["clean", "early", "late"]
    assert (wire_edges["confidence"] > 0.9).all()


def test_seed_stemma(seeds):
    stemma = analyse_rewrites(seeds).stemma
    directed = stemma[stemma["directed"]]
    assert sorted(directed["article_id"].str[:3]) == ["000", "001", "002"]
    assert set(directed["source_id"]) == {"consensus:0"}
    undecided = stemma[~stemma["directed"]]
    pairs = {tuple(sorted((r.source_id[:3], r.article_id[:3]))) for r in undecided.itertuples()}
    assert ("001", "002") in pairs
    graph = stemma_graph(stemma)
    assert graph.has_edge("consensus:0", "001_d598337ef24b6ebd")
    assert not any(n.startswith(("003", "004")) for n in graph.nodes)


def test_stemma_layout_puts_sources_on_top(wire_case):
    layout = stemma_layout(wire_case).set_index("node")
    assert layout.loc["wire", ["level", "x"]].tolist() == [0, 0.0]
    assert layout.loc["early", "level"] == 1
    assert layout.loc["late", "level"] == 2  # copied from "early", which copied the wire
    assert layout.loc["clean", "level"] == 1


def test_stemma_layout_of_no_edges():
    import pandas as pd

    from wiretrace.rewrites.stemma import STEMMA_COLUMNS

    assert stemma_layout(pd.DataFrame(columns=STEMMA_COLUMNS)).empty
