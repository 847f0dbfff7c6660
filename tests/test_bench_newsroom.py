"""Tests for wtbench.newsroom: real-text story clusters with a newsroom's edits."""

from __future__ import annotations

import random

from wtbench import newsroom


def test_stories_without_meter_are_the_five_clough_stevenson_tasks():
    stories = newsroom.stories(None)
    assert [name for name, _ in stories] == [f"clough/{t}" for t in "abcde"]
    assert all(len(texts) >= 15 for _, texts in stories)


def test_generate_gives_n_articles_in_clusters_of_one_to_five():
    frame = newsroom.generate(40, seed=1, meter_dir=None)
    assert len(frame) == 40 and frame["article_id"].is_unique
    sizes = frame.groupby("cluster_id").size()
    assert sizes.min() >= 1 and sizes.max() <= 5
    assert (frame.groupby("cluster_id")["kind"].apply(lambda k: (k == "original").sum()) == 1).all()
    assert frame.equals(newsroom.generate(40, seed=1, meter_dir=None))
    assert not frame.equals(newsroom.generate(40, seed=2, meter_dir=None))


def test_a_reused_story_is_relabelled_and_the_first_use_is_real_text():
    frame = newsroom.generate(60, seed=0, meter_dir=None)
    originals = frame[frame["kind"] == "original"].sort_values("cluster_id")
    texts = {name: " ".join(s) for _, ts in newsroom.stories(None) for name, s in ts}
    first = originals.iloc[0]
    assert " ".join(first.text.split()) == " ".join(texts[first.source.split("/")[-1]].split())
    # Five stories only: the sixth cluster reuses one, with other rare words.
    reused = originals.iloc[5]
    assert " ".join(reused.text.split()) != " ".join(texts[reused.source.split("/")[-1]].split())


def test_an_edit_cuts_swaps_and_changes_words_but_keeps_the_lead():
    sentences = [f"Sentence {k} tells of Niamey and troops number {k}." for k in range(12)]
    edited = newsroom.newsroom_edit(sentences, random.Random(3))
    assert 1 <= len(edited) < len(sentences)
    assert edited[0].split()[:2] == ["Sentence", "0"]
    assert edited != sentences[: len(edited)]


def test_write_corpus_writes_one_file_per_article(tmp_path):
    frame = newsroom.write_corpus(tmp_path, 8, seed=0, meter_dir=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{i}.txt" for i in frame.article_id
    )


def test_topic_names_the_real_case_whatever_the_date():
    assert newsroom.topic("meter/courts/02.11.99/doctor/doctor302_guardian") == (
        "meter/courts/doctor"
    )
    assert newsroom.topic("meter/courts/07.01.00/doctor/wire_doctor1") == "meter/courts/doctor"
    assert newsroom.topic("clough/a/g0pA_taska") == "clough/a"
