"""Introduced errors: what a rewrite got wrong compared with its source, sentence by sentence.

:func:`compare_sentences` does the work for one aligned pair (source sentence, rewrite
sentence); :func:`check_new_sentence` for a rewrite sentence with no source;
:func:`find_errors` runs both over the ``alignments`` table of the rewrite-detection stage
and returns the ``findings`` table (``schema.FINDING_COLUMNS`` plus
:data:`FINDING_EXTRA_COLUMNS`); :func:`find_artifacts` reports what needs no source
(machine-translation artefacts, non-words, generic filler) in articles that are not
rewrites of a source.

How a pair is compared: both sentences are cut into comparison units
(:mod:`wiretrace.language.units`: British spellings mapped to American, contractions expanded,
figures parsed to values so "1,500" = "1500", dates merged so "26 July" = "July 26",
"under way" = "underway", possessive "'s" split off), the unit keys are aligned with difflib's
SequenceMatcher, words that only moved (reordered clauses) are cancelled, and each
remaining edit is classified, in this order: altered quotation, negation, modality,
number, date, named entity, typo, then verb or word substitution. Pure deletions at the
ends of a sentence, or of four or more content words, are trimming, not errors; pure
insertions of ordinary words are elaboration, not errors. Substitutions by the same
lemma, a spelling variant, a synonym of the same group or a verb of the same class
(``data/lexicon.csv``) are benign. Machine-translation artefacts and typos are also
looked for in sentences without a source.

Kinds produced (the contract's vocabulary): typo, verb_change, word_change,
number_change, date_change, entity_change, negation_change, modality_change,
quote_altered, unsupported_addition, mt_artifact. Severity: ``high`` when a claim's
meaning changes (number, date, name, polarity, certainty, a verb of another class, a
quotation), ``medium`` when a specific was made vague or dropped, a substitution is not
a known synonym, or a new sentence carries unattested specifics, ``low`` for cosmetic
errors (typos, artefacts, generic filler).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

from wiretrace import schema
from wiretrace.language.lexicon import (
    can_be_verb,
    edit_distance,
    in_us_dictionary,
    is_word,
    lemma_set,
    lemmas,
    load_lexicon,
    same_lemma,
    spelling_key,
    zipf,
)
from wiretrace.language.text import fold, tokens
from wiretrace.language.units import (
    RELATIVE_DAYS,
    Unit,
    quote_spans,
    sentence_units,
    stop_words,
)

_REPORTING = {
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "states",
    "explained",
    "added",
    "noted",
    "declared",
    "announced",
    "reported",
    "stressed",
    "emphasised",
    "emphasized",
}
_AUX = {"had", "has", "have", "was", "were", "is", "are", "will", "would", "did", "does"}
_PREPOSITIONS = {
    "at",
    "in",
    "on",
    "after",
    "before",
    "since",
    "during",
    "with",
    "by",
    "for",
    "from",
    "to",
    "until",
}
_CLAUSE_BREAK = {
    "that",
    "and",
    "but",
    "or",
    "who",
    "whom",
    "which",
    "as",
    "when",
    "after",
    "before",
    "while",
    "what",
    "if",
    "whether",
    "because",
    "where",
    "how",
}
_NP_START = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their"}
_NEG_PREFIXES = ("un", "in", "il", "im", "ir", "non", "dis", "non-")


#: difflib ratio of the unit keys at or above which a pair counts as a close rewrite, where a
#: substitution by a word that is not a known synonym is reported (severity medium).
CLOSE_REWRITE = 0.7


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    """One introduced error in a rewrite sentence.

    ``start``/``end`` are offsets into the rewrite sentence (an empty span marks where
    words were dropped); ``text`` is the rewrite's wording there and ``source_text`` the
    source's wording it replaces (empty when nothing corresponds), at ``source_start`` to
    ``source_end`` in the source sentence (an empty span where words were added; -1 when
    the finding has no counterpart in a source, as for artefacts and new sentences).
    """

    kind: str
    severity: str
    text: str
    source_text: str
    start: int
    end: int
    explanation: str
    source_start: int = -1
    source_end: int = -1


@dataclass(frozen=True)
class ErrorContext:
    """What else the cluster says: lower-case words attested in other versions or sources.

    A word that another version or the source also has is never a typo; a name or number
    of a new sentence is supported when the sources have it (or, with no sources, another
    version).
    """

    known_words: Collection[str] = frozenset()
    #: Words of the sources alone (wire copy or consensus texts); when given, a new
    #: sentence's specifics must be found here to count as supported.
    source_words: Collection[str] = frozenset()

    @property
    def support(self) -> Collection[str]:
        """The words that can support a new sentence: the sources', else the cluster's."""
        return self.source_words or self.known_words


@dataclass
class _Edit:
    src: list[Unit]
    rw: list[Unit]
    trim: bool = False
    rw_at: int = 0  # the gap in the rewrite where words were dropped: rw_at..rw_at_end
    rw_at_end: int = 0
    src_start_of_sentence: bool = False
    src_end_of_sentence: bool = False
    done: set = field(default_factory=set)
    tight: bool = False  # a substitution of at most two content words by as many
    close: bool = True  # the pair is a close rewrite (see CLOSE_REWRITE)
    polarity_kept: bool = False  # both sentences have as many negators
    src_at: int = 0  # where the edit sits in the source


def _span_text(text: str, units: list[Unit]) -> tuple[str, int, int]:
    if not units:
        return "", -1, -1
    start = min(u.start for u in units)
    end = max(u.end for u in units)
    return text[start:end], start, end


def _q(text: str) -> str:
    return f"'{text}'" if text else "(nothing)"


def _content(units: Iterable[Unit]) -> list[Unit]:
    stop = stop_words()
    return [u for u in units if u.kind != "poss" and u.key not in stop]


def _is_entity(u: Unit) -> bool:
    if u.kind != "word" or not u.cap or u.key in stop_words():
        return False
    if not u.initial:
        return True
    lower = u.surface.lower()
    from wiretrace.language.lexicon import gb_words, in_us_dictionary

    return not (lower in gb_words() or in_us_dictionary(lower))


def _group_key(word: str) -> set[str]:
    lex = load_lexicon()
    out = set()
    for lemma in lemma_set(word):
        if lemma in lex.synonym:
            out.add("syn:" + lex.synonym[lemma])
        if lemma in lex.verb_class:
            out.add("verb:" + lex.verb_class[lemma][0])
    return out


def _benign_pair(a: Unit, b: Unit) -> bool:
    if a.key == b.key or same_lemma(a.key, b.key):
        return True
    lex = load_lexicon()
    if a.key in lex.demonym and lex.demonym.get(a.key) == lex.demonym.get(b.key):
        return True
    return bool(_group_key(a.key) & _group_key(b.key))


#: An edit whose source side has more words than this is a rewritten passage, not a
#: local change: a modal or negator missing from it is not reported as dropped.
LOCAL_EDIT_WORDS = 8


def _neg_prefix_pair(a: str, b: str) -> bool:
    for long, short in ((a, b), (b, a)):
        for prefix in _NEG_PREFIXES:
            if long == prefix + short:
                return True
    return False


def _finding(
    kind: str,
    severity: str,
    rewrite: str,
    source: str,
    rw_units: list[Unit],
    src_units: list[Unit],
    explanation: str,
    at: int = 0,
    at_end: int | None = None,
) -> Finding:
    text, start, end = _span_text(rewrite, rw_units)
    src_text, src_start, src_end = _span_text(source, src_units)
    if start < 0:
        start, end = at, at if at_end is None else at_end
        text = rewrite[start:end]
    return Finding(kind, severity, text, src_text, start, end, explanation, src_start, src_end)


def _changed(kind: str, what: str, rewrite, source, units_r, units_s) -> Finding:
    """A quantity or anchor present in both wordings but different: severity high."""
    return _finding(
        kind,
        "high",
        rewrite,
        source,
        units_r,
        units_s,
        f"The {what} changed: {_q(_span_text(source, units_s)[0])} in the source, "
        f"{_q(_span_text(rewrite, units_r)[0])} in the rewrite.",
    )


def _made_vague(kind: str, what: str, rewrite, source, units_s, vague_r, rw, edit, tail: str):
    """The source's quantity or anchor made vague or dropped in place: severity medium."""
    instead = vague_r or _content(rw)
    return _finding(
        kind,
        "medium",
        rewrite,
        source,
        instead,
        units_s,
        f"The source's {what} {_q(_span_text(source, units_s)[0])} was "
        + _vague_or_dropped(rewrite, vague_r, instead)
        + tail,
        at=edit.rw_at,
        at_end=edit.rw_at_end,
    )


