"""Frozen records passed between the pipeline stages.

Every extracted fact carries its evidence: the paragraph it came from and the exact
span of the original (not normalised) paragraph text, plus how it was obtained.
All records are plain data: ``to_json()`` gives the extract contract, so records can
be produced by any map engine and fed to the renderer as JSON Lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

import msgspec

Status = Literal["stated", "inferred", "editorial"]


#: Records keep one copy of their repeated strings for the whole corpus (``sys.intern``
#: in ``__post_init__``, which msgspec calls on decoding too): a corpus holds each rule,
#: status, mention and name thousands of times (at 10,000 articles the peak of a build
#: went from 485 to 417 MB).
_set = object.__setattr__
_intern = sys.intern


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: ``paragraph`` indexes ``Article.body`` (-1 = title,
    -2 = byline).

    ``start``/``end`` are character offsets into that paragraph as displayed, and
    ``text`` is ``paragraph[start:end]``. ``rule`` names the rule that fired.
    ``status`` is "stated" (read in this article), "inferred" (taken from another
    article, named in ``source_file``) or "editorial" (set by an editor's sidecar).
    """

    paragraph: int
    start: int
    end: int
    text: str
    rule: str = ""
    status: Status = "stated"
    source_file: str | None = None

    def __post_init__(self) -> None:
        _set(self, "text", _intern(self.text))
        _set(self, "rule", _intern(self.rule))
        _set(self, "status", _intern(self.status))


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date
    text: str = ""
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_single(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A day range stated without a year (``بين 4 و7 نونبر الجاري``); the year is settled
    later, from the article's other dates or the corpus."""

    day1: int
    month1: int
    day2: int
    month2: int
    current: bool = False  # said "of the current month" (الجاري/الحالي)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """``اليوم الخميس``: the event happened on this weekday (Monday = 0); ``offset`` is the
    publication day relative to it (0 today, 1 yesterday, -1 tomorrow, None unknown)."""

    weekday: int
    offset: int | None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Venue:
    ar: str  # as written in the text (without clitics)
    ar_canonical: str
    en: str
    slug: str
    country: str | None = None  # ISO code of the city's country (not a fact of the article)
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "ar", _intern(self.ar))
        _set(self, "ar_canonical", _intern(self.ar_canonical))
        _set(self, "en", _intern(self.en))
        _set(self, "slug", _intern(self.slug))


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # canonical full name, titles stripped
    slug: str
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: int = 1
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "name", _intern(self.name))
        _set(self, "slug", _intern(self.slug))


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    ar: str  # as written (first mention, clitics removed)
    ar_canonical: str
    en: str
    slug: str
    mentions: int = 1
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "code", _intern(self.code))
        _set(self, "ar", _intern(self.ar))
        _set(self, "ar_canonical", _intern(self.ar_canonical))
        _set(self, "en", _intern(self.en))
        _set(self, "slug", _intern(self.slug))


@dataclass(frozen=True, slots=True)
class Session:
    number: int
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Stripped:
    """A line removed from the article as boilerplate, kept for ``--explain``."""

    line: int  # 1-based line number in the source file
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    file: str  # path relative to the source folder, POSIX separators
    id: str  # stable ASCII slug, unique in the corpus
    title: str | None
    body: tuple[str, ...]  # clean paragraphs, text as written
    body_lines: tuple[int, ...] = ()  # 1-based source line of each paragraph
    published: dt.date | None = None
    published_evidence: tuple[Evidence, ...] = ()
    author: str | None = None
    source: str | None = None
    byline: str | None = None  # the byline text as written (evidence paragraph -2)
    event_dates: tuple[DateRange, ...] = ()
    date: dt.date | None = None
    date_evidence: tuple[Evidence, ...] = ()
    partial_dates: tuple[PartialDate, ...] = ()
    weekdays: tuple[WeekdayRef, ...] = ()
    next_session_venue: Venue | None = None  # a city named as the venue of the next session
    other_session_venues: tuple[tuple[int, Venue], ...] = ()  # "الدورة 93 بمراكش" in an article on 92
    session: Session | None = None
    venue: Venue | None = None
    people: tuple[Person, ...] = ()
    countries: tuple[Country, ...] = ()
    stripped: tuple[Stripped, ...] = ()
    content_hash: str = ""
    markdown: bool = False  # body paragraphs are trusted HTML rendered from Markdown
    editorial: tuple[str, ...] = ()  # names of fields set by an editor's sidecar

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Corpus:
    """All articles after linking, plus the corpus-wide tables."""

    articles: tuple[Article, ...]
    sessions: tuple[SessionInfo, ...] = ()
    problems: tuple[Any, ...] = field(default=())
    pages: tuple[TextPage, ...] = ()  # Markdown pages of the ``pages/`` folder


@dataclass(frozen=True, slots=True)
class TextPage:
    """A Markdown page of ``pages/`` (about, methodology): safe HTML, with the site layout."""

    file: str
    slug: str
    title: str
    html: str  # rendered and sanitised (markdown_text.to_html)


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """What the corpus states about one General Assembly session."""

    number: int
    venue: Venue | None
    dates: DateRange | None
    year: int | None
    sources: tuple[str, ...] = ()  # files that stated the venue or dates


def generated_title(a: Article) -> str:
    """A title for an article that has none: the start of its first sentence."""
    source = " ".join((a.body[0] if a.body else PurePosixPath(a.file).stem).split())
    if a.markdown:
        source = re.sub(r"<[^>]+>", "", source)
    sentence = re.split(r"(?<=[.!؟?])\s", source, maxsplit=1)[0]
    words = sentence.split()
    title = " ".join(words[:12]).rstrip("،,;:.")
    return title + ("…" if len(words) > 12 or sentence != source else "") if title else a.file


def _jsonable(value: Any) -> Any:
    encode = _ENCODERS.get(type(value))
    if encode is None:
        encode = _ENCODERS[type(value)] = _encoder(type(value))
    return encode(value)


def _same(value: Any) -> Any:
    return value


def _encoder(kind: type) -> Callable[[Any], Any]:
    """How to turn a value of ``kind`` into JSON data, worked out once per type."""
    if issubclass(kind, dt.date):
        return kind.isoformat
    if dataclasses.is_dataclass(kind):
        names = tuple(f.name for f in dataclasses.fields(kind))
        return lambda v: {n: _jsonable(getattr(v, n)) for n in names}
    if issubclass(kind, (list, tuple)):
        return lambda v: [_jsonable(x) for x in v]
    if issubclass(kind, dict):
        return lambda v: {k: _jsonable(x) for k, x in v.items()}
    return _same


_ENCODERS: dict[type, Callable[[Any], Any]] = {str: _same, int: _same, type(None): _same, bool: _same}


def to_data(value: Any) -> Any:
    """Any record as plain JSON data (dates as ISO strings); ``from_data`` reverses it."""
    return _jsonable(value)


def from_data(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a record class or a type hint) from ``to_data``
    output: the seam for extraction results stored as JSON (cache, JSON Lines)."""
    return _decoder(kind)(data)


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of ``kind`` from JSON data, worked out once per type."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(k for k in typing.get_args(kind) if k is not type(None)))
        return lambda d: None if d is None else inner(d)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is _same else lambda d: tuple(map(item, d))
        items = tuple(_decoder(k) for k in args)
        return lambda d: tuple(f(v) for f, v in zip(items, d, strict=True))
    if origin is typing.Literal or kind is Any:
        return _same
    if dataclasses.is_dataclass(kind):
        fields = {name: _decoder(hint) for name, hint in typing.get_type_hints(kind).items()}
        return lambda d: None if d is None else kind(**{n: fields[n](v) for n, v in d.items()})
    if kind is dt.date:
        return lambda d: None if d is None else dt.date.fromisoformat(d)
    return _same


def to_json(article: Article) -> dict[str, Any]:
    """The extract contract: one JSON object per article (see README, "Records")."""
    data = _jsonable(article)
    data["session"] = article.session.number if article.session else None
    data["session_evidence"] = _jsonable(article.session.evidence) if article.session else []
    return data


# --------------------------------------------------------------------------- fast JSON

_ENCODER = msgspec.json.Encoder(order="sorted")


def encode(value: Any) -> bytes:
    """``to_data(value)`` as compact UTF-8 JSON with sorted keys: the same bytes as
    ``json.dumps(to_data(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))``,
    made in C by msgspec, several times faster (the cache and ``records.json`` hold
    megabytes of records)."""
    return _ENCODER.encode(value)


@functools.cache
def _json_decoder(kind: Any) -> msgspec.json.Decoder:
    return msgspec.json.Decoder(kind)


def decode(kind: Any, data: bytes) -> Any:
    """The value of type ``kind`` (a record class or a type hint) that ``encode`` made
    ``data`` from, checked against the type: the reverse of ``encode``."""
    return _json_decoder(kind).decode(data)


def encode_json(article: Article) -> bytes:
    """``to_json(article)`` as ``encode`` writes it: the article's object in records.json."""
    fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
    fields["session"] = article.session.number if article.session else None
    fields["session_evidence"] = article.session.evidence if article.session else ()
    return _ENCODER.encode(fields)
