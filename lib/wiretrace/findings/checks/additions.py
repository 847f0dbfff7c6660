"""``unsupported_addition``: a rewrite sentence no source supports.

Takes a new sentence's :class:`~wiretrace.findings.pair.Pair` (``pair.new``: no source
wording) and returns at most one ``unsupported_addition`` finding spanning the sentence:
``medium`` when it carries specifics (numbers, dates, names, quotations) that no other
version or source attests, ``low`` when it carries no specifics and most of its content
words (60% or more) are not found in any other version or source (generic filler such as
"As geopolitical landscapes continue to evolve, it is crucial..."). A new sentence whose
specifics are all attested elsewhere in the cluster, or that has no specifics but
restates words the cluster has, is not reported, nor is a sentence wholly in brackets or
parentheses (page furniture: a link to another story, a photo credit).
"""

from __future__ import annotations

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Pair, content, is_entity
from wiretrace.findings.words import ErrorContext
from wiretrace.language.lexicon import lemma_set
from wiretrace.language.units import RELATIVE_DAYS, Unit, quote_spans

KINDS = ("unsupported_addition",)

#: Share of a sentence's content words the cluster must attest for it not to be new.
ATTESTED_SHARE = 0.6


@check(order=110, scope="sentence")
def unsupported_addition(pair: Pair) -> list[Finding]:
    """A new sentence with unattested specifics or a new quotation, or generic filler."""
    if not pair.new or _bracketed(pair.rewrite):
        return []
    text, units, context = pair.rewrite, pair.ru, pair.context
    quotes = quote_spans(text)
    specific = [
        u
        for u in units
        if (u.is_number and u.surface.lower() not in ("one", "two"))
        or (u.is_date and u.surface.lower() not in RELATIVE_DAYS)
        or is_entity(u)
    ]
    unattested = [
        u
        for u in specific
        if u.key.lower() not in context.support
        and u.surface.lower() not in context.support
        and not (u.is_number and _number_words_known(u, context))
    ]
    quote_units = [u for u in units if any(u.start >= s and u.end <= e for s, e in quotes)]
    new_quote = bool(quotes) and attested_share(quote_units, context) < ATTESTED_SHARE
    if unattested or new_quote:
        shown = ", ".join(dict.fromkeys(quoted(u.surface) for u in unattested))
        what = f"specifics no source has ({shown})" if unattested else "a quotation"
        if unattested and new_quote:
            what += " and a quotation"
        why = (
            f"New claim with {what}: nothing in the source supports this sentence; "
            "check where it comes from."
        )
        return [Finding("unsupported_addition", "medium", text, "", 0, len(text), why)]
    if not specific and attested_share(units, context) < ATTESTED_SHARE:
        why = (
            "Generic filler: a sentence with no name, number, date or quotation and no "
            "source; it adds commentary, not reporting."
        )
        return [Finding("unsupported_addition", "low", text, "", 0, len(text), why)]
    return []


def _bracketed(text: str) -> bool:
    """A sentence wholly in brackets or parentheses is page furniture, not a claim: a
    link to another story ("[A woman ordered canaries ...]"), a photo credit ("(Greg
    Wohlford/Erie Times-News via AP)")."""
    text = text.strip()
    return len(text) > 2 and (text[0], text[-1]) in (("[", "]"), ("(", ")"))


def attested_share(units: list[Unit], context: ErrorContext) -> float:
    """Share of the content words of a sentence that the cluster attests elsewhere."""
    words = [u for u in content(units) if u.kind == "word"]
    support = context.support
    if not words or not support:
        return 0.0
    known = sum(any(w in support for w in lemma_set(u.key) | {u.key}) for u in words)
    return known / len(words)


def _number_words_known(unit: Unit, context: ErrorContext) -> bool:
    value = unit.value
    if value is None:
        return False
    forms = {f"{value:g}", f"{int(value):,}" if value == int(value) else f"{value:g}"}
    return any(f.lower() in context.support for f in forms)
