from __future__ import annotations

import numpy as np
import pytest
from conftest import CLOUGH_STEVENSON_DIR, SEEDS_DIR

from wiretrace.ingest.corpus import Article, Corpus, load_corpus, parse_article
from wiretrace.language.text import words
from wiretrace.rewrites.cluster import (
    LSH_PARAMS,
    NUM_PERM,
    band_pairs,
    body_words,
    candidate_pairs,
    candidate_probability,
    cluster_stories,
    components,
    excerpt_pairs,
    fingerprint,
    fingerprints,
    score_pairs,
    similar_pairs,
    sketch,
    term_containment,
)


@pytest.fixture(scope="module")
def clough() -> Corpus:
    return load_corpus([CLOUGH_STEVENSON_DIR / "texts"])


def _print(corpus: Corpus, prefix: str):
    article = next(a for a in corpus.ok if a.article_id.startswith(prefix))
    return fingerprint(article.article_id, article.body)


@pytest.mark.parametrize(
    ("first", "second", "wording", "story", "link"),
    [
        # near-verbatim AFP rewrites: a wording link
        ("seeds/001", "seeds/002", 0.5783, 0.6914, "wording"),
        # the paraphrase shares enough 3-grams to count as derived
        ("seeds/000", "seeds/001", 0.2465, 0.4299, "wording"),
        # the November follow-up and the translation: same story, other words
        ("seeds/000", "seeds/003", 0.0385, 0.1469, "story"),
        ("seeds/003", "seeds/004", 0.0315, 0.1345, "story"),
        # unrelated: a news story and a Wikipedia text on Bayes' theorem
        ("seeds/001", "clough/orig_taske", 0.0, 0.0034, ""),
        # two topics of one field (inheritance vs PageRank): no link
        ("clough/orig_taska", "clough/orig_taskb", 0.0, 0.0526, ""),
        # an answer written without the source, on its topic: below both thresholds
        ("clough/g0pA_taska", "clough/orig_taska", 0.0097, 0.0813, ""),
    ],
)
def test_score_pairs_links(seeds, clough, first, second, wording, story, link):
    corpora = {"seeds": seeds, "clough": clough}
    prints = [_print(corpora[name.split("/")[0]], name.split("/")[1]) for name in (first, second)]
    row = score_pairs(prints, [(0, 1)]).iloc[0]
    assert (row["wording"], row["story"], row["link"]) == (wording, story, link)


def test_seeds_are_one_story(seeds):
    table = cluster_stories(seeds)
    assert list(table.columns) == ["article_id", "cluster_id", "cluster_size"]
    assert table["cluster_id"].tolist() == [0, 0, 0, 0, 0]
    assert table["cluster_size"].tolist() == [5, 5, 5, 5, 5]


def test_wording_links_only_keep_the_afp_versions_together(seeds):
    table = cluster_stories(seeds, threshold=None)
    assert table["cluster_id"].tolist() == [0, 0, 0, 1, 2]
    assert table["cluster_size"].tolist() == [3, 3, 3, 1, 1]


def test_seed_pairs_by_link_kind(seeds):
    pairs = similar_pairs(seeds)
    assert len(pairs) == 10  # five articles, every pair proposed
    linked = pairs.groupby("link")["other_id"].count().to_dict()
    assert linked == {"story": 7, "wording": 3}


def test_clough_texts_cluster_by_task(clough):
    table = cluster_stories(clough)
    task = table["article_id"].str.rsplit("task", n=1).str[-1]
    # every cluster holds texts of one task (no topic is merged with another) ...
    assert (task.groupby(table["cluster_id"]).nunique() == 1).all()
    # ... and the only texts left alone are four answers written without the source and
    # g2pE_taskc, labelled "cut" but copied from another Wikipedia page. (g4pB_taskb, also
    # written without the source, shares enough of task b's vocabulary for a story link,
    # 0.135, that the MinHash bands alone happened not to propose.)
    assert sorted(table.loc[table["cluster_size"] == 1, "article_id"]) == [
        "g0pC_taskb",
        "g0pD_taskd",
        "g2pA_taska",
        "g2pE_taskc",
        "g4pE_taskd",
    ]
    assert table["cluster_id"].nunique() == 10


def test_unrelated_texts_are_seldom_candidates_and_never_linked(seeds, clough):
    mixed = Corpus(seeds.ok + [a for a in clough.ok if a.article_id.startswith("orig")])
    seed_pairs = {(i, j) for i in range(5) for j in range(i + 1, 5)}
    candidates = set(candidate_pairs(fingerprints(mixed)))
    assert seed_pairs <= candidates
    # the excerpt search pairs texts that share a sampled 3-gram with a rare word ("no
    # specific details"): a few of the 45 unrelated pairs, all rejected when scored
    extra = candidates - seed_pairs
    assert len(extra) <= 5
    pairs = similar_pairs(mixed)
    assert set(pairs.loc[pairs["link"] != "", "article_id"].str[:3]) <= {"000", "001", "002", "003"}
    assert (pairs["link"] != "").sum() == len(seed_pairs)


