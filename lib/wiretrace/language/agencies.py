"""The registry of news agencies: their names, abbreviations and aliases, read from data.

The registry lives in ``lib/wiretrace/data/agencies.csv`` (one row per agency) and a user
can extend it with CSV files of the same format (:func:`load_registry`). It answers one
question for :mod:`wiretrace.provenance.credits`: which agency, if any, does a piece of text
name, and how far can that naming be trusted.

Registry format (UTF-8 CSV, one row per agency; list fields separated by ``|``):

``agency``
    Short stable id used in every output table (``afp``, ``dpa``, ``reuters``...).
``name``
    Full name, for display.
``kind``
    ``agency`` for a named agency, ``generic`` for unnamed credits ("agencies").
``country``
    Home country (display only; may be empty).
``abbreviations``
    Short forms matched with their case as written (``AFP``, ``dpa``); in credit lines
    (sign-offs, datelines, photo credits, bylines) their all-lower and all-upper forms
    also match (``(cs/afp/dpa)``, ``© afp``).
``aliases``
    Names matched without regard to case (``Agence France-Presse``, ``Reuters``).
``ambiguous``
    The abbreviations or aliases above that also mean something else (``AP`` is also
    Andhra Pradesh, ``PA`` the Palestinian Authority, ``agencies`` any agencies). In
    running text they credit the agency only beside an unambiguous cue (``told AP``,
    ``an AP reporter``), never with a bare ``AP said``.
``other_meanings``
    Phrases whose presence anywhere in an article shows that the agency's names may mean
    something else there (``Andhra Pradesh`` for ``AP``) or that the article is about
    the agency as a company (``Thomson Reuters``). In such an article, running-text
    mentions credit the agency only beside a strong cue, and ambiguous forms not at all.

Returns :class:`Registry` objects; :func:`registry_table` gives the registry as a
DataFrame.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from wiretrace.language.resources import data_path

#: The registry shipped with wiretrace.
REGISTRY_PATH = data_path("agencies.csv")
REGISTRY_COLUMNS = [
    "agency",
    "name",
    "kind",
    "country",
    "abbreviations",
    "aliases",
    "ambiguous",
    "other_meanings",
]
_LIST_COLUMNS = ("abbreviations", "aliases", "ambiguous", "other_meanings")
KINDS = ("agency", "generic")


class RegistryError(ValueError):
    """Raised for a registry file that cannot be read as the format above."""


@dataclass(frozen=True)
class Agency:
    """One agency of the registry (see the module docstring for each field)."""

    agency: str
    name: str
    kind: str = "agency"
    country: str = ""
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    other_meanings: tuple[str, ...] = ()

    @property
    def generic(self) -> bool:
        """True for the unnamed credit ("agencies", "wire services")."""
        return self.kind == "generic"


@dataclass(frozen=True)
class Surface:
    """One spelling of an agency's name as it can appear in text.

    ``abbreviation`` spellings match with their case as written in running text;
    ``ambiguous`` ones need an unambiguous cue there (see the module docstring).
    """

    text: str
    agency: str
    abbreviation: bool
    ambiguous: bool
    generic: bool

    def matches(self, found: str, loose: bool) -> bool:
        """Whether ``found`` (text at a match) is this spelling.

        Aliases match in any case. Abbreviations match exactly, and with ``loose`` (in
        credit lines) also in all-lower or all-upper case.
        """
        if not self.abbreviation:
            return _squash(found).lower() == _squash(self.text).lower()
        if found == self.text:
            return True
        return loose and found in (self.text.lower(), self.text.upper())


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2011", "-")).strip()


@dataclass
class Registry:
    """The agencies of a registry and a compiled pattern that finds all their spellings."""

    agencies: dict[str, Agency]
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    pattern: re.Pattern = field(default=re.compile(r"(?!x)x"))

    def __post_init__(self) -> None:
        spellings: dict[str, list[Surface]] = {}
        for agency in self.agencies.values():
            ambiguous = {a.lower() for a in agency.ambiguous}
            for abbreviation in (False, True):
                forms = agency.abbreviations if abbreviation else agency.aliases
                for text in forms:
                    surface = Surface(
                        text=text,
                        agency=agency.agency,
                        abbreviation=abbreviation,
                        ambiguous=text.lower() in ambiguous,
                        generic=agency.generic,
                    )
                    spellings.setdefault(_squash(text).lower(), []).append(surface)
        self.surfaces = spellings
        alternatives = sorted(
            {_squash(s.text) for group in spellings.values() for s in group},
            key=lambda t: (-len(t), t),
        )
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in alternatives)
        self.pattern = re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])", re.IGNORECASE)

    def resolve(self, found: str, loose: bool = False) -> Surface | None:
        """The spelling ``found`` stands for, or None.

        ``loose`` (for credit lines) lets abbreviations match in all-lower or all-upper
        case too. When several agencies share a spelling the first in registry order wins.
        """
        for surface in self.surfaces.get(_squash(found).lower(), []):
            if surface.matches(found, loose):
                return surface
        return None

    def resolve_list(self, text: str) -> list[tuple[Surface, int, int]] | None:
        """Read ``text`` as a list of agencies only (``afp/dpa``, ``Reuters, AFP``).

        Items are separated by ``/``, ``,``, ``;``, ``&``, ``+`` or ``and``; lower-case
        items of up to four letters that are not agencies are taken for an editor's
        initials (``cs`` in ``cs/afp/dpa``) and skipped. Returns ``(surface, start, end)``
        for each agency (offsets into ``text``), or None when any other item is not an
        agency or no agency is named.
        """
        out = []
        cursor = 0
        pieces = []
        for sep in re.finditer(r"\s*(?:[/,;&+]|\band\b)\s*", text):
            pieces.append((cursor, sep.start()))
            cursor = sep.end()
        pieces.append((cursor, len(text)))
        for start, end in pieces:
            found = text[start:end].strip()
            if not found:
                continue
            start += len(text[start:end]) - len(text[start:end].lstrip())
            the = re.match(r"the\s+", found, re.IGNORECASE)
            surface = self.resolve(found, loose=True)
            if surface is None and the:
                surface = self.resolve(found[the.end() :], loose=True)
            if surface is not None:
                out.append((surface, start, start + len(found)))
            elif not re.fullmatch(r"[a-z]{1,4}", found):
                return None
        return out or None

    def other_meaning_in(self, agency: str, text: str) -> str:
        """The first of the agency's ``other_meanings`` phrases found in ``text``, or ''."""
        for phrase in self.agencies[agency].other_meanings:
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE):
                return phrase
        return ""

    def name(self, agency: str) -> str:
        """The display name of an agency id."""
        return self.agencies[agency].name


