"""``mt_artifact``: signs of machine translation in one sentence, with or without a source.

Takes a sentence (and the source's wording, when there is one); returns ``mt_artifact``
findings, offsets into the sentence: a duplicated reporting verb ("told the newspaper Le
Monde said"), a clause opened by an auxiliary before a preposition or by a lower-case
auxiliary before its subject (verb-second order: "had at the end of July the presidential
guard ... overthrew", "had the guard ..."), a subordinate clause with its verb last
(verb-final order: "because he the troops withdrawn has"), German or French quotation
marks, a dot as thousands separator ("1.500 soldiers") or a decimal comma ("3,5
million"), a false friend of a German or French word ("partial deduction" for
*Teilabzug*, a partial withdrawal: ``medium``, the reader is misled), a German or French
function word left untranslated ("und", "avec"), and, when no source is given, words run
together ("Sahelafter").
Patterns the source sentence has too are not reported (they are not this version's
doing). The word lists are ``data/reporting_verbs.txt``, ``data/mt_*.txt`` and
``data/mt_words.csv`` (false friends, each with its source-language word, and untranslated
words).
"""

from __future__ import annotations

import re
from functools import cache

from wiretrace.findings.checks import check
from wiretrace.findings.checks.typo import split_run_together
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Pair
from wiretrace.findings.words import ErrorContext
from wiretrace.language.lexicon import is_word
from wiretrace.language.nlp import parse
from wiretrace.language.resources import word_list, word_values
from wiretrace.language.text import Token, tokens

KINDS = ("mt_artifact",)

_GERMAN_QUOTES = re.compile(r"[\u201e\u201a\u00ab\u00bb]")
_THOUSANDS_DOT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d.,]*\d)\s+(?=[a-z])")
_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])(\d+,\d{1,2})(?!\d)\s*(?=million|billion|percent|per cent|%|euros?)"
)


@cache
def _words(name: str) -> frozenset[str]:
    """The entries of the word list ``data/<name>.txt`` as a set."""
    return frozenset(word_list(name))


@check(order=100, scope="sentence")
def artifacts(pair: Pair) -> list[Finding]:
    """The machine-translation artefacts of the rewrite sentence (see :func:`mt_artifacts`)."""
    return mt_artifacts(pair.rewrite, pair.source, pair.context)


def mt_artifacts(
    text: str, source_text: str | None = None, context: ErrorContext | None = None
) -> list[Finding]:
    """Signs of machine translation in one sentence, offsets into ``text``.

    ``source_text`` is the source's wording (patterns it has too are not reported; without
    it, words run together are looked for); ``context`` lists the words the cluster
    attests. Returns ``mt_artifact`` findings in the order of the patterns above.
    """
    context = context or ErrorContext()
    source_text = source_text or ""
    toks = tokens(text)
    words_ = [t for t in toks if t.is_word]
    out = _doubled_reporting_verbs(text, source_text, toks)
    out += _verb_second(text, source_text, words_)
    out += verb_final(text, source_text)
    for m in _GERMAN_QUOTES.finditer(text):
        if m.group() in source_text:
            continue
        start, end = quotation_around(text, m.start())
        out.append(
            Finding(
                "mt_artifact",
                "low",
                text[start:end],
                "",
                start,
                end,
                f"Foreign quotation mark {quoted(m.group())}: English copy uses \u201c \u201d.",
            )
        )
    out += _foreign_numbers(text, source_text)
    out += _foreign_words(text, source_text, words_)
    if not source_text:
        out += _run_together(words_, context)
    return out


#: The marks that close a quotation each foreign mark opens (German »...«, French «...»).
#: No apostrophe among them: "Niger\u2019s" would end the quotation early.
_CLOSERS = {"\u201e": '\u201c\u201d"', "\u201a": "\u2018", "\u00ab": "\u00bb", "\u00bb": "\u00ab"}


