"""Agency credits: which agencies each article credits, and in which form.

:func:`find_attributions` returns the ``attributions`` table of the output contract, one
row per credit: ``article_id, agency, form, evidence, start, end``, where ``agency`` is a
registry id (:mod:`wiretrace.agencies`), ``evidence`` the exact wording that credits it
and ``start``/``end`` its offsets in ``article.text`` (``text[start:end] == evidence``).

``form`` says how the agency is credited:

``byline``
    in the byline or a credit line before the story (``By X, PA Media``,
    ``By Tunde Oso (with agency reports)``, a head line reading ``Reuters``);
``dateline``
    in parentheses after the dateline (``NIAMEY (AFP) -``, ``New Delhi, Mar 5 (PTI)``);
``in_text``
    in a sentence of the story, beside a cue that makes it a source (``told AFP``,
    ``reported AFP citing``, ``according to Reuters``, ``an AFP correspondent``);
``sign_off``
    in a credit line after the story (``(cs/afp/dpa)``, ``(With inputs from agencies)``,
    ``Source: AFP``, ``- Reuters``, ``Copyright ... The Associated Press``);
``photo_credit``
    in a photo credit (``© afp`` after a caption, ``Photo: AFP``, ``AP Photo/Evan
    Vucci``). A photo credit is reported but does not credit the text
    (:data:`TEXT_FORMS` leaves it out).

Precision first: a name in running text is a credit only beside a cue, never on its own;
``AP`` in an article about Andhra Pradesh, ``Reuters`` as a surname (``Anna Reuters``) or
as the company in a story about Thomson Reuters' profits are not credits (see
:mod:`wiretrace.agencies` for the ``ambiguous`` and ``other_meanings`` fields that drive
this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from wiretrace import schema
from wiretrace.agencies import Registry, Surface, load_registry
from wiretrace.load import Corpus, MetaPart, extract_parts
from wiretrace.rewrites import primary_rows


def _wordset(text: str) -> frozenset[str]:
    """The words of a space-separated list (keeps long vocabularies readable)."""
    return frozenset(text.split())


#: The forms that credit the text itself (a photo credit does not).
TEXT_FORMS = ("byline", "dateline", "in_text", "sign_off")


@dataclass(frozen=True)
class Credit:
    """One credit of an agency in a text (a row of the ``attributions`` table)."""

    agency: str
    form: str
    evidence: str
    start: int
    end: int


# ----------------------------------------------------------------------- cue patterns

#: "news agency" and its kin, with up to three words before it ("the French news agency").
_AGENCY_NOUN = r"(?:the\s+)?(?:(?:[\w\-]+\s+){0,3}?(?:news|wire|press)\s+(?:agency|service)\s+)?"
_LEFT_STRONG = [
    re.compile(rf"(?P<cue>\btold\s+){_AGENCY_NOUN}$", re.IGNORECASE),
    re.compile(
        rf"(?P<cue>\b(?:speaking|spoke|speak|speaks|talking|talked|talk|talks)\s+(?:to|with)\s+)"
        rf"{_AGENCY_NOUN}$",
        re.IGNORECASE,
    ),
    re.compile(rf"(?P<cue>\binterviews?\s+with\s+){_AGENCY_NOUN}$", re.IGNORECASE),
    re.compile(
        r"(?P<cue>\b(?:seen|obtained|reviewed|verified|contacted|interviewed|quoted|cited|"
        r"reported|confirmed|geolocated|published|released|compiled|filmed)\s+by\s+)"
        rf"{_AGENCY_NOUN}$",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<cue>\b(?:statement|email|e-mail|message|comments?|remarks|letter)\s+"
        rf"(?:sent\s+)?to\s+){_AGENCY_NOUN}$",
        re.IGNORECASE,
    ),
    re.compile(rf"(?P<cue>\b(?:citing|quoting)\s+){_AGENCY_NOUN}$", re.IGNORECASE),
    re.compile(
        r"(?P<cue>\b(?:confirmed|said|explained|denied|stated|declared|described|revealed|"
        rf"admitted|insisted|wrote)\b[^,.;:\"\u201c\u201d]{{0,50}}?\bto\s+){_AGENCY_NOUN}$",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<cue>\b(?:news|wire|press)\s+(?:agency|service)\s+)$", re.IGNORECASE),
]
_LEFT_WEAK = [
    re.compile(
        rf"(?P<cue>\baccording\s+to\s+)(?:{_AGENCY_NOUN}|the\s+(?:[a-z][\w\-]*\s+){{1,2}})$"
    ),
    re.compile(
        r"(?P<cue>\b(?:reported|reports|writes|wrote|said|says|added|adds)\s+)"
        rf"{_AGENCY_NOUN}$",
        re.IGNORECASE,
    ),
]
_RIGHT_STRONG = [
    re.compile(
        r"^(?:'s|\u2019s)?\s+(?P<cue>(?:correspondents?|reporters?|journalists?|photographers?|"
        r"stringers?|crews?|team|tally|count|calculations?|analysis|investigation|interview|"
        r"witness(?:es)?|footage|reporting|bureau))\b",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*,?\s+(?P<cue>citing|quoting)\b", re.IGNORECASE),
    re.compile(
        r"^\s+(?P<cue>(?:could\s+not|was\s+unable\s+to|has\s+been\s+unable\s+to|cannot|"
        r"was\s+not\s+able\s+to)\s+(?:independently\s+|immediately\s+)*(?:verify|confirm|reach))\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\s+(?P<cue>(?:has\s+)?(?:learned|learnt|understands|was\s+told|has\s+been\s+told|"
        r"has\s+seen|saw))\b",
        re.IGNORECASE,
    ),
    re.compile(r"^\s+(?P<cue>news\s+agency|wire\s+service)\b", re.IGNORECASE),
]
_RIGHT_WEAK = [
    re.compile(
        r"^\s+(?P<cue>(?:(?:also|earlier|later|first|previously|had|has)\s+)?"
        r"(?:reported|reports|said|says|wrote|writes|quoted|cited|added))\b",
        re.IGNORECASE,
    )
]
#: "Local media, including the Kyodo news agency, said ...": the agency in apposition.
_APPOSITION_LEFT = re.compile(r"\b(?:including|such\s+as|like)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITION_RIGHT = re.compile(
    r"^\s*,\s*(?P<cue>(?:reported|report|said|say|says|reports|quoted|cited))\b", re.IGNORECASE
)
#: A name that itself says it is an agency ("Xinhua News Agency", "Kyodo News").
_AGENCY_NAMED = re.compile(r"(?:agency|news\s+service|wire\s+service|news)$", re.IGNORECASE)
#: A sentence-final attribution: ", PTI reported." (a weak cue that still reads as a credit).
_FINAL_RIGHT = re.compile(
    r"^\s+(?:reported|said)(?:\s+on\s+\w+day|\s+\w+day)?\s*\.?\s*$", re.IGNORECASE
)
#: Cues that still credit an agency in an article about that agency as a company.
_COMPANY_SAFE = {"told", "speaking", "spoke", "speak", "talking", "talked", "interview", "seen"}
#: What may follow a name credited by a left cue: punctuation, the end, or a word that
#: cannot make the name a modifier ("told AFP that", not "according to AP government").
_AFTER_OK = re.compile(
    r"^(?:\s*(?:[,.;:)\]\"\u201d'\u2019]|$)|\s+(?:that|on|in|at|last|earlier|late|this|after|"
    r"before|and|about|as|when|while|by|from|over|during|via|under|for|it|he|she|they|we|the|a|"
    r"an|his|her|its|their|was|is|had|has|have|but|if|whether|what|how|why|who|which|not|"
    r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"shortly|recently|previously|days|hours|weeks)\b)",
    re.IGNORECASE,
)
#: Signs that a mention is of the agency as a company ("Reuters' revenue", "its profits").
_COMPANY_RIGHT = re.compile(
    r"^(?:'s|\u2019s|')?\s+(?:shares?|stock|share\s+price|revenues?|profits?|earnings|sales|"
    r"chief\s+executive|ceo|chairman|chairwoman|editor-in-chief|owners?|parent|board|staff|"
    r"employees|workforce|newsroom|headquarters|subscribers|customers|clients|management|"
    r"executives?|union)\b"
    r"|^\s+(?:posted|reported|announced|reports|posts)\s+(?:a\s+|an\s+|its\s+)?(?:record|higher|"
    r"lower|rising|falling|quarterly|annual|full-year|net|strong|weak|first-quarter|"
    r"second-quarter|third-quarter|fourth-quarter)\b"
    r"|^\s+(?:was|were|has\s+been|is\s+being)\s+(?:sued|fined|acquired|sold|bought|founded|"
    r"awarded|banned|blocked)\b",
    re.IGNORECASE,
)
_COMPANY_LEFT = re.compile(
    r"\b(?:shares|stake|revenues?|profits?|earnings|employees|staff|workers|journalists|"
    r"chief\s+executive|ceo|editor-in-chief|owners?|union|sued|acquired|bought|founded)\s+"
    r"(?:of|at|in|by|against)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
#: The agency speaking of itself as a company: "Reuters said its revenue rose",
#: "AFP said it would cut 100 jobs" (checked on the words right after the name).
_COMPANY_SENTENCE = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,4}?(?:(?:its|their)\s+(?:own\s+)?(?:revenues?|profits?|earnings|sales|"
    r"shares|stock|losses|results|workforce|staff|employees|chief\s+executive|newsroom|"
    r"subscribers|customers)\b"
    r"|(?:cut|cuts|lay\s+off|shed|hire)\s+(?:about\s+|some\s+|up\s+to\s+)?(?:\d[\d,]*\s+)?"
    r"(?:jobs|staff|employees|journalists)\b)",
    re.IGNORECASE,
)
#: Capitalised words that may stand before an agency name without making it a surname.
_NOT_GIVEN_NAMES = {
    w.lower()
    for w in _wordset(
        "The A An According Told By And But Meanwhile However Earlier Later Also Then Now On In "
        "At When While As Separately Moreover Citing Quoting Said Says Reports Reported With "
        "From To For Of Inputs Reporting Additional Editing Writing Source Sources Photo Via "
        "Copyright News Agency Wire State French German British Chinese Japanese Russian "
        "Turkish Italian Spanish Indian Korean Austrian Belgian Dutch Australian Canadian "
        "Malaysian American Pakistani Official Agence Agencia Agenzia Press Associated Speaking "
        "Contacted Asked Interviewed Here There Yesterday Today Monday Tuesday Wednesday "
        "Thursday Friday Saturday Sunday"
    )
}
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau|Mx)\.?\s+$")

_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'\u2019\-]*(?:[ /,]+[A-Za-z][\w.'\u2019\-]*){0,4}?"
    r"(?:\s*\[[^\[\]\n]{2,30}\])?)?\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)\s*)?"
    r"\((?P<inside>[^()\n]{2,60})\)(?P<sep>\s*(?:[-\u2013\u2014:|]+|\.-)|\s+(?=[A-Z\"\u201c]))"
)
#: A dateline with the agency after a comma and no parentheses: "CANBERRA, AAP -".
_DATELINE_COMMA = re.compile(
    r"(?P<place>[A-Z][\w.'\u2019\-]*(?:[ /]+[A-Za-z][\w.'\u2019\-]*){0,3}),\s*"
    r"(?P<inside>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3})\s*[-\u2013\u2014:]+\s"
)
#: A head line that is a byline in any house style: "By X | Press Trust of India",
#: "Written by: Staff Writer with agency inputs".
_HEAD_BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|posted\s+by|edited\s+by)\b\s*:?\s*\S", re.IGNORECASE
)
#: A tail line that is a credit without parentheses: "Inputs from PTI".
_TAIL_CREDIT_LINE = re.compile(
    r"^[-\u2013\u2014]*\s*(?:with\s+)?(?:inputs?\s+from|(?:additional\s+)?reporting\s+by|"
    r"compiled\s+(?:by|from)|written\s+with|with\s+\w+\s+inputs)\b",
    re.IGNORECASE,
)
_TAIL_PAREN = re.compile(r"[(\[]\s*(?P<inside>[^()\[\]\n]{2,120}?)\s*[)\]]\s*\.?\s*$")
_TAIL_DASH = re.compile(
    r"(?:^|\s)[-\u2013\u2014]{1,2}\s*(?P<inside>[A-Za-z][\w .&/,'\-]{1,60}?)\s*\.?\s*$"
)
_TAIL_SOURCE = re.compile(
    r"^(?:sources?|credit|courtesy)\s*:\s*(?P<inside>.{2,120})$", re.IGNORECASE
)
_CREDIT_WORDS = re.compile(
    r"\b(?:with|inputs?|reporting|reported|source|sources|writing|written|edited|editing|"
    r"compiled|additional|agencies|courtesy|credit|copyright)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|\u00a9|\(c\)\s)", re.IGNORECASE)
_PHOTO_LEFT = re.compile(
    r"(?:(?<=[.!?)]\s)credit\s*:\s*"
    r"|\b(?:photo(?:graph)?s?|pictures?|images?|foto|file\s+photo)\b\s*(?:credit\s*)?"
    r"(?:by\s+)?[:|]?\s*(?:[^\n:|()]{0,60}?\s*/\s*)?|\u00a9\s*|\(c\)\s*|\bcopyright\s+"
    r"(?:\d{4}\s+)?)$",
    re.IGNORECASE,
)
_PHOTO_RIGHT = re.compile(
    r"^\s*(?:photos?|pictures?|images?)\b|^\s*via\s+getty\b|^\s*/\s*getty\b", re.IGNORECASE
)
_PHOTO_SLASH_NAME = re.compile(r"^\s*/\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+)*")
_NAME_SLASH_LEFT = re.compile(r"[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}\s*/\s*$")


@dataclass
class _Doc:
    """What the credit finder needs from an article (or an Article-like source)."""

    text: str
    parts: list[MetaPart]
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, article) -> _Doc:
        text = article.text
        parts = getattr(article, "parts", None)
        if parts is None:
            parts = extract_parts(text)[0]
        spans = [(s.start, s.end) for s in getattr(article, "sentences", [])]
        return cls(text, list(parts), spans)

    @property
    def body_start(self) -> int:
        return min((s for s, _ in self.spans), default=len(self.text))

    def lines(self) -> list[tuple[int, int]]:
        out = []
        for m in re.finditer(r"[^\n]+", self.text):
            chunk = m.group()
            if chunk.strip():
                start = m.start() + len(chunk) - len(chunk.lstrip())
                out.append((start, m.start() + len(chunk.rstrip())))
        return out

    def line_of(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end


# ------------------------------------------------------------------------ the finder


def _is_surname(text: str, start: int, end: int, surface: Surface) -> bool:
    """Whether an alias such as "Reuters" is here a person's name ("Anna Reuters")."""
    if surface.abbreviation or " " in surface.text.strip():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    left = text[line_start:start]
    if _TITLE_BEFORE.search(left):
        return True
    if re.match(r"^,\s*\d{1,3}\s*,", text[end : end + 8]):
        return True
    m = re.search(r"(?:^|[^\w])([A-Z][a-z]+|[A-Z]\.)\s+$", left)
    return bool(m) and m.group(1).lower() not in _NOT_GIVEN_NAMES