def _vague_or_dropped(rewrite: str, vague: list[Unit], instead: list[Unit]) -> str:
    if vague:
        return f"made vague as {_q(_span_text(rewrite, vague)[0])}"
    if instead:
        return f"dropped ({_q(_span_text(rewrite, instead)[0])} stands in its place)"
    return "dropped"


def _stands_in(edit: _Edit) -> bool:
    """True when a few words directly replace a figure or date ("1,500" -> "a handful of")."""
    other_src = [u for u in _content(edit.src) if not (u.is_number or u.is_date)]
    return edit.close and 0 < len(_content(edit.rw)) <= 3 and len(other_src) <= 1


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


def _modality_groups(units: Iterable[Unit]) -> Counter:
    lex = load_lexicon()
    return Counter(lex.modality[u.key][0] for u in units if u.key in lex.modality)


def _check_quotes(
    source: str, rewrite: str, su: list[Unit], ru: list[Unit]
) -> tuple[list[Finding], list[tuple[int, int]], list[tuple[int, int]]]:
    """Altered quotations; returns findings and the rewrite/source quote spans handled."""
    findings: list[Finding] = []
    handled_rw: list[tuple[int, int]] = []
    handled_src: list[tuple[int, int]] = []
    src_quotes = [
        (s, e, [u for u in su if u.start >= s and u.end <= e]) for s, e in quote_spans(source)
    ]
    for qs, qe in quote_spans(rewrite):
        inside = [u for u in ru if u.start >= qs and u.end <= qe]
        if not inside or not src_quotes:
            continue
        keys = [u.key for u in inside]
        best, best_score = None, 0.0
        for s, e, sq in src_quotes:
            common = sum((Counter(keys) & Counter(u.key for u in sq)).values())
            score = common / len(keys)
            if score > best_score:
                best, best_score = (s, e, sq), score
        if best is None or best_score < 0.5:
            continue
        s, e, sq = best
        handled_rw.append((qs, qe))
        handled_src.append((s, e))
        sm = SequenceMatcher(None, [u.key for u in sq], keys, autojunk=False)
        ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
        changes: list[tuple[list[Unit], list[Unit], tuple[int, int]]] = []
        added_at: dict[int, int] = {}  # id of the first added unit -> its place in the source
        for tag, i1, i2, j1, j2 in ops:
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
        for old, new, (at, at_end) in changes:
            old_text = _span_text(source, old)[0]
            new_text = _span_text(rewrite, new)[0]
            if _is_slip(old, new):
                findings.append(
                    _finding(
                        "typo",
                        "low",
                        rewrite,
                        source,
                        new,
                        old,
                        f"Inside the quotation, {_q(new_text)} is not a word: a misspelling of "
                        f"the source's {_q(old_text)}.",
                    )
                )
                continue
            if old and new:
                what = f"{_q(old_text)} became {_q(new_text)}"
            elif old:
                what = f"{_q(old_text)} was dropped"
            else:
                what = f"{_q(new_text)} was added"
            finding = _finding(
                "quote_altered",
                "high" if _content(old) or _content(new) else "medium",
                rewrite,
                source,
                new,
                old,
                f"Inside the quotation, {what}: words in quotation marks must be the "
                f"speaker's, as in the source ({_q(source[s:e])}).",
                at=at,
                at_end=at_end,
            )
            if not old:
                place = added_at.get(id(new[0]), e) if new else e
                finding = replace(finding, source_start=place, source_end=place)
            findings.append(finding)
    return findings, handled_rw, handled_src


def _is_slip(old: list[Unit], new: list[Unit]) -> bool:
    """True when ``new`` is one non-word misspelling ``old`` (or running its words together)."""
    if len(new) != 1 or not old or len(old) > 2 or new[0].kind != "word":
        return False
    word = new[0]
    if is_word(word.surface):
        return False
    joined = "".join(u.surface.lower() for u in old)
    return edit_distance(joined, word.surface.lower()) <= 2