def quotation_around(text: str, at: int) -> tuple[int, int]:
    """The span of the quotation whose foreign mark is at ``at``: from an opening mark to
    its closing mark (or, with none, the end of the next word); from a closing ``\u00bb``
    back to its ``\u00ab``. A finding on it names the quoted words, not a mark alone."""
    mark = text[at]
    if mark == "\u00bb" and not text[at + 1 : at + 2].isalnum():  # French closing
        before = text.rfind("\u00ab", 0, at)
        return (before if before >= 0 else at), at + 1
    after = [i for i in (text.find(q, at + 1) for q in _CLOSERS[mark]) if i > at]
    if after:
        return at, min(after) + 1
    word = re.match(r"\s*\w+", text[at + 1 :])
    return at, at + 1 + (word.end() if word else 0)


def _doubled_reporting_verbs(text: str, source_text: str, toks: list[Token]) -> list[Finding]:
    """Two reporting verbs with one noun phrase between them."""
    reporting = _words("reporting_verbs")
    breaks = _words("mt_clause_breaks")
    np_start = _words("mt_noun_phrase_starts")
    out = []
    for i, first in enumerate(toks):
        if first.norm not in reporting:
            continue
        for j in range(i + 1, min(i + 8, len(toks))):
            tok = toks[j]
            if not tok.is_word or tok.norm in breaks:
                break
            if tok.norm in reporting:
                between = [t.norm for t in toks[i + 1 : j]]
                if between and not any(w in np_start for w in between[1:]):
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
                                f"Two reporting verbs in one clause ({quoted(span)}): a "
                                "machine-translation slip; one of them should go.",
                            )
                        )
                break
    return out


def _verb_second(text: str, source_text: str, words_: list[Token]) -> list[Finding]:
    """A sentence opened by an auxiliary before a preposition ("Had at the end of July
    ..."), or by a lower-case auxiliary before its subject ("had the guard ...", "was
    France ..."). A lower-case word opening a sentence otherwise is a broken sentence (a
    stray full stop or line break: "... his company in Hale. boasted pop stars", "He\nsaid
    that ..."), not a translation."""
    if not words_:
        return []
    aux = _words("mt_auxiliaries")
    head = words_[0]
    nxt = words_[1] if len(words_) > 1 else None
    aux_prep = head.norm in aux and nxt is not None and nxt.norm in _words("mt_prepositions")
    subject_next = nxt is not None and (
        nxt.norm in _words("mt_determiners") or nxt.text[:1].isupper()
    )
    lower_start = head.text[:1].islower() and head.norm in aux and subject_next
    source_head = [t.norm for t in tokens(source_text, words_only=True)[:2]]
    same_as_source = source_head == [w.norm for w in words_[:2]]
    if not (lower_start or aux_prep) or same_as_source or text.rstrip().endswith("?"):
        return []
    span = text[head.start : (nxt.end if nxt else head.end)]
    return [
        Finding(
            "mt_artifact",
            "medium",
            span,
            "",
            head.start,
            nxt.end if nxt else head.end,
            f"The sentence opens with {quoted(head.text)}: foreign (verb-second) word order "
            "left by machine translation; the subject should come first.",
        )
    ]


#: An auxiliary closing a clause ("... withdrawn has."): the cheap test before spaCy.
_AUX_AT_END = re.compile(
    r"\b(?:had|has|have|was|were|is|are|will|would|did|does)\s*(?=[,.;:!?\u201d\"]|$)", re.I
)
#: Words that open a subordinate clause, where German puts the verb last.
_SUBORDINATORS = frozenset(
    {
        "because",
        "that",
        "when",
        "after",
        "before",
        "since",
        "while",
        "although",
        "though",
        "if",
        "as",
        "whether",
        "who",
        "which",
        "where",
        "until",
        "once",
    }
)


