"""``modality_change``: certainty, possibility or hearsay changed ("will" -> "may", "reportedly").

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``modality_change`` findings (severity
``high``), with the lexicon's gloss of each modal word. A trimmed edit is not reported,
nor a passage rewritten wholesale that has modal words on one side only.

Across versions (scope ``"claim"``): the same claim with a modal or hedging word gained,
lost or replaced in another version (:func:`wiretrace.findings.story_claims.certainty_change`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair
from wiretrace.language.lexicon import load_lexicon
from wiretrace.language.units import Unit

KINDS = ("modality_change",)

if TYPE_CHECKING:
    from wiretrace.findings.story_claims import ClaimPair


@check(order=40, scope="edit")
def modality(pair: Pair, edit: Edit) -> list[Finding]:
    """A modal or hedging word added, dropped or replaced by one of another group."""
    lex = load_lexicon()
    src, rw = edit.src, edit.rw
    mod_s, mod_r = _modality_groups(src), _modality_groups(rw)
    if mod_s == mod_r or edit.trim or not (edit.local or (mod_s and mod_r)):
        return []
    ms = [u for u in src if u.key in lex.modality]
    mr = [u for u in rw if u.key in lex.modality]
    glosses_s = "; ".join(f"{quoted(u.surface)} ({lex.modality[u.key][1]})" for u in ms)
    glosses_r = "; ".join(f"{quoted(u.surface)} ({lex.modality[u.key][1]})" for u in mr)
    if ms and mr:
        why = f"{glosses_s} became {glosses_r}"
    elif mr:
        why = f"the rewrite added {glosses_r}"
    else:
        why = f"the rewrite dropped {glosses_s}"
    return [
        pair.finding(
            "modality_change",
            "high",
            mr or rw,
            ms,
            f"Certainty changed: {why}. Source: {quoted(pair.src_words(src))}; "
            f"rewrite: {quoted(pair.rw_words(rw))}.",
            at=edit.rw_at,
            at_end=edit.rw_at_end,
        )
    ]


def _modality_groups(units: Iterable[Unit]) -> Counter:
    lex = load_lexicon()
    return Counter(lex.modality[u.key][0] for u in units if u.key in lex.modality)


@check(order=250, scope="claim")
def claim_modality_changed(pair: ClaimPair) -> list[Finding]:
    """The same claim across versions with a modal or hedging word (may, could,
    reportedly, allegedly; "is believed to") gained, lost or replaced:
    ``modality_change``, or ``quote_altered`` inside quotation marks
    (see :func:`wiretrace.findings.story_claims.certainty_change`)."""
    from wiretrace.findings.story_claims import certainty_change

    return certainty_change(pair, negation=False)
