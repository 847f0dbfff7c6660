"""``entity_change``: a person, place or organisation replaced by another or made vague.

Takes the compared :class:`~wiretrace.findings.pair.Pair` and one
:class:`~wiretrace.findings.pair.Edit`; returns ``entity_change`` findings (``high`` for
a different name, ``medium`` for a name replaced by a vaguer noun) and the typos of
misspelt names (decided by :func:`wiretrace.findings.checks.typo.misspelt_name`). Names
that stand for each other (same lemma, demonym, synonym) are benign. Reads
``edit.done`` and ``edit.tight``; adds the names it explained to ``edit.done``.
"""

from __future__ import annotations

from wiretrace.findings.checks import check
from wiretrace.findings.checks.typo import misspelt_name
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Edit, Pair, benign_pair, content, is_entity
from wiretrace.language.lexicon import can_be_verb
from wiretrace.language.units import Unit

KINDS = ("entity_change",)


@check(order=70, scope="edit")
def entities(pair: Pair, edit: Edit) -> list[Finding]:
    """Names of the source replaced by other names, misspelt, or by a vaguer noun."""
    src, rw = edit.src, edit.rw
    ent_s = [u for u in src if is_entity(u) and id(u) not in edit.done]
    ent_r = [u for u in rw if is_entity(u) and id(u) not in edit.done]
    for a in list(ent_s):
        for b in list(ent_r):
            if benign_pair(a, b):
                ent_s.remove(a)
                ent_r.remove(b)
                edit.done |= {id(a), id(b)}
                break
    at_an_end = edit.src_end_of_sentence or edit.src_start_of_sentence
    small = len(content(rw)) <= 4 and (len(content(src)) <= 4 or at_an_end)
    if ent_s and ent_r and small:
        return _names_changed(pair, edit, ent_s, ent_r)
    if ent_s and rw and content(rw) and not ent_r and edit.tight:
        generic = content(rw)
        nouns = not any(can_be_verb(g.key) for g in generic)
        if len(generic) <= 2 and len(ent_s) <= 3 and nouns:
            edit.done |= {id(u) for u in ent_s + generic}
            why = (
                f"The name {quoted(pair.src_words(ent_s))} was replaced by the vaguer "
                f"{quoted(pair.rw_words(generic))}."
            )
            return [pair.finding("entity_change", "medium", generic, ent_s, why)]
    return []


def _names_changed(pair: Pair, edit: Edit, ent_s: list[Unit], ent_r: list[Unit]) -> list:
    """Names paired in order: each a misspelling (typo) or, together, one other name."""
    out = []
    changed_s, changed_r = [], []
    for a, b in zip(ent_s, ent_r, strict=False):
        edit.done |= {id(a), id(b)}
        typo = misspelt_name(pair, a, b)
        if typo is not None:
            out.append(typo)
        else:
            changed_s.append(a)
            changed_r.append(b)
    # A multi-word name replaced by another ("Mohamed Bazoum" -> "Helga Lindqvist")
    # is one finding.
    changed_s += ent_s[len(ent_r) :]
    changed_r += ent_r[len(ent_s) :]
    edit.done |= {id(u) for u in changed_s + changed_r}
    if changed_s and changed_r:
        old_name, new_name = pair.src_words(changed_s), pair.rw_words(changed_r)
        out.append(
            pair.finding(
                "entity_change",
                "high",
                changed_r,
                changed_s,
                f"{quoted(old_name)} became {quoted(new_name)}: a different name, so the "
                "claim is about someone or somewhere else.",
            )
        )
    return out
