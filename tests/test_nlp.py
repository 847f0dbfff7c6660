"""Tests of wiretrace.language.nlp: one spaCy pipeline, loaded once."""

from __future__ import annotations

from wiretrace.language import nlp as nlp_module
from wiretrace.language.nlp import add_entities, has_entities, nlp, parse, parse_all, parsed


def test_one_pipeline_is_shared():
    assert nlp() is nlp()


def test_the_pipeline_parses_a_speech_verb_and_its_subject():
    doc = nlp()("The minister said talks had begun.")
    said = next(t for t in doc if t.text == "said")
    assert said.lemma_ == "say"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["minister"]


def _signature(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]


def test_a_parse_does_not_depend_on_its_batch_or_the_cache(seeds):
    sentences = [s.text for a in seeds.ok for s in a.sentences][:80]
    alone = [_signature(nlp()(s)) for s in sentences]
    nlp_module.PARSE_CACHE, saved = 16, nlp_module.PARSE_CACHE
    try:
        batched = [_signature(d) for d in parse_all(list(reversed(sentences)))][::-1]
        again = [_signature(parse(s)) for s in sentences]
    finally:
        nlp_module.PARSE_CACHE = saved
    assert batched == alone and again == alone


def test_parse_all_parses_each_distinct_text_once_and_keeps_order():
    text = "Officials said the talks would resume on Monday."
    nlp_module._parsed.pop(text, None)
    first, second = parse_all([text, text])
    assert first is second and first.text == text
    assert parse(text) is first  # from the cache


def test_tags_do_not_need_the_entity_recogniser_or_lemmatiser(seeds):
    # substitution's part-of-speech tags come from the cache or from the reduced pipeline
    sentences = [s.text for a in seeds.ok for s in a.sentences][:60]
    full = [[t.pos_ for t in nlp()(s)] for s in sentences]
    with nlp().select_pipes(disable=["ner", "lemmatizer"]):
        reduced = [[t.pos_ for t in nlp()(s)] for s in sentences]
    assert reduced == full


def test_parsed_is_the_cached_parse_or_none():
    text = "The ministry said nothing on Tuesday."
    nlp_module._parsed.pop(text, None)
    assert parsed(text) is None
    assert parsed(text) is None and parse(text) is parsed(text)


def test_entities_added_later_are_those_of_a_whole_parse(seeds):
    sentences = [s.text for a in seeds.ok for s in a.sentences][:80]
    whole = [_signature(nlp()(s)) for s in sentences]
    for s in sentences:
        nlp_module._parsed.pop(s, None)
    without = parse_all(sentences, entities=False)
    assert not any(has_entities(d) for d in without)
    assert [[t.ent_type_ for t in d] for d in without] != [[e[-1] for e in w] for w in whole]
    add_entities(without[:10])  # some now, the others when a caller wants whole parses
    assert all(has_entities(d) for d in without[:10])
    assert [_signature(d) for d in parse_all(sentences)] == whole
    assert all(has_entities(d) for d in without)  # the cached docs themselves completed
