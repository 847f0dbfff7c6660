"""The shapes of credit lines, sign-offs, datelines and photo credits, defined once.

Two readers share these patterns: :mod:`wiretrace.ingest.textmeta` cuts such lines out of
the body (the loader's patterns, first section), and :mod:`wiretrace.provenance.credits`
reads which agency they name (the credit finder's patterns, second section). Every
pattern is a compiled :class:`re.Pattern`; groups are named where a reader uses them
(``inside`` is the text that may name agencies, ``cue`` the wording that makes a credit).
"""

from __future__ import annotations

import re

from wiretrace.language.agencies import load_registry
from wiretrace.language.resources import word_groups, word_values

#: The opening of a copyright notice: "Copyright", "\u00a9", "(c) ".
COPYRIGHT_MARK = r"(?:copyright\b|\u00a9|\(c\)\s)"
#: Words that name a photo ("photo", "pictures", "file photo").
PHOTO_WORD = r"(?:photo(?:graph)?s?|pictures?|images?|foto|file\s+photo)"

# ------------------------------------------------------ the loader: lines kept out of the body


def _spellings(generic: bool) -> str:
    """An alternation of the shipped registry's spellings of named (or generic) agencies."""
    agencies = [a for a in load_registry().agencies.values() if a.generic == generic]
    spellings = {s for a in agencies for s in (*a.abbreviations, *a.aliases)}
    ordered = sorted(spellings, key=lambda s: (-len(s), s))
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered)