def _mentions(registry: Registry, text: str, start: int, end: int, loose: bool):
    """``(surface, start, end)`` for each agency spelling in ``text[start:end]``."""
    for m in registry.pattern.finditer(text, start, end):
        surface = registry.resolve(m.group(), loose=loose)
        if surface is not None and not _is_surname(text, m.start(), m.end(), surface):
            yield surface, m.start(), m.end()


def _is_photo(text: str, start: int, end: int, found: str) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = text[max(line_start, start - 90) : start], text[end:line_end]
    if _PHOTO_LEFT.search(left) or _PHOTO_RIGHT.match(right):
        return True
    if found.isupper() and _PHOTO_SLASH_NAME.match(right):
        return True  # "REUTERS/Amr Abdallah Dalsh", "AP Photo/..."
    return bool(_NAME_SLASH_LEFT.search(left)) and bool(
        re.match(r"^\s*(?:via\s+getty[\w ]*)?\s*\)?\s*\.?\s*$", right, re.IGNORECASE)
    )


def _about_company(registry: Registry, text: str, agency: str) -> bool:
    """Whether ``text`` treats ``agency`` as a company or its names mean something else."""
    if registry.other_meaning_in(agency, text):
        return True
    for m in registry.pattern.finditer(text):
        surface = registry.resolve(m.group(), loose=False)
        if surface is None or surface.agency != agency:
            continue
        if _COMPANY_RIGHT.match(text[m.end() : m.end() + 80]) or _COMPANY_LEFT.search(
            text[max(0, m.start() - 60) : m.start()]
        ):
            return True
    return False


