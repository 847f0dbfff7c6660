"""Agency credits: which agencies each article credits, and in which form.

:func:`find_attributions` returns the ``attributions`` table of the output contract, one
row per credit: ``article_id, agency, form, evidence, start, end``, where ``agency`` is a
registry id (:mod:`wiretrace.language.agencies`), ``evidence`` the exact wording that credits it
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
:mod:`wiretrace.language.agencies` for the ``ambiguous`` and ``other_meanings`` fields that drive
this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from wiretrace import schema
from wiretrace.ingest.corpus import Corpus
from wiretrace.ingest.credit_patterns import (
    AGENCY_DATELINE,
    AGENCY_DATELINE_COMMA,
    COPYRIGHT,
    CREDIT_WORDS,
    HEAD_BYLINE,
    HOUSE_CREDITS,
    NAME_SLASH_LEFT,
    PHOTO_CREDIT_END,
    PHOTO_CREDIT_START,
    PHOTO_LEFT,
    PHOTO_RIGHT,
    PHOTO_SLASH_NAME,
    TAIL_CREDIT_LINE,
    TAIL_DASH,
    TAIL_PAREN,
    TAIL_SOURCE,
)
from wiretrace.ingest.textmeta import MetaPart, extract_parts, text_lines
from wiretrace.language.agencies import Registry, Surface, load_registry
from wiretrace.language.resources import word_groups

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
#: What a count or report "according to" may be before its author: "according to a
#: tally by AFP", "according to figures from Reuters".
_COUNTED_BY = (
    r"(?:(?:an?|the)\s+)?(?:[a-z][\w\-]*\s+){0,2}?(?:tally|count|report|reports|calculations?|"
    r"analysis|survey|estimates?|figures|data|review|investigation)\s+(?:by|from|of)\s+"
    rf"{_AGENCY_NOUN}"
)
_LEFT_WEAK = [
    re.compile(
        rf"(?P<cue>\b[Aa]ccording\s+to\s+)(?:{_COUNTED_BY}|{_AGENCY_NOUN}"
        r"|the\s+(?:[a-z][\w\-]*\s+){1,2})$"
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
_COMPANY_SAFE = word_groups("credit_words")["company_safe_cue"]
#: What may follow a name credited by a left cue: punctuation, the end, or a word that
#: cannot make the name a modifier ("told AFP that", not "according to AP government").
_AFTER_OK = re.compile(
    r"^(?:\s*(?:[,.;:)\]\"\u201d'\u2019]|$)|\s+(?:"
    + "|".join(sorted(word_groups("credit_words")["after_name"]))
    + r")\b)",
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
_NOT_GIVEN_NAMES = word_groups("credit_words")["not_given_name"]
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau|Mx)\.?\s+$")


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

    @cached_property  # read for every line of a long text: computed once
    def body_start(self) -> int:
        return min((s for s, _ in self.spans), default=len(self.text))

    def lines(self) -> list[tuple[int, int]]:
        return list(text_lines(self.text))

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
    if PHOTO_LEFT.search(left) or PHOTO_RIGHT.match(right):
        return True
    if found.isupper() and PHOTO_SLASH_NAME.match(right):
        return True  # "REUTERS/Amr Abdallah Dalsh", "AP Photo/..."
    return bool(NAME_SLASH_LEFT.search(left)) and bool(
        re.match(r"^\s*(?:via\s+getty[\w ]*)?\s*\)?\s*\.?\s*$", right, re.IGNORECASE)
    )


def _about_company(
    registry: Registry, text: str, agency: str, spellings: list[tuple[int, int, str]]
) -> bool:
    """Whether ``text`` treats ``agency`` as a company or its names mean something else;
    ``spellings``: ``(start, end, agency)`` of every agency spelling in ``text``."""
    if registry.other_meaning_in(agency, text):
        return True
    for start, end, found in spellings:
        if found != agency:
            continue
        if _COMPANY_RIGHT.match(text[end : end + 80]) or _COMPANY_LEFT.search(
            text[max(0, start - 60) : start]
        ):
            return True
    return False


def _spellings(registry: Registry, text: str) -> list[tuple[int, int, str]]:
    """``(start, end, agency)`` of every agency spelling in ``text`` (strict reading)."""
    out = []
    for m in registry.pattern.finditer(text):
        surface = registry.resolve(m.group(), loose=False)
        if surface is not None:
            out.append((m.start(), m.end(), surface.agency))
    return out


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
    if form == "sign_off" and not (CREDIT_WORDS.search(inside) or COPYRIGHT.match(inside)):
        return []
    return [(s.agency, start, end) for s, _, _ in _mentions(registry, text, start, end, True)]


@dataclass
class _Finder:
    """The credits of one document, collected place by place (see :func:`article_credits`)."""

    registry: Registry
    doc: _Doc
    found: dict[tuple[str, str, int, int], Credit] = field(default_factory=dict)
    covered: list[tuple[int, int]] = field(default_factory=list)

    def add(self, agency: str, form: str, start: int, end: int) -> None:
        """Record a credit of ``agency`` in ``form`` with the evidence ``text[start:end]``."""
        key = (agency, form, start, end)
        self.found.setdefault(key, Credit(agency, form, self.doc.text[start:end], start, end))
        self.covered.append((start, end))

    def add_all(self, surfaces, form: str, start: int, end: int) -> None:
        """Record each ``(surface, ...)`` of a list or of mentions with one evidence span."""
        for surface, _, _ in surfaces or []:
            self.add(surface.agency, form, start, end)

    def mentions(self, start: int, end: int) -> list:
        """The agency spellings in ``text[start:end]``, read as a credit line (loosely)."""
        return list(_mentions(self.registry, self.doc.text, start, end, True))

    def from_parts(self) -> None:
        """Credits in the loader's metadata parts: bylines, credit lines, photo credits,
        copyright boilerplate and datelines."""
        doc, text, registry = self.doc, self.doc.text, self.registry
        body_start = doc.body_start
        caption_lines = {doc.line_of(p.start) for p in doc.parts if p.kind == "caption"}
        for part in doc.parts:
            if part.start < 0:
                continue
            if part.kind == "photo_credit":
                tail = part.start > body_start and doc.line_of(part.start) not in caption_lines
                form = "sign_off" if tail and COPYRIGHT.match(part.text) else "photo_credit"
                for agency, s, e in _list_credits(registry, text, part.start, part.end, form):
                    self.add(agency, form, s, e)
            elif part.kind == "byline":
                self.add_all(self.mentions(part.start, part.end), "byline", part.start, part.end)
            elif part.kind == "credit":
                form = "byline" if part.start < body_start else "sign_off"
                self.add_house(form, part.start, part.end)
                for agency, s, e in _list_credits(registry, text, part.start, part.end, "credit"):
                    self.add(agency, form, s, e)
            elif part.kind == "boilerplate" and COPYRIGHT.match(part.text):
                self.add_all(self.mentions(part.start, part.end), "sign_off", part.start, part.end)
            elif part.kind == "dateline":
                listed = registry.resolve_list(text[part.start : part.end])
                self.add_all(listed, "byline", part.start, part.end)

    def add_house(self, form: str, start: int, end: int) -> None:
        """Credit the agency whose house-style credit line ``text[start:end]`` is
        (:data:`~wiretrace.ingest.credit_patterns.HOUSE_CREDITS`: Reuters' "(Reporting by
        X; Editing by Y)")."""
        line = self.doc.text[start:end].strip()
        for agency, pattern in HOUSE_CREDITS:
            if pattern.fullmatch(line) and agency in self.registry.agencies:
                self.add(agency, form, start, end)

    def from_datelines(self) -> None:
        """Datelines: "NIAMEY (AFP) -", "CANBERRA, AAP -" at the start of a first line."""
        doc, text = self.doc, self.doc.text
        heads = {s for s, _ in doc.lines()[:4]} | {
            p.start for p in doc.parts if p.kind == "dateline"
        }
        heads |= {s for s, _ in doc.spans[:1]}
        for head in sorted(heads):
            m = AGENCY_DATELINE.match(text, head)
            if m and not m.group("sep").strip() and not m.group("place"):
                m = None  # "(AFP) The ..." with neither place nor dash is not a dateline
            if m and m.end() - head <= 120:
                listed = self.registry.resolve_list(m.group("inside"))
                self.add_all(listed, "dateline", m.start(), m.end() - 0)
            m = AGENCY_DATELINE_COMMA.match(text, head)
            if m and m.end() - head <= 80:
                listed = self.registry.resolve_list(m.group("inside"))
                self.add_all(listed, "dateline", m.start(), m.end() - 1)

    def from_head_bylines(self) -> None:
        """Bylines in house styles the loader does not parse: "By X | Press Trust of India"."""
        doc, text = self.doc, self.doc.text
        for s, e in doc.lines()[:3]:
            if s >= doc.body_start and not any(a <= s < b for a, b in doc.spans[:1]):
                break
            if HEAD_BYLINE.match(text, s) and e - s <= 120:
                self.add_all(self.mentions(s, e), "byline", s, e)

    def from_tail(self) -> None:
        """Sign-offs in the last three lines: "(cs/afp/dpa)", "- AFP", "Source: AFP"."""
        doc, text, registry = self.doc, self.doc.text, self.registry
        boilerplate = {p.start for p in doc.parts if p.kind == "boilerplate"}
        tail = [(s, e) for s, e in doc.lines() if e > doc.body_start and s not in boilerplate]
        for s, e in tail[-3:]:
            line = text[s:e]
            listed = registry.resolve_list(line)
            if listed:
                self.add_all(listed, "sign_off", s, e)
            elif TAIL_CREDIT_LINE.match(line) and e - s <= 120:
                self.add_all(self.mentions(s, e), "sign_off", s, e)
                self.add_house("sign_off", s, e)
            else:
                self._tail_pattern(s, line)

    def _tail_pattern(self, s: int, line: str) -> None:
        """A sign-off at the end of a tail line: bracketed, after a dash, after "Source:"."""
        text = self.doc.text
        for pattern in (TAIL_PAREN, TAIL_DASH, TAIL_SOURCE):
            m = pattern.search(line)
            if not m:
                continue
            a, b = s + m.start(), s + m.end()
            a += len(text[a:b]) - len(text[a:b].lstrip())
            b -= len(text[a:b]) - len(text[a:b].rstrip(" ."))
            inner = self.registry.resolve_list(m.group("inside"))
            if inner:
                self.add_all(inner, "sign_off", a, b)
            elif pattern is TAIL_SOURCE or CREDIT_WORDS.search(m.group("inside")):
                self.add_all(self.mentions(a, b), "sign_off", a, b)
            break

    def from_running_text(self) -> None:
        """Running text: photo credits the loader missed, and in-text credits beside a cue."""
        registry, text = self.registry, self.doc.text
        about: dict[str, bool] = {}
        spellings = None  # every agency spelling of the text, read once when first needed
        for start, end in self.doc.spans:
            for surface, m_start, m_end in _mentions(registry, text, start, end, loose=False):
                if any(a <= m_start and m_end <= b for a, b in self.covered):
                    continue
                if not surface.generic and _is_photo(text, m_start, m_end, text[m_start:m_end]):
                    self.add(surface.agency, "photo_credit", *_photo_span(text, m_start, m_end))
                    continue
                if surface.agency not in about:
                    spellings = spellings if spellings is not None else _spellings(registry, text)
                    about[surface.agency] = _about_company(
                        registry, text, surface.agency, spellings
                    )
                cue = _in_text_cue(
                    text[start:end], m_start - start, m_end - start, surface, about[surface.agency]
                )
                if cue:
                    self.add(surface.agency, "in_text", start + cue[0], start + cue[1])