def _inside(unit: Unit, spans: list[tuple[int, int]]) -> bool:
    return any(unit.start >= s and unit.end <= e for s, e in spans)


def compare_sentences(
    source_text: str, rewrite_text: str, context: ErrorContext | None = None
) -> list[Finding]:
    """The errors ``rewrite_text`` introduces compared with ``source_text``.

    ``source_text`` is the source's wording of the sentence (one or more sentences) and
    ``rewrite_text`` the rewrite's; ``context`` lists words the cluster attests elsewhere
    (see :class:`ErrorContext`). Returns findings in text order, offsets into
    ``rewrite_text``; an empty list when the rewrite only made benign edits.
    """
    context = context or ErrorContext()
    lex = load_lexicon()
    su, ru = sentence_units(source_text), sentence_units(rewrite_text)
    findings, handled_rw, handled_src = _check_quotes(source_text, rewrite_text, su, ru)
    sm = SequenceMatcher(None, [u.key for u in su], [u.key for u in ru], autojunk=False)
    edits: list[_Edit] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        src = [u for u in su[i1:i2] if not _inside(u, handled_src)]
        rw = [u for u in ru[j1:j2] if not _inside(u, handled_rw)]
        at = ru[j1 - 1].end if j1 > 0 else 0
        at_end = ru[j1].start if j1 < len(ru) else len(rewrite_text)
        edit = _Edit(src, rw, rw_at=at, rw_at_end=max(at, at_end) if j1 > 0 else at_end)
        edit.src_at = su[i1].start if i1 < len(su) else len(source_text)
        n_src, n_rw = len(_content(src)), len(_content(rw))
        edit.tight = n_src == n_rw <= 2
        edit.src_start_of_sentence = i1 == 0
        edit.src_end_of_sentence = i2 == len(su)
        edits.append(edit)
    # Words that only moved (reordered clauses) are not edits.
    inserted: dict[str, list[tuple[int, Unit]]] = defaultdict(list)
    for index, edit in enumerate(edits):
        for u in edit.rw:
            inserted[u.key].append((index, u))
    for edit in edits:
        kept = []
        for u in edit.src:
            if inserted.get(u.key):
                index, moved = inserted[u.key].pop(0)
                edits[index].rw = [x for x in edits[index].rw if x is not moved]
            else:
                kept.append(u)
        edit.src = kept
    src_keys = {u.key for u in su}
    # A close rewrite keeps most of the source's words; in a loose paraphrase a swapped
    # word is most likely rewording, so only known conflicts are reported there.
    close = sm.ratio() >= CLOSE_REWRITE
    polarity_kept = sum(u.key in lex.negators for u in su) == sum(u.key in lex.negators for u in ru)
    for edit in edits:
        if not edit.src and not edit.rw:
            continue
        n_content = len(_content(edit.src))
        edit.trim = not edit.rw and (
            n_content >= 4 or edit.src_start_of_sentence or edit.src_end_of_sentence
        )
        edit.close = close
        edit.polarity_kept = polarity_kept
        for f in _classify(edit, source_text, rewrite_text, su, src_keys, context, lex):
            if f.source_start < 0:  # words added: the place in the source where they went
                f = replace(f, source_start=edit.src_at, source_end=edit.src_at)
            findings.append(f)
    findings += mt_artifacts(rewrite_text, source_text, context)
    return sorted(findings, key=lambda f: (f.start, f.end, f.kind))


