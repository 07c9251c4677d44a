"""Arabic letters, digits, month and weekday names, ordinal numbers.

Matching happens on a *normalised shadow* of the text with an offset map back to the
original, so facts can point at the exact characters a reader sees. Month and weekday
names come from CLDR (Babel), over every Arabic locale: Maghrebi (نونبر), Algerian and
Tunisian (جانفي), Levantine and Iraqi (تشرين الثاني) and generic (نوفمبر) spellings.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

TATWEEL = "\u0640"
_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # tashkeel, Quranic marks, tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c]"  # invisibles
)
_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ک": "ك", "ڪ": "ك", "گ": "ك",
        "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
        "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " ",
        "٫": ".", "؛": ";",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    }
)
#: The same table as pairs: ``fold`` replaces each letter in turn, which CPython does
#: ~20 times faster than ``str.translate`` with a dict for non-ASCII text.
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def fold(text: str) -> str:
    """``text`` with the letters, digits and spaces of ``_FOLD`` folded (length kept)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ffA-Za-z0-9]+")


@dataclass(frozen=True)
class Shadow:
    """A normalised copy of ``original``: same length except dropped marks.

    ``cuts`` holds, for each dropped character, the shadow index where it was dropped;
    shadow index j maps back to original index j + (number of cuts <= j).
    """

    original: str
    text: str
    cuts: tuple[int, ...] = ()

    def position(self, j: int) -> int:
        return j + bisect.bisect_right(self.cuts, j) if self.cuts else j

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the shadow back to the original text."""
        if end <= start:
            pos = self.position(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self.position(start), self.position(end - 1) + 1

    @property
    def offsets(self) -> tuple[int, ...]:
        return tuple(self.position(j) for j in range(len(self.text)))


def shadow(text: str, folded: str | None = None) -> Shadow:
    """Normalise for matching: no tashkeel/tatweel/invisibles; folded letters and digits.

    ``folded`` is ``fold(text)`` when it is known already (folding and dropping commute:
    no character that folds is dropped or folds to one that is)."""
    folded = fold(text) if folded is None else folded
    kept = _DROP.split(folded)  # the text between dropped characters
    if len(kept) == 1:
        return Shadow(text, folded)
    # the k-th dropped character was at shadow index len(kept[0]) + … + len(kept[k])
    return Shadow(text, "".join(kept), tuple(accumulate(map(len, kept[:-1]))))


def drop_marks(text: str) -> str:
    """``text`` without tashkeel, tatweel and invisible characters."""
    return _DROP.sub("", text)


def norm(text: str) -> str:
    """The shadow's text alone, with whitespace runs collapsed (for keys and lookups)."""
    # str.split() and the regex \s agree on whitespace: the runs of \s+ become one space
    return " ".join(fold(_DROP.sub("", unicodedata.normalize("NFC", text))).split())


_DISPLAY_SPACE = re.compile(r"[ \t\u00a0\u202f\u2007\u2009][ \t\u00a0\u202f\u2007\u2009]*")  # (as …+, faster)


def clean_display(text: str) -> str:
    """Text as shown: NFC, tatweel kept (it is the author's), NBSP runs become one space."""
    return _collapse_spaces(unicodedata.normalize("NFC", text)).strip()


def _collapse_spaces(text: str) -> str:
    if "  " in text or "\t" in text or "\u00a0" in text or "\u202f" in text or "\u2007" in text or "\u2009" in text:
        text = _DISPLAY_SPACE.sub(" ", text)  # (single spaces alone are already as shown)
    return text


def display_lines(text: str) -> list[tuple[str, str]]:
    """(``clean_display(line)``, ``fold`` of it) for each line of ``text``, worked out for the
    whole text at once: normalising (a newline composes with nothing), collapsing space
    runs (they hold no newline) and folding (char by char, and spaces stay spaces, so it
    commutes with strip) never reach across a line. Each shown line is NFC too: NFC text
    stays NFC when a run of space-like starters becomes one space, or is stripped."""
    shown = _collapse_spaces(unicodedata.normalize("NFC", text))
    return [(line.strip(), folded.strip()) for line, folded in zip(shown.split("\n"), fold(shown).split("\n"),
                                                                   strict=True)]


def has_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))


# --------------------------------------------------------------------------- clitics

@functools.lru_cache(maxsize=65536)
def clitic_variants(token: str) -> tuple[tuple[str, int], ...]:
    """A normalised token and the forms it may hide behind proclitics.

    Returns (form, number of characters stripped from the front), the token itself first:
    ``والصين`` → الصين; ``للمغرب`` → المغرب; ``بالمغرب`` → المغرب; ``لتركيا`` → تركيا.
    """
    out = [(token, 0)]
    seen = {token}

    def add(form: str, cut: int) -> None:
        if len(form) >= 2 and form not in seen:
            seen.add(form)
            out.append((form, cut))

    rest, cut = token, 0
    if len(rest) > 3 and rest[0] in "وف":
        rest, cut = rest[1:], 1
        add(rest, cut)
    if len(rest) > 3 and rest.startswith("لل"):
        add("ال" + rest[2:], cut + 1)
    if len(rest) > 3 and rest[0] in "بلك":
        add(rest[1:], cut + 1)
    return tuple(out)


