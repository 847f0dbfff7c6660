"""``date_change``: a date or time anchor changed, made vague, dropped, or added.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``date_change`` findings: ``high`` when a
date of the source became another ("July 26" -> "July 16"; "26 July" = "July 26"),
``medium`` when it was made vague or dropped in place, or when the rewrite of a close
rewrite dates the passage where the source has a few other words.
"""

from __future__ import annotations

from wiretrace.findings.checks import check
from wiretrace.findings.checks.numbers import changed, made_vague, stands_in
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair, content
from wiretrace.language.lexicon import load_lexicon

KINDS = ("date_change",)

#: A date put where the source has other words is reported only in a close rewrite and
#: in place of at most this many content words; in a restructured sentence the words
#: around a date are reordered, not replaced by it.
ADDED_DATE_SPAN = 3


@check(order=60, scope="edit")
def dates(pair: Pair, edit: Edit) -> list[Finding]:
    """A date changed, made vague, dropped, or added where the source has other words."""
    src, rw = edit.src, edit.rw
    date_s = [u for u in src if u.is_date]
    date_r = [u for u in rw if u.is_date]
    vague_r = [u for u in rw if u.key in load_lexicon().vague]
    if date_s and date_r:
        if sorted(u.key for u in date_s) != sorted(u.key for u in date_r):
            return [changed(pair, "date_change", "date", date_r, date_s)]
    elif date_s and (vague_r or stands_in(pair, edit) or (not rw and not edit.trim)):
        return [made_vague(pair, edit, "date_change", "date", date_s, vague_r, ".")]
    elif date_r and not date_s and pair.close and len(content(src)) <= ADDED_DATE_SPAN:
        new = [u for u in date_r if u.key not in pair.src_keys]
        if new and src:
            return [
                pair.finding(
                    "date_change",
                    "medium",
                    new,
                    src,
                    f"The rewrite dates this {quoted(pair.rw_words(new))} where the source "
                    f"says {quoted(pair.src_words(src))}.",
                )
            ]
    return []