def _in_text_cue(
    sentence: str, rel_start: int, rel_end: int, surface: Surface, about: bool
) -> tuple[int, int] | None:
    """The span of the cue that makes a mention a credit, relative to ``sentence``, or None.

    ``about`` is True in an article that treats the agency as a company or whose names
    mean something else there: then only the cues of :data:`_COMPANY_SAFE` count, and
    ambiguous spellings never do.
    """
    left, right = sentence[:rel_start], sentence[rel_end:]
    if _COMPANY_RIGHT.match(right) or _COMPANY_LEFT.search(left):
        return None
    if _COMPANY_SENTENCE.match(right):
        return None
    strong_left = next((m for p in _LEFT_STRONG if (m := p.search(left))), None)
    weak_left = next((m for p in _LEFT_WEAK if (m := p.search(left))), None)
    strong_right = next((m for p in _RIGHT_STRONG if (m := p.match(right))), None)
    weak_right = next((m for p in _RIGHT_WEAK if (m := p.match(right))), None)
    if weak_right is None and _APPOSITION_LEFT.search(left):
        weak_right = _APPOSITION_RIGHT.match(right)
    left_m = strong_left or weak_left
    right_m = strong_right or weak_right
    if weak_left and not strong_left and not right_m and not _AFTER_OK.match(right):
        return None  # the name modifies a noun: "according to AP government data"
    strong = bool(strong_left or strong_right)
    mention = sentence[rel_start:rel_end]
    if _AGENCY_NAMED.search(mention) and not surface.abbreviation:
        strong = True  # "according to the official Xinhua news agency"
    if re.search(r",\s*$", left) and _FINAL_RIGHT.match(right):
        strong = True  # "..., PTI reported."
    if not (left_m or right_m):
        return None
    if surface.ambiguous and (about or not strong):
        return None
    if about:
        words = {
            w.lower()
            for m in (strong_left, strong_right)
            if m
            for w in re.findall(r"[A-Za-z]+", m.group("cue"))
        }
        if not words & _COMPANY_SAFE:
            return None
    start = left_m.start("cue") if left_m else rel_start
    end = rel_end + right_m.end("cue") if right_m else rel_end
    return start, end


