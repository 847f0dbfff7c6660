"""Introduced errors of one sentence: a rewrite compared with its source, or a new sentence.

:func:`compare_sentences` takes an aligned pair (source wording, rewrite wording) and
returns the :class:`~wiretrace.findings.finding.Finding` list of what the rewrite got
wrong, offsets into the rewrite sentence; :func:`check_new_sentence` does the same for a
rewrite sentence with no source.

How a pair is compared: both sentences are cut into comparison units
(:mod:`wiretrace.language.units`: British spellings mapped to American, contractions
expanded, figures parsed to values so "1,500" = "1500", dates merged so "26 July" = "July
26", "under way" = "underway", possessive "'s" split off) and become a
:class:`~wiretrace.findings.pair.Pair`. The checks of :mod:`wiretrace.findings.checks` then
run in their one order: the quotation check first (on the whole pair; the quotations it
compared are left out of the rest); then the unit keys are aligned with difflib's
SequenceMatcher, words that only moved (reordered clauses) are cancelled, and each
remaining difference becomes an :class:`~wiretrace.findings.pair.Edit` that the edit checks
classify, in this order: words run together, the source's own slips, negation, modality,
number, date, named entity, typo, then verb or word substitution; last, the sentence
checks (machine-translation artefacts; for a new sentence, non-words and unsupported
additions). Pure deletions at the ends of a sentence, or of four or more content words,
are trimming, not errors; pure insertions of ordinary words are elaboration, not errors.
Substitutions by the same lemma, a spelling variant, a synonym of the same group or a
verb of the same class (``data/lexicon.csv``) are benign, and so are the same words joined
or hyphenated otherwise or a clock time written "5.10" or "5:10" (:func:`same_writing`).

Severity: ``high`` when a claim's meaning changes (number, date, name, polarity,
certainty, a verb of another class, a quotation), ``medium`` when a specific was made vague
or dropped, a substitution is not a known synonym, or a new sentence carries unattested
specifics, ``low`` for cosmetic errors (typos, artefacts, generic filler).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from wiretrace.findings import checks
from wiretrace.findings.finding import Finding
from wiretrace.findings.pair import Edit, Pair, content
from wiretrace.findings.words import ErrorContext
from wiretrace.language.lexicon import load_lexicon
from wiretrace.language.matching import matcher
from wiretrace.language.units import CLOCK_TIME, Unit, clock_key

#: difflib ratio of the unit keys at or above which a pair counts as a close rewrite, where a
#: substitution by a word that is not a known synonym is reported (severity medium).
CLOSE_REWRITE = 0.7


def compare_sentences(
    source_text: str,
    rewrite_text: str,
    context: ErrorContext | None = None,
    *,
    undecided: bool = False,
    contested: list[tuple[int, int]] | None = None,
) -> list[Finding]:
    """The errors ``rewrite_text`` introduces compared with ``source_text``.

    ``source_text`` is the source's wording of the sentence (one or more sentences) and
    ``rewrite_text`` the rewrite's; ``context`` lists words the cluster attests elsewhere
    (see :class:`~wiretrace.findings.words.ErrorContext`). ``undecided`` (the source is
    the other version of a pair of unknown direction) and ``contested`` (spans of
    ``source_text`` where a consensus had no majority) turn differences into variants
    (:mod:`wiretrace.findings.checks.variant`). Returns findings in text order, offsets
    into ``rewrite_text``; an empty list when the rewrite only made benign edits.
    """
    pair = Pair.of(source_text, rewrite_text, context)
    pair.undecided, pair.contested = undecided, list(contested or [])
    findings = [f for step in checks.steps("pair") for f in step(pair)]
    edits = cut_edits(pair)
    edit_steps = checks.steps("edit")
    for edit in edits:
        if not edit.src and not edit.rw:
            continue
        n_content = len(content(edit.src))
        edit.trim = not edit.rw and (
            n_content >= 4 or edit.src_start_of_sentence or edit.src_end_of_sentence
        )
        for step in edit_steps:
            for f in step(pair, edit):
                if f.source_start < 0:  # words added: the place in the source where they went
                    f = replace(f, source_start=edit.src_at, source_end=edit.src_at)
                findings.append(f)
    findings += [f for step in checks.steps("sentence") for f in step(pair)]
    return _restated(pair, findings)


def _restated(pair: Pair, findings: list[Finding]) -> list[Finding]:
    """The findings after the ``finding`` checks, in text order."""
    for step in checks.steps("finding"):
        findings = step(pair, findings)
    return sorted(findings, key=lambda f: (f.start, f.end, f.kind))


def check_new_sentence(
    text: str, context: ErrorContext | None = None, *, undecided: bool = False
) -> list[Finding]:
    """Findings for a rewrite sentence no source supports (alignment label ``new``).

    Runs the sentence checks: ``unsupported_addition`` (see
    :mod:`wiretrace.findings.checks.additions`), machine-translation artefacts (see
    :func:`wiretrace.findings.checks.artifacts.mt_artifacts`) and non-words (see
    :mod:`wiretrace.findings.checks.typo`). Returns findings in text order, offsets into
    ``text``. ``undecided``: the article's source is the other version of a pair of
    unknown direction, so a sentence it lacks is no addition.
    """
    pair = Pair.of("", text, context, new=True)
    pair.undecided = undecided
    findings = [f for step in checks.steps("sentence") for f in step(pair)]
    return _restated(pair, findings)


def cut_edits(pair: Pair) -> list[Edit]:
    """The edits of ``pair``: difflib's opcodes other than ``equal``, moved words cancelled.

    Units inside the quotations the quotation check compared are left out. Sets
    ``pair.close`` and ``pair.polarity_kept``.
    """
    su, ru = pair.su, pair.ru
    sm = matcher([u.key for u in su], [u.key for u in ru])
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or same_writing(pair.source, su[i1:i2], pair.rewrite, ru[j1:j2]):
            continue
        src = [u for u in su[i1:i2] if not _inside(u, pair.quoted_src)]
        rw = [u for u in ru[j1:j2] if not _inside(u, pair.quoted_rw)]
        at = ru[j1 - 1].end if j1 > 0 else 0
        at_end = ru[j1].start if j1 < len(ru) else len(pair.rewrite)
        edit = Edit(src, rw, rw_at=at, rw_at_end=max(at, at_end) if j1 > 0 else at_end)
        edit.src_at = su[i1].start if i1 < len(su) else len(pair.source)
        n_src, n_rw = len(content(src)), len(content(rw))
        edit.tight = n_src == n_rw <= 2
        edit.src_start_of_sentence = i1 == 0
        edit.src_end_of_sentence = i2 == len(su)
        edits.append(edit)
    cancel_moves(edits)
    # A close rewrite keeps most of the source's words; in a loose paraphrase a swapped
    # word is most likely rewording, so only known conflicts are reported there.
    pair.close = sm.ratio() >= CLOSE_REWRITE
    negators = load_lexicon().negators
    pair.polarity_kept = sum(u.key in negators for u in su) == sum(u.key in negators for u in ru)
    return edits


def same_writing(source: str, src: list[Unit], rewrite: str, rw: list[Unit]) -> bool:
    """True when the source's units ``src`` and the rewrite's ``rw`` are the same words
    written otherwise: hyphenated or spaced ("African Americans" / "African-Americans",
    "post coup" / "post-coup"), or a clock time with a full stop on one side and a colon on
    the other ("5.10" / "5:10"), also with its half of the day ("5.10am" / "5:10 a.m.").
    Words run together or split are not (that is a typo)."""
    if not src or not rw:
        return False
    a = source[src[0].start : src[-1].end].lower()
    b = rewrite[rw[0].start : rw[-1].end].lower()
    if ("-" in a) != ("-" in b) and _spaced(a) == _spaced(b):
        return True
    clock_a, clock_b = CLOCK_TIME.fullmatch(a.rstrip(".")), CLOCK_TIME.fullmatch(b.rstrip("."))
    return bool(clock_a and clock_b and clock_key(clock_a) == clock_key(clock_b))


def _spaced(text: str) -> str:
    return " ".join(re.split(r"[\s-]+", text))


def cancel_moves(edits: list[Edit]) -> None:
    """Take out of ``edits`` the words that only moved (reordered clauses): not edits.

    A source word dropped in one edit and added in another (the first such addition) is
    taken out of both.
    """
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


def _inside(unit: Unit, spans: list[tuple[int, int]]) -> bool:
    return any(unit.start >= s and unit.end <= e for s, e in spans)