def test_a_one_sentence_excerpt_of_a_long_text_joins_its_cluster(seeds, clough):
    """MinHash (Jaccard) rarely proposes a brief against a long story; the excerpt search
    does, and the wording score (containment) links them."""
    long_text = " ".join(a.body for a in seeds.ok[:3])
    sentence = seeds.ok[1].sentences[4].text
    wire = parse_article("wire", "", long_text)
    brief = parse_article("brief", "", sentence)
    corpus = Corpus([wire, *[a for a in clough.ok if a.article_id.startswith("orig")], brief])
    prints = fingerprints(corpus)
    a, b = prints[0], prints[-1]
    shared = np.intersect1d(a.shingles, b.shingles).size
    jaccard = shared / (a.shingles.size + b.shingles.size - shared)
    assert candidate_probability(jaccard) < 0.3  # MinHash alone would usually miss it
    assert (0, len(prints) - 1) in excerpt_pairs(prints)
    table = cluster_stories(corpus).set_index("article_id")["cluster_id"]
    assert table["brief"] == table["wire"]


def test_clusters_do_not_depend_on_input_order(seeds, clough):
    corpus = Corpus(seeds.ok + clough.ok)
    forward = cluster_stories(corpus).sort_values("article_id", ignore_index=True)
    backward = cluster_stories(Corpus(corpus.ok[::-1])).sort_values("article_id", ignore_index=True)
    assert forward.equals(backward)
    assert cluster_stories(corpus).equals(cluster_stories(corpus))


def test_fingerprint_hashes_are_stable_across_runs():
    # Pinned values: a salted hash() would change them from one interpreter to the next.
    fp = fingerprint("x", "The French army is holding talks")
    assert fp.shingles.tolist() == [
        626892848796488553,
        7818421831918668993,
        9026404174112318944,
        11578008795014060184,
    ]
    assert len(fp.terms) == 4  # french, army, holding, talks ("the", "is" are common)


@pytest.mark.parametrize(
    ("text", "n_shingles", "n_terms"),
    [
        ("", 0, 0),
        ("Niamey", 1, 1),  # shorter than a shingle: one shingle of all its words
        ("Niamey protests", 1, 2),
        ("the the the the", 1, 0),  # repeated 3-grams count once; no rare word
    ],
)
def test_fingerprint_of_short_texts(text, n_shingles, n_terms):
    fp = fingerprint("x", text)
    assert (fp.shingles.size, fp.terms.size) == (n_shingles, n_terms)


def test_empty_texts_score_zero():
    empty, other = fingerprint("a", ""), fingerprint("b", "Troops left Niamey on Sunday")
    row = score_pairs([empty, other], [(0, 1)]).iloc[0]
    assert (row["wording"], row["story"], row["link"]) == (0.0, 0.0, "")


def test_shared_phrasing_without_the_story_specifics_is_no_wording_link():
    # Two different stories told in the same stock phrases: many shared 3-grams, but
    # none of the names, places or numbers.
    stock = "it is one of the things that we have to do at the end of the day and that is what"
    a = fingerprint("a", f"Troops left Niamey on Sunday. {stock}.")
    b = fingerprint("b", f"Farmers in Kerala protested against the tariff. {stock}.")
    row = score_pairs([a, b], [(0, 1)]).iloc[0]
    assert row["wording"] >= 0.12
    assert term_containment(a, b) < 0.2
    assert row["link"] == ""
    # The same phrasing with the story's specifics is a copy.
    c = fingerprint("c", f"Troops left Niamey on Sunday, officials said. {stock}.")
    assert score_pairs([a, c], [(0, 1)]).iloc[0]["link"] == "wording"


def test_two_court_briefs_on_their_formula_alone_are_no_link():
    # Two-sentence court briefs of different cases share the court formula: a story
    # score above the threshold on 4 shared terms, a wording score on 2 shared 3-grams.
    a = fingerprint(
        "a",
        "A man of 52 appeared in court yesterday charged with arson at a Leeds garage. "
        "He was bailed for two weeks.",
    )
    b = fingerprint(
        "b",
        "Jane Hollis, 31, appeared in court yesterday accused of fraud. "
        "She was bailed until March.",
    )
    row = score_pairs([a, b], [(0, 1)]).iloc[0]
    assert row["wording"] >= 0.12
    assert row["story"] >= 0.11
    assert row["link"] == ""
    # A copy of the brief with one word changed shares far more than the formula.
    c = fingerprint(
        "c",
        "A man of 52 appeared in court yesterday charged with arson at a Leeds garage. "
        "He was bailed for a fortnight.",
    )
    assert score_pairs([a, c], [(0, 1)]).iloc[0]["link"] == "wording"


def test_body_words_match_text_words(seeds):
    for article in seeds.ok:
        assert body_words(article.body) == words(article.body)


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([], [["a"], ["b"], ["c"], ["d"]]),
        ([("c", "d")], [["a"], ["b"], ["c", "d"]]),
        ([("d", "a"), ("b", "c"), ("c", "a")], [["a", "b", "c", "d"]]),  # chained
    ],
)
def test_components(links, expected):
    assert components(["d", "c", "b", "a"], links) == expected


