"""``date_change``: a date or time anchor changed, made vague, dropped, or added.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``date_change`` findings: ``high`` when a
date of the source became another ("July 26" -> "July 16"; "26 July" = "July 26"),
``medium`` when it was made vague or dropped in place (also by words put before the
source's weekday: "on Sunday" -> "on a recent Sunday", :data:`VAGUE_DAY_WORDS`), or when the
rewrite of a close rewrite dates the passage where the source has a few other words.
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
#: Words that, put before a weekday the source gives, make it any such day ("a recent
#: Sunday", "one Sunday"): the rewrite no longer says which day.
VAGUE_DAY_WORDS = frozenset({"a", "an", "one", "some", "recent", "past", "certain"})
#: Of which one must be there: "the Sunday" and "past Sunday" still say which.
VAGUE_DAY_MARKS = frozenset({"a", "an", "one", "some"})


@check(order=60, scope="edit")
def dates(pair: Pair, edit: Edit) -> list[Finding]:
    """A date changed, made vague, dropped, or added where the source has other words."""
    src, rw = edit.src, edit.rw
    date_s = [u for u in src if u.is_date]
    date_r = [u for u in rw if u.is_date]
    vague_r = [u for u in rw if u.key in load_lexicon().vague]
    vague_day = _vague_day(pair, edit)
    if vague_day is not None:
        return [vague_day]
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


def _vague_day(pair: Pair, edit: Edit) -> Finding | None:
    """Words put before a weekday the source gives that make it any such day, or None."""
    rw = edit.rw
    keys = {u.key for u in rw}
    if edit.src or not rw or not keys <= VAGUE_DAY_WORDS or not keys & VAGUE_DAY_MARKS:
        return None
    after = [u for u in pair.ru if u.start >= rw[-1].end]
    day = after[0] if after else None
    if day is None or day.kind != "day" or day.key not in pair.src_keys:
        return None
    source_day = [u for u in pair.su if u.key == day.key]
    return pair.finding(
        "date_change",
        "medium",
        [*rw, day],
        source_day[:1],
        f"The source's date {quoted(day.surface)} was made vague as "
        f"{quoted(pair.rw_words([*rw, day]))}: the rewrite no longer says which day.",
    )
