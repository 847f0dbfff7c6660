"""Shared by the error-check tests: real sentences of the seeds, and a finding summary.

001 and 002 are near-verbatim AFP rewrites of the same wire story, 003 ends with filler,
004 is a machine translation of a dpa story.
"""

from __future__ import annotations

S001_RELATIONS = (
    "Relations between Niger and France, the country\u2019s former colonial power and "
    "traditional ally, went swiftly downhill after Paris stood by the elected Bazoum and "
    "declared the post-coup regime toas illegitimate."
)
S002_RELATIONS = (
    "Relations between Niger and France, the country's former colonial power and traditional "
    "ally, went swiftly downhill after Paris stood by the elected Bazoum and declared the "
    "post-coup regime illegitimate."
)
S001_AUGUST = (
    "On August 3, the coup leaders renounced several military cooperation agreements with "
    "France, including one with a month-long notice period that expired on Sunday."
)
S002_AUGUST = (
    "The coup leaders suspended several military cooperation agreements with France on August 3."
)
S001_SOURCE = (
    "That source noted that French forces had been \u201cimmobilised since anti-terrorist "
    "cooperation was suspended\u201d following the military takeover."
)
S002_SOURCE = (
    'The source reportedly noted that French forces had been "immobilised since '
    'anti-terrorist cooperation was suspended" following the military takeover.'
)
S001_LECORNU = (
    "Earlier, a source close to Defence Minister Sebastien Lecornu told AFP that talks were in "
    "progress about \u201ceasing movements of French military resources\u201d in Niger."
)
S002_LECORNU = (
    "A source close to Defence Minister Sebastien Lecornu told AFP on Tuesday that talks were "
    'in progress about "easing the movement of French military resources" in Niger.'
)
S004_LE_MONDE = (
    "\u201cIt is important to remember that these troops are there at the request of the "
    "Nigerien authorities to support them in the fight against the armed terrorist groups and "
    "to carry out training activities,\u201d French Foreign Minister Catherine Colonna "
    "previously told the newspaper Le Monde said."
)
S004_JULY = (
    "had at the end of July the presidential guard in Niger overthrew the previous president "
    "Mohamed Bazoum."
)
S004_SAHEL = (
    "For France, which, in line with other Western and African states, does not recognize the "
    "new rulers, Niger has recently been an important partner in its Anti-Terrorism in the "
    "Sahelafter the military rulers in Mali and Burkina Faso had previously demanded the "
    "withdrawal of French troops."
)
S003_FILLER = (
    "As geopolitical landscapes continue to evolve, it is crucial for countries to reassess "
    "their strategies and partnerships to ensure stability and security in the region."
)


def kinds(findings) -> list[tuple[str, str, str]]:
    """(kind, severity, text) of each finding, in order."""
    return [(f.kind, f.severity, f.text) for f in findings]


# Two versions of one claim: AFP's anonymous source and its quotation, and 004's.
AFP_ROW = {
    "article_id": "afp",
    "sentence_id": 0,
    "speaker": "the defence ministry source",
    "speaker_kind": "anonymous_source",
    "claim_type": "quote",
    "quote": "Discussions on the withdrawal of certain military elements have begun",
    "start": 0,
    "end": 10,
    "quote_start": 0,
    "quote_end": 10,
    "via": "AFP",
}
DPA_ROW = {
    **AFP_ROW,
    "article_id": "dpa",
    "speaker": "the French Ministry of Defense",
    "speaker_kind": "named_institution",
    "quote": "The exchange about the withdrawal of some military forces has begun",
    "via": "",
}


def claim_pair(other=DPA_ROW, origin="dpa credits AFP", support=(3, 1)):
    """A :class:`ClaimPair` of the AFP reading and ``other`` (by default 004's)."""
    from wiretrace.findings.story_claims import ClaimPair

    return ClaimPair(AFP_ROW, other, "x" * 20, "y" * 20, support, support, origin)
