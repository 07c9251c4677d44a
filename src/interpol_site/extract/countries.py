"""Countries named in the text, as nouns or adjectives, behind clitics.

``والصين`` → CN, ``للمغرب``/``بالمغرب`` → MA, ``الشرطة الوطنية الإسبانية`` → ES,
``النرويجية`` → NO, ``كوريا الجنوبية`` → KR. Regions and organisations that contain a
country-like word (``أمريكا اللاتينية``, ``الأمم المتحدة``) are consumed as blockers.
Words that are also common words (``مالي`` "financial", ``بنين`` "sons") count only with
corroboration: in a list of countries, or after دولة/جمهورية/بلد/في/إلى/من/منتخب/شمال ….
A city is not its country, and nisba surnames inside a person's name are not countries.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..gazetteer import countries
from .tokens import PhraseMatch, Words, find_phrases

_new = tuple.__new__  # a NamedTuple without its Python-level __new__

_CORROBORATE_BEFORE = re.compile(
    r"(?:^|\s)(?:دوله|دول|جمهوريه|بلد|بلاد|مملكه|في|الي|من|مع|نحو|داخل|عاصمه|سفير|سفاره|حكومه|سلطات|شعب|حدود"
    r"|رئيس|منتخب|شمال|جنوب|شرق|غرب|وسط)\s*$")


#: The word before a street's name (normalised): "بشارع لبنان", "نهج الجزائر".
_STREET = re.compile(r"(?:شارع|نهج|زنقه|جاده|ساحه|درب)\s+$")


class CountryMention(NamedTuple):
    segment: int
    start: int
    end: int
    code: str
    clitic: str


def find_countries(
    text: str, toks: Words, segment: int, blocked: list[tuple[int, int]] = ()
) -> list[CountryMention]:
    """Country mentions in a shadow text; spans in ``blocked`` (people, cities) are skipped."""
    table = countries()
    matches = find_phrases(text, toks, table.names, table.max_len)
    codes = [m for m in matches if m.value is not None]
    out = []
    for k, m in enumerate(codes):
        if blocked and any(a <= m.start < b for a, b in blocked):
            continue
        if m.key in table.ambiguous and not _corroborated(text, m, codes, k):
            continue
        if _STREET.search(text, max(0, m.start - 8), m.start):
            continue  # شارع لبنان، نهج الجزائر: a street's name
        if m.key[-1].endswith("يه") and (_a_language(text, m, matches) or "ب" in m.clitic and m.key in _languages()):
            continue  # "اللغات الرسمية الأربع، وهي العربية والإنجليزية والفرنسية": languages
        out.append(_new(CountryMention, (segment, m.start, m.end, m.value, m.clitic)))
    return out


#: What names languages before them (normalised): "باللغة الإنجليزية", "اللغات الرسمية
#: الأربع للمنظمة، وهي العربية والإنجليزية".
_LANGUAGE_BEFORE = re.compile(r"(?<!\w)[وب]?(?:ال)?لغ(?:ه|ات|تين|تان|تي)(?:\s+[^\s،,.]+){0,3}?\s*[:،,]?\s*"
                              r"(?:و?هي\s+|هما\s+)?$")


@functools.cache
def _languages() -> frozenset[tuple[str, ...]]:
    """The feminine adjectives that also name a language, as after بـ: "تغريدة بالإنجليزية"."""
    stems = ("انجليز", "انكليز", "فرنس", "اسبان", "عرب", "المان", "روس", "صين", "برتغال", "ايطال", "ترك",
             "فارس", "عبر", "يابان", "كور", "هولند", "سويد")
    return frozenset((f"ال{s}يه",) for s in stems)


def _a_language(text: str, m: PhraseMatch, matches: list[PhraseMatch]) -> bool:
    """Whether a feminine adjective (الإنجليزية) names a language: it, or the list of such
    adjectives it ends (joined by و or commas), follows a word for language."""
    k = next(i for i, x in enumerate(matches) if x is m)
    start = m.start
    while k > 0 and matches[k - 1].key[-1].endswith("يه") \
            and re.fullmatch(r"[\s،,]*", text[matches[k - 1].end:start - len(matches[k].clitic)]):
        k -= 1
        start = matches[k].start
    end = start - len(matches[k].clitic)
    return bool(_LANGUAGE_BEFORE.search(text, max(0, end - 60), end))


def _corroborated(text: str, m: PhraseMatch, codes: list[PhraseMatch], k: int) -> bool:
    """An ambiguous name counts in a list of countries or after a country-ish word."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(codes) and codes[j].key not in countries().ambiguous:
            gap = text[min(m.end, codes[j].end) : max(m.start, codes[j].start)]
            later = codes[max(j, k)]
            # a list joins its items with a comma or و: "العاصمة الأردنية عمان" is Amman
            if len(gap) <= 12 and re.fullmatch(r"[\s،,و]*", gap) and (
                    re.search(r"[،,و]", gap) or later.clitic.startswith("و")):
                return True
    if m.clitic.endswith("ب"):  # بمالي: "in Mali"
        return True
    return bool(_CORROBORATE_BEFORE.search(text[max(0, m.start - 10) : m.start]))
