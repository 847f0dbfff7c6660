"""``typo``: every misspelling, wherever it arises.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and its
:class:`~wiretrace.findings.pair.Edit`; returns ``typo`` findings (severity ``low``, a
misspelt name ``medium``). The checks here, in their order: words run together
("Sahelafter") come first, because they hide the words they join; the source's own slips
("fatcors") corrected by the rewrite are taken out of the edit (no finding); later,
non-words the source does not have; and, for a sentence with no source, non-words one
letter from a dictionary word. Other checks ask this module where a typo is decided in
the middle of their own matching: a slip inside a quotation (:func:`slip_in_quote`), a
misspelt name (:func:`misspelt_name`), a one-letter slip for a substituted word
(:func:`one_letter_slip`). A word another version or the source also has is never a typo.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair
from wiretrace.findings.words import ErrorContext
from wiretrace.language.lexicon import (
    edit_distance,
    in_us_dictionary,
    in_us_dictionary_exact_case,
    in_wordfreq,
    is_word,
    zipf,
)
from wiretrace.language.text import tokens
from wiretrace.language.units import Unit

KINDS = ("typo",)


@check(order=20, scope="edit")
def run_together(pair: Pair, edit: Edit) -> list[Finding]:
    """A rewrite word that is two adjacent source words run together ("nospecific").

    Takes the word out of ``edit.rw`` and the two words out of ``edit.src``.
    """
    su = pair.su
    pairs = {su[k].key + su[k + 1].key: (su[k], su[k + 1]) for k in range(len(su) - 1)}
    pairs.update(
        {
            (su[k].surface + su[k + 1].surface).lower(): (su[k], su[k + 1])
            for k in range(len(su) - 1)
        }
    )
    out = []
    for b in list(edit.rw):
        joined = pairs.get(b.key) if b.kind == "word" else None
        if joined and not is_word(b.surface) and b.key not in pair.context.known_words:
            edit.rw = [u for u in edit.rw if u is not b]
            edit.src = [u for u in edit.src if u not in joined]
            out.append(
                pair.finding(
                    "typo",
                    "low",
                    [b],
                    list(joined),
                    f"{quoted(b.surface)} runs two words together: the source has "
                    f"{quoted(joined[0].surface + ' ' + joined[1].surface)}.",
                )
            )
    return out


@check(order=25, scope="edit")
def source_slips(pair: Pair, edit: Edit) -> list[Finding]:
    """The source's own slips ("Inheritanceis", "fatcors") that the rewrite corrects.

    A rewrite that corrects them changed nothing that matters: the slip and its correction
    are taken out of ``edit.src`` and ``edit.rw``. Reports nothing.
    """
    for a in list(edit.src):
        if a.kind != "word" or is_word(a.surface):
            continue
        split = [
            (x, y) for x, y in zip(edit.rw, edit.rw[1:], strict=False) if x.key + y.key == a.key
        ]
        fixed = [
            b
            for b in edit.rw
            if b.kind == "word" and is_word(b.surface) and edit_distance(a.key, b.key) <= 2
        ]
        gone = list(split[0]) if split else fixed[:1]
        if gone:
            edit.src = [u for u in edit.src if u is not a]
            edit.rw = [u for u in edit.rw if all(u is not g for g in gone)]
    return []


@check(order=80, scope="edit")
def non_words(pair: Pair, edit: Edit) -> list[Finding]:
    """Non-words of the rewrite the source does not have; adds them to ``edit.done``."""
    out = []
    for b in edit.rw:
        if b.kind != "word" or id(b) in edit.done or b.key in pair.src_keys:
            continue
        word = b.surface
        if "'" in word or is_word(word) or b.key in pair.context.known_words:
            continue
        near = [a for a in edit.src if a.kind == "word" and edit_distance(a.key, b.key) <= 2]
        if near or not b.cap:
            edit.done.add(id(b))
            if near:
                why = f"a misspelling of the source's {quoted(near[0].surface)}"
            else:
                split = split_run_together(word, pair.context)
                why = (
                    f"two words run together ({quoted(split)})"
                    if split
                    else "not an English word, and no other version or source has it"
                )
            out.append(pair.finding("typo", "low", [b], near[:1], f"{quoted(word)} is {why}."))
    return out


@check(order=105, scope="sentence")
def non_words_without_source(pair: Pair) -> list[Finding]:
    """With no source: lower-case non-words one edit from a dictionary word.

    Words run together are machine-translation artefacts instead (see
    :mod:`wiretrace.findings.checks.artifacts`).
    """
    if pair.source:
        return []
    out = []
    context = pair.context
    for tok in [t for t in tokens(pair.rewrite) if t.is_word]:
        if "'" in tok.text or tok.norm in context.known_words or is_word(tok.text):
            continue
        if split_run_together(tok.text, context):
            continue
        if (
            tok.text[:1].islower()
            and not tok.norm[:1].isdigit()
            and zipf(tok.norm) < 1.5
            and _near_word(tok.norm)
        ):
            out.append(
                Finding(
                    "typo",
                    "low",
                    tok.text,
                    "",
                    tok.start,
                    tok.end,
                    f"{quoted(tok.text)} is not an English word, and no other version or "
                    "source has it.",
                )
            )
    return out


def slip_in_quote(pair: Pair, old: list[Unit], new: list[Unit]) -> Finding | None:
    """The typo when ``new`` is one non-word misspelling ``old`` inside a quotation, else None.

    ``old`` may be two words the slip runs together.
    """
    if len(new) != 1 or not old or len(old) > 2 or new[0].kind != "word":
        return None
    word = new[0]
    if is_word(word.surface):
        return None
    joined = "".join(u.surface.lower() for u in old)
    if edit_distance(joined, word.surface.lower()) > 2:
        return None
    return pair.finding(
        "typo",
        "low",
        new,
        old,
        f"Inside the quotation, {quoted(pair.rw_words(new))} is not a word: a misspelling of "
        f"the source's {quoted(pair.src_words(old))}.",
    )


def misspelt_name(pair: Pair, a: Unit, b: Unit) -> Finding | None:
    """The typo when the name ``b`` misspells the source's name ``a``, else None."""
    close = edit_distance(a.key, b.key) <= 2 and min(len(a.key), len(b.key)) >= 5
    if close and b.key not in pair.context.known_words and not is_word(b.surface):
        return pair.finding(
            "typo",
            "medium",
            [b],
            [a],
            f"The name {quoted(a.surface)} is misspelt {quoted(b.surface)}.",
        )
    return None