def _classify(
    edit: _Edit,
    source: str,
    rewrite: str,
    su: list[Unit],
    src_keys: set[str],
    context: ErrorContext,
    lex,
) -> list[Finding]:
    out: list[Finding] = []
    # Words run together ("Sahelafter", "nospecific") first: they hide the words they join.
    pairs = {su[k].key + su[k + 1].key: (su[k], su[k + 1]) for k in range(len(su) - 1)}
    pairs.update(
        {
            (su[k].surface + su[k + 1].surface).lower(): (su[k], su[k + 1])
            for k in range(len(su) - 1)
        }
    )
    for b in list(edit.rw):
        joined = pairs.get(b.key) if b.kind == "word" else None
        if joined and not is_word(b.surface) and b.key not in context.known_words:
            edit.rw = [u for u in edit.rw if u is not b]
            edit.src = [u for u in edit.src if u not in joined]
            out.append(
                _finding(
                    "typo",
                    "low",
                    rewrite,
                    source,
                    [b],
                    list(joined),
                    f"{_q(b.surface)} runs two words together: the source has "
                    f"{_q(joined[0].surface + ' ' + joined[1].surface)}.",
                )
            )
    # The source's own slips ("Inheritanceis", "fatcors"): a rewrite that corrects them
    # changed nothing that matters.
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
    src, rw = edit.src, edit.rw
    # A passage rewritten wholesale (many words on both sides) is a paraphrase: a modal
    # or negator that is not there word for word may be expressed otherwise, so only
    # a local edit can show that one was dropped or added.
    local = sum(u.kind == "word" for u in src) <= LOCAL_EDIT_WORDS or not rw
    # Negation: a negator added or removed, or an antonym by prefix ("legitimate").
    neg_s = [u for u in src if u.key in lex.negators]
    neg_r = [u for u in rw if u.key in lex.negators]
    prefix_pairs = [
        (a, b)
        for a in _content(src)
        for b in _content(rw)
        if a.kind == b.kind == "word" and _neg_prefix_pair(a.key, b.key)
    ]
    # "disagree" / "do not agree": the prefix and the negator cancel, polarity is kept.
    polarity_s = len(neg_s) + sum(len(a.key) > len(b.key) for a, b in prefix_pairs)
    polarity_r = len(neg_r) + sum(len(b.key) > len(a.key) for a, b in prefix_pairs)
    if prefix_pairs and polarity_s == polarity_r:
        edit.done |= {id(u) for pair in prefix_pairs for u in pair}
        prefix_pairs = []
        neg_s, neg_r = [], []
    if (
        len(neg_s) != len(neg_r)
        and not edit.trim
        and not edit.polarity_kept
        and (local or (neg_s and neg_r))
    ):
        added = len(neg_r) > len(neg_s)
        shown = neg_r if added else [u for u in rw if u.kind == "word"][:3]
        out.append(
            _finding(
                "negation_change",
                "high",
                rewrite,
                source,
                shown,
                neg_s or src,
                f"The source says {_q(_span_text(source, src)[0])}, the rewrite "
                f"{_q(_span_text(rewrite, rw)[0])}: the negation was "
                f"{'added' if added else 'removed'}, so the claim now says the opposite.",
                at=edit.rw_at,
                at_end=edit.rw_at_end,
            )
        )
    for a, b in prefix_pairs:
        edit.done |= {id(a), id(b)}
        out.append(
            _finding(
                "negation_change",
                "high",
                rewrite,
                source,
                [b],
                [a],
                f"{_q(a.surface)} became {_q(b.surface)}: the opposite meaning.",
            )
        )
    # Modality: certainty, possibility, hearsay.
    mod_s, mod_r = _modality_groups(src), _modality_groups(rw)
    if mod_s != mod_r and not edit.trim and (local or (mod_s and mod_r)):
        ms = [u for u in src if u.key in lex.modality]
        mr = [u for u in rw if u.key in lex.modality]
        glosses_s = "; ".join(f"{_q(u.surface)} ({lex.modality[u.key][1]})" for u in ms)
        glosses_r = "; ".join(f"{_q(u.surface)} ({lex.modality[u.key][1]})" for u in mr)
        if ms and mr:
            why = f"{glosses_s} became {glosses_r}"
        elif mr:
            why = f"the rewrite added {glosses_r}"
        else:
            why = f"the rewrite dropped {glosses_s}"
        out.append(
            _finding(
                "modality_change",
                "high",
                rewrite,
                source,
                mr or rw,
                ms,
                f"Certainty changed: {why}. Source: {_q(_span_text(source, src)[0])}; "
                f"rewrite: {_q(_span_text(rewrite, rw)[0])}.",
                at=edit.rw_at,
                at_end=edit.rw_at_end,
            )
        )
    # Numbers.
    num_s = [u for u in src if u.is_number]
    num_r = [u for u in rw if u.is_number]
    vague_r = [u for u in rw if u.key in lex.vague]
    if num_s and num_r:
        if not _same_numbers(num_s, num_r):
            out.append(_changed("number_change", "number", rewrite, source, num_r, num_s))
    elif num_s and (vague_r or _stands_in(edit) or (not rw and not edit.trim)):
        out.append(
            _made_vague(
                "number_change",
                "figure",
                rewrite,
                source,
                num_s,
                vague_r,
                rw,
                edit,
                " while the sentence still makes the claim.",
            )
        )
    elif num_r and not num_s:
        new = [
            u for u in num_r if u.key not in src_keys and u.surface.lower() not in ("one", "two")
        ]
        if new:
            out.append(
                _finding(
                    "number_change",
                    "medium",
                    rewrite,
                    source,
                    new,
                    [],
                    f"The rewrite gives the figure {_q(_span_text(rewrite, new)[0])}, which the "
                    f"source sentence does not have.",
                )
            )
    else:
        appr_s = {lex.approximator[u.key] for u in src if u.key in lex.approximator}
        appr_r = {lex.approximator[u.key] for u in rw if u.key in lex.approximator}
        near_number = any(u.is_number for u in su)
        if near_number and appr_s and appr_r and not appr_s & appr_r:
            a_s = [u for u in src if u.key in lex.approximator]
            a_r = [u for u in rw if u.key in lex.approximator]
            edit.done |= {id(u) for u in a_s + a_r}
            out.append(
                _finding(
                    "number_change",
                    "medium",
                    rewrite,
                    source,
                    a_r,
                    a_s,
                    f"The figure's qualifier changed: {_q(_span_text(source, a_s)[0])} became "
                    f"{_q(_span_text(rewrite, a_r)[0])}.",
                )
            )
    # Dates and time anchors.
    date_s = [u for u in src if u.is_date]
    date_r = [u for u in rw if u.is_date]
    if date_s and date_r:
        if sorted(u.key for u in date_s) != sorted(u.key for u in date_r):
            out.append(_changed("date_change", "date", rewrite, source, date_r, date_s))
    elif date_s and (vague_r or _stands_in(edit) or (not rw and not edit.trim)):
        out.append(
            _made_vague("date_change", "date", rewrite, source, date_s, vague_r, rw, edit, ".")
        )
    elif date_r and not date_s:
        new = [u for u in date_r if u.key not in src_keys]
        if new and src:
            out.append(
                _finding(
                    "date_change",
                    "medium",
                    rewrite,
                    source,
                    new,
                    src,
                    f"The rewrite dates this {_q(_span_text(rewrite, new)[0])} where the source "
                    f"says {_q(_span_text(source, src)[0])}.",
                )
            )
    # Named entities.
    ent_s = [u for u in src if _is_entity(u) and id(u) not in edit.done]
    ent_r = [u for u in rw if _is_entity(u) and id(u) not in edit.done]
    for a in list(ent_s):
        for b in list(ent_r):
            if _benign_pair(a, b):
                ent_s.remove(a)
                ent_r.remove(b)
                edit.done |= {id(a), id(b)}
                break
    at_an_end = edit.src_end_of_sentence or edit.src_start_of_sentence
    small = len(_content(rw)) <= 4 and (len(_content(src)) <= 4 or at_an_end)
    if ent_s and ent_r and small:
        changed_s, changed_r = [], []
        for a, b in zip(ent_s, ent_r, strict=False):
            edit.done |= {id(a), id(b)}
            close = edit_distance(a.key, b.key) <= 2 and min(len(a.key), len(b.key)) >= 5
            if close and b.key not in context.known_words and not is_word(b.surface):
                out.append(
                    _finding(
                        "typo",
                        "medium",
                        rewrite,
                        source,
                        [b],
                        [a],
                        f"The name {_q(a.surface)} is misspelt {_q(b.surface)}.",
                    )
                )
            else:
                changed_s.append(a)
                changed_r.append(b)
        # A multi-word name replaced by another ("Mohamed Bazoum" -> "Helga Lindqvist")
        # is one finding.
        changed_s += ent_s[len(ent_r) :]
        changed_r += ent_r[len(ent_s) :]
        edit.done |= {id(u) for u in changed_s + changed_r}
        if changed_s and changed_r:
            old_name = _span_text(source, changed_s)[0]
            new_name = _span_text(rewrite, changed_r)[0]
            out.append(
                _finding(
                    "entity_change",
                    "high",
                    rewrite,
                    source,
                    changed_r,
                    changed_s,
                    f"{_q(old_name)} became {_q(new_name)}: a different name, so the "
                    "claim is about someone or somewhere else.",
                )
            )
    elif ent_s and rw and _content(rw) and not ent_r and edit.tight:
        generic = _content(rw)
        nouns = not any(can_be_verb(g.key) for g in generic)
        if len(generic) <= 2 and len(ent_s) <= 3 and nouns:
            edit.done |= {id(u) for u in ent_s + generic}
            out.append(
                _finding(
                    "entity_change",
                    "medium",
                    rewrite,
                    source,
                    generic,
                    ent_s,
                    f"The name {_q(_span_text(source, ent_s)[0])} was replaced by the vaguer "
                    f"{_q(_span_text(rewrite, generic)[0])}.",
                )
            )
    # Typos: non-words the source does not have.
    for b in rw:
        if b.kind != "word" or id(b) in edit.done or b.key in src_keys:
            continue
        word = b.surface
        if "'" in word or is_word(word) or b.key in context.known_words:
            continue
        near = [a for a in src if a.kind == "word" and edit_distance(a.key, b.key) <= 2]
        if near or not b.cap:
            edit.done.add(id(b))
            if near:
                why = f"a misspelling of the source's {_q(near[0].surface)}"
            else:
                split = _run_together(word, context)
                why = (
                    f"two words run together ({_q(split)})"
                    if split
                    else "not an English word, and no other version or source has it"
                )
            out.append(
                _finding("typo", "low", rewrite, source, [b], near[:1], f"{_q(word)} is {why}.")
            )
    # Verb and word substitutions.
    cs = [u for u in _content(src) if u.kind == "word" and id(u) not in edit.done]
    cr = [u for u in _content(rw) if u.kind == "word" and id(u) not in edit.done]
    cs = [u for u in cs if u.key not in lex.modality and u.key not in lex.negators]
    cr = [u for u in cr if u.key not in lex.modality and u.key not in lex.negators]
    for a in list(cs):
        for b in list(cr):
            if _benign_pair(a, b):
                cs.remove(a)
                cr.remove(b)
                break
    if cs and cr and len(cr) <= 2 < len(cs) and edit.close and not edit.tight:
        # A word changed where the sentence was also cut short: the rewrite's words stand
        # for the first source words (or the last ones when the start was cut).
        if edit.src_end_of_sentence:
            cs, edit.tight = cs[: len(cr)], True
        elif edit.src_start_of_sentence:
            cs, edit.tight = cs[-len(cr) :], True
    if cs and cr and len(cs) == len(cr) <= 2 and edit.tight and edit.close:
        for a, b in zip(cs, cr, strict=True):
            if a.cap != b.cap or not _shared_pos(a.key, b.key):
                continue  # a name for a noun ("the country" -> "Niger"), or restructuring
            out.append(_substitution(a, b, source, rewrite, lex))
    elif cs and cr:
        # A reworded phrase: report only a verb of a different known class, once.
        reported = set()
        for b in cr:
            for a in cs:
                ca = _verb_class(a.key)
                cb = _verb_class(b.key)
                if ca and cb and ca[0] != cb[0] and can_be_verb(b.key) and id(b) not in reported:
                    reported.add(id(b))
                    out.append(_substitution(a, b, source, rewrite, lex))
    return out


