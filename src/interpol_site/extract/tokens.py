"""Tokens of a shadow text and a longest-match phrase finder shared by the gazetteers.

A paragraph has hundreds of tokens and only a few of them can start a name, a country
or a city. So tokens are kept as plain lists (``Words``: texts, offsets, the gaps between
them) made by one ``re.split``, and each gazetteer is looked up through a table of the
*surface* forms of its first words, proclitics included (``surface_forms``): a finder
looks at the few tokens found in the table, never calls Python for every token.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import accumulate, compress
from typing import NamedTuple, TypeVar

from ..arabic import clitic_variants

_LETTERS = r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z0-9]"
# A pattern that opens with a character set (not a repeat of one) lets the regex engine
# skip ahead to a character of the set: X+ is written XX*.
_SPLIT = re.compile(f"({_LETTERS}{_LETTERS}*)")
_SENTENCE = re.compile(r"[.!?؟؛;\n][.!?؟؛;\n]*")  # ("[.!?؟؛;\n]+|\.\." before: the class has the dot)

T = TypeVar("T")


class Words:
    """The tokens of a shadow text, as parallel lists: ``words[k]`` is
    ``text[starts[k]:ends[k]]`` and ``gaps[k]`` the text between tokens k and k + 1.

    ``candidates``, when known, are the indexes of the tokens found in a lexicon that holds
    every table ``hits`` will be asked about: then only those tokens are looked up again.
    """

    __slots__ = ("text", "words", "starts", "ends", "gaps", "candidates", "hamza_al")

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int], gaps: list[str],
                 candidates: list[int] | None = None, hamza_al: frozenset[int] = frozenset()):
        self.text = text
        self.words = words
        self.starts = starts
        self.ends = ends
        self.gaps = gaps
        self.candidates = candidates
        # tokens written إل…/أل… that the shadow folds to ال…: a name (إليانور), not the article
        self.hamza_al = hamza_al

    def definite(self, k: int) -> bool:
        """Whether token k opens with the article ال (as written: not إليانور، أليستير)."""
        return self.words[k].startswith("ال") and k not in self.hamza_al

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, k: int) -> bool:
        """True when only spaces separate tokens k and k + 1 (no comma, period, bracket)."""
        return not self.gaps[k].strip()

    def run(self, i: int, limit: int) -> int:
        """How many tokens from token i on (at most ``limit``) only spaces separate."""
        n, gaps, last = 1, self.gaps, min(i + limit, len(self.words)) - 1
        while i + n - 1 < last and not gaps[i + n - 1].strip():
            n += 1
        return n

    def with_words(self, words: list[str], changed: Iterable[int] = ()) -> Words:
        """The same tokens under other texts (e.g. a final ى restored) at ``changed``."""
        candidates = self.candidates
        if candidates is not None:
            candidates = sorted({*candidates, *changed})
        return Words(self.text, words, self.starts, self.ends, self.gaps, candidates, self.hamza_al)

    def hits(self, table: Collection[str]) -> list[int]:
        """Indexes of the tokens that are in ``table`` (part of the lexicon), in order."""
        if self.candidates is not None:
            words = self.words
            return [k for k in self.candidates if words[k] in table]
        return self.scan(table)

    def scan(self, table: Collection[str]) -> list[int]:
        """Indexes of the tokens that are in ``table`` (any table), in order."""
        return list(compress(range(len(self.words)), map(table.__contains__, self.words)))

    def index_at(self, position: int) -> int:
        """Index of the last token starting at or before ``position`` (-1: none)."""
        return bisect.bisect_right(self.starts, position) - 1


def tokens(text: str, lexicon: Collection[str] | None = None) -> Words:
    """The tokens of ``text``: one ``re.split``, offsets summed in C. With a ``lexicon``
    (see ``Words``), the tokens in it are found now, in one pass for every table."""
    parts = _SPLIT.split(text)  # gap, token, gap, token, …, gap
    bounds = list(accumulate(map(len, parts)))  # where each part ends
    toks = Words(text, parts[1::2], bounds[0:-1:2], bounds[1::2], parts[2:-1:2])
    if lexicon is not None:
        toks.candidates = toks.scan(lexicon)
    return toks


_new = tuple.__new__  # a NamedTuple without its Python-level __new__ (a few times faster)


class PhraseMatch(NamedTuple):
    start: int  # shadow offset of the phrase (after any clitic)
    end: int
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    key: tuple[str, ...]
    value: object
    clitic: str  # the proclitics in front of the phrase, e.g. "و", "ب", "لل"


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only begin at one of ``starts``
    (ascending) and never matches the empty string: tried only there.

    A pattern that opens with a look-behind or an optional group makes the regex engine
    try every position of the text; the callers know the few where a match can begin.
    """
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                end = m.end()
                yield m