def one_letter_slip(pair: Pair, a: Unit, b: Unit) -> Finding | None:
    """The typo when ``b`` is one letter from ``a`` and the rarer word, else None."""
    if len(a.key) >= 4 and edit_distance(a.key, b.key) == 1 and zipf(b.key) < zipf(a.key):
        return pair.finding(
            "typo",
            "low",
            [b],
            [a],
            f"{quoted(b.surface)} looks like a slip for the source's {quoted(a.surface)} "
            "(one letter apart).",
        )
    return None


def split_run_together(word: str, context: ErrorContext) -> str:
    """``"Sahel after"`` for ``"Sahelafter"`` when both halves are known words, else ``""``."""
    lower = word.lower()
    best = ""
    for k in range(2, len(lower) - 1):
        left, right = lower[:k], lower[k:]
        if len(right) < 3 or len(left) < 3 or zipf(right) < 4.5 or not is_word(right):
            continue
        known_left = is_word(word[:k]) or left in context.known_words
        if known_left and zipf(right) >= (zipf(best.split()[1]) if best else 0):
            best = f"{word[:k]} {word[k:]}"
    return best


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=4096)
def _near_word(word: str) -> str:
    """A dictionary word one edit away from the lower-case non-word ``word``, or ``""``.

    Every string one deletion, transposition, replacement or insertion of a letter away
    is looked up in Hunspell's ``en_US`` dictionary, in lower case or else capitalised (the
    candidates Hunspell's own ``suggest`` ranks, at a fiftieth of its cost); the most
    frequent one (wordfreq), then the first in alphabetical order, is returned. Only
    candidates wordfreq has seen are looked up, from the most frequent down, and the
    lookups stop after the first frequency that has a dictionary word: most strings one
    edit away are not words, and a dictionary word no corpus of wordfreq's holds is no
    sign of a slip (on the seeds, the Clough-Stevenson texts and the METER calibration
    split, every near word found among all candidates is one wordfreq has seen).
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    )
    candidates.discard(word)
    by_frequency: dict[float, list[str]] = defaultdict(list)
    for candidate in candidates:
        if in_wordfreq(candidate):
            by_frequency[zipf(candidate)].append(candidate)
    for frequency in sorted(by_frequency, reverse=True):
        found = [_in_dictionary(candidate) for candidate in by_frequency[frequency]]
        if any(found):
            return min(form for form in found if form)
    return ""


def _in_dictionary(candidate: str) -> str:
    """``candidate`` when Hunspell accepts it in lower case, else capitalised when it
    accepts that, else ``""``."""
    if in_us_dictionary(candidate):
        return candidate
    capital = candidate.capitalize()
    return capital if in_us_dictionary_exact_case(capital) else ""
