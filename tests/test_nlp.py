"""Tests of wiretrace.language.nlp: one spaCy pipeline, loaded once."""

from __future__ import annotations

from wiretrace.language.nlp import nlp


def test_one_pipeline_is_shared():
    assert nlp() is nlp()


def test_the_pipeline_parses_a_speech_verb_and_its_subject():
    doc = nlp()("The minister said talks had begun.")
    said = next(t for t in doc if t.text == "said")
    assert said.lemma_ == "say"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["minister"]