def _list_credits(
    registry: Registry, text: str, start: int, end: int, form: str
) -> list[tuple[str, int, int]]:
    """Credits in a credit line: an agency list, or agency names inside credit wording."""
    inside = text[start:end]
    listed = registry.resolve_list(inside)
    if listed:
        return [(s.agency, start, end) for s, _, _ in listed]
    if form == "sign_off" and not (_CREDIT_WORDS.search(inside) or _COPYRIGHT.match(inside)):
        return []
    return [(s.agency, start, end) for s, _, _ in _mentions(registry, text, start, end, True)]


def article_credits(article, registry: Registry | None = None) -> list[Credit]:
    """Every agency credit in one article (or an Article-like object with ``.text``).

    Uses the article's metadata parts (:mod:`wiretrace.load`) when it has them, else
    extracts them from the text. Returns :class:`Credit` rows in text order; an agency
    credited twice in the same form at different places gives two rows.
    """
    registry = registry or load_registry()
    doc = _Doc.of(article)
    text = doc.text
    found: dict[tuple[str, str, int, int], Credit] = {}
    covered: list[tuple[int, int]] = []

    def add(agency: str, form: str, start: int, end: int) -> None:
        key = (agency, form, start, end)
        found.setdefault(key, Credit(agency, form, text[start:end], start, end))
        covered.append((start, end))

    body_start = doc.body_start
    caption_lines = {doc.line_of(p.start) for p in doc.parts if p.kind == "caption"}
    lines = doc.lines()
    for part in doc.parts:
        if part.start < 0:
            continue
        if part.kind == "photo_credit":
            line = doc.line_of(part.start)
            tail = part.start > body_start and line not in caption_lines
            form = "sign_off" if tail and _COPYRIGHT.match(part.text) else "photo_credit"
            for agency, s, e in _list_credits(registry, text, part.start, part.end, form):
                add(agency, form, s, e)
        elif part.kind == "byline":
            for surface, _, _ in _mentions(registry, text, part.start, part.end, True):
                add(surface.agency, "byline", part.start, part.end)
        elif part.kind == "credit":
            form = "byline" if part.start < body_start else "sign_off"
            for agency, s, e in _list_credits(registry, text, part.start, part.end, "credit"):
                add(agency, form, s, e)
        elif part.kind == "boilerplate" and _COPYRIGHT.match(part.text):
            for surface, _, _ in _mentions(registry, text, part.start, part.end, True):
                add(surface.agency, "sign_off", part.start, part.end)
        elif part.kind == "dateline":
            listed = registry.resolve_list(text[part.start : part.end])
            for surface, _, _ in listed or []:
                add(surface.agency, "byline", part.start, part.end)

    # Datelines: "NIAMEY (AFP) -" at the start of one of the first lines.
    heads = {s for s, _ in lines[:4]} | {p.start for p in doc.parts if p.kind == "dateline"}
    heads |= {s for s, _ in doc.spans[:1]}
    for head in sorted(heads):
        m = _DATELINE.match(text, head)
        if m and not m.group("sep").strip() and not m.group("place"):
            m = None  # "(AFP) The ..." with neither place nor dash is not a dateline
        if m and m.end() - head <= 120:
            listed = registry.resolve_list(m.group("inside"))
            for surface, _, _ in listed or []:
                add(surface.agency, "dateline", m.start(), m.end() - 0)
        m = _DATELINE_COMMA.match(text, head)
        if m and m.end() - head <= 80:
            listed = registry.resolve_list(m.group("inside"))
            for surface, _, _ in listed or []:
                add(surface.agency, "dateline", m.start(), m.end() - 1)

    # Bylines in house styles the loader does not parse: "By X | Press Trust of India".
    for s, e in lines[:3]:
        if s >= body_start and not any(a <= s < b for a, b in doc.spans[:1]):
            break
        if _HEAD_BYLINE.match(text, s) and e - s <= 120:
            for surface, _, _ in _mentions(registry, text, s, e, True):
                add(surface.agency, "byline", s, e)

    # Sign-offs in the last lines: "(cs/afp/dpa)", "- AFP", "Source: AFP", "AFP/dpa".
    tail = [
        (s, e)
        for s, e in lines
        if e > body_start and not any(p.kind == "boilerplate" and p.start == s for p in doc.parts)
    ][-3:]
    for s, e in tail:
        line = text[s:e]
        listed = registry.resolve_list(line)
        if listed:
            for surface, _, _ in listed:
                add(surface.agency, "sign_off", s, e)
            continue
        if _TAIL_CREDIT_LINE.match(line) and e - s <= 120:
            for surface, _, _ in _mentions(registry, text, s, e, True):
                add(surface.agency, "sign_off", s, e)
            continue
        for pattern in (_TAIL_PAREN, _TAIL_DASH, _TAIL_SOURCE):
            m = pattern.search(line)
            if not m:
                continue
            a, b = s + m.start(), s + m.end()
            a += len(text[a:b]) - len(text[a:b].lstrip())
            b -= len(text[a:b]) - len(text[a:b].rstrip(" ."))
            inner = registry.resolve_list(m.group("inside"))
            if inner:
                for surface, _, _ in inner:
                    add(surface.agency, "sign_off", a, b)
            elif pattern is _TAIL_SOURCE or _CREDIT_WORDS.search(m.group("inside")):
                for surface, _, _ in _mentions(registry, text, a, b, True):
                    add(surface.agency, "sign_off", a, b)
            break

    # Running text: photo credits the loader missed, and in-text credits beside a cue.
    about: dict[str, bool] = {}
    for start, end in doc.spans:
        for surface, m_start, m_end in _mentions(registry, text, start, end, loose=False):
            if any(a <= m_start and m_end <= b for a, b in covered):
                continue
            if not surface.generic and _is_photo(text, m_start, m_end, text[m_start:m_end]):
                add(surface.agency, "photo_credit", *_photo_span(text, m_start, m_end))
                continue
            if surface.agency not in about:
                about[surface.agency] = _about_company(registry, text, surface.agency)
            cue = _in_text_cue(
                text[start:end], m_start - start, m_end - start, surface, about[surface.agency]
            )
            if cue:
                add(surface.agency, "in_text", start + cue[0], start + cue[1])
    return sorted(found.values(), key=lambda c: (c.start, c.end, c.agency, c.form))