def article_credits(article, registry: Registry | None = None) -> list[Credit]:
    """Every agency credit in one article (or an Article-like object with ``.text``).

    Uses the article's metadata parts (:mod:`wiretrace.ingest.textmeta`) when it has them,
    else extracts them from the text. Returns :class:`Credit` rows in text order; an agency
    credited twice in the same form at different places gives two rows.
    """
    finder = _Finder(registry or load_registry(), _Doc.of(article))
    finder.from_parts()
    finder.from_datelines()
    finder.from_head_bylines()
    finder.from_tail()
    finder.from_running_text()
    return sorted(finder.found.values(), key=lambda c: (c.start, c.end, c.agency, c.form))


def _photo_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The photo credit around a mention: from a "Photo"/"©" cue to the end of the credit."""
    line_start = text.rfind("\n", 0, start) + 1
    left = text[line_start:start]
    m = PHOTO_CREDIT_START.search(left)
    a = line_start + m.start() if m else start
    if text[a] == "(":
        close = text.find(")", end)
        return a, close + 1 if close >= 0 and "\n" not in text[end:close] else end
    right = PHOTO_CREDIT_END.match(text[end:])
    return a, end + (right.end() if right else 0)


def find_attributions(corpus: Corpus, registry: Registry | None = None) -> pd.DataFrame:
    """The ``attributions`` table: every agency credit of every accepted article.

    Columns :data:`wiretrace.schema.ATTRIBUTION_COLUMNS`; ``start``/``end`` are offsets
    into ``article.text`` and ``evidence`` is ``article.text[start:end]``. ``registry``
    defaults to the shipped one (:func:`wiretrace.language.agencies.load_registry`). An
    article that credits no agency has no row (see
    :func:`wiretrace.report.provenance.provenance_scorecard` for the per-article view).
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