def occurrences(text: str, needles: Iterable[str]) -> list[int]:
    """Where each of ``needles`` occurs in ``text`` (overlaps included), in order."""
    out = []
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            out.append(at)
            at = text.find(needle, at + 1)
    return sorted(out)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph (split at . ! ? ؟ ؛ and newlines)."""
    out, pos = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out or [(0, len(text))]


# --------------------------------------------------------------------------- surface forms

#: What ``clitic_variants`` strips, as prefixes to put back: و/ف, then ب/ل/ك or لل (→ ال).
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


def surface_forms(base: Collection[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Every word whose ``clitic_variants`` include a word of ``base`` → those (form, cut)
    pairs, in the order ``clitic_variants`` gives them.

    The inverse of ``clitic_variants``: each base word with the proclitics it may hide
    behind put back (``المغرب`` → ``والمغرب``, ``للمغرب``, ``وللمغرب``, ``بالمغرب`` …), kept
    only where ``clitic_variants`` of the result does give the base word back.
    """
    variants = clitic_variants.__wrapped__  # (not through its cache: these words are many)
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for word in base:
        candidates = [c + p + word for c in _CONJUNCTIONS for p in _PREPOSITIONS]
        if word.startswith("ال"):
            candidates += [c + "لل" + word[2:] for c in _CONJUNCTIONS]
        for surface in candidates:
            if surface not in out:
                forms = tuple((form, cut) for form, cut in variants(surface) if form in base)
                if forms:
                    out[surface] = forms
    return out


class _Start(NamedTuple):
    """How a surface word may start a key of a phrase table."""

    form: str  # the key's first word
    longest: int  # tokens of the longest key starting with it
    skip: int  # characters before the phrase (a clean prefix: و+الصين; للمغرب keeps its لل)
    clitic: str  # the proclitics stripped


class _Ways(NamedTuple):
    """The ways a surface word starts keys of a phrase table."""

    ways: tuple[_Start, ...]  # in the order of clitic_variants
    # when every way starts only one-word keys, the first way's match: (skip, key, value, clitic)
    single: tuple[int, tuple[str, ...], object, str] | None


_STARTS: dict[int, dict[str, _Ways]] = {}


def starts_of(table: dict) -> dict[str, _Ways]:
    """Surface word → the ways it starts a key of ``table`` (tables live forever)."""
    index = _STARTS.get(id(table))
    if index is None:
        longest: dict[str, int] = {}
        for key in table:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        index = {}
        for surface, forms in surface_forms(longest).items():
            ways = tuple([
                _new(_Start, (form, longest[form], len(surface) - len(form) if surface.endswith(form) else 0,
                              surface[:cut]))
                for form, cut in forms
            ])
            single = None
            if max(w.longest for w in ways) == 1:
                skip, form, clitic = ways[0].skip, ways[0].form, ways[0].clitic
                single = (skip, (form,), table[form,], clitic)
            index[surface] = _new(_Ways, (ways, single))
        _STARTS[id(table)] = index
    return index


def find_phrases(
    text: str,
    toks: Words,
    table: dict[tuple[str, ...], T],
    max_len: int,
    accept: Callable[[tuple[str, ...], T], bool] | None = None,
) -> list[PhraseMatch]:
    """Longest non-overlapping matches of ``table`` keys, allowing proclitics on the first
    token (و ف ب ك ل، لل→ال). A key mapped to None still consumes its tokens (blockers).
    ``accept`` (default: all) may refuse a key, and a shorter one is tried."""
    starts = starts_of(table)
    words = toks.words
    out: list[PhraseMatch] = []
    free = 0  # the first token not inside a match
    for i in toks.hits(starts):
        if i < free:
            continue
        ways, single = starts[words[i]]
        if single is not None and accept is None:
            # only one-word keys: the first form's wins (a later one is no longer)
            skip, key, value, clitic = single
            out.append(_new(PhraseMatch, (toks.starts[i] + skip, toks.ends[i], i, i, key, value, clitic)))
            free = i + 1
            continue
        best: PhraseMatch | None = None
        run = toks.run(i, max(how.longest for how in ways))  # a key spans only space-joined tokens
        for how in ways:
            for n in range(min(how.longest, run), 0, -1):
                key = (how.form, *words[i + 1 : i + n])
                if key in table and (accept is None or accept(key, table[key])):
                    if best is None or n > best.last - best.first + 1:
                        best = PhraseMatch(toks.starts[i] + how.skip, toks.ends[i + n - 1], i, i + n - 1,
                                           key, table[key], how.clitic)
                    break
        if best is not None:
            out.append(best)
            free = best.last + 1
    return out
