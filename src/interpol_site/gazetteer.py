"""General knowledge, loaded once: countries (CLDR + pycountry + aliases), cities,
titles and names, boilerplate signals, INTERPOL General Assembly sessions.

Everything here is keyed by normalised spelling (see ``arabic.norm``), never by article.
Country names come from CLDR via Babel (all ISO 3166-1 territories) and from pycountry's
Arabic ISO 3166 catalogue; ``data/countries.yaml`` adds only the spellings both lack.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .arabic import norm

#: Codes that are no country of an article: CLDR's groupings and reserved codes, and
#: the special administrative regions of China, which the press names as cities
#: ("الدورة 94 في هونغ كونغ"; Hong Kong and Macau are in the city list, under CN).
_NOT_COUNTRIES = {"AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ", "CQ",
                  "HK", "MO"}


#: libyaml's parser where PyYAML has it: our tables load in 8 ms instead of 65 ms, the
#: same data (every build and every serve start pays it).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    text = resources.files("interpol_site").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER) or {}  # noqa: S506 (a safe loader)


def _code(value: Any) -> str:
    return "NO" if value is False else str(value).strip().upper()


# --------------------------------------------------------------------------- boilerplate

@dataclass(frozen=True)
class Boilerplate:
    ui_words: frozenset[str]
    cta_openers: tuple[str, ...]
    list_heading_endings: tuple[str, ...]  # "… ذات صلة": a short line ending so heads a link list
    byline_markers: dict[str, tuple[str, ...]]
    not_authors: frozenset[str]  # credits of no person (the agencies included)
    agencies: frozenset[str]  # ``agency_key`` of each wire agency
    outlets: frozenset[str]  # news outlets, normalised (a line that is only one credits it)

    def agency(self, credit: str) -> bool:
        return agency_key(credit) in self.agencies


def agency_key(credit: str) -> str:
    """A credit as agencies are looked up: normalised, without spaces, dots or brackets."""
    return re.sub(r"[\s.()«»\"'/]+", "", norm(credit))


@functools.cache
def boilerplate() -> Boilerplate:
    data = _load("boilerplate.yaml")
    return Boilerplate(
        ui_words=frozenset(norm(w) for w in data["ui_words"]),
        cta_openers=tuple(sorted({norm(w) for w in data["cta_openers"]}, key=len, reverse=True)),
        list_heading_endings=tuple(norm(w) for w in data["list_heading_endings"]),
        byline_markers={k: tuple(norm(w) for w in v) for k, v in data["byline_markers"].items()},
        not_authors=frozenset(norm(w) for w in data["not_authors"] + data["agencies"])
        | {agency_key(w) for w in data["agencies"]},
        agencies=frozenset(agency_key(w) for w in data["agencies"]),
        outlets=frozenset(norm(w) for w in data["outlets"]),
    )


# --------------------------------------------------------------------------- countries

@dataclass(frozen=True)
class CountryName:
    code: str
    ar: str  # canonical Arabic (CLDR)
    en: str  # English (CLDR)


@dataclass(frozen=True)
class CountryTable:
    names: dict[tuple[str, ...], str | None]  # normalised token tuple → code (None = blocker)
    ambiguous: frozenset[tuple[str, ...]]  # keys that need corroboration
    info: dict[str, CountryName]
    max_len: int


def _nisba_stems(name: str) -> list[str]:
    """Regular adjective stems of a one-word country name: إسبانيا → إسبان، النرويج → نرويج.

    ``name`` is as written: only a written ال is the article (ألمانيا keeps its ال)."""
    word = norm(name[2:] if name.startswith("ال") and len(name) > 4 else name)
    if " " in word or word.endswith("ي") or len(word) < 3:
        return []
    if word.endswith("يه"):
        return [word[:-2]]
    if word.endswith("يا") and len(word) > 4:
        return [word[:-2]]
    if word[-1] in "اه":
        return [word[:-1]]
    return [word]


def _stem_of(adjective: str) -> str:
    """نمساوي → نمساو: the stem the adjective endings attach to."""
    word = norm(adjective[2:] if adjective.startswith("ال") else adjective)
    return word[:-1] if word.endswith("ي") else word


def _adjective_forms(stem: str) -> list[str]:
    forms = [stem + "ي", stem + "يه", stem + "يون", stem + "يين", stem + "يات"]
    return forms + ["ال" + f for f in forms] + [stem + "يا"]  # (and "جواز سفر مالطيا": the accusative)


@functools.cache
def countries() -> CountryTable:
    import pycountry
    from babel import Locale

    ar_names = Locale.parse("ar").territories
    en_names = Locale.parse("en").territories
    iso = {c.alpha_2 for c in pycountry.countries}
    info = {
        code: CountryName(code, ar_names.get(code, code), en_names.get(code, code))
        for code in sorted(iso)
        if code not in _NOT_COUNTRIES
    }
    spellings: dict[str, set[str]] = {code: {c.ar} for code, c in info.items()}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value and c.alpha_2 in spellings:
                    translated = tr.gettext(value)
                    if translated != value:
                        for part in translated.split("،") if attr == "name" else [translated]:
                            spellings[c.alpha_2].add(part.strip())
    except OSError:  # pragma: no cover - pycountry always ships the Arabic catalogue
        pass

    data = _load("countries.yaml")
    for code, names in (data.get("aliases") or {}).items():
        spellings.setdefault(_code(code), set()).update(names)

    table: dict[tuple[str, ...], str | None] = {}
    owners: dict[tuple[str, ...], set[str]] = {}

    def add(name: str, code: str | None) -> None:
        key = tuple(norm(name).split())
        if not key:
            return
        owners.setdefault(key, set()).add(code or "")
        table[key] = code

    for code, names in sorted(spellings.items()):
        for name in sorted(names):
            add(name, code)
            for stem in _nisba_stems(name):
                for form in _adjective_forms(stem):
                    add(form, code)
    for code, adjectives in (data.get("adjectives") or {}).items():
        for adjective in adjectives:
            for form in _adjective_forms(_stem_of(adjective)):
                add(form, _code(code))
    for code, peoples in (data.get("peoples") or {}).items():
        for people in peoples:
            add(people, _code(code))
    for phrase in data.get("blockers") or []:
        table[tuple(norm(phrase).split())] = None
    # A spelling claimed by two countries (e.g. a bare كوريا) is too ambiguous to use.
    for key, codes in owners.items():
        if len(codes - {""}) > 1 and table.get(key) is not None:
            table[key] = None
    ambiguous = {
        tuple(norm(n).split())
        for names in (data.get("ambiguous") or {}).values()
        for n in names
    }
    for key in ambiguous:  # "ماليا" is "financially" as often as مالي is "financial"
        if len(key) == 1 and key[0].endswith("ي") and table.get((key[0] + "ا",)):
            table[(key[0] + "ا",)] = None
    for word in data.get("region_words") or []:
        for form in _adjective_forms(_stem_of(word)):
            table[tuple(form.split())] = None
    return CountryTable(table, frozenset(ambiguous), info, max(len(k) for k in table))


# --------------------------------------------------------------------------- cities

@dataclass(frozen=True)
class City:
    en: str
    ar: str  # canonical Arabic spelling
    country: str
    common_word: bool = False
    capital: bool = False


@dataclass(frozen=True)
class CityTable:
    names: dict[tuple[str, ...], City]
    max_len: int
    capitals: dict[str, City]  # country code → its capital


@functools.cache
def cities() -> CityTable:
    table: dict[tuple[str, ...], City] = {}
    for entry in _load("cities.yaml"):
        spellings = entry.get("ar") or []
        if not spellings:
            continue
        city = City(
            en=str(entry["en"]),
            ar=str(spellings[0]),
            country=_code(entry.get("country")),
            common_word=bool(entry.get("common_word")),
            capital=bool(entry.get("capital")),
        )
        for spelling in spellings:
            key = tuple(norm(spelling).split())
            if key and key not in table:
                table[key] = city
    capitals = {c.country: c for c in table.values() if c.capital}
    return CityTable(table, max((len(k) for k in table), default=1), capitals)


# --------------------------------------------------------------------------- people

@dataclass(frozen=True)
class NameWords:
    titles: tuple[tuple[str, ...], ...]  # longest first
    roles: tuple[tuple[str, ...], ...]  # longest first
    role_heads: frozenset[str]
    capacities: frozenset[str]  # خلف، ضيف: their accusative after a name is no name word
    given: frozenset[str]
    given_common: frozenset[str]  # given names that are also common words
    foreign: frozenset[str]  # the given names that are not Arabic (a surname may end in ـا)
    not_names: frozenset[str]
    named_after: frozenset[str]  # مطار، مستشفى: a royal title and a name after them name the place
    stopwords: frozenset[str]
    verbs: frozenset[str]  # the stopwords that are verbs (قال، يلتقي)


@functools.cache
def name_words() -> NameWords:
    data = _load("people.yaml")
    words = _load("stopwords.yaml")

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        items = {tuple(norm(p).split()) for p in data.get(key) or []}
        return tuple(sorted((i for i in items if i), key=len, reverse=True))

    roles = {tuple(norm(p).split()) for p in data.get("roles") or []}
    roles |= {f for f in map(_feminine, roles) if f}  # رئيسة الشرطة، المديرة العامة
    given = {norm(n) for n in (data.get("given_names") or []) + (data.get("foreign_given_names") or [])}
    stop = {_stop_form(w) for group in words.values() for w in group}
    given -= stop  # آن (Anne) would read every أن (that) as a name
    return NameWords(
        titles=phrases("titles"),
        roles=tuple(sorted((r for r in roles if r), key=len, reverse=True)),
        role_heads=frozenset(norm(w) for w in data.get("role_heads") or []),
        capacities=frozenset(norm(w) for w in data.get("capacities") or []),
        given=frozenset(g for g in given if g and " " not in g),
        given_common=frozenset(norm(n) for n in data.get("given_names_common") or [] if " " not in n),
        foreign=frozenset(norm(n) for n in data.get("foreign_given_names") or [] if " " not in n) & given,
        not_names=frozenset(norm(w) for w in data.get("not_names") or []),
        named_after=frozenset(norm(w) for w in data.get("named_after") or []),
        stopwords=frozenset(stop),
        verbs=frozenset(_stop_form(w) for w in words.get("verbs") or []),
    )


#: Adjectives of role phrases that agree with a woman holding the post (normalised).
_AGREEING = {"العام": "العامه", "عام": "عامه", "الامني": "الامنيه", "التنفيذي": "التنفيذيه",
             "الرسمي": "الرسميه", "الاول": "الاولي", "الاوروبي": "الاوروبيه", "السامي": "الساميه",
             "الوطني": "الوطنيه"}


def _feminine(role: tuple[str, ...]) -> tuple[str, ...] | None:
    """A role phrase as said of a woman (normalised: ة is ه): its head noun takes ـة and the
    adjectives agreeing with it follow (المدير العام → المديره العامه); None when the head is
    feminine already, or is no noun that takes ـة (ولي العهد)."""
    head = role[0]
    if head.endswith("ه") or head in ("ولي", "جلاله", "صاحب", "سمو", "فخامه", "معالي"):
        return None
    rest, agreeing = [], True
    for word in role[1:]:
        if agreeing and word in _AGREEING:
            rest.append(_AGREEING[word])
            continue
        agreeing = False  # past a genitive (مدير الشرطة القضائية) nothing agrees with the head
        rest.append(word)
    return (head + "ه", *rest)


def _stop_form(word: str) -> str:
    """A stopword as the person finder reads it: normalised, but على (on) keeps its ى,
    as the finder's tokens do, so that علي (Ali) stays a name."""
    folded = norm(word)
    return folded[:-1] + "ى" if word.endswith("ى") and folded.lstrip("وف") == "علي" else folded


# --------------------------------------------------------------------------- sessions

@dataclass(frozen=True)
class KnownSession:
    number: int
    year: int
    city: str  # English city name
    start: dt.date | None
    end: dt.date | None


@functools.cache
def known_sessions() -> dict[int, KnownSession]:
    """INTERPOL General Assembly sessions as published by INTERPOL (general knowledge)."""
    out: dict[int, KnownSession] = {}
    for entry in _load("sessions.yaml"):
        dates = entry.get("dates") or [None, None]
        out[int(entry["number"])] = KnownSession(
            int(entry["number"]), int(entry["year"]), str(entry["city"]), dates[0], dates[1]
        )
    return out