@lru_cache(maxsize=4096)
def _pos_tags(text: str) -> dict[int, str]:
    """Universal POS of each spaCy token of ``text``, keyed by its start offset.

    Uses the pipeline every stage shares (one model in memory), without the entity
    recogniser and lemmatiser, which part-of-speech tags do not need.
    """
    from wiretrace.language.nlp import nlp

    pipeline = nlp()
    with pipeline.select_pipes(disable=["ner", "lemmatizer"]):
        return {t.idx: t.pos_ for t in pipeline(text)}


def _shared_pos(a: str, b: str) -> bool:
    pos_a, pos_b = set(lemmas(a)) - {"X"}, set(lemmas(b)) - {"X"}
    return not pos_a or not pos_b or bool(pos_a & pos_b)


def _verb_class(word: str) -> tuple[str, str] | None:
    lex = load_lexicon()
    for lemma in sorted(lemma_set(word)):
        if lemma in lex.verb_class:
            return lex.verb_class[lemma]
    return None


def _substitution(a: Unit, b: Unit, source: str, rewrite: str, lex) -> Finding:
    # The part of speech in context (spaCy, parsed only for reported substitutions).
    pos_a = _pos_tags(source).get(a.start)
    pos_b = _pos_tags(rewrite).get(b.start)
    if pos_a or pos_b:
        # The source word's role decides; the rewrite's is a fallback.
        is_verb = (pos_a or pos_b) == "VERB"
    else:
        is_verb = can_be_verb(a.key) and can_be_verb(b.key)
    kind = "verb_change" if is_verb else "word_change"
    ca, cb = _verb_class(a.key), _verb_class(b.key)
    if ca and cb and ca[0] != cb[0]:
        return _finding(
            kind,
            "high",
            rewrite,
            source,
            [b],
            [a],
            f"{_q(a.surface)} ({ca[1]}) became {_q(b.surface)} ({cb[1]}): the source reports "
            f"something else than the rewrite does.",
        )
    if len(a.key) >= 4 and edit_distance(a.key, b.key) == 1 and zipf(b.key) < zipf(a.key):
        return _finding(
            "typo",
            "low",
            rewrite,
            source,
            [b],
            [a],
            f"{_q(b.surface)} looks like a slip for the source's {_q(a.surface)} "
            "(one letter apart).",
        )
    what = "verb" if is_verb else "word"
    return _finding(
        kind,
        "medium",
        rewrite,
        source,
        [b],
        [a],
        f"The source's {what} {_q(a.surface)} became {_q(b.surface)}, which is not a known "
        "synonym: check whether the claim still says the same.",
    )


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=4096)
def _near_word(word: str) -> str:
    """A dictionary word one edit away from the lower-case non-word ``word``, or ``""``.

    Every string one deletion, transposition, replacement or insertion of a letter away
    is looked up in Hunspell's ``en_US`` dictionary, in lower case or else capitalised (the
    candidates Hunspell's own ``suggest`` ranks, at a fiftieth of its cost); the most
    frequent one (wordfreq), then the first in alphabetical order, is returned.
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    candidates = (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    )
    candidates.discard(word)
    found = set()
    for candidate in candidates:
        if in_us_dictionary(candidate):
            found.add(candidate)
        elif in_us_dictionary(candidate.capitalize()):
            found.add(candidate.capitalize())
    return min(found, key=lambda form: (-zipf(form.lower()), form), default="")


def _run_together(word: str, context: ErrorContext) -> str:
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


# ------------------------------------------------------------------------ mt artefacts

_GERMAN_QUOTES = re.compile(r"[\u201e\u201a\u00ab\u00bb]")
_THOUSANDS_DOT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d.,]*\d)\s+(?=[a-z])")
_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])(\d+,\d{1,2})(?!\d)\s*(?=million|billion|percent|per cent|%|euros?)"
)


def mt_artifacts(
    text: str, source_text: str | None = None, context: ErrorContext | None = None
) -> list[Finding]:
    """Signs of machine translation in one sentence, offsets into ``text``.

    Looks for a duplicated reporting verb ("told the newspaper Le Monde said"), a clause
    opened by an auxiliary or a lower-case verb (verb-second order: "had at the end of July
    the presidential guard ... overthrew"), German or French quotation marks, a dot as
    thousands separator ("1.500 soldiers") or a decimal comma ("3,5 million"), and, when
    no source is given, words run together ("Sahelafter"). Patterns the source sentence
    has too are not reported (they are not this version's doing).
    """
    context = context or ErrorContext()
    out: list[Finding] = []
    source_text = source_text or ""
    toks = tokens(text)
    words_ = [t for t in toks if t.is_word]
    # Duplicated reporting verb with one noun phrase between.
    for i, first in enumerate(toks):
        if first.norm not in _REPORTING:
            continue
        for j in range(i + 1, min(i + 8, len(toks))):
            tok = toks[j]
            if not tok.is_word or tok.norm in _CLAUSE_BREAK:
                break
            if tok.norm in _REPORTING:
                between = [t.norm for t in toks[i + 1 : j]]
                if between and not any(w in _NP_START for w in between[1:]):
                    span = text[first.start : tok.end]
                    if span not in source_text:
                        out.append(
                            Finding(
                                "mt_artifact",
                                "low",
                                span,
                                "",
                                first.start,
                                tok.end,
                                f"Two reporting verbs in one clause ({_q(span)}): a "
                                "machine-translation slip; one of them should go.",
                            )
                        )
                break
    # Clause opened by an auxiliary (verb-second order) or a lower-case verb.
    if words_:
        head = words_[0]
        nxt = words_[1] if len(words_) > 1 else None
        lower_start = head.text[:1].islower() and (head.norm in _AUX or can_be_verb(head.norm))
        aux_prep = head.norm in _AUX and nxt is not None and nxt.norm in _PREPOSITIONS
        source_head = [t.norm for t in tokens(source_text, words_only=True)[:2]]
        same_as_source = source_head == [w.norm for w in words_[:2]]
        if (lower_start or aux_prep) and not same_as_source and not text.rstrip().endswith("?"):
            span = text[head.start : (nxt.end if nxt else head.end)]
            out.append(
                Finding(
                    "mt_artifact",
                    "medium",
                    span,
                    "",
                    head.start,
                    nxt.end if nxt else head.end,
                    f"The sentence opens with {_q(head.text)}: foreign (verb-second) word order "
                    "left by machine translation; the subject should come first.",
                )
            )
    for m in _GERMAN_QUOTES.finditer(text):
        if m.group() in source_text:
            continue
        out.append(
            Finding(
                "mt_artifact",
                "low",
                m.group(),
                "",
                m.start(),
                m.end(),
                f"Foreign quotation mark {_q(m.group())}: English copy uses \u201c \u201d.",
            )
        )
    for pattern, why in (
        (_THOUSANDS_DOT, "a dot as thousands separator (German/French style); English writes"),
        (_DECIMAL_COMMA, "a decimal comma (German/French style); English writes"),
    ):
        for m in pattern.finditer(text):
            number = m.group(1)
            if number in source_text:
                continue
            english = number.replace(".", ",") if "." in number else number.replace(",", ".")
            out.append(
                Finding(
                    "mt_artifact",
                    "low",
                    number,
                    "",
                    m.start(1),
                    m.end(1),
                    f"{_q(number)} uses {why} {_q(english)}: check the figure.",
                )
            )
    if not source_text:
        for tok in words_:
            if "'" in tok.text or tok.norm in context.known_words or is_word(tok.text):
                continue
            split = _run_together(tok.text, context)
            if split:
                out.append(
                    Finding(
                        "mt_artifact",
                        "low",
                        tok.text,
                        "",
                        tok.start,
                        tok.end,
                        f"{_q(tok.text)} runs two words together ({_q(split)}), a "
                        "machine-translation or conversion slip.",
                    )
                )
            elif (
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
                        f"{_q(tok.text)} is not an English word, and no other version or "
                        "source has it.",
                    )
                )
    return out


# ---------------------------------------------------------------------- new sentences


def check_new_sentence(text: str, context: ErrorContext | None = None) -> list[Finding]:
    """Findings for a rewrite sentence no source supports (alignment label ``new``).

    ``unsupported_addition`` with severity ``medium`` when the sentence carries specifics
    (numbers, dates, names, quotations) that no other version or source attests, and
    ``low`` when it carries no specifics and most of its content words (60% or more) are
    not found in any other version or source (generic filler such as "As geopolitical
    landscapes continue to evolve, it is crucial..."). A new sentence whose specifics are
    all attested elsewhere in the cluster, or that has no specifics but restates words the
    cluster has, is not reported. Machine-translation artefacts
    and non-words are reported as well (see :func:`mt_artifacts`).
    """
    context = context or ErrorContext()
    units = sentence_units(text)
    findings = mt_artifacts(text, None, context)
    quotes = quote_spans(text)
    specific = [
        u
        for u in units
        if (u.is_number and u.surface.lower() not in ("one", "two"))
        or (u.is_date and u.surface.lower() not in RELATIVE_DAYS)
        or _is_entity(u)
    ]
    unattested = [
        u
        for u in specific
        if u.key.lower() not in context.support
        and u.surface.lower() not in context.support
        and not (u.is_number and _number_words_known(u, context))
    ]
    start, end = 0, len(text)
    quote_units = [u for u in units if _inside(u, quotes)]
    new_quote = bool(quotes) and _attested_share(quote_units, context) < 0.6
    if unattested or new_quote:
        shown = ", ".join(dict.fromkeys(_q(u.surface) for u in unattested))
        what = f"specifics no source has ({shown})" if unattested else "a quotation"
        if unattested and new_quote:
            what += " and a quotation"
        findings.append(
            Finding(
                "unsupported_addition",
                "medium",
                text,
                "",
                start,
                end,
                f"New claim with {what}: nothing in the source supports this sentence; "
                "check where it comes from.",
            )
        )
    elif not specific and _attested_share(units, context) < 0.6:
        findings.append(
            Finding(
                "unsupported_addition",
                "low",
                text,
                "",
                start,
                end,
                "Generic filler: a sentence with no name, number, date or quotation and no "
                "source; it adds commentary, not reporting.",
            )
        )
    return sorted(findings, key=lambda f: (f.start, f.end, f.kind))


def _attested_share(units: list[Unit], context: ErrorContext) -> float:
    """Share of the content words of a sentence that the cluster attests elsewhere."""
    content = [u for u in _content(units) if u.kind == "word"]
    support = context.support
    if not content or not support:
        return 0.0
    known = sum(any(w in support for w in lemma_set(u.key) | {u.key}) for u in content)
    return known / len(content)


def _number_words_known(unit: Unit, context: ErrorContext) -> bool:
    value = unit.value
    if value is None:
        return False
    forms = {f"{value:g}", f"{int(value):,}" if value == int(value) else f"{value:g}"}
    return any(f.lower() in context.support for f in forms)


# ------------------------------------------------------------------------ the corpus


class AttestedWords(Collection):
    """The words of a corpus index attested by some owner other than ``exclude``.

    A read-only view (no copy per article): ``index`` maps a word to the set of its
    owners ("article:ID", "source:ID"); with ``sources_only`` only "source:" owners count;
    with ``within`` only the owners in that set (the texts of the same story) count.
    ``owners`` is every owner of the index (computed from it when not given).
    """

    def __init__(
        self,
        index: Mapping[str, set[str]],
        exclude: set[str],
        sources_only: bool,
        within: Collection[str] | None = None,
        owners: Collection[str] | None = None,
    ):
        self._index = index
        self._exclude = exclude
        self._sources_only = sources_only
        self._within = within
        if owners is None:
            owners = set().union(*index.values()) if index else set()
        self._any = any(self._counts(o) for o in (within if within is not None else owners))

    def _counts(self, owner: str) -> bool:
        return (
            owner not in self._exclude
            and (not self._sources_only or owner.startswith("source:"))
            and (self._within is None or owner in self._within)
        )

    def __contains__(self, word: object) -> bool:
        owners = self._index.get(word, ())  # type: ignore[arg-type]
        if self._within is not None and len(self._within) < len(owners):
            # A common word of a large folder: look through the story, not the folder.
            return any(o in owners and self._counts(o) for o in self._within)
        return any(self._counts(o) for o in owners)

    def __iter__(self) -> Iterator[str]:
        return (w for w in self._index if w in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return self._any


def _known_words(texts: Mapping[str, str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for owner, text in texts.items():
        for tok in tokens(text, words_only=True):
            index[tok.norm].add(owner)
            index[spelling_key(tok.norm)].add(owner)
        for u in sentence_units(text):
            if u.kind != "word":
                index[u.key.lower()].add(owner)
    return index


class WordIndex:
    """Which texts attest each word, built once per audit and shared by the error checks.

    Owners are "article:ID" for every accepted article and "source:ID" for every source
    (wire copy, consensus texts). ``clusters`` (article id -> story cluster) scopes what
    attests a word to the article's own story: a word is known when another version *of
    the same story* or its source has it, so an article gets the same findings whatever
    else is in the folder. A consensus source ``consensus:N`` belongs to cluster N, a wire
    source to its article's cluster. Without ``clusters`` the whole corpus is one story.
    """

    def __init__(
        self,
        corpus,
        sources: Mapping | None = None,
        clusters: Mapping[str, object] | None = None,
    ):
        texts = {f"article:{a.article_id}": a.text for a in corpus.ok}
        for source_id, source in (sources or {}).items():
            texts[f"source:{source_id}"] = source.text
        self.index = _known_words(texts)
        self.owners = set(texts)
        self._story: dict[str, set[str]] | None = None
        self._cluster_of: dict[str, object] = {}
        if clusters is not None:
            self._story = defaultdict(set)
            for owner in texts:
                kind, _, key = owner.partition(":")
                if key in clusters:
                    cluster = clusters[key]
                elif kind == "source" and key.startswith("consensus:"):
                    cluster = int(key.split(":", 1)[1])
                else:
                    cluster = None
                self._cluster_of[key] = cluster
                self._story[cluster].add(owner)

    def attested(self, article_id: str, sources_only: bool = False) -> AttestedWords:
        """The words attested for ``article_id`` by the other texts of its story."""
        own = {f"article:{article_id}", f"source:{article_id}"}
        within = None
        if self._story is not None:
            within = self._story.get(self._cluster_of.get(article_id), set())
        return AttestedWords(self.index, own, sources_only, within=within, owners=self.owners)


#: Columns ``find_errors`` adds after ``schema.FINDING_COLUMNS``: the article sentence's id,
#: and the offsets of the source wording in the source's text (-1 when there is none).
#: ``contested`` is True where the source is a consensus whose witnesses were split on
#: that passage (see :mod:`wiretrace.rewrites.witnesses`): the consensus kept one reading, so the
#: change may be the other version's.
FINDING_EXTRA_COLUMNS = ["sentence_id", "source_start", "source_end", "contested"]
CONTESTED_NOTE = (
    " The versions are split on this passage (no majority): the consensus kept the reading"
    " of the best-attested version, so check which version changed it."
)


def _source_offset(row, source, source_text: str) -> int:
    """Where ``source_text`` starts in the source's text, or -1 when it cannot be placed."""
    if source is None or not source_text:
        return -1
    start = getattr(row, "source_start", -1)
    try:
        start = int(start)
    except (TypeError, ValueError):
        start = -1
    if start >= 0 and source.text[start : start + len(source_text)] == source_text:
        return start
    found = source.text.find(source_text)
    return found


def _contested(source) -> list[tuple[int, int]]:
    """Spans of a consensus source where the witnesses were split (``contested`` parts)."""
    parts = getattr(source, "parts", None) or []
    return [(p.start, p.end) for p in parts if getattr(p, "kind", "") == "contested"]


def find_errors(
    corpus, alignments: pd.DataFrame, sources: Mapping, words: WordIndex | None = None
) -> pd.DataFrame:
    """The ``findings`` table for every aligned sentence of the corpus.

    ``alignments`` is the rewrite stage's table (``schema.ALIGNMENT_COLUMNS`` plus
    ``start``; ``source_text`` empty and ``label`` ``new`` for sentences with no source);
    ``sources`` maps each ``source_id`` to an Article-like object with ``.text``. A word
    attested by another article of the corpus or by a source is never a typo; a new
    sentence is checked against the sources' words (against the other articles' when no
    source is given). Returns ``schema.FINDING_COLUMNS`` plus :data:`FINDING_EXTRA_COLUMNS`;
    ``start``/``end`` are offsets into the article's text. A difference inside a
    ``contested`` span of a consensus source (where the witnesses were split, see
    :mod:`wiretrace.rewrites.witnesses`) cannot be pinned on one version for sure: it is reported
    with ``contested`` True and a note saying so. ``words`` is the audit's
    :class:`WordIndex` (built here over the corpus and ``sources`` when not given).
    Attribution kinds are not produced here.
    """
    columns = [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    if alignments is None or len(alignments) == 0:
        return schema.empty(columns)
    words = words or WordIndex(corpus, sources)
    contexts: dict[str, ErrorContext] = {}
    rows = []
    for row in alignments.itertuples(index=False):
        article_id = row.article_id
        if article_id not in contexts:
            contexts[article_id] = ErrorContext(
                words.attested(article_id), words.attested(article_id, sources_only=True)
            )
        context = contexts[article_id]
        source_text = row.source_text if isinstance(row.source_text, str) else ""
        if row.label == "new" or not source_text.strip():
            found = check_new_sentence(row.text, context)
        else:
            found = compare_sentences(source_text, row.text, context)
        base = int(row.start)
        source_id = row.source_id if isinstance(row.source_id, str) else ""
        source_base = _source_offset(row, sources.get(source_id), source_text)
        contested = _contested(sources.get(source_id))
        for f in found:
            source_start = source_end = -1
            split = False
            explanation = f.explanation
            if source_base >= 0 and f.source_start >= 0:
                source_start, source_end = source_base + f.source_start, source_base + f.source_end
                split = any(source_start <= ce and source_end >= cs for cs, ce in contested)
            if split:
                explanation += CONTESTED_NOTE
            rows.append(
                {
                    "article_id": article_id,
                    "kind": f.kind,
                    "severity": f.severity,
                    "text": f.text,
                    "source_text": f.source_text,
                    "source_id": row.source_id if isinstance(row.source_id, str) else "",
                    "start": base + f.start,
                    "end": base + f.end,
                    "explanation": explanation,
                    "sentence_id": int(row.sentence_id),
                    "source_start": source_start,
                    "source_end": source_end,
                    "contested": split,
                }
            )
    if not rows:
        return schema.empty(columns)
    return pd.DataFrame(rows, columns=columns)


def _has_filler_cue(text: str) -> bool:
    """True when the sentence holds a phrase of generic commentary from the lexicon."""
    folded = fold(text).lower()
    return any(cue in folded for cue in load_lexicon().filler_cues)


def find_artifacts(
    corpus, article_ids: Iterable[str] | None = None, words: WordIndex | None = None
) -> pd.DataFrame:
    """Findings that need no source, for articles not derived from one.

    An article that is not a rewrite of the cluster's source (a later story, a machine
    translation of another agency's report) has no wording to compare with, but can still
    carry machine-translation artefacts, non-words and generic filler. For each sentence
    of the articles in ``article_ids`` (default: every ok, non-wire article) this reports
    :func:`mt_artifacts` (typos and run-together words included) and, as
    ``unsupported_addition`` with severity ``low``, sentences with no name, number, date or
    quotation whose words the other articles mostly lack and that use a phrase of generic
    commentary from the lexicon (``filler_cue``: "it is crucial", "continue to evolve");
    an original article's own reporting is not called filler, and nothing is judged in a
    corpus of one article, where there is nothing to compare with. New sentences
    with specifics are not reported here: in an article that is not a rewrite every
    sentence is new. ``words`` is the audit's :class:`WordIndex` (built here over the
    corpus when not given). Returns the same columns as :func:`find_errors`
    (``source_id`` empty, source offsets -1, ``contested`` False).
    """
    columns = [*schema.FINDING_COLUMNS, *FINDING_EXTRA_COLUMNS]
    articles = [a for a in corpus.ok if a.role != "wire"]
    if article_ids is not None:
        wanted = set(article_ids)
        articles = [a for a in articles if a.article_id in wanted]
    if not articles:
        return schema.empty(columns)
    words = words or WordIndex(corpus)
    rows = []
    for article in articles:
        context = ErrorContext(words.attested(article.article_id))
        for sentence in article.sentences:
            generic = _has_filler_cue(sentence.text)
            found = [
                f
                for f in check_new_sentence(sentence.text, context)
                if f.kind != "unsupported_addition"
                or (f.severity == "low" and context.known_words and generic)
            ]
            for f in found:
                rows.append(
                    {
                        "article_id": article.article_id,
                        "kind": f.kind,
                        "severity": f.severity,
                        "text": f.text,
                        "source_text": "",
                        "source_id": "",
                        "start": sentence.start + f.start,
                        "end": sentence.start + f.end,
                        "explanation": f.explanation,
                        "sentence_id": sentence.sentence_id,
                        "source_start": -1,
                        "source_end": -1,
                        "contested": False,
                    }
                )
    if not rows:
        return schema.empty(columns)
    return pd.DataFrame(rows, columns=columns)