def _split(value: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(v.strip() for v in str(value).split("|") if v.strip())


def read_registry(path: str | Path) -> list[Agency]:
    """Read one registry CSV (format in the module docstring) into :class:`Agency` rows.

    Raises :class:`RegistryError` when the ``agency`` column is missing, an id is empty or
    a ``kind`` is not one of ``agency``/``generic``. An ``ambiguous`` entry must also be
    one of the row's abbreviations or aliases.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "agency" not in reader.fieldnames:
            raise RegistryError(f"{path}: a registry needs an 'agency' column")
        rows = list(reader)
    agencies = []
    for n, row in enumerate(rows, start=2):
        ident = (row.get("agency") or "").strip().lower()
        if not ident:
            raise RegistryError(f"{path}:{n}: empty agency id")
        kind = (row.get("kind") or "agency").strip() or "agency"
        if kind not in KINDS:
            raise RegistryError(f"{path}:{n}: kind must be one of {KINDS}, not {kind!r}")
        lists = {column: _split(row.get(column)) for column in _LIST_COLUMNS}
        names = {s.lower() for s in lists["abbreviations"] + lists["aliases"]}
        stray = [a for a in lists["ambiguous"] if a.lower() not in names]
        if stray:
            raise RegistryError(f"{path}:{n}: ambiguous {stray} not among the names of {ident}")
        agencies.append(
            Agency(
                agency=ident,
                name=(row.get("name") or "").strip() or ident,
                kind=kind,
                country=(row.get("country") or "").strip(),
                **lists,
            )
        )
    return agencies


def _merge(base: Agency, extra: Agency) -> Agency:
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*a, *b]))

    return Agency(
        agency=base.agency,
        name=extra.name if extra.name != extra.agency else base.name,
        kind=extra.kind if extra.kind != "agency" else base.kind,
        country=extra.country or base.country,
        abbreviations=union(base.abbreviations, extra.abbreviations),
        aliases=union(base.aliases, extra.aliases),
        ambiguous=union(base.ambiguous, extra.ambiguous),
        other_meanings=union(base.other_meanings, extra.other_meanings),
    )


@lru_cache(maxsize=1)
def _default() -> Registry:
    return Registry({a.agency: a for a in read_registry(REGISTRY_PATH)})


def load_registry(extra: str | Path | Iterable[str | Path] | None = None) -> Registry:
    """The shipped registry, extended by the CSV file(s) ``extra`` (same format).

    A row of ``extra`` whose ``agency`` id is already known adds its spellings and
    phrases to that agency (and replaces its name/country when given); a new id adds an
    agency. Without ``extra`` the shipped registry is read once and reused.
    """
    if extra is None:
        return _default()
    paths = [extra] if isinstance(extra, (str, Path)) else list(extra)
    agencies = dict(_default().agencies)
    for path in paths:
        for agency in read_registry(path):
            known = agencies.get(agency.agency)
            agencies[agency.agency] = _merge(known, agency) if known else agency
    return Registry(agencies)


def registry_table(registry: Registry | None = None) -> pd.DataFrame:
    """The registry as a table with :data:`REGISTRY_COLUMNS` (lists joined with ``|``)."""
    registry = registry or load_registry()
    rows = []
    for a in registry.agencies.values():
        rows.append(
            {
                "agency": a.agency,
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                **{column: "|".join(getattr(a, column)) for column in _LIST_COLUMNS},
            }
        )
    return pd.DataFrame(rows, columns=REGISTRY_COLUMNS)
