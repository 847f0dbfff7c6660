"""Who attests which word: the cluster's other versions and sources, for the error checks.

:class:`WordIndex` is built once per audit from the corpus and the sources (owners
"article:ID" and "source:ID" of every word); :meth:`WordIndex.attested` returns the
:class:`AttestedWords` of one article (what the other texts of its story have), and an
:class:`ErrorContext` carries those words into the checks of one sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from wiretrace.language.lexicon import spelling_key
from wiretrace.language.text import tokens
from wiretrace.language.units import sentence_units


@dataclass(frozen=True)
class ErrorContext:
    """What else the cluster says: lower-case words attested in other versions or sources.

    A word that another version or the source also has is never a typo; a name or number
    of a new sentence is supported when the sources have it (or, with no sources, another
    version).
    """

    known_words: Collection[str] = frozenset()
    #: Words of the sources alone (wire copy or consensus texts); when given, a new
    #: sentence's specifics must be found here to count as supported.
    source_words: Collection[str] = frozenset()

    @property
    def support(self) -> Collection[str]:
        """The words that can support a new sentence: the sources', else the cluster's."""
        return self.source_words or self.known_words


class AttestedWords(Collection):
    """The words of a corpus index attested by some owner other than ``exclude``.

    A read-only view (no copy per article; each word's answer kept once asked, since a
    long article asks of the same words thousands of times): ``index`` maps a word to the
    set of its owners ("article:ID", "source:ID"); with ``sources_only`` only "source:"
    owners count; with ``within`` only the owners in that set (the texts of the same
    story) count.
    ``owners`` is every owner of the index (computed from it when not given).
    """

    def __init__(
        self,
        index: Mapping[str, set[str]],
        exclude: set[str],
        sources_only: bool,
        within: Collection[str] | None = None,
        owners: Collection[str] | None = None,
    ):
        self._index = index
        self._exclude = exclude
        self._sources_only = sources_only
        self._within = within
        self._memo: dict[str, bool] = {}  # the answer per word: the index is read-only
        if owners is None:
            owners = set().union(*index.values()) if index else set()
        self._any = any(self._counts(o) for o in (within if within is not None else owners))

    def _counts(self, owner: str) -> bool:
        return (
            owner not in self._exclude
            and (not self._sources_only or owner.startswith("source:"))
            and (self._within is None or owner in self._within)
        )

    def __contains__(self, word: object) -> bool:
        known = self._memo.get(word)  # type: ignore[call-overload]
        if known is None:
            known = self._memo[word] = self._attests(word)  # type: ignore[index]
        return known

    def _attests(self, word: object) -> bool:
        owners = self._index.get(word, ())  # type: ignore[arg-type]
        if self._within is not None and len(self._within) < len(owners):
            # A common word of a large folder: look through the story, not the folder.
            return any(o in owners and self._counts(o) for o in self._within)
        return any(self._counts(o) for o in owners)

    def __iter__(self) -> Iterator[str]:
        return (w for w in self._index if w in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return self._any


def _pieces(article) -> list[str]:
    """The text of ``article`` cut at its sentences: each sentence, and each stretch of
    text before, between and after them (headlines, bylines, boilerplate) that holds more
    than white space. A sentence's words and units are then the ones every check of it
    reads (cached), not read a second time in the whole text."""
    text, cursor, out = article.text, 0, []
    for sentence in article.sentences:
        if text[cursor : sentence.start].strip():
            out.append(text[cursor : sentence.start])
        out.append(sentence.text)
        cursor = max(cursor, sentence.end)
    if text[cursor:].strip():
        out.append(text[cursor:])
    return out


def _known_words(texts: Mapping[str, list[str]]) -> dict[str, set[str]]:
    """Word (and its spelling key, and each unit's key that is not a word) -> owners."""
    index: dict[str, set[str]] = defaultdict(set)
    for owner, pieces in texts.items():
        norms: set[str] = set()
        keys: set[str] = set()
        for piece in dict.fromkeys(pieces):  # a text's words once each, not once a use
            norms.update(tok.norm for tok in tokens(piece, words_only=True))
            keys.update(u.key.lower() for u in sentence_units(piece) if u.kind != "word")
        for norm in norms:
            index[norm].add(owner)
            index[spelling_key(norm)].add(owner)
        for key in keys:
            index[key].add(owner)
    return index


class WordIndex:
    """Which texts attest each word, built once per audit and shared by the error checks.

    Owners are "article:ID" for every accepted article and "source:ID" for every source
    (wire copy, consensus texts). ``clusters`` (article id -> story cluster) scopes what
    attests a word to the article's own story: a word is known when another version *of
    the same story* or its source has it, so an article gets the same findings whatever
    else is in the folder. A consensus source ``consensus:N`` belongs to cluster N, a wire
    source to its article's cluster. Without ``clusters`` the whole corpus is one story.
    """

    def __init__(
        self,
        corpus,
        sources: Mapping | None = None,
        clusters: Mapping[str, object] | None = None,
    ):
        texts = {f"article:{a.article_id}": _pieces(a) for a in corpus.ok}
        for source_id, source in (sources or {}).items():
            texts[f"source:{source_id}"] = _pieces(source)
        self.index = _known_words(texts)
        self.owners = set(texts)
        self._story: dict[str, set[str]] | None = None
        self._cluster_of: dict[str, object] = {}
        if clusters is not None:
            self._story = defaultdict(set)
            for owner in texts:
                kind, _, key = owner.partition(":")
                if key in clusters:
                    cluster = clusters[key]
                elif kind == "source" and key.startswith("consensus:"):
                    cluster = int(key.split(":")[1])
                else:
                    cluster = None
                self._cluster_of[key] = cluster
                self._story[cluster].add(owner)

    def attested(self, article_id: str, sources_only: bool = False) -> AttestedWords:
        """The words attested for ``article_id`` by the other texts of its story."""
        own = {f"article:{article_id}", f"source:{article_id}"}
        within = None
        if self._story is not None:
            within = self._story.get(self._cluster_of.get(article_id), set())
        return AttestedWords(self.index, own, sources_only, within=within, owners=self.owners)
