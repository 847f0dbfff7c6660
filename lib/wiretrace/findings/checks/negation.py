"""``negation_change``: a negator added or removed, or an antonym by prefix ("illegitimate").

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``negation_change`` findings (severity
``high``: the claim now says the opposite). A prefix antonym and a negator that cancel
("disagree" / "do not agree") keep the polarity: their units are added to ``edit.done``
and nothing is reported. A trimmed edit, a pair whose sides have as many negators, and a
passage rewritten wholesale that has a negator on one side only are not reported, nor is
a source's request not to be named dropped ("told AFP, asking not to be named" / "said":
``data/anonymity_phrases.txt``).

Across versions (scope ``"claim"``): the same claim with a negator gained or lost in
another version (:func:`wiretrace.findings.story_claims.certainty_change`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair, content
from wiretrace.language.lexicon import load_lexicon
from wiretrace.language.resources import word_list
from wiretrace.language.units import Unit

KINDS = ("negation_change",)

if TYPE_CHECKING:
    from wiretrace.findings.story_claims import ClaimPair


@check(order=30, scope="edit")
def negation(pair: Pair, edit: Edit) -> list[Finding]:
    """A negation added or removed, or a prefix antonym; adds prefix pairs to ``edit.done``."""
    lex = load_lexicon()
    src, rw = edit.src, edit.rw
    neg_s = [u for u in src if u.key in lex.negators]
    neg_r = [u for u in rw if u.key in lex.negators]
    prefix_pairs = [
        (a, b)
        for a in content(src)
        for b in content(rw)
        if a.kind == b.kind == "word" and neg_prefix_pair(a.key, b.key)
    ]
    # "disagree" / "do not agree": the prefix and the negator cancel, polarity is kept.
    polarity_s = len(neg_s) + sum(len(a.key) > len(b.key) for a, b in prefix_pairs)
    polarity_r = len(neg_r) + sum(len(b.key) > len(a.key) for a, b in prefix_pairs)
    if prefix_pairs and polarity_s == polarity_r:
        edit.done |= {id(u) for p in prefix_pairs for u in p}
        prefix_pairs = []
        neg_s, neg_r = [], []
    out = []
    # "flew from San Jose without passengers on Sunday" -> "flew from San Jose on Sunday": a
    # negating preposition dropped with its object loses a detail, it does not flip a claim
    dropped_phrase = (
        not rw
        and [u.key for u in neg_s] == ["without"]
        and any(u.key not in lex.negators for u in content(src))
    )
    if (
        len(neg_s) != len(neg_r)
        and not edit.trim
        and not dropped_phrase
        and not (neg_s and not neg_r and anonymity_only(pair.source, neg_s, pair.ru))
        and not pair.polarity_kept
        and (edit.local or (neg_s and neg_r))
    ):
        added = len(neg_r) > len(neg_s)
        shown = neg_r if added else [u for u in rw if u.kind == "word"][:3]
        out.append(
            pair.finding(
                "negation_change",
                "high",
                shown,
                neg_s or src,
                f"The source says {quoted(pair.src_words(src))}, the rewrite "
                f"{quoted(pair.rw_words(rw))}: the negation was "
                f"{'added' if added else 'removed'}, so the claim now says the opposite.",
                at=edit.rw_at,
                at_end=edit.rw_at_end,
            )
        )
    for a, b in prefix_pairs:
        edit.done |= {id(a), id(b)}
        out.append(
            pair.finding(
                "negation_change",
                "high",
                [b],
                [a],
                f"{quoted(a.surface)} became {quoted(b.surface)}: the opposite meaning.",
            )
        )
    return out


def neg_prefix_pair(a: str, b: str) -> bool:
    """True when one word is the other with a negative prefix (``data/negative_prefixes.txt``)."""
    for long, short in ((a, b), (b, a)):
        for prefix in word_list("negative_prefixes"):
            if long == prefix + short:
                return True
    return False


def anonymity_only(source: str, negators: Sequence[Unit], rewrite: Sequence[Unit]) -> bool:
    """True when each of the ``negators`` (units of the sentence ``source``) is inside a
    request not to be named (``data/anonymity_phrases.txt``) that the rewrite sentence (its
    units ``rewrite``) dropped whole (none of them is the phrase's last word): "told AFP,
    asking not to be named" / "said", not "asking to be named"."""
    kept = {u.key for u in rewrite}
    spans = [
        m.span()
        for phrase in word_list("anonymity_phrases")
        if phrase.split()[-1] not in kept
        for m in re.finditer(
            r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", source, re.IGNORECASE
        )
    ]
    return all(any(a <= u.start and u.end <= b for a, b in spans) for u in negators)


@check(order=245, scope="claim")
def claim_negation_changed(pair: ClaimPair) -> list[Finding]:
    """The same claim across versions with a negator (not, never, no, without;
    "didn't") gained, lost or replaced:
    ``negation_change``, or ``quote_altered`` inside quotation marks
    (see :func:`wiretrace.findings.story_claims.certainty_change`)."""
    from wiretrace.findings.story_claims import certainty_change

    return certainty_change(pair, negation=True)