@pytest.mark.parametrize(
    ("similarity", "probability"),
    [(0.0, 0.0), (0.005, 0.0016), (0.12, 0.6048), (0.2, 0.9267), (1.0, 1.0)],
)
def test_candidate_probability(similarity, probability):
    assert round(candidate_probability(similarity), 4) == probability


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ([], []),
        # a rejected article is left out; a lone article is a cluster of one
        ([("a", "Troops left Niamey on Sunday."), ("b", None)], [("a", 0, 1)]),
    ],
)
def test_small_corpora(articles, expected):
    corpus = Corpus(
        [
            parse_article(i, "", text) if text else Article(i, "", status="rejected")
            for i, text in articles
        ]
    )
    assert list(cluster_stories(corpus).itertuples(index=False, name=None)) == expected


def test_band_pairs_pairs_rows_that_agree_on_a_whole_band():
    rows = np.arange(4 * NUM_PERM, dtype=np.uint64).reshape(4, NUM_PERM) * 7 + 1
    rows[2, :2] = rows[0, :2]  # rows 0 and 2 agree on the first band
    rows[3, 4:6] = rows[1, 4:6]  # rows 1 and 3 on the third
    rows[1, 10] = rows[0, 10]  # one value of a band in common is not enough
    everything = np.ones(4, dtype=bool)
    assert band_pairs(rows, everything) == {(0, 2), (1, 3)}
    assert band_pairs(rows, np.array([True, True, False, True])) == {(1, 3)}  # 2 left out
    assert band_pairs(rows[:1], everything[:1]) == set()


def test_band_pairs_are_a_minhash_lsh_index_queried_with_each_row():
    from datasketch import MinHash, MinHashLSH

    rng = np.random.default_rng(3)
    rows = rng.integers(0, 6, size=(60, NUM_PERM)).astype(np.uint64)  # many collisions
    keep = rng.random(60) > 0.1
    index = MinHashLSH(num_perm=NUM_PERM, params=LSH_PARAMS)
    expected = set()
    for i in range(60):
        if keep[i]:
            sketch_i = MinHash(num_perm=NUM_PERM, seed=1)
            sketch_i.hashvalues = rows[i].copy()
            expected |= {(j, i) for j in index.query(sketch_i)}
            index.insert(i, sketch_i)
    assert len(expected) > 100
    assert band_pairs(rows, keep) == expected
    order = rng.permutation(60)  # the rows in another order: the same pairs, renamed
    renamed = {tuple(sorted((int(order[i]), int(order[j])))) for i, j in expected}
    inverse = np.argsort(order)
    assert band_pairs(rows[inverse], keep[inverse]) == renamed


def test_sketches_made_in_parts_give_the_candidates_of_the_whole(seeds, clough):
    prints = fingerprints(seeds) + fingerprints(clough)
    whole = sketch(prints)
    parts = sketch(prints[:7]) + sketch(prints[7:])
    assert all(np.array_equal(a.sketches, b.sketches) for a, b in zip(whole, parts, strict=True))
    assert whole[0].sketches.shape == (2, NUM_PERM) and prints[0].sketches.shape == (0, NUM_PERM)
    assert candidate_pairs(parts) == candidate_pairs(prints)
    ids = [p.article_id for p in prints]
    corpus = Corpus(seeds.articles + clough.articles)
    assert cluster_stories(corpus, prints=parts)["article_id"].tolist() == ids
    assert cluster_stories(corpus, prints=parts).equals(cluster_stories(corpus))


def test_excerpt_pairs_are_those_of_a_postings_list_per_sampled_shingle(tmp_path):
    """The sort gives the pairs of the definition: each article holding a sampled shingle
    paired with the next SAMPLE_NEIGHBOURS holding it, in corpus order."""
    import numpy as np

    from wiretrace.ingest.corpus import load_corpus
    from wiretrace.rewrites.cluster import (
        SAMPLE_EVERY,
        SAMPLE_NEIGHBOURS,
        excerpt_pairs,
        fingerprints,
    )
    from wtbench.synth import write_corpus

    write_corpus(tmp_path, 60, seed=4)
    prints = fingerprints(load_corpus([tmp_path, SEEDS_DIR]))
    postings: dict[int, list[int]] = {}
    for i, f in enumerate(prints):
        for value in f.anchors[f.anchors % np.uint64(SAMPLE_EVERY) == 0].tolist():
            postings.setdefault(value, []).append(i)
    expected = {
        (i, j)
        for members in postings.values()
        for k, i in enumerate(members)
        for j in members[k + 1 : k + 1 + SAMPLE_NEIGHBOURS]
    }
    assert excerpt_pairs(prints) == expected and len(expected) > 100
    assert excerpt_pairs([]) == set() and excerpt_pairs(prints[:1]) == set()
