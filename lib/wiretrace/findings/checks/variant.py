"""``variant``: where the versions differ and nothing shows which one changed the text.

Two cases, both decided before the checks run and carried by the
:class:`~wiretrace.findings.pair.Pair`:

- the source is the other version of a pair and the stemma cannot say who copied whom
  (``pair.undecided``): every difference is a variant, and a sentence only one of the two
  has is not reported at all (an addition needs a source to be added to);
- the source is a consensus and its voters were split on this passage with no majority
  (``pair.contested``, spans of the source): a difference there may be the other
  version's, so it is a variant.

A third case is decided by :mod:`wiretrace.findings.story_claims`: a claim that two
versions not derived from each other carry differently (``independent``).

A variant is reported with severity ``low``, both readings (``text`` this version's,
``source_text`` the other's) and, in its explanation, what the difference would be if it
were a change. It is never a ``high`` or ``medium`` finding pinned on one version.
"""

from __future__ import annotations

from dataclasses import replace

from wiretrace.findings.checks import check
from wiretrace.findings.finding import Finding, quoted
from wiretrace.findings.pair import Pair

KINDS = ("variant",)

#: Why a difference is a variant, by case.
WHY = {
    "undecided": "the two versions differ here and nothing shows which one copied the other",
    "contested": (
        "the versions behind the consensus are split on this passage with no majority, "
        "so the difference may be the other version's"
    ),
    "independent": (
        "the two versions make the same claim, but nothing shows that one took it from "
        "the other or that both report the same words (independent reporters may have "
        "other sources and hear other words), or no majority of versions says which reading "
        "is the first"
    ),
}


@check(order=120, scope="finding")
def variants(pair: Pair, findings: list[Finding]) -> list[Finding]:
    """The findings of ``pair`` as they stand: variants where no majority decides."""
    if pair.undecided:
        return [as_variant(f, "undecided") for f in findings if f.kind != "unsupported_addition"]
    return [as_variant(f, "contested") if _in_contested(pair, f) else f for f in findings]


def as_variant(finding: Finding, case: str) -> Finding:
    """``finding`` restated as a ``variant`` (severity low) for ``case`` (a key of WHY)."""
    if finding.kind == "variant":
        return finding
    why = (
        f"Variant, not an error: {WHY[case]}. This version reads {quoted(finding.text)}, "
        f"the other {quoted(finding.source_text)}. Read as a change it would be a "
        f"{finding.kind.replace('_', ' ')}: {finding.explanation}"
    )
    return replace(finding, kind="variant", severity="low", explanation=why)


def _in_contested(pair: Pair, finding: Finding) -> bool:
    if finding.source_start < 0:
        return False
    return any(
        finding.source_start <= end and finding.source_end >= start for start, end in pair.contested
    )
