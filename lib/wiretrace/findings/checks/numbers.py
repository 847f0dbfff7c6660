"""``number_change``: a figure changed, made vague, dropped, added, or its qualifier changed.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``number_change`` findings: ``high`` when
a figure of the source became another, ``medium`` when it was made vague ("1,500" -> "a
handful of") or dropped while the sentence still makes the claim, when the rewrite adds
a figure, or when the approximator changed ("about" -> "more than"). Figures are compared
by value ("1,500" = "1500"; "1.500" may be 1.5 or a German 1,500). :func:`changed`,
:func:`made_vague` and :func:`stands_in` serve the dates too.
"""

from __future__ import annotations

import re

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair, content
from wiretrace.language.lexicon import load_lexicon
from wiretrace.language.units import Unit

KINDS = ("number_change",)


@check(order=50, scope="edit")
def numbers(pair: Pair, edit: Edit) -> list[Finding]:
    """A figure changed, made vague, dropped or added; a changed approximator.

    Adds the approximators it reports to ``edit.done``.
    """
    lex = load_lexicon()
    src, rw = edit.src, edit.rw
    num_s = [u for u in src if u.is_number]
    num_r = [u for u in rw if u.is_number]
    vague_r = [u for u in rw if u.key in lex.vague]
    if num_s and num_r:
        if not _same_numbers(num_s, num_r):
            return [changed(pair, "number_change", "number", num_r, num_s)]
    elif num_s and (vague_r or stands_in(pair, edit) or (not rw and not edit.trim)):
        tail = " while the sentence still makes the claim."
        return [made_vague(pair, edit, "number_change", "figure", num_s, vague_r, tail)]
    elif num_r and not num_s:
        new = [
            u
            for u in num_r
            if u.key not in pair.src_keys and u.surface.lower() not in ("one", "two")
        ]
        if new:
            return [
                pair.finding(
                    "number_change",
                    "medium",
                    new,
                    [],
                    f"The rewrite gives the figure {quoted(pair.rw_words(new))}, which the "
                    f"source sentence does not have.",
                )
            ]
    else:
        return _approximator(pair, edit)
    return []


def _approximator(pair: Pair, edit: Edit) -> list[Finding]:
    """The qualifier of a figure of the sentence changed ("about" -> "more than")."""
    lex = load_lexicon()
    src, rw = edit.src, edit.rw
    appr_s = {lex.approximator[u.key] for u in src if u.key in lex.approximator}
    appr_r = {lex.approximator[u.key] for u in rw if u.key in lex.approximator}
    near_number = any(u.is_number for u in pair.su)
    if not (near_number and appr_s and appr_r and not appr_s & appr_r):
        return []
    a_s = [u for u in src if u.key in lex.approximator]
    a_r = [u for u in rw if u.key in lex.approximator]
    edit.done |= {id(u) for u in a_s + a_r}
    return [
        pair.finding(
            "number_change",
            "medium",
            a_r,
            a_s,
            f"The figure's qualifier changed: {quoted(pair.src_words(a_s))} became "
            f"{quoted(pair.rw_words(a_r))}.",
        )
    ]


def changed(pair: Pair, kind: str, what: str, units_r: list[Unit], units_s: list[Unit]):
    """A quantity or anchor present in both wordings but different: severity high."""
    return pair.finding(
        kind,
        "high",
        units_r,
        units_s,
        f"The {what} changed: {quoted(pair.src_words(units_s))} in the source, "
        f"{quoted(pair.rw_words(units_r))} in the rewrite.",
    )


def made_vague(
    pair: Pair,
    edit: Edit,
    kind: str,
    what: str,
    units_s: list[Unit],
    vague_r: list[Unit],
    tail: str,
) -> Finding:
    """The source's quantity or anchor made vague or dropped in place: severity medium."""
    instead = vague_r or content(edit.rw)
    if vague_r:
        how = f"made vague as {quoted(pair.rw_words(vague_r))}"
    elif instead:
        how = f"dropped ({quoted(pair.rw_words(instead))} stands in its place)"
    else:
        how = "dropped"
    return pair.finding(
        kind,
        "medium",
        instead,
        units_s,
        f"The source's {what} {quoted(pair.src_words(units_s))} was " + how + tail,
        at=edit.rw_at,
        at_end=edit.rw_at_end,
    )


def stands_in(pair: Pair, edit: Edit) -> bool:
    """True when a few words directly replace a figure or date ("1,500" -> "a handful of")."""
    other_src = [u for u in content(edit.src) if not (u.is_number or u.is_date)]
    return pair.close and 0 < len(content(edit.rw)) <= 3 and len(other_src) <= 1


def _readings(u: Unit) -> set[float]:
    """The values a figure can stand for: "1.500" may be 1.5 or a German 1,500."""
    out = {u.value}
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", u.surface):
        out.add(float(u.surface.replace(".", "")))
    return out


def _same_numbers(a: list[Unit], b: list[Unit]) -> bool:
    if len(a) != len(b):
        return False
    left = list(b)
    for u in a:
        match = next((v for v in left if _readings(u) & _readings(v)), None)
        if match is None:
            return False
        left.remove(match)
    return True
