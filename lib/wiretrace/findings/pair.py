"""The state the checks of one sentence share: the compared :class:`Pair` and its :class:`Edit`.

:mod:`wiretrace.findings.compare` builds a Pair (the source wording, the rewrite wording,
their comparison units and what the cluster attests) and cuts it into Edits (one per
difflib opcode that is not ``equal``, moved words cancelled); every check of
:mod:`wiretrace.findings.checks` takes them and returns findings. The fields a check may
change are marked so in the field comments; everything else is read-only once built.
Also the unit predicates several checks share (:func:`content`, :func:`is_entity`,
:func:`benign_pair`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from wiretrace.findings.finding import Finding, span_text
from wiretrace.findings.words import ErrorContext
from wiretrace.language.lexicon import (
    gb_words,
    in_us_dictionary,
    lemma_set,
    load_lexicon,
    same_lemma,
)
from wiretrace.language.units import Unit, sentence_units, stop_words

#: An edit whose source side has more words than this is a rewritten passage, not a
#: local change: a modal or negator missing from it is not reported as dropped.
LOCAL_EDIT_WORDS = 8


@dataclass
class Pair:
    """A source wording and the rewrite's wording of it, as the checks of a sentence see it.

    ``source`` is empty for a new sentence (``new`` True: no source supports it). ``su`` and
    ``ru`` are the comparison units of each side, ``src_keys`` the source's unit keys.
    ``close`` (a close rewrite, see ``compare.CLOSE_REWRITE``) and ``polarity_kept`` (both
    sides have as many negators) are set by :mod:`wiretrace.findings.compare` before the
    edit checks run. ``quoted_rw``/``quoted_src`` are the quotation spans (rewrite, source)
    the quotation check compared: written by :mod:`wiretrace.findings.checks.quotes`, read
    when the edits are cut (their units are left out of the edits).
    """

    source: str
    rewrite: str
    context: ErrorContext = field(default_factory=ErrorContext)
    new: bool = False
    su: list[Unit] = field(default_factory=list)
    ru: list[Unit] = field(default_factory=list)
    src_keys: set[str] = field(default_factory=set)
    close: bool = True
    polarity_kept: bool = False
    quoted_rw: list[tuple[int, int]] = field(default_factory=list)  # written by checks.quotes
    quoted_src: list[tuple[int, int]] = field(default_factory=list)  # written by checks.quotes
    #: The source is the other version of a pair and nothing shows who copied whom.
    undecided: bool = False
    #: Spans of ``source`` (offsets into it) where the versions behind a consensus were
    #: split with no majority.
    contested: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, source: str, rewrite: str, context: ErrorContext | None, new: bool = False):
        """The pair of ``source`` and ``rewrite`` with both cut into comparison units."""
        su, ru = sentence_units(source), sentence_units(rewrite)
        return cls(source, rewrite, context or ErrorContext(), new, su, ru, {u.key for u in su})

    def finding(
        self,
        kind: str,
        severity: str,
        rw_units: list[Unit],
        src_units: list[Unit],
        explanation: str,
        at: int = 0,
        at_end: int | None = None,
    ) -> Finding:
        """A finding spanning ``rw_units`` in the rewrite and ``src_units`` in the source.

        With no rewrite units the finding marks the gap ``at``..``at_end`` (``at`` when
        ``at_end`` is None) where words were dropped.
        """
        text, start, end = span_text(self.rewrite, rw_units)
        src_text, src_start, src_end = span_text(self.source, src_units)
        if start < 0:
            start, end = at, at if at_end is None else at_end
            text = self.rewrite[start:end]
        return Finding(kind, severity, text, src_text, start, end, explanation, src_start, src_end)

    def src_words(self, units: Iterable[Unit]) -> str:
        """The source's wording from the first to the last of ``units``."""
        return span_text(self.source, units)[0]

    def rw_words(self, units: Iterable[Unit]) -> str:
        """The rewrite's wording from the first to the last of ``units``."""
        return span_text(self.rewrite, units)[0]


@dataclass
class Edit:
    """One difference of a pair: source units ``src`` replaced by rewrite units ``rw``.

    Built by :mod:`wiretrace.findings.compare`: ``rw_at``..``rw_at_end`` is the gap in the
    rewrite where words were dropped, ``src_at`` where the edit sits in the source,
    ``src_start_of_sentence``/``src_end_of_sentence`` whether it touches an end of the
    source, ``trim`` whether it is a pure deletion that only trims, ``tight`` whether it
    swaps at most two content words for as many. Checks change it, in their order:
    the typo check's first steps take run-together words and the source's own slips out
    of ``src``/``rw``; checks add the ids of the units they explained to ``done`` (later
    checks skip them); the substitution check may set ``tight``.
    """

    src: list[Unit]  # changed by checks.typo (first steps)
    rw: list[Unit]  # changed by checks.typo (first steps)
    trim: bool = False
    rw_at: int = 0
    rw_at_end: int = 0
    src_start_of_sentence: bool = False
    src_end_of_sentence: bool = False
    done: set[int] = field(default_factory=set)  # added to by the checks
    tight: bool = False  # may be set by checks.substitution
    src_at: int = 0

    @property
    def local(self) -> bool:
        """A local edit, not a passage rewritten wholesale (see :data:`LOCAL_EDIT_WORDS`).

        In a paraphrase a modal or negator that is not there word for word may be
        expressed otherwise, so only a local edit can show that one was dropped or added.
        """
        return sum(u.kind == "word" for u in self.src) <= LOCAL_EDIT_WORDS or not self.rw


def content(units: Iterable[Unit]) -> list[Unit]:
    """The content units of ``units``: stop words and possessive marks left out."""
    stop = stop_words()
    return [u for u in units if u.kind != "poss" and u.key not in stop]


def is_entity(u: Unit) -> bool:
    """True for a capitalised word that is a name (not a dictionary word opening a sentence)."""
    if u.kind != "word" or not u.cap or u.key in stop_words():
        return False
    if not u.initial:
        return True
    lower = u.surface.lower()
    return not (lower in gb_words() or in_us_dictionary(lower))


def group_keys(word: str) -> set[str]:
    """The lexicon's synonym groups and verb classes of the lemmas of ``word``."""
    lex = load_lexicon()
    out = set()
    for lemma in lemma_set(word):
        if lemma in lex.synonym:
            out.add("syn:" + lex.synonym[lemma])
        if lemma in lex.verb_class:
            out.add("verb:" + lex.verb_class[lemma][0])
    return out


def benign_pair(a: Unit, b: Unit) -> bool:
    """True when ``b`` may stand for ``a``: same word or lemma, demonym, synonym, verb class."""
    if a.key == b.key or same_lemma(a.key, b.key):
        return True
    lex = load_lexicon()
    if a.key in lex.demonym and lex.demonym.get(a.key) == lex.demonym.get(b.key):
        return True
    return bool(group_keys(a.key) & group_keys(b.key))
