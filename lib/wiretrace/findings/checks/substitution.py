"""``verb_change`` and ``word_change``: a word replaced by one that is not its synonym.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``verb_change`` (the source word is a verb
in context, by spaCy's tags) or ``word_change`` findings: ``high`` when the verbs are of
different known classes (end / pause, say / claim), ``medium`` when the word is not a known
synonym (reported only in a tight edit of a close rewrite), and the typo of a one-letter
slip (decided by :func:`wiretrace.findings.checks.typo.one_letter_slip`). Same lemma,
spelling variants, synonyms and verbs of the same class are benign. Reads ``edit.done``;
may set ``edit.tight`` when a word changed where the sentence was also cut short.

A reference garbled in paraphrase, a word doubled across a possessive that the source does
not have ("the country's former colonial power" -> "the former's former colonial power"),
is a ``word_change`` (``medium``), found on the whole sentence after its edits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wiretrace.findings.checks import check
from wiretrace.findings.checks.typo import one_letter_slip
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair, benign_pair, content
from wiretrace.language.lexicon import can_be_verb, lemma_set, lemmas, load_lexicon
from wiretrace.language.resources import word_list
from wiretrace.language.units import Unit

KINDS = ("verb_change", "word_change")

#: A word doubled across a possessive: "the former's former".
_DOUBLED_POSSESSIVE = re.compile(r"\b(\w+)['\u2019]s\s+\1\b", re.IGNORECASE)


@check(order=90, scope="edit")
def substitutions(pair: Pair, edit: Edit) -> list[Finding]:
    """Content words swapped for words that are not their synonyms."""
    cs, cr = _unexplained(edit)
    reporting = _reporting_verbs()
    if any(b.key in reporting for b in cr) and not any(
        a.key in reporting or verb_class(a.key) for a in cs
    ):
        # "... to Sioux Falls along with an assistant coach" -> "... to Sioux Falls, Freed
        # said": the rewrite put a speaker where it cut the source's words (none of them a
        # verb of a known class, as "claimed" or "denied" are). The attribution checks
        # judge the speaker; the cut words were not replaced by "said".
        return []
    if cs and cr and len(cr) <= 2 < len(cs) and pair.close and not edit.tight:
        # A word changed where the sentence was also cut short: the rewrite's words stand
        # for the first source words (or the last ones when the start was cut).
        if edit.src_end_of_sentence:
            cs, edit.tight = cs[: len(cr)], True
        elif edit.src_start_of_sentence:
            cs, edit.tight = cs[-len(cr) :], True
    out = []
    if cs and cr and len(cs) == len(cr) <= 2 and edit.tight and pair.close:
        for a, b in zip(cs, cr, strict=True):
            if a.cap != b.cap or not _shared_pos(a.key, b.key):
                continue  # a name for a noun ("the country" -> "Niger"), or restructuring
            out.append(substitution(pair, a, b))
    elif cs and cr:
        # A reworded phrase: report only a verb of a different known class, once.
        reported = set()
        for b in cr:
            for a in cs:
                ca = verb_class(a.key)
                cb = verb_class(b.key)
                if ca and cb and ca[0] != cb[0] and can_be_verb(b.key) and id(b) not in reported:
                    reported.add(id(b))
                    out.append(substitution(pair, a, b))
    return out


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    """``data/reporting_verbs.txt`` (said, told, added, ...)."""
    return frozenset(word_list("reporting_verbs"))


def _unexplained(edit: Edit) -> tuple[list[Unit], list[Unit]]:
    """The content words of each side no check explained, benign pairs taken out."""
    lex = load_lexicon()
    cs = [u for u in content(edit.src) if u.kind == "word" and id(u) not in edit.done]
    cr = [u for u in content(edit.rw) if u.kind == "word" and id(u) not in edit.done]
    cs = [u for u in cs if u.key not in lex.modality and u.key not in lex.negators]
    cr = [u for u in cr if u.key not in lex.modality and u.key not in lex.negators]
    for a in list(cs):
        for b in list(cr):
            if benign_pair(a, b):
                cs.remove(a)
                cr.remove(b)
                break
    return cs, cr


def substitution(pair: Pair, a: Unit, b: Unit) -> Finding:
    """The finding for the source word ``a`` replaced by ``b``."""
    # The part of speech in context (spaCy, parsed only for reported substitutions).
    pos_a = _pos_tags(pair.source).get(a.start)
    pos_b = _pos_tags(pair.rewrite).get(b.start)
    if pos_a or pos_b:
        # The source word's role decides; the rewrite's is a fallback.
        is_verb = (pos_a or pos_b) == "VERB"
    else:
        is_verb = can_be_verb(a.key) and can_be_verb(b.key)
    kind = "verb_change" if is_verb else "word_change"
    ca, cb = verb_class(a.key), verb_class(b.key)
    if ca and cb and ca[0] != cb[0]:
        return pair.finding(
            kind,
            "high",
            [b],
            [a],
            f"{quoted(a.surface)} ({ca[1]}) became {quoted(b.surface)} ({cb[1]}): the source "
            f"reports something else than the rewrite does.",
        )
    slip = one_letter_slip(pair, a, b)
    if slip is not None:
        return slip
    what = "verb" if is_verb else "word"
    return pair.finding(
        kind,
        "medium",
        [b],
        [a],
        f"The source's {what} {quoted(a.surface)} became {quoted(b.surface)}, which is not a "
        "known synonym: check whether the claim still says the same.",
    )


@lru_cache(maxsize=4096)
def _pos_tags(text: str) -> dict[int, str]:
    """Universal POS of each spaCy token of ``text``, keyed by its start offset.

    From the shared parse cache when the claims stage parsed the sentence already, else
    from the pipeline every stage shares without the entity recogniser and lemmatiser,
    which part-of-speech tags do not need (the tags are the same either way).
    """
    from wiretrace.language.nlp import nlp, parsed

    doc = parsed(text)
    if doc is None:
        pipeline = nlp()
        with pipeline.select_pipes(disable=["ner", "lemmatizer"]):
            doc = pipeline(text)
    return {t.idx: t.pos_ for t in doc}


def _shared_pos(a: str, b: str) -> bool:
    pos_a, pos_b = set(lemmas(a)) - {"X"}, set(lemmas(b)) - {"X"}
    return not pos_a or not pos_b or bool(pos_a & pos_b)


def verb_class(word: str) -> tuple[str, str] | None:
    """The lexicon's verb class (name, gloss) of the first lemma of ``word`` that has one."""
    lex = load_lexicon()
    for lemma in sorted(lemma_set(word)):
        if lemma in lex.verb_class:
            return lex.verb_class[lemma]
    return None


@check(order=102, scope="sentence")
def garbled_reference(pair: Pair) -> list[Finding]:
    """A word doubled across a possessive ("the former's former") where the source is not."""
    if pair.new or not pair.source:
        return []
    out = []
    for m in _DOUBLED_POSSESSIVE.finditer(pair.rewrite):
        if _DOUBLED_POSSESSIVE.search(pair.source):
            continue
        why = (
            f"{quoted(m.group())} is a garbled reference: a paraphrase doubled the word across "
            "the possessive, so the reader cannot tell what it refers to."
        )
        out.append(Finding("word_change", "medium", m.group(), "", m.start(), m.end(), why))
    return out
