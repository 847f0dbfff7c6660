"""Tests for wtbench.story_claims: the pair scores of claim matching."""

from __future__ import annotations

from wtbench.story_claims import GOLD_PATH, evaluate, group_by_story, load_gold


def test_evaluate_counts_pairs_of_different_versions_only():
    items = [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    gold = {("a", 0): "x", ("b", 0): "x"}
    # a0-b0 matched (right), a1-b1 matched (wrong), a0-a1 same version (not a pair)
    result = evaluate(items, [0, 1, 0, 1], gold)
    assert (result["right"], result["matched"], result["same_claim_pairs"]) == (1, 2, 1)
    assert result["different_claim_pairs"] == 3
    assert (result["precision"], result["recall"], result["false_match_rate"]) == (
        0.5,
        1.0,
        0.3333,
    )
    assert result["false_matches"] == [[("a", 1), ("b", 1)]]


def test_a_may_match_item_is_left_out_of_its_claim_s_pairs():
    items = [("a", 0), ("b", 0), ("b", 1)]
    gold = {("a", 0): "x", ("b", 0): "x", ("b", 1): "?x"}
    result = evaluate(items, [0, 0, 1], gold)
    assert (result["same_claim_pairs"], result["different_claim_pairs"]) == (1, 0)
    assert result["recall"] == 1.0 and result["false_match_rate"] is None


def test_the_gold_file_labels_the_seed_claims():
    gold = load_gold(GOLD_PATH)
    assert gold["seeds"][("004_d5c23e7a232071b8", 3)] == "withdrawal_begun"
    assert len(gold["seeds"]) == 22


def test_the_meter_gold_file_labels_the_second_dev_set():
    from wtbench.story_claims import ALL_PAIRS, METER_GOLD_PATH, METER_SETS

    gold = load_gold(METER_GOLD_PATH)
    assert METER_SETS["meter_dev2"] == (4, 5)
    assert sorted(ALL_PAIRS) == ["meter_dev2", "meter_dev3", "meter_test"]
    assert gold["meter_dev2"][("rape482_times", 14)] == "r_alert"
    assert len(gold["meter_dev2"]) == 45


def test_the_meter_gold_file_labels_the_blind_test_set_on_folders_of_no_other_set():
    from wtbench.story_claims import HELD_OUT, METER_GOLD_PATH, METER_SETS

    gold = load_gold(METER_GOLD_PATH)
    assert METER_SETS["meter_test"] == (8, 9)
    used = [i for name, firsts in METER_SETS.items() if name != "meter_test" for i in firsts]
    assert not set(METER_SETS["meter_test"]) & set(used)
    assert HELD_OUT == ("meter_heldout", "meter_test")
    assert gold["meter_test"][("wire_reel1", 11)] == "t40"
    assert gold["meter_test"][("pinochet689_guardian", 9)] == "?t16"
    assert len(gold["meter_test"]) == 106


def test_the_meter_gold_file_labels_the_third_dev_set_on_folders_of_no_other_set():
    from wtbench.story_claims import METER_GOLD_PATH, METER_SETS

    gold = load_gold(METER_GOLD_PATH)
    assert METER_SETS["meter_dev3"] == (0, 1, 3)
    used = [i for name, firsts in METER_SETS.items() if name != "meter_dev3" for i in firsts]
    assert not set(METER_SETS["meter_dev3"]) & set(used)
    assert gold["meter_dev3"][("wire_diver1", 7)] == "d_fault"
    assert gold["meter_dev3"][("noye468_star", 9)] == "?n_intervene"
    assert len(gold["meter_dev3"]) == 141


def test_group_by_story_matches_claims_within_one_story_only():
    text = "the council said the bridge will close in May for repairs"
    groups = group_by_story(["s1", "s1", "s2", "s2"], ["a", "b", "c", "d"], [text] * 4)
    assert groups[0] == groups[1] and groups[2] == groups[3] and groups[0] != groups[2]


def test_group_by_story_passes_the_encoder_and_its_thresholds():
    import numpy as np

    texts = [
        "The council will shut the swimming baths in June to mend the leaking roof.",
        "The town pool is to close for repairs to its roof over the summer.",
    ]

    def encoder(batch):
        return np.array([[1.0, 0.0] for _ in batch])  # every cosine 1

    stories, versions = ["s1", "s1"], ["wire", "paper"]
    lexical = group_by_story(stories, versions, texts)
    raised = group_by_story(stories, versions, texts, encoder=encoder, semantic=(0.9, 0.1))
    barred = group_by_story(stories, versions, texts, encoder=encoder, semantic=(0.9, 0.5))
    assert lexical[0] != lexical[1] and raised[0] == raised[1] and barred[0] != barred[1]


def test_a_miss_of_a_claim_one_version_states_twice_is_counted_apart():
    items = [("a", 0), ("a", 1), ("b", 0), ("c", 0)]
    gold = {("a", 0): "x", ("a", 1): "x", ("b", 0): "x", ("c", 0): "y"}
    # a0-b0 matched; a1-b0 missed, and a states x twice; a claim stated once: no such miss
    result = evaluate(items, [0, 1, 0, 2], gold)
    assert result["misses"] == [[("a", 1), ("b", 0)]] and result["misses_restated"] == 1
    once = evaluate([("a", 0), ("b", 0)], [0, 1], {("a", 0): "x", ("b", 0): "x"})
    assert once["misses_restated"] == 0 and len(once["misses"]) == 1