def verb_final(text: str, source_text: str = "") -> list[Finding]:
    """A subordinate clause with its verb last, German order left by machine translation:
    a subordinator, a subject and an object with no finite verb between them, then a past
    participle or an infinitive and the auxiliary, closing the clause ("because he the
    troops withdrawn has."). Read with spaCy's tags (:func:`wiretrace.language.nlp.nlp`),
    only on sentences where an auxiliary closes a clause; not reported when the source has
    the same words. ``wtbench.mt_order`` measures how often it fires on English news."""
    if not _AUX_AT_END.search(text):
        return []
    doc = parse(text)
    out = []
    for tok in doc[2:]:
        verb = doc[tok.i - 1]
        closing = tok.i + 1 == len(doc) or (doc[tok.i + 1].is_punct and not _resumes(doc, tok.i))
        if (
            tok.lower_ not in _words("mt_auxiliaries")
            or not closing
            or verb.tag_ not in ("VBN", "VB", "VBP")
        ):
            continue
        clause = []
        for prev in reversed(doc[: verb.i]):
            if prev.is_punct or prev.lower_ in _SUBORDINATORS:
                break
            clause.append(prev)
        opener = doc[verb.i - len(clause) - 1] if verb.i - len(clause) > 0 else None
        if (
            opener is None
            or opener.lower_ not in _SUBORDINATORS
            or len(clause) < 2
            or any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in clause)
            or not any(t.pos_ in ("NOUN", "PRON", "PROPN") for t in clause)
        ):
            continue
        start, end = opener.idx, tok.idx + len(tok.text)
        if text[start:end] in source_text:
            continue
        out.append(
            Finding(
                "mt_artifact",
                "medium",
                text[start:end],
                "",
                start,
                end,
                f"The clause {quoted(text[start:end])} ends with its verb: German (verb-final) "
                "word order left by machine translation; English puts the verb after the "
                "subject.",
            )
        )
    return out


def _resumes(doc, at: int) -> bool:
    """True when the clause of the auxiliary at ``at`` goes on after an interruption: a
    comma, then a verb that is not finite before any finite one or a conjunction ("that
    neither of them will, during daylight hours, take food")."""
    if doc[at + 1].text != ",":
        return False
    for tok in doc[at + 2 :]:
        if tok.tag_ in ("VBZ", "VBD", "VBP", "MD") or tok.pos_ == "CCONJ":
            return False  # a new clause ("withdrawn has, and left")
        if tok.tag_ in ("VB", "VBN", "VBG"):
            return True
    return False


def _foreign_numbers(text: str, source_text: str) -> list[Finding]:
    """A dot as thousands separator or a decimal comma the source does not have."""
    out = []
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
                    f"{quoted(number)} uses {why} {quoted(english)}: check the figure.",
                )
            )
    return out


def _run_together(words_: list[Token], context: ErrorContext) -> list[Finding]:
    """Words run together ("Sahelafter"), looked for when there is no source."""
    out = []
    for tok in words_:
        if "'" in tok.text or tok.norm in context.known_words or is_word(tok.text):
            continue
        split = split_run_together(tok.text, context)
        if split:
            out.append(
                Finding(
                    "mt_artifact",
                    "low",
                    tok.text,
                    "",
                    tok.start,
                    tok.end,
                    f"{quoted(tok.text)} runs two words together ({quoted(split)}), a "
                    "machine-translation or conversion slip.",
                )
            )
    return out


def _foreign_words(text: str, source_text: str, words_: list[Token]) -> list[Finding]:
    """False friends and untranslated words of ``data/mt_words.csv`` the source lacks."""
    entries = word_values("mt_words")
    lowered, source = text.lower(), source_text.lower()
    out = []
    for phrase, value in entries.get("false_friend", {}).items():
        if phrase not in lowered or phrase in source:
            continue
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            origin, _, rest = value.partition("|")
            meaning, _, needs = rest.partition("|")
            if needs and not set(needs.split()) & {t.norm for t in words_}:
                continue  # the look-alike is right here ("a partial deduction of taxes")
            language, _, word = origin.partition(":")
            name = {"de": "German", "fr": "French"}.get(language, language)
            found = text[m.start() : m.end()]
            why = (
                f"{quoted(found)} is a false friend of the {name} {quoted(word)}, which means "
                f"{quoted(meaning)}: a machine-translation slip that changes the meaning."
            )
            out.append(Finding("mt_artifact", "medium", found, "", m.start(), m.end(), why))
    untranslated = entries.get("untranslated", {})
    for tok in words_:
        if tok.text not in untranslated or tok.norm in source.split():
            continue
        language, _, english = untranslated[tok.text].partition("|")
        name = {"de": "German", "fr": "French"}.get(language, language)
        why = f"{quoted(tok.text)} is {name} ({quoted(english)}), left untranslated."
        out.append(Finding("mt_artifact", "low", tok.text, "", tok.start, tok.end, why))
    return out