def strip_al(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


# --------------------------------------------------------------------------- phrase patterns

def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex for any of ``phrases`` (a space in one matches a run of whitespace), the
    longest first: it matches as ``(?:p1|p2|…)`` with the phrases sorted longest first.

    It is written as a trie (الثاني(?:ه(?:\\s+والتسعين|…)|…)): at each point one branch per
    next letter, and a longer phrase tried before the shorter one it extends. The phrases
    that match where a match is tried are each a prefix of the next longer one, so both
    forms try them in the same order; the trie does not try each phrase in turn.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for unit in re.findall(r" |[^ ]", phrase):
            node = node.setdefault(unit, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict) -> str:
        branches = [(r"\s+" if unit == " " else re.escape(unit)) + pattern(child)
                    for unit, child in sorted(node.items()) if unit]
        if "" in node:
            branches.append("")  # after every longer one
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?:" + pattern(trie) + ")"


# --------------------------------------------------------------------------- months and days

@functools.cache
def month_names() -> dict[str, int]:
    """Normalised month name → month number, from every Arabic CLDR locale, and the
    English and French names that Arabic pages print their dates with (``Nov 24, 2025``,
    ``24 novembre 2025``), as written and capitalised."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    table: dict[str, int] = {}
    for ident in sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_")):
        months = Locale.parse(ident).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = norm(name)
                    if key and not key.isdigit():
                        table.setdefault(key, number)
    for ident in ("en", "fr"):
        months = Locale.parse(ident).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in months[width].items():
                name = name.rstrip(".")
                if len(name) >= 3:
                    table.setdefault(name, number)
                    table.setdefault(name[:1].upper() + name[1:], number)
    return table


@functools.cache
def weekday_names() -> dict[str, int]:
    """Normalised weekday name (with ال) → Python weekday (Monday = 0), from CLDR."""
    from babel import Locale

    table: dict[str, int] = {}
    days = Locale.parse("ar").days
    for context in ("format", "stand-alone"):
        for number, name in days[context]["wide"].items():
            key = norm(name)
            table[key] = number
            table[strip_al(key) if key.startswith("ال") else key] = number
    return table


def month_pattern() -> str:
    return phrase_pattern(month_names())


def month_number(name: str) -> int | None:
    return month_names().get(re.sub(r"\s+", " ", name))


# --------------------------------------------------------------------------- ordinals

_UNITS = {
    1: ("الاول", "الاولي", "الحادي", "الحاديه"),
    2: ("الثاني", "الثانيه"),
    3: ("الثالث", "الثالثه"),
    4: ("الرابع", "الرابعه"),
    5: ("الخامس", "الخامسه"),
    6: ("السادس", "السادسه"),
    7: ("السابع", "السابعه"),
    8: ("الثامن", "الثامنه"),
    9: ("التاسع", "التاسعه"),
}
_TENS = {
    20: ("العشرين", "العشرون"),
    30: ("الثلاثين", "الثلاثون"),
    40: ("الاربعين", "الاربعون"),
    50: ("الخمسين", "الخمسون"),
    60: ("الستين", "الستون"),
    70: ("السبعين", "السبعون"),
    80: ("الثمانين", "الثمانون"),
    90: ("التسعين", "التسعون"),
}
_TEN = ("العاشر", "العاشره")
_TEEN = ("عشر", "عشره")
_HUNDRED = ("المائه", "المئه", "المايه")


@functools.cache
def ordinal_words() -> dict[str, int]:
    """Normalised ordinal phrase → number, for 1–199, masculine and feminine.

    ``الثانية والتسعين`` → 92, ``الحادية والتسعين`` → 91, ``التسعين`` → 90,
    ``الثالثة عشرة`` → 13, ``الحادية بعد المائة`` → 101, ``المائة`` → 100.
    """
    below: dict[str, int] = {}
    for n, forms in _UNITS.items():
        for f in forms:
            if f not in ("الحادي", "الحاديه"):
                below[f] = n
    for f in _TEN:
        below[f] = 10
    for n, forms in _UNITS.items():
        for f in forms:
            for t in _TEEN:
                below[f"{f} {t}"] = 10 + n
    for tens, tforms in _TENS.items():
        for t in tforms:
            below[t] = tens
            for n, forms in _UNITS.items():
                for f in forms:
                    below[f"{f} و{t}"] = tens + n
    table = dict(below)
    for h in _HUNDRED:
        table[h] = 100
        for phrase, n in below.items():
            table[f"{phrase} بعد {h}"] = 100 + n
            table[f"{h} و{phrase}"] = 100 + n
    return table


def ordinal_pattern() -> str:
    return phrase_pattern(ordinal_words())


def ordinal_value(phrase: str) -> int | None:
    return ordinal_words().get(re.sub(r"\s+", " ", phrase))
