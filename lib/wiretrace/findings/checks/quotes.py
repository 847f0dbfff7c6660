"""``quote_altered``: words inside quotation marks that differ from the source's quotation.

Takes the compared :class:`~wiretrace.findings.pair.Pair`, before its edits are cut;
returns the findings, and records in ``pair.quoted_rw``/``pair.quoted_src`` the quotation
spans it compared, which the edits then leave out. A quotation of several sentences
counts in each of them (:func:`~wiretrace.language.units.open_quote_spans`): inside
quotation marks every change is a misquote first, whatever the word. Trimming at the
ends of a quotation and an omission marked "..." are allowed; a non-word misspelling a
quoted word is a typo (decided by :func:`wiretrace.findings.checks.typo.slip_in_quote`).

Across versions (scope ``"claim"``, :mod:`wiretrace.findings.story_claims`): the same
claim quoted in other words by a version not derived from its source, with no shared run of
words (re-translated), is ``quote_altered`` when the versions must report the same words,
else a ``variant``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from wiretrace.findings.checks import check
from wiretrace.findings.checks.typo import slip_in_quote
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Pair, content
from wiretrace.language.matching import matcher
from wiretrace.language.units import Unit, open_quote_spans

if TYPE_CHECKING:
    from wiretrace.findings.story_claims import ClaimPair

KINDS = ("quote_altered",)

#: A change inside a quotation: source units, rewrite units, and the gap in the rewrite
#: where words were dropped ((0, 0) when rewrite units are there).
Change = tuple[list[Unit], list[Unit], tuple[int, int]]


@check(order=10, scope="pair")
def altered_quotes(pair: Pair) -> list[Finding]:
    """Altered quotations of the rewrite; writes ``pair.quoted_rw`` and ``pair.quoted_src``."""
    findings: list[Finding] = []
    src_quotes = [
        (s, e, [u for u in pair.su if u.start >= s and u.end <= e])
        for s, e in open_quote_spans(pair.source)
    ]
    for qs, qe in open_quote_spans(pair.rewrite):
        inside = [u for u in pair.ru if u.start >= qs and u.end <= qe]
        if not inside or not src_quotes:
            continue
        best = _best_source_quote(inside, src_quotes)
        if best is None:
            continue
        s, e, sq = best
        pair.quoted_rw.append((qs, qe))
        pair.quoted_src.append((s, e))
        changes, added_at = _quote_changes(pair.rewrite, sq, inside, (qs, qe), e)
        others = [[u.key for u in q] for (s2, _, q) in src_quotes if s2 != s]
        for old, new, gap in changes:
            if not old and _quoted_elsewhere([u.key for u in new], others):
                continue  # two quotations of the source joined into one: the speaker's words
            findings.append(_altered(pair, old, new, gap, (s, e), added_at))
    return findings


def _quoted_elsewhere(keys: list[str], quotations: list[list[str]]) -> bool:
    """True when ``keys`` run, in order, inside one of the other ``quotations``."""
    n = len(keys)
    return bool(n) and any(q[i : i + n] == keys for q in quotations for i in range(len(q) - n + 1))


def _best_source_quote(inside: list[Unit], src_quotes: list) -> tuple | None:
    """The source quotation sharing most of the rewrite quotation's words (half or more)."""
    keys = [u.key for u in inside]
    best, best_score = None, 0.0
    for s, e, sq in src_quotes:
        common = sum((Counter(keys) & Counter(u.key for u in sq)).values())
        score = common / len(keys)
        if score > best_score:
            best, best_score = (s, e, sq), score
    if best is None or best_score < 0.5:
        return None
    return best


