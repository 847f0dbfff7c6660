"""Comparison units: a sentence cut into the pieces the error checks compare.

:func:`sentence_units` turns a sentence into :class:`Unit` s whose ``key`` is equal for
two wordings that never differ in meaning: British and American spellings ("defence" =
"defense"), contractions ("didn't" = "did not"), figures ("1,500" = "1500" = "1.5
thousand", "three-step" has the figure 3), dates ("26 July" = "July 26" = "July 26th"),
"under way" = "underway", "per cent" = "percent" = "%", and a possessive "'s" or "s'" as
a unit of its own. Each unit keeps its offsets into the sentence, so a finding can quote
the exact wording. :func:`quote_spans` finds the inside of each double-quoted passage,
:func:`open_quote_spans` also the part of a quotation that runs on past the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from wiretrace.language.lexicon import spelling_key
from wiretrace.language.resources import word_values
from wiretrace.language.text import Token, tokens

_WORDS = word_values("unit_words")
#: Month names and abbreviations -> month number.
MONTHS = {word: int(value) for word, value in _WORDS["month"].items()}
WEEKDAYS = frozenset(_WORDS["weekday"])
RELATIVE_DAYS = frozenset(_WORDS["relative_day"])
#: Number words -> their number ("twelve", "dozen": 12).
NUMBER_WORDS = {word: int(value) for word, value in _WORDS["number"].items()}
MULTIPLIERS = {word: float(value) for word, value in _WORDS["multiplier"].items()}
_YEAR_PREV = frozenset(_WORDS["year_before"])
_CONTRACTIONS = {word: tuple(value.split()) for word, value in _WORDS["contraction"].items()}
_CLITIC_IS = frozenset(_WORDS["clitic_is"])
_CLITICS = dict(_WORDS["clitic"])
_ORDINAL = re.compile(r"(st|nd|rd|th)$")
#: Function words never reported as substitutions (spaCy's English stop words, minus the
#: words that carry polarity, modality or quantity, which have checks of their own).
_KEEP = frozenset(_WORDS["kept_stop_word"])

_QUOTE_OPEN = '"\u201c\u201d\u201e\u00ab\u00bb'
_QUOTE_RE = re.compile(
    r"[\"\u201c\u201d\u201e\u00ab\u00bb]([^\"\u201c\u201d\u201e\u00ab\u00bb]+)[\"\u201c\u201d\u00ab\u00bb]"
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words less the ones that carry meaning here, plus possessives."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in STOP_WORDS if w not in _KEEP) | {"'s", "poss"}


class Unit(NamedTuple):
    """One comparison unit of a sentence (a named tuple: sentences make many).

    ``key`` is what is compared ("NUM:1500", "DATE:7-26", "defense"); ``kind`` is
    ``word``, ``num``, ``year``, ``date``, ``month``, ``day`` or ``poss``; ``start`` and
    ``end`` are offsets into the sentence; ``cap`` is True when the wording starts with a
    capital letter and ``initial`` when it opens the sentence, a quotation or a clause
    after a colon (where capitals say nothing about names).
    """

    key: str
    kind: str
    start: int
    end: int
    surface: str
    cap: bool = False
    initial: bool = False
    value: float | None = None

    @property
    def is_date(self) -> bool:
        """True for dates, months, weekdays, years and today/yesterday/tomorrow."""
        return self.kind in ("date", "month", "day", "year")

    @property
    def is_number(self) -> bool:
        """True for quantities (years are dates, not numbers)."""
        return self.kind == "num"


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")


def _number_value(norm: str) -> float | None:
    if not norm[:1].isdigit():
        return NUMBER_WORDS.get(norm)
    if _THOUSANDS.fullmatch(norm):
        return float(norm.replace(",", ""))
    if _DECIMAL.fullmatch(norm):
        return float(norm)
    if _DECIMAL_COMMA.fullmatch(norm):  # a decimal comma ("3,5"): read as written
        return float(norm.replace(",", "."))
    return NUMBER_WORDS.get(norm)


def _punctuation_units(toks: list[Token], i: int, units: list[Unit]) -> None:
    """A possessive apostrophe after a word ("the ministers' ") or a per cent sign."""
    tok = toks[i]
    if tok.norm == "'" and units and units[-1].end == tok.start and units[-1].kind == "word":
        after = toks[i + 1] if i + 1 < len(toks) else None
        if after is None or after.start > tok.end:
            units.append(Unit("POSS", "poss", tok.start, tok.end, tok.text))
    elif tok.norm == "%":
        units.append(Unit("percent", "word", tok.start, tok.end, tok.text))


def _opens_clause(norm: str) -> bool:
    """True for punctuation after which a capital says nothing about a name."""
    return norm in (":", ";") or norm in _QUOTE_OPEN or norm in "\"'("


def _is_year(norm: str, value: float, prev: Unit | None, nxt: Token | None) -> bool:
    """A four-digit figure from 1800 to 2100 read as a year where its neighbours allow."""
    return (
        _FOUR_DIGITS.fullmatch(norm) is not None
        and 1800 <= value <= 2100
        and (
            prev is None
            or prev.key in _YEAR_PREV
            or prev.kind in ("month", "date")
            or nxt is None
            or not nxt.is_word
        )
    )


def _number_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """A figure: day + month ("26 July", "26th of July"), a multiplied number ("1.5
    million"), a year or a number. Returns the index after it, or None for no figure."""
    tok, n = toks[i], len(toks)
    value = _number_value(tok.norm)
    if value is None:
        return None
    cap = tok.text[:1].isupper()
    nxt = toks[i + 1] if i + 1 < n else None
    if nxt and nxt.start == tok.end and _ORDINAL.fullmatch(nxt.norm):  # "26th"
        end_tok, j = nxt, i + 2
    else:
        end_tok, j = tok, i + 1
    after = toks[j] if j < n else None
    if after and after.norm == "of" and j + 1 < n and toks[j + 1].norm in MONTHS:
        after = toks[j + 1]
        j += 1
    if (
        after
        and after.norm in MONTHS
        and after.text[:1].isupper()
        and 1 <= value <= 31
        and value == int(value)
    ):
        key = f"DATE:{MONTHS[after.norm]}-{int(value)}"
        span = text[tok.start : after.end]
        units.append(Unit(key, "date", tok.start, after.end, span, cap, initial))
        j += 1
        return j + 1 if j < n and toks[j].norm == "." else j
    if after and after.norm in MULTIPLIERS:
        value *= MULTIPLIERS[after.norm]
        span = text[tok.start : after.end]
        units.append(Unit(f"NUM:{value:g}", "num", tok.start, after.end, span, value=value))
        return j + 1
    is_year = _is_year(tok.norm, value, units[-1] if units else None, nxt)
    kind = "year" if is_year else "num"
    key = f"YEAR:{int(value)}" if is_year else f"NUM:{value:g}"
    span = text[tok.start : end_tok.end]
    units.append(Unit(key, kind, tok.start, end_tok.end, span, value=value))
    return j


def _month_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """Month + day ("July 26", "Aug. 3rd") or a bare month; "May" opening a sentence and
    "may" not followed by a figure are left to the other readers (None)."""
    tok, n = toks[i], len(toks)
    norm, cap = tok.norm, tok.text[:1].isupper()
    if not (norm in MONTHS and cap and (not initial or norm != "may")):
        return None
    k = i + 1
    if k < n and toks[k].norm == "." and toks[k].start == tok.end:
        k += 1
    day = toks[k] if k < n else None
    day_value = _number_value(day.norm) if day else None
    if (
        day_value is not None
        and 1 <= day_value <= 31
        and day_value == int(day_value)
        and _ONE_OR_TWO_DIGITS.fullmatch(day.norm)
    ):
        end = day.end
        k += 1
        if k < n and toks[k].start == day.end and _ORDINAL.fullmatch(toks[k].norm):
            end = toks[k].end
            k += 1
        key = f"DATE:{MONTHS[norm]}-{int(day_value)}"
        units.append(Unit(key, "date", tok.start, end, text[tok.start : end], cap, initial))
        return k
    nxt = toks[i + 1] if i + 1 < n else None
    if norm != "may" or (nxt and (nxt.norm.isdigit())):
        key = f"MONTH:{MONTHS[norm]}"
        units.append(Unit(key, "month", tok.start, tok.end, tok.text, cap, initial))
        return i + 1
    return None


def _day_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """A weekday or today/yesterday/tomorrow/tonight."""
    tok = toks[i]
    norm, possessive = tok.norm, False
    if norm.endswith("'s") and norm[:-2] in WEEKDAYS | RELATIVE_DAYS:
        norm, possessive = norm[:-2], True  # "Sunday's vote": the day, then its "'s"
    if norm not in WEEKDAYS and norm not in RELATIVE_DAYS:
        return None
    cap = tok.text[:1].isupper()
    units.append(Unit(f"DAY:{norm}", "day", tok.start, tok.end, tok.text, cap, initial))
    if possessive:
        units.append(Unit("POSS", "poss", tok.start, tok.end, tok.text))
    return i + 1


#: Two-word spellings of one word: "under way" = "underway", "per cent" = "percent".
_TWO_WORDS = {("under", "way"): "underway", ("per", "cent"): "percent"}


def _two_word_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """One unit for a two-word spelling of :data:`_TWO_WORDS`."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    key = _TWO_WORDS.get((tok.norm, nxt.norm)) if nxt else None
    if key is None:
        return None
    units.append(Unit(key, "word", tok.start, nxt.end, text[tok.start : nxt.end]))
    return i + 2


def _compound_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """A number word joined to a word: "three-step" is the figure 3 and "step"."""
    tok = toks[i]
    head, dash, rest = tok.norm.partition("-")
    if not (dash and head in NUMBER_WORDS and rest):
        return None
    cut = tok.start + len(head)
    value = NUMBER_WORDS[head]
    units.append(Unit(f"NUM:{value:g}", "num", tok.start, cut, head, value=value))
    units.append(Unit(spelling_key(rest), "word", cut + 1, tok.end, rest))
    return i + 1


def _word_parts(norm: str) -> list[str]:
    """A word with its contraction or clitic split off: "didn't" -> did, not; "it's" ->
    it, is; "ministry's" -> ministry, POSS."""
    if norm in _CONTRACTIONS:
        return list(_CONTRACTIONS[norm])
    if norm == "cannot":
        return ["can", "not"]
    if norm.endswith("n't"):
        return [norm[:-3], "not"]
    if norm.endswith("'s"):
        stem = norm[:-2]
        return [stem, "is"] if stem in _CLITIC_IS else [stem, "POSS"]
    clitic = next((c for c in _CLITICS if norm.endswith(c)), None)
    if clitic:
        return [norm[: -len(clitic)], _CLITICS[clitic]]
    return [norm]


def _word_units(text: str, toks: list[Token], i: int, units: list[Unit], initial: bool):
    """A word, its spelling key, and any contraction or clitic (sharing the token's span)."""
    tok = toks[i]
    cap = tok.text[:1].isupper()
    for index, part in enumerate(_word_parts(tok.norm)):
        if part == "POSS":
            units.append(Unit("POSS", "poss", tok.start, tok.end, tok.text))
        else:
            key = spelling_key(part) if index == 0 else part
            units.append(Unit(key, "word", tok.start, tok.end, tok.text, cap, initial))
    return i + 1


#: The readers of a word token, tried in order; each appends its units and returns the
#: index of the next token, or returns None when the token is not its kind.
_WORD_READERS = (
    _number_units,
    _month_units,
    _day_units,
    _two_word_units,
    _compound_units,
    _word_units,
)


def sentence_units(text: str) -> list[Unit]:
    """Cut ``text`` into comparison :class:`Unit` s (see the module docstring)."""
    return list(_sentence_units(text))


@lru_cache(maxsize=8192)
def _sentence_units(text: str) -> tuple[Unit, ...]:
    """:func:`sentence_units` as a tuple (cached: units are frozen, sentences recur)."""
    toks = tokens(text)
    units: list[Unit] = []
    i = 0
    initial = True
    while i < len(toks):
        if not toks[i].is_word:
            _punctuation_units(toks, i, units)
            initial = initial or _opens_clause(toks[i].norm)
            i += 1
            continue
        for read in _WORD_READERS:
            following = read(text, toks, i, units, initial)
            if following is not None:
                break
        i = following
        initial = False
    return tuple(units)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of each double-quoted passage in ``text``."""
    return [(m.start(1), m.end(1)) for m in _QUOTE_RE.finditer(text)]


#: Marks that can only open a quotation, and marks that can only close one.
_OPENING_MARKS = "\u201c\u201e\u00ab"
_CLOSING_MARKS = "\u201d\u00bb"


def open_quote_spans(text: str) -> list[tuple[int, int]]:
    """The spans of :func:`quote_spans` plus the part of a quotation that runs on past the
    sentence: a quotation of several sentences opens in one ("\u201cThe troops will leave.")
    and closes in another ("They will go to Chad,\u201d he said."). A mark left unpaired
    after the closed quotations are taken out is an opening one when it is a curly opening
    mark or a straight mark before a word (its span runs to the end of ``text``), a closing
    one when it is a curly closing mark or a straight mark after a word (its span runs from
    the start of ``text``). Returns ``(start, end)`` pairs in text order.
    """
    spans = quote_spans(text)
    closed = [(s - 1, e + 1) for s, e in spans]
    marks = [
        i
        for i, ch in enumerate(text)
        if ch in _QUOTE_OPEN and not any(s <= i < e for s, e in closed)
    ]
    if len(marks) != 1:
        return spans
    i = marks[0]
    ch, after, before = text[i], text[i + 1 : i + 2], text[i - 1 : i]
    if ch in _OPENING_MARKS or (ch == '"' and after[:1].isalnum()):
        extra = (i + 1, len(text.rstrip()))
    elif ch in _CLOSING_MARKS or (ch == '"' and before.isalpha() or before in ".,!?"):
        extra = (len(text) - len(text.lstrip()), i)
    else:
        return spans
    if extra[1] - extra[0] < 2:
        return spans
    return sorted([*spans, extra])


#: A single-quoted passage (British style: 'It is not The Archers' trial,' he said): an
#: opening ' or ‘ at the start or after a space or bracket, before a word character; a
#: closing ' or ’ after a non-space, before a space, punctuation or the end.
_SINGLE_QUOTE_RE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))['‘](?=\w)([^\"“”]{1,800}?\S)"
    # a closing mark split off after the final stop ("... many times. '") still closes
    r"(?:(?<=[.!?,])\s(?=['’]))?"
    # the closing mark: an s' before a lower-case word is a plural possessive ("the
    # Archers' trial"), not the end of the quotation
    r"(?:(?<!s)['’](?=[\s.,;:!?)\]—–-]|$)|['’](?=[.,;:!?)\]—–-]|\s+[^a-z\s]|$))"
)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every quoted passage in ``text``: double quotes
    (:func:`quote_spans`) and British single quotes. What a speaker said, which reporters
    who were in the same room share without copying each other."""
    spans = quote_spans(text) + [(m.start(1), m.end(1)) for m in _SINGLE_QUOTE_RE.finditer(text)]
    return sorted(spans)


def inside_any(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies inside any of ``spans`` (``start <= pos < end``;
    the spans in any order, overlapping or not), answered by bisection, so a long text's
    every token can be tested against its many quotations in linear-logarithmic time."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach: list[int] = []  # the furthest end of the spans that start at or before each
    for _, end in ordered:
        reach.append(max(end, reach[-1]) if reach else end)

    def test(pos: int) -> bool:
        i = bisect_right(starts, pos)
        return i > 0 and reach[i - 1] > pos

    return test


#: A clock time, with its half of the day when given: "5.10", "5:10", "5.10am", "5:10 a.m.".
CLOCK_TIME = re.compile(r"\b(\d{1,2})[.:](\d{2})(?:\s*([ap])\.?\s*m\b\.?)?", re.IGNORECASE)


def clock_key(match: re.Match) -> str:
    """The key of a :data:`CLOCK_TIME` match, the same however the time is written:
    ``5:10a`` for "5.10am" and "5:10 a.m.", ``5:10`` for "5.10" and "5:10"."""
    return f"{int(match[1])}:{match[2]}{(match[3] or '').lower()}"