#: Every spelling of a named agency in the registry (``data/agencies.csv``), longest first.
AGENCY_NAMES = _spellings(generic=False)
#: Every spelling of the unnamed credit ("agencies", "agency inputs", "wire services").
GENERIC_NAMES = _spellings(generic=True)
#: The words that open a credit line before a colon, in several languages ("Source",
#: "Quelle", "Fuente", "Fonte", "Bron"; ``data/credit_words.csv``, ``source_label``).
SOURCE_LABEL = "(?:" + "|".join(sorted(word_groups("credit_words")["source_label"])) + ")"
#: A line saying who contributed to the story: "The Associated Press contributed to this
#: report.", "AFP contributed reporting.", "Material from Reuters was used in this report.",
#: "This story includes reporting from The Canadian Press." (group ``inside``).
CONTRIBUTED_LINE = re.compile(
    r"(?:(?P<inside>[^\s()][^()]{1,60}?)\s+contributed\s+(?:to\s+this\s+(?:report|story|article)"
    r"|(?:additional\s+)?reporting(?:\s+to\s+this\s+(?:report|story|article))?)"
    r"|material\s+from\s+(?P<material>[^()]{2,60}?)\s+(?:was|has\s+been)\s+used\s+in\s+this\s+"
    r"(?:report|story|article)"
    r"|this\s+(?:story|report|article)\s+(?:includes|contains|uses|has)\s+(?:reporting|material|"
    r"information|content)\s+from\s+(?P<from>[^()]{2,60}?))\s*\.?",
    re.IGNORECASE,
)
#: A syndication notice: "(This story ... is auto-generated from a syndicated feed.)".
SYNDICATION_NOTICE = (
    r"[^()]*\b(?:auto-?generated|published|taken|sourced|generated)\s+from\s+(?:an?\s+)?"
    r"syndicated\s+(?:news\s+)?feed\b[^()]*"
)
#: A whole line that is a credit: "(With inputs from agencies)", "Reporting by X",
#: "Source: AFP", "Quelle: dpa", "cs/afp/dpa", "(agencies)", "(Agency inputs)", a line of
#: :data:`CONTRIBUTED_LINE` or a syndication notice (:data:`SYNDICATION_NOTICE`).
CREDIT_LINE = re.compile(
    r"\(?\s*(?:with\s+(?:inputs?|reporting|additional\s+reporting)\s+from\b[^()]*"
    r"|with\s+agency\s+(?:reports|inputs)"
    r"|(?:additional\s+)?reporting\s+by\b[^()]*"
    rf"|{SOURCE_LABEL}\s*:\s*[^()]+"
    r"|[a-z]{1,4}(?:/[a-z]{2,})+"
    rf"|{CONTRIBUTED_LINE.pattern}"
    rf"|{SYNDICATION_NOTICE}"
    rf"|{GENERIC_NAMES})\s*\)?\.?",
    re.IGNORECASE,
)
#: House-style credit lines that credit an agency without naming it, ``(agency, pattern)``
#: (``data/house_credits.csv``: Reuters' "(Reporting by X; Editing by Y)").
HOUSE_CREDITS = tuple(
    (agency, re.compile(pattern))
    for agency, patterns in word_values("house_credits").items()
    for pattern in patterns
)
#: A credit at the end of the last paragraph: "(cs/afp)", "(With inputs from PTI)",
#: "(Reporting by X)", "- AFP", "- Kyodo News" (group ``credit``).
SIGN_OFF = re.compile(
    r"\s*(?P<credit>\((?:[a-z]{1,4}/)+[a-z]{2,}\)|\(with\s[^()]{3,60}\)"
    r"|\((?:reporting|writing|editing)\s+by\s[^()]{3,120}\)"
    rf"|[-\u2013\u2014]\s*(?:{AGENCY_NAMES}))\s*$",
    re.IGNORECASE,
)
#: A place name of up to four capitalised words ("NEW DELHI", "Niamey, Niger").
PLACE = r"[A-Z][\w.'\-]+(?:[ /,]+[A-Z][\w.'\-]+){0,3}"
#: A dateline opening a paragraph: "NIAMEY (AFP) -", "New Delhi, Mar 5 -" (group
#: ``dateline``; the story goes on after it).
DATELINE_INLINE = re.compile(
    rf"(?P<dateline>{PLACE}(?:\s*,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    r"\s*(?:\([^()]{2,40}\))?\s*[\u2013\u2014-]{1,2})\s+(?=[A-Z\"\u201c'])"
)
#: A line that is only a dateline ("BERLIN", "Paris, France").
DATELINE_LINE = re.compile(rf"(?:{PLACE}|[A-Z][A-Z .'/-]{{2,40}})")
#: A photo credit ending a caption line: "... \u00a9 afp", "Photo: Reuters" (group ``credit``).
PHOTO_CREDIT = re.compile(
    rf"(?P<credit>(?:{COPYRIGHT_MARK}|(?:photo|image|picture|file photo)"
    r"\s*(?:credit)?\s*:)\s*[^\n]{1,80})$",
    re.IGNORECASE,
)

# --------------------------------------------- the credit finder: where agencies are named

#: A dateline with the agency in parentheses: "NIAMEY (AFP) -", "New Delhi, Mar 5 (PTI)"
#: (groups ``place``, ``inside``, ``sep``).
AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'\u2019\-]*(?:[ /,]+[A-Za-z][\w.'\u2019\-]*){0,4}?"
    r"(?:\s*\[[^\[\]\n]{2,30}\])?)?\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)\s*)?"
    r"\((?P<inside>[^()\n]{2,60})\)(?P<sep>\s*(?:[-\u2013\u2014:|]+|\.-)|\s+(?=[A-Z\"\u201c]))"
)
#: A dateline with the agency after a comma and no parentheses: "CANBERRA, AAP -".
AGENCY_DATELINE_COMMA = re.compile(
    r"(?P<place>[A-Z][\w.'\u2019\-]*(?:[ /]+[A-Za-z][\w.'\u2019\-]*){0,3}),\s*"
    r"(?P<inside>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3})\s*[-\u2013\u2014:]+\s"
)
#: A head line that is a byline in any house style: "By X | Press Trust of India",
#: "Written by: Staff Writer with agency inputs".
HEAD_BYLINE = re.compile(
    r"^(?:by|written\s+by|reported\s+by|posted\s+by|edited\s+by)\b\s*:?\s*\S", re.IGNORECASE
)
#: A tail line that is a credit without parentheses: "Inputs from PTI".
TAIL_CREDIT_LINE = re.compile(
    r"^[-\u2013\u2014]*\s*(?:with\s+)?(?:inputs?\s+from|(?:additional\s+)?reporting\s+by|"
    r"compiled\s+(?:by|from)|written\s+with|with\s+\w+\s+inputs)\b",
    re.IGNORECASE,
)
#: A tail line's sign-off in brackets, after a dash, or after "Source:" (group ``inside``).
TAIL_PAREN = re.compile(r"[(\[]\s*(?P<inside>[^()\[\]\n]{2,120}?)\s*[)\]]\s*\.?\s*$")
TAIL_DASH = re.compile(
    r"(?:^|\s)[-\u2013\u2014]{1,2}\s*(?P<inside>[A-Za-z][\w .&/,'\-]{1,60}?)\s*\.?\s*$"
)
TAIL_SOURCE = re.compile(rf"^{SOURCE_LABEL}\s*:\s*(?P<inside>.{{2,120}})$", re.IGNORECASE)
#: Words that make a bracketed or dashed tail a credit even when it names more than agencies.
CREDIT_WORDS = re.compile(
    r"\b(?:with|inputs?|reporting|reported|source|sources|writing|written|edited|editing|"
    r"compiled|additional|agencies|courtesy|credit|copyright)\b",
    re.IGNORECASE,
)
#: A copyright notice at the start of a line or part.
COPYRIGHT = re.compile(rf"^\s*{COPYRIGHT_MARK}", re.IGNORECASE)
#: What stands left of an agency named in a photo credit in running text: "Photo: ",
#: "Pictures by Name / ", "\u00a9 ", "Copyright 2024 ".
PHOTO_LEFT = re.compile(
    r"(?:(?<=[.!?)]\s)credit\s*:\s*"
    rf"|\b{PHOTO_WORD}\b\s*(?:credit\s*)?"
    r"(?:by\s+)?[:|]?\s*(?:[^\n:|()]{0,60}?\s*/\s*)?|\u00a9\s*|\(c\)\s*|\bcopyright\s+"
    r"(?:\d{4}\s+)?)$",
    re.IGNORECASE,
)
#: What stands right of it: "AFP photo", "via Getty", "/ Getty".
PHOTO_RIGHT = re.compile(
    r"^\s*(?:photos?|pictures?|images?)\b|^\s*via\s+getty\b|^\s*/\s*getty\b", re.IGNORECASE
)
#: "REUTERS/Amr Abdallah Dalsh": a capitalised agency, a slash and the photographer.
PHOTO_SLASH_NAME = re.compile(r"^\s*/\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+)*")
#: "Evan Vucci / AP": the photographer's name and a slash before the agency.
NAME_SLASH_LEFT = re.compile(r"[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}\s*/\s*$")
#: The start of a photo credit around a mention, up to the mention (for its span).
PHOTO_CREDIT_START = re.compile(
    rf"(?:\(|\b{PHOTO_WORD}\b|\u00a9|"
    r"\(c\)|\bcopyright\b|[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}\s*/\s*$)"
    r"[^()]*$",
    re.IGNORECASE,
)
#: The end of a photo credit after the mention: " photos", "/Name", " via Getty Images".
PHOTO_CREDIT_END = re.compile(
    r"(?:\s*(?:photos?|pictures?|images?))?(?:\s*/\s*[\w.' \-]+?)?"
    r"(?:\s+via\s+Getty\s+Images)?(?=\s*[)\].,;]|\s*$)",
    re.I,
)