def _quote_changes(
    rewrite: str, sq: list[Unit], inside: list[Unit], span: tuple[int, int], e: int
) -> tuple[list[Change], dict[int, int]]:
    """The changes from the source quotation ``sq`` to the rewrite's ``inside``.

    Returns the changes and, for added words, the id of the first added unit mapped to
    its place in the source (``e``, the source quotation's end, when added at the end).
    """
    qs, qe = span
    sm = matcher([u.key for u in sq], [u.key for u in inside])
    changes: list[Change] = []
    added_at: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert":
            added_at[id(inside[j1])] = sq[i1].start if i1 < len(sq) else e
        if tag == "delete" and (i1 == 0 and j1 == 0 or i2 == len(sq) and j1 == len(inside)):
            continue  # trimmed at an end
        if tag == "delete":
            gap = rewrite[inside[j1 - 1].end : inside[j1].start] if 0 < j1 < len(inside) else ""
            if "..." in gap or "\u2026" in gap:
                continue  # marked omission
            gap_start = inside[j1 - 1].end if j1 else qs
            gap_end = inside[j1].start if j1 < len(inside) else qe
            changes.append((sq[i1:i2], [], (gap_start, gap_end)))
        else:
            changes.append((sq[i1:i2], inside[j1:j2], (0, 0)))
    return changes, added_at


def _altered(
    pair: Pair,
    old: list[Unit],
    new: list[Unit],
    gap: tuple[int, int],
    source_quote: tuple[int, int],
    added_at: dict[int, int],
) -> Finding:
    """The finding for one change inside a quotation: a slip (typo) or ``quote_altered``."""
    slip = slip_in_quote(pair, old, new)
    if slip is not None:
        return slip
    old_text, new_text = pair.src_words(old), pair.rw_words(new)
    if old and new:
        what = f"{quoted(old_text)} became {quoted(new_text)}"
    elif old:
        what = f"{quoted(old_text)} was dropped"
    else:
        what = f"{quoted(new_text)} was added"
    s, e = source_quote
    finding = pair.finding(
        "quote_altered",
        "high" if content(old) or content(new) else "medium",
        new,
        old,
        f"Inside the quotation, {what}: words in quotation marks must be the "
        f"speaker's, as in the source ({quoted(pair.source[s:e])}).",
        at=gap[0],
        at_end=gap[1],
    )
    if not old:
        place = added_at.get(id(new[0]), e) if new else e
        finding = replace(finding, source_start=place, source_end=place)
    return finding


@check(order=240, scope="claim")
def claim_quote_retranslated(pair: ClaimPair) -> list[Finding]:
    """The same claim quoted in other words: both versions put the statement in quotation
    marks, and the quotations share no run of ``story_claims.SHARED_RUN`` words (translated
    twice, or re-worded). ``quote_altered`` (high) when the versions must report the same
    words (``pair.common_origin``) and more versions carry the reference's wording, else a
    ``variant``: independent reporters quote a speaker with the words they heard."""
    from wiretrace.findings.story_claims import (
        QUOTE_KEYS_MIN,
        QUOTE_SAME_MIN,
        SHARED_RUN,
        quote_keys_share,
        quote_run,
    )

    ref, other = pair.reference, pair.other
    if ref["claim_type"] != "quote" or other["claim_type"] != "quote":
        return []
    run = quote_run(ref["quote"], other["quote"])
    shorter = min(len(ref["quote"].split()), len(other["quote"].split()))
    if run >= min(SHARED_RUN, shorter):
        return []  # one wording, perhaps with words changed: compared where it is copied
    share = quote_keys_share(ref["quote"], other["quote"])
    if share < QUOTE_KEYS_MIN or share >= QUOTE_SAME_MIN:
        return []  # other things said, or one wording spelt otherwise
    start, end = int(other["quote_start"]), int(other["quote_end"])
    r_start, r_end = int(ref["quote_start"]), int(ref["quote_end"])
    carried = pair.quote_support[0]
    why = (
        f"Across versions, re-translated or re-worded: {other['article_id']} quotes "
        f"{quoted(pair.other_text[start:end])} where {carried} version(s) quote the same "
        f"statement as {quoted(pair.reference_text[r_start:r_end])} ({ref['article_id']}); the "
        f"two share no run of {SHARED_RUN} words, so the words in quotation marks are not "
        "the speaker's as reported."
    )
    return pair.findings("quote_altered", "high", (start, end), (r_start, r_end), why, "quote")