def _photo_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The photo credit around a mention: from a "Photo"/"©" cue to the end of the credit."""
    line_start = text.rfind("\n", 0, start) + 1
    left = text[line_start:start]
    m = re.search(
        r"(?:\(|\b(?:photo(?:graph)?s?|pictures?|images?|foto|file\s+photo)\b|\u00a9|"
        r"\(c\)|\bcopyright\b|[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}\s*/\s*$)"
        r"[^()]*$",
        left,
        re.IGNORECASE,
    )
    a = line_start + m.start() if m else start
    if text[a] == "(":
        close = text.find(")", end)
        return a, close + 1 if close >= 0 and "\n" not in text[end:close] else end
    right = re.match(
        r"(?:\s*(?:photos?|pictures?|images?))?(?:\s*/\s*[\w.' \-]+?)?"
        r"(?:\s+via\s+Getty\s+Images)?(?=\s*[)\].,;]|\s*$)",
        text[end:],
        re.I,
    )
    return a, end + (right.end() if right else 0)


def find_attributions(corpus: Corpus, registry: Registry | None = None) -> pd.DataFrame:
    """The ``attributions`` table: every agency credit of every accepted article.

    Columns :data:`wiretrace.schema.ATTRIBUTION_COLUMNS`; ``start``/``end`` are offsets
    into ``article.text`` and ``evidence`` is ``article.text[start:end]``. ``registry``
    defaults to the shipped one (:func:`wiretrace.agencies.load_registry`). An article
    that credits no agency has no row (see :func:`provenance_scorecard` for the
    per-article view).
    """
    registry = registry or load_registry()
    rows = [
        {"article_id": article.article_id, **credit.__dict__}
        for article in corpus.articles
        if article.status == "ok"
        for credit in article_credits(article, registry)
    ]
    if not rows:
        return schema.empty(schema.ATTRIBUTION_COLUMNS)
    return pd.DataFrame(rows, columns=schema.ATTRIBUTION_COLUMNS)


def credited_agencies(
    attributions: pd.DataFrame, article_id: str, forms: Iterable[str] = TEXT_FORMS
) -> list[str]:
    """The agency ids an article credits in the given forms (default: text forms only)."""
    mine = attributions[attributions["article_id"] == article_id]
    return credits_by_article(mine, forms).get(article_id, [])


def credits_by_article(
    attributions: pd.DataFrame, forms: Iterable[str] = TEXT_FORMS
) -> dict[str, list[str]]:
    """:func:`credited_agencies` of every article at once: article id -> agency ids.

    Articles that credit nothing in ``forms`` are absent (look them up with ``.get``).
    """
    rows = attributions[attributions["form"].isin(list(forms))]
    return {aid: sorted(set(group)) for aid, group in rows.groupby("article_id")["agency"]}


# ------------------------------------------------------------------------- findings

#: The finding kinds this module produces.
FINDING_KINDS = ("attribution_dropped", "attribution_changed", "uncredited_reuse")
_FORM_WORDS = {
    "byline": "byline",
    "dateline": "dateline",
    "in_text": "in-text credit",
    "sign_off": "sign-off",
    "photo_credit": "photo credit",
}


def _claims_by_sentence(corpus: Corpus, claims: pd.DataFrame | None, registry: Registry):
    from wiretrace.claims import extract_claims

    table = claims if claims is not None else extract_claims(corpus, registry)
    out: dict[tuple[str, int], list[dict]] = {}
    for row in table.to_dict("records"):
        out.setdefault((row["article_id"], int(row["sentence_id"])), []).append(row)
    return out


class _SourceAgencies:
    """The agencies each source comes from, and the evidence, or ``([], "")`` (memoised).

    Looks first at the source's own text (its credits in text forms), then, for a wire
    article of the corpus, at its role, then at what the other copies of the same source
    credit (for a reconstructed consensus). Built once from an audit's tables, so a folder
    of many articles is not scanned again for every article.
    """

    def __init__(
        self,
        sources: dict,
        derivation: pd.DataFrame,
        attributions: pd.DataFrame,
        registry: Registry,
    ):
        self.sources = sources
        self.registry = registry
        self.credited = credits_by_article(attributions)
        reused = derivation[derivation["derivation"].isin(["wholly", "partially"])]
        self.copies = reused.groupby("source_id", sort=False)["article_id"].agg(list).to_dict()
        self._memo: dict[str, tuple[list[str], str]] = {}

    def __call__(self, source_id: str) -> tuple[list[str], str]:
        if source_id not in self._memo:
            self._memo[source_id] = self._find(source_id)
        return self._memo[source_id]

    def _find(self, source_id: str) -> tuple[list[str], str]:
        source = self.sources.get(source_id)
        if source is not None:
            credits = [c for c in article_credits(source, self.registry) if c.form in TEXT_FORMS]
            if credits:
                agencies = sorted({c.agency for c in credits})
                quoted = "; ".join(dict.fromkeys(f"'{c.evidence}'" for c in credits))
                return agencies, f"{source_id} credits {', '.join(agencies)} ({quoted})"
            if getattr(source, "role", "") == "wire":
                return ["wire"], f"{source_id} is wire copy (given as --wire)"
        crediting: dict[str, list[str]] = {}
        for copy in self.copies.get(source_id, []):
            for agency in self.credited.get(copy, []):
                crediting.setdefault(agency, []).append(copy)
        if crediting:
            agencies = sorted(crediting)
            who = "; ".join(
                f"{a} by {', '.join(sorted(ids))}" for a, ids in sorted(crediting.items())
            )
            return agencies, f"other copies of {source_id} credit it ({who})"
        return [], ""


def _paragraph_neighbour_claim(article, sentence_id: int, by_sentence: dict, source_claim):
    """A claim in the sentence before or after ``sentence_id``, in the same paragraph, whose
    speaker is the source claim's or a stronger one; None when there is none."""
    from wiretrace.claims import compare_speakers

    sentences = article.sentences
    here = sentences[sentence_id]
    for other_id in (sentence_id - 1, sentence_id + 1):
        if not 0 <= other_id < len(sentences):
            continue
        other = sentences[other_id]
        a, b = sorted([(here.start, here.end), (other.start, other.end)])
        if "\n" in article.text[a[1] : b[0]]:
            continue  # a paragraph break: the attribution does not carry over
        for claim in by_sentence.get((article.article_id, other_id), []):
            relation = compare_speakers(
                source_claim.speaker,
                source_claim.speaker_kind,
                claim["speaker"],
                claim["speaker_kind"],
            )
            if relation in ("same", "stronger"):
                return claim
    return None


def _finding(article_id, kind, severity, text, source_text, source_id, start, end, why) -> dict:
    return {
        "article_id": article_id,
        "kind": kind,
        "severity": severity,
        "text": text,
        "source_text": source_text,
        "source_id": source_id,
        "start": int(start),
        "end": int(end),
        "explanation": why,
    }


def _describe(claim) -> str:
    speaker = claim["speaker"] if isinstance(claim, dict) else claim.speaker
    kind = claim["speaker_kind"] if isinstance(claim, dict) else claim.speaker_kind
    return f"'{speaker}' ({kind.replace('_', ' ')})"


def attribution_findings(
    corpus: Corpus,
    alignments: pd.DataFrame,
    sources: dict,
    derivation: pd.DataFrame,
    attributions: pd.DataFrame,
    claims: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> pd.DataFrame:
    """Attribution findings: ``attribution_dropped``, ``attribution_changed`` and
    ``uncredited_reuse`` (columns :data:`wiretrace.schema.FINDING_COLUMNS`).

    ``alignments``, ``sources`` and ``derivation`` are the rewrite analysis tables (see
    ``notes/INTERFACES.md``): one row per article sentence with its aligned source
    wording and offsets, the source texts by id, and the derivation class of each
    article. ``attributions`` is :func:`find_attributions`' table and ``claims``
    :func:`wiretrace.claims.extract_claims`' (computed when not given).

    - ``attribution_dropped`` (one per aligned sentence): the source sentence attributes
      a statement and neither the article sentence nor another sentence aligned to the
      same source wording attributes anything: the rewrite states it as fact (``high``
      for a direct quote or an anonymous source's claim, else ``medium``).
    - ``attribution_changed`` (one per aligned sentence): the article credits a speaker no
      source statement supports: stronger (an anonymous source becomes the ministry:
      ``high``), another speaker of the same strength (``medium``) or a weaker one
      (``low``). See :func:`wiretrace.claims.compare_speakers`.
    - ``uncredited_reuse`` (one per article): the article is wholly (``high``) or
      partially (``medium``) derived from a source that comes from an agency, and credits
      no agency in any text form (a photo credit does not count). When ``derivation`` has
      a ``primary`` column, only the primary source of each article is considered.

    ``start``/``end`` are offsets into the article's text (taken from the article's own
    sentences by ``sentence_id``, so the alignment's offset columns are optional); ``text``
    is the article wording there. Wire articles are not audited. Returns an empty table
    when nothing is found.
    """
    from wiretrace.claims import claims_in_text, compare_speakers

    registry = registry or load_registry()
    rows: list[dict] = []
    ok = {a.article_id: a for a in corpus.articles if a.status == "ok" and a.role != "wire"}
    aligned = (
        alignments[alignments["article_id"].isin(list(ok)) & (alignments["label"] != "new")]
        if len(alignments)
        else alignments
    )
    if len(aligned):
        by_sentence = _claims_by_sentence(corpus, claims, registry)
        source_claims: dict[str, list] = {}
        records = aligned.to_dict("records")
        # The article's sentences aligned to the same source wording (a split sentence).
        same_wording: dict[tuple, list[int]] = {}
        for row in records:
            key = (row["article_id"], row["source_id"], row["source_text"])
            same_wording.setdefault(key, []).append(int(row["sentence_id"]))
        for row in records:
            source_text = str(row["source_text"])
            if source_text not in source_claims:
                source_claims[source_text] = claims_in_text(source_text, registry)
            said = source_claims[source_text]
            if not said:
                continue
            article_id = row["article_id"]
            own = by_sentence.get((article_id, int(row["sentence_id"])), [])
            siblings = same_wording[(article_id, row["source_id"], row["source_text"])]
            kin = [
                c
                for s in siblings
                if s != int(row["sentence_id"])
                for c in by_sentence.get((article_id, s), [])
            ]
            text = ok[article_id].text
            sentence = ok[article_id].sentences[int(row["sentence_id"])]
            start, end = sentence.start, sentence.end
            if not own and not kin:
                main = next((c for c in said if c.claim_type == "quote"), said[0])
                quote = main.claim_type == "quote"
                severity = "high" if quote or main.speaker_kind == "anonymous_source" else "medium"
                what = "a direct quote" if quote else "a statement"
                near = _paragraph_neighbour_claim(
                    ok[article_id], int(row["sentence_id"]), by_sentence, main
                )
                caveat = ""
                if near is not None:
                    severity = "low"
                    caveat = (
                        f" The next or previous sentence of the same paragraph attributes to "
                        f"{_describe(near)}, which a reader may take to cover this one."
                    )
                rows.append(
                    _finding(
                        article_id,
                        "attribution_dropped",
                        severity,
                        text[start:end],
                        source_text,
                        row["source_id"],
                        start,
                        end,
                        f"The source attributes {what} to {_describe(main)} "
                        f"('{source_text[main.start : main.end]}'); this sentence gives no "
                        f"source for it and states it as fact.{caveat}",
                    )
                )
                continue
            worst = None
            for claim in own:
                relations = [
                    compare_speakers(
                        s.speaker, s.speaker_kind, claim["speaker"], claim["speaker_kind"]
                    )
                    for s in said
                ]
                if "same" in relations:
                    continue
                rank = {"stronger": 3, "different": 2, "weaker": 1}
                best = max(range(len(said)), key=lambda i: rank[relations[i]])
                if worst is None or rank[relations[best]] > rank[worst[0]]:
                    worst = (relations[best], said[best], claim)
            if worst is not None:
                relation, before, after = worst
                severity = {"stronger": "high", "different": "medium", "weaker": "low"}[relation]
                change = {
                    "stronger": "a stronger source than the source did",
                    "different": "a different speaker than the source did",
                    "weaker": "a weaker source than the source did",
                }[relation]
                a_start, a_end = int(after["start"]), int(after["end"])
                rows.append(
                    _finding(
                        article_id,
                        "attribution_changed",
                        severity,
                        text[a_start:a_end],
                        source_text,
                        row["source_id"],
                        a_start,
                        a_end,
                        f"The rewrite credits {change}: the source has {_describe(before)} "
                        f"('{source_text[before.start : before.end]}'), the rewrite "
                        f"{_describe(after)} ('{text[a_start:a_end]}').",
                    )
                )
    rows.extend(_uncredited(ok, alignments, sources, derivation, attributions, registry))
    if not rows:
        return schema.empty(schema.FINDING_COLUMNS)
    table = pd.DataFrame(rows, columns=schema.FINDING_COLUMNS)
    return table.sort_values(["article_id", "start", "kind"], kind="stable").reset_index(drop=True)


def _uncredited(ok, alignments, sources, derivation, attributions, registry) -> list[dict]:
    rows = []
    if derivation is None or not len(derivation):
        return rows
    derived = primary_rows(derivation)
    derived = derived[derived["derivation"].isin(["wholly", "partially"])]
    source_agencies = _SourceAgencies(sources, derivation, attributions, registry)
    photo_credits = credits_by_article(attributions, forms=("photo_credit",))
    by_article = {aid: rows for aid, rows in alignments.groupby("article_id", sort=False)}
    for article_id, group in derived.groupby("article_id", sort=True):
        if article_id not in ok or source_agencies.credited.get(article_id):
            continue
        order = {"wholly": 0, "partially": 1}
        group = group.assign(_o=group["derivation"].map(order)).sort_values(
            ["_o", "containment"], ascending=[True, False], kind="stable"
        )
        mine = by_article.get(article_id, alignments.iloc[:0])
        for record in group.to_dict("records"):
            source_id = record["source_id"]
            agencies, evidence = source_agencies(source_id)
            if not agencies:
                continue
            reused = mine[(mine["source_id"] == source_id) & (mine["label"] != "new")]
            n_all = len(mine)
            article = ok[article_id]
            if len(reused):
                best = reused.sort_values(
                    ["similarity", "sentence_id"], ascending=[False, True], kind="stable"
                ).iloc[0]
                sentence = article.sentences[int(best["sentence_id"])]
                start, end, source_text = sentence.start, sentence.end, best["source_text"]
                share = f"{len(reused)} of {n_all} sentences align with it"
            else:
                first = article.sentences[0]
                start, end, source_text, share = first.start, first.end, "", "sentences align"
            photo = photo_credits.get(article_id, [])
            extra = f" (it has only a photo credit: {', '.join(photo)})" if photo else ""
            names = [a if a == "wire" else registry.name(a) for a in agencies]
            names = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            rows.append(
                _finding(
                    article_id,
                    "uncredited_reuse",
                    "high" if record["derivation"] == "wholly" else "medium",
                    article.text[start:end],
                    source_text,
                    source_id,
                    start,
                    end,
                    f"{article_id} is {record['derivation']} derived from {source_id} "
                    f"(containment {float(record['containment']):.2f}; {share}), which comes "
                    f"from {names}: {evidence}. {article_id} credits no agency in its "
                    f"byline, dateline, text or sign-off{extra}.",
                )
            )
            break
    return rows


# ------------------------------------------------------------------------ scorecard

SCORECARD_COLUMNS = [
    "article_id",
    "agencies_credited",
    "credit_forms",
    "photo_credits",
    "provenance",
    "source_agencies",
    "source_attributions",
    "attributions_kept_share",
    "attributions_dropped",
    "attributions_changed",
]
VERDICTS = ("credited wire copy", "uncredited wire copy", "original or unknown", "mixed")


def provenance_scorecard(
    corpus: Corpus,
    attributions: pd.DataFrame,
    findings: pd.DataFrame,
    alignments: pd.DataFrame | None = None,
    sources: dict | None = None,
    derivation: pd.DataFrame | None = None,
    registry: Registry | None = None,
) -> pd.DataFrame:
    """Provenance per accepted article (columns :data:`SCORECARD_COLUMNS`).

    - ``agencies_credited``/``credit_forms``: agency ids and forms credited in text forms,
      ``; ``-joined; ``photo_credits``: agencies credited only for photos.
    - ``source_agencies``: the agencies the article's wire source comes from (empty when
      the article is not derived or its source names none).
    - ``provenance`` (:data:`VERDICTS`): ``uncredited wire copy`` when an
      ``uncredited_reuse`` finding exists; for an article derived from agency copy,
      ``credited wire copy`` when it credits one of the source's agencies or unnamed
      agencies, else ``mixed`` (it credits an agency, not the one it copies); for an
      article not derived (or without a derivation table), ``credited wire copy`` when it
      credits an agency in its byline, dateline or sign-off, or (no derivation table) in
      its text, else ``original or unknown``.
    - ``source_attributions``: aligned source sentences that attribute a statement;
      ``attributions_kept_share`` = share of them neither dropped nor changed (in [0, 1];
      empty when there are none); ``attributions_dropped``/``attributions_changed``: the
      counts of those findings.
    """
    from wiretrace.claims import claims_in_text

    registry = registry or load_registry()
    alignments = alignments if alignments is not None else schema.empty(schema.ALIGNMENT_COLUMNS)
    sources = sources or {}
    have_derivation = derivation is not None and len(derivation) > 0
    derivation = derivation if derivation is not None else schema.empty(schema.DERIVATION_COLUMNS)
    said: dict[str, bool] = {}
    # Every per-article lookup grouped once, so the loop does not rescan the tables.
    agencies_of = _SourceAgencies(sources, derivation, attributions, registry)
    photo_credits = credits_by_article(attributions, forms=("photo_credit",))
    forms_of = attributions.groupby("article_id")["form"].agg(set).to_dict()
    kinds_of = findings.groupby("article_id")["kind"].agg(list).to_dict() if len(findings) else {}
    primary = primary_rows(derivation)
    reused = primary[primary["derivation"].isin(["wholly", "partially"])]
    sources_of = reused.groupby("article_id", sort=False)["source_id"].agg(list).to_dict()
    aligned = alignments[alignments["label"] != "new"] if len(alignments) else alignments
    aligned_texts = (
        aligned.groupby("article_id", sort=False)["source_text"].agg(list).to_dict()
        if len(aligned)
        else {}
    )
    rows = []
    for article in corpus.articles:
        if article.status != "ok":
            continue
        aid = article.article_id
        credited = agencies_of.credited.get(aid, [])
        present = forms_of.get(aid, set())
        forms = [f for f in schema.ATTRIBUTION_FORMS if f in present and f in TEXT_FORMS]
        photo = sorted(set(photo_credits.get(aid, [])) - set(credited))
        kinds = kinds_of.get(aid, [])
        source_agencies: list[str] = []
        for source_id in sources_of.get(aid, []):
            agencies, _ = agencies_of(source_id)
            source_agencies.extend(a for a in agencies if a not in source_agencies)
        if "uncredited_reuse" in kinds:
            verdict = "uncredited wire copy"
        elif source_agencies:
            fits = set(credited) & (set(source_agencies) | {"agencies", "wire"})
            verdict = "credited wire copy" if fits or "wire" in source_agencies else "mixed"
            if not credited:
                verdict = "uncredited wire copy"
        elif credited and (set(forms) & {"byline", "dateline", "sign_off"} or not have_derivation):
            verdict = "credited wire copy"
        else:
            verdict = "original or unknown"
        attributed = 0
        for text in dict.fromkeys(str(t) for t in aligned_texts.get(aid, [])):
            if text not in said:
                said[text] = bool(claims_in_text(text, registry))
            attributed += said[text]
        dropped, changed = kinds.count("attribution_dropped"), kinds.count("attribution_changed")
        share = max(0.0, (attributed - dropped - changed) / attributed) if attributed else None
        rows.append(
            {
                "article_id": aid,
                "agencies_credited": "; ".join(credited),
                "credit_forms": "; ".join(forms),
                "photo_credits": "; ".join(photo),
                "provenance": verdict,
                "source_agencies": "; ".join(sorted(source_agencies)),
                "source_attributions": attributed,
                "attributions_kept_share": round(share, 4) if share is not None else None,
                "attributions_dropped": dropped,
                "attributions_changed": changed,
            }
        )
    return pd.DataFrame(rows, columns=SCORECARD_COLUMNS)


def credit_matrix(corpus: Corpus, attributions: pd.DataFrame) -> pd.DataFrame:
    """Articles x agencies: how each accepted article credits each agency.

    One row per accepted article (index ``article_id``, in corpus order, articles that
    credit nothing included with empty cells) and one column per agency credited anywhere
    (sorted ids); a cell lists the forms of that credit in :data:`wiretrace.schema.
    ATTRIBUTION_FORMS` order, ``; ``-joined, or is empty. For the provenance notebook's
    matrix; photo credits appear as ``photo_credit`` like any other form.
    """
    ids = [a.article_id for a in corpus.articles if a.status == "ok"]
    agencies = sorted(set(attributions["agency"])) if len(attributions) else []
    cells = (
        {
            (aid, agency): "; ".join(f for f in schema.ATTRIBUTION_FORMS if f in set(group["form"]))
            for (aid, agency), group in attributions.groupby(["article_id", "agency"])
        }
        if len(attributions)
        else {}
    )
    table = pd.DataFrame(
        [[cells.get((aid, agency), "") for agency in agencies] for aid in ids],
        index=pd.Index(ids, name="article_id"),
        columns=agencies,
    )
    return table
